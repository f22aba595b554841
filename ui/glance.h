/* glance.h - the Overview view: the report at a glance (src/overview.h,
 * the picture `temm overview` prints) in a text pane, every cell, bar and
 * name a link that Enter follows to its page. */
#ifndef TEMM_GLANCE_H
#define TEMM_GLANCE_H

#include "actions.h"

struct app;
struct doc;
struct pane;
struct pages;

/* The overview laid out for `width` columns, one line a block (for tests). */
struct doc *page_overview(const struct pages *p, int width);

/* The overview pane's operations: built for its width, built again when
 * the width changes. */
struct doc *glance_build(struct app *a);
void glance_placed(struct app *a, struct pane *p);

/* o: the Overview view. */
void act_overview(struct app *a, enum ui_action act, long count);

#endif
