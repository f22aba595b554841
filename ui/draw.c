/* draw.c - putting panes on the screen: one curses window per pane, drawn
 * only when dirty, flushed with wnoutrefresh/doupdate so a key sends only
 * the cells that changed. Styles become attributes that stay readable with
 * no colour at all (reverse, bold, underline). */
#include "app.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

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
	const char *sitm = tigetstr("sitm");
	a->italic = sitm && sitm != (char *)-1 && !a->ascii;
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
		at |= (a->italic ? A_ITALIC : 0) | pair(a, ELEM_EMPHASIS);
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

static void fill(WINDOW *w, int cols)
{
	for (int i = 0; i < cols; i++)
		waddch(w, ' ');
}

/* One doc line at the cursor, `width` columns, padded. */
static void draw_line(const struct app *a, WINDOW *w, const struct doc *d, size_t line, int width,
		      bool selected, int focus_link)
{
	attr_t base = selected ? selection_attr(a) : 0;
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
	wattrset(w, A_DIM | pair(a, ELEM_BORDER));
	if (a->ascii)
		for (int i = 0; i < n; i++)
			waddch(w, '-');
	else
		whline(w, ACS_HLINE | A_DIM | pair(a, ELEM_BORDER), n);
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
	int used = put_text(w, head, strlen(head), room);
	if (wmark && room < p->r.w) {
		wattrset(w, marked(a, ELEM_MARKER, A_BOLD));
		used += put_text(w, mark, strlen(mark), p->r.w - used);
		wattrset(w, at);
	}
	if (focused)
		fill(w, p->r.w - used);
	else if (p->r.w - used > 0)
		hline_glyph(a, w, p->r.w - used);
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
			wattrset(w, sel && focused ? selection_attr(a) | A_BOLD : sel ? A_BOLD : A_NORMAL);
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
	wattrset(w, marked(a, ELEM_TITLE, A_BOLD));
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

/* The first key of an action, as the hints name it. */
static void key1(const struct app *a, enum ui_action act, char *buf, size_t n)
{
	keymap_keys_text(&a->set.keys, act, buf, n);
	buf[strcspn(buf, ",")] = '\0';
	if (!buf[0])
		snprintf(buf, n, "-");
}

/* What the main keys are, on the status line: from the key table, so a
 * rebound key is what the hint says. */
static void hints(const struct app *a, char *buf, size_t n)
{
	const struct pane *p = &a->panes[a->focus[a->view]];
	char dn[16], up[16], open[16], tab[16], back[16], srch[16], help[16], quit[16], esc[16],
	     next[16], page[16];
	key1(a, ACT_MOVE_DOWN, dn, sizeof(dn));
	key1(a, ACT_MOVE_UP, up, sizeof(up));
	key1(a, ACT_OPEN, open, sizeof(open));
	key1(a, ACT_FOCUS_NEXT, tab, sizeof(tab));
	key1(a, ACT_BACK, back, sizeof(back));
	key1(a, ACT_SEARCH, srch, sizeof(srch));
	key1(a, ACT_HELP, help, sizeof(help));
	key1(a, ACT_QUIT, quit, sizeof(quit));
	key1(a, ACT_CANCEL, esc, sizeof(esc));
	key1(a, ACT_SEARCH_NEXT, next, sizeof(next));
	key1(a, ACT_PAGE_DOWN, page, sizeof(page));
	if (a->view == VIEW_HELP)
		snprintf(buf, n, "%s/%s scroll  %s close", dn, up, esc);
	else if (a->view == VIEW_SEARCH && p->list)
		snprintf(buf, n, "%s/%s hit  %s open  & filter  %s back  %s help", dn, up, open, esc, help);
	else if (a->view == VIEW_SEARCH)
		snprintf(buf, n, "%s/%s scroll  %s link  %s back  %s help", dn, up, tab, esc, help);
	else if (a->find.marking && a->find.session)
		snprintf(buf, n, "%s next match  %s back to before the search  %s search  %s help", next, esc,
			 srch, help);
	else if (p->list)
		snprintf(buf, n, "%s/%s move  %s read  %s pane  %s search  & filter  %s help  %s quit", dn, up,
			 open, tab, srch, help, quit);
	else
		snprintf(buf, n, "%s page  %s link  %s follow  %s back  %s search  %s help  %s quit", page, tab,
			 open, back, srch, help, quit);
}

/* The prompt of / and &: the query, and right of it the hits or the
 * parser's message. */
static void draw_prompt(struct app *a)
{
	WINDOW *w = a->wstatus;
	int cols = a->lay.cols;
	char info[400];
	finder_prompt_info(a, info, sizeof(info));
	int iw = text_width(info, strlen(info));
	int qw = 2 + text_width(a->prompt.buf, a->prompt.len);
	/* the message gets what the query leaves, and half the line at least */
	int most = cols - qw - 2 > cols / 2 ? cols - qw - 2 : cols / 2;
	if (iw > most)
		iw = most;
	int room = cols - 1 - (iw ? iw + 2 : 0);
	wattrset(w, pair(a, ELEM_STATUS));
	const char *lead = a->prompt.kind == PROMPT_FILTER ? "&" : "/";
	int used = put_text(w, lead, 1, cols);
	size_t len = a->prompt.len;
	const char *s = a->prompt.buf;
	/* show the end of a long query */
	while (len > 0 && text_width(s, len) > room - 1) {
		s++;
		len--;
		while (len > 0 && ((unsigned char)*s & 0xc0) == 0x80)
			s++, len--;
	}
	used += put_text(w, s, len, room);
	int cursor = used;
	if (iw) {
		fill(w, cols - used - iw);
		wattrset(w, (a->prompt.error[0] ? A_BOLD : A_DIM) | pair(a, ELEM_STATUS));
		used = cols - iw + put_text(w, info, strlen(info), iw);
		used = used > cols ? cols : used;
	}
	fill(w, cols - used);
	wattrset(w, A_NORMAL);
	wmove(w, 0, cursor < cols ? cursor : cols - 1);
}

static void draw_status(struct app *a)
{
	WINDOW *w = a->wstatus;
	int cols = a->lay.cols;
	wmove(w, 0, 0);
	wattrset(w, A_NORMAL);
	if (a->prompt.kind != PROMPT_NONE) {
		draw_prompt(a);
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
		hints(a, left, sizeof(left));
	int pw = (int)strlen(pos) + 2;
	int used = 0;
	/* a message that needs the whole line gets it, the position gives way */
	if (a->message[0] && text_width(left, strlen(left)) > cols - pw)
		pw = 0;
	wattrset(w, (a->message[0] ? A_BOLD : A_DIM) | pair(a, ELEM_STATUS));
	used = put_text(w, left, strlen(left), cols - pw > 0 ? cols - pw : cols);
	if (pw && cols - used >= pw) {
		fill(w, cols - used - pw + 1);
		wattrset(w, A_BOLD | pair(a, ELEM_STATUS));
		put_text(w, pos, strlen(pos), pw - 1);
		fill(w, 1);
	} else {
		fill(w, cols - used);
	}
	wattrset(w, A_NORMAL);
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

/* The row the terminal cursor goes to: the selection, the focused link,
 * or the match n and N went to. */
static int cursor_row(const struct app *a, const struct pane *p)
{
	const struct match_loc *c = &a->find.cur;
	if (!p->list && p->link < 0 && c->pane == p->id && a->find.marking && p->doc) {
		int row = (int)doc_line_of(p->doc, c->block, c->start) - p->top;
		if (row >= 0 && row < pane_rows(p))
			return 1 + (p->head ? (int)p->head->lines_count : 0) + row;
	}
	return pane_cursor_row(p);
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
		chtype line = (a->ascii ? '|' : ACS_VLINE) | pair(a, ELEM_BORDER);
		wvline(w, line, a->lay.sep[i].h);
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
	if (a->prompt.kind != PROMPT_NONE) {
		wnoutrefresh(a->wstatus);
	} else {
		wnoutrefresh(a->wstatus);
		/* the terminal cursor sits on the selected row: screen readers
		 * and braille displays follow it */
		struct pane *p = &a->panes[focus];
		if (p->win) {
			wmove(p->win, cursor_row(a, p), 0);
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
