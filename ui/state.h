/* state.h - places in the browser: a snapshot of where the user is (for
 * back/forward, the screen before a search, marks, and the position kept
 * between runs), and the state file that keeps the last position and the
 * marks under $XDG_STATE_HOME/temm/. Curses-free: the text form is tested
 * without a terminal. */
#ifndef TEMM_STATE_H
#define TEMM_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "model.h"
#include "pane.h"

/* Where the user is: enough to put every pane back. */
struct snap {
	enum ui_view view;
	enum ui_pane_id focus[VIEW_COUNT];
	struct entity_ref reader;
	struct pane_anchor anchors[PANE_COUNT];
};

/* Marks a-z and A-Z, as in less. */
#define STATE_MARKS 52

struct ui_state {
	bool have_position;
	struct snap position;           /* where the last run left off */
	bool have_mark[STATE_MARKS];
	struct snap marks[STATE_MARKS];
};

/* The slot of a mark letter, or -1 if `key` is not a letter. */
int state_mark_slot(long key);

/* The state as the file holds it; NULL on out of memory (caller frees).
 * Only the home and report views are kept: a search's results are not. */
char *state_format(const struct ui_state *s, const struct report *r);
/* Read the file's text into s (cleared first). A file that is not a temm
 * state file, or that was written for other content, leaves s empty and
 * returns 1 with `warn` saying why; 0 when read. */
int state_parse(struct ui_state *s, const char *text, const struct report *r, char *warn,
		size_t warnlen);

#endif
