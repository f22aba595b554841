/* snap_model.c - the model's structs made over a mapped snapshot: one
 * block for every entity and list, strings pointing into the mapping
 * (nothing parsed or copied), and every offset, count and index checked
 * as it is read, with the rules validate.c gives a model loaded from YAML
 * (parents before children, events in date order, areas numbered in
 * order...), so that nothing that reads a model meets one it could not. */
#include "snap_internal.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct emphasis) == 12, "emphasis runs are read as the file has them");

/* Where the model's structs are carved from: one block, sized first. */
struct arena {
	char *at, *end;
};

static void *carve(struct arena *a, size_t n, size_t size)
{
	size_t bytes = (n * size + 7) & ~(size_t)7;
	if (bytes > (size_t)(a->end - a->at))
		return NULL;
	void *p = a->at;
	a->at += bytes;
	return p;
}

struct build {
	struct snapshot *s;
	struct report *r;
	struct arena arena;
	const uint32_t *strlists;
	size_t strlists_count;
	const char *what; /* the part being read, for the message */
	bool bad;
	/* lengths to check when the pool is read (the text is not touched) */
	struct snap_len_check *checks;
	size_t checks_count, checks_cap;
};

/* The string at `off` must be at least `len` bytes long. */
static void need_length(struct build *b, uint32_t off, uint32_t len)
{
	if (grow(&b->checks, &b->checks_cap, b->checks_count, sizeof(*b->checks), 64) != 0) {
		b->bad = true;
		return;
	}
	b->checks[b->checks_count++] = (struct snap_len_check){ off, len, false };
}

/* A string field: read, or the build is refused. */
static char *str(struct build *b, uint32_t off, bool optional)
{
	char *out;
	if (!snap_string(b->s, off, optional, &out))
		b->bad = true;
	return out;
}

/* A list of `list` records among `count`. */
static bool list_ok(struct snap_list l, size_t count)
{
	return l.at <= count && l.count <= count - l.at;
}

/* A list of strings: names, or a section's paragraphs (`prose`: anywhere
 * in the pool, checked when first read: snap_text.c). */
static char **str_list(struct build *b, struct snap_list l, unsigned *n, bool prose)
{
	*n = 0;
	if (!list_ok(l, b->strlists_count)) {
		b->bad = true;
		return NULL;
	}
	if (!l.count)
		return NULL;
	char **v = carve(&b->arena, l.count, sizeof(*v));
	if (!v) {
		b->bad = true;
		return NULL;
	}
	for (uint32_t i = 0; i < l.count; i++)
		if (!(prose ? snap_text_string(b->s, b->strlists[l.at + i], &v[i])
			    : snap_string(b->s, b->strlists[l.at + i], false, &v[i])))
			b->bad = true;
	*n = l.count;
	return v;
}

/* An index that must name one of `count` entities (or be NO_INDEX when
 * `optional`); one that names none is NO_INDEX, and the build refused. */
static int ix(struct build *b, int32_t i, size_t count, bool optional)
{
	if (i == NO_INDEX && optional)
		return NO_INDEX;
	if (i < 0 || (size_t)i >= count) {
		b->bad = true;
		return NO_INDEX;
	}
	return i;
}

static struct count *counts(struct build *b, struct snap_list l, unsigned *n)
{
	size_t total;
	const struct snap_count *v = snap_part(b->s, PART_COUNTS, sizeof(*v), &total);
	*n = 0;
	if (!list_ok(l, total)) {
		b->bad = true;
		return NULL;
	}
	struct count *out = l.count ? carve(&b->arena, l.count, sizeof(*out)) : NULL;
	if (l.count && !out) {
		b->bad = true;
		return NULL;
	}
	for (uint32_t i = 0; i < l.count; i++)
		out[i] = (struct count){ v[l.at + i].n, str(b, v[l.at + i].of, false),
					 str(b, v[l.at + i].words, true) };
	*n = l.count;
	return out;
}

/* Each kind: its records, its structs carved, the report's array of
 * pointers to them. */
