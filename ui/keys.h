/* keys.h - the dispatch table: which key runs which action. It is built
 * from the default keys of the action list; a config replaces the keys of
 * the actions it names. Keys are the codes of ui_key_code (characters and
 * UIK_ values), so the table is curses-free and tests can read it. */
#ifndef TEMM_KEYS_H
#define TEMM_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"

struct keymap_entry {
	long key;
	enum ui_action action;
};

struct keymap {
	struct keymap_entry *v;
	size_t count, cap;
};

/* The default table, from UI_ACTIONS. 0, or -1 on out of memory. */
int keymap_init(struct keymap *km);
void keymap_free(struct keymap *km);
/* Give `act` exactly these keys, dropping its defaults. 0 or -1 (memory). */
int keymap_bind(struct keymap *km, enum ui_action act, const long *keys, size_t n);
/* The action of a key in the prompt (`prompt`) or outside it; ACT_NONE. */
enum ui_action keymap_lookup(const struct keymap *km, long key, bool prompt);
/* Another action than `act` that `key` runs in act's context, or ACT_NONE. */
enum ui_action keymap_clash(const struct keymap *km, long key, enum ui_action act);
/* The keys of an action as help shows them: "j, Down, C-n". */
void keymap_keys_text(const struct keymap *km, enum ui_action act, char *buf, size_t n);

#endif
