/* cmd_keys.c - `temm keys`: the browser's key table, as text for people,
 * as man(7) source for the manual or as JSON Lines. It reads the table the
 * browser dispatches on (through cli->print_keys), so neither can drift. */
#include "cli.h"
#include "json_out.h"
#include "print.h"
#include "sanitize.h"

#include <stdlib.h>
#include <string.h>

/* groff would read a leading '.' or '\'' as a request, '\' as an escape,
 * '-' as a hyphen. */
static void man_text(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\')
			fputs("\\e", out);
		else if (s[i] == '-')
			fputs("\\-", out);
		else if (i == 0 && (s[i] == '.' || s[i] == '\''))
			fprintf(out, "\\&%c", s[i]);
		else
			fputc(s[i], out);
	}
}

static void man_line(FILE *out, char *line)
{
	char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	if (!tab2) {
		fputs(".SS ", out);
		man_text(out, line, strlen(line));
		fputc('\n', out);
		return;
	}
	fputs(".TP\n.B ", out);
	man_text(out, line, (size_t)(tab1 - line));
	fputc('\n', out);
	man_text(out, tab2 + 1, strlen(tab2 + 1));
	fputs(" (", out);
	man_text(out, tab1 + 1, (size_t)(tab2 - tab1 - 1));
	fputs(")\n", out);
}

/* Aligned columns; a long help goes on under the help column. */
static void text_line(FILE *out, char *line, int width)
{
	char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	char *prefix;
	if (!tab2) {
		print_wrapped(out, line, width, "");
		return;
	}
	*tab1 = *tab2 = '\0';
	if (asprintf(&prefix, "  %-18s %-16s ", line, tab1 + 1) < 0)
		return;
	print_wrapped(out, tab2 + 1, width, prefix);
	free(prefix);
}

/* {"kind":"key","group":G,"keys":[...],"action":A,"help":H}: the keys as
 * a list, since one action has several. */
static void json_line(FILE *out, char *line, const char *group)
{
	char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	if (!tab2)
		return;
	*tab1 = *tab2 = '\0';
	json_t *keys = json_array();
	for (char *save, *k = strtok_r(line, " ", &save); k; k = strtok_r(NULL, " ", &save))
		json_array_append_new(keys, json_string(k));
	json_print_line(out, json_pack("{s:s, s:s, s:o, s:s, s:s}", "kind", "key", "group", group,
				       "keys", keys, "action", tab1 + 1, "help", tab2 + 1));
}

int cmd_keys(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)r;
	const char *format = cli->format ? cli->format : "text";
	bool man = strcmp(format, "man") == 0;
	if (!man && strcmp(format, "text") != 0) {
		sanitize_error(err, "unknown format '%s' (text or man)", format);
		return EXIT_USAGE;
	}
	if (cli->json && cli->format)
		return cli_no_json(man ? "keys --format=man" : "keys --format=text", err);
	if (!cli->print_keys) {
		fputs("temm: this build has no browser\n", err);
		return EXIT_FAIL;
	}
	char *table = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&table, &len);
	if (!mem)
		return EXIT_FAIL;
	cli->print_keys(mem);
	fclose(mem);
	const char *group = "";
	for (char *save, *line = strtok_r(table, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (!strchr(line, '\t'))
			group = line;
		if (cli->json)
			json_line(out, line, group);
		else if (man)
			man_line(out, line);
		else
			text_line(out, line, cli->width);
	}
	free(table);
	return EXIT_OK;
}
