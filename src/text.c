/* text.c - widths, wrapping and folding with libunistring, never cutting
 * inside a UTF-8 sequence. */
#include "text.h"
#include "grow.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unicase.h>
#include <unictype.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistd.h>
#include <unistr.h>
#include <uniwidth.h>

static const char *const encoding = "UTF-8";

int text_width(const char *s, size_t len)
{
	int w = u8_width((const uint8_t *)s, len, encoding);
	return w < 0 ? (int)len : w;
}

size_t text_fit(const char *s, size_t len, int columns, int *used)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	int w = 0;
	while (i < len) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p + i, len - i);
		int cw = uc_width(c, encoding);
		if (cw < 0)
			cw = 1; /* sanitized text has no controls; be safe anyway */
		if (w + cw > columns)
			break;
		w += cw;
		i += (size_t)n;
	}
	if (used)
		*used = w;
	return i;
}

static int push_line(struct text_line **v, size_t *n, size_t *cap, size_t start, size_t len,
		     int width)
{
	if (grow(v, cap, *n, sizeof(**v), 16) != 0)
		return -1;
	(*v)[(*n)++] = (struct text_line){ start, len, width };
	return 0;
}

/* Cut a run that is too wide on its own at character boundaries. */
static int push_cut(const char *s, struct text_line **v, size_t *n, size_t *cap, size_t start,
		    size_t len, int width, int later)
{
	for (; len > 0; width = later) {
		int used;
		size_t take = text_fit(s + start, len, width, &used);
		if (take == 0) /* a character wider than the width: give it a line */
			take = (size_t)u8_mblen((const uint8_t *)s + start, len), used = width;
		if (push_line(v, n, cap, start, take, used) != 0)
			return -1;
		start += take;
		len -= take;
	}
	return 0;
}

/* Greedy wrapping over the break opportunities of UAX #14: a line takes
 * segments (a word and the spaces after it) while the words fit; the spaces
 * at a break do not count, so a line may be exactly `width` wide. */
long text_wrap(const char *s, int width, struct text_line **lines)
{
	return text_wrap_first(s, width, width, lines);
}

/* The columns of s when it takes one line as it is: no space to drop at
 * its start and no character that forces a break (LF, VT, FF, CR, NEL,
 * LS, PS); else -1. Most list rows and short paragraphs are such a line,
 * and this costs far less than finding every break opportunity. */
static int one_line_width(const char *s, size_t len)
{
	if (s[0] == ' ')
		return -1;
	bool ascii = true;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return -1;
		if (c >= 0x80) {
			ascii = false;
			if ((c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85) ||
			    (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
			     ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)))
				return -1;
		}
	}
	return ascii ? (int)len : u8_width((const uint8_t *)s, len, encoding);
}

long text_wrap_first(const char *s, int first, int later, struct text_line **lines)
{
	size_t len = strlen(s), n = 0, cap = 0;
	*lines = NULL;
	if (len == 0)
		return 0;
	if (first < 1)
		first = 1;
	if (later < 1)
		later = 1;
	int whole = one_line_width(s, len);
	if (whole >= 0 && whole <= first) { /* what the greedy loop below would give */
		size_t end = len;
		while (end > 0 && s[end - 1] == ' ')
			end--;
		if (push_line(lines, &n, &cap, 0, end, end == len ? whole : text_width(s, end)) != 0)
			return -1;
		return 1;
	}
	int width = first;
	char *brk = malloc(len);
	if (!brk)
		return -1;
	u8_possible_linebreaks((const uint8_t *)s, len, encoding, brk);
	size_t start = 0, end = 0; /* the line so far: [start, end) without trailing spaces */
	int used = 0;
	for (size_t seg = 0; seg < len;) {
		size_t next = seg + 1;
		while (next < len && brk[next] != UC_BREAK_POSSIBLE && brk[next] != UC_BREAK_MANDATORY)
			next++;
		size_t word_end = next;
		while (word_end > seg && s[word_end - 1] == ' ')
			word_end--;
		int gap = text_width(s + end, seg - end); /* spaces before this word */
		int w = text_width(s + seg, word_end - seg);
		if (end > start && used + gap + w > width) {
			if (push_line(lines, &n, &cap, start, end - start, used) != 0)
				goto oom;
			start = end = seg;
			used = 0;
			gap = 0;
			width = later;
		}
		if (end == start && w > width) { /* too wide on its own: cut it */
			if (push_cut(s, lines, &n, &cap, seg, word_end - seg, width, later) != 0)
				goto oom;
			width = later;
			start = end = next;
			used = 0;
		} else if (word_end > seg) {
			if (end == start)
				start = seg;
			used += gap + w;
			end = word_end;
		} else if (end == start) {
			start = end = next; /* only spaces: nothing to show */
		}
		seg = next;
	}
	if (end > start && push_line(lines, &n, &cap, start, end - start, used) != 0)
		goto oom;
	free(brk);
	return (long)n;
oom:
	free(brk);
	free(*lines);
	*lines = NULL;
	return -1;
}

