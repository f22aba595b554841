/* print.h - plain-text output of the headless commands: wrapped prose and
 * one-line descriptions of entities. */
#ifndef TEMM_PRINT_H
#define TEMM_PRINT_H

#include <stdio.h>

#include "model.h"

/* Print text wrapped to `width` columns, each line after `indent`. */
void print_wrapped(FILE *out, const char *text, int width, const char *indent);
/* The fewest columns a wrapped line is given, however narrow the width. */
#define PRINT_MIN_ROOM 20
/* Print one row wrapped to `width` columns: the first line after `indent`
 * spaces, the lines it continues on after `hang` spaces (indent + 4 when
 * `hang` would leave under PRINT_MIN_ROOM columns), so a row's columns
 * stay readable at any width. Ends with a newline. */
void print_hanging(FILE *out, int indent, const char *text, int width, int hang);
/* A row built with stdio, then printed with print_hanging: its lines
 * continue under the column marked last (the title in `list`, the help in
 * `keys`). Leading spaces are kept as the first line's indent. */
struct print_row {
	FILE *f;   /* print the row's fields here */
	char *buf;
	size_t len;
	int hang;
};
int print_row_open(struct print_row *row);
/* The lines after the first start at the column printed so far. */
void print_row_mark(struct print_row *row);
/* Print the row wrapped to `width` and free it. */
void print_row_close(struct print_row *row, FILE *out, int width);
/* "1999-11" or "1999"; buf of at least 16 bytes. */
const char *print_date(unsigned year, unsigned month, char *buf);
/* One line naming an entity: "area air  1) Air Pollution Control". */
void print_entity_line(FILE *out, const struct report *r, struct entity_ref ref);
/* "5 sessions" or "13 DG-level meetings (13th sessions)". */
void print_count(FILE *out, const struct count *c);

#endif
