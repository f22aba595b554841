/* ui.c - the browser: the state, the key loop and what each action does.
 * Keys map to actions through the table generated from UI_ACTIONS; every
 * pane is a struct pane, so moving is the same everywhere and only what
 * follows a move (the reader showing the selection, the outline following
 * the book) is per pane. */
#include "ui.h"
#include "app.h"
#include "tty.h"
#include "text.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const struct entity_ref no_ref = { KIND_COUNT, NO_INDEX };

static bool same_ref(struct entity_ref a, struct entity_ref b)
{
	return a.kind == b.kind && a.index == b.index;
}

/* ---- keys ---- */

static void keymap_add(struct app *a, long key, enum ui_action act)
{
	if (a->keys_count < sizeof(a->keys) / sizeof(a->keys[0]))
		a->keys[a->keys_count++] = (struct keymap_entry){ key, act };
}

static void keymap_build(struct app *a)
{
	const struct ui_action_info *info;
	size_t n = ui_actions(&info);
	for (size_t i = 0; i < n; i++) {
		const char *k = info[i].keys;
		while (*k) {
			size_t len = strcspn(k, " ");
			long code = ui_key_code(k, len);
			enum ui_action act = info[i].action;
			switch (code) {
			case UIK_UP: keymap_add(a, UI_KEYCODE + KEY_UP, act); break;
			case UIK_DOWN: keymap_add(a, UI_KEYCODE + KEY_DOWN, act); break;
			case UIK_LEFT: keymap_add(a, UI_KEYCODE + KEY_LEFT, act); break;
			case UIK_RIGHT: keymap_add(a, UI_KEYCODE + KEY_RIGHT, act); break;
			case UIK_PGUP: keymap_add(a, UI_KEYCODE + KEY_PPAGE, act); break;
			case UIK_PGDN: keymap_add(a, UI_KEYCODE + KEY_NPAGE, act); break;
			case UIK_HOME: keymap_add(a, UI_KEYCODE + KEY_HOME, act); break;
			case UIK_END: keymap_add(a, UI_KEYCODE + KEY_END, act); break;
			case UIK_ENTER:
				keymap_add(a, '\r', act);
				keymap_add(a, '\n', act);
				keymap_add(a, UI_KEYCODE + KEY_ENTER, act);
				break;
			case UIK_TAB: keymap_add(a, '\t', act); break;
			case UIK_BTAB: keymap_add(a, UI_KEYCODE + KEY_BTAB, act); break;
			case UIK_BACKSPACE:
				keymap_add(a, UI_KEYCODE + KEY_BACKSPACE, act);
				keymap_add(a, 127, act);
				keymap_add(a, 8, act);
				break;
			case UIK_ESC: keymap_add(a, 27, act); break;
			case UIK_SPACE: keymap_add(a, ' ', act); break;
			case UIK_F1: keymap_add(a, UI_KEYCODE + KEY_F(1), act); break;
			default:
				if (code >= 0 && code < UIK_BASE)
					keymap_add(a, code, act);
				break;
			}
			k += len;
			while (*k == ' ')
				k++;
		}
	}
}

static enum ui_action keymap_find(const struct app *a, long key)
{
	for (size_t i = 0; i < a->keys_count; i++)
		if (a->keys[i].key == key)
			return a->keys[i].action;
	return ACT_NONE;
}

/* ---- panes and what follows a move ---- */

static struct pane *pane(struct app *a, enum ui_pane_id id)
{
	return &a->panes[id];
}

static struct pane *focused(struct app *a)
{
	return pane(a, a->focus[a->view]);
}

static void say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
}

static struct doc *highlighted(struct app *a, struct doc *d)
{
	if (d && a->highlight)
		doc_highlight(d, a->highlight);
	return d;
}

static char *reader_title(const struct report *r, struct entity_ref ref)
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

static void set_reader(struct app *a, struct entity_ref ref)
{
	struct pane *p = pane(a, PANE_READER);
	a->reader = ref;
	pane_set_doc(p, highlighted(a, page_entity(&a->pg, ref)));
	char *t = reader_title(a->r, ref);
	pane_set_title(p, t);
	free(t);
}

static void update_axis(struct app *a)
{
	struct pane *t = pane(a, PANE_TIMELINE);
	pane_set_head(t, page_axis(&a->pg, pane_cols(t), pane_item(t)));
}

