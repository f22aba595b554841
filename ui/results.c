/* results.c - the results list and the preview. */
#include "results.h"
#include "app.h"
#include "filter.h"
#include "query.h"
#include "reader.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *page_hit_where(const struct pages *p, const struct corpus_unit *u)
{
	return present_place(p->r, u->section_ix, page_glyphs(p));
}

/* Put `s` in exactly `cols` columns: cut with an ellipsis, or padded. */
static void put_cell(const struct pages *p, struct doc *d, const char *s, int cols, unsigned style)
{
	int used, w = text_width(s, strlen(s));
	size_t take = strlen(s);
	if (w > cols) {
		take = text_fit(s, take, cols - 1, &used);
		w = used + 1;
	}
	char *cell = malloc(take + 8 + (size_t)(cols > w ? cols - w : 0));
	if (!cell)
		return;
	memcpy(cell, s, take);
	size_t n = take;
	if (take < strlen(s)) {
		const char *dots = p->ascii ? "~" : "\u2026";
		memcpy(cell + n, dots, strlen(dots));
		n += strlen(dots);
	}
	for (int i = w; i < cols; i++)
		cell[n++] = ' ';
	cell[n] = '\0';
	doc_put(d, cell, style);
	free(cell);
}

/* The kind column fits every kind, not just the kinds of these hits: as a
 * query is typed the rows keep their columns, so a row that shows the same
 * hit (or the same place) costs the terminal only the cells that changed,
 * and ncurses can scroll rows that moved instead of sending them again. */
static int kind_column(void)
{
	int most = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		int w = (int)strlen(entity_kind_name((enum entity_kind)k)) + 1;
		if (w > most)
			most = w;
	}
	return most;
}

/* Under a row that folds hits in, a line naming what else it is about. */
static void also_line(const struct pages *p, struct doc *d, const struct search_results *res,
		      const struct search_row *row, int indent)
{
	int blk = doc_begin(d, indent, indent, DOC_DIM);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	d->blocks[blk].sub = true;
	doc_put(d, "names ", DOC_DIM);
	for (size_t k = 0; k < row->also_count; k++) {
		struct entity_ref e = res->hits[row->also[k]].unit->ref;
		char *label = present_label(p->r, e, page_glyphs(p));
		doc_putf(d, DOC_DIM, "%s%s %s", k ? "; " : "", entity_kind_name(e.kind), label ? label : "?");
		free(label);
	}
}

static void result_row(const struct pages *p, struct doc *d, const struct search_results *res, size_t i,
		       size_t row, const char *where, int kind_w, int where_w, int width)
{
	const struct search_hit *h = &res->hits[i];
	int blk = doc_begin(d, 0, 0, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	d->blocks[blk].item = (int)row;
	put_cell(p, d, entity_kind_name(h->unit->ref.kind), kind_w, DOC_DIM);
	put_cell(p, d, where ? where : "", where_w, DOC_BOLD);
	doc_put(d, "  ", DOC_PLAIN);
	struct snippet sn;
	int room = width - kind_w - where_w - 2;
	if (search_snippet(res, i, room < 20 ? 20 : room, &sn) != 0) {
		doc_put(d, h->unit->text, DOC_PLAIN);
		return;
	}
	size_t at = doc_put(d, sn.text, DOC_PLAIN);
	if (strcmp(d->blocks[blk].text + at, sn.text) == 0)
		for (size_t m = 0; m < sn.marks_count; m++)
			doc_span_add(d, blk, at + sn.marks[m].start, sn.marks[m].len, DOC_MATCH, -1);
	snippet_free(&sn);
}

/* The hit row r of the list stands for. */
static size_t row_hit(const struct search_rows *list, size_t r)
{
	return list && list->rows ? list->rows[r].hit : r;
}

struct doc *page_results(const struct pages *p, const struct search_results *res,
			 const struct search_rows *list, const int *places, size_t rows, int width)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	size_t total = list && list->rows ? list->count : res->count;
	size_t n = rows < total ? rows : total;
	char **where = calloc(n + 1, sizeof(char *));
	if (!where)
		return d;
	int kind_w = kind_column();
	for (size_t i = 0; i < n; i++)
		where[i] = places ? present_place(p->r, places[i], page_glyphs(p))
				  : page_hit_where(p, res->hits[row_hit(list, i)].unit);
	/* the snippet is what is read: the place gets a quarter of the width
	 * (cut with an ellipsis; the preview's header says it whole), whatever
	 * the places shown, so the snippets keep their column as a query is
	 * typed and a row that shows the same hit costs the terminal nothing */
	int where_w = width / 4 > 10 ? width / 4 : 10;
	for (size_t i = 0; i < n; i++) {
		result_row(p, d, res, row_hit(list, i), i, where[i], kind_w, where_w, width);
		if (list && list->rows && list->rows[i].also_count)
			also_line(p, d, res, &list->rows[i], kind_w);
	}
	for (size_t i = 0; i < n; i++)
		free(where[i]);
	free(where);
	return d;
}

