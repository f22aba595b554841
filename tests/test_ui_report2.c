/* test_ui_report2.c - the browser on a report shaped unlike the bundled
 * one (tests/report2: 4 stages, 7 areas numbered out of section order, an
 * event before the first stage, one linked to two areas, CJK and accented
 * names): every stage and area on the home screen at 80x24 and 132x43, no
 * blank rows under a short list, the event outside the stages shown and
 * marked on the axis, & on the areas keeping both areas of an event. */
#include "testutil.h"
#include "vscreen.h"
#include "app.h"
#include "present.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct vscreen *open_report2(int cols, int rows)
{
	const struct report *r = tu_report();
	struct vscreen *v = vs_open(r, cols, rows, "--no-config", "--no-state", (char *)NULL);
	assert_non_null(v);
	return v;
}

static void check_home(struct vscreen *v)
{
	const struct report *r = tu_report();
	for (size_t i = 0; i < r->stages_count; i++) {
		char roman[PRESENT_ROMAN_MAX], re[256];
		snprintf(re, sizeof(re), "^[> ]%s +%s +%u-%u", present_roman(report_stage(r, i)->number, roman),
			 report_stage(r, i)->name, report_stage(r, i)->from, report_stage(r, i)->to);
		vs_expect(v, re);
	}
	for (size_t i = 0; i < r->areas_count; i++) {
		char re[256];
		snprintf(re, sizeof(re), "^[> ] ?%u\\) %.14s", report_area(r, i)->number, report_area(r, i)->title);
		vs_expect(v, re);
	}
	/* the list of areas ends where its areas do: the timeline right under */
	int last = vs_find(v, "^[> ] ?7\\) ");
	assert_true(last > 0);
	for (int y = last + 1; y < vs_app(v)->rows && !strstr(vs_row(v, y), "Timeline"); y++) {
		const char *row = vs_row(v, y);
		/* only the last area's own second line may come between */
		assert_true(strncmp(row, "     ", 5) == 0 && row[5] != ' ');
	}
	vs_expect(v, "^ 3 Timeline");
}

static void test_home(void **state)
{
	(void)state;
	tu_use(1);
	struct vscreen *v = open_report2(80, 24);
	check_home(v);
	vs_close(v);
	v = open_report2(132, 43);
	check_home(v);
	vs_expect(v, "Outside the stages"); /* the event of 1977 */
	vs_close(v);
}

/* The event before the first stage is on the timeline and on its axis. */
static void test_event_before_the_stages(void **state)
{
	(void)state;
	tu_use(1);
	struct vscreen *v = open_report2(132, 43);
	vs_keys(v, "3jk"); /* the timeline, on its first event */
	vs_expect(v, "^>1977 ");
	vs_expect(v, "Reader: Event 1977");
	vs_expect(v, "^1977 ");
	vs_keys(v, "t");
	vs_expect(v, "^>1977 +●");
	vs_close(v);
}

/* An event linked to two areas keeps both under & on the areas. */
static void test_event_in_two_areas(void **state)
{
	(void)state;
	tu_use(1);
	struct vscreen *v = open_report2(132, 43);
	vs_keys(v, "2&\"CFCs and halons ended\"");
	vs_expect(v, "2 of 7 *$");
	vs_expect(v, "2\\) Phase-out of CFCs");
	vs_expect(v, "3\\) Halon Management");
	vs_close(v);
}

/* Names outside ASCII: found without their accents, shown whole. */
static void test_names(void **state)
{
	(void)state;
	tu_use(1);
	struct vscreen *v = open_report2(80, 24);
	vs_keys(v, "/montreal");
	vs_expect(v, "Results: \"montreal\"");
	assert_true(vs_marked(v, "Montréal") || vs_marked(v, "Montreal"));
	vs_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home),
		cmocka_unit_test(test_event_before_the_stages),
		cmocka_unit_test(test_event_in_two_areas),
		cmocka_unit_test(test_names),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_report_free();
	return rc;
}