/* The section the book is reading: the one of its first line on screen. */
static int book_section(struct app *a)
{
	struct pane *b = pane(a, PANE_BOOK);
	if (!b->doc || b->doc->lines_count == 0)
		return 0;
	int blk = b->doc->lines[b->top].block;
	for (int i = blk; i >= 0; i--)
		if (b->doc->blocks[i].section >= 0)
			return b->doc->blocks[i].section;
	return 0;
}

static void book_title(struct app *a)
{
	int s = book_section(a);
	pane_set_title(pane(a, PANE_BOOK), s < (int)a->r->sections_count ? a->r->sections[s]->title : NULL);
}

static void ensure_book(struct app *a)
{
	struct pane *b = pane(a, PANE_BOOK);
	const char *want = a->highlight;
	const char *have = a->book_highlight;
	if (b->doc && ((!want && !have) || (want && have && strcmp(want, have) == 0)))
		return;
	struct pane_anchor an;
	pane_anchor_get(b, &an);
	pane_set_doc(b, highlighted(a, page_book(&a->pg)));
	pane_anchor_set(b, &an);
	free(a->book_highlight);
	a->book_highlight = want ? strdup(want) : NULL;
}

static int heading_block(const struct doc *d, int section)
{
	for (size_t i = 0; i < d->blocks_count; i++)
		if (d->blocks[i].section == section && d->blocks[i].len > 0 && d->blocks[i].para < 0)
			return (int)i;
	return -1;
}

static void book_goto_section(struct app *a, int section)
{
	struct pane *b = pane(a, PANE_BOOK);
	ensure_book(a);
	int blk = heading_block(b->doc, section);
	if (blk < 0)
		return;
	pane_goto_line(b, (long)doc_line_of(b->doc, blk, 0));
	book_title(a);
	pane_select_item(pane(a, PANE_OUTLINE), section);
}

/* After the selection or the scroll position of a pane changed. `user`:
 * the user moved this pane (not a pane following another). */
static void moved(struct app *a, enum ui_pane_id id)
{
	struct pane *p = pane(a, id);
	int item = pane_item(p);
	switch (id) {
	case PANE_STAGES:
	case PANE_AREAS:
	case PANE_TIMELINE: {
		enum entity_kind k = id == PANE_STAGES ? KIND_STAGE : id == PANE_AREAS ? KIND_AREA : KIND_EVENT;
		struct entity_ref ref = { k, item };
		if (item >= 0 && !same_ref(ref, a->reader))
			set_reader(a, ref);
		if (id == PANE_TIMELINE)
			update_axis(a);
		break;
	}
	case PANE_OUTLINE:
		if (item >= 0 && item != book_section(a))
			book_goto_section(a, item);
		break;
	case PANE_BOOK:
		/* the outline follows the reading position */
		pane_select_item(pane(a, PANE_OUTLINE), book_section(a));
		book_title(a);
		break;
	case PANE_RESULTS: {
		if (item < 0 || (size_t)item >= a->results.count)
			break;
		const struct search_hit *h = &a->results.hits[item];
		struct pane *pv = pane(a, PANE_PREVIEW);
		a->preview = h->unit->ref;
		pane_set_doc(pv, highlighted(a, page_entity(&a->pg, h->unit->ref)));
		char *t = reader_title(a->r, h->unit->ref);
		pane_set_title(pv, t);
		free(t);
		/* show the hit: its paragraph for a section, else the first match */
		struct doc *d = pv->doc;
		int line = -1;
		for (size_t b = 0; b < d->blocks_count && line < 0; b++) {
			const struct doc_block *blk = &d->blocks[b];
			if (h->unit->ref.kind == KIND_SECTION && strcmp(h->unit->field, "paragraph") == 0 &&
			    blk->para != h->unit->item)
				continue;
			for (size_t s = 0; s < blk->spans_count; s++)
				if (blk->spans[s].style & DOC_MATCH) {
					line = (int)doc_line_of(d, (int)b, blk->spans[s].start);
					break;
				}
		}
		if (line >= 0)
			pane_scroll_to_line(pv, line, pane_rows(pv) / 3);
		break;
	}
	default:
		break;
	}
}

static void set_focus(struct app *a, enum ui_pane_id id)
{
	if (layout_pane_view(id) != a->view || a->focus[a->view] == id)
		return;
	pane(a, a->focus[a->view])->dirty = true;
	a->focus[a->view] = id;
	pane(a, id)->dirty = true;
	if (a->lay.single)
		a->relayout = true;
}

static void set_view(struct app *a, enum ui_view v)
{
	if (a->view == v)
		return;
	a->view = v;
	a->relayout = true;
}

