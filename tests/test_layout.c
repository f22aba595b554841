/* test_layout.c - the browser's pure parts without a terminal: pane
 * geometry for many sizes, wrapping in the reader, pane movement, the pages
 * built from the model, and the action table that help is made from. */
#include "testutil.h"
#include "actions.h"
#include "doc.h"
#include "layout.h"
#include "mentions.h"
#include "book.h"
#include "help.h"
#include "lists.h"
#include "pages.h"
#include "results.h"
#include "timeline.h"
#include "pane.h"
#include "text.h"
#include "textmatch.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

static char *fmt_layout_as(int cols, int rows, enum ui_view v, enum ui_pane_id focus, bool zoom)
{
	static char buf[1024]; /* test-only convenience */
	struct layout l;
	/* the lists of a report of 3 stages and 10 areas */
	struct layout_want want = { .rows = { [PANE_STAGES] = 1 + 3, [PANE_AREAS] = 1 + 10 }, .zoom = zoom };
	layout_compute(&l, cols, rows, v, focus, &want);
	layout_format(&l, buf, sizeof(buf));
	return buf;
}

static char *fmt_layout(int cols, int rows, enum ui_view v, enum ui_pane_id focus)
{
	return fmt_layout_as(cols, rows, v, focus, false);
}

static char *fmt_zoomed(int cols, int rows, enum ui_view v, enum ui_pane_id focus)
{
	return fmt_layout_as(cols, rows, v, focus, true);
}

static void test_geometry_80x24(void **state)
{
	(void)state;
	assert_string_equal(fmt_layout(80, 24, VIEW_HOME, PANE_STAGES),
			    "<title 0,0 80x1> <Stages 0,1 38x4> <Areas 0,5 38x11> "
			    "<Timeline 0,16 38x7> <Reader 39,1 41x22> <sep 38,1 1x22> <status 0,23 80x1>");
	assert_string_equal(fmt_layout(80, 24, VIEW_REPORT, PANE_OUTLINE),
			    "<title 0,0 80x1> <Contents 0,1 38x22> <Report 39,1 41x22> <sep 38,1 1x22> "
			    "<status 0,23 80x1>");
}

static void test_geometry_132x43(void **state)
{
	(void)state;
	assert_string_equal(fmt_layout(132, 43, VIEW_HOME, PANE_READER),
			    "<title 0,0 132x1> <Stages 0,1 52x4> <Areas 0,5 52x11> "
			    "<Timeline 0,16 52x26> <Reader 53,1 79x41> <sep 52,1 1x41> <status 0,42 132x1>");
	assert_string_equal(fmt_layout(132, 43, VIEW_SEARCH, PANE_RESULTS),
			    "<title 0,0 132x1> <Results 0,1 132x24> <Preview 0,25 132x17> <status 0,42 132x1>");
}

static void test_geometry_narrow(void **state)
{
	(void)state;
	/* below 80 columns: one pane at a time with the panes of its column,
	 * the strip naming every pane; too short for the column, the focused
	 * pane and, when it leaves rows, the one below it */
	assert_string_equal(fmt_layout(40, 12, VIEW_HOME, PANE_AREAS),
			    "<title 0,0 40x1> <strip 0,1 40x1> <Areas 0,2 40x9> <status 0,11 40x1>");
	assert_string_equal(fmt_layout(40, 12, VIEW_HOME, PANE_STAGES),
			    "<title 0,0 40x1> <strip 0,1 40x1> <Stages 0,2 40x4> <Areas 0,6 40x5> "
			    "<status 0,11 40x1>");
	assert_string_equal(fmt_layout(60, 20, VIEW_HOME, PANE_AREAS),
			    "<title 0,0 60x1> <strip 0,1 60x1> <Stages 0,2 60x4> <Areas 0,6 60x9> "
			    "<Timeline 0,15 60x4> <status 0,19 60x1>");
	assert_string_equal(fmt_layout(79, 24, VIEW_HOME, PANE_READER),
			    "<title 0,0 79x1> <strip 0,1 79x1> <Reader 0,2 79x21> <status 0,23 79x1>");
	/* wide but too short for the three navigators */
	assert_string_equal(fmt_layout(120, 12, VIEW_HOME, PANE_TIMELINE),
			    "<title 0,0 120x1> <strip 0,1 120x1> <Timeline 0,2 120x9> <status 0,11 120x1>");
	/* a focus from another view falls back to the view's first pane */
	assert_string_equal(fmt_layout(40, 12, VIEW_REPORT, PANE_AREAS),
			    "<title 0,0 40x1> <strip 0,1 40x1> <Contents 0,2 40x9> <status 0,11 40x1>");
	/* the results stand over the preview at any width: no strip */
	assert_string_equal(fmt_layout(60, 20, VIEW_SEARCH, PANE_RESULTS),
			    "<title 0,0 60x1> <Results 0,1 60x10> <Preview 0,11 60x8> <status 0,19 60x1>");
}

/* z: the text pane alone, every row but the status line (less shows 23
 * lines of 24); a view with no text pane is not zoomed */
