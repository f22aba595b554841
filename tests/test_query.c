/* test_query.c - the query language (every operator, filter and error),
 * case folding and phrases, ranking on the bundled report, and the search
 * history file. */
#include "testutil.h"
#include "history.h"
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <dirent.h>
#include <strings.h>

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
		/* tiers never go back (within a tier, see test_rank.c) */
		if (i > 0)
			assert_true(res.hits[i - 1].unit->tier <= u->tier);
	}
	assert_true(area < first_prose);
	search_results_free(&res);
}

/* Where ASCII words occur in a text, found the plain way (case ignored,
 * occurrences not overlapping, as search steps past each), appended to
 * v[*n..], then sorted by start: what a hit's matches must be. */
static void plain_matches(const char *text, const char *const *words, struct search_match *v,
			  size_t *n, size_t max)
{
	*n = 0;
	for (const char *const *w = words; *w; w++) {
		size_t len = strlen(*w);
		for (size_t at = 0; text[at];) {
			if (strncasecmp(text + at, *w, len) != 0) {
				at++;
				continue;
			}
			assert_true(*n < max);
			v[(*n)++] = (struct search_match){ at, len };
			at += len;
		}
	}
	for (size_t i = 1; i < *n; i++) /* insertion sort: few and nearly sorted */
		for (size_t j = i; j > 0 && v[j - 1].start > v[j].start; j--) {
			struct search_match t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static void assert_same_snippet(const struct snippet *a, const struct snippet *b)
{
	assert_string_equal(a->text, b->text);
	assert_int_equal(a->match_start, b->match_start);
	assert_int_equal(a->match_len, b->match_len);
	assert_int_equal(a->marks_count, b->marks_count);
	for (size_t m = 0; m < a->marks_count; m++) {
		assert_int_equal(a->marks[m].start, b->marks[m].start);
		assert_int_equal(a->marks[m].len, b->marks[m].len);
	}
}

/* A hit's matches are found only when it is looked at, and then they are
 * every occurrence of the query's words in its unit, in order (what n and
 * N step through); the snippet is the same before and after. */
static void test_matches_found_on_demand(void **state)
{
	(void)state;
	static const struct {
		const char *query;
		const char *words[3]; /* its words that must be marked */
	} cases[] = {
		{ "e", { "e" } },
		{ "pollution", { "pollution" } },
		{ "air pollution", { "air", "pollution" } },
		{ "\"joint action plan\"", { "joint action plan" } },
		{ "cooperation -china", { "cooperation" } },
		{ "kind:term", { NULL } },
	};
	enum { MAX = 512 };
	struct search_match want[MAX];
	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		struct search_results res;
		assert_int_equal(search_run(corpus, cases[c].query, &res), 0);
		assert_true(res.count > 0);
		for (size_t i = 0; i < res.count; i++) {
			assert_false(res.hits[i].filled); /* nothing found eagerly */
			assert_null(res.hits[i].matches);
			struct snippet before, after;
			assert_int_equal(search_snippet(&res, i, 50, &before), 0);
			assert_false(res.hits[i].filled); /* a snippet keeps nothing */
			const struct search_hit *h = search_hit_at(&res, i);
			assert_true(h->filled);
			size_t n;
			plain_matches(h->unit->text, cases[c].words, want, &n, MAX);
			if (!cases[c].words[0])
				assert_int_equal(n, 0);
			else
				assert_true(n >= 1);
			assert_int_equal(h->matches_count, n);
			for (size_t m = 0; m < n; m++) {
				assert_int_equal(h->matches[m].start, want[m].start);
				assert_int_equal(h->matches[m].len, want[m].len);
			}
			/* found once: the same list again */
			const struct search_match *first = h->matches;
			assert_ptr_equal(search_hit_at(&res, i)->matches, first);
			assert_int_equal(search_snippet(&res, i, 50, &after), 0);
			assert_same_snippet(&before, &after);
			snippet_free(&before);
			snippet_free(&after);
		}
		search_results_free(&res);
	}
}

/* The order search ranks in, worked out the slow way: tier, place in the
 * report, corpus order. */
static int by_rank(const void *a, const void *b)
{
	const struct corpus_unit *x = *(const struct corpus_unit *const *)a;
	const struct corpus_unit *y = *(const struct corpus_unit *const *)b;
	if (x->tier != y->tier)
		return (int)x->tier - (int)y->tier;
	if (x->section_ix != y->section_ix)
		return x->section_ix < y->section_ix ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The hits of a one-letter query (nearly every unit) are exactly: every
 * unit holding it, ranked, with one hit per entity other than a section -
 * its best unit. */
static void test_hits_ranked_one_per_entity(void **state)
{
	(void)state;
	const struct corpus_unit **want = calloc(corpus->count, sizeof(*want));
	bool *seen = calloc(corpus->count, sizeof(*seen)); /* by the entity's first unit */
	assert_non_null(want);
	assert_non_null(seen);
	size_t n = 0;
	for (size_t i = 0; i < corpus->count; i++)
		if (strchr(corpus->units[i].text, 'a') || strchr(corpus->units[i].text, 'A'))
			want[n++] = &corpus->units[i];
	qsort(want, n, sizeof(*want), by_rank);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const struct corpus_unit *u = want[i];
		if (u->ref.kind != KIND_SECTION) {
			size_t first = (size_t)(u - corpus->units);
			while (first > 0 && corpus->units[first - 1].ref.kind == u->ref.kind &&
			       corpus->units[first - 1].ref.index == u->ref.index)
				first--;
			if (seen[first])
				continue;
			seen[first] = true;
		}
		want[kept++] = u;
	}
	struct search_results res;
	assert_int_equal(search_run(corpus, "a", &res), 0);
	assert_int_equal(res.count, kept);
	/* the same hits, tier by tier (their order within a tier is how well
	 * they match: test_rank.c) */
	for (size_t i = 0; i < kept; i++) {
		bool found = false;
		for (size_t j = 0; j < res.count && !found; j++)
			found = res.hits[j].unit == want[i];
		assert_true(found);
		if (i > 0)
			assert_true(res.hits[i - 1].unit->tier <= res.hits[i].unit->tier);
	}
	search_results_free(&res);
	free(want);
	free(seen);
	/* a meeting's place comes before its aliases in the corpus, yet an
	 * alias (a name) is the better hit */
	assert_int_equal(search_run(corpus, "kind:meeting /Manila|Leaders' Meeting/", &res), 0);
	assert_int_equal(res.count, 1);
	assert_string_equal(res.hits[0].unit->field, "aliases");
	search_results_free(&res);
}

/* A big index is searched in slices on every core: the hits are the same,
 * in the same order, as on one thread. */
static void test_sliced_search_same_hits(void **state)
{
	(void)state;
	const char *queries[] = { "a", "e", "water", "dust and sandstorm", "\"joint action plan\"",
				  "cooperation -china", "kind:activity seminar", "stage:2 cooperation",
				  "year:2010..2014 plan", "kind:term", "TEMM", "xylophone" };
	size_t from = corpus->parallel_from;
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct search_results one, all;
		corpus->parallel_from = SIZE_MAX;
		assert_int_equal(search_run(corpus, queries[i], &one), 0);
		corpus->parallel_from = 1;
		assert_int_equal(search_run(corpus, queries[i], &all), 0);
		if (all.count != one.count)
			fail_msg("%s: %zu hits in slices, %zu on one thread", queries[i], all.count, one.count);
		for (size_t h = 0; h < one.count; h++)
			assert_ptr_equal(all.hits[h].unit, one.hits[h].unit);
		search_results_free(&one);
		search_results_free(&all);
	}
	corpus->parallel_from = from;
}

