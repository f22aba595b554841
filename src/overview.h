/* overview.h - the report at a glance, as `temm overview` prints it and the
 * browser's overview shows it: today's areas against the stages (in which
 * stages each was a priority, under which name), the activities the content
 * lists per area as bars (temm's tally, worded as one) and the figures the
 * report gives. Drawn once for a width, as lines of runs that link to what
 * they stand for, so the command and the browser show the same picture.
 * Sizes and names come from the model. Curses-free and jansson-free. */
#ifndef TEMM_OVERVIEW_H
#define TEMM_OVERVIEW_H

#include "model.h"
#include "present.h"

/* From this width the overview is a matrix and bars; below it, a list. */
#define OVERVIEW_PICTURE_COLS 80

enum overview_style {
	OVERVIEW_TEXT,
	OVERVIEW_HEADING, /* a part's heading */
};

/* One line of the overview, never wider than its width: its runs, each a
 * link (present_run.link) where it stands for a stage, area, activity or
 * programme. */
struct overview_line {
	struct present_line line;
	enum overview_style style;
};

struct overview {
	struct overview_line *lines;
	size_t count, cap;
	int width;
	bool picture; /* a matrix and bars (else the list) */
};

/* The overview for `width` columns in glyphs g: a matrix and bars from
 * OVERVIEW_PICTURE_COLS on, a plain list below. NULL on out of memory. */
struct overview *overview_new(const struct report *r, int width, enum present_glyphs g);
void overview_free(struct overview *o);

/* The facts it shows (for JSON and for tests). */
/* The index in stage's priorities of the one that maps to `area`, or -1. */
int overview_priority(const struct report *r, int stage, int area);
/* A bar for n when the longest, for `most`, is `cells` columns: its
 * length in eighths of a column (0 when most is 0). */
long overview_bar_eighths(unsigned n, unsigned most, int cells);
/* The most activities any area has listed. */
unsigned overview_most_listed(const struct report *r);

#endif