/* ASCII folds byte for byte: no map back is needed. */
static int fold_ascii(const char *s, size_t len, struct folded *out)
{
	out->text = malloc(len + 1);
	if (!out->text)
		return -1;
	for (size_t i = 0; i < len; i++)
		out->text[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	out->text[len] = '\0';
	out->len = len;
	return 0;
}

static bool is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* A mark that search sets aside: a non-spacing mark of no script of its
 * own (the accents, cedillas and tildes a decomposition splits off Latin,
 * Greek and Cyrillic letters, and Arabic's vowel signs), but not the kana
 * voicing marks, which make another syllable. */
static bool ignored_mark(ucs4_t c)
{
	if (c < 0x300 || c == 0x3099 || c == 0x309a || !uc_is_general_category(c, UC_CATEGORY_Mn))
		return false;
	const uc_script_t *script = uc_script(c);
	return script && strcmp(script->name, "Inherited") == 0;
}

/* Decompose (compatibility forms too), fold the case, set the ignored
 * marks aside and compose again, for one character of s (n bytes). The
 * result goes to out (at most *outlen bytes; *outlen gets its length).
 * 0, or -1 when it does not fit or the library fails. */
static int fold_char(const uint8_t *s, size_t n, uint8_t *out, size_t *outlen)
{
	uint8_t dbuf[64], kbuf[64];
	size_t dlen = sizeof(dbuf), klen = 0, kept = 0;
	uint8_t *d = u8_casefold(s, n, NULL, UNINORM_NFKD, dbuf, &dlen);
	if (!d)
		return -1;
	for (size_t i = 0; i < dlen;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, d + i, dlen - i);
		if (!ignored_mark(c)) {
			if (klen + (size_t)k > sizeof(kbuf))
				break;
			memcpy(kbuf + klen, d + i, (size_t)k);
			klen += (size_t)k;
			kept++;
		}
		i += (size_t)k;
	}
	if (d != dbuf)
		free(d);
	if (kept <= 1) { /* nothing to compose */
		if (klen > *outlen)
			return -1;
		memcpy(out, kbuf, klen);
		*outlen = klen;
		return 0;
	}
	size_t len = *outlen;
	uint8_t *c = u8_normalize(UNINORM_NFC, kbuf, klen, out, &len);
	if (c != out) {
		free(c);
		return -1;
	}
	*outlen = len;
	return 0;
}

char *text_strip_marks(const char *s, size_t len)
{
	if (is_ascii(s, len))
		return strndup(s, len);
	size_t dlen = 0, klen = 0, clen = 0;
	uint8_t *d = u8_normalize(UNINORM_NFKD, (const uint8_t *)s, len, NULL, &dlen);
	if (!d)
		return NULL;
	for (size_t i = 0; i < dlen;) { /* in place: the kept bytes never overtake */
		ucs4_t c;
		int k = u8_mbtouc(&c, d + i, dlen - i);
		if (!ignored_mark(c)) {
			memmove(d + klen, d + i, (size_t)k);
			klen += (size_t)k;
		}
		i += (size_t)k;
	}
	uint8_t *c = u8_normalize(UNINORM_NFC, d, klen, NULL, &clen);
	free(d);
	char *out = c ? malloc(clen + 1) : NULL;
	if (out) {
		memcpy(out, c, clen);
		out[clen] = '\0';
	}
	free(c);
	return out;
}

int text_fold(const char *s, struct folded *out)
{
	size_t len = strlen(s), n = 0, text_cap = 0, origin_cap = 0;
	memset(out, 0, sizeof(*out));
	if (len > UINT32_MAX / 4) /* offsets are 32-bit; content strings are far smaller */
		return -1;
	if (is_ascii(s, len))
		return fold_ascii(s, len, out);
	for (size_t i = 0; i < len;) {
		uint8_t buf[32];
		const uint8_t *piece = buf;
		size_t plen, clen;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) { /* the common case, without a library call */
			buf[0] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			plen = 1;
			clen = 1;
		} else {
			int m = u8_mblen((const uint8_t *)s + i, len - i);
			clen = m > 0 ? (size_t)m : 1;
			plen = sizeof(buf);
			if (fold_char((const uint8_t *)s + i, clen, buf, &plen) != 0) {
				piece = (const uint8_t *)s + i; /* keep the bytes as they are */
				plen = clen;
			}
		}
		/* the folded text is about as long as s; one more for the end */
		if (grow_to(&out->text, &text_cap, n + plen + 1, 1, len + 17) != 0 ||
		    grow_to(&out->origin, &origin_cap, n + plen + 1, sizeof(*out->origin), len + 17) != 0)
			goto oom;
		memcpy(out->text + n, piece, plen);
		for (size_t k = 0; k < plen; k++)
			out->origin[n + k] = (uint32_t)i;
		n += plen;
		i += clen;
	}
	out->text[n] = '\0';
	out->origin[n] = (uint32_t)len;
	out->len = n;
	return 0;
oom:
	text_folded_free(out);
	return -1;
}

void text_folded_free(struct folded *f)
{
	free(f->text);
	free(f->origin);
	memset(f, 0, sizeof(*f));
}

bool text_has_upper(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p + i, len - i);
		if (uc_is_upper(c))
			return true;
		i += (size_t)n;
	}
	return false;
}

int text_output_width(int fd)
{
	const char *env = getenv("COLUMNS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v >= 20 && v <= 1000)
			return (int)v;
	}
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}
