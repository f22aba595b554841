/* test_query.c - the query language (every operator, filter and error),
 * folding of case and accents, phrases, ranking, on the bundled report and
 * on the second report (tests/report2), and the search history file. */
#include "testutil.h"
#include "present.h"
#include "history.h"
#include "search.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <ctype.h>
#include <dirent.h>
#include <strings.h>

static struct corpus *corpus;
static const struct report *r;
static const struct tu_facts *f;

static int setup(void **state)
{
	(void)state;
	r = tu_report();
	f = tu_facts();
	corpus = corpus_new(r);
	return corpus ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	corpus_free(corpus);
	tu_report_free();
	return 0;
}

static void parse_ok(const char *text, struct query *q)
{
	char err[256];
	if (query_parse(r, text, q, err, sizeof(err)) != 0)
		fail_msg("'%s' did not parse: %s", text, err);
}

static void parse_fails(const char *text, const char *message)
{
	struct query q;
	char err[256];
	assert_int_equal(query_parse(r, text, &q, err, sizeof(err)), -1);
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
	struct query q;
	char text[160];
	size_t last = f->stages;
	snprintf(text, sizeof(text), "kind:activity kind:event area:%s stage:%zu year:%u..%u",
		 f->activity_area, last, f->stage_years[last - 1][0], f->stage_years[last - 1][1]);
	parse_ok(text, &q);
	assert_int_equal(q.kinds, (1u << KIND_ACTIVITY) | (1u << KIND_EVENT));
	assert_string_equal(report_area(r, q.area_ix)->id, f->activity_area);
	assert_int_equal(q.stages, 1u << last);
	assert_int_equal(q.year_from, f->stage_years[last - 1][0]);
	assert_int_equal(q.year_to, f->stage_years[last - 1][1]);
	assert_int_equal(q.terms_count, 0);
	query_free(&q);
	snprintf(text, sizeof(text), "area:%zu year:%u", f->areas, f->meeting_year);
	parse_ok(text, &q); /* by its number */
	assert_string_equal(report_area(r, q.area_ix)->title, f->area_titles[f->areas - 1]);
	assert_int_equal(q.year_from, f->meeting_year);
	assert_int_equal(q.year_to, f->meeting_year);
	query_free(&q);
	snprintf(text, sizeof(text), "area:%s kind:areas", f->area_prefix);
	parse_ok(text, &q); /* a unique prefix; plural kinds */
	assert_string_equal(report_area(r, q.area_ix)->id, f->area_prefix_id);
	query_free(&q);
	parse_ok("PM2.5: note:", &q); /* not filters: words */
	assert_int_equal(q.terms_count, 2);
	query_free(&q);
}

/* area: takes a unique prefix of any word of an area's name as well as
 * its id and number; stage: its number, numeral or name. Every area's
 * every word that starts no other area's word finds it. */