static void test_geometry_zoomed(void **state)
{
	(void)state;
	assert_string_equal(fmt_zoomed(80, 24, VIEW_HOME, PANE_AREAS), "<Reader 0,0 80x23> <status 0,23 80x1>");
	assert_string_equal(fmt_zoomed(80, 24, VIEW_REPORT, PANE_OUTLINE), "<Report 0,0 80x23> <status 0,23 80x1>");
	assert_string_equal(fmt_zoomed(40, 12, VIEW_REPORT, PANE_OUTLINE), "<Report 0,0 40x11> <status 0,11 40x1>");
	assert_string_equal(fmt_zoomed(80, 24, VIEW_SEARCH, PANE_RESULTS),
			    "<title 0,0 80x1> <Results 0,1 80x13> <Preview 0,14 80x9> <status 0,23 80x1>");
	assert_int_equal(layout_zoom_pane(VIEW_HOME), PANE_READER);
	assert_int_equal(layout_zoom_pane(VIEW_REPORT), PANE_BOOK);
	assert_int_equal(layout_zoom_pane(VIEW_HELP), PANE_COUNT);
	/* the report is read at full width below 100 columns; home keeps its navigators */
	assert_true(layout_starts_zoomed(VIEW_REPORT, 80));
	assert_false(layout_starts_zoomed(VIEW_REPORT, 100));
	assert_false(layout_starts_zoomed(VIEW_HOME, 60));
}

static void test_geometry_too_small(void **state)
{
	(void)state;
	assert_string_equal(fmt_layout(19, 24, VIEW_HOME, PANE_STAGES), "<too-small 19x24>");
	assert_string_equal(fmt_layout(80, 5, VIEW_HOME, PANE_STAGES), "<too-small 80x5>");
	assert_string_equal(fmt_layout(0, 0, VIEW_HOME, PANE_STAGES), "<too-small 0x0>");
	assert_string_equal(fmt_layout(20, 6, VIEW_HOME, PANE_STAGES),
			    "<title 0,0 20x1> <strip 0,1 20x1> <Stages 0,2 20x3> <status 0,5 20x1>");
}

static void test_geometry_every_size(void **state)
{
	(void)state;
	/* no size gives a rectangle outside the screen or overlapping ones */
	for (int c = 1; c <= 260; c += 7)
		for (int r = 1; r <= 90; r += 3)
			for (int v = 0; v < VIEW_COUNT; v++) {
				struct layout l;
				layout_compute(&l, c, r, (enum ui_view)v, PANE_READER, NULL);
				if (l.too_small)
					continue;
				int used = 0;
				for (int p = 0; p < PANE_COUNT; p++) {
					struct rect x = l.pane[p];
					if (!l.shown[p])
						continue;
					assert_true(x.x >= 0 && x.y >= 1 && x.h >= 1);
					assert_true(x.x + x.w <= c && x.y + x.h <= r - 1);
					used += x.w * x.h;
				}
				for (int s = 0; s < l.sep_count; s++)
					used += l.sep[s].w * l.sep[s].h;
				used += l.strip.w * l.strip.h;
				assert_int_equal(used, c * (r - 2)); /* the body exactly */
			}
}

static char *line(struct doc *d, size_t i)
{
	static char buf[512];
	char *s = doc_line_text(d, i);
	snprintf(buf, sizeof(buf), "%s", s);
	free(s);
	return buf;
}

static void test_wrap_reader(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	doc_line_add(d, "Two working groups were established to address dust.", DOC_PLAIN, 0, 0);
	doc_begin(d, 2, 4, DOC_PLAIN);
	doc_put(d, "- 日本語 wide characters count two columns", DOC_PLAIN);
	doc_line_add(d, "", DOC_PLAIN, 0, 0);
	assert_int_equal(doc_layout(d, 20), 0);
	assert_string_equal(line(d, 0), "Two working groups");
	assert_string_equal(line(d, 1), "were established to");
	assert_string_equal(line(d, 2), "address dust.");
	/* indent on the first line, hang on the rest; widths in columns */
	assert_string_equal(line(d, 3), "  - 日本語 wide");
	assert_int_equal(strncmp(line(d, 4), "    characters", 14), 0);
	for (size_t i = 0; i < d->lines_count; i++) {
		const char *t = line(d, i);
		assert_true(text_width(t, strlen(t)) <= 20);
		if (i >= 4 && i + 1 < d->lines_count)
			assert_int_equal(strncmp(t, "    ", 4), 0);
	}
	assert_string_equal(line(d, d->lines_count - 1), ""); /* a blank block is one empty line */
	/* re-laying out at another width keeps a place in the text */
	size_t off = d->lines[2].start;
	assert_int_equal(doc_layout(d, 40), 0);
	assert_string_equal(line(d, 0), "Two working groups were established to");
	assert_int_equal(doc_line_of(d, 0, off), 1);
	doc_free(d);
}

static void test_doc_sanitizes(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	doc_line_add(d, "red \033[31m here \xe2\x80\xae and \a", DOC_PLAIN, 0, 0);
	doc_layout(d, 80);
	assert_string_equal(line(d, 0), "red ^[[31m here <U+202E> and ^G");
	doc_free(d);
}