/* ---- history ---- */

static void snap_take(struct app *a, struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->view = a->view == VIEW_HELP ? a->view_before_help : a->view;
	memcpy(s->focus, a->focus, sizeof(s->focus));
	s->reader = a->reader;
	for (int i = 0; i < PANE_COUNT; i++)
		pane_anchor_get(&a->panes[i], &s->anchors[i]);
}

static void snap_restore(struct app *a, const struct snap *s)
{
	set_view(a, s->view);
	memcpy(a->focus, s->focus, sizeof(a->focus));
	if (!same_ref(s->reader, a->reader))
		set_reader(a, s->reader);
	ensure_book(a);
	static const enum ui_pane_id order[] = { PANE_STAGES, PANE_AREAS, PANE_TIMELINE, PANE_READER,
						 PANE_OUTLINE, PANE_BOOK, PANE_RESULTS };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		pane_anchor_set(pane(a, order[i]), &s->anchors[order[i]]);
	update_axis(a);
	book_title(a);
	if (a->have_results) {
		moved(a, PANE_RESULTS);
		pane_anchor_set(pane(a, PANE_PREVIEW), &s->anchors[PANE_PREVIEW]);
	}
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].dirty = true;
	a->relayout = true;
}

static bool history_push_snap(struct history *h, const struct snap *s)
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

static void history_push(struct app *a)
{
	struct snap s;
	snap_take(a, &s);
	history_push_snap(&a->back, &s);
	a->forward.count = 0;
}

static void history_go(struct app *a, struct history *from, struct history *to, const char *none)
{
	if (from->count == 0) {
		say(a, "%s", none);
		return;
	}
	struct snap now;
	snap_take(a, &now);
	history_push_snap(to, &now);
	struct snap s = from->v[--from->count];
	snap_restore(a, &s);
}

/* ---- opening things ---- */

static void open_ref(struct app *a, struct entity_ref ref, bool push)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(a->r, ref.kind))
		return;
	if (push)
		history_push(a);
	if (ref.kind == KIND_SECTION) {
		set_view(a, VIEW_REPORT);
		book_goto_section(a, ref.index);
		set_focus(a, PANE_BOOK);
		return;
	}
	set_view(a, VIEW_HOME);
	enum ui_pane_id nav = ref.kind == KIND_STAGE ? PANE_STAGES : ref.kind == KIND_AREA ? PANE_AREAS
			    : ref.kind == KIND_EVENT ? PANE_TIMELINE : PANE_COUNT;
	if (nav != PANE_COUNT) {
		pane_select_item(pane(a, nav), ref.index);
		if (nav == PANE_TIMELINE)
			update_axis(a);
	}
	set_reader(a, ref);
	set_focus(a, PANE_READER);
}

static int first_match_line(const struct doc *d)
{
	for (size_t b = 0; b < d->blocks_count; b++)
		for (size_t s = 0; s < d->blocks[b].spans_count; s++)
			if (d->blocks[b].spans[s].style & DOC_MATCH)
				return (int)doc_line_of(d, (int)b, d->blocks[b].spans[s].start);
	return -1;
}

static void open_hit(struct app *a, int i, bool push)
{
	if (i < 0 || (size_t)i >= a->results.count)
		return;
	a->hit = i;
	const struct search_hit *h = &a->results.hits[i];
	const struct corpus_unit *u = h->unit;
	size_t at = h->matches_count ? h->matches[0].start : 0;
	if (u->ref.kind == KIND_SECTION) {
		if (push)
			history_push(a);
		set_view(a, VIEW_REPORT);
		ensure_book(a);
		struct pane *b = pane(a, PANE_BOOK);
		bool para = strcmp(u->field, "paragraph") == 0;
		int blk = -1;
		for (size_t k = 0; k < b->doc->blocks_count && blk < 0; k++) {
			const struct doc_block *db = &b->doc->blocks[k];
			if (db->section == u->ref.index && db->len > 0 && (para ? db->para == u->item : db->para < 0))
				blk = (int)k;
		}
		if (blk >= 0) {
			int line = (int)doc_line_of(b->doc, blk, at);
			pane_goto_line(b, line);
			pane_scroll_to_line(b, line, pane_rows(b) / 3);
		}
		set_focus(a, PANE_BOOK);
		moved(a, PANE_BOOK);
	} else {
		open_ref(a, u->ref, push);
		struct pane *r = pane(a, PANE_READER);
		int line = first_match_line(r->doc);
		if (line >= 0)
			pane_scroll_to_line(r, line, pane_rows(r) / 3);
	}
	say(a, "hit %d of %zu", i + 1, a->results.count);
}

