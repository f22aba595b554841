/* snap_internal.h - what the snapshot's reader (snap_read.c), its lazily
 * read parts (snap_index.c), its key (snap_key.c) and its writer
 * (snap_write.c) share. */
#ifndef TEMM_SNAP_INTERNAL_H
#define TEMM_SNAP_INTERNAL_H

#include "snap_format.h"
#include "snapshot.h"

#include <stdbool.h>
#include <sys/types.h>

/* A part's state: checked the first time it is used. */
enum snap_state { PART_UNCHECKED, PART_GOOD, PART_BAD };

struct snapshot {
	const unsigned char *base; /* the whole file */
	size_t size;
	bool mapped;               /* base is a mapping (else our copy, from memory) */
	int fd;                    /* the file, for checking parts without mapping them; -1: memory */
	char *path;                /* for messages; NULL from memory */
	bool cached;               /* in the cache: a part refused later removes the file */
	dev_t dev;
	ino_t ino;
	struct snap_header head;
	enum snap_state state[PART_COUNT];
	const char *pool;          /* PART_STRINGS, ending in NUL */
	size_t pool_len;
	size_t names_len;          /* its names region: [0, names_len), ending in NUL */
	unsigned char *blocks_good; /* a bit for each block of PART_SUMS: its sum checked */
	unsigned char *blocks_bad;  /* and one for its sum found wrong (in blocks_good's block) */
	unsigned char *text_state; /* each section's text: enum snap_state (snap_text.c) */
	char *dir;                 /* the content it was made from, for its text when a
				    * section's is damaged; NULL: unknown */
	struct report *yaml;       /* that content, loaded then (its text is the model's) */
	bool yaml_tried;
	struct snap_seen *seen;    /* the strings of text checked so far, and their lengths */
	size_t seen_count, seen_cap;
	unsigned text_damaged, text_lost; /* sections whose text was refused; of them, left empty */
	char text_first[64];       /* the first of them, for the message */
	char text_why[256];        /* why the last one left empty was */
	bool told_text;            /* told is about text (rewritten as more is found) */
	void *entities[KIND_COUNT + 1]; /* each kind's structs (the series last), made on
				    * first use (snap_model.c); calloc'd, so an entity
				    * never made costs no memory */
	struct snap_chunk *chunks; /* the lists of the entities made, carved from these */
	size_t lists_used, lists_budget; /* bytes; the budget is what the file's lists take */
	bool ids_refused;          /* its table of ids found damaged: ids are looked for
				    * in the entities (snap_ids.c) */
	unsigned entities_damaged, entities_lost; /* entities refused; of them, shown damaged */
	char entity_first[64];     /* the first of them, for the message */
	char entity_why[256];      /* why the last one shown damaged was */
	size_t emphasis_used;      /* runs the sections made so far name (snap_model.c) */
	bool events_refused;       /* an event refused when made: their order is not sure */
	bool told_entities;        /* told is about entities */
	char told[512];            /* a part refused after opening: none is read from then on */
	bool said;                 /* told is said once */
};

/* The longest string the pool may hold: a content string is at most 64 KiB
 * (SCHEMA_MAX_STRING), and sanitizing it can make it six times longer. */
#define STRING_MAX_BYTES (1u << 20)

/* A string of the text region checked already: its offset + 1 (0: an empty
 * slot of the set) and its length (SNAP_SEEN_BAD: found bad). */
#define SNAP_SEEN_BAD UINT32_MAX
struct snap_seen {
	uint32_t off1, len;
};

