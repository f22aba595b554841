/* test_loader.c - the bundled report loads whole and right: the facts the
 * browser and the commands are built on. */
#include "testutil.h"
#include "corpus.h"
#include "links.h"

#include <stdlib.h>
#include <string.h>

static const struct report *r;

static int setup(void **state)
{
	(void)state;
	r = tu_bundled();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_bundled_free();
	return 0;
}

static const void *find(enum entity_kind kind, const char *id)
{
	struct entity_ref ref;
	assert_int_equal(report_find(r, id, &ref), 0);
	assert_int_equal(ref.kind, kind);
	switch (kind) {
	case KIND_SECTION: return r->sections[ref.index];
	case KIND_STAGE: return r->stages[ref.index];
	case KIND_AREA: return r->areas[ref.index];
	case KIND_ACTIVITY: return r->activities[ref.index];
	case KIND_MEETING: return r->meetings[ref.index];
	case KIND_PROGRAMME: return r->programmes[ref.index];
	case KIND_TERM: return r->terms[ref.index];
	default: return r->events[ref.index];
	}
}

static void test_title_and_counts(void **state)
{
	(void)state;
	assert_string_equal(r->title,
		"Report on China-Japan-Korea Tripartite Environmental Cooperation and its Outlook");
	assert_int_equal(r->stages_count, 3);
	assert_int_equal(r->areas_count, 10);
	/* Introduction, 3 parts, their sub-sections and numbered sub-parts */
	assert_int_equal(r->sections_count, 33);
	assert_true(r->activities_count >= 30);
	assert_true(r->events_count >= 15);
	assert_true(r->terms_count >= 20);
}

static void test_stages(void **state)
{
	(void)state;
	static const char *names[] = { "Foundation", "Deepening", "Steady Development" };
	static const unsigned years[][2] = { { 1999, 2009 }, { 2010, 2014 }, { 2015, 2019 } };
	static const unsigned priorities[] = { 6, 10, 9 };
	static const char *meetings[] = { "temm1", "temm11", "temm16" };
	for (int i = 0; i < 3; i++) {
		const struct stage *s = r->stages[i];
		assert_int_equal(s->number, i + 1);
		assert_string_equal(s->name, names[i]);
		assert_int_equal(s->from, years[i][0]);
		assert_int_equal(s->to, years[i][1]);
		assert_int_equal(s->priorities_count, priorities[i]);
		assert_int_equal(s->achievements_count, 3);
		assert_string_equal(r->meetings[s->meeting_ix]->id, meetings[i]);
	}
	assert_int_equal(r->stages[0]->action_plan_ix, NO_INDEX);
	assert_int_not_equal(r->stages[1]->action_plan_ix, NO_INDEX);
	assert_string_equal(r->stages[1]->priorities[0].text,
		"Environmental Education, Environmental Awareness and Public Participation");
}

static void test_area_names(void **state)
{
	(void)state;
	static const char *titles[] = {
		"Air Pollution Control", "DSS Prevention", "Environmental Education",
		"Biodiversity Conservation",
		"Chemical Management and Environmental Emergency Response",
		"Circulative Management of Resources/3R/ Transboundary Movement of E-Waste",
		"Transition to Green Economy", "Climate Change Response",
		"Marine Environment Protection", "Rural Environmental Management",
	};
	for (int i = 0; i < 10; i++) {
		assert_int_equal(r->areas[i]->number, i + 1);
		assert_string_equal(r->areas[i]->title, titles[i]);
		/* each area is the sub-section of 2.1 with the same heading */
		const struct section *s = r->sections[r->areas[i]->section_ix];
		assert_string_equal(s->name, titles[i]);
		assert_string_equal(r->sections[s->parent_ix]->number, "2.1");
	}
}

static void test_events_in_date_order(void **state)
{
	(void)state;
	const struct event *first = r->events[0], *last = r->events[r->events_count - 1];
	assert_int_equal(first->year, 1999);
	assert_int_equal(first->month, 11);
	assert_non_null(strstr(first->title, "APT"));
	assert_int_equal(last->year, 2018);
	for (size_t i = 1; i < r->events_count; i++) {
		const struct event *a = r->events[i - 1], *b = r->events[i];
		assert_true(a->year < b->year || (a->year == b->year &&
			(!a->month || !b->month || a->month <= b->month)));
		assert_int_equal(b->stage_ix, report_stage_for_year(r, b->year));
	}
	const struct event *temm16 = NULL;
	for (size_t i = 0; i < r->events_count; i++)
		if (r->events[i]->meeting_ix != NO_INDEX &&
		    strcmp(r->meetings[r->events[i]->meeting_ix]->id, "temm16") == 0)
			temm16 = r->events[i];
	assert_non_null(temm16);
	assert_int_equal(temm16->year, 2014);
	assert_int_equal(temm16->month, 4);
	assert_int_equal(temm16->stage_ix, 1); /* held in 2014, it set stage III's priorities */
}

