/* test_ui_search.c - search and filters on a virtual screen: / searches as
 * you type with the shared search core; Enter opens the selected hit with
 * every match marked; n and N go match by match, then hit by hit; Esc
 * gives back the screen from before /; a bad query shows the parser's
 * message and keeps the last good results; C-r reads the query as a
 * regex; & narrows a list as you type. */
#include "testutil.h"
#include "vscreen.h"
#include "app.h"
#include "search.h"
#include "search_rows.h"
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct vscreen *open_at(int cols, int rows, const char *extra)
{
	struct vscreen *v = vs_open(tu_bundled(), cols, rows, "--no-config", "--no-state", extra,
				    (char *)NULL);
	assert_non_null(v);
	return v;
}

/* How many hits `temm search` gives: the same core, rows as it lists them. */
static size_t hits(const char *query)
{
	struct corpus *c = corpus_new(tu_bundled());
	size_t n = tu_search_rows(c, query);
	corpus_free(c);
	return n;
}

/* The screen is the one before, and no match is marked on it. */
/* The book shows this section (at 80 columns it is read at full width,
 * with no title line or header to say so: ask the app). */
static void expect_book_on(struct vscreen *v, const char *title)
{
	struct app *a = vs_app(v);
	assert_int_equal(a->view, VIEW_REPORT);
	const char *t = app_pane(a, PANE_BOOK)->title;
	if (!t || !strstr(t, title))
		fail_msg("the book shows %s, not %s", t ? t : "nothing", title);
}

static void expect_same(struct vscreen *v, const char *before)
{
	char *now = vs_screen(v);
	if (strcmp(now, before) != 0)
		fail_msg("the screen is not the one before:\n%s\n---- now ----\n%s", before, now);
	free(now);
	assert_false(vs_has_pair(v, ELEM_MATCH + 1));
	assert_false(vs_has_pair(v, ELEM_CURRENT_MATCH + 1));
}

static void expectf(struct vscreen *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void expectf(struct vscreen *v, const char *fmt, ...)
{
	char re[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(re, sizeof(re), fmt, ap);
	va_end(ap);
	vs_expect(v, re);
}

static void test_as_you_type(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "2j");
	vs_expect(v, "Reader: Area 2\\) DSS Prevention");
	char *before = vs_screen(v);
	vs_keys(v, "/");
	vs_expect(v, "^/ *$");
	vs_type(v, "micro");
	vs_expect(v, "Results: \"micro\", 1 hit");
	vs_type(v, "plastics");
	vs_expect(v, "Results: \"microplastics\", 1 hit");
	vs_expect(v, "^/microplastics +1 hit *$");
	vs_expect(v, "^>section +2\\.1 › 9\\) Marine");
	vs_expect(v, "microplastics, and recognized");
	assert_true(vs_marked(v, "microplastics"));
	/* Enter: the hit in the report, scrolled to it, marked */
	vs_keys(v, "<Enter>");
	vs_expect(v, "hit 1 of 1, match 1 of 3");
	/* at 80 columns the book is read at full width; z shows the contents */
	vs_expect(v, "^9\\) Marine Environment Protection *$");
	vs_keys(v, "z");
	vs_expect(v, "2 2\\.1 › 9\\) Marine Environment Protectio…$"); /* the name gives way, then a cut says so */
	vs_expect(v, "^> +9\\) Marine Environmen");
	assert_true(vs_marked(v, "microplastics"));
	vs_keys(v, "n");
	vs_expect(v, "hit 1 of 1, match 2 of 3");
	vs_keys(v, "n");
	vs_expect(v, "hit 1 of 1, match 3 of 3");
	vs_keys(v, "N");
	vs_expect(v, "hit 1 of 1, match 2 of 3");
	vs_keys(v, "nn");
	vs_expect(v, "search hit BOTTOM, continuing at TOP; hit 1 of 1, match 1 of 3");
	vs_keys(v, "<Esc>");
	expect_same(v, before);
	/* Esc in the prompt gives it back too */
	vs_keys(v, "/dust");
	vs_expect(v, "Results: \"dust\"");
	vs_keys(v, "<Esc>");
	expect_same(v, before);
	free(before);
	vs_close(v);
}

/* Every hit opens its passage in the book, n and N stay there; an
 * entity's card is one key away. */
static void test_across_hits(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "2j");
	char *before = vs_screen(v);
	size_t n = hits("EANET");
	assert_int_equal(n, 3); /* the programme, the term, the paragraph */
	vs_keys(v, "/EANET");
	expectf(v, "Results: \"EANET\", %zu hits", n);
	vs_expect(v, "Search › Results");
	vs_expect(v, "^>programme +1\\.3 › 3\\) Synerget");
	/* the preview is what Enter opens: where the report tells of it */
	vs_expect(v, "2 (Preview: )?Section 1\\.3 › 3\\) Synergetic");
	vs_keys(v, "<C-n>"); /* the selection, from the prompt */
	vs_expect(v, "^>term ");
	vs_keys(v, "<Enter>");
	expectf(v, "hit 2 of %zu, match 1 of 1; term EANET is told here, c: its card", n);
	expect_book_on(v, "3) Synergetic");
	assert_true(vs_marked(v, "EANET"));
	vs_keys(v, "c");
	vs_expect(v, "Reader: Term EANET");
	vs_keys(v, "<lt>");
	expect_book_on(v, "3) Synergetic");
	vs_keys(v, "n"); /* the paragraph: the same passage, the same view */
	expectf(v, "hit 3 of %zu, match 1 of 1", n);
	expect_book_on(v, "3) Synergetic");
	vs_keys(v, "c");
	vs_expect(v, "the report's own text: it has no card");
	vs_keys(v, "NN");
	expectf(v, "hit 1 of %zu", n);
	expect_book_on(v, "3) Synergetic");
	vs_keys(v, "<Backspace>"); /* back where n came from */
	char re[64];
	snprintf(re, sizeof(re), "hit 1 of %zu", n);
	vs_expect_not(v, re);
	vs_keys(v, "<Esc>");
	expect_same(v, before);
	/* the results list: Tab, j and Enter, Esc back */
	vs_keys(v, "/EANET<Tab>");
	expectf(v, "Results: \"EANET\", %zu hits", n);
	vs_expect_not(v, "^/EANET");
	vs_keys(v, "j");
	expectf(v, "2/%zu $", n);
	vs_keys(v, "<Enter>");
	expectf(v, "hit 2 of %zu", n);
	vs_keys(v, "<Esc>");
	expect_same(v, before);
	free(before);
	vs_close(v);
}

