/* pane.c - selection, scrolling and link focus, the same for every pane. */
#include "pane.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pane_init(struct pane *p, enum ui_pane_id id, bool list)
{
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->list = list;
	p->cur = -1;
	p->link = -1;
	p->keep.block = -1;
	p->dirty = true;
}

void pane_free(struct pane *p)
{
	doc_free(p->doc);
	doc_free(p->head);
	free(p->title);
	free(p->filter);
	p->doc = p->head = NULL;
	p->title = p->filter = NULL;
}

static int head_lines(const struct pane *p)
{
	return p->head ? (int)p->head->lines_count : 0;
}

int pane_text_y(const struct pane *p)
{
	return (p->bare ? 0 : 1) + head_lines(p);
}

int pane_rows(const struct pane *p)
{
	int n = p->r.h - pane_text_y(p);
	return n > 0 ? n : 0;
}

int pane_cols(const struct pane *p)
{
	int w = p->r.w - (p->list ? 1 : 0); /* a list keeps a column for its '>' */
	if (w < 1)
		return 0; /* not placed: nothing is laid out until it is */
	return p->wrap_cap > 0 && w > p->wrap_cap ? p->wrap_cap : w;
}

/* Lay the doc and head out for the pane's width, when it has one: the
 * doc's lines as they are asked for (a list of thousands of rows shows a
 * screenful of them), the head's at once. */
static void lay_out(struct pane *p)
{
	int w = pane_cols(p);
	if (p->doc && w > 0)
		doc_layout_lazy(p->doc, w);
	if (p->head && w > 0)
		doc_layout(p->head, w);
}

/* All the doc's lines: it is laid out to its end. */
static int nlines(const struct pane *p)
{
	return p->doc ? (int)doc_lines(p->doc) : 0;
}

/* Whether the doc has line `line`, laid out as far as that. */
static bool has_line(const struct pane *p, long line)
{
	return p->doc && line >= 0 && doc_layout_until(p->doc, (size_t)line);
}

/* The last top line: the text's last page - or, for a pane with no room
 * for a row (not placed, on a screen too small), its last line, never past
 * it (found by the input fuzzer: top was the line after the book's last). */
static int max_top(const struct pane *p)
{
	int rows = pane_rows(p);
	int m = nlines(p) - (rows > 0 ? rows : 1);
	return m > 0 ? m : 0;
}

/* top in [0, max_top]. Past max_top exactly when the last row would have
 * no line: the doc is laid out as far as the screen's last row, not to
 * its end. */
static void clamp_top(struct pane *p)
{
	int rows = pane_rows(p);
	if (p->top > 0 && !has_line(p, (long)p->top + (rows > 0 ? rows : 1) - 1))
		p->top = max_top(p);
	if (p->top < 0)
		p->top = 0;
}

/* A list's row is selected at its first line (a row may wrap). */
static bool selectable(const struct pane *p, int line)
{
	if (!has_line(p, line))
		return false;
	const struct doc_line *l = &p->doc->lines[line];
	return p->doc->blocks[l->block].item >= 0 && (line == 0 || l[-1].block != l->block);
}

/* The first and the last line of the row `line` is on. */
static int row_start(const struct pane *p, int line)
{
	while (line > 0 && has_line(p, line) && p->doc->lines[line - 1].block == p->doc->lines[line].block)
		line--;
	return line;
}

static int row_end(const struct pane *p, int line)
{
	while (line >= 0 && has_line(p, line + 1) && p->doc->lines[line + 1].block == p->doc->lines[line].block)
		line++;
	return line;
}

bool pane_row_selected(const struct pane *p, int line)
{
	return p->list && p->cur >= 0 && line >= p->cur && line <= row_end(p, p->cur);
}

static int line_row(const struct pane *p, int line)
{
	return line - p->top;
}

static bool visible(const struct pane *p, int line)
{
	int row = line_row(p, line);
	return row >= 0 && row < pane_rows(p);
}

/* Keep top in range and, in a list, the selection on screen (with the band
 * heading above it when there is one). */
