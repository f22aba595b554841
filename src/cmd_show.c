/* cmd_show.c - `temm show ID`: one entity or section in full, then what it
 * links to and what links to it. */
#include "cli.h"
#include "sanitize.h"
#include "json_out.h"
#include "links.h"
#include "print.h"

#include <stdlib.h>

static void field(FILE *out, const char *name, const char *value)
{
	if (value)
		fprintf(out, "%-12s %s\n", name, value);
}

static void field_counts(FILE *out, const struct count *c, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		fprintf(out, "%-12s ", i ? "" : "Counts:");
		print_count(out, &c[i]);
		fputc('\n', out);
	}
}

static void field_list(FILE *out, const char *name, char **v, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		field(out, i ? "" : name, v[i]);
}

static void show_stage(FILE *out, const struct report *r, const struct stage *s, int width)
{
	fprintf(out, "%-12s %u-%u\n", "Years:", s->from, s->to);
	field(out, "Name:", s->name);
	fprintf(out, "Priority areas (%u):\n", s->priorities_count);
	for (unsigned i = 0; i < s->priorities_count; i++) {
		fprintf(out, "  - %s", s->priorities[i].text);
		if (s->priorities[i].area_ix != NO_INDEX)
			fprintf(out, "  [area %s]", r->areas[s->priorities[i].area_ix]->id);
		fputc('\n', out);
	}
	if (s->achievements_count)
		fputs("Achievements:\n", out);
	for (unsigned i = 0; i < s->achievements_count; i++)
		print_wrapped(out, s->achievements[i], width, "  ");
}

static void show_fields(FILE *out, const struct report *r, struct entity_ref ref, int width)
{
	char date[16];
	int i = ref.index;
	switch (ref.kind) {
	case KIND_STAGE:
		show_stage(out, r, r->stages[i], width);
		break;
	case KIND_AREA:
		fprintf(out, "%-12s %u\n", "Number:", r->areas[i]->number);
		field_list(out, "Also called:", r->areas[i]->aliases, r->areas[i]->aliases_count);
		field_counts(out, r->areas[i]->counts, r->areas[i]->counts_count);
		break;
	case KIND_ACTIVITY:
		field(out, "Acronym:", r->activities[i]->short_name);
		field(out, "Kind:", activity_kind_name(r->activities[i]->kind));
		field_list(out, "Also called:", r->activities[i]->aliases, r->activities[i]->aliases_count);
		field_counts(out, r->activities[i]->counts, r->activities[i]->counts_count);
		break;
	case KIND_EVENT:
		field(out, "Date:", print_date(r->events[i]->year, r->events[i]->month, date));
		break;
	case KIND_MEETING:
		field(out, "Series:", meeting_series_name(r->meetings[i]->series));
		field(out, "Place:", r->meetings[i]->place);
		if (r->meetings[i]->year)
			field(out, "Date:", print_date(r->meetings[i]->year, r->meetings[i]->month, date));
		break;
	case KIND_PROGRAMME:
		field(out, "Acronym:", r->programmes[i]->short_name);
		field(out, "Type:", programme_type_name(r->programmes[i]->type));
		field_counts(out, r->programmes[i]->counts, r->programmes[i]->counts_count);
		break;
	case KIND_TERM:
		field(out, "Stands for:", r->terms[i]->expansion ? r->terms[i]->expansion
								 : "(the report does not expand it)");
		break;
	default:
		break;
	}
}

static void show_link_list(FILE *out, const struct report *r, const char *heading,
			   const struct link_list *l, bool incoming)
{
	if (!l->count)
		return;
	fprintf(out, "%s\n", heading);
	for (size_t i = 0; i < l->count; i++) {
		fprintf(out, "  %-12s ", l->links[i].field);
		print_entity_line(out, r, incoming ? l->links[i].from : l->links[i].to);
		fputc('\n', out);
	}
}

static void show_links(FILE *out, const struct report *r, struct entity_ref ref)
{
	struct link_list l;
	if (links_from(r, ref, &l) == 0)
		show_link_list(out, r, "Links to:", &l, false);
	link_list_free(&l);
	if (links_to(r, ref, &l) == 0)
		show_link_list(out, r, "Linked from:", &l, true);
	link_list_free(&l);
}

static void show_section_text(FILE *out, const struct report *r, int ix, int width)
{
	const struct section *s = r->sections[ix];
	for (unsigned p = 0; p < s->paragraphs_count; p++) {
		fputc('\n', out);
		print_wrapped(out, s->paragraphs[p], width, "");
	}
}

int cmd_show(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	struct entity_ref ref;
	if (report_find(r, cli->args[0], &ref) != 0) {
		sanitize_error(err, "no entity or section has the id '%s' (try 'temm list KIND')",
			       cli->args[0]);
		return EXIT_FAIL;
	}
	if (cli->json) {
		json_print_line(out, json_entity(r, ref, true));
		return EXIT_OK;
	}
	fprintf(out, "%s %s: %s\n", entity_kind_name(ref.kind), report_entity_id(r, ref),
		report_entity_title(r, ref));
	int sec = report_entity_section(r, ref);
	char *path = report_section_path(r, sec, " > ");
	if (path && *path)
		fprintf(out, "%-12s %s (%s)\n", "Section:", path, r->sections[sec]->id);
	free(path);
	show_fields(out, r, ref, cli->width);
	show_links(out, r, ref);
	if (ref.kind == KIND_SECTION)
		show_section_text(out, r, ref.index, cli->width);
	return EXIT_OK;
}
