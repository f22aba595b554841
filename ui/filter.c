/* filter.c - & filters on lists. */
#include "filter.h"
#include "app.h"
#include "panes.h"
#include "persist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool filterable(enum ui_pane_id id)
{
	return pane_class(id)->keep != NULL;
}

void filter_edit_free(struct filter_edit *f)
{
	free(f->before);
	f->before = NULL;
}

static int keep_hits(struct app *a, enum ui_pane_id id, const char *text, bool *keep, size_t n,
		     char *err, size_t errlen)
{
	struct corpus *c = app_corpus(a);
	if (!c) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct search_results res;
	if (search_execute_stoppable(c, text, a->stop, &res, err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < res.count; i++)
		pane_class(id)->keep(a, &res.hits[i], keep, n);
	search_results_free(&res);
	return 0;
}

int filter_set(struct app *a, enum ui_pane_id id, const char *text, char *err, size_t errlen)
{
	const struct pane_class *c = pane_class(id);
	struct pane *p = app_pane(a, id);
	if (c->all_rows)
		c->all_rows(a, p); /* the filter is on every row */
	size_t n = c->items(a);
	a->filter.total = (int)n;
	if (!*text) {
		pane_filter(p, NULL, 0, NULL);
		a->filter.shown = (int)n;
		return 0;
	}
	bool *keep = calloc(n + 1, sizeof(bool));
	if (!keep) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int rc = keep_hits(a, id, text, keep, n, err, errlen);
	if (rc == 0)
		a->filter.shown = pane_filter(p, keep, n, text);
	free(keep);
	return rc;
}

int filter_apply(struct app *a, enum ui_pane_id id, const char *text, char *err, size_t errlen)
{
	int before = pane_item(app_pane(a, id));
	if (filter_set(a, id, text, err, errlen) != 0)
		return -1;
	int now = pane_item(app_pane(a, id));
	if (now != before && now >= 0)
		app_moved(a, id);
	return 0;
}

void filter_begin(struct app *a)
{
	enum ui_pane_id id = app_focus_id(a);
	if (!filterable(id)) {
		app_say(a, "& filters a list: stages, areas, timeline, contents or results");
		return;
	}
	app_corpus(a);
	prompt_open(a, &filter_prompt);
	struct filter_edit *f = &a->filter;
	filter_edit_free(f);
	f->pane = id;
	struct pane *p = app_pane(a, id);
	f->before = p->filter ? strdup(p->filter) : NULL;
	pane_anchor_get(p, &f->sel_before);
	f->total = f->shown = (int)pane_class(id)->items(a);
}

static void filter_update(struct app *a)
{
	struct prompt *pr = &a->prompt;
	char text[300];
	prompt_query(pr, text, sizeof(text));
	if (filter_apply(a, a->filter.pane, pr->len ? text : "", pr->error, sizeof(pr->error)) == 0)
		pr->error[0] = '\0';
}

static void filter_cancel(struct app *a)
{
	struct filter_edit *f = &a->filter;
	char err[256];
	struct pane *p = app_pane(a, f->pane);
	if (filter_set(a, f->pane, f->before ? f->before : "", err, sizeof(err)) != 0)
		pane_filter(p, NULL, 0, NULL);
	int item = pane_item(p);
	pane_anchor_set(p, &f->sel_before);
	if (pane_item(p) != item)
		app_moved(a, f->pane);
	filter_edit_free(f);
	prompt_close(a);
}

static void filter_accept(struct app *a, bool open)
{
	(void)open;
	struct prompt *pr = &a->prompt;
	if (pr->error[0])
		return; /* the message stays; Esc leaves */
	char text[300];
	prompt_query(pr, text, sizeof(text));
	if (pr->len)
		persist_history_add(a, text);
	struct filter_edit *f = &a->filter;
	filter_edit_free(f);
	prompt_close(a);
	if (app_pane(a, f->pane)->filter)
		app_say(a, "%d of %d shown; Esc shows all", f->shown, f->total);
}

static enum ui_pane_id filter_list(const struct app *a)
{
	return a->filter.pane;
}

static void filter_info(const struct app *a, char *buf, size_t n)
{
	snprintf(buf, n, "%d of %d", a->filter.shown, a->filter.total);
}

const struct prompt_ops filter_prompt = {
	"&", filter_update, filter_accept, filter_cancel, filter_list, filter_info,
};

bool filter_clear_focused(struct app *a)
{
	struct pane *p = app_focused(a);
	if (!p->list || !p->filter)
		return false;
	int before = pane_item(p);
	pane_filter(p, NULL, 0, NULL);
	if (pane_item(p) != before)
		app_moved(a, p->id);
	return true;
}
