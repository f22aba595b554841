/* vscreen.h - the browser on a virtual screen, in the manner of tig's test
 * harness: the real app and the real drawing (curses' newterm writing to
 * /dev/null and reading a pipe), keys fed to the dispatcher as the loop
 * would (or bytes to the pipe, read the loop's way: vs_bytes), and the
 * screen read back from curses row by row as text. One virtual screen at a
 * time: curses reads and draws the one opened last. Most screen tests run here in
 * milliseconds; tmux stays for what needs a real terminal. */
#ifndef TEMM_VSCREEN_H
#define TEMM_VSCREEN_H

#include <stdbool.h>

#include "cli.h"
#include "model.h"
#include "term_input.h"

struct app;
struct vscreen;

/* The browser on `r` at cols x rows, as `temm ARGS...` would start it
 * (argv[0] is added; NULL ends the list): pass --no-config --no-state for
 * a session that reads and writes nothing. NULL on failure. */
struct vscreen *vs_open(const struct report *r, int cols, int rows, ...);
/* The same on a terminal type of choice (vs_open's is xterm-256color). */
struct vscreen *vs_open_term(const struct report *r, const char *term, int cols, int rows, ...);
void vs_close(struct vscreen *v);
struct app *vs_app(struct vscreen *v);

/* Type keys: characters as they are, named keys in angle brackets
 * ("2jj<Enter>", "/micro<Tab>", "<C-n>", "<Esc>", "<lt>" for '<'). Keys
 * are all read before the screen is drawn, as a paste is. */
void vs_keys(struct vscreen *v, const char *keys);
/* Type keys one at a time, drawing after each, as a person types. */
void vs_type(struct vscreen *v, const char *keys);
/* Bytes as a terminal sends them, read the browser's way: curses (keypad
 * on) decodes escape sequences and mouse reports, ui/term_input.c puts the
 * rest together into characters, and every key is done before the screen
 * is drawn (ui_take_keys). Returns how the reading ended: TERM_NONE when
 * all was read (or TERM_KEY at q). */
enum term_read vs_bytes(struct vscreen *v, const char *bytes, size_t len);
/* The terminal goes away: what is left is read; returns TERM_HANGUP. */
enum term_read vs_hangup(struct vscreen *v);
void vs_resize(struct vscreen *v, int cols, int rows);
/* A click or the wheel at a cell (UI_MOUSE_ buttons). */
void vs_mouse(struct vscreen *v, int y, int x, unsigned buttons);

/* Row y as it shows (trailing blanks kept), box drawing as Unicode; the
 * returned string lives until the next call. */
const char *vs_row(struct vscreen *v, int y);
/* The whole screen, rows joined by newlines; caller frees. */
char *vs_screen(struct vscreen *v);
/* Whether some row matches an extended regex; the first such row, or -1. */
int vs_find(struct vscreen *v, const char *regex);
/* The column and row of the terminal cursor. */
void vs_cursor(struct vscreen *v, int *y, int *x);
/* Whether the cell at y, x is drawn in reverse video or as a search match
 * would be (for tests of what is marked). */
bool vs_reverse(struct vscreen *v, int y, int x);
/* The attributes and colour pair of a cell. */
void vs_cell(struct vscreen *v, int y, int x, unsigned long *attrs, short *pair);
/* Whether `word` shows somewhere drawn highlighted: its first cell in
 * reverse, bold, underline or a colour. */
bool vs_marked(struct vscreen *v, const char *word);
/* Whether any cell has colour pair `pair` (0: whether any has colour). */
bool vs_has_pair(struct vscreen *v, short pair);

/* cmocka: fail with the screen when no row matches. */
#define vs_expect(v, regex) vs_expect_at(v, regex, __FILE__, __LINE__)
#define vs_expect_not(v, regex) vs_expect_not_at(v, regex, __FILE__, __LINE__)
void vs_expect_at(struct vscreen *v, const char *regex, const char *file, int line);
void vs_expect_not_at(struct vscreen *v, const char *regex, const char *file, int line);

#endif
