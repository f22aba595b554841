/* present.c - the words temm writes for the report's things, and each
 * kind's page built from the model as plain data. */
#include "present.h"
#include "grow.h"
#include "links.h"
#include "relations.h"
#include "stage_events.h"
#include "tally.h"
#include "text.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_LINK ((struct entity_ref){ KIND_COUNT, NO_INDEX })

enum glyph { GLYPH_LEVEL, GLYPH_KIND, GLYPH_BULLET, GLYPH_MAPS_TO };

static const char *glyph(enum present_glyphs g, enum glyph which)
{
	static const char *const utf8[] = { " \u203a ", " \u00b7 ", "\u2022", " \u2192 " };
	static const char *const ascii[] = { " > ", " - ", "-", " -> " };
	return g == PRESENT_ASCII ? ascii[which] : utf8[which];
}

enum present_glyphs present_glyphs_for_locale(bool ascii)
{
	const char *cs = nl_langinfo(CODESET);
	return ascii || !cs || strcmp(cs, "UTF-8") != 0 ? PRESENT_ASCII : PRESENT_UTF8;
}

/* ---- words ---- */

const char *present_date(unsigned year, unsigned month, enum present_date_style style,
			 char buf[PRESENT_DATE_MAX])
{
	static const char *const months[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	if (!year)
		buf[0] = '\0';
	else if (month < 1 || month > 12)
		snprintf(buf, PRESENT_DATE_MAX, "%u", year);
	else if (style == PRESENT_DATE_COMPACT)
		snprintf(buf, PRESENT_DATE_MAX, "%u-%02u", year, month);
	else
		snprintf(buf, PRESENT_DATE_MAX, "%s %u", months[month - 1], year);
	return buf;
}

const char *present_roman(unsigned n, char buf[PRESENT_ROMAN_MAX])
{
	static const struct { unsigned value; const char *digits; } table[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" },
		{ 90, "XC" }, { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" },
		{ 4, "IV" }, { 1, "I" },
	};
	if (n == 0 || n > 3999) {
		snprintf(buf, PRESENT_ROMAN_MAX, "%u", n);
		return buf;
	}
	size_t len = 0; /* at most 15 characters: MMMDCCCLXXXVIII */
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		for (; n >= table[i].value; n -= table[i].value) {
			size_t k = strlen(table[i].digits);
			memcpy(buf + len, table[i].digits, k);
			len += k;
		}
	}
	buf[len] = '\0';
	return buf;
}

/* What a section at `depth` levels above the place says of it: an outer
 * level its number, the place itself its whole title. */
static const char *place_part(const struct section *s, size_t depth)
{
	return depth > 0 && s->number ? s->number : s->title;
}

char *present_place(const struct report *r, int section_ix, enum present_glyphs g)
{
	if (section_ix < 0 || (size_t)section_ix >= r->sections_count)
		return strdup("");
	size_t n = 0;
	for (int s = section_ix; s >= 0; s = report_section(r, s)->parent_ix)
		n++;
	int *chain = malloc(n * sizeof(*chain)); /* innermost first */
	if (!chain)
		return NULL;
	n = 0;
	for (int s = section_ix; s >= 0; s = report_section(r, s)->parent_ix)
		chain[n++] = s;
	if (n > 1)
		n--; /* the outermost: a deeper level says it */
	const char *sep = glyph(g, GLYPH_LEVEL);
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(sep) + strlen(place_part(report_section(r, chain[i]), i));
	char *out = malloc(len), *at = out;
	for (size_t i = n; out && i-- > 0;) {
		at = stpcpy(at, place_part(report_section(r, chain[i]), i));
		if (i > 0)
			at = stpcpy(at, sep);
	}
	free(chain);
	return out;
}

char *present_label(const struct report *r, struct entity_ref ref, enum present_glyphs g)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return NULL;
	char *s = NULL, roman[PRESENT_ROMAN_MAX];
	int n;
	switch (ref.kind) {
	case KIND_SECTION:
		return present_place(r, ref.index, g);
	case KIND_STAGE: {
		const struct stage *st = report_stage(r, ref.index);
		n = asprintf(&s, "Stage %s %s", present_roman(st->number, roman), st->name);
		break;
	}
	case KIND_AREA:
		n = asprintf(&s, "%u) %s", report_area(r, ref.index)->number, report_area(r, ref.index)->title);
		break;
	case KIND_EVENT:
		return present_event_label(r, ref.index);
	default:
		n = asprintf(&s, "%s", report_entity_title(r, ref));
		break;
	}
	return n < 0 ? NULL : s;
}

/* The shortest name a meeting goes by: "TEMM16", "1st APT Leaders' Meeting". */
static const char *meeting_name(const struct meeting *m)
{
	const char *best = m->title;
	for (unsigned i = 0; i < m->aliases_count; i++)
		if (*m->aliases[i] && strlen(m->aliases[i]) < strlen(best))
			best = m->aliases[i];
	return best;
}

