/* test_commands.c - the headless commands: what they print and how they
 * exit, on the bundled report and on the second report (tests/report2). */
#include "testutil.h"
#include "cli.h"
#include "text.h"
#include "jsonlib.h"

#include <stdlib.h>
#include <string.h>

#define RUN(...) tu_run(&out, &err, __VA_ARGS__, (char *)NULL)

static char *out, *err;

static int cleanup(void **state)
{
	(void)state;
	free(out);
	free(err);
	out = err = NULL;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_report_free();
	return 0;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Rows of plain output: a wrapped row goes on in lines that start with a
 * space. */
static size_t count_rows(const char *s)
{
	size_t n = 0;
	for (const char *line = s; *line; line = strchr(line, '\n') + 1) {
		n += *line != ' ' && *line != '\n';
		if (!strchr(line, '\n'))
			break;
	}
	return n;
}

/* The next row of plain output after the one at `line` (past its wrapped
 * lines), or the end. */
static const char *next_row(const char *line)
{
	do {
		const char *nl = strchr(line, '\n');
		line = nl ? nl + 1 : line + strlen(line);
	} while (*line == ' ');
	return line;
}

/* The display width of the widest line of s. */
static int widest_line(const char *s)
{
	int w = 0;
	while (*s) {
		size_t n = strcspn(s, "\n");
		int lw = text_width(s, n);
		w = lw > w ? lw : w;
		s += n + (s[n] == '\n');
	}
	return w;
}

static void test_check(void **state)
{
	(void)state;
	const struct tu_facts *f = tu_facts();
	char line[64];
	assert_int_equal(RUN("check"), EXIT_OK);
	assert_true(widest_line(out) <= 80); /* a long title is wrapped */
	/* what it counts is the content's entries, said so: the report says
	 * its 2015-2019 plan had 37 activities, the content lists 35 */
	snprintf(line, sizeof(line), "%6zu stages in the content\n", f->stages);
	assert_non_null(strstr(out, line));
	snprintf(line, sizeof(line), "%6zu areas in the content\n", f->areas);
	assert_non_null(strstr(out, line));
	assert_non_null(strstr(out, "(entries temm counts; the figures the report gives: temm overview)"));
	cleanup(state);
	assert_int_equal(RUN("check", "--json"), EXIT_OK);
	snprintf(line, sizeof(line), "\"stages\":%zu", f->stages);
	assert_non_null(strstr(out, line));
	snprintf(line, sizeof(line), "\"areas\":%zu", f->areas);
	assert_non_null(strstr(out, line));
}

static void test_list_areas(void **state)
{
	(void)state;
	const struct tu_facts *f = tu_facts();
	assert_int_equal(RUN("list", "areas"), EXIT_OK);
	assert_int_equal(count_rows(out), f->areas); /* a long title wraps under itself */
	/* numbers right-aligned to the widest, in number order */
	int digits = f->areas >= 10 ? 2 : 1;
	const char *prev = out;
	for (size_t i = 0; i < f->areas; i++) {
		char row[160]; /* its start: the rest may wrap */
		snprintf(row, sizeof(row), "%*zu) %.20s", digits, i + 1, f->area_titles[i]);
		const char *at = strstr(out, row);
		if (!at)
			fail_msg("no row '%s' in:\n%s", row, out);
		assert_true(at >= prev);
		prev = at;
	}
}

/* Columns stay aligned whatever the width of the values before them (an
 * area id longer than the bundled report's, say): in every row the kind
 * starts at one display column and the title at another. */
static void test_list_columns(void **state)
{
	(void)state;
	const struct report *r = tu_report();
	assert_int_equal(RUN("list", "activities"), EXIT_OK);
	int kind_col = -1, title_col = -1;
	const char *line = out;
	for (size_t i = 0; i < r->activities_count; i++, line = next_row(line)) {
		char cell[40];
		snprintf(cell, sizeof(cell), "  %s ", activity_kind_name(report_activity(r, i)->kind));
		const char *kind = strstr(line, cell);
		assert_non_null(kind);
		const char *title = kind + strlen(cell);
		title += strspn(title, " ");
		const char *t = report_activity(r, i)->title; /* its first word: the rest may wrap */
		assert_int_equal(strncmp(title, t, strcspn(t, " ")), 0);
		int kc = text_width(line, (size_t)(kind - line)) + 2;
		int tc = text_width(line, (size_t)(title - line));
		if (kind_col < 0)
			kind_col = kc, title_col = tc;
		if (kc != kind_col || tc != title_col)
			fail_msg("row %zu: kind at column %d, title at %d; not %d and %d", i, kc, tc,
				 kind_col, title_col);
	}
}

static void test_list_json_fields(void **state)
{
	(void)state;
	const struct tu_facts *f = tu_facts();
	const struct report *r = tu_report();
	char want[200];
	assert_int_equal(RUN("list", "stages", "--json"), EXIT_OK);
	assert_int_equal(count_lines(out), f->stages);
	snprintf(want, sizeof(want), "{\"kind\":\"stage\",\"id\":\"%s\",\"title\":\"%s\"",
		 report_stage(r, 0)->id, report_stage(r, 0)->title);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof(want), "\"from\":%u,\"to\":%u", f->stage_years[f->stages - 1][0],
		 f->stage_years[f->stages - 1][1]);
	assert_non_null(strstr(out, want));
	cleanup(state);
	assert_int_equal(RUN("list", "events", "--json"), EXIT_OK);
	snprintf(want, sizeof(want), "\"year\":%u,\"month\":", f->first_year);
	assert_non_null(strstr(out, want));
	cleanup(state);
	assert_int_equal(RUN("--json", "list", "activities"), EXIT_OK);
	snprintf(want, sizeof(want), "\"id\":\"%s\"", f->activity);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof(want), "\"area\":\"%s\"", f->activity_area);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof(want), "{\"n\":%u,\"of\":", f->count_n);
	assert_non_null(strstr(out, want));
	cleanup(state);
	assert_int_equal(RUN("list", "meetings", "--json"), EXIT_OK);
	snprintf(want, sizeof(want), "\"id\":\"%s\",\"title\":\"%s\",\"series\":\"", f->meeting,
		 f->meeting_title);
	assert_non_null(strstr(out, want));
}

