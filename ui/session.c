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
#include "relations.h"
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
	/* a doc marks the blocks it makes later with the query freed here:
	 * it stops, and is marked again (session_mark_pane) for the next */
	for (int i = 0; i < PANE_COUNT; i++)
		if (a->panes[i].doc && a->panes[i].doc->mark_q == &f->q)
			a->panes[i].doc->mark_q = NULL;
	if (f->have) {
		search_rows_free(&f->list);
		search_results_free(&f->results);
	}
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
	for (int k = 0; k < KIND_COUNT; k++)
		free(a->find.told[k]);
}

/* The section that tells of an entity, found once per session: for a
 * meeting or a programme it is a pass over the prose. */
static int told_in(struct app *a, struct entity_ref ref)
{
	int **cache = &a->find.told[ref.kind];
	size_t n = report_count(a->r, ref.kind);
	if (!*cache && (*cache = malloc((n + 1) * sizeof(int))) != NULL)
		for (size_t i = 0; i < n; i++)
			(*cache)[i] = -2;
	if (!*cache)
		return relations_told_in(a->r, a->mentions, ref);
	if ((*cache)[ref.index] == -2)
		(*cache)[ref.index] = relations_told_in(a->r, a->mentions, ref);
	return (*cache)[ref.index];
}

/* ---- marks ---- */

void session_mark_pane(struct app *a, enum ui_pane_id id)
{
	struct session *f = &a->find;
	struct pane *p = app_pane(a, id);
	unsigned want = f->marking && f->q_ok ? f->gen : 0;
	if (!p->doc || f->marked[id] == want || (f->preview_later && pane_class(id)->after_pause))
		return; /* a page from before typing paused keeps the marks it had */
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
	if (search_rows_build(&f->results, &f->list) != 0) /* out of memory: a row per hit */
		memset(&f->list, 0, sizeof(f->list));
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
	return search_execute_stoppable(c, text, a->stop, res, err, errlen);
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
	if (run_search(a, text, &res, pr->error, sizeof(pr->error)) != 0) {
		/* results of another query would pass for this one's: the list
		 * empties, the prompt says what is wrong and what would work */
		results_clear(a);
		if (a->view == VIEW_SEARCH)
			results_show(a);
		return;
	}
	pr->error[0] = '\0';
	results_set(a, text, &res);
	show_results(a);
	a->find.preview_later = true; /* the page of the last pause stays until the next */
	results_show(a); /* on the first hit, the list as tall as its hits need */
}

/* A pause: about what a typist takes between two words, longer than
 * between two letters. */
enum { PREVIEW_PAUSE_MS = 250 };

int session_pause_ms(const struct app *a)
{
	return a->find.preview_later ? PREVIEW_PAUSE_MS : 0;
}

