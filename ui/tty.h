/* tty.h - the terminal's safety net: refuse terminals the browser cannot
 * drive (before touching them), and put the terminal back however temm
 * ends - quit, SIGINT/TERM/HUP/QUIT, a hang-up, or a fatal signal. */
#ifndef TEMM_TTY_H
#define TEMM_TTY_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

/* Whether stdin/stdout are a terminal and TERM names one that is not
 * dumb. If not, explain on `err` how to use the headless commands and
 * return false; nothing is written to the terminal. */
bool tty_usable(FILE *err);
/* After tty_guard_install: curses's screen on stdout, reading the
 * terminal description (once). A TERM with no terminfo entry, or one that
 * cannot move its cursor, is explained on `err` as above and NULL is
 * returned, the terminal untouched. */
SCREEN *tty_open_screen(FILE *err);

/* Before initscr: save the termios, and install handlers - INT, TERM, HUP
 * and QUIT set a flag the loop and long work obey (tty_stop_work); every
 * other signal whose default action ends the process (SEGV, ABRT, USR1,
 * ALRM, XCPU, PIPE, TRAP, SYS, the real-time ones...) restores the
 * terminal and re-raises. */
void tty_guard_install(void);
/* Kiosk mode, before initscr: Ctrl-Z does nothing. Under an sshd
 * ForceCommand there is no shell to resume a stopped temm, so suspending
 * would only hang the session; curses leaves an ignored SIGTSTP alone. */
void tty_no_suspend(void);
/* After initscr: prepare the restore string a fatal signal writes (no
 * terminfo calls are safe inside a signal handler). `mouse`: the mouse
 * was switched on. */
void tty_guard_arm(bool mouse);
/* The signal that asked temm to stop, or 0. */
int tty_stop_signal(void);
/* For long work (a search's struct search_stop): true when a signal
 * asked temm to stop or a key waits to be read. Safe from any thread. */
bool tty_stop_work(void *arg);
/* After endwin: take the handlers down; if a signal asked to stop, die of
 * it now (so the parent sees how temm ended) - this does not return then. */
void tty_guard_release(void);

#endif
