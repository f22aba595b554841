/* snap_ids.c - an id looked up in a snapshot's table of ids (PART_IDS,
 * open addressing as model.c's own table): each slot probed has its
 * block's sum checked, and what a slot names is made and its id compared,
 * so a damaged table can make a lookup neither wrong nor long. A table
 * found damaged is refused once, and ids are then looked for in the
 * entities themselves. */
#include "snap_internal.h"

#include <string.h>

/* What the probe found: an entity, none, or a table that cannot say. */
enum probe { PROBE_FOUND, PROBE_NONE, PROBE_DAMAGED };

/* At most every slot once; a slot's id is compared in the pool, whose last
 * byte is a NUL, and the entity it names must have that id itself. */
static enum probe probe(const struct report *r, const char *id, struct entity_ref *out)
{
	struct snapshot *s = r->snap;
	size_t n;
	const struct snap_id_slot *slots = snap_part(s, PART_IDS, sizeof(*slots), &n);
	uint32_t h = id_table_hash(id);
	/* a table of every entity: a run of full slots at most that long */
	size_t probes = 1;
	for (int k = 0; k < KIND_COUNT; k++)
		probes += report_count(r, (enum entity_kind)k);
	if (probes > n)
		probes = n;
	for (size_t k = 0, i = h & (n - 1); k < probes; k++, i = (i + 1) & (n - 1)) {
		if (!snap_check_range(s, PART_IDS, (uint64_t)i * sizeof(*slots), sizeof(*slots)))
			return PROBE_DAMAGED;
		const struct snap_id_slot *x = &slots[i];
		if (x->id == SNAP_NONE)
			return PROBE_NONE;
		if (x->hash != h || x->id >= s->names_len || strcmp(s->pool + x->id, id) != 0)
			continue;
		if (x->kind >= KIND_COUNT || x->index < 0 || (size_t)x->index >= report_count(r, x->kind))
			return PROBE_DAMAGED;
		*out = (struct entity_ref){ (enum entity_kind)x->kind, x->index };
		return strcmp(report_entity_id(r, *out), id) == 0 ? PROBE_FOUND : PROBE_DAMAGED;
	}
	return PROBE_DAMAGED; /* a run longer than the entities: not the writer's table */
}

/* Every entity's id compared: the answer without the table. */
static int scan(const struct report *r, const char *id, struct entity_ref *out)
{
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			if (strcmp(report_entity_id(r, ref), id) == 0) {
				*out = ref;
				return 0;
			}
		}
	return -1;
}

int snapshot_find(const struct report *r, const char *id, struct entity_ref *out)
{
	struct snapshot *s = r->snap;
	if (!s->ids_refused) {
		enum probe p = probe(r, id, out);
		if (p != PROBE_DAMAGED)
			return p == PROBE_FOUND ? 0 : -1;
		s->ids_refused = true;
		snap_refuse_later(s, "its table of ids");
	}
	return scan(r, id, out);
}
