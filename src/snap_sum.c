/* snap_sum.c - the snapshot's checksum and the sealing of a file with it.
 * Four lanes of multiply-rotate over 32-byte stripes (the round of xxHash64):
 * about 9 GB/s here, so checking a part costs less than reading it. No
 * library on the stack has one this fast (zlib's CRC32 is not linked). */
#include "snap_format.h"

#include <string.h>

#define PRIME1 0x9E3779B185EBCA87ull
#define PRIME2 0xC2B2AE3D27D4EB4Full
#define PRIME3 0x165667B19E3779F9ull

static inline uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static inline uint64_t read64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

static inline uint64_t round64(uint64_t acc, uint64_t in)
{
	return rotl(acc + in * PRIME2, 31) * PRIME1;
}

static void stripes(struct snap_sum *s, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i + 32 <= n; i += 32) {
		s->lane[0] = round64(s->lane[0], read64(p + i));
		s->lane[1] = round64(s->lane[1], read64(p + i + 8));
		s->lane[2] = round64(s->lane[2], read64(p + i + 16));
		s->lane[3] = round64(s->lane[3], read64(p + i + 24));
	}
}

void snap_checksum_start(struct snap_sum *s)
{
	memset(s, 0, sizeof(*s));
	s->lane[0] = PRIME1 + PRIME2;
	s->lane[1] = PRIME2;
	s->lane[3] = 0 - PRIME1;
}

void snap_checksum_add(struct snap_sum *s, const void *bytes, size_t len)
{
	const unsigned char *p = bytes;
	s->total += len;
	if (s->tail_len) { /* complete the stripe begun by the last piece */
		size_t take = 32 - s->tail_len < len ? 32 - s->tail_len : len;
		memcpy(s->tail + s->tail_len, p, take);
		s->tail_len += take;
		p += take;
		len -= take;
		if (s->tail_len < 32)
			return;
		stripes(s, s->tail, 32);
		s->tail_len = 0;
	}
	size_t whole = len - len % 32;
	stripes(s, p, whole);
	memcpy(s->tail, p + whole, len - whole);
	s->tail_len = len - whole;
}

uint64_t snap_checksum_end(const struct snap_sum *s)
{
	uint64_t h = rotl(s->lane[0], 1) + rotl(s->lane[1], 7) + rotl(s->lane[2], 12) +
		     rotl(s->lane[3], 18) + s->total;
	for (size_t i = 0; i < s->tail_len; i++)
		h = rotl(h ^ (s->tail[i] * PRIME3), 11) * PRIME1;
	h ^= h >> 33; /* every input bit reaches every output bit */
	h *= PRIME2;
	h ^= h >> 29;
	h *= PRIME3;
	return h ^ (h >> 32);
}

uint64_t snap_checksum(const void *bytes, size_t len)
{
	struct snap_sum s;
	snap_checksum_start(&s);
	snap_checksum_add(&s, bytes, len);
	return snap_checksum_end(&s);
}

const enum snap_part snap_blocked_parts[] = {
	PART_STRINGS, PART_BACKLINK_FIRST, PART_BACKLINKS,
	PART_SECTIONS, PART_STAGES, PART_AREAS, PART_ACTIVITIES, PART_EVENTS, PART_MEETINGS,
	PART_PROGRAMMES, PART_TERMS, PART_SERIES, PART_STRLISTS, PART_COUNTS, PART_PRIORITIES,
	PART_PASSAGES, PART_EMPHASIS, PART_IDS, PART_NAMES, PART_NODES,
};
const size_t snap_blocked_count = sizeof(snap_blocked_parts) / sizeof(*snap_blocked_parts);

uint64_t snap_blocks(uint64_t size)
{
	return (size + SNAP_BLOCK - 1) / SNAP_BLOCK;
}

/* The block sums of the blocked parts, when PART_SUMS is where it says
 * and of the size they take. */
static void seal_blocks(unsigned char *bytes, size_t len, const struct snap_header *h)
{
	const struct snap_part_entry *sums = &h->part[PART_SUMS];
	uint64_t total = 0;
	for (size_t b = 0; b < snap_blocked_count; b++) {
		const struct snap_part_entry *e = &h->part[snap_blocked_parts[b]];
		if (e->offset > len || e->size > len - e->offset)
			return;
		total += snap_blocks(e->size);
	}
	if (sums->offset > len || sums->size > len - sums->offset || sums->size != total * 8)
		return;
	unsigned char *at = bytes + sums->offset;
	for (size_t b = 0; b < snap_blocked_count; b++) {
		const struct snap_part_entry *e = &h->part[snap_blocked_parts[b]];
		for (uint64_t off = 0; off < e->size; off += SNAP_BLOCK, at += 8) {
			uint64_t n = e->size - off < SNAP_BLOCK ? e->size - off : SNAP_BLOCK;
			uint64_t sum = snap_checksum(bytes + e->offset + off, (size_t)n);
			memcpy(at, &sum, sizeof(sum));
		}
	}
}

void snap_seal(unsigned char *bytes, size_t len)
{
	struct snap_header h;
	if (len < sizeof(h))
		return;
	memcpy(&h, bytes, sizeof(h));
	seal_blocks(bytes, len, &h);
	for (int i = 0; i < PART_COUNT; i++) {
		const struct snap_part_entry *e = &h.part[i];
		if (e->offset <= len && e->size <= len - e->offset)
			h.part[i].checksum = snap_checksum(bytes + e->offset, (size_t)e->size);
	}
	h.checksum = 0;
	h.checksum = snap_checksum(&h, sizeof(h));
	memcpy(bytes, &h, sizeof(h));
}