static void test_segments_and_highlight(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	doc_begin(d, 0, 0, DOC_PLAIN);
	doc_put(d, "See ", DOC_PLAIN);
	int l = doc_put_link(d, "DSS Prevention", (struct entity_ref){ KIND_AREA, 1 });
	doc_put(d, " for dss.", DOC_PLAIN);
	assert_int_equal(l, 0);
	struct query q;
	char err[128];
	assert_int_equal(query_parse(tu_bundled(), "dss", &q, err, sizeof(err)), 0);
	assert_int_equal(doc_highlight(d, &q), 2); /* case-insensitive: no capital */
	doc_layout(d, 80);
	struct doc_seg s[16];
	size_t n = doc_line_segs(d, 0, s, 16);
	assert_int_equal(n, 6); /* "See ", "DSS"(link+match), " Prevention"(link), " for ", "dss", "." */
	assert_int_equal(s[1].style, DOC_LINK | DOC_MATCH);
	assert_int_equal(s[1].link, 0);
	assert_int_equal(s[2].style, DOC_LINK);
	assert_int_equal(s[4].style, DOC_MATCH);
	/* marks come off again; links stay */
	doc_spans_clear(d, DOC_MATCH);
	n = doc_line_segs(d, 0, s, 16);
	assert_int_equal(n, 3);
	assert_int_equal(s[1].style, DOC_LINK);
	query_free(&q);

	/* smart case, every word on its own, a regex, never the excluded */
	assert_int_equal(query_parse(tu_bundled(), "DSS /du.t/ -sand", &q, err, sizeof(err)), 0);
	struct search_match *m;
	long k = textmatch_find(&q, "dss, DSS and dust; sand", &m);
	assert_int_equal(k, 2);
	assert_int_equal(m[0].start, 5);
	assert_int_equal(m[0].len, 3);
	assert_int_equal(m[1].start, 13);
	assert_int_equal(m[1].len, 4);
	free(m);
	query_free(&q);
	doc_free(d);
}

static struct doc *list_doc(void)
{
	struct doc *d = doc_new();
	for (int i = 0; i < 12; i++) {
		char t[32];
		snprintf(t, sizeof(t), i % 4 == 0 ? "band %d" : "item %d", i);
		int b = doc_line_add(d, t, DOC_PLAIN, 0, 0);
		d->blocks[b].nowrap = true;
		d->blocks[b].item = i % 4 == 0 ? -1 : i;
	}
	return d;
}

static void test_pane_list(void **state)
{
	(void)state;
	struct pane p;
	pane_init(&p, PANE_TIMELINE, true);
	p.r = (struct rect){ 0, 0, 30, 5 }; /* a header and 4 rows */
	pane_set_doc(&p, list_doc());
	assert_int_equal(pane_item(&p), 1); /* the band row is skipped */
	char pos[16];
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "1/9");
	pane_move(&p, 3); /* 1 2 3 (band 4) 5 */
	assert_int_equal(pane_item(&p), 5);
	assert_true(p.top <= 4 && p.cur - p.top < 4);
	pane_goto_line(&p, -1);
	assert_int_equal(pane_item(&p), 11);
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "9/9");
	pane_goto_line(&p, 3); /* the 4th item */
	assert_int_equal(pane_item(&p), 5);
	assert_int_equal(p.top, 4); /* its band heading shows above it */
	pane_goto_percent(&p, 50);
	assert_int_equal(pane_item(&p), 6);
	/* a resize keeps the selection */
	pane_place(&p, (struct rect){ 0, 0, 10, 3 });
	pane_fit(&p);
	assert_int_equal(pane_item(&p), 6);
	assert_int_equal(pane_cursor_row(&p), 1 + p.cur - p.top);
	pane_free(&p);
}

static void test_pane_filter(void **state)
{
	(void)state;
	struct pane p;
	pane_init(&p, PANE_TIMELINE, true);
	p.r = (struct rect){ 0, 0, 30, 20 };
	pane_set_doc(&p, list_doc());
	pane_select_item(&p, 6);
	bool keep[12] = { false };
	keep[2] = keep[6] = keep[7] = true;
	assert_int_equal(pane_filter(&p, keep, 12, "workshop"), 3);
	assert_string_equal(p.filter, "workshop");
	/* bands 0 and 4 head kept items and stay; band 8 heads none */
	assert_int_equal(doc_lines(p.doc), 5);
	assert_string_equal(line(p.doc, 0), "band 0");
	assert_string_equal(line(p.doc, 1), "item 2");
	assert_string_equal(line(p.doc, 2), "band 4");
	assert_int_equal(pane_item(&p), 6); /* the selection stays */
	char pos[16];
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "2/3");
	pane_move(&p, 5);
	assert_int_equal(pane_item(&p), 7);
	/* the selection goes when its row does */
	keep[7] = false;
	assert_int_equal(pane_filter(&p, keep, 12, "x"), 2);
	assert_true(pane_item(&p) == 2 || pane_item(&p) == 6);
	/* nothing matches: an empty list */
	memset(keep, 0, sizeof(keep));
	assert_int_equal(pane_filter(&p, keep, 12, "nothing"), 0);
	assert_int_equal(pane_item(&p), -1);
	/* and back */
	assert_int_equal(pane_filter(&p, NULL, 0, NULL), 9);
	assert_null(p.filter);
	assert_int_equal(doc_lines(p.doc), 12);
	pane_free(&p);
}

/* A text built as it is read, one row with a link at a time. */
static size_t one_linked_row(struct doc *d)
{
	size_t *left = d->more_state;
	doc_begin(d, 0, 0, DOC_PLAIN);
	doc_put(d, "row ", DOC_PLAIN);
	doc_put_link(d, "link", (struct entity_ref){ KIND_AREA, (int)*left });
	return --*left;
}

/* Tab on the last link built goes on to the links of the rows not built
 * yet (a stage's page makes its events' rows as they are read). */
static void test_pane_links_as_read(void **state)
{
	(void)state;
	struct pane p;
	pane_init(&p, PANE_READER, false);
	p.r = (struct rect){ 0, 0, 20, 2 }; /* one row of text */
	struct doc *d = doc_new();
	size_t *left = malloc(sizeof(*left));
	*left = 10;
	d->more = one_linked_row;
	d->more_state = left;
	d->more_items = *left;
	pane_set_doc(&p, d);
	for (int i = 0; i < 10; i++) {
		assert_true(pane_link_step(&p, 1));
		assert_int_equal(p.link, i);
		assert_int_equal(p.top, i);
	}
	assert_false(pane_link_step(&p, 1));
	assert_true(pane_link_step(&p, -1));
	assert_int_equal(p.link, 8);
	pane_free(&p);
}

