/* test_ui_pictures.c - the browser's pictures, on the bundled report and on
 * a small second one (four stages, one gap of years, seven areas): the
 * Timeline view (no marker on a stage boundary at any width from 40 to 250
 * columns, every event on its row and reachable, --goto opens it there),
 * the home axis, the Overview view (every cell and bar a link, a list below
 * 80 columns), ASCII only with --ascii, and the areas pane's header. */
#include "testutil.h"
#include "report_small.h"
#include "vscreen.h"
#include "app.h"
#include "chrono.h"
#include "glance.h"
#include "panes.h"
#include "text.h"
#include "timeline.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct report *both(size_t i)
{
	return i == 0 ? tu_bundled() : small;
}

/* The spans of years, counted here from the model and not from ui/axis.c:
 * maximal runs of years in one stage (or in none), from the first year of
 * a stage or an event to the last. The span a year is in. */
static void spans_of(const struct report *r, unsigned *first, unsigned *last, int *count)
{
	*first = 9999;
	*last = 0;
	for (size_t i = 0; i < r->stages_count; i++) {
		*first = report_stage(r, i)->from < *first ? report_stage(r, i)->from : *first;
		*last = report_stage(r, i)->to > *last ? report_stage(r, i)->to : *last;
	}
	for (size_t i = 0; i < r->events_count; i++) {
		*first = report_event(r, i)->year < *first ? report_event(r, i)->year : *first;
		*last = report_event(r, i)->year > *last ? report_event(r, i)->year : *last;
	}
	*count = 1;
	for (unsigned y = *first + 1; y <= *last; y++)
		*count += report_stage_for_year(r, y) != report_stage_for_year(r, y - 1);
}

static int span_of_year(const struct report *r, unsigned year)
{
	unsigned first, last;
	int count, k = 0;
	spans_of(r, &first, &last, &count);
	for (unsigned y = first + 1; y <= year; y++)
		k += report_stage_for_year(r, y) != report_stage_for_year(r, y - 1);
	return k;
}

/* The display columns where `glyph` is on a line. */
static int columns_of(const char *line, const char *glyph, int *cols, int most)
{
	int n = 0;
	for (const char *at = line; (at = strstr(at, glyph)); at += strlen(glyph))
		if (n < most)
			cols[n++] = text_width(line, (size_t)(at - line));
	return n;
}

/* A row of the Timeline view: the boundaries at exactly the axis's
 * columns (none covered), one dot between the right ones. */
static void check_row(const struct report *r, const char *row, int ev, const int *bounds, int nb,
		      int lane_from, const char *bar, const char *dot)
{
	int b[64], d[4];
	int got = columns_of(row, bar, b, 64), dots = columns_of(row, dot, d, 4);
	if (got != nb)
		fail_msg("event %d: %d boundaries, not %d:\n%s", ev, got, nb, row);
	for (int i = 0; i < nb; i++)
		if (b[i] != bounds[i])
			fail_msg("event %d: boundary %d at %d, not %d:\n%s", ev, i, b[i], bounds[i], row);
	if (dots != 1 || d[0] < lane_from)
		fail_msg("event %d: %d dots:\n%s", ev, dots, row);
	int left = 0;
	while (left < nb && bounds[left] < d[0])
		left++;
	assert_int_equal(left, span_of_year(r, report_event(r, ev)->year));
}

static char *line_text(struct doc *d, size_t line)
{
	return doc_line_text(d, line);
}

