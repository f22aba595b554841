/* test_stage_events.c - a stage's events found by binary search over the
 * years are the events a scan of every event finds (stage_ix), in the same
 * order: stages that overlap, nest, leave gaps or come out of year order,
 * events outside every stage and without a month; the walk reads only the
 * events of the years the stage owns; walked by dates, it gives the first
 * event of each date; and a walk over events out of date order (a damaged
 * snapshot) ends, in range. */
#include "testutil.h"
#include "stage_events.h"

#include <stdlib.h>
#include <string.h>

/* A report of stages and events only, built in memory: the events in date
 * order (a month 0 after the year's dated ones), each with the stage
 * report_stage_for_year gives it, as validate.c does. */
struct fake {
	struct report r;
	struct stage *stages;
	struct event *events;
};

static unsigned next_rand(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static int by_date(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	unsigned xm = x->month ? x->month : 13, ym = y->month ? y->month : 13;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return xm < ym ? -1 : xm > ym;
}

static void fake_make(struct fake *f, unsigned seed)
{
	memset(f, 0, sizeof(*f));
	size_t ns = 1 + next_rand(&seed) % 6, ne = next_rand(&seed) % 80;
	f->stages = calloc(ns, sizeof(*f->stages));
	f->events = calloc(ne + 1, sizeof(*f->events));
	f->r.stages = calloc(ns, sizeof(*f->r.stages));
	f->r.events = calloc(ne + 1, sizeof(*f->r.events));
	assert_true(f->stages && f->events && f->r.stages && f->r.events);
	for (size_t i = 0; i < ns; i++) {
		unsigned from = 1990 + next_rand(&seed) % 40;
		f->stages[i] = (struct stage){ .number = (unsigned)i + 1, .from = from,
					       .to = from + next_rand(&seed) % 12 };
		f->r.stages[i] = &f->stages[i];
	}
	f->r.stages_count = ns;
	for (size_t i = 0; i < ne; i++)
		f->events[i] = (struct event){ .year = 1985 + next_rand(&seed) % 55,
					       .month = next_rand(&seed) % 13 };
	qsort(f->events, ne, sizeof(*f->events), by_date);
	for (size_t i = 0; i < ne; i++) {
		f->r.events[i] = &f->events[i];
		f->events[i].stage_ix = report_stage_for_year(&f->r, f->events[i].year);
	}
	f->r.events_count = ne;
}

static void fake_free(struct fake *f)
{
	free(f->stages);
	free(f->events);
	free(f->r.stages);
	free(f->r.events);
}

/* The stage's events as the walk gives them equal a scan's, in order (a
 * stage out of range has none, not the events outside every stage). */
static void assert_walk_is_scan(const struct report *r, int stage)
{
	struct stage_events it;
	stage_events_start(&it, r, stage);
	bool real = stage >= 0 && (size_t)stage < r->stages_count;
	for (size_t i = 0; real && i < r->events_count; i++)
		if (report_event(r, i)->stage_ix == stage)
			assert_int_equal(stage_events_next(&it), (int)i);
	assert_int_equal(stage_events_next(&it), NO_INDEX);
	assert_int_equal(stage_events_next(&it), NO_INDEX); /* and stays at the end */
}

/* The walk reads no event outside the years the stage owns: were it to,
 * the others, all saying they are the stage's here, would be given too. */
static void assert_walk_reads_own_years(struct fake *f, int stage)
{
	for (size_t i = 0; i < f->r.events_count; i++)
		f->events[i].stage_ix = stage;
	struct stage_events it;
	stage_events_start(&it, &f->r, stage);
	for (size_t i = 0; i < f->r.events_count; i++)
		if (report_stage_for_year(&f->r, f->events[i].year) == stage)
			assert_int_equal(stage_events_next(&it), (int)i);
	assert_int_equal(stage_events_next(&it), NO_INDEX);
	for (size_t i = 0; i < f->r.events_count; i++)
		f->events[i].stage_ix = report_stage_for_year(&f->r, f->events[i].year);
}

/* Walked by dates: the first event of each date the scan finds. */
static void assert_dates_are_scan(const struct report *r, int stage)
{
	struct stage_events it;
	stage_events_start(&it, r, stage);
	const struct event *prev = NULL;
	for (size_t i = 0; i < r->events_count; i++) {
		const struct event *e = report_event(r, i);
		if (e->stage_ix != stage || (prev && prev->year == e->year && prev->month == e->month))
			continue;
		assert_int_equal(stage_events_next_date(&it), (int)i);
		prev = e;
	}
	assert_int_equal(stage_events_next_date(&it), NO_INDEX);
}

static void test_walk_is_scan(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 400; seed++) {
		struct fake f;
		fake_make(&f, seed);
		for (int s = -1; s <= (int)f.r.stages_count; s++) /* and two out of range */
			assert_walk_is_scan(&f.r, s);
		for (int s = 0; s < (int)f.r.stages_count; s++) {
			assert_dates_are_scan(&f.r, s);
			assert_walk_reads_own_years(&f, s);
		}
		fake_free(&f);
	}
}

