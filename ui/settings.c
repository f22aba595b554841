/* settings.c - the config file applied to the browser's settings, all or
 * nothing: a config with one bad line is not half used, and every problem
 * of it is said, each where it is. */
#include "settings.h"
#include "panes.h"
#include "sanitize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const action_names[] = {
#define UI_ACTION_NAME(id, name, keys, group, count, handler, help) name,
	UI_ACTIONS(UI_ACTION_NAME)
#undef UI_ACTION_NAME
};

static const char *const element_names[] = {
#define UI_ELEMENT_NAME(id, name, fg, bg, what) name,
	UI_ELEMENTS(UI_ELEMENT_NAME)
#undef UI_ELEMENT_NAME
};

static const struct ui_colour element_defaults[] = {
#define UI_ELEMENT_COLOUR(id, name, fg, bg, what) { fg, bg },
	UI_ELEMENTS(UI_ELEMENT_COLOUR)
#undef UI_ELEMENT_COLOUR
};

void settings_names(struct config_names *n)
{
	size_t panes;
	const char *const *pane_names = pane_class_names(&panes);
	*n = (struct config_names){
		action_names, sizeof(action_names) / sizeof(action_names[0]),
		element_names, sizeof(element_names) / sizeof(element_names[0]),
		pane_names, panes,
	};
}

const char *settings_element_name(enum ui_element e)
{
	return e < ELEM_COUNT ? element_names[e] : "?";
}

int settings_init(struct ui_settings *s)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->colours, element_defaults, sizeof(s->colours));
	s->pane = PANE_COUNT;
	s->wrap = SETTINGS_WRAP;
	s->mouse = s->clipboard = true;
	diag_init(&s->problems);
	return keymap_init(&s->keys);
}

void settings_free(struct ui_settings *s)
{
	keymap_free(&s->keys);
	diag_free(&s->problems);
}

/* A problem of the config, kept with where it is (the file's own bytes
 * may be in it: they are made safe to show). */
static void say(struct ui_settings *s, const char *file, unsigned line, unsigned col,
		const char *msg)
{
	char *clean = sanitize_text(msg);
	diag_add(&s->problems, file, line, col, "%s", clean ? clean : "(unreadable)");
	free(clean);
}

/* keys.<action>[j] as a problem at its position. */
static void key_problem(struct ui_settings *s, const struct config *c, size_t action, unsigned j,
			const char *msg)
{
	const struct config_keys *b = &c->bindings[action];
	say(s, c->path, b->lines ? b->lines[j] : 0, b->columns ? b->columns[j] : 0, msg);
}

/* Keys the terminal keeps for itself in the browser's mode, so that temm
 * never sees them: curses' cbreak leaves the terminal's signal keys on
 * (Ctrl-C, Ctrl-\\ and Ctrl-Z stop, quit and suspend, as users expect)
 * and its flow control (Ctrl-S and Ctrl-Q pause and resume output). A
 * binding to one would never fire. */
static const char *terminal_takes(long code)
{
	switch (code) {
	case 3: return "the terminal turns Ctrl-C into an interrupt (SIGINT)";
	case 28: return "the terminal turns Ctrl-\\ into a quit (SIGQUIT)";
	case 26: return "the terminal turns Ctrl-Z into a suspend (SIGTSTP)";
	case 19: return "the terminal takes Ctrl-S to pause its output (flow control)";
	case 17: return "the terminal takes Ctrl-Q to resume its output (flow control)";
	default: return NULL;
	}
}

/* Whether action `act` (1-based) lists the key `name` in the config. */
static bool lists_key(const struct config *c, enum ui_action act, const char *name)
{
	const struct config_keys *b = &c->bindings[act - 1];
	for (unsigned j = 0; b->keys && j < b->keys_count; j++)
		if (strcmp(b->keys[j], name) == 0)
			return true;
	return false;
}

/* The config's key lists on top of the defaults; 0, or -1 with every
 * problem said. */
