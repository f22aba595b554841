/* test_badinput.c - every class of bad content gets one clear message at
 * the right FILE:LINE:COLUMN, and never a partial model. */
#include "testutil.h"
#include "loader.h"
#include "schema.h"
#include "yamlcheck.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEAD "report:\n  title: T\nsections:\n  - title: Intro\n    id: intro\n"

/* Load yaml, expect failure with `needle` at line:column of t.yaml. */
static void expect_error(const char *yaml, unsigned line, unsigned column, const char *needle)
{
	struct diag d;
	struct report *r = tu_load_one(yaml, &d);
	char *text = tu_diag_text(&d);
	if (!tu_diag_has(&d, "t.yaml", line, column, needle))
		fail_msg("expected t.yaml:%u:%u: ...%s...; got:\n%s", line, column, needle, text);
	assert_null(r);
	free(text);
	diag_free(&d);
}

static void test_valid_minimal(void **state)
{
	(void)state;
	struct diag d;
	struct report *r = tu_load_one(HEAD, &d);
	assert_non_null(r);
	assert_int_equal(d.count, 0);
	assert_int_equal(r->sections_count, 1);
	report_free(r);
	diag_free(&d);
}

static void test_syntax_error(void **state)
{
	(void)state;
	expect_error(HEAD "    paragraphs: [a, b\n", 7, 1, "YAML syntax error");
	expect_error("report:\n  title: \"T\n", 3, 1, "quoted scalar that starts at 2:10");
}

static void test_unknown_key(void **state)
{
	(void)state;
	expect_error(HEAD "    colour: red\n", 6, 5, "unknown key 'colour'");
	expect_error("reprot: {title: T}\n", 1, 1, "unknown key 'reprot'");
}

static void test_wrong_type(void **state)
{
	(void)state;
	expect_error(HEAD "    paragraphs: one\n", 6, 17, "expected a list, found text");
	expect_error("report: [T]\n", 1, 9, "expected a mapping, found a list");
}

static void test_integer_junk(void **state)
{
	(void)state;
	expect_error(HEAD "events:\n  - {id: e, year: 2015abc, title: t, section: intro}\n",
		     7, 19, "expected a whole number, found '2015abc'");
	expect_error(HEAD "events:\n  - {id: e, year: 0x10, title: t, section: intro}\n",
		     7, 19, "expected a whole number");
}

static void test_date_ranges(void **state)
{
	(void)state;
	expect_error(HEAD "events:\n  - {id: e, year: 2015, month: 13, title: t, section: intro}\n",
		     7, 32, "month 13 is not 1-12");
	expect_error(HEAD "events:\n  - {id: e, year: 15, title: t, section: intro}\n",
		     7, 19, "year 15 is not plausible");
}

static void test_enum_strict(void **state)
{
	(void)state;
	expect_error(HEAD "activities:\n  - {id: a, title: A, kind: 3, area: x, section: intro}\n",
		     7, 29, "unknown value '3'");
}

/* A meeting names a series the content declares; each is declared once. */
static void test_series_declared(void **state)
{
	(void)state;
	expect_error(HEAD "meetings:\n  - {id: m, title: M, series: mop, section: intro}\n",
		     7, 31, "'series' refers to 'mop', which the top-level 'series' list does not declare");
	expect_error(HEAD "series:\n  - {id: mop, title: Meeting of the Parties}\n"
			  "  - {id: mop, title: Again}\n",
		     8, 10, "series 'mop' is declared twice");
	expect_error(HEAD "series:\n  - {id: Mop, title: M}\n", 7, 10, "id 'Mop' must be");
	expect_error(HEAD "series:\n  - {id: mop}\n", 7, 5, "missing required key 'title'");
	struct diag d;
	struct report *r = tu_load_one(HEAD "series:\n  - {id: mop, title: Meeting of the Parties, short: MOP}\n"
				       "meetings:\n  - {id: m, title: M, series: mop, section: intro}\n"
				       "  - {id: n, title: N, section: intro}\n", &d);
	assert_non_null(r);
	assert_string_equal(report_meeting_series(r, report_meeting(r, 0))->title, "Meeting of the Parties");
	assert_string_equal(report_meeting_series(r, report_meeting(r, 0))->short_name, "MOP");
	assert_null(report_meeting_series(r, report_meeting(r, 1)));
	report_free(r);
	diag_free(&d);
}

#define STAGE "stages:\n  - id: s\n    number: 1\n    title: S\n    name: S\n" \
	"    from: 2000\n    to: 2001\n    section: intro\n    priorities: [{text: p}]\n"

