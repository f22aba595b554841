/* test_ui_read.c - reading at 80x24 and smaller, on the virtual screen:
 * a chapter read through in no more pages than less needs for it, the
 * text alone at full width (z) both ways, every row of the navigators
 * told apart, narrow windows that say which panes exist, Space, and every
 * hint of the status line doing what it says in every pane and view. */
#include "testutil.h"
#include "vscreen.h"
#include "present.h"
#include "app.h"
#include "bars.h"
#include "book.h"
#include "panes.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct vscreen *open_at(int cols, int rows, const char *arg)
{
	struct vscreen *v = vs_open(tu_bundled(), cols, rows, "--no-config", "--no-state", arg, (char *)NULL);
	assert_non_null(v);
	return v;
}

/* ---- a chapter read through, against less ---- */

/* The top-level sections (chapters), in order. */
static size_t chapters(const struct report *r, int *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < r->sections_count && n < max; i++)
		if (report_section(r, i)->depth == 0)
			out[n++] = (int)i;
	return n;
}

/* Space presses less needs on a cols x rows terminal to read a chapter
 * of `dump` (`temm dump` at 80 columns) from its heading at the top of the
 * screen until its last line shows: less shows rows - 1 screen lines, a
 * line longer than the width on as many as it takes, and Space moves on
 * by as many. */
static int less_pages(const char *dump, const char *heading, const char *next, int cols, int rows)
{
	int from = -1, to = -1, at = 0, last = 0; /* in screen lines */
	for (const char *s = dump; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		int w = text_width(s, len), lines = w > cols ? (w + cols - 1) / cols : 1;
		if (from < 0 && len == strlen(heading) && strncmp(s, heading, len) == 0)
			from = at;
		else if (from >= 0 && to < 0 && next && len == strlen(next) && strncmp(s, next, len) == 0)
			to = last; /* the chapter's last line that says something */
		if (len > 0)
			last = at + lines;
		at += lines;
		s = nl ? nl + 1 : s + len;
	}
	assert_true(from >= 0);
	if (to < 0) /* the last chapter: to the end */
		to = last;
	int lines = to - from, window = rows - 1, pages = 0;
	while (pages * window + window < lines)
		pages++;
	return pages;
}

/* Space presses in temm from --goto the chapter: until its last line
 * shows (the line before the next chapter's heading, or the book's end). */
static int temm_pages(int cols, int rows, const char *id, int next_section)
{
	char arg[128];
	snprintf(arg, sizeof(arg), "--goto=%s", id);
	struct vscreen *v = open_at(cols, rows, arg);
	struct app *a = vs_app(v);
	assert_int_equal(a->view, VIEW_REPORT);
	struct pane *b = app_pane(a, PANE_BOOK);
	int last = (int)doc_lines(b->doc) - 1;
	if (next_section >= 0)
		for (size_t i = 0; i < b->doc->blocks_count; i++)
			if (b->doc->blocks[i].section == next_section && b->doc->blocks[i].len > 0) {
				last = (int)doc_line_of(b->doc, (int)i, 0) - 1;
				break;
			}
	while (last > 0 && b->doc->lines[last].len == 0)
		last--; /* a blank line before the next heading says nothing */
	int pages = 0;
	while (b->top + pane_rows(b) <= last && pages < 100) {
		vs_keys(v, "<Space>");
		pages++;
	}
	vs_close(v);
	return pages;
}

/* Chapter 3 at 80x24 takes no more Space presses in temm than in `temm
 * dump | less`; the other chapters neither. */
static void test_chapter_pages_against_less(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	char *dump = NULL, *err = NULL;
	assert_int_equal(tu_run(&dump, &err, "dump", (char *)NULL), 0);
	int ch[16];
	size_t n = chapters(r, ch, 16);
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) {
		const char *next = i + 1 < n ? report_section(r, ch[i + 1])->title : NULL;
		int less = less_pages(dump, report_section(r, ch[i])->title, next, 80, 24);
		int temm = temm_pages(80, 24, report_section(r, ch[i])->id, i + 1 < n ? ch[i + 1] : -1);
		print_message("%s at 80x24: temm %d Space presses, less %d\n", report_section(r, ch[i])->title,
			      temm, less);
		if (temm > less)
			fail_msg("%s takes %d pages in temm, %d in less", report_section(r, ch[i])->title, temm, less);
	}
	free(dump);
	free(err);
}

