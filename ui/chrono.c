/* chrono.c - the Timeline view: the events pane (rows, lanes, the axis
 * above them) and the page of the selected event. */
#include "chrono.h"
#include "app.h"
#include "axis.h"
#include "panes.h"
#include "relations.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lane takes a third of what the dates leave, within these; a label
 * keeps the rest. */
enum { LANE_MIN = 12, LANE_MAX = 40, LABEL_MIN = 20 };

/* Where the columns of a row go. */
struct geo {
	bool picture;
	int date_w;          /* the widest date */
	int lane_x;          /* the lane's first column */
	struct axis ax;      /* the lane's columns */
};

static int dates_width(const struct report *r)
{
	int w = 0;
	for (size_t i = 0; i < r->events_count; i++) {
		char date[PRESENT_DATE_MAX];
		present_date(report_event(r, i)->year, report_event(r, i)->month, PRESENT_DATE_WORDS, date);
		int dw = text_width(date, strlen(date));
		w = dw > w ? dw : w;
	}
	return w;
}

static void geo_make(struct geo *g, const struct report *r, int width, bool picture)
{
	memset(g, 0, sizeof(*g));
	g->date_w = dates_width(r);
	int lane = (width - g->date_w - 2) / 3;
	lane = lane > LANE_MAX ? LANE_MAX : lane;
	if (!picture || lane < LANE_MIN || width - g->date_w - 2 - lane < LABEL_MIN)
		return;
	if (axis_make(&g->ax, r, lane) != 0) {
		axis_free(&g->ax);
		return;
	}
	g->picture = true;
	g->lane_x = g->date_w + 1;
}

/* ---- the rows ---- */

static void band_row(const struct report *r, struct doc *d, int stage)
{
	int blk = doc_begin(d, 0, 0, DOC_BAND);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	if (stage < 0) {
		doc_put(d, "Outside the stages", DOC_PLAIN);
		return;
	}
	const struct stage *s = report_stage(r, stage);
	char roman[PRESENT_ROMAN_MAX];
	doc_putf(d, DOC_PLAIN, "Stage %s %s, %u-%u", present_roman(s->number, roman), s->name, s->from,
		 s->to);
}

/* The lane of a row: the boundaries, and a dot at column `mark`. */
static void lane(const struct pages *p, struct doc *d, const struct geo *g, int mark)
{
	const char *bound = p->ascii ? "|" : "\u2502", *dot = p->ascii ? "*" : "\u25cf";
	int spaces = 0;
	for (int c = 0; c < g->ax.width; c++) {
		bool b = axis_boundary(&g->ax, c);
		if (!b && c != mark) {
			spaces++;
			continue;
		}
		doc_putf(d, DOC_PLAIN, "%*s", spaces, "");
		spaces = 0;
		doc_put(d, b ? bound : dot, b ? DOC_DIM : DOC_MARK);
	}
	doc_putf(d, DOC_PLAIN, "%*s", spaces, "");
}

static void event_row(const struct pages *p, struct doc *d, const struct geo *g, int ev)
{
	const struct event *e = report_event(p->r, ev);
	int blk = doc_begin(d, 0, 0, DOC_PLAIN);
	if (blk < 0)
		return;
	d->blocks[blk].nowrap = true;
	d->blocks[blk].item = ev;
	char date[PRESENT_DATE_MAX];
	present_date(e->year, e->month, PRESENT_DATE_WORDS, date);
	int pad = g->date_w - text_width(date, strlen(date));
	doc_putf(d, DOC_DIM, "%s%*s", date, pad > 0 ? pad : 0, "");
	if (g->picture) {
		doc_put(d, " ", DOC_PLAIN);
		lane(p, d, g, axis_column(&g->ax, e->year));
	}
	doc_put(d, g->picture ? " " : "  ", DOC_PLAIN);
	char *label = present_event_label(p->r, ev);
	doc_put(d, label ? label : e->title, DOC_PLAIN);
	free(label);
}

struct doc *page_chrono(const struct pages *p, int width, bool picture)
{
	const struct report *r = p->r;
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	struct geo g;
	geo_make(&g, r, width, picture);
	int band = -2;
	for (size_t i = 0; i < r->events_count; i++) {
		if (report_event(r, i)->stage_ix != band) {
			band = report_event(r, i)->stage_ix;
			band_row(r, d, band);
		}
		event_row(p, d, &g, (int)i);
	}
	axis_free(&g.ax);
	return d;
}