static void set_highlight(struct app *a, const char *q)
{
	free(a->highlight);
	a->highlight = q ? strdup(q) : NULL;
	/* the reader and book show marks of the query in force */
	struct pane *r = pane(a, PANE_READER);
	struct pane_anchor an;
	pane_anchor_get(r, &an);
	set_reader(a, a->reader);
	pane_anchor_set(r, &an);
	ensure_book(a);
}

static void run_search(struct app *a, const char *q)
{
	struct search_results res;
	if (search_run(a->corpus, q, &res) != 0) {
		say(a, "search failed");
		return;
	}
	if (res.count == 0) {
		search_results_free(&res);
		say(a, "No match for \"%s\"", q);
		return;
	}
	if (a->view != VIEW_SEARCH)
		snap_take(a, &a->search_origin);
	history_push(a);
	if (a->have_results)
		search_results_free(&a->results);
	a->results = res;
	a->have_results = true;
	a->hit = -1;
	set_highlight(a, q);
	set_view(a, VIEW_SEARCH);
	struct pane *rp = pane(a, PANE_RESULTS);
	pane_set_doc(rp, page_results(&a->pg, &a->results, a->lay.cols > 0 ? a->lay.cols : 80));
	char title[320];
	snprintf(title, sizeof(title), "\"%s\", %zu hit%s", q, res.count, res.count == 1 ? "" : "s");
	pane_set_title(rp, title);
	moved(a, PANE_RESULTS);
	a->focus[VIEW_SEARCH] = PANE_RESULTS;
}

/* ---- actions ---- */

/* Only the keys less gives a count to (<N>g, <N>G, <N>p): after a lone
 * 1-4, j and k move in the pane it jumped to, as the user sees it. */
static bool takes_count(enum ui_action act)
{
	switch (act) {
	case ACT_FIRST: case ACT_LAST: case ACT_PERCENT:
		return true;
	default:
		return false;
	}
}

static void pane_jump(struct app *a, int n)
{
	const enum ui_pane_id *ids;
	size_t count = layout_view_panes(a->view, &ids);
	if (a->view != VIEW_HELP && n >= 1 && (size_t)n <= count)
		set_focus(a, ids[n - 1]);
}

static void focus_step(struct app *a, int dir)
{
	struct pane *p = focused(a);
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
	set_focus(a, next);
	struct pane *np = pane(a, next);
	if (!np->list) {
		np->link = -1;
		pane_link_step(np, dir);
	}
}

static void pane_side(struct app *a, int dir)
{
	enum ui_pane_id f = a->focus[a->view];
	switch (a->view) {
	case VIEW_HOME:
		if (dir > 0 && f != PANE_READER)
			set_focus(a, PANE_READER);
		else if (dir < 0 && f == PANE_READER)
			set_focus(a, pane_item(pane(a, PANE_TIMELINE)) >= 0 && a->reader.kind == KIND_EVENT ? PANE_TIMELINE
				     : a->reader.kind == KIND_AREA ? PANE_AREAS : PANE_STAGES);
		else if (dir < 0 && f != PANE_STAGES)
			set_focus(a, (enum ui_pane_id)(f - 1));
		break;
	case VIEW_REPORT:
		set_focus(a, dir > 0 ? PANE_BOOK : PANE_OUTLINE);
		break;
	case VIEW_SEARCH:
		set_focus(a, dir > 0 ? PANE_PREVIEW : PANE_RESULTS);
		break;
	default:
		break;
	}
}

/* The parent of an entity, as ',' goes up. */
static struct entity_ref parent_of(const struct report *r, struct entity_ref ref)
{
	struct entity_ref none = no_ref;
	int s;
	switch (ref.kind) {
	case KIND_SECTION:
		s = r->sections[ref.index]->parent_ix;
		return s >= 0 ? (struct entity_ref){ KIND_SECTION, s } : none;
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
		return none;
	default:
		s = report_entity_section(r, ref);
		return s >= 0 ? (struct entity_ref){ KIND_SECTION, s } : none;
	}
}

