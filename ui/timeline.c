/* timeline.c - the timeline pane and its axis. */
#include "timeline.h"
#include "app.h"
#include "axis.h"
#include "lists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void band_row(const struct report *r, struct doc *d, int band)
{
	int blk = doc_begin(d, 0, 0, DOC_BAND);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	if (band >= 0) {
		const struct stage *s = r->stages[band];
		char roman[PRESENT_ROMAN_MAX];
		doc_putf(d, DOC_PLAIN, "%s %s %u-%u", present_roman(s->number, roman), s->name, s->from, s->to);
	} else {
		doc_put(d, "Outside the stages", DOC_PLAIN);
	}
}

/* Where a timeline built as it is read has got to. */
struct timeline_rows {
	const struct pages *p;
	size_t next; /* the next event */
	int band;    /* the stage band of the last row, -2 before the first */
};

/* The rows of events [rows->next, end). */
static void timeline_rows_add(struct doc *d, struct timeline_rows *rows, size_t end)
{
	const struct report *r = rows->p->r;
	for (; rows->next < end && !d->failed; rows->next++) {
		size_t i = rows->next;
		const struct event *e = r->events[i];
		if (e->stage_ix != rows->band) {
			rows->band = e->stage_ix;
			band_row(r, d, rows->band);
		}
		char date[PRESENT_DATE_MAX];
		present_date(e->year, e->month, PRESENT_DATE_COMPACT, date);
		/* two lines under the date: an event is a sentence, and the first
		 * words of two often agree ("the Joint Action Plan (2010-2014)
		 * was adopted" / "was written") */
		int blk = doc_begin(d, 0, 8, DOC_PLAIN);
		if (blk < 0)
			break;
		d->blocks[blk].max_lines = 2;
		d->blocks[blk].item = (int)i;
		char *label = present_event_label(r, (int)i);
		doc_putf(d, DOC_PLAIN, "%-7s %s", date, label ? label : e->title);
		free(label);
	}
}

struct doc *page_timeline(const struct pages *p)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	struct timeline_rows rows = { p, 0, -2 };
	timeline_rows_add(d, &rows, p->r->events_count);
	return d;
}

/* The browser's timeline is built as it is read: this many rows whenever
 * the layout runs out of them. Few, so that the first screen costs a
 * screenful and the bundled report's lists already come in several steps
 * (the screen tests cross their seams). */
#define TIMELINE_ROWS_STEP 8

static size_t timeline_more(struct doc *d)
{
	struct timeline_rows *rows = d->more_state;
	size_t n = rows->p->r->events_count;
	timeline_rows_add(d, rows, n - rows->next > TIMELINE_ROWS_STEP ? rows->next + TIMELINE_ROWS_STEP : n);
	return d->failed ? 0 : n - rows->next;
}

struct doc *page_timeline_lazy(const struct pages *p)
{
	struct doc *d = doc_new();
	struct timeline_rows *rows = malloc(sizeof(*rows));
	if (!d || !rows) {
		free(rows);
		doc_free(d);
		return page_timeline(p); /* built whole, if it can be */
	}
	*rows = (struct timeline_rows){ p, 0, -2 };
	d->more = timeline_more;
	d->more_state = rows;
	d->more_items = p->r->events_count;
	return d;
}

/* The stage's numeral in the middle of its span, when it fits with a
 * column of line either side and misses the marker: true when put (*c
 * then is its last column). */
static bool put_numeral(const struct report *r, struct doc *d, const struct axis_span *s, int *c,
			int mark)
{
	char roman[PRESENT_ROMAN_MAX];
	const char *num = present_roman(r->stages[s->stage]->number, roman);
	int nl = (int)strlen(num), at = s->x + (s->w - nl) / 2;
	if (*c != at || s->w < nl + 2 || (mark >= at && mark < at + nl))
		return false;
	doc_put(d, num, DOC_BOLD);
	*c += nl - 1;
	return true;
}

struct doc *page_axis(const struct pages *p, int width, int event)
{
	const struct report *r = p->r;
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	int blk = doc_begin(d, 0, 0, DOC_PLAIN);
	if (blk < 0)
		return d;
	d->blocks[blk].nowrap = true;
	struct axis ax;
	unsigned first, last;
	char left[16] = "", right[16] = "";
	axis_years(r, &first, &last);
	if (first) {
		snprintf(left, sizeof(left), "%u ", first);
		snprintf(right, sizeof(right), " %u", last);
	}
	int cells = width - (int)strlen(left) - (int)strlen(right);
	/* a scale needs a column a span and one a boundary at least, and
	 * room to tell years apart */
	bool scale = first && cells >= (int)(last - first + 1) / 2;
	if (!scale || axis_make(&ax, r, cells) != 0) {
		if (scale)
			axis_free(&ax);
		if (first)
			doc_putf(d, DOC_DIM, "%u..%u", first, last);
		return d;
	}
	const char *fill = p->ascii ? "-" : "\u2500", *tick = p->ascii ? "|" : "\u253c";
	const char *mark = p->ascii ? "*" : "\u25cf";
	int mark_col = event >= 0 && (size_t)event < r->events_count
		       ? axis_column(&ax, r->events[event]->year) : -1;
	doc_put(d, left, DOC_DIM);
	for (int c = 0; c < cells; c++) {
		int sp = axis_span_at(&ax, c);
		if (axis_boundary(&ax, c))
			doc_put(d, tick, DOC_PLAIN);
		else if (c == mark_col)
			doc_put(d, mark, DOC_MARK);
		else if (sp < 0 || ax.spans[sp].stage < 0 || !put_numeral(r, d, &ax.spans[sp], &c, mark_col))
			doc_put(d, fill, DOC_DIM);
	}
	axis_free(&ax);
	doc_put(d, right, DOC_DIM);
	return d;
}

struct doc *timeline_build(struct app *a)
{
	return page_timeline_lazy(&a->pg);
}

void timeline_placed(struct app *a, struct pane *p)
{
	pane_set_head(p, page_axis(&a->pg, pane_cols(p), pane_item(p)));
}

void timeline_moved(struct app *a, struct pane *p)
{
	lists_moved(a, p);
	timeline_placed(a, p);
}

/* The first event of the band before the one `ev` is in. */
static int band_before(const struct report *r, int ev)
{
	int first = ev;
	while (first > 0 && r->events[first - 1]->stage_ix == r->events[ev]->stage_ix)
		first--;
	if (first == 0)
		return -1;
	int target = first - 1, pb = r->events[target]->stage_ix;
	while (target > 0 && r->events[target - 1]->stage_ix == pb)
		target--;
	return target;
}

static int band_after(const struct report *r, int ev)
{
	for (size_t i = (size_t)ev; i < r->events_count; i++)
		if (r->events[i]->stage_ix != r->events[ev]->stage_ix)
			return (int)i;
	return -1;
}

void timeline_sibling(struct app *a, struct pane *p, int dir)
{
	int ev = pane_item(p);
	if (ev < 0)
		return;
	int target = dir > 0 ? band_after(a->r, ev) : band_before(a->r, ev);
	if (target >= 0 && pane_select_item(p, target))
		app_moved(a, p->id);
}

size_t timeline_count(const struct app *a)
{
	return a->r->events_count;
}

void timeline_keep(const struct app *a, const struct search_hit *h, bool *keep, size_t n)
{
	(void)a;
	if (h->unit->ref.kind == KIND_EVENT && (size_t)h->unit->ref.index < n)
		keep[h->unit->ref.index] = true;
}
