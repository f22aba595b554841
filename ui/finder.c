/* finder.c - search and filter as you type. Every key in the prompt runs
 * the query again (the corpus is built once; a search of the report takes
 * well under a millisecond) and shows the results, or - for & - narrows
 * the list; a bad query keeps the last good results and shows the
 * parser's message. n and N walk the matches of the hits one by one. */
#include "app.h"
#include "tty.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

static bool same_ref(struct entity_ref a, struct entity_ref b)
{
	return a.kind == b.kind && a.index == b.index;
}

/* The query as run: in regex mode the typed text is one /regex/. */
static void effective(const struct prompt *pr, char *out, size_t n)
{
	snprintf(out, n, pr->regex ? "/%s/" : "%s", pr->buf);
}

/* ---- the results of the search in force ---- */

static void results_clear(struct app *a)
{
	struct finder *f = &a->find;
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

static void results_title(struct app *a)
{
	char title[400];
	size_t n = a->find.results.count;
	snprintf(title, sizeof(title), "\"%s\", %zu hit%s", a->find.text, n, n == 1 ? "" : "s");
	pane_set_title(app_pane(a, PANE_RESULTS), title);
}

/* Lay the results out for the pane's width (a gutter column is the
 * selection's). */
static void results_doc(struct app *a)
{
	struct pane *rp = app_pane(a, PANE_RESULTS);
	int width = (rp->r.w > 0 ? rp->r.w : a->lay.cols > 0 ? a->lay.cols : 80) - 1;
	pane_set_doc(rp, page_results(&a->pg, &a->find.results, a->find.rows, width));
	size_t n = a->find.results.count;
	rp->unlaid = rp->doc && a->find.rows < n ? n - a->find.rows : 0;
	results_title(a);
}

static int filter_apply(struct app *a, enum ui_pane_id id, const char *text, char *err,
			size_t errlen);

/* A one-letter query over a big report has tens of thousands of hits, and
 * laying them all out cost more than the search: the list starts with
 * this many rows and grows as the selection comes near their end. */
#define RESULTS_FIRST_ROWS 100

/* Lay the results out again with `rows` rows, on the same hit and with
 * the same filter (and for the pane's width now). */
static void results_relayout(struct app *a, size_t rows)
{
	struct pane *rp = app_pane(a, PANE_RESULTS);
	struct pane_anchor an;
	pane_anchor_get(rp, &an);
	char *filter = rp->filter ? strdup(rp->filter) : NULL;
	a->find.rows = rows;
	results_doc(a);
	if (filter) {
		char err[256];
		filter_apply(a, PANE_RESULTS, filter, err, sizeof(err));
		free(filter);
	}
	pane_anchor_set(rp, &an);
}

void finder_rows_all(struct app *a)
{
	if (a->find.have && a->find.rows < a->find.results.count)
		results_relayout(a, a->find.results.count);
}

void finder_rows_follow(struct app *a)
{
	struct finder *f = &a->find;
	struct pane *rp = app_pane(a, PANE_RESULTS);
	int item = pane_item(rp);
	size_t margin = 2 * (size_t)(pane_rows(rp) > 0 ? pane_rows(rp) : 1);
	if (f->have && f->rows < f->results.count && item >= 0 && (size_t)item + margin >= f->rows)
		results_relayout(a, 2 * f->rows > (size_t)item + margin ? 2 * f->rows
									: (size_t)item + 2 * margin);
}

static void results_set(struct app *a, const char *text, struct search_results *res)
{
	struct finder *f = &a->find;
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
	a->preview = (struct entity_ref){ KIND_COUNT, NO_INDEX };
	f->rows = RESULTS_FIRST_ROWS;
	results_doc(a);
	app_moved(a, PANE_RESULTS);
}

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
	a->find.session = false;
	app_snap_restore(a, &a->find.origin);
}

/* ---- history ---- */

static void hist_add(struct app *a, const char *text)
{
	char err[512];
	if (!*text || history_add(&a->hist, text) != 0 || !a->hist_path)
		return;
	if (history_save(&a->hist, a->hist_path, err, sizeof(err)) != 0)
		app_save_failed(a, err);
}

static void set_buf(struct prompt *pr, const char *s)
{
	snprintf(pr->buf, sizeof(pr->buf), "%s", s);
	pr->len = strlen(pr->buf);
}

