/* print.c - plain-text building blocks shared by the commands. */
#include "print.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

void print_wrapped(FILE *out, const char *text, int width, const char *indent)
{
	struct text_line *lines;
	int room = width - text_width(indent, strlen(indent));
	long n = text_wrap(text, room < PRINT_MIN_ROOM ? PRINT_MIN_ROOM : room, &lines);
	if (n < 0) {
		fprintf(out, "%s%s\n", indent, text);
		return;
	}
	for (long i = 0; i < n; i++)
		fprintf(out, "%s%.*s\n", indent, (int)lines[i].len, text + lines[i].start);
	free(lines);
}

static void print_spaces(FILE *out, int n)
{
	fprintf(out, "%*s", n > 0 ? n : 0, "");
}

/* One line of a wrap, the rest of the text after it (spaces skipped), or
 * NULL when the text ends there. */
static const char *print_first_line(FILE *out, const char *text, int room)
{
	struct text_line *lines;
	long n = text_wrap(text, room, &lines);
	if (n < 0) {
		fprintf(out, "%s\n", text);
		return NULL;
	}
	const char *rest = n > 1 ? text + lines[0].start + lines[0].len : NULL;
	fprintf(out, "%.*s\n", n ? (int)lines[0].len : 0, n ? text + lines[0].start : "");
	free(lines);
	while (rest && *rest == ' ')
		rest++;
	return rest && *rest ? rest : NULL;
}

void print_hanging(FILE *out, int indent, const char *text, int width, int hang)
{
	if (width < PRINT_MIN_ROOM)
		width = PRINT_MIN_ROOM;
	if (indent > width - PRINT_MIN_ROOM)
		indent = width - PRINT_MIN_ROOM;
	if (hang > width - PRINT_MIN_ROOM) /* no room under the column: just indent */
		hang = indent + 4 < width - PRINT_MIN_ROOM ? indent + 4 : width - PRINT_MIN_ROOM;
	print_spaces(out, indent);
	const char *rest = print_first_line(out, text, width - indent);
	if (rest) {
		char *pad = malloc((size_t)hang + 1);
		if (pad) {
			memset(pad, ' ', (size_t)hang);
			pad[hang] = '\0';
		}
		print_wrapped(out, rest, width, pad ? pad : "");
		free(pad);
	}
}

int print_row_open(struct print_row *row)
{
	*row = (struct print_row){ 0 };
	row->f = open_memstream(&row->buf, &row->len);
	return row->f ? 0 : -1;
}

void print_row_mark(struct print_row *row)
{
	if (fflush(row->f) == 0)
		row->hang = text_width(row->buf, row->len);
}

void print_row_close(struct print_row *row, FILE *out, int width)
{
	if (fclose(row->f) != 0 || !row->buf) {
		free(row->buf);
		return;
	}
	size_t len = row->len;
	while (len > 0 && row->buf[len - 1] == '\n')
		row->buf[--len] = '\0';
	size_t lead = strspn(row->buf, " ");
	print_hanging(out, (int)lead, row->buf + lead, width, row->hang);
	free(row->buf);
	*row = (struct print_row){ 0 };
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
