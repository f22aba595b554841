/* ui.h - the interactive browser: everything ncurses lives behind this. */
#ifndef TEMM_UI_H
#define TEMM_UI_H

#include "cli.h"
#include "model.h"

/* Run the browser on a loaded report until the user quits. Checks that
 * stdin/stdout are a usable terminal first and, if not, says how to use the
 * headless commands instead, leaving the terminal untouched. Returns an
 * exit code (EXIT_OK on quit). */
int ui_run(const struct report *r, const struct cli *cli);

#endif
