/* axis.h - a year axis across a number of columns: the years of the
 * stages and events from first to last, cut into spans (a stage's years,
 * or years outside every stage), each span its own columns and a column of
 * its own for the boundary between two spans. A year falls in a column of
 * its span, so a marker never lands on a boundary at any width. Pure
 * geometry, curses-free; the timeline's axis and rows are drawn from it. */
#ifndef TEMM_AXIS_H
#define TEMM_AXIS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct axis_span {
	unsigned from, to; /* years */
	int stage;         /* the stage these years are in, or NO_INDEX */
	int x, w;          /* its columns: [x, x + w) */
};

struct axis {
	unsigned first, last; /* years */
	int width;            /* columns in all */
	struct axis_span *spans;
	size_t count;         /* a boundary column after each span but the last */
};

/* The first and last year of the stages and events (0 and 0: none). */
void axis_years(const struct report *r, unsigned *first, unsigned *last);
/* Lay the axis out across `width` columns. Returns 0, or -1 when the
 * report has no years or the spans and boundaries do not fit (each span
 * needs a column) or out of memory; axis_free is safe either way. */
int axis_make(struct axis *ax, const struct report *r, int width);
/* The same over years axis_years gave (it reads every stage: once will do). */
int axis_make_over(struct axis *ax, const struct report *r, int width, unsigned first, unsigned last);
void axis_free(struct axis *ax);

/* The column of a year (clamped to the axis), never a boundary. */
int axis_column(const struct axis *ax, unsigned year);
/* Whether a column is the boundary between two spans. */
bool axis_boundary(const struct axis *ax, int column);
/* The span a column is in (a boundary: the span before it), or -1. */
int axis_span_at(const struct axis *ax, int column);

#endif