/* ---- z: the text alone, both ways ---- */

static void test_zoom_both_ways(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	struct app *a = vs_app(v);
	/* home: from the areas, z widens the reader; z again brings the
	 * navigators back with the areas focused as before */
	vs_keys(v, "2jj");
	vs_expect(v, "Reader: Area 3\\) Environmental Education|4 Area 3\\)");
	vs_keys(v, "z");
	assert_true(a->lay.zoomed);
	assert_int_equal(app_focus_id(a), PANE_READER);
	vs_expect_not(v, "│");                  /* nothing beside it */
	vs_expect_not(v, "temm: Report on");    /* no title line */
	vs_expect(v, "^Priority area 3 *$");    /* the text from the first row */
	vs_expect(v, "z panes .*3\\) Environmental Education  [0-9]+% *$"); /* the status line says where */
	assert_int_equal(pane_rows(app_pane(a, PANE_READER)), 23);
	vs_keys(v, "z");
	assert_false(a->lay.zoomed);
	assert_int_equal(app_focus_id(a), PANE_AREAS);
	vs_expect(v, "Home › Areas › 3\\) Environmental Education");
	/* focusing another pane ends a zoom, as in tmux */
	vs_keys(v, "z1");
	assert_false(a->lay.zoomed);
	assert_int_equal(app_focus_id(a), PANE_STAGES);
	vs_keys(v, "z<Space>");
	assert_true(a->lay.zoomed);
	assert_true(app_pane(a, PANE_READER)->top > 0);
	/* the report: at 80 columns it starts zoomed, z shows the contents */
	vs_keys(v, "r");
	assert_true(a->lay.zoomed);
	vs_expect(v, "^Report on China-Japan-Korea Tripartite Environmental Cooperation and its Outlook");
	vs_keys(v, "z");
	assert_false(a->lay.zoomed);
	vs_expect(v, "1 Contents");
	vs_expect(v, "│");
	vs_keys(v, "z");
	assert_true(a->lay.zoomed);
	/* the text width: the window's, unless wrap is smaller */
	assert_int_equal(pane_cols(app_pane(a, PANE_BOOK)), 80);
	vs_close(v);
	v = open_at(200, 50, NULL);
	a = vs_app(v);
	vs_keys(v, "r");
	assert_false(a->lay.zoomed); /* 200 columns: the contents beside, z widens */
	vs_keys(v, "z");
	assert_true(a->lay.zoomed);
	assert_int_equal(pane_cols(app_pane(a, PANE_BOOK)), 100); /* wrap's default */
	/* z where there is nothing to widen says so */
	vs_keys(v, "?z");
	vs_expect(v, "Nothing to widen here");
	vs_close(v);
}

/* ---- every row told apart at 80x24 ---- */

/* The rows of a list pane as the screen shows them: each row's lines
 * joined. Every pane scrolled through so each row is drawn. */
static void check_rows_apart(struct vscreen *v, enum ui_pane_id id, const char *digit)
{
	struct app *a = vs_app(v);
	vs_keys(v, digit);
	vs_keys(v, "g");
	struct pane *p = app_pane(a, id);
	enum { MOST = 64 };
	char *rows[MOST] = { 0 };
	int n = 0;
	for (int guard = 0; guard < MOST && n < MOST; guard++) {
		int item = pane_item(p);
		/* the selected row, as drawn: its lines from the screen */
		char text[1024] = "";
		int y = p->r.y + pane_text_y(p) + (p->cur - p->top);
		for (int l = p->cur; l < (int)doc_lines(p->doc) && pane_row_selected(p, l); l++, y++) {
			const char *row = vs_row(v, y);
			size_t len = strlen(text);
			char one[512];
			snprintf(one, sizeof(one), "%s", row + 1); /* the gutter */
			/* the pane's own columns only */
			int cols = p->r.w - 1;
			size_t take = text_fit(one, strlen(one), cols, &(int){ 0 });
			one[take] = '\0';
			snprintf(text + len, sizeof(text) - len, "%s", one);
		}
		rows[n++] = strdup(text);
		/* what tells it apart shows: its title's words up to where
		 * another title of the list first differs from it */
		(void)item;
		vs_keys(v, "j");
		if (pane_item(p) == item)
			break;
	}
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (strcmp(rows[i], rows[j]) == 0)
				fail_msg("two rows show the same: %s", rows[i]);
	for (int i = 0; i < n; i++)
		free(rows[i]);
}

