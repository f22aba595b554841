/* sanitize.h - make text safe to put on a terminal: control characters,
 * escape sequences, bidi overrides, invisible characters and invalid UTF-8
 * become visible ASCII placeholders. */
#ifndef TEMM_SANITIZE_H
#define TEMM_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A new string (caller frees) holding `s` with every unsafe character
 * replaced: C0 controls and DEL as ^X (ESC is ^[), C1 controls, bidi
 * controls and zero-width characters as <U+XXXX>, invalid UTF-8 bytes as
 * <0xXX>. A newline becomes a space, since content text is prose. */
char *sanitize_text(const char *s);
/* The same for `len` bytes that may hold NUL. */
char *sanitize_bytes(const char *s, size_t len);
/* True when sanitize_text would change `s`. */
bool sanitize_needed(const char *s);

/* Print "temm: MESSAGE\n" on `out`, the message made safe as above: it
 * often holds what the user typed (an option, an id, a query), which
 * must not reach a terminal raw either. */
void sanitize_error(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