void session_paused(struct app *a)
{
	if (!a->find.preview_later)
		return;
	a->find.preview_later = false;
	if (a->find.have && a->find.results.count)
		app_moved(a, PANE_RESULTS);
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
	if (session_rows(a) == 0) {
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
	size_t rows = session_rows(a);
	if (a->find.have && a->prompt.len)
		snprintf(buf, n, "%zu hit%s", rows, rows == 1 ? "" : "s");
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

/* The line of the heading of the section a block of the book is in. */
static int heading_line(struct doc *d, int block)
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

/* The marks of a passage in the book: the DOC_MATCH spans of the
 * section's blocks, in order; the k-th into *loc. Returns how many. */
static size_t section_marks(const struct doc *d, int section, size_t k, struct match_loc *loc)
{
	size_t n = 0;
	for (size_t b = 0; d && b < d->blocks_count; b++) {
		if (d->blocks[b].section != section)
			continue;
		for (size_t s = 0; s < d->blocks[b].spans_count; s++) {
			const struct doc_span *sp = &d->blocks[b].spans[s];
			if (sp->style != DOC_MATCH)
				continue;
			if (n++ == k)
				*loc = (struct match_loc){ PANE_BOOK, (int)b, sp->start, sp->len };
		}
	}
	return n;
}

/* Match k of row i as it shows in the book; *count: how many it has
 * there. False if it shows none (the passage's heading then). */
static bool passage_match(struct app *a, size_t i, size_t k, struct match_loc *loc, size_t *count)
{
	const struct search_hit *h = session_row(a, i);
	struct pane *p = app_pane(a, PANE_BOOK);
	session_mark_pane(a, PANE_BOOK);
	if (p->doc)
		doc_build_part(p->doc, session_passage(a, i)); /* the book is made as it is read */
	size_t base;
	int blk = h->unit->ref.kind == KIND_SECTION ? page_find_unit(p->doc, h->unit, &base) : -1;
	if (blk >= 0 && h->matches_count) {
		*count = h->matches_count;
		if (k >= h->matches_count)
			return false;
		*loc = (struct match_loc){ PANE_BOOK, blk, base + h->matches[k].start, h->matches[k].len };
		return true;
	}
	/* an entity's hit: the words where the report tells of it */
	*count = section_marks(p->doc, session_passage(a, i), (size_t)-1, loc);
	return k < *count && section_marks(p->doc, session_passage(a, i), k, loc) > k;
}

/* What the status line says of a hit opened. */
static void say_hit(struct app *a, size_t i, size_t k, size_t count)
{
	const struct search_hit *h = session_row(a, i);
	char what[300] = "";
	if (h->unit->ref.kind != KIND_SECTION) {
		char *label = present_label(a->r, h->unit->ref, page_glyphs(&a->pg));
		snprintf(what, sizeof(what), "; %s %s is told here, c: its card",
			 entity_kind_name(h->unit->ref.kind), label ? label : "");
		free(label);
	} else if (a->find.list.count && a->find.list.rows[i].also_count) {
		snprintf(what, sizeof(what), "; c: the card of what it names");
	}
	if (count)
		app_say(a, "hit %zu of %zu, match %zu of %zu%s", i + 1, session_rows(a), k + 1, count, what);
	else
		app_say(a, "hit %zu of %zu%s", i + 1, session_rows(a), what);
}

/* Put the current match on match k of row i in the book, and show it;
 * `force`: with a third of the pane above it even if it shows already. */
static void goto_match(struct app *a, int i, size_t k, bool force)
{
	clear_current(a);
	a->find.hit = i;
	a->find.match = k;
	struct match_loc loc;
	size_t count = 0;
	if (passage_match(a, (size_t)i, k, &loc, &count)) {
		a->find.cur = loc;
		doc_span_add(app_pane(a, PANE_BOOK)->doc, loc.block, loc.start, loc.len, DOC_CURRENT, -1);
		show_current(a, force);
	}
	say_hit(a, (size_t)i, k, count);
}

size_t session_rows(const struct app *a)
{
	if (!a->find.have)
		return 0;
	return a->find.list.rows ? a->find.list.count : a->find.results.count;
}

const struct search_hit *session_row(struct app *a, size_t i)
{
	size_t hit = a->find.list.rows ? a->find.list.rows[i].hit : i;
	return search_hit_at(&a->find.results, hit);
}

int session_passage(struct app *a, size_t i)
{
	const struct corpus_unit *u = session_row(a, i)->unit;
	if (u->ref.kind == KIND_SECTION)
		return u->ref.index;
	int told = told_in(a, u->ref);
	return told >= 0 ? told : u->section_ix;
}

void session_open_hit(struct app *a, int i, size_t k, bool push)
{
	if (i < 0 || (size_t)i >= session_rows(a))
		return;
	a->find.marking = true;
	int sec = session_passage(a, (size_t)i);
	if (sec < 0) { /* told nowhere: its card is all there is */
		places_open(a, session_row(a, (size_t)i)->unit->ref, push);
		a->find.hit = i;
		say_hit(a, (size_t)i, 0, 0);
		return;
	}
	places_open(a, (struct entity_ref){ KIND_SECTION, sec }, push);
	goto_match(a, i, k, true);
}

void session_card(struct app *a)
{
	struct session *f = &a->find;
	if (!f->have || f->hit < 0 || (size_t)f->hit >= session_rows(a)) {
		app_say(a, "No hit to show the card of: / searches, Enter opens a hit");
		return;
	}
	const struct search_hit *h = session_row(a, (size_t)f->hit);
	struct entity_ref ref = h->unit->ref;
	if (ref.kind == KIND_SECTION && f->list.rows && f->list.rows[f->hit].also_count)
		ref = f->results.hits[f->list.rows[f->hit].also[0]].unit->ref;
	if (ref.kind == KIND_SECTION) {
		app_say(a, "This hit is the report's own text: it has no card");
		return;
	}
	places_open(a, ref, true);
}

/* Whether row i shows in the results (a filter may hide it). */
static bool hit_shown(struct app *a, int i)
{
	const struct doc *d = app_pane(a, PANE_RESULTS)->doc;
	for (size_t b = 0; d && b < d->blocks_count; b++)
		if (d->blocks[b].item == i)
			return !d->blocks[b].hidden;
	return true;
}

/* The hit dir away from `from` that shows, or -1 if none does; wraps. */
static int next_hit(struct app *a, int from, int dir, bool *wrapped)
{
	int n = (int)session_rows(a);
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

/* Whether row i's passage is what the book shows now. */
static bool hit_on_screen(struct app *a, int i)
{
	return a->view == layout_pane_view(PANE_BOOK) && i == a->find.hit;
}

/* The next match of the hit n and N are on, else the next hit's first
 * (N: the previous one's last); -1 if no hit shows. */
static int next_match(struct app *a, int dir, size_t *k, bool *wrapped)
{
	struct session *f = &a->find;
	int i = f->hit;
	bool on = i >= 0 && (size_t)i < session_rows(a) && hit_on_screen(a, i);
	struct match_loc loc;
	size_t nm = 0;
	if (on)
		passage_match(a, (size_t)i, 0, &loc, &nm);
	*wrapped = false;
	if (on && dir > 0 && f->match + 1 < nm) {
		*k = f->match + 1;
		return i;
	}
	if (on && dir < 0 && f->match > 0 && f->match - 1 < nm) {
		*k = f->match - 1;
		return i;
	}
	bool from = i >= 0 && (size_t)i < session_rows(a);
	i = next_hit(a, from ? i : dir > 0 ? -1 : (int)session_rows(a), dir, wrapped);
	*wrapped &= from;
	if (i < 0)
		return -1;
	nm = session_row(a, (size_t)i)->matches_count;
	if (session_row(a, (size_t)i)->unit->ref.kind != KIND_SECTION)
		nm = 0; /* counted in its passage once it is open: from its first */
	*k = dir > 0 || nm == 0 ? 0 : nm - 1;
	return i;
}

void session_step(struct app *a, int dir)
{
	struct session *f = &a->find;
	if (session_rows(a) == 0) {
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
	bool here = hit_on_screen(a, i) && f->marking;
	f->marking = true;
	if (here)
		goto_match(a, i, k, false);
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
