/* cmd_dump.c - `temm dump` (the whole report as plain text, for pagers and
 * screen readers) and `temm outline` (its table of contents). */
#include "cli.h"
#include "json_out.h"
#include "print.h"

int cmd_dump(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)err;
	if (cli->json) {
		for (size_t i = 0; i < r->sections_count; i++)
			json_print_line(out, json_entity(r, (struct entity_ref){ KIND_SECTION, (int)i }, true));
		return EXIT_OK;
	}
	fprintf(out, "%s\n", r->title);
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = r->sections[i];
		fprintf(out, "\n%s\n", s->title);
		for (unsigned p = 0; p < s->paragraphs_count; p++) {
			fputc('\n', out);
			print_wrapped(out, s->paragraphs[p], cli->width, "");
		}
	}
	return EXIT_OK;
}

int cmd_outline(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)err;
	if (!cli->json)
		fprintf(out, "%s\n\n", r->title);
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = r->sections[i];
		if (cli->json) {
			json_print_line(out, json_entity(r, (struct entity_ref){ KIND_SECTION, (int)i }, false));
			continue;
		}
		fprintf(out, "%*s%s\n", 2 * s->depth, "", s->title);
	}
	return EXIT_OK;
}