static void test_facet_words(void **state)
{
	(void)state;
	const struct report *rep = tu_report();
	for (size_t i = 0; i < rep->areas_count; i++) {
		char *copy = strdup(report_area(rep, i)->title);
		for (char *w = strtok(copy, " -/()"); w; w = strtok(NULL, " -/()")) {
			size_t others = 0;
			for (size_t j = 0; j < rep->areas_count; j++) {
				const char *t = report_area(rep, j)->title;
				for (const char *p = t; *p; p++)
					if ((p == t || !isalnum((unsigned char)p[-1])) &&
					    strncasecmp(p, w, strlen(w)) == 0) {
						others += j != i;
						break;
					}
			}
			char q[128], err[256];
			snprintf(q, sizeof(q), "area:%s", w);
			struct query qq;
			int rc = query_parse(rep, q, &qq, err, sizeof(err));
			if (others == 0 && strlen(w) > 2) {
				if (rc != 0 || qq.area_ix != (int)i)
					fail_msg("%s does not find area %s: %s", q, report_area(rep, i)->id, rc ? err : "");
			}
			query_free(&qq);
		}
		free(copy);
	}
	for (size_t s = 0; s < rep->stages_count; s++) {
		char roman[PRESENT_ROMAN_MAX], q[64], err[256];
		struct query qq;
		snprintf(q, sizeof(q), "stage:%s", present_roman(report_stage(rep, s)->number, roman));
		assert_int_equal(query_parse(rep, q, &qq, err, sizeof(err)), 0);
		assert_int_equal(qq.stages, 1u << report_stage(rep, s)->number);
		query_free(&qq);
		for (char *c = q; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		assert_int_equal(query_parse(rep, q, &qq, err, sizeof(err)), 0);
		query_free(&qq);
	}
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
	char text[64], msg[120];
	snprintf(text, sizeof(text), "area:%s", f->area_ambiguous);
	snprintf(msg, sizeof(msg), "matches more than one area: %s", f->area_ambiguous_ids);
	parse_fails(text, msg);
	snprintf(msg, sizeof(msg), "matches no area: a number 1-%zu, a word of a name, or an id (", f->areas);
	parse_fails("area:zebra", msg);
	snprintf(text, sizeof(text), "area:%zu", f->areas + 1);
	snprintf(msg, sizeof(msg), "no area with that number (1-%zu)", f->areas);
	parse_fails(text, msg);
	snprintf(text, sizeof(text), "stage:%zu", f->stages + 1);
	snprintf(msg, sizeof(msg), "stage:%zu is not a stage: a number (%s), a numeral (I-", f->stages + 1,
		 f->stage_numbers);
	parse_fails(text, msg);
	parse_fails("\xcc\x81", "nothing to search for but accents"); /* a lone combining acute */
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
	char *ids = calloc(1, 66 * (res.count + 1));
	for (size_t i = 0; i < res.count; i++) {
		strcat(ids, report_entity_id(r, res.hits[i].unit->ref));
		strcat(ids, " ");
	}
	*count = res.count;
	search_results_free(&res);
	return ids;
}

/* Whether the space-separated ids hold `id`. */
static bool has_id(const char *ids, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = strstr(ids, id); p; p = strstr(p + 1, id))
		if ((p == ids || p[-1] == ' ') && p[n] == ' ')
			return true;
	return false;
}

static void test_case_folding_and_phrases(void **state)
{
	(void)state;
	size_t a, b, c;
	char text[160];
	free(hit_ids(f->word, &a));
	for (size_t i = 0; i < sizeof(text) - 1 && f->word[i]; i++)
		text[i] = (char)(f->word[i] >= 'a' && f->word[i] <= 'z' ? f->word[i] - 32 : f->word[i]),
		text[i + 1] = '\0';
	free(hit_ids(text, &b)); /* smart case: exact, no such spelling */
	assert_true(a >= 1);
	assert_int_equal(b, 0);
	snprintf(text, sizeof(text), "\"%s\"", f->phrase);
	char *ids = hit_ids(text, &c);
	assert_true(has_id(ids, f->phrase_section));
	free(ids);
	/* the phrase's words in another order are not the phrase */
	const char *space = strchr(f->phrase, ' ');
	snprintf(text, sizeof(text), "\"%s %.*s\"", space + 1, (int)(space - f->phrase), f->phrase);
	ids = hit_ids(text, &c);
	assert_int_equal(c, 0);
	free(ids);
	/* words are ANDed within one unit, in any order; -word removes */
	const char *last = strrchr(f->phrase, ' ') + 1;
	snprintf(text, sizeof(text), "%s %.*s", last, (int)(space - f->phrase), f->phrase);
	ids = hit_ids(text, &c);
	assert_true(has_id(ids, f->phrase_section));
	free(ids);
	struct search_results res;
	snprintf(text, sizeof(text), "%s %.*s -%s", last, (int)(space - f->phrase), f->phrase,
		 f->word);
	assert_int_equal(search_run(corpus, text, &res), 0);
	for (size_t i = 0; i < res.count; i++)
		assert_null(strstr(res.hits[i].unit->text, f->word));
	search_results_free(&res);
	/* a regex */
	snprintf(text, sizeof(text), "/%.*s?/", (int)strlen(f->word) - 1, f->word);
	ids = hit_ids(text, &c);
	assert_true(has_id(ids, f->word_section));
	free(ids);
}

