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

/* The fields a link is made by ("section", "parent", "meeting", ...), NULL
 * after the last: a link's field is always one of these pointers. */
extern const char *const link_fields[];

/* What `ref` refers to, in field order. 0 on success. */
int links_from(const struct report *r, struct entity_ref ref, struct link_list *out);
/* What refers to `ref`, in report order. 0 on success. */
int links_to(const struct report *r, struct entity_ref ref, struct link_list *out);
void link_list_free(struct link_list *l);

/* Every link of the report, by what it points to: links_to for each of n
 * entities scans the whole report n times (a JSON dump of 200,000 terms
 * ran for minutes); with the index each answer is found at once. */
struct link_index;
struct link_index *link_index_new(const struct report *r);
void link_index_free(struct link_index *x);
/* What refers to `ref`, in report order, as links_to says. 0 on success. */
int link_index_to(const struct link_index *x, struct entity_ref ref, struct link_list *out);

/* What refers to `ref`, in report order, as links_to says, found the
 * cheapest way there is: in x when given (NULL: none), else in the
 * snapshot r was read from (only the records of `ref` are read), else by
 * links_to's scan (also when the snapshot's index is refused). The one
 * call the pages, `show` and the JSON make. 0 on success. */
int report_links_to(const struct report *r, const struct link_index *x, struct entity_ref ref,
		    struct link_list *out);

#endif
