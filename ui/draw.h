/* draw.h - painting the browser with curses: one window per shown pane,
 * drawn only when dirty, flushed with wnoutrefresh/doupdate so a key sends
 * only the cells that changed. Styles become attributes that stay readable
 * with no colour at all (reverse, bold, underline). */
#ifndef TEMM_DRAW_H
#define TEMM_DRAW_H

struct app;

/* After newterm: colours, and the windows (made at the first draw). */
void draw_init(struct app *a);
/* Bring the terminal up to date with the app's state. */
void draw_screen(struct app *a);
/* Before endwin: the windows go. */
void draw_free(struct app *a);

#endif
