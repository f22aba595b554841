/* pages.c - the reader's page of any entity, rendered from the page the
 * presenter (src/present.c) makes of it - the same page `temm show` and
 * JSON write - and the pieces other pages share. */
#include "pages.h"
#include "present.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- prose with links ---- */

/* A paragraph of the report: its italics and the names in it as links. */
void page_prose(const struct pages *p, struct doc *d, const char *text, int section, int para,
		  struct entity_ref self, int indent)
{
	int blk = doc_begin(d, indent, indent, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].section = section;
	d->blocks[blk].para = para;
	doc_put(d, text, DOC_PLAIN);
	const char *t = d->blocks[blk].text;
	bool verbatim = strcmp(t, text) == 0; /* offsets hold only if unchanged */
	if (verbatim && section >= 0 && para >= 0) {
		const struct section *s = report_section_text(p->r, (size_t)section);
		for (unsigned i = 0; i < s->emphasis_count; i++)
			if (s->emphasis[i].paragraph == (unsigned)para && s->emphasis[i].end > s->emphasis[i].start)
				doc_span_add(d, blk, s->emphasis[i].start,
					     s->emphasis[i].end - s->emphasis[i].start, DOC_EMPH, -1);
	}
	if (!p->m)
		return;
	struct mention *mv;
	long n = mentions_find(p->m, t, self, &mv);
	for (long i = 0; i < n; i++)
		doc_link_add(d, blk, mv[i].start, mv[i].len, mv[i].ref);
	free(mv);
}

static void blank(struct doc *d)
{
	doc_line_add(d, "", DOC_PLAIN, 0, 0);
}

void page_heading(struct doc *d, const char *text)
{
	blank(d);
	doc_line_add(d, text, DOC_BOLD, 0, 0);
}

enum present_glyphs page_glyphs(const struct pages *p)
{
	return p->ascii ? PRESENT_ASCII : PRESENT_UTF8;
}

static unsigned tone_style(enum present_tone t)
{
	return t == PRESENT_QUIET ? DOC_DIM : t == PRESENT_STRONG ? DOC_BOLD : DOC_PLAIN;
}

void page_put_line(struct doc *d, const struct present_line *l, unsigned style)
{
	for (size_t i = 0; i < l->runs_count; i++) {
		const struct present_run *r = &l->runs[i];
		if (r->link.kind < KIND_COUNT)
			doc_put_link(d, r->text, r->link);
		else
			doc_put(d, r->text, tone_style(r->tone) | style);
	}
}

/* A list row: its tag padded to the block's tag column, its line, and the
 * lines under it indented below the line. */
static void put_item(struct doc *d, const struct present_block *b, const struct present_item *it)
{
	int col = 2 + b->tag_cols + (b->tag_cols ? 1 : 0);
	doc_begin(d, 2, col, DOC_PLAIN);
	if (b->tag_cols) {
		const char *tag = it->tag ? it->tag : "";
		int pad = b->tag_cols - text_width(tag, strlen(tag));
		doc_putf(d, DOC_DIM, "%s%*s ", tag, pad > 0 ? pad : 0, "");
	}
	page_put_line(d, &it->line, 0);
	for (size_t k = 0; k < it->more_count; k++) {
		doc_begin(d, col + 2, col + 4, DOC_PLAIN);
		page_put_line(d, &it->more[k], 0);
	}
}

static void put_block(const struct pages *p, struct doc *d, const struct present_page *page,
		      const struct present_block *b)
{
	if (b->heading)
		page_heading(d, b->heading);
	else
		blank(d);
	if (b->type == PRESENT_PROSE) {
		const struct section *s = report_section_text(p->r, (size_t)b->section);
		for (unsigned i = b->first; i < b->end && i < s->paragraphs_count; i++) {
			if (i > b->first)
				blank(d);
			page_prose(p, d, s->paragraphs[i], b->section, (int)i, page->ref, 0);
		}
		return;
	}
	for (size_t i = 0; i < b->items_count; i++)
		put_item(d, b, &b->items[i]);
}

/* ---- a page whose long list is made as it is read ---- */

/* Rows of the list made whenever the layout runs out of them: a few, as
 * the browser's lists do (lists.c). */
#define PAGE_ROWS_STEP 8

