/* test_ui_screen.c - the browser's screens on a virtual screen: the home
 * screen at 80x24 and 132x43, counts and pane digits, the timeline, links,
 * help; each a real session (the app, the dispatcher, the drawing), typed
 * at and read back as text. */
#include "testutil.h"
#include "vscreen.h"
#include "app.h"
#include "panes.h"
#include "settings.h"
#include "text.h"

#include <curses.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct vscreen *open_at(int cols, int rows)
{
	struct vscreen *v = vs_open(tu_bundled(), cols, rows, "--no-config", "--no-state", (char *)NULL);
	assert_non_null(v);
	return v;
}

static int item(struct vscreen *v, enum ui_pane_id id)
{
	return pane_item(app_pane(vs_app(v), id));
}

/* The home screen: every stage with its name and years, every area (its
 * number and the start of its name), the timeline and its axis, the
 * reader, the title and status lines. */
static void check_home(struct vscreen *v)
{
	const struct report *r = tu_bundled();
	for (size_t i = 0; i < r->stages_count; i++) {
		char re[256];
		snprintf(re, sizeof(re), " %s +[0-9]{4}-[0-9]{4}", report_stage(r, i)->name);
		vs_expect(v, re);
	}
	for (size_t i = 0; i < r->areas_count; i++) {
		char re[256];
		snprintf(re, sizeof(re), "%2u\\) %.12s", report_area(r, i)->number, report_area(r, i)->title);
		vs_expect(v, re);
	}
	vs_expect(v, "^ 3 Timeline");
	vs_expect(v, "^1999 .*2019"); /* the axis */
	vs_expect(v, "^>1999-11 1st APT Leaders' Meeting"); /* a label, not the clause */
	vs_expect(v, "temm: Report on China-Japan-Korea");
	vs_expect(v, "Home › Stages › Stage I Foundation");
	vs_expect(v, "Reader: Stage I Foundation");
	vs_expect(v, "\\? help .* 1/3 $");
}

static void test_home(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24);
	check_home(v);
	int y, x;
	vs_cursor(v, &y, &x);
	assert_int_equal(y, 2); /* on the selected stage's row, for screen readers */
	vs_close(v);
	v = open_at(132, 43);
	check_home(v);
	/* events in two lines under their dates: the words that tell two
	 * apart show */
	vs_expect(v, "^ 2010-05 TEMM12: Joint Action Plan \\(2010-2014\\) +│");
	vs_expect(v, "^         adopted +│");
	vs_expect(v, "^         the 2020 China-Japan-ROK Cooperation…");
	vs_close(v);
}

/* One rule for counts and pane digits (ui/dispatch.h): a digit naming a
 * pane goes there and is no count; other digits count for the next key. */
static void test_counts_and_pane_digits(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24);
	struct app *a = vs_app(v);
	vs_keys(v, "2");
	assert_int_equal(app_focus_id(a), PANE_AREAS);
	vs_keys(v, "5j"); /* 5 is no pane: a count */
	assert_int_equal(item(v, PANE_AREAS), 5);
	vs_expect(v, "Home › Areas › 6\\) Circulative");
	vs_keys(v, "5k");
	assert_int_equal(item(v, PANE_AREAS), 0);
	/* 2 j j 4 G: the reader, at its end - the 4 is not a count for the
	 * areas just left */
	vs_keys(v, "2jj4G");
	assert_int_equal(app_focus_id(a), PANE_READER);
	assert_int_equal(item(v, PANE_AREAS), 2);
	struct pane *rd = app_pane(a, PANE_READER);
	assert_true(rd->top > 0);
	assert_int_equal(rd->top + pane_rows(rd), (int)doc_lines(rd->doc));
	/* a 0 first: a count with any digit (012g: line 12) */
	vs_keys(v, "012g");
	assert_int_equal(rd->top, 11 < (int)doc_lines(rd->doc) - pane_rows(rd) ? 11 : rd->top);
	/* a count goes to the next key only: here j, then k moves one */
	vs_keys(v, "g6jk");
	assert_int_equal(rd->top, 5);
	/* a count before a key that takes none is dropped */
	vs_keys(v, "1");
	assert_int_equal(app_focus_id(a), PANE_STAGES);
	vs_keys(v, "7]j");
	assert_int_equal(item(v, PANE_STAGES), 2); /* ] then one j: no count left */
	/* the report view has two panes: 2 goes to the book, then 1 to the
	 * contents, and g to its first row - never row 21 */
	vs_keys(v, "r21g");
	assert_int_equal(app_focus_id(a), PANE_OUTLINE);
	assert_int_equal(item(v, PANE_OUTLINE), 0);
	vs_keys(v, "5j"); /* 5: a count here */
	assert_int_equal(item(v, PANE_OUTLINE), 5);
	vs_keys(v, "3j"); /* and 3 too: the view has two panes */
	assert_int_equal(item(v, PANE_OUTLINE), 8);
	vs_close(v);
}

