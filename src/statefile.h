/* statefile.h - replace a small file atomically, for everything temm keeps
 * under $XDG_STATE_HOME/temm/ (search history, position, marks): a crash
 * or a full disk mid-write leaves the old file whole, never half a file. */
#ifndef TEMM_STATEFILE_H
#define TEMM_STATEFILE_H

#include <stddef.h>

/* Write `len` bytes to `path`: into a temporary file beside it, fsync'd,
 * then renamed over it; the directories leading to it are created (mode
 * 0700: state is private). 0 on success; -1 with errno set, and nothing
 * left behind. */
int statefile_write(const char *path, const char *data, size_t len);

#endif
