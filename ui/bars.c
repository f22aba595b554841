/* bars.c - the title and status lines. */
#include "bars.h"
#include "app.h"
#include "panes.h"
#include "persist.h"
#include "text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ellipsis(const struct app *a)
{
	return a->ascii ? "~" : "\u2026";
}

/* Copy s into out, at most `cols` columns; a cut ends in an ellipsis.
 * Returns the columns used. */
static int fit(const struct app *a, const char *s, int cols, char *out, size_t size)
{
	int w = text_width(s, strlen(s)), used;
	size_t take = strlen(s);
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	if (w <= cols) {
		snprintf(out, size, "%s", s);
		return w;
	}
	take = text_fit(s, take, cols - 1, &used);
	while (take > 0 && s[take - 1] == ' ') /* "the 2020…", not "the 2020 …" */
		take--, used--;
	snprintf(out, size, "%.*s%s", (int)take, s, ellipsis(a));
	return used + 1;
}

/* ---- the title line ---- */

/* " Home > Areas > 2) DSS Prevention ": the view, the focused pane, and
 * what is selected or shown in it. */
static void where(const struct app *a, char *buf, size_t n)
{
	const struct pane *p = &a->panes[app_focus_id(a)];
	const char *sep = a->ascii ? " > " : " \u203a ";
	if (a->view == VIEW_HELP) {
		snprintf(buf, n, " %s ", layout_view(a->view)->name);
		return;
	}
	char *label = NULL;
	const struct pane_class *c = pane_class(p->id);
	if (c->kind != KIND_COUNT && c->kind != KIND_SECTION && pane_item(p) >= 0)
		label = present_label(a->r, (struct entity_ref){ c->kind, pane_item(p) }, page_glyphs(&a->pg));
	else if (p->title)
		label = strdup(p->title);
	snprintf(buf, n, " %s%s%s%s%s ", layout_view(a->view)->name, sep, c->title, label ? sep : "",
		 label ? label : "");
	free(label);
}

void bars_title(const struct app *a, struct bar *b)
{
	memset(b, 0, sizeof(*b));
	b->cursor = -1;
	b->left_tone = b->right_tone = BAR_BOLD;
	int cols = a->lay.cols;
	char w[768];
	where(a, w, sizeof(w));
	b->right_width = fit(a, w, cols, b->right, sizeof(b->right));
	/* the report's name gets what "where" leaves; where wins */
	int room = cols - b->right_width;
	if (room > 12) {
		char name[600];
		snprintf(name, sizeof(name), " temm: %s", a->r->title);
		b->left_width = fit(a, name, room - 1, b->left, sizeof(b->left));
	}
}

/* ---- the strip of a narrow screen ---- */

void bars_tabs(const struct app *a, struct bar_tabs *t)
{
	memset(t, 0, sizeof(*t));
	const struct view_class *v = layout_view(a->view);
	int cols = a->lay.strip.w, n = (int)(v->panes_count < 8 ? v->panes_count : 8);
	int need = 0, focused_w = 0;
	char full[8][96];
	for (int i = 0; i < n; i++) {
		enum ui_pane_id id = v->panes[i];
		snprintf(full[i], sizeof(full[i]), " %d %s%s", i + 1, pane_class(id)->title, i + 1 == n ? " " : "");
		need += text_width(full[i], strlen(full[i]));
		if (id == app_focus_id(a))
			focused_w = text_width(full[i], strlen(full[i]));
	}
	/* the focused tab whole when it can be, the others share the rest */
	int share = n > 1 ? (cols - focused_w) / (n - 1) : cols;
	for (int i = 0, x = 0; i < n && x < cols; i++) {
		struct bar_tab *b = &t->tab[t->count++];
		enum ui_pane_id id = v->panes[i];
		b->shown = a->lay.shown[id];
		b->focused = id == app_focus_id(a);
		int room = need <= cols ? cols - x : b->focused ? focused_w : share;
		if (room > cols - x)
			room = cols - x;
		/* a name cut to nothing is only its digit: " 1", not " 1…" */
		char digit[16];
		int dw = snprintf(digit, sizeof(digit), " %d", i + 1);
		if (text_width(full[i], strlen(full[i])) > room && room <= dw + 2)
			b->width = fit(a, digit, room, b->text, sizeof(b->text));
		else
			b->width = fit(a, full[i], room, b->text, sizeof(b->text));
		b->x = x;
		x += b->width;
	}
}

