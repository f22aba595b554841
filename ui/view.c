/* view.c - what follows a move: the reader showing the selection, the
 * outline following the book, the preview following the results; views,
 * focus, places (snaps) with back and forward, and the search's marks in
 * the panes that show text. Every pane is a struct pane, so moving itself
 * is pane.c's; only what follows it is here. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct entity_ref no_ref = { KIND_COUNT, NO_INDEX };

static bool same_ref(struct entity_ref a, struct entity_ref b)
{
	return a.kind == b.kind && a.index == b.index;
}

/* The book (the whole report, laid out with its links found) and the help
 * are most of what start-up would build, and many sessions never open
 * them: each is built the first time it is asked for. */
static void build_lazy_doc(struct app *a, enum ui_pane_id id)
{
	struct pane *p = &a->panes[id];
	pane_set_doc(p, id == PANE_BOOK ? page_book(&a->pg) : page_help(&a->pg));
	if (id == PANE_BOOK && p->doc)
		app_book_title(a);
}

bool app_pane_built(const struct app *a, enum ui_pane_id id)
{
	return a->panes[id].doc || (id != PANE_BOOK && id != PANE_HELP);
}

struct pane *app_pane(struct app *a, enum ui_pane_id id)
{
	if (!app_pane_built(a, id))
		build_lazy_doc(a, id);
	return &a->panes[id];
}

struct corpus *app_corpus(struct app *a)
{
	if (!a->corpus)
		a->corpus = corpus_new(a->r); /* NULL (out of memory): asked again next time */
	return a->corpus;
}

struct pane *app_focused(struct app *a)
{
	return app_pane(a, a->focus[a->view]);
}

void app_say(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
}

/* ---- the search's marks ---- */

void app_mark_pane(struct app *a, enum ui_pane_id id)
{
	struct pane *p = app_pane(a, id);
	unsigned want = a->find.marking && a->find.q_ok ? a->find.gen : 0;
	if (!p->doc || a->marked[id] == want)
		return;
	doc_spans_clear(p->doc, DOC_MATCH);
	doc_spans_clear(p->doc, DOC_CURRENT);
	if (want) {
		doc_highlight(p->doc, &a->find.q);
		const struct match_loc *c = &a->find.cur;
		if (c->pane == id)
			doc_span_add(p->doc, c->block, c->start, c->len, DOC_CURRENT, -1);
	}
	a->marked[id] = want;
	p->dirty = true;
}

void app_sync_marks(struct app *a)
{
	static const enum ui_pane_id text_panes[] = { PANE_READER, PANE_BOOK, PANE_PREVIEW };
	for (size_t i = 0; i < sizeof(text_panes) / sizeof(text_panes[0]); i++)
		if (layout_pane_view(text_panes[i]) == a->view)
			app_mark_pane(a, text_panes[i]);
}

/* A new doc for a text pane: nothing is marked in it yet. */
static void set_text_doc(struct app *a, enum ui_pane_id id, struct doc *d)
{
	pane_set_doc(app_pane(a, id), d);
	a->marked[id] = 0;
	if (a->find.cur.pane == id)
		a->find.cur.pane = PANE_COUNT;
	app_mark_pane(a, id);
}

/* ---- the reader, the book, the axis ---- */

char *app_reader_title(const struct report *r, struct entity_ref ref)
{
	char *label = page_label(r, ref), *s = NULL;
	if (!label)
		return NULL;
	int n;
	switch (ref.kind) {
	case KIND_STAGE:
		return label;
	case KIND_AREA:
		n = asprintf(&s, "Area %s", label);
		break;
	case KIND_EVENT: {
		const struct event *e = r->events[ref.index];
		n = e->month ? asprintf(&s, "Event %u-%02u", e->year, e->month) : asprintf(&s, "Event %u", e->year);
		break;
	}
	default: {
		const char *k = entity_kind_name(ref.kind);
		n = asprintf(&s, "%c%s %s", k[0] - 32, k + 1, label);
		break;
	}
	}
	free(label);
	return n < 0 ? NULL : s;
}

