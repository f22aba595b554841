/* model.h - the report as plain C structs: what the loader fills and every
 * other module (commands, search, browser) reads. Nothing here knows YAML. */
#ifndef TEMM_MODEL_H
#define TEMM_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every kind of thing with an id. The order is the order `temm check`
 * reports counts in and the order of the `kind:` facet. */
enum entity_kind {
	KIND_SECTION,
	KIND_STAGE,
	KIND_AREA,
	KIND_ACTIVITY,
	KIND_EVENT,
	KIND_MEETING,
	KIND_PROGRAMME,
	KIND_TERM,
	KIND_COUNT
};

/* Enumerations read from YAML; the strings live in model.c. */
enum activity_kind {
	ACTIVITY_POLICY_DIALOGUE, ACTIVITY_WORKING_GROUP, ACTIVITY_NETWORK, ACTIVITY_SEMINAR,
	ACTIVITY_TRAINING, ACTIVITY_FORUM, ACTIVITY_ROUNDTABLE, ACTIVITY_EXHIBITION,
	ACTIVITY_WORKSHOP, ACTIVITY_MEETING, ACTIVITY_HOTLINE, ACTIVITY_PUBLICATION,
	ACTIVITY_RESEARCH, ACTIVITY_PLATFORM, ACTIVITY_OTHER, ACTIVITY_KIND_COUNT
};
enum programme_type {
	PROG_CONVENTION, PROG_REGIONAL, PROG_ACTION_PLAN, PROG_ORGANISATION,
	PROG_PUBLICATION, PROG_AGENDA, PROG_OTHER, PROG_TYPE_COUNT
};

/* "No link": resolved indices use -1 when an optional reference is absent. */
#define NO_INDEX (-1)

/* How deep sections nest at most (validate.c). */
#define SECTION_MAX_DEPTH 8

/* The years content may give (the schema's "plausible" range). */
#define YEAR_MIN 1900u
#define YEAR_MAX 2100u

struct count {
	unsigned n;
	char *of;
	char *words; /* the report's own wording when it is not the plain number; may be NULL */
};

/* A run of emphasised (italic in the report) text inside one paragraph,
 * as byte offsets after the markup asterisks were removed. */
struct emphasis {
	unsigned paragraph;
	unsigned start, end;
};

struct section {
	char *id, *title, *parent; /* title: the heading as printed, number included */
	char **paragraphs;
	unsigned paragraphs_count;
	/* filled by the loader */
	char *number; /* "1.", "1.1", "6)" taken from the title; NULL for Introduction */
	const char *name; /* the title after its number */
	int parent_ix;
	int depth; /* 0 for Introduction and 1, 2, 3 */
	struct emphasis *emphasis;
	unsigned emphasis_count;
	size_t emphasis_cap;
};

struct priority {
	char *text, *area;
	int area_ix;
};

/* Paragraphs of one section that tell a stage: as written in the content,
 * 1-based and inclusive, 0 for "from the first" / "to the last". */
struct passage {
	char *section;
	unsigned first, last;
	int section_ix; /* filled by the validator */
};

struct stage {
	char *id;
	unsigned number;
	char *title, *name;
	unsigned from, to;
	char *section, *meeting, *action_plan;
	struct priority *priorities;
	unsigned priorities_count;
	struct count *counts; /* figures the report gives for the stage ("ten priority areas") */
	unsigned counts_count;
	char **achievements;
	unsigned achievements_count;
	struct passage *prose; /* where the report tells the stage, in reading order */
	unsigned prose_count;
	int section_ix, meeting_ix, action_plan_ix;
};

struct area {
	char *id;
	unsigned number;
	char *title, *section;
	char **aliases;
	unsigned aliases_count;
	struct count *counts;
	unsigned counts_count;
	int section_ix;
};

struct activity {
	char *id, *title, *short_name;
	enum activity_kind kind;
	char *area, *section;
	char **aliases;
	unsigned aliases_count;
	struct count *counts;
	unsigned counts_count;
	int area_ix, section_ix;
};

