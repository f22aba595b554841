/* draw.c - putting the panes and the bars on the screen. */
#include "draw.h"
#include "app.h"
#include "bars.h"
#include "panes.h"
#include "term_sync.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* The curses windows: the panes', the bars', the separators'. */
struct screen {
	WINDOW *pane[PANE_COUNT];
	WINDOW *title, *status, *sep[2], *small, *strip;
	bool italic;
};

/* Colour pair n + 1 is element n's, when it has colours. */
static bool has_pair(const struct app *a, enum ui_element e)
{
	return a->color && has_colors() && (a->set.colours[e].fg != -1 || a->set.colours[e].bg != -1);
}

static attr_t pair(const struct app *a, enum ui_element e)
{
	return has_pair(a, e) ? COLOR_PAIR((short)(e + 1)) : 0;
}

void draw_init(struct app *a)
{
	a->screen = calloc(1, sizeof(*a->screen));
	if (!a->screen)
		return;
	const char *sitm = tigetstr("sitm");
	a->screen->italic = sitm && sitm != (char *)-1 && !a->ascii;
	a->new_windows = true;
	if (!a->color || !has_colors())
		return;
	start_color();
	use_default_colors();
	for (int e = 0; e < ELEM_COUNT; e++) {
		struct ui_colour c = a->set.colours[e];
		/* bright colours need a terminal with 16 */
		if (c.fg >= COLORS)
			c.fg -= 8;
		if (c.bg >= COLORS)
			c.bg -= 8;
		if (c.fg != -1 || c.bg != -1)
			init_pair((short)(e + 1), (short)c.fg, (short)c.bg);
	}
}

/* An element that stands out by reverse video without colour (the
 * selection, a match) drops it when it has a background colour: reversed,
 * the colours would swap. */
static attr_t marked(const struct app *a, enum ui_element e, attr_t base)
{
	if (has_pair(a, e) && a->set.colours[e].bg != -1)
		return (base & ~(A_REVERSE | A_COLOR)) | pair(a, e);
	return (base & ~A_COLOR) | A_REVERSE | pair(a, e);
}

/* The selection bar: reverse video, or its colours. */
static attr_t selection_attr(const struct app *a)
{
	return marked(a, ELEM_SELECTION, 0);
}

/* Attributes for a style; `selected`: inside a selection bar. */
static attr_t style_attr(const struct app *a, unsigned style, bool selected, bool link_focused)
{
	attr_t at = 0;
	if (style & (DOC_BOLD | DOC_HEADING | DOC_BAND))
		at |= A_BOLD;
	if (style & DOC_HEADING)
		at |= pair(a, ELEM_HEADING);
	if (style & DOC_BAND)
		at |= pair(a, ELEM_BAND);
	if (style & DOC_EMPH)
		at |= (a->screen->italic ? A_ITALIC : 0) | pair(a, ELEM_EMPHASIS);
	if (style & DOC_DIM)
		at |= A_DIM;
	if (style & DOC_LINK) {
		at |= A_UNDERLINE | pair(a, ELEM_LINK);
		if (link_focused)
			at = marked(a, ELEM_FOCUSED_LINK, at | A_BOLD);
	}
	if (style & DOC_MATCH)
		at = selected ? at | A_BOLD | A_UNDERLINE : marked(a, ELEM_MATCH, at);
	if (style & DOC_CURRENT)
		at = marked(a, ELEM_CURRENT_MATCH, at | A_BOLD | A_UNDERLINE);
	if (style & DOC_MARK)
		at = marked(a, ELEM_MARKER, at | A_BOLD);
	if (selected)
		at = has_pair(a, ELEM_SELECTION) && a->set.colours[ELEM_SELECTION].bg != -1
		     ? (at & ~(A_COLOR | A_REVERSE)) | selection_attr(a)
		     : (at & ~A_COLOR) ^ A_REVERSE;
	return at;
}

/* Put at most `cols` columns of s; control bytes never reach curses even
 * though the loader sanitized the text. Returns the columns used. */
