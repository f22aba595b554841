/* json_out.h - entities as JSON objects (jansson), for --json output. */
#ifndef TEMM_JSON_OUT_H
#define TEMM_JSON_OUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "links.h"
#include "model.h"

/* kind, id, title and the kind's list fields; `full` adds every field and
 * the text (for show). New reference; NULL on out of memory. */
json_t *json_entity(const struct report *r, struct entity_ref ref, bool full);
/* The same, with what links to it found in x (links.h) when x is not
 * NULL: for many entities at once. */
json_t *json_entity_indexed(const struct report *r, struct entity_ref ref, bool full,
			    const struct link_index *x);
/* Print one object as a line and drop the reference. */
void json_print_line(FILE *out, json_t *obj);

#endif
