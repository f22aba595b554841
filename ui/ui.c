/* ui.c - the browser's terminal and its loop: open the screen, read keys
 * until q, a stop signal or a hang-up, draw when no more keys are waiting,
 * and put the terminal back however it ends. What the keys do is
 * ui/dispatch.c's; what is drawn ui/draw.c's; the size curses is told
 * ui/term_size.c's. */
#include "ui.h"
#include "app.h"
#include "draw.h"
#include "persist.h"
#include "sanitize.h"
#include "term_size.h"
#include "tty.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

enum term_read ui_take_keys(struct app *a, struct term_input *in, bool wait)
{
	for (;;) {
		long key;
		struct ui_mouse m;
		enum term_read got = term_read(in, wait, &key, &m);
		if (got != TERM_KEY || tty_stop_signal())
			return got;
		if (key == UIK_RESIZE)
			app_resize(a, COLS, LINES);
		else if (key == UIK_MOUSE)
			app_mouse(a, &m);
		else
			app_key(a, key);
		if (a->quit)
			return TERM_KEY;
		wait = false; /* the rest of what was typed, without waiting */
	}
}

/* Read keys until q, a stop signal or a hang-up. Keys already typed (a
 * paste, a fast typist over a slow link) are all read before the screen
 * is drawn and a query is run again. */
static int run_loop(struct app *a)
{
	struct term_input in = { 0 };
	for (;;) {
		app_settle(a);
		draw_screen(a);
		if (tty_stop_signal()) /* came during long work: do not wait for a key */
			return EXIT_OK;
		enum term_read got = ui_take_keys(a, &in, true);
		if (a->quit || tty_stop_signal())
			return EXIT_OK;
		if (got == TERM_HANGUP)
			return EXIT_FAIL;
	}
}

static void screen_modes(void)
{
	set_escdelay(25); /* Esc answers at once; terminals send sequences faster */
	cbreak();         /* not raw: Ctrl-Z suspends and Ctrl-C stops, as users expect */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
}

struct app *ui_open(const struct report *r, const struct cli *cli, struct entity_ref start,
		    FILE *term_out)
{
	screen_modes();
	struct app *a = app_new(r, cli, COLS, LINES);
	if (!a)
		return NULL;
	a->term_out = term_out;
	draw_init(a); /* the mouse is turned on by the first draw (term_sync) */
	persist_start(a, start);
	return a;
}

void ui_close(struct app *a)
{
	draw_free(a);
	if (a->mouse)
		mousemask(0, NULL);
	app_free(a);
}

static SCREEN *screen_open(bool kiosk)
{
	tty_guard_install();
	if (kiosk)
		tty_no_suspend();
	term_size_install(STDOUT_FILENO); /* curses is told the capped size from the start */
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr)
		term_size_start();
	return scr;
}

static void screen_close(SCREEN *scr)
{
	term_size_release();
	endwin();
	delscreen(scr);
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
	SCREEN *scr = screen_open(cli->kiosk);
	if (!scr) {
		term_size_release();
		tty_guard_release();
		fprintf(stderr, "temm: cannot initialise the terminal\n");
		return EXIT_FAIL;
	}
	struct app *a = ui_open(r, cli, start, stdout);
	if (!a) {
		screen_close(scr);
		tty_guard_release();
		fprintf(stderr, "temm: out of memory\n");
		return EXIT_FAIL;
	}
	/* a key typed or a stop signal ends a long search */
	static const struct search_stop stop = { tty_stop_work, NULL };
	a->stop = &stop;
	tty_guard_arm(false); /* with the mouse once the first draw has asked for it */
	int rc = run_loop(a);
	persist_quit(a);
	/* a save that failed is said again once the screen is gone: one last
	 * look, in the terminal's scrollback */
	char unsaved[sizeof(a->save_last)];
	snprintf(unsaved, sizeof(unsaved), "%s", a->save_last);
	ui_close(a);
	screen_close(scr);
	if (*unsaved) /* the screen is gone: said where it is seen */
		sanitize_error(stderr, "%s", unsaved);
	tty_guard_release(); /* dies of the stop signal, if there was one */
	return rc;
}
