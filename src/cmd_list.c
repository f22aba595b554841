/* cmd_list.c - `temm list KIND`: one row per entity, aligned columns in
 * plain text, one object per line in JSON. */
#include "cli.h"
#include "sanitize.h"
#include "json_out.h"
#include "present.h"
#include "print.h"

#include <stdlib.h>
#include <string.h>

/* The widths of a kind's columns, from its entities: a longer id, area or
 * type widens its column, never shifts the next one. */
struct columns {
	int id, area, kind, number;
};

static int widest(int w, const char *s)
{
	int n = s ? print_width(s) : 0;
	return n > w ? n : w;
}

static struct columns column_widths(const struct report *r, enum entity_kind kind)
{
	struct columns c = { 0, 0, 0, 1 };
	char num[16];
	for (size_t i = 0; i < report_count(r, kind); i++) {
		c.id = widest(c.id, report_entity_id(r, (struct entity_ref){ kind, (int)i }));
		if (kind == KIND_ACTIVITY) {
			c.area = widest(c.area, report_activity(r, i)->area);
			c.kind = widest(c.kind, activity_kind_name(report_activity(r, i)->kind));
		} else if (kind == KIND_PROGRAMME) {
			c.kind = widest(c.kind, programme_type_name(report_programme(r, i)->type));
		} else if (kind == KIND_AREA) {
			snprintf(num, sizeof(num), "%u", report_area(r, i)->number);
			c.number = widest(c.number, num);
		}
	}
	return c;
}

static void print_counts(FILE *out, const struct count *c, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		fputs(i ? ", " : " (", out);
		fprintf(out, "%u %s", c[i].n, c[i].of);
	}
	if (n)
		fputc(')', out);
}

static size_t area_activity_count(const struct report *r, int area_ix)
{
	size_t n = 0;
	for (size_t i = 0; i < r->activities_count; i++)
		n += report_activity(r, i)->area_ix == area_ix;
	return n;
}

/* The columns between the id and the title, per kind. */
static void print_row_middle(FILE *out, const struct report *r, struct entity_ref ref,
			     const struct columns *c)
{
	char date[PRESENT_DATE_MAX];
	int i = ref.index;
	switch (ref.kind) {
	case KIND_STAGE:
		fprintf(out, "%u-%u  ", report_stage(r, i)->from, report_stage(r, i)->to);
		break;
	case KIND_EVENT:
		fprintf(out, "%-7s  ", present_date(report_event(r, i)->year, report_event(r, i)->month,
						    PRESENT_DATE_COMPACT, date));
		break;
	case KIND_ACTIVITY:
		print_padded(out, report_activity(r, i)->area, c->area + 2);
		print_padded(out, activity_kind_name(report_activity(r, i)->kind), c->kind + 2);
		break;
	case KIND_MEETING:
		fprintf(out, "%-7s  ", report_meeting(r, i)->year ? present_date(report_meeting(r, i)->year,
			report_meeting(r, i)->month, PRESENT_DATE_COMPACT, date) : "-");
		break;
	case KIND_PROGRAMME:
		print_padded(out, programme_type_name(report_programme(r, i)->type), c->kind + 2);
		break;
	case KIND_AREA:
		fprintf(out, "%*u) ", c->number, report_area(r, i)->number);
		break;
	case KIND_SECTION:
		for (int d = 0; d < report_section(r, i)->depth; d++)
			fputs("  ", out);
		break;
	default:
		break;
	}
}

static void print_row_end(FILE *out, const struct report *r, struct entity_ref ref)
{
	int i = ref.index;
	if (ref.kind == KIND_ACTIVITY)
		print_counts(out, report_activity(r, i)->counts, report_activity(r, i)->counts_count);
	else if (ref.kind == KIND_MEETING && report_meeting(r, i)->place)
		fprintf(out, ", %s", report_meeting(r, i)->place);
	else if (ref.kind == KIND_TERM && report_term(r, i)->expansion)
		fprintf(out, ": %s", report_term(r, i)->expansion);
	else if (ref.kind == KIND_AREA)
		{ size_t n = area_activity_count(r, i); fprintf(out, " (%zu %s listed)", n, n == 1 ? "activity" : "activities"); }
}

/* One row, wrapped to the width: its lines continue under the title. */
static int print_row(FILE *out, const struct report *r, struct entity_ref ref,
		     const struct columns *c, int width)
{
	char *head = NULL, *rest = NULL;
	size_t head_len, rest_len;
	FILE *h = open_memstream(&head, &head_len), *t = open_memstream(&rest, &rest_len);
	bool ok = h && t;
	if (ok) {
		print_padded(h, report_entity_id(r, ref), c->id + 2);
		print_row_middle(h, r, ref, c);
		fputs(report_entity_title(r, ref), t);
		print_row_end(t, r, ref);
	}
	if (h && fclose(h) != 0)
		ok = false;
	if (t && fclose(t) != 0)
		ok = false;
	if (ok)
		print_wrapped(out, rest, width, head);
	free(head);
	free(rest);
	return ok ? 0 : -1;
}

int cmd_list(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	enum entity_kind kind;
	if (entity_kind_from_name(cli->args[0], &kind) != 0) {
		sanitize_error(err, "unknown kind '%s' (stages, areas, activities, events, meetings, "
				    "programmes, terms, sections)", cli->args[0]);
		return EXIT_USAGE;
	}
	struct columns c = column_widths(r, kind);
	for (size_t i = 0; i < report_count(r, kind); i++) {
		struct entity_ref ref = { kind, (int)i };
		if (cli->json) {
			json_print_line(out, json_entity(r, ref));
			continue;
		}
		if (print_row(out, r, ref, &c, cli->width) != 0) {
			fputs("temm: out of memory\n", err);
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}
