/* vscreen.c - the browser on a virtual screen. */
#include "testutil.h"
#include "vscreen.h"
#include "app.h"
#include "draw.h"
#include "input.h"
#include "persist.h"
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

struct vscreen {
	SCREEN *scr;
	FILE *out, *in;
	int typed;              /* the write end of the pipe curses reads, or -1 */
	struct term_input input; /* what the browser's loop keeps between reads */
	struct cli cli;
	struct app *a;
	char row[4096];
};

static void settle(struct vscreen *v)
{
	app_settle(v->a);
	draw_screen(v->a);
}

static struct vscreen *open_va(const struct report *r, const char *term, int cols, int rows,
				va_list ap)
{
	char *argv[32] = { "temm" };
	int argc = 1;
	for (const char *s; argc < 31 && (s = va_arg(ap, const char *));)
		argv[argc++] = (char *)s;
	/* widths and glyphs as in a UTF-8 terminal (--ascii gives the other) */
	setlocale(LC_ALL, "C.UTF-8");
	struct vscreen *v = calloc(1, sizeof(*v));
	if (!v || cli_parse(argc, argv, &v->cli, stderr) != EXIT_OK) {
		free(v);
		return NULL;
	}
	v->typed = -1;
	int pipe_fd[2];
	if (pipe(pipe_fd) != 0) {
		vs_close(v);
		return NULL;
	}
	v->typed = pipe_fd[1];
	v->in = fdopen(pipe_fd[0], "r");
	v->out = fopen("/dev/null", "w");
	char size[32];
	snprintf(size, sizeof(size), "%d", cols);
	setenv("COLUMNS", size, 1);
	snprintf(size, sizeof(size), "%d", rows);
	setenv("LINES", size, 1);
	v->scr = v->in && v->out ? newterm(term, v->out, v->in) : NULL;
	unsetenv("COLUMNS");
	unsetenv("LINES");
	if (!v->scr) {
		vs_close(v);
		return NULL;
	}
	struct entity_ref start = { KIND_COUNT, NO_INDEX };
	if (v->cli.goto_id)
		report_find(r, v->cli.goto_id, &start);
	/* an OSC 52 goes to /dev/null too (tests may swap in a file) */
	v->a = ui_open(r, &v->cli, start, v->out);
	if (!v->a) {
		vs_close(v);
		return NULL;
	}
	/* all 8 bits of a byte, as curses reads a terminal set to CS8 (on a
	 * pipe it would take 7) */
	meta(stdscr, TRUE);
	settle(v);
	return v;
}

struct vscreen *vs_open(const struct report *r, int cols, int rows, ...)
{
	va_list ap;
	va_start(ap, rows);
	struct vscreen *v = open_va(r, "xterm-256color", cols, rows, ap);
	va_end(ap);
	return v;
}

struct vscreen *vs_open_term(const struct report *r, const char *term, int cols, int rows, ...)
{
	va_list ap;
	va_start(ap, rows);
	struct vscreen *v = open_va(r, term, cols, rows, ap);
	va_end(ap);
	return v;
}

void vs_close(struct vscreen *v)
{
	if (!v)
		return;
	if (v->a) {
		draw_free(v->a);
		app_free(v->a);
	}
	if (v->scr) {
		endwin();
		delscreen(v->scr);
	}
	if (v->out)
		fclose(v->out);
	if (v->in)
		fclose(v->in);
	if (v->typed >= 0)
		close(v->typed);
	cli_free(&v->cli);
	free(v);
}

struct app *vs_app(struct vscreen *v)
{
	return v->a;
}