static void test_show(void **state)
{
	(void)state;
	const struct tu_facts *f = tu_facts();
	const struct report *r = tu_report();
	char want[200];
	assert_int_equal(RUN("show", f->meeting), EXIT_OK);
	snprintf(want, sizeof(want), "meeting %s: %s", f->meeting, f->meeting_title);
	assert_non_null(strstr(out, want));
	assert_non_null(strstr(out, f->place));
	snprintf(want, sizeof(want), "Meeting - %s\n", f->series_words); /* its series */
	assert_non_null(strstr(out, want));
	cleanup(state);
	/* a stage's page holds the paragraphs the content says tell it */
	for (size_t st = 0; st < r->stages_count; st++) {
		assert_int_equal(RUN("show", report_stage(r, st)->id), EXIT_OK);
		struct prose_span sp;
		for (size_t k = 0; report_stage_prose(r, (int)st, k, &sp); k++) {
			const struct section *s = report_section(r, sp.section_ix);
			snprintf(want, 40, "%s", s->paragraphs[sp.first]);
			*strrchr(want, ' ') = '\0'; /* the first words, before any wrap */
			if (!strstr(out, want))
				fail_msg("show %s lacks '%s'", report_stage(r, st)->id, want);
			if (sp.end < s->paragraphs_count) { /* and stops where the passage ends */
				snprintf(want, 40, "%s", s->paragraphs[sp.end]);
				*strrchr(want, ' ') = '\0';
				assert_null(strstr(out, want));
			}
		}
		cleanup(state);
	}
	assert_int_equal(RUN("show", f->section), EXIT_OK);
	const struct section *s = report_section(r, 0);
	struct entity_ref ref;
	assert_int_equal(report_find(r, f->section, &ref), 0);
	s = report_section(r, ref.index);
	snprintf(want, 40, "section %s: %s", s->id, s->title);
	*strrchr(want, ' ') = '\0'; /* its first words, before any wrap */
	assert_non_null(strstr(out, want));
	/* the text, after the first blank line, is wrapped to 80 columns */
	const char *text = strstr(out, "\n\n");
	assert_non_null(text);
	assert_true(widest_line(text) <= 80);
	cleanup(state);
	assert_int_equal(RUN("show", "no-such-id"), EXIT_FAIL);
	assert_non_null(strstr(err, "no entity or section has the id 'no-such-id'"));
	cleanup(state);
	assert_int_equal(RUN("show", f->activity_area, "--json"), EXIT_OK);
	assert_non_null(strstr(out, "\"linked_from\":["));
	snprintf(want, sizeof(want), "\"id\":\"%s\"", f->activity);
	assert_non_null(strstr(out, want));
}

