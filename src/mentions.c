/* mentions.c - a dictionary of entity names, and a longest-match scan of
 * prose for them on word boundaries. */
#include "mentions.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

struct name {
	char *text;
	size_t len;
	size_t order; /* insertion order: the first entity added for a name wins */
	struct entity_ref ref;
};

struct mentions {
	struct name *names;
	size_t count, cap;
	bool sealed;
	/* after sealing: names starting with byte b are [first[b], first[b+1]) */
	size_t first[257];
};

struct mentions *mentions_new(void)
{
	return calloc(1, sizeof(struct mentions));
}

void mentions_free(struct mentions *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->count; i++)
		free(m->names[i].text);
	free(m->names);
	free(m);
}

int mentions_add(struct mentions *m, const char *name, struct entity_ref ref)
{
	if (!name)
		return 0;
	size_t len = strlen(name);
	if (len < 2)
		return 0;
	if (m->count == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct name *g = realloc(m->names, cap * sizeof(*g));
		if (!g)
			return -1;
		m->names = g;
		m->cap = cap;
	}
	char *copy = strdup(name);
	if (!copy)
		return -1;
	m->names[m->count] = (struct name){ copy, len, m->count, ref };
	m->count++;
	m->sealed = false;
	return 0;
}

size_t mentions_count(const struct mentions *m)
{
	return m->count;
}

/* First byte, then longest first (so the first hit is the longest match),
 * then text and insertion order so duplicates sit together, first-added
 * first. */
static int compare_names(const void *a, const void *b)
{
	const struct name *x = a, *y = b;
	unsigned char cx = (unsigned char)x->text[0], cy = (unsigned char)y->text[0];
	if (cx != cy)
		return cx < cy ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	int c = strcmp(x->text, y->text);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

void mentions_seal(struct mentions *m)
{
	if (m->count)
		qsort(m->names, m->count, sizeof(*m->names), compare_names);
	size_t w = 0;
	for (size_t i = 0; i < m->count; i++) {
		if (w > 0 && strcmp(m->names[w - 1].text, m->names[i].text) == 0) {
			free(m->names[i].text);
			continue;
		}
		m->names[w++] = m->names[i];
	}
	m->count = w;
	size_t i = 0;
	for (unsigned b = 0; b <= 256; b++) {
		while (b < 256 && i < m->count && (unsigned char)m->names[i].text[0] < b)
			i++;
		m->first[b] = b < 256 ? i : m->count;
	}
	m->sealed = true;
}

static bool word_char(ucs4_t c)
{
	return uc_is_alnum(c);
}

/* Is there a word character just before `pos`? */
static bool word_before(const char *text, size_t pos)
{
	if (pos == 0)
		return false;
	ucs4_t c;
	const uint8_t *p = u8_prev(&c, (const uint8_t *)text + pos, (const uint8_t *)text);
	return p && word_char(c);
}

static bool word_at(const char *text, size_t pos, size_t len)
{
	if (pos >= len)
		return false;
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)text + pos, len - pos);
	return n > 0 && word_char(c);
}

/* A name that begins or ends with a non-word character ("(2010-2014)")
 * needs no boundary on that side. */
static bool starts_with_word(const struct name *nm)
{
	return word_at(nm->text, 0, nm->len);
}

static bool ends_with_word(const struct name *nm)
{
	return word_before(nm->text, nm->len);
}

long mentions_find(const struct mentions *m, const char *text, struct entity_ref self,
		   struct mention **out)
{
	*out = NULL;
	if (!m->sealed)
		return -1;
	size_t len = strlen(text), n = 0, cap = 0;
	struct mention *v = NULL;
	for (size_t pos = 0; pos < len;) {
		unsigned char b = (unsigned char)text[pos];
		const struct name *hit = NULL;
		bool before = word_before(text, pos);
		for (size_t i = m->first[b]; i < m->first[b + 1] && !hit; i++) {
			const struct name *nm = &m->names[i];
			if (nm->len > len - pos || memcmp(text + pos, nm->text, nm->len) != 0)
				continue;
			if (before && starts_with_word(nm))
				continue;
			if (ends_with_word(nm) && word_at(text, pos + nm->len, len))
				continue;
			hit = nm;
		}
		if (!hit) {
			/* step one character, never into the middle of one */
			int k = u8_mblen((const uint8_t *)text + pos, len - pos);
			pos += k > 0 ? (size_t)k : 1;
			continue;
		}
		bool is_self = hit->ref.kind == self.kind && hit->ref.index == self.index;
		if (!is_self) {
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				struct mention *g = realloc(v, cap * sizeof(*g));
				if (!g) {
					free(v);
					return -1;
				}
				v = g;
			}
			v[n++] = (struct mention){ pos, hit->len, hit->ref };
		}
		pos += hit->len;
	}
	*out = v;
	return (long)n;
}

static int add_list(struct mentions *m, char **names, unsigned count, struct entity_ref ref)
{
	for (unsigned i = 0; i < count; i++)
		if (mentions_add(m, names[i], ref) != 0)
			return -1;
	return 0;
}

struct mentions *mentions_from_report(const struct report *r)
{
	struct mentions *m = mentions_new();
	if (!m)
		return NULL;
	int rc = 0;
	/* Areas and stages first: where a name is shared, the reader should
	 * land on the broadest thing it names. */
	for (size_t i = 0; i < r->areas_count; i++) {
		struct entity_ref ref = { KIND_AREA, (int)i };
		rc |= mentions_add(m, r->areas[i]->title, ref);
		rc |= add_list(m, r->areas[i]->aliases, r->areas[i]->aliases_count, ref);
	}
	for (size_t i = 0; i < r->stages_count; i++)
		rc |= mentions_add(m, r->stages[i]->title, (struct entity_ref){ KIND_STAGE, (int)i });
	for (size_t i = 0; i < r->activities_count; i++) {
		struct entity_ref ref = { KIND_ACTIVITY, (int)i };
		const struct activity *a = r->activities[i];
		rc |= mentions_add(m, a->title, ref);
		rc |= mentions_add(m, a->short_name, ref);
		rc |= add_list(m, a->aliases, a->aliases_count, ref);
	}
	for (size_t i = 0; i < r->meetings_count; i++) {
		struct entity_ref ref = { KIND_MEETING, (int)i };
		rc |= mentions_add(m, r->meetings[i]->title, ref);
		rc |= add_list(m, r->meetings[i]->aliases, r->meetings[i]->aliases_count, ref);
	}
	for (size_t i = 0; i < r->programmes_count; i++) {
		struct entity_ref ref = { KIND_PROGRAMME, (int)i };
		const struct programme *p = r->programmes[i];
		rc |= mentions_add(m, p->title, ref);
		rc |= mentions_add(m, p->short_name, ref);
		rc |= add_list(m, p->aliases, p->aliases_count, ref);
	}
	for (size_t i = 0; i < r->terms_count; i++)
		rc |= mentions_add(m, r->terms[i]->title, (struct entity_ref){ KIND_TERM, (int)i });
	if (rc) {
		mentions_free(m);
		return NULL;
	}
	mentions_seal(m);
	return m;
}
