/* mentions.h - where the report's prose names an entity: the names and
 * aliases of areas, stages, activities, meetings, programmes and terms found
 * in a paragraph, so the browser can show them as links. Curses-free. */
#ifndef TEMM_MENTIONS_H
#define TEMM_MENTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* One name found in a text: a byte range and the entity it names. */
struct mention {
	size_t start, len;
	struct entity_ref ref;
};

struct mentions; /* the dictionary of names */

/* An empty dictionary (for tests), or one of every name in the report. */
struct mentions *mentions_new(void);
struct mentions *mentions_from_report(const struct report *r);
void mentions_free(struct mentions *m);

/* Add a name. A name already present keeps its first entity, so callers add
 * the kinds they prefer first. Names under 2 bytes are ignored. 0 on
 * success, -1 on out of memory. */
int mentions_add(struct mentions *m, const char *name, struct entity_ref ref);
/* Sort the dictionary once all names are added; mentions_find refuses an
 * unsealed one (returns -1). */
void mentions_seal(struct mentions *m);
size_t mentions_count(const struct mentions *m);

/* Every name in `text`, left to right, not overlapping: at each position
 * the longest name that starts and ends on a word boundary wins (so
 * "TEMM11" is never read as "TEMM1", nor "WG II" as "WG I"). Mentions of
 * `self` (kind KIND_COUNT for none) are left out. Returns how many; *out is
 * a new array (caller frees; NULL when none), -1 on out of memory. */
long mentions_find(const struct mentions *m, const char *text, struct entity_ref self,
		   struct mention **out);

/* For the snapshot (snapshot.h): a sealed dictionary's names and its trie,
 * to write them; and a dictionary over what was written, held elsewhere (a
 * mapping: not copied, not freed). A trie node is MENTIONS_NODE_BYTES: its
 * first child, next sibling and name (int32_t, -1: none), its byte, and
 * three zero bytes. A sealed trie is numbered from the root (node 0) by
 * regions, each the top levels of a subtree, breadth first (mentions.c),
 * and each node's children side by side, the first of them (its `child`)
 * the highest and each sibling one lower: the first levels, which every
 * lookup starts in, are the first nodes, and a walk down a name crosses a
 * region every few levels. */
#define MENTIONS_NODE_BYTES 16
size_t mentions_nodes_count(const struct mentions *m);
void mentions_node_at(const struct mentions *m, size_t i, int32_t *child, int32_t *sibling,
		      int32_t *name, unsigned char *byte);
/* Name i of a dictionary made by mentions_add (not one over a snapshot:
 * its names are read as lookups reach them). */
const char *mentions_name_at(const struct mentions *m, size_t i, struct entity_ref *ref);

/* Where a dictionary over a snapshot reads what it has not read yet, and
 * what it does when that is damaged. Nothing is read when it is made: a
 * block of nodes (1 << block_shift of them) is checked the first time a
 * lookup reads one of its nodes, and a name is read the first time a
 * lookup reaches its node. On the first damage found it asks for the
 * dictionary made from the model (NULL: out of memory), and answers every
 * lookup from then on with that one, the one under way too. Lookups in it
 * record what they have read: it is not for two threads at once. */
struct mentions_source {
	void *ctx;
	bool (*name)(void *ctx, size_t i, const char **text, struct entity_ref *ref);
	bool (*nodes_block)(void *ctx, size_t block);
	struct mentions *(*fallback)(void *ctx);
	unsigned block_shift;
};
struct mentions *mentions_over(size_t count, const void *nodes, size_t nodes_count,
			       const struct mentions_source *src);
/* How many blocks of a dictionary over a snapshot have been checked, of
 * how many (*of); 0 of 0 for one in memory. */
size_t mentions_blocks_checked(const struct mentions *m, size_t *of);
/* The dictionary made from the model's entities, never from a snapshot. */
struct mentions *mentions_from_model(const struct report *r);

#endif
