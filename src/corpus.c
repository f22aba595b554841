/* corpus.c - which fields of which entities are searchable, and how much a
 * match in each counts. */
#include "corpus.h"
#include "grow.h"
#include "parallel.h"
#include "snapshot.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* What the facets need, precomputed once so that building the corpus stays
 * linear in the size of the report. */
struct corpus_maps {
	int *section_area;          /* per section: the area it is, or is inside */
	unsigned *area_stages;      /* per area: stages listing it as a priority */
	unsigned *meeting_stages;   /* per meeting: stages whose priorities it set */
	unsigned *programme_stages; /* per programme: stages whose action plan it is */
};

static unsigned stage_bit(const struct report *r, int stage_ix)
{
	unsigned n = stage_ix == NO_INDEX ? 0 : report_stage(r, stage_ix)->number;
	return n >= 1 && n <= 31 ? 1u << n : 0;
}

static void maps_free(struct corpus_maps *m)
{
	free(m->section_area);
	free(m->area_stages);
	free(m->meeting_stages);
	free(m->programme_stages);
}

static int maps_build(const struct report *r, struct corpus_maps *m)
{
	m->section_area = malloc((r->sections_count + 1) * sizeof(int));
	m->area_stages = calloc(r->areas_count + 1, sizeof(unsigned));
	m->meeting_stages = calloc(r->meetings_count + 1, sizeof(unsigned));
	m->programme_stages = calloc(r->programmes_count + 1, sizeof(unsigned));
	if (!m->section_area || !m->area_stages || !m->meeting_stages || !m->programme_stages)
		return -1;
	for (size_t i = 0; i < r->sections_count; i++)
		m->section_area[i] = NO_INDEX;
	for (size_t a = 0; a < r->areas_count; a++)
		if (report_area(r, a)->section_ix != NO_INDEX)
			m->section_area[report_area(r, a)->section_ix] = (int)a;
	/* parents come before children, so one pass inherits the area */
	for (size_t i = 0; i < r->sections_count; i++)
		if (m->section_area[i] == NO_INDEX && report_section(r, i)->parent_ix != NO_INDEX)
			m->section_area[i] = m->section_area[report_section(r, i)->parent_ix];
	for (size_t s = 0; s < r->stages_count; s++) {
		const struct stage *st = report_stage(r, s);
		unsigned bit = stage_bit(r, (int)s);
		for (unsigned p = 0; p < st->priorities_count; p++)
			if (st->priorities[p].area_ix != NO_INDEX)
				m->area_stages[st->priorities[p].area_ix] |= bit;
		if (st->meeting_ix != NO_INDEX)
			m->meeting_stages[st->meeting_ix] |= bit;
		if (st->action_plan_ix != NO_INDEX)
			m->programme_stages[st->action_plan_ix] |= bit;
	}
	return 0;
}

/* Add area a to the event's areas (v, n of them) unless it is there. */
static void add_area(int *v, size_t *n, int a)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == a)
			return;
	v[(*n)++] = a;
}

/* An event's facets: its stage and year, the stages it links to, and every
 * area it links to, directly or through an activity. */
static int event_facets(struct corpus *c, const struct event *e, struct corpus_facets *f)
{
	const struct report *r = c->report;
	f->stages = stage_bit(r, e->stage_ix);
	f->year_from = f->year_to = e->year;
	int *areas = malloc((e->links_count + 1) * sizeof(*areas));
	size_t n = 0;
	if (!areas)
		return -1;
	for (unsigned l = 0; l < e->links_count; l++) {
		struct entity_ref ref;
		if (report_find(r, e->links[l], &ref) != 0)
			continue;
		if (ref.kind == KIND_STAGE)
			f->stages |= stage_bit(r, ref.index);
		else if (ref.kind == KIND_AREA)
			add_area(areas, &n, ref.index);
		else if (ref.kind == KIND_ACTIVITY && report_activity(r, ref.index)->area_ix != NO_INDEX)
			add_area(areas, &n, report_activity(r, ref.index)->area_ix);
	}
	f->area_ix = n ? areas[0] : NO_INDEX;
	int rc = 0;
	if (n > 1) { /* the list goes to the corpus's areas: its length, then it */
		rc = grow_to(&c->areas, &c->areas_capacity, c->areas_count + 1 + n, sizeof(*c->areas), 16);
		if (rc == 0 && c->areas_count < UINT32_MAX - 1) {
			c->areas[c->areas_count++] = (int)n;
			f->areas_at = (uint32_t)c->areas_count;
			memcpy(c->areas + c->areas_count, areas, n * sizeof(*areas));
			c->areas_count += n;
		}
	}
	free(areas);
	return rc;
}

