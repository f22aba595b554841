/* textmatch.h - where a query's words occur in any text, for marking them
 * where the text is shown (the reader, the book, a preview). It runs the
 * search core itself over the text, so what is marked is exactly what
 * search matched: the same folding, smart case, phrases and regexes. */
#ifndef TEMM_TEXTMATCH_H
#define TEMM_TEXTMATCH_H

#include <stddef.h>

#include "query.h"
#include "search.h"

/* Every occurrence in `text` of each word, phrase or regex of q that is
 * not negated, each word on its own (a text need not hold them all, and
 * facets do not apply). Sorted by start; overlapping matches are merged.
 * Returns how many (*out is a new array, NULL for none; caller frees), or
 * -1 on out of memory. */
long textmatch_find(const struct query *q, const char *text, struct search_match **out);

#endif
