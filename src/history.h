/* history.h - the search history that survives restarts: a small text
 * file under $XDG_STATE_HOME/temm/, replaced atomically on every save. */
#ifndef TEMM_HISTORY_H
#define TEMM_HISTORY_H

#include <stddef.h>

#define HISTORY_MAX_ENTRIES 500
#define HISTORY_MAX_LINE 1024

struct history {
	char **items; /* oldest first */
	size_t count, cap;
};

/* $XDG_STATE_HOME/temm/<name>, else ~/.local/state/temm/<name>; NULL if
 * neither is known. Caller frees. */
char *state_path(const char *name);

/* Load `path` into h (empty if the file does not exist). A file that is not
 * a history file, or is damaged, is ignored: h stays empty, 1 is returned
 * and `warn` says why. 0 when loaded; -1 when it cannot be read. */
int history_load(struct history *h, const char *path, char *warn, size_t warnlen);
/* Append a query (an earlier copy moves to the end). */
int history_add(struct history *h, const char *entry);
/* Write h to `path` atomically (a temporary file, fsync, rename), creating
 * the directory. 0 on success, -1 with err filled. */
int history_save(const struct history *h, const char *path, char *err, size_t errlen);
void history_free(struct history *h);

#endif
