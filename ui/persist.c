/* persist.c - the config, the history and the state file. */
#include "persist.h"
#include "app.h"
#include "panes.h"
#include "statefile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static char *read_small_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	struct stat st;
	char *buf = NULL;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 20)) {
		buf = calloc(1, (size_t)st.st_size + 1);
		if (buf && fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

void persist_load(struct app *a)
{
	if (a->cli->kiosk || a->cli->no_state)
		return; /* a shared account keeps nothing; --no-state: nothing is read or written */
	char *hist = state_path("history"), *st = state_path("state");
	char warn[600];
	if (hist && history_load(&a->hist, hist, warn, sizeof(warn)) != 0)
		tell(a, warn);
	char *text = st ? read_small_file(st) : NULL;
	if (text && state_parse(&a->state, text, a->r, warn, sizeof(warn)) != 0) {
		char msg[700];
		snprintf(msg, sizeof(msg), "ignoring %s: %s", st, warn);
		tell(a, msg);
	}
	free(text);
	a->hist_path = hist;
	a->state_path = st;
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
		app_say(a, "%s", err);
}

void persist_save_state(struct app *a)
{
	if (!a->state_path)
		return;
	char *text = state_format(&a->state, a->r);
	if (text && statefile_write(a->state_path, text, strlen(text)) != 0)
		app_say(a, "cannot save %s: %s", a->state_path, strerror(errno));
	free(text);
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
	a->state.have_position = true;
	persist_save_state(a);
}
