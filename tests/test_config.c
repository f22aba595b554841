/* test_config.c - the config file: good, bad, missing; unknown names and
 * bad values are errors at their position and leave the defaults. */
#include "testutil.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const actions[] = { "move-down", "move-up", "quit" };
static const char *const elements[] = { "title", "selection", "link" };
static const char *const panes[] = { "stages", "areas", "timeline" };
static const struct config_names names = { actions, 3, elements, 3, panes, 3 };


static int load(const char *text, struct config *c, struct diag *d)
{
	char *path;
	assert_true(asprintf(&path, "%s/config", tu_dir) > 0);
	if (text)
		tu_write(tu_dir, "config", text);
	else
		remove(path);
	diag_init(d);
	int rc = config_load(path, &names, c, d);
	free(path);
	return rc;
}


static void expect_problem(const char *text, unsigned line, unsigned col, const char *needle)
{
	struct config c;
	struct diag d;
	assert_int_equal(load(text, &c, &d), -1);
	char *all = tu_diag_text(&d);
	if (!tu_diag_has(&d, "config", line, col, needle))
		fail_msg("expected config:%u:%u: %s; got:\n%s", line, col, needle, all);
	free(all);
	/* what was read is kept to be checked further; the browser uses none
	 * of it (test_ui_keys: the defaults stay) */
	config_free(&c);
	diag_free(&d);
}

static void test_good(void **state)
{
	(void)state;
	struct config c;
	struct diag d;
	assert_int_equal(load("theme: none\npane: timeline\nwrap: 72\n"
			      "keys:\n  move-down: [j, Down, C-n]\n  quit: [Q]\n"
			      "colours:\n  selection: black on cyan\n  link: bright-blue\n", &c, &d), 0);
	assert_int_equal(d.count, 0);
	assert_true(c.no_colour);
	assert_int_equal(c.pane, 2);
	assert_int_equal(c.wrap, 72);
	assert_int_equal(c.bindings[0].keys_count, 3);
	assert_string_equal(c.bindings[0].keys[2], "C-n");
	assert_null(c.bindings[1].keys); /* move-up keeps its defaults */
	assert_string_equal(c.bindings[2].keys[0], "Q");
	assert_null(c.colours[0]);
	assert_string_equal(c.colours[1], "black on cyan");
	unsigned line, col;
	assert_int_equal(config_position(&c, "keys", "quit", 0, &line, &col), 0);
	assert_int_equal(line, 6);
	assert_int_equal(col, 10);
	config_free(&c);
	diag_free(&d);
}

static void test_missing_and_empty(void **state)
{
	(void)state;
	struct config c;
	struct diag d;
	assert_int_equal(load(NULL, &c, &d), 1);
	assert_int_equal(d.count, 0);
	assert_int_equal(c.pane, -1);
	config_free(&c);
	diag_free(&d);
	assert_int_equal(load("# nothing set\n{}\n", &c, &d), 0);
	config_free(&c);
	diag_free(&d);
}

static void test_bad(void **state)
{
	(void)state;
	expect_problem("colour: red\n", 1, 1, "unknown setting 'colour'");
	expect_problem("keys:\n  fly-away: [x]\n", 2, 3, "unknown action 'fly-away'");
	expect_problem("keys:\n  quit: {q: 1}\n", 2, 9, "expected a key or a list of keys");
	expect_problem("keys:\n  quit: []\n", 2, 9, "the list of keys is empty");
	expect_problem("keys:\n  quit: [q]\n  quit: [Q]\n", 3, 3, "action 'quit' is given twice");
	expect_problem("keys: [q]\n", 1, 7, "expected a mapping of actions to keys");
	expect_problem("colours:\n  lnk: red\n", 2, 3, "unknown element 'lnk' (title, selection, link)");
	expect_problem("theme: dark\n", 1, 8, "unknown value 'dark'");
	expect_problem("wrap: 72abc\n", 1, 7, "expected a whole number");
	expect_problem("wrap: 5000\n", 1, 7, "wrap 5000 is not 0-1000");
	expect_problem("pane: reader2\n", 1, 7, "unknown pane 'reader2'");
	expect_problem("colours:\n  link: purple\n", 2, 9, "bad colour 'purple'");
	expect_problem("colours:\n  link: red on\n", 2, 9, "bad colour");
	expect_problem("keys: [\n", 2, 1, "YAML syntax error");
}