/* The Timeline view's rows and axis for every width from 40 to 250. */
static void check_chrono_widths(const struct report *r, bool ascii)
{
	struct pages pg = { r, NULL, ascii, NULL };
	const char *bar = ascii ? "|" : "\u2502", *cross = ascii ? "+" : "\u253c";
	const char *dot = ascii ? "*" : "\u25cf";
	unsigned first, last;
	int spans;
	spans_of(r, &first, &last, &spans);
	for (int width = 40; width <= 250; width++) {
		bool picture = width + 1 >= LAYOUT_SPLIT_COLS; /* the pane, its '>' column added */
		struct doc *d = page_chrono(&pg, width, picture);
		struct doc *h = page_chrono_head(&pg, width, picture);
		doc_layout(d, width);
		int bounds[64], nb = 0, lane_from = 0;
		if (h) {
			doc_layout(h, width);
			assert_int_equal(h->lines_count, 2);
			char *names = line_text(h, 0), *axis = line_text(h, 1);
			nb = columns_of(axis, cross, bounds, 64);
			for (int i = 0; i < nb; i++)
				bounds[i]--; /* the head is drawn a column left of the rows' text */
			if (nb != spans - 1)
				fail_msg("width %d: %d crosses for %d spans:\n%s", width, nb, spans, axis);
			int nbar[64];
			assert_int_equal(columns_of(names, bar, nbar, 64), nb);
			for (int i = 0; i < nb; i++)
				assert_int_equal(nbar[i] - 1, bounds[i]);
			assert_true(text_width(axis, strlen(axis)) <= width + 1);
			lane_from = (int)strspn(axis, " ") - 1;
			free(names);
			free(axis);
		} else {
			assert_false(picture && width >= 100); /* room for a lane from there */
		}
		bool *seen = calloc(r->events_count, sizeof(bool));
		for (size_t l = 0; l < doc_lines(d); l++) {
			int ev = d->blocks[d->lines[l].block].item;
			if (ev < 0)
				continue;
			char *row = line_text(d, l);
			if (h) {
				check_row(r, row, ev, bounds, nb, lane_from, bar, dot);
			} else { /* a plain list: the date as the report gives it, the label */
				char date[PRESENT_DATE_MAX];
				present_date(report_event(r, ev)->year, report_event(r, ev)->month, PRESENT_DATE_WORDS, date);
				assert_int_equal(strncmp(row, date, strlen(date)), 0);
				assert_null(strstr(row, dot));
			}
			assert_false(seen[ev]);
			seen[ev] = true;
			free(row);
		}
		for (size_t i = 0; i < r->events_count; i++)
			assert_true(seen[i]); /* every event has its row */
		free(seen);
		doc_free(d);
		doc_free(h);
	}
}

static void test_timeline_rows_at_every_width(void **state)
{
	(void)state;
	for (size_t i = 0; i < 2; i++) {
		check_chrono_widths(both(i), false);
		check_chrono_widths(both(i), true);
	}
}

/* The home pane's one-line axis: a tick at every boundary whatever the
 * event marked (TEMM17's 2015 hid the tick of stage III), the marker once,
 * the width asked for. */
static void test_home_axis_at_every_width(void **state)
{
	(void)state;
	for (size_t ri = 0; ri < 2; ri++) {
		const struct report *r = both(ri);
		struct pages pg = { r, NULL, false, NULL };
		unsigned first, last;
		int spans;
		spans_of(r, &first, &last, &spans);
		for (int width = 20; width <= 250; width++) {
			for (int ev = -1; ev < (int)r->events_count; ev++) {
				struct doc *d = page_axis(&pg, width, ev);
				doc_layout(d, width);
				char *t = line_text(d, 0);
				int c[64];
				if (strstr(t, "..")) { /* too narrow for a scale */
					free(t);
					doc_free(d);
					continue;
				}
				assert_int_equal(text_width(t, strlen(t)), width);
				if (columns_of(t, "\u253c", c, 64) != spans - 1)
					fail_msg("width %d, event %d: a tick is covered:\n%s", width, ev, t);
				assert_int_equal(columns_of(t, "\u25cf", c, 64), ev >= 0 ? 1 : 0);
				free(t);
				doc_free(d);
			}
		}
	}
}

/* The Timeline view on the screen at every width from 80 to 250: the
 * axis's crosses and each row's boundaries in the same columns. */
static void test_timeline_screen_at_every_width(void **state)
{
	(void)state;
	struct vscreen *v = vs_open(tu_bundled(), 80, 30, "--no-config", "--no-state", (char *)NULL);
	assert_non_null(v);
	vs_keys(v, "t");
	unsigned first, last;
	int spans;
	spans_of(tu_bundled(), &first, &last, &spans);
	for (int width = 250; width >= 40; width--) {
		vs_resize(v, width, 30);
		int y = vs_find(v, "1999.*\u253c");
		if (width < LAYOUT_SPLIT_COLS) { /* one pane at a time, a list */
			assert_int_equal(y, -1);
			vs_expect(v, "^>November 1999  1st APT");
			continue;
		}
		assert_true(y > 0);
		int bounds[64];
		int nb = columns_of(vs_row(v, y), "\u253c", bounds, 64);
		assert_int_equal(nb, spans - 1);
		int rows = 0;
		for (int r = y + 1; r < 30; r++) {
			const char *row = vs_row(v, r);
			int b[64];
			if (!strstr(row, "\u25cf"))
				continue;
			rows++;
			assert_int_equal(columns_of(row, "\u2502", b, 64), nb);
			assert_memory_equal(b, bounds, (size_t)nb * sizeof(int));
		}
		assert_true(rows >= 10);
	}
	vs_close(v);
}

/* j goes through every event of the Timeline view, its page below, and
 * --goto opens each there. */
