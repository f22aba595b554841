/* corpus.c - which fields of which entities are searchable, and how much a
 * match in each counts. */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

static int add(struct corpus *c, enum entity_kind kind, size_t ix, const char *field, int item,
	       enum corpus_tier tier, const char *text)
{
	if (!text || !*text)
		return 0;
	if (c->count == c->capacity) {
		size_t cap = c->capacity ? c->capacity * 2 : 256;
		struct corpus_unit *u = realloc(c->units, cap * sizeof(*u));
		if (!u)
			return -1;
		c->units = u;
		c->capacity = cap;
	}
	struct corpus_unit *u = &c->units[c->count];
	*u = (struct corpus_unit){ { kind, (int)ix }, field, item, tier, text, { 0 } };
	if (text_fold(text, &u->folded) != 0)
		return -1;
	c->count++;
	return 0;
}

#define ADD(kind, ix, field, item, tier, text) \
	do { if (add(c, kind, ix, field, item, tier, text) != 0) return -1; } while (0)

static int add_list(struct corpus *c, enum entity_kind kind, size_t ix, const char *field,
		    enum corpus_tier tier, char **items, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		ADD(kind, ix, field, (int)i, tier, items[i]);
	return 0;
}

static int add_counts(struct corpus *c, enum entity_kind kind, size_t ix,
		      const struct count *counts, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		ADD(kind, ix, "counts", (int)i, TIER_ENTITY, counts[i].of);
	return 0;
}

static int add_sections(struct corpus *c, const struct report *r)
{
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = r->sections[i];
		ADD(KIND_SECTION, i, "title", -1, TIER_NAME, s->title);
		if (add_list(c, KIND_SECTION, i, "paragraph", TIER_PROSE, s->paragraphs,
			     s->paragraphs_count) != 0)
			return -1;
	}
	return 0;
}

static int add_entities(struct corpus *c, const struct report *r)
{
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *s = r->stages[i];
		ADD(KIND_STAGE, i, "title", -1, TIER_NAME, s->title);
		for (unsigned p = 0; p < s->priorities_count; p++)
			ADD(KIND_STAGE, i, "priorities", (int)p, TIER_ENTITY, s->priorities[p].text);
		if (add_list(c, KIND_STAGE, i, "achievements", TIER_ENTITY, s->achievements,
			     s->achievements_count) != 0)
			return -1;
	}
	for (size_t i = 0; i < r->areas_count; i++) {
		const struct area *a = r->areas[i];
		ADD(KIND_AREA, i, "title", -1, TIER_NAME, a->title);
		if (add_list(c, KIND_AREA, i, "aliases", TIER_NAME, a->aliases, a->aliases_count) ||
		    add_counts(c, KIND_AREA, i, a->counts, a->counts_count))
			return -1;
	}
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *a = r->activities[i];
		ADD(KIND_ACTIVITY, i, "title", -1, TIER_NAME, a->title);
		ADD(KIND_ACTIVITY, i, "short", -1, TIER_NAME, a->short_name);
		if (add_list(c, KIND_ACTIVITY, i, "aliases", TIER_NAME, a->aliases, a->aliases_count) ||
		    add_counts(c, KIND_ACTIVITY, i, a->counts, a->counts_count))
			return -1;
	}
	for (size_t i = 0; i < r->events_count; i++)
		ADD(KIND_EVENT, i, "title", -1, TIER_NAME, r->events[i]->title);
	for (size_t i = 0; i < r->meetings_count; i++) {
		const struct meeting *m = r->meetings[i];
		ADD(KIND_MEETING, i, "title", -1, TIER_NAME, m->title);
		ADD(KIND_MEETING, i, "place", -1, TIER_ENTITY, m->place);
		if (add_list(c, KIND_MEETING, i, "aliases", TIER_NAME, m->aliases, m->aliases_count))
			return -1;
	}
	for (size_t i = 0; i < r->programmes_count; i++) {
		const struct programme *p = r->programmes[i];
		ADD(KIND_PROGRAMME, i, "title", -1, TIER_NAME, p->title);
		ADD(KIND_PROGRAMME, i, "short", -1, TIER_NAME, p->short_name);
		if (add_list(c, KIND_PROGRAMME, i, "aliases", TIER_NAME, p->aliases, p->aliases_count) ||
		    add_counts(c, KIND_PROGRAMME, i, p->counts, p->counts_count))
			return -1;
	}
	for (size_t i = 0; i < r->terms_count; i++) {
		ADD(KIND_TERM, i, "title", -1, TIER_NAME, r->terms[i]->title);
		ADD(KIND_TERM, i, "expansion", -1, TIER_ENTITY, r->terms[i]->expansion);
	}
	return 0;
}

struct corpus *corpus_new(const struct report *r)
{
	struct corpus *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->report = r;
	if (add_sections(c, r) != 0 || add_entities(c, r) != 0) {
		corpus_free(c);
		return NULL;
	}
	return c;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->count; i++)
		text_folded_free(&c->units[i].folded);
	free(c->units);
	free(c);
}
