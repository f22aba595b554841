/* layout.c - pane geometry. Home puts the three navigators in a column on
 * the left and the reader on the right; report view the outline beside the
 * book; search the results above a preview. */
#include "layout.h"

#include <stdio.h>
#include <string.h>

static const enum ui_pane_id home_panes[] = { PANE_STAGES, PANE_AREAS, PANE_TIMELINE, PANE_READER };
static const enum ui_pane_id report_panes[] = { PANE_OUTLINE, PANE_BOOK };
static const enum ui_pane_id search_panes[] = { PANE_RESULTS, PANE_PREVIEW };
static const enum ui_pane_id help_panes[] = { PANE_HELP };

size_t layout_view_panes(enum ui_view view, const enum ui_pane_id **panes)
{
	switch (view) {
	case VIEW_HOME: *panes = home_panes; return 4;
	case VIEW_REPORT: *panes = report_panes; return 2;
	case VIEW_SEARCH: *panes = search_panes; return 2;
	case VIEW_HELP:
	case VIEW_COUNT: break;
	}
	*panes = help_panes;
	return 1;
}

enum ui_view layout_pane_view(enum ui_pane_id pane)
{
	switch (pane) {
	case PANE_STAGES: case PANE_AREAS: case PANE_TIMELINE: case PANE_READER: return VIEW_HOME;
	case PANE_OUTLINE: case PANE_BOOK: return VIEW_REPORT;
	case PANE_RESULTS: case PANE_PREVIEW: return VIEW_SEARCH;
	case PANE_HELP: case PANE_COUNT: break;
	}
	return VIEW_HELP;
}

const char *layout_pane_name(enum ui_pane_id pane)
{
	static const char *const names[PANE_COUNT] = {
		"Stages", "Priority areas", "Timeline", "Reader", "Contents", "Report",
		"Results", "Preview", "Help",
	};
	return pane < PANE_COUNT ? names[pane] : "?";
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Rows the navigators want: a header plus their items; the timeline adds
 * its axis line and takes what is left. */
enum { STAGES_H = 1 + 3, AREAS_H = 1 + 10, TIMELINE_MIN_H = 1 + 1 + 2, AREAS_MIN_H = 1 + 3 };

static void home(struct layout *l)
{
	const struct rect b = l->body;
	int left = clamp(l->cols * 2 / 5, 34, 64);
	int x2 = left + 1; /* one column for the separator */
	int areas = clamp(b.h - STAGES_H - TIMELINE_MIN_H, AREAS_MIN_H, AREAS_H);
	l->pane[PANE_STAGES] = (struct rect){ 0, b.y, left, STAGES_H };
	l->pane[PANE_AREAS] = (struct rect){ 0, b.y + STAGES_H, left, areas };
	l->pane[PANE_TIMELINE] = (struct rect){ 0, b.y + STAGES_H + areas, left, b.h - STAGES_H - areas };
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

void layout_compute(struct layout *l, int cols, int rows, enum ui_view view, enum ui_pane_id focus)
{
	memset(l, 0, sizeof(*l));
	l->cols = cols;
	l->rows = rows;
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		l->too_small = true;
		return;
	}
	l->title = (struct rect){ 0, 0, cols, 1 };
	l->status = (struct rect){ 0, rows - 1, cols, 1 };
	l->body = (struct rect){ 0, 1, cols, rows - 2 };
	int need_h = view == VIEW_HOME ? STAGES_H + AREAS_MIN_H + TIMELINE_MIN_H : 6;
	l->single = view != VIEW_HELP && (cols < LAYOUT_SPLIT_COLS || l->body.h < need_h);
	if (l->single || view == VIEW_HELP) {
		if (layout_pane_view(focus) != view) {
			const enum ui_pane_id *p;
			layout_view_panes(view, &p);
			focus = p[0];
		}
		l->pane[focus] = l->body;
		return;
	}
	switch (view) {
	case VIEW_HOME:
		home(l);
		break;
	case VIEW_REPORT:
		side_by_side(l, PANE_OUTLINE, PANE_BOOK, clamp(cols / 3, 24, 44));
		break;
	case VIEW_SEARCH: {
		/* results above the preview: result rows are long, the preview
		 * reads best at full width; while typing, the hits matter most */
		int h = clamp(l->body.h * 2 / 5, 5, 16);
		l->pane[PANE_RESULTS] = (struct rect){ 0, 1, cols, h };
		l->pane[PANE_PREVIEW] = (struct rect){ 0, 1 + h, cols, l->body.h - h };
		break;
	}
	case VIEW_HELP:
	case VIEW_COUNT:
		break;
	}
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
		if (l->pane[p].w > 0)
			at = put(buf, size, at, layout_pane_name((enum ui_pane_id)p), l->pane[p]);
	for (int i = 0; i < l->sep_count; i++)
		at = put(buf, size, at, "sep", l->sep[i]);
	at = put(buf, size, at, "status", l->status);
	return at;
}
