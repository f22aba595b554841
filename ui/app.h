/* app.h - the browser's shared state: the report, the settings, the panes
 * and which of them shows, the view, and one member per module for what
 * that module keeps (the prompt, the search in force, places, input). Each
 * module declares its own functions in its own header; this one holds only
 * what every module needs. Curses-free: what draws is ui/draw.c's. */
#ifndef TEMM_APP_H
#define TEMM_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "copy.h"
#include "corpus.h"
#include "dispatch.h"
#include "filter.h"
#include "history.h"
#include "layout.h"
#include "mentions.h"
#include "model.h"
#include "pages.h"
#include "pane.h"
#include "places.h"
#include "prompt.h"
#include "session.h"
#include "settings.h"
#include "state.h"

struct screen; /* ui/draw.c: the curses windows */

struct app {
	const struct report *r;
	const struct cli *cli;
	struct mentions *mentions;
	struct corpus *corpus;     /* the search index, built on first use */
	struct pages pg;
	struct ui_settings set;
	bool color, ascii;

	struct pane panes[PANE_COUNT];
	enum ui_view view, view_before_help;
	enum ui_pane_id focus[VIEW_COUNT]; /* the focused pane of each view */
	bool zoom[VIEW_COUNT];     /* the view's text pane alone (z) */
	int cols, rows;            /* the terminal's size */
	struct layout lay;         /* of `view` at cols x rows, always current */
	bool new_windows;          /* the layout changed since the last draw */
	bool repaint;              /* Ctrl-L */

	struct entity_ref reader;  /* what the home reader shows */
	struct entity_ref preview; /* what the search preview shows */
	int chrono_page;           /* ui/chrono.c: 1 + the event whose page the Timeline view shows; 0 none */

	struct places places;      /* back, forward */
	struct session find;       /* the search in force */
	struct prompt prompt;      /* / and & */
	struct filter_edit filter; /* what & is changing */
	struct input_state in;     /* a count or a mark letter being typed */
	struct history hist;       /* queries of / and &, oldest first */
	char *hist_path;           /* NULL: not kept (--no-state, --kiosk) */
	struct ui_state state;     /* the position and marks kept between runs */
	char *state_path;          /* NULL: not kept */

	char message[512];         /* shown on the status line until the next key */
	bool mouse;                /* the mouse is reported */
	bool mouse_wanted;         /* the setting, then the mouse key: it is to be reported */
	enum mouse_ask { MOUSE_ASKED, MOUSE_ASK_AT_START, MOUSE_ASK_FOR_KEY } mouse_ask;
	                           /* whether mouse_wanted is still to be asked of the
	                            * terminal (for the key: a refusal is said) */
	struct copy_state copy;    /* what the copy key copied, until the terminal has it */
	FILE *term_out;            /* the terminal's output (OSC 52 goes there); NULL: none */
	struct screen *screen;     /* NULL until drawn on a terminal */
	/* what ends a long search early (a key typed, a stop signal): set by
	 * the terminal's side (ui/ui.c); NULL: searches run to their end */
	const struct search_stop *stop;
	/* the last save that failed (history, position, marks), or a state
	 * file left alone: kept until app_save_problem_seen (ui/persist.c) */
	char save_problem[600];
	bool save_shown;           /* it was on the screen: the next key has seen it */
	char save_last[600];       /* the session's last failed save, said again at the end */
	bool state_left_alone;     /* the state file was not read: never replaced */
	bool quit;
};

/* Set up the browser's state for a report: settings from the config (or
 * none, per cli), the panes, the history and the state kept from the last
 * run, for a cols x rows screen. NULL on out of memory. */
struct app *app_new(const struct report *r, const struct cli *cli, int cols, int rows);
void app_free(struct app *a);

/* A pane; a lazy pane's text is built the first time it is asked for. */
struct pane *app_pane(struct app *a, enum ui_pane_id id);
/* Whether the pane's text is there (without building it). */
bool app_pane_built(const struct app *a, enum ui_pane_id id);
struct pane *app_focused(struct app *a);
enum ui_pane_id app_focus_id(const struct app *a);
/* The search index, built on first use; NULL when out of memory. */
struct corpus *app_corpus(struct app *a);
void app_say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Switch view or focus. The layout is computed at once, so every pane of
 * the view has its real size before anything is built or scrolled in it. */
void app_set_view(struct app *a, enum ui_view v);
void app_set_focus(struct app *a, enum ui_pane_id id);
/* The view's text pane alone, full width, or the view as it was. Focusing
 * another pane ends a zoom, as in tmux. */
void app_set_zoom(struct app *a, bool on);
/* What the panes want changed (a list grew or shrank): place them again. */
void app_relayout(struct app *a);
/* The terminal has a new size. */
void app_resize(struct app *a, int cols, int rows);
/* After its selection or scroll changed: what follows it (its class's
 * `moved`). */
void app_moved(struct app *a, enum ui_pane_id id);
/* After a batch of keys, before drawing: the query typed runs, the
 * search's marks are brought up to date in the panes that show. */
void app_settle(struct app *a);
/* How long the keyboard must stay quiet before app_paused is due, in
 * milliseconds; 0: nothing waits for a pause (the loop then waits for a
 * key without a timeout, costing no CPU while idle). */
int app_pause_ms(const struct app *a);
/* The keyboard stayed quiet that long: what waited for it (the search
 * preview, ui/session.c). */
void app_paused(struct app *a);
/* Give a pane a new doc, as a text pane the search marks (nothing marked
 * in it yet). */
void app_set_text_doc(struct app *a, enum ui_pane_id id, struct doc *d);

#endif