/* ---- the status line ---- */

/* The first key of an action, as the hints name it; "" if unbound. */
static void key1(const struct app *a, enum ui_action act, char *buf, size_t n)
{
	keymap_keys_text(&a->set.keys, act, buf, n);
	buf[strcspn(buf, ",")] = '\0';
}

/* When a hint is shown: only when its key does what it says. */
enum hint_when {
	ALWAYS,
	TEXT_MORE,    /* Space: the text read (the focused, or the reader a list pages) is longer than its pane */
	LINKS,        /* Tab: the text has links */
	NO_LINKS,     /* Tab: a text without links goes to the next pane */
	LINK_FOCUSED, /* Enter: a link is focused */
	HAS_BACK,     /* Backspace: a place to go back to */
	ZOOM_OFF,     /* z: the view has a text pane to widen */
	ZOOM_ON,      /* z: the view is zoomed */
	MANY_PANES,   /* Tab: another pane to go to */
	HAS_ITEMS,    /* j/k, Enter: the list has a row to go to or open */
};

/* A hint: "j/k move". `drop` orders what gives way when the line is
 * short: the highest first. */
struct hint {
	enum ui_action act, act2; /* act2: a second key shown as act/act2, or ACT_NONE */
	const char *what;
	int drop;
	enum hint_when when;
};

static const struct hint list_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "move", 3, HAS_ITEMS }, { ACT_OPEN, ACT_NONE, "read", 4, HAS_ITEMS },
	{ ACT_PAGE_DOWN, ACT_NONE, "page", 2, TEXT_MORE }, { ACT_FOCUS_NEXT, ACT_NONE, "pane", 7, MANY_PANES },
	{ ACT_ZOOM, ACT_NONE, "full width", 8, ZOOM_OFF }, { ACT_SEARCH, ACT_NONE, "search", 5, ALWAYS },
	{ ACT_FILTER, ACT_NONE, "filter", 9, ALWAYS }, { ACT_HELP, ACT_NONE, "help", 0, ALWAYS },
	{ ACT_QUIT, ACT_NONE, "quit", 1, ALWAYS },
};
static const struct hint text_hints[] = {
	{ ACT_PAGE_DOWN, ACT_NONE, "page", 2, TEXT_MORE }, { ACT_FOCUS_NEXT, ACT_NONE, "link", 5, LINKS },
	{ ACT_FOCUS_NEXT, ACT_NONE, "pane", 8, NO_LINKS }, { ACT_OPEN, ACT_NONE, "follow", 6, LINK_FOCUSED },
	{ ACT_BACK, ACT_NONE, "back", 4, HAS_BACK }, { ACT_ZOOM, ACT_NONE, "full width", 3, ZOOM_OFF },
	{ ACT_ZOOM, ACT_NONE, "panes", 3, ZOOM_ON }, { ACT_SEARCH, ACT_NONE, "search", 7, ALWAYS },
	{ ACT_HELP, ACT_NONE, "help", 0, ALWAYS }, { ACT_QUIT, ACT_NONE, "quit", 1, ALWAYS },
};
static const struct hint hit_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "hit", 2, HAS_ITEMS }, { ACT_OPEN, ACT_NONE, "open", 1, HAS_ITEMS },
	{ ACT_FILTER, ACT_NONE, "filter", 4, ALWAYS }, { ACT_CANCEL, ACT_NONE, "back", 3, ALWAYS },
	{ ACT_HELP, ACT_NONE, "help", 0, ALWAYS },
};
static const struct hint preview_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "scroll", 2, ALWAYS }, { ACT_FOCUS_NEXT, ACT_NONE, "link", 3, LINKS },
	{ ACT_CANCEL, ACT_NONE, "back", 1, ALWAYS }, { ACT_HELP, ACT_NONE, "help", 0, ALWAYS },
};
static const struct hint walk_hints[] = {
	{ ACT_SEARCH_NEXT, ACT_SEARCH_PREV, "next/previous match", 0, ALWAYS },
	{ ACT_CANCEL, ACT_NONE, "back to before the search", 1, ALWAYS },
	{ ACT_SEARCH, ACT_NONE, "search", 3, ALWAYS }, { ACT_HELP, ACT_NONE, "help", 2, ALWAYS },
};
static const struct hint help_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "scroll", 1, ALWAYS }, { ACT_PAGE_DOWN, ACT_NONE, "page", 2, TEXT_MORE },
	{ ACT_CANCEL, ACT_NONE, "close", 0, ALWAYS },
};

