/* tally.h - the words for a count temm makes itself (the activities it
 * lists for an area, a stage's priorities, the entries of the content), so
 * that one is never read as a figure the report gives: "7 activities
 * listed in 2.1", "10 listed in 1.2". Read from the model; curses-free. */
#ifndef TEMM_TALLY_H
#define TEMM_TALLY_H

#include "model.h"

/* The deepest section that holds every entity of `kind` (area >= 0: only
 * the activities of that area; -1: all of the kind), that is where temm's
 * list of them comes from: the areas and activities of the bundled report
 * are all under 2.1. NO_INDEX when they have no section in common (or
 * there are none). */
int tally_section(const struct report *r, enum entity_kind kind, int area);

/* How many activities the content lists for an area. */
unsigned tally_activities(const struct report *r, int area);

/* "2.1" (a section's number), "Introduction" (a section with none: its
 * title); "" for NO_INDEX. Not a copy: lives as long as the report. */
const char *tally_place(const struct report *r, int section);

/* "7 activities listed in 2.1", "1 activity listed", "10 listed in 1.2"
 * (singular NULL: no noun). Caller frees; NULL on out of memory. */
char *tally_words(const struct report *r, unsigned n, const char *singular, const char *plural,
		  int section);

#endif