static int apply_keys(struct ui_settings *s, const struct config *c, struct keymap *km)
{
	size_t n = sizeof(action_names) / sizeof(action_names[0]);
	bool bad = false;
	for (size_t i = 0; i < n; i++) {
		const struct config_keys *b = &c->bindings[i];
		if (!b->keys)
			continue;
		long codes[16];
		unsigned count = 0;
		for (unsigned j = 0; j < b->keys_count && count < 16; j++) {
			const char *name = b->keys[j];
			long code = name ? ui_key_code(name, strlen(name)) : -1;
			char msg[256];
			if (code < 0) {
				snprintf(msg, sizeof(msg), "unknown key name '%s' (a character, C-x, Up, Down, "
					 "Left, Right, PgUp, PgDn, Home, End, Enter, Tab, S-Tab, Backspace, "
					 "Esc, Space, Delete, Insert or F1-F12)", name ? name : "");
				key_problem(s, c, i, j, msg);
				bad = true;
				continue;
			}
			if (code >= '0' && code <= '9') {
				snprintf(msg, sizeof(msg), "'%s' cannot be bound: digits are counts", name);
				key_problem(s, c, i, j, msg);
				bad = true;
				continue;
			}
			if (terminal_takes(code)) {
				snprintf(msg, sizeof(msg), "'%s' cannot be bound: %s, so temm never "
					 "receives it", name, terminal_takes(code));
				key_problem(s, c, i, j, msg);
				bad = true;
				continue;
			}
			codes[count++] = code;
		}
		if (keymap_bind(km, (enum ui_action)(i + 1), codes, count) != 0) {
			say(s, c->path, 0, 0, "out of memory");
			return -1;
		}
	}
	/* a key bound twice would do only one of its two jobs (said once
	 * when the config binds it to both) */
	for (size_t i = 0; i < n; i++)
		for (unsigned j = 0; c->bindings[i].keys && j < c->bindings[i].keys_count; j++) {
			const char *name = c->bindings[i].keys[j];
			long code = ui_key_code(name, strlen(name));
			enum ui_action other = code < 0 ? ACT_NONE : keymap_clash(km, code, (enum ui_action)(i + 1));
			if (other == ACT_NONE || ((size_t)other < i + 1 && lists_key(c, other, name)))
				continue;
			char msg[256];
			snprintf(msg, sizeof(msg), "key '%s' is also bound to %s", name, action_names[other - 1]);
			key_problem(s, c, i, j, msg);
			bad = true;
		}
	return bad ? -1 : 0;
}

/* `pane:` names a pane to start in: one of a view a place is kept in. */
static int check_pane(struct ui_settings *s, const struct config *c)
{
	if (c->pane < 0 || c->pane >= PANE_COUNT ||
	    layout_view(layout_pane_view((enum ui_pane_id)c->pane))->kept)
		return 0;
	unsigned line = 0, col = 0;
	config_position(c, "pane", NULL, -1, &line, &col);
	char msg[256];
	snprintf(msg, sizeof(msg), "a session cannot start in the %s pane (stages, areas, timeline, "
		 "reader, contents or report)", pane_class((enum ui_pane_id)c->pane)->name);
	say(s, c->path, line, col, msg);
	return -1;
}

/* Check the config and, when `use` and no problem is found, apply it:
 * all of it or nothing. */
