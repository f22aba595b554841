/* test_rx.c - the linear-time regex matcher: it finds what glibc's
 * regexec (which it replaced; kept here as the reference) finds, the same
 * leftmost-longest match in every unit of the report, for every kind of
 * expression; and its work is bounded whatever the expression. */
#include "testutil.h"
#include "corpus.h"
#include "rx.h"
#include "search.h"

#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const patterns[] = {
	"dust", "Dust", "TEMM[0-9]+", "20[0-9]{2}", "(air|marine) (pollution|litter)",
	"a.*x", "^The", "ment$", "[[:upper:]]{3,}", "[^a-z ]+", "colou?r", "(ab|a)(bc|c)?",
	"e(n|nv)*iron", "\\bsea\\b", "\\<co", "ion\\>", "[[:digit:]]+(st|nd|rd|th)",
	"(.)(.)(.)(.)X", "[A-Z][a-z]+ [A-Z][a-z]+", "x*", "()", "(a|)+b", "[]a]", "[a-]+",
	"\\.", "[.]", "a{2,}", "(c|ch)(i|in)(n|na)", "[[:space:]][[:punct:]]", "Korea|Japan|China",
	"\\w+-\\w+", "\\S+@", "(TEMM)?1[0-9]", ".", "n.{3,5}t", "[=a=]b", "R[[.o.]]K",
};

/* The first match from `from` by glibc: 1 with its extent, 0 none. */
static int glibc_find(const regex_t *re, const char *s, size_t from, size_t *ms, size_t *me)
{
	regmatch_t m;
	if (regexec(re, s + from, 1, &m, from ? REG_NOTBOL : 0) != 0)
		return 0;
	*ms = from + (size_t)m.rm_so;
	*me = from + (size_t)m.rm_eo;
	return 1;
}

static void same_as_glibc(const char *pattern, bool icase, const struct corpus *c)
{
	regex_t g;
	struct rx *re;
	char err[200];
	assert_int_equal(regcomp(&g, pattern, REG_EXTENDED | (icase ? REG_ICASE : 0)), 0);
	if (rx_compile(pattern, icase ? RX_ICASE : 0, &re, err, sizeof(err)) != 0)
		fail_msg("/%s/: %s", pattern, err);
	struct rx_meter m;
	rx_meter_init(&m, ~0ull, NULL, NULL);
	for (size_t i = 0; i < c->count; i++) {
		const char *s = c->units[i].text;
		size_t len = strlen(s);
		/* the first match, then the next one after it (REG_NOTBOL) */
		for (size_t from = 0, k = 0; k < 2 && from <= len; k++) {
			size_t gs = 0, ge = 0, rs = 0, re_ = 0;
			int gf = glibc_find(&g, s, from, &gs, &ge);
			int rf = rx_find(re, s, len, from, &m, &rs, &re_);
			if (gf != rf || (gf && (gs != rs || ge != re_)))
				fail_msg("/%s/%s from %zu in \"%.80s\": glibc %d [%zu,%zu), rx %d [%zu,%zu)",
					 pattern, icase ? "i" : "", from, s, gf, gs, ge, rf, rs, re_);
			if (!gf)
				break;
			from = ge > gs ? ge : ge + 1;
		}
	}
	rx_free(re);
	regfree(&g);
}

static void test_same_as_glibc(void **state)
{
	(void)state;
	struct corpus *c = corpus_new(tu_bundled());
	assert_non_null(c);
	for (size_t i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
		same_as_glibc(patterns[i], false, c);
		same_as_glibc(patterns[i], true, c);
	}
	corpus_free(c);
}

