/* search.h - find text in the report: the one search core that the
 * browser and `temm search` share. */
#ifndef TEMM_SEARCH_H
#define TEMM_SEARCH_H

#include "corpus.h"
#include "query.h"

struct search_match {
	size_t start, len; /* bytes in the unit's original text */
};

struct search_hit {
	const struct corpus_unit *unit;
	struct search_match *matches; /* every match in the unit, in order */
	size_t matches_count;
	size_t matches_capacity;
};

struct search_results {
	struct search_hit *hits; /* ranked: tier first, then report order */
	size_t count;
};

/* Search for a query (the language of query.h) in every unit. A hit is one
 * unit - a title, a field, a paragraph - holding every word of the query;
 * an entity other than a section gives at most one hit, its best unit.
 * Hits are ranked by tier (names and titles, then other entity fields,
 * then prose); ties keep report order. Returns 0 (even with no hits), -1
 * on a bad query, with the parser's message in err (if err is not NULL). */
int search_execute(const struct corpus *c, const char *query, struct search_results *out,
		   char *err, size_t errlen);
/* The same without the message. */
int search_run(const struct corpus *c, const char *query, struct search_results *out);
/* With an already parsed query. */
int search_query(const struct corpus *c, const struct query *q, struct search_results *out);
void search_results_free(struct search_results *r);

/* A one-line excerpt of at most `width` columns around the hit's first
 * match; match_start/len locate that match inside `text`. */
struct snippet {
	char *text;
	size_t match_start, match_len; /* the first match */
	struct search_match *marks;    /* every match that shows in the snippet */
	size_t marks_count;
};
int search_snippet(const struct search_hit *h, int width, struct snippet *out);
void snippet_free(struct snippet *s);

#endif
