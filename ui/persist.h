/* persist.h - what the browser keeps between runs and reads at start: the
 * config, the search history, the state file (the last position and the
 * marks), and where a session opens. Kiosk mode reads and writes none of
 * it; --no-state writes none of it. */
#ifndef TEMM_PERSIST_H
#define TEMM_PERSIST_H

#include "model.h"

struct app;

/* The config: --config FILE, else the default file; none with --no-config
 * or in kiosk mode. A problem is left on the status line. */
void persist_read_settings(struct app *a);
/* The search history and the state file. */
void persist_load(struct app *a);
/* Where the browser opens: `start` (--goto) if it is an entity, else where
 * the last run left off, else the config's pane. */
void persist_start(struct app *a, struct entity_ref start);
/* A query run from the prompt goes on the history, saved at once. */
void persist_history_add(struct app *a, const char *query);
/* The marks and the position, saved now. */
void persist_save_state(struct app *a);
/* At quit: the position to come back to, then save. */
void persist_quit(struct app *a);

/* A save that failed is told, and kept until seen. */
void app_save_failed(struct app *a, const char *what);
/* The message of the last failed save not yet seen, or NULL: for a
 * display that keeps it on screen until the user has seen it. */
const char *app_save_problem(const struct app *a);
void app_save_problem_seen(struct app *a);

#endif
