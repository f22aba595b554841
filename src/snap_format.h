/* snap_format.h - the layout of a snapshot file (see snapshot.h): a header
 * with a table of parts, then the parts, each an array of fixed-size
 * records or a pool of bytes. Nothing in the file is a pointer: a string is
 * an offset into the string pool (its text ends at a NUL there), a list an
 * index and a count into another part, so the file means the same wherever
 * it is mapped. Each part has its own checksum, checked the first time the
 * part is used, but for the parts read a little at a time, whose checksums
 * are one a block of SNAP_BLOCK bytes (PART_SUMS, snap_blocked_parts): the
 * model's records, the string pool, the id table, the backlinks and the
 * names dictionary. Opening reads the header, the key, the report's record
 * and PART_SUMS; an entity's record, its lists and its strings are checked
 * when it is first made, and a section's paragraphs (the pool's text
 * region, after its names) when they are first read; a search index
 * unit's text (its string, and its entity's record for the unit's field)
 * when a search first reads it; the names dictionary's trie and names when
 * a lookup first reads them. The reader checks every offset and count it
 * reads.
 * Integers are the writer's own byte order, which the header records; a
 * file of the other order is refused. */
#ifndef TEMM_SNAP_FORMAT_H
#define TEMM_SNAP_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define SNAP_MAGIC "TEMMSNAP"
/* Any change to a record, a part or what a field means: one more. */
#define SNAP_VERSION 4u
#define SNAP_BYTE_ORDER 0x01020304u
/* Parts start on 8-byte boundaries, so every record is aligned. */
#define SNAP_ALIGN 8u
/* Strings and lists are 32-bit offsets: a pool of up to 4 GiB, far above
 * what the loader's 128 MiB of content makes (about three times its size). */
#define SNAP_MAX_BYTES (1ull << 31)
/* The parts checked a block at a time (snap_blocked_parts) are cut into
 * blocks of this many bytes, the last one shorter. */
#define SNAP_BLOCK (16u << 10)
/* A string offset for "absent" (an optional field left out). */
#define SNAP_NONE UINT32_MAX

/* The parts, in file order: first the records the model is made of, the
 * block checksums, then the names dictionary the first screen uses, then
 * the strings, then the search index, then the index of backlinks. The
 * key, the report's record and PART_SUMS are checked when the file is
 * opened; the names dictionary's and the search index's parts when first
 * used; the rest a block at a time as it is read. */
enum snap_part {
	PART_KEY,        /* what content it was made from: struct snap_key_head ... */
	PART_REPORT,     /* one struct snap_report */
	PART_SECTIONS, PART_STAGES, PART_AREAS, PART_ACTIVITIES, PART_EVENTS,
	PART_MEETINGS, PART_PROGRAMMES, PART_TERMS, PART_SERIES,
	PART_STRLISTS,   /* uint32_t string offsets: paragraphs, aliases, achievements, links */
	PART_COUNTS,     /* struct snap_count */
	PART_PRIORITIES, /* struct snap_priority */
	PART_PASSAGES,   /* struct snap_passage */
	PART_EMPHASIS,   /* struct emphasis (model.h): three uint32_t */
	PART_IDS,        /* struct snap_id_slot: the id table (model.c), open addressing */
	PART_SUMS,       /* uint64_t: a snap_checksum for each SNAP_BLOCK bytes of each
			  * part of snap_blocked_parts, part after part */
	PART_NAMES,      /* struct snap_name: the mentions dictionary's names */
	PART_NODES,      /* its trie (mentions.c: MENTIONS_NODE_BYTES each) */
	PART_STRINGS,    /* every string of the model, each ending in NUL: the names
			  * region (every string but the prose) first, then from
			  * snap_report.text_at the text region (the prose) */
	PART_UNITS,      /* struct snap_unit: the search index (corpus.c) */
	PART_UNIT_AREAS, /* int32_t: the corpus's areas list */
	PART_RANK,       /* uint32_t: the corpus's rank order */
	PART_FOLDED,     /* the units' folded texts, each ending in NUL */
	PART_ORIGIN,     /* uint32_t: the folded texts' offsets back into the text */
	PART_BACKLINK_FIRST, /* uint32_t: per entity, its first record in PART_BACKLINKS */
	PART_BACKLINKS,  /* struct snap_backlink: what links to each entity */
	PART_COUNT
};

struct snap_part_entry {
	uint64_t offset, size; /* in bytes, from the start of the file */
	uint64_t checksum;     /* snap_checksum of the part's bytes (for a part
				* checked a block at a time, its PART_SUMS are
				* what the reader checks) */
};

struct snap_header {
	char magic[8];
	uint32_t version;
	uint32_t byte_order;
	uint64_t file_size;
	uint32_t parts;        /* PART_COUNT */
	uint32_t reserved;     /* 0 */
	uint64_t checksum;     /* of the header and its table, with this field 0 */
	struct snap_part_entry part[PART_COUNT];
};

/* PART_KEY: this head, `files` records, then the directory's real path
 * (dir_len bytes; empty in a snapshot kept beside its content, which
 * belongs to the directory it sits beside), then the files' names, one
 * after the other (name_len bytes each, no NUL). */
