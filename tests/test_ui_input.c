/* test_ui_input.c - keys from the terminal's bytes. The decoder of
 * ui/input.c on every class of input that is not UTF-8 (lone continuation
 * bytes, overlong forms, surrogates, code points past U+10FFFF, 5- and
 * 6-byte forms, C1 controls, sequences cut short and followed by ASCII or
 * by a key curses decoded): each becomes UIK_INVALID and never takes a
 * key after it with it. Then the browser reading bytes the way it reads a
 * terminal (curses on a pipe, ui_take_keys): a Latin-1 é or an 8-bit Alt
 * is said to be ignored and q still quits; cut sequences, bursts, mouse
 * reports, and a hang-up. And the size curses is told (ui/term_size.c):
 * never more than the cap, whatever a terminal (a pty here) claims. */
#include "testutil.h"
#include "vscreen.h"
#include "app.h"
#include "input.h"
#include "panes.h"
#include "search.h"
#include "term_size.h"

#include <curses.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <unistd.h>

#define INVALID UIK_INVALID

/* The keys `bytes` decode to; `flush` as when a decoded key or a pause
 * follows. Returns how many (at most max). */
static size_t decode(const char *bytes, size_t len, bool flush, long *out, size_t max)
{
	struct utf8_decoder d = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		long k[2];
		int got = utf8_decoder_feed(&d, (unsigned char)bytes[i], k);
		assert_in_range(got, 0, 2);
		for (int j = 0; j < got && n < max; j++)
			out[n++] = k[j];
	}
	if (flush && utf8_decoder_flush(&d) && n < max)
		out[n++] = INVALID;
	return n;
}

/* bytes (a C string), then a flush, decode to the keys listed, ending 0. */
static void expect_keys(const char *bytes, ...)
{
	long got[64], want[64];
	size_t n = decode(bytes, strlen(bytes), true, got, 64), m = 0;
	va_list ap;
	va_start(ap, bytes);
	for (long k; m < 64 && (k = va_arg(ap, long)) != 0;)
		want[m++] = k;
	va_end(ap);
	bool same = n == m;
	for (size_t i = 0; same && i < n; i++)
		same = got[i] == want[i];
	if (same)
		return;
	fprintf(stderr, "bytes:");
	for (const char *b = bytes; *b; b++)
		fprintf(stderr, " %02x", (unsigned char)*b);
	fprintf(stderr, "\ngot:");
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, " %#lx", got[i]);
	fprintf(stderr, "\nwanted:");
	for (size_t i = 0; i < m; i++)
		fprintf(stderr, " %#lx", want[i]);
	fail_msg("wrong keys");
}

#define K(c) ((long)(c))

static void test_valid(void **state)
{
	(void)state;
	expect_keys("jq", K('j'), K('q'), 0L);
	expect_keys("\r\t\033\177 ", K(UIK_ENTER), K(UIK_TAB), K(UIK_ESC), K(UIK_BACKSPACE),
		    K(UIK_SPACE), 0L);
	expect_keys("\xc3\xa9", K(0xe9), 0L);                  /* é */
	expect_keys("\xc2\xa0", K(0xa0), 0L);                  /* no-break space: not C1 */
	expect_keys("\xe2\x82\xac", K(0x20ac), 0L);            /* € */
	expect_keys("\xef\xbf\xbd", K(0xfffd), 0L);
	expect_keys("\xf0\x9f\x98\x80", K(0x1f600), 0L);       /* 😀 */
	expect_keys("\xf4\x8f\xbf\xbf", K(0x10ffff), 0L);      /* the last code point */
}

static void test_lone_bytes(void **state)
{
	(void)state;
	expect_keys("\xe9", K(INVALID), 0L);            /* é from a Latin-1 terminal */
	expect_keys("\xe9q", K(INVALID), K('q'), 0L);   /* ...and the q after it works */
	expect_keys("\xffq", K(INVALID), K('q'), 0L);   /* Alt-... as an 8-bit meta byte */
	expect_keys("\xfe\xff", K(INVALID), K(INVALID), 0L);
	expect_keys("\x80", K(INVALID), 0L);            /* continuation bytes, alone */
	expect_keys("\xbf\x80j", K(INVALID), K(INVALID), K('j'), 0L);
	expect_keys("\x9b" "2J", K(INVALID), K('2'), K('J'), 0L); /* an 8-bit CSI */
	expect_keys("a\xe9\xe9z", K('a'), K(INVALID), K(INVALID), K('z'), 0L);
}

