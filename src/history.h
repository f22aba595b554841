/* history.h - the search history that survives restarts: a small text
 * file under $XDG_STATE_HOME/temm/<content key>/, merged with what other
 * sessions wrote and replaced atomically on every save. */
#ifndef TEMM_HISTORY_H
#define TEMM_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#define HISTORY_MAX_ENTRIES 500
#define HISTORY_MAX_LINE 1024
/* A history file temm wrote is at most 500 lines of at most 1 KiB: a
 * bigger one is not read (nor replaced), so a huge file cannot delay the
 * first screen. */
#define HISTORY_MAX_BYTES (HISTORY_MAX_ENTRIES * (HISTORY_MAX_LINE + 1) + 64)

struct history {
	char **items; /* oldest first */
	size_t count, cap;
	size_t fresh;  /* the last `fresh` items were added since the last load or save */
	bool left_alone; /* the file could not be read or is not temm's: never replaced */
};

/* The directory where temm keeps what it remembers of the content in
 * `content_dir`: $XDG_STATE_HOME/temm/<key>/ (else ~/.local/state/...),
 * the key naming the content by its canonical path (state_key), so the
 * state of one content is never read or replaced by a run on another.
 * NULL if neither variable is known. Caller frees. */
char *state_dir_for(const char *content_dir);
/* The key: "content-" and 16 hex digits of a 64-bit FNV-1a hash of the
 * directory's canonical path (realpath; the path as given if it has
 * none). Fills buf (at least 25 bytes). */
void state_key(const char *content_dir, char *buf, size_t len);
/* `name` in that directory; NULL as above. Caller frees. */
char *state_path_for(const char *content_dir, const char *name);
/* The file that temm before per-content keys used: $XDG_STATE_HOME/temm/
 * <name>. Read (never written) when the per-content one does not exist. */
char *state_legacy_path(const char *name);

/* Load `path` into h (empty if the file does not exist). A file that is not
 * a history file, or is damaged, is ignored: h stays empty, 1 is returned
 * and `warn` says why. 0 when loaded; -1 when it cannot be read. Either
 * way a file that is there and was not read is left alone: h->left_alone
 * is set, and history_save then writes nothing. */
int history_load(struct history *h, const char *path, char *warn, size_t warnlen);
/* Append a query (an earlier copy moves to the end). */
int history_add(struct history *h, const char *entry);
/* Save the queries added since the last load or save: under a lock, the
 * file is read again, they are added to what it holds (so two sessions
 * keep each other's searches), and it is replaced atomically (a temporary
 * file, fsync, rename), creating the directory; h becomes what was
 * written. 0 on success, -1 with err saying why (a file left alone is
 * never replaced). */
int history_save(struct history *h, const char *path, char *err, size_t errlen);
void history_free(struct history *h);

#endif
