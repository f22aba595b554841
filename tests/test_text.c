/* test_text.c - widths, wrapping, folding (case, accents, compatibility
 * forms), sanitizing and search: the text functions that the browser and
 * the commands share. */
#include "testutil.h"
#include "sanitize.h"
#include "search.h"
#include "text.h"
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc", 3), 3);
	assert_int_equal(text_width("日本語", strlen("日本語")), 6);
	assert_int_equal(text_width("é", strlen("é")), 1);
	int used;
	/* 5 columns hold two wide characters, never half of a third */
	assert_int_equal(text_fit("日本語", strlen("日本語"), 5, &used), 6);
	assert_int_equal(used, 4);
}

static void test_wrap(void **state)
{
	(void)state;
	struct text_line *l;
	const char *s = "the quick brown fox jumps over the lazy dog";
	long n = text_wrap(s, 10, &l);
	assert_int_equal(n, 5);
	for (long i = 0; i < n; i++) {
		assert_true(l[i].width <= 10);
		assert_true(s[l[i].start] != ' ');
	}
	assert_memory_equal(s + l[0].start, "the quick", 9);
	assert_int_equal(l[0].len, 9);
	free(l);
	/* a line may fill the width exactly: the space at the break is free */
	n = text_wrap("aaaa bbbb cccc dddd", 9, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].width, 9);
	assert_int_equal(l[1].start, 10);
	free(l);
	/* a word wider than the line is cut on character boundaries */
	n = text_wrap("日本語日本語日本語", 5, &l);
	assert_int_equal(n, 5);
	for (long i = 0; i < n; i++)
		assert_int_equal(l[i].len % 3, 0);
	free(l);
	assert_int_equal(text_wrap("", 10, &l), 0);
	assert_null(l);
	/* a first line of its own width (a hanging indent): the help's key
	 * column starts left of the text under it, and its first line is as
	 * wide as the others end */
	n = text_wrap_first("aaaa bbbb cccc dddd eeee ffff", 14, 9, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[0].width, 14); /* aaaa bbbb cccc */
	assert_int_equal(l[1].width, 9);  /* dddd eeee */
	assert_int_equal(l[2].width, 4);  /* ffff */
	free(l);
	n = text_wrap_first("日本語日本語", 4, 2, &l); /* a cut word too: 4 + 2 + 2 + 2 + 2 */
	assert_int_equal(n, 5);
	assert_int_equal(l[0].width, 4);
	assert_int_equal(l[1].width, 2);
	free(l);
}

/* A text that fits on its first line is one line, as the greedy wrap
 * gives it (found without its break opportunities): trailing spaces
 * dropped, wide characters counted as two. */
static void test_wrap_one_line(void **state)
{
	(void)state;
	struct text_line *l;
	long n = text_wrap_first("Air Pollution Control  ", 23, 5, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].len, 21);
	assert_int_equal(l[0].width, 21);
	free(l);
	n = text_wrap_first("日本語 — “x”", 12, 5, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].width, 12);
	free(l);
	n = text_wrap_first("日本語 — “x”", 11, 11, &l); /* one column short */
	assert_int_equal(n, 2);
	free(l);
	n = text_wrap_first("  two spaces", 40, 40, &l);
	assert_int_equal(n, 1);
	free(l);
	assert_int_equal(text_wrap_first("   ", 40, 40, &l), 0);
	free(l);
}

