/* snap_check.c - checking a part of a snapshot before it is used: its
 * checksum, or the sums of the blocks read for a part checked a block at a
 * time (PART_SUMS), read by pread into a small buffer (nothing mapped in,
 * so a session's memory holds only the pages it then reads) or in the
 * mapping for the parts read whole anyway; for the string pool, every
 * string's text, and the lengths the model and the index rely on. */
#include "snap_internal.h"
#include "sanitize.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
/* Bytes read at a time when checking a part. */
#define CHECK_CHUNK (256u << 10)
/* Whether a string may reach a terminal: what the loader's sanitizing
 * leaves (no control character, no invalid UTF-8, no bidi override...).
 * Only a string with a byte outside printable ASCII is looked at. */
static bool string_safe_slow(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return false;
		if (c >= 0x80)
			return !sanitize_needed(s);
	}
	return true;
}

/* Whether any byte is outside printable ASCII, eight at a time and with
 * no branch: a byte under 0x20 borrows into its high bit, one over 0x7e
 * carries into it (and a carry or borrow from one only reaches the bytes
 * after it in the same word, which holds the unusual byte anyway). */
static bool any_unusual(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t acc = 0;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, sizeof(x));
		acc |= ((x - ones * 0x20) & ~x) | (x + ones) | x;
	}
	for (; i < len; i++)
		acc |= (unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e ? highs : 0;
	return acc & highs;
}

static inline bool text_safe(const char *text, size_t len)
{
	return !any_unusual(text, len) || string_safe_slow(text, len);
}

bool snap_text_safe(const char *text, size_t len)
{
	return text_safe(text, len);
}

/* The strings of the pool read in pieces, one after the other: each one's
 * text checked (when `safety`), and the lengths the checks ask for. A
 * string cut by the end of a piece waits in `carry` for its end. */
struct pool_scan {
	bool safety;
	const struct snap_len_check *checks; /* sorted by offset */
	size_t checks_count, next;
	uint64_t start;  /* the pool offset of the string being read */
	char *carry;
	size_t len;
	bool bad;
};

/* The string at `start`, `len` bytes, is whole (s[len] is its NUL). */
static void one_string(struct pool_scan *ps, const char *s, size_t len)
{
	if (ps->safety && !text_safe(s, len))
		ps->bad = true;
	/* a check of an offset inside a string names no string */
	for (; ps->next < ps->checks_count && ps->checks[ps->next].off <= ps->start; ps->next++) {
		const struct snap_len_check *c = &ps->checks[ps->next];
		if (c->off < ps->start || (c->exact ? len != c->len : len < c->len))
			ps->bad = true;
	}
	ps->start += len + 1;
}

/* Where the next NUL is in p[i, n), or n. */
static size_t string_end(const char *p, size_t i, size_t n)
{
	const char *nul = i < n ? memchr(p + i, '\0', n - i) : NULL;
	return nul ? (size_t)(nul - p) : n;
}

static void scan_piece(struct pool_scan *ps, const char *p, size_t n)
{
	size_t i = 0;
	if (ps->len) { /* the end of the string the last piece began */
		size_t end = string_end(p, 0, n);
		if (ps->len + end >= STRING_MAX_BYTES) {
			ps->bad = true;
			return;
		}
		memcpy(ps->carry + ps->len, p, end);
		ps->len += end;
		if (end == n)
			return;
		ps->carry[ps->len] = '\0';
		one_string(ps, ps->carry, ps->len);
		ps->len = 0;
		i = end + 1;
	}
	while (i < n && !ps->bad) {
		if (!p[i]) { /* empty strings (the names region's padding): none checked before the next check */
			uint64_t upto = ps->next < ps->checks_count ? ps->checks[ps->next].off : UINT64_MAX;
			size_t run = i;
			while (run < n && !p[run] && ps->start + (run - i) < upto)
				run++;
			ps->start += run - i;
			if (run > i) {
				i = run;
				continue;
			}
		}
		size_t end = string_end(p, i, n);
		if (end == n) { /* its end is in the next piece */
			if (n - i >= STRING_MAX_BYTES)
				ps->bad = true;
			else
				memcpy(ps->carry, p + i, ps->len = n - i);
			return;
		}
		one_string(ps, p + i, end - i);
		i = end + 1;
	}
}

/* Whether the reader reads all of part p anyway when it uses it: then it
 * is checked in the mapping. The strings, the ids, the names' trie and the
 * backlinks are read a little at a time, and checked by pread, never
 * mapped in whole. */
static bool read_whole(enum snap_part p)
{
	return p != PART_STRINGS && p != PART_IDS && p != PART_NODES && p != PART_KEY &&
	       p != PART_BACKLINK_FIRST && p != PART_BACKLINKS;
}

