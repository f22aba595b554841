/* reader.c - the reader pane. */
#include "reader.h"
#include "app.h"
#include "relations.h"

#include <stdio.h>
#include <stdlib.h>

char *reader_title(const struct pages *pg, struct entity_ref ref)
{
	char *label = present_label(pg->r, ref, page_glyphs(pg)), *s = NULL;
	if (!label || ref.kind == KIND_STAGE)
		return label;
	int n;
	if (ref.kind == KIND_EVENT) {
		const struct event *e = report_event(pg->r, ref.index);
		char date[PRESENT_DATE_MAX];
		n = asprintf(&s, "Event %s", present_date(e->year, e->month, PRESENT_DATE_WORDS, date));
	} else {
		const char *k = entity_kind_name(ref.kind);
		n = asprintf(&s, "%c%s %s", k[0] - 32, k + 1, label);
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
	char *t = reader_title(&a->pg, ref);
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

struct entity_ref reader_subject(struct app *a, struct pane *p)
{
	(void)p;
	return a->reader;
}

void reader_parent(struct app *a, struct pane *p)
{
	(void)p;
	struct entity_ref up = relations_parent(a->r, a->reader);
	if (up.index < 0) {
		app_say(a, "no parent");
		return;
	}
	places_open(a, up, true);
}
