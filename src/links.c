/* links.c - enumerating references. Backlinks are found by a scan of the
 * whole report, by an index of every link (link_index_new: for a caller
 * that asks for every entity's), or in a snapshot's own index
 * (report_links_to). */
#include "links.h"
#include "grow.h"
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>

/* Every field a link is made by: a link's field is one of these pointers
 * (a snapshot stores its index here). */
enum { F_SECTION, F_PARENT, F_MEETING, F_ACTION_PLAN, F_PRIORITIES, F_AREA, F_STAGE, F_LINKS,
       F_REFERS, F_COUNT };
const char *const link_fields[] = {
	[F_SECTION] = "section", [F_PARENT] = "parent", [F_MEETING] = "meeting",
	[F_ACTION_PLAN] = "action_plan", [F_PRIORITIES] = "priorities", [F_AREA] = "area",
	[F_STAGE] = "stage", [F_LINKS] = "links", [F_REFERS] = "refers", [F_COUNT] = NULL,
};

static int append(struct link_list *l, struct link lk)
{
	if (grow(&l->links, &l->cap, l->count, sizeof(*l->links), 16) != 0)
		return -1;
	l->links[l->count++] = lk;
	return 0;
}

static int push(struct link_list *l, int field, struct entity_ref from, enum entity_kind kind,
		int index)
{
	if (index == NO_INDEX)
		return 0;
	return append(l, (struct link){ link_fields[field], from, { kind, index } });
}

static int push_id(const struct report *r, struct link_list *l, int field,
		   struct entity_ref from, const char *id)
{
	struct entity_ref to;
	if (!id || report_find(r, id, &to) != 0)
		return 0;
	return push(l, field, from, to.kind, to.index);
}

static int stage_links(const struct report *r, struct entity_ref ref, struct link_list *l)
{
	const struct stage *s = report_stage(r, ref.index);
	int rc = push(l, F_SECTION, ref, KIND_SECTION, s->section_ix) |
		 push(l, F_MEETING, ref, KIND_MEETING, s->meeting_ix) |
		 push(l, F_ACTION_PLAN, ref, KIND_PROGRAMME, s->action_plan_ix);
	for (unsigned p = 0; p < s->priorities_count; p++)
		rc |= push(l, F_PRIORITIES, ref, KIND_AREA, s->priorities[p].area_ix);
	return rc;
}

static int event_links(const struct report *r, struct entity_ref ref, struct link_list *l)
{
	const struct event *e = report_event(r, ref.index);
	int rc = push(l, F_STAGE, ref, KIND_STAGE, e->stage_ix) |
		 push(l, F_MEETING, ref, KIND_MEETING, e->meeting_ix) |
		 push(l, F_SECTION, ref, KIND_SECTION, e->section_ix);
	for (unsigned i = 0; i < e->links_count; i++)
		rc |= push_id(r, l, F_LINKS, ref, e->links[i]);
	return rc;
}

int links_from(const struct report *r, struct entity_ref ref, struct link_list *out)
{
	memset(out, 0, sizeof(*out));
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return -1;
	int i = ref.index;
	switch (ref.kind) {
	case KIND_SECTION:
		return push(out, F_PARENT, ref, KIND_SECTION, report_section(r, i)->parent_ix);
	case KIND_STAGE:
		return stage_links(r, ref, out);
	case KIND_AREA:
		return push(out, F_SECTION, ref, KIND_SECTION, report_area(r, i)->section_ix);
	case KIND_ACTIVITY:
		return push(out, F_AREA, ref, KIND_AREA, report_activity(r, i)->area_ix) |
		       push(out, F_SECTION, ref, KIND_SECTION, report_activity(r, i)->section_ix);
	case KIND_EVENT:
		return event_links(r, ref, out);
	case KIND_MEETING:
		return push(out, F_SECTION, ref, KIND_SECTION, report_meeting(r, i)->section_ix);
	case KIND_PROGRAMME:
		return push(out, F_SECTION, ref, KIND_SECTION, report_programme(r, i)->section_ix);
	case KIND_TERM:
		return push(out, F_SECTION, ref, KIND_SECTION, report_term(r, i)->section_ix) |
		       push_id(r, out, F_REFERS, ref, report_term(r, i)->refers);
	default:
		return -1;
	}
}

