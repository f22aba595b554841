/* input.h - bytes to keys, pure. curses decodes the escape sequences it
 * knows (arrows, function keys, the mouse) and passes every other byte on
 * as it is; the bytes are put together into characters here. A byte that
 * is not UTF-8 (0xe9, an é from a Latin-1 terminal; 0xff, Alt on a
 * terminal with 8-bit meta) becomes one UIK_INVALID key and never takes
 * the keys after it with it. */
#ifndef TEMM_INPUT_H
#define TEMM_INPUT_H

#include <stdbool.h>

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

#endif