/* search_query borrows the caller's query to find matches later. */
static void test_results_borrow_query(void **state)
{
	(void)state;
	struct query q;
	parse_ok("dust storm", &q);
	struct search_results res;
	assert_int_equal(search_query(corpus, &q, &res), 0);
	assert_ptr_equal(res.query, &q);
	assert_null(res.owned);
	assert_true(res.count > 0);
	const struct search_hit *h = search_hit_at(&res, 0);
	assert_true(h->matches_count >= 2); /* both words, in order */
	for (size_t m = 1; m < h->matches_count; m++)
		assert_true(h->matches[m - 1].start < h->matches[m].start);
	search_results_free(&res);
	query_free(&q);
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

/* The history keeps the newest HISTORY_MAX_ENTRIES queries: the oldest go,
 * and a query typed again moves to the end instead of taking a place. */
static void test_history_keeps_the_newest(void **state)
{
	(void)state;
	struct history h = { 0 };
	char q[32];
	for (int i = 0; i < HISTORY_MAX_ENTRIES + 10; i++) {
		snprintf(q, sizeof(q), "query %d", i);
		assert_int_equal(history_add(&h, q), 0);
	}
	assert_int_equal(h.count, HISTORY_MAX_ENTRIES);
	assert_string_equal(h.items[0], "query 10");
	snprintf(q, sizeof(q), "query %d", HISTORY_MAX_ENTRIES + 9);
	assert_string_equal(h.items[h.count - 1], q);
	assert_int_equal(history_add(&h, "query 10"), 0);
	assert_int_equal(h.count, HISTORY_MAX_ENTRIES);
	assert_string_equal(h.items[0], "query 11");
	assert_string_equal(h.items[h.count - 1], "query 10");
	history_free(&h);
	assert_null(h.items);
	assert_int_equal(h.count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_phrases_exclusions),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_case_folding_and_phrases),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_matches_found_on_demand),
		cmocka_unit_test(test_hits_ranked_one_per_entity),
		cmocka_unit_test(test_sliced_search_same_hits),
		cmocka_unit_test(test_results_borrow_query),
		cmocka_unit_test(test_stage_and_kind_filters),
		cmocka_unit_test(test_history_roundtrip_and_corruption),
		cmocka_unit_test(test_history_keeps_the_newest),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
