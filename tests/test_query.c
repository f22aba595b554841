/* test_query.c - the query language (every operator, filter and error),
 * case folding and phrases, ranking on the bundled report, and the search
 * history file. */
#include "testutil.h"
#include "history.h"
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

static struct corpus *corpus;

static int setup(void **state)
{
	(void)state;
	corpus = corpus_new(tu_bundled());
	return corpus ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	corpus_free(corpus);
	tu_bundled_free();
	return 0;
}

static void parse_ok(const char *text, struct query *q)
{
	char err[256];
	if (query_parse(tu_bundled(), text, q, err, sizeof(err)) != 0)
		fail_msg("'%s' did not parse: %s", text, err);
}

static void parse_fails(const char *text, const char *message)
{
	struct query q;
	char err[256];
	assert_int_equal(query_parse(tu_bundled(), text, &q, err, sizeof(err)), -1);
	if (!strstr(err, message))
		fail_msg("'%s': expected '%s', got '%s'", text, message, err);
	query_free(&q);
}

static void test_words_phrases_exclusions(void **state)
{
	(void)state;
	struct query q;
	parse_ok("air  \"working group\" -dss /wg i+/", &q);
	assert_int_equal(q.terms_count, 4);
	assert_string_equal(q.terms[0].text, "air");
	assert_false(q.terms[0].negate);
	assert_string_equal(q.terms[1].text, "working group");
	assert_string_equal(q.terms[2].text, "dss");
	assert_true(q.terms[2].negate);
	assert_int_equal(q.terms[3].type, TERM_REGEX);
	assert_string_equal(q.terms[3].text, "wg i+");
	assert_false(q.case_sensitive);
	query_free(&q);
	parse_ok("-\"long-range\" TEMM", &q);
	assert_true(q.terms[0].negate);
	assert_true(q.case_sensitive); /* an upper-case letter makes it exact */
	query_free(&q);
}

static void test_filters(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct query q;
	parse_ok("kind:activity kind:event area:dss stage:3 year:2010..2014", &q);
	assert_int_equal(q.kinds, (1u << KIND_ACTIVITY) | (1u << KIND_EVENT));
	assert_string_equal(r->areas[q.area_ix]->id, "dss");
	assert_int_equal(q.stages, 1u << 3);
	assert_int_equal(q.year_from, 2010);
	assert_int_equal(q.year_to, 2014);
	assert_int_equal(q.terms_count, 0);
	query_free(&q);
	parse_ok("area:9 year:2015", &q);
	assert_string_equal(r->areas[q.area_ix]->id, "marine");
	assert_int_equal(q.year_from, 2015);
	assert_int_equal(q.year_to, 2015);
	query_free(&q);
	parse_ok("area:mar kind:areas", &q); /* a unique prefix; plural kinds */
	assert_string_equal(r->areas[q.area_ix]->id, "marine");
	query_free(&q);
	parse_ok("PM2.5: note:", &q); /* not filters: words */
	assert_int_equal(q.terms_count, 2);
	query_free(&q);
}

static void test_errors(void **state)
{
	(void)state;
	parse_fails("", "nothing to search for");
	parse_fails("-air", "nothing to search for");
	parse_fails("\"open phrase", "unterminated phrase");
	parse_fails("\"\"", "empty phrase");
	parse_fails("//", "empty regular expression");
	parse_fails("/(/", "bad regular expression");
	parse_fails("kind:dragon", "kind:dragon is not one of");
	parse_fails("area:c", "matches more than one area: chemicals, ewaste, climate");
	parse_fails("area:zebra", "matches no area");
	parse_fails("area:11", "no area with that number");
	parse_fails("stage:4", "stage:4 is not a stage number");
	parse_fails("year:15", "is not a year");
	parse_fails("year:2014..2010", "is not a year");
	parse_fails("colour:red", "unknown filter 'colour:red'");
	parse_fails("-kind:area", "cannot be negated");
	parse_fails("kind:", "kind: needs a value");
}

/* The ids of the hits of a query, space-separated, for easy assertions. */
static char *hit_ids(const char *text, size_t *count)
{
	struct search_results res;
	char err[256];
	if (search_execute(corpus, text, &res, err, sizeof(err)) != 0)
		fail_msg("'%s': %s", text, err);
	char *ids = calloc(1, 64 * (res.count + 1));
	for (size_t i = 0; i < res.count; i++) {
		strcat(ids, report_entity_id(tu_bundled(), res.hits[i].unit->ref));
		strcat(ids, " ");
	}
	*count = res.count;
	search_results_free(&res);
	return ids;
}

