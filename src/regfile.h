/* regfile.h - open a file for reading only if it is a regular file. A
 * plain fopen of a FIFO blocks until a writer comes (forever, with a blank
 * screen), and one of a tape or a terminal device may do worse; so every
 * file temm reads by name - content, config, history, state - is opened
 * without blocking, checked with fstat, and only then read. */
#ifndef TEMM_REGFILE_H
#define TEMM_REGFILE_H

#include <stdio.h>
#include <sys/types.h>

/* The open stream ("rb"), or NULL with errno set and `why` saying what is
 * wrong in words ("a FIFO, not a regular file", or strerror). errno is
 * ENOENT for a missing file (callers often ignore that), EISDIR for a
 * directory and EINVAL for any other kind of file. */
FILE *regfile_open(const char *path, char *why, size_t whylen);

/* What kind of file `mode` is, in words ("a FIFO", "a directory"). */
const char *regfile_kind(mode_t mode);

#endif
