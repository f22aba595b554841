/* lists.h - the stages and areas panes: one row per stage or area, the
 * reader following the selection. */
#ifndef TEMM_LISTS_H
#define TEMM_LISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct app;
struct doc;
struct pane;
struct pages;
struct search_hit;

struct doc *lists_stages(struct app *a);
struct doc *lists_areas(struct app *a);
/* The navigators' rows as pages build them (for tests). */
struct doc *page_stages(const struct pages *p);
struct doc *page_areas(const struct pages *p);
/* A list of n rows, `row` adding row i (its blocks) to d: built at once,
 * or as it is read (doc.more), as the browser's lists are. */
typedef void lists_row_fn(struct doc *d, const struct pages *p, size_t i);
struct doc *lists_rows_at_once(const struct pages *p, size_t n, lists_row_fn *row);
struct doc *lists_rows_as_read(const struct pages *p, size_t n, lists_row_fn *row);

/* What the areas pane's header says of its list: "as in 2.1" (NULL: the
 * areas share no section). Caller frees. */
char *lists_areas_title(const struct report *r);

/* The reader shows the selected entity. */
void lists_moved(struct app *a, struct pane *p);
/* Enter: read it (the reader gets the focus). */
void lists_open(struct app *a, struct pane *p);
size_t lists_stages_count(const struct app *a);
size_t lists_areas_count(const struct app *a);
void lists_keep_stage(const struct app *a, const struct search_hit *h, bool *keep, size_t n);
void lists_keep_area(const struct app *a, const struct search_hit *h, bool *keep, size_t n);

#endif
