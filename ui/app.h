/* app.h - the browser's one state struct, shared by the loop (ui.c) and
 * the drawing (draw.c). Nothing outside ui/ sees it. */
#ifndef TEMM_APP_H
#define TEMM_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "cli.h"
#include "corpus.h"
#include "layout.h"
#include "mentions.h"
#include "model.h"
#include "pages.h"
#include "pane.h"
#include "search.h"

/* Where the user is, for back/forward: enough to put every pane back. */
struct snap {
	enum ui_view view;
	enum ui_pane_id focus[VIEW_COUNT];
	struct entity_ref reader;
	struct pane_anchor anchors[PANE_COUNT];
};

struct history {
	struct snap *v;
	size_t count, cap;
};

struct keymap_entry {
	long key; /* a character, or KEY_* + UI_KEYCODE */
	enum ui_action action;
};

/* Curses key codes are offset so they never collide with characters. */
#define UI_KEYCODE 0x200000L

struct app {
	const struct report *r;
	const struct cli *cli;
	struct mentions *mentions;
	struct corpus *corpus;
	struct pages pg;

	struct pane panes[PANE_COUNT];
	enum ui_view view, view_before_help;
	enum ui_pane_id focus[VIEW_COUNT]; /* the focused pane of each view */
	struct layout lay;
	bool relayout;   /* size or view changed: new windows */
	bool repaint;    /* Ctrl-L */

	struct entity_ref reader;  /* what the home reader shows */
	struct entity_ref preview; /* what the search preview shows */
	char *book_highlight;      /* the query the book was built with */

	struct history back, forward;

	struct search_results results;
	bool have_results;
	int hit;                   /* the hit n/N opened last */
	char *highlight;           /* the query to mark in text, or NULL */
	struct snap search_origin; /* where '/' was pressed, for Esc */

	long count;                /* a count being typed, 0 none */
	bool have_count;
	bool count_undo;           /* the count's first digit jumped to a pane ... */
	enum ui_pane_id count_from; /* ... from this one */

	bool prompt;               /* the search prompt is open */
	char prompt_buf[256];
	size_t prompt_len;

	char message[512];         /* shown on the status line until the next key */

	struct keymap_entry keys[96];
	size_t keys_count;

	bool color, ascii, mouse, italic;
	void *wtitle, *wstatus, *wsep[2], *wsmall; /* curses windows */
	bool quit;
};

/* draw.c */
void draw_init(struct app *a);
void draw_screen(struct app *a);
void draw_free(struct app *a);
/* The pane under a screen position, or PANE_COUNT. */
enum ui_pane_id draw_pane_at(const struct app *a, int y, int x);

#endif
