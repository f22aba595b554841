/* dispatch.c - what each key does: the prompt's keys while it is open, a
 * pending mark's letter, counts and pane digits, then the action the key
 * table names, run by the handler the action list gives it. */
#include "dispatch.h"
#include "app.h"
#include "book.h"
#include "copy.h"
#include "chrono.h"
#include "glance.h"
#include "panes.h"
#include "persist.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void action_fn(struct app *a, enum ui_action act, long count);

/* ---- moving ---- */

/* The moves every pane makes the same way; true if something moved. */
static bool move(struct pane *p, enum ui_action act, long count)
{
	int rows = pane_rows(p) > 1 ? pane_rows(p) : 1;
	int n = count > 0 ? (int)(count < 1000000 ? count : 1000000) : 1;
	/* a page is the whole pane, as in less and tig: no line is read twice */
	int page = rows, half = rows / 2 ? rows / 2 : 1;
	switch (act) {
	case ACT_MOVE_DOWN: return pane_move(p, n);
	case ACT_MOVE_UP: return pane_move(p, -n);
	case ACT_PAGE_DOWN: return pane_page(p, n * page);
	case ACT_PAGE_UP: return pane_page(p, -n * page);
	case ACT_HALF_DOWN: return pane_page(p, n * half);
	case ACT_HALF_UP: return pane_page(p, -n * half);
	case ACT_FIRST: return pane_goto_line(p, count > 0 ? count - 1 : 0);
	case ACT_LAST: return pane_goto_line(p, count > 0 ? count - 1 : -1);
	case ACT_PERCENT: return pane_goto_percent(p, count);
	default: return false;
	}
}

static void act_move(struct app *a, enum ui_action act, long count)
{
	struct pane *p = app_focused(a);
	/* Space and b on a navigator read on in the text beside it (the
	 * reader, the book): its list is short, the text is what is read. In
	 * a narrow window the text comes to show first. */
	enum ui_pane_id text = layout_zoom_pane(a->view);
	if ((act == ACT_PAGE_DOWN || act == ACT_PAGE_UP) && p->list && text != PANE_COUNT) {
		if (!a->lay.shown[text]) {
			app_set_focus(a, text);
			return;
		}
		p = app_pane(a, text);
	}
	const struct pane_class *c = pane_class(p->id);
	/* the last row, row N, N% or N rows on: every row laid out first */
	bool far = act == ACT_LAST || act == ACT_PERCENT || (act == ACT_FIRST && count > 0) ||
		   (count > 1 && (act == ACT_MOVE_DOWN || act == ACT_PAGE_DOWN || act == ACT_HALF_DOWN));
	if (far && c->all_rows)
		c->all_rows(a, p);
	if (move(p, act, count))
		app_moved(a, p->id);
}

static void act_sibling(struct app *a, enum ui_action act, long count)
{
	(void)count;
	int dir = act == ACT_NEXT_SIBLING ? 1 : -1;
	struct pane *p = app_focused(a);
	const struct pane_class *c = pane_class(p->id);
	if (c->sibling)
		c->sibling(a, p, dir);
	else if (p->list && pane_move(p, dir))
		app_moved(a, p->id);
}

static void act_parent(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	struct pane *p = app_focused(a);
	if (pane_class(p->id)->parent)
		pane_class(p->id)->parent(a, p);
}

/* ---- panes and views ---- */

static void act_pane_jump(struct app *a, enum ui_action act, long count)
{
	(void)count;
	const struct view_class *v = layout_view(a->view);
	size_t n = (size_t)(act - ACT_PANE_1);
	if (n < v->panes_count)
		app_set_focus(a, v->panes[n]);
}

/* The pane beside the focused one, dir -1 left or +1 right: the nearest
 * shown pane that way (from the reader, the navigator of what it reads);
 * where there is none, the one before or after in the view's order. */
