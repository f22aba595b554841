/* test_ui_keys.c - key names, the dispatch table built from the action
 * list, and what a config file makes of it: every action can be rebound
 * (the new key runs it, its old keys no longer do), and any problem keeps
 * every default with one FILE:LINE:COLUMN message. */
#include "testutil.h"
#include "actions.h"
#include "keys.h"
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>



static long code(const char *name)
{
	return ui_key_code(name, strlen(name));
}

static void test_key_names(void **state)
{
	(void)state;
	assert_int_equal(code("j"), 'j');
	assert_int_equal(code("%"), '%');
	assert_int_equal(code("C-d"), 4);
	assert_int_equal(code("Up"), UIK_UP);
	assert_int_equal(code("PgDn"), UIK_PGDN);
	assert_int_equal(code("S-Tab"), UIK_BTAB);
	assert_int_equal(code("F1"), UIK_F1);
	assert_int_equal(code("F12"), UIK_F1 + 11);
	assert_int_equal(code("Delete"), UIK_DELETE);
	assert_int_equal(code("\xc3\xa9"), 0xe9); /* é */
	/* the same bytes have one code, whatever they are called */
	assert_int_equal(code("C-m"), UIK_ENTER);
	assert_int_equal(code("C-j"), UIK_ENTER);
	assert_int_equal(code("C-i"), UIK_TAB);
	assert_int_equal(code("C-h"), UIK_BACKSPACE);
	assert_int_equal(code("C-["), UIK_ESC);
	static const char *const bad[] = {
		"", "jj", "Foo", "C-", "C-1", "C-ab", "F0", "F13", "F1x", "up", " ", "\x01",
		"\x7f", "\xc3", "\xc2\x85" /* U+0085, a control */, "\xe2\x80\xae" /* bidi */,
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (code(bad[i]) != -1)
			fail_msg("'%s' is taken for a key", bad[i]);
	/* every code a name gives has a name that gives it back */
	static const char *const names[] = { "j", "C-d", "Up", "PgUp", "Enter", "Tab", "S-Tab",
		"Backspace", "Esc", "Space", "Insert", "F5", "F12", "\xc3\xa9", "'", "`" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char back[16];
		ui_key_name(code(names[i]), back, sizeof(back));
		assert_int_equal(code(back), code(names[i]));
	}
}

static void test_default_table(void **state)
{
	(void)state;
	struct keymap km;
	assert_int_equal(keymap_init(&km), 0);
	const struct ui_action_info *a;
	size_t n = ui_actions(&a);
	for (size_t i = 0; i < n; i++) {
		bool prompt = ui_action_in_prompt(a[i].action);
		for (const char *k = a[i].keys; *k;) {
			size_t len = strcspn(k, " ");
			assert_int_equal(keymap_lookup(&km, ui_key_code(k, len), prompt), a[i].action);
			k += len;
			while (*k == ' ')
				k++;
		}
	}
	/* one key, one job in each context */
	assert_int_equal(keymap_lookup(&km, UIK_UP, false), ACT_MOVE_UP);
	assert_int_equal(keymap_lookup(&km, UIK_UP, true), ACT_HISTORY_PREV);
	assert_int_equal(keymap_lookup(&km, UIK_ENTER, true), ACT_PROMPT_ACCEPT);
	assert_int_equal(keymap_lookup(&km, 'x', false), ACT_NONE);
	char text[64];
	keymap_keys_text(&km, ACT_MOVE_DOWN, text, sizeof(text));
	assert_string_equal(text, "j, Down, C-n");
	keymap_free(&km);
}

static const char *write_config(const char *text)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/config", tu_dir);
	tu_write(tu_dir, "config", text);
	return path;
}

/* Settings from a config text; the return of settings_load in *rc. */
static void load(struct ui_settings *s, const char *text, int *rc)
{
	assert_int_equal(settings_init(s), 0);
	*rc = settings_load(s, write_config(text), true);
}