void app_set_reader(struct app *a, struct entity_ref ref)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(a->r, ref.kind))
		return;
	a->reader = ref;
	set_text_doc(a, PANE_READER, page_entity(&a->pg, ref));
	char *t = app_reader_title(a->r, ref);
	pane_set_title(app_pane(a, PANE_READER), t);
	free(t);
}

void app_update_axis(struct app *a)
{
	struct pane *t = app_pane(a, PANE_TIMELINE);
	pane_set_head(t, page_axis(&a->pg, pane_cols(t), pane_item(t)));
}

/* The section the book is reading: the one of its first line on screen. */
int app_book_section(struct app *a)
{
	if (!app_pane_built(a, PANE_BOOK))
		return 0; /* never opened: at its start */
	struct pane *b = app_pane(a, PANE_BOOK);
	if (!b->doc || b->doc->lines_count == 0)
		return 0;
	int blk = b->doc->lines[b->top].block;
	for (int i = blk; i >= 0; i--)
		if (b->doc->blocks[i].section >= 0)
			return b->doc->blocks[i].section;
	return 0;
}

void app_book_title(struct app *a)
{
	if (!app_pane_built(a, PANE_BOOK))
		return; /* set when the book is built */
	int s = app_book_section(a);
	pane_set_title(app_pane(a, PANE_BOOK), s < (int)a->r->sections_count ? a->r->sections[s]->title : NULL);
}

static int heading_block(const struct doc *d, int section)
{
	for (size_t i = 0; i < d->blocks_count; i++)
		if (d->blocks[i].section == section && d->blocks[i].len > 0 && d->blocks[i].para < 0)
			return (int)i;
	return -1;
}

void app_book_goto_section(struct app *a, int section)
{
	struct pane *b = app_pane(a, PANE_BOOK);
	int blk = b->doc ? heading_block(b->doc, section) : -1;
	if (blk < 0)
		return;
	pane_goto_line(b, (long)doc_line_of(b->doc, blk, 0));
	app_book_title(a);
	pane_select_item(app_pane(a, PANE_OUTLINE), section);
}

/* The preview shows the selected hit, scrolled to its first match. */
static void preview_hit(struct app *a)
{
	struct pane *rp = app_pane(a, PANE_RESULTS);
	int item = pane_item(rp);
	if (item < 0 || (size_t)item >= a->find.results.count)
		return;
	const struct search_hit *h = search_hit_at(&a->find.results, (size_t)item);
	struct pane *pv = app_pane(a, PANE_PREVIEW);
	if (!same_ref(a->preview, h->unit->ref) || !pv->doc) {
		a->preview = h->unit->ref;
		set_text_doc(a, PANE_PREVIEW, page_entity(&a->pg, h->unit->ref));
		char *t = app_reader_title(a->r, h->unit->ref);
		pane_set_title(pv, t);
		free(t);
	}
	app_mark_pane(a, PANE_PREVIEW);
	size_t base;
	int blk = page_find_unit(pv->doc, h->unit, &base);
	int line = -1;
	if (blk >= 0)
		line = (int)doc_line_of(pv->doc, blk, base + (h->matches_count ? h->matches[0].start : 0));
	if (line >= 0) {
		pane_goto_line(pv, 0);
		pane_scroll_to_line(pv, line, pane_rows(pv) / 3);
	}
}

void app_moved(struct app *a, enum ui_pane_id id)
{
	struct pane *p = app_pane(a, id);
	int item = pane_item(p);
	switch (id) {
	case PANE_STAGES:
	case PANE_AREAS:
	case PANE_TIMELINE: {
		enum entity_kind k = id == PANE_STAGES ? KIND_STAGE : id == PANE_AREAS ? KIND_AREA : KIND_EVENT;
		struct entity_ref ref = { k, item };
		if (item >= 0 && !same_ref(ref, a->reader))
			app_set_reader(a, ref);
		if (id == PANE_TIMELINE)
			app_update_axis(a);
		break;
	}
	case PANE_OUTLINE:
		if (item >= 0 && item != app_book_section(a))
			app_book_goto_section(a, item);
		break;
	case PANE_BOOK:
		/* the outline follows the reading position */
		pane_select_item(app_pane(a, PANE_OUTLINE), app_book_section(a));
		app_book_title(a);
		break;
	case PANE_RESULTS:
		finder_rows_follow(a);
		preview_hit(a);
		break;
	default:
		break;
	}
}

