/* test_mentions.c - finding entity names in prose: longest match, word
 * boundaries (none inside unspaced scripts), overlapping aliases, and the
 * names of the bundled and the second report. */
#include "testutil.h"
#include "mentions.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct entity_ref ref(enum entity_kind k, int i)
{
	return (struct entity_ref){ k, i };
}

static const struct entity_ref none = { KIND_COUNT, NO_INDEX };

/* The names found, as "text=kind:index" joined by spaces. */
static char *found(const struct mentions *m, const char *text, struct entity_ref self)
{
	static char buf[1024];
	struct mention *v;
	long n = mentions_find(m, text, self, &v);
	assert_true(n >= 0);
	buf[0] = '\0';
	for (long i = 0; i < n; i++) {
		char one[128];
		snprintf(one, sizeof(one), "%s%.*s=%d:%d", i ? " " : "", (int)v[i].len,
			 text + v[i].start, v[i].ref.kind, v[i].ref.index);
		strncat(buf, one, sizeof(buf) - strlen(buf) - 1);
	}
	free(v);
	return buf;
}

static struct mentions *small(void)
{
	struct mentions *m = mentions_new();
	assert_int_equal(mentions_add(m, "TEMM1", ref(KIND_MEETING, 1)), 0);
	assert_int_equal(mentions_add(m, "TEMM11", ref(KIND_MEETING, 11)), 0);
	assert_int_equal(mentions_add(m, "TEMM", ref(KIND_TERM, 0)), 0);
	assert_int_equal(mentions_add(m, "WG I", ref(KIND_ACTIVITY, 1)), 0);
	assert_int_equal(mentions_add(m, "WG II", ref(KIND_ACTIVITY, 2)), 0);
	assert_int_equal(mentions_add(m, "WG", ref(KIND_TERM, 1)), 0);
	assert_int_equal(mentions_add(m, "Joint Action Plan (2010-2014)", ref(KIND_PROGRAMME, 3)), 0);
	assert_int_equal(mentions_add(m, "DSS", ref(KIND_TERM, 2)), 0);
	assert_int_equal(mentions_add(m, "DSS", ref(KIND_AREA, 9)), 0); /* first wins */
	assert_int_equal(mentions_add(m, "x", ref(KIND_AREA, 8)), 0);   /* too short: ignored */
	mentions_seal(m);
	return m;
}

static void test_longest_and_boundaries(void **state)
{
	(void)state;
	struct mentions *m = small();
	assert_int_equal(mentions_count(m), 8);
	assert_string_equal(found(m, "TEMM11 met after TEMM1 and TEMM.", none),
			    "TEMM11=5:11 TEMM1=5:1 TEMM=7:0");
	assert_string_equal(found(m, "10th WG II meetings, 10th WG I meetings, WG", none),
			    "WG II=3:2 WG I=3:1 WG=7:1");
	/* not inside words: TEMMS, XTEMM, TEMM1a; "WG IV" is WG, not WG I */
	assert_string_equal(found(m, "TEMMS XTEMM TEMM1a WG IV", none), "WG=7:1");
	/* a name ending in ')' needs no boundary after it */
	assert_string_equal(found(m, "the Joint Action Plan (2010-2014)'s aims", none),
			    "Joint Action Plan (2010-2014)=6:3");
	/* duplicates keep the first entity */
	assert_string_equal(found(m, "(DSS)", none), "DSS=7:2");
	/* non-ASCII neighbours: a letter blocks, a dash does not */
	assert_string_equal(found(m, "éTEMM —TEMM—", none), "TEMM=7:0");
	/* self is left out */
	assert_string_equal(found(m, "TEMM1 and TEMM11", ref(KIND_MEETING, 1)), "TEMM11=5:11");
	assert_string_equal(found(m, "", none), "");
	mentions_free(m);
}

static void test_unsealed(void **state)
{
	(void)state;
	struct mentions *m = mentions_new();
	mentions_add(m, "TEMM", ref(KIND_TERM, 0));
	struct mention *v;
	assert_int_equal(mentions_find(m, "TEMM", none, &v), -1);
	mentions_free(m);
	mentions_free(NULL);
}

/* Names inside text of a script written without spaces are found there;
 * in spaced text a name still needs its word boundaries. */
static void test_unspaced_scripts(void **state)
{
	(void)state;
	struct mentions *m = mentions_new();
	assert_int_equal(mentions_add(m, "蒙特利尔议定书", ref(KIND_PROGRAMME, 0)), 0);
	assert_int_equal(mentions_add(m, "オゾン層", ref(KIND_TERM, 1)), 0);
	assert_int_equal(mentions_add(m, "몬트리올", ref(KIND_MEETING, 2)), 0);
	assert_int_equal(mentions_add(m, "MOP", ref(KIND_TERM, 3)), 0);
	mentions_seal(m);
	assert_string_equal(found(m, "各国依照蒙特利尔议定书逐步淘汰。", none), "蒙特利尔议定书=6:0");
	assert_string_equal(found(m, "オゾン層の保護", none), "オゾン層=7:1");
	assert_string_equal(found(m, "몬트리올에서", none), "몬트리올=5:2"); /* a particle follows */
	assert_string_equal(found(m, "MOPs MOP4 MOP", none), "MOP=7:3");
	assert_string_equal(found(m, "在MOP会议", none), "MOP=7:3"); /* Latin beside Han */
	mentions_free(m);
}

static int find_id(const struct report *r, const char *id)
{
	struct entity_ref x;
	assert_int_equal(report_find(r, id, &x), 0);
	return x.index;
}

/* The names of the report's own text: each link of the facts is found
 * where they say, naming the entity they say; mentions never overlap. */
static void test_report_names(void **state)
{
	(void)state;
	const struct report *r = tu_report();
	const struct tu_facts *f = tu_facts();
	struct mentions *m = mentions_from_report(r);
	assert_non_null(m);
	for (size_t k = 0; k < sizeof(f->links) / sizeof(f->links[0]) && f->links[k].name; k++) {
		const struct tu_link *l = &f->links[k];
		const struct section *sec = report_section(r, find_id(r, l->section));
		struct entity_ref want;
		assert_int_equal(report_find(r, l->id, &want), 0);
		size_t len = strlen(l->name);
		unsigned seen = 0, linked = 0;
		for (unsigned p = 0; p < sec->paragraphs_count; p++) {
			const char *t = sec->paragraphs[p];
			struct mention *v;
			long n = mentions_find(m, t, none, &v);
			assert_true(n >= 0);
			/* occurrences that end a word: "WG I" is not in "WG II" */
			for (const char *at = strstr(t, l->name); at; at = strstr(at + len, l->name))
				seen += !isalnum((unsigned char)at[len]);
			for (long i = 0; i < n; i++) {
				if (v[i].len == len && memcmp(t + v[i].start, l->name, len) == 0) {
					assert_int_equal(v[i].ref.kind, want.kind);
					assert_int_equal(v[i].ref.index, want.index);
					linked++;
				}
				/* matches never overlap and go left to right */
				if (i)
					assert_true(v[i].start >= v[i - 1].start + v[i - 1].len);
			}
			free(v);
		}
		if (!seen || linked != seen)
			fail_msg("%s: '%s' occurs %u times in %s, linked %u", f->name, l->name, seen,
				 l->section, linked);
	}
	mentions_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_and_boundaries),
		cmocka_unit_test(test_unsealed),
		cmocka_unit_test(test_unspaced_scripts),
	};
	const struct CMUnitTest on_reports[] = {
		cmocka_unit_test(test_report_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL) | TU_RUN_EACH(on_reports, NULL, NULL);
}