static void check_reachable(const struct report *r)
{
	struct vscreen *v = vs_open(r, 80, 24, "--no-config", "--no-state", (char *)NULL);
	assert_non_null(v);
	struct app *a = vs_app(v);
	vs_keys(v, "tg");
	assert_int_equal(a->view, VIEW_TIMELINE);
	for (size_t i = 0; i < r->events_count; i++) {
		assert_int_equal(pane_item(app_pane(a, PANE_EVENTS)), (int)i);
		/* its full sentence on its page */
		const struct doc *page = app_pane(a, PANE_EVENT)->doc;
		bool full = false;
		for (size_t b = 0; b < page->blocks_count; b++)
			full |= strcmp(page->blocks[b].text, report_event(r, i)->title) == 0;
		assert_true(full);
		vs_type(v, "j");
	}
	vs_close(v);
	for (size_t i = 0; i < r->events_count; i++) {
		v = vs_open(r, 80, 24, "--no-config", "--no-state", "--goto", report_event(r, i)->id, (char *)NULL);
		assert_int_equal(vs_app(v)->view, VIEW_TIMELINE);
		assert_int_equal(pane_item(app_pane(vs_app(v), PANE_EVENTS)), (int)i);
		vs_close(v);
	}
}

static void test_every_event_reachable(void **state)
{
	(void)state;
	check_reachable(tu_bundled());
	check_reachable(small);
}

/* t opens the Timeline on the event the home screen reads; Enter reads it
 * below; < comes back. Below 80 columns: one pane at a time. */
static void test_timeline_view(void **state)
{
	(void)state;
	struct vscreen *v = vs_open(tu_bundled(), 80, 24, "--no-config", "--no-state", (char *)NULL);
	vs_keys(v, "3]jj"); /* TEMM16 on the home timeline */
	vs_keys(v, "t");
	vs_expect(v, "Timeline › Events › TEMM16, Daegu: identified nine new priority areas");
	vs_expect(v, "^ +I +│II +│III *$"); /* a name where it fits whole, else the numeral */
	vs_expect(v, "^ +1999─+┼2010─+┼2015─+ *$");
	vs_expect(v, "^>April 2014 +│ +●│ +TEMM16, Daegu");
	vs_expect(v, " 2 Event: April 2014 ");
	vs_expect(v, "^TEMM16 was held in Daegu, ROK and identified nine new priority areas");
	vs_keys(v, "<Enter>");
	assert_int_equal(app_focus_id(vs_app(v)), PANE_EVENT);
	vs_keys(v, "<lt>");
	vs_expect(v, "Home › Timeline › TEMM16");
	vs_resize(v, 60, 24);
	vs_keys(v, "t");
	vs_expect(v, "^>April 2014 +TEMM16, Daegu: identified nine");
	vs_expect_not(v, "│ +●");
	vs_keys(v, "<Enter>");
	vs_expect(v, "Event · April 2014");
	vs_close(v);
}

/* Back to a place on the Timeline: its event's page comes back with it;
 * a filter stays through a resize. */
static void test_timeline_places(void **state)
{
	(void)state;
	struct vscreen *v = vs_open(tu_bundled(), 80, 24, "--no-config", "--no-state", (char *)NULL);
	vs_keys(v, "tjjjjjj");
	vs_expect(v, " 2 Event: April 2014 ");
	vs_keys(v, "<Tab><Enter>"); /* Stage: Stage II, on the home screen */
	vs_expect(v, "Reader: Stage II Deepening");
	vs_keys(v, "3gt"); /* the first event, on the Timeline */
	vs_expect(v, " 2 Event: November 1999 ");
	vs_keys(v, "<lt><lt>");
	vs_expect(v, "^>April 2014 ");
	vs_expect(v, " 2 Event: April 2014 ");
	vs_expect(v, "^TEMM16 was held in Daegu");
	vs_keys(v, "1&TEMM17<Enter>");
	vs_expect(v, "Events & TEMM17");
	vs_resize(v, 132, 43);
	vs_expect(v, "Events & TEMM17");
	vs_expect(v, "^>April 2015 .*TEMM17, Shanghai");
	vs_expect_not(v, "TEMM16, Daegu");
	vs_close(v);
}

/* Whether byte `off` of block `blk` is inside a link. */
static bool linked(const struct doc *d, int blk, size_t off)
{
	for (size_t i = 0; i < d->links_count; i++)
		if (d->links[i].block == blk && off >= d->links[i].start &&
		    off < d->links[i].start + d->links[i].len)
			return true;
	return false;
}

/* Every cell and bar of the overview is a link: each mark of the matrix
 * and each block of a bar lies in one. */