/* Up (-1) and Down (+1): older and newer queries, then what was typed. */
static bool hist_walk(struct app *a, int dir)
{
	struct prompt *pr = &a->prompt;
	long n = (long)a->hist.count, i = pr->hist;
	if (n == 0 || (i < 0 && dir > 0))
		return false;
	if (i < 0) {
		snprintf(pr->typed, sizeof(pr->typed), "%s", pr->buf);
		pr->typed_regex = pr->regex;
		i = n;
	}
	i += dir;
	if (i < 0)
		return false; /* the oldest stays */
	if (i >= n) {
		set_buf(pr, pr->typed);
		pr->regex = pr->typed_regex;
		pr->hist = -1;
		return true;
	}
	set_buf(pr, a->hist.items[i]);
	pr->regex = false; /* a kept query holds its own /../ */
	pr->hist = i;
	return true;
}

/* ---- filters ---- */

static bool filterable(enum ui_pane_id id)
{
	return id == PANE_STAGES || id == PANE_AREAS || id == PANE_TIMELINE || id == PANE_OUTLINE ||
	       id == PANE_RESULTS;
}

/* Mark in keep[] each item of the pane that a hit is about or belongs to:
 * a stage, area or section any hit lies in, an event hit, a result whose
 * unit (or entity) the filter's query finds too. */
static void keep_hit(struct app *a, enum ui_pane_id id, const struct search_hit *h, bool *keep, size_t n)
{
	const struct report *r = a->r;
	const struct corpus_unit *u = h->unit;
	switch (id) {
	case PANE_STAGES:
		for (size_t s = 0; s < r->stages_count && s < n; s++)
			if ((u->stages & (1u << (r->stages[s]->number & 31))) ||
			    (u->ref.kind == KIND_STAGE && u->ref.index == (int)s))
				keep[s] = true;
		break;
	case PANE_AREAS:
		if (u->area_ix >= 0 && (size_t)u->area_ix < n)
			keep[u->area_ix] = true;
		break;
	case PANE_TIMELINE:
		if (u->ref.kind == KIND_EVENT && (size_t)u->ref.index < n)
			keep[u->ref.index] = true;
		break;
	case PANE_OUTLINE: /* a section and the sections it is in */
		for (int s = u->section_ix; s >= 0 && (size_t)s < n; s = r->sections[s]->parent_ix)
			keep[s] = true;
		break;
	case PANE_RESULTS:
		for (size_t i = 0; i < a->find.results.count && i < n; i++) {
			const struct corpus_unit *x = a->find.results.hits[i].unit;
			if (x == u || (u->ref.kind != KIND_SECTION && same_ref(x->ref, u->ref)))
				keep[i] = true;
		}
		break;
	default:
		break;
	}
}

