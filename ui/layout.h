/* layout.h - where each pane goes for a terminal size: pure geometry,
 * curses-free, so every size can be tested without a terminal. */
#ifndef TEMM_LAYOUT_H
#define TEMM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* Below this the browser only says the terminal is too small. */
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 6
/* Below this width (or a body too short for the three navigators) one pane
 * is shown at a time. */
#define LAYOUT_SPLIT_COLS 80

enum ui_view { VIEW_HOME, VIEW_REPORT, VIEW_SEARCH, VIEW_HELP, VIEW_COUNT };

enum ui_pane_id {
	PANE_STAGES, PANE_AREAS, PANE_TIMELINE, PANE_READER, /* home */
	PANE_OUTLINE, PANE_BOOK,                             /* report */
	PANE_RESULTS, PANE_PREVIEW,                          /* search */
	PANE_HELP,                                           /* help */
	PANE_COUNT
};

struct rect {
	int x, y, w, h;
};

struct layout {
	int cols, rows;
	bool too_small; /* only the notice is drawn */
	bool single;    /* one pane at a time: the focused one */
	struct rect title, status, body;
	struct rect pane[PANE_COUNT]; /* w == 0: not shown; a pane's first row is its header */
	struct rect sep[2];           /* vertical separators */
	int sep_count;
};

/* The panes of a view, in focus order (what 1-4 and Tab go through). */
size_t layout_view_panes(enum ui_view view, const enum ui_pane_id **panes);
/* The view a pane belongs to. */
enum ui_view layout_pane_view(enum ui_pane_id pane);
const char *layout_pane_name(enum ui_pane_id pane);

/* Place the panes of `view` on a cols x rows screen; `focus` is the pane
 * shown when there is room for only one. */
void layout_compute(struct layout *l, int cols, int rows, enum ui_view view, enum ui_pane_id focus);

/* The layout as text, one "<name x,y wxh>" per shown rectangle, in a fixed
 * order; for tests and debugging. Returns what snprintf would. */
int layout_format(const struct layout *l, char *buf, size_t size);

#endif