/* Hits that quote the same passage are one row naming what they are
 * about: the report's three mentions of "litter" are one row with three
 * matches, and n walks them. */
static void test_folded_rows(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "/litter");
	vs_expect(v, "Results: \"litter\", 1 hit");
	vs_expect(v, "^>section +2\\.1 › 9\\) Marine");
	vs_expect(v, "names activity marine litter focal point meeting; activity");
	vs_keys(v, "<Enter>");
	vs_expect(v, "hit 1 of 1, match 1 of 3");
	vs_keys(v, "n");
	vs_expect(v, "hit 1 of 1, match 2 of 3");
	vs_keys(v, "n");
	vs_expect(v, "hit 1 of 1, match 3 of 3");
	vs_keys(v, "c"); /* the first thing it names */
	vs_expect(v, "4 (Reader: )?Activity marine litter focal point");
	vs_close(v);
}

static void test_bad_query_and_regex(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "2j");
	char *before = vs_screen(v);
	size_t n = hits("workshop");
	vs_keys(v, "/workshop");
	expectf(v, "Results: \"workshop\", %zu hits", n);
	vs_keys(v, "<C-r>");
	expectf(v, "^/workshop +\\[regex\\] %zu hits *$", n);
	expectf(v, "Results: \"/workshop/\", %zu hits", n);
	vs_keys(v, "[");
	vs_expect(v, "bad regular expression");
	/* the results of the query before are gone: they would pass for this one's */
	vs_expect_not(v, "Results: \"/workshop/\"");
	vs_expect_not(v, "names activity WGI-WGII joint workshops");
	vs_keys(v, "<Enter>"); /* refused: the message stays */
	vs_expect(v, "^/workshop\\[ +\\[regex\\] bad regular expression");
	vs_keys(v, "<C-u><C-r>");
	vs_expect_not(v, "\\[regex\\]");
	vs_keys(v, "dust area:edu"); /* a word of an area's name */
	vs_expect(v, "Results: \"dust area:edu\"");
	vs_keys(v, "<C-u>dust area:c");
	vs_expect(v, "area:c matches more than one area: chemicals");
	vs_expect_not(v, "Results: \"dust area:edu\""); /* the results before are gone */
	vs_keys(v, "<C-u>dust stage:II");
	vs_expect(v, "Results: \"dust stage:II\"");
	vs_keys(v, "<C-u>micro.*s<C-r>");
	vs_expect(v, "^/micro\\.\\*s +\\[regex\\] 1 hit *$");
	vs_expect(v, "Results: \"/micro\\.\\*s/\", 1 hit");
	vs_keys(v, "<Esc>");
	expect_same(v, before);
	vs_keys(v, "/"); /* the mode is the prompt's, not kept */
	vs_expect(v, "^/ *$");
	vs_keys(v, "<Esc>");
	/* no match: Enter says so and stays where it was */
	vs_keys(v, "/nowhere-to-be-found");
	vs_expect(v, "^/nowhere-to-be-found +0 hits");
	vs_keys(v, "<Enter>");
	vs_expect(v, "No match for \"nowhere-to-be-found\"");
	vs_expect(v, "Reader: Area 2\\) DSS Prevention");
	free(before);
	vs_close(v);
}