/* Whether hay holds needle, ASCII case aside (an empty needle: no). */
static bool contains_folded(const char *hay, const char *needle)
{
	return *needle && strcasestr(hay, needle) != NULL;
}

char *present_event_label(const struct report *r, int ix)
{
	if (ix < 0 || (size_t)ix >= r->events_count)
		return NULL;
	const struct event *e = report_event(r, ix);
	const char *what = e->short_name ? e->short_name : e->title;
	const struct meeting *m = e->meeting_ix >= 0 ? report_meeting(r, e->meeting_ix) : NULL;
	const char *name = m ? meeting_name(m) : NULL;
	char *s = NULL;
	int n;
	if (name && !contains_folded(what, name)) {
		/* the city: a place reads "Daegu, ROK" */
		int city = m->place ? (int)strcspn(m->place, ",") : 0;
		n = asprintf(&s, "%s%s%.*s: %s", name, city ? ", " : "", city, m->place ? m->place : "",
			     what);
	} else {
		n = asprintf(&s, "%s", what);
	}
	if (n < 0)
		return NULL;
	/* the report's clauses start in lower case ("leaders of China ...") */
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

const char *present_series_words(const struct report *r, const struct meeting *m)
{
	const struct series *s = report_meeting_series(r, m);
	return !s ? NULL : s->short_name ? s->short_name : s->title;
}

/* "working-group" -> "working group"; "other" says nothing. */
static const char *schema_words(const char *value, char *buf, size_t size)
{
	if (!value || strcmp(value, "other") == 0 || strcmp(value, "?") == 0)
		return NULL;
	snprintf(buf, size, "%s", value);
	for (char *c = buf; *c; c++)
		if (*c == '-')
			*c = ' ';
	return buf;
}

const char *present_activity_type_words(enum activity_kind kind, char *buf, size_t size)
{
	return schema_words(activity_kind_name(kind), buf, size);
}

const char *present_programme_type_words(enum programme_type type, char *buf, size_t size)
{
	return schema_words(programme_type_name(type), buf, size);
}

/* ---- building a page ---- */

struct build {
	const struct report *r;
	struct present_page *p;
	enum present_glyphs g;
	const struct mentions *m;
	const struct link_index *x; /* may be NULL: report_links_to finds them */
	bool oom;
	bool lazy; /* a long list's rows are left to present_page_more */
};

/* What a page begun by present_page_begin still has to make: the rows of
 * block p->filling (a stage's events, from `ahead` on), then the links
 * nothing above shows. */
struct present_rest {
	struct build b;
	struct stage_events it;
	int ahead;    /* the next row's event */
	int tag_cols; /* the widest date of all the rows */
};

/* What refers to `ref`: from the index when there is one. */
static int refers_to(const struct build *b, struct entity_ref ref, struct link_list *l)
{
	return report_links_to(b->r, b->x, ref, l);
}

static bool is_link(struct entity_ref ref)
{
	return ref.kind < KIND_COUNT && ref.index >= 0;
}

/* A resolved index as a link, or none (NO_INDEX). */
static struct entity_ref ref_to(enum entity_kind kind, int ix)
{
	return ix >= 0 ? (struct entity_ref){ kind, ix } : NO_LINK;
}

static void put(struct build *b, struct present_line *l, enum present_tone tone,
		struct entity_ref link, const char *text)
{
	if (!text || !*text)
		return;
	char *copy = strdup(text);
	if (!copy || grow(&l->runs, &l->runs_cap, l->runs_count, sizeof(*l->runs), 1) != 0) { /* most lines are one run */
		free(copy);
		b->oom = true;
		return;
	}
	l->runs[l->runs_count++] = (struct present_run){ copy, tone, link };
}

static void putf(struct build *b, struct present_line *l, enum present_tone tone, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void putf(struct build *b, struct present_line *l, enum present_tone tone, const char *fmt, ...)
{
	char *s;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	put(b, l, tone, NO_LINK, s);
	free(s);
}

/* A link to `to`, in the words present_label gives it. */
static void put_link(struct build *b, struct present_line *l, struct entity_ref to)
{
	char *label = present_label(b->r, to, b->g);
	if (!label) {
		b->oom = b->oom || is_link(to);
		return;
	}
	put(b, l, PRESENT_PLAIN, to, label);
	free(label);
}

static struct present_raw raw_ref(struct entity_ref ref)
{
	if (!is_link(ref))
		return (struct present_raw){ .type = PRESENT_RAW_NULL };
	return (struct present_raw){ .type = PRESENT_RAW_REF, .ref = ref };
}

static struct present_raw raw_text(const char *s)
{
	return (struct present_raw){ .type = s ? PRESENT_RAW_TEXT : PRESENT_RAW_NULL, .text = s };
}

static const struct present_raw raw_none = { .type = PRESENT_RAW_NONE };

/* A new field; its value is filled through the returned line, which stays
 * valid until the next field is added. */
static struct present_line *field(struct build *b, const char *label, const char *key,
				  struct present_raw raw)
{
	struct present_page *p = b->p;
	if (grow(&p->fields, &p->fields_cap, p->fields_count, sizeof(*p->fields), 8) != 0) {
		b->oom = true;
		return NULL;
	}
	struct present_field *f = &p->fields[p->fields_count++];
	*f = (struct present_field){ label, { NULL, 0, 0 }, key, raw };
	return &f->value;
}

/* "Label: <link>", or an empty value that keeps the raw null. The value,
 * for words after the link; NULL when there is no link. */
static struct present_line *field_link(struct build *b, const char *label, const char *key,
				       struct entity_ref to)
{
	struct present_line *v = field(b, label, key, key ? raw_ref(to) : raw_none);
	if (!v || !is_link(to))
		return NULL;
	put_link(b, v, to);
	return v;
}

static void field_text(struct build *b, const char *label, const char *key, const char *text)
{
	struct present_line *v = field(b, label, key, key ? raw_text(text) : raw_none);
	if (v)
		put(b, v, PRESENT_PLAIN, NO_LINK, text);
}

/* "Told in", and where the content's section is another (the first that
 * names a meeting or a programme), "First named in". */
static void field_told_in(struct build *b)
{
	int told = relations_told_in(b->r, b->m, b->p->ref);
	int own = report_entity_section(b->r, b->p->ref);
	field_link(b, "Told in", "told_in", ref_to(KIND_SECTION, told));
	if (own != told)
		field_link(b, "First named in", NULL, ref_to(KIND_SECTION, own));
}

static void field_date(struct build *b, unsigned year, unsigned month)
{
	struct present_raw raw = { .type = PRESENT_RAW_DATE, .year = year, .month = month };
	struct present_line *v = field(b, "Date", "date", raw);
	char date[PRESENT_DATE_MAX];
	if (v)
		put(b, v, PRESENT_PLAIN, NO_LINK, present_date(year, month, PRESENT_DATE_WORDS, date));
}

/* Other names, without the ones the page already shows. */
static void field_aliases(struct build *b, char **aliases, unsigned n, const char *short_name)
{
	struct present_line *v = field(b, "Also called", NULL, raw_none);
	const char *title = b->p->title ? b->p->title : "";
	for (unsigned i = 0; v && i < n; i++) {
		if (strcmp(aliases[i], title) == 0 || (short_name && strcmp(aliases[i], short_name) == 0))
			continue;
		if (v->runs_count)
			put(b, v, PRESENT_QUIET, NO_LINK, "; ");
		put(b, v, PRESENT_PLAIN, NO_LINK, aliases[i]);
	}
}

/* A new block; the index, since adding blocks moves them. -1 on failure. */
static int block(struct build *b, enum present_block_type type, const char *heading,
		 const char *key, enum present_shape shape)
{
	struct present_page *p = b->p;
	char *h = heading ? strdup(heading) : NULL;
	if ((heading && !h) ||
	    grow(&p->blocks, &p->blocks_cap, p->blocks_count, sizeof(*p->blocks), 8) != 0) {
		free(h);
		b->oom = true;
		return -1;
	}
	p->blocks[p->blocks_count] = (struct present_block){ .type = type, .heading = h, .key = key,
		.shape = shape, .section = NO_INDEX };
	return (int)p->blocks_count++;
}

static void prose(struct build *b, const char *heading, const char *key, int section,
		  unsigned first, unsigned end)
{
	if (section < 0 || (end <= first && !key)) /* JSON keeps an empty list */
		return;
	int k = block(b, PRESENT_PROSE, heading, key, key ? PRESENT_SHAPE_PARAGRAPHS : PRESENT_SHAPE_NONE);
	if (k < 0)
		return;
	b->p->blocks[k].section = section;
	b->p->blocks[k].first = first;
	b->p->blocks[k].end = end;
}

/* A new row of block k; valid until the block's next row. */
static struct present_item *item(struct build *b, int k, const char *tag, struct entity_ref ref)
{
	if (k < 0)
		return NULL;
	struct present_block *bl = &b->p->blocks[k];
	char *t = tag ? strdup(tag) : NULL;
	if ((tag && !t) || grow(&bl->items, &bl->items_cap, bl->items_count, sizeof(*bl->items), 8) != 0) {
		free(t);
		b->oom = true;
		return NULL;
	}
	struct present_item *it = &bl->items[bl->items_count++];
	*it = (struct present_item){ .tag = t, .ref = ref };
	return it;
}

/* "18 meetings of coordinators", and the report's wording where it differs. */
static void count_line(struct build *b, struct present_line *l, const struct count *c)
{
	putf(b, l, PRESENT_STRONG, "%u", c->n);
	putf(b, l, PRESENT_PLAIN, " %s", c->of);
	if (c->words)
		putf(b, l, PRESENT_QUIET, " (the report: \"%s\")", c->words);
}

static void counts(struct build *b, const struct count *c, unsigned n)
{
	int k = block(b, PRESENT_LIST, "Figures the report gives", "counts", PRESENT_SHAPE_COUNTS);
	for (unsigned i = 0; i < n; i++) {
		struct present_item *it = item(b, k, NULL, NO_LINK);
		if (!it)
			return;
		it->count = &c[i];
		count_line(b, &it->line, &c[i]);
	}
}

/* A dated row for an event: its date in words, a link to it. */
static void event_row(struct build *b, int k, int ev)
{
	const struct event *e = report_event(b->r, ev);
	char date[PRESENT_DATE_MAX];
	struct entity_ref ref = { KIND_EVENT, ev };
	struct present_item *it = item(b, k, present_date(e->year, e->month, PRESENT_DATE_WORDS, date), ref);
	if (it)
		put_link(b, &it->line, ref);
}

/* A row naming an entity, its kind as the tag. */
static void kind_row(struct build *b, int k, struct entity_ref ref)
{
	struct present_item *it = item(b, k, entity_kind_name(ref.kind), ref);
	if (it)
		put_link(b, &it->line, ref);
}

static void kind_line(struct build *b, const char *kind, const char *words, const char *key,
		      const char *raw)
{
	b->p->kind.key = key;
	b->p->kind.raw = key ? raw_text(raw) : raw_none;
	put(b, &b->p->kind.value, PRESENT_PLAIN, NO_LINK, kind);
	if (words) {
		put(b, &b->p->kind.value, PRESENT_QUIET, NO_LINK, glyph(b->g, GLYPH_KIND));
		put(b, &b->p->kind.value, PRESENT_PLAIN, NO_LINK, words);
	}
}

static void set_title(struct build *b, const char *title)
{
	b->p->title = strdup(title ? title : "");
	b->oom = b->oom || !b->p->title;
}

/* ---- a stage's events: all at once, or as they are read ---- */

static void stage_events_now(struct build *b, int k, int stage)
{
	struct stage_events it;
	stage_events_start(&it, b->r, stage);
	for (int ev; (ev = stage_events_next(&it)) != NO_INDEX;)
		event_row(b, k, ev);
}

/* The widest of the stage's dates in words: the tag column its rows will
 * have once all are made, read from one event of each date. */
static int widest_date(const struct report *r, int stage)
{
	struct stage_events it;
	stage_events_start(&it, r, stage);
	int widest = 0;
	for (int ev; (ev = stage_events_next_date(&it)) != NO_INDEX;) {
		char date[PRESENT_DATE_MAX];
		const struct event *e = report_event(r, (size_t)ev);
		present_date(e->year, e->month, PRESENT_DATE_WORDS, date);
		int w = text_width(date, strlen(date));
		widest = w > widest ? w : widest;
	}
	return widest;
}

/* Block k is left to present_page_more when the stage has events. */
static void stage_events_later(struct build *b, int k, int stage)
{
	struct present_rest *rest = k >= 0 ? calloc(1, sizeof(*rest)) : NULL;
	if (!rest) {
		b->oom = true;
		return;
	}
	stage_events_start(&rest->it, b->r, stage);
	rest->ahead = stage_events_next(&rest->it);
	if (rest->ahead == NO_INDEX) {
		free(rest);
		return;
	}
	rest->tag_cols = widest_date(b->r, stage);
	b->p->rest = rest;
	b->p->filling = k;
}

/* ---- one function per kind ---- */

static void page_stage(struct build *b, int ix)
{
	const struct report *r = b->r;
	const struct stage *s = report_stage(r, ix);
	char roman[PRESENT_ROMAN_MAX], years[32], date[PRESENT_DATE_MAX];
	present_roman(s->number, roman);
	snprintf(years, sizeof(years), "%u-%u", s->from, s->to);
	char *kind = NULL;
	if (asprintf(&kind, "Stage %s", roman) < 0)
		kind = NULL;
	kind_line(b, kind ? kind : "Stage", years, NULL, NULL);
	free(kind);
	set_title(b, s->title);
	field_told_in(b);
	struct entity_ref meeting = ref_to(KIND_MEETING, s->meeting_ix);
	struct present_line *v = field_link(b, "Priorities set at", "meeting", meeting);
	if (v) {
		const struct meeting *m = report_meeting(r, s->meeting_ix);
		if (m->place)
			putf(b, v, PRESENT_PLAIN, ", %s", m->place);
		if (m->year)
			putf(b, v, PRESENT_PLAIN, ", %s", present_date(m->year, m->month, PRESENT_DATE_WORDS, date));
	}
	field_link(b, "Action plan", "action_plan",
		   ref_to(KIND_PROGRAMME, s->action_plan_ix));
	counts(b, s->counts, s->counts_count);

	/* the count is temm's: the report's own ("ten priority areas") is in
	 * its prose below */
	char heading[128], *listed = tally_words(r, s->priorities_count, NULL, NULL, s->section_ix);
	snprintf(heading, sizeof(heading), "Priority areas in the stage's own names: %s",
		 listed ? listed : "");
	free(listed);
	const char *areas_in = tally_place(r, tally_section(r, KIND_AREA, -1));
	int k = block(b, PRESENT_LIST, heading, "priorities", PRESENT_SHAPE_PRIORITIES);
	for (unsigned i = 0; i < s->priorities_count; i++) {
		const struct priority *pr = &s->priorities[i];
		struct entity_ref area = ref_to(KIND_AREA, pr->area_ix);
		struct present_item *it = item(b, k, glyph(b->g, GLYPH_BULLET), area);
		if (!it)
			break;
		it->text = pr->text;
		put(b, &it->line, PRESENT_PLAIN, NO_LINK, pr->text);
		put(b, &it->line, PRESENT_QUIET, NO_LINK, glyph(b->g, GLYPH_MAPS_TO));
		if (is_link(area))
			put_link(b, &it->line, area);
		else
			putf(b, &it->line, PRESENT_QUIET, "none of the areas%s%s", *areas_in ? " of " : "",
			     areas_in);
	}
	k = block(b, PRESENT_LIST, "Major achievements", "achievements", PRESENT_SHAPE_TEXTS);
	for (unsigned i = 0; i < s->achievements_count; i++) {
		char num[16];
		snprintf(num, sizeof(num), "%u.", i + 1);
		struct present_item *it = item(b, k, num, NO_LINK);
		if (!it)
			break;
		it->text = s->achievements[i];
		put(b, &it->line, PRESENT_PLAIN, NO_LINK, s->achievements[i]);
	}
	/* the passages the content names; one from another section says where */
	struct prose_span sp;
	int prev = NO_INDEX;
	for (size_t p = 0; report_stage_prose(r, ix, p, &sp); p++) {
		char *place = p && sp.section_ix != prev ? present_place(r, sp.section_ix, b->g) : NULL;
		prose(b, p ? place : "From the report", NULL, sp.section_ix, sp.first, sp.end);
		free(place);
		prev = sp.section_ix;
	}
	snprintf(heading, sizeof(heading), "Timeline of stage %s", roman);
	k = block(b, PRESENT_LIST, heading, "events", PRESENT_SHAPE_IDS);
	if (b->lazy)
		stage_events_later(b, k, ix);
	else
		stage_events_now(b, k, ix);
}

/* Events that name `ref`, each once, dated. */
static void events_naming(struct build *b, struct entity_ref ref, const char *heading)
{
	struct link_list l;
	int k = block(b, PRESENT_LIST, heading, "events", PRESENT_SHAPE_IDS);
	if (refers_to(b, ref, &l) != 0) {
		b->oom = true;
		return;
	}
	int last = NO_INDEX;
	for (size_t i = 0; i < l.count; i++) {
		if (l.links[i].from.kind != KIND_EVENT || l.links[i].from.index == last)
			continue;
		last = l.links[i].from.index;
		event_row(b, k, last);
	}
	link_list_free(&l);
}

static void activity_row(struct build *b, int k, int ix)
{
	const struct activity *a = report_activity(b->r, ix);
	struct entity_ref ref = { KIND_ACTIVITY, ix };
	struct present_item *it = item(b, k, glyph(b->g, GLYPH_BULLET), ref);
	if (!it)
		return;
	put_link(b, &it->line, ref);
	if (a->short_name)
		putf(b, &it->line, PRESENT_PLAIN, " (%s)", a->short_name);
	char words[64];
	if (present_activity_type_words(a->kind, words, sizeof(words))) {
		put(b, &it->line, PRESENT_QUIET, NO_LINK, glyph(b->g, GLYPH_KIND));
		put(b, &it->line, PRESENT_QUIET, NO_LINK, words);
	}
}

/* A figure of the report: its count, and whose it is when not the page's. */
static void figure_row(struct build *b, int k, const struct count *c, struct entity_ref holder)
{
	struct present_item *it = item(b, k, NULL, holder);
	if (!it)
		return;
	it->count = c;
	count_line(b, &it->line, c);
	if (!entity_ref_same(holder, b->p->ref)) {
		put(b, &it->line, PRESENT_QUIET, NO_LINK, glyph(b->g, GLYPH_KIND));
		put_link(b, &it->line, holder);
	}
}

/* An area's figures and its activities', together: "2 working groups",
 * "13 sessions of DG-level meetings · DG-level meetings", ... */
static void area_figures(struct build *b, int ix)
{
	const struct report *r = b->r;
	int k = block(b, PRESENT_LIST, "Figures the report gives", "figures", PRESENT_SHAPE_FIGURES);
	const struct area *a = report_area(r, ix);
	for (unsigned c = 0; c < a->counts_count; c++)
		figure_row(b, k, &a->counts[c], b->p->ref);
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *act = report_activity(r, i);
		for (unsigned c = 0; act->area_ix == ix && c < act->counts_count; c++)
			figure_row(b, k, &act->counts[c], (struct entity_ref){ KIND_ACTIVITY, (int)i });
	}
}

static void page_area(struct build *b, int ix)
{
	const struct report *r = b->r;
	const struct area *a = report_area(r, ix);
	struct entity_ref self = { KIND_AREA, ix };
	char *label = present_label(r, self, b->g);
	char kind[48];
	snprintf(kind, sizeof(kind), "Priority area %u", a->number);
	kind_line(b, kind, NULL, NULL, NULL);
	set_title(b, label ? label : a->title);
	free(label);
	field_told_in(b);
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *s = report_stage(r, i);
		for (unsigned k = 0; k < s->priorities_count; k++) {
			if (s->priorities[k].area_ix != ix)
				continue;
			struct present_line *v = field(b, "Priority of", NULL, raw_none);
			if (!v)
				return;
			put_link(b, v, (struct entity_ref){ KIND_STAGE, (int)i });
			put(b, v, PRESENT_QUIET, NO_LINK, " as ");
			putf(b, v, PRESENT_PLAIN, "\"%s\"", s->priorities[k].text);
		}
	}
	field_aliases(b, a->aliases, a->aliases_count, NULL);
	area_figures(b, ix);
	if (a->section_ix >= 0)
		prose(b, "From the report", NULL, a->section_ix, 0, report_section(r, a->section_ix)->paragraphs_count);
	/* temm's tally, worded as one: the report's figures are above */
	unsigned n = tally_activities(r, ix);
	char heading[128], *listed = tally_words(r, n, NULL, NULL, tally_section(r, KIND_ACTIVITY, ix));
	snprintf(heading, sizeof(heading), "Activities: %s", listed ? listed : "");
	free(listed);
	int k = block(b, PRESENT_LIST, heading, "activities", PRESENT_SHAPE_IDS);
	for (size_t i = 0; i < r->activities_count; i++)
		if (report_activity(r, i)->area_ix == ix)
			activity_row(b, k, (int)i);
	struct present_item *none = n ? NULL : item(b, k, NULL, NO_LINK);
	if (none)
		put(b, &none->line, PRESENT_QUIET, NO_LINK, "none named in the report");
	events_naming(b, self, "Timeline");
}