/* A stage's prose names paragraphs its section has. */
static void test_stage_prose(void **state)
{
	(void)state;
	expect_error(HEAD STAGE "    prose: [{section: nowhere}]\n", 15, 23,
		     "'prose.section' refers to 'nowhere', which does not exist");
	expect_error(HEAD STAGE "    prose: [{section: intro}]\n", 15, 23,
		     "section 'intro' has no paragraphs to tell the stage");
	expect_error(HEAD "    paragraphs: [a, b]\n" STAGE "    prose: [{section: intro, first: 3}]\n",
		     16, 37, "'first' is paragraph 3, but section 'intro' has 2");
	expect_error(HEAD "    paragraphs: [a, b]\n" STAGE "    prose: [{section: intro, last: 5}]\n",
		     16, 36, "'last' is paragraph 5, but section 'intro' has 2");
	expect_error(HEAD "    paragraphs: [a, b]\n" STAGE
		     "    prose: [{section: intro, first: 2, last: 1}]\n",
		     16, 46, "'last' (1) comes before 'first' (2)");
	expect_error(HEAD STAGE "    prose: [{section: intro, from: 1}]\n", 15, 30, "unknown key 'from'");
	struct diag d;
	struct report *r = tu_load_one(HEAD "    paragraphs: [a, b, c]\n  - {title: More, id: more, "
				       "paragraphs: [d, e]}\n" STAGE
				       "    prose: [{section: intro, first: 2}, {section: more, last: 1}]\n", &d);
	assert_non_null(r);
	struct prose_span sp;
	assert_true(report_stage_prose(r, 0, 0, &sp));
	assert_int_equal(sp.section_ix, 0);
	assert_int_equal(sp.first, 1);
	assert_int_equal(sp.end, 3);
	assert_true(report_stage_prose(r, 0, 1, &sp));
	assert_int_equal(sp.section_ix, 1);
	assert_int_equal(sp.first, 0);
	assert_int_equal(sp.end, 1);
	assert_false(report_stage_prose(r, 0, 2, &sp));
	assert_false(report_stage_prose(r, 1, 0, &sp));
	report_free(r);
	diag_free(&d);
}

static void test_missing_required(void **state)
{
	(void)state;
	expect_error(HEAD "  - id: x\n", 6, 5, "missing required key 'title'");
	expect_error("sections:\n  - {title: a, id: a}\n", 0, 0, "no file has the 'report' mapping");
}

static void test_duplicate_id(void **state)
{
	(void)state;
	expect_error(HEAD "areas:\n  - {id: intro, number: 1, title: A, section: intro}\n",
		     7, 10, "duplicate id 'intro' (already used by a section)");
	expect_error(HEAD "areas:\n  - {id: a, number: 1, title: A, section: intro}\n"
			  "events:\n  - {id: a, year: 2015, title: t, section: intro}\n",
		     9, 10, "duplicate id 'a' (already used by an area)");
	expect_error(HEAD "    id: again\n", 6, 5, "duplicate key 'id'");
}

static void test_dangling_reference(void **state)
{
	(void)state;
	expect_error(HEAD "  - {title: B, id: b, parent: nowhere}\n", 6, 31,
		     "'parent' refers to 'nowhere', which does not exist");
	expect_error(HEAD "events:\n  - {id: e, year: 2015, title: t, section: intro, meeting: intro}\n",
		     7, 60, "'meeting' must name a meeting, but 'intro' is a section");
	expect_error(HEAD "activities:\n  - {id: a, title: A, kind: other, area: intro, section: intro}\n",
		     7, 42, "'area' must name an area, but 'intro' is a section");
	expect_error(HEAD "events:\n  - id: e\n    year: 2015\n    title: t\n    section: intro\n"
			  "    links: [intro, ghost]\n", 11, 20, "'links' refers to 'ghost'");
}

static void test_nul_escape(void **state)
{
	(void)state;
	expect_error(HEAD "    paragraphs: [\"cut\\0here\"]\n", 6, 18, "NUL character");
}

static void test_invalid_utf8_and_controls(void **state)
{
	(void)state;
	/* libyaml points at the byte that breaks the sequence */
	expect_error("report:\n  title: caf\xc3\n", 2, 14, "UTF-8");
	expect_error("report:\n  title: a\x1b[31m\n", 2, 11, "control characters");
}

static void test_aliases_refused(void **state)
{
	(void)state;
	expect_error(HEAD "    paragraphs: [&p text, *p]\n", 6, 18, "anchors are not allowed");
	expect_error(HEAD "    paragraphs: [&p text, *p]\n", 6, 27, "aliases are not allowed");
}

