/* model.c - names of kinds, id lookup and freeing of the report model. */
#include "model.h"
#include "schema.h"
#include "snap_format.h"
#include "snapshot.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[KIND_COUNT] = {
	"section", "stage", "area", "activity", "event", "meeting", "programme", "term",
};
static const char *const kind_plurals[KIND_COUNT] = {
	"sections", "stages", "areas", "activities", "events", "meetings", "programmes", "terms",
};

const char *entity_kind_name(enum entity_kind kind)
{
	return kind < KIND_COUNT ? kind_names[kind] : "?";
}

const char *entity_kind_plural(enum entity_kind kind)
{
	return kind < KIND_COUNT ? kind_plurals[kind] : "?";
}

int entity_kind_from_name(const char *name, enum entity_kind *out)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		if (strcmp(name, kind_names[k]) == 0 || strcmp(name, kind_plurals[k]) == 0) {
			*out = (enum entity_kind)k;
			return 0;
		}
	}
	return -1;
}

const char *activity_kind_name(enum activity_kind kind)
{
	static const char *const names[ACTIVITY_KIND_COUNT] = {
		"policy-dialogue", "working-group", "network", "seminar", "training", "forum",
		"roundtable", "exhibition", "workshop", "meeting", "hotline", "publication",
		"research", "platform", "other",
	};
	return kind < ACTIVITY_KIND_COUNT ? names[kind] : "?";
}

const char *programme_type_name(enum programme_type type)
{
	static const char *const names[PROG_TYPE_COUNT] = {
		"convention", "regional-programme", "action-plan", "organisation",
		"publication", "agenda", "other",
	};
	return type < PROG_TYPE_COUNT ? names[type] : "?";
}

size_t report_count(const struct report *r, enum entity_kind kind)
{
	switch (kind) {
	case KIND_SECTION: return r->sections_count;
	case KIND_STAGE: return r->stages_count;
	case KIND_AREA: return r->areas_count;
	case KIND_ACTIVITY: return r->activities_count;
	case KIND_EVENT: return r->events_count;
	case KIND_MEETING: return r->meetings_count;
	case KIND_PROGRAMME: return r->programmes_count;
	case KIND_TERM: return r->terms_count;
	default: return 0;
	}
}

const char *report_entity_id(const struct report *r, struct entity_ref ref)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return NULL;
	switch (ref.kind) {
	case KIND_SECTION: return report_section(r, ref.index)->id;
	case KIND_STAGE: return report_stage(r, ref.index)->id;
	case KIND_AREA: return report_area(r, ref.index)->id;
	case KIND_ACTIVITY: return report_activity(r, ref.index)->id;
	case KIND_EVENT: return report_event(r, ref.index)->id;
	case KIND_MEETING: return report_meeting(r, ref.index)->id;
	case KIND_PROGRAMME: return report_programme(r, ref.index)->id;
	case KIND_TERM: return report_term(r, ref.index)->id;
	default: return NULL;
	}
}

const char *report_entity_title(const struct report *r, struct entity_ref ref)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return NULL;
	switch (ref.kind) {
	case KIND_SECTION: return report_section(r, ref.index)->title;
	case KIND_STAGE: return report_stage(r, ref.index)->title;
	case KIND_AREA: return report_area(r, ref.index)->title;
	case KIND_ACTIVITY: return report_activity(r, ref.index)->title;
	case KIND_EVENT: return report_event(r, ref.index)->title;
	case KIND_MEETING: return report_meeting(r, ref.index)->title;
	case KIND_PROGRAMME: return report_programme(r, ref.index)->title;
	case KIND_TERM: return report_term(r, ref.index)->title;
	default: return NULL;
	}
}

int report_entity_section(const struct report *r, struct entity_ref ref)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return NO_INDEX;
	switch (ref.kind) {
	case KIND_SECTION: return ref.index;
	case KIND_STAGE: return report_stage(r, ref.index)->section_ix;
	case KIND_AREA: return report_area(r, ref.index)->section_ix;
	case KIND_ACTIVITY: return report_activity(r, ref.index)->section_ix;
	case KIND_EVENT: return report_event(r, ref.index)->section_ix;
	case KIND_MEETING: return report_meeting(r, ref.index)->section_ix;
	case KIND_PROGRAMME: return report_programme(r, ref.index)->section_ix;
	case KIND_TERM: return report_term(r, ref.index)->section_ix;
	default: return NO_INDEX;
	}
}

int report_stage_for_year(const struct report *r, unsigned year)
{
	for (size_t i = 0; i < r->stages_count; i++)
		if (year >= report_stage(r, i)->from && year <= report_stage(r, i)->to)
			return (int)i;
	return NO_INDEX;
}

const struct series *report_meeting_series(const struct report *r, const struct meeting *m)
{
	if (m->series_ix < 0 || (size_t)m->series_ix >= r->series_count)
		return NULL;
	return report_series_at(r, m->series_ix);
}

