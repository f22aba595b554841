/* print.h - plain-text output of the headless commands: text wrapped to
 * the command's width. */
#ifndef TEMM_PRINT_H
#define TEMM_PRINT_H

#include <stdio.h>

/* Print text wrapped to `width` columns: the first line after `prefix`,
 * the others under the prefix's first column after it. When the prefix
 * leaves too little room, it goes on a line of its own and the text
 * follows, indented. No line is wider than `width` (20 or more). */
void print_wrapped(FILE *out, const char *text, int width, const char *prefix);
/* The same, breaking lines only where `layout` (the text with some bytes
 * changed, as long) may break: so an id stays whole. */
void print_wrapped_as(FILE *out, const char *text, const char *layout, int width,
		      const char *prefix);
/* s, then spaces to fill `width` display columns (wide characters count
 * two): columns stay aligned whatever the script. */
void print_padded(FILE *out, const char *s, int width);
/* The display width of s. */
int print_width(const char *s);

#endif
