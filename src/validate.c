/* validate.c - the rules a loaded report must follow beyond its schema:
 * unique ids, references that resolve to the right kind, plausible dates,
 * sections in a tree, events in date order. Fills the resolved indices. */
#include "loader_internal.h"
#include "yamlcheck.h"

#include <stdbool.h>

#include <string.h>

#define ID_MAX 64u

struct checker {
	struct load_ctx *ctx;
	struct report *r;
	int problems;
	struct id_table *series; /* the series' ids, while checking */
};

#define PROBLEM(c, kind, ix, key, item, ...) do { \
	(c)->problems++; \
	load_problem((c)->ctx, kind, ix, key, item, __VA_ARGS__); \
} while (0)

static bool id_well_formed(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > ID_MAX || id[0] == '-')
		return false;
	return strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* "a section", "an area" */
static const char *article(const char *noun)
{
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

static void add_id(struct checker *c, enum entity_kind kind, size_t ix)
{
	struct entity_ref ref = { kind, (int)ix }, dup;
	const char *id = report_entity_id(c->r, ref);
	if (!id_well_formed(id)) {
		PROBLEM(c, kind, ix, "id", -1,
			"id '%s' must be 1-%u characters of a-z, 0-9 and '-', not starting with '-'",
			id, ID_MAX);
		return;
	}
	if (id_table_add(c->r->ids, id, ref, &dup) != 0)
		PROBLEM(c, kind, ix, "id", -1, "duplicate id '%s' (already used by %s %s)", id,
			article(entity_kind_name(dup.kind)), entity_kind_name(dup.kind));
}

static int build_ids(struct checker *c)
{
	size_t total = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		total += report_count(c->r, (enum entity_kind)k);
	c->r->ids = id_table_new(total);
	if (!c->r->ids)
		return -1;
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(c->r, (enum entity_kind)k); i++)
			add_id(c, (enum entity_kind)k, i);
	return 0;
}

/* Resolve `id` (may be NULL: optional and absent) to an index of kind
 * `want` (KIND_COUNT: any kind). */
static int resolve(struct checker *c, enum entity_kind kind, size_t ix, const char *key, int item,
		   const char *id, enum entity_kind want)
{
	struct entity_ref ref;
	if (!id)
		return NO_INDEX;
	if (report_find(c->r, id, &ref) != 0) {
		PROBLEM(c, kind, ix, key, item, "'%s' refers to '%s', which does not exist", key, id);
		return NO_INDEX;
	}
	if (want != KIND_COUNT && ref.kind != want) {
		PROBLEM(c, kind, ix, key, item, "'%s' must name %s %s, but '%s' is %s %s", key,
			article(entity_kind_name(want)), entity_kind_name(want), id,
			article(entity_kind_name(ref.kind)), entity_kind_name(ref.kind));
		return NO_INDEX;
	}
	return ref.index;
}

static void check_year(struct checker *c, enum entity_kind kind, size_t ix, const char *key,
		       unsigned year, bool optional)
{
	if (optional && year == 0)
		return;
	if (year < YEAR_MIN || year > YEAR_MAX)
		PROBLEM(c, kind, ix, key, -1, "year %u is not plausible (%u-%u)", year, YEAR_MIN,
			YEAR_MAX);
}

static void check_month(struct checker *c, enum entity_kind kind, size_t ix, unsigned month)
{
	if (month > 12)
		PROBLEM(c, kind, ix, "month", -1, "month %u is not 1-12", month);
}

static void check_sections(struct checker *c)
{
	for (size_t i = 0; i < c->r->sections_count; i++) {
		struct section *s = report_section(c->r, i);
		s->parent_ix = resolve(c, KIND_SECTION, i, "parent", -1, s->parent, KIND_SECTION);
		s->depth = 0;
		if (s->parent_ix == NO_INDEX)
			continue;
		if ((size_t)s->parent_ix >= i) {
			PROBLEM(c, KIND_SECTION, i, "parent", -1,
				"parent '%s' must come before the section", s->parent);
			s->parent_ix = NO_INDEX;
			continue;
		}
		s->depth = report_section(c->r, s->parent_ix)->depth + 1;
		if (s->depth > SECTION_MAX_DEPTH)
			PROBLEM(c, KIND_SECTION, i, "parent", -1, "sections nest deeper than %d levels",
				SECTION_MAX_DEPTH);
	}
	if (c->r->sections_count == 0)
		diag_add(c->ctx->diag, c->ctx->files_count ? c->ctx->files[0].path : "", 0, 0,
			 "the content has no sections");
	if (c->r->sections_count == 0)
		c->problems++;
}