static void test_ranking(void **state)
{
	(void)state;
	struct search_results res;
	assert_int_equal(search_run(corpus, f->name_query, &res), 0);
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

/* text's first len bytes as search compares them, by another way than the
 * index's: accents set aside on the whole text, then ASCII lower-cased (the
 * queries below are ASCII). Caller frees. */
static char *plain_fold(const char *text, size_t len)
{
	char *s = text_strip_marks(text, len);
	assert_non_null(s);
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return s;
}

/* A text with characters outside ASCII: each match of the hit reads as one
 * of the words once folded, and there are as many as the folded text has. */
static void assert_folded_matches(const struct search_hit *h, const char *const *words)
{
	char *all = plain_fold(h->unit->text, strlen(h->unit->text));
	struct search_match want[512];
	size_t n;
	plain_matches(all, words, want, &n, 512);
	assert_int_equal(h->matches_count, n);
	for (size_t m = 0; m < h->matches_count; m++) {
		char *span = plain_fold(h->unit->text + h->matches[m].start, h->matches[m].len);
		bool one = false;
		for (const char *const *w = words; *w; w++)
			one |= strcmp(span, *w) == 0;
		if (!one)
			fail_msg("'%s' matched '%s'", words[0], span);
		free(span);
	}
	free(all);
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
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
	char phrase[80], two[80];
	const char *space = strchr(f->phrase, ' ');
	snprintf(phrase, sizeof(phrase), "\"%s\"", f->phrase);
	snprintf(two, sizeof(two), "%.*s %s", (int)(space - f->phrase), f->phrase, space + 1);
	*strchr(two + (space - f->phrase) + 1, ' ') = '\0'; /* its first two words */
	char w1[40], w2[40];
	snprintf(w1, sizeof(w1), "%.*s", (int)(space - f->phrase), f->phrase);
	snprintf(w2, sizeof(w2), "%s", two + strlen(w1) + 1);
	const struct {
		const char *query;
		const char *words[3]; /* its words that must be marked */
	} cases[] = {
		{ "e", { "e" } },
		{ f->word, { f->word } },
		{ two, { w1, w2 } },
		{ phrase, { f->phrase } },
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
			if (!cases[c].words[0]) {
				assert_int_equal(h->matches_count, 0);
			} else if (!is_ascii(h->unit->text)) {
				assert_folded_matches(h, cases[c].words);
			} else {
				assert_true(n >= 1);
				assert_int_equal(h->matches_count, n);
				for (size_t m = 0; m < n; m++) {
					assert_int_equal(h->matches[m].start, want[m].start);
					assert_int_equal(h->matches[m].len, want[m].len);
				}
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
	int mi = -1;
	const char *alias = NULL;
	for (size_t i = 0; i < r->meetings_count && mi < 0; i++) {
		const struct meeting *m = report_meeting(r, i);
		for (unsigned k = 0; m->place && k < m->aliases_count && mi < 0; k++)
			if (!strpbrk(m->place, "()|.[]*+?") && !strpbrk(m->aliases[k], "()|.[]*+?") &&
			    strcmp(m->aliases[k], m->title) != 0)
				mi = (int)i, alias = m->aliases[k];
	}
	assert_true(mi >= 0);
	char text[200];
	snprintf(text, sizeof(text), "kind:meeting /%s|%s/", report_meeting(r, mi)->place, alias);
	assert_int_equal(search_run(corpus, text, &res), 0);
	assert_true(res.count >= 1);
	bool hit = false;
	for (size_t i = 0; i < res.count; i++)
		if (res.hits[i].unit->ref.index == mi) {
			assert_string_equal(res.hits[i].unit->field, "aliases");
			hit = true;
		}
	assert_true(hit);
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
	char text[80];
	const char *space = strchr(f->phrase, ' ');
	snprintf(text, sizeof(text), "%s %.*s", strrchr(f->phrase, ' ') + 1, (int)(space - f->phrase),
		 f->phrase);
	parse_ok(text, &q);
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
	struct search_results res;
	char text[80];
	size_t last = f->stages;
	snprintf(text, sizeof(text), "stage:%zu kind:activity", last);
	assert_int_equal(search_run(corpus, text, &res), 0);
	assert_true(res.count >= 3);
	for (size_t i = 0; i < res.count; i++) {
		const struct corpus_unit *u = res.hits[i].unit;
		assert_int_equal(u->ref.kind, KIND_ACTIVITY);
		/* its area is one of the last stage's priority areas */
		const struct activity *a = report_activity(r, u->ref.index);
		bool listed = false;
		for (unsigned p = 0; p < report_stage(r, last - 1)->priorities_count; p++)
			listed |= report_stage(r, last - 1)->priorities[p].area_ix == a->area_ix;
		assert_true(listed);
	}
	search_results_free(&res);
	snprintf(text, sizeof(text), "kind:event year:%u", f->meeting_year);
	assert_int_equal(search_run(corpus, text, &res), 0);
	assert_true(res.count >= 1);
	for (size_t i = 0; i < res.count; i++)
		assert_int_equal(report_event(r, res.hits[i].unit->ref.index)->year, f->meeting_year);
	search_results_free(&res);
	snprintf(text, sizeof(text), "area:%s kind:activity", f->activity_area);
	assert_int_equal(search_run(corpus, text, &res), 0);
	assert_true(res.count >= 1);
	for (size_t i = 0; i < res.count; i++)
		assert_string_equal(report_area(r, res.hits[i].unit->area_ix)->id, f->activity_area);
	search_results_free(&res);
}

/* area:A keeps an event under each area it links to, not only its first. */
static void test_area_filter_every_area(void **state)
{
	(void)state;
	if (!f->two_area_event)
		skip();
	for (int a = 0; a < 2; a++) {
		char text[80];
		snprintf(text, sizeof(text), "area:%s kind:event", f->two_areas[a]);
		char *ids = hit_ids(text, &(size_t){ 0 });
		if (!has_id(ids, f->two_area_event))
			fail_msg("%s does not find %s: %s", text, f->two_area_event, ids);
		free(ids);
	}
}

/* The index of a small content given as one file's YAML; free it with
 * small_free. */
static struct corpus *small_corpus(const char *yaml)
{
	struct diag d;
	struct report *small = tu_load_one(yaml, &d);
	if (!small)
		fail_msg("%s", tu_diag_text(&d));
	diag_free(&d);
	struct corpus *c = corpus_new(small);
	assert_non_null(c);
	return c;
}

static void small_free(struct corpus *c)
{
	struct report *small = (struct report *)c->report; /* small_corpus loaded it */
	corpus_free(c);
	report_free(small);
}

/* Accents and compatibility forms are set aside on both sides, the matches
 * cover the original characters, and a query with an upper-case letter
 * still keeps its case. */
static void test_accents_and_scripts(void **state)
{
	(void)state;
	struct corpus *c = small_corpus(
		"report: {title: T}\nsections:\n  - title: Intro\n    id: intro\n    paragraphs:\n"
		"      - \"At Montréal, a café; in MONTREAL a cafe\\u0301; ｍｏｎｔｒｅａｌ; Straße.\"\n"
		"      - \"各国依照蒙特利尔议定书逐步淘汰消耗臭氧层物质。\"\n");
	const struct report *small = c->report;
	const char *p = report_section(small, 0)->paragraphs[0];
	static const struct {
		const char *query, *matches[4]; /* what each match covers, in order */
	} cases[] = {
		{ "montreal", { "Montréal", "MONTREAL", "ｍｏｎｔｒｅａｌ" } },
		{ "Montreal", { "Montréal" } },              /* case kept, accent not */
		{ "montréal", { "Montréal", "MONTREAL", "ｍｏｎｔｒｅａｌ" } },
		{ "cafe", { "café", "cafe\xcc\x81" } },     /* a composed and a decomposed é */
		{ "CAFÉ", { NULL } },
		{ "strasse", { "Straße" } },
		{ "\"a cafe\"", { "a café", "a cafe\xcc\x81" } },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct search_results res;
		assert_int_equal(search_run(c, cases[k].query, &res), 0);
		size_t want = 0;
		while (want < 4 && cases[k].matches[want])
			want++;
		assert_int_equal(res.count, want ? 1 : 0);
		if (want) {
			const struct search_hit *h = search_hit_at(&res, 0);
			assert_int_equal(h->matches_count, want);
			for (size_t m = 0; m < want; m++) {
				size_t n = strlen(cases[k].matches[m]);
				if (h->matches[m].len != n || memcmp(p + h->matches[m].start,
								     cases[k].matches[m], n) != 0)
					fail_msg("%s: match %zu is '%.*s'", cases[k].query, m,
						 (int)h->matches[m].len, p + h->matches[m].start);
			}
		}
		search_results_free(&res);
	}
	/* a name inside text of a script without spaces is found */
	struct search_results res;
	assert_int_equal(search_run(c, "蒙特利尔议定书", &res), 0);
	assert_int_equal(res.count, 1);
	const struct search_hit *h = search_hit_at(&res, 0);
	assert_int_equal(h->matches[0].start, strlen("各国依照"));
	assert_int_equal(h->matches[0].len, strlen("蒙特利尔议定书"));
	search_results_free(&res);
	small_free(c);
}

/* An event linked to two areas is found under both; the index keeps them. */
static void test_area_filter_second_area(void **state)
{
	(void)state;
	struct corpus *c = small_corpus(
		"report: {title: T}\nsections:\n  - {title: Intro, id: intro}\n"
		"areas:\n  - {id: one, number: 1, title: One, section: intro}\n"
		"  - {id: two, number: 2, title: Two, section: intro}\n"
		"  - {id: three, number: 3, title: Three, section: intro}\n"
		"activities:\n  - {id: act, title: Act, kind: other, area: three, section: intro}\n"
		"events:\n  - {id: both, year: 2000, title: both areas, section: intro, links: [one, two]}\n"
		"  - {id: via, year: 2001, title: through an activity, section: intro, links: [one, act]}\n"
		"  - {id: first, year: 2002, title: the first only, section: intro, links: [one]}\n");
	static const struct {
		const char *query;
		size_t hits;
	} cases[] = {
		{ "area:one kind:event", 3 }, { "area:two kind:event", 1 },
		{ "area:three kind:event", 1 }, { "area:2 kind:event both", 1 },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct search_results res;
		assert_int_equal(search_run(c, cases[k].query, &res), 0);
		if (res.count != cases[k].hits)
			fail_msg("%s: %zu hits", cases[k].query, res.count);
		search_results_free(&res);
	}
	small_free(c);
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
	FILE *fp = fopen(path, "w");
	fputs("# temm search history 1\nfine\nbroken \x1b line\n", fp);
	fclose(fp);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	assert_int_equal(h.count, 0);
	assert_non_null(strstr(warn, "ignoring search history"));
	fp = fopen(path, "w");
	fputs("\x7f" "ELF garbage", fp);
	fclose(fp);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	assert_non_null(strstr(warn, "not a temm history file"));
	fp = fopen(path, "w");
	fputs("# temm search history 1\ncut short", fp); /* a crash mid-write */
	fclose(fp);
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
		cmocka_unit_test(test_facet_words),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_case_folding_and_phrases),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_matches_found_on_demand),
		cmocka_unit_test(test_hits_ranked_one_per_entity),
		cmocka_unit_test(test_sliced_search_same_hits),
		cmocka_unit_test(test_results_borrow_query),
		cmocka_unit_test(test_stage_and_kind_filters),
		cmocka_unit_test(test_area_filter_every_area),
		cmocka_unit_test(test_accents_and_scripts),
		cmocka_unit_test(test_area_filter_second_area),
		cmocka_unit_test(test_history_roundtrip_and_corruption),
		cmocka_unit_test(test_history_keeps_the_newest),
	};
	return TU_RUN_EACH(tests, setup, teardown);
}