/* The next key of a script, and where the script goes on. */
static long next_key(const char **s)
{
	const char *p = *s;
	if (*p == '<') {
		const char *end = strchr(p, '>');
		if (end && end > p + 1) {
			*s = end + 1;
			if (end - p - 1 == 2 && strncmp(p + 1, "lt", 2) == 0)
				return '<';
			long code = ui_key_code(p + 1, (size_t)(end - p - 1));
			if (code < 0)
				fail_msg("vs_keys: no key is called <%.*s>", (int)(end - p - 1), p + 1);
			return code;
		}
	}
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	wchar_t wc;
	size_t n = mbrtowc(&wc, p, strlen(p), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
		n = 1, wc = (unsigned char)*p;
	*s = p + n;
	return input_char_key((long)wc);
}

void vs_keys(struct vscreen *v, const char *keys)
{
	for (const char *s = keys; *s && !v->a->quit;)
		app_key(v->a, next_key(&s));
	settle(v);
}

void vs_type(struct vscreen *v, const char *keys)
{
	for (const char *s = keys; *s && !v->a->quit;) {
		app_key(v->a, next_key(&s));
		settle(v);
	}
}

enum term_read vs_bytes(struct vscreen *v, const char *bytes, size_t len)
{
	if (v->typed < 0)
		fail_msg("vs_bytes: the terminal has hung up");
	for (size_t done = 0; done < len;) {
		ssize_t n = write(v->typed, bytes + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fail_msg("vs_bytes: cannot write to the input pipe");
		done += (size_t)n;
	}
	enum term_read got = ui_take_keys(v->a, &v->input, false);
	settle(v);
	return got;
}

enum term_read vs_hangup(struct vscreen *v)
{
	if (v->typed >= 0)
		close(v->typed);
	v->typed = -1;
	enum term_read got;
	do
		got = ui_take_keys(v->a, &v->input, true);
	while ((got == TERM_NONE || got == TERM_AGAIN) && !v->a->quit);
	return got;
}

void vs_resize(struct vscreen *v, int cols, int rows)
{
	resize_term(rows, cols);
	app_resize(v->a, COLS, LINES);
	settle(v);
}

void vs_mouse(struct vscreen *v, int y, int x, unsigned buttons)
{
	struct ui_mouse m = { y, x, buttons };
	app_mouse(v->a, &m);
	settle(v);
}

/* A line-drawing character drawn through the alternate character set. */
static const char *acs_text(wchar_t c)
{
	switch (c) {
	case 'q': return "\u2500";
	case 'x': return "\u2502";
	case 'n': return "\u253c";
	case 'l': return "\u250c";
	case 'k': return "\u2510";
	case 'm': return "\u2514";
	case 'j': return "\u2518";
	case 't': return "\u251c";
	case 'u': return "\u2524";
	case 'w': return "\u252c";
	case 'v': return "\u2534";
	default: return NULL;
	}
}

const char *vs_row(struct vscreen *v, int y)
{
	size_t n = 0;
	v->row[0] = '\0';
	for (int x = 0; x < COLS && n + 16 < sizeof(v->row); x++) {
		cchar_t cc;
		if (mvwin_wch(curscr, y, x, &cc) == ERR)
			break;
		wchar_t wch[CCHARW_MAX + 1] = { 0 };
		attr_t at;
		short pair;
		getcchar(&cc, wch, &at, &pair, NULL);
		const char *acs = (at & A_ALTCHARSET) ? acs_text(wch[0]) : NULL;
		if (acs) {
			n += (size_t)snprintf(v->row + n, sizeof(v->row) - n, "%s", acs);
			continue;
		}
		for (int i = 0; i < CCHARW_MAX && wch[i]; i++) {
			char mb[MB_LEN_MAX];
			mbstate_t st;
			memset(&st, 0, sizeof(st));
			size_t k = wcrtomb(mb, wch[i], &st);
			if (k != (size_t)-1 && n + k < sizeof(v->row)) {
				memcpy(v->row + n, mb, k);
				n += k;
			}
		}
		/* the second cell of a wide character holds nothing of its own */
		int w = wcwidth(wch[0]);
		if (w > 1)
			x += w - 1;
	}
	v->row[n] = '\0';
	return v->row;
}

char *vs_screen(struct vscreen *v)
{
	size_t size = 0;
	char *buf = NULL;
	FILE *f = open_memstream(&buf, &size);
	for (int y = 0; y < LINES; y++)
		fprintf(f, "%s\n", vs_row(v, y));
	fclose(f);
	return buf;
}

int vs_find(struct vscreen *v, const char *regex)
{
	regex_t re;
	if (regcomp(&re, regex, REG_EXTENDED | REG_NOSUB) != 0)
		fail_msg("vs_find: bad regex %s", regex);
	int found = -1;
	for (int y = 0; y < LINES && found < 0; y++)
		if (regexec(&re, vs_row(v, y), 0, NULL, 0) == 0)
			found = y;
	regfree(&re);
	return found;
}

void vs_cursor(struct vscreen *v, int *y, int *x)
{
	(void)v;
	getyx(newscr, *y, *x); /* where the last update left the cursor */
}

void vs_cell(struct vscreen *v, int y, int x, unsigned long *attrs, short *pair)
{
	(void)v;
	cchar_t cc;
	*attrs = 0;
	*pair = 0;
	if (mvwin_wch(curscr, y, x, &cc) == ERR)
		return;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t at;
	getcchar(&cc, wch, &at, pair, NULL);
	*attrs = at;
}

bool vs_reverse(struct vscreen *v, int y, int x)
{
	unsigned long at;
	short pair;
	vs_cell(v, y, x, &at, &pair);
	return (at & A_REVERSE) || pair != 0;
}

/* The column of byte `off` of row y's text. */
static int column_of(const char *row, size_t off)
{
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	int col = 0;
	for (size_t i = 0; i < off;) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, row + i, off - i, &st);
		if (n == 0 || n > off - i)
			break;
		int w = wcwidth(wc);
		col += w > 0 ? w : 0;
		i += n;
	}
	return col;
}

bool vs_marked(struct vscreen *v, const char *word)
{
	for (int y = 0; y < LINES; y++) {
		const char *row = vs_row(v, y);
		for (const char *at = strstr(row, word); at; at = strstr(at + 1, word)) {
			unsigned long attrs;
			short pair;
			vs_cell(v, y, column_of(row, (size_t)(at - row)), &attrs, &pair);
			if ((attrs & (A_REVERSE | A_BOLD | A_UNDERLINE)) || pair)
				return true;
		}
	}
	return false;
}

bool vs_has_pair(struct vscreen *v, short want)
{
	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; x++) {
			unsigned long attrs;
			short pair;
			vs_cell(v, y, x, &attrs, &pair);
			if (want ? pair == want : pair != 0)
				return true;
		}
	return false;
}

void vs_expect_at(struct vscreen *v, const char *regex, const char *file, int line)
{
	if (vs_find(v, regex) >= 0)
		return;
	char *s = vs_screen(v);
	fprintf(stderr, "%s:%d: the screen does not show /%s/:\n%s", file, line, regex, s);
	free(s);
	_fail(file, line);
}

void vs_expect_not_at(struct vscreen *v, const char *regex, const char *file, int line)
{
	if (vs_find(v, regex) < 0)
		return;
	char *s = vs_screen(v);
	fprintf(stderr, "%s:%d: the screen shows /%s/ and must not:\n%s", file, line, regex, s);
	free(s);
	_fail(file, line);
}