static void test_overlong_and_surrogates(void **state)
{
	(void)state;
	expect_keys("\xc0\xaf", K(INVALID), K(INVALID), 0L);   /* '/' in two bytes */
	expect_keys("\xc1\xbf", K(INVALID), K(INVALID), 0L);
	expect_keys("\xe0\x80\xaf", K(INVALID), 0L);           /* '/' in three */
	expect_keys("\xe0\x9f\xbf", K(INVALID), 0L);           /* U+07FF in three */
	expect_keys("\xf0\x80\x80\xaf", K(INVALID), 0L);       /* '/' in four */
	expect_keys("\xf0\x8f\xbf\xbfq", K(INVALID), K('q'), 0L);
	expect_keys("\xed\xa0\x80", K(INVALID), 0L);           /* U+D800 */
	expect_keys("\xed\xbf\xbfj", K(INVALID), K('j'), 0L);  /* U+DFFF */
	expect_keys("\xed\xa0\xbd\xed\xb8\x80", K(INVALID), K(INVALID), 0L); /* a CESU pair */
	expect_keys("\xf4\x90\x80\x80", K(INVALID), 0L);       /* U+110000 */
	expect_keys("\xf5\x80\x80\x80", K(INVALID), K(INVALID), K(INVALID), K(INVALID), 0L);
}

static void test_long_forms(void **state)
{
	(void)state;
	/* 5- and 6-byte forms: no lead byte starts them any more, so each
	 * byte is one invalid key and none takes the key after it */
	expect_keys("\xf8\x88\x80\x80\x80q", K(INVALID), K(INVALID), K(INVALID), K(INVALID),
		    K(INVALID), K('q'), 0L);
	expect_keys("\xfc\x84\x80\x80\x80\x80q", K(INVALID), K(INVALID), K(INVALID), K(INVALID),
		    K(INVALID), K(INVALID), K('q'), 0L);
}

static void test_c1_controls(void **state)
{
	(void)state;
	expect_keys("\xc2\x80", K(INVALID), 0L);
	expect_keys("\xc2\x9b" "2J", K(INVALID), K('2'), K('J'), 0L); /* CSI, as UTF-8 */
	expect_keys("\xc2\x9f", K(INVALID), 0L);
}

static void test_cut_short(void **state)
{
	(void)state;
	/* followed by ASCII: the ASCII is a key of its own */
	expect_keys("\xe2\x82q", K(INVALID), K('q'), 0L);
	expect_keys("\xf0\x9f\x98" "\033", K(INVALID), K(UIK_ESC), 0L);
	expect_keys("\xc3j", K(INVALID), K('j'), 0L);
	/* followed by a new character */
	expect_keys("\xe2\x82\xc3\xa9", K(INVALID), K(0xe9), 0L);
	expect_keys("\xf0\x9f\xe2\x82\xac", K(INVALID), K(0x20ac), 0L);
	/* at the end of what came: flushed (a pause, or a key curses decoded) */
	expect_keys("\xe2\x82", K(INVALID), 0L);
	long k[4];
	assert_int_equal(decode("\xe2\x82", 2, false, k, 4), 0); /* not yet: more may come */
	struct utf8_decoder d = { 0 };
	assert_false(utf8_decoder_flush(&d)); /* nothing held, nothing dropped */
	long out[2];
	assert_int_equal(utf8_decoder_feed(&d, 0xe2, out), 0);
	assert_true(utf8_decoder_flush(&d));
	assert_false(utf8_decoder_flush(&d));
	assert_int_equal(utf8_decoder_feed(&d, 'j', out), 1); /* it starts afresh */
	assert_int_equal(out[0], 'j');
}

