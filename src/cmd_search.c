/* cmd_search.c - `temm search QUERY`: one hit a line, best first, with
 * where it is and the words around the match. */
#include "cli.h"
#include "sanitize.h"
#include "json_out.h"
#include "search.h"

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

/* Where a hit is, for people: "2.1 > 6) Circulative Management ...". */
static char *hit_where(const struct report *r, const struct search_hit *h)
{
	return report_section_path(r, h->unit->section_ix, " > ");
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

static void print_hit_json(FILE *out, const struct report *r, const struct search_hit *h,
			   const struct snippet *sn)
{
	json_t *o = json_entity(r, h->unit->ref, false);
	char *where = hit_where(r, h);
	if (!o)
		return;
	json_object_set_new(o, "where", json_string(where ? where : ""));
	json_object_set_new(o, "field", json_string(h->unit->field));
	if (h->unit->item >= 0)
		json_object_set_new(o, "item", json_integer(h->unit->item));
	json_object_set_new(o, "snippet", json_string(sn->text));
	json_object_set_new(o, "matches", json_marks(sn));
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

static void print_hit(FILE *out, const struct report *r, const struct search_hit *h,
		      const struct snippet *sn, bool mark)
{
	char *where = hit_where(r, h);
	fprintf(out, "%s %s  [%s]  ", entity_kind_name(h->unit->ref.kind),
		report_entity_id(r, h->unit->ref), where && *where ? where : "-");
	free(where);
	print_snippet(out, sn, mark);
}

static void print_hits(FILE *out, const struct report *r, const struct cli *cli,
		       const struct search_results *res)
{
	bool mark = out == stdout && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	int width = cli->width > 40 ? cli->width - 4 : 36;
	for (size_t i = 0; i < res->count; i++) {
		struct snippet sn;
		if (search_snippet(res, i, width, &sn) != 0)
			continue;
		if (cli->json)
			print_hit_json(out, r, &res->hits[i], &sn);
		else
			print_hit(out, r, &res->hits[i], &sn, mark);
		snippet_free(&sn);
	}
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
		if (cli->count)
			fprintf(out, "%zu\n", res.count);
		else
			print_hits(out, r, cli, &res);
		rc = res.count ? EXIT_OK : EXIT_FAIL;
		search_results_free(&res);
	}
	corpus_free(c);
	free(query);
	return rc;
}
