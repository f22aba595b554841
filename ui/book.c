/* book.c - the book and its contents. The book is most of what start-up
 * would build and many sessions never open it: it is built the first time
 * it is asked for (its class is lazy). */
#include "book.h"
#include "app.h"
#include "lists.h"

#include <stdlib.h>
#include <string.h>

/* A section's row: indented by depth; a heading that does not fit goes on
 * under its words, past its number. */
static void outline_row(struct doc *d, const struct pages *p, size_t i)
{
	const struct section *s = report_section(p->r, i);
	int indent = 2 * (int)s->depth;
	const char *space = strchr(s->title, ' ');
	int number = space && space - s->title < 8 ? (int)(space - s->title) + 1 : 0;
	int blk = doc_begin(d, indent, indent + number, s->depth == 0 ? DOC_BOLD : DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].item = (int)i;
	d->blocks[blk].section = (int)i;
	doc_put(d, s->title, DOC_PLAIN);
}

/* Made as it is read, as the book is: the rows shown and those up to the
 * section the book is reading. */
struct doc *page_outline(const struct pages *p)
{
	return lists_rows_as_read(p, p->r->sections_count, outline_row);
}

/* A block of the book that belongs to section `s`. */
static int book_line(struct doc *d, const char *text, unsigned style, int s)
{
	int b = doc_line_add(d, text, style, 0, 0);
	if (b >= 0)
		d->blocks[b].section = s;
	return b;
}

/* The book is made as it is read, a section at a time: opening it, paging
 * and searching in it cost what is shown, not the whole report. */
struct book_rows {
	const struct pages *p;
	size_t next;
};

static void book_section_blocks(const struct pages *p, struct doc *d, size_t i)
{
	const struct section *s = report_section_text(p->r, i);
	struct entity_ref none = { KIND_COUNT, NO_INDEX };
	book_line(d, "", DOC_PLAIN, (int)i);
	book_line(d, s->title, s->depth == 0 ? DOC_HEADING : DOC_BOLD, (int)i);
	for (unsigned k = 0; k < s->paragraphs_count; k++) {
		book_line(d, "", DOC_PLAIN, (int)i);
		page_prose(p, d, s->paragraphs[k], (int)i, (int)k, none, 0);
	}
}

static size_t book_more(struct doc *d)
{
	struct book_rows *b = d->more_state;
	size_t n = b->p->r->sections_count;
	if (b->next < n && !d->failed)
		book_section_blocks(b->p, d, b->next++);
	return d->failed ? 0 : n - b->next;
}

struct doc *page_book(const struct pages *p)
{
	const struct report *r = p->r;
	struct doc *d = doc_new();
	struct book_rows *b = malloc(sizeof(*b));
	if (!d || !b) {
		free(b);
		doc_free(d);
		return NULL;
	}
	doc_line_add(d, r->title, DOC_HEADING, 0, 0);
	*b = (struct book_rows){ p, 0 };
	d->more = book_more;
	d->more_state = b;
	d->more_items = d->parts = r->sections_count;
	return d;
}

struct doc *book_build(struct app *a)
{
	return page_book(&a->pg);
}

struct doc *book_outline(struct app *a)
{
	return page_outline(&a->pg);
}

int book_section(struct app *a)
{
	if (!app_pane_built(a, PANE_BOOK))
		return 0;
	struct pane *b = app_pane(a, PANE_BOOK);
	if (!b->doc || !doc_layout_until(b->doc, (size_t)b->top))
		return 0;
	int blk = b->doc->lines[b->top].block;
	for (int i = blk; i >= 0; i--)
		if (b->doc->blocks[i].section >= 0)
			return b->doc->blocks[i].section;
	return 0;
}

/* The book's header names the section it is reading. */
static void book_title(struct app *a)
{
	if (!app_pane_built(a, PANE_BOOK))
		return; /* set when the book is built */
	int s = book_section(a);
	/* the place as everywhere: "2.1 › 2) DSS Prevention" */
	char *place = s < (int)a->r->sections_count ? present_place(a->r, s, page_glyphs(&a->pg)) : NULL;
	pane_set_title(app_pane(a, PANE_BOOK), place);
	free(place);
}

static int heading_block(struct doc *d, int section)
{
	doc_build_part(d, section);
	for (size_t i = d->blocks_count; i-- > 0;)
		if (d->blocks[i].section == section && d->blocks[i].len > 0 && d->blocks[i].para < 0)
			return (int)i;
	return -1;
}

void book_goto_section(struct app *a, int section)
{
	struct pane *b = app_pane(a, PANE_BOOK);
	int blk = b->doc ? heading_block(b->doc, section) : -1;
	if (blk < 0)
		return;
	pane_goto_line(b, (long)doc_line_of(b->doc, blk, 0));
	book_title(a);
	pane_select_item(app_pane(a, PANE_OUTLINE), section);
}

void book_show(struct app *a, struct entity_ref ref)
{
	book_goto_section(a, ref.index);
}

bool book_showing(const struct app *a, struct entity_ref ref)
{
	(void)a;
	(void)ref;
	return true;
}

void book_moved(struct app *a, struct pane *p)
{
	(void)p;
	/* the contents follow the reading position */
	pane_select_item(app_pane(a, PANE_OUTLINE), book_section(a));
	book_title(a);
}

void book_placed(struct app *a, struct pane *p)
{
	book_moved(a, p);
}

void book_outline_moved(struct app *a, struct pane *p)
{
	int item = pane_item(p);
	if (item >= 0 && item != book_section(a))
		book_goto_section(a, item);
}

void book_outline_open(struct app *a, struct pane *p)
{
	(void)p;
	app_set_focus(a, PANE_BOOK);
}

void book_sibling(struct app *a, struct pane *p, int dir)
{
	int s = p->list && pane_item(p) >= 0 ? pane_item(p) : book_section(a);
	int depth = report_section(a->r, s)->depth, parent = report_section(a->r, s)->parent_ix;
	for (int i = s + dir; i >= 0 && i < (int)a->r->sections_count; i += dir) {
		const struct section *x = report_section(a->r, i);
		if (x->depth < depth)
			break;
		if (x->depth == depth && x->parent_ix == parent) {
			book_goto_section(a, i);
			return;
		}
	}
	app_say(a, "no %s section at this level", dir > 0 ? "next" : "previous");
}

void book_parent(struct app *a, struct pane *p)
{
	(void)p;
	int s = book_section(a);
	int up = report_section(a->r, s)->parent_ix;
	if (up < 0) {
		app_say(a, "%s is at the top level", report_section(a->r, s)->title);
		return;
	}
	book_goto_section(a, up);
}

/* The section the book is reading. */
struct entity_ref book_subject(struct app *a, struct pane *p)
{
	(void)p;
	return (struct entity_ref){ KIND_SECTION, book_section(a) };
}

size_t book_sections_count(const struct app *a)
{
	return a->r->sections_count;
}

void book_keep_section(const struct app *a, const struct search_hit *h, bool *keep, size_t n)
{
	for (int s = h->unit->section_ix; s >= 0 && (size_t)s < n; s = report_section(a->r, s)->parent_ix)
		keep[s] = true;
}