static void test_rebind_every_action(void **state)
{
	(void)state;
	const struct ui_action_info *a;
	size_t n = ui_actions(&a);
	long fresh = code("F12");
	for (size_t i = 0; i < n; i++) {
		char text[128];
		snprintf(text, sizeof(text), "keys:\n  %s: [F12]\n", a[i].name);
		struct ui_settings s;
		int rc;
		load(&s, text, &rc);
		if (rc != 0)
			fail_msg("binding %s: %s", a[i].name, s.message);
		bool prompt = ui_action_in_prompt(a[i].action);
		assert_int_equal(keymap_lookup(&s.keys, fresh, prompt), a[i].action);
		for (const char *k = a[i].keys; *k;) {
			size_t len = strcspn(k, " ");
			enum ui_action now = keymap_lookup(&s.keys, ui_key_code(k, len), prompt);
			if (now != ACT_NONE)
				fail_msg("%s's old key %.*s still runs action %d", a[i].name, (int)len, k, now);
			k += len;
			while (*k == ' ')
				k++;
		}
		/* and nothing else changed */
		for (size_t j = 0; j < n; j++)
			if (j != i)
				assert_int_equal(keymap_lookup(&s.keys, ui_key_code(a[j].keys, strcspn(a[j].keys, " ")),
							       ui_action_in_prompt(a[j].action)), a[j].action);
		settings_free(&s);
	}
}

static void test_rebind_several(void **state)
{
	(void)state;
	struct ui_settings s;
	int rc;
	/* a swap is no clash: both actions lose their old keys */
	load(&s, "keys:\n  quit: [Q, C-w]\n  move-down: [n]\n  search-next: [j]\n", &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s.message, "");
	assert_int_equal(keymap_lookup(&s.keys, 'Q', false), ACT_QUIT);
	assert_int_equal(keymap_lookup(&s.keys, 23, false), ACT_QUIT);
	assert_int_equal(keymap_lookup(&s.keys, 'q', false), ACT_NONE);
	assert_int_equal(keymap_lookup(&s.keys, 'n', false), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(&s.keys, 'j', false), ACT_SEARCH_NEXT);
	settings_free(&s);
}

/* A bad config: every default stays, and the message names the place. */
static void expect_defaults(const char *text, const char *where, const char *what)
{
	struct ui_settings s;
	int rc;
	load(&s, text, &rc);
	assert_int_equal(rc, -1);
	char want[600];
	snprintf(want, sizeof(want), "%s/config:%s: ", tu_dir, where);
	if (!strstr(s.message, want) || !strstr(s.message, what))
		fail_msg("wanted '%s' and '%s' in: %s", want, what, s.message);
	assert_non_null(strstr(s.message, "config ignored"));
	assert_int_equal(keymap_lookup(&s.keys, 'q', false), ACT_QUIT);
	assert_int_equal(keymap_lookup(&s.keys, 'j', false), ACT_MOVE_DOWN);
	assert_false(s.no_colour);
	assert_int_equal(s.pane, PANE_COUNT);
	assert_int_equal(s.wrap, SETTINGS_WRAP);
	assert_int_equal(s.colours[ELEM_MATCH].bg, 3);
	assert_true(s.mouse && s.clipboard);
	settings_free(&s);
}

static void test_bad_configs(void **state)
{
	(void)state;
	expect_defaults("theme: none\nkeys:\n  quit: [Q, Bogus]\n", "3:13", "unknown key name 'Bogus'");
	expect_defaults("keys:\n  move-down: [j, 5]\n", "2:18", "digits are counts");
	/* keys the terminal keeps (signals, flow control) would never fire */
	expect_defaults("keys:\n  quit: [q, C-z]\n", "2:13", "'C-z' cannot be bound: the terminal turns Ctrl-Z");
	expect_defaults("keys:\n  quit: [C-c]\n", "2:10", "Ctrl-C into an interrupt");
	expect_defaults("keys:\n  quit: [C-s]\n", "2:10", "flow control");
	expect_defaults("keys:\n  quit: [C-q]\n", "2:10", "flow control");
	expect_defaults("keys:\n  quit: [j]\n", "2:10", "also bound to move-down");
	expect_defaults("pane: areas\nkeys:\n  fly-away: [f]\n", "3:3", "unknown action 'fly-away'");
	expect_defaults("colours:\n  match: plaid\n", "2:10", "bad colour 'plaid'");
	expect_defaults("wrap: -3\n", "1:7", "");
	expect_defaults("mouse: off\nclipboard: off\nwrap: 5000\n", "3:7", "wrap 5000 is not 0-1000");
	/* control characters in the file do not reach the status line */
	expect_defaults("keys:\n  quit: [\"\\e[31m\"]\n", "2:10", "^[[31m");
	struct ui_settings s;
	assert_int_equal(settings_init(&s), 0);
	char *missing;
	assert_true(asprintf(&missing, "%s/nothing-here", tu_dir) > 0);
	assert_int_equal(settings_load(&s, missing, false), 0); /* the default file may be absent */
	assert_string_equal(s.message, "");
	assert_int_equal(settings_load(&s, missing, true), -1); /* a --config FILE may not */
	assert_non_null(strstr(s.message, "nothing-here: no such file"));
	free(missing);
	settings_free(&s);
}

