/* term_input.h - reading the terminal with curses: decoded keys (wgetch
 * with keypad on), and every other byte put together by ui/input.c into
 * characters, mouse reports and escape sequences; resizes (ui/term_size.c);
 * and telling a hang-up from an interrupted read. */
#ifndef TEMM_TERM_INPUT_H
#define TEMM_TERM_INPUT_H

#include <stdbool.h>

#include "dispatch.h"
#include "input.h"

struct term_input {
	struct input_decoder bytes;
	long queued[INPUT_KEYS_MAX]; /* keys decoded but not yet returned */
	int queued_count;
	struct ui_mouse mouse; /* the report of a queued UIK_MOUSE */
	int rest_ms;           /* how long the rest of a character or sequence
				* may take to come; 0: input_wait_ms's moment
				* (the input fuzzer, whose input is all there,
				* waits less) */
};

enum term_read { TERM_KEY, TERM_NONE, TERM_AGAIN, TERM_HANGUP };

/* The next key. wait: block until one comes (TERM_AGAIN if a signal
 * interrupted the wait), else TERM_NONE when nothing more is typed.
 * TERM_HANGUP when the terminal is gone. On TERM_KEY, *key is set, and
 * *mouse too when *key is UIK_MOUSE. */
enum term_read term_read(struct term_input *in, bool wait, long *key, struct ui_mouse *mouse);

/* After mousemask: curses is not to read mouse reports itself (it would
 * wait for the rest of one cut short, taking the keys after it): they come
 * as bytes, for ui/input.c. */
void term_input_own_mouse(void);

#endif
