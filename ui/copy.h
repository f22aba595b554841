/* copy.h - the copy key: a passage of the report with its reference
 * (src/quote.h) for the terminal's clipboard, sent as OSC 52 (ESC ] 52 ;
 * c ; BASE64 BEL), which a terminal takes over SSH and tmux takes with
 * `set-clipboard on`. What is copied, by the focused pane:
 * - a text pane (reader, book, preview): the sentence of the current
 *   match when n, N or Enter on a hit put one on screen there; else the
 *   paragraph of the focused link; else the first paragraph at the top of
 *   the pane; else (a page with no paragraph on screen) what tells of the
 *   entity the pane shows, as `temm show ID --cite` prints it;
 * - a list: what tells of the selected entity; in the search results, the
 *   sentence of the hit's first match when the hit is in a paragraph.
 * Curses-free: this decides and encodes; ui/term_sync.c writes the
 * sequence to the terminal. */
#ifndef TEMM_COPY_H
#define TEMM_COPY_H

#include <stddef.h>

#include "actions.h"

struct app;

/* The largest passage sent, in bytes of UTF-8: base64 makes it 99992
 * bytes, the escape sequence 100000 - the smallest limit terminals are
 * known to set on OSC 52 (hterm's; xterm and tmux take more). A longer
 * passage is not cut: nothing is copied and the status line says why. */
#define COPY_MAX_BYTES 74994

struct copy_state {
	char *payload; /* base64 of what was copied, until the terminal gets it */
};

/* The handler of the copy key. */
void act_copy(struct app *a, enum ui_action act, long count);

/* The payload waiting for the terminal (the caller frees it), or NULL. */
char *copy_take(struct copy_state *c);
void copy_free(struct copy_state *c);

/* Standard base64 (RFC 4648, with padding) of n bytes; caller frees,
 * NULL on out of memory. */
char *copy_base64(const char *s, size_t n);

#endif