/* Every problem is reported, each at its place, not only the first. */
static void test_every_problem(void **state)
{
	(void)state;
	struct config c;
	struct diag d;
	assert_int_equal(load("theme: dark\ncolour: red\nkeys:\n  fly-away: [x]\n  quit: {}\n"
			      "colours:\n  link: purple\n  lnk: red\nwrap: 5000\npane: nowhere\n", &c, &d), -1);
	char *all = tu_diag_text(&d);
	const struct { unsigned line, col; const char *what; } want[] = {
		{ 1, 8, "unknown value 'dark'" }, { 2, 1, "unknown setting 'colour'" },
		{ 4, 3, "unknown action 'fly-away'" }, { 5, 9, "expected a key or a list of keys" },
		{ 7, 9, "bad colour 'purple'" }, { 8, 3, "unknown element 'lnk'" },
		{ 9, 7, "wrap 5000 is not 0-1000" }, { 10, 7, "unknown pane 'nowhere'" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!tu_diag_has(&d, "config", want[i].line, want[i].col, want[i].what))
			fail_msg("missing config:%u:%u: %s in:\n%s", want[i].line, want[i].col, want[i].what, all);
	assert_int_equal(d.count, sizeof(want) / sizeof(want[0]));
	free(all);
	config_free(&c);
	diag_free(&d);
}

/* One key where a list of keys is expected: `quit: q`. */
static void test_one_key(void **state)
{
	(void)state;
	struct config c;
	struct diag d;
	assert_int_equal(load("keys:\n  quit: q\n  move-down: [j, Down]\n", &c, &d), 0);
	assert_int_equal(c.bindings[2].keys_count, 1);
	assert_string_equal(c.bindings[2].keys[0], "q");
	assert_int_equal(c.bindings[2].lines[0], 2);
	assert_int_equal(c.bindings[2].columns[0], 9);
	assert_int_equal(c.bindings[0].keys_count, 2);
	assert_int_equal(c.bindings[0].columns[1], 18);
	config_free(&c);
	diag_free(&d);
}

/* mouse and clipboard: on unless the file says off (or false, no) */
static void test_switches(void **state)
{
	(void)state;
	struct config c;
	struct diag d;
	assert_int_equal(load("wrap: 72\n", &c, &d), 0);
	assert_true(c.mouse);
	assert_true(c.clipboard);
	config_free(&c);
	diag_free(&d);
	assert_int_equal(load("mouse: off\nclipboard: no\n", &c, &d), 0);
	assert_false(c.mouse);
	assert_false(c.clipboard);
	config_free(&c);
	diag_free(&d);
	assert_int_equal(load("mouse: on\nclipboard: false\n", &c, &d), 0);
	assert_true(c.mouse);
	assert_false(c.clipboard);
	config_free(&c);
	diag_free(&d);
	expect_problem("wrap: 72\nmouse: maybe\n", 2, 8, "unknown value 'maybe' (expected one of: on, off");
	expect_problem("clipboard: [on]\n", 1, 12, "");
	/* a bad file: the browser uses none of it, so both stay on
	 * (test_ui_keys) */
	assert_int_equal(load("mouse: off\nwrap: 5000\n", &c, &d), -1);
	config_free(&c);
	diag_free(&d);
}

static void test_parse_colours(void **state)
{
	(void)state;
	int fg, bg;
	assert_int_equal(config_parse_colours("red", &fg, &bg), 0);
	assert_int_equal(fg, 1);
	assert_int_equal(bg, -1);
	assert_int_equal(config_parse_colours("bright-white on blue", &fg, &bg), 0);
	assert_int_equal(fg, 15);
	assert_int_equal(bg, 4);
	assert_int_equal(config_parse_colours("default on default", &fg, &bg), 0);
	assert_int_equal(config_parse_colours("mauve", &fg, &bg), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_missing_and_empty),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_every_problem),
		cmocka_unit_test(test_one_key),
		cmocka_unit_test(test_parse_colours),
		cmocka_unit_test(test_switches),
	};
	return cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
}
