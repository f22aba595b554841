/* cmd_check.c - `temm check`: the content loaded and validated (main has
 * already done both); say what it holds. */
#include "cli.h"
#include "json_out.h"

int cmd_check(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)err;
	if (cli->json) {
		json_t *o = json_object();
		json_object_set_new(o, "valid", json_true());
		for (int k = 0; k < KIND_COUNT; k++)
			json_object_set_new(o, entity_kind_plural((enum entity_kind)k),
					    json_integer((json_int_t)report_count(r, (enum entity_kind)k)));
		json_print_line(out, o);
		return EXIT_OK;
	}
	fprintf(out, "content is valid: %s\n", r->title);
	/* entries of the content: temm's count, never to be read as the
	 * report's figures (it says the 2015-2019 plan had 37 activities) */
	for (int k = 0; k < KIND_COUNT; k++)
		fprintf(out, "%6zu %s in the content\n", report_count(r, (enum entity_kind)k),
			entity_kind_plural((enum entity_kind)k));
	fputs("(entries temm counts; the figures the report gives: temm overview)\n", out);
	return EXIT_OK;
}