/* Read n bytes at `at` of the file, all of them. */
static bool pread_all(int fd, unsigned char *buf, size_t n, uint64_t at)
{
	for (size_t done = 0; done < n;) {
		ssize_t got = pread(fd, buf + done, n - done, (off_t)(at + done));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		done += (size_t)got;
	}
	return true;
}

/* Read part p's bytes: by pread from the file (nothing mapped in), or in
 * place for a snapshot in memory; its checksum the first time. */
static bool part_read(const struct snapshot *s, enum snap_part p)
{
	const struct snap_part_entry *e = &s->head.part[p];
	struct snap_sum sum;
	snap_checksum_start(&sum);
	if (s->fd < 0 || read_whole(p)) {
		snap_checksum_add(&sum, s->base + e->offset, (size_t)e->size);
		return snap_checksum_end(&sum) == e->checksum;
	}
	unsigned char *buf = malloc(CHECK_CHUNK);
	bool ok = buf != NULL;
	for (uint64_t done = 0; ok && done < e->size; done += CHECK_CHUNK) {
		size_t want = e->size - done < CHECK_CHUNK ? (size_t)(e->size - done) : CHECK_CHUNK;
		ok = pread_all(s->fd, buf, want, e->offset + done);
		if (ok)
			snap_checksum_add(&sum, buf, want);
	}
	free(buf);
	return ok && snap_checksum_end(&sum) == e->checksum;
}

/* ---- the parts checked a block at a time ---- */

/* The first of blocked part p's sums in PART_SUMS; false: p is not one. */
static bool first_sum(const struct snapshot *s, enum snap_part p, uint64_t *first)
{
	*first = 0;
	for (size_t b = 0; b < snap_blocked_count; b++) {
		if (snap_blocked_parts[b] == p)
			return true;
		*first += snap_blocks(s->head.part[snap_blocked_parts[b]].size);
	}
	return false;
}

static bool block_checked(const struct snapshot *s, uint64_t g)
{
	return s->blocks_good[g / 8] >> (g % 8) & 1;
}

/* Whether block g was found bad (never read again: a file cannot make the
 * reader read one bad block once per string in it). */
static bool block_bad(const struct snapshot *s, uint64_t g)
{
	return s->blocks_bad[g / 8] >> (g % 8) & 1;
}

/* The sum of block g (n bytes at `bytes`), checked once. */
static bool block_sum(struct snapshot *s, uint64_t g, const unsigned char *bytes, size_t n)
{
	if (block_checked(s, g))
		return true;
	uint64_t want;
	memcpy(&want, s->base + s->head.part[PART_SUMS].offset + g * sizeof(want), sizeof(want));
	if (snap_checksum(bytes, n) != want) {
		s->blocks_bad[g / 8] |= (unsigned char)(1u << (g % 8));
		return false;
	}
	s->blocks_good[g / 8] |= (unsigned char)(1u << (g % 8));
	return true;
}

/* Read the blocks of part p that bytes [off, off + len) lie in, a piece of
 * whole blocks at a time: each block's sum checked once, and the strings
 * of [off, off + len) scanned when ps is given. */
static bool blocks_read(struct snapshot *s, enum snap_part p, uint64_t off, uint64_t len,
			struct pool_scan *ps)
{
	const struct snap_part_entry *e = &s->head.part[p];
	uint64_t first, from = off / SNAP_BLOCK * SNAP_BLOCK, end = off + len;
	uint64_t to = snap_blocks(end) * SNAP_BLOCK < e->size ? snap_blocks(end) * SNAP_BLOCK : e->size;
	bool in_place = s->fd < 0 || read_whole(p);
	unsigned char *buf = in_place ? NULL : malloc(CHECK_CHUNK);
	bool ok = first_sum(s, p, &first) && (in_place || buf);
	if (ps && ok && !(ps->carry = malloc(STRING_MAX_BYTES)))
		ok = false;
	for (uint64_t at = from; ok && at < to; at += CHECK_CHUNK) {
		size_t want = to - at < CHECK_CHUNK ? (size_t)(to - at) : CHECK_CHUNK;
		const unsigned char *piece = buf;
		if (in_place)
			piece = s->base + e->offset + at;
		else
			ok = pread_all(s->fd, buf, want, e->offset + at);
		for (size_t b = 0; ok && b < want; b += SNAP_BLOCK)
			ok = block_sum(s, first + (at + b) / SNAP_BLOCK, piece + b,
				       want - b < SNAP_BLOCK ? want - b : SNAP_BLOCK);
		uint64_t lo = at > off ? at : off, hi = at + want < end ? at + want : end;
		if (ok && ps && lo < hi)
			scan_piece(ps, (const char *)piece + (lo - at), (size_t)(hi - lo));
	}
	free(buf);
	if (ps) { /* the last string ends in NUL, and no check is left */
		free(ps->carry);
		ps->carry = NULL;
		ok = ok && !ps->bad && ps->len == 0 && ps->next == ps->checks_count;
	}
	return ok;
}

