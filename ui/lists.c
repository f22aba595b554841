/* lists.c - the stages and areas panes. */
#include "lists.h"
#include "app.h"
#include "panes.h"
#include "reader.h"
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>

static void stage_row(struct doc *d, const struct pages *p, size_t i)
{
	const struct stage *s = report_stage(p->r, i);
	char years[32];
	snprintf(years, sizeof(years), "%u-%u", s->from, s->to);
	int blk = doc_begin(d, 0, 0, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	d->blocks[blk].item = (int)i;
	char roman[PRESENT_ROMAN_MAX];
	doc_putf(d, DOC_BOLD, "%-3s", present_roman(s->number, roman));
	doc_putf(d, DOC_PLAIN, " %-18s %s", s->name, years);
}

/* a name that does not fit goes on under itself: an area is told by all
 * of its name (E-waste is at the end of the sixth) */
static void area_row(struct doc *d, const struct pages *p, size_t i)
{
	int blk = doc_begin(d, 0, 4, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].item = (int)i;
	doc_putf(d, DOC_PLAIN, "%2u) %s", report_area(p->r, i)->number, report_area(p->r, i)->title);
}

struct doc *lists_rows_at_once(const struct pages *p, size_t n, lists_row_fn *row)
{
	struct doc *d = doc_new();
	for (size_t i = 0; d && i < n && !d->failed; i++)
		row(d, p, i);
	return d;
}

struct doc *page_stages(const struct pages *p)
{
	return lists_rows_at_once(p, p->r->stages_count, stage_row);
}

struct doc *page_areas(const struct pages *p)
{
	return lists_rows_at_once(p, p->r->areas_count, area_row);
}

/* The browser's lists are built as they are read: this many rows whenever
 * the layout runs out of them. Few, so that the first screen costs a
 * screenful and the bundled report's lists already come in several steps
 * (the screen tests cross their seams). */
#define LIST_ROWS_STEP 8

struct list_rows {
	const struct pages *p;
	size_t next, count;
	lists_row_fn *row;
};

static size_t list_more(struct doc *d)
{
	struct list_rows *s = d->more_state;
	for (size_t end = s->count - s->next > LIST_ROWS_STEP ? s->next + LIST_ROWS_STEP : s->count;
	     s->next < end && !d->failed; s->next++)
		s->row(d, s->p, s->next);
	return d->failed ? 0 : s->count - s->next;
}

struct doc *lists_rows_as_read(const struct pages *p, size_t n, lists_row_fn *row)
{
	struct doc *d = doc_new();
	struct list_rows *s = malloc(sizeof(*s));
	if (!d || !s) {
		free(s);
		doc_free(d);
		return lists_rows_at_once(p, n, row); /* whole, if it can be */
	}
	*s = (struct list_rows){ p, 0, n, row };
	d->more = list_more;
	d->more_state = s;
	d->more_items = n;
	return d;
}

struct doc *lists_stages(struct app *a)
{
	return lists_rows_as_read(&a->pg, a->r->stages_count, stage_row);
}

struct doc *lists_areas(struct app *a)
{
	/* which list it is: 2.1's, neither stage's */
	char *title = lists_areas_title(a->r);
	pane_set_title(&a->panes[PANE_AREAS], title);
	free(title);
	return lists_rows_as_read(&a->pg, a->r->areas_count, area_row);
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
		if ((u->stages & (1u << (report_stage(a->r, s)->number & 31))) ||
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
