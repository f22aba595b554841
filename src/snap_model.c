/* snap_model.c - the model's structs over a mapped snapshot, each entity
 * made the first time it is asked for (report_event(r, i) and its like,
 * model.h), so that a start reads the records of what it shows and not
 * every record of the file. An entity is made from its record (its block's
 * sum checked), its strings (snap_strings.c) pointing into the mapping,
 * nothing parsed or copied, and every offset, count and index checked as
 * it is read, with the rules validate.c gives a model loaded from YAML
 * (parents before children, events in date order, areas numbered in
 * order...), so that nothing that reads a model meets one it could not.
 * One found damaged is taken from the YAML the snapshot was made from,
 * while that is still what it was made from, or else shown as damaged, and
 * that is said once (snapshot_tell). */
#include "snap_internal.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct emphasis) == 12, "emphasis runs are read as the file has them");

/* What the lists of the entities made are carved from. */
#define CHUNK_BYTES (64u << 10)
struct snap_chunk {
	struct snap_chunk *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

/* Making one entity: bad once anything read is wrong. */
struct build {
	struct snapshot *s;
	const struct report *r;
	bool bad;
};

/* n records of `size` bytes for an entity's list, within the budget the
 * file's own lists give: lists named by more than one entity (only a
 * damaged file has them) would take more, so a file cannot make the reader
 * take more memory than its size says. NULL for none; bad when refused. */
static void *carve(struct build *b, size_t n, size_t size)
{
	struct snapshot *s = b->s;
	size_t bytes = (n * size + 7) & ~(size_t)7;
	if (!n)
		return NULL;
	if (bytes > s->lists_budget - s->lists_used) {
		b->bad = true;
		return NULL;
	}
	struct snap_chunk *c = s->chunks;
	if (!c || bytes > c->cap - c->used) {
		size_t cap = bytes > CHUNK_BYTES ? bytes : CHUNK_BYTES;
		if (!(c = malloc(sizeof(*c) + cap))) {
			b->bad = true;
			return NULL;
		}
		*c = (struct snap_chunk){ s->chunks, 0, cap };
		s->chunks = c;
	}
	void *p = c->data + c->used;
	c->used += bytes;
	s->lists_used += bytes;
	return p;
}

/* A list of `l` records among `count`. */
static bool list_ok(struct snap_list l, size_t count);
static const void *records(struct build *b, enum snap_part p, struct snap_list l);

/* A section's emphasis runs, read in place: within a budget of the runs
 * the file holds, so that sections naming the same runs (only a damaged
 * file has them) cannot make the reader walk them again and again. */
static const struct emphasis *emphasis_runs(struct build *b, struct snap_list l)
{
	size_t n;
	snap_part(b->s, PART_EMPHASIS, sizeof(struct emphasis), &n);
	if (l.count > n - b->s->emphasis_used) {
		b->bad = true;
		return NULL;
	}
	b->s->emphasis_used += l.count;
	return records(b, PART_EMPHASIS, l);
}

/* A list of `l` records among `count`. */
static bool list_ok(struct snap_list l, size_t count)
{
	return l.at <= count && l.count <= count - l.at;
}

/* Records [l.at, l.at + l.count) of part p, their blocks' sums checked;
 * NULL for none, and bad when they are not good to read. */
static const void *records(struct build *b, enum snap_part p, struct snap_list l)
{
	size_t n, size = snap_part_record(p);
	const unsigned char *v = snap_part(b->s, p, size, &n);
	if (!list_ok(l, n) ||
	    !snap_check_range(b->s, p, (uint64_t)l.at * size, (uint64_t)l.count * size)) {
		b->bad = true;
		return NULL;
	}
	return l.count ? v + (size_t)l.at * size : NULL;
}

/* Entity i's record of part p, or NULL (bad). */
static const void *record(struct build *b, enum snap_part p, size_t i)
{
	const void *x = records(b, p, (struct snap_list){ (uint32_t)i, 1 });
	if (!x)
		b->bad = true;
	return x;
}

/* A string field (a name: of the pool's names region), and its length. */
static char *str_len(struct build *b, uint32_t off, bool optional, size_t *len)
{
	char *out;
	*len = 0;
	if (!snap_string(b->s, off, optional, &out))
		b->bad = true;
	else if (out)
		*len = strlen(out); /* checked: it ends in the region */
	return out;
}

static char *str(struct build *b, uint32_t off, bool optional)
{
	size_t len;
	return str_len(b, off, optional, &len);
}

/* A list of strings: names, or a section's paragraphs (`prose`: anywhere
 * in the pool, checked when first read: snap_text.c). */
static char **str_list(struct build *b, struct snap_list l, unsigned *n, bool prose)
{
	const uint32_t *offs = records(b, PART_STRLISTS, l);
	char **v = offs ? carve(b, l.count, sizeof(*v)) : NULL;
	*n = 0;
	if (!v)
		return NULL;
	for (uint32_t i = 0; i < l.count; i++)
		if (!(prose ? snap_text_string(b->s, offs[i], &v[i]) : snap_string(b->s, offs[i], false, &v[i])))
			b->bad = true;
	*n = l.count;
	return v;
}

/* An index that must name one of `count` entities (or be NO_INDEX when
 * `optional`); one that names none is NO_INDEX, and the entity refused. */
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
	const struct snap_count *v = records(b, PART_COUNTS, l);
	struct count *out = v ? carve(b, l.count, sizeof(*out)) : NULL;
	*n = 0;
	if (!out)
		return NULL;
	for (uint32_t i = 0; i < l.count; i++)
		out[i] = (struct count){ v[i].n, str(b, v[i].of, false), str(b, v[i].words, true) };
	*n = l.count;
	return out;
}