/* Every problem is kept, in the file's order, the status line's message
 * says how many and where to read them; one key needs no list. */
static void test_every_config_problem(void **state)
{
	(void)state;
	struct ui_settings s;
	int rc;
	load(&s, "keys:\n  quit: [Bogus]\n  fly-away: x\n  move-down: [j, 5]\n  help: j\npane: help\n", &rc);
	assert_int_equal(rc, -1);
	char *all = tu_diag_text(&s.problems);
	const struct { unsigned line; const char *what; } want[] = {
		{ 2, "unknown key name 'Bogus'" }, { 3, "unknown action 'fly-away'" },
		{ 4, "also bound to help" }, { 4, "digits are counts" }, { 6, "cannot start in the help pane" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_true(s.problems.entries[i].line == want[i].line);
		if (!strstr(s.problems.entries[i].message, want[i].what))
			fail_msg("problem %zu is not '%s':\n%s", i, want[i].what, all);
	}
	assert_int_equal(s.problems.count, 5);
	free(all);
	assert_non_null(strstr(s.message, "config ignored, 5 problems (? lists them): "));
	assert_int_equal(keymap_lookup(&s.keys, 'q', false), ACT_QUIT); /* nothing of it used */
	settings_free(&s);
	load(&s, "keys:\n  quit: Q\n", &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(keymap_lookup(&s.keys, 'Q', false), ACT_QUIT);
	assert_int_equal(keymap_lookup(&s.keys, 'q', false), ACT_NONE);
	settings_free(&s);
}

static void test_other_settings(void **state)
{
	(void)state;
	struct ui_settings s;
	int rc;
	load(&s, "theme: none\npane: timeline\nwrap: 72\ncolours:\n  match: red on blue\n"
		 "  selection: bright-white\n", &rc);
	assert_int_equal(rc, 0);
	assert_true(s.no_colour);
	assert_int_equal(s.pane, PANE_TIMELINE);
	assert_int_equal(s.wrap, 72);
	assert_int_equal(s.colours[ELEM_MATCH].fg, 1);
	assert_int_equal(s.colours[ELEM_MATCH].bg, 4);
	assert_int_equal(s.colours[ELEM_SELECTION].fg, 15);
	assert_int_equal(s.colours[ELEM_SELECTION].bg, -1);
	assert_int_equal(s.colours[ELEM_TITLE].bg, 4); /* untouched: the default */
	settings_free(&s);
	load(&s, "wrap: 0\npane: report\n", &rc);
	assert_int_equal(s.wrap, 0); /* the window's width */
	assert_int_equal(s.pane, PANE_BOOK);
	settings_free(&s);
	load(&s, "pane: reader\n", &rc);
	assert_int_equal(s.wrap, SETTINGS_WRAP); /* no wrap: the default */
	settings_free(&s);
	/* the names the config knows are the browser's */
	struct config_names names;
	settings_names(&names);
	const struct ui_action_info *a;
	assert_int_equal(names.actions_count, ui_actions(&a));
	for (size_t i = 0; i < names.actions_count; i++)
		assert_string_equal(names.actions[i], a[i].name);
	assert_int_equal(names.elements_count, ELEM_COUNT);
	assert_string_equal(settings_element_name(ELEM_CURRENT_MATCH), "current-match");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_default_table),
		cmocka_unit_test(test_rebind_every_action),
		cmocka_unit_test(test_rebind_several),
		cmocka_unit_test(test_bad_configs),
		cmocka_unit_test(test_every_config_problem),
		cmocka_unit_test(test_other_settings),
	};
	return cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
}