/* The text Space reads on: the focused pane, or for a list the text pane
 * of its view (see act_move). */
static const struct pane *read_pane(const struct app *a)
{
	const struct pane *p = &a->panes[app_focus_id(a)];
	enum ui_pane_id z = layout_zoom_pane(a->view);
	return p->list && z != PANE_COUNT ? &a->panes[z] : p;
}

static bool hint_applies(const struct app *a, const struct hint *h)
{
	const struct pane *p = &a->panes[app_focus_id(a)], *t = read_pane(a);
	bool links = !p->list && p->doc && p->doc->links_count > 0;
	switch (h->when) {
	case TEXT_MORE: return t->doc && doc_layout_until(t->doc, (size_t)pane_rows(t));
	case LINKS: return links;
	case NO_LINKS: return !links && layout_view(a->view)->panes_count > 1;
	case LINK_FOCUSED: return !p->list && p->link >= 0;
	case HAS_BACK: return a->places.back.count > 0;
	case ZOOM_OFF: return !a->zoom[a->view] && layout_zoom_pane(a->view) != PANE_COUNT;
	case ZOOM_ON: return a->zoom[a->view];
	case MANY_PANES: return layout_view(a->view)->panes_count > 1;
	case HAS_ITEMS: return pane_item(p) >= 0;
	case ALWAYS: break;
	}
	return true;
}

/* One hint's text; "" when its key is unbound. */
static void hint_text(const struct app *a, const struct hint *h, char *buf, size_t n)
{
	char k1[32], k2[32] = "";
	key1(a, h->act, k1, sizeof(k1));
	if (h->act2 != ACT_NONE)
		key1(a, h->act2, k2, sizeof(k2));
	if (k1[0])
		snprintf(buf, n, "%s%s%s %s", k1, k2[0] ? "/" : "", k2, h->what);
	else
		buf[0] = '\0';
}

/* The hints that fit in `cols`, in the table's order: while they are too
 * wide, the one with the highest `drop` gives way (never cut). */
static int hints_fit(const struct app *a, const struct hint *h, size_t n, int cols, char *buf, size_t size)
{
	enum { MOST = 16 };
	char text[MOST][128];
	bool keep[MOST];
	int width = 0, kept = 0;
	for (size_t i = 0; i < n && i < MOST; i++) {
		hint_text(a, &h[i], text[i], sizeof(text[i]));
		keep[i] = text[i][0] != '\0' && hint_applies(a, &h[i]);
		if (keep[i])
			width += (kept++ ? 2 : 0) + text_width(text[i], strlen(text[i]));
	}
	while (width > cols && kept > 0) {
		size_t worst = n;
		for (size_t i = 0; i < n && i < MOST; i++)
			if (keep[i] && (worst == n || h[i].drop > h[worst].drop))
				worst = i;
		keep[worst] = false;
		width -= text_width(text[worst], strlen(text[worst])) + (--kept ? 2 : 0);
	}
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && i < MOST; i++)
		if (keep[i] && used < size)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "  " : "", text[i]);
	return width;
}

#define HINTS(h) h, sizeof(h) / sizeof(h[0])

static int hints(const struct app *a, int cols, char *buf, size_t size)
{
	const struct pane *p = &a->panes[app_focus_id(a)];
	if (a->view == VIEW_HELP)
		return hints_fit(a, HINTS(help_hints), cols, buf, size);
	if (!layout_view(a->view)->kept)
		return p->list ? hints_fit(a, HINTS(hit_hints), cols, buf, size)
			       : hints_fit(a, HINTS(preview_hints), cols, buf, size);
	if (session_walking(a))
		return hints_fit(a, HINTS(walk_hints), cols, buf, size);
	return p->list ? hints_fit(a, HINTS(list_hints), cols, buf, size)
		       : hints_fit(a, HINTS(text_hints), cols, buf, size);
}

