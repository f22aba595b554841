/* axis.c - the year axis: spans of years, their columns, boundaries. */
#include "axis.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

static void take_years(unsigned from, unsigned to, unsigned *first, unsigned *last)
{
	if (from && (!*first || from < *first))
		*first = from;
	if (to > *last)
		*last = to;
}

void axis_years(const struct report *r, unsigned *first, unsigned *last)
{
	*first = *last = 0;
	for (size_t i = 0; i < r->stages_count; i++) { /* their years: no stage made */
		unsigned from, to;
		report_stage_years(r, i, &from, &to);
		take_years(from, to, first, last);
	}
	/* events are in date order: the first and the last hold their years
	 * (not every event read: a model from a snapshot makes each it reads) */
	if (r->events_count)
		take_years(report_event(r, 0)->year, report_event(r, r->events_count - 1)->year,
			   first, last);
}

/* Maximal runs of years in the same stage (or in none). */
static int cut_spans(struct axis *ax, const struct report *r)
{
	size_t cap = 0;
	for (unsigned y = ax->first; y <= ax->last; y++) {
		int st = report_stage_for_year(r, y);
		if (ax->count && ax->spans[ax->count - 1].stage == st) {
			ax->spans[ax->count - 1].to = y;
			continue;
		}
		if (grow(&ax->spans, &cap, ax->count, sizeof(*ax->spans), 8) != 0)
			return -1;
		ax->spans[ax->count++] = (struct axis_span){ y, y, st, 0, 0 };
	}
	return 0;
}

/* Columns to each span by its share of the years (largest remainders),
 * one at least each. */
static void share(struct axis *ax, int cols)
{
	unsigned total = ax->last - ax->first + 1;
	int given = 0;
	for (size_t i = 0; i < ax->count; i++) {
		struct axis_span *s = &ax->spans[i];
		s->w = 1 + (int)((long)(cols - (int)ax->count) * (s->to - s->from + 1) / total);
		given += s->w;
	}
	/* what rounding left, to the spans with the most years per column */
	while (given < cols) {
		size_t best = 0;
		double most = -1;
		for (size_t i = 0; i < ax->count; i++) {
			double per = (double)(ax->spans[i].to - ax->spans[i].from + 1) / ax->spans[i].w;
			if (per > most) {
				most = per;
				best = i;
			}
		}
		ax->spans[best].w++;
		given++;
	}
	int x = 0;
	for (size_t i = 0; i < ax->count; i++) {
		ax->spans[i].x = x;
		x += ax->spans[i].w + 1; /* and its boundary */
	}
}

int axis_make(struct axis *ax, const struct report *r, int width)
{
	unsigned first, last;
	axis_years(r, &first, &last);
	return axis_make_over(ax, r, width, first, last);
}

int axis_make_over(struct axis *ax, const struct report *r, int width, unsigned first, unsigned last)
{
	memset(ax, 0, sizeof(*ax));
	ax->width = width;
	ax->first = first;
	ax->last = last;
	if (!ax->first || ax->last < ax->first || ax->last - ax->first > 10000 || cut_spans(ax, r) != 0)
		return -1;
	int cols = width - (int)(ax->count - 1); /* less the boundaries */
	if (cols < (int)ax->count)
		return -1;
	share(ax, cols);
	return 0;
}

void axis_free(struct axis *ax)
{
	free(ax->spans);
	ax->spans = NULL;
	ax->count = 0;
}

int axis_column(const struct axis *ax, unsigned year)
{
	if (!ax->count)
		return 0;
	year = year < ax->first ? ax->first : year > ax->last ? ax->last : year;
	for (size_t i = 0; i < ax->count; i++) {
		const struct axis_span *s = &ax->spans[i];
		if (year > s->to)
			continue;
		unsigned n = s->to - s->from + 1;
		return s->x + (int)((long)(year - s->from) * s->w / n);
	}
	return 0;
}

bool axis_boundary(const struct axis *ax, int column)
{
	for (size_t i = 0; i + 1 < ax->count; i++)
		if (column == ax->spans[i].x + ax->spans[i].w)
			return true;
	return false;
}

int axis_span_at(const struct axis *ax, int column)
{
	for (size_t i = 0; i < ax->count; i++)
		if (column >= ax->spans[i].x && column <= ax->spans[i].x + ax->spans[i].w)
			return (int)i;
	return -1;
}