/* Random bytes: no ASCII byte is ever lost or changed, and no byte gives
 * more than one key (a cut sequence and the byte that cut it: two). */
static void test_random_bytes(void **state)
{
	(void)state;
	unsigned seed = 17;
	for (int round = 0; round < 2000; round++) {
		char bytes[32];
		size_t len = 1 + (size_t)(round % 31);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) & 0xff;
			/* mostly high bytes, with ASCII among them */
			bytes[i] = (char)(r % 4 == 0 ? 'a' + r % 26 : 0x80 | r);
		}
		long keys[64];
		size_t n = decode(bytes, len, true, keys, 64), k = 0;
		assert_true(n <= len);
		for (size_t i = 0; i < len; i++) {
			if ((unsigned char)bytes[i] >= 0x80)
				continue;
			while (k < n && keys[k] != bytes[i])
				k++;
			if (k == n)
				fail_msg("round %d: the ASCII byte %zu was lost", round, i);
			k++;
		}
	}
}

/* ---- escape sequences and mouse reports (input_feed) ---- */

/* The keys of `bytes` through the whole decoder, flushed at the end (as
 * after a pause); the last mouse report in *m. */
static size_t keys_of(const char *bytes, size_t len, long *out, size_t max, struct ui_mouse *m)
{
	struct input_decoder d = { 0 };
	long k[INPUT_KEYS_MAX];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		int got = input_feed(&d, (unsigned char)bytes[i], k);
		assert_in_range(got, 0, INPUT_KEYS_MAX);
		for (int j = 0; j < got && n < max; j++)
			out[n++] = k[j];
	}
	int got = input_flush(&d, k);
	for (int j = 0; j < got && n < max; j++)
		out[n++] = k[j];
	if (m)
		*m = d.mouse;
	assert_int_equal(input_wait_ms(&d), -1); /* nothing held after a flush */
	return n;
}

static void expect_seq(const char *bytes, size_t len, const long *want, size_t n_want)
{
	long got[64];
	size_t n = keys_of(bytes, len, got, 64, NULL);
	bool same = n == n_want;
	for (size_t i = 0; same && i < n; i++)
		same = got[i] == want[i];
	if (!same) {
		fprintf(stderr, "got %zu keys:", n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %#lx", got[i]);
		fail_msg("wrong keys for a sequence of %zu bytes", len);
	}
}

#define SEQ(bytes, ...) do { \
		static const long want_[] = { __VA_ARGS__ }; \
		expect_seq(bytes, sizeof(bytes) - 1, want_, sizeof(want_) / sizeof(want_[0])); \
	} while (0)

static void test_escape_sequences(void **state)
{
	(void)state;
	SEQ("\033", UIK_ESC);                       /* Esc alone */
	SEQ("\033\033", UIK_ESC, UIK_ESC);
	SEQ("\033x", UIK_ESC, 'x');                 /* Alt-x as ESC x */
	SEQ("\033[", UIK_ESC, '[');                 /* Alt-[ */
	SEQ("\033O", UIK_ESC, 'O');
	SEQ("\033Oj", UIK_UNKNOWN);                 /* ESC O final: one key */
	SEQ("\033[1;5A", UIK_UNKNOWN);              /* Ctrl-Up, if curses does not know it */
	SEQ("\033[200~hi", UIK_UNKNOWN, 'h', 'i');  /* a paste's start: not Esc, 2, 0, 0, ~ */
	SEQ("\033[1;5", UIK_INVALID);               /* cut short */
	SEQ("\033[1\033[A", UIK_INVALID, UIK_UNKNOWN); /* cut by a new one */
	SEQ("\033[1\xc3\xa9", UIK_INVALID, 0xe9);  /* cut by a character: read anew */
	SEQ("\033[1\n", UIK_INVALID, UIK_ENTER);
	SEQ("\033\x4f\x0d", UIK_ESC, 'O', UIK_ENTER);
	SEQ("\xe2\x82\033", UIK_INVALID, UIK_ESC); /* Esc cuts a character short */
	/* a sequence longer than any terminal sends: dropped, its tail typed */
	SEQ("\033[0000000000000000000000000000000000j", UIK_INVALID, '0', '0', 'j');
}