/* A passage of a stage's prose: an existing section and, within it,
 * paragraphs first..last (1-based; 0: the section's first / last). */
static void check_passage(struct checker *c, size_t stage, unsigned k, struct passage *p)
{
	p->section_ix = resolve(c, KIND_STAGE, stage, "prose.section", (int)k, p->section,
				KIND_SECTION);
	if (p->section_ix == NO_INDEX)
		return;
	const struct section *sec = report_section(c->r, p->section_ix);
	unsigned n = sec->paragraphs_count;
	if (n == 0)
		PROBLEM(c, KIND_STAGE, stage, "prose.section", (int)k,
			"section '%s' has no paragraphs to tell the stage", p->section);
	else if (p->first > n)
		PROBLEM(c, KIND_STAGE, stage, "prose.first", (int)k,
			"'first' is paragraph %u, but section '%s' has %u", p->first, p->section, n);
	else if (p->last > n)
		PROBLEM(c, KIND_STAGE, stage, "prose.last", (int)k,
			"'last' is paragraph %u, but section '%s' has %u", p->last, p->section, n);
	else if (p->last && p->first > p->last)
		PROBLEM(c, KIND_STAGE, stage, "prose.last", (int)k,
			"'last' (%u) comes before 'first' (%u)", p->last, p->first);
}

static void check_stages(struct checker *c)
{
	for (size_t i = 0; i < c->r->stages_count; i++) {
		struct stage *s = report_stage(c->r, i);
		if (s->number == 0)
			PROBLEM(c, KIND_STAGE, i, "number", -1, "stage numbers start at 1");
		check_year(c, KIND_STAGE, i, "from", s->from, false);
		check_year(c, KIND_STAGE, i, "to", s->to, false);
		if (s->to < s->from)
			PROBLEM(c, KIND_STAGE, i, "to", -1, "stage ends (%u) before it starts (%u)",
				s->to, s->from);
		s->section_ix = resolve(c, KIND_STAGE, i, "section", -1, s->section, KIND_SECTION);
		s->meeting_ix = resolve(c, KIND_STAGE, i, "meeting", -1, s->meeting, KIND_MEETING);
		s->action_plan_ix = resolve(c, KIND_STAGE, i, "action_plan", -1, s->action_plan,
					    KIND_PROGRAMME);
		for (unsigned p = 0; p < s->priorities_count; p++)
			s->priorities[p].area_ix = resolve(c, KIND_STAGE, i, "priorities.area", (int)p,
							   s->priorities[p].area, KIND_AREA);
		for (unsigned p = 0; p < s->prose_count; p++)
			check_passage(c, i, p, &s->prose[p]);
	}
}

static void check_areas(struct checker *c)
{
	for (size_t i = 0; i < c->r->areas_count; i++) {
		struct area *a = report_area(c->r, i);
		a->section_ix = resolve(c, KIND_AREA, i, "section", -1, a->section, KIND_SECTION);
		if (a->number != i + 1)
			PROBLEM(c, KIND_AREA, i, "number", -1,
				"areas must be numbered 1, 2, 3... in order; expected %zu, found %u",
				i + 1, a->number);
	}
}

static void check_activities(struct checker *c)
{
	for (size_t i = 0; i < c->r->activities_count; i++) {
		struct activity *a = report_activity(c->r, i);
		a->area_ix = resolve(c, KIND_ACTIVITY, i, "area", -1, a->area, KIND_AREA);
		a->section_ix = resolve(c, KIND_ACTIVITY, i, "section", -1, a->section, KIND_SECTION);
	}
}

static void check_events(struct checker *c)
{
	for (size_t i = 0; i < c->r->events_count; i++) {
		struct event *e = report_event(c->r, i);
		check_year(c, KIND_EVENT, i, "year", e->year, false);
		check_month(c, KIND_EVENT, i, e->month);
		e->section_ix = resolve(c, KIND_EVENT, i, "section", -1, e->section, KIND_SECTION);
		e->meeting_ix = resolve(c, KIND_EVENT, i, "meeting", -1, e->meeting, KIND_MEETING);
		e->stage_ix = report_stage_for_year(c->r, e->year);
		for (unsigned l = 0; l < e->links_count; l++)
			resolve(c, KIND_EVENT, i, "links", (int)l, e->links[l], KIND_COUNT);
	}
}

