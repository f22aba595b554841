/* results.h - the search view: the list of hits (kind, place, snippet)
 * above a preview of the selected hit's page, scrolled to its match. A
 * big report gives a short query tens of thousands of hits, so the list
 * lays out its first rows and more as the selection comes near them. */
#ifndef TEMM_RESULTS_H
#define TEMM_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct app;
struct corpus_unit;
struct doc;
struct pane;
struct pages;
struct query;
struct search_hit;
struct search_results;
struct search_rows;

/* One row for each of the first `rows` rows of the list (NULL: a row per
 * hit): its hit's kind, where it is and a snippet with every match that
 * shows marked, in `width` columns; under a row that folds hits in, a
 * line naming them. `places` (may be NULL: the hit's own section) gives
 * the section each row's place is written for. */
struct doc *page_results(const struct pages *p, const struct search_results *res,
			 const struct search_rows *list, const int *places, size_t rows, int width);
/* The list when nothing matches `text`: what may help, from the parsed
 * query (NULL when it did not parse). */
struct doc *page_no_hits(const char *text, const struct query *q);
/* Where a hit is, as the results show it ("2.1 > 9) Marine ..."); caller
 * frees. */
char *page_hit_where(const struct pages *p, const struct corpus_unit *u);

/* The list for the search in force (its first rows), on its first hit. */
void results_show(struct app *a);
/* The list's title: the query and its hits. */
void results_title(struct app *a);

void results_moved(struct app *a, struct pane *p);
void results_open(struct app *a, struct pane *p);
/* A new width: new snippets for it. */
void results_placed(struct app *a, struct pane *p);
/* Lay out every hit (before G, N%, a filter). */
void results_all_rows(struct app *a, struct pane *p);
/* An empty preview (no hit, or one still to come). */
void results_preview_clear(struct app *a);
size_t results_count(const struct app *a);
/* &: the results whose unit (or entity) the filter's query finds too. */
void results_keep(const struct app *a, const struct search_hit *h, bool *keep, size_t n);
struct entity_ref results_preview_subject(struct app *a, struct pane *p);

#endif
