/* stage_events.c - a stage's events by binary search over the years. */
#include "stage_events.h"

#include <string.h>

/* Where a date is in date order: a month not given after December. */
static unsigned long date_key(unsigned year, unsigned month)
{
	return (unsigned long)year * 16 + (month ? month : 13);
}

/* The first event in [lo, hi) dated at `key` or later. */
static size_t first_from(const struct report *r, unsigned long key, size_t lo, size_t hi)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct event *e = report_event(r, mid);
		if (date_key(e->year, e->month) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t events_from_year(const struct report *r, unsigned year, size_t lo, size_t hi)
{
	return first_from(r, date_key(year, 1), lo, hi);
}

size_t events_after_date(const struct report *r, size_t i, size_t hi)
{
	const struct event *e = report_event(r, i);
	return first_from(r, date_key(e->year, e->month) + 1, i + 1, hi);
}

/* [lo, hi] within the years content may give; false when none is left. */
static bool clamp_years(unsigned *lo, unsigned *hi)
{
	if (*lo < YEAR_MIN)
		*lo = YEAR_MIN;
	if (*hi > YEAR_MAX)
		*hi = YEAR_MAX;
	return *lo <= *hi;
}

void stage_events_start(struct stage_events *it, const struct report *r, int stage)
{
	memset(it, 0, sizeof(*it));
	it->r = r;
	it->stage = stage;
	it->year = YEAR_MAX + 1; /* nothing to look at */
	if (stage < 0 || (size_t)stage >= r->stages_count)
		return;
	if (snapshot_events_refused(r)) { /* out of date order, maybe: read them all */
		it->linear = true;
		it->end = r->events_count;
		return;
	}
	unsigned from, to;
	report_stage_years(r, (size_t)stage, &from, &to);
	if (!clamp_years(&from, &to))
		return;
	for (unsigned y = from; y <= to; y++)
		it->own[y - YEAR_MIN] = true;
	/* report_stage_for_year gives a year held twice to the earlier stage */
	for (int j = 0; j < stage; j++) {
		unsigned e_from, e_to;
		report_stage_years(r, (size_t)j, &e_from, &e_to);
		unsigned lo = e_from > from ? e_from : from, hi = e_to < to ? e_to : to;
		for (unsigned y = lo; y <= hi; y++)
			it->own[y - YEAR_MIN] = false;
	}
	it->year = from;
}

/* The next run of years the stage owns, as the events in them; false
 * when no year is left. */
static bool next_run(struct stage_events *it)
{
	unsigned y = it->year;
	while (y <= YEAR_MAX && !it->own[y - YEAR_MIN])
		y++;
	if (y > YEAR_MAX)
		return false;
	unsigned last = y;
	while (last < YEAR_MAX && it->own[last + 1 - YEAR_MIN])
		last++;
	it->year = last + 1;
	size_t n = it->r->events_count;
	it->next = events_from_year(it->r, y, it->end, n);
	it->end = events_from_year(it->r, last + 1, it->next, n);
	return true;
}

int stage_events_next(struct stage_events *it)
{
	for (;;) {
		while (it->next < it->end) {
			size_t i = it->next++;
			if (report_event(it->r, i)->stage_ix == it->stage)
				return (int)i;
		}
		if (!next_run(it))
			return NO_INDEX;
	}
}

int stage_events_next_date(struct stage_events *it)
{
	int i = stage_events_next(it);
	if (i == NO_INDEX)
		return i;
	if (!it->linear) {
		it->next = events_after_date(it->r, (size_t)i, it->end);
		return i;
	}
	const struct event *e = report_event(it->r, (size_t)i);
	while (it->next < it->end && report_event(it->r, it->next)->year == e->year &&
	       report_event(it->r, it->next)->month == e->month)
		it->next++;
	return i;
}