/* The declared series: ids of their own (not entities), each once. */
static int check_series(struct checker *c)
{
	const struct report *r = c->r;
	c->series = id_table_new(r->series_count);
	if (!c->series)
		return -1;
	for (size_t i = 0; i < r->series_count; i++) {
		const char *id = report_series_at(r, i)->id;
		struct entity_ref dup;
		if (!id_well_formed(id))
			PROBLEM(c, LOAD_SERIES, i, "id", -1,
				"id '%s' must be 1-%u characters of a-z, 0-9 and '-', not starting with '-'",
				id, ID_MAX);
		else if (id_table_add(c->series, id, (struct entity_ref){ KIND_COUNT, (int)i }, &dup) != 0)
			PROBLEM(c, LOAD_SERIES, i, "id", -1, "series '%s' is declared twice", id);
	}
	return 0;
}

/* A meeting's series, by the id the series list declares. */
static int resolve_series(struct checker *c, size_t meeting, const char *id)
{
	struct entity_ref ref;
	if (!id)
		return NO_INDEX;
	if (id_table_find(c->series, id, &ref) == 0)
		return ref.index;
	PROBLEM(c, KIND_MEETING, meeting, "series", -1,
		"'series' refers to '%s', which the top-level 'series' list does not declare", id);
	return NO_INDEX;
}

static void check_others(struct checker *c)
{
	for (size_t i = 0; i < c->r->meetings_count; i++) {
		struct meeting *m = report_meeting(c->r, i);
		check_year(c, KIND_MEETING, i, "year", m->year, true);
		check_month(c, KIND_MEETING, i, m->month);
		m->section_ix = resolve(c, KIND_MEETING, i, "section", -1, m->section, KIND_SECTION);
		m->series_ix = resolve_series(c, i, m->series);
	}
	for (size_t i = 0; i < c->r->programmes_count; i++) {
		struct programme *p = report_programme(c->r, i);
		p->section_ix = resolve(c, KIND_PROGRAMME, i, "section", -1, p->section, KIND_SECTION);
	}
	for (size_t i = 0; i < c->r->terms_count; i++) {
		struct term *t = report_term(c->r, i);
		t->section_ix = resolve(c, KIND_TERM, i, "section", -1, t->section, KIND_SECTION);
		resolve(c, KIND_TERM, i, "refers", -1, t->refers, KIND_COUNT);
	}
}

static void check_title(struct checker *c)
{
	struct load_ctx *ctx = c->ctx;
	for (size_t f = 0; f < ctx->files_count; f++) {
		const struct content_doc *doc = ctx->files[f].doc;
		if (!doc->report)
			continue;
		if (c->r->title) {
			const struct yaml_step at = { "report", 0 };
			unsigned line = 0, col = 0;
			const unsigned char *bytes = load_file_bytes(&ctx->files[f]);
			if (bytes)
				yamlcheck_locate(bytes, ctx->files[f].len, &at, 1, &line, &col);
			diag_add(ctx->diag, ctx->files[f].path, line, col,
				 "a second 'report' mapping: only one file may have one");
			c->problems++;
		} else {
			c->r->title = doc->report->title;
			c->r->short_name = doc->report->short_name;
		}
	}
	if (!c->r->title) {
		diag_add(ctx->diag, ctx->files_count ? ctx->files[0].path : "", 0, 0,
			 "no file has the 'report' mapping with the report's title");
		c->problems++;
	}
}

int validate_report(struct load_ctx *ctx)
{
	struct checker c = { ctx, ctx->report, 0, NULL };
	check_title(&c);
	if (build_ids(&c) != 0 || check_series(&c) != 0) {
		id_table_free(c.series);
		diag_add(ctx->diag, "", 0, 0, "out of memory");
		return 1;
	}
	check_sections(&c);
	check_stages(&c);
	check_areas(&c);
	check_activities(&c);
	check_events(&c);
	check_others(&c);
	id_table_free(c.series);
	return c.problems;
}
