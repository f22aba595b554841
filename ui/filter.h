/* filter.h - &: a list shows only the rows a query keeps (as you type),
 * with what the list had before put back on Esc. Which rows a search hit
 * keeps is the list's class's to say (pane_class.keep). */
#ifndef TEMM_FILTER_H
#define TEMM_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "pane.h"

struct app;
struct prompt_ops;

/* What & is changing, while its prompt is open. */
struct filter_edit {
	enum ui_pane_id pane;     /* the list being filtered */
	int shown, total;         /* its items that show, and all */
	char *before;             /* its filter before (NULL: none), put back on Esc */
	struct pane_anchor sel_before; /* and its selection */
};

extern const struct prompt_ops filter_prompt;

/* &: open the prompt on the focused list (or say what & is for). */
void filter_begin(struct app *a);
/* Filter list `id` by `text` ("": none). 0, or -1 on a bad query with
 * the parser's message in err. The selection is not followed: callers
 * that want the reader to follow use filter_apply. */
int filter_set(struct app *a, enum ui_pane_id id, const char *text, char *err, size_t errlen);
int filter_apply(struct app *a, enum ui_pane_id id, const char *text, char *err, size_t errlen);
/* Esc outside the prompt: the focused list's filter goes. True if it had one. */
bool filter_clear_focused(struct app *a);
void filter_edit_free(struct filter_edit *f);

#endif
