/* query.h - the search query language, parsed once and shared by the
 * browser and `temm search`:
 *   words            all must occur (substring, AND)
 *   "a phrase"       occurs exactly as written
 *   -word -"phrase"  must not occur
 *   /regex/          a POSIX extended regular expression (rx.h: matched in
 *                    linear time, its work counted and bounded)
 *   kind:K           section stage area activity event meeting programme term
 *   area:A           an area id, its number, or a unique prefix of its name
 *                    or of a word of it (area:edu)
 *   stage:N          a stage's number, Roman numeral or a prefix of its name
 *   year:Y year:A..B a date or range (events, meetings, stages)
 * Words and phrases ignore accents and compatibility forms ("montreal"
 * finds "Montréal"), and case unless a word, phrase or regex has an
 * upper-case letter (smart case): they compare text as text_fold folds it.
 * A regex matches the text as it is. */
#ifndef TEMM_QUERY_H
#define TEMM_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "rx.h"

enum term_type { TERM_TEXT, TERM_REGEX };

struct query_term {
	enum term_type type;
	bool negate;
	char *text;    /* as typed (without quotes or slashes) */
	char *folded;  /* as text_fold folds it: what a text term is looked for as */
	size_t folded_len;
	char *stripped; /* case kept, accents set aside: what a case-sensitive
			 * text term's matches must read (text_strip_marks) */
	struct rx *rx; /* TERM_REGEX only: compiled (rx.h) */
};

struct query {
	struct query_term *terms;
	size_t terms_count, terms_cap;
	bool case_sensitive;
	unsigned kinds;      /* bit per entity_kind; 0: any */
	int area_ix;         /* NO_INDEX: any */
	unsigned stages;     /* bit per stage number (1-31); 0: any */
	unsigned year_from, year_to; /* 0: any */
};

/* Parse `text` against the report (for area names and stage numbers).
 * Returns 0, or -1 with a message in err. Free with query_free either way. */
int query_parse(const struct report *r, const char *text, struct query *q, char *err,
		size_t errlen);
void query_free(struct query *q);
/* Whether the query has anything to look for besides exclusions. */
bool query_has_positive(const struct query *q);

#endif
