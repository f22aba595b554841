/* statefile.h - replace a small file atomically, for everything temm keeps
 * under $XDG_STATE_HOME/temm/ (search history, position, marks): a crash
 * or a full disk mid-write leaves the old file whole, never half a file. */
#ifndef TEMM_STATEFILE_H
#define TEMM_STATEFILE_H

#include <stddef.h>
#include <sys/types.h>

/* Write `len` bytes to `path`: into a temporary file beside it, fsync'd,
 * then renamed over it; the directories leading to it are created (mode
 * 0700: state is private). 0 on success; -1 with errno set, and nothing
 * left behind. */
int statefile_write(const char *path, const char *data, size_t len);
/* The same with the file's mode (statefile_write's is 0600). */
int statefile_write_mode(const char *path, const char *data, size_t len, mode_t mode);

/* Read a state file of at most `max` bytes without ever blocking on it
 * (regfile_open). 0 with *text (NUL-terminated; caller frees); 1 when
 * there is no such file (*text NULL); -1 with `why` when it is not a
 * regular file, cannot be read or is larger than `max`. */
int statefile_read(const char *path, size_t max, char **text, char *why, size_t whylen);

/* Given the file's current text (NULL when there is none), the text to
 * write in its place (malloc'd), or NULL with `why` filled to write
 * nothing (a file that is not temm's is left as it is). */
typedef char *statefile_merge_fn(const char *current, void *arg, char *why, size_t whylen);

/* Replace `path` with what `merge` makes of its current text, under a
 * lock held from the read to the rename, so that sessions saving at once
 * each keep what the others wrote (the lock is an flock on the
 * directory that holds it, waited for up to two seconds). A file that cannot be read (not
 * a regular file, unreadable, over `max`) is never replaced. 0 when
 * written; -1 with `why` saying what went wrong. */
int statefile_update(const char *path, size_t max, statefile_merge_fn *merge, void *arg,
		     char *why, size_t whylen);

#endif
