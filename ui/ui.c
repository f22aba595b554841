/* ui.c - the browser's terminal and its loop: open the screen, read keys
 * until q, a stop signal or a hang-up, draw when no more keys are waiting,
 * and put the terminal back however it ends. What the keys do is
 * ui/dispatch.c's; what is drawn ui/draw.c's. */
#include "ui.h"
#include "app.h"
#include "draw.h"
#include "persist.h"
#include "sanitize.h"
#include "term_input.h"
#include "tty.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

/* Read keys until q, a stop signal or a hang-up. Keys already typed (a
 * paste, a fast typist over a slow link) are all read before the screen
 * is drawn and a query is run again. */
static int run_loop(struct app *a)
{
	struct term_input in = { 0 };
	bool more = false;
	while (!a->quit) {
		if (!more) {
			app_settle(a);
			draw_screen(a);
		}
		if (tty_stop_signal()) /* came during long work: do not wait for a key */
			break;
		long key;
		struct ui_mouse m;
		in.pause_ms = more ? 0 : app_pause_ms(a); /* no timer unless something waits */
		enum term_read got = term_read(&in, !more, &key, &m);
		if (tty_stop_signal())
			break;
		if (got == TERM_NONE) {
			if (!more)
				app_paused(a); /* the keyboard stayed quiet */
			more = false; /* nothing more typed: draw */
			continue;
		}
		if (got == TERM_AGAIN)
			continue;
		if (got == TERM_HANGUP)
			return EXIT_FAIL;
		if (key == UIK_RESIZE)
			app_resize(a, COLS, LINES);
		else if (key == UIK_MOUSE)
			app_mouse(a, &m);
		else
			app_key(a, key);
		more = true;
	}
	return EXIT_OK;
}

static SCREEN *screen_open(bool kiosk)
{
	tty_guard_install();
	if (kiosk)
		tty_no_suspend();
	SCREEN *scr = tty_open_screen(stderr);
	if (!scr)
		return NULL;
	set_escdelay(25); /* Esc answers at once; terminals send sequences faster */
	cbreak();         /* not raw: Ctrl-Z suspends and Ctrl-C stops, as users expect */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	return scr;
}

/* The terminal as it was; curses's memory freed only when asked (the
 * process ends next). */
static void screen_close(SCREEN *scr, bool mouse, bool free_it)
{
	if (mouse)
		mousemask(0, NULL);
	endwin();
	if (free_it)
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
	if (!scr) { /* said why */
		tty_guard_release();
		return EXIT_FAIL;
	}
	struct app *a = app_new(r, cli, COLS, LINES);
	if (!a) {
		screen_close(scr, false, true);
		tty_guard_release();
		fprintf(stderr, "temm: out of memory\n");
		return EXIT_FAIL;
	}
	/* a key typed or a stop signal ends a long search */
	static const struct search_stop stop = { tty_stop_work, NULL };
	a->stop = &stop;
	a->term_out = stdout;
	tty_guard_arm(false); /* with the mouse once the first draw has asked for it */
	draw_init(a);
	persist_start(a, start);
	int rc = run_loop(a);
	persist_quit(a);
	/* a save that failed is said again once the screen is gone: one last
	 * look, in the terminal's scrollback */
	char unsaved[sizeof(a->save_last)];
	snprintf(unsaved, sizeof(unsaved), "%s", a->save_last);
	if (cli->free_at_exit)
		draw_free(a);
	screen_close(scr, a->mouse, cli->free_at_exit);
	if (cli->free_at_exit)
		app_free(a);
	if (*unsaved) /* the screen is gone: said where it is seen */
		sanitize_error(stderr, "%s", unsaved);
	tty_guard_release(); /* dies of the stop signal, if there was one */
	return rc;
}
