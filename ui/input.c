/* input.c - UTF-8 from the terminal's bytes. */
#include "input.h"
#include "actions.h"

#include <stddef.h>
#include <stdint.h>
#include <unistr.h>

long input_char_key(long c)
{
	switch (c) {
	case '\r': case '\n': return UIK_ENTER;
	case '\t': return UIK_TAB;
	case 27: return UIK_ESC;
	case 127: case 8: return UIK_BACKSPACE;
	case ' ': return UIK_SPACE;
	default: return c;
	}
}

/* The length of the sequence a lead byte starts; 0 if it starts none. */
static int lead_length(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b >= 0xc2 && b <= 0xdf)
		return 2;
	if (b >= 0xe0 && b <= 0xef)
		return 3;
	if (b >= 0xf0 && b <= 0xf4)
		return 4;
	return 0;
}

bool utf8_decoder_flush(struct utf8_decoder *d)
{
	bool dropped = d->have > 0;
	d->have = d->need = 0;
	return dropped;
}

/* A byte that starts nothing by itself: a lone lead or continuation. */
static int start(struct utf8_decoder *d, unsigned char byte, long *out)
{
	int len = lead_length(byte);
	if (len == 1) {
		out[0] = input_char_key(byte);
		return 1;
	}
	if (len == 0) {
		out[0] = UIK_INVALID;
		return 1;
	}
	d->buf[0] = byte;
	d->have = 1;
	d->need = len;
	return 0;
}

int utf8_decoder_feed(struct utf8_decoder *d, unsigned char byte, long out[2])
{
	if (d->have == 0)
		return start(d, byte, out);
	if ((byte & 0xc0) != 0x80) {
		/* the sequence ends early: it is invalid, and this byte begins anew */
		utf8_decoder_flush(d);
		out[0] = UIK_INVALID;
		return 1 + start(d, byte, out + 1);
	}
	d->buf[d->have++] = byte;
	if (d->have < d->need)
		return 0;
	ucs4_t uc = 0;
	int need = d->need, n = u8_mbtoucr(&uc, d->buf, (size_t)d->have);
	utf8_decoder_flush(d);
	/* overlong forms and surrogates are not characters; C1 controls are
	 * not keys */
	out[0] = n == need && !(uc >= 0x80 && uc < 0xa0) ? (long)uc : UIK_INVALID;
	return 1;
}