static void go_parent(struct app *a)
{
	if (a->view == VIEW_REPORT) {
		int s = book_section(a);
		int up = a->r->sections[s]->parent_ix;
		if (up < 0) {
			say(a, "%s is at the top level", a->r->sections[s]->title);
			return;
		}
		book_goto_section(a, up);
		return;
	}
	if (a->view != VIEW_HOME)
		return;
	struct entity_ref up = parent_of(a->r, a->reader);
	if (up.index < 0) {
		say(a, "no parent");
		return;
	}
	open_ref(a, up, true);
}

static void go_sibling(struct app *a, int dir)
{
	struct pane *p = focused(a);
	if (a->view == VIEW_REPORT) {
		int s = p->id == PANE_OUTLINE && pane_item(p) >= 0 ? pane_item(p) : book_section(a);
		int depth = a->r->sections[s]->depth, parent = a->r->sections[s]->parent_ix;
		for (int i = s + dir; i >= 0 && i < (int)a->r->sections_count; i += dir) {
			const struct section *x = a->r->sections[i];
			if (x->depth < depth)
				break;
			if (x->depth == depth && x->parent_ix == parent) {
				book_goto_section(a, i);
				return;
			}
		}
		say(a, "no %s section at this level", dir > 0 ? "next" : "previous");
		return;
	}
	if (p->id == PANE_TIMELINE) {
		/* the first event of the next or previous stage band */
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
			moved(a, p->id);
		return;
	}
	if (p->list) {
		if (pane_move(p, dir))
			moved(a, p->id);
		return;
	}
	if (p->id == PANE_READER) {
		struct entity_ref ref = a->reader;
		int next = ref.index + dir;
		if (next < 0 || (size_t)next >= report_count(a->r, ref.kind)) {
			say(a, "no %s %s", dir > 0 ? "next" : "previous", entity_kind_name(ref.kind));
			return;
		}
		open_ref(a, (struct entity_ref){ ref.kind, next }, true);
	}
}

static void where(struct app *a)
{
	struct pane *p = focused(a);
	char pos[32];
	pane_position(p, pos, sizeof(pos));
	int lines = p->doc ? (int)p->doc->lines_count : 0;
	int last = p->top + pane_rows(p);
	if (last > lines)
		last = lines;
	const char *view = a->view == VIEW_HOME ? "Home" : a->view == VIEW_REPORT ? "Report" :
			   a->view == VIEW_SEARCH ? "Search" : "Help";
	if (p->list)
		say(a, "%s, %s: item %s%s%s", view, layout_pane_name(p->id), pos, p->title ? ", " : "",
		    p->title ? p->title : "");
	else
		say(a, "%s, %s%s%s: lines %d-%d of %d (%s)", view, layout_pane_name(p->id),
		    p->title ? " " : "", p->title ? p->title : "", lines ? p->top + 1 : 0, last, lines, pos);
}

