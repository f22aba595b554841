/* persist.c - the config, the history and the state file. */
#include "persist.h"
#include "app.h"
#include "paths.h"
#include "panes.h"
#include "statefile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Append to the start-up message (several things may need saying). */
static void tell(struct app *a, const char *what)
{
	size_t n = strlen(a->message);
	snprintf(a->message + n, sizeof(a->message) - n, "%s%s", n ? "; " : "", what);
}

void persist_read_settings(struct app *a)
{
	if (a->cli->no_config || a->cli->kiosk)
		return;
	char *path = a->cli->config ? strdup(a->cli->config) : config_default_path();
	if (path && settings_load(&a->set, path, a->cli->config != NULL) != 0)
		tell(a, a->set.message);
	free(path);
}

void app_save_failed(struct app *a, const char *what)
{
	snprintf(a->save_problem, sizeof(a->save_problem), "%s", what);
	snprintf(a->save_last, sizeof(a->save_last), "%s", what);
	app_say(a, "%s", what);
}

const char *app_save_problem(const struct app *a)
{
	return a->save_problem[0] ? a->save_problem : NULL;
}

void app_save_problem_seen(struct app *a)
{
	a->save_problem[0] = '\0';
	a->save_shown = false;
}

/* The search history of this content; a history from before state was
 * kept per content is read when this content has none yet, and its
 * entries are written to the new file at the first save. */
static void history_start(struct app *a, const char *path)
{
	char warn[600], *legacy = NULL;
	if (path && access(path, F_OK) != 0 && errno == ENOENT)
		legacy = state_legacy_path("history");
	if (legacy && history_load(&a->hist, legacy, warn, sizeof(warn)) == 0) {
		a->hist.fresh = a->hist.count;
	} else if (legacy) {
		a->hist.left_alone = false; /* never written: nothing to leave */
	} else if (path && history_load(&a->hist, path, warn, sizeof(warn)) != 0) {
		tell(a, warn);
	}
	free(legacy);
}

/* The position and marks: a file that cannot be read or is not temm's
 * is said so and left alone; one written for other content (the content
 * here changed since) is said so and replaced at the next save. */
static void position_start(struct app *a, const char *path)
{
	char why[200], msg[700], *text = NULL;
	int rc = path ? statefile_read(path, STATE_MAX_BYTES, &text, why, sizeof(why)) : 1;
	bool legacy = false;
	if (rc == 1) {
		char *old = state_legacy_path("state");
		legacy = old && statefile_read(old, STATE_MAX_BYTES, &text, why, sizeof(why)) == 0;
		free(old);
	}
	if (rc < 0) {
		snprintf(msg, sizeof(msg), "cannot read %s: %s (left as it is; position and marks "
					   "are not saved)", path, why);
		tell(a, msg);
		a->state_left_alone = true;
	}
	if (text && (rc = state_parse(&a->state, text, a->r, why, sizeof(why))) != 0 && !legacy) {
		snprintf(msg, sizeof(msg), "ignoring %s: %s%s", path, why,
			 rc == STATE_FOREIGN ? " (left as it is; position and marks are not saved)" : "");
		tell(a, msg);
		a->state_left_alone = rc == STATE_FOREIGN;
	}
	if (legacy) /* carried over to this content's own file */
		for (int i = 0; i < STATE_MARKS; i++)
			a->state.mark_set[i] = a->state.have_mark[i];
	free(text);
}

/* The search history and the state file, kept per content (state_dir_for):
 * read and written unless kiosk (a shared account keeps nothing) or
 * --no-state. */
void persist_load(struct app *a)
{
	if (a->cli->kiosk || a->cli->no_state)
		return;
	const char *content = paths_content_dir(a->cli->content, false);
	a->hist_path = state_path_for(content, "history");
	a->state_path = state_path_for(content, "state");
	history_start(a, a->hist_path);
	position_start(a, a->state_path);
}

void persist_start(struct app *a, struct entity_ref start)
{
	enum ui_pane_id at = start.index >= 0 ? pane_class_goto_for(start.kind) : PANE_COUNT;
	if (at != PANE_COUNT) { /* a list that claims its kind (events: the Timeline view) */
		app_set_view(a, layout_pane_view(at));
		app_set_focus(a, at);
		pane_select_item(app_pane(a, at), start.index);
		app_moved(a, at);
	} else if (start.index >= 0) {
		places_open(a, start, false);
	} else if (a->state.have_position) {
		places_restore(a, &a->state.position);
	} else if (a->set.pane != PANE_COUNT) {
		app_set_view(a, layout_pane_view(a->set.pane));
		app_set_focus(a, a->set.pane);
		app_moved(a, a->set.pane); /* the reader shows its selection */
	}
}

void persist_history_add(struct app *a, const char *query)
{
	char err[512];
	if (!*query || history_add(&a->hist, query) != 0 || !a->hist_path)
		return;
	if (history_save(&a->hist, a->hist_path, err, sizeof(err)) != 0)
		app_save_failed(a, err);
}

/* statefile_update's merge: the marks and position another session saved
 * since, under this session's own. */
static char *merge_state(const char *current, void *arg, char *why, size_t whylen)
{
	struct app *a = arg;
	struct ui_state file;
	char warn[200];
	memset(&file, 0, sizeof(file));
	int rc = current ? state_parse(&file, current, a->r, warn, sizeof(warn)) : 0;
	if (rc == STATE_FOREIGN) {
		snprintf(why, whylen, "left as it is: %s", warn);
		return NULL;
	}
	state_merge(&a->state, &file); /* other content's places are dropped */
	char *text = state_format(&a->state, a->r);
	if (!text)
		snprintf(why, whylen, "out of memory");
	return text;
}

void persist_save_state(struct app *a)
{
	char why[400], msg[600];
	if (!a->state_path)
		return;
	if (a->state_left_alone)
		snprintf(why, sizeof(why), "it was not read and is left as it is");
	if (a->state_left_alone ||
	    statefile_update(a->state_path, STATE_MAX_BYTES, merge_state, a, why, sizeof(why)) != 0) {
		snprintf(msg, sizeof(msg), "position and marks not saved to %s: %s", a->state_path, why);
		app_save_failed(a, msg);
	}
}

/* Where to come back to next time: the screen before a search rather
 * than its results, which are not kept. */
static void position_take(struct app *a, struct snap *s)
{
	enum ui_view v = a->view == VIEW_HELP ? a->view_before_help : a->view;
	if (!layout_view(v)->kept && a->find.active)
		*s = a->find.origin;
	else
		places_take(a, s);
	if (!layout_view(s->view)->kept)
		s->view = VIEW_HOME;
}

void persist_quit(struct app *a)
{
	position_take(a, &a->state.position);
	a->state.have_position = a->state.position_set = true;
	persist_save_state(a);
}