#define KIND_RECORDS(part, rec_type, type, member) \
	size_t n_##member; \
	const struct rec_type *rec_##member = snap_part(b->s, part, sizeof(struct rec_type), &n_##member); \
	b->r->member = malloc((n_##member ? n_##member : 1) * sizeof(*b->r->member)); \
	if (!b->r->member) \
		return -1; \
	/* the block holds every entity: only lists a damaged file shares use it up */ \
	struct type *all_##member = carve(&b->arena, n_##member, sizeof(*all_##member)); \
	if (n_##member && !all_##member) \
		return b->bad = true, 0; \
	b->r->member##_count = n_##member; \
	for (size_t i = 0; i < n_##member; i++) \
		b->r->member[i] = &all_##member[i]

static bool year_ok(unsigned y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* The sections, with what the loader adds: number, name, depth, emphasis. */
static int build_sections(struct build *b)
{
	size_t n_emph;
	struct emphasis *emph = (struct emphasis *)snap_part(b->s, PART_EMPHASIS, sizeof(*emph), &n_emph);
	KIND_RECORDS(PART_SECTIONS, snap_section, section, sections);
	if (!b->bad) /* the first part found wrong is the one said */
		b->what = "sections";
	for (size_t i = 0; i < n_sections && !b->bad; i++) {
		const struct snap_section *x = &rec_sections[i];
		struct section *s = b->r->sections[i];
		s->id = str(b, x->id, false);
		s->title = str(b, x->title, false);
		s->parent = str(b, x->parent, true);
		s->number = str(b, x->number, true);
		s->paragraphs = str_list(b, x->paragraphs, &s->paragraphs_count, true);
		if (b->bad)
			return 0;
		need_length(b, x->title, x->name_at);
		s->name = s->title + x->name_at;
		/* parents come first (validate.c): no cycle, and the depth follows */
		s->parent_ix = ix(b, x->parent_ix, i, true);
		s->depth = s->parent_ix == NO_INDEX ? 0 : b->r->sections[s->parent_ix]->depth + 1;
		if (b->bad || s->depth > SECTION_MAX_DEPTH || !list_ok(x->emphasis, n_emph))
			return b->bad = true, 0;
		s->emphasis = x->emphasis.count ? emph + x->emphasis.at : NULL;
		s->emphasis_count = x->emphasis.count;
		for (unsigned e = 0; e < s->emphasis_count; e++) {
			const struct emphasis *run = &s->emphasis[e];
			if (run->paragraph >= s->paragraphs_count || run->start > run->end ||
			    (e && run->paragraph == run[-1].paragraph && run->start < run[-1].end))
				return b->bad = true, 0;
			/* its end within its paragraph: checked with the text (snap_text.c) */
		}
	}
	return 0;
}

static int build_stages(struct build *b)
{
	const struct report *r = b->r;
	size_t n_pri, n_pas;
	const struct snap_priority *pri = snap_part(b->s, PART_PRIORITIES, sizeof(*pri), &n_pri);
	const struct snap_passage *pas = snap_part(b->s, PART_PASSAGES, sizeof(*pas), &n_pas);
	KIND_RECORDS(PART_STAGES, snap_stage, stage, stages);
	if (!b->bad)
		b->what = "stages";
	for (size_t i = 0; i < n_stages && !b->bad; i++) {
		const struct snap_stage *x = &rec_stages[i];
		struct stage *s = b->r->stages[i];
		*s = (struct stage){ .id = str(b, x->id, false), .number = x->number,
				     .title = str(b, x->title, false), .name = str(b, x->name, false),
				     .from = x->from, .to = x->to, .section = str(b, x->section, false),
				     .meeting = str(b, x->meeting, true),
				     .action_plan = str(b, x->action_plan, true) };
		s->section_ix = ix(b, x->section_ix, r->sections_count, false);
		s->meeting_ix = ix(b, x->meeting_ix, r->meetings_count, true);
		s->action_plan_ix = ix(b, x->action_plan_ix, r->programmes_count, true);
		s->counts = counts(b, x->counts, &s->counts_count);
		s->achievements = str_list(b, x->achievements, &s->achievements_count, false);
		if (!s->number || !year_ok(s->from) || !year_ok(s->to) || s->to < s->from ||
		    !list_ok(x->priorities, n_pri) || !list_ok(x->prose, n_pas))
			return b->bad = true, 0;
		s->priorities_count = x->priorities.count;
		s->priorities = carve(&b->arena, s->priorities_count, sizeof(*s->priorities));
		s->prose_count = x->prose.count;
		s->prose = carve(&b->arena, s->prose_count, sizeof(*s->prose));
		if ((s->priorities_count && !s->priorities) || (s->prose_count && !s->prose))
			return b->bad = true, 0;
		for (unsigned p = 0; s->priorities && p < s->priorities_count; p++) {
			const struct snap_priority *y = &pri[x->priorities.at + p];
			s->priorities[p] = (struct priority){ str(b, y->text, false), str(b, y->area, true),
							      ix(b, y->area_ix, r->areas_count, true) };
		}
		for (unsigned p = 0; s->prose && p < s->prose_count && !b->bad; p++) {
			const struct snap_passage *y = &pas[x->prose.at + p];
			s->prose[p] = (struct passage){ str(b, y->section, false), y->first, y->last,
							ix(b, y->section_ix, r->sections_count, false) };
			unsigned n = b->bad ? 0 : r->sections[s->prose[p].section_ix]->paragraphs_count;
			if (y->first > n || y->last > n || (y->last && y->first > y->last))
				b->bad = true;
		}
	}
	return 0;
}

static int build_areas(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_AREAS, snap_area, area, areas);
	if (!b->bad)
		b->what = "areas";
	for (size_t i = 0; i < n_areas && !b->bad; i++) {
		const struct snap_area *x = &rec_areas[i];
		struct area *a = b->r->areas[i];
		*a = (struct area){ .id = str(b, x->id, false), .number = x->number,
				    .title = str(b, x->title, false), .section = str(b, x->section, false),
				    .section_ix = ix(b, x->section_ix, r->sections_count, false) };
		a->aliases = str_list(b, x->aliases, &a->aliases_count, false);
		a->counts = counts(b, x->counts, &a->counts_count);
		if (a->number != i + 1) /* numbered 1, 2, 3... (validate.c) */
			b->bad = true;
	}
	return 0;
}

static int build_activities(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_ACTIVITIES, snap_activity, activity, activities);
	if (!b->bad)
		b->what = "activities";
	for (size_t i = 0; i < n_activities && !b->bad; i++) {
		const struct snap_activity *x = &rec_activities[i];
		struct activity *a = b->r->activities[i];
		*a = (struct activity){ .id = str(b, x->id, false), .title = str(b, x->title, false),
					.short_name = str(b, x->short_name, true),
					.kind = (enum activity_kind)x->kind, .area = str(b, x->area, false),
					.section = str(b, x->section, false),
					.area_ix = ix(b, x->area_ix, r->areas_count, false),
					.section_ix = ix(b, x->section_ix, r->sections_count, false) };
		a->aliases = str_list(b, x->aliases, &a->aliases_count, false);
		a->counts = counts(b, x->counts, &a->counts_count);
		if (x->kind >= ACTIVITY_KIND_COUNT)
			b->bad = true;
	}
	return 0;
}

/* Events in date order, as the loader sorts them (a month 0 after the
 * dated ones of its year). */
static unsigned event_order(const struct event *e)
{
	return e->year * 16 + (e->month ? e->month : 13);
}

static int build_events(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_EVENTS, snap_event, event, events);
	if (!b->bad)
		b->what = "events";
	for (size_t i = 0; i < n_events && !b->bad; i++) {
		const struct snap_event *x = &rec_events[i];
		struct event *e = b->r->events[i];
		*e = (struct event){ .id = str(b, x->id, false), .year = x->year, .month = x->month,
				     .title = str(b, x->title, false), .section = str(b, x->section, false),
				     .meeting = str(b, x->meeting, true),
				     .short_name = str(b, x->short_name, true),
				     .section_ix = ix(b, x->section_ix, r->sections_count, false),
				     .meeting_ix = ix(b, x->meeting_ix, r->meetings_count, true),
				     .stage_ix = ix(b, x->stage_ix, r->stages_count, true) };
		e->links = str_list(b, x->links, &e->links_count, false);
		if (!year_ok(e->year) || e->month > 12 ||
		    (i && event_order(e) < event_order(b->r->events[i - 1])))
			b->bad = true;
	}
	return 0;
}

static int build_meetings(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_MEETINGS, snap_meeting, meeting, meetings);
	if (!b->bad)
		b->what = "meetings";
	for (size_t i = 0; i < n_meetings && !b->bad; i++) {
		const struct snap_meeting *x = &rec_meetings[i];
		struct meeting *m = b->r->meetings[i];
		*m = (struct meeting){ .id = str(b, x->id, false), .title = str(b, x->title, false),
				       .series = str(b, x->series, true), .ordinal = x->ordinal,
				       .year = x->year, .month = x->month,
				       .place = str(b, x->place, true), .section = str(b, x->section, false),
				       .section_ix = ix(b, x->section_ix, r->sections_count, false),
				       .series_ix = ix(b, x->series_ix, r->series_count, true) };
		m->aliases = str_list(b, x->aliases, &m->aliases_count, false);
		if ((m->year && !year_ok(m->year)) || m->month > 12)
			b->bad = true;
	}
	return 0;
}

static int build_programmes(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_PROGRAMMES, snap_programme, programme, programmes);
	if (!b->bad)
		b->what = "programmes";
	for (size_t i = 0; i < n_programmes && !b->bad; i++) {
		const struct snap_programme *x = &rec_programmes[i];
		struct programme *p = b->r->programmes[i];
		*p = (struct programme){ .id = str(b, x->id, false), .title = str(b, x->title, false),
					 .short_name = str(b, x->short_name, true),
					 .type = (enum programme_type)x->type,
					 .section = str(b, x->section, false),
					 .section_ix = ix(b, x->section_ix, r->sections_count, false) };
		p->aliases = str_list(b, x->aliases, &p->aliases_count, false);
		p->counts = counts(b, x->counts, &p->counts_count);
		if (x->type >= PROG_TYPE_COUNT)
			b->bad = true;
	}
	return 0;
}

