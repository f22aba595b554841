/* print.h - plain-text output of the headless commands: wrapped prose and
 * one-line descriptions of entities. */
#ifndef TEMM_PRINT_H
#define TEMM_PRINT_H

#include <stdio.h>

#include "model.h"

/* Print text wrapped to `width` columns, each line after `indent`. */
void print_wrapped(FILE *out, const char *text, int width, const char *indent);
/* s, then spaces to fill `width` display columns (wide characters count
 * two): columns stay aligned whatever the script. */
void print_padded(FILE *out, const char *s, int width);
/* The display width of s. */
int print_width(const char *s);
/* "1999-11" or "1999"; buf of at least 16 bytes. */
const char *print_date(unsigned year, unsigned month, char *buf);
/* One line naming an entity: "area air  1) Air Pollution Control". */
void print_entity_line(FILE *out, const struct report *r, struct entity_ref ref);
/* "5 sessions" or "13 DG-level meetings (13th sessions)". */
void print_count(FILE *out, const struct count *c);

#endif