void app_set_focus(struct app *a, enum ui_pane_id id)
{
	if (layout_pane_view(id) != a->view || a->focus[a->view] == id)
		return;
	app_pane(a, a->focus[a->view])->dirty = true;
	a->focus[a->view] = id;
	app_pane(a, id)->dirty = true;
	if (a->lay.single)
		a->relayout = true;
}

void app_set_view(struct app *a, enum ui_view v)
{
	if (a->view == v)
		return;
	a->view = v;
	a->relayout = true;
}

/* ---- places: back, forward, the screen before a search, marks ---- */

void app_snap_take(struct app *a, struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->view = a->view == VIEW_HELP ? a->view_before_help : a->view;
	memcpy(s->focus, a->focus, sizeof(s->focus));
	s->reader = a->reader;
	for (int i = 0; i < PANE_COUNT; i++)
		pane_anchor_get(&a->panes[i], &s->anchors[i]);
}

void app_snap_restore(struct app *a, const struct snap *s)
{
	app_set_view(a, s->view);
	memcpy(a->focus, s->focus, sizeof(a->focus));
	if (s->reader.index >= 0 && !same_ref(s->reader, a->reader))
		app_set_reader(a, s->reader);
	static const enum ui_pane_id order[] = { PANE_STAGES, PANE_AREAS, PANE_TIMELINE, PANE_READER,
						 PANE_OUTLINE, PANE_BOOK, PANE_RESULTS };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum ui_pane_id id = order[i];
		/* a book never opened was at its start: leave it unbuilt */
		if (app_pane_built(a, id) || s->anchors[id].block >= 0)
			pane_anchor_set(app_pane(a, id), &s->anchors[id]);
	}
	app_update_axis(a);
	app_book_title(a);
	if (a->find.have) {
		preview_hit(a);
		pane_anchor_set(app_pane(a, PANE_PREVIEW), &s->anchors[PANE_PREVIEW]);
	}
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].dirty = true;
	a->relayout = true;
}

static bool stack_push(struct snap_stack *h, const struct snap *s)
{
	if (h->count == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		if (cap > 4096) { /* a bounded history: drop the oldest */
			memmove(h->v, h->v + 1, (h->count - 1) * sizeof(*h->v));
			h->count--;
		} else {
			struct snap *g = realloc(h->v, cap * sizeof(*g));
			if (!g)
				return false;
			h->v = g;
			h->cap = cap;
		}
	}
	h->v[h->count++] = *s;
	return true;
}

void app_history_push(struct app *a)
{
	struct snap s;
	app_snap_take(a, &s);
	stack_push(&a->back, &s);
	a->forward.count = 0;
}

void app_history_go(struct app *a, bool back)
{
	struct snap_stack *from = back ? &a->back : &a->forward, *to = back ? &a->forward : &a->back;
	if (from->count == 0) {
		app_say(a, "%s", back ? "Nothing to go back to" : "Nothing to go forward to");
		return;
	}
	struct snap now;
	app_snap_take(a, &now);
	stack_push(to, &now);
	struct snap s = from->v[--from->count];
	app_snap_restore(a, &s);
}

/* ---- opening things ---- */

