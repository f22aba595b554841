/* print.c - wrapping plain text to the command's width. */
#include "print.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Fewer columns than this after a prefix and the text goes below it. */
#define PRINT_MIN_ROOM 16
#define PRINT_BELOW_INDENT 4

void print_wrapped(FILE *out, const char *text, int width, const char *prefix)
{
	print_wrapped_as(out, text, text, width, prefix);
}

void print_wrapped_as(FILE *out, const char *text, const char *layout, int width,
		      const char *prefix)
{
	int indent = text_width(prefix, strlen(prefix));
	if (width - indent < PRINT_MIN_ROOM && indent > 0) {
		char *alone = strdup(prefix);
		size_t len = alone ? strlen(alone) : 0;
		while (len && alone[len - 1] == ' ')
			alone[--len] = '\0';
		print_wrapped(out, alone ? alone : "", width, "");
		free(alone);
		indent = width - PRINT_BELOW_INDENT >= PRINT_MIN_ROOM ? PRINT_BELOW_INDENT : 0;
		fprintf(out, "%*s", indent, "");
	} else {
		fputs(prefix, out);
	}
	struct text_line *lines;
	long n = text_wrap(layout, width - indent, &lines);
	if (n <= 0) {
		fprintf(out, "%s\n", n < 0 ? text : "");
		return;
	}
	for (long i = 0; i < n; i++)
		fprintf(out, "%*s%.*s\n", i ? indent : 0, "", (int)lines[i].len, text + lines[i].start);
	free(lines);
}

int print_width(const char *s)
{
	return text_width(s, strlen(s));
}

void print_padded(FILE *out, const char *s, int width)
{
	fputs(s, out);
	for (int w = print_width(s); w < width; w++)
		fputc(' ', out);
}