/* The text of a pane's rectangle, its rows joined by newlines. */
static char *pane_screen(struct vscreen *v, const struct pane *p)
{
	size_t cap = (size_t)p->r.h * ((size_t)p->r.w * 4 + 2) + 1, n = 0;
	char *out = calloc(1, cap);
	assert_non_null(out);
	for (int y = p->r.y; y < p->r.y + p->r.h; y++) {
		const char *row = vs_row(v, y);
		int skip = 0;
		size_t from = text_fit(row, strlen(row), p->r.x, &skip);
		int used = 0;
		size_t take = text_fit(row + from, strlen(row + from), p->r.w, &used);
		n += (size_t)snprintf(out + n, cap - n, "%.*s\n", (int)take, row + from);
	}
	return out;
}

/* A title shows far enough in the pane to tell it from every other of its
 * list (titles[1..n-1]): its words up to the first it shares with none of
 * them, each in order (a row may wrap at a space or a hyphen). */
static void check_words_show(struct vscreen *v, const struct pane *p, const char *const *titles, size_t n)
{
	char *screen = pane_screen(v, p);
	size_t need = n > 1 ? 0 : strlen(titles[0]);
	for (size_t j = 1; j < n; j++) {
		size_t k = 0;
		while (titles[0][k] && titles[0][k] == titles[j][k])
			k++;
		while (titles[0][k] && titles[0][k] != ' ')
			k++; /* to the end of the word that differs */
		if (k > need)
			need = k;
	}
	char *copy = strndup(titles[0], need);
	const char *at = screen;
	for (char *w = strtok(copy, " -"); w; w = strtok(NULL, " -")) {
		const char *found = strstr(at, w);
		if (!found)
			fail_msg("'%s' does not show whole enough: '%s' is missing from\n%s", titles[0], w, screen);
		at = found + strlen(w);
	}
	free(copy);
	free(screen);
}

static void test_rows_told_apart_80x24(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct vscreen *v = open_at(80, 24, NULL);
	struct app *a = vs_app(v);
	check_rows_apart(v, PANE_AREAS, "2");
	check_rows_apart(v, PANE_TIMELINE, "3");
	/* areas: every name whole on the screen at once, no row cut */
	vs_keys(v, "2g");
	struct pane *ap = app_pane(a, PANE_AREAS);
	char *text = pane_screen(v, ap);
	assert_null(strstr(text, "…"));
	free(text);
	for (size_t i = 0; i < r->areas_count; i++) {
		const char *t = report_area(r, i)->title;
		check_words_show(v, ap, &t, 1);
	}
	/* events: the selected one shows the words that tell its label (what
	 * its row says) from every other */
	struct pane *tp = app_pane(a, PANE_TIMELINE);
	char *labels[64];
	size_t count = r->events_count < 64 ? r->events_count : 64;
	for (size_t i = 0; i < count; i++)
		labels[i] = present_label(r, (struct entity_ref){ KIND_EVENT, (int)i }, PRESENT_UTF8);
	for (size_t i = 0; i < count; i++) {
		const char *titles[64];
		size_t n = 0;
		titles[n++] = labels[i];
		for (size_t j = 0; j < count; j++)
			if (j != i)
				titles[n++] = labels[j];
		char keys[32];
		snprintf(keys, sizeof(keys), "30%zug", i + 1);
		vs_keys(v, keys);
		assert_int_equal(pane_item(tp), (int)i);
		check_words_show(v, tp, titles, n);
	}
	for (size_t i = 0; i < count; i++)
		free(labels[i]);
	/* contents: every heading whole */
	vs_keys(v, "rz");
	check_rows_apart(v, PANE_OUTLINE, "1");
	struct pane *op = app_pane(a, PANE_OUTLINE);
	for (size_t i = 0; i < r->sections_count; i++) {
		char keys[32];
		snprintf(keys, sizeof(keys), "0%zug", i + 1);
		vs_keys(v, keys);
		assert_int_equal(pane_item(op), (int)i);
		const char *t = report_section(r, i)->title;
		check_words_show(v, op, &t, 1);
	}
	vs_close(v);
}