static void test_search_exit_codes(void **state)
{
	(void)state;
	const struct tu_facts *f = tu_facts();
	assert_int_equal(RUN("search", f->word), EXIT_OK);
	assert_non_null(strstr(out, f->word_section));
	cleanup(state);
	assert_int_equal(RUN("search", "--count", f->place), EXIT_OK);
	assert_true(atoi(out) >= 2);
	cleanup(state);
	assert_int_equal(RUN("search", "--json", f->meeting_title), EXIT_OK);
	char want[120];
	snprintf(want, sizeof(want), "\"kind\":\"meeting\",\"id\":\"%s\"", f->meeting);
	assert_non_null(strstr(out, want));
	assert_non_null(strstr(out, "\"snippet\":"));
	cleanup(state);
	assert_int_equal(RUN("search", "zzzz-not-in-report"), EXIT_FAIL);
	assert_string_equal(out, "");
	cleanup(state);
	/* the messages give the report's own numbers */
	char stage[16], area[16];
	snprintf(stage, sizeof(stage), "stage:%zu", f->stages + 1);
	snprintf(area, sizeof(area), "area:%zu", f->areas + 1);
	assert_int_equal(RUN("search", stage), EXIT_USAGE);
	snprintf(want, sizeof(want), "is not a stage: a number (%s)", f->stage_numbers);
	assert_non_null(strstr(err, want));
	cleanup(state);
	assert_int_equal(RUN("search", area), EXIT_USAGE);
	snprintf(want, sizeof(want), "no area with that number (1-%zu)", f->areas);
	assert_non_null(strstr(err, want));
}

static void test_dump_in_order(void **state)
{
	(void)state;
	const struct report *r = tu_report();
	assert_int_equal(RUN("dump"), EXIT_OK);
	/* every heading on a line of its own, in order */
	const char *at = out;
	for (size_t i = 0; i < r->sections_count; i++) {
		char want[48]; /* a heading's start (a long one is wrapped) */
		snprintf(want, sizeof(want), "\n\n%.40s", report_section(r, i)->title);
		const char *h = strstr(at, want);
		if (!h)
			fail_msg("heading '%s' missing or out of order", report_section(r, i)->title);
		at = h + 1;
	}
	assert_null(strchr(out, '*'));
	/* the title and every line fit in 80 columns, wide characters counted */
	assert_true(widest_line(out) <= 80);
	cleanup(state);
	assert_int_equal(RUN("outline"), EXIT_OK); /* its title is wrapped too */
	const char *first_line_end = strchr(out, '\n');
	assert_true(text_width(out, (size_t)(first_line_end - out)) <= 80);
}

