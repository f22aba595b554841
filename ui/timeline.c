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
		const struct stage *s = report_stage(r, band);
		char roman[PRESENT_ROMAN_MAX];
		doc_putf(d, DOC_PLAIN, "%s %s %u-%u", present_roman(s->number, roman), s->name, s->from, s->to);
	} else {
		doc_put(d, "Outside the stages", DOC_PLAIN);
	}
}

/* Event i's row, under its stage's band when it is the first of it. */
static void timeline_row(struct doc *d, const struct pages *p, size_t i)
{
	const struct report *r = p->r;
	const struct event *e = report_event(r, i);
	if (i == 0 || report_event(r, i - 1)->stage_ix != e->stage_ix)
		band_row(r, d, e->stage_ix);
	char date[PRESENT_DATE_MAX];
	present_date(e->year, e->month, PRESENT_DATE_COMPACT, date);
	/* two lines under the date: an event is a sentence, and the first
	 * words of two often agree ("the Joint Action Plan (2010-2014)
	 * was adopted" / "was written") */
	int blk = doc_begin(d, 0, 8, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].max_lines = 2;
	d->blocks[blk].item = (int)i;
	char *label = present_event_label(r, (int)i);
	doc_putf(d, DOC_PLAIN, "%-7s %s", date, label ? label : e->title);
	free(label);
}

struct doc *page_timeline(const struct pages *p)
{
	return lists_rows_at_once(p, p->r->events_count, timeline_row);
}

/* The stage's numeral in the middle of its span, when it fits with a
 * column of line either side and misses the marker: true when put (*c
 * then is its last column). */
static bool put_numeral(const struct report *r, struct doc *d, const struct axis_span *s, int *c,
			int mark)
{
	char roman[PRESENT_ROMAN_MAX];
	const char *num = present_roman(report_stage(r, s->stage)->number, roman);
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
	if (!scale || axis_make_over(&ax, r, cells, first, last) != 0) {
		if (scale)
			axis_free(&ax);
		if (first)
			doc_putf(d, DOC_DIM, "%u..%u", first, last);
		return d;
	}
	const char *fill = p->ascii ? "-" : "\u2500", *tick = p->ascii ? "|" : "\u253c";
	const char *mark = p->ascii ? "*" : "\u25cf";
	int mark_col = event >= 0 && (size_t)event < r->events_count
		       ? axis_column(&ax, report_event(r, event)->year) : -1;
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
	return lists_rows_as_read(&a->pg, a->r->events_count, timeline_row);
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
	while (first > 0 && report_event(r, first - 1)->stage_ix == report_event(r, ev)->stage_ix)
		first--;
	if (first == 0)
		return -1;
	int target = first - 1, pb = report_event(r, target)->stage_ix;
	while (target > 0 && report_event(r, target - 1)->stage_ix == pb)
		target--;
	return target;
}

static int band_after(const struct report *r, int ev)
{
	for (size_t i = (size_t)ev; i < r->events_count; i++)
		if (report_event(r, i)->stage_ix != report_event(r, ev)->stage_ix)
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
