/* corpus.h - the report flattened into searchable pieces of text, each
 * folded once at start-up, in report order. Search runs over this. */
#ifndef TEMM_CORPUS_H
#define TEMM_CORPUS_H

#include "model.h"
#include "text.h"

/* Where a match counts most: titles and names, then the other fields of
 * entities, then the prose of the report. */
enum corpus_tier { TIER_NAME, TIER_ENTITY, TIER_PROSE, TIER_COUNT };

struct corpus_unit {
	struct entity_ref ref;
	const char *field;     /* "title", "paragraph", "expansion", ... */
	int item;              /* paragraph or list index, -1 for a single field */
	enum corpus_tier tier;
	const char *text;      /* model-owned, sanitized */
	struct folded folded;  /* case-folded text with offsets back into `text` */
};

struct corpus {
	const struct report *report;
	struct corpus_unit *units;
	size_t count, capacity;
};

struct corpus *corpus_new(const struct report *r);
void corpus_free(struct corpus *c);

#endif