struct page_rest {
	const struct pages *p;
	struct present_page *page; /* NULL once whole and in the doc */
	int block;                 /* the list's block */
	size_t shown;              /* its rows in the doc */
};

static void page_rest_free(void *state)
{
	struct page_rest *s = state;
	if (s)
		present_page_free(s->page);
	free(s);
}

/* The list's next rows; after its last, the blocks that follow it. */
static size_t page_more(struct doc *d)
{
	struct page_rest *s = d->more_state;
	if (!s->page)
		return 0;
	int rc = present_page_more(s->page, PAGE_ROWS_STEP);
	const struct present_block *b = &s->page->blocks[s->block];
	for (; s->shown < b->items_count; s->shown++)
		put_item(d, b, &b->items[s->shown]);
	if (rc > 0)
		return 1;
	d->failed |= rc < 0;
	for (size_t k = (size_t)s->block + 1; k < s->page->blocks_count; k++)
		if (!present_block_empty(&s->page->blocks[k]))
			put_block(s->p, d, s->page, &s->page->blocks[k]);
	present_page_free(s->page);
	s->page = NULL;
	return 0;
}

/* The doc gets the rest of the page as it is laid out; out of memory for
 * that, all of it now. Takes the page. */
static void rows_as_read(const struct pages *p, struct doc *d, struct present_page *page)
{
	struct page_rest *s = malloc(sizeof(*s));
	if (!s) {
		struct page_rest now = { p, page, page->filling, 0 };
		d->more_state = &now;
		while (page_more(d))
			;
		d->more_state = NULL;
		present_page_free(now.page);
		return;
	}
	*s = (struct page_rest){ p, page, page->filling, 0 };
	d->more = page_more;
	d->more_state = s;
	d->more_free = page_rest_free;
	d->more_items = 1;
}

struct doc *page_entity(const struct pages *p, struct entity_ref ref)
{
	struct doc *d = doc_new();
	if (!d || ref.index < 0 || (size_t)ref.index >= report_count(p->r, ref.kind))
		return d;
	struct present_page *page = present_page_begin(p->r, ref, page_glyphs(p), p->m);
	if (!page) {
		d->failed = true;
		return d;
	}
	doc_begin(d, 0, 0, DOC_DIM);
	page_put_line(d, &page->kind.value, 0);
	doc_line_add(d, page->title, DOC_HEADING, 0, 0);
	blank(d);
	for (size_t i = 0; i < page->fields_count; i++) {
		const struct present_field *f = &page->fields[i];
		if (!f->value.runs_count)
			continue;
		doc_begin(d, 0, 2, DOC_PLAIN);
		doc_putf(d, DOC_DIM, "%s: ", f->label);
		page_put_line(d, &f->value, 0);
	}
	for (size_t i = 0; i < page->blocks_count; i++)
		if ((int)i == page->filling || !present_block_empty(&page->blocks[i]))
			put_block(p, d, page, &page->blocks[i]);
	if (page->filling >= 0)
		rows_as_read(p, d, page);
	else
		present_page_free(page);
	return d;
}

int page_find_unit(const struct doc *d, const struct corpus_unit *u, size_t *base)
{
	*base = 0;
	if (!d || !u->text || !*u->text)
		return -1;
	bool para = u->ref.kind == KIND_SECTION && strcmp(u->field, "paragraph") == 0;
	for (size_t i = 0; para && i < d->blocks_count; i++) {
		const struct doc_block *b = &d->blocks[i];
		if (b->section == u->ref.index && b->para == u->item) {
			const char *at = strstr(b->text, u->text);
			if (!at)
				break;
			*base = (size_t)(at - b->text);
			return (int)i;
		}
	}
	/* a section's title: its own heading first (the book has every title) */
	for (size_t i = 0; u->ref.kind == KIND_SECTION && !para && i < d->blocks_count; i++)
		if (d->blocks[i].section == u->ref.index && d->blocks[i].para < 0 &&
		    strcmp(d->blocks[i].text, u->text) == 0)
			return (int)i;
	for (size_t i = 0; i < d->blocks_count; i++)
		if (strcmp(d->blocks[i].text, u->text) == 0)
			return (int)i;
	for (size_t i = 0; i < d->blocks_count; i++) {
		const char *at = strstr(d->blocks[i].text, u->text);
		if (at) {
			*base = (size_t)(at - d->blocks[i].text);
			return (int)i;
		}
	}
	return -1;
}