static enum ui_pane_id pane_beside(struct app *a, int dir)
{
	const struct view_class *v = layout_view(a->view);
	enum ui_pane_id f = app_focus_id(a);
	/* beside as the panes stand when there is room for all of them, so
	 * h and l go the same way in a narrow window, one pane at a time */
	struct layout wide;
	layout_compute(&wide, 200, 60, a->view, f, NULL);
	struct rect fr = wide.pane[f];
	enum ui_pane_id best = PANE_COUNT, want = pane_class_for_kind(a->reader.kind);
	for (size_t i = 0; i < v->panes_count; i++) {
		enum ui_pane_id id = v->panes[i];
		struct rect r = wide.pane[id];
		bool beside = wide.shown[id] && (dir > 0 ? r.x >= fr.x + fr.w : r.x + r.w <= fr.x);
		if (beside && (best == PANE_COUNT || id == want))
			best = id;
	}
	if (best != PANE_COUNT)
		return best;
	size_t at = 0;
	while (at < v->panes_count && v->panes[at] != f)
		at++;
	if (dir < 0 && at > 0)
		return v->panes[at - 1];
	if (dir > 0 && at + 1 < v->panes_count)
		return v->panes[at + 1];
	return PANE_COUNT;
}

static void act_pane_side(struct app *a, enum ui_action act, long count)
{
	(void)count;
	enum ui_pane_id to = pane_beside(a, act == ACT_PANE_RIGHT ? 1 : -1);
	if (to != PANE_COUNT)
		app_set_focus(a, to);
}

/* Tab: the next link in a text pane, then the next pane. */
static void act_focus_step(struct app *a, enum ui_action act, long count)
{
	(void)count;
	int dir = act == ACT_FOCUS_NEXT ? 1 : -1;
	struct pane *p = app_focused(a);
	if (!p->list && pane_link_step(p, dir))
		return;
	const struct view_class *v = layout_view(a->view);
	size_t n = v->panes_count, i = 0;
	if (n < 2)
		return;
	while (i < n && v->panes[i] != p->id)
		i++;
	p->link = -1;
	p->dirty = true;
	enum ui_pane_id next = v->panes[(i + n + (dir > 0 ? 1 : n - 1)) % n];
	app_set_focus(a, next);
	struct pane *np = app_pane(a, next);
	if (!np->list) {
		np->link = -1;
		pane_link_step(np, dir);
	}
}

static void act_view(struct app *a, enum ui_action act, long count)
{
	(void)count;
	enum ui_view v = act == ACT_VIEW_HOME ? VIEW_HOME : VIEW_REPORT;
	if (a->view == v)
		return;
	places_push(a);
	app_set_view(a, v);
}

/* z: the text pane alone, or the view as it was. */
static void act_zoom(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	if (layout_zoom_pane(a->view) == PANE_COUNT) {
		app_say(a, "Nothing to widen here: z widens the reader and the report");
		return;
	}
	app_set_zoom(a, !a->zoom[a->view]);
}

/* ---- links, history, marks ---- */

static void act_open(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	struct pane *p = app_focused(a);
	const struct pane_class *c = pane_class(p->id);
	if (p->list) {
		if (c->open)
			c->open(a, p);
	} else if (p->link >= 0 && (size_t)p->link < p->doc->links_count) {
		places_open(a, p->doc->links[p->link].to, true);
	} else if (p->doc && p->doc->links_count) {
		app_say(a, "Tab to a link, then Enter follows it");
	}
}

static void act_history(struct app *a, enum ui_action act, long count)
{
	(void)count;
	places_go(a, act == ACT_BACK);
}

static void act_mark(struct app *a, enum ui_action act, long count)
{
	(void)count;
	places_mark_start(a, act);
}

/* ---- search ---- */

static void act_prompt(struct app *a, enum ui_action act, long count)
{
	(void)count;
	if (act == ACT_SEARCH)
		session_begin(a);
	else
		filter_begin(a);
}

static void act_search_step(struct app *a, enum ui_action act, long count)
{
	for (long i = 0; i < (count > 0 ? count : 1) && i < 100000; i++)
		session_step(a, act == ACT_SEARCH_NEXT ? 1 : -1);
}

static void act_card(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	session_card(a);
}

/* ---- other ---- */

