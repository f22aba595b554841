/* reader.c - the reader pane. */
#include "reader.h"
#include "app.h"

#include <stdio.h>
#include <stdlib.h>

char *reader_title(const struct report *r, struct entity_ref ref)
{
	char *label = page_label(r, ref), *s = NULL;
	if (!label)
		return NULL;
	int n;
	switch (ref.kind) {
	case KIND_STAGE:
		return label;
	case KIND_AREA:
		n = asprintf(&s, "Area %s", label);
		break;
	case KIND_EVENT: {
		const struct event *e = r->events[ref.index];
		n = e->month ? asprintf(&s, "Event %u-%02u", e->year, e->month) : asprintf(&s, "Event %u", e->year);
		break;
	}
	default: {
		const char *k = entity_kind_name(ref.kind);
		n = asprintf(&s, "%c%s %s", k[0] - 32, k + 1, label);
		break;
	}
	}
	free(label);
	return n < 0 ? NULL : s;
}

void reader_show(struct app *a, struct entity_ref ref)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(a->r, ref.kind) ||
	    entity_ref_same(ref, a->reader))
		return;
	a->reader = ref;
	app_set_text_doc(a, PANE_READER, page_entity(&a->pg, ref));
	char *t = reader_title(a->r, ref);
	pane_set_title(app_pane(a, PANE_READER), t);
	free(t);
}

void reader_open(struct app *a, struct entity_ref ref)
{
	if (entity_ref_same(ref, a->reader))
		pane_goto_line(app_pane(a, PANE_READER), 0);
	else
		reader_show(a, ref);
}

bool reader_showing(const struct app *a, struct entity_ref ref)
{
	return entity_ref_same(ref, a->reader);
}

void reader_sibling(struct app *a, struct pane *p, int dir)
{
	(void)p;
	struct entity_ref ref = a->reader;
	int next = ref.index + dir;
	if (next < 0 || (size_t)next >= report_count(a->r, ref.kind)) {
		app_say(a, "no %s %s", dir > 0 ? "next" : "previous", entity_kind_name(ref.kind));
		return;
	}
	places_open(a, (struct entity_ref){ ref.kind, next }, true);
}

/* The parent of an entity, as ',' goes up. */
static struct entity_ref parent_of(const struct report *r, struct entity_ref ref)
{
	const struct entity_ref none = { KIND_COUNT, NO_INDEX };
	int s;
	switch (ref.kind) {
	case KIND_SECTION:
		s = r->sections[ref.index]->parent_ix;
		return s >= 0 ? (struct entity_ref){ KIND_SECTION, s } : none;
	case KIND_ACTIVITY:
		return (struct entity_ref){ KIND_AREA, r->activities[ref.index]->area_ix };
	case KIND_EVENT:
		if (r->events[ref.index]->stage_ix >= 0)
			return (struct entity_ref){ KIND_STAGE, r->events[ref.index]->stage_ix };
		return (struct entity_ref){ KIND_SECTION, r->events[ref.index]->section_ix };
	case KIND_AREA:
		s = r->areas[ref.index]->section_ix;
		if (s >= 0 && r->sections[s]->parent_ix >= 0)
			return (struct entity_ref){ KIND_SECTION, r->sections[s]->parent_ix };
		return none;
	default:
		s = report_entity_section(r, ref);
		return s >= 0 ? (struct entity_ref){ KIND_SECTION, s } : none;
	}
}

void reader_parent(struct app *a, struct pane *p)
{
	(void)p;
	struct entity_ref up = parent_of(a->r, a->reader);
	if (up.index < 0) {
		app_say(a, "no parent");
		return;
	}
	places_open(a, up, true);
}
