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

/* ---- the status line ---- */

/* The first key of an action, as the hints name it; "" if unbound. */
static void key1(const struct app *a, enum ui_action act, char *buf, size_t n)
{
	keymap_keys_text(&a->set.keys, act, buf, n);
	buf[strcspn(buf, ",")] = '\0';
}

/* A hint: "j/k move". `drop` orders what gives way when the line is
 * short: the highest first. */
struct hint {
	enum ui_action act, act2; /* act2: a second key shown as act/act2, or ACT_NONE */
	const char *what;
	int drop;
};

static const struct hint list_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "move", 2 }, { ACT_OPEN, ACT_NONE, "read", 3 },
	{ ACT_FOCUS_NEXT, ACT_NONE, "pane", 5 }, { ACT_SEARCH, ACT_NONE, "search", 4 },
	{ ACT_FILTER, ACT_NONE, "filter", 6 }, { ACT_HELP, ACT_NONE, "help", 0 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
};
static const struct hint text_hints[] = {
	{ ACT_PAGE_DOWN, ACT_NONE, "page", 2 }, { ACT_FOCUS_NEXT, ACT_NONE, "link", 4 },
	{ ACT_OPEN, ACT_NONE, "follow", 5 }, { ACT_BACK, ACT_NONE, "back", 3 },
	{ ACT_SEARCH, ACT_NONE, "search", 6 }, { ACT_HELP, ACT_NONE, "help", 0 },
	{ ACT_QUIT, ACT_NONE, "quit", 1 },
};
static const struct hint hit_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "hit", 2 }, { ACT_OPEN, ACT_NONE, "open", 1 },
	{ ACT_FILTER, ACT_NONE, "filter", 4 }, { ACT_CANCEL, ACT_NONE, "back", 3 },
	{ ACT_HELP, ACT_NONE, "help", 0 },
};
static const struct hint preview_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "scroll", 2 }, { ACT_FOCUS_NEXT, ACT_NONE, "link", 3 },
	{ ACT_CANCEL, ACT_NONE, "back", 1 }, { ACT_HELP, ACT_NONE, "help", 0 },
};
static const struct hint walk_hints[] = {
	{ ACT_SEARCH_NEXT, ACT_SEARCH_PREV, "next/previous match", 0 },
	{ ACT_CANCEL, ACT_NONE, "back to before the search", 1 }, { ACT_SEARCH, ACT_NONE, "search", 3 },
	{ ACT_HELP, ACT_NONE, "help", 2 },
};
static const struct hint help_hints[] = {
	{ ACT_MOVE_DOWN, ACT_MOVE_UP, "scroll", 1 }, { ACT_CANCEL, ACT_NONE, "close", 0 },
};

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
		keep[i] = text[i][0] != '\0';
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
	pane_position(&a->panes[app_focus_id(a)], pos, sizeof(pos));
	b->right_width = snprintf(b->right, sizeof(b->right), "%s ", pos);
	b->right_tone = BAR_BOLD;
	int room = cols - b->right_width - 1;
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