static int build_terms(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_TERMS, snap_term, term, terms);
	if (!b->bad)
		b->what = "terms";
	for (size_t i = 0; i < n_terms && !b->bad; i++) {
		const struct snap_term *x = &rec_terms[i];
		*b->r->terms[i] = (struct term){ .id = str(b, x->id, false), .title = str(b, x->title, false),
						 .expansion = str(b, x->expansion, true),
						 .section = str(b, x->section, false),
						 .refers = str(b, x->refers, true),
						 .section_ix = ix(b, x->section_ix, r->sections_count, false) };
	}
	return 0;
}

static int build_series(struct build *b)
{
	KIND_RECORDS(PART_SERIES, snap_series, series, series);
	if (!b->bad)
		b->what = "series";
	for (size_t i = 0; i < n_series && !b->bad; i++) {
		const struct snap_series *x = &rec_series[i];
		*b->r->series[i] = (struct series){ str(b, x->id, false), str(b, x->title, false),
						    str(b, x->short_name, true) };
	}
	return 0;
}

/* The bytes every struct of the model takes, carved later from one block:
 * its entities, and its lists as many as the file holds. Lists named by
 * more than one entity (only a damaged file has them) would take more, so
 * a file cannot make the reader take more memory than its own size says:
 * such a file runs out of block and is refused. */
