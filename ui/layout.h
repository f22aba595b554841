/* layout.h - where each pane goes for a terminal size: pure geometry,
 * curses-free, so every size can be tested without a terminal. The views
 * and the panes of each are declared here once, as tables. */
#ifndef TEMM_LAYOUT_H
#define TEMM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* Below this the browser only says the terminal is too small. */
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 6
/* Below this width (or a body too short for the navigators) one pane is
 * shown at a time: the focused one, with the panes that stand above and
 * below it in the wide layout when there is room (see layout_compute). */
#define LAYOUT_SPLIT_COLS 80
/* Below this width a view read through (the report) starts zoomed. */
#define LAYOUT_READ_COLS 100

enum ui_view { VIEW_HOME, VIEW_REPORT, VIEW_SEARCH, VIEW_HELP, VIEW_OVERVIEW, VIEW_TIMELINE, VIEW_COUNT };

/* P(ID, name, title): every pane, with its one name (the config and the
 * state file use `name`, the screen the same word as `title`). What each
 * pane is and does is the pane table's (ui/panes.c), indexed by these. */
#define UI_PANES(P) \
	P(STAGES, "stages", "Stages")       /* home */ \
	P(AREAS, "areas", "Areas") \
	P(TIMELINE, "timeline", "Timeline") \
	P(READER, "reader", "Reader") \
	P(OUTLINE, "contents", "Contents")  /* report */ \
	P(BOOK, "report", "Report") \
	P(RESULTS, "results", "Results")    /* search */ \
	P(PREVIEW, "preview", "Preview") \
	P(OVERVIEW, "overview", "Overview") /* overview */ \
	P(EVENTS, "events", "Events")       /* timeline */ \
	P(EVENT, "event", "Event") \
	P(HELP, "help", "Help")             /* help */

enum ui_pane_id {
#define UI_PANE_ENUM(id, name, title) PANE_##id,
	UI_PANES(UI_PANE_ENUM)
#undef UI_PANE_ENUM
	PANE_COUNT
};

struct rect {
	int x, y, w, h;
};

/* What a view's panes ask of the layout: the rows a list would like (its
 * header included; 0: as many as there are). */
struct layout_want {
	int rows[PANE_COUNT];
	bool zoom; /* the view's text pane alone, as wide and tall as the screen */
};

struct layout {
	int cols, rows;
	enum ui_view view;
	bool too_small; /* only the notice is drawn */
	bool single;    /* one pane at a time: the focused one */
	bool zoomed;    /* the text pane alone, with no title line and no header */
	struct rect title, status, body;
	/* In single mode, when some pane of the view does not show: a row
	 * above the body naming every pane with its digit (h 0: none). */
	struct rect strip;
	/* Every pane of the view has a rectangle (in single mode each has the
	 * body, so text is laid out for the width it will show at); only the
	 * shown ones are drawn. A pane's first row is its header. */
	struct rect pane[PANE_COUNT];
	bool shown[PANE_COUNT];
	struct rect sep[2];           /* vertical separators */
	int sep_count;
};

/* A view: its name on screen and its panes in focus order (what the pane
 * digits and Tab go through). */
struct view_class {
	const char *name;   /* on screen: "Home" */
	const char *key;    /* in the state file: "home" */
	const enum ui_pane_id *panes;
	size_t panes_count;
	/* place the panes when there is room for all of them */
	void (*place)(struct layout *l, const struct layout_want *want);
	int min_rows;    /* body rows the split layout needs */
	bool kept;       /* a place in this view is worth keeping (state file, marks) */
};

const struct view_class *layout_view(enum ui_view view);
/* The view a pane belongs to. */
enum ui_view layout_pane_view(enum ui_pane_id pane);
/* The pane's 1-based position in its view (its digit), 0 if none. */
int layout_pane_number(enum ui_pane_id pane);
/* The pane a zoom shows: the view's text pane that shows pages (the
 * reader, the book); PANE_COUNT when the view has none. */
enum ui_pane_id layout_zoom_pane(enum ui_view view);
/* Whether the view starts zoomed in a window this wide. */
bool layout_starts_zoomed(enum ui_view view, int cols);

/* Place the panes of `view` on a cols x rows screen; `focus` is the pane
 * shown when there is room for only one. `want` may be NULL.
 *
 * Zoomed (want->zoom, in a view with a text pane), that pane has every row
 * but the status line, and no header: as many lines of text as less shows.
 * In single mode the focused pane shows with the panes of its column in
 * the wide layout (the navigators stacked, the results over the preview),
 * as the wide layout places them when the body is tall enough, else from
 * the focused one down, each with the rows it wants and the last with the
 * rest; the strip then names the panes that do not show. */
void layout_compute(struct layout *l, int cols, int rows, enum ui_view view, enum ui_pane_id focus,
		    const struct layout_want *want);

/* The layout as text, one "<name x,y wxh>" per shown rectangle, in a fixed
 * order; for tests and debugging. Returns what snprintf would. */
int layout_format(const struct layout *l, char *buf, size_t size);

#endif