static void test_count_shows(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24);
	vs_keys(v, "07");
	vs_expect(v, "count 7: g goes to line 7");
	vs_keys(v, "<Esc>");
	vs_expect_not(v, "count 7");
	vs_keys(v, "2<Down><Down>");
	vs_expect(v, "Home › Areas › 3\\) Environmental Education");
	vs_close(v);
}

/* To the timeline, TEMM16 (2014): the reader shows Daegu and stage III,
 * the axis marks the year and follows the selection, ',' goes up. */
static void test_timeline(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24);
	vs_keys(v, "3");
	vs_expect(v, "Home › Timeline › 1st APT Leaders' Meeting, Manila: launched");
	vs_keys(v, "]");
	vs_expect(v, "Home › Timeline › TEMM12: Joint Action Plan \\(2010-2014\\) adopted");
	vs_keys(v, "jj");
	vs_expect(v, "Event April 2014");
	vs_expect(v, "^>2014-04 TEMM16, Daegu: identifie");
	vs_expect(v, "Date: April 2014");
	vs_expect(v, "Meeting: TEMM16, Daegu, ROK");
	vs_expect(v, "7/17 $");
	char axis1[512];
	snprintf(axis1, sizeof(axis1), "%s", vs_row(v, vs_find(v, "^1999 ")));
	vs_keys(v, "j");
	vs_expect(v, "Event April 2015");
	assert_string_not_equal(axis1, vs_row(v, vs_find(v, "^1999 ")));
	vs_keys(v, "k,");
	vs_expect(v, "Reader: Stage II Deepening");
	vs_expect(v, "^>II  Deepening");
	vs_close(v);
}

/* ? lists every action with its keys, grouped, and what counts do; q, Esc
 * and ? close it. */
static void test_help(void **state)
{
	(void)state;
	struct vscreen *v = open_at(160, 90);
	vs_keys(v, "?");
	vs_expect(v, "temm keys");
	const struct ui_action_info *info;
	size_t n = ui_actions(&info);
	for (size_t i = 0; i < n; i++) {
		char re[300];
		snprintf(re, sizeof(re), "%.40s", info[i].help);
		for (char *c = re; *c; c++) /* a regex of the plain text */
			if (strchr(".()[]{}*+?|^$\\", *c))
				*c = '.';
		vs_expect(v, re);
	}
	vs_expect(v, "j, Down, C-n +Next line");
	vs_expect(v, "<N> before j, k, Space, b, C-d, C-u, n, N: <N> times");
	vs_expect(v, "<N> before g, G: line or item <N>");
	vs_keys(v, "q");
	vs_expect(v, "Foundation Stage");
	vs_keys(v, "<F1>");
	vs_expect(v, "temm keys");
	vs_keys(v, "<Esc>");
	vs_expect_not(v, "temm keys");
	vs_close(v);
}

static void expect_screen(struct vscreen *v, const char *want)
{
	char *now = vs_screen(v);
	if (strcmp(now, want) != 0)
		fail_msg("the screen is not the one before:\n%s\n---- now ----\n%s", want, now);
	free(now);
}

/* Links in the reader: Tab moves between them, Enter follows, < goes back
 * to exactly the same screen (pane, selection, scroll), > forward again;
 * --goto opens on an entity. */
