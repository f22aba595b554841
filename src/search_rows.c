/* search_rows.c - folding quoted hits into the paragraphs they quote. */
#include "search_rows.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_paragraph(const struct corpus_unit *u)
{
	return u->ref.kind == KIND_SECTION && strcmp(u->field, "paragraph") == 0;
}

/* Whether a unit's text is a phrase or a sentence the report says (three
 * words or more), not a bare name or acronym ("EANET"), which is what a
 * search for it is after. */
static bool quotes(const char *text)
{
	int spaces = 0;
	for (const char *c = text; *c && spaces < 2; c++)
		spaces += *c == ' ';
	return spaces >= 2;
}

/* The paragraph hit that says unit u's text word for word, in u's
 * section (where the report tells of u's entity), or -1. `first[s]` is the
 * first paragraph hit of section s, `next[i]` the next one after hit i. */
static long quoting(const struct search_results *res, const struct corpus_unit *u, const long *first,
		    const long *next, size_t sections)
{
	if (u->section_ix < 0 || (size_t)u->section_ix >= sections || !u->text || !quotes(u->text))
		return -1;
	for (long p = first[u->section_ix]; p >= 0; p = next[p])
		if (strstr(res->hits[p].unit->text, u->text))
			return p;
	return -1;
}

/* owner[i]: the hit hit i folds into (i itself for a row of its own). */
static int find_owners(const struct search_results *res, size_t *owner)
{
	size_t sections = 0;
	for (size_t i = 0; i < res->count; i++)
		if (res->hits[i].unit->section_ix >= 0 && (size_t)res->hits[i].unit->section_ix + 1 > sections)
			sections = (size_t)res->hits[i].unit->section_ix + 1;
	long *first = malloc((sections + 1) * sizeof(long)), *next = malloc((res->count + 1) * sizeof(long));
	if (!first || !next) {
		free(first);
		free(next);
		return -1;
	}
	for (size_t s = 0; s < sections; s++)
		first[s] = -1;
	/* paragraph hits per section, in rank order */
	for (size_t i = res->count; i-- > 0;) {
		next[i] = -1;
		const struct corpus_unit *u = res->hits[i].unit;
		if (is_paragraph(u) && u->section_ix >= 0) {
			next[i] = first[u->section_ix];
			first[u->section_ix] = (long)i;
		}
	}
	for (size_t i = 0; i < res->count; i++) {
		const struct corpus_unit *u = res->hits[i].unit;
		long p = is_paragraph(u) ? -1 : quoting(res, u, first, next, sections);
		owner[i] = p >= 0 ? (size_t)p : i;
	}
	free(first);
	free(next);
	return 0;
}

int search_rows_build(const struct search_results *res, struct search_rows *out)
{
	memset(out, 0, sizeof(*out));
	size_t n = res->count;
	size_t *owner = malloc((n + 1) * sizeof(size_t)), *row_of = malloc((n + 1) * sizeof(size_t));
	size_t *folded = calloc(n + 1, sizeof(size_t));
	out->rows = malloc((n + 1) * sizeof(*out->rows));
	out->pool = malloc((n + 1) * sizeof(size_t));
	if (!owner || !row_of || !folded || !out->rows || !out->pool || find_owners(res, owner) != 0) {
		free(owner);
		free(row_of);
		free(folded);
		search_rows_free(out);
		return -1;
	}
	/* how many hits fold into each owner */
	for (size_t i = 0; i < n; i++)
		if (owner[i] != i)
			folded[owner[i]]++;
	/* a row goes where its best hit ranks: the first of its hits met */
	const size_t none = (size_t)-1;
	for (size_t i = 0; i < n; i++)
		row_of[i] = none;
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		size_t o = owner[i];
		if (row_of[o] == none) {
			row_of[o] = out->count;
			out->rows[out->count++] = (struct search_row){ o, out->pool + used, 0 };
			used += folded[o];
		}
		if (o != i) {
			struct search_row *row = &out->rows[row_of[o]];
			row->also[row->also_count++] = i;
		}
	}
	free(owner);
	free(row_of);
	free(folded);
	return 0;
}

void search_rows_free(struct search_rows *rows)
{
	free(rows->rows);
	free(rows->pool);
	memset(rows, 0, sizeof(*rows));
}
