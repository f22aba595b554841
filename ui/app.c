/* app.c - the browser's state: making and freeing it, the panes (built
 * lazily where that pays), the view and focus, and the layout, which is
 * computed whenever the view, the focus or the size changes - before
 * anything is built or scrolled in a pane, so nothing guesses a width. */
#include "app.h"
#include "panes.h"
#include "persist.h"
#include "reader.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pane *app_pane(struct app *a, enum ui_pane_id id)
{
	struct pane *p = &a->panes[id];
	if (!app_pane_built(a, id)) {
		pane_set_doc(p, pane_class(id)->build(a));
		p->told = p->r;
		if (pane_class(id)->placed)
			pane_class(id)->placed(a, p);
	}
	pane_fit(p);
	return p;
}

bool app_pane_built(const struct app *a, enum ui_pane_id id)
{
	return a->panes[id].doc || !pane_class(id)->lazy;
}

enum ui_pane_id app_focus_id(const struct app *a)
{
	/* a zoom shows the text pane and keeps the focus it was asked from,
	 * which the view gets back when the zoom ends */
	enum ui_pane_id z = a->zoom[a->view] ? layout_zoom_pane(a->view) : PANE_COUNT;
	return z != PANE_COUNT ? z : a->focus[a->view];
}

struct pane *app_focused(struct app *a)
{
	return app_pane(a, app_focus_id(a));
}

struct corpus *app_corpus(struct app *a)
{
	if (!a->corpus)
		a->corpus = corpus_new(a->r); /* NULL (out of memory): asked again next time */
	return a->corpus;
}

void app_say(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
}

/* The rows a view's lists would like: a header and their items, or their
 * lines where a row wraps (at the width they have, once laid out for it). */
static void wanted_rows(const struct app *a, struct layout_want *want)
{
	memset(want, 0, sizeof(*want));
	for (int i = 0; i < PANE_COUNT; i++) {
		const struct pane_class *c = pane_class((enum ui_pane_id)i);
		const struct pane *p = &a->panes[i];
		if (!c->items)
			continue;
		/* laid out as far as the screen is tall: a list taller than
		 * that wants all the rows there are, whatever its length */
		size_t lines = 0;
		if (p->doc && pane_cols(p) > 0 && pane_fitted(p)) {
			size_t most = a->rows > 0 ? (size_t)a->rows : 1;
			lines = doc_layout_until(p->doc, most) ? most + 1 : p->doc->lines_count;
		}
		want->rows[i] = 1 + (int)(c->items(a) > lines ? c->items(a) : lines);
	}
}

/* Every pane of view v gets the rectangle its layout gives it at this
 * size, shown or not: a pane is laid out for the width it will have.
 * Panes of other views are laid out only when next asked for (app_pane). */
static void place_view(struct app *a, enum ui_view v, struct layout_want *want)
{
	struct layout l;
	want->zoom = a->zoom[v];
	layout_compute(&l, a->cols, a->rows, v, a->focus[v], want);
	if (v == a->view)
		a->lay = l;
	const struct view_class *vc = layout_view(v);
	for (size_t i = 0; i < vc->panes_count; i++) {
		enum ui_pane_id id = vc->panes[i];
		struct pane *p = &a->panes[id];
		pane_place(p, l.pane[id]);
		p->bare = l.zoomed && l.shown[id];
		if (v != a->view)
			continue;
		app_pane(a, id); /* built if it is lazy, laid out for its width */
		/* a class is told of a new size once it shows at it */
		if (memcmp(&p->told, &p->r, sizeof(p->r)) != 0) {
			p->told = p->r;
			if (pane_class(id)->placed)
				pane_class(id)->placed(a, p);
		}
	}
}

/* Twice when a list's rows change with its width (a row that wraps wants
 * another line): the widths do not depend on the rows wanted. */
static void place_all(struct app *a)
{
	struct layout_want want, after;
	wanted_rows(a, &want);
	for (int v = 0; v < VIEW_COUNT; v++)
		place_view(a, (enum ui_view)v, &want);
	wanted_rows(a, &after);
	if (memcmp(want.rows, after.rows, sizeof(want.rows)) != 0)
		place_view(a, a->view, &after);
	a->new_windows = true;
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].dirty = true;
}

void app_relayout(struct app *a)
{
	place_all(a);
}

void app_resize(struct app *a, int cols, int rows)
{
	a->cols = cols;
	a->rows = rows;
	place_all(a);
}

