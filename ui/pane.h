/* pane.h - the one pane abstraction: every navigator, the reader, the
 * book, the outline, search results and help are a pane over a doc, either
 * a list (a selected row) or text (a scroll position and a focused link).
 * What a pane is and does beyond that is its class's (ui/panes.h).
 * Movement is written once here; it is pure so tests can drive it. */
#ifndef TEMM_PANE_H
#define TEMM_PANE_H

#include <stdbool.h>

#include "doc.h"
#include "layout.h"

struct pane {
	enum ui_pane_id id;
	struct doc *doc;  /* owned */
	struct doc *head; /* owned, may be NULL: lines fixed under the header */
	char *title;      /* owned, may be NULL: what the header says after the name */
	char *filter;     /* owned, may be NULL: the query a list is filtered by */
	bool list;
	size_t unlaid;    /* list: items after the doc's, not laid out yet (counted in the position) */
	int top;          /* first line shown */
	int cur;          /* list: the selected line, -1 none */
	int link;         /* text: the focused link, -1 none */
	struct rect r;    /* the header row included, unless bare */
	bool bare;        /* no header row: a zoomed pane */
	struct rect told; /* the rectangle its class was last told of (ui/app.c) */
	/* The text position the top line was last put on, kept while it is
	 * still the top, so re-laying out (a restored place, then the real
	 * size; resizes back and forth) never drifts by a line. */
	struct { int block; size_t off; int top; } keep;
	int wrap_cap;     /* text: lines no longer than this (0: the width) */
	bool dirty;
};

void pane_init(struct pane *p, enum ui_pane_id id, bool list);
void pane_free(struct pane *p);

/* Lines of doc that fit under the header and head. */
int pane_rows(const struct pane *p);
/* Rows above the first line of doc: the header (unless bare) and head. */
int pane_text_y(const struct pane *p);
/* Width the doc is laid out to; 0 while the pane has no rectangle. */
int pane_cols(const struct pane *p);

/* Replace the doc; the view goes to the top (a list selects its first
 * selectable row). */
void pane_set_doc(struct pane *p, struct doc *d);
void pane_set_head(struct pane *p, struct doc *d);
void pane_set_title(struct pane *p, const char *title);
/* A list shows only the rows whose item `keep` marks (keep[item], item <
 * n); a row standing for no item (a band heading) stays while a row under
 * it does. keep NULL shows every row again. `label` is what the header
 * shows while the filter is on. The selection stays when its row does.
 * Returns how many items show. */
int pane_filter(struct pane *p, const bool *keep, size_t n, const char *label);
/* The pane gets a rectangle (the header row included). Its doc is laid
 * out for it by pane_fit, which keeps the first line shown and the
 * selection on the same text; a pane not on screen waits until it is
 * needed. */
void pane_place(struct pane *p, struct rect r);
void pane_fit(struct pane *p);
/* Whether the doc is laid out for the pane's width. */
bool pane_fitted(const struct pane *p);

/* Movement. Each returns true when something changed. */
bool pane_move(struct pane *p, int delta);       /* lines (text) or items (list) */
bool pane_page(struct pane *p, int delta_rows);  /* by rows of the screen */
bool pane_goto_line(struct pane *p, long line);  /* 0-based line (text) or item (list); -1: last */
bool pane_goto_percent(struct pane *p, long percent);
bool pane_select_item(struct pane *p, int item); /* the row whose block.item is `item` */
bool pane_select_line(struct pane *p, int line); /* the selectable row nearest to `line` */
bool pane_scroll_to_line(struct pane *p, int line, int context); /* show `line` with context above */
/* Focus the next/previous link (dir +1/-1), scrolling to it; false when
 * there is none that way. */
bool pane_link_step(struct pane *p, int dir);

/* Whether a line belongs to the selected row of a list (a row may wrap). */
bool pane_row_selected(const struct pane *p, int line);
/* The selected row's item (list), or -1. */
int pane_item(const struct pane *p);
/* "3/10" for a list (selectable rows), "42%" or "All"/"Top" for text. */
void pane_position(const struct pane *p, char *buf, size_t n);
/* The screen row (inside the pane) the terminal cursor belongs on. */
int pane_cursor_row(const struct pane *p);

/* Anchors: a place in the doc that survives re-layout. */
struct pane_anchor {
	int block;
	size_t off;
	int link, cur_item, cur_line;
};
void pane_anchor_get(const struct pane *p, struct pane_anchor *a);
void pane_anchor_set(struct pane *p, const struct pane_anchor *a);

#endif
