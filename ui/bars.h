/* bars.h - the title line and the status line (hints, a message, the
 * position, the prompt of / and &) as text fitted to the width: pure, so
 * what they say at any width is tested without a terminal; ui/draw.c only
 * paints them. */
#ifndef TEMM_BARS_H
#define TEMM_BARS_H

#include <stdbool.h>

struct app;

enum bar_tone { BAR_PLAIN, BAR_DIM, BAR_BOLD };

/* A line of `cols` columns: `left` from column 0, `right` ending at the
 * last column, blanks between. Both are fitted already: a part that did
 * not fit was shortened or ends in an ellipsis, never cut inside a
 * character. */
struct bar {
	char left[1024];
	char right[512];
	int left_width, right_width;
	enum bar_tone left_tone, right_tone;
	int cursor;  /* the column the terminal cursor belongs on, -1: none */
};

/* " temm: the report's title   Home > Areas > 2) DSS Prevention " */
void bars_title(const struct app *a, struct bar *b);
/* The message, a count being typed or the hints, and the position; or,
 * while it is open, the prompt. */
void bars_status(const struct app *a, struct bar *b);
/* The strip of a screen that shows one pane at a time (layout.strip):
 * every pane of the view as "1 Stages", so the panes that do not show are
 * known, with their digits; cut to the width with an ellipsis when they
 * do not all fit, the focused one last. */
struct bar_tab {
	char text[96];
	int x, width;
	bool shown, focused;
};
struct bar_tabs {
	struct bar_tab tab[8];
	int count;
};
void bars_tabs(const struct app *a, struct bar_tabs *t);

/* The whole line as text (for tests): `left`, blanks, `right`. */
void bars_text(const struct bar *b, int cols, char *buf, int size);

#endif
