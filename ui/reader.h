/* reader.h - the home view's reader: the page of the stage, area, event or
 * other entity selected or opened. */
#ifndef TEMM_READER_H
#define TEMM_READER_H

#include <stdbool.h>

#include "model.h"

struct app;
struct pages;
struct pane;

/* The reader shows the page of `ref` (nothing if it shows it already or
 * `ref` is not an entity of the report). */
void reader_show(struct app *a, struct entity_ref ref);
/* Show `ref`'s page at its top (the pane op `show`), and whether the
 * reader shows it (`showing`). */
void reader_open(struct app *a, struct entity_ref ref);
bool reader_showing(const struct app *a, struct entity_ref ref);
/* A title for a page: "Area 2) DSS Prevention"; caller frees. */
char *reader_title(const struct pages *pg, struct entity_ref ref);
/* [ and ]: the entity of the same kind before or after. */
void reader_sibling(struct app *a, struct pane *p, int dir);
/* ,: the parent of what the reader shows (a home pane's op). */
void reader_parent(struct app *a, struct pane *p);
struct entity_ref reader_subject(struct app *a, struct pane *p);

#endif