/* Many hits: the list lays out its first rows and the rest as they are
 * reached; the position counts every hit. */
static void test_many_hits(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	size_t n = hits("e");
	assert_true(n > 115);
	vs_keys(v, "/e");
	expectf(v, "Results: \"e\", %zu hits", n);
	vs_keys(v, "<C-n><Tab>");
	expectf(v, " 2/%zu $", n);
	vs_keys(v, "g");
	expectf(v, " 1/%zu $", n);
	/* a count goes past the rows laid out so far, to the hit it names */
	char keys[32];
	snprintf(keys, sizeof(keys), "0%zuj", n - 1); /* 0 first: a count, not a pane */
	vs_keys(v, keys);
	expectf(v, " %zu/%zu $", n, n);
	vs_keys(v, "g");
	for (int i = 0; i < 110; i++)
		vs_keys(v, "j");
	expectf(v, " 111/%zu $", n);
	vs_keys(v, "G"); /* the last hit, not the last row laid out */
	expectf(v, " %zu/%zu $", n, n);
	vs_keys(v, "050p");
	expectf(v, " %zu/%zu $", 1 + 50 * (n - 1) / 100, n);
	vs_close(v);
}

/* The results are laid out again for every size: the snippets use the
 * width, narrow or wide. */
static void test_results_follow_resizes(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "/microplastics<Tab>");
	vs_resize(v, 200, 60);
	int y = vs_find(v, "^>section ");
	assert_true(y > 0);
	assert_non_null(strstr(vs_row(v, y), "2.1 › 9) Marine Environment Protection")); /* whole */
	assert_true(strlen(strstr(vs_row(v, y), "...")) > 100); /* the snippet takes the width */
	vs_resize(v, 50, 15);
	y = vs_find(v, "^>section ");
	assert_true(y > 0);
	const char *snip = strstr(vs_row(v, y), "...");
	assert_non_null(snip);
	assert_true(strlen(snip) >= 20);
	vs_close(v);
}

/* Without colours the match is in reverse video. */
static void test_no_colour(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, "--no-color");
	vs_keys(v, "/microplastics<Enter>");
	vs_expect(v, "hit 1 of 1");
	assert_false(vs_has_pair(v, 0));
	int y = vs_find(v, "microplastics");
	assert_true(y >= 0);
	const char *row = vs_row(v, y);
	int x = (int)(strstr(row, "microplastics") - row);
	assert_true(vs_reverse(v, y, x)); /* reverse video, no colour pair */
	vs_close(v);
}

/* & narrows the focused list as it is typed, says so in the header, and
 * Esc shows every entry again. */
