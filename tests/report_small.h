/* report_small.h - a second, small report for the tests of the pictures
 * (overview, timeline): four stages with a gap of years between two of
 * them, seven areas under a section of their own, activities with and
 * without figures, events before, between and inside the stages. Nothing
 * of the bundled report's particulars, so code that reads them in fails. */
#ifndef TEMM_REPORT_SMALL_H
#define TEMM_REPORT_SMALL_H

#include "model.h"

#define SMALL_STAGES 4
#define SMALL_AREAS 7

/* Written to a temporary directory, loaded, the directory removed;
 * asserts it loads. Free with report_free. */
struct report *small_report_load(void);

/* A cmocka group's setup (a UTF-8 locale, `small` loaded) and teardown
 * (`small` and the bundled report freed). */
extern struct report *small;
int small_report_setup(void **state);
int small_report_teardown(void **state);

#endif