static unsigned count_of(const struct activity *a, const char *what)
{
	for (unsigned i = 0; i < a->counts_count; i++)
		if (strstr(a->counts[i].of, what))
			return a->counts[i].n;
	return 0;
}

static void test_activity_counts(void **state)
{
	(void)state;
	const struct activity *teen = find(KIND_ACTIVITY, "teen");
	assert_string_equal(r->areas[teen->area_ix]->id, "education");
	assert_int_equal(count_of(teen, "coordinators"), 18);
	assert_int_equal(count_of(teen, "seminars"), 18);
	const struct activity *tpdap = find(KIND_ACTIVITY, "tpdap");
	assert_int_equal(tpdap->kind, ACTIVITY_POLICY_DIALOGUE);
	assert_int_equal(tpdap->counts[0].n, 5);
	/* DSS: the report's ordinals kept as words beside the numbers */
	unsigned dss_total = 0;
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *a = r->activities[i];
		if (strcmp(r->areas[a->area_ix]->id, "dss") != 0)
			continue;
		for (unsigned c = 0; c < a->counts_count; c++) {
			dss_total += a->counts[c].n;
			if (a->counts[c].n == 13)
				assert_string_equal(a->counts[c].words, "13th sessions");
		}
	}
	assert_int_equal(dss_total, 13 + 12 + 10 + 10 + 3);
}

static void test_meetings_and_terms(void **state)
{
	(void)state;
	const struct meeting *m = find(KIND_MEETING, "temm16");
	assert_non_null(strstr(m->place, "Daegu"));
	assert_int_equal(m->year, 2014);
	const struct term *dss = NULL;
	for (size_t i = 0; i < r->terms_count; i++)
		if (strcmp(r->terms[i]->title, "DSS") == 0)
			dss = r->terms[i];
	assert_non_null(dss);
	assert_non_null(dss->expansion);
}

static void test_sections_and_emphasis(void **state)
{
	(void)state;
	const struct section *s = find(KIND_SECTION, "sec-2-1-6");
	assert_string_equal(s->number, "6)");
	struct entity_ref ref;
	assert_int_equal(report_find(r, "sec-2-1-6", &ref), 0);
	char *path = report_section_path(r, ref.index, " > ");
	assert_string_equal(path, "2. > 2.1 > 6) Circulative Management of Resources/3R/ "
				  "Transboundary Movement of E-Waste");
	free(path);
	/* markup asterisks become emphasis runs, never text */
	unsigned runs = 0;
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *x = r->sections[i];
		for (unsigned p = 0; p < x->paragraphs_count; p++)
			assert_null(strchr(x->paragraphs[p], '*'));
		for (unsigned e = 0; e < x->emphasis_count; e++) {
			const char *t = x->paragraphs[x->emphasis[e].paragraph];
			assert_true(x->emphasis[e].end <= strlen(t));
			if (strncmp(t + x->emphasis[e].start, "Joint Action Plan", 17) == 0)
				runs++;
		}
	}
	assert_true(runs >= 3);
}

static void test_links_both_ways(void **state)
{
	(void)state;
	struct entity_ref area;
	assert_int_equal(report_find(r, "education", &area), 0);
	struct link_list in;
	assert_int_equal(links_to(r, area, &in), 0);
	int teen = 0;
	for (size_t i = 0; i < in.count; i++)
		teen |= strcmp(report_entity_id(r, in.links[i].from), "teen") == 0;
	link_list_free(&in);
	assert_true(teen);
	/* ...and teen's own links name that same entity */
	struct entity_ref teen_ref;
	assert_int_equal(report_find(r, "teen", &teen_ref), 0);
	struct link_list out;
	assert_int_equal(links_from(r, teen_ref, &out), 0);
	bool names_area = false;
	for (size_t i = 0; i < out.count; i++)
		names_area |= entity_ref_same(out.links[i].to, area);
	link_list_free(&out);
	assert_true(names_area);
	/* the same index in another kind is another entity */
	assert_false(entity_ref_same(area, (struct entity_ref){ KIND_STAGE, area.index }));
	assert_false(entity_ref_same(area, teen_ref));
}

static void test_corpus_covers_prose(void **state)
{
	(void)state;
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	size_t paragraphs = 0, units = 0;
	for (size_t i = 0; i < r->sections_count; i++)
		paragraphs += r->sections[i]->paragraphs_count;
	for (size_t i = 0; i < c->count; i++)
		units += c->units[i].tier == TIER_PROSE;
	assert_int_equal(units, paragraphs);
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_and_counts),
		cmocka_unit_test(test_stages),
		cmocka_unit_test(test_area_names),
		cmocka_unit_test(test_events_in_date_order),
		cmocka_unit_test(test_activity_counts),
		cmocka_unit_test(test_meetings_and_terms),
		cmocka_unit_test(test_sections_and_emphasis),
		cmocka_unit_test(test_links_both_ways),
		cmocka_unit_test(test_corpus_covers_prose),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
