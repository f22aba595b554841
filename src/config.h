/* config.h - the optional user configuration, $XDG_CONFIG_HOME/temm/config
 * (default ~/.config/temm/config), YAML read with the same machinery as the
 * content, so every problem comes as FILE:LINE:COLUMN.
 *
 *   theme: default          # or none: no colours at all
 *   colours:                # per screen element: "FG", "FG on BG"
 *     selection: black on cyan
 *   keys:                   # per action: the keys that run it
 *     move-down: [j, Down]  # or one key: quit: q
 *   pane: areas             # the pane that has focus at start
 *   wrap: 72                # reader line width (0: the window's)
 *   mouse: off              # the terminal's own selection, not clicks
 *   clipboard: off          # the copy key does not write OSC 52
 *
 * The browser passes the names it knows (actions, elements, panes): an
 * unknown name is an error at its position. */
#ifndef TEMM_CONFIG_H
#define TEMM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct config_names {
	const char *const *actions; size_t actions_count;
	const char *const *elements; size_t elements_count;
	const char *const *panes; size_t panes_count;
};

struct config_keys {
	char **keys; /* NULL: the action keeps its default keys */
	unsigned keys_count;
	unsigned *lines, *columns; /* where each key is in the file */
};

struct config {
	bool no_colour;             /* theme: none */
	char **colours;             /* per element: "FG on BG", or NULL */
	struct config_keys *bindings; /* per action */
	int pane;                   /* index into names.panes, or -1 */
	int wrap;                   /* 0: the window's width */
	bool mouse;                 /* mouse: on (the default) or off */
	bool clipboard;             /* clipboard: on (the default) or off */
	/* kept to place errors found later (e.g. a key name) */
	char *path;
	unsigned char *bytes;
	size_t len;
	void *data;                 /* what libcyaml loaded */
	const struct config_names *names;
};

/* $XDG_CONFIG_HOME/temm/config or ~/.config/temm/config; caller frees. */
char *config_default_path(void);

/* Read `path` into c. A missing file is not an error (returns 1: defaults).
 * Returns 0 when read, -1 on problems: every one of them is listed in d,
 * and c holds what could be read, to be checked further (the caller
 * reports every problem) but not used. An action's keys may be one key or
 * a list. Colour
 * values are checked here; key names are the browser's to check, at the
 * positions config_keys keeps. */
int config_load(const char *path, const struct config_names *names, struct config *c,
		struct diag *d);
/* Position of section.name[item] (name NULL: the section itself; item -1:
 * the entry itself). */
int config_position(const struct config *c, const char *section, const char *name, int item,
		    unsigned *line, unsigned *column);
/* Parse "red", "black on cyan", "default on blue": colour numbers as
 * curses counts them (-1 default, 0-7, 8-15 bright-). 0 on success. */
int config_parse_colours(const char *value, int *fg, int *bg);
void config_free(struct config *c);

#endif