static void page_event(struct build *b, int ix)
{
	const struct report *r = b->r;
	const struct event *e = report_event(r, ix);
	char date[PRESENT_DATE_MAX];
	kind_line(b, "Event", present_date(e->year, e->month, PRESENT_DATE_WORDS, date), NULL, NULL);
	set_title(b, e->title);
	field_date(b, e->year, e->month);
	struct present_line *v = field_link(b, "Stage", "stage",
		ref_to(KIND_STAGE, e->stage_ix));
	if (v)
		putf(b, v, PRESENT_QUIET, ", %u-%u", report_stage(r, e->stage_ix)->from, report_stage(r, e->stage_ix)->to);
	v = field_link(b, "Meeting", "meeting",
		ref_to(KIND_MEETING, e->meeting_ix));
	if (v && report_meeting(r, e->meeting_ix)->place)
		putf(b, v, PRESENT_PLAIN, ", %s", report_meeting(r, e->meeting_ix)->place);
	field_told_in(b);
	int k = block(b, PRESENT_LIST, "Concerns", "links", PRESENT_SHAPE_IDS);
	for (unsigned i = 0; i < e->links_count; i++) {
		struct entity_ref to;
		if (report_find(r, e->links[i], &to) == 0)
			kind_row(b, k, to);
	}
}

