/* loader_internal.h - what the loader shares with its validation pass. */
#ifndef TEMM_LOADER_INTERNAL_H
#define TEMM_LOADER_INTERNAL_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>

struct content_file {
	char *path;
	bool readable;         /* a regular file within the size limit */
	unsigned char *bytes;  /* its bytes, when loaded from memory or needed to place a problem */
	size_t len;
	/* Filled by the two passes over the file, which may run at the same
	 * time on different threads: each writes only its own fields. */
	struct diag check;     /* the checking pass's problems, with positions */
	struct content_doc *doc; /* libcyaml's load, tidied; NULL if it failed */
	char load_error[320];  /* why libcyaml could not load it */
};

struct load_ctx {
	struct content_file *files;
	size_t files_count;
	struct report *report;
	struct diag *diag;
	unsigned placed; /* problems given a position so far: each re-reads its file */
};

/* The whole file, for placing a problem found after loading (an error
 * path: it is read again then). NULL if it cannot be read. */
const unsigned char *load_file_bytes(struct content_file *f);

/* load_problem's kind for the declared meeting series, which are not
 * entities (no id in the entities' table, no page of their own). */
#define LOAD_SERIES KIND_COUNT

/* Report a problem with entity `index` of `kind`, placed at its field `key`
 * (NULL: the entity itself) and, for a list field, item `item` (-1: none). */
void load_problem(struct load_ctx *ctx, enum entity_kind kind, size_t index, const char *key,
		  int item, const char *fmt, ...) DIAG_PRINTF(6, 7);

/* Resolve every reference, check every rule; returns the number of problems. */
int validate_report(struct load_ctx *ctx);

#endif