/* ---- the head: stages and years over the lane ---- */

/* The head is drawn from the pane's first column, the rows after the
 * column of the selection's '>': the head's lane starts a column later. */
enum { HEAD_SHIFT = 1 };

/* One line of the lane's columns: `cells` (one glyph each, NULL: a space),
 * their styles. */
static void put_cells(struct doc *d, const struct geo *g, const char **cells, const unsigned *style)
{
	doc_putf(d, DOC_PLAIN, "%*s", HEAD_SHIFT + g->lane_x, "");
	char run[256];
	size_t len = 0;
	for (int c = 0; c < g->ax.width; c++) {
		const char *cell = cells[c] ? cells[c] : " ";
		/* one span a style: a line has room for 64 */
		if (len + strlen(cell) >= sizeof(run) || (c > 0 && style[c] != style[c - 1])) {
			run[len] = '\0';
			doc_put(d, run, style[c - 1]);
			len = 0;
		}
		memcpy(run + len, cell, strlen(cell));
		len += strlen(cell);
	}
	run[len] = '\0';
	doc_put(d, run, g->ax.width ? style[g->ax.width - 1] : DOC_PLAIN);
}

/* The stages' numerals and names between the boundaries ("II Deepening"),
 * each cut at its span's end. */
static void head_names(const struct pages *p, struct doc *d, const struct geo *g)
{
	const struct report *r = p->r;
	doc_putf(d, DOC_PLAIN, "%*s", HEAD_SHIFT + g->lane_x, "");
	for (size_t i = 0; i < g->ax.count; i++) {
		const struct axis_span *s = &g->ax.spans[i];
		int used = 0;
		if (s->stage >= 0) {
			const struct stage *st = report_stage(r, s->stage);
			char roman[PRESENT_ROMAN_MAX], name[256];
			const char *num = present_roman(st->number, roman);
			int nw = 0;
			size_t take = text_fit(num, strlen(num), s->w, &nw);
			doc_putf(d, DOC_BOLD, "%.*s", (int)take, num);
			/* the name when it fits whole, else the numeral alone */
			snprintf(name, sizeof(name), " %s", st->name);
			int rest = text_width(name, strlen(name));
			if (nw + rest <= s->w)
				doc_put(d, name, DOC_PLAIN);
			used = nw + (nw + rest <= s->w ? rest : 0);
		}
		doc_putf(d, DOC_PLAIN, "%*s", s->w - used, "");
		if (i + 1 < g->ax.count)
			doc_put(d, p->ascii ? "|" : "\u2502", DOC_DIM);
	}
}

/* The year axis: a line with a cross at each boundary, and the first year
 * of each span where it fits, the last year at the end. */
static void head_years(const struct pages *p, const struct geo *g, const char **cells, unsigned *style,
		       char *buf)
{
	for (int c = 0; c < g->ax.width; c++) {
		bool b = axis_boundary(&g->ax, c);
		cells[c] = b ? (p->ascii ? "+" : "\u253c") : (p->ascii ? "-" : "\u2500");
		style[c] = DOC_DIM;
	}
	for (size_t i = 0; i < g->ax.count; i++) {
		const struct axis_span *s = &g->ax.spans[i];
		bool last = i + 1 == g->ax.count;
		char years[16];
		int n = snprintf(years, sizeof(years), "%u", s->from);
		if (n > s->w)
			continue;
		for (int k = 0; k < n; k++) {
			char *at = buf + 2 * (s->x + k);
			at[0] = years[k];
			at[1] = '\0';
			cells[s->x + k] = at;
			style[s->x + k] = DOC_PLAIN;
		}
		n = snprintf(years, sizeof(years), "%u", s->to);
		if (!last || s->to == s->from || 2 * n + 1 > s->w)
			continue;
		for (int k = 0; k < n; k++) {
			char *at = buf + 2 * (s->x + s->w - n + k);
			at[0] = years[k];
			at[1] = '\0';
			cells[s->x + s->w - n + k] = at;
			style[s->x + s->w - n + k] = DOC_PLAIN;
		}
	}
}

