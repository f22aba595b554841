/* draw.c - putting panes on the screen: one curses window per pane, drawn
 * only when dirty, flushed with wnoutrefresh/doupdate so a key sends only
 * the cells that changed. Styles become attributes that stay readable with
 * no colour at all (reverse, bold, underline). */
#include "app.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

enum { PAIR_TITLE = 1, PAIR_LINK, PAIR_HEADING, PAIR_MATCH, PAIR_BAND, PAIR_COUNT };

void draw_init(struct app *a)
{
	const char *sitm = tigetstr("sitm");
	a->italic = sitm && sitm != (char *)-1 && !a->ascii;
	if (!a->color || !has_colors())
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_LINK, COLOR_CYAN, -1);
	init_pair(PAIR_HEADING, COLOR_YELLOW, -1);
	init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_BAND, COLOR_MAGENTA, -1);
}

static attr_t pair(const struct app *a, short p)
{
	return a->color && has_colors() ? COLOR_PAIR(p) : 0;
}

/* Attributes for a style; `selected`: inside a reversed selection bar. */
static attr_t style_attr(const struct app *a, unsigned style, bool selected, bool link_focused)
{
	attr_t at = 0;
	if (style & (DOC_BOLD | DOC_HEADING | DOC_BAND))
		at |= A_BOLD;
	if (style & DOC_HEADING)
		at |= pair(a, PAIR_HEADING);
	if (style & DOC_BAND)
		at |= pair(a, PAIR_BAND);
	if (style & DOC_EMPH)
		at |= a->italic ? A_ITALIC : 0;
	if (style & DOC_DIM)
		at |= A_DIM;
	if (style & DOC_LINK) {
		at |= A_UNDERLINE | pair(a, PAIR_LINK);
		if (link_focused)
			at = (at & ~A_COLOR) | A_REVERSE | A_BOLD;
	}
	if (style & DOC_MATCH)
		at = selected ? at | A_BOLD | A_UNDERLINE : (at & ~A_COLOR) | A_REVERSE | pair(a, PAIR_MATCH);
	if (style & DOC_MARK)
		at |= A_REVERSE | A_BOLD;
	if (selected)
		at = (at & ~A_COLOR) ^ A_REVERSE;
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

static void fill(WINDOW *w, int cols)
{
	for (int i = 0; i < cols; i++)
		waddch(w, ' ');
}

/* One doc line at the cursor, `width` columns, padded. */
static void draw_line(const struct app *a, WINDOW *w, const struct doc *d, size_t line, int width,
		      bool selected, int focus_link)
{
	attr_t base = selected ? A_REVERSE : 0;
	if (line >= d->lines_count) {
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
	bool cut = used + text_width(text + l->start, l->len) > width;
	int room = cut ? width - 1 : width;
	for (size_t i = 0; i < n && used < room; i++) {
		wattrset(w, style_attr(a, segs[i].style, selected, segs[i].link >= 0 && segs[i].link == focus_link));
		used += put_text(w, text + segs[i].start, segs[i].len, room - used);
	}
	wattrset(w, base);
	if (cut) {
		fill(w, room - used);
		used = room + put_text(w, a->ascii ? "~" : "\u2026", strlen(a->ascii ? "~" : "\u2026"), 1);
	}
	fill(w, width - used);
	wattrset(w, A_NORMAL);
}

static void hline_glyph(const struct app *a, WINDOW *w, int n)
{
	if (a->ascii)
		for (int i = 0; i < n; i++)
			waddch(w, '-');
	else
		whline(w, ACS_HLINE, n);
}

static void draw_header(const struct app *a, const struct pane *p, WINDOW *w, bool focused)
{
	int num = 0;
	const enum ui_pane_id *ids;
	size_t n = layout_view_panes(a->view, &ids);
	for (size_t i = 0; i < n; i++)
		if (ids[i] == p->id)
			num = (int)i + 1;
	char head[512];
	if (a->view == VIEW_HELP)
		snprintf(head, sizeof(head), " Help ");
	else
		snprintf(head, sizeof(head), " %d %s%s%s ", num, layout_pane_name(p->id),
			 p->title ? ": " : "", p->title ? p->title : "");
	wmove(w, 0, 0);
	attr_t at = focused ? A_REVERSE | A_BOLD : A_BOLD;
	wattrset(w, at);
	int used = put_text(w, head, strlen(head), p->r.w);
	if (focused) {
		fill(w, p->r.w - used);
	} else {
		wattrset(w, A_DIM);
		int rest = p->r.w - used;
		if (rest > 0) {
			hline_glyph(a, w, rest);
		}
	}
	wattrset(w, A_NORMAL);
}

static void draw_pane(const struct app *a, struct pane *p, bool focused)
{
	WINDOW *w = p->win;
	if (!w)
		return;
	draw_header(a, p, w, focused);
	int y = 1;
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
		bool sel = p->list && (int)line == p->cur;
		if (gutter) {
			wattrset(w, sel && focused ? A_REVERSE | A_BOLD : sel ? A_BOLD : A_NORMAL);
			waddch(w, sel ? '>' : ' ');
		}
		if (p->doc)
			draw_line(a, w, p->doc, line, p->r.w - gutter, sel && focused, p->link);
		else
			fill(w, p->r.w - gutter);
	}
	p->dirty = false;
}

static void new_windows(struct app *a)
{
	draw_free(a);
	const struct layout *l = &a->lay;
	if (l->too_small) {
		a->wsmall = newwin(l->rows > 0 ? l->rows : 1, l->cols > 0 ? l->cols : 1, 0, 0);
		return;
	}
	a->wtitle = newwin(1, l->cols, 0, 0);
	a->wstatus = newwin(1, l->cols, l->rows - 1, 0);
	for (int i = 0; i < l->sep_count; i++)
		a->wsep[i] = newwin(l->sep[i].h, 1, l->sep[i].y, l->sep[i].x);
	for (int p = 0; p < PANE_COUNT; p++) {
		struct rect r = l->pane[p];
		if (r.w > 0 && r.h > 0)
			a->panes[p].win = newwin(r.h, r.w, r.y, r.x);
		a->panes[p].dirty = true;
	}
}

void draw_free(struct app *a)
{
	for (int p = 0; p < PANE_COUNT; p++) {
		if (a->panes[p].win)
			delwin(a->panes[p].win);
		a->panes[p].win = NULL;
	}
	void **w[] = { &a->wtitle, &a->wstatus, &a->wsep[0], &a->wsep[1], &a->wsmall };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if (*w[i])
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

static const char *view_name(enum ui_view v)
{
	switch (v) {
	case VIEW_HOME: return "Home";
	case VIEW_REPORT: return "Report";
	case VIEW_SEARCH: return "Search";
	default: return "Help";
	}
}

static void draw_title(const struct app *a)
{
	WINDOW *w = a->wtitle;
	const struct pane *p = &a->panes[a->focus[a->view]];
	const char *sep = a->ascii ? " > " : " \u203a ";
	char where[640];
	int n = snprintf(where, sizeof(where), " %s%s%s", view_name(a->view),
			 a->view == VIEW_HELP ? "" : sep, a->view == VIEW_HELP ? "" : layout_pane_name(p->id));
	char *label = NULL;
	if (a->view == VIEW_HOME && p->id != PANE_READER && pane_item(p) >= 0) {
		enum entity_kind k = p->id == PANE_STAGES ? KIND_STAGE : p->id == PANE_AREAS ? KIND_AREA : KIND_EVENT;
		label = page_label(a->r, (struct entity_ref){ k, pane_item(p) });
	} else if (p->title) {
		label = strdup(p->title);
	}
	if (label && n > 0 && (size_t)n < sizeof(where))
		snprintf(where + n, sizeof(where) - (size_t)n, "%s%s ", sep, label);
	free(label);
	int cols = a->lay.cols, wwhere = text_width(where, strlen(where));
	wmove(w, 0, 0);
	attr_t at = A_REVERSE | A_BOLD;
	if (a->color && has_colors())
		at = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
	wattrset(w, at);
	/* the report's name gets what "where" leaves; where wins */
	int room = cols - wwhere;
	int used = 0;
	if (room > 12) {
		char name[600];
		snprintf(name, sizeof(name), " temm: %s ", a->r->title);
		int nw = text_width(name, strlen(name));
		if (nw > room) {
			used = put_text(w, name, strlen(name), room - 2);
			used += put_text(w, a->ascii ? "~ " : "\u2026 ", strlen(a->ascii ? "~ " : "\u2026 "), 2);
		} else {
			used = put_text(w, name, strlen(name), room);
		}
		fill(w, room - used);
		used = room;
	}
	used += put_text(w, where, strlen(where), cols - used);
	fill(w, cols - used);
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
}

static const char *hints(const struct app *a)
{
	const struct pane *p = &a->panes[a->focus[a->view]];
	switch (a->view) {
	case VIEW_HELP:
		return "j/k scroll  Space/b page  q/Esc close";
	case VIEW_SEARCH:
		return p->list ? "j/k hit  Enter open  Tab preview  Esc back  n/N next  ? help"
			       : "j/k scroll  Tab link  Enter follow  Esc back  ? help";
	default:
		break;
	}
	if (p->list)
		return "j/k move  Enter read  Tab pane  / search  r report  ? help  q quit";
	return "Space page  Tab link  Enter follow  < back  / search  ? help  q quit";
}

static void draw_status(struct app *a)
{
	WINDOW *w = a->wstatus;
	int cols = a->lay.cols;
	wmove(w, 0, 0);
	wattrset(w, A_NORMAL);
	if (a->prompt) {
		int used = put_text(w, "/", 1, cols);
		size_t len = a->prompt_len;
		const char *s = a->prompt_buf;
		/* show the end of a long query */
		while (text_width(s, len) > cols - 2 && len > 0) {
			s++;
			len--;
			while (len > 0 && ((unsigned char)*s & 0xc0) == 0x80)
				s++, len--;
		}
		used += put_text(w, s, len, cols - used);
		fill(w, cols - used);
		wmove(w, 0, used < cols ? used : cols - 1);
		return;
	}
	char pos[32] = "";
	const struct pane *p = &a->panes[a->focus[a->view]];
	pane_position(p, pos, sizeof(pos));
	char left[600];
	if (a->message[0])
		snprintf(left, sizeof(left), "%s", a->message);
	else if (a->have_count && !a->count_undo) /* a lone 1-4 is a pane jump */
		snprintf(left, sizeof(left), "count %ld: g goes to line %ld, p to %ld%%; Esc cancels", a->count, a->count, a->count);
	else
		snprintf(left, sizeof(left), "%s", hints(a));
	int pw = (int)strlen(pos) + 2;
	int used = 0;
	wattrset(w, a->message[0] ? A_BOLD : A_DIM);
	used = put_text(w, left, strlen(left), cols - pw > 0 ? cols - pw : cols);
	wattrset(w, A_NORMAL);
	if (cols - used >= pw) {
		fill(w, cols - used - pw + 1);
		wattrset(w, A_BOLD);
		put_text(w, pos, strlen(pos), pw - 1);
		wattrset(w, A_NORMAL);
		fill(w, 1);
	} else {
		fill(w, cols - used);
	}
}

static void draw_small(struct app *a)
{
	WINDOW *w = a->wsmall;
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

void draw_screen(struct app *a)
{
	if (a->relayout) {
		/* stdscr is never drawn on; flushing it keeps getch from
		 * repainting it over the panes after a resize */
		wnoutrefresh(stdscr);
		new_windows(a);
		a->relayout = false;
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
	enum ui_pane_id focus = a->focus[a->view];
	draw_title(a);
	for (int i = 0; i < a->lay.sep_count; i++) {
		WINDOW *w = a->wsep[i];
		wmove(w, 0, 0);
		if (a->ascii)
			wvline(w, '|', a->lay.sep[i].h);
		else
			wvline(w, ACS_VLINE, a->lay.sep[i].h);
		wnoutrefresh(w);
	}
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &a->panes[i];
		if (!p->win)
			continue;
		if (p->dirty)
			draw_pane(a, p, (enum ui_pane_id)i == focus);
		wnoutrefresh(p->win);
	}
	draw_status(a);
	if (a->prompt) {
		wnoutrefresh(a->wstatus);
	} else {
		wnoutrefresh(a->wstatus);
		/* the terminal cursor sits on the selected row: screen readers
		 * and braille displays follow it */
		struct pane *p = &a->panes[focus];
		if (p->win) {
			wmove(p->win, pane_cursor_row(p), 0);
			wnoutrefresh(p->win);
		}
	}
	doupdate();
}

enum ui_pane_id draw_pane_at(const struct app *a, int y, int x)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		struct rect r = a->lay.pane[i];
		if (r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
			return (enum ui_pane_id)i;
	}
	return PANE_COUNT;
}
