/* textmatch.c - a query's matches in a text, found by running search_query
 * over a corpus of one unit that holds the text, one term at a time. */
#include "textmatch.h"
#include "corpus.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static int by_start(const void *a, const void *b)
{
	const struct search_match *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Sort and merge overlapping or touching matches: two words can overlap
 * ("dust" and "dust storm"), and a mark is drawn once. */
static size_t merge(struct search_match *v, size_t n)
{
	if (n < 2)
		return n;
	qsort(v, n, sizeof(*v), by_start);
	size_t k = 0;
	for (size_t i = 1; i < n; i++) {
		size_t end = v[k].start + v[k].len;
		if (v[i].start <= end) {
			size_t e2 = v[i].start + v[i].len;
			if (e2 > end)
				v[k].len = e2 - v[k].start;
		} else {
			v[++k] = v[i];
		}
	}
	return k + 1;
}

long textmatch_find(const struct query *q, const char *text, struct search_match **out)
{
	*out = NULL;
	if (!q || !text || !*text)
		return 0;
	struct corpus_unit u;
	memset(&u, 0, sizeof(u));
	u.ref = (struct entity_ref){ KIND_SECTION, 0 };
	u.field = "text";
	u.item = -1;
	u.text = text;
	u.area_ix = NO_INDEX;
	if (text_fold(text, &u.folded) != 0)
		return -1;
	struct corpus c;
	memset(&c, 0, sizeof(c));
	c.units = &u;
	c.count = c.capacity = 1;
	/* the same query with one positive term and no facets at a time */
	struct query one = *q;
	one.terms_count = 1;
	one.kinds = 0;
	one.area_ix = NO_INDEX;
	one.stages = 0;
	one.year_from = one.year_to = 0;
	struct search_match *v = NULL;
	size_t n = 0;
	long rc = 0;
	for (size_t i = 0; i < q->terms_count && rc == 0; i++) {
		if (q->terms[i].negate)
			continue;
		one.terms = &q->terms[i];
		struct search_results res;
		if (search_query(&c, &one, &res) != 0) {
			rc = -1;
			break;
		}
		for (size_t h = 0; h < res.count && rc == 0; h++) {
			const struct search_hit *hit = &res.hits[h];
			struct search_match *g = realloc(v, (n + hit->matches_count + 1) * sizeof(*g));
			if (!g) {
				rc = -1;
				break;
			}
			v = g;
			memcpy(v + n, hit->matches, hit->matches_count * sizeof(*v));
			n += hit->matches_count;
		}
		search_results_free(&res);
	}
	text_folded_free(&u.folded);
	if (rc != 0) {
		free(v);
		return -1;
	}
	n = merge(v, n);
	if (n == 0) {
		free(v);
		v = NULL;
	}
	*out = v;
	return (long)n;
}