size_t corpus_unit_areas(const struct corpus *c, const struct corpus_unit *u, const int **areas)
{
	if (u->areas_at) {
		*areas = &c->areas[u->areas_at];
		return (size_t)c->areas[u->areas_at - 1];
	}
	*areas = &u->area_ix;
	return u->area_ix == NO_INDEX ? 0 : 1;
}

bool corpus_unit_in_area(const struct corpus *c, const struct corpus_unit *u, int area_ix)
{
	const int *v;
	size_t n = corpus_unit_areas(c, u, &v);
	for (size_t i = 0; i < n; i++)
		if (v[i] == area_ix)
			return true;
	return false;
}

static int entity_facets(struct corpus *c, struct entity_ref ref, struct corpus_facets *out)
{
	const struct report *r = c->report;
	const struct corpus_maps *m = c->maps;
	struct corpus_facets f = { NO_INDEX, 0, 0, 0, 0 };
	int i = ref.index;
	switch (ref.kind) {
	case KIND_SECTION: f.area_ix = m->section_area[i]; break;
	case KIND_AREA: f.area_ix = i; break;
	case KIND_ACTIVITY: f.area_ix = report_activity(r, i)->area_ix; break;
	case KIND_STAGE:
		f.stages = stage_bit(r, i);
		f.year_from = report_stage(r, i)->from;
		f.year_to = report_stage(r, i)->to;
		break;
	case KIND_EVENT:
		if (event_facets(c, report_event(r, i), &f) != 0)
			return -1;
		break;
	case KIND_MEETING:
		f.year_from = f.year_to = report_meeting(r, i)->year;
		f.stages = m->meeting_stages[i] |
			   (report_meeting(r, i)->year ? stage_bit(r, report_stage_for_year(r, report_meeting(r, i)->year)) : 0);
		break;
	case KIND_PROGRAMME:
		f.stages = m->programme_stages[i];
		break;
	default:
		break;
	}
	if (ref.kind == KIND_SECTION || ref.kind == KIND_AREA || ref.kind == KIND_ACTIVITY)
		f.stages = f.area_ix == NO_INDEX ? 0 : m->area_stages[f.area_ix];
	*out = f;
	return 0;
}

static int add(struct corpus *c, enum entity_kind kind, size_t ix, const char *field, int item,
	       enum corpus_tier tier, const char *text)
{
	if (!text || !*text)
		return 0;
	if (grow(&c->units, &c->capacity, c->count, sizeof(*c->units), 256) != 0)
		return -1;
	struct corpus_unit *u = &c->units[c->count];
	struct entity_ref ref = { kind, (int)ix };
	/* units of one entity are added together: compute its facets once */
	if ((!c->count || c->units[c->count - 1].ref.kind != kind ||
	     c->units[c->count - 1].ref.index != (int)ix) &&
	    entity_facets(c, ref, &c->current) != 0)
		return -1;
	*u = (struct corpus_unit){ ref, field, item, tier, text, { 0 },
				   report_entity_section(c->report, ref), c->current.area_ix,
				   c->current.stages, c->current.year_from, c->current.year_to,
				   c->current.areas_at };
	c->count++; /* folded later, all units at once (fold_all) */
	c->text_bytes += strlen(text);
	return 0;
}

/* About 3 MB of text at the report's sizes: a search of it takes about a
 * millisecond, which two threads halve. */
#define CORPUS_PARALLEL_FROM 20000

/* Folding is most of building the index, and every unit folds on its
 * own: the cores share it, in slices of units. */