/* The title line, the pane headers and cut rows end in an ellipsis; a
 * place is written with one separator. */
static void test_cut_ends_in_ellipsis(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_expect(v, "^ temm: Report on China-Japan-Korea Tripart[a-z]*… ");
	vs_keys(v, "3jjjjj");
	vs_expect(v, "Home › Timeline › Joint Action Plan \\(2010-2014\\) written into the 2020 China-Ja…$");
	vs_expect(v, "^>2010 +Joint Action Plan \\(2010-2014\\)│"); /* its row, cut at the pane's foot */
	vs_keys(v, "rz2");
	vs_expect(v, "│ 2 Report: Introduction +$");
	vs_close(v);
	v = open_at(80, 24, "--goto=sec-2-1-6");
	vs_keys(v, "z");
	vs_expect(v, "│ 2 2\\.1 › 6\\) Circulative Management of Re…$");
	vs_expect_not(v, "▸");
	vs_close(v);
	v = open_at(80, 24, "--ascii");
	vs_keys(v, "3jjjjj");
	vs_expect(v, "Home > Timeline > Joint Action Plan");
	vs_expect(v, "written into the 2020 China-~\\|");
	vs_close(v);
}

/* ---- narrow windows ---- */

/* No row of a pane's rectangle is blank while the pane had more to show
 * below or another pane of the view could use it. */
static void check_no_blank_rows(struct vscreen *v)
{
	struct app *a = vs_app(v);
	int shown_rows = 0;
	for (int i = 0; i < PANE_COUNT; i++)
		if (a->lay.shown[i])
			shown_rows += a->lay.pane[i].h;
	assert_int_equal(shown_rows + a->lay.strip.h, a->lay.body.h + a->lay.strip.h);
	for (int i = 0; i < PANE_COUNT; i++) {
		if (!a->lay.shown[i])
			continue;
		struct pane *p = app_pane(a, (enum ui_pane_id)i);
		int lines = p->doc ? (int)doc_lines(p->doc) - p->top : 0;
		/* a pane shows blank rows only when it is the last of its column */
		if (lines < pane_rows(p)) {
			for (int j = 0; j < PANE_COUNT; j++)
				if (j != i && a->lay.shown[j] && a->lay.pane[j].y > p->r.y)
					fail_msg("%s has %d blank rows above another pane", pane_class((enum ui_pane_id)i)->name,
						 pane_rows(p) - lines);
			const struct view_class *vc = layout_view(a->view);
			bool below = false;
			for (size_t k = 0; k < vc->panes_count; k++)
				below |= !a->lay.shown[vc->panes[k]] && vc->panes[k] > (enum ui_pane_id)i &&
					 pane_class(vc->panes[k])->list;
			if (below && pane_class((enum ui_pane_id)i)->list)
				fail_msg("%s leaves %d rows blank while a list below it is hidden",
					 pane_class((enum ui_pane_id)i)->name, pane_rows(p) - lines);
		}
	}
}

