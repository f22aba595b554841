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

static json_t *jcount(const struct count *c)
{
	json_t *o = json_pack("{s:I, s:s}", "n", (json_int_t)c->n, "of", c->of);
	if (o && c->words)
		json_object_set_new(o, "words", json_string(c->words));
	return o;
}

static json_t *jcounts(const struct count *c, unsigned n)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < n; i++)
		json_array_append_new(a, jcount(&c[i]));
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

/* Where the report tells stage ix: its sections' paragraphs, counted from 1. */
static json_t *jprose(const struct report *r, int ix)
{
	json_t *a = json_array();
	struct prose_span sp;
	for (size_t k = 0; report_stage_prose(r, ix, k, &sp); k++)
		json_array_append_new(a, json_pack("{s:s, s:I, s:I}", "section",
						   report_section(r, sp.section_ix)->id, "first",
						   (json_int_t)sp.first + 1, "last", (json_int_t)sp.end));
	return a;
}

static void add_stage(json_t *o, const struct report *r, int ix)
{
	const struct stage *s = report_stage(r, ix);
	json_object_set_new(o, "number", json_integer(s->number));
	json_object_set_new(o, "name", json_string(s->name));
	json_object_set_new(o, "from", json_integer(s->from));
	json_object_set_new(o, "to", json_integer(s->to));
	json_object_set_new(o, "prose", jprose(r, ix));
}

static void add_fields(json_t *o, const struct report *r, struct entity_ref ref)
{
	int i = ref.index;
	switch (ref.kind) {
	case KIND_SECTION: {
		const struct section *s = report_section(r, i);
		json_object_set_new(o, "parent", jid(r, KIND_SECTION, s->parent_ix));
		json_object_set_new(o, "depth", json_integer(s->depth));
		json_object_set_new(o, "number", jstr(s->number));
		break;
	}
	case KIND_STAGE:
		add_stage(o, r, i);
		json_object_set_new(o, "counts", jcounts(report_stage(r, i)->counts, report_stage(r, i)->counts_count));
		break;
	case KIND_AREA:
		json_object_set_new(o, "number", json_integer(report_area(r, i)->number));
		json_object_set_new(o, "counts", jcounts(report_area(r, i)->counts, report_area(r, i)->counts_count));
		break;
	case KIND_ACTIVITY: {
		const struct activity *a = report_activity(r, i);
		json_object_set_new(o, "area", jid(r, KIND_AREA, a->area_ix));
		json_object_set_new(o, "type", json_string(activity_kind_name(a->kind)));
		json_object_set_new(o, "short", jstr(a->short_name));
		json_object_set_new(o, "counts", jcounts(a->counts, a->counts_count));
		break;
	}
	case KIND_EVENT: {
		const struct event *e = report_event(r, i);
		json_object_set_new(o, "year", json_integer(e->year));
		json_object_set_new(o, "month", jmonth(e->month));
		json_object_set_new(o, "short", jstr(e->short_name));
		json_object_set_new(o, "stage", jid(r, KIND_STAGE, e->stage_ix));
		json_object_set_new(o, "meeting", jid(r, KIND_MEETING, e->meeting_ix));
		json_object_set_new(o, "links", jstrings(e->links, e->links_count));
		break;
	}
	case KIND_MEETING: {
		const struct meeting *m = report_meeting(r, i);
		json_object_set_new(o, "series", jstr(m->series));
		json_object_set_new(o, "place", jstr(m->place));
		json_object_set_new(o, "year", m->year ? json_integer(m->year) : json_null());
		json_object_set_new(o, "month", jmonth(m->month));
		break;
	}
	case KIND_PROGRAMME: {
		const struct programme *p = report_programme(r, i);
		json_object_set_new(o, "short", jstr(p->short_name));
		json_object_set_new(o, "type", json_string(programme_type_name(p->type)));
		json_object_set_new(o, "counts", jcounts(p->counts, p->counts_count));
		break;
	}
	case KIND_TERM:
		json_object_set_new(o, "expansion", jstr(report_term(r, i)->expansion));
		json_object_set_new(o, "refers", jstr(report_term(r, i)->refers));
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
	if (report_links_to(r, x, ref, &in) == 0)
		json_object_set_new(o, "linked_from", jlinks(r, &in, true));
	link_list_free(&out);
	link_list_free(&in);
}

json_t *json_entity(const struct report *r, struct entity_ref ref)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "kind", entity_kind_name(ref.kind),
			      "id", report_entity_id(r, ref), "title", report_entity_title(r, ref));
	if (!o)
		return NULL;
	add_fields(o, r, ref);
	return o;
}

