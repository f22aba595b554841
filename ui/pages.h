/* pages.h - the documents the panes show, built from the model: list rows
 * for the navigators, the reader's page for any entity, the whole report as
 * a book, search results and help. Curses-free, so tests can read them. */
#ifndef TEMM_PAGES_H
#define TEMM_PAGES_H

#include <stdbool.h>

#include "doc.h"
#include "keys.h"
#include "mentions.h"
#include "model.h"
#include "search.h"

struct pages {
	const struct report *r;
	const struct mentions *m; /* may be NULL: no links in prose */
	bool ascii;               /* no box drawing, no arrows */
	const struct keymap *keys; /* may be NULL: help shows the default keys */
};

/* Navigator lists: one nowrap block per row; block.item is the index of
 * the stage, area, event or section (-1 for the timeline's band rows). */
struct doc *page_stages(const struct pages *p);
struct doc *page_areas(const struct pages *p);
struct doc *page_timeline(const struct pages *p);
struct doc *page_outline(const struct pages *p);
/* The one-line axis 1999..2019 of `width` columns marking the stages and
 * the year of `event` (NO_INDEX: none). */
struct doc *page_axis(const struct pages *p, int width, int event);

/* The reader's page for an entity (a section shows its text). */
struct doc *page_entity(const struct pages *p, struct entity_ref ref);
/* The whole report: a heading block and the paragraph blocks of each
 * section, with block.section and block.para set. */
struct doc *page_book(const struct pages *p);
/* One row for each of the first `rows` hits: its kind, where it is
 * ("2.1 > 6) E-Waste") and a snippet with every match that shows marked,
 * in `width` columns. */
struct doc *page_results(const struct pages *p, const struct search_results *res, size_t rows,
			  int width);
/* Every action and its keys, grouped, from the action table (the keys as
 * p->keys binds them). */
struct doc *page_help(const struct pages *p);

/* Where a hit is, as the results show it: the path of its section with
 * the outermost level dropped ("2.1 > 9) Marine Environment Protection",
 * "1.2 Evolution of Cooperation"); a top-level section is itself.
 * Caller frees. */
char *page_hit_where(const struct pages *p, const struct corpus_unit *u);

/* The block of a page that shows a search unit's text, and in *base where
 * the unit's text starts in it, so the unit's match offsets can be found
 * on the page: a section's paragraph by its place, else the first block
 * that holds the text. -1 if the page does not show it (an alias). */
int page_find_unit(const struct doc *d, const struct corpus_unit *u, size_t *base);

/* "I", "II", ... for 1-10; "?" beyond. */
const char *page_roman(unsigned n);
/* A short name for an entity as links and titles show it, e.g.
 * "Stage III Steady Development", "2) DSS Prevention"; caller frees. */
char *page_label(const struct report *r, struct entity_ref ref);
/* The paragraphs of its section that tell a stage: [*first, *end). */
void page_stage_paragraphs(const struct report *r, int stage, unsigned *first, unsigned *end);

#endif