static size_t model_bytes(const struct snapshot *s)
{
	static const struct { enum snap_part part; size_t model; } kinds[] = {
		{ PART_SECTIONS, sizeof(struct section) }, { PART_STAGES, sizeof(struct stage) },
		{ PART_AREAS, sizeof(struct area) }, { PART_ACTIVITIES, sizeof(struct activity) },
		{ PART_EVENTS, sizeof(struct event) }, { PART_MEETINGS, sizeof(struct meeting) },
		{ PART_PROGRAMMES, sizeof(struct programme) }, { PART_TERMS, sizeof(struct term) },
		{ PART_SERIES, sizeof(struct series) }, { PART_STRLISTS, sizeof(char *) },
		{ PART_COUNTS, sizeof(struct count) }, { PART_PRIORITIES, sizeof(struct priority) },
		{ PART_PASSAGES, sizeof(struct passage) },
	};
	size_t total = 0;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		size_t n;
		snap_part(s, kinds[k].part, snap_part_record(kinds[k].part), &n);
		total += (n + 1) * kinds[k].model + 8;
	}
	return total;
}

/* Each section's heading as the loader splits it (heading_number_len): its
 * number, when the title starts with one, then a space, and the name is
 * the rest; without one the name is the whole title. Read once the names
 * are checked (their strings end inside the pool). */
