/* term_sync.h - the terminal's own state brought in line with the app's
 * before each draw: mouse reporting as the setting and the mouse key want
 * it (with the restore string of ui/tty.c to match), and the passage the
 * copy key copied, sent as OSC 52 to the terminal's clipboard. */
#ifndef TEMM_TERM_SYNC_H
#define TEMM_TERM_SYNC_H

struct app;

/* Called with curses' output flushed (before a draw: the last doupdate
 * sent everything), so what it writes to a->term_out goes in order. */
void term_sync(struct app *a);

#endif