static void test_narrow(void **state)
{
	(void)state;
	struct vscreen *v = open_at(60, 20, NULL);
	struct app *a = vs_app(v);
	/* the strip names every pane with its digit, the hidden one too */
	vs_expect(v, "^ 1 Stages 2 Areas 3 Timeline 4 Reader *$");
	assert_true(vs_marked(v, "1 Stages"));
	/* the navigators stacked, no blank rows under the three stages */
	vs_expect(v, "^ 2 Areas(: as in 2\\.1)? ─");
	vs_expect(v, "^ 3 Timeline ─");
	assert_false(a->lay.shown[PANE_READER]);
	check_no_blank_rows(v);
	/* 4 (or Enter, or Space) shows the reader, the strip still names all */
	vs_keys(v, "4");
	assert_true(a->lay.shown[PANE_READER]);
	vs_expect(v, "^ 1 Stages 2 Areas 3 Timeline 4 Reader *$");
	vs_expect(v, "Stage I · 1999-2009");
	check_no_blank_rows(v);
	vs_keys(v, "1<Space>");
	assert_int_equal(app_focus_id(a), PANE_READER);
	vs_keys(v, "1<Enter>");
	assert_int_equal(app_focus_id(a), PANE_READER);
	/* the report at 60 columns: the book alone; z the contents, with the strip */
	vs_keys(v, "r");
	assert_true(a->lay.zoomed);
	vs_keys(v, "z");
	vs_expect(v, "^ 1 Contents 2 Report *$");
	check_no_blank_rows(v);
	vs_close(v);

	v = open_at(40, 12, NULL);
	a = vs_app(v);
	vs_expect(v, "^ 1 Stages 2 Areas 3 Timeline 4 Reader *$");
	/* the stages leave their rows to the areas below them */
	assert_true(a->lay.shown[PANE_STAGES] && a->lay.shown[PANE_AREAS]);
	vs_expect(v, "^ 2 Areas(: as in 2\\.1)? ─");
	check_no_blank_rows(v);
	vs_keys(v, "3");
	vs_expect(v, "^ 3 Timeline *$");
	check_no_blank_rows(v);
	vs_keys(v, "4");
	vs_expect(v, "^Stage I · 1999-2009");
	check_no_blank_rows(v);
	/* the status line keeps the position; hints give way whole, never cut */
	vs_expect(v, "quit +[0-9]+% *$");
	vs_expect_not(v, "…[^│]* [0-9]+% *$");
	vs_resize(v, 24, 12);
	vs_expect(v, "^[^…]* [0-9]+% *$");
	vs_resize(v, 80, 24);
	vs_expect_not(v, "^ 1 Stages 2 Areas"); /* wide enough: no strip */
	vs_close(v);
}

/* ---- Space ---- */

static void test_space(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	struct app *a = vs_app(v);
	struct pane *rd = app_pane(a, PANE_READER);
	/* on a navigator Space pages the reader beside it, b back */
	vs_keys(v, "2jj<Space>");
	assert_int_equal(app_focus_id(a), PANE_AREAS);
	assert_int_equal(pane_item(app_pane(a, PANE_AREAS)), 2);
	assert_int_equal(rd->top, pane_rows(rd)); /* a whole page: no line read twice */
	vs_keys(v, "b");
	assert_int_equal(rd->top, 0);
	/* on the reader, the reader; on the contents, the book */
	vs_keys(v, "4<Space>");
	assert_int_equal(rd->top, pane_rows(rd));
	vs_keys(v, "rz1");
	struct pane *bk = app_pane(a, PANE_BOOK);
	int top = bk->top;
	vs_keys(v, "<Space>");
	assert_int_equal(bk->top, top + pane_rows(bk));
	vs_expect(v, "Report › Contents");
	/* the results list pages itself (its preview is no book) */
	vs_keys(v, "/the<Tab>");
	struct pane *res = app_pane(a, PANE_RESULTS);
	int cur = res->cur;
	vs_keys(v, "<Space>");
	assert_true(res->cur > cur);
	vs_close(v);
}

/* ---- a stage's page made as it is read ---- */

/* The first screen of the first stage's page makes none of its events'
 * rows (thousands at scale); read to its end, or through its links with
 * Tab, it is the whole page: its last event under a date column as wide
 * as its widest date, 100% read, and Tab on its last link goes on to the
 * next pane. */