static struct ui_mouse mouse_of(const char *bytes, size_t len)
{
	long keys[8];
	struct ui_mouse m;
	size_t n = keys_of(bytes, len, keys, 8, &m);
	assert_int_equal(n, 1);
	assert_int_equal(keys[0], UIK_MOUSE);
	return m;
}

#define MOUSE(bytes) mouse_of(bytes, sizeof(bytes) - 1)

static void test_mouse_decoding(void **state)
{
	(void)state;
	struct ui_mouse m = MOUSE("\033[<0;5;10M");  /* SGR: a press at column 5, row 10 */
	assert_int_equal(m.x, 4);
	assert_int_equal(m.y, 9);
	assert_int_equal(m.buttons, UI_MOUSE_CLICK);
	assert_int_equal(MOUSE("\033[<0;5;10m").buttons, 0);          /* its release */
	assert_int_equal(MOUSE("\033[<16;5;10M").buttons, UI_MOUSE_CLICK); /* with Ctrl */
	assert_int_equal(MOUSE("\033[<64;1;1M").buttons, UI_MOUSE_WHEEL_UP);
	assert_int_equal(MOUSE("\033[<65;1;1M").buttons, UI_MOUSE_WHEEL_DOWN);
	assert_int_equal(MOUSE("\033[<32;1;1M").buttons, 0);          /* a drag */
	assert_int_equal(MOUSE("\033[<2;1;1M").buttons, 0);           /* the right button */
	m = MOUSE("\033[<0;500;300M");               /* past where X10 can count */
	assert_int_equal(m.x, 499);
	assert_int_equal(m.y, 299);
	m = MOUSE("\033[M !+");                       /* X10: 32 + button, 33 + column, row */
	assert_int_equal(m.x, 0);
	assert_int_equal(m.y, 10);
	assert_int_equal(m.buttons, UI_MOUSE_CLICK);
	assert_int_equal(MOUSE("\033[M#!+").buttons, 0);             /* a release */
	assert_int_equal(MOUSE("\033[M`!!").buttons, UI_MOUSE_WHEEL_UP);
	assert_int_equal(MOUSE("\033[Ma!!").buttons, UI_MOUSE_WHEEL_DOWN);
	m = MOUSE("\033[M \xff\xff");              /* the far corner, in raw bytes */
	assert_int_equal(m.x, 222);
	assert_int_equal(m.y, 222);
	/* reports cut short or broken: one invalid key, and the key after
	 * it (a q, an Esc) is that key */
	SEQ("\033[<0;5;10", UIK_INVALID);
	SEQ("\033[<0;5;10q", UIK_INVALID, 'q');
	SEQ("\033[<0;5q", UIK_INVALID, 'q');
	SEQ("\033[<0;5\033", UIK_INVALID, UIK_ESC);
	SEQ("\033[<", UIK_INVALID);
	SEQ("\033[<M", UIK_INVALID);                 /* no numbers */
	SEQ("\033[<0;1M", UIK_INVALID);              /* two of three */
	SEQ("\033[<0;1;1;1M", UIK_INVALID);          /* four */
	SEQ("\033[<0;;1M", UIK_INVALID);
	SEQ("\033[<0;9999999;1M", UIK_INVALID);      /* a number too long */
	SEQ("\033[M", UIK_INVALID);                  /* X10 cut short */
	SEQ("\033[M !", UIK_INVALID);
	/* X10 has no end mark: its three bytes are taken, whatever they are -
	 * never more */
	SEQ("\033[Mqqqq", UIK_MOUSE, 'q');
}

/* ---- the browser, reading bytes as from a terminal ---- */

static struct vscreen *open_at(const char *term, int cols, int rows)
{
	struct vscreen *v = vs_open_term(tu_bundled(), term, cols, rows, "--no-config", "--no-state",
					 (char *)NULL);
	assert_non_null(v);
	return v;
}