void app_open_ref(struct app *a, struct entity_ref ref, bool push)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(a->r, ref.kind))
		return;
	if (push)
		app_history_push(a);
	if (ref.kind == KIND_SECTION) {
		app_set_view(a, VIEW_REPORT);
		app_book_goto_section(a, ref.index);
		app_set_focus(a, PANE_BOOK);
		return;
	}
	app_set_view(a, VIEW_HOME);
	enum ui_pane_id nav = ref.kind == KIND_STAGE ? PANE_STAGES : ref.kind == KIND_AREA ? PANE_AREAS
			    : ref.kind == KIND_EVENT ? PANE_TIMELINE : PANE_COUNT;
	if (nav != PANE_COUNT) {
		struct pane *np = app_pane(a, nav);
		/* a filter that hides the entity gives way to it */
		if (np->filter && !pane_select_item(np, ref.index) && pane_item(np) != ref.index)
			pane_filter(np, NULL, 0, NULL);
		pane_select_item(np, ref.index);
		if (nav == PANE_TIMELINE)
			app_update_axis(a);
	}
	if (!same_ref(ref, a->reader))
		app_set_reader(a, ref);
	else
		pane_goto_line(app_pane(a, PANE_READER), 0);
	app_set_focus(a, PANE_READER);
}

/* ---- moving between panes and entities ---- */

void app_pane_jump(struct app *a, int n)
{
	const enum ui_pane_id *ids;
	size_t count = layout_view_panes(a->view, &ids);
	if (a->view != VIEW_HELP && n >= 1 && (size_t)n <= count)
		app_set_focus(a, ids[n - 1]);
}

