/* pages.h - the reader's page for any entity, from the presenter, and
 * the pieces the other pages share (labels, headings, prose with its
 * italics and the names in it as links). Curses-free, so tests can read
 * them. Each screen family builds its own rows (ui/lists.c, timeline.c,
 * book.c, results.c, help.c). */
#ifndef TEMM_PAGES_H
#define TEMM_PAGES_H

#include <stdbool.h>

#include "corpus.h"
#include "doc.h"
#include "keys.h"
#include "mentions.h"
#include "model.h"
#include "present.h"

struct pages {
	const struct report *r;
	const struct mentions *m; /* may be NULL: no links in prose */
	bool ascii;               /* no box drawing, no arrows */
	const struct keymap *keys; /* may be NULL: help shows the default keys */
};

/* The reader's page for an entity (a section shows its text). */
struct doc *page_entity(const struct pages *p, struct entity_ref ref);

/* The block of a page that shows a search unit's text, and in *base where
 * the unit's text starts in it, so the unit's match offsets can be found
 * on the page: a section's paragraph by its place, else the first block
 * that holds the text. -1 if the page does not show it (an alias). */
int page_find_unit(const struct doc *d, const struct corpus_unit *u, size_t *base);

/* A paragraph of the report as a block: its italics and the names in it
 * as links (none to `self`). */
void page_prose(const struct pages *p, struct doc *d, const char *text, int section, int para,
		struct entity_ref self, int indent);
/* A line of the presenter's at the end of the last block: its links as
 * links, the rest in its tone's style with `style` added. */
void page_put_line(struct doc *d, const struct present_line *l, unsigned style);
/* A blank line, then a bold heading. */
void page_heading(struct doc *d, const char *text);

/* The glyphs the presenter writes for these pages (src/present.h). */
enum present_glyphs page_glyphs(const struct pages *p);

#endif