static void test_pane_text_links(void **state)
{
	(void)state;
	struct pane p;
	pane_init(&p, PANE_READER, false);
	p.r = (struct rect){ 0, 0, 20, 4 }; /* 3 rows of text */
	struct doc *d = doc_new();
	for (int i = 0; i < 10; i++) {
		doc_begin(d, 0, 0, DOC_PLAIN);
		doc_put(d, "line ", DOC_PLAIN);
		if (i == 1 || i == 7)
			doc_put_link(d, "link", (struct entity_ref){ KIND_AREA, i });
	}
	pane_set_doc(&p, d);
	char pos[16];
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "30%");
	assert_true(pane_link_step(&p, 1));
	assert_int_equal(p.link, 0);
	assert_int_equal(p.top, 0);
	assert_true(pane_link_step(&p, 1)); /* the next link scrolls into view */
	assert_int_equal(p.link, 1);
	assert_true(7 >= p.top && 7 < p.top + 3);
	assert_false(pane_link_step(&p, 1));
	pane_goto_line(&p, 0); /* scrolled away: the focus goes */
	assert_int_equal(p.link, -1);
	pane_goto_percent(&p, 100);
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "100%");
	/* anchors bring back the same place */
	struct pane_anchor a;
	pane_move(&p, -2);
	pane_anchor_get(&p, &a);
	int top = p.top;
	pane_goto_line(&p, 0);
	pane_anchor_set(&p, &a);
	assert_int_equal(p.top, top);
	pane_free(&p);
}

static int find_line(struct doc *d, const char *needle)
{
	for (size_t i = 0; i < d->lines_count; i++)
		if (strstr(line(d, i), needle))
			return (int)i;
	return -1;
}

/* The text of a list's row (its lines joined), for item `item`. */
static char *block_text(const struct doc *d, int item)
{
	static char buf[1024];
	buf[0] = '\0';
	for (size_t i = 0; i < d->lines_count; i++) {
		const struct doc_line *l = &d->lines[i];
		if (d->blocks[l->block].item != item)
			continue;
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof(buf) - n, "%s%.*s", n ? " " : "", (int)l->len,
			 d->blocks[l->block].text + l->start);
	}
	return buf;
}

/* ---- the lazy layout: a pane reads its doc as far as it shows it ---- */

enum { LONG_ROWS = 600 };

/* Rows [from, to) of a long list (bands every 25 rows; rows of every
 * length, some wrapping, some cut at two lines, some with a second line)
 * or of a long text with a link in every seventh paragraph. The word
 * "needle" is in row 517 only. */
