/* ui.c - the browser: start-up (config, history, the state kept from the
 * last run), the key loop and what each action does. Keys become actions
 * through the table built from UI_ACTIONS (ui/keys.c) with the config's
 * rebindings; moving is pane.c's, what follows a move view.c's, search
 * and filters finder.c's. */
#include "ui.h"
#include "app.h"
#include "paths.h"
#include "sanitize.h"
#include "statefile.h"
#include "text.h"
#include "tty.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Key codes past the named keys for what is not a key. */
enum { KEY_IS_RESIZE = UIK_LAST + 1, KEY_IS_MOUSE, KEY_IS_OTHER };

/* A curses key as the key table names it: Enter is Enter however the
 * terminal sends it. */
static long key_code(int got, wint_t wc)
{
	if (got == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return UIK_UP;
		case KEY_DOWN: return UIK_DOWN;
		case KEY_LEFT: return UIK_LEFT;
		case KEY_RIGHT: return UIK_RIGHT;
		case KEY_PPAGE: return UIK_PGUP;
		case KEY_NPAGE: return UIK_PGDN;
		case KEY_HOME: return UIK_HOME;
		case KEY_END: return UIK_END;
		case KEY_ENTER: return UIK_ENTER;
		case KEY_BTAB: return UIK_BTAB;
		case KEY_BACKSPACE: return UIK_BACKSPACE;
		case KEY_DC: return UIK_DELETE;
		case KEY_IC: return UIK_INSERT;
		case KEY_RESIZE: return KEY_IS_RESIZE;
		case KEY_MOUSE: return KEY_IS_MOUSE;
		default:
			if (wc >= KEY_F(1) && wc <= KEY_F(12))
				return UIK_F1 + (long)(wc - KEY_F(1));
			return KEY_IS_OTHER;
		}
	}
	switch (wc) {
	case '\r': case '\n': return UIK_ENTER;
	case '\t': return UIK_TAB;
	case 27: return UIK_ESC;
	case 127: case 8: return UIK_BACKSPACE;
	case ' ': return UIK_SPACE;
	default: return (long)wc;
	}
}

/* ---- state kept between runs ---- */

/* Where to come back to next time: the screen before a search rather
 * than its results, which are not kept. */
static void position_take(struct app *a, struct snap *s)
{
	enum ui_view v = a->view == VIEW_HELP ? a->view_before_help : a->view;
	if (v == VIEW_SEARCH && a->find.session)
		*s = a->find.origin;
	else
		app_snap_take(a, s);
	if (s->view != VIEW_HOME && s->view != VIEW_REPORT)
		s->view = VIEW_HOME;
}

void app_save_failed(struct app *a, const char *what)
{
	snprintf(a->save_problem, sizeof(a->save_problem), "%s", what);
	app_say(a, "%s", what);
}

const char *app_save_problem(const struct app *a)
{
	return a->save_problem[0] ? a->save_problem : NULL;
}

void app_save_problem_seen(struct app *a)
{
	a->save_problem[0] = '\0';
}

/* statefile_update's merge: the marks and position another session saved
 * since, under this session's own. */
static char *merge_state(const char *current, void *arg, char *why, size_t whylen)
{
	struct app *a = arg;
	struct ui_state file;
	char warn[200];
	memset(&file, 0, sizeof(file));
	int rc = current ? state_parse(&file, current, a->r, warn, sizeof(warn)) : 0;
	if (rc == STATE_FOREIGN) {
		snprintf(why, whylen, "left as it is: %s", warn);
		return NULL;
	}
	state_merge(&a->state, &file); /* other content's places are dropped */
	char *text = state_format(&a->state, a->r);
	if (!text)
		snprintf(why, whylen, "out of memory");
	return text;
}

static void state_save(struct app *a)
{
	char why[400], msg[600];
	if (!a->state_path)
		return;
	if (a->state_left_alone)
		snprintf(why, sizeof(why), "it was not read and is left as it is");
	if (a->state_left_alone ||
	    statefile_update(a->state_path, STATE_MAX_BYTES, merge_state, a, why, sizeof(why)) != 0) {
		snprintf(msg, sizeof(msg), "position and marks not saved to %s: %s", a->state_path, why);
		app_save_failed(a, msg);
	}
}