static int put_text(WINDOW *w, const char *s, size_t len, int cols)
{
	int used = 0;
	while (len > 0 && cols - used > 0) {
		size_t safe = 0;
		while (safe < len && (unsigned char)s[safe] >= 0x20 && s[safe] != 0x7f)
			safe++;
		if (safe > 0) {
			int u;
			size_t take = text_fit(s, safe, cols - used, &u);
			if (take == 0)
				break;
			waddnstr(w, s, (int)take);
			used += u;
			if (take < safe)
				break;
			s += take;
			len -= take;
			continue;
		}
		waddch(w, '?');
		used++;
		s++;
		len--;
	}
	return used;
}

/* put_text, and a text that does not fit ends in an ellipsis. */
static int put_cut(const struct app *a, WINDOW *w, const char *s, int cols)
{
	size_t len = strlen(s);
	if (text_width(s, len) <= cols)
		return put_text(w, s, len, cols);
	const char *dots = a->ascii ? "~" : "\u2026";
	int used = put_text(w, s, len, cols - 1);
	return used + put_text(w, dots, strlen(dots), 1);
}

static void fill(WINDOW *w, int cols)
{
	for (int i = 0; i < cols; i++)
		waddch(w, ' ');
}

/* One doc line at the cursor, `width` columns, padded. */
static void draw_line(const struct app *a, WINDOW *w, struct doc *d, size_t line, int width,
		      bool selected, int focus_link)
{
	attr_t base = selected ? selection_attr(a) : 0;
	if (!doc_layout_until(d, line)) {
		wattrset(w, A_NORMAL);
		fill(w, width);
		return;
	}
	const struct doc_line *l = &d->lines[line];
	int used = l->indent < width ? l->indent : width;
	wattrset(w, base);
	fill(w, used);
	struct doc_seg segs[64];
	const char *text = d->blocks[l->block].text;
	size_t n = doc_line_segs(d, line, segs, 64);
	/* a row cut at the edge ends in an ellipsis, so it does not pass for
	 * the whole text */
	bool cut = used + text_width(text + l->start, l->len) > width || l->cut;
	int room = cut ? width - 1 : width;
	for (size_t i = 0; i < n && used < room; i++) {
		wattrset(w, style_attr(a, segs[i].style, selected, segs[i].link >= 0 && segs[i].link == focus_link));
		used += put_text(w, text + segs[i].start, segs[i].len, room - used);
	}
	wattrset(w, base);
	if (cut) /* right after the words */
		used += put_text(w, a->ascii ? "~" : "\u2026", strlen(a->ascii ? "~" : "\u2026"), 1);
	fill(w, width - used);
	wattrset(w, A_NORMAL);
}

static void hline_glyph(const struct app *a, WINDOW *w, int n)
{
	wattrset(w, A_DIM | pair(a, ELEM_BORDER));
	if (a->ascii)
		for (int i = 0; i < n; i++)
			waddch(w, '-');
	else
		whline(w, ACS_HLINE | A_DIM | pair(a, ELEM_BORDER), n);
}

static void draw_header(const struct app *a, const struct pane *p, WINDOW *w, bool focused)
{
	char head[512];
	const char *name = pane_class(p->id)->title;
	if (a->view == VIEW_HELP)
		snprintf(head, sizeof(head), " %s ", name);
	else
		snprintf(head, sizeof(head), " %d %s%s%s ", layout_pane_number(p->id), name,
			 p->title ? ": " : "", p->title ? p->title : "");
	/* a filter says so where the eye goes first, so a short list is
	 * never taken for the whole */
	char mark[300] = "";
	if (p->filter)
		snprintf(mark, sizeof(mark), "& %s ", p->filter);
	int wmark = text_width(mark, strlen(mark));
	wmove(w, 0, 0);
	attr_t at = focused ? marked(a, ELEM_HEADER, A_BOLD) : A_BOLD | pair(a, ELEM_HEADER);
	wattrset(w, at);
	int room = p->r.w - wmark > 8 ? p->r.w - wmark : p->r.w;
	/* too long: the pane's name gives way to what it shows (the title
	 * line names the pane too), then the rest is cut */
	if (p->title && a->view != VIEW_HELP && text_width(head, strlen(head)) > room)
		snprintf(head, sizeof(head), " %d %s ", layout_pane_number(p->id), p->title);
	int used = put_cut(a, w, head, room);
	if (wmark && room < p->r.w) {
		wattrset(w, marked(a, ELEM_MARKER, A_BOLD));
		used += put_cut(a, w, mark, p->r.w - used);
		wattrset(w, at);
	}
	if (focused)
		fill(w, p->r.w - used);
	else if (p->r.w - used > 0)
		hline_glyph(a, w, p->r.w - used);
	wattrset(w, A_NORMAL);
}