static int apply(struct ui_settings *s, const struct config *c, bool use)
{
	int rc = check_pane(s, c);
	struct keymap km;
	if (keymap_init(&km) != 0) {
		say(s, c->path, 0, 0, "out of memory");
		return -1;
	}
	struct ui_colour colours[ELEM_COUNT];
	memcpy(colours, element_defaults, sizeof(colours));
	for (size_t e = 0; e < ELEM_COUNT; e++)
		if (c->colours[e] && config_parse_colours(c->colours[e], &colours[e].fg, &colours[e].bg) != 0)
			rc = -1; /* config_load said so */
	if (apply_keys(s, c, &km) != 0)
		rc = -1;
	if (rc != 0 || !use) {
		keymap_free(&km);
		return rc;
	}
	keymap_free(&s->keys);
	s->keys = km;
	memcpy(s->colours, colours, sizeof(colours));
	s->no_colour = c->no_colour;
	s->mouse = c->mouse;
	s->clipboard = c->clipboard;
	if (c->pane >= 0 && c->pane < PANE_COUNT)
		s->pane = (enum ui_pane_id)c->pane;
	/* wrap: 0 means the window's width, so only a wrap the file has counts */
	unsigned line, col;
	if (config_position(c, "wrap", NULL, -1, &line, &col) == 0)
		s->wrap = c->wrap;
	return 0;
}

static int by_place(const void *x, const void *y)
{
	const struct diag_entry *a = x, *b = y;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->column < b->column ? -1 : a->column > b->column;
}

/* The status line's words for every problem: what happened and where to
 * read it all first, so that a cut line still says it. */
static void summary(struct ui_settings *s, const char *path)
{
	qsort(s->problems.entries, s->problems.count, sizeof(s->problems.entries[0]), by_place);
	const struct diag_entry *e = &s->problems.entries[0];
	char first[400];
	if (e->line)
		snprintf(first, sizeof(first), "%s:%u:%u: %s", e->file, e->line, e->column, e->message);
	else
		snprintf(first, sizeof(first), "%s: %s", e->file ? e->file : path, e->message);
	size_t n = s->problems.count;
	char raw[sizeof(s->message)];
	snprintf(raw, sizeof(raw), "config ignored, %zu problem%s (? lists them): %s", n, n == 1 ? "" : "s",
		 first);
	char *clean = sanitize_text(raw);
	snprintf(s->message, sizeof(s->message), "%s", clean ? clean : "config ignored");
	free(clean);
}

int settings_load(struct ui_settings *s, const char *path, bool must_exist)
{
	struct config_names names;
	settings_names(&names);
	struct config c;
	struct diag d;
	diag_init(&d);
	diag_free(&s->problems);
	diag_init(&s->problems);
	s->message[0] = '\0';
	int rc = config_load(path, &names, &c, &d);
	if (rc == 1 && must_exist) {
		say(s, path, 0, 0, "no such file");
		rc = -1;
	} else if (rc == 1) {
		rc = 0;
	} else if (rc != 0) {
		for (size_t i = 0; i < d.count; i++)
			say(s, d.entries[i].file ? d.entries[i].file : path, d.entries[i].line,
			    d.entries[i].column, d.entries[i].message ? d.entries[i].message : "");
		if (!d.count)
			say(s, path, 0, 0, "cannot be read");
		apply(s, &c, false); /* what else is wrong in what was read */
	} else {
		rc = apply(s, &c, true);
	}
	if (rc != 0)
		summary(s, path);
	config_free(&c);
	diag_free(&d);
	return rc;
}

int settings_check(const char *path, FILE *out, FILE *err)
{
	char *fallback = path ? NULL : config_default_path();
	const char *file = path ? path : fallback;
	if (!file) {
		fputs("temm: no config to check: neither XDG_CONFIG_HOME nor HOME is set\n", err);
		return 1;
	}
	struct ui_settings s;
	if (settings_init(&s) != 0) {
		free(fallback);
		fputs("temm: out of memory\n", err);
		return 1;
	}
	int rc = settings_load(&s, file, path != NULL);
	char *shown = sanitize_text(file);
	if (rc != 0)
		diag_print(&s.problems, err);
	else if (access(file, F_OK) != 0)
		fprintf(out, "%s: no such file: temm uses its defaults\n", shown ? shown : "");
	else
		fprintf(out, "%s: no problems\n", shown ? shown : "");
	free(shown);
	settings_free(&s);
	free(fallback);
	return rc != 0;
}
