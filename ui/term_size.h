/* term_size.h - the size of the screen temm draws: the terminal's, capped
 * at TERM_SIZE_MAX_COLS x TERM_SIZE_MAX_ROWS, so that memory stays bounded
 * whatever size the terminal claims (an SSH client chooses it; anyone can
 * type `stty rows 30000 cols 30000`). Curses keeps some 28 bytes a cell in
 * each of its screens and windows, for the whole size it is told, so
 * temm reads the size itself (TIOCGWINSZ) and curses only ever sees the
 * capped one: through LINES and COLUMNS at newterm (and when it looks again
 * after a suspend), and through resizeterm when SIGWINCH comes - caught
 * here, so curses never reads the size on its own. A terminal larger than
 * the cap shows the browser in its top-left corner, the rest blank. */
#ifndef TEMM_TERM_SIZE_H
#define TEMM_TERM_SIZE_H

#include <stdbool.h>

enum { TERM_SIZE_MAX_COLS = 500, TERM_SIZE_MAX_ROWS = 300 };

/* Before newterm, fd being the terminal: SIGWINCH and SIGCONT are caught
 * here (curses leaves a signal that has a handler alone), and LINES and
 * COLUMNS say the capped size. */
void term_size_install(int fd);
/* After newterm: curses set to draw in the capped area. */
void term_size_start(void);
/* True when the terminal may have changed size since term_size_update
 * (SIGWINCH; or SIGCONT: it may have while temm was stopped). */
bool term_size_changed(void);
/* Curses' screen made the terminal's size now, capped. */
void term_size_update(void);
/* Curses' screen made cols x rows, capped: term_size_update once the size
 * is read, and the input fuzzer's resizes. */
void term_size_set(int cols, int rows);
/* Before endwin: the terminal's scroll region is all of it again, and
 * LINES and COLUMNS are as they were. */
void term_size_release(void);

#endif