#define FOLD_SLICE 2048

struct fold_job {
	struct corpus *c;
	atomic_bool failed;
};

static void fold_slice(size_t i, void *arg)
{
	struct fold_job *job = arg;
	size_t end = (i + 1) * FOLD_SLICE;
	if (end > job->c->count)
		end = job->c->count;
	for (size_t k = i * FOLD_SLICE; k < end; k++) {
		struct corpus_unit *u = &job->c->units[k];
		if (text_fold(u->text, &u->folded) != 0)
			atomic_store(&job->failed, true);
	}
}

static int fold_all(struct corpus *c)
{
	struct fold_job job = { .c = c };
	atomic_init(&job.failed, false);
	size_t slices = (c->count + FOLD_SLICE - 1) / FOLD_SLICE;
	parallel_for(slices, parallel_threads(), fold_slice, &job);
	return atomic_load(&job.failed) ? -1 : 0;
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
		const struct section *s = report_section_text(r, i);
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
		const struct stage *s = report_stage(r, i);
		ADD(KIND_STAGE, i, "title", -1, TIER_NAME, s->title);
		for (unsigned p = 0; p < s->priorities_count; p++)
			ADD(KIND_STAGE, i, "priorities", (int)p, TIER_ENTITY, s->priorities[p].text);
		if (add_list(c, KIND_STAGE, i, "achievements", TIER_ENTITY, s->achievements,
			     s->achievements_count) != 0)
			return -1;
	}
	for (size_t i = 0; i < r->areas_count; i++) {
		const struct area *a = report_area(r, i);
		ADD(KIND_AREA, i, "title", -1, TIER_NAME, a->title);
		if (add_list(c, KIND_AREA, i, "aliases", TIER_NAME, a->aliases, a->aliases_count) ||
		    add_counts(c, KIND_AREA, i, a->counts, a->counts_count))
			return -1;
	}
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *a = report_activity(r, i);
		ADD(KIND_ACTIVITY, i, "title", -1, TIER_NAME, a->title);
		ADD(KIND_ACTIVITY, i, "short", -1, TIER_NAME, a->short_name);
		if (add_list(c, KIND_ACTIVITY, i, "aliases", TIER_NAME, a->aliases, a->aliases_count) ||
		    add_counts(c, KIND_ACTIVITY, i, a->counts, a->counts_count))
			return -1;
	}
	for (size_t i = 0; i < r->events_count; i++)
		ADD(KIND_EVENT, i, "title", -1, TIER_NAME, report_event(r, i)->title);
	for (size_t i = 0; i < r->meetings_count; i++) {
		const struct meeting *m = report_meeting(r, i);
		ADD(KIND_MEETING, i, "title", -1, TIER_NAME, m->title);
		ADD(KIND_MEETING, i, "place", -1, TIER_ENTITY, m->place);
		if (add_list(c, KIND_MEETING, i, "aliases", TIER_NAME, m->aliases, m->aliases_count))
			return -1;
	}
	for (size_t i = 0; i < r->programmes_count; i++) {
		const struct programme *p = report_programme(r, i);
		ADD(KIND_PROGRAMME, i, "title", -1, TIER_NAME, p->title);
		ADD(KIND_PROGRAMME, i, "short", -1, TIER_NAME, p->short_name);
		if (add_list(c, KIND_PROGRAMME, i, "aliases", TIER_NAME, p->aliases, p->aliases_count) ||
		    add_counts(c, KIND_PROGRAMME, i, p->counts, p->counts_count))
			return -1;
	}
	for (size_t i = 0; i < r->terms_count; i++) {
		ADD(KIND_TERM, i, "title", -1, TIER_NAME, report_term(r, i)->title);
		ADD(KIND_TERM, i, "expansion", -1, TIER_ENTITY, report_term(r, i)->expansion);
	}
	return 0;
}

/* A unit's key among the TIER_COUNT * (sections + 1) ranks:
 * tier first, then its section, NO_INDEX before the first. */
