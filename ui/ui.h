/* ui.h - the interactive browser: everything ncurses lives behind this. */
#ifndef TEMM_UI_H
#define TEMM_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "model.h"
#include "term_input.h"

struct app;

/* Run the browser on a loaded report until the user quits. Checks that
 * stdin/stdout are a usable terminal first and, if not, says how to use the
 * headless commands instead, leaving the terminal untouched. Returns an
 * exit code (EXIT_OK on quit). */
int ui_run(const struct report *r, const struct cli *cli);

/* The parts of ui_run that the input fuzzer (tests/fuzz/fuzz_ui.c) and the
 * virtual screen (tests/vscreen.c) run on a screen of their own (newterm
 * on a pipe):
 * ui_open - on the screen newterm just made: the input modes, the app
 *   (writing what curses does not, OSC 52, to term_out), colours, and where
 *   the session starts; the mouse comes with the first draw; NULL: out of
 *   memory.
 * ui_take_keys - the loop's step: every key typed so far, each done as it
 *   is read (with wait, the first is waited for); returns at q or a stop
 *   signal, when no more keys wait (TERM_NONE), at an interrupted wait
 *   (TERM_AGAIN) or a hang-up (TERM_HANGUP). The caller then settles and
 *   draws the app (app_settle, draw_screen).
 * ui_close - the app freed (after persist_quit, for a session that is
 *   kept); the screen is left for endwin. */
struct app *ui_open(const struct report *r, const struct cli *cli, struct entity_ref start,
		    FILE *term_out);
enum term_read ui_take_keys(struct app *a, struct term_input *in, bool wait);
void ui_close(struct app *a);

#endif
