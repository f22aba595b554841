/* timeline.h - the timeline pane: the dated events in stage bands under a
 * year axis that marks the selected event's year. */
#ifndef TEMM_TIMELINE_H
#define TEMM_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct doc;
struct pane;
struct pages;
struct search_hit;

struct doc *timeline_build(struct app *a);
/* The rows as pages build them (for tests): a band row (item -1) before
 * each stage's events, then one row per event. */
struct doc *page_timeline(const struct pages *p);
/* The one-line axis of `width` columns marking the stages and the year of
 * `event` (-1: none). */
struct doc *page_axis(const struct pages *p, int width, int event);

void timeline_moved(struct app *a, struct pane *p);
/* [ and ]: the first event of the previous or next stage band. */
void timeline_sibling(struct app *a, struct pane *p, int dir);
/* The axis is drawn for the pane's width. */
void timeline_placed(struct app *a, struct pane *p);
size_t timeline_count(const struct app *a);
void timeline_keep(const struct app *a, const struct search_hit *h, bool *keep, size_t n);

#endif