static enum term_read bytes(struct vscreen *v, const char *s)
{
	return vs_bytes(v, s, strlen(s));
}

static const char ignored[] = "Ignored a byte that is not UTF-8: is the terminal set to UTF-8\\?";

/* The case: one 0xE9 (or 0xFF) typed, then q. Before, wget_wch
 * swallowed the keys after it and temm took the error for a hang-up. */
static void test_latin1_then_quit(void **state)
{
	(void)state;
	static const char *const bad[] = { "\xe9", "\xff", "\x80", "\xc0", "\xc2\x9b", "\xed\xa0\x80" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct vscreen *v = open_at("xterm-256color", 80, 24);
		assert_int_equal(bytes(v, bad[i]), TERM_NONE);
		vs_expect(v, ignored);
		vs_expect(v, "Home › Stages"); /* nothing else happened */
		assert_false(vs_app(v)->quit);
		assert_int_equal(bytes(v, "q"), TERM_KEY);
		assert_true(vs_app(v)->quit);
		vs_close(v);
	}
	/* both in one burst, and in kiosk mode */
	struct vscreen *v = vs_open(tu_bundled(), 80, 24, "--kiosk", (char *)NULL);
	assert_non_null(v);
	bytes(v, "\xe9\xffq");
	assert_true(vs_app(v)->quit);
	vs_close(v);
}

/* A character cut short, then keys: each key does what it does. */
static void test_cut_then_keys(void **state)
{
	(void)state;
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	bytes(v, "2\xe2\x82j");
	assert_int_equal(app_focus_id(vs_app(v)), PANE_AREAS);
	assert_int_equal(pane_item(app_pane(vs_app(v), PANE_AREAS)), 1);
	/* cut, then a key curses decoded (Down, as xterm sends it with the
	 * keypad on) */
	bytes(v, "\xe2\x82\033OB");
	assert_int_equal(pane_item(app_pane(vs_app(v), PANE_AREAS)), 2);
	/* cut at the end of what came: after a moment, dropped and said so */
	assert_int_equal(bytes(v, "\xf0\x9f\x98"), TERM_NONE);
	vs_expect(v, ignored);
	bytes(v, "j");
	assert_int_equal(pane_item(app_pane(vs_app(v), PANE_AREAS)), 3);
	vs_expect_not(v, ignored);
	/* the rest of a character that came late is no key either */
	bytes(v, "\x82\xac");
	vs_expect(v, ignored);
	assert_int_equal(pane_item(app_pane(vs_app(v), PANE_AREAS)), 3);
	vs_close(v);
}

/* In the prompt a byte that is not UTF-8 types nothing and says so. */
static void test_prompt(void **state)
{
	(void)state;
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	bytes(v, "/caf\xe9");
	vs_expect(v, "^/caf +Ignored a byte that is not UTF-8");
	bytes(v, "\xc3\xa9");
	vs_expect(v, "^/café ");
	vs_expect_not(v, "Ignored");
	bytes(v, "\033");
	bytes(v, "q");
	assert_true(vs_app(v)->quit);
	vs_close(v);
}

/* Bursts: everything typed is read before the screen is drawn, and comes
 * out as the same keys typed one at a time. */
static void test_bursts(void **state)
{
	(void)state;
	/* what a person types, one key at a time (a character's bytes, an
	 * escape sequence's, together), the screen drawn after each (one
	 * virtual screen at a time: curses reads the current one's input) */
	static const char *const typed[] = {
		"3", "\xe9", "j", "j", "\xff", "j", "j", "j", "\xe2\x82", "j", "\033OB", "j",
		"\x80", "k", "k", "\xc3\xa9", "\xed\xa0\x80", "j",
	};
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	char all[128] = "";
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		bytes(v, typed[i]);
		strcat(all, typed[i]);
	}
	vs_expect(v, "Home › Timeline");
	vs_expect(v, " 8/[0-9]+ *$"); /* 3: the timeline; 9 down, 2 up: its 8th */
	char *slow = vs_screen(v);
	vs_close(v);
	/* and all of it at once, as a paste */
	v = open_at("xterm-256color", 80, 24);
	bytes(v, all);
	char *burst = vs_screen(v);
	assert_string_equal(burst, slow);
	free(slow);
	free(burst);
	/* a long paste of keys, with a byte that is not UTF-8 every 7 */
	char big[4000];
	size_t n = 0;
	for (int i = 0; i < 3000; i++)
		big[n++] = i % 7 == 6 ? '\xe9' : i % 2 ? 'j' : 'k';
	big[n++] = 'G';
	assert_int_equal(vs_bytes(v, big, n), TERM_NONE);
	vs_expect(v, " ([0-9]+)/\\1 *$"); /* at the end */
	vs_close(v);
}