static void long_rows(struct doc *d, bool list, int from, int to)
{
	static const char *const words[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta" };
	for (int i = from; i < to; i++) {
		if (list && i % 25 == 0) {
			int b = doc_line_add(d, "band", DOC_BAND, 0, 0);
			d->blocks[b].nowrap = true;
		}
		int b = doc_begin(d, list ? 0 : 2, list ? 4 : 0, DOC_PLAIN);
		doc_putf(d, DOC_PLAIN, "%s %d", list ? "row" : "para", i);
		for (int w = 0; w < i % 11; w++)
			doc_putf(d, DOC_PLAIN, " %s", words[(i + w) % 6]);
		if (i == 517)
			doc_put(d, " needle", DOC_PLAIN);
		if (!list && i % 7 == 3)
			doc_put_link(d, " link", (struct entity_ref){ KIND_AREA, i });
		if (list) {
			d->blocks[b].item = i;
			d->blocks[b].max_lines = i % 5 == 0 ? 2 : 0;
			if (i % 13 == 0) {
				int s2 = doc_line_add(d, "second line of the row", DOC_DIM, 6, 6);
				d->blocks[s2].sub = true;
			}
		}
	}
}

static struct doc *long_doc(bool list)
{
	struct doc *d = doc_new();
	long_rows(d, list, 0, LONG_ROWS);
	return d;
}

/* The same built as it is read, 9 rows at a time (a list's rows; a
 * text's paragraphs). */
struct long_state {
	bool list;
	int next;
};

static size_t long_more(struct doc *d)
{
	struct long_state *s = d->more_state;
	int to = s->next + 9 < LONG_ROWS ? s->next + 9 : LONG_ROWS;
	long_rows(d, s->list, s->next, to);
	s->next = to;
	return (size_t)(LONG_ROWS - to);
}

static struct doc *long_doc_more(bool list)
{
	struct doc *d = doc_new();
	struct long_state *s = malloc(sizeof(*s));
	assert_non_null(s);
	*s = (struct long_state){ list, 0 };
	d->more = long_more;
	d->more_state = s;
	d->more_items = LONG_ROWS;
	return d;
}

/* What the position said when every line was laid out: selectable rows
 * counted on the lines. */
static void eager_position(struct pane *p, char *buf, size_t n)
{
	struct doc *d = p->doc;
	size_t lines = doc_lines(d);
	if (!p->list) {
		pane_position(p, buf, n);
		return;
	}
	int k = 0, total = 0;
	for (size_t l = 0; l < lines; l++) {
		if (d->blocks[d->lines[l].block].item < 0 || (l > 0 && d->lines[l - 1].block == d->lines[l].block))
			continue;
		total++;
		k += (int)l <= p->cur;
	}
	snprintf(buf, n, "%d/%d", k, total);
}

enum lazy_op {
	OP_DOWN, OP_DOWN5, OP_UP3, OP_PAGE, OP_PAGE_UP, OP_END, OP_HOME, OP_PERCENT, OP_LINE,
	OP_ITEM, OP_SCROLL, OP_LINK, OP_LINK_BACK, OP_NARROW, OP_WIDE, OP_SHORT, OP_FILTER,
	OP_UNFILTER, OP_ANCHOR, OP_COUNT
};

static void lazy_apply(struct pane *p, enum lazy_op op, const bool *keep)
{
	struct pane_anchor a;
	switch (op) {
	case OP_DOWN: pane_move(p, 1); break;
	case OP_DOWN5: pane_move(p, 5); break;
	case OP_UP3: pane_move(p, -3); break;
	case OP_PAGE: pane_page(p, pane_rows(p)); break;
	case OP_PAGE_UP: pane_page(p, -pane_rows(p)); break;
	case OP_END: pane_goto_line(p, -1); break;
	case OP_HOME: pane_goto_line(p, 0); break;
	case OP_PERCENT: pane_goto_percent(p, 37); break;
	case OP_LINE: pane_goto_line(p, 123); break;
	case OP_ITEM: pane_select_item(p, 441); break;
	case OP_SCROLL: pane_scroll_to_line(p, 300, 3); break;
	case OP_LINK: pane_link_step(p, 1); break;
	case OP_LINK_BACK: pane_link_step(p, -1); break;
	case OP_NARROW: pane_place(p, (struct rect){ 0, 0, 24, 9 }); pane_fit(p); break;
	case OP_WIDE: pane_place(p, (struct rect){ 0, 0, 70, 14 }); pane_fit(p); break;
	case OP_SHORT: pane_place(p, (struct rect){ 0, 0, 70, 4 }); pane_fit(p); break;
	case OP_FILTER: if (p->list) pane_filter(p, keep, LONG_ROWS, "third"); break;
	case OP_UNFILTER: if (p->list) pane_filter(p, NULL, 0, NULL); break;
	case OP_ANCHOR: pane_anchor_get(p, &a); pane_goto_line(p, 0); pane_anchor_set(p, &a); break;
	case OP_COUNT: break;
	}
}

/* The pane laid out as it goes and its twin laid out to the end before
 * every step are in the same place, show the same lines and say the same
 * position. */
static void lazy_same(struct pane *lazy, struct pane *eager, const char *step)
{
	char pl[32], pe[32];
	doc_lines(eager->doc);
	pane_position(lazy, pl, sizeof(pl));
	eager_position(eager, pe, sizeof(pe));
	if (lazy->top != eager->top || lazy->cur != eager->cur || lazy->link != eager->link || strcmp(pl, pe) != 0)
		fail_msg("after %s: top %d cur %d link %d %s, laid out at once: top %d cur %d link %d %s", step,
			 lazy->top, lazy->cur, lazy->link, pl, eager->top, eager->cur, eager->link, pe);
	assert_int_equal(pane_item(lazy), pane_item(eager));
	assert_int_equal(pane_cursor_row(lazy), pane_cursor_row(eager));
	for (int r = 0; r < pane_rows(lazy); r++) {
		char *a = doc_line_text(lazy->doc, (size_t)(lazy->top + r));
		char *b = doc_line_text(eager->doc, (size_t)(eager->top + r));
		if (strcmp(a, b) != 0)
			fail_msg("after %s, row %d: \"%s\", laid out at once \"%s\"", step, r, a, b);
		free(a);
		free(b);
	}
}

static void lazy_walk(bool list, bool built_as_read)
{
	static const char *const names[OP_COUNT] = {
		"j", "5j", "3k", "page down", "page up", "G", "gg", "37%", "line 123", "item 441",
		"scroll to 300", "Tab", "S-Tab", "narrow", "wide", "short", "filter", "unfilter", "anchor",
	};
	bool keep[LONG_ROWS];
	for (int i = 0; i < LONG_ROWS; i++)
		keep[i] = i % 3 == 0;
	struct pane lazy, eager;
	pane_init(&lazy, list ? PANE_TIMELINE : PANE_READER, list);
	pane_init(&eager, list ? PANE_TIMELINE : PANE_READER, list);
	lazy.r = eager.r = (struct rect){ 0, 0, 40, 12 };
	pane_set_doc(&lazy, built_as_read ? long_doc_more(list) : long_doc(list));
	pane_set_doc(&eager, long_doc(list));
	/* the first screen lays out that screen, not the whole doc (a list
	 * says its position without more, a text's percentage needs all) */
	char pos[32];
	if (list)
		pane_position(&lazy, pos, sizeof(pos));
	assert_true(lazy.doc->lines_count < 30);
	if (built_as_read)
		assert_true(lazy.doc->blocks_count < 30);
	assert_true(doc_lines(eager.doc) > 600);
	lazy_same(&lazy, &eager, "the start");
	/* every step after every other, from a place the last one left */
	for (int a = 0; a < OP_COUNT; a++)
		for (int b = 0; b < OP_COUNT; b++) {
			char step[64];
			snprintf(step, sizeof(step), "%s then %s", names[a], names[b]);
			lazy_apply(&lazy, (enum lazy_op)a, keep);
			doc_lines(eager.doc);
			lazy_apply(&eager, (enum lazy_op)a, keep);
			doc_lines(eager.doc);
			lazy_apply(&lazy, (enum lazy_op)b, keep);
			doc_lines(eager.doc);
			lazy_apply(&eager, (enum lazy_op)b, keep);
			lazy_same(&lazy, &eager, step);
		}
	pane_free(&lazy);
	pane_free(&eager);
}

static void test_lazy_list(void **state)
{
	(void)state;
	lazy_walk(true, false);
	lazy_walk(true, true);
}

static void test_lazy_text(void **state)
{
	(void)state;
	lazy_walk(false, false);
	lazy_walk(false, true);
}

/* Resized in the middle of a long doc, a search match far below: only
 * what is asked for is laid out, and it is where the whole layout puts it. */
static void test_lazy_middle(void **state)
{
	(void)state;
	struct pane p;
	pane_init(&p, PANE_TIMELINE, true);
	p.r = (struct rect){ 0, 0, 40, 12 };
	pane_set_doc(&p, long_doc_more(true));
	char pos[32];
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "1/600"); /* the rows still to come counted */
	pane_select_item(&p, 200);
	pane_place(&p, (struct rect){ 0, 0, 25, 8 });
	pane_fit(&p);
	assert_int_equal(pane_item(&p), 200);
	size_t laid = p.doc->lines_count, total;
	struct doc *whole = long_doc(true);
	doc_layout(whole, pane_cols(&p));
	total = whole->lines_count;
	assert_true(laid < total / 2); /* row 200 of 600 and a screen */
	assert_true(p.doc->blocks_count < whole->blocks_count / 2); /* built as far */
	/* a match in a part not laid out: highlighted, then gone to */
	struct query q;
	char err[128];
	assert_int_equal(query_parse(tu_bundled(), "needle", &q, err, sizeof(err)), 0);
	/* the rows made have no match; the one made later is marked as made */
	assert_int_equal(doc_highlight(p.doc, &q), 0);
	assert_true(p.doc->lines_count == laid); /* highlighting lays nothing out */
	assert_true(p.doc->blocks_count < whole->blocks_count / 2); /* nor makes rows */
	int blk = -1;
	for (size_t b = 0; blk < 0 && (b < p.doc->blocks_count || doc_more(p.doc)); b++)
		if (p.doc->blocks[b].item == 517)
			blk = (int)b;
	assert_true(blk >= 0);
	size_t off = (size_t)(strstr(p.doc->blocks[blk].text, "needle") - p.doc->blocks[blk].text);
	int line = (int)doc_line_of(p.doc, blk, off);
	assert_int_equal(line, (int)doc_line_of(whole, blk, off));
	pane_select_line(&p, line);
	assert_int_equal(pane_item(&p), 517);
	assert_true(line >= p.top && line < p.top + pane_rows(&p));
	struct doc_seg segs[16];
	size_t n = doc_line_segs(p.doc, (size_t)line, segs, 16);
	bool marked = false;
	for (size_t i = 0; i < n; i++)
		marked |= (segs[i].style & DOC_MATCH) != 0;
	assert_true(marked);
	assert_true(p.doc->lines_count < total);
	/* G still goes to the very end, and the count is the whole layout's */
	pane_goto_line(&p, -1);
	assert_int_equal(pane_item(&p), LONG_ROWS - 1);
	assert_int_equal(p.doc->lines_count, total);
	pane_position(&p, pos, sizeof(pos));
	assert_string_equal(pos, "600/600");
	query_free(&q);
	doc_free(whole);
	pane_free(&p);
}

