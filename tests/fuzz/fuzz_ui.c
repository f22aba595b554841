/* fuzz_ui.c - see fuzz_ui.h. */
#include "fuzz_ui.h"
#include "app.h"
#include "draw.h"
#include "term_size.h"
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { FLAG_X10 = 1, FLAG_ASCII = 2, FLAG_NO_COLOR = 4, FLAG_KIOSK = 8, FLAG_HANGUP = 16 };
enum { MARK = 0xf8, MARK_BURST = 0xf8, MARK_RESIZE = 0xf7 };

/* A pipe holds 64 KiB: a longer burst is written a piece at a time. */
enum { PIECE = 4096 };

struct fuzz_session {
	SCREEN *scr;
	FILE *in, *out;
	int typed; /* the pipe's write end; -1 once the terminal is gone */
	struct cli cli;
	struct app *a;
	struct term_input input;
};

static void size_env(int cols, int rows)
{
	char n[16];
	snprintf(n, sizeof(n), "%d", cols);
	setenv("COLUMNS", n, 1);
	snprintf(n, sizeof(n), "%d", rows);
	setenv("LINES", n, 1);
}

static void session_close(struct fuzz_session *s)
{
	if (s->a)
		ui_close(s->a);
	if (s->scr) {
		endwin();
		delscreen(s->scr);
	}
	if (s->in)
		fclose(s->in);
	if (s->out)
		fclose(s->out);
	if (s->typed >= 0)
		close(s->typed);
	cli_free(&s->cli);
}

static bool session_open(struct fuzz_session *s, const struct report *r, unsigned flags, int cols,
			 int rows)
{
	char *argv[8] = { "temm", "--no-config", "--no-state" };
	int argc = 3;
	if (flags & FLAG_ASCII)
		argv[argc++] = "--ascii";
	if (flags & FLAG_NO_COLOR)
		argv[argc++] = "--no-color";
	if (flags & FLAG_KIOSK)
		argv[argc++] = "--kiosk";
	memset(s, 0, sizeof(*s));
	s->typed = -1;
	int p[2];
	if (cli_parse(argc, argv, &s->cli, stderr) != EXIT_OK || pipe(p) != 0)
		return false;
	s->typed = p[1];
	s->in = fdopen(p[0], "r");
	s->out = fopen("/dev/null", "w");
	if (!s->in || !s->out)
		return false;
	size_env(cols, rows);
	s->scr = newterm(flags & FLAG_X10 ? "tmux-256color" : "xterm-256color", s->out, s->in);
	if (!s->scr)
		return false;
	struct entity_ref start = { KIND_COUNT, NO_INDEX };
	s->a = ui_open(r, &s->cli, start, s->out);
	if (!s->a)
		return false;
	meta(stdscr, TRUE); /* 8 bits a byte, as on a terminal set to CS8 */
	/* the input is all there: waiting for the rest of a sequence only
	 * slows the fuzzer down (nothing more can come) */
	set_escdelay(1);
	s->input.rest_ms = 1;
	return true;
}

static void draw(struct fuzz_session *s)
{
	if (s->a->quit)
		return;
	app_settle(s->a);
	draw_screen(s->a);
}

/* Bytes typed at once: every key read, then the screen drawn. */
static enum term_read burst(struct fuzz_session *s, const uint8_t *bytes, size_t n)
{
	enum term_read got = TERM_NONE;
	for (size_t done = 0; done < n && !s->a->quit;) {
		size_t k = n - done < PIECE ? n - done : PIECE;
		ssize_t w = write(s->typed, bytes + done, k);
		if (w < 0 && errno == EINTR) /* libFuzzer's timer */
			continue;
		if (w <= 0)
			abort();
		done += (size_t)w;
		got = ui_take_keys(s->a, &s->input, false);
	}
	draw(s);
	return got;
}

static void resize(struct fuzz_session *s, uint8_t c, uint8_t r)
{
	term_size_set(1 + 3 * c, 1 + 2 * r);
	app_resize(s->a, COLS, LINES); /* what the loop does with UIK_RESIZE */
	draw(s);
}

/* The input after its three bytes of flags and size, burst by burst. */
static void play(struct fuzz_session *s, const uint8_t *data, size_t size)
{
	size_t start = 0, i = 0;
	while (i < size && !s->a->quit) {
		if (data[i] != MARK || i + 1 >= size ||
		    (data[i + 1] != MARK_BURST && data[i + 1] != MARK_RESIZE)) {
			i++;
			continue;
		}
		burst(s, data + start, i - start);
		if (data[i + 1] == MARK_RESIZE && i + 3 < size && !s->a->quit) {
			resize(s, data[i + 2], data[i + 3]);
			i += 2;
		}
		i += 2;
		start = i;
	}
	if (!s->a->quit && start < size)
		burst(s, data + start, size - start);
}

/* However the input left the browser, Esc Esc Esc q q q ends it (a prompt,
 * the help, a count, a mark's letter, a cut sequence: each is left by
 * then); or the terminal goes away and the read says so. */
static bool ends_well(struct fuzz_session *s, bool hangup)
{
	if (s->a->quit)
		return true;
	if (hangup) {
		close(s->typed);
		s->typed = -1;
		enum term_read got;
		do
			got = ui_take_keys(s->a, &s->input, true);
		while ((got == TERM_NONE || got == TERM_AGAIN) && !s->a->quit);
		return got == TERM_HANGUP || s->a->quit;
	}
	static const char *const tail[] = { "\033", "\033", "\033", "q", "q", "q" };
	for (size_t i = 0; i < sizeof(tail) / sizeof(tail[0]) && !s->a->quit; i++)
		burst(s, (const uint8_t *)tail[i], 1);
	return s->a->quit;
}

enum fuzz_outcome fuzz_input_one(const struct report *r, const uint8_t *data, size_t size)
{
	if (size < 3)
		return FUZZ_REJECTED;
	unsigned flags = data[0];
	struct fuzz_session s;
	enum fuzz_outcome o = FUZZ_BROKEN;
	if (session_open(&s, r, flags, 1 + data[1], 1 + data[2])) {
		play(&s, data + 3, size - 3);
		o = ends_well(&s, flags & FLAG_HANGUP) ? FUZZ_ACCEPTED : FUZZ_BROKEN;
	}
	session_close(&s);
	unsetenv("COLUMNS");
	unsetenv("LINES");
	return o;
}
