/* chrono.h - the Timeline view: every event on its own row, dated as the
 * report dates it ("April 2014"), in its stage's band, with a dot on a year
 * lane under a year axis and a short label from the report's words; the
 * selected event's page (its full sentence) below. Narrower than
 * LAYOUT_SPLIT_COLS the rows are a plain list of dates and labels. */
#ifndef TEMM_CHRONO_H
#define TEMM_CHRONO_H

#include <stdbool.h>

#include "actions.h"

struct app;
struct doc;
struct pane;
struct pages;

/* The rows for a list `width` columns wide (the selection's column not
 * counted): a band row (item -1) before each stage's events, then a row
 * per event (item: the event); with `picture`, each row's lane marks the
 * event's year between the stages' boundaries. */
struct doc *page_chrono(const struct pages *p, int width, bool picture);
/* The lines fixed above the rows: the stages' names between their
 * boundaries, and the year axis; drawn from the pane's first column, so a
 * column to the right of the rows' text (which follows the selection's
 * column). NULL without `picture` or room for a lane. */
struct doc *page_chrono_head(const struct pages *p, int width, bool picture);

/* The events pane's operations. */
struct doc *chrono_build(struct app *a);
void chrono_moved(struct app *a, struct pane *p);
void chrono_open(struct app *a, struct pane *p);
void chrono_parent(struct app *a, struct pane *p);
void chrono_placed(struct app *a, struct pane *p);
/* The event pane's subject (what y copies): the selected event. */
struct entity_ref chrono_subject(struct app *a, struct pane *p);

/* t: the Timeline view, on the event the home screen shows or selects. */
void act_timeline(struct app *a, enum ui_action act, long count);

#endif
