/* snap_links.c - what links to one entity, read from a snapshot's index of
 * backlinks (snap_format.h: PART_BACKLINK_FIRST, PART_BACKLINKS): only that
 * entity's records are read, and each is checked before it is used. An
 * index found wrong is refused (said once, at the end of the run) and
 * links.c scans the model from then on. */
#include "snap_internal.h"
#include "links.h"

#include <stdlib.h>
#include <string.h>

/* Whether bytes [off, off + len) of part p may be read: the checksums of
 * the blocks they lie in (PART_SUMS), each checked once, so that one
 * entity's question reads a block or two, never the whole index. */
static bool backlinks_readable(struct snapshot *s, enum snap_part p, uint64_t off, uint64_t len)
{
	return snap_check_range(s, p, off, len);
}

static uint32_t fields_count(void)
{
	uint32_t n = 0;
	while (link_fields[n])
		n++;
	return n;
}

/* The slot of `ref` among every entity's (kind by kind); *total their number. */
static size_t slot_of(const struct report *r, struct entity_ref ref, size_t *total)
{
	size_t slot = 0;
	*total = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		if (k == (int)ref.kind)
			slot = *total + (size_t)ref.index;
		*total += report_count(r, (enum entity_kind)k);
	}
	return slot;
}

/* A record names an entity of the model by a known field, and comes
 * after the one before it (links_to's order: by kind, then index). */
static bool record_ok(const struct report *r, const struct snap_backlink *b,
		      struct entity_ref after, uint32_t fields)
{
	return b->field < fields && b->kind < KIND_COUNT && b->index >= 0 &&
	       (size_t)b->index < report_count(r, (enum entity_kind)b->kind) &&
	       (b->kind > (uint32_t)after.kind ||
		(b->kind == (uint32_t)after.kind && b->index >= after.index));
}

/* Refuse the snapshot's backlinks: the caller scans instead. */
static int refuse(struct snapshot *s, struct link_list *out, const char *what)
{
	link_list_free(out);
	snap_refuse_later(s, what);
	return 1;
}

/* Whether the index has one first record per entity and one more (what
 * the header says, before any of its bytes is read). */
static bool sizes_ok(const struct snapshot *s, size_t total)
{
	size_t n_first;
	snap_part(s, PART_BACKLINK_FIRST, sizeof(uint32_t), &n_first);
	return n_first == total + 1;
}

/* Where ref's records are: [*lo, *hi) of PART_BACKLINKS, or false. */
static bool records_of(struct snapshot *s, size_t slot, size_t total, uint32_t *lo, uint32_t *hi)
{
	size_t n_first, n_records;
	const uint32_t *first = snap_part(s, PART_BACKLINK_FIRST, sizeof(*first), &n_first);
	snap_part(s, PART_BACKLINKS, sizeof(struct snap_backlink), &n_records);
	if (n_first != total + 1)
		return false;
	*lo = first[slot];
	*hi = first[slot + 1];
	return *lo <= *hi && *hi <= first[total] && first[total] == n_records;
}

int snapshot_links_to(const struct report *r, struct entity_ref ref, struct link_list *out)
{
	memset(out, 0, sizeof(*out));
	struct snapshot *s = r->snap;
	if (!s || s->told[0] || ref.kind >= KIND_COUNT || ref.index < 0 ||
	    (size_t)ref.index >= report_count(r, ref.kind))
		return 1; /* refused before, or no such entity: the scan says what links_to says */
	size_t total, slot = slot_of(r, ref, &total);
	uint32_t lo, hi;
	if (!sizes_ok(s, total))
		return refuse(s, out, "an offset or index out of range in its backlinks");
	if (!backlinks_readable(s, PART_BACKLINK_FIRST, slot * sizeof(lo), 2 * sizeof(lo)) ||
	    !backlinks_readable(s, PART_BACKLINK_FIRST, total * sizeof(lo), sizeof(lo)))
		return refuse(s, out, "the checksum of its backlinks");
	if (!records_of(s, slot, total, &lo, &hi))
		return refuse(s, out, "an offset or index out of range in its backlinks");
	if (lo == hi)
		return 0;
	if (!backlinks_readable(s, PART_BACKLINKS, (uint64_t)lo * sizeof(struct snap_backlink),
				(uint64_t)(hi - lo) * sizeof(struct snap_backlink)))
		return refuse(s, out, "the checksum of its backlinks");
	size_t n;
	const struct snap_backlink *b = snap_part(s, PART_BACKLINKS, sizeof(*b), &n);
	if (!(out->links = malloc((hi - lo) * sizeof(*out->links))))
		return -1;
	out->cap = hi - lo;
	uint32_t fields = fields_count();
	struct entity_ref after = { KIND_SECTION, 0 };
	for (uint32_t i = lo; i < hi; i++) {
		if (!record_ok(r, &b[i], after, fields))
			return refuse(s, out, "an offset or index out of range in its backlinks");
		after = (struct entity_ref){ (enum entity_kind)b[i].kind, b[i].index };
		out->links[out->count++] = (struct link){ link_fields[b[i].field], after, ref };
	}
	return 0;
}
