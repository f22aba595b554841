/* test_loader.c - each report loads whole and right: the facts the browser
 * and the commands are built on, checked on the bundled report and on the
 * second report of tests/report2 (tu_facts says what each holds). */
#include "testutil.h"
#include "present.h"
#include "corpus.h"
#include "links.h"

#include <stdlib.h>
#include <string.h>

static const struct report *r;
static const struct tu_facts *f;

static int setup(void **state)
{
	(void)state;
	r = tu_report();
	f = tu_facts();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_report_free();
	return 0;
}

static struct entity_ref ref_of(enum entity_kind kind, const char *id)
{
	struct entity_ref ref;
	if (report_find(r, id, &ref) != 0)
		fail_msg("%s: no id '%s'", f->name, id);
	assert_int_equal(ref.kind, kind);
	return ref;
}

static const void *find(enum entity_kind kind, const char *id)
{
	struct entity_ref ref = ref_of(kind, id);
	switch (kind) {
	case KIND_SECTION: return report_section(r, ref.index);
	case KIND_STAGE: return report_stage(r, ref.index);
	case KIND_AREA: return report_area(r, ref.index);
	case KIND_ACTIVITY: return report_activity(r, ref.index);
	case KIND_MEETING: return report_meeting(r, ref.index);
	case KIND_PROGRAMME: return report_programme(r, ref.index);
	case KIND_TERM: return report_term(r, ref.index);
	default: return report_event(r, ref.index);
	}
}

static void test_title_and_counts(void **state)
{
	(void)state;
	assert_string_equal(r->title, f->title);
	assert_int_equal(r->stages_count, f->stages);
	assert_int_equal(r->areas_count, f->areas);
	assert_int_equal(r->sections_count, f->sections);
	assert_true(r->activities_count >= 10);
	assert_true(r->events_count >= 15);
	assert_true(r->terms_count >= 10);
}

static void test_stages(void **state)
{
	(void)state;
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *s = report_stage(r, i);
		assert_int_equal(s->number, i + 1);
		assert_string_equal(s->name, f->stage_names[i]);
		assert_int_equal(s->from, f->stage_years[i][0]);
		assert_int_equal(s->to, f->stage_years[i][1]);
		assert_int_equal(s->priorities_count, f->stage_priorities[i]);
		/* every priority linked to an area names an area of the report */
		for (unsigned p = 0; p < s->priorities_count; p++)
			assert_true(s->priorities[p].area_ix == NO_INDEX ||
				    (size_t)s->priorities[p].area_ix < r->areas_count);
	}
}

/* Each stage is told somewhere: passages of paragraphs its sections have,
 * the first of them where its own section starts or inside it. */
static void test_stage_prose(void **state)
{
	(void)state;
	for (size_t i = 0; i < r->stages_count; i++) {
		struct prose_span sp;
		size_t k = 0;
		for (; report_stage_prose(r, (int)i, k, &sp); k++) {
			assert_true((size_t)sp.section_ix < r->sections_count);
			assert_true(sp.first < sp.end);
			assert_true(sp.end <= report_section(r, sp.section_ix)->paragraphs_count);
			if (k == 0)
				assert_int_equal(sp.section_ix, report_stage(r, i)->section_ix);
		}
		assert_true(k >= 1);
	}
	/* passages of one section do not overlap between stages */
	for (size_t a = 0; a < r->stages_count; a++)
		for (size_t b = a + 1; b < r->stages_count; b++) {
			struct prose_span x, y;
			for (size_t i = 0; report_stage_prose(r, (int)a, i, &x); i++)
				for (size_t j = 0; report_stage_prose(r, (int)b, j, &y); j++)
					assert_true(x.section_ix != y.section_ix || x.end <= y.first ||
						    y.end <= x.first);
		}
}

static void test_area_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < r->areas_count; i++) {
		assert_int_equal(report_area(r, i)->number, i + 1);
		assert_string_equal(report_area(r, i)->title, f->area_titles[i]);
		/* each area is the section headed by its name, whatever its place */
		const struct section *s = report_section(r, report_area(r, i)->section_ix);
		assert_string_equal(s->name, f->area_titles[i]);
		assert_string_equal(s->number, f->area_sections[i]);
	}
}

static void test_events_in_date_order(void **state)
{
	(void)state;
	const struct event *first = report_event(r, 0), *last = report_event(r, r->events_count - 1);
	assert_int_equal(first->year, f->first_year);
	assert_int_equal(first->month, f->first_month);
	assert_int_equal(last->year, f->last_year);
	for (size_t i = 1; i < r->events_count; i++) {
		const struct event *a = report_event(r, i - 1), *b = report_event(r, i);
		assert_true(a->year < b->year || (a->year == b->year &&
			(!a->month || !b->month || a->month <= b->month)));
		assert_int_equal(b->stage_ix, report_stage_for_year(r, b->year));
	}
	/* an event before the first stage has none */
	if (first->year < report_stage(r, 0)->from)
		assert_int_equal(first->stage_ix, NO_INDEX);
	const struct event *held = NULL;
	int m = ref_of(KIND_MEETING, f->meeting).index;
	for (size_t i = 0; i < r->events_count; i++)
		if (report_event(r, i)->meeting_ix == m)
			held = report_event(r, i);
	assert_non_null(held);
	assert_int_equal(held->year, f->meeting_year);
	assert_int_equal(held->month, f->meeting_month);
}

