/* settings.h - what the user's config changes: the key table, the colours
 * of each screen element, the pane focused at start and the reader's line
 * width. Read through src/config.c with the names declared here and in the
 * action list; any problem keeps every default and leaves one message for
 * the status line. Curses-free, so tests can check what a config does. */
#ifndef TEMM_SETTINGS_H
#define TEMM_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "keys.h"
#include "layout.h"

/* E(ID, name, fg, bg, what): the screen elements a config can colour, with
 * their default colours (numbers as config_parse_colours gives them: -1 the
 * terminal's default, 0-7 black red green yellow blue magenta cyan white).
 * Without colours every element stays visible through attributes. */
#define UI_ELEMENTS(E) \
	E(TITLE, "title", 7, 4, "the top line") \
	E(STATUS, "status", -1, -1, "the bottom line: hints, messages, the prompt") \
	E(HEADER, "header", -1, -1, "a pane's header") \
	E(SELECTION, "selection", -1, -1, "the selected row of a list") \
	E(LINK, "link", 6, -1, "a link in the text") \
	E(FOCUSED_LINK, "focused-link", -1, -1, "the link Enter follows") \
	E(HEADING, "heading", 3, -1, "titles in the text") \
	E(MATCH, "match", 0, 3, "a search match") \
	E(CURRENT_MATCH, "current-match", 0, 6, "the match n and N went to") \
	E(EMPHASIS, "emphasis", -1, -1, "the report's italics") \
	E(BAND, "band", 5, -1, "a stage's heading on the timeline") \
	E(BORDER, "border", -1, -1, "lines between panes") \
	E(MARKER, "marker", -1, -1, "the year on the axis, a filter's mark")

enum ui_element {
#define UI_ELEMENT_ENUM(id, name, fg, bg, what) ELEM_##id,
	UI_ELEMENTS(UI_ELEMENT_ENUM)
#undef UI_ELEMENT_ENUM
	ELEM_COUNT
};

struct ui_colour {
	int fg, bg; /* -1: the terminal's default */
};

/* The reader's default line width: long lines are hard to read. */
#define SETTINGS_WRAP 100

struct ui_settings {
	struct keymap keys;
	bool no_colour;                       /* theme: none */
	struct ui_colour colours[ELEM_COUNT];
	enum ui_pane_id pane;                 /* focused at start; PANE_COUNT: the default */
	int wrap;                             /* text panes' width cap; 0: the window's */
	bool mouse;                           /* mouse: clicks and the wheel (off: the terminal selects) */
	bool clipboard;                       /* clipboard: the copy key writes OSC 52 */
	char message[512];                    /* for the status line: how many problems, the first; or "" */
	struct diag problems;                 /* every problem of the config, in file order */
};

/* The built-in defaults. 0, or -1 on out of memory. */
int settings_init(struct ui_settings *s);
void settings_free(struct ui_settings *s);

/* Apply the config at `path`. A missing file is fine unless `must_exist`
 * (it was named with --config). On any problem - a bad file, an unknown
 * action or key name, a key bound twice - nothing of the file is used,
 * s->problems lists every problem as FILE:LINE:COLUMN: message and
 * s->message says how many and the first. Returns 0 or -1. */
int settings_load(struct ui_settings *s, const char *path, bool must_exist);

/* `temm config-check [FILE]`: check a config as the browser reads it and
 * print every problem to err, one a line, or a line saying it is fine to
 * out. `path` NULL: the default config (missing is fine). Returns the exit
 * status: 0 fine, 1 problems. */
int settings_check(const char *path, FILE *out, FILE *err);

/* The names a config file may use: actions, elements, panes. */
void settings_names(struct config_names *n);
const char *settings_element_name(enum ui_element e);

#endif