static void test_pages(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct mentions *m = mentions_from_report(r);
	struct pages pg = { r, m, false, NULL };
	struct doc *d = page_stages(&pg);
	doc_layout(d, 40);
	assert_int_equal(d->lines_count, 3);
	assert_string_equal(line(d, 2), "III Steady Development 2015-2019");
	doc_free(d);

	/* an area's name that does not fit goes on under itself, whole */
	d = page_areas(&pg);
	doc_layout(d, 40);
	for (size_t i = 0; i < r->areas_count; i++) {
		char want[300];
		snprintf(want, sizeof(want), "%2u) %s", report_area(r, i)->number, report_area(r, i)->title);
		assert_string_equal(block_text(d, (int)i), want);
	}
	assert_true(d->lines_count > r->areas_count); /* 5) and 6) take two lines at 40 */
	assert_string_equal(line(d, d->lines_count - 1), "10) Rural Environmental Management");
	doc_free(d);

	/* the timeline: events in order inside three stage bands, each in at
	 * most two lines under its date, the second cut with an ellipsis */
	d = page_timeline(&pg);
	doc_layout(d, 60);
	assert_true(d->lines_count >= r->events_count + 3 && d->lines_count <= 2 * r->events_count + 3);
	for (size_t i = 1; i < d->lines_count; i++)
		if (d->lines[i].block == d->lines[i - 1].block) {
			assert_true(i < 2 || d->lines[i - 2].block != d->lines[i].block);
			assert_int_equal(d->lines[i].indent, 8);
		}
	assert_string_equal(line(d, 0), "I Foundation 1999-2009");
	assert_true(find_line(d, "II Deepening 2010-2014") > 0);
	assert_true(find_line(d, "2014-04 TEMM16, Daegu: identified nine new priority areas") >
		    find_line(d, "II Deepening"));
	doc_free(d);

	/* TEMM16's event: its date, Daegu, and a link to stage III */
	struct entity_ref ev;
	assert_int_equal(report_find(r, "ev-2014-temm16", &ev), 0);
	d = page_entity(&pg, ev);
	doc_layout(d, 60);
	assert_true(find_line(d, "Date: April 2014") >= 0);
	assert_true(find_line(d, "Daegu") >= 0);
	bool stage3 = false;
	for (size_t i = 0; i < d->links_count; i++) {
		const struct doc_link *l = &d->links[i];
		if (l->to.kind == KIND_STAGE && l->to.index == 2 &&
		    strncmp(d->blocks[l->block].text + l->start, "Stage III Steady Development", l->len) == 0)
			stage3 = true;
	}
	assert_true(stage3);
	doc_free(d);

	/* an area: its text with links, and its activities with counts */
	struct entity_ref dss;
	assert_int_equal(report_find(r, "dss", &dss), 0);
	d = page_entity(&pg, dss);
	doc_layout(d, 200);
	assert_true(find_line(d, "2) DSS Prevention") >= 0);
	assert_true(find_line(d, "Activities: 5 listed in 2.1") >= 0); /* a tally, said to be one */
	assert_true(find_line(d, "10 WG I meetings") >= 0);
	assert_true(d->links_count > 5);
	doc_free(d);

	/* the axis: the years at both ends, the width asked for */
	d = page_axis(&pg, 40, ev.index);
	doc_layout(d, 40);
	char *ax = doc_line_text(d, 0);
	assert_int_equal(strncmp(ax, "1999 ", 5), 0);
	assert_non_null(strstr(ax, " 2019"));
	assert_non_null(strstr(ax, "II"));
	free(ax);
	char *t = doc_line_text(d, 0);
	assert_int_equal(text_width(t, strlen(t)), 40);
	free(t);
	doc_free(d);

	/* ASCII mode has no box drawing and no arrows */
	pg.ascii = true;
	d = page_axis(&pg, 40, ev.index);
	doc_layout(d, 40);
	for (const char *s = d->blocks[0].text; *s; s++)
		assert_true((unsigned char)*s < 0x80);
	doc_free(d);
	struct entity_ref s3 = { KIND_STAGE, 2 };
	d = page_entity(&pg, s3);
	doc_complete(d); /* its events' rows too */
	for (size_t b = 0; b < d->blocks_count; b++)
		assert_null(strstr(d->blocks[b].text, "\u2192"));
	doc_free(d);
	mentions_free(m);
}