bool report_stage_prose(const struct report *r, int stage, size_t k, struct prose_span *out)
{
	if (stage < 0 || (size_t)stage >= r->stages_count || k >= report_stage(r, stage)->prose_count)
		return false;
	const struct passage *p = &report_stage(r, stage)->prose[k];
	if (p->section_ix < 0 || (size_t)p->section_ix >= r->sections_count)
		return false;
	/* the validator keeps first and last within the section */
	unsigned n = report_section(r, p->section_ix)->paragraphs_count;
	out->section_ix = p->section_ix;
	out->first = p->first ? p->first - 1 : 0;
	out->end = p->last ? p->last : n;
	if (out->end > n)
		out->end = n;
	if (out->first > out->end)
		out->first = out->end;
	return true;
}

/* ---- id table: open addressing, FNV-1a ---- */

struct id_slot {
	const char *id;
	struct entity_ref ref;
	uint32_t hash; /* compared first: a probe then rarely reads another id's text */
};

struct id_table {
	struct id_slot *slots;
	size_t mask;
};

uint32_t id_table_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

struct id_table *id_table_new(size_t expected)
{
	struct id_table *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	size_t cap = 16;
	while (cap < expected * 2)
		cap *= 2;
	t->slots = calloc(cap, sizeof(*t->slots));
	if (!t->slots) {
		free(t);
		return NULL;
	}
	t->mask = cap - 1;
	return t;
}

/* Returns the existing entry's ref through *dup if the id is taken. */
int id_table_add(struct id_table *t, const char *id, struct entity_ref ref, struct entity_ref *dup)
{
	uint32_t h = id_table_hash(id);
	for (size_t i = h & t->mask;; i = (i + 1) & t->mask) {
		if (!t->slots[i].id) {
			t->slots[i] = (struct id_slot){ id, ref, h };
			return 0;
		}
		if (t->slots[i].hash == h && strcmp(t->slots[i].id, id) == 0) {
			*dup = t->slots[i].ref;
			return -1;
		}
	}
}

int report_find(const struct report *r, const char *id, struct entity_ref *out)
{
	if (r->snap) /* its table is read, not built: snap_ids.c */
		return snapshot_find(r, id, out);
	if (id_table_find(r->ids, id, out) != 0 || out->kind >= KIND_COUNT || out->index < 0 ||
	    (size_t)out->index >= report_count(r, out->kind))
		return -1;
	return 0;
}

int id_table_find(const struct id_table *t, const char *id, struct entity_ref *out)
{
	if (!t)
		return -1;
	uint32_t h = id_table_hash(id);
	for (size_t i = h & t->mask; t->slots[i].id; i = (i + 1) & t->mask) {
		if (t->slots[i].hash == h && strcmp(t->slots[i].id, id) == 0) {
			*out = t->slots[i].ref;
			return 0;
		}
	}
	return -1;
}

int report_find_typed(const struct report *r, const char *typed, struct entity_ref *out)
{
	/* ids are ASCII lower case (validate.c), so folding ASCII is enough,
	 * and done by hand: tolower() depends on the locale */
	char id[128];
	size_t n = strlen(typed);
	if (n >= sizeof(id))
		return -1;
	for (size_t i = 0; i <= n; i++)
		id[i] = typed[i] >= 'A' && typed[i] <= 'Z' ? (char)(typed[i] - 'A' + 'a') : typed[i];
	return report_find(r, id, out);
}

size_t id_table_slots(const struct id_table *t)
{
	return t ? t->mask + 1 : 0;
}

const char *id_table_slot(const struct id_table *t, size_t i, struct entity_ref *ref,
			  uint32_t *hash)
{
	*ref = t->slots[i].ref;
	*hash = t->slots[i].hash;
	return t->slots[i].id;
}

void id_table_free(struct id_table *t)
{
	if (t)
		free(t->slots);
	free(t);
}

void report_doc_free(struct content_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->sections_count; i++) {
		free(doc->sections[i].emphasis);
		free(doc->sections[i].number);
	}
	content_doc_free(doc);
}

size_t heading_number_len(const char *t)
{
	size_t n = strspn(t, "0123456789");
	if (n == 0)
		return 0;
	if (t[n] == ')') {
		n++;
	} else {
		while (t[n] == '.' && t[n + 1] >= '0' && t[n + 1] <= '9')
			n += 1 + strspn(t + n + 1, "0123456789");
		if (t[n] == '.')
			n++;
	}
	return t[n] == ' ' ? n : 0;
}

const struct section *report_section_text(const struct report *r, size_t ix)
{
	if (r->snap)
		snapshot_section_text(r, ix);
	return report_section(r, ix);
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->docs_count; i++)
		report_doc_free(r->docs[i]);
	free(r->docs);
	free(r->sections);
	free(r->stages);
	free(r->areas);
	free(r->activities);
	free(r->events);
	free(r->meetings);
	free(r->programmes);
	free(r->terms);
	free(r->series);
	id_table_free(r->ids);
	snapshot_free(r->snap);
	free(r);
}