bool snap_check_range(struct snapshot *s, enum snap_part p, uint64_t off, uint64_t len)
{
	const struct snap_part_entry *e = &s->head.part[p];
	uint64_t first;
	if (off > e->size || len > e->size - off)
		return false;
	if (!first_sum(s, p, &first))
		return snap_check_part(s, p);
	if (!s->blocks_good)
		return false;
	/* most reads are of blocks checked already */
	bool all = true;
	for (uint64_t b = off / SNAP_BLOCK; b < snap_blocks(off + len); b++) {
		if (block_bad(s, first + b))
			return false;
		all = all && block_checked(s, first + b);
	}
	return all || blocks_read(s, p, off, len, NULL);
}

bool snap_sums_open(struct snapshot *s, char *why, size_t whylen)
{
	uint64_t total = 0;
	for (size_t b = 0; b < snap_blocked_count; b++)
		total += snap_blocks(s->head.part[snap_blocked_parts[b]].size);
	if (s->head.part[PART_SUMS].size != total * sizeof(uint64_t))
		return snap_fail(why, whylen, "is damaged (its block checksums are %llu bytes, not %llu)",
				 (unsigned long long)s->head.part[PART_SUMS].size,
				 (unsigned long long)(total * sizeof(uint64_t)));
	if (!snap_check_part(s, PART_SUMS))
		return snap_fail(why, whylen, "is damaged (the checksum of its block checksums)");
	size_t bytes = (size_t)(total / 8 + 1); /* a bit a block: good, then bad */
	if (!(s->blocks_good = calloc(2 * bytes, 1)))
		return snap_fail(why, whylen, "cannot be read: out of memory");
	s->blocks_bad = s->blocks_good + bytes;
	return true;
}

/* Checks in the order of their offsets: a radix sort (the search index
 * asks for one per unit, in no order), 11 bits at a time. */
static bool sort_checks(struct snap_len_check *v, size_t n)
{
	struct snap_len_check *tmp = malloc((n + 1) * sizeof(*tmp));
	size_t *count = malloc(2049 * sizeof(*count));
	if (!tmp || !count) {
		free(tmp);
		free(count);
		return false;
	}
	struct snap_len_check *from = v, *to = tmp;
	for (unsigned shift = 0; shift < 33; shift += 11) {
		memset(count, 0, 2049 * sizeof(*count));
		for (size_t i = 0; i < n; i++)
			count[((from[i].off >> shift) & 2047) + 1]++;
		for (size_t k = 0; k < 2048; k++)
			count[k + 1] += count[k];
		for (size_t i = 0; i < n; i++)
			to[count[(from[i].off >> shift) & 2047]++] = from[i];
		struct snap_len_check *t = from;
		from = to;
		to = t;
	}
	if (from != v) /* three passes: the result is in tmp */
		memcpy(v, from, n * sizeof(*v));
	free(tmp);
	free(count);
	return true;
}

bool snap_check_strings(struct snapshot *s, struct snap_len_check *checks, size_t n)
{
	struct pool_scan ps = { s->state[PART_STRINGS] == PART_UNCHECKED, checks, n, 0, 0, NULL, 0,
				false };
	bool ok = s->state[PART_STRINGS] != PART_BAD && sort_checks(checks, n) &&
		  blocks_read(s, PART_STRINGS, 0, s->pool_len, &ps);
	if (ps.safety)
		s->state[PART_STRINGS] = ok ? PART_GOOD : PART_BAD;
	return ok;
}

bool snap_check_part(struct snapshot *s, enum snap_part p)
{
	uint64_t first;
	if (p == PART_STRINGS)
		return snap_check_strings(s, NULL, 0);
	if (s->state[p] == PART_UNCHECKED)
		s->state[p] = (first_sum(s, p, &first) ? snap_check_range(s, p, 0, s->head.part[p].size)
						       : part_read(s, p)) ? PART_GOOD : PART_BAD;
	return s->state[p] == PART_GOOD;
}

void snap_refuse_later(struct snapshot *s, const char *what)
{
	snap_refuse_then(s, what, "the rest was read from the model");
}

void snap_refuse_then(struct snapshot *s, const char *what, const char *then)
{
	if (!s->told[0])
		snprintf(s->told, sizeof(s->told), "the snapshot %s is damaged (%s): %s",
			 s->path ? s->path : "in memory", what, then);
	if (!s->cached || !s->path)
		return;
	struct stat st; /* only the file we read: another may have replaced it */
	if (stat(s->path, &st) == 0 && st.st_dev == s->dev && st.st_ino == s->ino)
		unlink(s->path);
}
