/* test_commands.c - the headless commands: what they print and how they
 * exit, on the bundled report. */
#include "testutil.h"
#include "cli.h"

#include <jansson.h>

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

static void test_check(void **state)
{
	(void)state;
	assert_int_equal(RUN("check"), EXIT_OK);
	/* what it counts is the content's entries, said so: the report says
	 * its 2015-2019 plan had 37 activities, the content lists 35 */
	assert_non_null(strstr(out, "     3 stages in the content\n"));
	assert_non_null(strstr(out, "    10 areas in the content\n"));
	assert_non_null(strstr(out, "(entries temm counts; the figures the report gives: temm overview)"));
	cleanup(state);
	assert_int_equal(RUN("check", "--json"), EXIT_OK);
	assert_non_null(strstr(out, "\"stages\":3"));
	assert_non_null(strstr(out, "\"areas\":10"));
}

static void test_list_areas(void **state)
{
	(void)state;
	assert_int_equal(RUN("list", "areas"), EXIT_OK);
	assert_int_equal(count_rows(out), 10); /* a long title wraps under itself */
	assert_non_null(strstr(out, " 1) Air Pollution Control"));
	assert_non_null(strstr(out, "10) Rural Environmental Management"));
	assert_true(strstr(out, "Air Pollution") < strstr(out, "DSS Prevention"));
}

static void test_list_json_fields(void **state)
{
	(void)state;
	assert_int_equal(RUN("list", "stages", "--json"), EXIT_OK);
	assert_int_equal(count_lines(out), 3);
	assert_non_null(strstr(out, "{\"kind\":\"stage\",\"id\":\"stage-1\",\"title\":\"Foundation Stage\""));
	assert_non_null(strstr(out, "\"from\":2015,\"to\":2019"));
	cleanup(state);
	assert_int_equal(RUN("list", "events", "--json"), EXIT_OK);
	assert_non_null(strstr(out, "\"year\":1999,\"month\":11"));
	assert_non_null(strstr(out, "\"month\":null"));
	cleanup(state);
	assert_int_equal(RUN("--json", "list", "activities"), EXIT_OK);
	assert_non_null(strstr(out, "\"id\":\"teen\""));
	assert_non_null(strstr(out, "\"area\":\"education\""));
	assert_non_null(strstr(out, "{\"n\":18,\"of\":\"meetings of coordinators\"}"));
}

static void test_show(void **state)
{
	(void)state;
	assert_int_equal(RUN("show", "temm16"), EXIT_OK);
	assert_non_null(strstr(out, "meeting temm16: TEMM16"));
	assert_non_null(strstr(out, "Daegu"));
	/* linked from stage III, as the browser's page names it, with its id */
	assert_non_null(strstr(out, "stage Stage III Steady Development [stage-3]"));
	cleanup(state);
	assert_int_equal(RUN("show", "sec-2-1-2"), EXIT_OK);
	assert_non_null(strstr(out, "2) DSS Prevention"));
	assert_non_null(strstr(out, "Working Group I (monitoring,"));
	/* the text, after the first blank line, is wrapped to 80 columns */
	for (char *line = strstr(out, "\n\n"); *line;) {
		char *nl = strchr(line, '\n');
		assert_true(nl - line <= 80);
		line = nl + 1;
	}
	cleanup(state);
	assert_int_equal(RUN("show", "no-such-id"), EXIT_FAIL);
	assert_non_null(strstr(err, "no entity or section has the id 'no-such-id'"));
	cleanup(state);
	assert_int_equal(RUN("show", "air", "--json"), EXIT_OK);
	assert_non_null(strstr(out, "\"linked_from\":["));
	assert_non_null(strstr(out, "\"id\":\"tpdap\""));
}

