/* session.c - the search in force, n and N, and the marks of its matches.
 * Every key in the prompt runs the query again (the index is built once;
 * a search of the report takes well under a millisecond) and shows the
 * results; a bad query keeps the last good results and shows the parser's
 * message. n and N walk the matches of the hits one by one. */
#include "session.h"
#include "app.h"
#include "book.h"
#include "panes.h"
#include "persist.h"
#include "results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void session_init(struct session *s)
{
	memset(s, 0, sizeof(*s));
	s->hit = -1;
	s->cur.pane = PANE_COUNT;
}

static void results_clear(struct app *a)
{
	struct session *f = &a->find;
	if (f->have)
		search_results_free(&f->results);
	if (f->q_ok)
		query_free(&f->q);
	f->have = f->q_ok = false;
	f->text[0] = '\0';
	f->hit = -1;
	f->match = 0;
	f->cur.pane = PANE_COUNT;
}

void session_free(struct app *a)
{
	results_clear(a);
}

/* ---- marks ---- */

void session_mark_pane(struct app *a, enum ui_pane_id id)
{
	struct session *f = &a->find;
	struct pane *p = app_pane(a, id);
	unsigned want = f->marking && f->q_ok ? f->gen : 0;
	if (!p->doc || f->marked[id] == want)
		return;
	doc_spans_clear(p->doc, DOC_MATCH);
	doc_spans_clear(p->doc, DOC_CURRENT);
	if (want) {
		doc_highlight(p->doc, &f->q);
		if (f->cur.pane == id)
			doc_span_add(p->doc, f->cur.block, f->cur.start, f->cur.len, DOC_CURRENT, -1);
	}
	f->marked[id] = want;
	p->dirty = true;
}

void session_sync_marks(struct app *a)
{
	const struct view_class *v = layout_view(a->view);
	for (size_t i = 0; i < v->panes_count; i++)
		if (pane_class(v->panes[i])->marked)
			session_mark_pane(a, v->panes[i]);
}

void session_pane_replaced(struct app *a, enum ui_pane_id id)
{
	a->find.marked[id] = 0;
	if (a->find.cur.pane == id)
		a->find.cur.pane = PANE_COUNT;
	session_mark_pane(a, id);
}

/* ---- the search in force ---- */

static void results_set(struct app *a, const char *text, struct search_results *res)
{
	struct session *f = &a->find;
	results_clear(a);
	f->results = *res;
	f->have = true;
	snprintf(f->text, sizeof(f->text), "%s", text);
	char err[8];
	f->q_ok = query_parse(a->r, text, &f->q, err, sizeof(err)) == 0;
	if (!f->q_ok)
		query_free(&f->q);
	if (++f->gen == 0)
		f->gen = 1;
	f->marking = true;
}

/* The search view, the results list focused. */
static void show_results(struct app *a)
{
	app_set_view(a, VIEW_SEARCH);
	app_set_focus(a, PANE_RESULTS);
}

/* Back to the screen '/' was pressed on, nothing marked. */
static void back_to_origin(struct app *a)
{
	a->find.marking = false;
	a->find.cur.pane = PANE_COUNT;
	a->find.active = false;
	places_restore(a, &a->find.origin);
}

void session_begin(struct app *a)
{
	app_corpus(a); /* build the index while the prompt opens, not at the first key */
	prompt_open(a, &session_prompt);
	/* a new / during a search keeps the screen from before the first */
	if (!a->find.active) {
		places_take(a, &a->find.origin);
		a->find.active = true;
	}
}

