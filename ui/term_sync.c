/* term_sync.c - mouse reporting and the clipboard, on the terminal. */
#include "term_sync.h"
#include "app.h"
#include "term_input.h"
#include "tty.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static bool mouse_on(void)
{
	bool on = mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
	mouseinterval(0);
	term_input_own_mouse(); /* the reports are read as bytes (ui/input.c) */
	return on;
}

/* mousemask(0) asks the terminal for no reports at all: its own
 * selection works again. */
static void sync_mouse(struct app *a)
{
	if (a->mouse_wanted) {
		a->mouse = mouse_on();
		if (!a->mouse && a->mouse_ask == MOUSE_ASK_FOR_KEY)
			app_say(a, "This terminal (%s) reports no mouse", termname());
	} else {
		mousemask(0, NULL);
		a->mouse = false;
	}
	a->mouse_ask = MOUSE_ASKED;
	tty_guard_arm(a->mouse); /* a fatal signal switches off only what is on */
}

/* ESC ] 52 ; c ; BASE64 BEL, as the terminfo entry's Ms writes it where it
 * has one. The payload is base64: nothing of the content goes raw. */
static void send_clipboard(struct app *a, const char *b64)
{
	const char *ms = tigetstr("Ms");
	bool have_ms = ms && ms != (char *)-1;
	const char *term = termname();
	/* the Linux console would print the sequence's text */
	if (!have_ms && term && strncmp(term, "linux", 5) == 0) {
		app_say(a, "This terminal (%s) has no clipboard: nothing copied", term);
		return;
	}
	const char *seq = have_ms ? tiparm(ms, "c", b64) : NULL;
	if (seq)
		fputs(seq, a->term_out);
	else
		fprintf(a->term_out, "\033]52;c;%s\a", b64);
	fflush(a->term_out);
}

void term_sync(struct app *a)
{
	if (a->mouse_ask != MOUSE_ASKED)
		sync_mouse(a);
	char *b64 = copy_take(&a->copy);
	if (b64 && a->term_out)
		send_clipboard(a, b64);
	free(b64);
}
