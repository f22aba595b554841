/* copy.c - what the copy key copies, and its notice. */
#include "copy.h"
#include "app.h"
#include "panes.h"
#include "quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

char *copy_base64(const char *s, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	char *out = malloc((n + 2) / 3 * 4 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)u[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)u[i + 1] << 8;
		if (i + 2 < n)
			v |= u[i + 2];
		*o++ = digits[(v >> 18) & 63];
		*o++ = digits[(v >> 12) & 63];
		*o++ = i + 1 < n ? digits[(v >> 6) & 63] : '=';
		*o++ = i + 2 < n ? digits[v & 63] : '=';
	}
	*o = '\0';
	return out;
}

char *copy_take(struct copy_state *c)
{
	char *p = c->payload;
	c->payload = NULL;
	return p;
}

void copy_free(struct copy_state *c)
{
	free(copy_take(c));
}

/* ---- what is copied ---- */

static bool is_paragraph(const struct doc *d, int block)
{
	return d && block >= 0 && (size_t)block < d->blocks_count && d->blocks[block].section >= 0 &&
	       d->blocks[block].para >= 0;
}

/* Whether the match n and N went to shows in pane p. */
static bool match_shows(const struct app *a, const struct pane *p)
{
	const struct match_loc *c = &a->find.cur;
	if (!a->find.marking || c->pane != p->id || !p->doc || c->block < 0 ||
	    (size_t)c->block >= p->doc->blocks_count)
		return false;
	int line = (int)doc_line_of(p->doc, c->block, c->start);
	return line >= p->top && line < p->top + pane_rows(p);
}

/* The first paragraph with a line on screen, or -1. */
static int paragraph_at_top(const struct pane *p)
{
	for (int i = 0; p->doc && i < pane_rows(p); i++) {
		size_t line = (size_t)(p->top + i);
		if (!doc_layout_until(p->doc, line))
			break;
		if (is_paragraph(p->doc, p->doc->lines[line].block))
			return p->doc->lines[line].block;
	}
	return -1;
}

/* The sentence at byte `at` of a paragraph block: offsets in the block
 * are the model's while the block holds the model's text. */
static int block_sentence(const struct app *a, const struct doc_block *b, size_t at,
			  struct quote *q)
{
	const struct section *s = report_section_text(a->r, (size_t)b->section);
	if ((unsigned)b->para < s->paragraphs_count && strcmp(s->paragraphs[b->para], b->text) == 0)
		return quote_sentence(a->r, b->section, (unsigned)b->para, at, page_glyphs(&a->pg), q);
	return quote_paragraph(a->r, b->section, (unsigned)b->para, page_glyphs(&a->pg), q);
}

static int text_quote(struct app *a, struct pane *p, struct quote *q)
{
	const struct pane_class *c = pane_class(p->id);
	const struct doc *d = p->doc;
	enum present_glyphs g = page_glyphs(&a->pg);
	int block = -1;
	if (match_shows(a, p)) {
		const struct match_loc *m = &a->find.cur;
		if (is_paragraph(d, m->block))
			return block_sentence(a, &d->blocks[m->block], m->start, q);
	} else if (d && p->link >= 0 && (size_t)p->link < d->links_count &&
		   is_paragraph(d, d->links[p->link].block)) {
		block = d->links[p->link].block;
	} else {
		block = paragraph_at_top(p);
	}
	if (block >= 0)
		return quote_paragraph(a->r, d->blocks[block].section, (unsigned)d->blocks[block].para, g, q);
	struct entity_ref ref = c->subject ? c->subject(a, p) : (struct entity_ref){ KIND_COUNT, NO_INDEX };
	return ref.kind < KIND_COUNT ? quote_entity(a->r, a->mentions, ref, g, q) : 1;
}

/* A hit of the search: the sentence of its first match when it is in a
 * paragraph, else what tells of its entity. */
static int hit_quote(struct app *a, int i, struct quote *q)
{
	enum present_glyphs g = page_glyphs(&a->pg);
	if (i < 0 || (size_t)i >= a->find.results.count)
		return 1;
	const struct search_hit *h = search_hit_at(&a->find.results, (size_t)i);
	const struct corpus_unit *u = h->unit;
	const struct report *r = a->r;
	if (u->ref.kind == KIND_SECTION && strcmp(u->field, "paragraph") == 0 && u->item >= 0 &&
	    (unsigned)u->item < report_section(r, u->ref.index)->paragraphs_count) {
		const char *para = report_section_text(r, (size_t)u->ref.index)->paragraphs[u->item];
		const char *at = strstr(para, u->text);
		size_t off = (at ? (size_t)(at - para) : 0) + (h->matches_count ? h->matches[0].start : 0);
		return quote_sentence(r, u->ref.index, (unsigned)u->item, off, g, q);
	}
	return quote_entity(r, a->mentions, u->ref, g, q);
}

static int list_quote(struct app *a, struct pane *p, struct quote *q)
{
	const struct pane_class *c = pane_class(p->id);
	int item = pane_item(p);
	if (c->hits)
		return hit_quote(a, item, q);
	if (c->kind < KIND_COUNT && item >= 0)
		return quote_entity(a->r, a->mentions, (struct entity_ref){ c->kind, item },
				    page_glyphs(&a->pg), q);
	return 1;
}

/* "a sentence", "a paragraph", "3 paragraphs" */
static void passage_words(const struct quote *q, char *buf, size_t n)
{
	if (q->paragraphs == 0)
		snprintf(buf, n, "a sentence");
	else if (q->paragraphs == 1)
		snprintf(buf, n, "a paragraph");
	else
		snprintf(buf, n, "%u paragraphs", q->paragraphs);
}

/* The passage is there: encode it for the terminal and say what it is. */
static void copied(struct app *a, const struct quote *q)
{
	size_t bytes = strlen(q->text);
	if (bytes > COPY_MAX_BYTES) {
		app_say(a, "Too long to copy: %zu bytes, and terminals take %d at most; nothing copied",
			bytes, COPY_MAX_BYTES);
		return;
	}
	char *b64 = copy_base64(q->text, bytes);
	char *place = present_place(a->r, q->section, page_glyphs(&a->pg));
	if (!b64 || !place) {
		free(b64);
		free(place);
		app_say(a, "out of memory: nothing copied");
		return;
	}
	free(a->copy.payload);
	a->copy.payload = b64;
	char what[32];
	passage_words(q, what, sizeof(what));
	app_say(a, "copied %zu characters, %s of %s", u8_mbsnlen((const uint8_t *)q->text, bytes),
		what, place);
	free(place);
}

void act_copy(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	if (!a->set.clipboard) {
		app_say(a, "Copying is off (clipboard: off in the config)");
		return;
	}
	struct pane *p = app_focused(a);
	struct quote q = { NULL, NO_INDEX, 0 };
	int rc = p->list ? list_quote(a, p, &q) : text_quote(a, p, &q);
	if (rc == 0)
		copied(a, &q);
	else if (rc < 0)
		app_say(a, "out of memory: nothing copied");
	else
		app_say(a, "Nothing to copy here: no paragraph of the report shows in this pane");
	quote_free(&q);
}
