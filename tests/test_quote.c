/* test_quote.c - passages with their references (src/quote.h): the text
 * the browser's copy key copies and `temm show ID --cite` prints. */
#include "testutil.h"
#include "quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small report: a section with three paragraphs, one with none, a term
 * named in the first and last paragraphs only, an event told in the
 * second in other words. */
static const char *const tiny =
	"report:\n"
	"  title: The Long Title of a Report\n"
	"  short: TR report\n"
	"sections:\n"
	"  - {title: 1. Top, id: top}\n"
	"  - title: 1.1 Inner\n"
	"    id: inner\n"
	"    parent: top\n"
	"    paragraphs:\n"
	"      - The ABC met in 2001. It met again (twice) in 2002.\n"
	"      - Later the ministers agreed on a plan for 2010, at their meeting in Seoul.\n"
	"      - Finally ABC closed.\n"
	"terms:\n"
	"  - {id: term-abc, title: ABC, section: inner}\n"
	"events:\n"
	"  - {id: ev-plan, year: 2009, title: the ministers agreed on a plan in Seoul, section: inner}\n";

static struct report *load_tiny(void)
{
	struct diag d;
	struct report *r = tu_load_one(tiny, &d);
	if (!r) {
		char *all = tu_diag_text(&d);
		fail_msg("tiny report does not load:\n%s", all);
	}
	diag_free(&d);
	return r;
}

static struct entity_ref ref_of(const struct report *r, const char *id)
{
	struct entity_ref ref;
	assert_int_equal(report_find(r, id, &ref), 0);
	return ref;
}

static void test_reference(void **state)
{
	(void)state;
	struct report *r = load_tiny();
	int inner = ref_of(r, "inner").index;
	char *s = quote_reference(r, inner, PRESENT_UTF8);
	assert_string_equal(s, "\u2014 TR report, 1.1 Inner");
	free(s);
	s = quote_reference(r, inner, PRESENT_ASCII);
	assert_string_equal(s, "-- TR report, 1.1 Inner");
	free(s);
	/* no short name: the title */
	r->short_name = NULL;
	s = quote_reference(r, inner, PRESENT_UTF8);
	assert_string_equal(s, "\u2014 The Long Title of a Report, 1.1 Inner");
	free(s);
	report_free(r);

	/* the bundled report: its short name and the place as present_place writes it */
	const struct report *b = tu_bundled();
	struct entity_ref marine;
	assert_int_equal(report_find(b, "sec-2-1-9", &marine), 0);
	char *place = present_place(b, marine.index, PRESENT_UTF8), *want;
	assert_true(asprintf(&want, "\u2014 %s, %s", b->short_name, place) > 0);
	s = quote_reference(b, marine.index, PRESENT_UTF8);
	assert_string_equal(s, want);
	assert_non_null(strstr(s, " \u203a ")); /* a place with levels: 2.1 › 9) ... */
	free(s);
	free(want);
	free(place);
}

/* Sentences as the fidelity check reads them. */
static void test_sentence_span(void **state)
{
	(void)state;
	static const struct {
		const char *text, *at, *want;
	} cases[] = {
		{ "One two. Three four. Five.", "Three", "Three four." },
		{ "One two. Three four. Five.", "One", "One two." },
		{ "One two. Three four. Five.", "Five", "Five." },
		{ "One two. Three four. Five.", " Three", "One two." },      /* the space after a sentence */
		{ "Use e.g. the old way. Next one.", "old", "Use e.g. the old way." }, /* e.g. the: no end */
		{ "It grew (see 2.1). (4) The forum met.", "forum", "(4) The forum met." },
		{ "He said \"stop.\" Then left.", "stop", "He said \"stop.\"" }, /* a closing quote */
		{ "In 2015. 20 sessions were held.", "sessions", "20 sessions were held." },
		{ "Why? Because! Yes.", "Because", "Because!" },
		{ "No end here", "end", "No end here" },
		{ "Trailing.  ", "Trailing", "Trailing." },
		{ "Ends with \u201cquoted.\u201d \u201cNext\u201d one.", "Next", "\u201cNext\u201d one." },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *at = strstr(cases[i].text, cases[i].at);
		assert_non_null(at);
		size_t start, end;
		quote_sentence_span(cases[i].text, (size_t)(at - cases[i].text), &start, &end);
		char got[128];
		snprintf(got, sizeof(got), "%.*s", (int)(end - start), cases[i].text + start);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: at \"%s\" in \"%s\": got \"%s\", want \"%s\"", i, cases[i].at,
				 cases[i].text, got, cases[i].want);
	}
}

