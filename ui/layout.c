/* layout.c - pane geometry. Home puts the navigators in a column on the
 * left and the reader on the right; the report view the contents beside
 * the book; search the results above a preview; help fills the body. */
#include "layout.h"
#include "panes.h"

#include <stdio.h>
#include <string.h>

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The navigators take the rows their lists want (header included) while
 * the timeline keeps at least its header, axis and two events; when they
 * do not all fit the areas give way first, then the stages. */
enum { TIMELINE_MIN_H = 1 + 1 + 2, LIST_MIN_H = 1 + 3 };

static int want_rows(const struct layout_want *want, enum ui_pane_id id, int fallback)
{
	return want && want->rows[id] > 0 ? want->rows[id] : fallback;
}

static void place_home(struct layout *l, const struct layout_want *want)
{
	const struct rect b = l->body;
	int left = clamp(l->cols * 2 / 5, 34, 64);
	int x2 = left + 1; /* one column for the separator */
	int room = b.h - TIMELINE_MIN_H;
	int stages = clamp(want_rows(want, PANE_STAGES, LIST_MIN_H), 2, room - LIST_MIN_H);
	int areas = clamp(want_rows(want, PANE_AREAS, LIST_MIN_H), 2, room - stages);
	l->pane[PANE_STAGES] = (struct rect){ 0, b.y, left, stages };
	l->pane[PANE_AREAS] = (struct rect){ 0, b.y + stages, left, areas };
	l->pane[PANE_TIMELINE] = (struct rect){ 0, b.y + stages + areas, left, b.h - stages - areas };
	l->pane[PANE_READER] = (struct rect){ x2, b.y, l->cols - x2, b.h };
	l->sep[0] = (struct rect){ left, b.y, 1, b.h };
	l->sep_count = 1;
}

static void side_by_side(struct layout *l, enum ui_pane_id a, enum ui_pane_id c, int left)
{
	const struct rect b = l->body;
	l->pane[a] = (struct rect){ 0, b.y, left, b.h };
	l->pane[c] = (struct rect){ left + 1, b.y, l->cols - left - 1, b.h };
	l->sep[0] = (struct rect){ left, b.y, 1, b.h };
	l->sep_count = 1;
}

static void place_report(struct layout *l, const struct layout_want *want)
{
	(void)want;
	side_by_side(l, PANE_OUTLINE, PANE_BOOK, clamp(l->cols / 3, 24, 44));
}

/* Results above the preview: result rows are long, the preview reads best
 * at full width. The results get the rows their hits need, up to three
 * fifths of the height (while typing, the hits matter most); the preview
 * keeps six rows at least. */
static void place_search(struct layout *l, const struct layout_want *want)
{
	const struct rect b = l->body;
	int most = clamp(b.h * 3 / 5, 5, b.h - 6 > 5 ? b.h - 6 : 5);
	int h = clamp(want_rows(want, PANE_RESULTS, most), 5, most);
	l->pane[PANE_RESULTS] = (struct rect){ 0, b.y, l->cols, h };
	l->pane[PANE_PREVIEW] = (struct rect){ 0, b.y + h, l->cols, b.h - h };
}

static void place_whole(struct layout *l, const struct layout_want *want)
{
	(void)want;
	l->pane[PANE_HELP] = l->body;
}

static void place_overview(struct layout *l, const struct layout_want *want)
{
	(void)want;
	l->pane[PANE_OVERVIEW] = l->body;
}

/* The events over the selected one's page: the rows get two thirds. */
enum { EVENT_PAGE_MIN_H = 5, EVENT_PAGE_MAX_H = 14 };

static void place_timeline(struct layout *l, const struct layout_want *want)
{
	(void)want;
	const struct rect b = l->body;
	int h = clamp(b.h / 3, EVENT_PAGE_MIN_H, EVENT_PAGE_MAX_H);
	l->pane[PANE_EVENTS] = (struct rect){ 0, b.y, l->cols, b.h - h };
	l->pane[PANE_EVENT] = (struct rect){ 0, b.y + b.h - h, l->cols, h };
}