/* ---- a page's machine values ---- */

static json_t *jref(const struct report *r, struct entity_ref ref)
{
	return jstr(report_entity_id(r, ref));
}

static void add_raw(json_t *o, const struct report *r, const char *key, const struct present_raw *raw)
{
	switch (raw->type) {
	case PRESENT_RAW_NULL:
		json_object_set_new(o, key, json_null());
		break;
	case PRESENT_RAW_TEXT:
		json_object_set_new(o, key, jstr(raw->text));
		break;
	case PRESENT_RAW_REF:
		json_object_set_new(o, key, jref(r, raw->ref));
		break;
	case PRESENT_RAW_DATE:
		json_object_set_new(o, "year", raw->year ? json_integer(raw->year) : json_null());
		json_object_set_new(o, "month", jmonth(raw->month));
		break;
	default:
		break;
	}
}

static json_t *jitem(const struct report *r, const struct present_item *it, enum present_shape shape)
{
	switch (shape) {
	case PRESENT_SHAPE_IDS:
		return it->ref.kind < KIND_COUNT ? jref(r, it->ref) : NULL;
	case PRESENT_SHAPE_TEXTS:
		return jstr(it->text);
	case PRESENT_SHAPE_COUNTS:
		return it->count ? jcount(it->count) : NULL;
	case PRESENT_SHAPE_FIGURES: {
		json_t *o = it->count ? jcount(it->count) : NULL;
		if (o)
			json_object_set_new(o, "from", jref(r, it->ref));
		return o;
	}
	case PRESENT_SHAPE_PRIORITIES:
		return json_pack("{s:s, s:o}", "text", it->text ? it->text : "",
				 "area", it->ref.kind == KIND_AREA ? jref(r, it->ref) : json_null());
	default:
		return NULL;
	}
}

static json_t *jblock(const struct report *r, const struct present_block *b)
{
	json_t *a = json_array();
	if (b->type == PRESENT_PROSE) {
		const struct section *s = report_section_text(r, (size_t)b->section);
		for (unsigned i = b->first; i < b->end && i < s->paragraphs_count; i++)
			json_array_append_new(a, json_string(s->paragraphs[i]));
		return a;
	}
	for (size_t i = 0; i < b->items_count; i++) {
		json_t *v = jitem(r, &b->items[i], b->shape);
		if (v)
			json_array_append_new(a, v);
	}
	return a;
}

static void add_page(json_t *o, const struct report *r, const struct present_page *p)
{
	if (p->kind.key)
		add_raw(o, r, p->kind.key, &p->kind.raw);
	for (size_t i = 0; i < p->fields_count; i++)
		if (p->fields[i].key)
			add_raw(o, r, p->fields[i].key, &p->fields[i].raw);
	for (size_t i = 0; i < p->blocks_count; i++)
		if (p->blocks[i].key && p->blocks[i].shape != PRESENT_SHAPE_NONE)
			json_object_set_new(o, p->blocks[i].key, jblock(r, &p->blocks[i]));
}

json_t *json_entity_page(const struct report *r, const struct present_page *p)
{
	return json_entity_page_indexed(r, p, NULL);
}

json_t *json_entity_page_indexed(const struct report *r, const struct present_page *p,
				 const struct link_index *x)
{
	json_t *o = json_entity(r, p->ref);
	if (!o)
		return NULL;
	int sec = report_entity_section(r, p->ref);
	json_object_set_new(o, "section", jid(r, KIND_SECTION, p->ref.kind == KIND_SECTION ? NO_INDEX : sec));
	add_page(o, r, p);
	add_links(o, r, p->ref, x);
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
