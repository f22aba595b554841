/* stage_events.c - a stage's events by binary search over the years. */
#include "stage_events.h"

#include <string.h>

size_t events_from_year(const struct report *r, unsigned year, size_t lo, size_t hi)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (report_event(r, mid)->year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* year is in [lo, hi], both clamped to the years content may give. */
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
	const struct stage *s = report_stage(r, (size_t)stage);
	unsigned from = s->from, to = s->to;
	if (!clamp_years(&from, &to))
		return;
	for (unsigned y = from; y <= to; y++)
		it->own[y - YEAR_MIN] = true;
	/* report_stage_for_year gives a year held twice to the earlier stage */
	for (int j = 0; j < stage; j++) {
		const struct stage *e = report_stage(r, (size_t)j);
		unsigned lo = e->from > from ? e->from : from, hi = e->to < to ? e->to : to;
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
