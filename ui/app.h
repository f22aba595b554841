/* app.h - the browser's one state struct, shared by the loop (ui.c), the
 * views and panes (view.c), search and filters (finder.c) and the drawing
 * (draw.c). Nothing outside ui/ sees it. */
#ifndef TEMM_APP_H
#define TEMM_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "cli.h"
#include "corpus.h"
#include "history.h"
#include "keys.h"
#include "layout.h"
#include "mentions.h"
#include "model.h"
#include "pages.h"
#include "pane.h"
#include "query.h"
#include "search.h"
#include "settings.h"
#include "state.h"

/* Back and forward: places to return to. */
struct snap_stack {
	struct snap *v;
	size_t count, cap;
};

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_FILTER };

/* The prompt of / and &, on the status line. */
struct prompt {
	enum prompt_kind kind;
	char buf[256];
	size_t len;
	bool regex;               /* Ctrl-R: the query is read as /buf/ */
	bool stale;               /* typed since the last search */
	long hist;                /* the history entry shown, -1: what was typed */
	char typed[256];          /* what was typed before walking the history */
	bool typed_regex;
	char error[256];          /* the parser's message for the query, or "" */
	enum ui_pane_id pane;     /* &: the pane being filtered */
	int shown, total;         /* &: its items that show, and all */
	char *filter_before;      /* &: its filter before, put back on Esc */
	struct pane_anchor sel_before; /* &: and its selection */
};

/* Where the match n and N went to is drawn, so it can be moved. */
struct match_loc {
	enum ui_pane_id pane;     /* PANE_COUNT: none */
	int block;
	size_t start, len;
};

/* The search in force: its results, its parsed query (to mark matches in
 * whatever shows text) and where n and N are. */
struct finder {
	struct search_results results;
	bool have;                /* results hold a search */
	char text[300];           /* the query as run (regex mode adds /../) */
	struct query q;           /* parsed, for marks */
	bool q_ok;
	unsigned gen;             /* new for every search: what the panes marked */
	bool marking;             /* matches are marked */
	int hit;                  /* the hit n and N are on, -1: none */
	size_t match;             /* and its match */
	struct match_loc cur;
	bool scroll_pending;      /* cur is in a pane not laid out yet */
	bool session;             /* from '/' until Esc: Esc goes back to origin */
	struct snap origin;       /* the screen '/' was pressed on */
	size_t rows;              /* hits laid out in the results pane */
};

struct app {
	const struct report *r;
	const struct cli *cli;
	struct mentions *mentions;
	struct corpus *corpus;
	struct pages pg;
	struct ui_settings set;

	struct pane panes[PANE_COUNT];
	unsigned marked[PANE_COUNT]; /* the finder gen a pane's doc is marked for, 0: none */
	enum ui_view view, view_before_help;
	enum ui_pane_id focus[VIEW_COUNT]; /* the focused pane of each view */
	struct layout lay;
	enum ui_view laid_out;     /* the view the panes were last placed for */
	bool relayout;   /* size or view changed: new windows */
	bool repaint;    /* Ctrl-L */

	struct entity_ref reader;  /* what the home reader shows */
	struct entity_ref preview; /* what the search preview shows */

	struct snap_stack back, forward;

	struct finder find;
	struct prompt prompt;
	struct history hist;       /* queries of / and &, oldest first */
	char *hist_path;           /* NULL: not kept (--no-state, --kiosk) */

	struct ui_state state;     /* the position and marks kept between runs */
	char *state_path;          /* NULL: not kept */
	enum ui_action pending;    /* m or ' waiting for its letter, or ACT_NONE */

	long count;                /* a count being typed, 0 none */
	bool have_count;
	bool count_undo;           /* the count's first digit jumped to a pane ... */
	enum ui_pane_id count_from; /* ... from this one */

	char message[512];         /* shown on the status line until the next key */
	/* the last save that failed (history, position, marks), or a state
	 * file left alone: kept until app_save_problem_seen */
	char save_problem[600];
	bool state_left_alone;     /* the state file was not read: never replaced */

	bool color, ascii, mouse, italic;
	void *wtitle, *wstatus, *wsep[2], *wsmall; /* curses windows */
	bool quit;
};

/* view.c: panes, views and places */
/* A pane; the book's and the help's text is built on first use. */
struct pane *app_pane(struct app *a, enum ui_pane_id id);
/* Whether the pane's text is there (without building it). */
bool app_pane_built(const struct app *a, enum ui_pane_id id);
/* The search index, built on first use; NULL when out of memory. */
struct corpus *app_corpus(struct app *a);
struct pane *app_focused(struct app *a);
void app_say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* ui.c: a save that failed is told, and kept until seen */
void app_save_failed(struct app *a, const char *what);
/* The message of the last failed save not yet seen, or NULL: for a
 * display that keeps it on screen until the user has seen it. */
const char *app_save_problem(const struct app *a);
void app_save_problem_seen(struct app *a);
void app_set_reader(struct app *a, struct entity_ref ref);
/* After the selection or scroll of a pane changed: what follows it. */
void app_moved(struct app *a, enum ui_pane_id id);
void app_set_focus(struct app *a, enum ui_pane_id id);
void app_set_view(struct app *a, enum ui_view v);
void app_update_axis(struct app *a);
void app_book_title(struct app *a);
int app_book_section(struct app *a);
void app_book_goto_section(struct app *a, int section);
void app_snap_take(struct app *a, struct snap *s);
void app_snap_restore(struct app *a, const struct snap *s);
void app_history_push(struct app *a);
void app_history_go(struct app *a, bool back);
void app_open_ref(struct app *a, struct entity_ref ref, bool push);
void app_pane_jump(struct app *a, int n);
void app_focus_step(struct app *a, int dir);
void app_pane_side(struct app *a, int dir);
void app_go_parent(struct app *a);
void app_go_sibling(struct app *a, int dir);
void app_where(struct app *a);
/* Bring the marks of the search up to date in the panes on screen. */
void app_sync_marks(struct app *a);
/* Mark or unmark the search's matches in one pane's doc now. */
void app_mark_pane(struct app *a, enum ui_pane_id id);
/* A title for the reader: "Area 2) DSS Prevention"; caller frees. */
char *app_reader_title(const struct report *r, struct entity_ref ref);

/* finder.c: the prompt, search, n and N, filters */
void finder_open(struct app *a, enum prompt_kind kind);
/* A key while the prompt is open. */
void finder_key(struct app *a, long key);
/* Run what was typed: once per batch of keys, not per key. */
void finder_flush(struct app *a);
void finder_step(struct app *a, int dir);      /* n, N */
void finder_open_hit(struct app *a, int hit, size_t match, bool push);
/* Esc outside the prompt: a filter, then the search. True if it did. */
bool finder_cancel(struct app *a);
/* What the prompt line says right of the query: hits, a message. */
void finder_prompt_info(const struct app *a, char *buf, size_t n);
/* After the panes were placed: snippets for a new width of the results,
 * and a match opened in a pane that had no size yet scrolled to. */
void finder_relayout(struct app *a);
/* The results pane lays out its first rows, and more as the selection
 * comes near their end; _all lays out every hit (before G, N%, a filter). */
void finder_rows_follow(struct app *a);
void finder_rows_all(struct app *a);
void finder_free(struct app *a);

/* draw.c */
void draw_init(struct app *a);
void draw_screen(struct app *a);
void draw_free(struct app *a);
/* The pane under a screen position, or PANE_COUNT. */
enum ui_pane_id draw_pane_at(const struct app *a, int y, int x);

#endif