/* ---- curses on a pipe, without the browser ---- */

/* A screen reading a pipe (its write end: typed) and writing to /dev/null. */
struct piped {
	SCREEN *scr;
	FILE *in, *out;
	int typed;
};

static void piped_open(struct piped *t)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	t->typed = p[1];
	t->in = fdopen(p[0], "r");
	t->out = fopen("/dev/null", "w");
	t->scr = newterm("xterm-256color", t->out, t->in);
	assert_non_null(t->scr);
}

static void piped_close(struct piped *t)
{
	endwin();
	delscreen(t->scr);
	fclose(t->in);
	fclose(t->out);
	close(t->typed);
}

static void on_alarm(int sig)
{
	(void)sig;
}

struct late {
	int fd;
	const char *bytes;
};

static void *write_late(void *arg)
{
	const struct late *l = arg;
	usleep(300 * 1000);
	if (write(l->fd, l->bytes, strlen(l->bytes)) < 0)
		abort();
	return NULL;
}

/* A signal (a resize, a timer) while the rest of a character is awaited
 * does not cut the character short: before, the read it interrupted was
 * taken for the end of the wait. */
static void test_signal_during_a_character(void **state)
{
	(void)state;
	struct piped t;
	piped_open(&t);
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	struct sigaction sa, old;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm; /* no SA_RESTART: the read returns EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old);
	/* a euro sign's first two bytes now, its last 0.3 s later, a signal
	 * in between; the wait for the rest is long enough for a slow machine */
	struct term_input input = { .rest_ms = 3000 };
	assert_int_equal(write(t.typed, "\xe2\x82", 2), 2);
	struct late l = { t.typed, "\xac" };
	pthread_t writer;
	assert_int_equal(pthread_create(&writer, NULL, write_late, &l), 0);
	struct itimerval once = { { 0, 0 }, { 0, 20 * 1000 } };
	setitimer(ITIMER_REAL, &once, NULL);
	long key;
	struct ui_mouse m;
	assert_int_equal(term_read(&input, false, &key, &m), TERM_KEY);
	pthread_join(writer, NULL);
	sigaction(SIGALRM, &old, NULL);
	assert_int_equal(key, 0x20ac);
	piped_close(&t);
}

static bool key_waits;

static bool stop_if_a_key_waits(void *arg)
{
	(void)arg;
	return key_waits;
}

/* Enter typed while the search of what was typed before it runs: the
 * search stops for it (the terminal's side says a key waits), and Enter
 * must still open the hit, not be refused for the stopped search (found
 * as a flaky tests/ui_clipboard.sh under ASan). The & prompt too. */
static void test_enter_after_a_stopped_search(void **state)
{
	(void)state;
	static const struct search_stop stop = { stop_if_a_key_waits, NULL };
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	vs_app(v)->stop = &stop;
	key_waits = true;
	bytes(v, "/microplastics monitoring");
	vs_expect(v, "^/microplastics monitoring +search stopped");
	key_waits = false; /* the key is Enter, read now */
	bytes(v, "\r");
	vs_expect(v, "hit 1 of 1, match 1 of");
	bytes(v, "\0332");
	key_waits = true;
	bytes(v, "&air");
	vs_expect(v, "search stopped");
	key_waits = false;
	bytes(v, "\r");
	vs_expect(v, "& air");
	vs_close(v);
}

