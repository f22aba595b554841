/* input.h - bytes to keys, pure. curses decodes the escape sequences its
 * terminfo entry names (arrows, function keys) and passes every other byte
 * on as it is; the bytes are put together here: into characters, mouse
 * reports, and escape sequences curses does not know. Whatever comes, a
 * byte never takes the keys after it with it, and nothing waits for more
 * than a moment:
 * - a byte that is not UTF-8 (0xe9, an é from a Latin-1 terminal; 0xff,
 *   Alt on a terminal with 8-bit meta), and a character cut short, become
 *   one UIK_INVALID key;
 * - mouse reports (SGR: ESC [ < b ; x ; y M or m, and X10: ESC [ M b x y)
 *   are read here, not by curses: curses reads the rest of a report with
 *   blocking reads, so a report cut short took the keys typed after it (up
 *   to 3, or up to some 77 in SGR form, q and Esc included);
 * - any other escape sequence (ESC [ ... final, ESC O final) is one
 *   UIK_UNKNOWN key, not Esc and a handful of keys that act; one cut short
 *   or broken by a byte that cannot be in it is UIK_INVALID, and that byte
 *   is read anew. */
#ifndef TEMM_INPUT_H
#define TEMM_INPUT_H

#include <stdbool.h>

#include "dispatch.h"

struct utf8_decoder {
	unsigned char buf[4];
	int have, need;      /* bytes held, and the sequence's length */
};

/* Feed one byte; keys come out in out[] (at most 2: an unfinished
 * sequence this byte showed to be invalid, then this byte's own key).
 * Returns how many; 0 while a character is still incomplete. */
int utf8_decoder_feed(struct utf8_decoder *d, unsigned char byte, long out[2]);
/* Something that is not a byte came (a decoded key, or no more input for
 * now): a sequence left incomplete is invalid. True if one was dropped. */
bool utf8_decoder_flush(struct utf8_decoder *d);
/* The key of a complete character: Enter, Tab, Esc, Backspace and Space
 * by name, others as themselves. */
long input_char_key(long c);

/* The most keys one byte or one flush gives. */
enum { INPUT_KEYS_MAX = 4 };

struct input_decoder {
	struct utf8_decoder utf8;
	int esc;                /* where in an escape sequence (input.c) */
	char seq[32];           /* its bytes after ESC [ */
	int seq_len;
	struct ui_mouse mouse;  /* the report of the last UIK_MOUSE given */
};

/* Feed one byte; returns how many keys came out in out[]. A UIK_MOUSE
 * key's report is d->mouse until the next UIK_MOUSE. */
int input_feed(struct input_decoder *d, unsigned char byte, long out[INPUT_KEYS_MAX]);
/* Nothing more came for input_wait_ms, or curses decoded a key: what is
 * held is given out (ESC alone is Esc; a sequence cut short UIK_INVALID).
 * Returns how many keys came out. */
int input_flush(struct input_decoder *d, long out[INPUT_KEYS_MAX]);
/* How long the rest of what is held may take to come: -1 if nothing is
 * held. An Esc curses gave out alone is Esc at once (curses has waited). */
int input_wait_ms(const struct input_decoder *d);

#endif
