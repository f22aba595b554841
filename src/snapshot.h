/* snapshot.h - the compiled snapshot of a content directory: after a
 * successful load, the validated model, its search index (corpus.h) and
 * its names dictionary (mentions.h) go into one file, and later starts map
 * that file read-only instead of parsing the YAML (as terminfo's compiled
 * entries, man-db's index and fontconfig's cache are used). The text and
 * the index stay in the mapping - in the page cache, shared between every
 * session - and only what is used is read. The layout is snap_format.h.
 *
 * A snapshot is untrusted: it is refused, in one line on the `note`
 * stream, when it is stale (a content file's name, size or modification
 * time changed, or one was added or removed), of another version, damaged
 * (a checksum) or inconsistent (any offset, count or index out of range),
 * and temm then reads the YAML as it does without one. Where it is kept:
 * the installed content's in $(pkglibdir)/content.snapshot (written by
 * `make install`; the writer's byte order makes it architecture-dependent
 * data, so not under $(datadir)), any other in $XDG_CACHE_HOME/temm/ (written
 * by temm after it read the YAML, atomically: a temporary file renamed). */
#ifndef TEMM_SNAPSHOT_H
#define TEMM_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"

struct corpus;
struct mentions;

enum snapshot_use {
	SNAPSHOT_OFF,       /* the YAML only */
	SNAPSHOT_INSTALLED, /* the installed snapshot when it is valid; nothing written (kiosk) */
	SNAPSHOT_CACHE,     /* the installed one, else the cache's; the cache written after
			     * the YAML was read */
};

/* What a run uses: kiosk reads only the installed snapshot; `check` and
 * `snapshot` read the YAML themselves; TEMM_SNAPSHOT=off turns it off. */
enum snapshot_use snapshot_use_for(bool kiosk, const char *command);

/* The report in `dir`, from a valid snapshot, else from the YAML
 * (content_load: NULL with the problems in d). What is refused or cannot
 * be written is said on `note`, one line each; TEMM_SNAPSHOT=verbose also
 * says which snapshot was read or written. The one call the browser, the
 * commands and the bench make. */
struct report *snapshot_load(const char *dir, enum snapshot_use use, struct diag *d, FILE *note);

/* Read the YAML in `dir` and write its snapshot to `path` (NULL: the
 * cache's), atomically. A snapshot written to a path of one's choosing
 * belongs to the directory it is put beside, wherever that is (make
 * install writes one into a staging directory). 0, or -1 with the content's
 * problems in d or why it could not be written in `why`. */
int snapshot_make(const char *dir, const char *path, struct diag *d, char *why, size_t whylen);

/* The snapshot in file `path`, for the content in `dir` (whose files must
 * be what the snapshot was made from; dir NULL: not checked). NULL with
 * the reason in `why`. */
struct report *snapshot_open(const char *path, const char *dir, char *why, size_t whylen);
/* The same for a snapshot's bytes in memory (copied; the fuzzer's way in). */
struct report *snapshot_open_memory(const void *bytes, size_t len, char *why, size_t whylen);

/* The snapshot's bytes for report r as `dir` holds it (dir NULL: a key of
 * no files); *len their length. NULL on out of memory or a model the
 * format cannot hold, with why. Caller frees. */
unsigned char *snapshot_build(const struct report *r, const char *dir, size_t *len, char *why,
			      size_t whylen);

/* Where the cache keeps the snapshot of `dir`, or NULL (no cache
 * directory known: neither $XDG_CACHE_HOME nor $HOME). Caller frees. */
char *snapshot_cache_path(const char *dir);

/* For corpus_new and mentions_from_report: the index and the dictionary
 * of a report read from a snapshot, checked the first time they are used;
 * NULL when that part of the file is refused (then they are built from the
 * model, and the refusal is said by snapshot_tell). */
struct corpus *snapshot_corpus(const struct report *r);
struct mentions *snapshot_mentions(const struct report *r);
/* For corpus_text_good and corpus_texts_good: whether unit i of an index
 * snapshot_corpus made has a good text (its string's blocks, end and text,
 * its length, and the string its entity's record holds for its field: no
 * entity is made), checked once; whether
 * every unit's string is good to read (the pool checked whole, once).
 * false: the snapshot is refused from then on (said by snapshot_tell). */
bool snapshot_unit_text(const struct corpus *c, size_t i);
bool snapshot_corpus_texts(const struct corpus *c);
/* For report_links_to (links.h): what refers to `ref`, from the index of
 * backlinks of the snapshot r was read from; only ref's records are read,
 * each checked. 0 with `out` filled; 1 with `out` empty when the snapshot
 * cannot say (that index refused, now or before, or any part refused
 * since opening: snapshot_tell says so), and the caller scans the model;
 * -1 out of memory. */
struct link_list;
int snapshot_links_to(const struct report *r, struct entity_ref ref, struct link_list *out);
/* For report_section_text: section ix's paragraphs and emphasis, checked
 * the first time they are read (opening does not read the prose); when
 * damaged, replaced by the YAML's (or left empty when it cannot be read),
 * and that said by snapshot_tell. */
void snapshot_section_text(const struct report *r, size_t ix);
/* What was refused after the snapshot was opened, one line, once (main
 * calls it when the run is over: the browser may have had the terminal). */
void snapshot_tell(const struct report *r, FILE *note);

/* The mapping and the structs of a report read from a snapshot (report_free). */
void snapshot_free(struct snapshot *s);

#endif