static void test_links(void **state)
{
	(void)state;
	struct vscreen *v = vs_open(tu_bundled(), 80, 24, "--no-config", "--no-state", "--goto",
				    "ev-2014-temm16", (char *)NULL);
	assert_non_null(v);
	/* --goto opens an event on the Timeline view, selected, its page below */
	vs_expect(v, "Timeline › Events › TEMM16, Daegu");
	vs_expect(v, "^>April 2014 .*TEMM16, Daegu: identified nine");
	vs_expect(v, " 2 Event: April 2014 ");
	vs_keys(v, "<Tab><Tab><Tab><Tab>"); /* Stage, Meeting, Told in, then Concerns: Stage III */
	char *before = vs_screen(v);
	vs_keys(v, "<Enter>");
	vs_expect(v, "Reader: Stage III Steady Development");
	vs_expect(v, "Steady Development Stage");
	vs_expect(v, "^>III Steady Development");
	vs_keys(v, "<Backspace>");
	expect_screen(v, before);
	free(before);
	vs_keys(v, ">");
	vs_expect(v, "Reader: Stage III Steady Development");
	vs_keys(v, "<lt>");
	vs_expect(v, "Event: April 2014");
	/* a scrolled reader comes back at the same place */
	vs_keys(v, "H2j4<Space>");
	vs_expect(v, "Reader: Area 2\\) DSS Prevention");
	vs_expect_not(v, "Priority area 2");
	vs_keys(v, "<Tab>");
	before = vs_screen(v);
	vs_keys(v, "<Enter>");
	vs_expect_not(v, "Reader: Area 2\\) DSS");
	vs_keys(v, "<Backspace>");
	expect_screen(v, before);
	free(before);
	/* a link to a section opens the report view there */
	vs_keys(v, "g<Tab><Enter>"); /* Told in: 2.1 › 2) DSS Prevention */
	/* at 80 columns the book is read at full width: the status line says where */
	vs_expect(v, "^2\\) DSS Prevention +$");
	vs_expect(v, "2\\.1 › 2\\) DSS Prevention  [0-9]+% *$");
	vs_keys(v, "z"); /* and the contents beside it */
	vs_expect(v, "Report › Contents");
	vs_expect(v, "^> +2\\) DSS Prevention");
	vs_keys(v, "<lt>");
	vs_expect(v, "Reader: Area 2\\) DSS Prevention");
	vs_close(v);
}

/* A config of one's own, under a temporary $XDG_CONFIG_HOME. */
static struct vscreen *with_config(int cols, int rows, const char *config, const char *arg)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/temm", tu_dir);
	mkdir(path, 0700);
	tu_write(path, "config", config);
	setenv("XDG_CONFIG_HOME", tu_dir, 1);
	struct vscreen *v = vs_open(tu_bundled(), cols, rows, "--no-state", arg, (char *)NULL);
	assert_non_null(v);
	return v;
}

/* A key rebound by action name works and the old one no longer does (help
 * shows the new one); a bad config leaves every default and says
 * FILE:LINE:COLUMN; --config, --no-config; theme: none; wrap. */
