/* stage_events.h - a stage's events found by their years, not by reading
 * every event: events are in date order (loader.c) and an event's stage is
 * the first stage whose years hold its year (validate.c), so the events of
 * stage s are the runs of events in the years s holds and no earlier stage
 * does, each found by binary search. A model read from a snapshot makes an
 * entity the first time it is read: a stage's page reads its own events
 * and the few a search looks at. Curses-free. */
#ifndef TEMM_STAGE_EVENTS_H
#define TEMM_STAGE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* The first event in [lo, hi) whose year is `year` or later; hi when none.
 * Assumes the events of [lo, hi) in date order; ends, in range, when they
 * are not (a damaged snapshot): the answer is then some index in [lo, hi]. */
size_t events_from_year(const struct report *r, unsigned year, size_t lo, size_t hi);

/* The first event in (i, hi) dated after event i (year, then month; a
 * month not given after the year's others); hi when none. The same
 * assumption and safety as events_from_year. */
size_t events_after_date(const struct report *r, size_t i, size_t hi);

/* Walking the events of one stage, in date order. */
struct stage_events {
	const struct report *r;
	int stage;
	unsigned year;          /* the next year to look at */
	size_t next, end;       /* the events of the current run still to read */
	bool linear;            /* every event read (their order is not sure) */
	bool own[YEAR_MAX - YEAR_MIN + 1]; /* the years whose events are the stage's */
};

/* Start at the stage's first event (reads the stages before it, none of
 * the events). A stage out of range has none. */
void stage_events_start(struct stage_events *it, const struct report *r, int stage);
/* The stage's next event, in date order; NO_INDEX after the last. An event
 * is the stage's when its stage_ix says so: the runs only spare reading
 * the others. */
int stage_events_next(struct stage_events *it);
/* The same, the first event of each date only: the stage's dates, read in
 * a binary search each (the width of a column of dates, say). */
int stage_events_next_date(struct stage_events *it);

#endif
