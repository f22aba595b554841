/* test_rank.c - ranking a reader expects: an entity whose own name holds
 * the query's words ranks above what only mentions them (every area of
 * the report, searched by its name, comes first); passages rank by how
 * close their words are, then by how often they come; ties keep report
 * order. */
#include "testutil.h"
#include "search.h"
#include "search_rank.h"
#include "search_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_every_area_by_its_name(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	for (size_t i = 0; i < r->areas_count; i++) {
		struct search_results res;
		/* the name as a phrase, and its first word alone where it is long enough
		 * to mean something */
		char phrase[512];
		snprintf(phrase, sizeof(phrase), "\"%s\"", report_area(r, i)->title);
		for (char *p = phrase; *p; p++) /* lower case: no smart case */
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		assert_int_equal(search_run(c, phrase, &res), 0);
		assert_true(res.count > 0);
		struct entity_ref first = res.hits[0].unit->ref;
		if (first.kind != KIND_AREA || first.index != (int)i)
			fail_msg("%s: the first hit is %s %s, not the area", phrase, entity_kind_name(first.kind),
				 report_entity_id(r, first));
		search_results_free(&res);
	}
	corpus_free(c);
}

static void test_marine(void **state)
{
	(void)state;
	struct corpus *c = corpus_new(tu_bundled());
	struct search_results res;
	assert_int_equal(search_run(c, "marine", &res), 0);
	/* the area before the programme whose long name holds the word */
	size_t area = res.count, programme = res.count;
	for (size_t i = 0; i < res.count; i++) {
		if (res.hits[i].unit->ref.kind == KIND_AREA && area == res.count)
			area = i;
		if (res.hits[i].unit->ref.kind == KIND_PROGRAMME && programme == res.count)
			programme = i;
	}
	assert_int_equal(area, 0);
	assert_true(programme > area);
	search_results_free(&res);
	corpus_free(c);
}

/* A small report whose paragraphs differ only in how they match. */
static const char report[] =
	"report: {title: T}\n"
	"sections:\n"
	"  - title: Waters\n"
	"    id: waters\n"
	"    paragraphs:\n"
	"      - Dust came first. Many other things were said at length here. Then storms.\n"
	"      - Dust storms came together, dust storms again.\n"
	"      - Of dust, and of storms.\n"
	"      - Dust alone, dust twice, dust three times.\n"
	"      - Dust once.\n";

static size_t para_at(const struct search_results *res, size_t i)
{
	assert_true(i < res->count);
	return (size_t)res->hits[i].unit->item;
}

static void test_passages(void **state)
{
	(void)state;
	struct diag d;
	struct report *r = tu_load_one(report, &d);
	assert_non_null(r);
	struct corpus *c = corpus_new(r);
	struct search_results res;
	/* all words close together first: "dust storms" side by side, then a
	 * few words apart, then far apart */
	assert_int_equal(search_run(c, "dust storms", &res), 0);
	assert_int_equal(res.count, 3);
	assert_int_equal(para_at(&res, 0), 1);
	assert_int_equal(para_at(&res, 1), 2);
	assert_int_equal(para_at(&res, 2), 0);
	search_results_free(&res);
	/* one word: the passage that says it most, then report order */
	assert_int_equal(search_run(c, "dust", &res), 0);
	assert_int_equal(res.count, 5);
	assert_int_equal(para_at(&res, 0), 3);
	assert_int_equal(para_at(&res, 1), 1);
	assert_int_equal(para_at(&res, 2), 0);
	assert_int_equal(para_at(&res, 3), 2);
	assert_int_equal(para_at(&res, 4), 4);
	search_results_free(&res);
	corpus_free(c);
	report_free(r);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_area_by_its_name),
		cmocka_unit_test(test_marine),
		cmocka_unit_test(test_passages),
	};
	int rc = cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
	tu_bundled_free();
	return rc;
}