void app_set_view(struct app *a, enum ui_view v)
{
	if (a->view == v)
		return;
	a->view = v;
	place_all(a);
}

void app_set_focus(struct app *a, enum ui_pane_id id)
{
	if (layout_pane_view(id) != a->view || app_focus_id(a) == id)
		return;
	app_pane(a, app_focus_id(a))->dirty = true;
	bool unzoom = a->zoom[a->view];
	a->zoom[a->view] = false;
	a->focus[a->view] = id;
	app_pane(a, id)->dirty = true;
	if (a->lay.single || unzoom) /* another pane shows */
		place_all(a);
}

void app_set_zoom(struct app *a, bool on)
{
	if (layout_zoom_pane(a->view) == PANE_COUNT || a->zoom[a->view] == on)
		return;
	a->zoom[a->view] = on;
	place_all(a);
}

void app_moved(struct app *a, enum ui_pane_id id)
{
	const struct pane_class *c = pane_class(id);
	if (c->moved)
		c->moved(a, app_pane(a, id));
}

void app_settle(struct app *a)
{
	prompt_flush(a);
	if (!a->prompt.ops) /* typing is over: nothing waits for a pause */
		app_paused(a);
	session_sync_marks(a);
	a->save_shown = a->save_problem[0] != '\0'; /* drawn next, before any key */
}

int app_pause_ms(const struct app *a)
{
	return session_pause_ms(a);
}

void app_paused(struct app *a)
{
	session_paused(a);
}

void app_set_text_doc(struct app *a, enum ui_pane_id id, struct doc *d)
{
	pane_set_doc(&a->panes[id], d);
	session_pane_replaced(a, id);
}

static void panes_init(struct app *a)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		const struct pane_class *c = pane_class((enum ui_pane_id)i);
		pane_init(&a->panes[i], (enum ui_pane_id)i, c->list);
		if (!c->list)
			a->panes[i].wrap_cap = a->set.wrap;
	}
	for (int v = 0; v < VIEW_COUNT; v++) {
		a->focus[v] = layout_view((enum ui_view)v)->panes[0];
		a->zoom[v] = layout_starts_zoomed((enum ui_view)v, a->cols);
	}
	a->view = VIEW_HOME;
	place_all(a);
	for (int i = 0; i < PANE_COUNT; i++) {
		const struct pane_class *c = pane_class((enum ui_pane_id)i);
		if (!c->lazy && c->build)
			pane_set_doc(&a->panes[i], c->build(a));
		a->panes[i].told = (struct rect){ 0, 0, 0, 0 }; /* told again, with their docs */
	}
	place_all(a);
}

struct app *app_new(const struct report *r, const struct cli *cli, int cols, int rows)
{
	struct app *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->r = r;
	a->cli = cli;
	a->cols = cols;
	a->rows = rows;
	session_init(&a->find);
	if (settings_init(&a->set) != 0) {
		app_free(a);
		return NULL;
	}
	persist_read_settings(a);
	a->mouse_wanted = a->set.mouse;
	a->mouse_ask = MOUSE_ASK_AT_START; /* at the first draw */
	const char *nc = getenv("NO_COLOR");
	a->color = !cli->no_color && !(nc && *nc) && !a->set.no_colour;
	const char *cs = nl_langinfo(CODESET);
	/* our own glyphs (arrows, lines) need UTF-8; content text is what it is */
	a->ascii = cli->ascii || !cs || strcmp(cs, "UTF-8") != 0;
	a->mentions = mentions_from_report(r);
	if (!a->mentions) {
		app_free(a);
		return NULL;
	}
	a->pg = (struct pages){ r, a->mentions, a->ascii, &a->set.keys };
	a->reader = a->preview = (struct entity_ref){ KIND_COUNT, NO_INDEX };
	panes_init(a);
	reader_show(a, r->stages_count ? (struct entity_ref){ KIND_STAGE, 0 }
				       : (struct entity_ref){ KIND_SECTION, 0 });
	persist_load(a);
	return a;
}

void app_free(struct app *a)
{
	if (!a)
		return;
	for (int i = 0; i < PANE_COUNT; i++)
		pane_free(&a->panes[i]);
	mentions_free(a->mentions);
	corpus_free(a->corpus);
	session_free(a);
	filter_edit_free(&a->filter);
	history_free(&a->hist);
	free(a->hist_path);
	free(a->state_path);
	places_free(&a->places);
	settings_free(&a->set);
	copy_free(&a->copy);
	free(a);
}