static void test_filter(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "2&");
	vs_expect(v, "^& +10 of 10 *$");
	vs_type(v, "workshop");
	vs_expect(v, "^&workshop +2 of 10 *$");
	vs_expect(v, "Areas: as in 2.1 & workshop");
	vs_expect(v, "^> 2\\) DSS Prevention");
	vs_expect(v, "^  9\\) Marine Environment Protection");
	vs_expect_not(v, "Air Pollution Control");
	vs_expect(v, "Reader: Area 2\\) DSS Prevention");
	vs_keys(v, "<Enter>");
	vs_expect(v, "2 of 10 shown; Esc shows all");
	vs_keys(v, "j");
	vs_expect(v, "4 (Reader: )?Area 9\\) Marine");
	vs_keys(v, "<Esc>"); /* the filter goes, the selection stays */
	vs_expect_not(v, "& workshop");
	vs_expect(v, "Air Pollution Control");
	vs_expect(v, "^> 9\\) Marine Environment Protection");
	/* a bad query: its message, then the list as it was */
	vs_keys(v, "&area:c");
	vs_expect(v, "area:c matches more than one area");
	vs_keys(v, "<Esc>");
	vs_expect_not(v, "matches more than one");
	vs_expect(v, "^> 9\\) Marine Environment Protection");
	/* the timeline keeps a stage's heading while an event of it shows */
	vs_keys(v, "3&TEMM17");
	vs_expect(v, "Timeline & TEMM17");
	vs_expect(v, "^ III Steady Development 2015-2019");
	vs_expect(v, "^>2015-04 TEMM17");
	vs_expect_not(v, "^ I Foundation 1999-2009");
	vs_expect(v, " 1 of 17 *$"); /* one event shows */
	vs_keys(v, "<Enter><Esc>");
	vs_expect_not(v, "Timeline & TEMM17");
	vs_expect(v, " 8/17 *$"); /* every event again, TEMM17 still selected */
	/* the results of a search */
	vs_keys(v, "/workshop<Tab>&kind:section");
	vs_expect(v, "Results: \"workshop\", [0-9]+ hits & kind:section");
	vs_expect_not(v, "^[ >]activity ");
	vs_expect(v, "^.section ");
	vs_keys(v, "<Enter>n");
	vs_expect(v, "Preview: Section");
	vs_keys(v, "<Esc>"); /* the filter first */
	vs_expect_not(v, "& kind:section");
	vs_expect(v, "activity ");
	vs_keys(v, "<Esc>"); /* then the search */
	vs_expect(v, "Home › Timeline");
	/* & on a text pane says what it filters */
	vs_keys(v, "4&");
	vs_expect(v, "& filters a list");
	vs_close(v);
}

/* The rows of the preview pane (below its header) as one string. */
static char *preview_rows(struct vscreen *v)
{
	int top = vs_find(v, "^ 2 Preview");
	assert_true(top > 0);
	char *s = calloc(1, 24 * 400);
	assert_non_null(s);
	for (int y = top + 1; y < 23; y++)
		strcat(strcat(s, vs_row(v, y)), "\n");
	return s;
}

/* Typed faster than the pause, each key updates the results and leaves
 * the preview as the last pause left it; the preview of the selected hit
 * comes once typing stops. A preview per letter cost the terminal more
 * than the list, for a page nobody reads while typing (issue 15). */
static void test_preview_after_typing(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_type_fast(v, "/m");
	vs_expect(v, "Results: \"m\"");
	vs_expect_not(v, "Preview: "); /* no hit previewed yet */
	vs_pause(v);
	vs_expect(v, "Preview: ");
	char *paused = preview_rows(v);
	vs_type_fast(v, "arine");
	vs_expect(v, "Results: \"marine\"");
	char *typed = preview_rows(v);
	assert_string_equal(typed, paused); /* not one cell of it sent again */
	vs_pause(v);
	vs_expect(v, "Preview: .*Marine");
	free(typed);
	typed = preview_rows(v);
	assert_string_not_equal(typed, paused);
	free(typed);
	free(paused);
	long fast = vs_sent(v);
	vs_close(v);

	/* the same query with a pause after every letter sends more */
	v = open_at(80, 24, NULL);
	vs_type(v, "/marine");
	vs_expect(v, "Preview: .*Marine");
	long slow = vs_sent(v);
	assert_true(fast < slow);

	/* n within the passage shown moves the current match: the rows it
	 * changes go out, not the screen (80x24 is 1920 cells) */
	vs_keys(v, "<Enter>");
	vs_expect(v, "match 1 of");
	long before = vs_sent(v);
	vs_keys(v, "n");
	vs_expect(v, "match 2 of");
	assert_true(vs_sent(v) - before < 400);
	vs_close(v);
}

/* A save that fails is said, and stays on the status line until the next
 * key, whatever else the key that caused it says (here: the hit opened). */
static void test_failed_save_stays(void **state)
{
	(void)state;
	/* the state directory cannot be made: a file stands where it would be */
	tu_write(tu_dir, "not-a-dir", "x");
	char home[1200];
	snprintf(home, sizeof(home), "%s/not-a-dir", tu_dir);
	setenv("XDG_STATE_HOME", home, 1);
	struct vscreen *v = vs_open(tu_bundled(), 200, 24, "--no-config", (char *)NULL);
	assert_non_null(v);
	vs_keys(v, "/microplastics<Enter>");
	vs_expect(v, "search history|history");
	vs_expect_not(v, "hit 1 of 1");
	vs_keys(v, "j"); /* seen: it goes */
	vs_expect_not(v, "history");
	vs_close(v);
	unsetenv("XDG_STATE_HOME");
}