/* The bundled report: every stage's events, and every event in one. */
static void test_walk_bundled(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	size_t total = 0;
	for (int s = 0; s < (int)r->stages_count; s++) {
		assert_walk_is_scan(r, s);
		assert_dates_are_scan(r, s);
		struct stage_events it;
		stage_events_start(&it, r, s);
		while (stage_events_next(&it) != NO_INDEX)
			total++;
	}
	size_t outside = 0;
	for (size_t i = 0; i < r->events_count; i++)
		outside += report_event(r, i)->stage_ix == NO_INDEX;
	assert_true(total > 0);
	assert_int_equal(total + outside, r->events_count);
}

/* A later stage that holds only years an earlier one holds has no events;
 * one whose years an earlier stage cuts in two has both runs. */
static void test_walk_shared_years(void **state)
{
	(void)state;
	struct stage st[3] = { { .from = 2000, .to = 2004 }, { .from = 2000, .to = 2002 },
			       { .from = 1998, .to = 2008 } };
	unsigned years[] = { 1997, 1998, 1999, 2000, 2002, 2004, 2005, 2005, 2008, 2009 };
	struct event ev[10];
	struct stage *sp[3] = { &st[0], &st[1], &st[2] };
	struct event *ep[10];
	struct report r = { .stages = sp, .stages_count = 3, .events = ep, .events_count = 10 };
	for (int i = 0; i < 10; i++) {
		ev[i] = (struct event){ .year = years[i], .month = (unsigned)i % 3 };
		ep[i] = &ev[i];
		ev[i].stage_ix = report_stage_for_year(&r, years[i]);
	}
	struct stage_events it;
	stage_events_start(&it, &r, 1);
	assert_int_equal(stage_events_next(&it), NO_INDEX);
	int want[] = { 1, 2, 6, 7, 8 }; /* 1998, 1999, then 2005, 2005, 2008 */
	stage_events_start(&it, &r, 2);
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
		assert_int_equal(stage_events_next(&it), want[i]);
	assert_int_equal(stage_events_next(&it), NO_INDEX);
	assert_int_equal(events_from_year(&r, 2005, 0, 10), 6);
	assert_int_equal(events_from_year(&r, 1900, 0, 10), 0);
	assert_int_equal(events_from_year(&r, 2100, 0, 10), 10);
	assert_int_equal(events_from_year(&r, 2005, 7, 10), 7);
}

/* Events out of date order (a damaged snapshot's): the walk ends, gives
 * each event at most once, in range, and only the stage's own. */
static void test_walk_out_of_order(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 200; seed++) {
		struct fake f;
		fake_make(&f, seed);
		unsigned s2 = seed;
		for (size_t i = 0; i + 1 < f.r.events_count; i++) { /* shuffled */
			size_t j = i + next_rand(&s2) % (f.r.events_count - i);
			struct event *t = f.r.events[i];
			f.r.events[i] = f.r.events[j];
			f.r.events[j] = t;
		}
		for (int s = 0; s < (int)f.r.stages_count; s++) {
			struct stage_events it;
			stage_events_start(&it, &f.r, s);
			int last = -1, ev;
			while ((ev = stage_events_next(&it)) != NO_INDEX) {
				assert_true(ev > last && (size_t)ev < f.r.events_count);
				assert_int_equal(report_event(&f.r, (size_t)ev)->stage_ix, s);
				last = ev;
			}
		}
		fake_free(&f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_is_scan),
		cmocka_unit_test(test_walk_bundled),
		cmocka_unit_test(test_walk_shared_years),
		cmocka_unit_test(test_walk_out_of_order),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_bundled_free();
	return rc;
}
