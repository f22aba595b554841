/* panes.h - the pane classes, in the manner of tig's view_ops and htop's
 * Panel: one entry per kind of pane says what it is (its one name, used on
 * screen, in the config and in the state file; whether it is a list; the
 * kind of entity its rows stand for) and what it does (its operations).
 * The generic code (dispatch, places, search, filters, drawing) asks the
 * table instead of testing pane ids; adding a pane is one entry here plus
 * its own file. */
#ifndef TEMM_PANES_H
#define TEMM_PANES_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "model.h"

struct app;
struct pane;
struct doc;
struct search_hit;

struct pane_class {
	const char *name;      /* the one word: "areas" (config, state file) */
	const char *title;     /* the same word on screen: "Areas" */
	bool list;             /* a list of rows (else text with links) */
	enum entity_kind kind; /* what its rows stand for, KIND_COUNT: nothing */
	bool lazy;             /* built the first time it is asked for, not at start */
	bool marked;           /* shows text the search marks its matches in */
	bool after_pause;      /* its text follows the query only once typing pauses
	                        * (ui/session.c): marked then, not per key */
	bool click_opens;      /* a click on a row opens it, as Enter does (else selects) */
	bool hits;             /* the search's hits: n and N move in it */
	unsigned pages;        /* a text pane: the kinds (1 << kind) whose pages it shows */
	bool goto_here;        /* a list: --goto an entity of its kind opens it here, selected */

	/* Every operation may be NULL: nothing to do. */
	/* A text pane with `pages`: show the page of `ref`, and whether it
	 * shows it now. */
	void (*show)(struct app *a, struct entity_ref ref);
	bool (*showing)(const struct app *a, struct entity_ref ref);
	/* Its doc (a new one; the pane owns it after). */
	struct doc *(*build)(struct app *a);
	/* After its selection or scroll changed: what follows it. */
	void (*moved)(struct app *a, struct pane *p);
	/* Enter on a list's row (a text pane follows its focused link). */
	void (*open)(struct app *a, struct pane *p);
	/* [ and ]: the previous or next thing at the same level (NULL: a
	 * list moves by one item). */
	void (*sibling)(struct app *a, struct pane *p, int dir);
	/* ,: up to the parent of what it shows. */
	void (*parent)(struct app *a, struct pane *p);
	/* The pane got a new rectangle (its doc is laid out already). */
	void (*placed)(struct app *a, struct pane *p);
	/* Before a move that needs every row laid out (G, N%). */
	void (*all_rows)(struct app *a, struct pane *p);
	/* &: how many items the list has, and which of them a search hit
	 * keeps (keep[item] for item < n). Both or neither. */
	size_t (*items)(const struct app *a);
	void (*keep)(const struct app *a, const struct search_hit *h, bool *keep, size_t n);
	/* A text pane: the entity or section its text is the page of (the
	 * copy key quotes what tells of it when no paragraph shows). */
	struct entity_ref (*subject)(struct app *a, struct pane *p);
};

const struct pane_class *pane_class(enum ui_pane_id id);
/* The pane a config or state file names; -1 if none. */
int pane_class_find(const char *name, size_t len, enum ui_pane_id *out);
/* Every pane's name, indexed by pane id; *count is PANE_COUNT. */
const char *const *pane_class_names(size_t *count);
/* The list pane whose rows stand for entities of this kind, or PANE_COUNT. */
enum ui_pane_id pane_class_for_kind(enum entity_kind kind);
/* The list --goto opens an entity of this kind in, or PANE_COUNT. */
enum ui_pane_id pane_class_goto_for(enum entity_kind kind);
/* The text pane that shows the page of an entity of this kind (the reader;
 * the book for a section), or PANE_COUNT. */
enum ui_pane_id pane_class_page_for(enum entity_kind kind);

#endif
