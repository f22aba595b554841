/* cmd_search.c - `temm search QUERY`: one hit a line, best first. */
#include "cli.h"
#include "json_out.h"
#include "search.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static void print_hit_json(FILE *out, const struct report *r, const struct search_hit *h,
			   const struct snippet *sn)
{
	json_t *o = json_entity(r, h->unit->ref, false);
	if (!o)
		return;
	json_object_set_new(o, "field", json_string(h->unit->field));
	json_object_set_new(o, "snippet", json_string(sn->text));
	json_print_line(out, o);
}

static void print_hit(FILE *out, const struct report *r, const struct search_hit *h,
		      const struct snippet *sn, bool mark)
{
	fprintf(out, "%-9s %-22s ", entity_kind_name(h->unit->ref.kind),
		report_entity_id(r, h->unit->ref));
	if (mark && sn->match_len) /* bold, as grep --color marks a match */
		fprintf(out, "%.*s\033[1m%.*s\033[0m%s\n", (int)sn->match_start, sn->text,
			(int)sn->match_len, sn->text + sn->match_start,
			sn->text + sn->match_start + sn->match_len);
	else
		fprintf(out, "%s\n", sn->text);
}

int cmd_search(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	char *query = join_args(cli);
	struct corpus *c = corpus_new(r);
	struct search_results res;
	int rc = EXIT_FAIL;
	if (!query || !c || !*query || search_run(c, query, &res) != 0) {
		fprintf(err, "temm: %s\n", query && !*query ? "empty query" : "out of memory");
		free(query);
		corpus_free(c);
		return query && !*query ? EXIT_USAGE : EXIT_FAIL;
	}
	bool mark = out == stdout && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	int snippet_width = cli->width - 33 > 30 ? cli->width - 33 : 30;
	if (cli->count)
		fprintf(out, "%zu\n", res.count);
	for (size_t i = 0; i < res.count && !cli->count; i++) {
		struct snippet sn;
		if (search_snippet(&res.hits[i], snippet_width, &sn) != 0)
			continue;
		if (cli->json)
			print_hit_json(out, r, &res.hits[i], &sn);
		else
			print_hit(out, r, &res.hits[i], &sn, mark);
		snippet_free(&sn);
	}
	if (res.count)
		rc = EXIT_OK;
	search_results_free(&res);
	corpus_free(c);
	free(query);
	return rc;
}
