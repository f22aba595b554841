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

static void result_row(const struct pages *p, struct doc *d, const struct search_results *res, size_t i,
		       const char *where, int kind_w, int where_w, int width)
{
	const struct search_hit *h = &res->hits[i];
	int blk = doc_begin(d, 0, 0, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	d->blocks[blk].item = (int)i;
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

struct doc *page_results(const struct pages *p, const struct search_results *res, size_t rows,
			 int width)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	size_t n = rows < res->count ? rows : res->count;
	char **where = calloc(n + 1, sizeof(char *));
	if (!where)
		return d;
	int where_w = 0, kind_w = kind_column();
	for (size_t i = 0; i < n; i++) {
		where[i] = page_hit_where(p, res->hits[i].unit);
		int w = where[i] ? text_width(where[i], strlen(where[i])) : 0;
		if (w > where_w)
			where_w = w;
	}
	/* where gets what a readable snippet leaves */
	int cap = width - kind_w - 2 - 36;
	if (where_w > cap)
		where_w = cap > 10 ? cap : 10;
	for (size_t i = 0; i < n; i++)
		result_row(p, d, res, i, where[i], kind_w, where_w, width);
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
	size_t n = a->find.results.count;
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
	if (f->have && f->results.count)
		d = page_results(&a->pg, &f->results, rows, pane_cols(rp));
	else if (f->have)
		d = page_no_hits(f->text, f->q_ok ? &f->q : NULL);
	pane_set_doc(rp, d ? d : doc_new());
	size_t n = f->have ? f->results.count : 0;
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
	if (!a->find.results.count) { /* no hit: no page of an earlier one */
		app_set_text_doc(a, PANE_PREVIEW, doc_new());
		pane_set_title(app_pane(a, PANE_PREVIEW), NULL);
	}
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
	if (a->find.have && a->find.rows < a->find.results.count)
		results_relayout(a, a->find.results.count);
}

/* More rows once the selection comes within two screens of their end. */
static void rows_follow(struct app *a, struct pane *rp)
{
	struct session *f = &a->find;
	int item = pane_item(rp);
	size_t margin = 2 * (size_t)(pane_rows(rp) > 0 ? pane_rows(rp) : 1);
	if (f->have && f->rows < f->results.count && item >= 0 && (size_t)item + margin >= f->rows)
		results_relayout(a, 2 * f->rows > (size_t)item + margin ? 2 * f->rows
									: (size_t)item + 2 * margin);
}

/* The preview shows the selected hit's page, scrolled to its first match. */
static void preview_hit(struct app *a, struct pane *rp)
{
	int item = pane_item(rp);
	if (item < 0 || (size_t)item >= a->find.results.count)
		return;
	const struct search_hit *h = search_hit_at(&a->find.results, (size_t)item);
	struct pane *pv = app_pane(a, PANE_PREVIEW);
	if (!entity_ref_same(a->preview, h->unit->ref) || !pv->doc) {
		a->preview = h->unit->ref;
		app_set_text_doc(a, PANE_PREVIEW, page_entity(&a->pg, h->unit->ref));
		char *t = reader_title(&a->pg, h->unit->ref);
		pane_set_title(pv, t);
		free(t);
	}
	session_mark_pane(a, PANE_PREVIEW);
	size_t base;
	int blk = page_find_unit(pv->doc, h->unit, &base);
	if (blk < 0)
		return;
	int line = (int)doc_line_of(pv->doc, blk, base + (h->matches_count ? h->matches[0].start : 0));
	pane_goto_line(pv, 0);
	pane_scroll_to_line(pv, line, pane_rows(pv) / 3);
}

void results_moved(struct app *a, struct pane *p)
{
	rows_follow(a, p);
	preview_hit(a, p);
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
	return a->find.have ? a->find.results.count : 0;
}

void results_keep(const struct app *a, const struct search_hit *h, bool *keep, size_t n)
{
	const struct corpus_unit *u = h->unit;
	for (size_t i = 0; i < a->find.results.count && i < n; i++) {
		const struct corpus_unit *x = a->find.results.hits[i].unit;
		if (x == u || (u->ref.kind != KIND_SECTION && entity_ref_same(x->ref, u->ref)))
			keep[i] = true;
	}
}