/* Mouse reports, in both forms curses reads: SGR (xterm-256color's kmous)
 * and X10 (tmux-256color's); cut reports do not take the keys after them. */
static void test_mouse_reports(void **state)
{
	(void)state;
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	int row = vs_find(v, "^  3\\) Environmental Education");
	assert_true(row > 0);
	char report[64];
	snprintf(report, sizeof(report), "\033[<0;5;%dM\033[<0;5;%dm", row + 1, row + 1);
	bytes(v, report);
	assert_int_equal(app_focus_id(vs_app(v)), PANE_AREAS);
	assert_int_equal(pane_item(app_pane(vs_app(v), PANE_AREAS)), 2);
	vs_close(v);
	v = open_at("tmux-256color", 80, 24);
	snprintf(report, sizeof(report), "\033[M %c%c\033[M#%c%c", 32 + 5, 32 + row + 1, 32 + 5,
		 32 + row + 1);
	bytes(v, report);
	assert_int_equal(app_focus_id(vs_app(v)), PANE_AREAS);
	assert_int_equal(pane_item(app_pane(vs_app(v), PANE_AREAS)), 2);
	/* beyond the screen, and a report cut short: then q still quits */
	bytes(v, "\033[M \377\377");
	bytes(v, "\033[M");
	bytes(v, "\033");
	bytes(v, "q");
	assert_true(vs_app(v)->quit);
	vs_close(v);
}

/* A key curses decodes that has no name here (F13: xterm's Shift-F1). */
static void test_unknown_key(void **state)
{
	(void)state;
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	bytes(v, "\033[1;2P");
	vs_expect(v, "That key does nothing here: \\? shows the keys");
	bytes(v, "q");
	assert_true(vs_app(v)->quit);
	vs_close(v);
}

/* Only the terminal going away ends the session: with a character cut
 * short before it too. */
static void test_hangup(void **state)
{
	(void)state;
	struct vscreen *v = open_at("xterm-256color", 80, 24);
	bytes(v, "j");
	assert_int_equal(vs_hangup(v), TERM_HANGUP);
	assert_false(vs_app(v)->quit);
	vs_close(v);
	v = open_at("xterm-256color", 80, 24);
	bytes(v, "jj");
	vs_bytes(v, "\xe2", 1);
	assert_int_equal(vs_hangup(v), TERM_HANGUP);
	vs_close(v);
}

/* ---- the size curses is told ---- */

static void set_size(int fd, int cols, int rows)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	assert_int_equal(ioctl(fd, TIOCSWINSZ, &ws), 0);
}

/* A read of the keys after the terminal said it changed size (SIGWINCH,
 * raised here: the pty is not this process's terminal). */
static void resized(struct term_input *in, int cols, int rows)
{
	long key;
	struct ui_mouse m;
	raise(SIGWINCH);
	assert_int_equal(term_read(in, false, &key, &m), TERM_KEY);
	assert_int_equal(key, UIK_RESIZE);
	/* curses' own KEY_RESIZE (resizeterm pushes one) is no second key */
	assert_int_equal(term_read(in, false, &key, &m), TERM_NONE);
	assert_int_equal(COLS, cols);
	assert_int_equal(LINES, rows);
}

/* A pty claims the size; curses is never told more than the cap, from
 * newterm on - so it never allocates for more. */
static void test_size_capped(void **state)
{
	(void)state;
	int master, slave;
	assert_int_equal(openpty(&master, &slave, NULL, NULL, NULL), 0);
	unsetenv("LINES");
	unsetenv("COLUMNS");
	set_size(slave, 30000, 30000);
	term_size_install(slave);
	struct piped t;
	piped_open(&t);
	term_size_start();
	assert_int_equal(COLS, TERM_SIZE_MAX_COLS);
	assert_int_equal(LINES, TERM_SIZE_MAX_ROWS);
	struct term_input input = { 0 };
	set_size(slave, 100, 40);
	resized(&input, 100, 40);
	set_size(slave, 4000, 4000);
	resized(&input, TERM_SIZE_MAX_COLS, TERM_SIZE_MAX_ROWS);
	set_size(slave, 9999, 20);
	resized(&input, TERM_SIZE_MAX_COLS, 20);
	set_size(slave, 0, 0); /* a terminal that says nothing: 80x24 */
	resized(&input, 80, 24);
	term_size_set(65535, 65535); /* the fuzzer's way in */
	assert_int_equal(COLS, TERM_SIZE_MAX_COLS);
	assert_int_equal(LINES, TERM_SIZE_MAX_ROWS);
	term_size_release();
	assert_null(getenv("LINES")); /* as they were */
	assert_null(getenv("COLUMNS"));
	piped_close(&t);
	close(master);
	close(slave);
}