static void test_search_exit_codes(void **state)
{
	(void)state;
	assert_int_equal(RUN("search", "microplastics"), EXIT_OK);
	assert_non_null(strstr(out, "sec-2-1-9"));
	cleanup(state);
	assert_int_equal(RUN("search", "--count", "Daegu"), EXIT_OK);
	assert_true(atoi(out) >= 2);
	cleanup(state);
	assert_int_equal(RUN("search", "--json", "TEEN"), EXIT_OK);
	assert_non_null(strstr(out, "\"kind\":\"activity\",\"id\":\"teen\""));
	assert_non_null(strstr(out, "\"snippet\":"));
	cleanup(state);
	assert_int_equal(RUN("search", "zzzz-not-in-report"), EXIT_FAIL);
	assert_string_equal(out, "");
}

static void test_dump_in_order(void **state)
{
	(void)state;
	assert_int_equal(RUN("dump"), EXIT_OK);
	const char *intro = strstr(out, "\nIntroduction\n");
	const char *s13 = strstr(out, "\n1.3 Distinctive Features of the TEMM Cooperation\n");
	const char *s32 = strstr(out, "\n3.2 Future Outlook\n");
	assert_non_null(intro);
	assert_true(intro < s13 && s13 < s32);
	assert_non_null(strstr(out, "The next 20 years will surely be more exciting!"));
	assert_null(strchr(out, '*'));
}

static void test_dump_formats(void **state)
{
	(void)state;
	assert_int_equal(RUN("dump", "--format=markdown"), EXIT_OK);
	assert_true(strncmp(out, "# Report on China-Japan-Korea", 29) == 0);
	assert_non_null(strstr(out, "\n## 1. A Historical Review"));
	assert_non_null(strstr(out, "\n### 1.1 Start of Cooperation\n"));
	assert_non_null(strstr(out, "two-phase *Tripartite Joint Action Plan on Environmental Cooperation*"));
	assert_non_null(strstr(out, "\n1\\) The three countries should")); /* not a list item */
	cleanup(state);
	assert_int_equal(RUN("dump", "--format", "json"), EXIT_OK);
	json_error_t jerr;
	json_t *doc = json_loads(out, 0, &jerr);
	assert_non_null(doc);
	assert_int_equal(json_array_size(json_object_get(doc, "areas")), 10);
	assert_int_equal(json_array_size(json_object_get(doc, "sections")), 33);
	json_t *intro = json_array_get(json_object_get(doc, "sections"), 0);
	assert_true(json_array_size(json_object_get(intro, "paragraphs")) == 3);
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
	static const char *const runs[][4] = {
		{ "check", "--json" }, { "list", "stages", "--json" }, { "list", "terms", "--json" },
		{ "list", "sections", "--json" }, { "show", "dss", "--json" },
		{ "search", "water", "--json" }, { "search", "--count", "water", "--json" },
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
	assert_int_equal(RUN("search", "--count", "--json", "Daegu"), EXIT_OK);
	assert_non_null(strstr(out, "{\"kind\":\"count\",\"query\":\"Daegu\",\"count\":"));
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

/* Ids are lower case in the content; a person may type them otherwise. */
static void test_ids_any_case(void **state)
{
	assert_int_equal(RUN("show", "TEMM16"), EXIT_OK);
	assert_non_null(strstr(out, "meeting temm16: TEMM16"));
	cleanup(state);
	assert_int_equal(RUN("show", "Sec-2-1-2", "--json"), EXIT_OK);
	assert_non_null(strstr(out, "\"id\":\"sec-2-1-2\""));
	cleanup(state);
	assert_int_equal(RUN("search", "--count", "area:DSS", "kind:activity"), EXIT_OK);
	char *upper = out;
	out = NULL;
	cleanup(state);
	assert_int_equal(RUN("search", "--count", "area:dss", "kind:activity"), EXIT_OK);
	assert_string_equal(upper, out);
	assert_true(atoi(out) > 0);
	free(upper);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_check, cleanup),
		cmocka_unit_test_teardown(test_list_areas, cleanup),
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
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_bundled_free();
	return rc;
}