/* The index is built on first use, which can fail for want of memory. */
static int run_search(struct app *a, const char *text, struct search_results *res, char *err,
		      size_t errlen)
{
	struct corpus *c = app_corpus(a);
	if (!c) {
		memset(res, 0, sizeof(*res));
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return search_execute(c, text, res, err, errlen);
}

static void search_update(struct app *a)
{
	struct prompt *pr = &a->prompt;
	char text[300];
	prompt_query(pr, text, sizeof(text));
	if (pr->len == 0) {
		pr->error[0] = '\0';
		results_clear(a);
		results_show(a); /* no rows left from the query erased */
		if (a->view == VIEW_SEARCH) {
			back_to_origin(a);
			a->find.active = true;
		}
		return;
	}
	if (a->find.have && strcmp(text, a->find.text) == 0) {
		pr->error[0] = '\0';
		return;
	}
	struct search_results res;
	if (run_search(a, text, &res, pr->error, sizeof(pr->error)) != 0)
		return; /* the last good results stay */
	pr->error[0] = '\0';
	results_set(a, text, &res);
	show_results(a);
	results_show(a); /* laid out for the view's size, on the first hit */
}

static void search_cancel(struct app *a)
{
	if (a->view == VIEW_SEARCH || a->find.marking)
		back_to_origin(a);
	else
		a->find.active = false;
	prompt_close(a);
}

static void search_accept(struct app *a, bool open)
{
	struct prompt *pr = &a->prompt;
	if (pr->error[0])
		return; /* the message stays; Esc leaves */
	char text[300];
	prompt_query(pr, text, sizeof(text));
	if (pr->len)
		persist_history_add(a, text);
	prompt_close(a);
	if (pr->len == 0) {
		if (a->view == VIEW_SEARCH)
			back_to_origin(a);
		a->find.active = false;
		return;
	}
	if (!a->find.have || a->find.results.count == 0) {
		back_to_origin(a);
		app_say(a, "No match for \"%s\"", text);
		return;
	}
	if (!open) { /* Tab: to the results list */
		show_results(a);
		return;
	}
	int i = pane_item(app_pane(a, PANE_RESULTS));
	session_open_hit(a, i >= 0 ? i : 0, 0, true);
}

static enum ui_pane_id search_list(const struct app *a)
{
	return a->view == VIEW_SEARCH ? PANE_RESULTS : PANE_COUNT;
}

static void search_info(const struct app *a, char *buf, size_t n)
{
	if (a->find.have && a->prompt.len)
		snprintf(buf, n, "%zu hit%s", a->find.results.count, a->find.results.count == 1 ? "" : "s");
}

const struct prompt_ops session_prompt = {
	"/", search_update, search_accept, search_cancel, search_list, search_info,
};

/* ---- opening hits and walking their matches ---- */

static void clear_current(struct app *a)
{
	const struct match_loc *c = &a->find.cur;
	if (c->pane != PANE_COUNT && app_pane(a, c->pane)->doc) {
		doc_spans_clear(app_pane(a, c->pane)->doc, DOC_CURRENT);
		app_pane(a, c->pane)->dirty = true;
	}
	a->find.cur.pane = PANE_COUNT;
}

/* The first marked match of a doc, for a hit whose text the page does not
 * show as such (an alias). */
static bool first_mark(const struct doc *d, struct match_loc *loc)
{
	for (size_t b = 0; b < d->blocks_count; b++)
		for (size_t s = 0; s < d->blocks[b].spans_count; s++)
			if (d->blocks[b].spans[s].style == DOC_MATCH) {
				loc->block = (int)b;
				loc->start = d->blocks[b].spans[s].start;
				loc->len = d->blocks[b].spans[s].len;
				return true;
			}
	return false;
}

/* The line of the heading of the section a block of the book is in. */
static int heading_line(const struct doc *d, int block)
{
	int section = d->blocks[block].section;
	for (int b = block; section >= 0 && b >= 0 && d->blocks[b].section == section; b--)
		if (d->blocks[b].para < 0 && d->blocks[b].len > 0)
			return (int)doc_line_of(d, b, 0);
	return -1;
}

/* Scroll the current match into view with a third of the pane above it,
 * unless it shows well already (`force`: always). */
static void show_current(struct app *a, bool force)
{
	const struct match_loc *c = &a->find.cur;
	if (c->pane == PANE_COUNT)
		return;
	struct pane *p = app_pane(a, c->pane);
	int rows = pane_rows(p);
	if (rows == 0 || !p->doc)
		return;
	int line = (int)doc_line_of(p->doc, c->block, c->start);
	if (force || line < p->top + 1 || line >= p->top + rows - 1) {
		/* in the book, the match's own heading on top rather than the
		 * end of the section before, whose title the header would show */
		int head = heading_line(p->doc, c->block);
		if (head >= 0 && head < line && head >= line - rows / 3)
			pane_goto_line(p, head);
		else
			pane_scroll_to_line(p, line, rows / 3);
	}
	app_moved(a, c->pane);
	p->dirty = true;
}

/* Put the current match on match k of hit i in pane id, and show it;
 * `force`: with a third of the pane above it even if it shows already. */
static void goto_match(struct app *a, enum ui_pane_id id, int i, size_t k, bool force)
{
	const struct search_hit *h = search_hit_at(&a->find.results, (size_t)i);
	struct pane *p = app_pane(a, id);
	session_mark_pane(a, id);
	clear_current(a);
	a->find.hit = i;
	a->find.match = k;
	struct match_loc loc = { id, -1, 0, 0 };
	size_t base;
	int blk = page_find_unit(p->doc, h->unit, &base);
	if (blk >= 0 && k < h->matches_count)
		loc = (struct match_loc){ id, blk, base + h->matches[k].start, h->matches[k].len };
	else if (!first_mark(p->doc, &loc))
		loc.block = -1;
	if (loc.block >= 0) {
		a->find.cur = loc;
		doc_span_add(p->doc, loc.block, loc.start, loc.len, DOC_CURRENT, -1);
		show_current(a, force);
	}
	size_t nm = h->matches_count ? h->matches_count : 1;
	app_say(a, "hit %d of %zu, match %zu of %zu  (n/N: next/previous, Esc: back)", i + 1,
		a->find.results.count, k + 1, nm);
}

/* The pane a hit's page shows in: a section in the book, else the reader. */
static enum ui_pane_id hit_pane(const struct corpus_unit *u)
{
	return pane_class_page_for(u->ref.kind);
}

void session_open_hit(struct app *a, int i, size_t k, bool push)
{
	if (i < 0 || (size_t)i >= a->find.results.count)
		return;
	const struct corpus_unit *u = a->find.results.hits[i].unit;
	a->find.marking = true;
	places_open(a, u->ref, push);
	goto_match(a, hit_pane(u), i, k, true);
}

/* Whether hit i shows in the results (a filter may hide it). */
static bool hit_shown(struct app *a, int i)
{
	const struct doc *d = app_pane(a, PANE_RESULTS)->doc;
	return !d || (size_t)i >= d->blocks_count || !d->blocks[i].hidden;
}

/* The hit dir away from `from` that shows, or -1 if none does; wraps. */
static int next_hit(struct app *a, int from, int dir, bool *wrapped)
{
	int n = (int)a->find.results.count;
	*wrapped = false;
	for (int step = 1; step <= n; step++) {
		int i = from + dir * step;
		if (i >= n || i < 0)
			*wrapped = true;
		i = ((i % n) + n) % n;
		if (hit_shown(a, i))
			return i;
	}
	return -1;
}

/* Whether the hit's page is what the screen shows now. */
static bool hit_on_screen(struct app *a, int i)
{
	const struct corpus_unit *u = a->find.results.hits[i].unit;
	enum ui_pane_id id = hit_pane(u);
	return id != PANE_COUNT && layout_pane_view(id) == a->view && pane_class(id)->showing(a, u->ref);
}

/* The next match of the hit n and N are on, else the next hit's first
 * (N: the previous one's last); -1 if no hit shows. */
static int next_match(struct app *a, int dir, size_t *k, bool *wrapped)
{
	struct session *f = &a->find;
	int i = f->hit;
	bool on = i >= 0 && (size_t)i < f->results.count;
	size_t nm = on ? search_hit_at(&f->results, (size_t)i)->matches_count : 0;
	*wrapped = false;
	if (on && dir > 0 && f->match + 1 < nm) {
		*k = f->match + 1;
		return i;
	}
	if (on && dir < 0 && f->match > 0 && f->match - 1 < nm) {
		*k = f->match - 1;
		return i;
	}
	i = next_hit(a, on ? i : dir > 0 ? -1 : (int)f->results.count, dir, wrapped);
	*wrapped &= on;
	if (i < 0)
		return -1;
	nm = search_hit_at(&f->results, (size_t)i)->matches_count;
	*k = dir > 0 || nm == 0 ? 0 : nm - 1;
	return i;
}

void session_step(struct app *a, int dir)
{
	struct session *f = &a->find;
	if (!f->have || f->results.count == 0) {
		app_say(a, "No search yet: / searches");
		return;
	}
	if (pane_class(app_focus_id(a))->hits) { /* in the list of hits: the next one */
		if (pane_move(app_focused(a), dir))
			app_moved(a, app_focus_id(a));
		return;
	}
	if (!f->active) { /* after Esc: a new walk, and Esc comes back here */
		places_take(a, &f->origin);
		f->active = true;
	}
	bool wrapped;
	size_t k;
	int i = next_match(a, dir, &k, &wrapped);
	if (i < 0) {
		app_say(a, "No hit shows: & hides them all");
		return;
	}
	bool here = hit_on_screen(a, i) && i == f->hit && f->marking;
	f->marking = true;
	if (here)
		goto_match(a, hit_pane(f->results.hits[i].unit), i, k, false);
	else
		session_open_hit(a, i, k, true);
	if (wrapped) {
		char keep[sizeof(a->message)];
		snprintf(keep, sizeof(keep), "%s", a->message);
		app_say(a, "%s; %s", dir > 0 ? "search hit BOTTOM, continuing at TOP"
					 : "search hit TOP, continuing at BOTTOM", keep);
	}
}

bool session_cancel(struct app *a)
{
	if (a->find.active) {
		back_to_origin(a);
		return true;
	}
	if (a->find.marking) {
		a->find.marking = false;
		clear_current(a);
		app_say(a, "Highlights off");
		return true;
	}
	return false;
}

bool session_walking(const struct app *a)
{
	return a->find.marking && a->find.active;
}