static void page_activity(struct build *b, int ix)
{
	const struct activity *a = report_activity(b->r, ix);
	char words[64];
	kind_line(b, "Activity", present_activity_type_words(a->kind, words, sizeof(words)), "type",
		  activity_kind_name(a->kind));
	set_title(b, a->title);
	field_text(b, "Acronym", "short", a->short_name);
	field_link(b, "Priority area", "area", ref_to(KIND_AREA, a->area_ix));
	field_told_in(b);
	field_aliases(b, a->aliases, a->aliases_count, a->short_name);
	counts(b, a->counts, a->counts_count);
}

static void page_meeting(struct build *b, int ix)
{
	const struct meeting *m = report_meeting(b->r, ix);
	kind_line(b, "Meeting", present_series_words(b->r, m), "series", m->series);
	set_title(b, m->title);
	field_text(b, "Place", "place", m->place);
	field_date(b, m->year, m->month);
	field_told_in(b);
	field_aliases(b, m->aliases, m->aliases_count, NULL);
}

static void page_programme(struct build *b, int ix)
{
	const struct programme *g = report_programme(b->r, ix);
	char words[64];
	kind_line(b, "Programme", present_programme_type_words(g->type, words, sizeof(words)), "type",
		  programme_type_name(g->type));
	set_title(b, g->title);
	field_text(b, "Acronym", "short", g->short_name);
	field_told_in(b);
	field_aliases(b, g->aliases, g->aliases_count, g->short_name);
	counts(b, g->counts, g->counts_count);
}

