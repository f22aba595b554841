/* yamlcheck.h - a checking pass over a content file with libyaml, beside
 * libcyaml's load (the loader runs both at once and keeps the load only
 * when this finds nothing): syntax, limits and schema conformance, each
 * problem with its real line and column (libcyaml reports neither). */
#ifndef TEMM_YAMLCHECK_H
#define TEMM_YAMLCHECK_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "yamllib.h"

#define YAMLCHECK_MAX_DEPTH 32

/* Check one file's bytes against `schema`; add a diag entry per problem.
 * Returns the number of problems found (0: libcyaml's load of it may be kept). */
int yamlcheck_document(const char *file, const unsigned char *buf, size_t len,
		       const cyaml_schema_value_t *schema, struct diag *d);
/* The same, with a word of its own for a mapping's keys in messages
 * ("unknown setting 'colour'"): a config's keys are not keyboard keys. A
 * CYAML_IGNORE value is not checked (its caller reads it). */
int yamlcheck_document_as(const char *file, const unsigned char *buf, size_t len,
			  const cyaml_schema_value_t *schema, const char *key_word, struct diag *d);
/* The same, reading the file from a stream in small pieces (no copy of the
 * whole file); more than max_bytes is a problem. */
int yamlcheck_stream(const char *file, FILE *fp, size_t max_bytes,
		     const cyaml_schema_value_t *schema, struct diag *d);

/* One step of a path into a document: a mapping key, or (key NULL) a
 * sequence index. */
struct yaml_step {
	const char *key;
	unsigned index;
};

/* Find the 1-based line and column of the node at `path` in `buf`.
 * Returns 0 when found, -1 when not. Used only to place error messages. */
int yamlcheck_locate(const unsigned char *buf, size_t len,
		     const struct yaml_step *path, size_t steps,
		     unsigned *line, unsigned *column);

#endif
