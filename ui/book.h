/* book.h - the report view: the whole report as a book, and its contents
 * (the outline) beside it, each following the other. */
#ifndef TEMM_BOOK_H
#define TEMM_BOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct app;
struct doc;
struct pane;
struct pages;
struct search_hit;

/* The whole report: a heading block and the paragraph blocks of each
 * section, with block.section and block.para set. */
struct doc *page_book(const struct pages *p);
/* One nowrap row per section, indented by depth; block.item is the section. */
struct doc *page_outline(const struct pages *p);

struct doc *book_build(struct app *a);
struct doc *book_outline(struct app *a);

/* The section the book is reading (its first line on screen); 0 for a book
 * never opened, which is at its start. */
int book_section(struct app *a);
/* Put the book on a section's heading, the contents on its row. */
void book_goto_section(struct app *a, int section);

/* The pane ops `show` (a section's heading on top) and `showing` (the
 * book shows every section). */
void book_show(struct app *a, struct entity_ref ref);
bool book_showing(const struct app *a, struct entity_ref ref);
void book_moved(struct app *a, struct pane *p);
void book_placed(struct app *a, struct pane *p);
void book_outline_moved(struct app *a, struct pane *p);
void book_outline_open(struct app *a, struct pane *p);
void book_sibling(struct app *a, struct pane *p, int dir);
void book_parent(struct app *a, struct pane *p);
struct entity_ref book_subject(struct app *a, struct pane *p);
size_t book_sections_count(const struct app *a);
/* &: a section and the sections it is in. */
void book_keep_section(const struct app *a, const struct search_hit *h, bool *keep, size_t n);

#endif
