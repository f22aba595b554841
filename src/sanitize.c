/* sanitize.c - visible placeholders for everything that could drive a
 * terminal. One place decides what is unsafe, so the browser and every
 * headless command agree. */
#include "sanitize.h"
#include "grow.h"

#include <stdarg.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* Format characters that reorder or hide text: bidi embeddings, overrides
 * and isolates, marks, zero-width characters and line separators. */
static bool invisible_codepoint(ucs4_t c)
{
	return (c >= 0x80 && c <= 0x9f) ||           /* C1 controls, CSI is 0x9b */
	       c == 0x061c ||                        /* arabic letter mark */
	       (c >= 0x200b && c <= 0x200f) ||       /* zero width, LRM, RLM */
	       (c >= 0x2028 && c <= 0x202e) ||       /* separators, embeddings, overrides */
	       (c >= 0x2060 && c <= 0x2069) ||       /* word joiner ... isolates */
	       c == 0xfeff;                          /* zero width no-break space */
}

struct buf {
	char *s;
	size_t len, cap;
	bool failed;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (grow_to(&b->s, &b->cap, b->len + n + 1, 1, 64) != 0) {
		b->failed = true;
		return;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Length of the unsafe thing at p (0 if safe), and its placeholder in out. */
static size_t unsafe_at(const uint8_t *p, size_t left, char out[16])
{
	if (*p == '\n') {
		strcpy(out, " ");
		return 1;
	}
	if (*p < 0x20 || *p == 0x7f) {
		snprintf(out, 16, "^%c", *p == 0x7f ? '?' : *p + '@');
		return 1;
	}
	if (*p < 0x80)
		return 0;
	ucs4_t c;
	int n = u8_mbtoucr(&c, p, left);
	if (n < 0) {
		snprintf(out, 16, "<0x%02X>", *p);
		return 1;
	}
	if (invisible_codepoint(c)) {
		snprintf(out, 16, "<U+%04X>", (unsigned)c);
		return (size_t)n;
	}
	return 0;
}

char *sanitize_bytes(const char *s, size_t len)
{
	struct buf b = { 0 };
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, run = 0;
	char ph[16];
	put(&b, "", 0);
	while (i < len) {
		size_t n = unsafe_at(p + i, len - i, ph);
		if (n == 0) {
			int m = p[i] < 0x80 ? 1 : u8_mblen(p + i, len - i);
			i += m > 0 ? (size_t)m : 1;
			continue;
		}
		put(&b, s + run, i - run);
		put(&b, ph, strlen(ph));
		i += n;
		run = i;
	}
	put(&b, s + run, len - run);
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

char *sanitize_text(const char *s)
{
	return sanitize_bytes(s, strlen(s));
}

bool sanitize_needed(const char *s)
{
	/* Most content is printable ASCII: pass over it a byte at a time
	 * before looking at characters (every string is checked at load). */
	while ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f)
		s++;
	if (!*s)
		return false;
	const uint8_t *p = (const uint8_t *)s;
	size_t len = strlen(s);
	char ph[16];
	for (size_t i = 0; i < len;) {
		if (unsafe_at(p + i, len - i, ph))
			return true;
		int m = p[i] < 0x80 ? 1 : u8_mblen(p + i, len - i);
		i += m > 0 ? (size_t)m : 1;
	}
	return false;
}

void sanitize_error(FILE *out, const char *fmt, ...)
{
	char *msg = NULL;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	char *safe = n >= 0 ? sanitize_text(msg) : NULL;
	fprintf(out, "temm: %s\n", safe ? safe : "out of memory");
	free(safe);
	if (n >= 0)
		free(msg);
}