static void test_fold(void **state)
{
	(void)state;
	struct folded f;
	assert_int_equal(text_fold("Straße DSS", &f), 0);
	assert_string_equal(f.text, "strasse dss");
	/* "ss" from ß maps back to the start of ß (byte 4) */
	assert_int_equal(f.origin[4], 4);
	assert_int_equal(f.origin[5], 4);
	assert_int_equal(f.origin[7], 7); /* the space after ß (2 bytes) */
	assert_int_equal(f.origin[f.len], strlen("Straße DSS"));
	text_folded_free(&f);
	/* folding that lengthens the text past its first allocation: each
	 * U+0149 (2 bytes) folds to U+02BC U+006E (3 bytes) */
	char many[2 * 100 + 1] = "";
	for (int i = 0; i < 100; i++)
		strcat(many, "\u0149");
	assert_int_equal(text_fold(many, &f), 0);
	assert_int_equal(f.len, 300);
	for (size_t i = 0; i < 300; i += 3) {
		assert_memory_equal(f.text + i, "\u02bcn", 3);
		assert_int_equal(f.origin[i + 2], i / 3 * 2);
	}
	assert_int_equal(f.origin[f.len], 200);
	text_folded_free(&f);
	/* ASCII keeps every byte in place: no map is stored */
	assert_int_equal(text_fold("E-Waste DSS", &f), 0);
	assert_string_equal(f.text, "e-waste dss");
	assert_null(f.origin);
	assert_int_equal(folded_origin(&f, 3), 3);
	assert_int_equal(folded_origin(&f, f.len), strlen("E-Waste DSS"));
	text_folded_free(&f);
	assert_true(text_has_upper("e-Waste"));
	assert_false(text_has_upper("e-waste 日本"));
}

/* Accents and compatibility forms are set aside, every folded byte maps
 * back to the character it came from, and what is not an accent stays. */
static void test_fold_accents_and_forms(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Montréal", "montreal" },
		{ "Cafe\xcc\x81", "cafe" },           /* e + combining acute */
		{ "ＭＯＮＴＲＥＡＬ ﬁ ①", "montreal fi 1" }, /* full width, a ligature, a circled 1 */
		{ "Ångström İstanbul", "angstrom istanbul" },
		{ "København Łódź", "københavn łodz" },  /* ø and ł do not decompose */
		{ "한국 が パ", "한국 が パ" },           /* Hangul syllables and voiced kana stay whole */
		{ "蒙特利尔议定书", "蒙特利尔议定书" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct folded f;
		assert_int_equal(text_fold(cases[i].in, &f), 0);
		assert_string_equal(f.text, cases[i].out);
		assert_int_equal(f.len, strlen(cases[i].out));
		/* origins rise, each at the start of a character of the input */
		for (size_t k = 0; k <= f.len; k++) {
			size_t o = folded_origin(&f, k);
			assert_true(o <= strlen(cases[i].in));
			assert_true(k == 0 || o >= folded_origin(&f, k - 1));
			assert_true(((unsigned char)cases[i].in[o] & 0xc0) != 0x80);
		}
		text_folded_free(&f);
	}
	/* "montreal" in "Montréal" maps back to all 9 bytes, é whole */
	struct folded f;
	assert_int_equal(text_fold("Montréal", &f), 0);
	assert_int_equal(folded_origin(&f, 5), 5);
	assert_int_equal(folded_origin(&f, 6), 7);
	assert_int_equal(folded_origin(&f, 8), 9);
	text_folded_free(&f);
	/* case kept, accents set aside: what an upper-case query compares */
	char *s = text_strip_marks("Montréal ＭＯＮＴ", strlen("Montréal ＭＯＮＴ"));
	assert_string_equal(s, "Montreal MONT");
	free(s);
	s = text_strip_marks("Cafe\xcc\x81 x", 6);
	assert_string_equal(s, "Cafe");
	free(s);
}

/* grow: doubling from `first`, contents kept; a size that would overflow
 * is refused with nothing changed. */
static void test_grow(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0, n = 0;
	for (int i = 0; i < 100; i++) {
		assert_int_equal(grow(&v, &cap, n, sizeof(*v), 4), 0);
		v[n++] = i;
	}
	assert_int_equal(cap, 128);
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i], i);
	int *before = v;
	size_t huge = SIZE_MAX / 2;
	assert_int_equal(grow(&v, &huge, huge, 4, 4), -1);
	assert_ptr_equal(v, before);
	assert_int_equal(huge, SIZE_MAX / 2);
	free(v);

	/* grow_to: as many doublings as `need` takes, at once */
	char *s = NULL;
	cap = 0;
	assert_int_equal(grow_to(&s, &cap, 3, 1, 8), 0);
	assert_int_equal(cap, 8); /* `first` when empty */
	memcpy(s, "abcdefgh", 8);
	assert_int_equal(grow_to(&s, &cap, 8, 1, 8), 0);
	assert_int_equal(cap, 8); /* it fits: nothing done */
	assert_int_equal(grow_to(&s, &cap, 33, 1, 8), 0);
	assert_int_equal(cap, 64);
	assert_memory_equal(s, "abcdefgh", 8);
	char *kept = s;
	assert_int_equal(grow_to(&s, &cap, SIZE_MAX / 2 + 2, 1, 8), -1);
	assert_int_equal(grow_to(&s, &cap, SIZE_MAX / 8, 16, 8), -1);
	assert_ptr_equal(s, kept);
	assert_int_equal(cap, 64);
	free(s);
}

