/* term_input.c - keys from the terminal. */
#include "term_input.h"
#include "actions.h"
#include "term_size.h"

#include <curses.h>
#include <errno.h>
#include <string.h>

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
	for (int i = 1; i < in->queued_count; i++)
		in->queued[i - 1] = in->queued[i];
	in->queued_count--;
	if (*key == UIK_MOUSE)
		*mouse = in->mouse;
	return true;
}

/* Keys the decoder gave out, queued; a mouse report's with them. */
static void queue(struct term_input *in, const long *keys, int n)
{
	for (int i = 0; i < n && in->queued_count < INPUT_KEYS_MAX; i++) {
		if (keys[i] == UIK_MOUSE)
			in->mouse = in->bytes.mouse;
		in->queued[in->queued_count++] = keys[i];
	}
}

/* How long to wait: for ever, not at all, or - with part of a character
 * or of a sequence read - a moment for the rest (a slow link may split
 * it). */
static int wait_ms(const struct term_input *in, bool wait)
{
	int rest = input_wait_ms(&in->bytes);
	if (rest > 0 && in->rest_ms > 0)
		return in->rest_ms;
	if (rest >= 0)
		return rest;
	return wait ? -1 : 0;
}

void term_input_own_mouse(void)
{
	keyok(KEY_MOUSE, FALSE);
}

enum term_read term_read(struct term_input *in, bool wait, long *key, struct ui_mouse *mouse)
{
	long keys[INPUT_KEYS_MAX];
	for (;;) {
		if (unqueue(in, key, mouse))
			return TERM_KEY;
		if (term_size_changed()) {
			term_size_update();
			*key = UIK_RESIZE;
			return TERM_KEY;
		}
		bool held = input_wait_ms(&in->bytes) >= 0;
		wtimeout(stdscr, wait_ms(in, wait));
		errno = 0;
		int c = wgetch(stdscr);
		if (c == ERR) {
			/* a signal, not the end of what was typed: a wait for a key
			 * returns (the caller looks at the stop flag), a look for
			 * more or for the rest of a sequence looks again (a resize
			 * while a character's last byte was on its way cut it short) */
			if (errno == EINTR) {
				if (!wait || term_size_changed())
					continue;
				return TERM_AGAIN;
			}
			/* what is held is complete as it is: no more of it came */
			if (held) {
				queue(in, keys, input_flush(&in->bytes, keys));
				continue;
			}
			return wait ? TERM_HANGUP : TERM_NONE;
		}
		if (c >= 0 && c <= 0xff) {
			queue(in, keys, input_feed(&in->bytes, (unsigned char)c, keys));
			continue;
		}
		/* the size is temm's to read (ui/term_size.c): curses' own
		 * KEY_RESIZE (resizeterm pushes one) says nothing more */
		if (c == KEY_RESIZE)
			continue;
		/* a decoded key ends what is held */
		queue(in, keys, input_flush(&in->bytes, keys));
		long k = curses_key(c);
		if (k == UIK_MOUSE)
			read_mouse(&in->mouse);
		queue(in, &k, 1);
	}
}
