/* snap_strings.c - a string of a snapshot's pool, checked the first time
 * it is read rather than when the file is opened (a start reads the few
 * its first screen shows): the sums of the blocks it lies in, its start
 * (the pool's first byte, or one after a NUL), its end within its region
 * and within STRING_MAX_BYTES, and its text safe for a terminal. Each
 * string is checked once, good or bad, however many records name it, so a
 * file cannot make the checks read more than it holds. */
#include "snap_internal.h"

#include <stdlib.h>
#include <string.h>

/* The slot of `off` in the set of strings checked (an empty one when it is
 * not there); the set has a power of two of slots. */
static struct snap_seen *seen_slot(const struct snapshot *s, uint32_t off)
{
	/* the product's high bits: its low bits are the offset's own */
	int bits = __builtin_ctzl(s->seen_cap);
	size_t mask = s->seen_cap - 1, i = (size_t)((uint32_t)(off * 2654435761u) >> (32 - bits));
	while (s->seen[i].off1 && s->seen[i].off1 != off + 1)
		i = (i + 1) & mask;
	return &s->seen[i];
}

/* Remember the string at `off`: `len` bytes and good, or SNAP_SEEN_BAD;
 * false when out of memory. The set stays at most half full. */
static bool seen_add(struct snapshot *s, uint32_t off, uint32_t len)
{
	if ((s->seen_count + 1) * 2 > s->seen_cap) {
		struct snapshot bigger = { .seen_cap = s->seen_cap ? s->seen_cap * 2 : 64 };
		if (!(bigger.seen = calloc(bigger.seen_cap, sizeof(*bigger.seen))))
			return false;
		for (size_t i = 0; i < s->seen_cap; i++)
			if (s->seen[i].off1)
				*seen_slot(&bigger, s->seen[i].off1 - 1) = s->seen[i];
		free(s->seen);
		s->seen = bigger.seen;
		s->seen_cap = bigger.seen_cap;
	}
	*seen_slot(s, off) = (struct snap_seen){ off + 1, len };
	s->seen_count++;
	return true;
}

/* The string at `off` checked now: its length, or SNAP_SEEN_BAD. A string
 * that starts in the names region ends there (the names are checked apart
 * from the prose, and a name cannot run on into it). */
static uint32_t string_check(struct snapshot *s, uint32_t off)
{
	size_t end = off < s->names_len ? s->names_len : s->pool_len, room = end - off;
	const char *p = s->pool + off;
	/* its start first: strings that start after a NUL do not overlap, so
	 * however many are named, the ends looked for read the pool once */
	if (off && s->pool[off - 1] != '\0')
		return SNAP_SEEN_BAD;
	const char *nul = memchr(p, '\0', room < STRING_MAX_BYTES ? room : STRING_MAX_BYTES);
	if (!nul)
		return SNAP_SEEN_BAD;
	size_t len = (size_t)(nul - p), from = off ? off - 1 : 0;
	/* the NUL before it was read before its block was checked: checked now */
	if (!snap_check_range(s, PART_STRINGS, from, off + len + 1 - from) || !snap_text_safe(p, len))
		return SNAP_SEEN_BAD;
	return (uint32_t)len;
}

bool snap_string_good(struct snapshot *s, uint32_t off, size_t *len)
{
	*len = 0;
	if (off >= s->pool_len)
		return false;
	if (s->seen_cap && seen_slot(s, off)->off1) {
		*len = seen_slot(s, off)->len;
		return *len != SNAP_SEEN_BAD;
	}
	uint32_t n = string_check(s, off);
	*len = n;
	return seen_add(s, off, n) && n != SNAP_SEEN_BAD;
}

bool snap_string(struct snapshot *s, uint32_t off, bool optional, char **out)
{
	size_t len;
	*out = NULL;
	if (off == SNAP_NONE)
		return optional;
	if (off >= s->names_len || !snap_string_good(s, off, &len))
		return false;
	*out = (char *)s->pool + off; /* the mapping is read only, and so is the model */
	return true;
}

bool snap_text_string(const struct snapshot *s, uint32_t off, char **out)
{
	*out = NULL;
	/* a string of text: checked with its section's text (snap_text.c) or
	 * with the index (snap_check_strings), before it is read */
	if (off >= s->pool_len)
		return false;
	*out = (char *)s->pool + off;
	return true;
}
