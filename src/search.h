/* search.h - find text in the report: the one search core that the
 * browser and `temm search` share. */
#ifndef TEMM_SEARCH_H
#define TEMM_SEARCH_H

#include "corpus.h"

struct search_match {
	size_t start, len; /* bytes in the unit's original text */
};

struct search_hit {
	const struct corpus_unit *unit;
	struct search_match *matches; /* every match in the unit, in order */
	size_t matches_count;
};

struct search_results {
	struct search_hit *hits; /* ranked: tier first, then report order */
	size_t count;
};

/* Case-insensitive substring search for `query` in every unit. Returns 0
 * (even with no hits), -1 on an empty query or out of memory. */
int search_run(const struct corpus *c, const char *query, struct search_results *out);
void search_results_free(struct search_results *r);

/* A one-line excerpt of at most `width` columns around the hit's first
 * match; match_start/len locate that match inside `text`. */
struct snippet {
	char *text;
	size_t match_start, match_len;
};
int search_snippet(const struct search_hit *h, int width, struct snippet *out);
void snippet_free(struct snippet *s);

#endif