static void test_config(void **state)
{
	(void)state;
	struct vscreen *v = with_config(80, 24, "keys:\n  quit: [Q]\n  search: [F5, /]\npane: areas\n", NULL);
	vs_expect(v, "Home › Areas");
	vs_expect(v, "Reader: Area 1\\) Air Pollution");
	vs_expect(v, "Q quit");
	vs_expect_not(v, " q quit");
	vs_keys(v, "q");
	vs_expect(v, "q does nothing here: \\? shows the keys");
	assert_false(vs_app(v)->quit);
	vs_keys(v, "?");
	vs_expect(v, "temm keys  \\(Q, Esc or \\? closes this help\\)");
	vs_keys(v, "<Esc><F5>");
	vs_expect(v, "^/ *$");
	vs_keys(v, "<Esc>Q");
	assert_true(vs_app(v)->quit);
	vs_close(v);

	char re[2048];
	v = with_config(160, 24, "theme: none\nkeys:\n  quit: [Q, Bogus]\n", NULL);
	snprintf(re, sizeof(re), "config ignored, 1 problem \\(\\? lists them\\): %s/temm/config:3:13: unknown key name 'Bogus'", tu_dir);
	vs_expect(v, re);
	vs_keys(v, "j"); /* the message goes with a key */
	vs_expect_not(v, "config ignored");
	vs_keys(v, "q");
	assert_true(vs_app(v)->quit);
	vs_close(v);

	v = with_config(160, 24, "wrap: 60\nkeys:\n  fly-away: [f]\n", NULL);
	snprintf(re, sizeof(re), "config ignored, 1 problem .*: %s/temm/config:3:3: unknown action 'fly-away'", tu_dir);
	vs_expect(v, re);
	vs_close(v);

	/* every problem, named rightly; a resize keeps the message; at 80
	 * columns it is cut, and help lists every problem whole */
	v = with_config(80, 24, "keys:\n  fly-away: [f]\n  quit: q\n  help: [Bogus, F1]\nwrap: 5000\n", NULL);
	vs_expect(v, "^config ignored, 3 problems \\(\\? lists them\\): .*…");
	vs_resize(v, 100, 30);
	vs_expect(v, "^config ignored, 3 problems");
	vs_resize(v, 80, 24);
	vs_expect(v, "^config ignored, 3 problems");
	vs_keys(v, "<F1>");
	vs_expect(v, "The config was not used: 3 problems");
	snprintf(re, sizeof(re), "^  %s/temm/config:2:3: unknown action 'fly-away'", tu_dir);
	vs_expect(v, re);
	vs_expect(v, "^  .*config:4:10: unknown key name 'Bogus'");
	vs_expect(v, "^  .*config:5:7: wrap 5000 is not 0-1000");
	vs_expect(v, "temm config-check");
	vs_close(v);

	/* --config FILE; a file named that is missing is a problem too */
	char other[1100];
	snprintf(other, sizeof(other), "%s/other-config", tu_dir);
	tu_write(tu_dir, "other-config", "keys:\n  quit: [x]\n");
	struct vscreen *o = vs_open(tu_bundled(), 80, 24, "--no-state", "--config", other, (char *)NULL);
	vs_keys(o, "x");
	assert_true(vs_app(o)->quit);
	vs_close(o);
	snprintf(other, sizeof(other), "%s/missing", tu_dir);
	o = vs_open(tu_bundled(), 160, 24, "--no-state", "--config", other, (char *)NULL);
	snprintf(re, sizeof(re), "config ignored, 1 problem .*: %s: no such file", other);
	vs_expect(o, re);
	vs_close(o);

	/* --no-config: not even read */
	v = with_config(80, 24, "keys:\n  quit: [x]\n", "--no-config");
	vs_keys(v, "x");
	assert_false(vs_app(v)->quit);
	vs_close(v);

	/* wrap: the reader's line width */
	v = with_config(160, 24, "wrap: 30\n", NULL);
	vs_expect(v, "Foundation Stage");
	int widest = 0;
	for (int y = 2; y < 22; y++) {
		const char *row = strstr(vs_row(v, y), "│");
		size_t n = row ? strlen(row + strlen("│")) : 0;
		while (n > 0 && row[strlen("│") + n - 1] == ' ')
			n--;
		int w = row ? text_width(row + strlen("│"), n) : 0; /* columns, not bytes */
		widest = w > widest ? w : widest;
	}
	assert_true(widest <= 30 && widest >= 20);
	vs_close(v);

	/* theme: none - attributes only, no colour at all */
	v = with_config(80, 24, "theme: none\n", NULL);
	vs_keys(v, "/dust<Enter>");
	vs_expect(v, "hit 1 of");
	assert_false(vs_has_pair(v, 0));
	assert_true(vs_marked(v, "dust") || vs_marked(v, "Dust"));
	vs_close(v);
	/* and colours of one's own */
	v = with_config(80, 24, "colours:\n  match: red on green\n", NULL);
	vs_keys(v, "/dust<Tab>"); /* the results: every match marked in the snippets */
	assert_true(vs_has_pair(v, ELEM_MATCH + 1));
	short fg, bg;
	pair_content(ELEM_MATCH + 1, &fg, &bg);
	assert_int_equal(fg, COLOR_RED);
	assert_int_equal(bg, COLOR_GREEN);
	vs_close(v);
	unsetenv("XDG_CONFIG_HOME");
}