/* What may find something when nothing was found, read from the query
 * itself: each line a change that widens it. */
struct doc *page_no_hits(const char *text, const struct query *q)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	doc_begin(d, 1, 1, DOC_BOLD);
	doc_putf(d, DOC_PLAIN, "Nothing matches \"%s\". What may find it:", text);
	size_t words = 0;
	bool phrase = false, regex = false;
	for (size_t i = 0; q && i < q->terms_count; i++) {
		const struct query_term *t = &q->terms[i];
		if (t->negate)
			continue;
		words++;
		phrase |= t->type == TERM_TEXT && strchr(t->text, ' ');
		regex |= t->type == TERM_REGEX;
	}
	if (q && q->case_sensitive)
		doc_line_add(d, "- the query has a capital, so case counts: write it in lower case", DOC_PLAIN, 2, 4);
	if (words > 1)
		doc_line_add(d, "- every word must occur in one place: fewer words", DOC_PLAIN, 2, 4);
	if (phrase)
		doc_line_add(d, "- a \"phrase\" must occur as written: its words without the quotes", DOC_PLAIN, 2, 4);
	if (regex)
		doc_line_add(d, "- a /regex/ is a POSIX extended one: plain words", DOC_PLAIN, 2, 4);
	if (q && (q->kinds || q->area_ix != NO_INDEX || q->stages || q->year_from || q->year_to))
		doc_line_add(d, "- kind:, area:, stage: and year: narrow the search: leave them out", DOC_PLAIN, 2, 4);
	doc_line_add(d, "- part of a word is enough (it is found inside longer words): a shorter "
		     "word, or another spelling", DOC_PLAIN, 2, 4);
	doc_line_add(d, "- the prompt keeps earlier queries: / then Up", DOC_PLAIN, 2, 4);
	return d;
}

void results_title(struct app *a)
{
	struct pane *rp = app_pane(a, PANE_RESULTS);
	if (!a->find.have) {
		pane_set_title(rp, NULL);
		return;
	}
	char title[400];
	size_t n = session_rows(a);
	snprintf(title, sizeof(title), "\"%s\", %zu hit%s", a->find.text, n, n == 1 ? "" : "s");
	pane_set_title(rp, title);
}

/* The list with `rows` rows laid out, for the pane's width. */
static void results_doc(struct app *a, size_t rows)
{
	struct pane *rp = app_pane(a, PANE_RESULTS);
	struct session *f = &a->find;
	f->rows = rows;
	struct doc *d = NULL;
	size_t n = session_rows(a), shown = rows < n ? rows : n;
	int *places = calloc(shown + 1, sizeof(int));
	for (size_t i = 0; places && i < shown; i++)
		places[i] = session_passage(a, i); /* where Enter goes */
	if (f->have && f->results.count)
		d = page_results(&a->pg, &f->results, &f->list, places, rows, pane_cols(rp));
	else if (f->have)
		d = page_no_hits(f->text, f->q_ok ? &f->q : NULL);
	free(places);
	pane_set_doc(rp, d ? d : doc_new());
	rp->unlaid = rp->doc && rows < n ? n - rows : 0;
	results_title(a);
}

/* A one-letter query over a big report has tens of thousands of hits, and
 * laying them all out cost more than the search: the list starts with
 * this many rows and grows as the selection comes near their end. */
#define RESULTS_FIRST_ROWS 100

void results_show(struct app *a)
{
	a->preview = (struct entity_ref){ KIND_COUNT, NO_INDEX };
	results_doc(a, RESULTS_FIRST_ROWS);
	if (!a->find.results.count) /* no hit: no page of an earlier one */
		results_preview_clear(a);
	app_relayout(a); /* as tall as its rows need, the preview the rest */
	app_moved(a, PANE_RESULTS);
}

/* Lay the list out again with `rows` rows (and for the pane's width now),
 * on the same hit and with the same filter. */
static void results_relayout(struct app *a, size_t rows)
{
	struct pane *rp = app_pane(a, PANE_RESULTS);
	struct pane_anchor an;
	pane_anchor_get(rp, &an);
	char *filter = rp->filter ? strdup(rp->filter) : NULL;
	results_doc(a, rows);
	if (filter) {
		char err[256];
		filter_set(a, PANE_RESULTS, filter, err, sizeof(err));
		free(filter);
	}
	pane_anchor_set(rp, &an);
}

