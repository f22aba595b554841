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
	for (int k = 0; k < KIND_COUNT; k++)
		fprintf(out, "%6zu %s\n", report_count(r, (enum entity_kind)k),
			entity_kind_plural((enum entity_kind)k));
	return EXIT_OK;
}