static void page_term(struct build *b, int ix)
{
	const struct term *t = report_term(b->r, ix);
	kind_line(b, "Term", NULL, NULL, NULL);
	set_title(b, t->title);
	struct present_line *v = field(b, "Stands for", "expansion", raw_text(t->expansion));
	if (v && t->expansion)
		put(b, v, PRESENT_PLAIN, NO_LINK, t->expansion);
	else if (v)
		put(b, v, PRESENT_QUIET, NO_LINK, "(the report does not expand it)");
	struct entity_ref to = NO_LINK;
	if (t->refers && report_find(b->r, t->refers, &to) != 0)
		to = NO_LINK;
	field_link(b, "Names", "refers", to);
	field_link(b, "First used in", "section", ref_to(KIND_SECTION, t->section_ix));
}

static void page_section(struct build *b, int ix)
{
	const struct report *r = b->r;
	const struct section *s = report_section(r, ix);
	kind_line(b, "Section", NULL, NULL, NULL);
	set_title(b, s->title);
	field_link(b, "Part of", "parent", ref_to(KIND_SECTION, s->parent_ix));
	prose(b, NULL, "paragraphs", ix, 0, s->paragraphs_count);
	int k = block(b, PRESENT_LIST, "Sections", "sections", PRESENT_SHAPE_IDS);
	for (size_t i = (size_t)ix + 1; i < r->sections_count; i++) {
		if (report_section(r, i)->parent_ix != ix)
			continue;
		struct entity_ref child = { KIND_SECTION, (int)i };
		struct present_item *it = item(b, k, NULL, child);
		if (it)
			put(b, &it->line, PRESENT_PLAIN, child, report_section(r, i)->title);
	}
}

