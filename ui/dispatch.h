/* dispatch.h - keys in, actions and state out: pure code, so tests drive
 * the browser key by key without a terminal. A key is a code of
 * ui_key_code (a character, a UIK_ value); the mouse comes as a report.
 *
 * Counts and pane digits follow one rule. A digit typed while no count is
 * being typed goes to the pane of that number, if the view has one (1-4 on
 * the home screen): that is all it does. Any other digit starts a count (a
 * 0 first starts one with any digit: 012g), and once a count is started
 * every digit adds to it. The count goes to the next key, in the pane that
 * has the focus, if that key's action takes one (the action list says
 * which; see ui_count_words); any other key drops it. */
#ifndef TEMM_DISPATCH_H
#define TEMM_DISPATCH_H

#include <stdbool.h>

#include "actions.h"

struct app;

/* A count or a mark letter being typed. */
struct input_state {
	long count;
	bool have_count;
	enum ui_action pending; /* m or ' waiting for its letter, or ACT_NONE */
};

/* Mouse buttons as the browser reads them. */
enum { UI_MOUSE_CLICK = 1, UI_MOUSE_WHEEL_UP = 2, UI_MOUSE_WHEEL_DOWN = 4 };

struct ui_mouse {
	int y, x;         /* screen cell */
	unsigned buttons; /* UI_MOUSE_ */
};

/* One key. */
void app_key(struct app *a, long key);
/* One mouse report. */
void app_mouse(struct app *a, const struct ui_mouse *m);

#endif