static const enum ui_pane_id home_panes[] = { PANE_STAGES, PANE_AREAS, PANE_TIMELINE, PANE_READER };
static const enum ui_pane_id report_panes[] = { PANE_OUTLINE, PANE_BOOK };
static const enum ui_pane_id search_panes[] = { PANE_RESULTS, PANE_PREVIEW };
static const enum ui_pane_id help_panes[] = { PANE_HELP };
static const enum ui_pane_id overview_panes[] = { PANE_OVERVIEW };
static const enum ui_pane_id timeline_panes[] = { PANE_EVENTS, PANE_EVENT };

#define PANES(a) a, sizeof(a) / sizeof(a[0])

static const struct view_class views[VIEW_COUNT] = {
	[VIEW_HOME] = { "Home", "home", PANES(home_panes), place_home, 2 * LIST_MIN_H + TIMELINE_MIN_H, true },
	[VIEW_REPORT] = { "Report", "report", PANES(report_panes), place_report, 6, true },
	[VIEW_SEARCH] = { "Search", "search", PANES(search_panes), place_search, 6, false },
	[VIEW_HELP] = { "Help", "help", PANES(help_panes), place_whole, 1, false },
	[VIEW_OVERVIEW] = { "Overview", "overview", PANES(overview_panes), place_overview, 1, true },
	[VIEW_TIMELINE] = { "Timeline", "timeline", PANES(timeline_panes), place_timeline,
			    2 * EVENT_PAGE_MIN_H, true },
};

const struct view_class *layout_view(enum ui_view view)
{
	return &views[view < VIEW_COUNT ? view : VIEW_HELP];
}

enum ui_view layout_pane_view(enum ui_pane_id pane)
{
	for (int v = 0; v < VIEW_COUNT; v++)
		for (size_t i = 0; i < views[v].panes_count; i++)
			if (views[v].panes[i] == pane)
				return (enum ui_view)v;
	return VIEW_HELP;
}

int layout_pane_number(enum ui_pane_id pane)
{
	const struct view_class *v = layout_view(layout_pane_view(pane));
	for (size_t i = 0; i < v->panes_count; i++)
		if (v->panes[i] == pane)
			return (int)i + 1;
	return 0;
}

void layout_compute(struct layout *l, int cols, int rows, enum ui_view view, enum ui_pane_id focus,
		    const struct layout_want *want)
{
	memset(l, 0, sizeof(*l));
	l->cols = cols;
	l->rows = rows;
	l->view = view;
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		l->too_small = true;
		return;
	}
	const struct view_class *v = layout_view(view);
	l->title = (struct rect){ 0, 0, cols, 1 };
	l->status = (struct rect){ 0, rows - 1, cols, 1 };
	l->body = (struct rect){ 0, 1, cols, rows - 2 };
	l->single = v->panes_count > 1 && (cols < LAYOUT_SPLIT_COLS || l->body.h < v->min_rows);
	if (l->single) {
		if (layout_pane_view(focus) != view)
			focus = v->panes[0];
		for (size_t i = 0; i < v->panes_count; i++)
			l->pane[v->panes[i]] = l->body;
		l->shown[focus] = true;
		return;
	}
	v->place(l, want);
	for (size_t i = 0; i < v->panes_count; i++)
		l->shown[v->panes[i]] = true;
}

static int put(char *buf, size_t size, int at, const char *name, struct rect r)
{
	size_t off = at >= 0 && (size_t)at < size ? (size_t)at : size;
	int n = snprintf(buf ? buf + off : NULL, buf ? size - off : 0, "%s<%s %d,%d %dx%d>",
			 at ? " " : "", name, r.x, r.y, r.w, r.h);
	return at + (n > 0 ? n : 0);
}

int layout_format(const struct layout *l, char *buf, size_t size)
{
	if (buf && size)
		buf[0] = '\0';
	if (l->too_small)
		return snprintf(buf, size, "<too-small %dx%d>", l->cols, l->rows);
	int at = 0;
	at = put(buf, size, at, "title", l->title);
	for (int p = 0; p < PANE_COUNT; p++)
		if (l->shown[p])
			at = put(buf, size, at, pane_class((enum ui_pane_id)p)->title, l->pane[p]);
	for (int i = 0; i < l->sep_count; i++)
		at = put(buf, size, at, "sep", l->sep[i]);
	at = put(buf, size, at, "status", l->status);
	return at;
}
