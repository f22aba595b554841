/* search.h - find text in the report: the one search core that the
 * browser and `temm search` share. */
#ifndef TEMM_SEARCH_H
#define TEMM_SEARCH_H

#include "corpus.h"
#include "query.h"

#include <stdbool.h>

struct search_match {
	size_t start, len; /* bytes in the unit's original text */
};

struct search_hit {
	const struct corpus_unit *unit;
	/* Every match in the unit, in order: filled on first use by
	 * search_hit_at, since a short query matches hundreds of thousands of
	 * times and most hits are never looked at. */
	struct search_match *matches;
	size_t matches_count;
	bool filled;
};

struct search_results {
	struct search_hit *hits; /* ranked: tier first, then report order */
	size_t count;
	const struct query *query; /* what the matches of a hit are found with */
	struct query *owned;       /* the query, when the results parsed it */
};

/* A way for the caller to stop a long search: `stop` is called about
 * every RX_POLL_STEPS steps of work (a few milliseconds at most) and
 * between units, from the threads that search - several at once for a
 * big index - so it must be safe there: read a flag set by a signal
 * handler, a clock, poll() a descriptor; no curses. When it returns
 * true the search ends with SEARCH_STOPPED. */
struct search_stop {
	bool (*stop)(void *arg);
	void *arg;
};

/* The work of one search is bounded, whatever the query: a regex costs
 * at most its states per character of text (rx.h), and a search may do
 * SEARCH_BASE_STEPS steps plus SEARCH_STEPS_PER_BYTE per byte of the
 * corpus's text, after which it ends with SEARCH_TOO_COSTLY and a message
 * saying so. (At 10-25 ns a step on the development machine: under a
 * second, plus 0.3-0.8 s per MB of the corpus's text; the report's
 * corpus is 50 KB.) */
#define SEARCH_BASE_STEPS (30ull * 1000 * 1000)
#define SEARCH_STEPS_PER_BYTE 32ull
/* The matches of one unit (to mark them) are found with this much work
 * at most: past it, the matches found so far are the unit's. */
#define SEARCH_UNIT_STEPS (4ull * 1000 * 1000)

enum { SEARCH_STOPPED = -2, SEARCH_TOO_COSTLY = -3 };

/* Search for a query (the language of query.h) in every unit. A hit is one
 * unit - a title, a field, a paragraph - holding every word of the query;
 * an entity other than a section gives at most one hit, its best unit.
 * Hits are ranked by tier (names and titles, then other entity fields,
 * then prose); ties keep report order. Returns 0 (even with no hits), -1
 * on a bad query, with the parser's message in err (if err is not NULL).
 * The results own the parsed query: after 0, free them with
 * search_results_free even when there are no hits. */
int search_execute(const struct corpus *c, const char *query, struct search_results *out,
		   char *err, size_t errlen);
/* The same, stopped when stop says so (NULL: never): -1 then, with
 * "search stopped" in err. A search that would take more work than it
 * may (SEARCH_BASE_STEPS...) also returns -1, with a message naming the
 * query. */
int search_execute_stoppable(const struct corpus *c, const char *query, const struct search_stop *stop,
			     struct search_results *out, char *err, size_t errlen);
/* The same without the message. */
int search_run(const struct corpus *c, const char *query, struct search_results *out);
/* With an already parsed query, which the results borrow: q must stay
 * alive, unchanged, until search_results_free. 0, -1 out of memory,
 * SEARCH_STOPPED or SEARCH_TOO_COSTLY (no results then). */
int search_query(const struct corpus *c, const struct query *q, struct search_results *out);
int search_query_stoppable(const struct corpus *c, const struct query *q,
			   const struct search_stop *stop, struct search_results *out);
void search_results_free(struct search_results *r);

/* Hit i with its matches, found now if they were not yet. 0, or -1 on out
 * of memory (the hit then has none). */
int search_hit_fill(struct search_results *r, size_t i);
/* Hit i (i < r->count) with its matches; on out of memory, without them. */
const struct search_hit *search_hit_at(struct search_results *r, size_t i);

/* Every match in u of the words, phrases and regexes of q that are not
 * negated, sorted by start; neither whether u holds them all nor the
 * facets are looked at (past SEARCH_UNIT_STEPS of work, those found so
 * far). Returns how many (*out is a new array, NULL for
 * none; caller frees), or -1 on out of memory. */
long search_unit_matches(const struct query *q, const struct corpus_unit *u,
			 struct search_match **out);

/* A one-line excerpt of at most `width` columns around the first match of
 * hit i; match_start/len locate that match inside `text`. */
struct snippet {
	char *text;
	size_t match_start, match_len; /* the first match */
	struct search_match *marks;    /* every match that shows in the snippet */
	size_t marks_count;
};
/* The matches of a hit not filled yet are found for the snippet and not
 * kept: the results list shows every hit, n and N visit few. */
int search_snippet(const struct search_results *r, size_t i, int width, struct snippet *out);
void snippet_free(struct snippet *s);

#endif