struct doc *page_chrono_head(const struct pages *p, int width, bool picture)
{
	struct geo g;
	geo_make(&g, p->r, width, picture);
	if (!g.picture)
		return NULL;
	struct doc *d = doc_new();
	const char **cells = calloc((size_t)g.ax.width, sizeof(*cells));
	unsigned *style = calloc((size_t)g.ax.width, sizeof(*style));
	char *buf = calloc((size_t)g.ax.width, 2);
	if (d && cells && style && buf) {
		if (doc_begin(d, 0, 0, DOC_PLAIN) >= 0) {
			d->blocks[d->blocks_count - 1].nowrap = true;
			head_names(p, d, &g);
		}
		if (doc_begin(d, 0, 0, DOC_PLAIN) >= 0) {
			d->blocks[d->blocks_count - 1].nowrap = true;
			head_years(p, &g, cells, style, buf);
			put_cells(d, &g, cells, style);
		}
	}
	free(cells);
	free(style);
	free(buf);
	axis_free(&g.ax);
	return d;
}

/* ---- the panes ---- */

/* Pictures from the width where panes stand side by side. */
static bool picture_for(const struct pane *p)
{
	return p->r.w >= LAYOUT_SPLIT_COLS;
}

struct doc *chrono_build(struct app *a)
{
	struct pane *p = &a->panes[PANE_EVENTS];
	return page_chrono(&a->pg, pane_cols(p), picture_for(p));
}

/* New rows for the width: the selection, the first row shown and a
 * filter stay. */
void chrono_placed(struct app *a, struct pane *p)
{
	struct pane_anchor at;
	pane_anchor_get(p, &at);
	size_t n = a->r->events_count;
	bool *keep = p->filter ? calloc(n + 1, sizeof(bool)) : NULL;
	char *filter = keep && p->filter ? strdup(p->filter) : NULL;
	for (size_t i = 0; keep && p->doc && i < p->doc->blocks_count; i++) {
		const struct doc_block *b = &p->doc->blocks[i];
		if (b->item >= 0 && (size_t)b->item < n)
			keep[b->item] = !b->hidden;
	}
	pane_set_doc(p, page_chrono(&a->pg, pane_cols(p), picture_for(p)));
	if (keep && filter)
		pane_filter(p, keep, n, filter);
	pane_anchor_set(p, &at);
	free(keep);
	free(filter);
	pane_set_head(p, page_chrono_head(&a->pg, pane_cols(p), picture_for(p)));
	chrono_moved(a, p); /* a place put back (<, a mark) brings its page */
}

void chrono_moved(struct app *a, struct pane *p)
{
	int ev = pane_item(p);
	if (ev < 0 || ev + 1 == a->chrono_page)
		return;
	a->chrono_page = ev + 1;
	struct entity_ref ref = { KIND_EVENT, ev };
	app_set_text_doc(a, PANE_EVENT, page_entity(&a->pg, ref));
	char date[PRESENT_DATE_MAX];
	const struct event *e = report_event(a->r, ev);
	pane_set_title(app_pane(a, PANE_EVENT), present_date(e->year, e->month, PRESENT_DATE_WORDS, date));
}

void chrono_open(struct app *a, struct pane *p)
{
	(void)p;
	app_set_focus(a, PANE_EVENT);
}

void chrono_parent(struct app *a, struct pane *p)
{
	(void)p;
	int ev = pane_item(app_pane(a, PANE_EVENTS));
	struct entity_ref up = ev >= 0 ? relations_parent(a->r, (struct entity_ref){ KIND_EVENT, ev })
				       : relations_none;
	if (up.index < 0) {
		app_say(a, "no parent");
		return;
	}
	places_open(a, up, true);
}

void act_timeline(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	if (a->view == VIEW_TIMELINE)
		return;
	/* the event the home screen reads, else the one its list selects */
	enum ui_pane_id nav = pane_class_for_kind(KIND_EVENT);
	int ev = a->reader.kind == KIND_EVENT ? a->reader.index
		 : nav != PANE_COUNT ? pane_item(&a->panes[nav]) : -1;
	places_push(a);
	app_set_view(a, VIEW_TIMELINE);
	struct pane *p = app_pane(a, PANE_EVENTS);
	if (ev >= 0)
		pane_select_item(p, ev);
	app_moved(a, PANE_EVENTS);
}

struct entity_ref chrono_subject(struct app *a, struct pane *p)
{
	(void)p;
	int item = pane_item(app_pane(a, PANE_EVENTS));
	return item >= 0 ? (struct entity_ref){ KIND_EVENT, item } : (struct entity_ref){ KIND_COUNT, NO_INDEX };
}