static void test_overview_links(void **state)
{
	(void)state;
	static const char *const glyphs[] = { "\u25cf", "\u00b7", "\u25e6", "\u2588", "\u258f", "\u258e",
					      "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	for (size_t ri = 0; ri < 2; ri++) {
		struct pages pg = { both(ri), NULL, false, NULL };
		for (int width = 80; width <= 250; width += 17) {
			struct doc *d = page_overview(&pg, width);
			size_t marks = 0, end = 0;
			while (end < d->blocks_count && strcmp(d->blocks[end].text, "Figures the report gives"))
				end++; /* the figures' " · " is no cell */
			for (size_t b = 0; b < end; b++)
				for (size_t g = 0; g < sizeof(glyphs) / sizeof(glyphs[0]); g++)
					for (const char *at = d->blocks[b].text; (at = strstr(at, glyphs[g]));
					     at++, marks++)
						if (!linked(d, (int)b, (size_t)(at - d->blocks[b].text)))
							fail_msg("width %d: \"%s\" is no link: %s", width, glyphs[g],
								 d->blocks[b].text);
			assert_true(marks > both(ri)->areas_count * both(ri)->stages_count);
			doc_free(d);
		}
	}
}

/* o: the Overview; Enter follows a cell to its page, a click on a bar
 * opens its area; below 80 columns it is a list. */
static void test_overview_view(void **state)
{
	(void)state;
	struct vscreen *v = vs_open(tu_bundled(), 80, 24, "--no-config", "--no-state", (char *)NULL);
	vs_keys(v, "o");
	vs_expect(v, "Overview › Overview");
	vs_expect(v, "^Areas as in 2.1 +Stage I +Stage II +Stage III");
	vs_expect(v, "^1\\) Air Pollution Control +· +· +● Air Quality");
	vs_keys(v, "<Tab><Enter>"); /* the first link: Stage I's head */
	vs_expect(v, "Reader: Stage I Foundation");
	vs_keys(v, "<lt>");
	vs_expect(v, "Overview › Overview");
	int y = vs_find(v, "^7\\) Transition to Green .*█ 7 activities listed in 2.1");
	for (int page = 0; page < 10 && y < 0; page++) {
		vs_keys(v, "<Space>");
		y = vs_find(v, "^7\\) Transition to Green .*█ 7 activities listed in 2.1");
	}
	assert_true(y > 0);
	vs_mouse(v, y, 30, UI_MOUSE_CLICK);
	vs_expect(v, "(Reader: )?Area 7\\) Transition to Green");
	vs_expect(v, "Figures the report gives");
	vs_close(v);

	v = vs_open(tu_bundled(), 60, 24, "--no-config", "--no-state", (char *)NULL);
	vs_keys(v, "o");
	vs_expect(v, "^  Stage III: Air Quality Improvement");
	vs_expect_not(v, "●");
	vs_close(v);

	v = vs_open(small, 132, 43, "--no-config", "--no-state", (char *)NULL);
	vs_keys(v, "o");
	vs_expect(v, "^Areas as in 2.3 +Stage I +Stage II +Stage III +Stage IV");
	vs_expect(v, "^6\\) Ports +· +· +● Ports and Silt +·");
	vs_close(v);
}

/* --ascii: the pictures in ASCII only. */
static void test_ascii_pictures(void **state)
{
	(void)state;
	const char *keys[] = { "o", "t", "H" };
	for (int width = 60; width <= 140; width += 80)
		for (size_t k = 0; k < 3; k++) {
			struct vscreen *v = vs_open(tu_bundled(), width, 30, "--no-config", "--no-state",
						    "--ascii", (char *)NULL);
			vs_keys(v, keys[k]);
			char *s = vs_screen(v);
			for (const unsigned char *c = (const unsigned char *)s; *c; c++)
				if (*c > 0x7f)
					fail_msg("--ascii, %s at %d: a byte 0x%02x:\n%s", keys[k], width, *c, s);
			free(s);
			vs_close(v);
		}
}

/* The areas pane says which list it is: 2.1's, not a stage's. */
static void test_areas_header(void **state)
{
	(void)state;
	struct vscreen *v = vs_open(tu_bundled(), 80, 24, "--no-config", "--no-state", (char *)NULL);
	vs_expect(v, "^ 2 Areas: as in 2.1 ");
	vs_close(v);
	v = vs_open(small, 80, 24, "--no-config", "--no-state", (char *)NULL);
	vs_expect(v, "^ 2 Areas: as in 2.3 ");
	vs_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline_rows_at_every_width),
		cmocka_unit_test(test_home_axis_at_every_width),
		cmocka_unit_test(test_timeline_screen_at_every_width),
		cmocka_unit_test(test_every_event_reachable),
		cmocka_unit_test(test_timeline_view),
		cmocka_unit_test(test_timeline_places),
		cmocka_unit_test(test_overview_links),
		cmocka_unit_test(test_overview_view),
		cmocka_unit_test(test_ascii_pictures),
		cmocka_unit_test(test_areas_header),
	};
	return cmocka_run_group_tests(tests, small_report_setup, small_report_teardown);
}
