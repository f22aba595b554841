/* cmd_list.c - `temm list KIND`: one row per entity, aligned columns in
 * plain text, one object per line in JSON. */
#include "cli.h"
#include "json_out.h"
#include "present.h"

#include <string.h>

static int id_width(const struct report *r, enum entity_kind kind)
{
	int w = 0;
	for (size_t i = 0; i < report_count(r, kind); i++) {
		int n = (int)strlen(report_entity_id(r, (struct entity_ref){ kind, (int)i }));
		if (n > w)
			w = n;
	}
	return w;
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
		n += r->activities[i]->area_ix == area_ix;
	return n;
}

/* The columns between the id and the title, per kind. */
static void print_row_middle(FILE *out, const struct report *r, struct entity_ref ref)
{
	char date[PRESENT_DATE_MAX];
	int i = ref.index;
	switch (ref.kind) {
	case KIND_STAGE:
		fprintf(out, "%u-%u  ", r->stages[i]->from, r->stages[i]->to);
		break;
	case KIND_EVENT:
		fprintf(out, "%-7s  ", present_date(r->events[i]->year, r->events[i]->month,
						    PRESENT_DATE_COMPACT, date));
		break;
	case KIND_ACTIVITY:
		fprintf(out, "%-13s  %-15s  ", r->activities[i]->area,
			activity_kind_name(r->activities[i]->kind));
		break;
	case KIND_MEETING:
		fprintf(out, "%-7s  ", r->meetings[i]->year ? present_date(r->meetings[i]->year,
			r->meetings[i]->month, PRESENT_DATE_COMPACT, date) : "-");
		break;
	case KIND_PROGRAMME:
		fprintf(out, "%-18s  ", programme_type_name(r->programmes[i]->type));
		break;
	case KIND_AREA:
		fprintf(out, "%2u) ", r->areas[i]->number);
		break;
	case KIND_SECTION:
		for (int d = 0; d < r->sections[i]->depth; d++)
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
		print_counts(out, r->activities[i]->counts, r->activities[i]->counts_count);
	else if (ref.kind == KIND_MEETING && r->meetings[i]->place)
		fprintf(out, ", %s", r->meetings[i]->place);
	else if (ref.kind == KIND_TERM && r->terms[i]->expansion)
		fprintf(out, ": %s", r->terms[i]->expansion);
	else if (ref.kind == KIND_AREA)
		{ size_t n = area_activity_count(r, i); fprintf(out, " (%zu %s listed)", n, n == 1 ? "activity" : "activities"); }
	fputc('\n', out);
}

int cmd_list(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	enum entity_kind kind;
	if (entity_kind_from_name(cli->args[0], &kind) != 0) {
		fprintf(err, "temm: unknown kind '%s' (stages, areas, activities, events, meetings, "
			     "programmes, terms, sections)\n", cli->args[0]);
		return EXIT_USAGE;
	}
	int w = id_width(r, kind);
	for (size_t i = 0; i < report_count(r, kind); i++) {
		struct entity_ref ref = { kind, (int)i };
		if (cli->json) {
			json_print_line(out, json_entity(r, ref));
			continue;
		}
		fprintf(out, "%-*s  ", w, report_entity_id(r, ref));
		print_row_middle(out, r, ref);
		fputs(report_entity_title(r, ref), out);
		print_row_end(out, r, ref);
	}
	return EXIT_OK;
}
