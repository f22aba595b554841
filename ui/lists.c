/* lists.c - the stages and areas panes. */
#include "lists.h"
#include "app.h"
#include "panes.h"
#include "reader.h"
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>

struct doc *page_stages(const struct pages *p)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	for (size_t i = 0; i < p->r->stages_count; i++) {
		const struct stage *s = p->r->stages[i];
		char years[32];
		snprintf(years, sizeof(years), "%u-%u", s->from, s->to);
		int blk = doc_begin(d, 0, 0, DOC_PLAIN);
		if (blk < 0)
			break;
		d->blocks[blk].nowrap = true;
		d->blocks[blk].item = (int)i;
		char roman[PRESENT_ROMAN_MAX];
		doc_putf(d, DOC_BOLD, "%-3s", present_roman(s->number, roman));
		doc_putf(d, DOC_PLAIN, " %-18s %s", s->name, years);
	}
	return d;
}

struct doc *page_areas(const struct pages *p)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	/* a name that does not fit goes on under itself: an area is told by
	 * all of its name (E-waste is at the end of the sixth) */
	for (size_t i = 0; i < p->r->areas_count; i++) {
		int blk = doc_begin(d, 0, 4, DOC_PLAIN);
		if (blk < 0)
			break;
		d->blocks[blk].item = (int)i;
		doc_putf(d, DOC_PLAIN, "%2u) %s", p->r->areas[i]->number, p->r->areas[i]->title);
	}
	return d;
}

struct doc *lists_stages(struct app *a)
{
	return page_stages(&a->pg);
}

struct doc *lists_areas(struct app *a)
{
	/* which list it is: 2.1's, neither stage's */
	char *title = lists_areas_title(a->r);
	pane_set_title(&a->panes[PANE_AREAS], title);
	free(title);
	return page_areas(&a->pg);
}

char *lists_areas_title(const struct report *r)
{
	const char *place = tally_place(r, tally_section(r, KIND_AREA, -1));
	char *s = NULL;
	if (*place && asprintf(&s, "as in %s", place) < 0)
		return NULL;
	return s;
}

void lists_moved(struct app *a, struct pane *p)
{
	int item = pane_item(p);
	if (item >= 0)
		reader_show(a, (struct entity_ref){ pane_class(p->id)->kind, item });
}

void lists_open(struct app *a, struct pane *p)
{
	(void)p;
	app_set_focus(a, PANE_READER);
}

size_t lists_stages_count(const struct app *a)
{
	return a->r->stages_count;
}

size_t lists_areas_count(const struct app *a)
{
	return a->r->areas_count;
}

/* A stage any hit lies in, or that is the hit. */
void lists_keep_stage(const struct app *a, const struct search_hit *h, bool *keep, size_t n)
{
	const struct corpus_unit *u = h->unit;
	for (size_t s = 0; s < a->r->stages_count && s < n; s++)
		if ((u->stages & (1u << (a->r->stages[s]->number & 31))) ||
		    (u->ref.kind == KIND_STAGE && u->ref.index == (int)s))
			keep[s] = true;
}

/* Every area a hit belongs to: an event links to one or more. */
void lists_keep_area(const struct app *a, const struct search_hit *h, bool *keep, size_t n)
{
	const int *areas;
	size_t count = a->corpus ? corpus_unit_areas(a->corpus, h->unit, &areas) : 0;
	for (size_t i = 0; i < count; i++)
		if (areas[i] >= 0 && (size_t)areas[i] < n)
			keep[areas[i]] = true;
	if (!a->corpus && h->unit->area_ix >= 0 && (size_t)h->unit->area_ix < n)
		keep[h->unit->area_ix] = true;
}