static void settle(struct pane *p)
{
	int rows = pane_rows(p);
	if (p->list && p->cur >= 0 && rows > 0) {
		int end = row_end(p, p->cur); /* the whole row shows when it can */
		if (end >= p->top + rows)
			p->top = end - rows + 1;
		if (p->cur < p->top)
			p->top = p->cur > 0 && !selectable(p, row_start(p, p->cur - 1)) && rows > end - p->cur + 1
				 ? row_start(p, p->cur - 1) : p->cur;
	}
	clamp_top(p);
	if (!p->list && p->link >= 0 &&
	    (p->link >= (int)p->doc->links_count || !visible(p, (int)doc_link_line(p->doc, p->link))))
		p->link = -1;
}

static int first_selectable(const struct pane *p, int from, int dir)
{
	for (int l = from; has_line(p, l); l += dir)
		if (selectable(p, l))
			return l;
	return -1;
}

void pane_set_doc(struct pane *p, struct doc *d)
{
	doc_free(p->doc);
	free(p->filter);
	p->filter = NULL;
	p->doc = d;
	lay_out(p);
	p->top = 0;
	p->link = -1;
	p->keep.block = -1;
	p->cur = p->list ? first_selectable(p, 0, 1) : -1;
	settle(p);
	p->dirty = true;
}

void pane_set_head(struct pane *p, struct doc *d)
{
	doc_free(p->head);
	p->head = d;
	/* the head alone: laying the doc out again for every new head (the
	 * timeline's axis follows its selection) grew with the content; a
	 * doc not fitted to the width yet is by pane_fit */
	int w = pane_cols(p);
	if (p->head && w > 0)
		doc_layout(p->head, w);
	settle(p);
	p->dirty = true;
}

void pane_set_title(struct pane *p, const char *title)
{
	free(p->title);
	p->title = title ? strdup(title) : NULL;
	p->dirty = true;
}

void pane_anchor_get(const struct pane *p, struct pane_anchor *a)
{
	memset(a, 0, sizeof(*a));
	a->block = -1;
	a->link = p->link;
	a->cur_item = -1;
	a->cur_line = p->cur;
	if (has_line(p, p->top)) {
		a->block = p->doc->lines[p->top].block;
		a->off = p->doc->lines[p->top].start;
		if (p->keep.block >= 0 && p->keep.top == p->top) {
			a->block = p->keep.block;
			a->off = p->keep.off;
		}
	}
	if (p->list && has_line(p, p->cur))
		a->cur_item = pane_item(p);
}

void pane_anchor_set(struct pane *p, const struct pane_anchor *a)
{
	if (!p->doc)
		return;
	p->top = a->block >= 0 ? (int)doc_line_of(p->doc, a->block, a->off) : 0;
	if (p->list) {
		int cur = a->cur_line;
		if (a->cur_item >= 0) {
			for (int l = 0; has_line(p, l); l++)
				if (selectable(p, l) && p->doc->blocks[p->doc->lines[l].block].item == a->cur_item) {
					cur = l;
					break;
				}
		}
		if (!selectable(p, cur))
			cur = first_selectable(p, cur < 0 ? 0 : cur, 1);
		if (cur < 0)
			cur = first_selectable(p, nlines(p) - 1, -1);
		p->cur = cur;
	}
	/* the anchor's top wins over the selection's, unless the selection
	 * would be off screen */
	p->link = a->link >= 0 && (size_t)a->link < p->doc->links_count ? a->link : -1;
	if (!p->list && p->link >= 0 && !visible(p, (int)doc_link_line(p->doc, p->link)))
		p->top = (int)doc_link_line(p->doc, p->link);
	settle(p);
	p->keep.block = a->block;
	p->keep.off = a->off;
	p->keep.top = p->top;
	if (a->block < 0 || p->top != (int)doc_line_of(p->doc, a->block, a->off))
		p->keep.block = -1; /* settled elsewhere: the top line is the anchor */
	p->dirty = true;
}

