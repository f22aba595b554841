/* cmd_overview.c - `temm overview`: the report at a glance (overview.h) as
 * text for the width, or as JSON Lines: one object per stage, area and
 * programme with a figure, each with its `kind`. */
#include "cli.h"
#include "json_out.h"
#include "overview.h"
#include "tally.h"

#include <stdlib.h>

static json_t *jfigure(const struct report *r, const struct count *c, struct entity_ref from)
{
	json_t *o = json_pack("{s:I, s:s, s:o, s:s}", "n", (json_int_t)c->n, "of", c->of,
			      "words", c->words ? json_string(c->words) : json_null(),
			      "from", report_entity_id(r, from));
	return o;
}

static void add_figures(json_t *a, const struct report *r, const struct count *c, unsigned n,
			struct entity_ref from)
{
	for (unsigned i = 0; i < n; i++)
		json_array_append_new(a, jfigure(r, &c[i], from));
}

static json_t *jplace(const struct report *r, int section)
{
	const char *place = tally_place(r, section);
	return *place ? json_string(place) : json_null();
}

/* A stage: its list in its own words, each mapped to an area or null;
 * how many temm lists (priorities_listed), and the report's figures. */
static json_t *jstage(const struct report *r, int ix)
{
	const struct stage *s = report_stage(r, ix);
	struct entity_ref ref = { KIND_STAGE, ix };
	json_t *o = json_entity(r, ref), *p = json_array(), *f = json_array();
	for (unsigned i = 0; i < s->priorities_count; i++) {
		int a = s->priorities[i].area_ix;
		json_array_append_new(p, json_pack("{s:s, s:o}", "text", s->priorities[i].text, "area",
			a >= 0 ? json_string(report_area(r, a)->id) : json_null()));
	}
	add_figures(f, r, s->counts, s->counts_count, ref);
	json_object_set_new(o, "priorities", p);
	json_object_set_new(o, "priorities_listed", json_integer(s->priorities_count));
	json_object_set_new(o, "listed_in", jplace(r, s->section_ix));
	json_object_set_new(o, "figures", f);
	return o;
}

/* An area: the stages that made it a priority and under which name, the
 * activities the content lists (temm's tally: activities_listed), and the
 * figures the report gives for it and its activities. */
static json_t *jarea(const struct report *r, int ix)
{
	struct entity_ref ref = { KIND_AREA, ix };
	json_t *o = json_entity(r, ref), *pri = json_array(), *acts = json_array(), *f = json_array();
	for (size_t s = 0; s < r->stages_count; s++) {
		const struct stage *st = report_stage(r, s);
		for (unsigned i = 0; i < st->priorities_count; i++)
			if (st->priorities[i].area_ix == ix)
				json_array_append_new(pri, json_pack("{s:s, s:s}", "stage", st->id, "as",
								     st->priorities[i].text));
	}
	add_figures(f, r, report_area(r, ix)->counts, report_area(r, ix)->counts_count, ref);
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *a = report_activity(r, i);
		if (a->area_ix != ix)
			continue;
		json_array_append_new(acts, json_string(a->id));
		add_figures(f, r, a->counts, a->counts_count, (struct entity_ref){ KIND_ACTIVITY, (int)i });
	}
	json_object_set_new(o, "priority_of", pri);
	json_object_set_new(o, "activities", acts);
	json_object_set_new(o, "activities_listed", json_integer(tally_activities(r, ix)));
	json_object_set_new(o, "listed_in", jplace(r, tally_section(r, KIND_ACTIVITY, ix)));
	json_object_set_new(o, "figures", f);
	return o;
}

static json_t *jprogramme(const struct report *r, int ix)
{
	struct entity_ref ref = { KIND_PROGRAMME, ix };
	json_t *o = json_entity(r, ref), *f = json_array();
	add_figures(f, r, report_programme(r, ix)->counts, report_programme(r, ix)->counts_count, ref);
	json_object_set_new(o, "figures", f);
	return o;
}

static void print_json(FILE *out, const struct report *r)
{
	for (size_t i = 0; i < r->stages_count; i++)
		json_print_line(out, jstage(r, (int)i));
	for (size_t i = 0; i < r->areas_count; i++)
		json_print_line(out, jarea(r, (int)i));
	for (size_t i = 0; i < r->programmes_count; i++)
		if (report_programme(r, i)->counts_count)
			json_print_line(out, jprogramme(r, (int)i));
}

int cmd_overview(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	if (cli->json) {
		print_json(out, r);
		return EXIT_OK;
	}
	struct overview *o = overview_new(r, cli->width, present_glyphs_for_locale(cli->ascii));
	if (!o) {
		fputs("temm: out of memory\n", err);
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < o->count; i++) {
		const struct present_line *l = &o->lines[i].line;
		for (size_t k = 0; k < l->runs_count; k++)
			fputs(l->runs[k].text, out);
		fputc('\n', out);
	}
	overview_free(o);
	return EXIT_OK;
}
