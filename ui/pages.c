/* pages.c - the reader's page of any entity, and the pieces other pages
 * share: labels, headings, prose with its italics and links. */
#include "pages.h"
#include "links.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *page_roman(unsigned n)
{
	static const char *const r[] = { "?", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };
	return n < sizeof(r) / sizeof(r[0]) ? r[n] : "?";
}

static const char *month_name(unsigned m)
{
	static const char *const names[] = { "", "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	return m <= 12 ? names[m] : "";
}

static void date_text(unsigned year, unsigned month, char *buf, size_t n)
{
	if (month >= 1 && month <= 12)
		snprintf(buf, n, "%u-%02u", year, month);
	else
		snprintf(buf, n, "%u", year);
}

char *page_label(const struct report *r, struct entity_ref ref)
{
	char *s = NULL;
	int n = -1;
	switch (ref.kind) {
	case KIND_STAGE: {
		const struct stage *st = r->stages[ref.index];
		n = asprintf(&s, "Stage %s %s", page_roman(st->number), st->name);
		break;
	}
	case KIND_AREA: {
		const struct area *a = r->areas[ref.index];
		n = asprintf(&s, "%u) %s", a->number, a->title);
		break;
	}
	case KIND_SECTION: {
		/* "2) DSS Prevention" alone reads like the area: say where it is */
		const struct section *sec = r->sections[ref.index];
		if (sec->depth >= 2 && sec->parent_ix >= 0 && r->sections[sec->parent_ix]->number)
			n = asprintf(&s, "%s > %s", r->sections[sec->parent_ix]->number, sec->title);
		else
			n = asprintf(&s, "%s", sec->title);
		break;
	}
	default:
		n = asprintf(&s, "%s", report_entity_title(r, ref));
		break;
	}
	return n < 0 ? NULL : s;
}

/* "working-group" -> "working group" */
static const char *kind_words(const char *kind, char *buf, size_t n)
{
	snprintf(buf, n, "%s", kind);
	for (char *c = buf; *c; c++)
		if (*c == '-')
			*c = ' ';
	return buf;
}

static const char *arrow(const struct pages *p)
{
	return p->ascii ? "->" : "\u2192";
}

static void vput(struct doc *d, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static void vput(struct doc *d, const char *fmt, va_list ap)
{
	char buf[1024];
	vsnprintf(buf, sizeof(buf), fmt, ap);
	doc_put(d, buf, DOC_PLAIN);
}

/* ---- prose with links ---- */

/* A paragraph of the report: its italics and the names in it as links. */
void page_prose(const struct pages *p, struct doc *d, const char *text, int section, int para,
		  struct entity_ref self, int indent)
{
	int blk = doc_begin(d, indent, indent, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].section = section;
	d->blocks[blk].para = para;
	doc_put(d, text, DOC_PLAIN);
	const char *t = d->blocks[blk].text;
	bool verbatim = strcmp(t, text) == 0; /* offsets hold only if unchanged */
	if (verbatim && section >= 0 && para >= 0) {
		const struct section *s = p->r->sections[section];
		for (unsigned i = 0; i < s->emphasis_count; i++)
			if (s->emphasis[i].paragraph == (unsigned)para && s->emphasis[i].end > s->emphasis[i].start)
				doc_span_add(d, blk, s->emphasis[i].start,
					     s->emphasis[i].end - s->emphasis[i].start, DOC_EMPH, -1);
	}
	if (!p->m)
		return;
	struct mention *mv;
	long n = mentions_find(p->m, t, self, &mv);
	for (long i = 0; i < n; i++)
		doc_link_add(d, blk, mv[i].start, mv[i].len, mv[i].ref);
	free(mv);
}

static void blank(struct doc *d)
{
	doc_line_add(d, "", DOC_PLAIN, 0, 0);
}

void page_heading(struct doc *d, const char *text)
{
	blank(d);
	doc_line_add(d, text, DOC_BOLD, 0, 0);
}

/* "Label: " then a link to `to` labelled as page_label says. */
static void field_link(const struct pages *p, struct doc *d, const char *label, struct entity_ref to,
		       const char *after)
{
	if (to.index < 0)
		return;
	doc_begin(d, 0, 2, DOC_PLAIN);
	doc_putf(d, DOC_DIM, "%s: ", label);
	char *l = page_label(p->r, to);
	doc_put_link(d, l ? l : "?", to);
	free(l);
	if (after)
		doc_put(d, after, DOC_PLAIN);
}

static void field_text(struct doc *d, const char *label, const char *text)
{
	if (!text)
		return;
	doc_begin(d, 0, 2, DOC_PLAIN);
	doc_putf(d, DOC_DIM, "%s: ", label);
	doc_put(d, text, DOC_PLAIN);
}

static void counts(struct doc *d, const struct count *c, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		doc_begin(d, 2, 4, DOC_PLAIN);
		doc_putf(d, DOC_BOLD, "%u", c[i].n);
		doc_putf(d, DOC_PLAIN, " %s", c[i].of);
		if (c[i].words)
			doc_putf(d, DOC_DIM, " (the report: \"%s\")", c[i].words);
	}
}

static void section_text(const struct pages *p, struct doc *d, int section, struct entity_ref self)
{
	if (section < 0)
		return;
	const struct section *s = p->r->sections[section];
	for (unsigned i = 0; i < s->paragraphs_count; i++) {
		if (i)
			blank(d);
		page_prose(p, d, s->paragraphs[i], section, (int)i, self, 0);
	}
}

static void kind_line(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void kind_line(struct doc *d, const char *fmt, ...)
{
	if (doc_begin(d, 0, 0, DOC_DIM) < 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vput(d, fmt, ap);
	va_end(ap);
}

static void title_block(struct doc *d, const char *title)
{
	doc_line_add(d, title, DOC_HEADING, 0, 0);
}

/* Events linking to `ref`, dated, as links. */
static void events_of(const struct pages *p, struct doc *d, struct entity_ref ref, const char *title)
{
	struct link_list l;
	if (links_to(p->r, ref, &l) != 0)
		return;
	bool any = false;
	int last = -1;
	for (size_t i = 0; i < l.count; i++) {
		if (l.links[i].from.kind != KIND_EVENT || l.links[i].from.index == last)
			continue;
		last = l.links[i].from.index;
		if (!any)
			page_heading(d, title);
		any = true;
		const struct event *e = p->r->events[last];
		char date[16];
		date_text(e->year, e->month, date, sizeof(date));
		doc_begin(d, 2, 10, DOC_PLAIN);
		doc_putf(d, DOC_DIM, "%-7s ", date);
		doc_put_link(d, e->title, l.links[i].from);
	}
	link_list_free(&l);
}

static void page_stage(const struct pages *p, struct doc *d, int ix)
{
	const struct report *r = p->r;
	const struct stage *s = r->stages[ix];
	char buf[64];
	snprintf(buf, sizeof(buf), "%u-%u", s->from, s->to);
	kind_line(d, "Stage %s  %s", page_roman(s->number), buf);
	title_block(d, s->title);
	blank(d);
	field_link(p, d, "Told in", (struct entity_ref){ KIND_SECTION, s->section_ix }, NULL);
	if (s->meeting_ix >= 0) {
		const struct meeting *m = r->meetings[s->meeting_ix];
		char after[96] = "";
		if (m->place && m->year)
			snprintf(after, sizeof(after), ", %s, %u", m->place, m->year);
		field_link(p, d, "Priorities set at", (struct entity_ref){ KIND_MEETING, s->meeting_ix }, after);
	}
	field_link(p, d, "Action plan", (struct entity_ref){ KIND_PROGRAMME, s->action_plan_ix }, NULL);
	snprintf(buf, sizeof(buf), "Priority areas (%u)", s->priorities_count);
	page_heading(d, buf);
	for (unsigned i = 0; i < s->priorities_count; i++) {
		const struct priority *pr = &s->priorities[i];
		doc_begin(d, 2, 4, DOC_PLAIN);
		doc_putf(d, DOC_PLAIN, "%s %s", p->ascii ? "-" : "\u2022", pr->text);
		if (pr->area_ix >= 0) {
			doc_putf(d, DOC_DIM, " %s ", arrow(p));
			char *l = page_label(r, (struct entity_ref){ KIND_AREA, pr->area_ix });
			doc_put_link(d, l ? l : "?", (struct entity_ref){ KIND_AREA, pr->area_ix });
			free(l);
		}
	}
	if (s->achievements_count) {
		page_heading(d, "Major achievements");
		for (unsigned i = 0; i < s->achievements_count; i++) {
			doc_begin(d, 2, 5, DOC_PLAIN);
			doc_putf(d, DOC_PLAIN, "%u. ", i + 1);
			doc_put(d, s->achievements[i], DOC_PLAIN);
		}
	}
	unsigned first, end;
	page_stage_paragraphs(r, ix, &first, &end);
	if (end > first) {
		page_heading(d, "From the report");
		for (unsigned i = first; i < end; i++) {
			if (i > first)
				blank(d);
			page_prose(p, d, r->sections[s->section_ix]->paragraphs[i], s->section_ix, (int)i,
			      (struct entity_ref){ KIND_STAGE, ix }, 0);
		}
	}
	snprintf(buf, sizeof(buf), "Timeline of stage %s", page_roman(s->number));
	bool any = false;
	for (size_t i = 0; i < r->events_count; i++) {
		const struct event *e = r->events[i];
		if (e->stage_ix != ix)
			continue;
		if (!any)
			page_heading(d, buf);
		any = true;
		char date[16];
		date_text(e->year, e->month, date, sizeof(date));
		doc_begin(d, 2, 10, DOC_PLAIN);
		doc_putf(d, DOC_DIM, "%-7s ", date);
		doc_put_link(d, e->title, (struct entity_ref){ KIND_EVENT, (int)i });
	}
}

void page_stage_paragraphs(const struct report *r, int stage, unsigned *first, unsigned *end)
{
	*first = *end = 0;
	const struct stage *s = r->stages[stage];
	if (s->section_ix < 0)
		return;
	const struct section *sec = r->sections[s->section_ix];
	/* A stage's account opens with its years ("Stage I: 1999-2009, ...",
	 * "The second stage: 2010-2014, ...") and runs to the next one's. */
	bool in = false;
	for (unsigned i = 0; i < sec->paragraphs_count; i++) {
		const char *t = sec->paragraphs[i];
		int opens = -1;
		for (size_t k = 0; k < r->stages_count; k++) {
			char years[32];
			snprintf(years, sizeof(years), "%u-%u", r->stages[k]->from, r->stages[k]->to);
			const char *at = strstr(t, years);
			if (at && at - t < 48)
				opens = (int)k;
		}
		if (!in && opens == stage) {
			in = true;
			*first = i;
		} else if (in && opens >= 0) {
			*end = i;
			return;
		}
	}
	if (in)
		*end = sec->paragraphs_count;
}

static void page_area(const struct pages *p, struct doc *d, int ix)
{
	const struct report *r = p->r;
	const struct area *a = r->areas[ix];
	struct entity_ref self = { KIND_AREA, ix };
	char buf[96];
	snprintf(buf, sizeof(buf), "%u", a->number);
	kind_line(d, "Priority area %s of %s", buf, r->areas_count == 10 ? "10" : "the report");
	snprintf(buf, sizeof(buf), "%u) %s", a->number, a->title);
	title_block(d, buf);
	blank(d);
	field_link(p, d, "Told in", (struct entity_ref){ KIND_SECTION, a->section_ix }, NULL);
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *s = r->stages[i];
		for (unsigned k = 0; k < s->priorities_count; k++) {
			if (s->priorities[k].area_ix != ix)
				continue;
			doc_begin(d, 0, 2, DOC_PLAIN);
			doc_put(d, "Priority of ", DOC_DIM);
			char *l = page_label(r, (struct entity_ref){ KIND_STAGE, (int)i });
			doc_put_link(d, l ? l : "?", (struct entity_ref){ KIND_STAGE, (int)i });
			free(l);
			doc_putf(d, DOC_DIM, " as \"%s\"", s->priorities[k].text);
		}
	}
	if (a->counts_count) {
		page_heading(d, "Counts");
		counts(d, a->counts, a->counts_count);
	}
	if (a->section_ix >= 0 && r->sections[a->section_ix]->paragraphs_count) {
		page_heading(d, "From the report");
		section_text(p, d, a->section_ix, self);
	}
	unsigned nact = 0;
	for (size_t i = 0; i < r->activities_count; i++)
		nact += r->activities[i]->area_ix == ix;
	snprintf(buf, sizeof(buf), "Activities (%u)", nact);
	page_heading(d, buf);
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *act = r->activities[i];
		if (act->area_ix != ix)
			continue;
		doc_begin(d, 2, 4, DOC_PLAIN);
		doc_put(d, p->ascii ? "- " : "\u2022 ", DOC_PLAIN);
		doc_put_link(d, act->title, (struct entity_ref){ KIND_ACTIVITY, (int)i });
		if (act->short_name)
			doc_putf(d, DOC_PLAIN, " (%s)", act->short_name);
		doc_put(d, "  ", DOC_PLAIN);
		char kw[64];
		doc_put(d, kind_words(activity_kind_name(act->kind), kw, sizeof(kw)), DOC_DIM);
		for (unsigned k = 0; k < act->counts_count; k++) {
			doc_begin(d, 4, 6, DOC_PLAIN);
			doc_putf(d, DOC_BOLD, "%u", act->counts[k].n);
			doc_putf(d, DOC_PLAIN, " %s", act->counts[k].of);
			if (act->counts[k].words)
				doc_putf(d, DOC_DIM, " (the report: \"%s\")", act->counts[k].words);
		}
	}
	if (nact == 0)
		doc_line_add(d, "none named in the report", DOC_DIM, 2, 2);
	events_of(p, d, self, "Timeline");
}

static void page_event(const struct pages *p, struct doc *d, int ix)
{
	const struct report *r = p->r;
	const struct event *e = r->events[ix];
	char date[64];
	if (e->month)
		snprintf(date, sizeof(date), "%s %u", month_name(e->month), e->year);
	else
		snprintf(date, sizeof(date), "%u", e->year);
	kind_line(d, "Event  %s", date);
	title_block(d, e->title);
	blank(d);
	field_text(d, "Date", date);
	if (e->stage_ix >= 0) {
		char yrs[48];
		snprintf(yrs, sizeof(yrs), ", %u-%u", r->stages[e->stage_ix]->from, r->stages[e->stage_ix]->to);
		field_link(p, d, "Stage", (struct entity_ref){ KIND_STAGE, e->stage_ix }, yrs);
	}
	if (e->meeting_ix >= 0) {
		const struct meeting *m = r->meetings[e->meeting_ix];
		char after[96] = "";
		if (m->place)
			snprintf(after, sizeof(after), ", %s", m->place);
		field_link(p, d, "Meeting", (struct entity_ref){ KIND_MEETING, e->meeting_ix }, after);
	}
	field_link(p, d, "Told in", (struct entity_ref){ KIND_SECTION, e->section_ix }, NULL);
	if (e->links_count) {
		page_heading(d, "Concerns");
		for (unsigned i = 0; i < e->links_count; i++) {
			struct entity_ref to;
			if (report_find(r, e->links[i], &to) != 0)
				continue;
			doc_begin(d, 2, 4, DOC_PLAIN);
			doc_putf(d, DOC_DIM, "%-10s ", entity_kind_name(to.kind));
			char *l = page_label(r, to);
			doc_put_link(d, l ? l : "?", to);
			free(l);
		}
	}
}

/* Activities, meetings, programmes, terms: their fields, then every link
 * both ways. */
static void page_other(const struct pages *p, struct doc *d, struct entity_ref ref)
{
	const struct report *r = p->r;
	char date[16];
	switch (ref.kind) {
	case KIND_ACTIVITY: {
		const struct activity *a = r->activities[ref.index];
		char kw[64];
		kind_line(d, "Activity  %s", kind_words(activity_kind_name(a->kind), kw, sizeof(kw)));
		title_block(d, a->title);
		blank(d);
		field_text(d, "Short", a->short_name);
		field_link(p, d, "Priority area", (struct entity_ref){ KIND_AREA, a->area_ix }, NULL);
		field_link(p, d, "Told in", (struct entity_ref){ KIND_SECTION, a->section_ix }, NULL);
		if (a->counts_count) {
			page_heading(d, "Counts");
			counts(d, a->counts, a->counts_count);
		}
		break;
	}
	case KIND_MEETING: {
		const struct meeting *m = r->meetings[ref.index];
		kind_line(d, "Meeting  %s", meeting_series_name(m->series));
		title_block(d, m->title);
		blank(d);
		field_text(d, "Place", m->place);
		if (m->year) {
			date_text(m->year, m->month, date, sizeof(date));
			field_text(d, "Date", date);
		}
		field_link(p, d, "Told in", (struct entity_ref){ KIND_SECTION, m->section_ix }, NULL);
		break;
	}
	case KIND_PROGRAMME: {
		const struct programme *g = r->programmes[ref.index];
		kind_line(d, "Programme  %s", programme_type_name(g->type));
		title_block(d, g->title);
		blank(d);
		field_text(d, "Short", g->short_name);
		field_link(p, d, "Told in", (struct entity_ref){ KIND_SECTION, g->section_ix }, NULL);
		if (g->counts_count) {
			page_heading(d, "Counts");
			counts(d, g->counts, g->counts_count);
		}
		break;
	}
	case KIND_TERM: {
		const struct term *t = r->terms[ref.index];
		kind_line(d, "Term");
		title_block(d, t->title);
		blank(d);
		field_text(d, "Stands for", t->expansion ? t->expansion : "(the report gives no expansion)");
		struct entity_ref to;
		if (t->refers && report_find(r, t->refers, &to) == 0)
			field_link(p, d, "Names", to, NULL);
		field_link(p, d, "First used in", (struct entity_ref){ KIND_SECTION, t->section_ix }, NULL);
		break;
	}
	default:
		break;
	}
	struct link_list l;
	if (links_to(r, ref, &l) == 0) {
		if (l.count)
			page_heading(d, "Named by");
		for (size_t i = 0; i < l.count; i++) {
			doc_begin(d, 2, 4, DOC_PLAIN);
			doc_putf(d, DOC_DIM, "%-10s ", entity_kind_name(l.links[i].from.kind));
			char *lb = page_label(r, l.links[i].from);
			doc_put_link(d, lb ? lb : "?", l.links[i].from);
			free(lb);
		}
		link_list_free(&l);
	}
}

static void page_section(const struct pages *p, struct doc *d, int ix)
{
	const struct section *s = p->r->sections[ix];
	char *path = report_section_path(p->r, ix, " > ");
	kind_line(d, "Section  %s", path ? path : "");
	free(path);
	title_block(d, s->title);
	blank(d);
	section_text(p, d, ix, (struct entity_ref){ KIND_SECTION, ix });
}

struct doc *page_entity(const struct pages *p, struct entity_ref ref)
{
	struct doc *d = doc_new();
	if (!d || ref.index < 0 || (size_t)ref.index >= report_count(p->r, ref.kind))
		return d;
	switch (ref.kind) {
	case KIND_STAGE: page_stage(p, d, ref.index); break;
	case KIND_AREA: page_area(p, d, ref.index); break;
	case KIND_EVENT: page_event(p, d, ref.index); break;
	case KIND_SECTION: page_section(p, d, ref.index); break;
	default: page_other(p, d, ref); break;
	}
	return d;
}

int page_find_unit(const struct doc *d, const struct corpus_unit *u, size_t *base)
{
	*base = 0;
	if (!d || !u->text || !*u->text)
		return -1;
	bool para = u->ref.kind == KIND_SECTION && strcmp(u->field, "paragraph") == 0;
	for (size_t i = 0; para && i < d->blocks_count; i++) {
		const struct doc_block *b = &d->blocks[i];
		if (b->section == u->ref.index && b->para == u->item) {
			const char *at = strstr(b->text, u->text);
			if (!at)
				break;
			*base = (size_t)(at - b->text);
			return (int)i;
		}
	}
	/* a section's title: its own heading first (the book has every title) */
	for (size_t i = 0; u->ref.kind == KIND_SECTION && !para && i < d->blocks_count; i++)
		if (d->blocks[i].section == u->ref.index && d->blocks[i].para < 0 &&
		    strcmp(d->blocks[i].text, u->text) == 0)
			return (int)i;
	for (size_t i = 0; i < d->blocks_count; i++)
		if (strcmp(d->blocks[i].text, u->text) == 0)
			return (int)i;
	for (size_t i = 0; i < d->blocks_count; i++) {
		const char *at = strstr(d->blocks[i].text, u->text);
		if (at) {
			*base = (size_t)(at - d->blocks[i].text);
			return (int)i;
		}
	}
	return -1;
}