static void act_where(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	struct pane *p = app_focused(a);
	char pos[32];
	pane_position(p, pos, sizeof(pos));
	const char *view = layout_view(a->view)->name, *name = pane_class(p->id)->title;
	int lines = p->doc ? (int)doc_lines(p->doc) : 0;
	int last = p->top + pane_rows(p) < lines ? p->top + pane_rows(p) : lines;
	if (p->list)
		app_say(a, "%s, %s: item %s%s%s%s%s", view, name, pos, p->title ? ", " : "",
			p->title ? p->title : "", p->filter ? ", filtered by & " : "", p->filter ? p->filter : "");
	else
		app_say(a, "%s, %s%s%s: lines %d-%d of %d (%s)", view, name, p->title ? " " : "",
			p->title ? p->title : "", lines ? p->top + 1 : 0, last, lines, pos);
}

static void act_redraw(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	a->repaint = true;
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].dirty = true;
}

/* The mouse on or off: ui/term_sync.c asks the terminal before the next
 * draw. Off, the terminal is asked for no mouse reports, so its own
 * selection and copying work. */
static void act_mouse(struct app *a, enum ui_action act, long count)
{
	(void)count;
	char key[16];
	keymap_keys_text(&a->set.keys, act, key, sizeof(key));
	key[strcspn(key, ",")] = '\0';
	a->mouse_wanted = !a->mouse_wanted;
	a->mouse_ask = MOUSE_ASK_FOR_KEY;
	if (a->mouse_wanted)
		app_say(a, "Mouse on: click and wheel; %s turns it off to select text with the terminal", key);
	else
		app_say(a, "Mouse off: the terminal selects and copies text; %s turns the mouse on", key);
}

static void help_close(struct app *a)
{
	app_set_view(a, a->view_before_help);
}

static void act_help(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	if (a->view == VIEW_HELP) {
		help_close(a);
		return;
	}
	a->view_before_help = a->view;
	app_set_view(a, VIEW_HELP);
}

static void act_cancel(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	struct pane *p = app_focused(a);
	if (a->view == VIEW_HELP)
		help_close(a);
	else if (filter_clear_focused(a) || session_cancel(a))
		return;
	else if (p->link >= 0) {
		p->link = -1;
		p->dirty = true;
	}
}

static void act_quit(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	if (a->view == VIEW_HELP)
		help_close(a);
	else
		a->quit = true;
}

/* The handlers, from the action list's handler column. */
static action_fn *const handlers[ACT_COUNT] = {
#define UI_ACTION_HANDLER(id, name, keys, group, count, handler, help) [ACT_##id] = handler,
	UI_ACTIONS(UI_ACTION_HANDLER)
#undef UI_ACTION_HANDLER
};

static enum ui_count count_kind(enum ui_action act)
{
	const struct ui_action_info *info;
	size_t n = ui_actions(&info);
	return act > ACT_NONE && (size_t)act <= n ? info[act - 1].count : COUNT_NONE;
}

/* A digit: a pane, or a count begun or continued (see dispatch.h). */
static void digit(struct app *a, long key)
{
	struct input_state *in = &a->in;
	if (!in->have_count) {
		enum ui_action act = keymap_lookup(&a->set.keys, key, false);
		size_t pane = (size_t)(act - ACT_PANE_1);
		if (act >= ACT_PANE_1 && act <= ACT_PANE_4 && pane < layout_view(a->view)->panes_count) {
			handlers[act](a, act, 0);
			return;
		}
		in->have_count = true;
		in->count = key - '0';
		return;
	}
	if (in->count < 10000000)
		in->count = in->count * 10 + (key - '0');
}

/* What the status line says of bytes that are no character: they were
 * dropped, and the likely cause (a Latin-1 terminal's é, or Alt sent as
 * an 8-bit meta byte). */
static const char invalid_input[] = "Ignored a byte that is not UTF-8: is the terminal set to UTF-8?";

/* A key with no action here. UIK_UNKNOWN is a real key curses decoded
 * (a function key past F12, a shifted arrow...) that has no name: "That
 * key". */
