/* timeline.c - the timeline pane and its axis. */
#include "timeline.h"
#include "app.h"
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

struct doc *page_timeline(const struct pages *p)
{
	const struct report *r = p->r;
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	int band = -2;
	for (size_t i = 0; i < r->events_count; i++) {
		const struct event *e = r->events[i];
		if (e->stage_ix != band) {
			band = e->stage_ix;
			band_row(r, d, band);
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
		doc_putf(d, DOC_PLAIN, "%-7s %s", date, e->title);
	}
	return d;
}

/* The cell of the year `year` on an axis of `cells` from y0 (span years). */
static unsigned cell_year(unsigned y0, double span, int cells, int c)
{
	return y0 + (unsigned)(c * span / cells);
}

/* The stage's numeral in the middle of its stretch of cells, if it fits
 * and the mark is not there: true when put (c moved past it). */
static bool put_numeral(const struct report *r, struct doc *d, const int *stage, int cells, int *c,
			int mark_cell)
{
	int a = *c, b = *c;
	while (a > 0 && stage[a - 1] == stage[*c])
		a--;
	while (b < cells && stage[b] == stage[*c])
		b++;
	if (a > 0)
		a++; /* the tick */
	char roman[PRESENT_ROMAN_MAX];
	const char *num = present_roman(r->stages[stage[*c]]->number, roman);
	int nl = (int)strlen(num), at = (a + b - nl) / 2;
	if (*c != at || b - a < nl + 1 || (mark_cell >= at && mark_cell < at + nl))
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
	unsigned y0 = 1999, y1 = 2019;
	if (r->stages_count) {
		y0 = r->stages[0]->from;
		y1 = r->stages[r->stages_count - 1]->to;
	}
	char left[16], right[16];
	snprintf(left, sizeof(left), "%u ", y0);
	snprintf(right, sizeof(right), " %u", y1);
	int cells = width - (int)strlen(left) - (int)strlen(right);
	int blk = doc_begin(d, 0, 0, DOC_PLAIN);
	if (blk < 0)
		return d;
	d->blocks[blk].nowrap = true;
	if (cells < (int)(y1 - y0 + 1) / 2 || y1 <= y0) { /* no room for a scale */
		doc_putf(d, DOC_DIM, "%u..%u", y0, y1);
		return d;
	}
	double span = (double)(y1 - y0 + 1);
	const char *fill = p->ascii ? "-" : "\u2500", *tick = p->ascii ? "|" : "\u253c";
	const char *mark = p->ascii ? "*" : "\u25cf";
	int *stage = malloc((size_t)cells * sizeof(int));
	if (!stage)
		return d;
	for (int c = 0; c < cells; c++)
		stage[c] = report_stage_for_year(r, cell_year(y0, span, cells, c));
	int mark_cell = -1;
	/* the first cell of the event's year, by the same mapping as the ticks */
	for (int c = 0; event >= 0 && (size_t)event < r->events_count && c < cells && mark_cell < 0; c++)
		if (cell_year(y0, span, cells, c) >= r->events[event]->year)
			mark_cell = c;
	doc_put(d, left, DOC_DIM);
	for (int c = 0; c < cells; c++) {
		if (c == mark_cell)
			doc_put(d, mark, DOC_MARK);
		else if (c > 0 && stage[c] != stage[c - 1])
			doc_put(d, tick, DOC_PLAIN);
		else if (stage[c] < 0 || !put_numeral(r, d, stage, cells, &c, mark_cell))
			doc_put(d, fill, DOC_DIM);
	}
	free(stage);
	doc_put(d, right, DOC_DIM);
	return d;
}

struct doc *timeline_build(struct app *a)
{
	return page_timeline(&a->pg);
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
