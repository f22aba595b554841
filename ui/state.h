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

/* A state file temm writes is a few KiB; a bigger one is not temm's. */
#define STATE_MAX_BYTES (256u << 10)

/* Marks a-z and A-Z, as in less. */
#define STATE_MARKS 52

struct ui_state {
	bool have_position;
	struct snap position;           /* where the last run left off */
	bool have_mark[STATE_MARKS];
	struct snap marks[STATE_MARKS];
	/* what this session set, which wins over the file when they are
	 * merged (state_merge); what it did not set comes from the file */
	bool position_set, mark_set[STATE_MARKS];
};

/* The slot of a mark letter, or -1 if `key` is not a letter. */
int state_mark_slot(long key);

/* The state as the file holds it; NULL on out of memory (caller frees).
 * Only the home and report views are kept: a search's results are not. */
char *state_format(const struct ui_state *s, const struct report *r);
/* Read the file's text into s (cleared first). A file that is not a temm
 * state file, or is damaged, leaves s empty and returns 1 with `warn`
 * saying why; one written for other content (the content in the same
 * place has changed since), 2; 0 when read. */
int state_parse(struct ui_state *s, const char *text, const struct report *r, char *warn,
		size_t warnlen);
enum { STATE_FOREIGN = 1, STATE_OTHER_CONTENT = 2 };
/* Before a save, what another session wrote since: every mark and the
 * position that this session did not set are taken from `file`. */
void state_merge(struct ui_state *mine, const struct ui_state *file);

#endif