static void test_case_folding_and_phrases(void **state)
{
	(void)state;
	size_t a, b, c;
	free(hit_ids("microplastics", &a));
	free(hit_ids("MICROPLASTICS", &b)); /* smart case: exact, no such spelling */
	assert_true(a >= 1);
	assert_int_equal(b, 0);
	char *ids = hit_ids("\"dust and sand storms\"", &c);
	assert_non_null(strstr(ids, "sec-2-1-2"));
	free(ids);
	ids = hit_ids("\"sand storms dust\"", &c);
	assert_int_equal(c, 0);
	free(ids);
	/* words are ANDed within one unit; -word removes */
	ids = hit_ids("youth forum", &c);
	assert_non_null(strstr(ids, "youth-forum"));
	free(ids);
	ids = hit_ids("youth forum -tripartite", &c);
	assert_null(strstr(ids, "sec-2-1-3 ")); /* that paragraph says Tripartite */
	free(ids);
	ids = hit_ids("/sand ?storms?/", &c);
	assert_non_null(strstr(ids, "sec-1-2"));
	free(ids);
}

static void test_ranking(void **state)
{
	(void)state;
	struct search_results res;
	assert_int_equal(search_run(corpus, "e-waste", &res), 0);
	size_t area = res.count, first_prose = res.count;
	for (size_t i = 0; i < res.count; i++) {
		const struct corpus_unit *u = res.hits[i].unit;
		if (u->ref.kind == KIND_AREA)
			area = i;
		if (u->tier == TIER_PROSE && first_prose == res.count)
			first_prose = i;
		/* tiers never go back; within a tier, report order */
		if (i > 0) {
			const struct corpus_unit *p = res.hits[i - 1].unit;
			assert_true(p->tier < u->tier ||
				    (p->tier == u->tier && p->section_ix <= u->section_ix));
		}
	}
	assert_true(area < first_prose);
	search_results_free(&res);
}

static void test_stage_and_kind_filters(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct search_results res;
	assert_int_equal(search_run(corpus, "stage:3 kind:activity", &res), 0);
	assert_true(res.count > 10);
	for (size_t i = 0; i < res.count; i++) {
		const struct corpus_unit *u = res.hits[i].unit;
		assert_int_equal(u->ref.kind, KIND_ACTIVITY);
		/* its area is one of stage III's priority areas */
		const struct activity *a = r->activities[u->ref.index];
		bool listed = false;
		for (unsigned p = 0; p < r->stages[2]->priorities_count; p++)
			listed |= r->stages[2]->priorities[p].area_ix == a->area_ix;
		assert_true(listed);
	}
	search_results_free(&res);
	assert_int_equal(search_run(corpus, "kind:event year:2015", &res), 0);
	assert_true(res.count >= 3);
	for (size_t i = 0; i < res.count; i++)
		assert_int_equal(r->events[res.hits[i].unit->ref.index]->year, 2015);
	search_results_free(&res);
	assert_int_equal(search_run(corpus, "area:marine microplastics", &res), 0);
	assert_true(res.count >= 1);
	for (size_t i = 0; i < res.count; i++)
		assert_string_equal(r->areas[res.hits[i].unit->area_ix]->id, "marine");
	search_results_free(&res);
}

static void test_history_roundtrip_and_corruption(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	char *path, warn[512], err[512];
	assert_true(asprintf(&path, "%s/state/temm/history", dir) > 0);
	struct history h;
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 0); /* missing: empty */
	assert_int_equal(h.count, 0);
	assert_int_equal(history_add(&h, "microplastics"), 0);
	assert_int_equal(history_add(&h, "stage:3 kind:activity"), 0);
	assert_int_equal(history_add(&h, "microplastics"), 0); /* moves to the end */
	assert_int_equal(history_add(&h, "bad\x1b[2J"), -1);
	assert_int_equal(history_save(&h, path, err, sizeof(err)), 0);
	history_free(&h);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 0);
	assert_int_equal(h.count, 2);
	assert_string_equal(h.items[0], "stage:3 kind:activity");
	assert_string_equal(h.items[1], "microplastics");
	history_free(&h);
	/* no temporary file is left beside it */
	char *tmpdir;
	assert_true(asprintf(&tmpdir, "%s/state/temm", dir) > 0);
	DIR *d = opendir(tmpdir);
	int files = 0;
	for (struct dirent *e; d && (e = readdir(d)) != NULL;)
		files += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(files, 1);
	free(tmpdir);
	/* a damaged file is ignored with a warning */
	FILE *f = fopen(path, "w");
	fputs("# temm search history 1\nfine\nbroken \x1b line\n", f);
	fclose(f);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	assert_int_equal(h.count, 0);
	assert_non_null(strstr(warn, "ignoring search history"));
	f = fopen(path, "w");
	fputs("\x7f" "ELF garbage", f);
	fclose(f);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	assert_non_null(strstr(warn, "not a temm history file"));
	f = fopen(path, "w");
	fputs("# temm search history 1\ncut short", f); /* a crash mid-write */
	fclose(f);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_phrases_exclusions),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_case_folding_and_phrases),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_stage_and_kind_filters),
		cmocka_unit_test(test_history_roundtrip_and_corruption),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
