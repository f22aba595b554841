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
	/* what the facets of a query look at, from the unit's entity */
	int section_ix;        /* where in the report: ranks ties in report order */
	int area_ix;           /* the (first) priority area it belongs to, or NO_INDEX */
	unsigned stages;       /* bit per stage number it belongs to */
	unsigned year_from, year_to; /* its date or years; 0 when undated */
	uint32_t areas_at;     /* when it belongs to more than one area (an event
				* linked to two): where their list starts in the
				* corpus's areas (its length just before); else 0 */
};

struct corpus_maps;

struct corpus_facets {
	int area_ix;
	unsigned stages, year_from, year_to;
	uint32_t areas_at;
};

struct corpus {
	const struct report *report;
	struct corpus_unit *units;
	size_t count, capacity;
	/* The areas of the units that belong to more than one: at each list's
	 * start its length, then the area indices. */
	int *areas;
	size_t areas_count, areas_capacity;
	/* The units' indices in the order search ranks hits: tier, then place
	 * in the report (section_ix), then corpus order. Walking them gives
	 * ranked hits with no sort per search. (32 bits: half the memory,
	 * and 4G units would take hundreds of GB of index.) */
	uint32_t *rank;
	/* From this many units on, a search shares the units out between the
	 * cores (below it, starting threads costs more than they save). */
	size_t parallel_from;
	/* the bytes of every unit's text: what a regex search's work is
	 * bounded in proportion to */
	size_t text_bytes;
	/* read from a snapshot (snapshot.h): the units' texts, areas and rank
	 * are in its mapping, read only; only the units are ours to free */
	bool mapped;
	/* then a bit per unit: its text checked (snapshot_unit_text); no
	 * unit's text is read before (see corpus_texts_good) */
	unsigned char *text_checked;
	bool texts_read; /* and every unit's text found good to read (corpus_texts_good) */
	/* the units of a snapshot's index found damaged in use and replaced
	 * by the model's (corpus_unmap): kept for the results that point at
	 * them, freed with the corpus */
	struct corpus_unit *retired;
	/* only while corpus_new builds it: */
	struct corpus_facets current; /* of the entity being added */
	const struct corpus_maps *maps;
};

/* The index of r: a snapshot's when r was read from one, else built. */
struct corpus *corpus_new(const struct report *r);
void corpus_free(struct corpus *c);

/* A snapshot's index has its units' texts checked when they are first
 * read (the search itself reads the folded texts): whether unit u's text
 * is good to read, checked now if it was not; whether every unit's is.
 * Always true for an index built from the model. Not thread-safe: call
 * them before a search shares the units out, or after. */
bool corpus_text_good(const struct corpus *c, const struct corpus_unit *u);
bool corpus_texts_good(const struct corpus *c);
/* A snapshot's index found damaged in use: its units replaced by ones
 * built from the model (the old ones kept until corpus_free, for the
 * results that point at them). 0, or -1 out of memory (c unchanged). */
int corpus_unmap(struct corpus *c);

/* The areas unit u belongs to (an event: every area it links to, directly
 * or through an activity); *areas points at them. Returns how many. */
size_t corpus_unit_areas(const struct corpus *c, const struct corpus_unit *u, const int **areas);
/* Whether u belongs to area area_ix (what area:A keeps). */
bool corpus_unit_in_area(const struct corpus *c, const struct corpus_unit *u, int area_ix);

/* The fields a unit may index ("title", "paragraph", ...): the snapshot
 * keeps a unit's field as its place in this list (NULL-terminated). */
extern const char *const corpus_fields[];

#endif