static void test_limits(void **state)
{
	(void)state;
	/* a string over the cap */
	size_t big = 70000;
	char *yaml = malloc(big + 200);
	strcpy(yaml, HEAD "    paragraphs: [");
	size_t n = strlen(yaml);
	memset(yaml + n, 'a', big);
	strcpy(yaml + n + big, "]\n");
	expect_error(yaml, 6, 18, "text longer than 65536 bytes");
	free(yaml);
	/* nesting */
	char deep[256] = HEAD "    paragraphs: ";
	for (int i = 0; i < 40; i++)
		strcat(deep, "[");
	strcat(deep, "\n");
	/* the 30th bracket is the 33rd level: file, list, entry come first */
	expect_error(deep, 6, 46, "nesting deeper than 32 levels");
}

static void test_many_entities(void **state)
{
	(void)state;
	/* one over the per-file cap of entries in a list */
	size_t count = 200001;
	char *yaml = malloc(count * 48 + 200);
	strcpy(yaml, HEAD "terms:\n");
	char *p = yaml + strlen(yaml);
	for (size_t i = 0; i < count; i++)
		p += sprintf(p, "- {id: t%zu, title: T, section: x}\n", i);
	struct diag d;
	struct report *r = tu_load_one(yaml, &d);
	char *text = tu_diag_text(&d);
	assert_null(r);
	assert_non_null(strstr(text, "more than 200000 entries"));
	free(text);
	diag_free(&d);
	free(yaml);
}

static void test_file_problems(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d);
	assert_null(content_load("/nonexistent/temm", &d));
	assert_true(tu_diag_has(&d, "/nonexistent/temm", 0, 0, "cannot open content directory"));
	diag_free(&d);

	char *dir = tu_mkdtemp();
	assert_null(content_load(dir, &d));
	assert_true(tu_diag_has(&d, dir, 0, 0, "no .yaml files"));
	diag_free(&d);

	/* a file too big, checked before parsing */
	char *path;
	assert_true(asprintf(&path, "%s/big.yaml", dir) > 0);
	int fd = open(path, O_CREAT | O_WRONLY, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, CONTENT_MAX_FILE_BYTES + 1), 0);
	close(fd);
	assert_null(content_load(dir, &d));
	assert_true(tu_diag_has(&d, "big.yaml", 0, 0, "larger than the 8 MiB limit"));
	diag_free(&d);
	unlink(path);
	free(path);

	/* unreadable: a link to nothing, and a directory with a content name */
	assert_true(asprintf(&path, "%s/gone.yaml", dir) > 0);
	assert_int_equal(symlink("/nonexistent/temm.yaml", path), 0);
	free(path);
	assert_true(asprintf(&path, "%s/dir.yaml", dir) > 0);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
	assert_null(content_load(dir, &d));
	assert_true(tu_diag_has(&d, "gone.yaml", 0, 0, "cannot read"));
	assert_true(tu_diag_has(&d, "dir.yaml", 0, 0, "not a regular file"));
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);
}

static void test_empty_and_multi_document(void **state)
{
	(void)state;
	expect_error("", 1, 1, "no YAML document");
	expect_error(HEAD "---\nreport: {title: U}\n", 6, 1, "only one YAML document");
}

static void test_problems_across_files(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	tu_write(dir, "a.yaml", HEAD);
	tu_write(dir, "b.yaml", "areas:\n  - {id: a1, number: 1, title: A, section: sec-9}\n");
	tu_write(dir, "c.yaml", "report:\n  title: second\n");
	struct diag d;
	diag_init(&d);
	assert_null(content_load(dir, &d));
	char *text = tu_diag_text(&d);
	if (!tu_diag_has(&d, "b.yaml", 2, 44, "'section' refers to 'sec-9'"))
		fail_msg("got:\n%s", text);
	free(text);
	assert_true(tu_diag_has(&d, "c.yaml", 2, 3, "a second 'report' mapping"));
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);
}

/* The files are parsed in parallel, the largest first; their problems are
 * still told in file order, each with its position. */
