/* glance.c - the Overview view's pane. */
#include "glance.h"
#include "app.h"
#include "overview.h"

#include <stdlib.h>

struct doc *page_overview(const struct pages *p, int width)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	struct overview *o = overview_new(p->r, width, page_glyphs(p));
	if (!o) {
		d->failed = true;
		return d;
	}
	for (size_t i = 0; i < o->count; i++) {
		int blk = doc_begin(d, 0, 0, DOC_PLAIN);
		if (blk < 0)
			break;
		d->blocks[blk].nowrap = true;
		page_put_line(d, &o->lines[i].line, o->lines[i].style == OVERVIEW_HEADING ? DOC_BOLD : 0);
	}
	overview_free(o);
	return d;
}

struct doc *glance_build(struct app *a)
{
	/* a picture, not prose: the whole width, whatever the reader's wrap */
	a->panes[PANE_OVERVIEW].wrap_cap = 0;
	return page_overview(&a->pg, pane_cols(&a->panes[PANE_OVERVIEW]));
}

/* Built again for the width: the focused link (the same entity) and the
 * part of the text on screen stay. */
void glance_placed(struct app *a, struct pane *p)
{
	if (p->doc && p->doc->width == pane_cols(p))
		return;
	struct entity_ref focus = { KIND_COUNT, NO_INDEX };
	if (p->doc && p->link >= 0 && (size_t)p->link < p->doc->links_count)
		focus = p->doc->links[p->link].to;
	long lines = p->doc ? (long)doc_lines(p->doc) : 0, top = p->top;
	app_set_text_doc(a, p->id, page_overview(&a->pg, pane_cols(p)));
	if (lines > 0)
		pane_goto_line(p, top * (long)doc_lines(p->doc) / lines);
	for (size_t i = 0; focus.index >= 0 && i < p->doc->links_count; i++) {
		if (!entity_ref_same(p->doc->links[i].to, focus))
			continue;
		p->link = (int)i;
		pane_scroll_to_line(p, (int)doc_link_line(p->doc, (int)i), pane_rows(p) / 3);
		break;
	}
}

void act_overview(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	if (a->view == VIEW_OVERVIEW)
		return;
	places_push(a);
	app_set_view(a, VIEW_OVERVIEW);
}