static size_t items_of(const struct app *a, enum ui_pane_id id)
{
	switch (id) {
	case PANE_STAGES: return a->r->stages_count;
	case PANE_AREAS: return a->r->areas_count;
	case PANE_TIMELINE: return a->r->events_count;
	case PANE_OUTLINE: return a->r->sections_count;
	case PANE_RESULTS: return a->find.results.count;
	default: return 0;
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
	/* a signal or a key typed meanwhile ends a long search */
	static const struct search_stop stop = { tty_stop_work, NULL };
	return search_execute_stoppable(c, text, &stop, res, err, errlen);
}

/* Filter pane `id` by `text` (empty: no filter). 0, or -1 on a bad query
 * with the parser's message in err. */
static int filter_apply(struct app *a, enum ui_pane_id id, const char *text, char *err, size_t errlen)
{
	if (id == PANE_RESULTS)
		finder_rows_all(a); /* the filter is on every hit */
	struct pane *p = app_pane(a, id);
	int before = pane_item(p);
	size_t n = items_of(a, id);
	if (!*text) {
		pane_filter(p, NULL, 0, NULL);
		a->prompt.shown = (int)n;
	} else {
		struct search_results res;
		if (run_search(a, text, &res, err, errlen) != 0)
			return -1;
		bool *keep = calloc(n + 1, sizeof(bool));
		if (!keep) {
			search_results_free(&res);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		for (size_t i = 0; i < res.count; i++)
			keep_hit(a, id, &res.hits[i], keep, n);
		a->prompt.shown = pane_filter(p, keep, n, text);
		free(keep);
		search_results_free(&res);
	}
	a->prompt.total = (int)n;
	if (pane_item(p) != before && pane_item(p) >= 0)
		app_moved(a, id);
	return 0;
}

/* ---- the prompt ---- */

void finder_open(struct app *a, enum prompt_kind kind)
{
	struct prompt *pr = &a->prompt;
	enum ui_pane_id id = a->focus[a->view];
	if (kind == PROMPT_FILTER && (a->view == VIEW_HELP || !filterable(id))) {
		app_say(a, "& filters a list: stages, priority areas, timeline, contents or results");
		return;
	}
	free(pr->filter_before);
	memset(pr, 0, sizeof(*pr));
	pr->kind = kind;
	pr->hist = -1;
	pr->pane = id;
	if (kind == PROMPT_FILTER) {
		const char *f = app_pane(a, id)->filter;
		pr->filter_before = f ? strdup(f) : NULL;
		pane_anchor_get(app_pane(a, id), &pr->sel_before);
		pr->total = pr->shown = (int)items_of(a, id);
		return;
	}
	/* a new / during a search keeps the screen from before the first */
	if (!a->find.session) {
		app_snap_take(a, &a->find.origin);
		a->find.session = true;
	}
}

static void prompt_close(struct app *a)
{
	free(a->prompt.filter_before);
	a->prompt.filter_before = NULL;
	a->prompt.kind = PROMPT_NONE;
}

/* After every change to what is typed. */
static void prompt_update(struct app *a)
{
	struct prompt *pr = &a->prompt;
	char text[300];
	effective(pr, text, sizeof(text));
	if (pr->kind == PROMPT_FILTER) {
		if (filter_apply(a, pr->pane, pr->len ? text : "", pr->error, sizeof(pr->error)) == 0)
			pr->error[0] = '\0';
		return;
	}
	if (pr->len == 0) {
		pr->error[0] = '\0';
		results_clear(a);
		results_doc(a); /* no rows left from the query erased */
		if (a->view == VIEW_SEARCH) {
			back_to_origin(a);
			a->find.session = true;
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
}

static void prompt_cancel(struct app *a)
{
	struct prompt *pr = &a->prompt;
	if (pr->kind == PROMPT_FILTER) {
		char err[256];
		struct pane *p = app_pane(a, pr->pane);
		if (filter_apply(a, pr->pane, pr->filter_before ? pr->filter_before : "", err, sizeof(err)) != 0)
			pane_filter(p, NULL, 0, NULL);
		int item = pane_item(p);
		pane_anchor_set(p, &pr->sel_before);
		if (pane_item(p) != item)
			app_moved(a, pr->pane);
	} else if (a->view == VIEW_SEARCH || a->find.marking) {
		back_to_origin(a);
	} else {
		a->find.session = false;
	}
	prompt_close(a);
}

static void prompt_accept(struct app *a, bool open)
{
	struct prompt *pr = &a->prompt;
	if (pr->error[0])
		return; /* the message stays; Esc leaves */
	char text[300];
	effective(pr, text, sizeof(text));
	if (pr->len)
		hist_add(a, text);
	if (pr->kind == PROMPT_FILTER) {
		enum ui_pane_id id = pr->pane;
		prompt_close(a);
		if (app_pane(a, id)->filter)
			app_say(a, "%d of %d shown; Esc shows all", a->prompt.shown, a->prompt.total);
		return;
	}
	prompt_close(a);
	if (pr->len == 0) {
		if (a->view == VIEW_SEARCH)
			back_to_origin(a);
		a->find.session = false;
		return;
	}
	if (!a->find.have || a->find.results.count == 0) {
		back_to_origin(a);
		app_say(a, "No match for \"%s\"", text);
		return;
	}
	if (!open) {
		show_results(a);
		return;
	}
	int i = pane_item(app_pane(a, PANE_RESULTS));
	finder_open_hit(a, i >= 0 ? i : 0, 0, true);
}

/* C-n and C-p: the selection of the list the prompt works on. */
static void prompt_select(struct app *a, int dir)
{
	enum ui_pane_id id = a->prompt.kind == PROMPT_FILTER ? a->prompt.pane : PANE_RESULTS;
	if (a->prompt.kind == PROMPT_SEARCH && a->view != VIEW_SEARCH)
		return;
	if (pane_move(app_pane(a, id), dir))
		app_moved(a, id);
}

static void erase_char(struct prompt *pr)
{
	do
		pr->len--;
	while (pr->len > 0 && ((unsigned char)pr->buf[pr->len] & 0xc0) == 0x80);
	pr->buf[pr->len] = '\0';
}

static void erase_word(struct prompt *pr)
{
	while (pr->len > 0 && pr->buf[pr->len - 1] == ' ')
		pr->len--;
	while (pr->len > 0 && pr->buf[pr->len - 1] != ' ')
		pr->len--;
	pr->buf[pr->len] = '\0';
}

/* Type a character; false if the key is not one. */
static bool insert(struct prompt *pr, long key)
{
	if (key == UIK_SPACE)
		key = ' ';
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0) || key >= UIK_BASE)
		return false;
	uint8_t mb[8];
	int k = u8_uctomb(mb, (ucs4_t)key, (ptrdiff_t)sizeof(mb));
	if (k <= 0 || pr->len + (size_t)k + 1 > sizeof(pr->buf))
		return false;
	memcpy(pr->buf + pr->len, mb, (size_t)k);
	pr->len += (size_t)k;
	pr->buf[pr->len] = '\0';
	return true;
}

void finder_flush(struct app *a)
{
	if (a->prompt.kind != PROMPT_NONE && a->prompt.stale) {
		a->prompt.stale = false;
		prompt_update(a);
	}
}

void finder_key(struct app *a, long key)
{
	struct prompt *pr = &a->prompt;
	enum ui_action act = keymap_lookup(&a->set.keys, key, true);
	/* what acts on the results needs them for what is typed */
	if (act == ACT_PROMPT_ACCEPT || act == ACT_PROMPT_RESULTS || act == ACT_PROMPT_HIT_NEXT ||
	    act == ACT_PROMPT_HIT_PREV)
		finder_flush(a);
	switch (act) {
	case ACT_PROMPT_ACCEPT: prompt_accept(a, true); return;
	case ACT_PROMPT_RESULTS: prompt_accept(a, false); return;
	case ACT_PROMPT_CANCEL: prompt_cancel(a); return;
	case ACT_PROMPT_HIT_NEXT: prompt_select(a, 1); return;
	case ACT_PROMPT_HIT_PREV: prompt_select(a, -1); return;
	case ACT_PROMPT_REGEX: pr->regex = !pr->regex; break;
	case ACT_HISTORY_PREV:
		if (!hist_walk(a, -1))
			return;
		break;
	case ACT_HISTORY_NEXT:
		if (!hist_walk(a, 1))
			return;
		break;
	case ACT_ERASE_CHAR:
		if (pr->len == 0) {
			prompt_cancel(a);
			return;
		}
		erase_char(pr);
		break;
	case ACT_ERASE_WORD: erase_word(pr); break;
	case ACT_ERASE_LINE: pr->len = 0; pr->buf[0] = '\0'; break;
	default:
		if (!insert(pr, key))
			return;
		pr->hist = -1;
		break;
	}
	pr->stale = true; /* searched once the keys typed ahead are read */
}

void finder_prompt_info(const struct app *a, char *buf, size_t n)
{
	const struct prompt *pr = &a->prompt;
	const char *mode = pr->regex ? "[regex] " : "";
	if (pr->error[0])
		snprintf(buf, n, "%s%s", mode, pr->error);
	else if (pr->kind == PROMPT_FILTER)
		snprintf(buf, n, "%s%d of %d", mode, pr->shown, pr->total);
	else if (a->find.have && pr->len)
		snprintf(buf, n, "%s%zu hit%s", mode, a->find.results.count,
			 a->find.results.count == 1 ? "" : "s");
	else
		snprintf(buf, n, "%s", pr->regex ? "[regex]" : "");
}

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
 * unless it shows well already (`force`: always). A pane not laid out yet
 * is scrolled once it is. */
static void show_current(struct app *a, bool force)
{
	const struct match_loc *c = &a->find.cur;
	if (c->pane == PANE_COUNT)
		return;
	struct pane *p = app_pane(a, c->pane);
	int rows = pane_rows(p);
	a->find.scroll_pending = rows == 0;
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
	if (c->pane == PANE_BOOK)
		app_moved(a, PANE_BOOK);
	p->dirty = true;
}

/* Put the current match on match k of hit i in pane id, and show it;
 * `force`: with a third of the pane above it even if it shows already. */
static void goto_match(struct app *a, enum ui_pane_id id, int i, size_t k, bool force)
{
	const struct search_hit *h = search_hit_at(&a->find.results, (size_t)i);
	struct pane *p = app_pane(a, id);
	app_mark_pane(a, id);
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

void finder_open_hit(struct app *a, int i, size_t k, bool push)
{
	if (i < 0 || (size_t)i >= a->find.results.count)
		return;
	const struct corpus_unit *u = a->find.results.hits[i].unit;
	a->find.marking = true;
	enum ui_pane_id id;
	if (u->ref.kind == KIND_SECTION) {
		if (push)
			app_history_push(a);
		app_set_view(a, VIEW_REPORT);
		app_set_focus(a, PANE_BOOK);
		id = PANE_BOOK;
	} else {
		app_open_ref(a, u->ref, push);
		id = PANE_READER;
	}
	goto_match(a, id, i, k, true);
}

/* Whether hit i shows in the results (a filter may hide it). */
static bool hit_shown(struct app *a, int i)
{
	const struct doc *d = app_pane(a, PANE_RESULTS)->doc;
	return !d || (size_t)i >= d->blocks_count || !d->blocks[i].hidden;
}

/* The hit dir away from `from` that shows, or -1 if none does; wraps,
 * with a word about it. */
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
	if (u->ref.kind == KIND_SECTION)
		return a->view == VIEW_REPORT;
	return a->view == VIEW_HOME && same_ref(a->reader, u->ref);
}

void finder_step(struct app *a, int dir)
{
	struct finder *f = &a->find;
	if (!f->have || f->results.count == 0) {
		app_say(a, "No search yet: / searches");
		return;
	}
	if (a->view == VIEW_SEARCH && a->focus[VIEW_SEARCH] == PANE_RESULTS) {
		if (pane_move(app_pane(a, PANE_RESULTS), dir))
			app_moved(a, PANE_RESULTS);
		return;
	}
	if (!f->session) { /* after Esc: a new walk, and Esc comes back here */
		app_snap_take(a, &f->origin);
		f->session = true;
	}
	bool wrapped = false;
	int i = f->hit;
	size_t k = 0, nm = i >= 0 && (size_t)i < f->results.count
				   ? search_hit_at(&f->results, (size_t)i)->matches_count : 0;
	if (i >= 0 && (size_t)i < f->results.count && dir > 0 && f->match + 1 < nm) {
		k = f->match + 1;
	} else if (i >= 0 && (size_t)i < f->results.count && dir < 0 && f->match > 0 && f->match - 1 < nm) {
		k = f->match - 1;
	} else {
		bool first = i < 0 || (size_t)i >= f->results.count;
		i = next_hit(a, first ? (dir > 0 ? -1 : (int)f->results.count) : i, dir, &wrapped);
		if (i < 0) {
			app_say(a, "No hit shows: & hides them all");
			return;
		}
		wrapped &= !first;
		nm = search_hit_at(&f->results, (size_t)i)->matches_count;
		k = dir > 0 || nm == 0 ? 0 : nm - 1;
	}
	bool here = hit_on_screen(a, i) && i == f->hit && f->marking;
	f->marking = true;
	if (here)
		goto_match(a, a->view == VIEW_REPORT ? PANE_BOOK : PANE_READER, i, k, false);
	else
		finder_open_hit(a, i, k, true);
	if (wrapped) {
		char keep[sizeof(a->message)];
		snprintf(keep, sizeof(keep), "%s", a->message);
		app_say(a, "%s; %s", dir > 0 ? "search hit BOTTOM, continuing at TOP"
					 : "search hit TOP, continuing at BOTTOM", keep);
	}
}

bool finder_cancel(struct app *a)
{
	struct pane *p = app_focused(a);
	if (p->list && p->filter) {
		int before = pane_item(p);
		pane_filter(p, NULL, 0, NULL);
		if (pane_item(p) != before)
			app_moved(a, p->id);
		return true;
	}
	if (a->find.session) {
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

void finder_relayout(struct app *a)
{
	if (a->find.scroll_pending)
		show_current(a, true);
	struct pane *rp = app_pane(a, PANE_RESULTS);
	if (!a->find.have || !rp->doc || rp->r.w <= 0 || rp->doc->width == rp->r.w)
		return;
	results_relayout(a, a->find.rows); /* new snippets for the new width */
}

void finder_free(struct app *a)
{
	results_clear(a);
	free(a->prompt.filter_before);
	a->prompt.filter_before = NULL;
}
