/* tty.c - terminal checks and signal handling. The handlers need state
 * they cannot be passed, so this file keeps one static struct: the only
 * global of the browser, and only what the handlers touch. */
#include "tty.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

static struct {
	volatile sig_atomic_t stop;   /* INT, TERM, HUP, QUIT */
	struct termios saved;
	volatile sig_atomic_t have_saved;
	char restore[512];            /* written by a fatal handler */
	volatile sig_atomic_t restore_len;
} guard;

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
/* Every other signal whose default action ends the process (and the
 * real-time ones, below): the terminal is put back before it does.
 * XCPU is what `ulimit -t` sends a kiosk; PIPE, a write to a closed
 * pipe; USR1, ALRM, TRAP, SYS, anyone who can signal temm. */
static const int fatal_signals[] = {
	SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS, SIGUSR1, SIGUSR2, SIGALRM,
	SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPIPE, SIGIO, SIGPWR,
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
#define FATAL_COUNT (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

bool tty_usable(FILE *err)
{
	const char *why = NULL;
	const char *term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		why = "standard input and output are not a terminal";
	else if (!term || !*term)
		why = "TERM is not set";
	else if (strcmp(term, "dumb") == 0)
		why = "the terminal is dumb (TERM=dumb)";
	if (!why) {
		/* setupterm writes nothing; it only reads the terminfo entry */
		int status = 0;
		TERMINAL *saved = cur_term;
		if (setupterm(NULL, STDOUT_FILENO, &status) != OK) {
			why = "the terminal type is unknown (no terminfo entry for TERM)";
		} else {
			const char *cup = tigetstr("cup");
			if (!cup || cup == (char *)-1 || tigetflag("hc") > 0)
				why = "the terminal cannot move its cursor";
			del_curterm(cur_term);
			set_curterm(saved);
		}
	}
	if (!why)
		return true;
	fprintf(err,
		"temm: cannot open the browser: %s.\n"
		"The headless commands work anywhere, for example:\n"
		"  temm list areas        the report's priority areas\n"
		"  temm list events       the timeline\n"
		"  temm show ID           one stage, area, event or section in full\n"
		"  temm search QUERY      find text in the report\n"
		"  temm dump | less       the whole report\n"
		"See 'temm --help'.\n", why);
	return false;
}

static void on_stop(int sig)
{
	guard.stop = sig;
}

static void on_fatal(int sig)
{
	/* async-signal-safe only: write, tcsetattr, signal, raise */
	if (guard.restore_len > 0) {
		ssize_t w = write(STDOUT_FILENO, guard.restore, (size_t)guard.restore_len);
		(void)w;
	}
	if (guard.have_saved)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &guard.saved);
	signal(sig, SIG_DFL);
	raise(sig);
}

void tty_guard_install(void)
{
	if (tcgetattr(STDIN_FILENO, &guard.saved) == 0)
		guard.have_saved = 1;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: the blocking read must return so the loop sees it */
	sa.sa_handler = on_stop;
	for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaction(stop_signals[i], &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < FATAL_COUNT; i++)
		sigaction(fatal_signals[i], &sa, NULL);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaction(sig, &sa, NULL);
}

void tty_no_suspend(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGTTIN, &sa, NULL);
	sigaction(SIGTTOU, &sa, NULL);
}

/* Append a terminfo string without its padding ("$<5>"). */
static void add_cap(const char *name)
{
	const char *s = tigetstr(name);
	if (!s || s == (char *)-1)
		return;
	size_t n = (size_t)guard.restore_len;
	for (; *s && n + 1 < sizeof(guard.restore); s++) {
		if (s[0] == '$' && s[1] == '<') {
			const char *e = strchr(s, '>');
			if (e) {
				s = e;
				continue;
			}
		}
		guard.restore[n++] = *s;
	}
	guard.restore_len = (sig_atomic_t)n;
}

static void add_raw(const char *s)
{
	size_t n = (size_t)guard.restore_len, k = strlen(s);
	if (n + k < sizeof(guard.restore)) {
		memcpy(guard.restore + n, s, k);
		guard.restore_len = (sig_atomic_t)(n + k);
	}
}

void tty_guard_arm(bool mouse)
{
	guard.restore_len = 0;
	if (mouse)
		add_raw("\033[?1006l\033[?1002l\033[?1000l");
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	/* a terminal larger than the browser's cap has its scroll region set
	 * to the capped rows: the whole screen again (an ANSI terminal's
	 * region with no numbers is all of it) */
	const char *csr = tigetstr("csr");
	if (csr && csr != (char *)-1 && strncmp(csr, "\033[", 2) == 0)
		add_raw("\033[r");
	add_cap("rmcup");
}

int tty_stop_signal(void)
{
	return guard.stop;
}

bool tty_stop_work(void *arg)
{
	(void)arg;
	if (guard.stop)
		return true;
	/* a key typed: the user has moved on (poll is safe in any thread) */
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	return poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR));
}

void tty_guard_release(void)
{
	guard.restore_len = 0;
	for (size_t i = 0; i < FATAL_COUNT; i++)
		signal(fatal_signals[i], SIG_DFL);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		signal(sig, SIG_DFL);
	int sig = guard.stop;
	for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		signal(stop_signals[i], SIG_DFL);
	if (sig) {
		fflush(stdout);
		raise(sig);
	}
}
