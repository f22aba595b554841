/* cmd_keys.c - `temm keys`: the browser's key table, as text for people or
 * as man(7) source for the manual. It reads the table the browser
 * dispatches on (through cli->print_keys), so neither can drift. */
#include "cli.h"
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

static void text_line(FILE *out, char *line)
{
	char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
	if (!tab2) {
		fprintf(out, "%s\n", line);
		return;
	}
	*tab1 = *tab2 = '\0';
	fprintf(out, "  %-18s %-16s %s\n", line, tab1 + 1, tab2 + 1);
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
	for (char *line = strtok(table, "\n"); line; line = strtok(NULL, "\n")) {
		if (man)
			man_line(out, line);
		else
			text_line(out, line);
	}
	free(table);
	return EXIT_OK;
}
