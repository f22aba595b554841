/* search_rows.h - hits as a reader wants them listed: a hit on an entity
 * whose text the report says word for word in a paragraph that is a hit
 * too (an activity named by the paragraph, an event whose title is one of
 * its sentences) is not a row of its own but folds into the paragraph's
 * row, which names it. The report's three mentions of "litter" in one
 * paragraph are one row with three matches, not four hits. */
#ifndef TEMM_SEARCH_ROWS_H
#define TEMM_SEARCH_ROWS_H

#include <stddef.h>

#include "search.h"

struct search_row {
	size_t hit;         /* the row's hit (a paragraph, or a hit that folds into none) */
	size_t *also;       /* the hits folded into it, in rank order */
	size_t also_count;
};

struct search_rows {
	struct search_row *rows; /* in rank order: a row goes where its best hit ranks */
	size_t count;
	size_t *pool;            /* every row's `also` */
};

/* The rows of a search's results. 0, or -1 on out of memory. */
int search_rows_build(const struct search_results *res, struct search_rows *out);
void search_rows_free(struct search_rows *rows);

#endif