/* LINES and COLUMNS set by the user win over the terminal's size, as they
 * did in curses, and are capped too. */
static void test_size_from_environment(void **state)
{
	(void)state;
	int master, slave;
	assert_int_equal(openpty(&master, &slave, NULL, NULL, NULL), 0);
	set_size(slave, 100, 40);
	setenv("COLUMNS", "30000", 1);
	setenv("LINES", "33", 1);
	term_size_install(slave);
	struct piped t;
	piped_open(&t);
	term_size_start();
	assert_int_equal(COLS, TERM_SIZE_MAX_COLS);
	assert_int_equal(LINES, 33);
	term_size_release();
	assert_string_equal(getenv("COLUMNS"), "30000");
	assert_string_equal(getenv("LINES"), "33");
	unsetenv("LINES");
	unsetenv("COLUMNS");
	piped_close(&t);
	close(master);
	close(slave);
}

/* Found by the input fuzzer: on a screen too small for any pane, moving
 * in the focused pane put its top line past the text's last (the book's
 * title then read past its lines). Every pane, every move, at 1x1. */
static void test_moves_with_no_room(void **state)
{
	(void)state;
	static const char *const to[] = { "H1", "H2", "H3", "H4", "r", "r\t", "o", "o\t", "t", "t\t", "?" };
	static const char *const moves[] = { "G", "j", "k", " ", "b", "\x04", "\x15", "g", "50p", "]" };
	for (size_t t = 0; t < sizeof(to) / sizeof(to[0]); t++) {
		struct vscreen *v = open_at("xterm-256color", 80, 24);
		bytes(v, to[t]);
		vs_resize(v, 1, 1);
		for (size_t m = 0; m < sizeof(moves) / sizeof(moves[0]); m++) {
			bytes(v, moves[m]);
			struct app *a = vs_app(v);
			for (int i = 0; i < PANE_COUNT; i++) {
				if (!app_pane_built(a, (enum ui_pane_id)i))
					continue;
				const struct pane *p = app_pane(a, (enum ui_pane_id)i);
				if (p->doc && doc_lines(p->doc) && p->top >= (int)doc_lines(p->doc))
					fail_msg("after %s, %s at 1x1: pane %d's top line is %d of %zu",
						 to[t], moves[m], i, p->top, doc_lines(p->doc));
			}
		}
		vs_resize(v, 80, 24); /* and back: the screen is whole again */
		vs_expect(v, "([0-9]+/[0-9]+|[0-9]+%|All) *$"); /* the status line's position */
		vs_close(v);
	}
}

static int teardown(void **state)
{
	(void)state;
	tu_bundled_free();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_lone_bytes),
		cmocka_unit_test(test_overlong_and_surrogates),
		cmocka_unit_test(test_long_forms),
		cmocka_unit_test(test_c1_controls),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_escape_sequences),
		cmocka_unit_test(test_mouse_decoding),
		cmocka_unit_test(test_latin1_then_quit),
		cmocka_unit_test(test_cut_then_keys),
		cmocka_unit_test(test_prompt),
		cmocka_unit_test(test_bursts),
		cmocka_unit_test(test_signal_during_a_character),
		cmocka_unit_test(test_enter_after_a_stopped_search),
		cmocka_unit_test(test_mouse_reports),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_hangup),
		cmocka_unit_test(test_size_capped),
		cmocka_unit_test(test_size_from_environment),
		cmocka_unit_test(test_moves_with_no_room),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
