/* cmd_search.c - `temm search QUERY`: the hits, best first, each with
 * where it is and the words around the match; the entities a paragraph
 * hit names in the words that matched are listed under it ("also"). */
#include "cli.h"
#include "sanitize.h"
#include "json_out.h"
#include "present.h"
#include "print.h"
#include "search.h"
#include "search_rows.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

/* The command's words, joined with spaces, as one query. */
static char *join_args(const struct cli *cli)
{
	size_t len = 1;
	for (int i = 0; i < cli->args_count; i++)
		len += strlen(cli->args[i]) + 1;
	char *q = malloc(len);
	if (!q)
		return NULL;
	q[0] = '\0';
	for (int i = 0; i < cli->args_count; i++) {
		if (i)
			strcat(q, " ");
		strcat(q, cli->args[i]);
	}
	return q;
}

/* Where a hit is: "2.1 › 6) Circulative Management ...". */
static char *hit_where(const struct report *r, const struct search_hit *h, enum present_glyphs g)
{
	return present_place(r, h->unit->section_ix, g);
}

/* JSON consumers index strings by character, so offsets count characters. */
static json_t *json_marks(const struct snippet *sn)
{
	json_t *a = json_array();
	for (size_t i = 0; i < sn->marks_count; i++) {
		const uint8_t *s = (const uint8_t *)sn->text;
		size_t start = u8_mbsnlen(s, sn->marks[i].start);
		size_t len = u8_mbsnlen(s + sn->marks[i].start, sn->marks[i].len);
		json_array_append_new(a, json_pack("{s:I, s:I}", "start", (json_int_t)start,
						   "end", (json_int_t)(start + len)));
	}
	return a;
}

/* The entities a row names besides its own hit: [{"kind", "id"}, ...]. */
static json_t *json_also(const struct report *r, const struct search_results *res,
			 const struct search_row *row)
{
	json_t *a = json_array();
	for (size_t k = 0; k < row->also_count; k++) {
		struct entity_ref e = res->hits[row->also[k]].unit->ref;
		json_array_append_new(a, json_pack("{s:s, s:s}", "kind", entity_kind_name(e.kind),
						   "id", report_entity_id(r, e)));
	}
	return a;
}

static void print_hit_json(FILE *out, const struct report *r, const struct search_results *res,
			   const struct search_row *row, const struct snippet *sn)
{
	const struct search_hit *h = &res->hits[row->hit];
	json_t *o = json_entity(r, h->unit->ref);
	char *where = hit_where(r, h, PRESENT_UTF8); /* JSON is UTF-8 whatever the locale */
	if (!o)
		return;
	json_object_set_new(o, "where", json_string(where ? where : ""));
	json_object_set_new(o, "field", json_string(h->unit->field));
	if (h->unit->item >= 0)
		json_object_set_new(o, "item", json_integer(h->unit->item));
	json_object_set_new(o, "snippet", json_string(sn->text));
	json_object_set_new(o, "matches", json_marks(sn));
	json_object_set_new(o, "also", json_also(r, res, row));
	json_print_line(out, o);
	free(where);
}

static void print_snippet(FILE *out, const struct snippet *sn, bool mark)
{
	size_t at = 0;
	for (size_t i = 0; mark && i < sn->marks_count; i++) {
		/* bold, as grep --color marks a match */
		fprintf(out, "%.*s\033[1m%.*s\033[0m", (int)(sn->marks[i].start - at), sn->text + at,
			(int)sn->marks[i].len, sn->text + sn->marks[i].start);
		at = sn->marks[i].start + sn->marks[i].len;
	}
	fprintf(out, "%s\n", sn->text + at);
}

/* "kind id  [where]" wrapped to the width (the place goes on under
 * itself), then the words around the match on a line of their own,
 * indented, as wide as the rest of the width; then what else the row is
 * about ("also ..."). */
static void print_hit(FILE *out, const struct report *r, const struct search_results *res,
		      const struct search_row *row, int width, bool mark, enum present_glyphs g)
{
	const struct search_hit *h = &res->hits[row->hit];
	struct snippet sn;
	char *head = NULL, *where = NULL;
	if (search_snippet(res, row->hit, width - 4, &sn) != 0)
		return;
	where = hit_where(r, h, g);
	if (asprintf(&head, "%s %s  ", entity_kind_name(h->unit->ref.kind),
		     report_entity_id(r, h->unit->ref)) >= 0) {
		char *place = NULL;
		if (asprintf(&place, "[%s]", where && *where ? where : "-") >= 0)
			print_wrapped(out, place, width, head);
		free(place);
		fputs("    ", out);
		print_snippet(out, &sn, mark);
	}
	/* the entities the paragraph names in the words that matched */
	for (size_t k = 0; k < row->also_count; k++) {
		struct entity_ref e = res->hits[row->also[k]].unit->ref;
		char *also = NULL;
		if (asprintf(&also, "    also %s %s  ", entity_kind_name(e.kind), report_entity_id(r, e)) >= 0)
			print_wrapped(out, report_entity_title(r, e), width, also);
		free(also);
	}
	free(head);
	free(where);
	snippet_free(&sn);
}

static void print_rows(FILE *out, const struct report *r, const struct cli *cli,
		       const struct search_results *res, const struct search_rows *rows)
{
	bool mark = out == stdout && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	int width = cli->width > 40 ? cli->width - 4 : 36;
	enum present_glyphs g = present_glyphs_for_locale(cli->ascii);
	for (size_t i = 0; i < rows->count; i++) {
		struct snippet sn;
		if (!cli->json) {
			print_hit(out, r, res, &rows->rows[i], cli->width, mark, g);
			continue;
		}
		if (search_snippet(res, rows->rows[i].hit, width, &sn) != 0)
			continue;
		print_hit_json(out, r, res, &rows->rows[i], &sn);
		snippet_free(&sn);
	}
}

static void print_hit_count(FILE *out, const char *query, size_t n, bool json)
{
	if (json)
		json_print_line(out, json_pack("{s:s, s:s, s:I}", "kind", "count", "query", query,
					       "count", (json_int_t)n));
	else
		fprintf(out, "%zu\n", n);
}

int cmd_search(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	char *query = join_args(cli);
	struct corpus *c = corpus_new(r);
	struct search_results res;
	char msg[256];
	int rc = EXIT_FAIL;
	if (!query || !c) {
		fputs("temm: out of memory\n", err);
	} else if (search_execute(c, query, &res, msg, sizeof(msg)) != 0) {
		sanitize_error(err, "%s", msg); /* it quotes the query */
		rc = EXIT_USAGE;
	} else {
		struct search_rows rows;
		if (search_rows_build(&res, &rows) != 0) {
			fputs("temm: out of memory\n", err);
		} else {
			if (cli->count)
				print_hit_count(out, query, rows.count, cli->json);
			else
				print_rows(out, r, cli, &res, &rows);
			rc = rows.count ? EXIT_OK : EXIT_FAIL;
			search_rows_free(&rows);
		}
		search_results_free(&res);
	}
	corpus_free(c);
	free(query);
	return rc;
}