/* Append to the start-up message (several things may need saying). */
static void tell(struct app *a, const char *what)
{
	size_t n = strlen(a->message);
	snprintf(a->message + n, sizeof(a->message) - n, "%s%s", n ? "; " : "", what);
}

/* The search history of this content; a history from before state was
 * kept per content is read when this content has none yet, and its
 * entries are written to the new file at the first save. */
static void history_start(struct app *a, const char *path)
{
	char warn[600], *legacy = NULL;
	if (path && access(path, F_OK) != 0 && errno == ENOENT)
		legacy = state_legacy_path("history");
	if (legacy && history_load(&a->hist, legacy, warn, sizeof(warn)) == 0) {
		a->hist.fresh = a->hist.count;
	} else if (legacy) {
		a->hist.left_alone = false; /* never written: nothing to leave */
	} else if (path && history_load(&a->hist, path, warn, sizeof(warn)) != 0) {
		tell(a, warn);
	}
	free(legacy);
}

/* The position and marks: a file that cannot be read or is not temm's
 * is said so and left alone; one written for other content (the content
 * here changed since) is said so and replaced at the next save. */
static void position_start(struct app *a, const char *path)
{
	char why[200], msg[700], *text = NULL;
	int rc = path ? statefile_read(path, STATE_MAX_BYTES, &text, why, sizeof(why)) : 1;
	bool legacy = false;
	if (rc == 1) {
		char *old = state_legacy_path("state");
		legacy = old && statefile_read(old, STATE_MAX_BYTES, &text, why, sizeof(why)) == 0;
		free(old);
	}
	if (rc < 0) {
		snprintf(msg, sizeof(msg), "cannot read %s: %s (left as it is; position and marks "
					   "are not saved)", path, why);
		tell(a, msg);
		a->state_left_alone = true;
	}
	if (text && (rc = state_parse(&a->state, text, a->r, why, sizeof(why))) != 0 && !legacy) {
		snprintf(msg, sizeof(msg), "ignoring %s: %s%s", path, why,
			 rc == STATE_FOREIGN ? " (left as it is; position and marks are not saved)" : "");
		tell(a, msg);
		a->state_left_alone = rc == STATE_FOREIGN;
	}
	if (legacy) /* carried over to this content's own file */
		for (int i = 0; i < STATE_MARKS; i++)
			a->state.mark_set[i] = a->state.have_mark[i];
	free(text);
}

/* The search history and the state file, kept per content (state_dir_for):
 * read unless kiosk (a shared account keeps nothing), written only
 * without --no-state. */
static void state_load(struct app *a)
{
	if (a->cli->kiosk)
		return;
	const char *content = paths_content_dir(a->cli->content, false);
	char *hist = state_path_for(content, "history"), *st = state_path_for(content, "state");
	history_start(a, hist);
	position_start(a, st);
	if (a->cli->no_state) {
		free(hist);
		free(st);
		return;
	}
	a->hist_path = hist;
	a->state_path = st;
}

/* ---- marks ---- */

static void mark_key(struct app *a, enum ui_action what, long key)
{
	if (key == UIK_ESC)
		return;
	if (what == ACT_MARK_GOTO && (key == '\'' || key == '`')) {
		app_history_go(a, true);
		return;
	}
	int slot = state_mark_slot(key);
	if (slot < 0) {
		app_say(a, "Marks are letters: a-z, A-Z");
		return;
	}
	char letter = (char)key;
	if (what == ACT_MARK_SET) {
		app_snap_take(a, &a->state.marks[slot]);
		a->state.have_mark[slot] = true;
		a->state.mark_set[slot] = true;
		app_say(a, "Mark %c set: '%c comes back here", letter, letter);
		state_save(a);
		return;
	}
	if (!a->state.have_mark[slot]) {
		app_say(a, "No mark %c: m%c sets it", letter, letter);
		return;
	}
	app_history_push(a);
	app_snap_restore(a, &a->state.marks[slot]);
}