static void test_refusals(void **state)
{
	(void)state;
	static const struct {
		const char *pattern, *why;
	} bad[] = {
		{ "(a", "unmatched (" }, { "a)", "unmatched )" }, { "[a", "unmatched [" },
		{ "*a", "preceding" }, { "a{3,2}", "invalid content" }, { "\\1", "back-references" },
		{ "[[:nope:]]", "class name" }, { "a\\", "trailing backslash" }, { "[z-a]", "range" },
		{ "a{99999}", "too large" }, { "(((a{40}){40}){40})", "too complex" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct rx *re = NULL;
		char err[200] = "";
		if (rx_compile(bad[i].pattern, 0, &re, err, sizeof(err)) == 0 || !strstr(err, bad[i].why))
			fail_msg("/%s/: wanted '%s', got '%s'", bad[i].pattern, bad[i].why, err);
		assert_null(re);
	}
	char *huge = malloc(40001);
	for (int i = 0; i < 20000; i++)
		memcpy(huge + 2 * i, "()", 2);
	huge[40000] = '\0';
	struct rx *re = NULL;
	char err[200];
	assert_int_equal(rx_compile(huge, 0, &re, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "longer than"));
	free(huge);
}

static bool stop_now(void *arg)
{
	int *calls = arg;
	return ++*calls >= 3;
}

/* The work is counted: a budget ends a search, and so does the caller. */
static void test_bounded_and_stoppable(void **state)
{
	(void)state;
	size_t len = 64 * 1024;
	char *text = malloc(len + 1);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 2 ? ' ' : 'a';
	text[len] = '\0';
	struct rx *re;
	char err[200];
	assert_int_equal(rx_compile("a.*x", 0, &re, err, sizeof(err)), 0);
	struct rx_meter m;
	rx_meter_init(&m, ~0ull, NULL, NULL);
	size_t s, e;
	assert_int_equal(rx_find(re, text, len, 0, &m, &s, &e), 0);
	/* linear: a few states per character, not the square of the length */
	assert_true(m.used < 8 * len);
	rx_meter_init(&m, 1000, NULL, NULL);
	assert_int_equal(rx_find(re, text, len, 0, &m, &s, &e), RX_TOO_COSTLY);
	int calls = 0;
	rx_meter_init(&m, ~0ull, stop_now, &calls);
	rx_free(re);
	char p62[300] = "";
	for (int i = 0; i < 62; i++)
		strcat(p62, "(.)*");
	strcat(p62, "X");
	assert_int_equal(rx_compile(p62, RX_ICASE, &re, err, sizeof(err)), 0);
	assert_int_equal(rx_test(re, text, len, &m), RX_STOPPED);
	assert_int_equal(calls, 3);
	rx_free(re);
	free(text);
}

static bool stop_at_once(void *arg)
{
	(void)arg;
	return true;
}

/* The search API: a caller's stop ends a search, on one thread or on
 * every core, with no results and its own status; the message says so. */
static void test_search_stoppable(void **state)
{
	(void)state;
	struct corpus *c = corpus_new(tu_bundled());
	assert_non_null(c);
	struct search_stop stop = { stop_at_once, NULL };
	struct search_results res;
	char err[256];
	for (int sliced = 0; sliced < 2; sliced++) {
		c->parallel_from = sliced ? 0 : (size_t)-1;
		struct query q;
		assert_int_equal(query_parse(c->report, "/e.*n/", &q, err, sizeof(err)), 0);
		assert_int_equal(search_query_stoppable(c, &q, &stop, &res), SEARCH_STOPPED);
		assert_int_equal(res.count, 0);
		assert_int_equal(search_query_stoppable(c, &q, NULL, &res), 0); /* unstopped: hits */
		assert_true(res.count > 0);
		search_results_free(&res);
		query_free(&q);
		assert_int_equal(search_execute_stoppable(c, "/e.*n/", &stop, &res, err, sizeof(err)), -1);
		assert_string_equal(err, "search stopped");
	}
	corpus_free(c);
}

static int teardown(void **state)
{
	(void)state;
	tu_bundled_free();
	return 0;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8"); /* glibc's regex reads UTF-8 only then */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_glibc),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_bounded_and_stoppable),
		cmocka_unit_test(test_search_stoppable),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
