/* relations.c - parents and where an entity is told:
 * model logic the browser and the headless commands share. */
#include "relations.h"
#include "links.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct entity_ref relations_none = { KIND_COUNT, NO_INDEX };

static struct entity_ref section_ref(int ix)
{
	return ix >= 0 ? (struct entity_ref){ KIND_SECTION, ix } : relations_none;
}

struct entity_ref relations_parent(const struct report *r, struct entity_ref ref)
{
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return relations_none;
	switch (ref.kind) {
	case KIND_SECTION:
		return section_ref(report_section(r, ref.index)->parent_ix);
	case KIND_ACTIVITY: {
		int a = report_activity(r, ref.index)->area_ix;
		return a >= 0 ? (struct entity_ref){ KIND_AREA, a } : relations_none;
	}
	case KIND_EVENT:
		if (report_event(r, ref.index)->stage_ix >= 0)
			return (struct entity_ref){ KIND_STAGE, report_event(r, ref.index)->stage_ix };
		return section_ref(report_event(r, ref.index)->section_ix);
	case KIND_AREA: {
		/* the list of areas (2.1), not the area's own text */
		int s = report_area(r, ref.index)->section_ix;
		return s >= 0 ? section_ref(report_section(r, s)->parent_ix) : relations_none;
	}
	default:
		return section_ref(report_entity_section(r, ref));
	}
}

/* ---- where an entity is told ---- */

/* The names an entity goes by in prose (as mentions.c adds them). */
struct names {
	const char *one[2];
	char **more;
	unsigned more_count;
};

static struct names names_of(const struct report *r, struct entity_ref ref)
{
	struct names n = { { report_entity_title(r, ref), NULL }, NULL, 0 };
	if (ref.kind == KIND_MEETING) {
		n.more = report_meeting(r, ref.index)->aliases;
		n.more_count = report_meeting(r, ref.index)->aliases_count;
	} else if (ref.kind == KIND_PROGRAMME) {
		n.one[1] = report_programme(r, ref.index)->short_name;
		n.more = report_programme(r, ref.index)->aliases;
		n.more_count = report_programme(r, ref.index)->aliases_count;
	}
	return n;
}

/* Whether a paragraph could name the entity: a quick look before the
 * dictionary's scan, which decides (longest name wins). */
static bool may_name(const char *text, const struct names *n)
{
	for (int i = 0; i < 2; i++)
		if (n->one[i] && strstr(text, n->one[i]))
			return true;
	for (unsigned i = 0; i < n->more_count; i++)
		if (strcmp(n->more[i], n->one[0]) != 0 && strstr(text, n->more[i]))
			return true;
	return false;
}

static unsigned mentions_in(const struct report *r, const struct mentions *m, int section,
			    struct entity_ref ref, const struct names *n)
{
	const struct section *s = report_section_text(r, (size_t)section);
	unsigned count = 0;
	for (unsigned p = 0; p < s->paragraphs_count; p++) {
		if (!may_name(s->paragraphs[p], n))
			continue;
		struct mention *v;
		long found = mentions_find(m, s->paragraphs[p], relations_none, &v);
		for (long i = 0; i < found; i++)
			count += v[i].ref.kind == ref.kind && v[i].ref.index == ref.index;
		free(v);
	}
	return count;
}

/* Per section: mentions in its prose plus the entities naming `ref` that
 * it tells. */
static int most_told(const struct report *r, const struct mentions *m, struct entity_ref ref,
		     int own)
{
	unsigned *score = calloc(r->sections_count, sizeof(*score));
	if (!score)
		return own;
	struct names n = names_of(r, ref);
	for (size_t s = 0; s < r->sections_count; s++)
		score[s] = mentions_in(r, m, (int)s, ref, &n);
	struct link_list in;
	if (report_links_to(r, NULL, ref, &in) == 0) {
		for (size_t i = 0; i < in.count; i++) {
			int s = report_entity_section(r, in.links[i].from);
			if (s >= 0 && in.links[i].from.kind != KIND_SECTION)
				score[s]++;
		}
	}
	link_list_free(&in);
	int best = own;
	unsigned most = own >= 0 ? score[own] : 0;
	for (size_t s = 0; s < r->sections_count; s++) {
		if (score[s] > most) {
			most = score[s];
			best = (int)s;
		}
	}
	free(score);
	return best;
}

int relations_told_in(const struct report *r, const struct mentions *m, struct entity_ref ref)
{
	int own = report_entity_section(r, ref);
	if (ref.kind != KIND_MEETING && ref.kind != KIND_PROGRAMME)
		return own;
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return NO_INDEX;
	struct mentions *built = NULL;
	if (!m) {
		built = mentions_from_report(r);
		if (!built)
			return own;
		m = built;
	}
	int s = most_told(r, m, ref, own);
	mentions_free(built);
	return s;
}