static void mark_start(struct app *a, enum ui_action what)
{
	enum ui_view v = a->view == VIEW_HELP ? a->view_before_help : a->view;
	if (what == ACT_MARK_SET && v == VIEW_SEARCH) {
		app_say(a, "Marks are for places in the report: open a hit first");
		return;
	}
	a->pending = what;
	app_say(a, "%s", what == ACT_MARK_SET ? "mark: a letter (Esc: none)"
					      : "go to mark: a letter, or ' for the place before");
}

/* ---- actions ---- */

/* Only the keys less gives a count to (<N>g, <N>G, <N>p): after a lone
 * 1-4, j and k move in the pane it jumped to, as the user sees it. */
static bool takes_count(enum ui_action act)
{
	switch (act) {
	case ACT_FIRST: case ACT_LAST: case ACT_PERCENT:
		return true;
	default:
		return false;
	}
}

/* The moves every pane makes the same way; true if something moved. */
static bool move_action(struct pane *p, enum ui_action act, long count, bool have_count)
{
	int rows = pane_rows(p) > 1 ? pane_rows(p) : 1;
	int n = have_count && count > 0 ? (int)count : 1;
	int page = rows > 2 ? rows - 1 : rows, half = rows / 2 ? rows / 2 : 1;
	switch (act) {
	case ACT_MOVE_DOWN: return pane_move(p, n);
	case ACT_MOVE_UP: return pane_move(p, -n);
	case ACT_PAGE_DOWN: return pane_page(p, n * page);
	case ACT_PAGE_UP: return pane_page(p, -n * page);
	case ACT_HALF_DOWN: return pane_page(p, n * half);
	case ACT_HALF_UP: return pane_page(p, -n * half);
	case ACT_FIRST: return pane_goto_line(p, have_count ? count - 1 : 0);
	case ACT_LAST: return pane_goto_line(p, have_count ? count - 1 : -1);
	case ACT_PERCENT: return pane_goto_percent(p, have_count ? count : 0);
	default: return false;
	}
}

static void open_action(struct app *a, struct pane *p)
{
	if (p->list) {
		if (p->id == PANE_RESULTS)
			finder_open_hit(a, pane_item(p), 0, true);
		else if (p->id == PANE_OUTLINE)
			app_set_focus(a, PANE_BOOK);
		else if (a->view == VIEW_HOME)
			app_set_focus(a, PANE_READER);
	} else if (p->link >= 0 && (size_t)p->link < p->doc->links_count) {
		app_open_ref(a, p->doc->links[p->link].to, true);
	} else if (p->doc && p->doc->links_count) {
		app_say(a, "Tab to a link, then Enter follows it");
	}
}

static void view_action(struct app *a, enum ui_view v)
{
	if (a->view == v)
		return;
	app_history_push(a);
	app_set_view(a, v);
}

static void help_action(struct app *a, bool toggle)
{
	if (a->view == VIEW_HELP) {
		app_set_view(a, a->view_before_help);
	} else if (toggle) {
		a->view_before_help = a->view;
		app_set_view(a, VIEW_HELP);
	}
}

static void cancel_action(struct app *a, struct pane *p)
{
	if (a->view == VIEW_HELP) {
		help_action(a, false);
	} else if (!finder_cancel(a) && p->link >= 0) {
		p->link = -1;
		p->dirty = true;
	}
}

