/* input.c - UTF-8, mouse reports and escape sequences from the terminal's
 * bytes. */
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

/* ---- UTF-8 ---- */

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

/* ---- escape sequences ---- */

enum {
	ESC_NONE,
	ESC_SEEN, /* ESC */
	ESC_SS3,  /* ESC O */
	ESC_CSI,  /* ESC [ and seq */
	ESC_X10,  /* ESC [ M and seq: the three bytes of an X10 mouse report */
};

/* A mouse button code (xterm's: low bits the button, 32 motion, 64 the
 * wheel; 4, 8, 16 the modifiers) as the browser reads it: a press of the
 * first button is a click, the wheel scrolls, the rest (releases, drags,
 * other buttons) does nothing. */
static unsigned mouse_buttons(long b, bool press)
{
	if (!press || (b & 32))
		return 0;
	if (b & 64)
		return (b & 3) == 0 ? UI_MOUSE_WHEEL_UP : (b & 3) == 1 ? UI_MOUSE_WHEEL_DOWN : 0;
	return (b & 3) == 0 ? UI_MOUSE_CLICK : 0;
}

/* ESC [ M b x y: each a byte, 32 more than the value (x, y from 1). */
static long x10_report(struct input_decoder *d)
{
	long b = (unsigned char)d->seq[0] - 32;
	d->mouse.x = (unsigned char)d->seq[1] - 33;
	d->mouse.y = (unsigned char)d->seq[2] - 33;
	d->mouse.buttons = mouse_buttons(b, (b & 3) != 3);
	return UIK_MOUSE;
}

/* ESC [ < b ; x ; y M (a press) or m (a release); seq holds "<b;x;y". */
static long sgr_report(struct input_decoder *d, unsigned char final)
{
	long v[3] = { 0, 0, 0 };
	int n = 0, digits = 0;
	for (int i = 1; i < d->seq_len; i++) {
		char c = d->seq[i];
		if (c >= '0' && c <= '9' && digits < 6) {
			v[n] = v[n] * 10 + (c - '0');
			digits++;
		} else if (c == ';' && digits > 0 && n < 2) {
			n++;
			digits = 0;
		} else {
			return UIK_INVALID;
		}
	}
	if (n != 2 || digits == 0)
		return UIK_INVALID;
	d->mouse.x = (int)v[1] - 1;
	d->mouse.y = (int)v[2] - 1;
	d->mouse.buttons = mouse_buttons(v[0], final == 'M');
	return UIK_MOUSE;
}

static int feed(struct input_decoder *d, unsigned char byte, long *out);

/* After ESC: a sequence begins, or Esc was a key (Alt-x sends ESC x). */
static int after_esc(struct input_decoder *d, unsigned char byte, long *out)
{
	if (byte == '[' || byte == 'O') {
		d->esc = byte == '[' ? ESC_CSI : ESC_SS3;
		d->seq_len = 0;
		return 0;
	}
	d->esc = ESC_NONE;
	out[0] = UIK_ESC;
	return 1 + feed(d, byte, out + 1);
}

/* ESC O and one final byte: a key curses has no name for. */
static int after_ss3(struct input_decoder *d, unsigned char byte, long *out)
{
	d->esc = ESC_NONE;
	if (byte >= 0x40 && byte <= 0x7e) {
		out[0] = UIK_UNKNOWN;
		return 1;
	}
	out[0] = UIK_ESC;
	out[1] = 'O';
	return 2 + feed(d, byte, out + 2);
}

/* ESC [, parameter and intermediate bytes, one final byte. */
static int in_csi(struct input_decoder *d, unsigned char byte, long *out)
{
	if (d->seq_len == 0 && byte == 'M') {
		d->esc = ESC_X10;
		return 0;
	}
	if (byte >= 0x20 && byte <= 0x3f && d->seq_len < (int)sizeof(d->seq)) {
		d->seq[d->seq_len++] = (char)byte;
		return 0;
	}
	d->esc = ESC_NONE;
	bool sgr = d->seq_len > 0 && d->seq[0] == '<';
	if (sgr && (byte == 'M' || byte == 'm')) {
		out[0] = sgr_report(d, byte);
		return 1;
	}
	if (byte >= 0x40 && byte <= 0x7e && !sgr) {
		out[0] = UIK_UNKNOWN;
		return 1;
	}
	/* broken off (an SGR report ends only in M or m): the byte is read
	 * anew, so a key typed after a cut report is that key */
	out[0] = UIK_INVALID;
	return 1 + feed(d, byte, out + 1);
}

/* input_feed, with room for what is left of the keys' array. */
static int feed(struct input_decoder *d, unsigned char byte, long *out)
{
	switch (d->esc) {
	case ESC_SEEN:
		return after_esc(d, byte, out);
	case ESC_SS3:
		return after_ss3(d, byte, out);
	case ESC_CSI:
		return in_csi(d, byte, out);
	case ESC_X10:
		d->seq[d->seq_len++] = (char)byte;
		if (d->seq_len < 3)
			return 0;
		d->esc = ESC_NONE;
		out[0] = x10_report(d);
		return 1;
	default:
		if (byte != 27)
			return utf8_decoder_feed(&d->utf8, byte, out);
		d->esc = ESC_SEEN;
		if (!utf8_decoder_flush(&d->utf8))
			return 0;
		out[0] = UIK_INVALID; /* ESC cut a character short */
		return 1;
	}
}

int input_feed(struct input_decoder *d, unsigned char byte, long out[INPUT_KEYS_MAX])
{
	return feed(d, byte, out);
}

int input_flush(struct input_decoder *d, long out[INPUT_KEYS_MAX])
{
	int esc = d->esc, n = 0;
	d->esc = ESC_NONE;
	switch (esc) {
	case ESC_SEEN:
		out[n++] = UIK_ESC;
		break;
	case ESC_SS3: /* Alt-O, or the start of a sequence: as typed */
		out[n++] = UIK_ESC;
		out[n++] = 'O';
		break;
	case ESC_CSI:
		if (d->seq_len == 0) {
			out[n++] = UIK_ESC;
			out[n++] = '[';
		} else {
			out[n++] = UIK_INVALID;
		}
		break;
	case ESC_X10:
		out[n++] = UIK_INVALID;
		break;
	default:
		if (utf8_decoder_flush(&d->utf8))
			out[n++] = UIK_INVALID;
		break;
	}
	return n;
}

int input_wait_ms(const struct input_decoder *d)
{
	if (d->esc == ESC_SEEN)
		return 0;
	return d->esc != ESC_NONE || d->utf8.have > 0 ? 100 : -1;
}