struct event {
	char *id;
	unsigned year, month; /* month 0: not given */
	char *title, *section, *meeting;
	char *short_name; /* a label in the report's words (content `short`); may be NULL */
	char **links;
	unsigned links_count;
	int section_ix, meeting_ix, stage_ix;
};

/* A series of meetings the content declares (its sessions are meetings):
 * not an entity, a name for the meetings that belong to it. */
struct series {
	char *id, *title, *short_name;
};

struct meeting {
	char *id, *title;
	char *series; /* a series id, or NULL: none */
	unsigned ordinal, year, month; /* 0: not given */
	char *place, *section;
	char **aliases;
	unsigned aliases_count;
	int section_ix, series_ix;
};

struct programme {
	char *id, *title, *short_name;
	enum programme_type type;
	char *section;
	char **aliases;
	unsigned aliases_count;
	struct count *counts;
	unsigned counts_count;
	int section_ix;
};

struct term {
	char *id, *title, *expansion, *section, *refers;
	int section_ix;
};

/* One YAML file's worth of content, exactly as libcyaml loads it. */
struct content_doc {
	struct report_meta { char *title, *short_name; } *report;
	struct series *series;          unsigned series_count;
	struct section *sections;       unsigned sections_count;
	struct stage *stages;           unsigned stages_count;
	struct area *areas;             unsigned areas_count;
	struct activity *activities;    unsigned activities_count;
	struct event *events;           unsigned events_count;
	struct meeting *meetings;       unsigned meetings_count;
	struct programme *programmes;   unsigned programmes_count;
	struct term *terms;             unsigned terms_count;
};

/* A reference to any entity: its kind and its index in the model's array. */
struct entity_ref {
	enum entity_kind kind;
	int index;
};

/* Whether a and b name the same entity. */
static inline bool entity_ref_same(struct entity_ref a, struct entity_ref b)
{
	return a.kind == b.kind && a.index == b.index;
}

struct id_table; /* model.c: id -> entity_ref */
struct snapshot; /* snapshot.h: a mapped snapshot the model lives in */

/* The whole report, merged over all files. The arrays hold pointers into
 * the docs, which own the data; report_free frees both. */
struct report {
	char *title;
	char *short_name; /* what a reference calls the report ("TEMM20 report"); may be NULL */
	struct content_doc **docs;
	size_t docs_count;

	struct section **sections;     size_t sections_count;
	struct stage **stages;         size_t stages_count;
	struct area **areas;           size_t areas_count;
	struct activity **activities;  size_t activities_count;
	struct event **events;         size_t events_count;
	struct meeting **meetings;     size_t meetings_count;
	struct programme **programmes; size_t programmes_count;
	struct term **terms;           size_t terms_count;
	struct series **series;        size_t series_count; /* not an entity kind */

	struct id_table *ids;
	/* Set when the model was read from a snapshot (snapshot.h): it owns the
	 * structs and the mapping their strings are in, and report_free frees
	 * it. NULL when loaded from YAML. */
	struct snapshot *snap;
};

/* Entity i of a kind (i below its count): what every reader of the model
 * goes through. A model loaded from YAML has every entity in its arrays; one
 * read from a snapshot makes each the first time it is asked for, checked
 * (snapshot_entity), so a start reads only the entities it shows. */
void *snapshot_entity(const struct report *r, enum entity_kind kind, size_t i);
struct series *snapshot_series(const struct report *r, size_t i);
#define REPORT_ENTITY(fn, type, member, kind) \
	static inline struct type *fn(const struct report *r, size_t i) \
	{ \
		struct type *x = r->member[i]; \
		return x ? x : (struct type *)snapshot_entity(r, kind, i); \
	}
