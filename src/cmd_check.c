/* cmd_check.c - `temm check`: the content loaded and validated (main has
 * already done both); say what it holds. */
#include "cli.h"
#include "json_out.h"
#include "print.h"

int cmd_check(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)err;
	if (cli->json) {
		json_t *o = json_pack("{s:s, s:s, s:b}", "kind", "check", "title", r->title,
				      "valid", 1);
		for (int k = 0; k < KIND_COUNT; k++)
			json_object_set_new(o, entity_kind_plural((enum entity_kind)k),
					    json_integer((json_int_t)report_count(r, (enum entity_kind)k)));
		json_print_line(out, o);
		return EXIT_OK;
	}
	print_wrapped(out, r->title, cli->width, "content is valid: ");
	/* entries of the content: temm's count, never to be read as the
	 * report's figures (it says the 2015-2019 plan had 37 activities) */
	for (int k = 0; k < KIND_COUNT; k++) {
		char count[32], what[64];
		snprintf(count, sizeof(count), "%6zu ", report_count(r, (enum entity_kind)k));
		snprintf(what, sizeof(what), "%s in the content", entity_kind_plural((enum entity_kind)k));
		print_wrapped(out, what, cli->width, count);
	}
	print_wrapped(out, "(entries temm counts; the figures the report gives: temm overview)",
		      cli->width, "");
	return EXIT_OK;
}
