/* print.c - plain-text building blocks shared by the commands. */
#include "print.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

void print_wrapped(FILE *out, const char *text, int width, const char *indent)
{
	struct text_line *lines;
	int room = width - text_width(indent, strlen(indent));
	long n = text_wrap(text, room < 20 ? 20 : room, &lines);
	if (n < 0) {
		fprintf(out, "%s%s\n", indent, text);
		return;
	}
	for (long i = 0; i < n; i++)
		fprintf(out, "%s%.*s\n", indent, (int)lines[i].len, text + lines[i].start);
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

const char *print_date(unsigned year, unsigned month, char *buf)
{
	if (month)
		snprintf(buf, 16, "%04u-%02u", year, month);
	else
		snprintf(buf, 16, "%04u", year);
	return buf;
}

void print_entity_line(FILE *out, const struct report *r, struct entity_ref ref)
{
	fprintf(out, "%s %s  %s", entity_kind_name(ref.kind), report_entity_id(r, ref),
		report_entity_title(r, ref));
}

void print_count(FILE *out, const struct count *c)
{
	fprintf(out, "%u %s", c->n, c->of);
	if (c->words)
		fprintf(out, " (the report: \"%s\")", c->words);
}