/* Fill `why` (a refusal, for the caller's message); false. */
bool snap_fail(char *why, size_t whylen, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* The size of part p's records (1: a pool of bytes). */
size_t snap_part_record(enum snap_part p);

/* Ready the model over a snapshot: its report record read, and its
 * arrays of entities sized, each entity made the first time it is asked
 * for (snapshot_entity). false with why. */
bool snap_build_model(struct snapshot *s, struct report *r, char *why, size_t whylen);

/* The structs and lists of the entities made (snapshot_free). */
void snap_model_free(struct snapshot *s);

/* The content the snapshot was made from, loaded the first time it is
 * needed (for what is found damaged), and only while it is still what the
 * snapshot was made from; NULL with why when it cannot be. */
const struct report *snap_yaml_report(struct snapshot *s, char *why, size_t whylen);

/* Part p's bytes and how many records of `record` bytes it holds (0 when
 * it does not divide: the reader refuses such a file when it opens it). */
const void *snap_part(const struct snapshot *s, enum snap_part p, size_t record, size_t *count);

/* Check part p (its checksum; the strings' text too) the first time it is
 * asked for; true when good. A part found bad later, once the model is in
 * use, is noted in s->told. */
bool snap_check_part(struct snapshot *s, enum snap_part p);

/* Read the string pool (without mapping it) and check that the string at
 * each checks[i].off starts there and is len bytes long (exact) or longer;
 * the first time, the sums of its blocks and every string's text too.
 * Sorts checks. */
struct snap_len_check {
	uint32_t off, len;
	bool exact;
};
bool snap_check_strings(struct snapshot *s, struct snap_len_check *checks, size_t n);

/* Bytes [off, off + len) of part p are good to read: the sums of the
 * blocks they lie in (each checked once) for a part of
 * snap_blocked_parts, else the part's checksum. */
bool snap_check_range(struct snapshot *s, enum snap_part p, uint64_t off, uint64_t len);
/* PART_SUMS: of the size the blocked parts take, its checksum good; the
 * record of which blocks are checked made. false with why. */
bool snap_sums_open(struct snapshot *s, char *why, size_t whylen);

/* Whether a string of the pool may reach a terminal (what the loader's
 * sanitizing leaves). */
bool snap_text_safe(const char *text, size_t len);

/* Note that the snapshot is refused from now on for `what`, and remove it
 * from the cache when it is the cache's (the next start writes it again). */
void snap_refuse_later(struct snapshot *s, const char *what);
/* The same, saying what was done instead (`then`). */
void snap_refuse_then(struct snapshot *s, const char *what, const char *then);

/* Whether the string at `off` is good to read (snap_strings.c): checked
 * the first time, and remembered; *len its length. */
bool snap_string_good(struct snapshot *s, uint32_t off, size_t *len);
/* Whether a string offset names a good string of the pool's names region
 * (SNAP_NONE when `optional`): *out its text, NULL for none. */
bool snap_string(struct snapshot *s, uint32_t off, bool optional, char **out);
/* The same anywhere in the pool (text is checked before it is read). */
bool snap_text_string(const struct snapshot *s, uint32_t off, char **out);

/* Key: the content files of `dir` as the loader reads them (sorted
 * names), with their sizes and modification times, written into a
 * PART_KEY (dir NULL: no files, no directory). */
struct snap_key;
struct snap_key *snap_key_take(const char *dir, bool with_dir, char *why, size_t whylen);
void snap_key_free(struct snap_key *k);
/* Its bytes as PART_KEY holds them; *len their length. */
const unsigned char *snap_key_bytes(const struct snap_key *k, size_t *len);
/* Whether a PART_KEY holds what `dir` holds now: 0 the same, 1 changed
 * (`why` says what), -1 a key that does not parse. A key with an empty
 * directory is for the snapshot beside its content: no path to compare. */
int snap_key_compare(const unsigned char *key, size_t len, const char *dir, char *why,
		     size_t whylen);
/* The snapshot of r, made from the content `key` describes (taken before
 * r was read): its bytes, *len of them; NULL with why. Caller frees. */
unsigned char *snap_build(const struct report *r, const struct snap_key *key, size_t *len,
			  char *why, size_t whylen);

/* Whether a content file was changed in the last moments (a snapshot made
 * now might not see a change made in the same tick of the clock). */
bool snap_key_recent(const struct snap_key *k);

#endif