static void do_action(struct app *a, enum ui_action act, long count, bool have_count)
{
	struct pane *p = focused(a);
	int rows = pane_rows(p) > 1 ? pane_rows(p) : 1;
	long n = have_count && count > 0 ? count : 1;
	bool mv = false;
	switch (act) {
	case ACT_MOVE_DOWN: mv = pane_move(p, (int)n); break;
	case ACT_MOVE_UP: mv = pane_move(p, (int)-n); break;
	case ACT_PAGE_DOWN: mv = pane_page(p, (int)(n * (rows > 2 ? rows - 1 : rows))); break;
	case ACT_PAGE_UP: mv = pane_page(p, (int)-(n * (rows > 2 ? rows - 1 : rows))); break;
	case ACT_HALF_DOWN: mv = pane_page(p, (int)(n * (rows / 2 ? rows / 2 : 1))); break;
	case ACT_HALF_UP: mv = pane_page(p, (int)-(n * (rows / 2 ? rows / 2 : 1))); break;
	case ACT_FIRST: mv = pane_goto_line(p, have_count ? count - 1 : 0); break;
	case ACT_LAST: mv = pane_goto_line(p, have_count ? count - 1 : -1); break;
	case ACT_PERCENT: mv = pane_goto_percent(p, have_count ? count : 0); break;
	case ACT_PREV_SIBLING: go_sibling(a, -1); break;
	case ACT_NEXT_SIBLING: go_sibling(a, 1); break;
	case ACT_PARENT: go_parent(a); break;
	case ACT_PANE_LEFT: pane_side(a, -1); break;
	case ACT_PANE_RIGHT: pane_side(a, 1); break;
	case ACT_FOCUS_NEXT: focus_step(a, 1); break;
	case ACT_FOCUS_PREV: focus_step(a, -1); break;
	case ACT_PANE_1: pane_jump(a, 1); break;
	case ACT_PANE_2: pane_jump(a, 2); break;
	case ACT_PANE_3: pane_jump(a, 3); break;
	case ACT_PANE_4: pane_jump(a, 4); break;
	case ACT_VIEW_HOME:
		if (a->view != VIEW_HOME) {
			history_push(a);
			set_view(a, VIEW_HOME);
		}
		break;
	case ACT_VIEW_REPORT:
		if (a->view != VIEW_REPORT) {
			history_push(a);
			ensure_book(a);
			set_view(a, VIEW_REPORT);
		}
		break;
	case ACT_OPEN:
		if (p->list) {
			if (p->id == PANE_RESULTS)
				open_hit(a, pane_item(p), true);
			else if (p->id == PANE_OUTLINE)
				set_focus(a, PANE_BOOK);
			else if (a->view == VIEW_HOME)
				set_focus(a, PANE_READER);
		} else if (p->link >= 0 && (size_t)p->link < p->doc->links_count) {
			open_ref(a, p->doc->links[p->link].to, true);
		} else if (p->doc && p->doc->links_count) {
			say(a, "Tab to a link, then Enter follows it");
		}
		break;
	case ACT_BACK: history_go(a, &a->back, &a->forward, "Nothing to go back to"); break;
	case ACT_FORWARD: history_go(a, &a->forward, &a->back, "Nothing to go forward to"); break;
	case ACT_SEARCH:
		a->prompt = true;
		a->prompt_len = 0;
		a->prompt_buf[0] = '\0';
		break;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (!a->have_results || a->results.count == 0) {
			say(a, "No search yet: / searches");
			break;
		}
		if (a->view == VIEW_SEARCH) {
			if (pane_move(pane(a, PANE_RESULTS), act == ACT_SEARCH_NEXT ? 1 : -1))
				moved(a, PANE_RESULTS);
			break;
		}
		{
			long c = (long)a->results.count;
			long i = ((long)a->hit + (act == ACT_SEARCH_NEXT ? 1 : -1) + c) % c;
			if (a->hit < 0)
				i = act == ACT_SEARCH_NEXT ? 0 : c - 1;
			open_hit(a, (int)i, true);
		}
		break;
	case ACT_WHERE: where(a); break;
	case ACT_REDRAW:
		a->repaint = true;
		for (int i = 0; i < PANE_COUNT; i++)
			a->panes[i].dirty = true;
		break;
	case ACT_HELP:
		if (a->view == VIEW_HELP) {
			set_view(a, a->view_before_help);
		} else {
			a->view_before_help = a->view;
			set_view(a, VIEW_HELP);
		}
		break;
	case ACT_CANCEL:
		if (a->view == VIEW_HELP) {
			set_view(a, a->view_before_help);
		} else if (a->view == VIEW_SEARCH) {
			struct snap origin = a->search_origin;
			set_highlight(a, NULL);
			snap_restore(a, &origin);
		} else if (a->highlight) {
			set_highlight(a, NULL);
			say(a, "Highlights off");
		} else if (p->link >= 0) {
			p->link = -1;
			p->dirty = true;
		}
		break;
	case ACT_QUIT:
		if (a->view == VIEW_HELP)
			set_view(a, a->view_before_help);
		else
			a->quit = true;
		break;
	case ACT_NONE:
	case ACT_COUNT:
		break;
	}
	if (mv)
		moved(a, p->id);
}

/* ---- the search prompt ---- */

static void prompt_key(struct app *a, long key)
{
	if (key == '\r' || key == '\n' || key == UI_KEYCODE + KEY_ENTER) {
		a->prompt = false;
		if (a->prompt_len)
			run_search(a, a->prompt_buf);
		return;
	}
	if (key == 27 || key == 7) { /* Esc, Ctrl-G */
		a->prompt = false;
		return;
	}
	if (key == UI_KEYCODE + KEY_BACKSPACE || key == 127 || key == 8) {
		if (a->prompt_len == 0) {
			a->prompt = false;
			return;
		}
		do
			a->prompt_len--;
		while (a->prompt_len > 0 && ((unsigned char)a->prompt_buf[a->prompt_len] & 0xc0) == 0x80);
		a->prompt_buf[a->prompt_len] = '\0';
		return;
	}
	if (key == 21) { /* Ctrl-U */
		a->prompt_len = 0;
		a->prompt_buf[0] = '\0';
		return;
	}
	if (key < 0x20 || key == 0x7f || key >= UI_KEYCODE || (key >= 0x80 && key < 0xa0))
		return;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	size_t k = wcrtomb(mb, (wchar_t)key, &st);
	if (k == (size_t)-1 || a->prompt_len + k + 1 > sizeof(a->prompt_buf))
		return;
	memcpy(a->prompt_buf + a->prompt_len, mb, k);
	a->prompt_len += k;
	a->prompt_buf[a->prompt_len] = '\0';
}

