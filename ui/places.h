/* places.h - places in the browser: a snapshot of where the user is (struct
 * snap, ui/state.h), the back and forward history of them, marks (m and '),
 * and opening an entity where it is shown (the reader, or the book for a
 * section). */
#ifndef TEMM_PLACES_H
#define TEMM_PLACES_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "model.h"
#include "state.h"

struct app;

struct snap_stack {
	struct snap *v;
	size_t count, cap;
};

struct places {
	struct snap_stack back, forward;
};

void places_free(struct places *p);

void places_take(struct app *a, struct snap *s);
void places_restore(struct app *a, const struct snap *s);
/* Where we are goes on the back history; forward is forgotten. */
void places_push(struct app *a);
/* < and > (back: true for <). */
void places_go(struct app *a, bool back);
/* Show an entity: a section in the book, anything else in the reader (with
 * its navigator on it). push: the place before goes on the back history. */
void places_open(struct app *a, struct entity_ref ref, bool push);

/* m and ': after the key, the letter. */
void places_mark_start(struct app *a, enum ui_action what);
void places_mark_key(struct app *a, enum ui_action what, long key);

#endif