static void test_stage_page_as_read(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct vscreen *v = open_at(80, 24, NULL);
	struct app *a = vs_app(v);
	struct entity_ref st = { KIND_STAGE, 0 };
	struct doc *whole = page_entity(&a->pg, st);
	doc_complete(whole);
	struct pane *rd = app_pane(a, PANE_READER);
	assert_true(rd->doc->blocks_count < whole->blocks_count);
	/* the stage's last event, as its row starts: the date padded to the
	 * widest of the stage's dates, then its label */
	struct present_page *pp = present_page_new(r, st, PRESENT_UTF8, NULL);
	int last = -1, cols = 0;
	for (size_t k = 0; k < pp->blocks_count; k++)
		for (size_t i = 0; i < pp->blocks[k].items_count; i++)
			if (pp->blocks[k].items[i].ref.kind == KIND_EVENT) {
				last = pp->blocks[k].items[i].ref.index;
				cols = pp->blocks[k].tag_cols;
			}
	present_page_free(pp);
	assert_true(last >= 0);
	char date[PRESENT_DATE_MAX], *label = present_event_label(r, last), row[160];
	const struct event *e = report_event(r, (size_t)last);
	present_date(e->year, e->month, PRESENT_DATE_WORDS, date);
	snprintf(row, sizeof(row), "  %-*s %.6s", cols, date, label);
	for (char *c = row; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == ' '))
			*c = '.';
	free(label);
	vs_expect_not(v, row);
	vs_keys(v, "4G");
	vs_expect(v, row);
	vs_expect(v, " 100% *$");
	/* Tab link by link on a page just opened: the last is the last
	 * event's, then the next pane */
	vs_close(v);
	v = open_at(80, 24, NULL);
	a = vs_app(v);
	rd = app_pane(a, PANE_READER);
	vs_keys(v, "4");
	assert_int_equal(rd->link, -1);
	for (size_t i = 0; i < whole->links_count; i++)
		vs_keys(v, "<Tab>");
	assert_int_equal(app_focus_id(a), PANE_READER);
	assert_int_equal(rd->link, (int)whole->links_count - 1);
	assert_int_equal(rd->doc->links[rd->link].to.index, last);
	vs_expect(v, row);
	vs_keys(v, "<Tab>");
	assert_int_not_equal(app_focus_id(a), PANE_READER);
	doc_free(whole);
	vs_close(v);
}

/* ---- every hint does what it says ---- */

/* A screen to read the hints of: its size and the keys that make it. */
struct scene {
	int cols, rows;
	const char *keys;
	const char *what; /* for messages */
};

static const struct scene scenes[] = {
	{ 80, 24, "", "home, stages" },
	{ 80, 24, "2", "home, areas" },
	{ 80, 24, "3", "home, timeline" },
	{ 80, 24, "4", "home, reader" },
	{ 80, 24, "4<Tab>", "home, reader, a link focused" },
	{ 80, 24, "4<Tab><Enter>", "home, reader, after a link" },
	{ 80, 24, "z", "home, reader zoomed" },
	{ 80, 24, "r", "report, book zoomed" },
	{ 80, 24, "rz", "report, contents" },
	{ 80, 24, "rz2", "report, book" },
	{ 80, 24, "/dust<Tab>", "search, results" },
	{ 80, 24, "/dust<Tab><Tab>", "search, preview" },
	{ 80, 24, "/dust<Enter>", "a search walked" },
	{ 80, 24, "/zzqxj<Tab>", "search, no hits" },
	{ 80, 24, "?", "help" },
	{ 60, 20, "", "narrow home, stages" },
	{ 60, 20, "4", "narrow home, reader" },
	{ 60, 20, "rz", "narrow report, contents" },
	{ 200, 50, "", "wide home" },
	{ 200, 50, "r", "wide report" },
};

/* What the app looks like, to tell what a key did. */
struct look {
	enum ui_view view;
	enum ui_pane_id focus;
	int item, top, link, text_top;
	bool zoomed, prompt, quit, text_shown;
	size_t back;
	struct entity_ref reader;
	char message[512];
};

static void look_at(struct app *a, struct look *l)
{
	struct pane *p = app_focused(a);
	enum ui_pane_id t = layout_zoom_pane(a->view);
	memset(l, 0, sizeof(*l));
	l->view = a->view;
	l->focus = app_focus_id(a);
	l->item = pane_item(p);
	l->top = p->top;
	l->link = p->link;
	l->text_top = t != PANE_COUNT ? app_pane(a, t)->top : -1;
	l->text_shown = t != PANE_COUNT && a->lay.shown[t];
	l->zoomed = a->lay.zoomed;
	l->prompt = a->prompt.ops != NULL;
	l->quit = a->quit;
	l->back = a->places.back.count;
	l->reader = a->reader;
	snprintf(l->message, sizeof(l->message), "%s", a->message);
}

