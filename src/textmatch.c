/* textmatch.c - a query's matches in a text, found by the search core
 * over a unit that holds the text. */
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
	/* a unit of its own, so the search core folds and matches it */
	struct corpus_unit u;
	memset(&u, 0, sizeof(u));
	u.ref = (struct entity_ref){ KIND_SECTION, 0 };
	u.field = "text";
	u.item = -1;
	u.text = text;
	u.area_ix = NO_INDEX;
	if (text_fold(text, &u.folded) != 0)
		return -1;
	struct search_match *v;
	long n = search_unit_matches(q, &u, &v);
	text_folded_free(&u.folded);
	if (n <= 0)
		return n;
	*out = v;
	return (long)merge(v, (size_t)n);
}