static void test_problems_in_file_order(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	tu_write(dir, "a.yaml", HEAD "  - title: [not, a, string]\n");
	size_t cap = 64 * 1024, n = 0;
	char *big = malloc(cap);
	assert_non_null(big);
	n += (size_t)snprintf(big, cap, "terms:\n");
	for (int i = 0; n + 64 < cap && i < 1000; i++)
		n += (size_t)snprintf(big + n, cap - n, "  - {id: t%d, title: T%d, expansion: E, section: intro}\n", i, i);
	snprintf(big + n, cap - n, "  - {id: tz, title: Z, section: intro, colour: red}\n");
	tu_write(dir, "b.yaml", big);
	free(big);
	tu_write(dir, "c.yaml", "stages: {unclosed\n");
	struct diag d;
	diag_init(&d);
	assert_null(content_load(dir, &d));
	char *text = tu_diag_text(&d);
	const char *a = strstr(text, "a.yaml:6:"), *b = strstr(text, "b.yaml:"),
		   *c = strstr(text, "c.yaml:");
	if (!a || !b || !c || !(a < b && b < c) || !strstr(b, "colour"))
		fail_msg("expected a.yaml, b.yaml (colour), c.yaml in that order; got:\n%s", text);
	free(text);
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);
}

/* Forty files, each with eight dangling references: every file is read, in
 * name order, and the problems stop at the first 200, said so. */
static void test_many_files_many_problems(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	tu_write(dir, "a.yaml", HEAD);
	for (int f = 0; f < 40; f++) {
		char name[16], yaml[1024];
		size_t n = (size_t)snprintf(yaml, sizeof(yaml), "terms:\n");
		for (int t = 0; t < 8; t++)
			n += (size_t)snprintf(yaml + n, sizeof(yaml) - n,
					      "  - {id: t%d-%d, title: T, expansion: E, section: none%d}\n",
					      f, t, t);
		snprintf(name, sizeof(name), "t%02d.yaml", f);
		tu_write(dir, name, yaml);
	}
	struct diag d;
	diag_init(&d);
	assert_null(content_load(dir, &d));
	assert_int_equal(d.count, 200);
	char *text = tu_diag_text(&d);
	const char *first = strstr(text, "t00.yaml:2:"), *last = strstr(text, "t24.yaml");
	if (!first || !last || first > last || strstr(text, "t25.yaml"))
		fail_msg("expected the problems of t00.yaml to t24.yaml, in order; got:\n%s", text);
	free(text);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	diag_print(&d, f);
	fclose(f);
	assert_non_null(strstr(out, "(stopped after 200 problems)"));
	free(out);
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);
}

/* A file is read in pieces; one that grew past the cap after it was
 * looked at is refused while it is read, not parsed to the end. */
static void test_stream_cap(void **state)
{
	(void)state;
	static const char yaml[] = HEAD;
	struct diag d;
	diag_init(&d);
	FILE *fp = fmemopen((void *)yaml, strlen(yaml), "rb");
	assert_non_null(fp);
	assert_int_equal(yamlcheck_stream("t.yaml", fp, sizeof(yaml), &content_doc_schema, &d), 0);
	fclose(fp);
	assert_int_equal(d.count, 0);
	fp = fmemopen((void *)yaml, strlen(yaml), "rb");
	assert_non_null(fp);
	assert_int_not_equal(yamlcheck_stream("t.yaml", fp, 16, &content_doc_schema, &d), 0);
	fclose(fp);
	assert_true(tu_diag_has(&d, "t.yaml", 0, 0, "file is larger than"));
	diag_free(&d);
}

static void test_escapes_are_sanitized(void **state)
{
	(void)state;
	struct diag d;
	struct report *r = tu_load_one(
		"report:\n  title: \"A\\e]52;c;eA==\\aB\\x9b31mC\\u202ED\\u200BE\\rF\\bG\\tH\"\n"
		"sections:\n  - {title: x, id: x}\n", &d);
	assert_non_null(r);
	assert_string_equal(r->title, "A^[]52;c;eA==^GB<U+009B>31mC<U+202E>D<U+200B>E^MF^HG^IH");
	report_free(r);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_minimal),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_integer_junk),
		cmocka_unit_test(test_date_ranges),
		cmocka_unit_test(test_enum_strict),
		cmocka_unit_test(test_series_declared),
		cmocka_unit_test(test_stage_prose),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_dangling_reference),
		cmocka_unit_test(test_nul_escape),
		cmocka_unit_test(test_invalid_utf8_and_controls),
		cmocka_unit_test(test_aliases_refused),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_many_entities),
		cmocka_unit_test(test_file_problems),
		cmocka_unit_test(test_empty_and_multi_document),
		cmocka_unit_test(test_problems_across_files),
		cmocka_unit_test(test_problems_in_file_order),
		cmocka_unit_test(test_many_files_many_problems),
		cmocka_unit_test(test_stream_cap),
		cmocka_unit_test(test_escapes_are_sanitized),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