/* The search's hits found again on the pages that show them, and the
 * results' rows: kind, where, a snippet with its matches marked. */
static void test_hits_on_pages(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct corpus *c = corpus_new(r);
	struct pages pg = { r, NULL, false, NULL };
	struct search_results res;
	assert_int_equal(search_run(c, "workshop", &res), 0);
	assert_true(res.count >= 3);
	struct doc *book = page_book(&pg);
	for (size_t i = 0; i < res.count; i++) {
		const struct search_hit *h = search_hit_at(&res, i);
		assert_true(h->matches_count >= 1);
		struct doc *d = h->unit->ref.kind == KIND_SECTION ? book : page_entity(&pg, h->unit->ref);
		if (d == book) /* made as it is read: as far as the hit's section */
			doc_build_part(book, h->unit->ref.index);
		size_t base;
		int b = page_find_unit(d, h->unit, &base);
		assert_true(b >= 0);
		for (size_t k = 0; k < h->matches_count; k++)
			assert_int_equal(strncasecmp(d->blocks[b].text + base + h->matches[k].start, "workshop", 8), 0);
		if (d != book)
			doc_free(d);
	}
	/* the results: one row per hit, in columns */
	struct doc *d = page_results(&pg, &res, NULL, NULL, SIZE_MAX, 100);
	doc_layout(d, 100);
	assert_int_equal(d->lines_count, res.count);
	for (size_t i = 0; i < res.count; i++) {
		char *t = doc_line_text(d, i);
		assert_int_equal(strncmp(t, entity_kind_name(res.hits[i].unit->ref.kind),
					 strlen(entity_kind_name(res.hits[i].unit->ref.kind))), 0);
		assert_true(text_width(t, strlen(t)) <= 100);
		free(t);
		bool marked = false;
		for (size_t s = 0; s < d->blocks[i].spans_count; s++)
			if (d->blocks[i].spans[s].style == DOC_MATCH)
				marked |= strncasecmp(d->blocks[i].text + d->blocks[i].spans[s].start, "workshop", 8) == 0;
		assert_true(marked);
	}
	assert_true(find_line(d, "2.1 \u203a 2) DSS Prevention") >= 0);
	assert_true(find_line(d, "2. \u203a") < 0); /* the outermost level is dropped */
	doc_free(d);
	/* a list laid out in part: the first rows, the same as in the whole */
	assert_true(res.count > 2);
	d = page_results(&pg, &res, NULL, NULL, 2, 100);
	doc_layout(d, 100);
	assert_int_equal(d->lines_count, 2);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(d->blocks[i].item, (int)i);
	doc_free(d);
	pg.ascii = true;
	d = page_results(&pg, &res, NULL, NULL, SIZE_MAX, 60);
	doc_layout(d, 60);
	assert_true(find_line(d, "2.1 > 2) DS") >= 0); /* cut to the width, in ASCII */
	for (size_t b = 0; b < d->blocks_count; b++)
		for (const char *s = d->blocks[b].text; *s; s++)
			assert_true((unsigned char)*s < 0x80);
	doc_free(d);
	doc_free(book);
	search_results_free(&res);
	corpus_free(c);
}

/* The column a result row's "where" starts in: after the kind and its
 * padding (kind names are ASCII, so bytes are columns). */
static int where_column(struct doc *d, size_t line)
{
	char *t = doc_line_text(d, line);
	const char *s = t;
	while (*s && *s != ' ')
		s++;
	while (*s == ' ')
		s++;
	int col = (int)(s - t);
	free(t);
	return col;
}