/* The prompt of / and &: the query (its end, when long), and right of it
 * the hits or the parser's message. */
static void prompt_bar(const struct app *a, struct bar *b)
{
	int cols = a->lay.cols;
	char info[512];
	/* a message (a byte dropped) stands in for the hits until the next key */
	if (a->message[0])
		snprintf(info, sizeof(info), "%s", a->message);
	else
		prompt_info(a, info, sizeof(info));
	int qw = 2 + text_width(a->prompt.buf, a->prompt.len);
	/* the message gets what the query leaves, and half the line at least */
	int most = cols - qw - 2 > cols / 2 ? cols - qw - 2 : cols / 2;
	b->right_width = info[0] ? fit(a, info, most, b->right, sizeof(b->right)) : 0;
	b->right_tone = a->prompt.error[0] || a->message[0] ? BAR_BOLD : BAR_DIM;
	b->left_tone = BAR_PLAIN;
	int room = cols - 1 - (b->right_width ? b->right_width + 2 : 0);
	const char *s = a->prompt.buf;
	size_t len = a->prompt.len;
	while (len > 0 && text_width(s, len) > room - 1) { /* show the end of a long query */
		s++;
		len--;
		while (len > 0 && ((unsigned char)*s & 0xc0) == 0x80)
			s++, len--;
	}
	snprintf(b->left, sizeof(b->left), "%s%.*s", a->prompt.ops->lead, (int)len, s);
	b->left_width = 1 + text_width(s, len);
	b->cursor = b->left_width < cols ? b->left_width : cols - 1;
}

void bars_status(const struct app *a, struct bar *b)
{
	memset(b, 0, sizeof(*b));
	b->cursor = -1;
	if (a->prompt.ops) {
		prompt_bar(a, b);
		return;
	}
	int cols = a->lay.cols;
	char pos[32] = "";
	const struct pane *fp = &a->panes[app_focus_id(a)];
	pane_position(fp, pos, sizeof(pos));
	b->right_width = snprintf(b->right, sizeof(b->right), "%s ", pos);
	if (a->lay.zoomed && fp->title) {
		/* no title line and no header: the status line says where this is */
		char where[480], fitted[400];
		int keep = text_width(pos, strlen(pos)) + 3;
		fit(a, fp->title, cols / 2 > keep ? cols / 2 - keep : 0, fitted, sizeof(fitted));
		snprintf(where, sizeof(where), "%s%s%s ", fitted, fitted[0] ? "  " : "", pos);
		b->right_width = text_width(where, strlen(where));
		snprintf(b->right, sizeof(b->right), "%s", where);
	}
	b->right_tone = BAR_BOLD;
	int room = cols - b->right_width - 2;
	char left[600];
	/* a failed save outranks every other message: it stays until seen */
	const char *msg = app_save_problem(a) ? app_save_problem(a) : a->message;
	if (msg[0]) {
		snprintf(left, sizeof(left), "%s", msg);
		b->left_tone = BAR_BOLD;
		/* a message that needs the whole line gets it: the position gives way */
		if (text_width(left, strlen(left)) > room) {
			b->right[0] = '\0';
			b->right_width = 0;
			room = cols;
		}
		b->left_width = fit(a, left, room, b->left, sizeof(b->left));
		return;
	}
	b->left_tone = BAR_DIM;
	if (a->in.have_count) {
		snprintf(left, sizeof(left), "count %ld: g goes to line %ld, p to %ld%%; Esc cancels",
			 a->in.count, a->in.count, a->in.count);
		b->left_width = fit(a, left, room, b->left, sizeof(b->left));
		return;
	}
	b->left_width = hints(a, room, b->left, sizeof(b->left));
}

void bars_text(const struct bar *b, int cols, char *buf, int size)
{
	int gap = cols - b->left_width - b->right_width;
	snprintf(buf, (size_t)size, "%s%*s%s", b->left, gap > 0 ? gap : 0, "", b->right);
}