static bool headings_ok(const struct report *r)
{
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = r->sections[i];
		size_t n = heading_number_len(s->title);
		bool split = n && s->number && strlen(s->number) == n && strncmp(s->title, s->number, n) == 0 &&
			     s->name == s->title + n + 1;
		if (n ? !split : s->number || s->name != s->title)
			return false;
	}
	return true;
}

bool snap_build_model(struct snapshot *s, struct report *r, char *why, size_t whylen)
{
	size_t n_report;
	const struct snap_report *rep = snap_part(s, PART_REPORT, sizeof(*rep), &n_report);
	size_t bytes = model_bytes(s);
	struct build b = { s, r, { NULL, NULL }, NULL, 0, "the report", false, NULL, 0, 0 };
	if (n_report != 1)
		return snap_fail(why, whylen, "is damaged (no report in it)");
	if (rep->zero || !rep->text_at || rep->text_at > s->pool_len)
		return snap_fail(why, whylen, "is damaged (where its text starts)");
	s->names_len = rep->text_at;
	b.strlists = snap_part(s, PART_STRLISTS, sizeof(uint32_t), &b.strlists_count);
	s->arena = malloc(bytes);
	if (!s->arena)
		return snap_fail(why, whylen, "cannot be read: out of memory");
	b.arena = (struct arena){ s->arena, (char *)s->arena + bytes };
	r->title = str(&b, rep->title, false);
	r->short_name = str(&b, rep->short_name, true);
	/* what others refer to first: the ranges of indices are known */
	int rc = build_series(&b) || build_sections(&b) || build_meetings(&b) ||
		 build_programmes(&b) || build_areas(&b) || build_stages(&b) ||
		 build_activities(&b) || build_events(&b) || build_terms(&b);
	bool ok = false;
	if (rc)
		snap_fail(why, whylen, "cannot be read: out of memory");
	else if (b.bad || !r->sections_count)
		snap_fail(why, whylen, "is damaged (an offset, count or index out of range in its %s)", b.what);
	else if (!snap_check_names(s, b.checks, b.checks_count))
		snap_fail(why, whylen, "is damaged (the checksum of its names, or a name's text or length)");
	else if (!headings_ok(r))
		snap_fail(why, whylen, "is damaged (a section's number is not the start of its title)");
	else if (!(s->text_state = calloc(r->sections_count, 1)))
		snap_fail(why, whylen, "cannot be read: out of memory");
	else
		ok = true;
	free(b.checks);
	return ok;
}

void *snapshot_entity(const struct report *r, enum entity_kind kind, size_t i)
{
	(void)r, (void)kind, (void)i;
	return NULL; /* every entity is made at open, for now */
}

struct series *snapshot_series(const struct report *r, size_t i)
{
	(void)r, (void)i;
	return NULL;
}
