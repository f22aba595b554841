/* json_out.h - entities as JSON objects (jansson), for --json output. */
#ifndef TEMM_JSON_OUT_H
#define TEMM_JSON_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "jsonlib.h"
#include "model.h"
#include "present.h"

/* kind, id, title and the kind's list fields (README "JSON fields"), from
 * the model: cheap enough for a row of every entity. New reference; NULL
 * on out of memory. */
json_t *json_entity(const struct report *r, struct entity_ref ref);
/* An entity in full (show): its list fields, its content section, the
 * machine values of its page (each field and list that has a JSON member,
 * see present.h) and its links both ways. */
json_t *json_entity_page(const struct report *r, const struct present_page *p);
/* The same with what links to it found in x (links.h: link_index_new),
 * for a caller that writes every entity. */
struct link_index;
json_t *json_entity_page_indexed(const struct report *r, const struct present_page *p,
				 const struct link_index *x);
/* Print one object as a line and drop the reference. */
void json_print_line(FILE *out, json_t *obj);

#endif