/* ---- the links nothing on the page shows yet ---- */

/* Which entities the page already shows: a flag per entity of each kind
 * (a stage's page at scale lists thousands of events). */
struct shown {
	bool *seen[KIND_COUNT];
};

static void shown_init(struct build *b, struct shown *s)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		s->seen[k] = calloc(report_count(b->r, (enum entity_kind)k) + 1, sizeof(bool));
		b->oom = b->oom || !s->seen[k];
	}
}

static void shown_free(struct shown *s)
{
	for (int k = 0; k < KIND_COUNT; k++)
		free(s->seen[k]);
}

static bool shown_has(const struct shown *s, struct entity_ref ref)
{
	return is_link(ref) && s->seen[ref.kind] && s->seen[ref.kind][ref.index];
}

static void shown_add(struct shown *s, struct entity_ref ref)
{
	if (is_link(ref) && s->seen[ref.kind])
		s->seen[ref.kind][ref.index] = true;
}

static void shown_line(struct shown *s, const struct present_line *l)
{
	for (size_t i = 0; i < l->runs_count; i++)
		shown_add(s, l->runs[i].link);
}

static void shown_collect(const struct present_page *p, struct shown *s)
{
	shown_add(s, p->ref);
	for (size_t f = 0; f < p->fields_count; f++)
		shown_line(s, &p->fields[f].value);
	for (size_t k = 0; k < p->blocks_count; k++) {
		for (size_t i = 0; i < p->blocks[k].items_count; i++) {
			const struct present_item *it = &p->blocks[k].items[i];
			shown_add(s, it->ref);
			shown_line(s, &it->line);
			for (size_t m = 0; m < it->more_count; m++)
				shown_line(s, &it->more[m]);
		}
	}
}