static void test_dump_formats(void **state)
{
	(void)state;
	const struct report *r = tu_report();
	const struct tu_facts *f = tu_facts();
	assert_int_equal(RUN("dump", "--format=markdown"), EXIT_OK);
	assert_true(strncmp(out, "# ", 2) == 0);
	assert_true(strncmp(out + 2, r->title, 20) == 0);
	for (size_t i = 0; i < r->sections_count && i < 8; i++) {
		const struct section *s = report_section(r, i);
		char want[300];
		if (strpbrk(s->title, "\\`*_[]<>"))
			continue; /* escaped: checked by the emphasis below */
		snprintf(want, sizeof(want), "\n%.*s %s\n\n", 2 + (s->depth < 4 ? s->depth : 4), "######",
			 s->title);
		assert_non_null(strstr(out, want));
	}
	char em[80];
	snprintf(em, sizeof(em), "*%s", f->emphasis);
	assert_non_null(strstr(out, em));
	/* a paragraph opening "1) " would be a list item: escaped */
	for (size_t i = 0; i < r->sections_count; i++)
		for (unsigned p = 0; p < report_section(r, i)->paragraphs_count; p++) {
			const char *t = report_section(r, i)->paragraphs[p];
			size_t d = strspn(t, "0123456789");
			if (d && t[d] == ')') {
				char want[40];
				snprintf(want, sizeof(want), "\n%.*s\\)", (int)d, t);
				assert_non_null(strstr(out, want));
			}
		}
	cleanup(state);
	assert_int_equal(RUN("dump", "--format", "json"), EXIT_OK);
	json_error_t jerr;
	json_t *doc = json_loads(out, 0, &jerr);
	assert_non_null(doc);
	assert_int_equal(json_array_size(json_object_get(doc, "areas")), f->areas);
	assert_int_equal(json_array_size(json_object_get(doc, "sections")), f->sections);
	json_t *intro = json_array_get(json_object_get(doc, "sections"), 0);
	assert_int_equal(json_array_size(json_object_get(intro, "paragraphs")),
			 report_section(r, 0)->paragraphs_count);
	json_t *stage = json_array_get(json_object_get(doc, "stages"), 0);
	assert_true(json_array_size(json_object_get(stage, "prose")) >= 1);
	json_decref(doc);
	cleanup(state);
	assert_int_equal(RUN("dump", "--format=pdf"), EXIT_USAGE);
	assert_non_null(strstr(err, "unknown format 'pdf'"));
}

static void test_usage_errors(void **state)
{
	(void)state;
	assert_int_equal(RUN("frobnicate"), EXIT_USAGE);
	assert_non_null(strstr(err, "unknown command 'frobnicate'"));
	assert_non_null(strstr(err, "Usage: temm"));
	cleanup(state);
	assert_int_equal(RUN("--bogus"), EXIT_USAGE);
	assert_non_null(strstr(err, "unknown option '--bogus'"));
	cleanup(state);
	assert_int_equal(RUN("list"), EXIT_USAGE);
	cleanup(state);
	assert_int_equal(RUN("list", "dragons"), EXIT_USAGE);
	assert_non_null(strstr(err, "unknown kind 'dragons'"));
	cleanup(state);
	assert_int_equal(RUN("show", "a", "b"), EXIT_USAGE);
	cleanup(state);
	assert_int_equal(RUN("--content"), EXIT_USAGE);
	assert_non_null(strstr(err, "needs an argument"));
}

/* Every line a JSON object with a string "kind", and at least one line. */
static void assert_json_lines_with_kind(const char *text)
{
	size_t lines = 0;
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		assert_non_null(nl);
		json_error_t jerr;
		json_t *o = json_loadb(line, (size_t)(nl - line), 0, &jerr);
		if (!o)
			fail_msg("not JSON: %.*s (%s)", (int)(nl - line > 80 ? 80 : nl - line), line,
				 jerr.text);
		if (!json_is_string(json_object_get(o, "kind")))
			fail_msg("no \"kind\": %.*s", (int)(nl - line > 80 ? 80 : nl - line), line);
		json_decref(o);
		lines++;
		line = nl + 1;
	}
	assert_true(lines > 0);
}

