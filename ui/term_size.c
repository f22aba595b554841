/* term_size.c - the terminal's size, read by temm and capped before curses
 * sees it. The signal handler needs a flag it cannot be passed: this file
 * keeps one static struct, with the size it last set. */
#include "term_size.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>

static struct {
	volatile sig_atomic_t changed;
	bool installed, started;         /* before newterm, after it */
	int fd;                          /* the terminal */
	int user_cols, user_rows;        /* LINES, COLUMNS as the user set them: they win, as in curses */
	char *user_lines, *user_columns; /* to put back */
	int claimed_cols, claimed_rows;  /* what the terminal says */
	int cols, rows;                  /* what curses was told */
	char region[64];                 /* a scroll region's sequence, being made */
	size_t region_len;
} ts;

static void on_change(int sig)
{
	(void)sig;
	ts.changed = 1;
}

static int env_number(const char *name)
{
	const char *s = getenv(name);
	if (!s || !*s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	return *end == '\0' && v > 0 && v < 1000000 ? (int)v : 0;
}

/* The terminal's size as curses would read it: the kernel's, unless the
 * user set LINES or COLUMNS; 80x24 if neither says. */
static void claimed_size(int *cols, int *rows)
{
	struct winsize ws;
	*cols = *rows = 0;
	if (ts.installed && ioctl(ts.fd, TIOCGWINSZ, &ws) == 0) {
		*cols = ws.ws_col;
		*rows = ws.ws_row;
	}
	if (ts.user_cols > 0)
		*cols = ts.user_cols;
	if (ts.user_rows > 0)
		*rows = ts.user_rows;
	if (*cols <= 0)
		*cols = 80;
	if (*rows <= 0)
		*rows = 24;
}

/* What curses is told, and what it reads itself (newterm, and after a
 * suspend) from LINES and COLUMNS. */
static void tell_curses(int cols, int rows)
{
	ts.claimed_cols = cols;
	ts.claimed_rows = rows;
	ts.cols = cols < TERM_SIZE_MAX_COLS ? cols : TERM_SIZE_MAX_COLS;
	ts.rows = rows < TERM_SIZE_MAX_ROWS ? rows : TERM_SIZE_MAX_ROWS;
	char n[16];
	snprintf(n, sizeof(n), "%d", ts.cols);
	setenv("COLUMNS", n, 1);
	snprintf(n, sizeof(n), "%d", ts.rows);
	setenv("LINES", n, 1);
}

static char *saved(const char *name)
{
	const char *s = getenv(name);
	return s ? strdup(s) : NULL;
}

void term_size_install(int fd)
{
	ts.fd = fd;
	ts.user_cols = env_number("COLUMNS");
	ts.user_rows = env_number("LINES");
	ts.user_columns = saved("COLUMNS");
	ts.user_lines = saved("LINES");
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_change; /* no SA_RESTART: a blocking read returns */
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGCONT, &sa, NULL);
	ts.installed = true;
	int cols, rows;
	claimed_size(&cols, &rows);
	tell_curses(cols, rows);
}

/* tputs' output, kept to be written at once. */
static int region_put(int c)
{
	if (ts.region_len < sizeof(ts.region))
		ts.region[ts.region_len++] = (char)c;
	return c;
}

/* The terminal's scroll region set to rows 0 .. last, written straight to
 * the terminal (putp would go through stdio's buffer, which curses does
 * not use): curses has nothing buffered between two updates. */
static void scroll_region(int last)
{
	const char *csr = tigetstr("csr");
	if (!ts.installed || !csr || csr == (char *)-1)
		return;
	ts.region_len = 0;
	tputs(tiparm(csr, 0, last), 1, region_put);
	if (ts.region_len < sizeof(ts.region) && write(ts.fd, ts.region, ts.region_len) < 0)
		return; /* the terminal is gone: nothing to set */
}

/* Drawing in part of the terminal. Curses takes its screen for the whole
 * terminal: where it is not, curses must not shift a line's characters
 * sideways (they would spill into the columns beyond), and the terminal's
 * scroll region must end at the area's last row (so that curses' scrolling
 * moves the area's rows, not the terminal's). */
static void fit_area(void)
{
	idcok(stdscr, ts.cols >= ts.claimed_cols);
	if (ts.rows < ts.claimed_rows)
		scroll_region(ts.rows - 1);
	clearok(curscr, TRUE); /* what the terminal shows is unknown (and csr moved the cursor) */
}

void term_size_start(void)
{
	ts.started = true;
	fit_area();
}

bool term_size_changed(void)
{
	return ts.changed;
}

void term_size_set(int cols, int rows)
{
	tell_curses(cols > 0 ? cols : 1, rows > 0 ? rows : 1);
	resizeterm(ts.rows, ts.cols);
	fit_area();
}

void term_size_update(void)
{
	int cols, rows;
	ts.changed = 0; /* before reading: a change from now on is seen again */
	claimed_size(&cols, &rows);
	term_size_set(cols, rows);
}

static void put_back(const char *name, const char *value)
{
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

void term_size_release(void)
{
	if (!ts.installed)
		return;
	if (ts.started && ts.rows < ts.claimed_rows)
		scroll_region(ts.claimed_rows - 1);
	signal(SIGWINCH, SIG_DFL);
	signal(SIGCONT, SIG_DFL);
	put_back("COLUMNS", ts.user_columns);
	put_back("LINES", ts.user_lines);
	free(ts.user_columns);
	free(ts.user_lines);
	memset(&ts, 0, sizeof(ts));
}
