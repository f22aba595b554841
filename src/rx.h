/* rx.h - the regular expressions of queries, matched in time linear in
 * the text: POSIX extended syntax (as glibc takes it, without
 * back-references), compiled to a small automaton that is run on every
 * character at once (a Pike VM), never backtracking. The work of one
 * search is at most (states of the expression) x (characters of the
 * text); it is counted, so a caller can bound it and stop it.
 *
 * glibc's regexec, used before, takes the square of a paragraph's length
 * for /a.*x/ (19 s on one 64 KiB paragraph) and worse for nested stars
 * (/(.)*(.)*...X/, 4 s on the report), and cannot be interrupted. PCRE2
 * backtracks (the same nested stars run into its match limit) and TRE,
 * linear in theory, took 14 s on them; RE2 is C++. */
#ifndef TEMM_RX_H
#define TEMM_RX_H

#include <stdbool.h>
#include <stddef.h>

/* Longest expression, in bytes, and most states once repetitions are
 * written out: the work per character is at most RX_MAX_STATES. */
#define RX_MAX_PATTERN 1024
#define RX_MAX_STATES 1000
#define RX_MAX_DEPTH 32 /* nested groups */

enum rx_flags { RX_ICASE = 1 };

/* Why a search gave up, once it has. */
enum rx_status { RX_OK = 0, RX_STOPPED = -2, RX_TOO_COSTLY = -3 };

/* The work a search may still do, shared by every search of one query.
 * Each step (a state on a character) is counted; every RX_POLL_STEPS
 * steps `stop` is called (if set), and the search ends when it returns
 * true or when `left` runs out. */
#define RX_POLL_STEPS 16384
struct rx_meter {
	unsigned long long left; /* steps still allowed */
	unsigned long long used; /* steps counted */
	unsigned poll;           /* steps until the next look at `stop` */
	bool (*stop)(void *arg);
	void *arg;
	int status;              /* RX_OK, or why the search ended */
};

/* A meter allowing `steps` steps and calling stop(arg). */
void rx_meter_init(struct rx_meter *m, unsigned long long steps, bool (*stop)(void *), void *arg);
/* Count `n` steps of work done elsewhere (a plain word search); RX_OK or
 * why to end now. */
int rx_meter_charge(struct rx_meter *m, unsigned long long n);

struct rx;

/* Compile `pattern`. 0, or -1 with a message in err. */
int rx_compile(const char *pattern, unsigned flags, struct rx **out, char *err, size_t errlen);
void rx_free(struct rx *re);
/* The states of the compiled expression (the work per character). */
size_t rx_states(const struct rx *re);

/* The leftmost-longest match in text[0..len) that starts at or after
 * `from` (^ is only at 0, $ only at len). 1 with [*start, *end), 0 none,
 * or RX_STOPPED / RX_TOO_COSTLY (m->status says so too). */
int rx_find(const struct rx *re, const char *text, size_t len, size_t from, struct rx_meter *m,
	    size_t *start, size_t *end);
/* Whether text holds a match at all (quicker: stops at the first). 1, 0,
 * or RX_STOPPED / RX_TOO_COSTLY. */
int rx_test(const struct rx *re, const char *text, size_t len, struct rx_meter *m);

#endif