static void draw_pane(const struct app *a, struct pane *p, WINDOW *w, bool focused)
{
	if (!w)
		return;
	if (!p->bare)
		draw_header(a, p, w, focused);
	int y = p->bare ? 0 : 1;
	if (p->head)
		for (size_t i = 0; i < p->head->lines_count && y < p->r.h; i++, y++) {
			wmove(w, y, 0);
			draw_line(a, w, p->head, i, p->r.w, false, -1);
		}
	int rows = pane_rows(p);
	/* lists keep a gutter column for the '>' that marks the selection, so
	 * it shows without colour or reverse video too */
	int gutter = p->list ? 1 : 0;
	for (int i = 0; i < rows; i++, y++) {
		wmove(w, y, 0);
		size_t line = (size_t)(p->top + i);
		bool sel = pane_row_selected(p, (int)line);
		if (gutter) {
			wattrset(w, sel && focused ? selection_attr(a) | A_BOLD : sel ? A_BOLD : A_NORMAL);
			waddch(w, (int)line == p->cur ? '>' : ' ');
		}
		if (p->doc)
			draw_line(a, w, p->doc, line, p->r.w - gutter, sel && focused, p->link);
		else
			fill(w, p->r.w - gutter);
	}
	p->dirty = false;
}

static void draw_free_windows(struct screen *sc)
{
	for (int p = 0; p < PANE_COUNT; p++) {
		if (sc->pane[p])
			delwin(sc->pane[p]);
		sc->pane[p] = NULL;
	}
	WINDOW **w[] = { &sc->title, &sc->status, &sc->sep[0], &sc->sep[1], &sc->small, &sc->strip };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if (*w[i])
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

static void new_windows(struct app *a)
{
	struct screen *sc = a->screen;
	const struct layout *l = &a->lay;
	draw_free_windows(sc);
	if (l->too_small) {
		sc->small = newwin(l->rows > 0 ? l->rows : 1, l->cols > 0 ? l->cols : 1, 0, 0);
		return;
	}
	if (l->title.h)
		sc->title = newwin(1, l->cols, 0, 0);
	if (l->strip.h)
		sc->strip = newwin(1, l->strip.w, l->strip.y, l->strip.x);
	sc->status = newwin(1, l->cols, l->rows - 1, 0);
	for (int i = 0; i < l->sep_count; i++)
		sc->sep[i] = newwin(l->sep[i].h, 1, l->sep[i].y, l->sep[i].x);
	for (int p = 0; p < PANE_COUNT; p++) {
		struct rect r = l->pane[p];
		if (l->shown[p] && r.w > 0 && r.h > 0)
			sc->pane[p] = newwin(r.h, r.w, r.y, r.x);
		a->panes[p].dirty = true;
	}
}

void draw_free(struct app *a)
{
	if (!a->screen)
		return;
	draw_free_windows(a->screen);
	free(a->screen);
	a->screen = NULL;
}

static attr_t tone(const struct app *a, enum bar_tone t, enum ui_element e)
{
	attr_t at = t == BAR_BOLD ? A_BOLD : t == BAR_DIM ? A_DIM : A_NORMAL;
	return at | pair(a, e);
}

/* A bar: its left part, blanks, its right part. */
static void draw_bar(const struct app *a, WINDOW *w, const struct bar *b, attr_t base, enum ui_element e)
{
	int cols = a->lay.cols;
	wmove(w, 0, 0);
	wattrset(w, base | tone(a, b->left_tone, e));
	int used = put_text(w, b->left, strlen(b->left), cols);
	wattrset(w, base | pair(a, e));
	fill(w, cols - used - b->right_width);
	used = cols - b->right_width > used ? cols - b->right_width : used;
	wattrset(w, base | tone(a, b->right_tone, e));
	used += put_text(w, b->right, strlen(b->right), cols - used);
	wattrset(w, base | pair(a, e));
	fill(w, cols - used);
	wattrset(w, A_NORMAL);
}

static void draw_title(const struct app *a)
{
	if (!a->screen->title)
		return;
	struct bar b;
	bars_title(a, &b);
	draw_bar(a, a->screen->title, &b, marked(a, ELEM_TITLE, A_BOLD), ELEM_TITLE);
	wnoutrefresh(a->screen->title);
}

/* The strip: the panes that show in bold (the focused one as its header
 * is), the others dim. */
static void draw_strip(const struct app *a)
{
	WINDOW *w = a->screen->strip;
	if (!w)
		return;
	struct bar_tabs t;
	bars_tabs(a, &t);
	wmove(w, 0, 0);
	int used = 0;
	for (int i = 0; i < t.count; i++) {
		const struct bar_tab *b = &t.tab[i];
		attr_t at = b->focused ? marked(a, ELEM_HEADER, A_BOLD)
			    : b->shown ? A_BOLD | pair(a, ELEM_HEADER) : A_DIM | pair(a, ELEM_HEADER);
		wattrset(w, at);
		used += put_text(w, b->text, strlen(b->text), a->lay.strip.w - used);
	}
	wattrset(w, A_NORMAL);
	fill(w, a->lay.strip.w - used);
	wnoutrefresh(w);
}

static void draw_status(const struct app *a)
{
	struct bar b;
	bars_status(a, &b);
	draw_bar(a, a->screen->status, &b, A_NORMAL, ELEM_STATUS);
	if (b.cursor >= 0)
		wmove(a->screen->status, 0, b.cursor);
}

static void draw_small(struct app *a)
{
	WINDOW *w = a->screen->small;
	if (!w)
		return;
	werase(w);
	char msg[96];
	snprintf(msg, sizeof(msg), "Terminal too small (%dx%d)", a->lay.cols, a->lay.rows);
	const char *lines[] = { msg, "need 20x6", "q quits" };
	for (int i = 0; i < 3 && i < a->lay.rows; i++) {
		int len = (int)strlen(lines[i]);
		int x = (a->lay.cols - len) / 2;
		wmove(w, i + (a->lay.rows > 3 ? (a->lay.rows - 3) / 2 : 0), x > 0 ? x : 0);
		put_text(w, lines[i], strlen(lines[i]), a->lay.cols);
	}
	wmove(w, 0, 0);
	wnoutrefresh(w);
}

/* The row the terminal cursor goes to: the selection, the focused link,
 * or the match n and N went to. */
static int cursor_row(const struct app *a, const struct pane *p)
{
	const struct match_loc *c = &a->find.cur;
	if (!p->list && p->link < 0 && c->pane == p->id && a->find.marking && p->doc) {
		int row = (int)doc_line_of(p->doc, c->block, c->start) - p->top;
		if (row >= 0 && row < pane_rows(p))
			return pane_text_y(p) + row;
	}
	return pane_cursor_row(p);
}

void draw_screen(struct app *a)
{
	term_sync(a); /* the mouse and the clipboard first: their messages show in this draw */
	struct screen *sc = a->screen;
	if (!sc)
		return;
	if (a->new_windows) {
		/* stdscr is never drawn on; flushing it keeps getch from
		 * repainting it over the panes after a resize */
		wnoutrefresh(stdscr);
		new_windows(a);
		a->new_windows = false;
	}
	if (a->repaint) {
		clearok(curscr, TRUE);
		a->repaint = false;
	}
	if (a->lay.too_small) {
		draw_small(a);
		doupdate();
		return;
	}
	enum ui_pane_id focus = app_focus_id(a);
	draw_title(a);
	draw_strip(a);
	for (int i = 0; i < a->lay.sep_count; i++) {
		WINDOW *w = sc->sep[i];
		wmove(w, 0, 0);
		chtype line = (a->ascii ? '|' : ACS_VLINE) | pair(a, ELEM_BORDER);
		wvline(w, line, a->lay.sep[i].h);
		wnoutrefresh(w);
	}
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &a->panes[i];
		if (!sc->pane[i])
			continue;
		if (p->dirty)
			draw_pane(a, p, sc->pane[i], (enum ui_pane_id)i == focus);
		wnoutrefresh(sc->pane[i]);
	}
	draw_status(a);
	wnoutrefresh(sc->status);
	/* the terminal cursor sits on the selected row (screen readers and
	 * braille displays follow it), or in the prompt */
	if (!a->prompt.ops && sc->pane[focus]) {
		wmove(sc->pane[focus], cursor_row(a, &a->panes[focus]), 0);
		wnoutrefresh(sc->pane[focus]);
	}
	doupdate();
}
