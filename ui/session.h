/* session.h - the search in force: its results, its parsed query (to mark
 * matches in whatever pane shows text), the match n and N went to, and the
 * screen '/' was pressed on (Esc goes back to it). */
#ifndef TEMM_SESSION_H
#define TEMM_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "query.h"
#include "search.h"
#include "search_rows.h"
#include "state.h"

struct app;
struct prompt_ops;

/* Where the match n and N went to is drawn, so it can be moved. */
struct match_loc {
	enum ui_pane_id pane;     /* PANE_COUNT: none */
	int block;
	size_t start, len;
};

struct session {
	struct search_results results;
	struct search_rows list;  /* the rows the results list shows (quoted hits folded) */
	bool have;                /* results hold a search */
	char text[300];           /* the query as run (regex mode adds /../) */
	struct query q;           /* parsed, for marks */
	bool q_ok;
	unsigned gen;             /* new for every search: what the panes marked */
	bool marking;             /* matches are marked */
	int hit;                  /* the row n and N are on, -1: none */
	size_t match;             /* and its match */
	struct match_loc cur;
	bool active;              /* from '/' until Esc: Esc goes back to origin */
	struct snap origin;       /* the screen '/' was pressed on */
	size_t rows;              /* hits laid out in the results pane */
	bool preview_later;       /* typing: the preview waits until it pauses */
	unsigned marked[PANE_COUNT]; /* the gen a pane's doc is marked for, 0: none */
	int *told[KIND_COUNT];    /* per entity, the section that tells of it (-2: not known yet) */
};

/* The prompt of /. */
extern const struct prompt_ops session_prompt;

void session_init(struct session *s);
void session_free(struct app *a);
/* '/': the prompt opens, and the screen it opened on is kept. */
void session_begin(struct app *a);
/* A pane got a new doc: nothing is marked in it yet. */
void session_pane_replaced(struct app *a, enum ui_pane_id id);
/* Mark or unmark the search's matches in one pane's doc now. */
void session_mark_pane(struct app *a, enum ui_pane_id id);
/* ... in the panes of the view that show text. */
void session_sync_marks(struct app *a);
/* The rows of the results list (0 with no search), and row i's own hit
 * with its matches. */
size_t session_rows(const struct app *a);
const struct search_hit *session_row(struct app *a, size_t i);
/* The section where row i's passage is: a paragraph's or a heading's own;
 * for an entity's hit, the section that tells the most of the entity;
 * -1 when the report tells of it nowhere (its card is then the passage). */
int session_passage(struct app *a, size_t i);
/* Open row i's passage in the book, on its match k, every match marked
 * (push: to the back history). */
void session_open_hit(struct app *a, int i, size_t k, bool push);
/* c: the card (the reader's page) of the entity the current hit is about,
 * or the first one its passage names. */
void session_card(struct app *a);
/* n (+1) and N (-1). */
void session_step(struct app *a, int dir);
/* Esc outside the prompt: leave the search (back to where '/' was
 * pressed), else switch the marks off. True if it did something. */
bool session_cancel(struct app *a);
/* Whether n and N have somewhere to go, the search having been left. */
bool session_walking(const struct app *a);
/* Milliseconds of quiet after which what waits for typing to pause is
 * due (session_paused), or 0 when nothing waits. */
int session_pause_ms(const struct app *a);
/* Typing paused (or the prompt closed): the preview of the selected hit,
 * which each key of the prompt left out - a preview per letter costs
 * the terminal more than the list, and is read only once typing stops. */
void session_paused(struct app *a);

#endif