/* Links either way that no field or list above shows, each once. */
static void other_links(struct build *b)
{
	struct shown s;
	shown_init(b, &s);
	shown_collect(b->p, &s);
	const char *headings[] = { "Links to", "Linked from" };
	for (int dir = 0; dir < 2; dir++) {
		struct link_list l;
		int rc = dir == 0 ? links_from(b->r, b->p->ref, &l) : refers_to(b, b->p->ref, &l);
		if (rc != 0) {
			b->oom = true;
			break;
		}
		int k = block(b, PRESENT_LIST, headings[dir], NULL, PRESENT_SHAPE_NONE);
		for (size_t i = 0; i < l.count; i++) {
			struct entity_ref other = dir == 0 ? l.links[i].to : l.links[i].from;
			if (shown_has(&s, other))
				continue;
			shown_add(&s, other);
			kind_row(b, k, other);
		}
		link_list_free(&l);
	}
	shown_free(&s);
}

/* The widest tag of each block from block `from` on. */
static void tag_columns(struct present_page *p, size_t from)
{
	for (size_t k = from; k < p->blocks_count; k++) {
		struct present_block *bl = &p->blocks[k];
		for (size_t i = 0; i < bl->items_count; i++) {
			const char *t = bl->items[i].tag;
			int w = t ? text_width(t, strlen(t)) : 0;
			if (w > bl->tag_cols)
				bl->tag_cols = w;
		}
	}
}