static size_t rank_key(const struct corpus *c, const struct corpus_unit *u)
{
	size_t places = c->report->sections_count + 1;
	size_t place = u->section_ix < 0 ? 0 : (size_t)u->section_ix + 1;
	if (place >= places) /* cannot happen with a loaded report; stay in bounds */
		place = places - 1;
	return (size_t)u->tier * places + place;
}

/* A counting sort: the keys are few and it is stable, so ties keep corpus
 * order, and it stays linear in the size of the report. */
static int rank_build(struct corpus *c)
{
	size_t keys = TIER_COUNT * (c->report->sections_count + 1);
	size_t *next = calloc(keys + 1, sizeof(*next));
	c->rank = malloc((c->count + 1) * sizeof(*c->rank));
	if (!next || !c->rank) {
		free(next);
		return -1;
	}
	for (size_t i = 0; i < c->count; i++)
		next[rank_key(c, &c->units[i]) + 1]++;
	for (size_t k = 0; k < keys; k++)
		next[k + 1] += next[k];
	for (size_t i = 0; i < c->count; i++)
		c->rank[next[rank_key(c, &c->units[i])]++] = (uint32_t)i;
	free(next);
	return 0;
}

const char *const corpus_fields[] = {
	"title", "paragraph", "priorities", "achievements", "aliases", "counts", "short", "place",
	"expansion", NULL,
};

/* The index of r built from the model. */
static struct corpus *corpus_build(const struct report *r)
{
	struct corpus *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->report = r;
	c->parallel_from = CORPUS_PARALLEL_FROM;
	/* size the array once: growing it copies every unit again */
	size_t guess = r->sections_count + r->events_count + r->terms_count * 2 +
		       (r->stages_count + r->areas_count + r->activities_count + r->meetings_count +
			r->programmes_count) * 4;
	for (size_t i = 0; i < r->sections_count; i++)
		guess += report_section(r, i)->paragraphs_count;
	c->units = malloc((guess + 1) * sizeof(*c->units));
	if (!c->units) {
		free(c);
		return NULL;
	}
	c->capacity = guess + 1;
	struct corpus_maps maps = { 0 };
	c->maps = &maps;
	int rc = maps_build(r, &maps);
	if (rc == 0)
		rc = add_sections(c, r) != 0 || add_entities(c, r) != 0 || fold_all(c) != 0 ||
		     rank_build(c) != 0;
	maps_free(&maps);
	c->maps = NULL;
	if (rc != 0) {
		corpus_free(c);
		return NULL;
	}
	return c;
}

struct corpus *corpus_new(const struct report *r)
{
	struct corpus *c = r->snap ? snapshot_corpus(r) : NULL;
	if (c) {
		c->parallel_from = CORPUS_PARALLEL_FROM;
		return c;
	}
	return corpus_build(r); /* no snapshot, or one whose index is refused */
}

bool corpus_text_good(const struct corpus *c, const struct corpus_unit *u)
{
	return !c->mapped || snapshot_unit_text(c, (size_t)(u - c->units));
}

bool corpus_texts_good(const struct corpus *c)
{
	if (!c->mapped || c->texts_read)
		return true;
	/* a flag of the index, set once: the pool is not read again */
	return ((struct corpus *)c)->texts_read = snapshot_corpus_texts(c);
}

int corpus_unmap(struct corpus *c)
{
	if (!c->mapped)
		return 0;
	struct corpus *b = corpus_build(c->report);
	if (!b)
		return -1;
	/* an old unit's list of areas is in the mapping's list, not the new
	 * one: it keeps its first area */
	for (size_t i = 0; i < c->count; i++)
		c->units[i].areas_at = 0;
	free(c->text_checked);
	size_t parallel_from = c->parallel_from;
	struct corpus_unit *old = c->units;
	*c = *b;
	c->retired = old;
	c->parallel_from = parallel_from;
	free(b);
	return 0;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	if (!c->mapped) {
		for (size_t i = 0; i < c->count; i++)
			text_folded_free(&c->units[i].folded);
		free(c->areas);
		free(c->rank);
	}
	free(c->text_checked);
	free(c->retired);
	free(c->units);
	free(c);
}