static void test_activity_counts(void **state)
{
	(void)state;
	const struct activity *a = find(KIND_ACTIVITY, f->activity);
	assert_string_equal(report_area(r, a->area_ix)->id, f->activity_area);
	unsigned n = 0;
	for (unsigned i = 0; i < a->counts_count; i++)
		if (strstr(a->counts[i].of, f->count_of))
			n = a->counts[i].n;
	assert_int_equal(n, f->count_n);
}

static void test_meetings_and_series(void **state)
{
	(void)state;
	const struct meeting *m = find(KIND_MEETING, f->meeting);
	assert_string_equal(m->title, f->meeting_title);
	assert_non_null(strstr(m->place, f->place));
	assert_int_equal(m->year, f->meeting_year);
	assert_string_equal(report_meeting_series(r, m)->title, f->series);
	/* every meeting of a series names one the content declares */
	for (size_t i = 0; i < r->meetings_count; i++) {
		const struct meeting *x = report_meeting(r, i);
		const struct series *s = report_meeting_series(r, x);
		assert_true(!x->series == !s);
		if (s)
			assert_string_equal(s->id, x->series);
	}
	size_t expanded = 0;
	for (size_t i = 0; i < r->terms_count; i++)
		expanded += report_term(r, i)->expansion != NULL;
	assert_true(expanded >= r->terms_count / 2);
}

static void test_sections_and_emphasis(void **state)
{
	(void)state;
	const struct section *s = find(KIND_SECTION, f->section);
	assert_string_equal(s->number, f->section_number);
	char *path = present_place(r, ref_of(KIND_SECTION, f->section).index, PRESENT_ASCII);
	assert_string_equal(path, f->section_path);
	free(path);
	/* markup asterisks become emphasis runs, never text */
	unsigned runs = 0;
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *x = report_section(r, i);
		for (unsigned p = 0; p < x->paragraphs_count; p++)
			assert_null(strchr(x->paragraphs[p], '*'));
		for (unsigned e = 0; e < x->emphasis_count; e++) {
			const char *t = x->paragraphs[x->emphasis[e].paragraph];
			assert_true(x->emphasis[e].end <= strlen(t));
			if (strncmp(t + x->emphasis[e].start, f->emphasis, strlen(f->emphasis)) == 0)
				runs++;
		}
	}
	assert_true(runs >= 1);
}

static void test_links_both_ways(void **state)
{
	(void)state;
	struct link_list in;
	assert_int_equal(links_to(r, ref_of(KIND_AREA, f->activity_area), &in), 0);
	int found = 0;
	for (size_t i = 0; i < in.count; i++)
		found |= strcmp(report_entity_id(r, in.links[i].from), f->activity) == 0;
	link_list_free(&in);
	assert_true(found);
	/* ...and the activity's own links name that same area */
	struct entity_ref area = ref_of(KIND_AREA, f->activity_area);
	struct entity_ref act = ref_of(KIND_ACTIVITY, f->activity);
	struct link_list out;
	assert_int_equal(links_from(r, act, &out), 0);
	bool names_area = false;
	for (size_t i = 0; i < out.count; i++)
		names_area |= entity_ref_same(out.links[i].to, area);
	link_list_free(&out);
	assert_true(names_area);
	/* the same index in another kind is another entity */
	assert_false(entity_ref_same(area, (struct entity_ref){ KIND_STAGE, area.index }));
	assert_false(entity_ref_same(area, act));
}

static void test_corpus_covers_prose(void **state)
{
	(void)state;
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	size_t paragraphs = 0, units = 0;
	for (size_t i = 0; i < r->sections_count; i++)
		paragraphs += report_section(r, i)->paragraphs_count;
	for (size_t i = 0; i < c->count; i++)
		units += c->units[i].tier == TIER_PROSE;
	assert_int_equal(units, paragraphs);
	corpus_free(c);
}

/* An event linked to two areas belongs to both in the index (area: finds
 * it under either); other units belong to one area at most. */
static void test_event_in_every_area(void **state)
{
	(void)state;
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	size_t several = 0;
	for (size_t i = 0; i < c->count; i++) {
		const struct corpus_unit *u = &c->units[i];
		const int *areas;
		size_t n = corpus_unit_areas(c, u, &areas);
		assert_true(n == 0 || areas[0] == u->area_ix);
		if (n > 1) {
			assert_int_equal(u->ref.kind, KIND_EVENT);
			several++;
		}
		for (size_t a = 0; a < n; a++)
			assert_true(corpus_unit_in_area(c, u, areas[a]));
	}
	if (f->two_area_event) {
		int ev = ref_of(KIND_EVENT, f->two_area_event).index;
		for (size_t i = 0; i < c->count; i++) {
			const struct corpus_unit *u = &c->units[i];
			if (u->ref.kind != KIND_EVENT || u->ref.index != ev)
				continue;
			for (int a = 0; a < 2; a++)
				assert_true(corpus_unit_in_area(c, u, ref_of(KIND_AREA, f->two_areas[a]).index));
		}
		assert_true(several >= 1);
	}
	corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_and_counts),
		cmocka_unit_test(test_stages),
		cmocka_unit_test(test_stage_prose),
		cmocka_unit_test(test_area_names),
		cmocka_unit_test(test_events_in_date_order),
		cmocka_unit_test(test_activity_counts),
		cmocka_unit_test(test_meetings_and_series),
		cmocka_unit_test(test_sections_and_emphasis),
		cmocka_unit_test(test_links_both_ways),
		cmocka_unit_test(test_corpus_covers_prose),
		cmocka_unit_test(test_event_in_every_area),
	};
	return TU_RUN_EACH(tests, setup, teardown);
}