static void expect_sanitized(const char *in, const char *out)
{
	char *s = sanitize_text(in);
	assert_string_equal(s, out);
	assert_int_equal(sanitize_needed(in), strcmp(in, out) != 0);
	free(s);
}

static void test_sanitize_each_class(void **state)
{
	(void)state;
	expect_sanitized("plain 日本語 text", "plain 日本語 text");
	expect_sanitized("a\x1b[31mred", "a^[[31mred");            /* CSI colour */
	expect_sanitized("\x1b]0;title\x07", "^[]0;title^G");      /* OSC title, BEL */
	expect_sanitized("\x1b]52;c;ZXZpbA==\x07", "^[]52;c;ZXZpbA==^G"); /* OSC 52 */
	expect_sanitized("x\xc2\x9b" "2J", "x<U+009B>2J");         /* C1 CSI */
	expect_sanitized("a\bb\rc\td\x7f", "a^Hb^Mc^Id^?");
	expect_sanitized("\xe2\x80\xae" "evil", "<U+202E>evil");   /* RLO */
	expect_sanitized("\xe2\x81\xa6" "iso", "<U+2066>iso");     /* LRI */
	expect_sanitized("zero\xe2\x80\x8bwidth", "zero<U+200B>width");
	expect_sanitized("bom\xef\xbb\xbf", "bom<U+FEFF>");
	expect_sanitized("bad\xff\xc3(", "bad<0xFF><0xC3>(");
	expect_sanitized("two\nlines", "two lines");
}

static void test_search_ranks_names_first(void **state)
{
	(void)state;
	const struct tu_facts *facts = tu_facts();
	struct corpus *c = corpus_new(tu_report());
	struct search_results res;
	assert_int_equal(search_run(c, facts->name_query, &res), 0);
	assert_true(res.count > 3);
	/* the area's title comes before any prose mention */
	size_t area = res.count, prose = res.count;
	for (size_t i = 0; i < res.count; i++) {
		const struct corpus_unit *u = res.hits[i].unit;
		if (u->ref.kind == KIND_AREA && area == res.count)
			area = i;
		if (u->tier == TIER_PROSE && prose == res.count)
			prose = i;
		if (i > 0)
			assert_true(res.hits[i - 1].unit->tier <= u->tier);
	}
	assert_true(area < prose);
	/* the match points at the original (upper-case) text */
	const struct search_hit *h = search_hit_at(&res, area);
	size_t n = strlen(facts->name_text);
	assert_true(h->matches_count >= 1);
	assert_memory_equal(h->unit->text + h->matches[0].start, facts->name_text, n);
	struct snippet sn;
	assert_int_equal(search_snippet(&res, area, 40, &sn), 0);
	assert_true(text_width(sn.text, strlen(sn.text)) <= 40);
	assert_memory_equal(sn.text + sn.match_start, facts->name_text, n);
	snippet_free(&sn);
	search_results_free(&res);
	assert_int_equal(search_run(c, "no such words anywhere", &res), 0);
	assert_int_equal(res.count, 0);
	search_results_free(&res); /* no hits, yet the query it holds */
	assert_int_equal(search_run(c, "", &res), -1);
	corpus_free(c);
	tu_report_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_one_line),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_accents_and_forms),
		cmocka_unit_test(test_sanitize_each_class),
	};
	const struct CMUnitTest on_reports[] = {
		cmocka_unit_test(test_search_ranks_names_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL) | TU_RUN_EACH(on_reports, NULL, NULL);
}
