/* term_input.c - keys from the terminal. */
#include "term_input.h"
#include "actions.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

/* A key curses decoded, as the key table names it. */
static long curses_key(int c)
{
	switch (c) {
	case KEY_UP: return UIK_UP;
	case KEY_DOWN: return UIK_DOWN;
	case KEY_LEFT: return UIK_LEFT;
	case KEY_RIGHT: return UIK_RIGHT;
	case KEY_PPAGE: return UIK_PGUP;
	case KEY_NPAGE: return UIK_PGDN;
	case KEY_HOME: return UIK_HOME;
	case KEY_END: return UIK_END;
	case KEY_ENTER: return UIK_ENTER;
	case KEY_BTAB: return UIK_BTAB;
	case KEY_BACKSPACE: return UIK_BACKSPACE;
	case KEY_DC: return UIK_DELETE;
	case KEY_IC: return UIK_INSERT;
	case KEY_RESIZE: return UIK_RESIZE;
	case KEY_MOUSE: return UIK_MOUSE;
	default:
		if (c >= KEY_F(1) && c <= KEY_F(12))
			return UIK_F1 + (long)(c - KEY_F(1));
		return UIK_UNKNOWN;
	}
}

static void read_mouse(struct ui_mouse *m)
{
	MEVENT ev;
	memset(m, 0, sizeof(*m));
	if (getmouse(&ev) != OK)
		return;
	m->y = ev.y;
	m->x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		m->buttons |= UI_MOUSE_WHEEL_UP;
	if (ev.bstate & BUTTON5_PRESSED)
		m->buttons |= UI_MOUSE_WHEEL_DOWN;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		m->buttons |= UI_MOUSE_CLICK;
}

static bool unqueue(struct term_input *in, long *key, struct ui_mouse *mouse)
{
	if (in->queued_count == 0)
		return false;
	*key = in->queued[0];
	in->queued[0] = in->queued[1];
	in->queued_count--;
	if (*key == UIK_MOUSE)
		*mouse = in->mouse;
	return true;
}

/* How long to wait: for ever, not at all, or - with half a character read
 * - a moment for the rest (a slow link may split it). */
static int wait_ms(const struct term_input *in, bool wait)
{
	if (in->utf8.have > 0)
		return 100;
	return wait ? (in->pause_ms > 0 ? in->pause_ms : -1) : 0;
}

/* A wait that ran out read nothing, and so does a terminal that is gone:
 * a gone one still reads as ready. */
static bool input_ready(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	return poll(&p, 1, 0) > 0;
}

enum term_read term_read(struct term_input *in, bool wait, long *key, struct ui_mouse *mouse)
{
	for (;;) {
		if (unqueue(in, key, mouse))
			return TERM_KEY;
		wtimeout(stdscr, wait_ms(in, wait));
		errno = 0;
		int c = wgetch(stdscr);
		if (c == ERR) {
			if (wait && errno == EINTR)
				return TERM_AGAIN;
			/* a character cut short stays invalid: no more of it came */
			if (utf8_decoder_flush(&in->utf8)) {
				*key = UIK_INVALID;
				return TERM_KEY;
			}
			if (wait && in->pause_ms > 0 && !input_ready())
				return TERM_NONE; /* the pause came */
			if (wait && in->pause_ms > 0) { /* a key just came, or nothing will */
				wait = false;
				wtimeout(stdscr, 0);
				if ((c = wgetch(stdscr)) == ERR)
					return TERM_HANGUP;
			} else {
				return wait ? TERM_HANGUP : TERM_NONE;
			}
		}
		if (c >= 0 && c <= 0xff) {
			in->queued_count = utf8_decoder_feed(&in->utf8, (unsigned char)c, in->queued);
			continue;
		}
		/* a decoded key ends a character cut short */
		in->queued_count = 0;
		if (utf8_decoder_flush(&in->utf8))
			in->queued[in->queued_count++] = UIK_INVALID;
		long k = curses_key(c);
		if (k == UIK_MOUSE)
			read_mouse(&in->mouse);
		in->queued[in->queued_count++] = k;
	}
}
