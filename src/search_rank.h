/* search_rank.h - ranking a reader expects, within the tiers search
 * walks (names and titles, then other fields, then the report's prose):
 * a name the query's words make up most of ranks first (the area "Marine
 * Environment Protection" before a programme whose long name holds
 * "Marine"); passages rank by how well they match - every word close
 * together, then the most mentions; ties keep report order. */
#ifndef TEMM_SEARCH_RANK_H
#define TEMM_SEARCH_RANK_H

#include "search.h"

/* More prose hits than this keep report order: scoring them would cost a
 * keystroke more than the search (a one-letter query over a big report),
 * and a reader of so many narrows the query anyway. */
#define SEARCH_RANK_PROSE_MAX 2000

/* Reorder the hits of `res` (found with res->query) within each tier. 0,
 * or -1 on out of memory (the order is then left as it was). */
int search_rank(struct search_results *res);

#endif
