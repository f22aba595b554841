/* panes.c - the pane table: what each pane is and which functions of its
 * screen family's file do its work. */
#include "panes.h"
#include "book.h"
#include "chrono.h"
#include "glance.h"
#include "help.h"
#include "lists.h"
#include "reader.h"
#include "results.h"
#include "timeline.h"

#include <string.h>

static const char *const names[PANE_COUNT] = {
#define PANE_NAME(id, name, title) name,
	UI_PANES(PANE_NAME)
#undef PANE_NAME
};

static const struct pane_class classes[PANE_COUNT] = {
#define PANE_NAMES(id, n, t) [PANE_##id].name = n, [PANE_##id].title = t,
	UI_PANES(PANE_NAMES)
#undef PANE_NAMES

	[PANE_STAGES].list = true, [PANE_STAGES].kind = KIND_STAGE,
	[PANE_STAGES].build = lists_stages, [PANE_STAGES].moved = lists_moved,
	[PANE_STAGES].open = lists_open, [PANE_STAGES].parent = reader_parent,
	[PANE_STAGES].items = lists_stages_count, [PANE_STAGES].keep = lists_keep_stage,

	[PANE_AREAS].list = true, [PANE_AREAS].kind = KIND_AREA,
	[PANE_AREAS].build = lists_areas, [PANE_AREAS].moved = lists_moved,
	[PANE_AREAS].open = lists_open, [PANE_AREAS].parent = reader_parent,
	[PANE_AREAS].items = lists_areas_count, [PANE_AREAS].keep = lists_keep_area,

	[PANE_TIMELINE].list = true, [PANE_TIMELINE].kind = KIND_EVENT,
	[PANE_TIMELINE].build = timeline_build, [PANE_TIMELINE].moved = timeline_moved,
	[PANE_TIMELINE].open = lists_open, [PANE_TIMELINE].sibling = timeline_sibling,
	[PANE_TIMELINE].parent = reader_parent, [PANE_TIMELINE].placed = timeline_placed,
	[PANE_TIMELINE].items = timeline_count, [PANE_TIMELINE].keep = timeline_keep,

	[PANE_READER].kind = KIND_COUNT, [PANE_READER].marked = true,
	[PANE_READER].pages = ((1u << KIND_COUNT) - 1) & ~(1u << KIND_SECTION),
	[PANE_READER].show = reader_open, [PANE_READER].showing = reader_showing,
	[PANE_READER].sibling = reader_sibling, [PANE_READER].parent = reader_parent,
	[PANE_READER].subject = reader_subject,

	[PANE_OUTLINE].list = true, [PANE_OUTLINE].kind = KIND_SECTION, [PANE_OUTLINE].lazy = true,
	[PANE_OUTLINE].build = book_outline, [PANE_OUTLINE].moved = book_outline_moved,
	[PANE_OUTLINE].open = book_outline_open, [PANE_OUTLINE].sibling = book_sibling,
	[PANE_OUTLINE].parent = book_parent,
	[PANE_OUTLINE].items = book_sections_count, [PANE_OUTLINE].keep = book_keep_section,

	[PANE_BOOK].kind = KIND_COUNT, [PANE_BOOK].lazy = true, [PANE_BOOK].marked = true,
	[PANE_BOOK].pages = 1u << KIND_SECTION, [PANE_BOOK].show = book_show,
	[PANE_BOOK].showing = book_showing,
	[PANE_BOOK].build = book_build, [PANE_BOOK].moved = book_moved,
	[PANE_BOOK].sibling = book_sibling, [PANE_BOOK].parent = book_parent,
	[PANE_BOOK].placed = book_placed,
	[PANE_BOOK].subject = book_subject,

	[PANE_RESULTS].list = true, [PANE_RESULTS].kind = KIND_COUNT, [PANE_RESULTS].click_opens = true,
	[PANE_RESULTS].hits = true,
	[PANE_RESULTS].moved = results_moved, [PANE_RESULTS].open = results_open,
	[PANE_RESULTS].placed = results_placed, [PANE_RESULTS].all_rows = results_all_rows,
	[PANE_RESULTS].items = results_count, [PANE_RESULTS].keep = results_keep,

	[PANE_PREVIEW].kind = KIND_COUNT, [PANE_PREVIEW].marked = true, [PANE_PREVIEW].after_pause = true,
	[PANE_PREVIEW].subject = results_preview_subject,

	[PANE_HELP].kind = KIND_COUNT, [PANE_HELP].lazy = true, [PANE_HELP].build = help_build,

	[PANE_OVERVIEW].kind = KIND_COUNT, [PANE_OVERVIEW].lazy = true,
	[PANE_OVERVIEW].build = glance_build, [PANE_OVERVIEW].placed = glance_placed,

	[PANE_EVENTS].list = true, [PANE_EVENTS].kind = KIND_EVENT, [PANE_EVENTS].lazy = true,
	[PANE_EVENTS].goto_here = true,
	[PANE_EVENTS].build = chrono_build, [PANE_EVENTS].moved = chrono_moved,
	[PANE_EVENTS].open = chrono_open, [PANE_EVENTS].sibling = timeline_sibling,
	[PANE_EVENTS].parent = chrono_parent, [PANE_EVENTS].placed = chrono_placed,
	[PANE_EVENTS].items = timeline_count, [PANE_EVENTS].keep = timeline_keep,

	[PANE_EVENT].kind = KIND_COUNT, [PANE_EVENT].marked = true, [PANE_EVENT].parent = chrono_parent,
	[PANE_EVENT].subject = chrono_subject,
};

const struct pane_class *pane_class(enum ui_pane_id id)
{
	return &classes[id < PANE_COUNT ? id : PANE_HELP];
}

int pane_class_find(const char *name, size_t len, enum ui_pane_id *out)
{
	for (int i = 0; i < PANE_COUNT; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0) {
			*out = (enum ui_pane_id)i;
			return 0;
		}
	return -1;
}

const char *const *pane_class_names(size_t *count)
{
	*count = PANE_COUNT;
	return names;
}

enum ui_pane_id pane_class_page_for(enum entity_kind kind)
{
	for (int i = 0; i < PANE_COUNT; i++)
		if ((classes[i].pages >> kind) & 1u)
			return (enum ui_pane_id)i;
	return PANE_COUNT;
}

enum ui_pane_id pane_class_goto_for(enum entity_kind kind)
{
	for (int i = 0; i < PANE_COUNT; i++)
		if (classes[i].goto_here && classes[i].kind == kind)
			return (enum ui_pane_id)i;
	return PANE_COUNT;
}

enum ui_pane_id pane_class_for_kind(enum entity_kind kind)
{
	for (int i = 0; i < PANE_COUNT; i++)
		if (classes[i].list && classes[i].kind == kind && layout_view(layout_pane_view((enum ui_pane_id)i))->kept)
			return (enum ui_pane_id)i;
	return PANE_COUNT;
}