static void do_action(struct app *a, enum ui_action act, long count, bool have_count)
{
	struct pane *p = app_focused(a);
	switch (act) {
	case ACT_PREV_SIBLING: app_go_sibling(a, -1); break;
	case ACT_NEXT_SIBLING: app_go_sibling(a, 1); break;
	case ACT_PARENT: app_go_parent(a); break;
	case ACT_PANE_LEFT: app_pane_side(a, -1); break;
	case ACT_PANE_RIGHT: app_pane_side(a, 1); break;
	case ACT_FOCUS_NEXT: app_focus_step(a, 1); break;
	case ACT_FOCUS_PREV: app_focus_step(a, -1); break;
	case ACT_PANE_1: app_pane_jump(a, 1); break;
	case ACT_PANE_2: app_pane_jump(a, 2); break;
	case ACT_PANE_3: app_pane_jump(a, 3); break;
	case ACT_PANE_4: app_pane_jump(a, 4); break;
	case ACT_VIEW_HOME: view_action(a, VIEW_HOME); break;
	case ACT_VIEW_REPORT: view_action(a, VIEW_REPORT); break;
	case ACT_OPEN: open_action(a, p); break;
	case ACT_BACK: app_history_go(a, true); break;
	case ACT_FORWARD: app_history_go(a, false); break;
	case ACT_MARK_SET:
	case ACT_MARK_GOTO: mark_start(a, act); break;
	case ACT_SEARCH:
	case ACT_FILTER:
		app_corpus(a); /* build the index while the prompt opens, not at the first key */
		finder_open(a, act == ACT_SEARCH ? PROMPT_SEARCH : PROMPT_FILTER);
		break;
	case ACT_SEARCH_NEXT: finder_step(a, 1); break;
	case ACT_SEARCH_PREV: finder_step(a, -1); break;
	case ACT_WHERE: app_where(a); break;
	case ACT_REDRAW:
		a->repaint = true;
		for (int i = 0; i < PANE_COUNT; i++)
			a->panes[i].dirty = true;
		break;
	case ACT_HELP: help_action(a, true); break;
	case ACT_CANCEL: cancel_action(a, p); break;
	case ACT_QUIT:
		if (a->view == VIEW_HELP)
			help_action(a, false);
		else
			a->quit = true;
		break;
	default:
		/* the last hit, or N% of them: lay every one out first */
		if (p->id == PANE_RESULTS && (act == ACT_LAST || act == ACT_PERCENT ||
					      (act == ACT_FIRST && have_count)))
			finder_rows_all(a);
		if (move_action(p, act, count, have_count))
			app_moved(a, p->id);
		break;
	}
}

/* ---- the mouse ---- */

/* The link under column x of a line of a text pane, or -1. */
static int link_at(const struct pane *p, int line, int x)
{
	if (!p->doc || line < 0 || (size_t)line >= p->doc->lines_count)
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

static void mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	enum ui_pane_id id = draw_pane_at(a, ev.y, ev.x);
	if (id == PANE_COUNT)
		return;
	struct pane *p = app_pane(a, id);
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int d = ev.bstate & BUTTON4_PRESSED ? -3 : 3;
		if (p->list ? pane_page(p, d) : pane_move(p, d))
			app_moved(a, id);
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	app_set_focus(a, id);
	int row = ev.y - p->r.y - 1 - (p->head ? (int)p->head->lines_count : 0);
	if (row < 0)
		return;
	int line = p->top + row;
	if (p->list) {
		if (pane_select_line(p, line))
			app_moved(a, id);
		if (id == PANE_RESULTS)
			finder_open_hit(a, pane_item(p), 0, true);
		return;
	}
	int link = link_at(p, line, ev.x - p->r.x);
	if (link >= 0) {
		p->link = link;
		app_open_ref(a, p->doc->links[link].to, true);
	}
}

/* ---- the loop ---- */

static void apply_layout(struct app *a)
{
	enum ui_view v = a->view;
	layout_compute(&a->lay, COLS, LINES, v, a->focus[v]);
	for (int i = 0; i < PANE_COUNT; i++) {
		if (a->lay.pane[i].w > 0) /* app_pane: a pane about to show gets its text */
			pane_resize(app_pane(a, (enum ui_pane_id)i), a->lay.pane[i]);
	}
	if (a->lay.pane[PANE_TIMELINE].w > 0)
		app_update_axis(a);
	finder_relayout(a);
	/* the preview was filled before it had a size: show the hit */
	if (v == VIEW_SEARCH && a->laid_out != VIEW_SEARCH)
		app_moved(a, PANE_RESULTS);
	a->laid_out = v;
	for (int i = 0; i < PANE_COUNT; i++)
		a->panes[i].dirty = true;
}

/* A digit: a count, or (alone, 1-4) a jump to a pane. */
static void count_key(struct app *a, long key)
{
	if (!a->have_count) {
		a->have_count = true;
		a->count = key - '0';
		a->count_undo = false;
		if (key >= '1' && key <= '4') {
			/* a lone 1-4 jumps to a pane at once; if more digits
			 * or a counted key follow, the jump is undone */
			a->count_from = a->focus[a->view];
			a->count_undo = true;
			app_pane_jump(a, (int)(key - '0'));
		}
		return;
	}
	if (a->count_undo)
		app_set_focus(a, a->count_from);
	a->count_undo = false;
	if (a->count < 10000000)
		a->count = a->count * 10 + (key - '0');
}