/* The column a result row's snippet starts in: after its place and the
 * blanks that pad it (a place has no two blanks in a row). */
static int snippet_column(struct doc *d, size_t line)
{
	char *t = doc_line_text(d, line);
	int col = where_column(d, line);
	const char *s = strstr(t + col, "  ");
	while (s && *s == ' ')
		s++;
	int at = s ? text_width(t, (size_t)(s - t)) : -1;
	free(t);
	return at;
}

/* Typing a query changes which kinds the hits are of, and where they are;
 * the columns stay, so the terminal is not sent every row again because
 * one kind left or a longer place came (at 79 columns places are cut to
 * a quarter of the width; at 160 most fit, and their widths differ). */
static void test_results_columns_stay(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct corpus *c = corpus_new(r);
	struct pages pg = { r, NULL, false, NULL };
	const char *queries[] = { "w", "wat", "EANET", "kind:event workshop", "introduction" };
	static const int widths[] = { 79, 160 };
	for (size_t wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) {
		int col = -1, snip = -1;
		for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
			struct search_results res;
			assert_int_equal(search_run(c, queries[q], &res), 0);
			assert_true(res.count > 0);
			struct doc *d = page_results(&pg, &res, NULL, NULL, SIZE_MAX, widths[wi]);
			doc_layout(d, widths[wi]);
			for (size_t i = 0; i < d->lines_count; i++) {
				if (col < 0)
					col = where_column(d, i);
				assert_int_equal(where_column(d, i), col);
				if (snip < 0)
					snip = snippet_column(d, i);
				assert_int_equal(snippet_column(d, i), snip);
			}
			doc_free(d);
			search_results_free(&res);
		}
	}
	corpus_free(c);
}

static void test_book(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct pages pg = { r, NULL, false, NULL };
	struct doc *d = page_book(&pg);
	/* made as it is read: the title, then a section at a time */
	assert_int_equal(d->blocks_count, 1);
	assert_int_equal(d->parts, r->sections_count);
	doc_build_part(d, 0);
	assert_true(d->blocks_count > 1);
	assert_true(d->blocks[d->blocks_count - 1].section <= 1); /* no further than the next */
	doc_complete(d);
	size_t paras = 0, heads = 0;
	for (size_t i = 0; i < r->sections_count; i++)
		paras += report_section(r, i)->paragraphs_count;
	for (size_t b = 0; b < d->blocks_count; b++) {
		if (d->blocks[b].para >= 0)
			paras--;
		else if (d->blocks[b].section >= 0 && d->blocks[b].len)
			heads++;
	}
	assert_int_equal(paras, 0); /* every paragraph, once */
	assert_int_equal(heads, r->sections_count);
	doc_free(d);
}

static void test_actions(void **state)
{
	(void)state;
	const struct ui_action_info *a;
	size_t n = ui_actions(&a);
	assert_int_equal(n, ACT_COUNT - 1);
	long seen[256];
	bool seen_prompt[256];
	size_t seen_count = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(a[i].action, (enum ui_action)(i + 1));
		assert_true(strlen(a[i].keys) > 0 && strlen(a[i].help) > 0);
		/* the manual's table has room for this much */
		assert_true(strlen(a[i].name) <= 16 && strlen(a[i].keys) <= 18);
		bool prompt = ui_action_in_prompt(a[i].action);
		for (const char *k = a[i].keys; *k;) {
			size_t len = strcspn(k, " ");
			long code = ui_key_code(k, len);
			assert_true(code >= 0); /* every key name is known */
			for (size_t j = 0; j < seen_count; j++) /* and bound once where it counts */
				assert_true(seen[j] != code || seen_prompt[j] != prompt);
			seen_prompt[seen_count] = prompt;
			seen[seen_count++] = code;
			k += len;
			while (*k == ' ')
				k++;
		}
	}
	/* the help screen is the table: every help text and key is on it */
	struct pages pg = { NULL, NULL, false, NULL };
	struct doc *d = page_help(&pg);
	doc_layout(d, 400);
	for (size_t i = 0; i < n; i++)
		assert_true(find_line(d, a[i].help) >= 0);
	doc_free(d);
	/* and so is the manual's table */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ui_actions_print(f);
	fclose(f);
	for (size_t i = 0; i < n; i++) {
		char row[256];
		snprintf(row, sizeof(row), "%s\t%s\t%s%s%s\n", a[i].keys, a[i].name, a[i].help,
			 a[i].count ? "; with a count: " : "", ui_count_words(a[i].count));
		assert_non_null(strstr(buf, row));
	}
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_80x24),
		cmocka_unit_test(test_geometry_132x43),
		cmocka_unit_test(test_geometry_narrow),
		cmocka_unit_test(test_geometry_zoomed),
		cmocka_unit_test(test_geometry_too_small),
		cmocka_unit_test(test_geometry_every_size),
		cmocka_unit_test(test_wrap_reader),
		cmocka_unit_test(test_doc_sanitizes),
		cmocka_unit_test(test_segments_and_highlight),
		cmocka_unit_test(test_pane_list),
		cmocka_unit_test(test_pane_filter),
		cmocka_unit_test(test_pane_text_links),
		cmocka_unit_test(test_pane_links_as_read),
		cmocka_unit_test(test_lazy_list),
		cmocka_unit_test(test_lazy_text),
		cmocka_unit_test(test_lazy_middle),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_hits_on_pages),
		cmocka_unit_test(test_results_columns_stay),
		cmocka_unit_test(test_book),
		cmocka_unit_test(test_actions),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_bundled_free();
	return rc;
}
