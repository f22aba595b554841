/* schema.h - the libcyaml schema of one content file (see content/README). */
#ifndef TEMM_SCHEMA_H
#define TEMM_SCHEMA_H

#include <stddef.h>

#include "yamllib.h"

/* Limits that keep a hostile file from costing more than a real one. */
#define SCHEMA_MAX_STRING   65536u  /* bytes in one scalar */
#define SCHEMA_MAX_ENTITIES 200000u /* entries in one top-level list of one file, and
					 * paragraphs in one section */
#define SCHEMA_MAX_ITEMS    10000u  /* entries in a list inside an entity */

extern const cyaml_schema_value_t content_doc_schema;

#endif

struct content_doc;

/* The allocator libcyaml uses for content: plain realloc/free, so that the
 * loader may replace a loaded string with one from malloc. */
void *schema_mem(void *ctx, void *ptr, size_t size);

/* Free one loaded file (NULL is fine). */
void content_doc_free(struct content_doc *doc);

/* Call fn on every string pointer in data, as laid out by schema. fn may
 * replace the string (freeing the old one with free()). */
void schema_visit_strings(const cyaml_schema_value_t *schema, void *data,
			  void (*fn)(char **s, void *ctx), void *ctx);
