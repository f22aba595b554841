/* places.c - snapshots, back and forward, marks, opening entities. */
#include "places.h"
#include "app.h"
#include "book.h"
#include "panes.h"
#include "persist.h"
#include "grow.h"
#include "reader.h"

#include <stdlib.h>
#include <string.h>

void places_free(struct places *p)
{
	free(p->back.v);
	free(p->forward.v);
	memset(p, 0, sizeof(*p));
}

void places_take(struct app *a, struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->view = a->view == VIEW_HELP ? a->view_before_help : a->view;
	memcpy(s->focus, a->focus, sizeof(s->focus));
	s->reader = a->reader;
	for (int i = 0; i < PANE_COUNT; i++)
		pane_anchor_get(&a->panes[i], &s->anchors[i]);
}

void places_restore(struct app *a, const struct snap *s)
{
	a->view = s->view;
	memcpy(a->focus, s->focus, sizeof(a->focus));
	app_resize(a, a->cols, a->rows); /* the view's panes placed, the focused one shown */
	if (s->reader.index >= 0)
		reader_show(a, s->reader);
	for (int i = 0; i < PANE_COUNT; i++) {
		enum ui_pane_id id = (enum ui_pane_id)i;
		/* a pane never built (the book never opened) was at its start:
		 * it stays unbuilt */
		if (app_pane_built(a, id) || s->anchors[id].block >= 0)
			pane_anchor_set(app_pane(a, id), &s->anchors[id]);
	}
	/* what depends on a pane's place (the axis, the book's title) */
	for (int i = 0; i < PANE_COUNT; i++) {
		enum ui_pane_id id = (enum ui_pane_id)i;
		const struct pane_class *c = pane_class(id);
		if (c->placed && layout_view(layout_pane_view(id))->kept && app_pane_built(a, id))
			c->placed(a, app_pane(a, id));
	}
	if (a->find.have) {
		app_moved(a, PANE_RESULTS); /* the preview shows the selected hit */
		pane_anchor_set(app_pane(a, PANE_PREVIEW), &s->anchors[PANE_PREVIEW]);
	}
}

static bool stack_push(struct snap_stack *h, const struct snap *s)
{
	/* a bounded history: past this, the oldest place goes */
	enum { MOST = 4096 };
	if (h->count == MOST) {
		memmove(h->v, h->v + 1, (h->count - 1) * sizeof(*h->v));
		h->count--;
	}
	if (grow(&h->v, &h->cap, h->count, sizeof(*h->v), 16) != 0)
		return false;
	h->v[h->count++] = *s;
	return true;
}

void places_push(struct app *a)
{
	struct snap s;
	places_take(a, &s);
	stack_push(&a->places.back, &s);
	a->places.forward.count = 0;
}

void places_go(struct app *a, bool back)
{
	struct snap_stack *from = back ? &a->places.back : &a->places.forward;
	struct snap_stack *to = back ? &a->places.forward : &a->places.back;
	if (from->count == 0) {
		app_say(a, "%s", back ? "Nothing to go back to" : "Nothing to go forward to");
		return;
	}
	struct snap now;
	places_take(a, &now);
	stack_push(to, &now);
	struct snap s = from->v[--from->count];
	places_restore(a, &s);
}

void places_open(struct app *a, struct entity_ref ref, bool push)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(a->r, ref.kind))
		return;
	enum ui_pane_id page = pane_class_page_for(ref.kind);
	if (page == PANE_COUNT)
		return;
	if (push)
		places_push(a);
	app_set_view(a, layout_pane_view(page));
	/* the list of its kind beside the page selects it */
	enum ui_pane_id nav = pane_class_for_kind(ref.kind);
	if (nav != PANE_COUNT && layout_pane_view(nav) == a->view) {
		struct pane *np = app_pane(a, nav);
		/* a filter that hides the entity gives way to it */
		if (np->filter && !pane_select_item(np, ref.index) && pane_item(np) != ref.index)
			pane_filter(np, NULL, 0, NULL);
		pane_select_item(np, ref.index);
		if (pane_class(nav)->placed)
			pane_class(nav)->placed(a, np);
	}
	pane_class(page)->show(a, ref);
	app_set_focus(a, page);
}

/* ---- marks ---- */

void places_mark_start(struct app *a, enum ui_action what)
{
	enum ui_view v = a->view == VIEW_HELP ? a->view_before_help : a->view;
	if (what == ACT_MARK_SET && !layout_view(v)->kept) {
		app_say(a, "Marks are for places in the report: open a hit first");
		return;
	}
	a->in.pending = what;
	app_say(a, "%s", what == ACT_MARK_SET ? "mark: a letter (Esc: none)"
					      : "go to mark: a letter, or ' for the place before");
}

void places_mark_key(struct app *a, enum ui_action what, long key)
{
	if (key == UIK_ESC)
		return;
	if (what == ACT_MARK_GOTO && (key == '\'' || key == '`')) {
		places_go(a, true);
		return;
	}
	int slot = state_mark_slot(key);
	if (slot < 0) {
		app_say(a, "Marks are letters: a-z, A-Z");
		return;
	}
	char letter = (char)key;
	if (what == ACT_MARK_SET) {
		places_take(a, &a->state.marks[slot]);
		a->state.have_mark[slot] = a->state.mark_set[slot] = true;
		app_say(a, "Mark %c set: '%c comes back here", letter, letter);
		persist_save_state(a);
		return;
	}
	if (!a->state.have_mark[slot]) {
		app_say(a, "No mark %c: m%c sets it", letter, letter);
		return;
	}
	places_push(a);
	places_restore(a, &a->state.marks[slot]);
}