/* ---- the mouse ---- */

/* The link under column x of a line of a text pane, or -1. */
static int link_at(const struct pane *p, int line, int x)
{
	if (!p->doc || line < 0 || (size_t)line >= p->doc->lines_count)
		return -1;
	const struct doc_line *l = &p->doc->lines[line];
	struct doc_seg segs[64];
	size_t n = doc_line_segs(p->doc, (size_t)line, segs, 64);
	int col = l->indent;
	const char *text = p->doc->blocks[l->block].text;
	for (size_t i = 0; i < n; i++) {
		int w = text_width(text + segs[i].start, segs[i].len);
		if (x >= col && x < col + w)
			return segs[i].link;
		col += w;
	}
	return -1;
}

static void mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	enum ui_pane_id id = draw_pane_at(a, ev.y, ev.x);
	if (id == PANE_COUNT)
		return;
	struct pane *p = pane(a, id);
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int d = ev.bstate & BUTTON4_PRESSED ? -3 : 3;
		if (p->list ? pane_page(p, d) : pane_move(p, d))
			moved(a, id);
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	set_focus(a, id);
	int row = ev.y - p->r.y - 1 - (p->head ? (int)p->head->lines_count : 0);
	if (row < 0)
		return;
	int line = p->top + row;
	if (p->list) {
		if (pane_select_line(p, line))
			moved(a, id);
		if (id == PANE_RESULTS)
			open_hit(a, pane_item(p), true);
		return;
	}
	int link = link_at(p, line, ev.x - p->r.x);
	if (link >= 0) {
		p->link = link;
		open_ref(a, p->doc->links[link].to, true);
	}
}

/* ---- the loop ---- */

static void apply_layout(struct app *a)
{
	enum ui_view v = a->view;
	layout_compute(&a->lay, COLS, LINES, v, a->focus[v]);
	for (int i = 0; i < PANE_COUNT; i++) {
		if (a->lay.pane[i].w > 0)
			pane_resize(&a->panes[i], a->lay.pane[i]);
	}
	if (a->lay.pane[PANE_TIMELINE].w > 0)
		update_axis(a);
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].dirty = true;
}

static void handle_key(struct app *a, long key)
{
	a->message[0] = '\0';
	if (key == UI_KEYCODE + KEY_RESIZE) {
		a->relayout = true;
		return;
	}
	if (a->prompt) {
		prompt_key(a, key);
		return;
	}
	if (key == UI_KEYCODE + KEY_MOUSE) {
		mouse(a);
		return;
	}
	if (key >= '0' && key <= '9') {
		if (!a->have_count) {
			a->have_count = true;
			a->count = key - '0';
			a->count_undo = false;
			if (key >= '1' && key <= '4') {
				/* a lone 1-4 jumps to a pane at once; if more digits
				 * or a counted key follow, the jump is undone */
				a->count_from = a->focus[a->view];
				a->count_undo = true;
				pane_jump(a, (int)(key - '0'));
			}
		} else {
			if (a->count_undo)
				set_focus(a, a->count_from);
			a->count_undo = false;
			if (a->count < 10000000)
				a->count = a->count * 10 + (key - '0');
		}
		return;
	}
	enum ui_action act = keymap_find(a, key);
	bool have = a->have_count;
	long count = a->count;
	if (have && takes_count(act) && a->count_undo)
		set_focus(a, a->count_from);
	a->have_count = false;
	a->count = 0;
	a->count_undo = false;
	if (act == ACT_NONE) {
		say(a, "Unknown key: ? shows the keys");
		return;
	}
	do_action(a, act, count, have && takes_count(act));
}