/* Every pane's doc laid out to its end, as before laying out went lazy. */
static void lay_out_all(struct vscreen *v)
{
	struct app *a = vs_app(v);
	for (int i = 0; i < PANE_COUNT; i++)
		if (app_pane_built(a, (enum ui_pane_id)i) && app_pane(a, (enum ui_pane_id)i)->doc)
			doc_lines(app_pane(a, (enum ui_pane_id)i)->doc);
}

/* One step of test_lazy_same: keys, or a resize when they start with '='. */
static void lazy_step(struct vscreen *v, const char *step)
{
	int cols, rows;
	if (sscanf(step, "=%dx%d", &cols, &rows) == 2)
		vs_resize(v, cols, rows);
	else
		vs_type(v, step);
}

/* The lists and the reader laid out as far as they show are the screens
 * of the whole layout, step by step: lists paged to the end with G and
 * back, percentages and the status line, resizes in the middle, a search
 * and n to a match further down than was laid out. */
static void test_lazy_same(void **state)
{
	(void)state;
	static const char *const steps[] = {
		"3", "j", "<PgDn>", "G", "k", "=60x20", "gg", "50p", "<PgDn>", "=100x30", "G", "=80x24",
		"2", "G", "<PgUp>", "7p", "4", "G", "=50x18", "gg", "30p", "j", "<Tab>", "<Tab>",
		"=80x24", "3", "/rural<Enter>", "n", "n", "N", "<Esc>", "5p", "G",
		/* rows built as they are read: over their seams and back */
		"3", "gg", "<PgDn>", "<PgDn>", "]", "]", "[", "gg", "15j", "=120x40", "3j", "<PgUp>", "=80x24",
		"gg", "&rural<Enter>", "j", "<Esc>", "gg", "/dss<Enter>", "<Esc>", "3", "gg", "k", "12g", "j",
		"gg", "99p", "gg", "<C-o>", "<C-o>", "<C-i>", "G", "gg",
		"1", "j", "<PgDn>", "G", "gg", "&deepening<Enter>", "j", "<Esc>",
		"2", "j", "<PgDn>", "<PgDn>", "9j", "=60x30", "k", "=80x24", "G", "k", "gg", "&dss<Enter>", "j",
		"<Esc>", "44p", "<Enter>", "<C-o>", "=40x12", "j", "j", "=80x24",
	};
	enum { STEPS = sizeof(steps) / sizeof(steps[0]) };
	char *lazy[STEPS], *eager[STEPS];
	struct vscreen *v = open_at(80, 24);
	/* the home screen lays out the timeline's first rows only */
	const struct pane *tl = app_pane(vs_app(v), PANE_TIMELINE);
	assert_true(tl->doc->lines_count < doc_lines(tl->doc));
	vs_close(v);
	v = open_at(80, 24);
	for (size_t i = 0; i < STEPS; i++) {
		lazy_step(v, steps[i]);
		lazy[i] = vs_screen(v);
	}
	vs_close(v);
	v = open_at(80, 24);
	for (size_t i = 0; i < STEPS; i++) {
		lay_out_all(v);
		lazy_step(v, steps[i]);
		eager[i] = vs_screen(v);
	}
	vs_close(v);
	for (size_t i = 0; i < STEPS; i++) {
		if (strcmp(lazy[i], eager[i]) != 0)
			fail_msg("after step %zu (%s) laid out as needed:\n%s\nlaid out at once:\n%s", i, steps[i],
				 lazy[i], eager[i]);
		free(lazy[i]);
		free(eager[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home),
		cmocka_unit_test(test_counts_and_pane_digits),
		cmocka_unit_test(test_count_shows),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_lazy_same),
	};
	int rc = cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
	tu_bundled_free();
	return rc;
}