static void handle_key(struct app *a, long key)
{
	a->message[0] = '\0';
	if (key == KEY_IS_RESIZE) {
		a->relayout = true;
		return;
	}
	if (a->prompt.kind != PROMPT_NONE) {
		finder_key(a, key);
		return;
	}
	if (key == KEY_IS_MOUSE) {
		mouse(a);
		return;
	}
	if (a->pending != ACT_NONE) {
		enum ui_action what = a->pending;
		a->pending = ACT_NONE;
		mark_key(a, what, key);
		return;
	}
	if (key >= '0' && key <= '9') {
		count_key(a, key);
		return;
	}
	enum ui_action act = keymap_lookup(&a->set.keys, key, false);
	bool have = a->have_count;
	long count = a->count;
	if (have && takes_count(act) && a->count_undo)
		app_set_focus(a, a->count_from);
	a->have_count = false;
	a->count = 0;
	a->count_undo = false;
	if (act == ACT_NONE) {
		app_say(a, "Unknown key: ? shows the keys");
		return;
	}
	do_action(a, act, count, have && takes_count(act));
}

/* The config: --config FILE, else the default file; none with
 * --no-config or in kiosk mode. */
static void settings_read(struct app *a)
{
	if (a->cli->no_config || a->cli->kiosk)
		return;
	char *path = a->cli->config ? strdup(a->cli->config) : config_default_path();
	if (path && settings_load(&a->set, path, a->cli->config != NULL) != 0)
		tell(a, a->set.message);
	free(path);
}

/* Where the browser opens: --goto, else where the last run left off,
 * else the config's pane. */
static void start_place(struct app *a, struct entity_ref start)
{
	if (start.index >= 0) {
		app_open_ref(a, start, false);
	} else if (a->state.have_position) {
		app_snap_restore(a, &a->state.position);
	} else if (a->set.pane != PANE_COUNT) {
		enum ui_view v = layout_pane_view(a->set.pane);
		a->view = v;
		a->focus[v] = a->set.pane;
		app_moved(a, a->set.pane); /* the reader shows its selection */
	}
}

static void panes_init(struct app *a)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		enum ui_pane_id id = (enum ui_pane_id)i;
		bool list = id == PANE_STAGES || id == PANE_AREAS || id == PANE_TIMELINE ||
			    id == PANE_OUTLINE || id == PANE_RESULTS;
		pane_init(&a->panes[i], id, list);
		if (!list)
			a->panes[i].wrap_cap = a->set.wrap;
	}
	pane_set_doc(app_pane(a, PANE_STAGES), page_stages(&a->pg));
	pane_set_doc(app_pane(a, PANE_AREAS), page_areas(&a->pg));
	pane_set_doc(app_pane(a, PANE_TIMELINE), page_timeline(&a->pg));
	pane_set_doc(app_pane(a, PANE_OUTLINE), page_outline(&a->pg));
	a->focus[VIEW_HOME] = PANE_STAGES;
	a->focus[VIEW_REPORT] = PANE_OUTLINE;
	a->focus[VIEW_SEARCH] = PANE_RESULTS;
	a->focus[VIEW_HELP] = PANE_HELP;
	a->view = a->laid_out = VIEW_HOME;
}

static bool app_init(struct app *a, const struct report *r, const struct cli *cli)
{
	memset(a, 0, sizeof(*a));
	a->r = r;
	a->cli = cli;
	a->find.hit = -1;
	a->find.cur.pane = PANE_COUNT;
	if (settings_init(&a->set) != 0)
		return false;
	settings_read(a);
	const char *nc = getenv("NO_COLOR");
	a->color = !cli->no_color && !(nc && *nc) && !a->set.no_colour;
	const char *cs = nl_langinfo(CODESET);
	/* our own glyphs (arrows, lines) need UTF-8; content text is what it is */
	a->ascii = cli->ascii || !cs || strcmp(cs, "UTF-8") != 0;
	a->mentions = mentions_from_report(r);
	if (!a->mentions)
		return false;
	a->pg = (struct pages){ r, a->mentions, a->ascii, &a->set.keys };
	a->reader = (struct entity_ref){ KIND_COUNT, NO_INDEX };
	a->preview = a->reader;
	panes_init(a);
	app_set_reader(a, r->stages_count ? (struct entity_ref){ KIND_STAGE, 0 }
					  : (struct entity_ref){ KIND_SECTION, 0 });
	state_load(a);
	a->relayout = true;
	return true;
}