static void test_paragraph_and_sentence(void **state)
{
	(void)state;
	struct report *r = load_tiny();
	int inner = ref_of(r, "inner").index;
	struct quote q;
	assert_int_equal(quote_paragraph(r, inner, 1, PRESENT_UTF8, &q), 0);
	assert_string_equal(q.text, "Later the ministers agreed on a plan for 2010, at their meeting in Seoul.\n"
				    "\u2014 TR report, 1.1 Inner");
	assert_int_equal(q.paragraphs, 1);
	assert_int_equal(q.section, inner);
	quote_free(&q);
	const char *p0 = report_section(r, inner)->paragraphs[0];
	assert_int_equal(quote_sentence(r, inner, 0, (size_t)(strstr(p0, "twice") - p0), PRESENT_ASCII, &q), 0);
	assert_string_equal(q.text, "It met again (twice) in 2002.\n-- TR report, 1.1 Inner");
	assert_int_equal(q.paragraphs, 0);
	quote_free(&q);
	/* nothing there */
	assert_int_equal(quote_paragraph(r, inner, 3, PRESENT_UTF8, &q), 1);
	assert_null(q.text);
	assert_int_equal(quote_paragraph(r, 99, 0, PRESENT_UTF8, &q), 1);
	assert_int_equal(quote_sentence(r, -1, 0, 0, PRESENT_UTF8, &q), 1);
	quote_free(&q);
	report_free(r);
}

static void test_entity(void **state)
{
	(void)state;
	struct report *r = load_tiny();
	struct quote q;
	const char *p[3];
	for (int i = 0; i < 3; i++)
		p[i] = report_section(r, ref_of(r, "inner").index)->paragraphs[i];

	/* a section: all its paragraphs, a blank line between them */
	assert_int_equal(quote_entity(r, NULL, ref_of(r, "inner"), PRESENT_UTF8, &q), 0);
	char *want;
	assert_true(asprintf(&want, "%s\n\n%s\n\n%s\n\u2014 TR report, 1.1 Inner", p[0], p[1], p[2]) > 0);
	assert_string_equal(q.text, want);
	assert_int_equal(q.paragraphs, 3);
	free(want);
	quote_free(&q);

	/* a section with no text of its own */
	assert_int_equal(quote_entity(r, NULL, ref_of(r, "top"), PRESENT_UTF8, &q), 1);
	quote_free(&q);

	/* a term: the paragraphs that name it, the one left out marked */
	assert_int_equal(quote_entity(r, NULL, ref_of(r, "term-abc"), PRESENT_UTF8, &q), 0);
	assert_true(asprintf(&want, "%s\n\n[\u2026]\n\n%s\n\u2014 TR report, 1.1 Inner", p[0], p[2]) > 0);
	assert_string_equal(q.text, want);
	assert_int_equal(q.paragraphs, 2);
	free(want);
	quote_free(&q);
	assert_int_equal(quote_entity(r, NULL, ref_of(r, "term-abc"), PRESENT_ASCII, &q), 0);
	assert_non_null(strstr(q.text, "\n\n[...]\n\n"));
	quote_free(&q);

	/* an event: the paragraph with most of its words */
	assert_int_equal(quote_entity(r, NULL, ref_of(r, "ev-plan"), PRESENT_UTF8, &q), 0);
	assert_true(asprintf(&want, "%s\n\u2014 TR report, 1.1 Inner", p[1]) > 0);
	assert_string_equal(q.text, want);
	free(want);
	quote_free(&q);

	assert_int_equal(quote_entity(r, NULL, (struct entity_ref){ KIND_AREA, 0 }, PRESENT_UTF8, &q), 1);
	quote_free(&q);
	report_free(r);
}

/* The bundled report: every entity has a passage, one section of the
 * report, ending in its reference; only sections without paragraphs of
 * their own have none. */
static void test_bundled(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct mentions *m = mentions_from_report(r);
	assert_non_null(m);
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			struct quote q;
			int rc = quote_entity(r, m, ref, PRESENT_UTF8, &q);
			if (k == KIND_SECTION && report_section(r, i)->paragraphs_count == 0) {
				assert_int_equal(rc, 1);
				continue;
			}
			if (rc != 0)
				fail_msg("%s: no passage", report_entity_id(r, ref));
			char *ref_line = quote_reference(r, q.section, PRESENT_UTF8);
			const char *nl = strrchr(q.text, '\n');
			assert_non_null(nl);
			assert_string_equal(nl + 1, ref_line);
			/* the passage starts with one of the section's paragraphs */
			const struct section *s = report_section(r, q.section);
			bool found = false;
			for (unsigned p = 0; p < s->paragraphs_count && !found; p++)
				found = strncmp(q.text, s->paragraphs[p], strlen(s->paragraphs[p])) == 0;
			if (!found)
				fail_msg("%s: the passage is not the report's paragraphs", report_entity_id(r, ref));
			assert_true(q.paragraphs >= 1);
			free(ref_line);
			quote_free(&q);
		}
	/* a stage: the paragraphs its page shows, from the one that opens
	 * with its years */
	struct quote q;
	assert_int_equal(quote_entity(r, m, (struct entity_ref){ KIND_STAGE, 0 }, PRESENT_UTF8, &q), 0);
	char years[32];
	snprintf(years, sizeof(years), "%u-%u", report_stage(r, 0)->from, report_stage(r, 0)->to);
	assert_non_null(strstr(q.text, years));
	assert_int_equal(q.section, report_stage(r, 0)->section_ix);
	quote_free(&q);
	mentions_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_sentence_span),
		cmocka_unit_test(test_paragraph_and_sentence),
		cmocka_unit_test(test_entity),
		cmocka_unit_test(test_bundled),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_bundled_free();
	return rc;
}
