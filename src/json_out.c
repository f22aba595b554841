/* json_out.c - one function per kind turns an entity into JSON; the field
 * names are the ones documented for `temm list --json`. */
#include "json_out.h"
#include "links.h"

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jmonth(unsigned month)
{
	return month ? json_integer(month) : json_null();
}

static json_t *jcounts(const struct count *c, unsigned n)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < n; i++) {
		json_t *o = json_pack("{s:I, s:s}", "n", (json_int_t)c[i].n, "of", c[i].of);
		if (o && c[i].words)
			json_object_set_new(o, "words", json_string(c[i].words));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *jstrings(char **v, unsigned n)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *jid(const struct report *r, enum entity_kind kind, int index)
{
	return index == NO_INDEX ? json_null()
				 : jstr(report_entity_id(r, (struct entity_ref){ kind, index }));
}

static void add_stage(json_t *o, const struct report *r, const struct stage *s, bool full)
{
	json_object_set_new(o, "number", json_integer(s->number));
	json_object_set_new(o, "name", json_string(s->name));
	json_object_set_new(o, "from", json_integer(s->from));
	json_object_set_new(o, "to", json_integer(s->to));
	if (!full)
		return;
	json_object_set_new(o, "meeting", jid(r, KIND_MEETING, s->meeting_ix));
	json_object_set_new(o, "action_plan", jid(r, KIND_PROGRAMME, s->action_plan_ix));
	json_t *p = json_array();
	for (unsigned i = 0; i < s->priorities_count; i++)
		json_array_append_new(p, json_pack("{s:s, s:o}", "text", s->priorities[i].text,
						   "area", jid(r, KIND_AREA, s->priorities[i].area_ix)));
	json_object_set_new(o, "priorities", p);
	json_object_set_new(o, "achievements", jstrings(s->achievements, s->achievements_count));
}

static void add_section_text(json_t *o, const struct section *s)
{
	json_object_set_new(o, "number", jstr(s->number));
	json_object_set_new(o, "paragraphs", jstrings(s->paragraphs, s->paragraphs_count));
}

static void add_fields(json_t *o, const struct report *r, struct entity_ref ref, bool full)
{
	int i = ref.index;
	switch (ref.kind) {
	case KIND_SECTION: {
		const struct section *s = r->sections[i];
		json_object_set_new(o, "parent", jid(r, KIND_SECTION, s->parent_ix));
		json_object_set_new(o, "depth", json_integer(s->depth));
		if (full)
			add_section_text(o, s);
		break;
	}
	case KIND_STAGE:
		add_stage(o, r, r->stages[i], full);
		break;
	case KIND_AREA:
		json_object_set_new(o, "number", json_integer(r->areas[i]->number));
		json_object_set_new(o, "counts", jcounts(r->areas[i]->counts, r->areas[i]->counts_count));
		break;
	case KIND_ACTIVITY: {
		const struct activity *a = r->activities[i];
		json_object_set_new(o, "area", jid(r, KIND_AREA, a->area_ix));
		json_object_set_new(o, "type", json_string(activity_kind_name(a->kind)));
		json_object_set_new(o, "short", jstr(a->short_name));
		json_object_set_new(o, "counts", jcounts(a->counts, a->counts_count));
		break;
	}
	case KIND_EVENT: {
		const struct event *e = r->events[i];
		json_object_set_new(o, "year", json_integer(e->year));
		json_object_set_new(o, "month", jmonth(e->month));
		json_object_set_new(o, "stage", jid(r, KIND_STAGE, e->stage_ix));
		json_object_set_new(o, "meeting", jid(r, KIND_MEETING, e->meeting_ix));
		json_object_set_new(o, "links", jstrings(e->links, e->links_count));
		break;
	}
	case KIND_MEETING: {
		const struct meeting *m = r->meetings[i];
		json_object_set_new(o, "series", json_string(meeting_series_name(m->series)));
		json_object_set_new(o, "place", jstr(m->place));
		json_object_set_new(o, "year", m->year ? json_integer(m->year) : json_null());
		json_object_set_new(o, "month", jmonth(m->month));
		break;
	}
	case KIND_PROGRAMME: {
		const struct programme *p = r->programmes[i];
		json_object_set_new(o, "short", jstr(p->short_name));
		json_object_set_new(o, "type", json_string(programme_type_name(p->type)));
		json_object_set_new(o, "counts", jcounts(p->counts, p->counts_count));
		break;
	}
	case KIND_TERM:
		json_object_set_new(o, "expansion", jstr(r->terms[i]->expansion));
		json_object_set_new(o, "refers", jstr(r->terms[i]->refers));
		break;
	default:
		break;
	}
}

static json_t *jlinks(const struct report *r, const struct link_list *l, bool incoming)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->count; i++) {
		struct entity_ref e = incoming ? l->links[i].from : l->links[i].to;
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "field", l->links[i].field,
						   "kind", entity_kind_name(e.kind),
						   "id", report_entity_id(r, e)));
	}
	return a;
}

static void add_links(json_t *o, const struct report *r, struct entity_ref ref,
		      const struct link_index *x)
{
	struct link_list out, in;
	if (links_from(r, ref, &out) == 0)
		json_object_set_new(o, "links_to", jlinks(r, &out, false));
	if ((x ? link_index_to(x, ref, &in) : links_to(r, ref, &in)) == 0)
		json_object_set_new(o, "linked_from", jlinks(r, &in, true));
	link_list_free(&out);
	link_list_free(&in);
}

json_t *json_entity(const struct report *r, struct entity_ref ref, bool full)
{
	return json_entity_indexed(r, ref, full, NULL);
}

json_t *json_entity_indexed(const struct report *r, struct entity_ref ref, bool full,
			    const struct link_index *x)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "kind", entity_kind_name(ref.kind),
			      "id", report_entity_id(r, ref), "title", report_entity_title(r, ref));
	if (!o)
		return NULL;
	add_fields(o, r, ref, full);
	if (full) {
		int sec = report_entity_section(r, ref);
		json_object_set_new(o, "section", jid(r, KIND_SECTION, ref.kind == KIND_SECTION ? NO_INDEX : sec));
		add_links(o, r, ref, x);
	}
	return o;
}

void json_print_line(FILE *out, json_t *obj)
{
	if (!obj)
		return;
	json_dumpf(obj, out, JSON_COMPACT);
	fputc('\n', out);
	json_decref(obj);
}