static void test_json_has_kind(void **state)
{
	const struct tu_facts *f = tu_facts();
	const char *const runs[][4] = {
		{ "check", "--json" }, { "list", "stages", "--json" }, { "list", "terms", "--json" },
		{ "list", "sections", "--json" }, { "show", f->activity_area, "--json" },
		{ "search", f->word, "--json" }, { "search", "--count", f->word, "--json" },
		{ "dump", "--json" }, { "dump", "--format=json" }, { "dump", "--format=json", "--json" },
		{ "outline", "--json" },
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		assert_int_equal(RUN(runs[i][0], runs[i][1], runs[i][2], runs[i][3]), EXIT_OK);
		assert_json_lines_with_kind(out);
		cleanup(state);
	}
	assert_int_equal(RUN("check", "--json"), EXIT_OK);
	assert_non_null(strstr(out, "{\"kind\":\"check\","));
	cleanup(state);
	char want[120];
	assert_int_equal(RUN("search", "--count", "--json", f->meeting_title), EXIT_OK);
	snprintf(want, sizeof(want), "{\"kind\":\"count\",\"query\":\"%s\",\"count\":", f->meeting_title);
	assert_non_null(strstr(out, want));
}

/* A form that has no JSON refuses --json: a usage error, nothing printed. */
static void test_json_refused(void **state)
{
	static const char *const runs[][3] = {
		{ "dump", "--format=markdown", "--json" }, { "dump", "--format=text", "--json" },
		{ "keys", "--format=man", "--json" }, { "--json" },
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		assert_int_equal(RUN(runs[i][0], runs[i][1], runs[i][2]), EXIT_USAGE);
		assert_non_null(strstr(err, "cannot print JSON"));
		assert_string_equal(out, "");
		cleanup(state);
	}
}

/* s with its ASCII letters in upper case (at most 63 bytes). */
static const char *upper(const char *s, char buf[64])
{
	size_t i = 0;
	for (; s[i] && i < 63; i++)
		buf[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	buf[i] = '\0';
	return buf;
}

/* Ids are lower case in the content; a person may type them otherwise. */
static void test_ids_any_case(void **state)
{
	const struct tu_facts *f = tu_facts();
	char up[64], want[120], query[80];
	assert_int_equal(RUN("show", upper(f->meeting, up)), EXIT_OK);
	snprintf(want, sizeof(want), "meeting %s: %s", f->meeting, f->meeting_title);
	assert_non_null(strstr(out, want));
	cleanup(state);
	assert_int_equal(RUN("show", upper(f->section, up), "--json"), EXIT_OK);
	snprintf(want, sizeof(want), "\"id\":\"%s\"", f->section);
	assert_non_null(strstr(out, want));
	cleanup(state);
	snprintf(query, sizeof(query), "area:%s", upper(f->activity_area, up));
	assert_int_equal(RUN("search", "--count", query, "kind:activity"), EXIT_OK);
	char *upper_count = out;
	out = NULL;
	cleanup(state);
	snprintf(query, sizeof(query), "area:%s", f->activity_area);
	assert_int_equal(RUN("search", "--count", query, "kind:activity"), EXIT_OK);
	assert_string_equal(upper_count, out);
	assert_true(atoi(out) > 0);
	free(upper_count);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_check, cleanup),
		cmocka_unit_test_teardown(test_list_areas, cleanup),
		cmocka_unit_test_teardown(test_list_columns, cleanup),
		cmocka_unit_test_teardown(test_list_json_fields, cleanup),
		cmocka_unit_test_teardown(test_show, cleanup),
		cmocka_unit_test_teardown(test_search_exit_codes, cleanup),
		cmocka_unit_test_teardown(test_dump_in_order, cleanup),
		cmocka_unit_test_teardown(test_dump_formats, cleanup),
		cmocka_unit_test_teardown(test_usage_errors, cleanup),
		cmocka_unit_test_teardown(test_json_has_kind, cleanup),
		cmocka_unit_test_teardown(test_json_refused, cleanup),
		cmocka_unit_test_teardown(test_ids_any_case, cleanup),
	};
	return TU_RUN_EACH(tests, NULL, teardown);
}