int pane_filter(struct pane *p, const bool *keep, size_t n, const char *label)
{
	if (!p->doc)
		return 0;
	struct pane_anchor a;
	pane_anchor_get(p, &a);
	struct doc *d = p->doc;
	doc_complete(d); /* the filter is on every row */
	int shown = 0;
	/* backwards, so a heading knows whether a row under it stays */
	bool below = false;
	for (size_t i = d->blocks_count; i-- > 0;) {
		struct doc_block *b = &d->blocks[i];
		if (b->item >= 0) {
			b->hidden = keep && !((size_t)b->item < n && keep[b->item]);
			below |= !b->hidden;
			shown += !b->hidden;
		} else if (!b->sub) {
			b->hidden = keep && !below;
			below = false;
		}
	}
	/* a row's second line goes with it */
	for (size_t i = 1; i < d->blocks_count; i++)
		if (d->blocks[i].sub)
			d->blocks[i].hidden = d->blocks[i - 1].hidden;
	free(p->filter);
	p->filter = keep && label ? strdup(label) : NULL;
	lay_out(p);
	pane_anchor_set(p, &a);
	if (p->list && !selectable(p, p->cur))
		p->cur = first_selectable(p, 0, 1);
	settle(p);
	p->dirty = true;
	return shown;
}

void pane_place(struct pane *p, struct rect r)
{
	p->r = r;
	p->dirty = true;
}

bool pane_fitted(const struct pane *p)
{
	int w = pane_cols(p);
	return w == 0 || ((!p->doc || p->doc->width == w) && (!p->head || p->head->width == w));
}

void pane_fit(struct pane *p)
{
	if (pane_fitted(p)) {
		settle(p); /* the height may have changed */
		return;
	}
	/* the anchor is read from the lines of the old width */
	struct pane_anchor a;
	pane_anchor_get(p, &a);
	lay_out(p);
	pane_anchor_set(p, &a);
}

bool pane_move(struct pane *p, int delta)
{
	int top = p->top, cur = p->cur, link = p->link;
	if (p->list) {
		int dir = delta < 0 ? -1 : 1;
		for (int n = abs(delta); n > 0; n--) {
			int next = first_selectable(p, p->cur + dir, dir);
			if (next < 0)
				break;
			p->cur = next;
		}
	} else {
		p->top += delta;
	}
	settle(p);
	bool changed = top != p->top || cur != p->cur || link != p->link;
	p->dirty |= changed;
	return changed;
}

bool pane_page(struct pane *p, int delta_rows)
{
	int top = p->top, cur = p->cur;
	if (!p->list)
		return pane_move(p, delta_rows);
	if (p->cur < 0)
		return false;
	int want = p->cur + delta_rows;
	if (want < 0)
		want = 0;
	if (!has_line(p, want))
		want = nlines(p) - 1;
	int dir = delta_rows < 0 ? -1 : 1;
	int next = first_selectable(p, want, dir);
	if (next < 0)
		next = first_selectable(p, want, -dir);
	if (next >= 0)
		p->cur = next;
	p->top += delta_rows;
	settle(p);
	bool changed = top != p->top || cur != p->cur;
	p->dirty |= changed;
	return changed;
}

static int items_count(const struct pane *p)
{
	int n = 0;
	for (int l = 0; l < nlines(p); l++)
		n += selectable(p, l);
	return n;
}

/* The line of the n-th (0-based) selectable row; the last if n is past
 * the end or negative. */
static int nth_selectable(const struct pane *p, long n)
{
	int last = -1;
	long k = 0;
	for (int l = 0; has_line(p, l); l++) {
		if (!selectable(p, l))
			continue;
		if (k++ == n)
			return l;
		last = l;
	}
	return last;
}

bool pane_goto_line(struct pane *p, long line)
{
	int top = p->top, cur = p->cur;
	if (p->list) {
		int l = nth_selectable(p, line);
		if (l >= 0)
			p->cur = l;
	} else {
		p->top = line < 0 || line > INT_MAX ? max_top(p) : (int)line; /* settle keeps it in range */
		p->link = -1;
	}
	settle(p);
	bool changed = top != p->top || cur != p->cur;
	p->dirty |= changed;
	return changed;
}

bool pane_goto_percent(struct pane *p, long percent)
{
	if (percent < 0)
		percent = 0;
	if (percent > 100)
		percent = 100;
	if (p->list) {
		int n = items_count(p);
		return n > 0 && pane_goto_line(p, (long)(percent * (n - 1) / 100));
	}
	if (p->doc && p->doc->parts) /* counted in parts, as pane_position says */
		return pane_goto_line(p, percent == 100 ? -1 : (long)doc_part_line(p->doc, percent));
	return pane_goto_line(p, percent * nlines(p) / 100);
}