struct snap_key_head {
	uint32_t files, dir_len;
};
struct snap_key_file {
	uint64_t size;
	int64_t mtime_sec;
	uint32_t mtime_nsec, name_len;
};

/* A list: records [at, at + count) of the part the field names. */
struct snap_list {
	uint32_t at, count;
};

struct snap_report {
	uint32_t title, short_name;
	uint32_t text_at; /* where the pool's text region starts */
	uint32_t zero;    /* 0 */
};

struct snap_section {
	uint32_t id, title, parent, number;
	uint32_t name_at;          /* the name starts this many bytes into the title */
	int32_t parent_ix;
	struct snap_list paragraphs; /* PART_STRLISTS */
	struct snap_list emphasis;   /* PART_EMPHASIS */
};

struct snap_stage {
	uint32_t id, title, name, section, meeting, action_plan;
	uint32_t number, from, to;
	int32_t section_ix, meeting_ix, action_plan_ix;
	struct snap_list priorities, counts, achievements, prose;
};

struct snap_area {
	uint32_t id, title, section, number;
	int32_t section_ix;
	struct snap_list aliases, counts;
};

struct snap_activity {
	uint32_t id, title, short_name, area, section, kind;
	int32_t area_ix, section_ix;
	struct snap_list aliases, counts;
};

struct snap_event {
	uint32_t id, title, section, meeting, short_name, year, month;
	int32_t section_ix, meeting_ix, stage_ix;
	struct snap_list links;
};

struct snap_meeting {
	uint32_t id, title, series, place, section, ordinal, year, month;
	int32_t section_ix, series_ix;
	struct snap_list aliases;
};

struct snap_programme {
	uint32_t id, title, short_name, section, type;
	int32_t section_ix;
	struct snap_list aliases, counts;
};

struct snap_term {
	uint32_t id, title, expansion, section, refers;
	int32_t section_ix;
};

struct snap_series {
	uint32_t id, title, short_name;
};

struct snap_count {
	uint32_t n, of, words;
};

struct snap_priority {
	uint32_t text, area;
	int32_t area_ix;
};

struct snap_passage {
	uint32_t section, first, last;
	int32_t section_ix;
};

/* The id table: a power of two of slots, probed as model.c probes its own. */
struct snap_id_slot {
	uint32_t id;   /* SNAP_NONE: an empty slot */
	uint32_t hash; /* id_table_hash(id) */
	uint32_t kind;
	int32_t index;
};

struct snap_name {
	uint32_t text, kind;
	int32_t index;
};

/* One unit of the search index (struct corpus_unit without its pointers). */
struct snap_unit {
	uint32_t kind;
	int32_t index;
	uint32_t field;         /* index into the corpus's field names (snap_index.c) */
	int32_t item;
	uint32_t tier;
	uint32_t text, text_len; /* the model's string it indexes */
	uint32_t folded, folded_len; /* offset into PART_FOLDED */
	uint32_t origin;        /* index into PART_ORIGIN, SNAP_NONE: ASCII text */
	int32_t section_ix, area_ix;
	uint32_t stages, year_from, year_to, areas_at;
};

/* The backlinks: what links.c's links_to finds for each entity, as
 * link_index_new (links.h) has them. An entity's slot is its index plus
 * the counts of every kind before its own (kinds in enum entity_kind
 * order); PART_BACKLINK_FIRST holds one uint32_t per slot and one more, the
 * records of slot i being [first[i], first[i + 1]) of PART_BACKLINKS, in
 * report order (by the linking entity's kind, then its index). */
struct snap_backlink {
	uint32_t field; /* index into links.h's link_fields */
	uint32_t kind;  /* of the entity that links */
	int32_t index;  /* its index in its kind */
};

/* A fast 64-bit checksum (for damage, not for attacks: the reader checks
 * every offset whatever the checksum says). */
uint64_t snap_checksum(const void *bytes, size_t len);
/* The same, fed in pieces of any length: snap_checksum_start, any number
 * of snap_checksum_add, then snap_checksum_end. */
struct snap_sum {
	uint64_t lane[4];
	uint64_t total;
	unsigned char tail[32];
	size_t tail_len;
};
void snap_checksum_start(struct snap_sum *s);
void snap_checksum_add(struct snap_sum *s, const void *bytes, size_t len);
uint64_t snap_checksum_end(const struct snap_sum *s);

/* The parts checked a block at a time, in the order their sums sit in
 * PART_SUMS (one more part: one more entry). */
extern const enum snap_part snap_blocked_parts[];
extern const size_t snap_blocked_count;
/* The blocks of a part of `size` bytes. */
uint64_t snap_blocks(uint64_t size);

/* Fill in the block checksums (when PART_SUMS has the size they take),
 * then the checksums of every part and of the header of the snapshot in
 * `bytes` (the writer's last step; the fuzzer's way past the checksums).
 * Parts out of bounds are left alone. */
void snap_seal(unsigned char *bytes, size_t len);

#endif