void app_focus_step(struct app *a, int dir)
{
	struct pane *p = app_focused(a);
	if (!p->list && pane_link_step(p, dir))
		return;
	const enum ui_pane_id *ids;
	size_t n = layout_view_panes(a->view, &ids);
	if (n < 2)
		return;
	size_t i = 0;
	while (i < n && ids[i] != p->id)
		i++;
	p->link = -1;
	p->dirty = true;
	enum ui_pane_id next = ids[(i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n];
	app_set_focus(a, next);
	struct pane *np = app_pane(a, next);
	if (!np->list) {
		np->link = -1;
		pane_link_step(np, dir);
	}
}

void app_pane_side(struct app *a, int dir)
{
	enum ui_pane_id f = a->focus[a->view];
	switch (a->view) {
	case VIEW_HOME:
		if (dir > 0 && f != PANE_READER)
			app_set_focus(a, PANE_READER);
		else if (dir < 0 && f == PANE_READER)
			app_set_focus(a, pane_item(app_pane(a, PANE_TIMELINE)) >= 0 && a->reader.kind == KIND_EVENT
					 ? PANE_TIMELINE : a->reader.kind == KIND_AREA ? PANE_AREAS : PANE_STAGES);
		else if (dir < 0 && f != PANE_STAGES)
			app_set_focus(a, (enum ui_pane_id)(f - 1));
		break;
	case VIEW_REPORT:
		app_set_focus(a, dir > 0 ? PANE_BOOK : PANE_OUTLINE);
		break;
	case VIEW_SEARCH:
		app_set_focus(a, dir > 0 ? PANE_PREVIEW : PANE_RESULTS);
		break;
	default:
		break;
	}
}

/* The parent of an entity, as ',' goes up. */
static struct entity_ref parent_of(const struct report *r, struct entity_ref ref)
{
	int s;
	switch (ref.kind) {
	case KIND_SECTION:
		s = r->sections[ref.index]->parent_ix;
		return s >= 0 ? (struct entity_ref){ KIND_SECTION, s } : no_ref;
	case KIND_ACTIVITY:
		return (struct entity_ref){ KIND_AREA, r->activities[ref.index]->area_ix };
	case KIND_EVENT:
		if (r->events[ref.index]->stage_ix >= 0)
			return (struct entity_ref){ KIND_STAGE, r->events[ref.index]->stage_ix };
		return (struct entity_ref){ KIND_SECTION, r->events[ref.index]->section_ix };
	case KIND_AREA:
		s = r->areas[ref.index]->section_ix;
		if (s >= 0 && r->sections[s]->parent_ix >= 0)
			return (struct entity_ref){ KIND_SECTION, r->sections[s]->parent_ix };
		return no_ref;
	default:
		s = report_entity_section(r, ref);
		return s >= 0 ? (struct entity_ref){ KIND_SECTION, s } : no_ref;
	}
}

void app_go_parent(struct app *a)
{
	if (a->view == VIEW_REPORT) {
		int s = app_book_section(a);
		int up = a->r->sections[s]->parent_ix;
		if (up < 0) {
			app_say(a, "%s is at the top level", a->r->sections[s]->title);
			return;
		}
		app_book_goto_section(a, up);
		return;
	}
	if (a->view != VIEW_HOME)
		return;
	struct entity_ref up = parent_of(a->r, a->reader);
	if (up.index < 0) {
		app_say(a, "no parent");
		return;
	}
	app_open_ref(a, up, true);
}

static void book_sibling(struct app *a, struct pane *p, int dir)
{
	int s = p->id == PANE_OUTLINE && pane_item(p) >= 0 ? pane_item(p) : app_book_section(a);
	int depth = a->r->sections[s]->depth, parent = a->r->sections[s]->parent_ix;
	for (int i = s + dir; i >= 0 && i < (int)a->r->sections_count; i += dir) {
		const struct section *x = a->r->sections[i];
		if (x->depth < depth)
			break;
		if (x->depth == depth && x->parent_ix == parent) {
			app_book_goto_section(a, i);
			return;
		}
	}
	app_say(a, "no %s section at this level", dir > 0 ? "next" : "previous");
}

/* The first event of the next or previous stage band. */
static void timeline_sibling(struct app *a, struct pane *p, int dir)
{
	int ev = pane_item(p);
	if (ev < 0)
		return;
	int band = a->r->events[ev]->stage_ix;
	int target = -1;
	if (dir > 0) {
		for (size_t i = (size_t)ev; i < a->r->events_count && target < 0; i++)
			if (a->r->events[i]->stage_ix != band)
				target = (int)i;
	} else {
		int first = ev;
		while (first > 0 && a->r->events[first - 1]->stage_ix == band)
			first--;
		if (first > 0) {
			int pb = a->r->events[first - 1]->stage_ix;
			target = first - 1;
			while (target > 0 && a->r->events[target - 1]->stage_ix == pb)
				target--;
		}
	}
	if (target >= 0 && pane_select_item(p, target))
		app_moved(a, p->id);
}

void app_go_sibling(struct app *a, int dir)
{
	struct pane *p = app_focused(a);
	if (a->view == VIEW_REPORT) {
		book_sibling(a, p, dir);
		return;
	}
	if (p->id == PANE_TIMELINE) {
		timeline_sibling(a, p, dir);
		return;
	}
	if (p->list) {
		if (pane_move(p, dir))
			app_moved(a, p->id);
		return;
	}
	if (p->id == PANE_READER) {
		struct entity_ref ref = a->reader;
		int next = ref.index + dir;
		if (next < 0 || (size_t)next >= report_count(a->r, ref.kind)) {
			app_say(a, "no %s %s", dir > 0 ? "next" : "previous", entity_kind_name(ref.kind));
			return;
		}
		app_open_ref(a, (struct entity_ref){ ref.kind, next }, true);
	}
}

void app_where(struct app *a)
{
	struct pane *p = app_focused(a);
	char pos[32];
	pane_position(p, pos, sizeof(pos));
	int lines = p->doc ? (int)p->doc->lines_count : 0;
	int last = p->top + pane_rows(p);
	if (last > lines)
		last = lines;
	const char *view = a->view == VIEW_HOME ? "Home" : a->view == VIEW_REPORT ? "Report" :
			   a->view == VIEW_SEARCH ? "Search" : "Help";
	if (p->list)
		app_say(a, "%s, %s: item %s%s%s%s%s", view, layout_pane_name(p->id), pos, p->title ? ", " : "",
			p->title ? p->title : "", p->filter ? ", filtered by & " : "", p->filter ? p->filter : "");
	else
		app_say(a, "%s, %s%s%s: lines %d-%d of %d (%s)", view, layout_pane_name(p->id),
			p->title ? " " : "", p->title ? p->title : "", lines ? p->top + 1 : 0, last, lines, pos);
}