void results_all_rows(struct app *a, struct pane *p)
{
	(void)p;
	if (a->find.have && a->find.rows < session_rows(a))
		results_relayout(a, session_rows(a));
}

/* More rows once the selection comes within two screens of their end. */
static void rows_follow(struct app *a, struct pane *rp)
{
	struct session *f = &a->find;
	int item = pane_item(rp);
	size_t margin = 2 * (size_t)(pane_rows(rp) > 0 ? pane_rows(rp) : 1);
	if (f->have && f->rows < session_rows(a) && item >= 0 && (size_t)item + margin >= f->rows)
		results_relayout(a, 2 * f->rows > (size_t)item + margin ? 2 * f->rows
									: (size_t)item + 2 * margin);
}

/* The first line of a doc a search match is marked on, or -1. */
static int first_marked_line(struct doc *d)
{
	for (size_t b = 0; b < d->blocks_count; b++)
		for (size_t s = 0; s < d->blocks[b].spans_count; s++)
			if (d->blocks[b].spans[s].style == DOC_MATCH)
				return (int)doc_line_of(d, (int)b, d->blocks[b].spans[s].start);
	return -1;
}

/* The preview shows what Enter opens: the selected hit's passage (the
 * section it is in, or that tells of its entity), scrolled to its match. */
static void preview_hit(struct app *a, struct pane *rp)
{
	int item = pane_item(rp);
	if (item < 0 || (size_t)item >= session_rows(a))
		return;
	const struct search_hit *h = session_row(a, (size_t)item);
	int sec = session_passage(a, (size_t)item);
	struct entity_ref ref = sec >= 0 ? (struct entity_ref){ KIND_SECTION, sec } : h->unit->ref;
	struct pane *pv = app_pane(a, PANE_PREVIEW);
	if (!entity_ref_same(a->preview, ref) || !pv->doc) {
		a->preview = ref;
		app_set_text_doc(a, PANE_PREVIEW, page_entity(&a->pg, ref));
		char *t = reader_title(&a->pg, ref);
		pane_set_title(pv, t);
		free(t);
	}
	session_mark_pane(a, PANE_PREVIEW);
	size_t base;
	int blk = h->unit->ref.kind == KIND_SECTION ? page_find_unit(pv->doc, h->unit, &base) : -1;
	int line = blk >= 0 ? (int)doc_line_of(pv->doc, blk, base + (h->matches_count ? h->matches[0].start : 0))
			    : first_marked_line(pv->doc);
	pane_goto_line(pv, 0);
	if (line >= 0)
		pane_scroll_to_line(pv, line, pane_rows(pv) / 3);
}

void results_moved(struct app *a, struct pane *p)
{
	rows_follow(a, p);
	if (!a->find.preview_later)
		preview_hit(a, p);
}

void results_preview_clear(struct app *a)
{
	a->preview = (struct entity_ref){ KIND_COUNT, NO_INDEX };
	app_set_text_doc(a, PANE_PREVIEW, doc_new());
	pane_set_title(app_pane(a, PANE_PREVIEW), NULL);
}

void results_open(struct app *a, struct pane *p)
{
	session_open_hit(a, pane_item(p), 0, true);
}

void results_placed(struct app *a, struct pane *p)
{
	if (a->find.have && p->doc && a->find.rows)
		results_relayout(a, a->find.rows); /* new snippets for the new width */
}

size_t results_count(const struct app *a)
{
	return session_rows(a);
}

/* Whether a hit of the search in force is what hit h of the filter finds. */
static bool same_find(const struct corpus_unit *x, const struct corpus_unit *u)
{
	return x == u || (u->ref.kind != KIND_SECTION && entity_ref_same(x->ref, u->ref));
}

void results_keep(const struct app *a, const struct search_hit *h, bool *keep, size_t n)
{
	const struct session *f = &a->find;
	for (size_t i = 0; i < session_rows(a) && i < n; i++) {
		const struct search_row *row = f->list.rows ? &f->list.rows[i] : NULL;
		size_t own = row ? row->hit : i;
		keep[i] |= same_find(f->results.hits[own].unit, h->unit);
		for (size_t k = 0; row && k < row->also_count; k++)
			keep[i] |= same_find(f->results.hits[row->also[k]].unit, h->unit);
	}
}

struct entity_ref results_preview_subject(struct app *a, struct pane *p)
{
	(void)p;
	return a->preview;
}