/* Whether the key of a hint did what the hint's words say. */
static bool did(const char *what, const struct look *b, const struct look *x)
{
	bool moved = x->item != b->item || x->top != b->top;
	if (!strcmp(what, "move") || !strcmp(what, "hit") || !strcmp(what, "scroll"))
		return moved;
	if (!strcmp(what, "read"))
		return x->focus != b->focus && x->focus == layout_zoom_pane(x->view);
	if (!strcmp(what, "page"))
		return x->top != b->top || x->text_top != b->text_top || (x->text_shown && !b->text_shown);
	if (!strcmp(what, "pane"))
		return x->focus != b->focus;
	if (!strcmp(what, "link"))
		return x->link >= 0 && x->link != b->link;
	if (!strcmp(what, "follow"))
		return x->back == b->back + 1;
	if (!strcmp(what, "back"))
		return x->view != b->view || x->back != b->back || !entity_ref_same(x->reader, b->reader);
	if (!strcmp(what, "full width"))
		return x->zoomed && !b->zoomed;
	if (!strcmp(what, "panes"))
		return !x->zoomed && b->zoomed;
	if (!strcmp(what, "search") || !strcmp(what, "filter"))
		return x->prompt && !b->prompt;
	if (!strcmp(what, "help"))
		return x->view == VIEW_HELP && b->view != VIEW_HELP;
	if (!strcmp(what, "close"))
		return x->view != VIEW_HELP && b->view == VIEW_HELP;
	if (!strcmp(what, "quit"))
		return x->quit;
	if (!strcmp(what, "open"))
		return layout_view(x->view)->kept && !layout_view(b->view)->kept;
	if (!strcmp(what, "next/previous match"))
		return strstr(x->message, "hit ") && strcmp(x->message, b->message) != 0;
	if (!strcmp(what, "back to before the search"))
		return x->view == VIEW_HOME && !strstr(x->message, "hit ");
	fail_msg("a hint this test does not know: '%s'", what);
	return false;
}

/* "Space" -> "<Space>", "j/k" -> "j", "?" -> "?". */
static void key_script(const char *key, char *out, size_t n)
{
	char k[24];
	snprintf(k, sizeof(k), "%.*s", (int)strcspn(key, "/") ? (int)strcspn(key, "/") : 1, key);
	if (strlen(k) == 1)
		snprintf(out, n, "%s", k[0] == '<' ? "<lt>" : k);
	else
		snprintf(out, n, "<%s>", k);
}

static void test_every_hint_does_what_it_says(void **state)
{
	(void)state;
	int tried = 0;
	for (size_t s = 0; s < sizeof(scenes) / sizeof(scenes[0]); s++) {
		const struct scene *sc = &scenes[s];
		struct vscreen *v = open_at(sc->cols, sc->rows, NULL);
		vs_keys(v, sc->keys);
		struct bar bar;
		vs_app(v)->message[0] = '\0'; /* as the next key leaves it: the hints */
		bars_status(vs_app(v), &bar);
		char hints[1024];
		snprintf(hints, sizeof(hints), "%s", bar.left);
		vs_close(v);
		assert_true(hints[0] != '\0');
		/* "j/k move  Enter read  Space page": two spaces between hints */
		for (char *h = hints, *end; h && *h; h = end) {
			end = strstr(h, "  ");
			if (end) {
				*end = '\0';
				end += 2;
			}
			char *sp = strchr(h, ' ');
			assert_non_null(sp);
			*sp = '\0';
			const char *key = h, *what = sp + 1;
			char script[32];
			key_script(key, script, sizeof(script));
			v = open_at(sc->cols, sc->rows, NULL);
			vs_keys(v, sc->keys);
			struct look before, after;
			look_at(vs_app(v), &before);
			vs_keys(v, script);
			look_at(vs_app(v), &after);
			if (!did(what, &before, &after))
				fail_msg("%s: the hint '%s %s' does not do it", sc->what, key, what);
			vs_close(v);
			tried++;
		}
	}
	assert_true(tried > 60);
}

/* ---- smaller things ---- */

/* The help uses the width: a key's line is as long as the others, not
 * cut short by the column its text hangs under. */
