/* tally.c - temm's own counts, worded as temm's. */
#include "tally.h"

#include <stdio.h>
#include <string.h>

/* The section an entity of `kind` at `ix` comes from, for the tallies. */
static int section_of(const struct report *r, enum entity_kind kind, size_t ix)
{
	return report_entity_section(r, (struct entity_ref){ kind, (int)ix });
}

static int depth_of(const struct report *r, int s)
{
	int d = 0;
	for (; s >= 0; s = report_section(r, s)->parent_ix)
		d++;
	return d;
}

/* The deepest section that holds both a and b (a section holds itself). */
static int common(const struct report *r, int a, int b)
{
	if (a < 0 || b < 0)
		return NO_INDEX;
	int da = depth_of(r, a), db = depth_of(r, b);
	for (; da > db; da--)
		a = report_section(r, a)->parent_ix;
	for (; db > da; db--)
		b = report_section(r, b)->parent_ix;
	while (a != b && a >= 0 && b >= 0) {
		a = report_section(r, a)->parent_ix;
		b = report_section(r, b)->parent_ix;
	}
	return a == b ? a : NO_INDEX;
}

int tally_section(const struct report *r, enum entity_kind kind, int area)
{
	int at = NO_INDEX;
	bool first = true;
	for (size_t i = 0; i < report_count(r, kind); i++) {
		if (area >= 0 && kind == KIND_ACTIVITY && report_activity(r, i)->area_ix != area)
			continue;
		int s = section_of(r, kind, i);
		/* an area's own sub-section lists it: the list is its parent's */
		if (kind == KIND_AREA && s >= 0 && report_section(r, s)->parent_ix >= 0)
			s = report_section(r, s)->parent_ix;
		at = first ? s : common(r, at, s);
		first = false;
		if (at < 0)
			return NO_INDEX;
	}
	/* the activities of one area are listed in the list of areas */
	if (kind == KIND_ACTIVITY && area >= 0 && at >= 0) {
		int areas = tally_section(r, KIND_AREA, -1);
		int both = common(r, at, areas);
		if (both >= 0)
			at = both;
	}
	return at;
}

unsigned tally_activities(const struct report *r, int area)
{
	unsigned n = 0;
	for (size_t i = 0; i < r->activities_count; i++)
		n += report_activity(r, i)->area_ix == area;
	return n;
}

const char *tally_place(const struct report *r, int section)
{
	if (section < 0 || (size_t)section >= r->sections_count)
		return "";
	const struct section *s = report_section(r, section);
	return s->number ? s->number : s->title;
}

char *tally_words(const struct report *r, unsigned n, const char *singular, const char *plural,
		  int section)
{
	const char *noun = n == 1 ? singular : plural;
	const char *place = tally_place(r, section);
	char *s = NULL;
	if (asprintf(&s, "%u%s%s listed%s%s", n, noun ? " " : "", noun ? noun : "",
		     *place ? " in " : "", place) < 0)
		return NULL;
	return s;
}