/* The book is made as it is read: a hit far ahead makes it as far as the
 * hit's section, marked there; a word's matches in sections made after it
 * was marked are marked too; n wraps; a word found nowhere opens nothing. */
static void test_book_made_to_the_hit(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	struct app *a = vs_app(v);
	struct entity_ref last;
	assert_int_equal(report_find(tu_bundled(), "sec-3-2", &last), 0);
	vs_keys(v, "r");
	struct doc *d = app_pane(a, PANE_BOOK)->doc;
	assert_true(d->blocks[d->blocks_count - 1].section < last.index - 2); /* a screenful */
	vs_type(v, "/post-2020");
	vs_expect(v, "Results: \"post-2020\", 1 hit");
	vs_keys(v, "<Enter>");
	vs_expect(v, "hit 1 of 1, match 1 of 1");
	expect_book_on(v, "3.2 Future Outlook");
	assert_true(vs_marked(v, "post-2020"));
	vs_keys(v, "n");
	vs_expect(v, "search hit BOTTOM, continuing at TOP; hit 1 of 1, match 1 of 1");
	expect_book_on(v, "3.2 Future Outlook");
	vs_keys(v, "<Esc>");
	vs_close(v);

	/* governance: its first hit in 2.2 4), the book made about as far;
	 * its matches at the end of the book, made after the marks were put
	 * on, are marked when G shows them */
	v = open_at(80, 24, NULL);
	a = vs_app(v);
	vs_keys(v, "r");
	vs_type(v, "/governance");
	vs_keys(v, "<Enter>");
	vs_expect(v, "hit 1 of [0-9]+");
	vs_expect(v, "^4\\) Enhanced Environmental Governance");
	d = app_pane(a, PANE_BOOK)->doc;
	assert_true(d->blocks[d->blocks_count - 1].section < last.index);
	vs_keys(v, "G");
	vs_expect(v, "significant contributions to global *$");
	vs_expect(v, "^environmental governance\\. The next 20 years");
	assert_true(vs_marked(v, "governance"));
	assert_true(vs_has_pair(v, ELEM_MATCH + 1));
	vs_close(v);

	/* carbon: in 2.1 8) and in 3.1; n goes from one to the other and
	 * wraps */
	v = open_at(80, 24, NULL);
	a = vs_app(v);
	size_t n = hits("carbon");
	assert_int_equal(n, 2);
	vs_keys(v, "r");
	vs_type(v, "/carbon");
	expectf(v, "Results: \"carbon\", %zu hits", n);
	vs_keys(v, "<Enter>");
	vs_expect(v, "hit 1 of 2");
	const char *first = strstr(app_pane(a, PANE_BOOK)->title, "8) Climate") ? "8) Climate" : "3.1 Cooperation";
	const char *second = first[0] == '8' ? "3.1 Cooperation" : "8) Climate";
	expect_book_on(v, first);
	assert_true(vs_marked(v, "carbon"));
	vs_keys(v, "n");
	vs_expect(v, "hit 2 of 2");
	expect_book_on(v, second);
	assert_true(vs_marked(v, "carbon"));
	vs_keys(v, "n");
	vs_expect(v, "search hit BOTTOM, continuing at TOP; hit 1 of 2");
	expect_book_on(v, first);
	assert_true(vs_marked(v, "carbon"));
	/* a new search: the marks of the last one are gone from what is made */
	vs_keys(v, "<Esc>");
	vs_type(v, "/zzqx");
	vs_expect(v, "Nothing matches");
	vs_keys(v, "<Enter>");
	vs_expect(v, "No match for \"zzqx\"");
	assert_false(vs_has_pair(v, ELEM_MATCH + 1));
	vs_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_as_you_type),
		cmocka_unit_test(test_across_hits),
		cmocka_unit_test(test_folded_rows),
		cmocka_unit_test(test_bad_query_and_regex),
		cmocka_unit_test(test_many_hits),
		cmocka_unit_test(test_results_follow_resizes),
		cmocka_unit_test(test_no_colour),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_failed_save_stays),
		cmocka_unit_test(test_preview_after_typing),
		cmocka_unit_test(test_book_made_to_the_hit),
	};
	int rc = cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
	tu_bundled_free();
	return rc;
}