int links_to(const struct report *r, struct entity_ref ref, struct link_list *out)
{
	memset(out, 0, sizeof(*out));
	for (int k = 0; k < KIND_COUNT; k++) {
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct link_list from;
			if (links_from(r, (struct entity_ref){ (enum entity_kind)k, (int)i }, &from) != 0)
				continue;
			for (size_t j = 0; j < from.count; j++) {
				const struct link *lk = &from.links[j];
				if (lk->to.kind == ref.kind && lk->to.index == ref.index &&
				    append(out, *lk) != 0) {
					link_list_free(&from);
					return -1;
				}
			}
			link_list_free(&from);
		}
	}
	return 0;
}

void link_list_free(struct link_list *l)
{
	free(l->links);
	memset(l, 0, sizeof(*l));
}

struct link_index {
	size_t base[KIND_COUNT + 1]; /* the slot of each kind's first entity */
	size_t *first;               /* per entity: its first link in `links` */
	struct link *links;          /* grouped by target, in report order */
};

void link_index_free(struct link_index *x)
{
	if (!x)
		return;
	free(x->first);
	free(x->links);
	free(x);
}

/* Every link of every entity: counted per target (fill NULL), then put
 * in its target's place. */
static int each_link(const struct report *r, struct link_index *x, size_t *fill)
{
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct link_list from;
			if (links_from(r, (struct entity_ref){ (enum entity_kind)k, (int)i }, &from) != 0) {
				link_list_free(&from);
				continue;
			}
			for (size_t j = 0; j < from.count; j++) {
				size_t slot = x->base[from.links[j].to.kind] + (size_t)from.links[j].to.index;
				if (fill)
					x->links[fill[slot]++] = from.links[j];
				else
					x->first[slot + 1]++;
			}
			link_list_free(&from);
		}
	return 0;
}

struct link_index *link_index_new(const struct report *r)
{
	struct link_index *x = calloc(1, sizeof(*x));
	if (!x)
		return NULL;
	for (int k = 0; k < KIND_COUNT; k++)
		x->base[k + 1] = x->base[k] + report_count(r, (enum entity_kind)k);
	size_t n = x->base[KIND_COUNT];
	x->first = calloc(n + 1, sizeof(*x->first));
	size_t *fill = malloc((n + 1) * sizeof(*fill));
	if (!x->first || !fill) {
		free(fill);
		link_index_free(x);
		return NULL;
	}
	each_link(r, x, NULL);
	for (size_t i = 0; i < n; i++)
		x->first[i + 1] += x->first[i];
	x->links = malloc((x->first[n] ? x->first[n] : 1) * sizeof(*x->links));
	if (!x->links) {
		free(fill);
		link_index_free(x);
		return NULL;
	}
	memcpy(fill, x->first, (n + 1) * sizeof(*fill));
	each_link(r, x, fill);
	free(fill);
	return x;
}

int link_index_to(const struct link_index *x, struct entity_ref ref, struct link_list *out)
{
	memset(out, 0, sizeof(*out));
	if (ref.index < 0 || (size_t)ref.index >= x->base[ref.kind + 1] - x->base[ref.kind])
		return -1;
	size_t slot = x->base[ref.kind] + (size_t)ref.index;
	size_t n = x->first[slot + 1] - x->first[slot];
	if (!n)
		return 0;
	out->links = malloc(n * sizeof(*out->links));
	if (!out->links)
		return -1;
	memcpy(out->links, x->links + x->first[slot], n * sizeof(*out->links));
	out->count = n;
	return 0;
}

int report_links_to(const struct report *r, const struct link_index *x, struct entity_ref ref,
		    struct link_list *out)
{
	if (x)
		return link_index_to(x, ref, out);
	int rc = r->snap ? snapshot_links_to(r, ref, out) : 1;
	return rc <= 0 ? rc : links_to(r, ref, out);
}