static bool year_ok(unsigned y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* Each section's heading as the loader splits it (heading_number_len): its
 * number, when the title starts with one, then a space, and the name is
 * the rest; without one the name is the whole title. */
static bool heading_ok(const struct section *s)
{
	size_t n = heading_number_len(s->title);
	bool split = n && s->number && strlen(s->number) == n && strncmp(s->title, s->number, n) == 0 &&
		     s->name == s->title + n + 1;
	return n ? split : !s->number && s->name == s->title;
}

/* Whether the chain of parents above section i, read from the records
 * (each parent before its child), ends within the depth sections may nest
 * to: then making its parent makes at most that many more, and a chain
 * too long refuses section i alone, whatever was read before. */
static bool parents_within_depth(struct build *b, size_t i, int32_t p)
{
	for (unsigned depth = 0; p != NO_INDEX; depth++) {
		const struct snap_section *x;
		if (depth >= SECTION_MAX_DEPTH || p < 0 || (size_t)p >= i ||
		    !(x = record(b, PART_SECTIONS, (size_t)p)))
			return false;
		i = (size_t)p;
		p = x->parent_ix;
	}
	return true;
}

/* A section, with what the loader adds: number, name, depth, emphasis. */
static void make_section(struct build *b, size_t i, struct section *s)
{
	const struct snap_section *x = record(b, PART_SECTIONS, i);
	size_t title_len;
	if (!x)
		return;
	s->id = str(b, x->id, false);
	s->title = str_len(b, x->title, false, &title_len);
	s->parent = str(b, x->parent, true);
	s->number = str(b, x->number, true);
	s->paragraphs = str_list(b, x->paragraphs, &s->paragraphs_count, true);
	/* parents come first (validate.c): no cycle, and the depth follows */
	s->parent_ix = ix(b, x->parent_ix, i, true);
	if (b->bad || x->name_at > title_len || !parents_within_depth(b, i, x->parent_ix))
		return (void)(b->bad = true);
	s->name = s->title + x->name_at;
	/* the parent's own depth is the model's (a parent taken from the YAML
	 * has the YAML's, which is the content's) */
	s->depth = s->parent_ix == NO_INDEX ? 0 : report_section(b->r, (size_t)s->parent_ix)->depth + 1;
	const struct emphasis *runs = emphasis_runs(b, x->emphasis);
	if (b->bad || s->depth > SECTION_MAX_DEPTH || !heading_ok(s))
		return (void)(b->bad = true);
	s->emphasis = (struct emphasis *)runs; /* read only, as the mapping is */
	s->emphasis_count = x->emphasis.count;
	for (unsigned e = 0; e < s->emphasis_count; e++) {
		const struct emphasis *run = &runs[e];
		if (run->paragraph >= s->paragraphs_count || run->start > run->end ||
		    (e && run->paragraph == run[-1].paragraph && run->start < run[-1].end))
			return (void)(b->bad = true);
		/* its end within its paragraph: checked with the text (snap_text.c) */
	}
}

static void make_stage(struct build *b, size_t i, struct stage *s)
{
	const struct report *r = b->r;
	const struct snap_stage *x = record(b, PART_STAGES, i);
	if (!x)
		return;
	*s = (struct stage){ .id = str(b, x->id, false), .number = x->number,
			     .title = str(b, x->title, false), .name = str(b, x->name, false),
			     .from = x->from, .to = x->to, .section = str(b, x->section, false),
			     .meeting = str(b, x->meeting, true), .action_plan = str(b, x->action_plan, true) };
	s->section_ix = ix(b, x->section_ix, r->sections_count, false);
	s->meeting_ix = ix(b, x->meeting_ix, r->meetings_count, true);
	s->action_plan_ix = ix(b, x->action_plan_ix, r->programmes_count, true);
	s->counts = counts(b, x->counts, &s->counts_count);
	s->achievements = str_list(b, x->achievements, &s->achievements_count, false);
	const struct snap_priority *pri = records(b, PART_PRIORITIES, x->priorities);
	const struct snap_passage *pas = records(b, PART_PASSAGES, x->prose);
	if (b->bad || !s->number || !year_ok(s->from) || !year_ok(s->to) || s->to < s->from)
		return (void)(b->bad = true);
	s->priorities_count = x->priorities.count;
	s->priorities = carve(b, s->priorities_count, sizeof(*s->priorities));
	s->prose_count = x->prose.count;
	s->prose = carve(b, s->prose_count, sizeof(*s->prose));
	for (unsigned p = 0; s->priorities && p < s->priorities_count; p++)
		s->priorities[p] = (struct priority){ str(b, pri[p].text, false), str(b, pri[p].area, true),
						      ix(b, pri[p].area_ix, r->areas_count, true) };
	for (unsigned p = 0; s->prose && p < s->prose_count && !b->bad; p++) {
		s->prose[p] = (struct passage){ str(b, pas[p].section, false), pas[p].first, pas[p].last,
						ix(b, pas[p].section_ix, r->sections_count, false) };
		unsigned n = b->bad ? 0 : report_section(r, (size_t)s->prose[p].section_ix)->paragraphs_count;
		if (pas[p].first > n || pas[p].last > n || (pas[p].last && pas[p].first > pas[p].last))
			b->bad = true;
	}
}

static void make_area(struct build *b, size_t i, struct area *a)
{
	const struct snap_area *x = record(b, PART_AREAS, i);
	if (!x)
		return;
	*a = (struct area){ .id = str(b, x->id, false), .number = x->number,
			    .title = str(b, x->title, false), .section = str(b, x->section, false),
			    .section_ix = ix(b, x->section_ix, b->r->sections_count, false) };
	a->aliases = str_list(b, x->aliases, &a->aliases_count, false);
	a->counts = counts(b, x->counts, &a->counts_count);
	if (a->number != i + 1) /* numbered 1, 2, 3... (validate.c) */
		b->bad = true;
}

static void make_activity(struct build *b, size_t i, struct activity *a)
{
	const struct report *r = b->r;
	const struct snap_activity *x = record(b, PART_ACTIVITIES, i);
	if (!x)
		return;
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

/* Events in date order, as the loader sorts them (a month 0 after the
 * dated ones of its year). */
static uint64_t event_order(uint32_t year, uint32_t month)
{
	return (uint64_t)year * 16 + (month ? month : 13);
}

/* Event i's record when its block reads well, else NULL (not a refusal:
 * the event after one is only compared with it). */
static const struct snap_event *readable_event(struct snapshot *s, size_t i)
{
	size_t n;
	const struct snap_event *v = snap_part(s, PART_EVENTS, sizeof(*v), &n);
	return i < n && snap_check_range(s, PART_EVENTS, i * sizeof(*v), sizeof(*v)) ? &v[i] : NULL;
}

/* Each event is checked against the records before and after it: events
 * made in order are in date order, as the loader sorts them. (Of a damaged
 * file they may not be, as a whole, nor a stand-in: what reads them relies
 * on their order for where to look, never for bounds, and a stage's events
 * are then found by reading every event: snapshot_events_refused.) */
static void make_event(struct build *b, size_t i, struct event *e)
{
	const struct report *r = b->r;
	const struct snap_event *x = record(b, PART_EVENTS, i);
	const struct snap_event *before = i ? record(b, PART_EVENTS, i - 1) : NULL;
	const struct snap_event *after = i + 1 < r->events_count ? readable_event(b->s, i + 1) : NULL;
	if (!x || (i && !before))
		return;
	*e = (struct event){ .id = str(b, x->id, false), .year = x->year, .month = x->month,
			     .title = str(b, x->title, false), .section = str(b, x->section, false),
			     .meeting = str(b, x->meeting, true), .short_name = str(b, x->short_name, true),
			     .section_ix = ix(b, x->section_ix, r->sections_count, false),
			     .meeting_ix = ix(b, x->meeting_ix, r->meetings_count, true),
			     .stage_ix = ix(b, x->stage_ix, r->stages_count, true) };
	e->links = str_list(b, x->links, &e->links_count, false);
	if (!year_ok(e->year) || e->month > 12 ||
	    (before && event_order(x->year, x->month) < event_order(before->year, before->month)) ||
	    (after && event_order(after->year, after->month) < event_order(x->year, x->month)))
		b->bad = true;
}

static void make_meeting(struct build *b, size_t i, struct meeting *m)
{
	const struct report *r = b->r;
	const struct snap_meeting *x = record(b, PART_MEETINGS, i);
	if (!x)
		return;
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

static void make_programme(struct build *b, size_t i, struct programme *p)
{
	const struct snap_programme *x = record(b, PART_PROGRAMMES, i);
	if (!x)
		return;
	*p = (struct programme){ .id = str(b, x->id, false), .title = str(b, x->title, false),
				 .short_name = str(b, x->short_name, true),
				 .type = (enum programme_type)x->type, .section = str(b, x->section, false),
				 .section_ix = ix(b, x->section_ix, b->r->sections_count, false) };
	p->aliases = str_list(b, x->aliases, &p->aliases_count, false);
	p->counts = counts(b, x->counts, &p->counts_count);
	if (x->type >= PROG_TYPE_COUNT)
		b->bad = true;
}

static void make_term(struct build *b, size_t i, struct term *t)
{
	const struct snap_term *x = record(b, PART_TERMS, i);
	if (!x)
		return;
	*t = (struct term){ .id = str(b, x->id, false), .title = str(b, x->title, false),
			    .expansion = str(b, x->expansion, true), .section = str(b, x->section, false),
			    .refers = str(b, x->refers, true),
			    .section_ix = ix(b, x->section_ix, b->r->sections_count, false) };
}

static void make_series(struct build *b, size_t i, struct series *x)
{
	const struct snap_series *y = record(b, PART_SERIES, i);
	if (y)
		*x = (struct series){ str(b, y->id, false), str(b, y->title, false), str(b, y->short_name, true) };
}

/* ---- each kind: its part, its structs, its array in the report ---- */

#define KIND_SERIES KIND_COUNT /* the series are made as the entities are */

struct kind_info {
	enum snap_part part;
	size_t size;          /* of its struct in the model */
	size_t slots, count;  /* where the report keeps its array and its count */
	const char *name;     /* for the message */
};

#define KIND(part, type, member, name) \
	{ part, sizeof(struct type), offsetof(struct report, member), \
	  offsetof(struct report, member##_count), name }
static const struct kind_info kinds[KIND_COUNT + 1] = {
	[KIND_SECTION] = KIND(PART_SECTIONS, section, sections, "section"),
	[KIND_STAGE] = KIND(PART_STAGES, stage, stages, "stage"),
	[KIND_AREA] = KIND(PART_AREAS, area, areas, "area"),
	[KIND_ACTIVITY] = KIND(PART_ACTIVITIES, activity, activities, "activity"),
	[KIND_EVENT] = KIND(PART_EVENTS, event, events, "event"),
	[KIND_MEETING] = KIND(PART_MEETINGS, meeting, meetings, "meeting"),
	[KIND_PROGRAMME] = KIND(PART_PROGRAMMES, programme, programmes, "programme"),
	[KIND_TERM] = KIND(PART_TERMS, term, terms, "term"),
	[KIND_SERIES] = KIND(PART_SERIES, series, series, "series"),
};
#undef KIND

/* The report's array for a kind (its arrays are the model's to fill, as
 * a model's structs are the loader's). */
static void ***slots_of(const struct report *r, int kind)
{
	return (void ***)((char *)r + kinds[kind].slots);
}

static size_t count_of(const struct report *r, int kind)
{
	return *(const size_t *)((const char *)r + kinds[kind].count);
}

static void make(struct build *b, int kind, size_t i, void *out)
{
	switch (kind) {
	case KIND_SECTION: make_section(b, i, out); break;
	case KIND_STAGE: make_stage(b, i, out); break;
	case KIND_AREA: make_area(b, i, out); break;
	case KIND_ACTIVITY: make_activity(b, i, out); break;
	case KIND_EVENT: make_event(b, i, out); break;
	case KIND_MEETING: make_meeting(b, i, out); break;
	case KIND_PROGRAMME: make_programme(b, i, out); break;
	case KIND_TERM: make_term(b, i, out); break;
	default: make_series(b, i, out); break;
	}
}

/* ---- an entity found damaged ---- */

/* What stands for an entity neither the snapshot nor the YAML can give:
 * every index one the model has (a section always: the file has one; an
 * area when there are activities: checked at opening), nothing else. */
static char damaged_id[] = "(damaged)", damaged_title[] = "(damaged in the snapshot)";

static void make_damaged(int kind, size_t i, void *out)
{
	char *id = damaged_id, *t = damaged_title;
	switch (kind) {
	case KIND_SECTION:
		*(struct section *)out = (struct section){ .id = id, .title = t, .name = t, .parent_ix = NO_INDEX };
		break;
	case KIND_STAGE:
		*(struct stage *)out = (struct stage){ .id = id, .number = 0, .title = t, .name = t,
						       .from = YEAR_MIN, .to = YEAR_MIN, .section = t,
						       .meeting_ix = NO_INDEX, .action_plan_ix = NO_INDEX };
		break;
	case KIND_AREA:
		*(struct area *)out = (struct area){ .id = id, .number = (unsigned)i + 1, .title = t, .section = t };
		break;
	case KIND_ACTIVITY:
		*(struct activity *)out = (struct activity){ .id = id, .title = t, .kind = ACTIVITY_OTHER,
							     .area = t, .section = t };
		break;
	case KIND_EVENT:
		*(struct event *)out = (struct event){ .id = id, .year = YEAR_MIN, .title = t, .section = t,
						       .meeting_ix = NO_INDEX, .stage_ix = NO_INDEX };
		break;
	case KIND_MEETING:
		*(struct meeting *)out = (struct meeting){ .id = id, .title = t, .section = t, .series_ix = NO_INDEX };
		break;
	case KIND_PROGRAMME:
		*(struct programme *)out = (struct programme){ .id = id, .title = t, .type = PROG_OTHER, .section = t };
		break;
	case KIND_TERM:
		*(struct term *)out = (struct term){ .id = id, .title = t, .section = t };
		break;
	default:
		*(struct series *)out = (struct series){ .id = id, .title = t };
		break;
	}
}

/* The YAML's entity for a damaged one: the content is what the snapshot
 * was made from (snap_yaml_report compares its key), so its entities are
 * the snapshot's, index for index. */
static void *from_yaml(struct snapshot *s, const struct report *r, int kind, size_t i, char *why,
		       size_t whylen)
{
	const struct report *y = snap_yaml_report(s, why, whylen);
	/* every kind as many: the YAML entity's indices are the model's */
	for (int k = 0; y && k <= KIND_SERIES; k++)
		if (count_of(y, k) != count_of(r, k)) {
			snprintf(why, whylen, "its content's entities are not the snapshot's");
			return NULL;
		}
	return y ? (*slots_of(y, kind))[i] : NULL;
}

/* Say (once, at the end of the run) which entities were refused and what
 * was shown instead; written again as more are found, unless another
 * part's refusal was said first. */
static void say_entity(struct snapshot *s, int kind, size_t i, bool from_yaml, const char *why)
{
	if (s->entities_damaged++ == 0)
		snprintf(s->entity_first, sizeof(s->entity_first), "%s %zu", kinds[kind].name, i + 1);
	if (!from_yaml) {
		s->entities_lost++;
		snprintf(s->entity_why, sizeof(s->entity_why), "%s", why);
	}
	if (s->told[0] && !s->told_entities)
		return;
	char what[160], then[400];
	if (s->entities_damaged == 1)
		snprintf(what, sizeof(what), "its %s", s->entity_first);
	else
		snprintf(what, sizeof(what), "%u of its entities, the first its %s", s->entities_damaged,
			 s->entity_first);
	unsigned read = s->entities_damaged - s->entities_lost;
	if (!s->entities_lost)
		snprintf(then, sizeof(then), "read from the YAML");
	else if (!read)
		snprintf(then, sizeof(then), "shown as damaged (%s)", s->entity_why);
	else
		snprintf(then, sizeof(then), "%u read from the YAML, %u shown as damaged (%s)", read,
			 s->entities_lost, s->entity_why);
	s->told[0] = '\0';
	snap_refuse_then(s, what, then);
	s->told_entities = true;
}

bool snapshot_stage_years(const struct report *r, size_t i, unsigned *from, unsigned *to);

/* How far back a stand-in event looks for a date. */
#define DATE_LOOKBACK 64u

/* A stand-in event's date: that of the nearest record before it that reads
 * well and is not after its own (when its own reads), so that a stand-in
 * keeps to date order beside its neighbours; YEAR_MIN when none is near. */
static void stand_in_date(struct snapshot *s, size_t i, struct event *e)
{
	const struct snap_event *own = readable_event(s, i);
	uint64_t limit = own && year_ok(own->year) && own->month <= 12 ? event_order(own->year, own->month)
								       : UINT64_MAX;
	for (size_t back = 1; back <= DATE_LOOKBACK && back <= i; back++) {
		const struct snap_event *x = readable_event(s, i - back);
		if (x && year_ok(x->year) && x->month <= 12 && event_order(x->year, x->month) <= limit) {
			e->year = x->year;
			e->month = x->month;
			return;
		}
	}
}

/* A stand-in, with dates that keep to the model's order: a stage's its
 * record's years when they read well (the axis reads them from the record:
 * snapshot_stage_years), an event's its neighbour's (stand_in_date). */
static void stand_in(struct snapshot *s, const struct report *r, int kind, size_t i, void *out)
{
	make_damaged(kind, i, out);
	if (kind == KIND_STAGE) {
		struct stage *st = out;
		snapshot_stage_years(r, i, &st->from, &st->to);
	} else if (kind == KIND_EVENT) {
		stand_in_date(s, i, out);
	}
}

/* What stands for an entity asked for past its kind's count: none of the
 * model's indices names one (an index is checked when its entity is made),
 * so only a bug can ask; it gets a stand-in, and nothing is written. */
static union {
	struct section section;
	struct stage stage;
	struct area area;
	struct activity activity;
	struct event event;
	struct meeting meeting;
	struct programme programme;
	struct term term;
	struct series series;
} past_the_end;

/* Entity i of a kind, made now: from its record, else from the YAML, else
 * a stand-in; put in the report's array. */
static void *entity(struct snapshot *s, const struct report *r, int kind, size_t i)
{
	if (i >= count_of(r, kind)) {
		make_damaged(kind, 0, &past_the_end);
		return &past_the_end;
	}
	void **slots = *slots_of(r, kind);
	void *out = (char *)s->entities[kind] + i * kinds[kind].size;
	struct build b = { s, r, false };
	make(&b, kind, i, out);
	if (b.bad) {
		char why[256] = "";
		void *y = from_yaml(s, r, kind, i, why, sizeof(why));
		if (y)
			out = y;
		else
			stand_in(s, r, kind, i, out);
		if (kind == KIND_SECTION) /* its text is the YAML's, or none */
			s->text_state[i] = PART_GOOD;
		s->events_refused |= kind == KIND_EVENT;
		say_entity(s, kind, i, y != NULL, why);
	}
	slots[i] = out;
	return out;
}

void *snapshot_entity(const struct report *r, enum entity_kind kind, size_t i)
{
	return entity(r->snap, r, kind, i);
}

struct series *snapshot_series(const struct report *r, size_t i)
{
	return entity(r->snap, r, KIND_SERIES, i);
}

/* A stage's years as its record has them, when its block is good and they
 * are what make_stage accepts (a stage made from that record has them);
 * false, and the caller makes the stage, otherwise. (A stage refused for
 * another field is taken from the YAML, whose years are the record's but
 * in a file made up and sealed again: only there can the axis read other
 * years before the stage is made than after; both within the years.) */
bool snapshot_stage_years(const struct report *r, size_t i, unsigned *from, unsigned *to)
{
	size_t n;
	const struct snap_stage *x = snap_part(r->snap, PART_STAGES, sizeof(*x), &n);
	if (i >= n || !snap_check_range(r->snap, PART_STAGES, i * sizeof(*x), sizeof(*x)) ||
	    !year_ok(x[i].from) || !year_ok(x[i].to) || x[i].to < x[i].from)
		return false;
	*from = x[i].from;
	*to = x[i].to;
	return true;
}

bool snapshot_events_refused(const struct report *r)
{
	return r->snap && r->snap->events_refused;
}

/* ---- opening ---- */

/* The bytes the lists of every entity take, as the file holds them. */
static size_t lists_bytes(const struct snapshot *s)
{
	static const struct { enum snap_part part; size_t model; } lists[] = {
		{ PART_STRLISTS, sizeof(char *) }, { PART_COUNTS, sizeof(struct count) },
		{ PART_PRIORITIES, sizeof(struct priority) }, { PART_PASSAGES, sizeof(struct passage) },
	};
	size_t total = 0;
	for (size_t k = 0; k < sizeof(lists) / sizeof(*lists); k++) {
		size_t n;
		snap_part(s, lists[k].part, snap_part_record(lists[k].part), &n);
		total += (n + 1) * lists[k].model + 8;
	}
	return total;
}

/* Each kind's array, empty, and the structs its entities will be made in. */
static bool arrays_new(struct snapshot *s, struct report *r)
{
	for (int k = 0; k <= KIND_SERIES; k++) {
		size_t n;
		snap_part(s, kinds[k].part, snap_part_record(kinds[k].part), &n);
		void ***slots = slots_of(r, k);
		*slots = calloc(n ? n : 1, sizeof(**slots));
		s->entities[k] = calloc(n ? n : 1, kinds[k].size);
		if (!*slots || !s->entities[k])
			return false;
		*(size_t *)((char *)r + kinds[k].count) = n;
	}
	return true;
}

bool snap_build_model(struct snapshot *s, struct report *r, char *why, size_t whylen)
{
	size_t n_report;
	const struct snap_report *rep = snap_part(s, PART_REPORT, sizeof(*rep), &n_report);
	if (n_report != 1)
		return snap_fail(why, whylen, "is damaged (no report in it)");
	if (rep->zero || !rep->text_at || rep->text_at > s->pool_len)
		return snap_fail(why, whylen, "is damaged (where its text starts)");
	s->names_len = rep->text_at;
	s->lists_budget = lists_bytes(s);
	if (!arrays_new(s, r) || !(s->text_state = calloc(r->sections_count + 1, 1)))
		return snap_fail(why, whylen, "cannot be read: out of memory");
	/* what a stand-in for a damaged entity points at */
	if (!r->sections_count || (r->activities_count && !r->areas_count))
		return snap_fail(why, whylen, "is damaged (it has no sections, or activities but no areas)");
	if (!snap_string(s, rep->title, false, &r->title) || !snap_string(s, rep->short_name, true, &r->short_name))
		return snap_fail(why, whylen, "is damaged (the report's title)");
	return true;
}

void snap_model_free(struct snapshot *s)
{
	for (int k = 0; k <= KIND_SERIES; k++)
		free(s->entities[k]);
	while (s->chunks) {
		struct snap_chunk *next = s->chunks->next;
		free(s->chunks);
		s->chunks = next;
	}
}