static void test_help_width(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_keys(v, "?");
	vs_expect(v, "^  j, Down, C-n +Next line \\(text\\) or item \\(list\\); <N>: <N> times *$");
	int widest = 0;
	for (int y = 1; y < 23; y++) {
		const char *row = vs_row(v, y);
		size_t n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			n--;
		int w = text_width(row, n);
		widest = w > widest ? w : widest;
	}
	assert_true(widest > 70);
	vs_close(v);
}

/* No hits: the list says so and what may help, from the query; the
 * preview shows no page of an earlier query. */
static void test_no_hits(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	vs_type(v, "/d");
	vs_expect(v, "2 Preview: ");
	vs_type(v, "zqx");
	vs_expect(v, "Nothing matches \"dzqx\"\\. What may find it:");
	vs_expect(v, "part of a word is enough");
	vs_expect_not(v, "case counts");
	vs_expect_not(v, "2 Preview: ");
	vs_keys(v, "<Esc>");
	vs_type(v, "/\"Dust Storm\" kind:event");
	vs_expect(v, "the query has a capital, so case counts");
	vs_expect(v, "must occur as written");
	vs_expect(v, "kind:, area:, stage: and year: narrow");
	vs_close(v);
}

/* The section the book has made last (it is made as it is read). */
static int book_made(struct app *a)
{
	struct doc *d = app_pane(a, PANE_BOOK)->doc;
	return d->blocks[d->blocks_count - 1].section;
}

/* The status line's percent, -1 if it shows none. */
static int status_percent(struct vscreen *v)
{
	const char *row = vs_row(v, 23);
	const char *end = row + strlen(row);
	while (end > row && end[-1] == ' ')
		end--;
	if (end == row || end[-1] != '%')
		return -1;
	const char *d = end - 1;
	while (d > row && d[-1] >= '0' && d[-1] <= '9')
		d--;
	return atoi(d);
}

/* The book is made as it is read: paging makes the sections shown, and its
 * position, its percent keys and its contents say and go where they did. */
static void test_book_as_read(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24, NULL);
	struct app *a = vs_app(v);
	const struct report *r = tu_bundled();
	int last = (int)r->sections_count - 1;
	vs_keys(v, "r");
	vs_expect(v, "^Introduction *$");
	assert_true(book_made(a) < last / 2); /* a screenful, not the report */
	int top = status_percent(v);
	assert_true(top >= 0 && top < 50);
	vs_keys(v, "<Space><Space>");
	assert_true(status_percent(v) >= top);
	assert_true(book_made(a) < last);
	/* G: the end, and all of it */
	vs_keys(v, "G");
	vs_expect(v, " 100% *$");
	vs_expect(v, "3\\.2 Future Outlook  100% *$");
	assert_int_equal(book_made(a), last);
	/* 50p: half way through the sections, where the percent says */
	vs_keys(v, "g");
	vs_expect(v, "^Report on China-Japan-Korea");
	vs_keys(v, "50p");
	assert_int_equal(book_section(a), (int)r->sections_count * 50 / 100);
	int half = status_percent(v);
	assert_true(half >= 50 && half < 100);
	vs_close(v);

	/* the contents: a jump far ahead puts the book on that heading, and
	 * the book read back moves the contents with it */
	v = open_at(80, 24, NULL);
	a = vs_app(v);
	vs_keys(v, "rz");
	vs_expect(v, "Report › Contents");
	vs_keys(v, "1G");
	vs_expect(v, "^> +3\\.2 Future Outlook");
	assert_int_equal(book_section(a), last);
	assert_true(strstr(app_pane(a, PANE_BOOK)->title, "3.2 Future Outlook") != NULL);
	vs_keys(v, "2g");
	vs_expect(v, "^> *Introduction");
	assert_int_equal(book_section(a), 0);
	vs_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chapter_pages_against_less),
		cmocka_unit_test(test_zoom_both_ways),
		cmocka_unit_test(test_rows_told_apart_80x24),
		cmocka_unit_test(test_cut_ends_in_ellipsis),
		cmocka_unit_test(test_narrow),
		cmocka_unit_test(test_space),
		cmocka_unit_test(test_stage_page_as_read),
		cmocka_unit_test(test_every_hint_does_what_it_says),
		cmocka_unit_test(test_help_width),
		cmocka_unit_test(test_no_hits),
		cmocka_unit_test(test_book_as_read),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_bundled_free();
	return rc;
}
