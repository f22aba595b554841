/* pages.h - the documents the panes show, built from the model: list rows
 * for the navigators, the reader's page for any entity, the whole report as
 * a book, search results and help. Curses-free, so tests can read them. */
#ifndef TEMM_PAGES_H
#define TEMM_PAGES_H

#include <stdbool.h>

#include "doc.h"
#include "mentions.h"
#include "model.h"
#include "search.h"

struct pages {
	const struct report *r;
	const struct mentions *m; /* may be NULL: no links in prose */
	bool ascii;               /* no box drawing, no arrows */
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
/* One row per hit; snippets fit `width` columns. */
struct doc *page_results(const struct pages *p, const struct search_results *res, int width);
/* Every action and its keys, grouped, from the action table. */
struct doc *page_help(const struct pages *p);

/* "I", "II", ... for 1-10; "?" beyond. */
const char *page_roman(unsigned n);
/* A short name for an entity as links and titles show it, e.g.
 * "Stage III Steady Development", "2) DSS Prevention"; caller frees. */
char *page_label(const struct report *r, struct entity_ref ref);
/* The paragraphs of its section that tell a stage: [*first, *end). */
void page_stage_paragraphs(const struct report *r, int stage, unsigned *first, unsigned *end);

#endif
