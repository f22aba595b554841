/* fuzz_common.h - one fuzz input, run the same way by the libFuzzer
 * harnesses (fuzz_loader.c, fuzz_query.c, fuzz_snapshot.c) and by
 * tests/test_regress.c, which replays every seed and every finding under
 * `make check`. */
#ifndef TEMM_FUZZ_COMMON_H
#define TEMM_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "model.h"

enum fuzz_outcome {
	FUZZ_BROKEN = -1, /* the API broke its contract (e.g. NULL without a diag) */
	FUZZ_REJECTED = 0, /* refused, with a message */
	FUZZ_ACCEPTED = 1, /* loaded / a valid query */
};

/* The report the harnesses run against: $TEMM_CONTENT, else the source
 * tree's content/; aborts if it does not load. */
struct report *fuzz_report_load(void);

/* One content file's bytes -> content_load_memory; a file that loads is
 * then put through what hostile content reaches without a terminal: the
 * search corpus, searches with snippets, and every headless command. */
enum fuzz_outcome fuzz_loader_one(const uint8_t *data, size_t size);

/* One snapshot's bytes -> snapshot_open_memory (its checksums first made
 * right when the last byte is even, so the reader's own checks are what
 * stands between a made-up file and the model); one that is read goes
 * through what fuzz_loader_one puts a loaded report through, the index and
 * names read from the snapshot when they are good, and dump --format=markdown
 * (the emphasis runs). */
enum fuzz_outcome fuzz_snapshot_one(const uint8_t *data, size_t size);

/* One query (up to its first NUL, as from a command line or the browser's
 * prompt) through search_execute, snippets and `temm search` (plain and
 * --json) against a loaded report and its corpus. */
enum fuzz_outcome fuzz_query_one(const struct report *r, const struct corpus *c,
				 const uint8_t *data, size_t size);

#endif