struct present_page *present_page_new(const struct report *r, struct entity_ref ref,
				      enum present_glyphs g, const struct mentions *m)
{
	return present_page_indexed(r, ref, g, m, NULL);
}

static struct present_page *page_make(const struct report *r, struct entity_ref ref,
				      enum present_glyphs g, const struct mentions *m,
				      const struct link_index *x, bool lazy)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return NULL;
	struct present_page *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->ref = ref;
	p->filling = -1;
	struct build b = { r, p, g, m, x, false, lazy };
	switch (ref.kind) {
	case KIND_SECTION: page_section(&b, ref.index); break;
	case KIND_STAGE: page_stage(&b, ref.index); break;
	case KIND_AREA: page_area(&b, ref.index); break;
	case KIND_ACTIVITY: page_activity(&b, ref.index); break;
	case KIND_EVENT: page_event(&b, ref.index); break;
	case KIND_MEETING: page_meeting(&b, ref.index); break;
	case KIND_PROGRAMME: page_programme(&b, ref.index); break;
	case KIND_TERM: page_term(&b, ref.index); break;
	default: break;
	}
	if (p->rest) {
		tag_columns(p, 0);
		p->blocks[p->filling].tag_cols = p->rest->tag_cols;
		p->rest->b = b;
	} else {
		other_links(&b);
		tag_columns(p, 0);
	}
	if (b.oom) {
		present_page_free(p);
		return NULL;
	}
	return p;
}

struct present_page *present_page_indexed(const struct report *r, struct entity_ref ref,
					  enum present_glyphs g, const struct mentions *m,
					  const struct link_index *x)
{
	return page_make(r, ref, g, m, x, false);
}

struct present_page *present_page_begin(const struct report *r, struct entity_ref ref,
					enum present_glyphs g, const struct mentions *m)
{
	return page_make(r, ref, g, m, NULL, true);
}

int present_page_more(struct present_page *p, size_t n)
{
	struct present_rest *rest = p->rest;
	if (!rest)
		return 0;
	struct build *b = &rest->b;
	b->p = p;
	for (; n > 0 && rest->ahead != NO_INDEX && !b->oom; n--) {
		event_row(b, p->filling, rest->ahead);
		rest->ahead = stage_events_next(&rest->it);
	}
	if (!b->oom && rest->ahead != NO_INDEX)
		return 1;
	bool oom = b->oom;
	size_t had = p->blocks_count;
	if (!oom) {
		other_links(b);
		tag_columns(p, had);
		oom = b->oom;
	}
	p->rest = NULL;
	p->filling = -1;
	free(rest);
	return oom ? -1 : 0;
}

/* ---- freeing and reading ---- */

static void line_free(struct present_line *l)
{
	for (size_t i = 0; i < l->runs_count; i++)
		free(l->runs[i].text);
	free(l->runs);
}

void present_page_free(struct present_page *p)
{
	if (!p)
		return;
	line_free(&p->kind.value);
	free(p->title);
	for (size_t f = 0; f < p->fields_count; f++)
		line_free(&p->fields[f].value);
	free(p->fields);
	for (size_t k = 0; k < p->blocks_count; k++) {
		struct present_block *bl = &p->blocks[k];
		for (size_t i = 0; i < bl->items_count; i++) {
			free(bl->items[i].tag);
			line_free(&bl->items[i].line);
			for (size_t m = 0; m < bl->items[i].more_count; m++)
				line_free(&bl->items[i].more[m]);
			free(bl->items[i].more);
		}
		free(bl->items);
		free(bl->heading);
	}
	free(p->blocks);
	free(p->rest);
	free(p);
}

bool present_block_empty(const struct present_block *b)
{
	return b->type == PRESENT_LIST ? b->items_count == 0 : b->end <= b->first;
}

char *present_line_text(const struct present_line *line)
{
	size_t len = 1;
	for (size_t i = 0; i < line->runs_count; i++)
		len += strlen(line->runs[i].text);
	char *out = malloc(len), *at = out;
	for (size_t i = 0; out && i < line->runs_count; i++)
		at = stpcpy(at, line->runs[i].text);
	if (out)
		*at = '\0';
	return out;
}