bool pane_select_item(struct pane *p, int item)
{
	for (int l = 0; has_line(p, l); l++)
		if (selectable(p, l) && p->doc->blocks[p->doc->lines[l].block].item == item)
			return pane_select_line(p, l);
	return false;
}

bool pane_select_line(struct pane *p, int line)
{
	int top = p->top, cur = p->cur;
	line = row_start(p, line);
	int l = first_selectable(p, line, 1);
	if (l < 0)
		l = first_selectable(p, line, -1);
	if (l < 0)
		return false;
	p->cur = l;
	settle(p);
	bool changed = top != p->top || cur != p->cur;
	p->dirty |= changed;
	return changed;
}

bool pane_scroll_to_line(struct pane *p, int line, int context)
{
	int top = p->top;
	if (!visible(p, line) || line - p->top < context) {
		p->top = line - context;
		settle(p);
	}
	p->dirty |= top != p->top;
	return top != p->top;
}

/* The link to focus next (dir +1/-1) among the links made so far, or -1. */
static int next_link(const struct pane *p, int dir)
{
	int n = (int)p->doc->links_count;
	if (p->link >= 0)
		return p->link + dir >= 0 && p->link + dir < n ? p->link + dir : -1;
	/* start from what is on screen */
	if (dir > 0) {
		for (int i = 0; i < n; i++)
			if ((int)doc_link_line(p->doc, i) >= p->top)
				return i;
	} else {
		for (int i = n - 1; i >= 0; i--)
			if ((int)doc_link_line(p->doc, i) < p->top + pane_rows(p))
				return i;
	}
	return -1;
}

bool pane_link_step(struct pane *p, int dir)
{
	if (p->list || !p->doc)
		return false;
	int next = next_link(p, dir);
	/* forward, a doc built as it is read is made as far as the next link */
	while (next < 0 && dir > 0 && doc_more(p->doc))
		next = next_link(p, dir);
	if (next < 0)
		return false;
	p->link = next;
	int line = (int)doc_link_line(p->doc, next);
	if (!visible(p, line)) {
		int rows = pane_rows(p);
		p->top = dir > 0 ? line - rows + 1 + rows / 3 : line - rows / 3;
		clamp_top(p);
	}
	p->dirty = true;
	return true;
}

int pane_item(const struct pane *p)
{
	if (!p->list || !selectable(p, p->cur))
		return -1;
	return p->doc->blocks[p->doc->lines[p->cur].block].item;
}

void pane_position(const struct pane *p, char *buf, size_t n)
{
	if (p->list) {
		/* a selectable row is a shown block's first line: counted on
		 * the blocks, the doc need not be laid out to its end */
		int k = 0, total = 0, cur = has_line(p, p->cur) ? p->doc->lines[p->cur].block : -1;
		for (size_t b = 0; p->doc && p->doc->width > 0 && b < p->doc->blocks_count; b++) {
			if (p->doc->blocks[b].hidden || p->doc->blocks[b].item < 0)
				continue;
			total++;
			if ((int)b <= cur)
				k++;
		}
		snprintf(buf, n, "%d/%zu", k, (size_t)total + p->unlaid +
			 (p->doc && p->doc->width > 0 ? p->doc->more_items : 0));
		return;
	}
	int rows = pane_rows(p);
	if (!has_line(p, rows)) {
		snprintf(buf, n, "All");
		return;
	}
	if (p->doc->parts) { /* a text made as it is read: how far through its parts */
		snprintf(buf, n, "%d%%", doc_part_percent(p->doc, (size_t)p->top + (size_t)(rows > 0 ? rows - 1 : 0)));
		return;
	}
	int lines = nlines(p);
	int seen = p->top + rows;
	if (seen > lines)
		seen = lines;
	snprintf(buf, n, "%d%%", (int)((long)seen * 100 / lines));
}

int pane_cursor_row(const struct pane *p)
{
	int base = pane_text_y(p);
	if (p->list && p->cur >= 0 && visible(p, p->cur))
		return base + line_row(p, p->cur);
	if (!p->list && p->link >= 0) {
		int line = (int)doc_link_line(p->doc, p->link);
		if (visible(p, line))
			return base + line_row(p, line);
	}
	return base;
}
