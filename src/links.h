/* links.h - the references between entities, both ways: what an entity
 * names (its section, area, meeting...) and what names it. */
#ifndef TEMM_LINKS_H
#define TEMM_LINKS_H

#include "model.h"

struct link {
	const char *field; /* "section", "area", "links", ... */
	struct entity_ref from, to;
};

struct link_list {
	struct link *links;
	size_t count, cap;
};

/* What `ref` refers to, in field order. 0 on success. */
int links_from(const struct report *r, struct entity_ref ref, struct link_list *out);
/* What refers to `ref`, in report order. 0 on success. */
int links_to(const struct report *r, struct entity_ref ref, struct link_list *out);
void link_list_free(struct link_list *l);

#endif