static void app_free(struct app *a)
{
	for (int i = 0; i < PANE_COUNT; i++)
		pane_free(&a->panes[i]);
	mentions_free(a->mentions);
	corpus_free(a->corpus);
	finder_free(a);
	history_free(&a->hist);
	free(a->hist_path);
	free(a->state_path);
	free(a->back.v);
	free(a->forward.v);
	settings_free(&a->set);
}

/* Read keys until q, a stop signal or a hang-up. Keys already typed (a
 * paste, a fast typist over a slow link) are all read before the screen
 * is drawn and a query is run again. */
static int run_loop(struct app *a)
{
	bool more = false;
	while (!a->quit) {
		if (!more) {
			finder_flush(a);
			if (a->relayout)
				apply_layout(a);
			app_sync_marks(a);
			draw_screen(a);
		}
		if (tty_stop_signal()) /* came during long work: do not wait for a key */
			break;
		wint_t wc = 0;
		errno = 0;
		nodelay(stdscr, more);
		int got = wget_wch(stdscr, &wc);
		if (tty_stop_signal())
			break;
		if (got == ERR && more) {
			more = false; /* nothing more typed: draw */
			continue;
		}
		if (got == ERR) {
			if (errno == EINTR)
				continue;
			return EXIT_FAIL; /* the terminal is gone: a hang-up */
		}
		handle_key(a, key_code(got, wc));
		more = true;
	}
	return EXIT_OK;
}

static SCREEN *screen_open(struct app *a)
{
	tty_guard_install();
	if (a->cli->kiosk)
		tty_no_suspend();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return NULL;
	set_escdelay(25); /* Esc answers at once; terminals send sequences faster */
	cbreak();         /* not raw: Ctrl-Z suspends and Ctrl-C stops, as users expect */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	a->mouse = mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
	mouseinterval(0);
	tty_guard_arm(a->mouse);
	draw_init(a);
	return scr;
}

int ui_run(const struct report *r, const struct cli *cli)
{
	struct entity_ref start = { KIND_COUNT, NO_INDEX };
	if (cli->goto_id && report_find(r, cli->goto_id, &start) != 0) {
		sanitize_error(stderr, "--goto: no entity or section has the id '%s' "
				       "(temm list KIND shows the ids)", cli->goto_id);
		return EXIT_USAGE;
	}
	if (!tty_usable(stderr))
		return EXIT_FAIL;
	struct app *a = malloc(sizeof(*a));
	if (!a || !app_init(a, r, cli)) {
		if (a)
			app_free(a);
		free(a);
		fprintf(stderr, "temm: out of memory\n");
		return EXIT_FAIL;
	}
	start_place(a, start);
	SCREEN *scr = screen_open(a);
	if (!scr) {
		tty_guard_release();
		app_free(a);
		free(a);
		fprintf(stderr, "temm: cannot initialise the terminal\n");
		return EXIT_FAIL;
	}
	int rc = run_loop(a);
	position_take(a, &a->state.position);
	a->state.have_position = a->state.position_set = true;
	state_save(a);
	char unsaved[sizeof(a->save_problem)]; /* a failed save not seen yet */
	snprintf(unsaved, sizeof(unsaved), "%s", app_save_problem(a) ? a->save_problem : "");
	if (a->mouse)
		mousemask(0, NULL);
	draw_free(a);
	endwin();
	delscreen(scr);
	app_free(a);
	free(a);
	if (*unsaved) { /* the screen is gone: said where it is seen */
		sanitize_error(stderr, "%s", unsaved);
	}
	tty_guard_release(); /* dies of the stop signal, if there was one */
	return rc;
}
