/* settings.c - the config file applied to the browser's settings, all or
 * nothing: a config with one bad line is not half used. */
#include "settings.h"
#include "panes.h"
#include "sanitize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	return keymap_init(&s->keys);
}

void settings_free(struct ui_settings *s)
{
	keymap_free(&s->keys);
}

/* The status line's message: what happened, then where, sanitized (the
 * file's own bytes may be in it). */
static void say(struct ui_settings *s, const char *file, unsigned line, unsigned col,
		const char *msg)
{
	char raw[sizeof(s->message)];
	if (line)
		snprintf(raw, sizeof(raw), "config ignored: %s:%u:%u: %s", file, line,
			 col, msg);
	else
		snprintf(raw, sizeof(raw), "config ignored: %s: %s", file, msg);
	char *clean = sanitize_text(raw);
	snprintf(s->message, sizeof(s->message), "%s", clean ? clean : "config ignored");
	free(clean);
}

/* keys.<action>[j] as a problem at its position. */
static void key_problem(struct ui_settings *s, const struct config *c, size_t action, unsigned j,
			const char *msg)
{
	unsigned line = 0, col = 0;
	config_position(c, "keys", action_names[action], (int)j, &line, &col);
	say(s, c->path, line, col, msg);
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

/* The config's key lists on top of the defaults; 0, or -1 with a message. */
static int apply_keys(struct ui_settings *s, const struct config *c, struct keymap *km)
{
	size_t n = sizeof(action_names) / sizeof(action_names[0]);
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
				snprintf(msg, sizeof(msg), "unknown key '%s' (a character, C-x, Up, Down, "
					 "Left, Right, PgUp, PgDn, Home, End, Enter, Tab, S-Tab, Backspace, "
					 "Esc, Space, Delete, Insert or F1-F12)", name ? name : "");
				key_problem(s, c, i, j, msg);
				return -1;
			}
			if (code >= '0' && code <= '9') {
				snprintf(msg, sizeof(msg), "'%s' cannot be bound: digits are counts", name);
				key_problem(s, c, i, j, msg);
				return -1;
			}
			if (terminal_takes(code)) {
				snprintf(msg, sizeof(msg), "'%s' cannot be bound: %s, so temm never "
					 "receives it", name, terminal_takes(code));
				key_problem(s, c, i, j, msg);
				return -1;
			}
			codes[count++] = code;
		}
		if (keymap_bind(km, (enum ui_action)(i + 1), codes, count) != 0) {
			say(s, c->path, 0, 0, "out of memory");
			return -1;
		}
	}
	/* a key bound twice would do only one of its two jobs */
	for (size_t i = 0; i < n; i++)
		for (unsigned j = 0; c->bindings[i].keys && j < c->bindings[i].keys_count; j++) {
			const char *name = c->bindings[i].keys[j];
			enum ui_action other = keymap_clash(km, ui_key_code(name, strlen(name)),
							    (enum ui_action)(i + 1));
			if (other != ACT_NONE) {
				char msg[256];
				snprintf(msg, sizeof(msg), "key '%s' is also bound to %s", name,
					 action_names[other - 1]);
				key_problem(s, c, i, j, msg);
				return -1;
			}
		}
	return 0;
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

static int apply(struct ui_settings *s, const struct config *c)
{
	if (check_pane(s, c) != 0)
		return -1;
	struct keymap km;
	if (keymap_init(&km) != 0) {
		say(s, c->path, 0, 0, "out of memory");
		return -1;
	}
	struct ui_colour colours[ELEM_COUNT];
	memcpy(colours, element_defaults, sizeof(colours));
	for (size_t e = 0; e < ELEM_COUNT; e++)
		if (c->colours[e] && config_parse_colours(c->colours[e], &colours[e].fg, &colours[e].bg) != 0) {
			keymap_free(&km);
			say(s, c->path, 0, 0, "bad colour"); /* config_load checked them: not reached */
			return -1;
		}
	if (apply_keys(s, c, &km) != 0) {
		keymap_free(&km);
		return -1;
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

int settings_load(struct ui_settings *s, const char *path, bool must_exist)
{
	struct config_names names;
	settings_names(&names);
	struct config c;
	struct diag d;
	diag_init(&d);
	int rc = config_load(path, &names, &c, &d);
	if (rc == 1 && must_exist) {
		say(s, path, 0, 0, "no such file");
		rc = -1;
	} else if (rc == 1) {
		rc = 0;
	} else if (rc != 0) {
		if (d.count)
			say(s, d.entries[0].file ? d.entries[0].file : path, d.entries[0].line,
			    d.entries[0].column, d.entries[0].message ? d.entries[0].message : "");
		else
			say(s, path, 0, 0, "cannot be read");
	} else {
		rc = apply(s, &c);
	}
	config_free(&c);
	diag_free(&d);
	return rc;
}