REPORT_ENTITY(report_section, section, sections, KIND_SECTION)
REPORT_ENTITY(report_stage, stage, stages, KIND_STAGE)
REPORT_ENTITY(report_area, area, areas, KIND_AREA)
REPORT_ENTITY(report_activity, activity, activities, KIND_ACTIVITY)
REPORT_ENTITY(report_event, event, events, KIND_EVENT)
REPORT_ENTITY(report_meeting, meeting, meetings, KIND_MEETING)
REPORT_ENTITY(report_programme, programme, programmes, KIND_PROGRAMME)
REPORT_ENTITY(report_term, term, terms, KIND_TERM)
#undef REPORT_ENTITY
static inline struct series *report_series_at(const struct report *r, size_t i)
{
	return r->series[i] ? r->series[i] : snapshot_series(r, i);
}
const char *entity_kind_name(enum entity_kind kind);       /* "section", ... */
const char *entity_kind_plural(enum entity_kind kind);     /* "sections", ... */
int entity_kind_from_name(const char *name, enum entity_kind *out); /* singular or plural; 0 on success */
const char *activity_kind_name(enum activity_kind kind);
const char *programme_type_name(enum programme_type type);

size_t report_count(const struct report *r, enum entity_kind kind);
/* Look an id up; returns 0 and fills *out when found, -1 otherwise. */
int report_find(const struct report *r, const char *id, struct entity_ref *out);
/* Look up an id as a person typed it (`show TEMM16`, --goto, area:DSS):
 * case is ignored. The content's own references stay exact (report_find). */
int report_find_typed(const struct report *r, const char *typed, struct entity_ref *out);
const char *report_entity_id(const struct report *r, struct entity_ref ref);
const char *report_entity_title(const struct report *r, struct entity_ref ref);
/* The section an entity comes from (a section is its own), or NO_INDEX. */
int report_entity_section(const struct report *r, struct entity_ref ref);
/* Stage i's years (from, to): what the timeline's axis and a stage's
 * events need of every stage, read without making the stage from a
 * snapshot (snapshot_stage_years: its record's, checked). */
void report_stage_years(const struct report *r, size_t i, unsigned *from, unsigned *to);
bool snapshot_stage_years(const struct report *r, size_t i, unsigned *from, unsigned *to);
/* Whether an event of a report read from a snapshot was refused when made
 * (a damaged file): events may then be out of date order. */
bool snapshot_events_refused(const struct report *r);
/* The stage whose years hold `year`, or NO_INDEX. */
int report_stage_for_year(const struct report *r, unsigned year);
/* The series meeting m belongs to, or NULL. */
const struct series *report_meeting_series(const struct report *r, const struct meeting *m);
/* The k-th passage that tells stage `stage` (k from 0, in reading order):
 * paragraphs [first, end) of section section_ix. Returns false past the
 * last one (a stage the content gives no prose has none). */
struct prose_span {
	int section_ix;
	unsigned first, end;
};
bool report_stage_prose(const struct report *r, int stage, size_t k, struct prose_span *out);

/* How long the number that starts a heading is ("2.1 Marine...": 3,
 * "9) ...": 2), a space after it; 0 when the heading has none. A section's
 * number and name are split there (loader.c; a snapshot's are checked). */
size_t heading_number_len(const char *title);

/* Section ix, its paragraphs and emphasis ready to read: what every
 * reader of a section's text goes through (a report read from a snapshot
 * checks them the first time; one loaded from YAML has nothing to do). */
const struct section *report_section_text(const struct report *r, size_t ix);

void report_free(struct report *r);
/* One file's entries, with what the loader added to its sections. */
void report_doc_free(struct content_doc *doc);

/* For the loader: building the id table. id_table_add returns -1 and the
 * earlier entity in *dup when the id is taken. */
struct id_table *id_table_new(size_t expected);
int id_table_add(struct id_table *t, const char *id, struct entity_ref ref, struct entity_ref *dup);
int id_table_find(const struct id_table *t, const char *id, struct entity_ref *out); /* 0: found */
void id_table_free(struct id_table *t);
/* For the snapshot: the table's slots (a power of two), and slot i's id
 * (NULL: empty) with its entity and hash (id_table_hash). */
size_t id_table_slots(const struct id_table *t);
const char *id_table_slot(const struct id_table *t, size_t i, struct entity_ref *ref,
			  uint32_t *hash);
uint32_t id_table_hash(const char *id);
/* report_find in a report read from a snapshot (snap_ids.c). */
int snapshot_find(const struct report *r, const char *id, struct entity_ref *out);
#endif
