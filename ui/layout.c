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

/* The navigators' column: at 80 columns 38, so that a row that wraps
 * keeps most of a name on each line. */
static int nav_width(int cols)
{
	return clamp(cols * 2 / 5, 38, 64);
}

static void place_home(struct layout *l, const struct layout_want *want)
{
	const struct rect b = l->body;
	int left = nav_width(l->cols);
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
	side_by_side(l, PANE_OUTLINE, PANE_BOOK, nav_width(l->cols));
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

/* The views read through from start to end: below LAYOUT_READ_COLS their
 * text starts alone, as wide as the window (the report's book beside the
 * contents would be narrower than 60 columns: twice the pages of less). */
static const bool read_through[VIEW_COUNT] = {
	[VIEW_REPORT] = true,
};

bool layout_starts_zoomed(enum ui_view view, int cols)
{
	return view < VIEW_COUNT && read_through[view] && cols < LAYOUT_READ_COLS &&
	       layout_zoom_pane(view) != PANE_COUNT;
}

enum ui_pane_id layout_zoom_pane(enum ui_view view)
{
	const struct view_class *v = layout_view(view);
	for (size_t i = 0; i < v->panes_count; i++)
		if (pane_class(v->panes[i])->pages)
			return v->panes[i];
	return PANE_COUNT;
}

/* Where the panes stand in the wide layout, on a body of this height. */
static void place_wide(const struct layout *l, const struct view_class *v, const struct layout_want *want,
		       struct layout *wide)
{
	*wide = *l;
	wide->cols = 2 * LAYOUT_SPLIT_COLS;
	wide->body.w = wide->cols;
	v->place(wide, want);
}

static bool same_column(struct rect a, struct rect b)
{
	return a.x == b.x && a.w == b.w;
}

/* The focused pane's column from the focused pane down: each pane takes
 * the rows it wants while the next one keeps a list's least, the last
 * one the rest. */
static void stack_from(struct layout *l, const struct view_class *v, const struct layout *wide,
		       enum ui_pane_id focus, const struct layout_want *want)
{
	int y = l->body.y, left = l->body.h;
	size_t i = 0;
	while (v->panes[i] != focus)
		i++;
	for (; i < v->panes_count && left > 0; i++) {
		enum ui_pane_id id = v->panes[i];
		if (!same_column(wide->pane[id], wide->pane[focus]))
			continue;
		bool last = true;
		for (size_t j = i + 1; j < v->panes_count; j++)
			last &= !same_column(wide->pane[v->panes[j]], wide->pane[focus]);
		int h = want_rows(want, id, left);
		if (last || h > left - LIST_MIN_H)
			h = left;
		l->pane[id] = (struct rect){ 0, y, l->cols, h };
		l->shown[id] = true;
		y += h;
		left -= h;
	}
}

static void place_single(struct layout *l, const struct view_class *v, enum ui_pane_id focus,
			 const struct layout_want *want)
{
	struct layout wide;
	place_wide(l, v, want, &wide);
	size_t column = 0;
	for (size_t i = 0; i < v->panes_count; i++)
		column += same_column(wide.pane[v->panes[i]], wide.pane[focus]);
	if (column < v->panes_count) { /* some pane does not show: the strip says so */
		l->strip = (struct rect){ 0, l->body.y, l->cols, 1 };
		l->body.y++;
		l->body.h--;
		place_wide(l, v, want, &wide);
	}
	for (size_t i = 0; i < v->panes_count; i++)
		l->pane[v->panes[i]] = l->body;
	if (l->body.h < v->min_rows) {
		stack_from(l, v, &wide, focus, want);
		return;
	}
	for (size_t i = 0; i < v->panes_count; i++) {
		enum ui_pane_id id = v->panes[i];
		struct rect r = wide.pane[id];
		if (same_column(r, wide.pane[focus])) {
			l->pane[id] = (struct rect){ 0, r.y, l->cols, r.h };
			l->shown[id] = true;
		}
	}
}

/* The text pane alone: the others keep the places they have unzoomed (so
 * they are laid out for the width they come back at). */
static void place_zoomed(struct layout *l, enum ui_pane_id zoom, enum ui_pane_id focus,
			 const struct layout_want *want)
{
	struct layout_want plain = *want;
	plain.zoom = false;
	layout_compute(l, l->cols, l->rows, l->view, focus, &plain);
	l->zoomed = true;
	l->single = false;
	l->title = l->strip = (struct rect){ 0, 0, 0, 0 };
	l->sep_count = 0;
	l->body = (struct rect){ 0, 0, l->cols, l->rows - 1 };
	memset(l->shown, 0, sizeof(l->shown));
	l->pane[zoom] = l->body;
	l->shown[zoom] = true;
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
	enum ui_pane_id zoom = want && want->zoom ? layout_zoom_pane(view) : PANE_COUNT;
	if (zoom != PANE_COUNT) {
		place_zoomed(l, zoom, layout_pane_view(focus) == view ? focus : v->panes[0], want);
		return;
	}
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
		place_single(l, v, focus, want);
		return;
	}
	v->place(l, want);
	for (size_t i = 0; i < v->panes_count; i++)
		l->shown[v->panes[i]] = true;
}

static int put(char *buf, size_t size, int at, const char *name, struct rect r)
{
	if (!r.w || !r.h) /* none: no strip, or a zoomed view's title */
		return at;
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
	at = put(buf, size, at, "strip", l->strip);
	for (int p = 0; p < PANE_COUNT; p++)
		if (l->shown[p])
			at = put(buf, size, at, pane_class((enum ui_pane_id)p)->title, l->pane[p]);
	for (int i = 0; i < l->sep_count; i++)
		at = put(buf, size, at, "sep", l->sep[i]);
	at = put(buf, size, at, "status", l->status);
	return at;
}