static bool app_init(struct app *a, const struct report *r, const struct cli *cli)
{
	memset(a, 0, sizeof(*a));
	a->r = r;
	a->cli = cli;
	const char *nc = getenv("NO_COLOR");
	a->color = !cli->no_color && !(nc && *nc);
	const char *cs = nl_langinfo(CODESET);
	/* our own glyphs (arrows, lines) need UTF-8; content text is what it is */
	a->ascii = cli->ascii || !cs || strcmp(cs, "UTF-8") != 0;
	a->mentions = mentions_from_report(r);
	a->corpus = corpus_new(r);
	if (!a->mentions || !a->corpus)
		return false;
	a->pg = (struct pages){ r, a->mentions, a->ascii };
	a->reader = no_ref;
	a->preview = no_ref;
	a->hit = -1;
	for (int i = 0; i < PANE_COUNT; i++) {
		enum ui_pane_id id = (enum ui_pane_id)i;
		bool list = id == PANE_STAGES || id == PANE_AREAS || id == PANE_TIMELINE ||
			    id == PANE_OUTLINE || id == PANE_RESULTS;
		pane_init(&a->panes[i], id, list);
		/* long lines are hard to read: text wraps at 100 columns at most */
		if (!list)
			a->panes[i].wrap_cap = 100;
	}
	pane_set_doc(pane(a, PANE_STAGES), page_stages(&a->pg));
	pane_set_doc(pane(a, PANE_AREAS), page_areas(&a->pg));
	pane_set_doc(pane(a, PANE_TIMELINE), page_timeline(&a->pg));
	pane_set_doc(pane(a, PANE_OUTLINE), page_outline(&a->pg));
	pane_set_doc(pane(a, PANE_BOOK), page_book(&a->pg));
	pane_set_doc(pane(a, PANE_HELP), page_help(&a->pg));
	a->focus[VIEW_HOME] = PANE_STAGES;
	a->focus[VIEW_REPORT] = PANE_OUTLINE;
	a->focus[VIEW_SEARCH] = PANE_RESULTS;
	a->focus[VIEW_HELP] = PANE_HELP;
	a->view = VIEW_HOME;
	set_reader(a, r->stages_count ? (struct entity_ref){ KIND_STAGE, 0 }
				      : (struct entity_ref){ KIND_SECTION, 0 });
	book_title(a);
	keymap_build(a);
	a->relayout = true;
	return true;
}

static void app_free(struct app *a)
{
	for (int i = 0; i < PANE_COUNT; i++)
		pane_free(&a->panes[i]);
	mentions_free(a->mentions);
	corpus_free(a->corpus);
	if (a->have_results)
		search_results_free(&a->results);
	free(a->highlight);
	free(a->book_highlight);
	free(a->back.v);
	free(a->forward.v);
}

int ui_run(const struct report *r, const struct cli *cli)
{
	struct entity_ref start = no_ref;
	if (cli->goto_id && report_find(r, cli->goto_id, &start) != 0) {
		fprintf(stderr, "temm: --goto: no entity or section has the id '%s' "
				"(temm list KIND shows the ids)\n", cli->goto_id);
		return EXIT_USAGE;
	}
	if (!tty_usable(stderr))
		return EXIT_FAIL;
	struct app *a = malloc(sizeof(*a));
	if (!a || !app_init(a, r, cli)) {
		if (a)
			app_free(a);
		free(a);
		fprintf(stderr, "temm: out of memory\n");
		return EXIT_FAIL;
	}
	if (start.index >= 0)
		open_ref(a, start, false);

	tty_guard_install();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		tty_guard_release();
		app_free(a);
		free(a);
		fprintf(stderr, "temm: cannot initialise the terminal\n");
		return EXIT_FAIL;
	}
	set_escdelay(25); /* Esc answers at once; terminals send sequences faster */
	cbreak();         /* not raw: Ctrl-Z suspends and Ctrl-C stops, as users expect */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	a->mouse = mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
	mouseinterval(0);
	tty_guard_arm(a->mouse);
	draw_init(a);

	int rc = EXIT_OK;
	while (!a->quit) {
		if (a->relayout)
			apply_layout(a);
		draw_screen(a);
		wint_t wc = 0;
		errno = 0;
		int got = wget_wch(stdscr, &wc);
		if (tty_stop_signal())
			break;
		if (got == ERR) {
			if (errno == EINTR)
				continue;
			rc = EXIT_FAIL; /* the terminal is gone: a hang-up */
			break;
		}
		handle_key(a, got == KEY_CODE_YES ? UI_KEYCODE + (long)wc : (long)wc);
	}
	if (a->mouse)
		mousemask(0, NULL);
	draw_free(a);
	endwin();
	delscreen(scr);
	app_free(a);
	free(a);
	tty_guard_release(); /* dies of the stop signal, if there was one */
	return rc;
}