static void unknown_key(struct app *a, long key)
{
	char name[16], help[16];
	if (key == UIK_INVALID) {
		app_say(a, "%s", invalid_input);
		return;
	}
	ui_key_name(key, name, sizeof(name));
	keymap_keys_text(&a->set.keys, ACT_HELP, help, sizeof(help));
	help[strcspn(help, ",")] = '\0';
	if (strcmp(name, "?") == 0 && key != '?')
		app_say(a, "That key does nothing here: %s shows the keys", help[0] ? help : "help");
	else
		app_say(a, "%s does nothing here: %s shows the keys", name, help[0] ? help : "help");
}

static void prompt_key(struct app *a, long key)
{
	enum ui_action act = keymap_lookup(&a->set.keys, key, true);
	if (act != ACT_NONE)
		handlers[act](a, act, 0);
	else if (key == UIK_INVALID)
		app_say(a, "%s", invalid_input); /* nothing typed: the prompt says why */
	else
		prompt_type(a, key);
}

void app_key(struct app *a, long key)
{
	a->message[0] = '\0';
	if (a->save_shown) /* a failed save, seen: it goes with this key */
		app_save_problem_seen(a);
	if (a->prompt.ops) {
		prompt_key(a, key);
		return;
	}
	if (a->in.pending != ACT_NONE) {
		enum ui_action what = a->in.pending;
		a->in.pending = ACT_NONE;
		places_mark_key(a, what, key);
		return;
	}
	if (key >= '0' && key <= '9') {
		digit(a, key);
		return;
	}
	enum ui_action act = keymap_lookup(&a->set.keys, key, false);
	long count = a->in.have_count ? a->in.count : 0;
	a->in.have_count = false;
	a->in.count = 0;
	if (act == ACT_NONE) {
		unknown_key(a, key);
		return;
	}
	handlers[act](a, act, count_kind(act) != COUNT_NONE ? count : 0);
}

/* ---- the mouse ---- */

/* The link under column x of a line of a text pane, or -1. */
static int link_at(const struct pane *p, int line, int x)
{
	if (!p->doc || line < 0 || !doc_layout_until(p->doc, (size_t)line))
		return -1;
	const struct doc_line *l = &p->doc->lines[line];
	struct doc_seg segs[64];
	size_t n = doc_line_segs(p->doc, (size_t)line, segs, 64);
	int col = l->indent;
	const char *text = p->doc->blocks[l->block].text;
	for (size_t i = 0; i < n; i++) {
		int w = text_width(text + segs[i].start, segs[i].len);
		if (x >= col && x < col + w)
			return segs[i].link;
		col += w;
	}
	return -1;
}

static enum ui_pane_id pane_at(const struct app *a, int y, int x)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		struct rect r = a->lay.pane[i];
		if (a->lay.shown[i] && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
			return (enum ui_pane_id)i;
	}
	return PANE_COUNT;
}

void app_mouse(struct app *a, const struct ui_mouse *m)
{
	a->message[0] = '\0';
	enum ui_pane_id id = a->prompt.ops ? PANE_COUNT : pane_at(a, m->y, m->x);
	if (id == PANE_COUNT)
		return;
	struct pane *p = app_pane(a, id);
	if (m->buttons & (UI_MOUSE_WHEEL_UP | UI_MOUSE_WHEEL_DOWN)) {
		int d = m->buttons & UI_MOUSE_WHEEL_UP ? -3 : 3;
		if (p->list ? pane_page(p, d) : pane_move(p, d))
			app_moved(a, id);
		return;
	}
	if (!(m->buttons & UI_MOUSE_CLICK))
		return;
	app_set_focus(a, id);
	int row = m->y - p->r.y - pane_text_y(p);
	if (row < 0)
		return;
	int line = p->top + row;
	if (p->list) {
		if (pane_select_line(p, line))
			app_moved(a, id);
		if (pane_class(id)->click_opens)
			pane_class(id)->open(a, p);
		return;
	}
	int link = link_at(p, line, m->x - p->r.x);
	if (link >= 0) {
		p->link = link;
		places_open(a, p->doc->links[link].to, true);
	}
}
