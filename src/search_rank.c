/* search_rank.c - ordering hits within a tier by how well they match. */
#include "search_rank.h"

#include <stdlib.h>
#include <string.h>

/* A hit's place in the new order: its tier, its score (higher first),
 * then where it was (report order). */
struct ranked {
	size_t at;
	int tier;
	double score;
};

/* How much of a name or field the query's text makes up: the share of its
 * folded length the positive words and phrases cover (1: all of it). */
static double coverage(const struct query *q, const struct corpus_unit *u)
{
	size_t words = 0;
	for (size_t i = 0; i < q->terms_count; i++)
		if (q->terms[i].type == TERM_TEXT && !q->terms[i].negate)
			words += q->terms[i].folded_len;
	size_t len = u->folded.len ? u->folded.len : 1;
	return words >= len ? 1.0 : (double)words / (double)len;
}

/* The positive text terms, as the folded text is searched. */
static size_t text_terms(const struct query *q, const struct query_term **out, size_t most)
{
	size_t n = 0;
	for (size_t i = 0; i < q->terms_count && n < most; i++)
		if (q->terms[i].type == TERM_TEXT && !q->terms[i].negate && q->terms[i].folded_len)
			out[n++] = &q->terms[i];
	return n;
}

/* A passage's score: with several words, how close together they come
 * (the narrowest stretch of text holding all of them: narrower is better);
 * then how often they come. */
static double closeness(const struct query *q, const struct corpus_unit *u)
{
	const struct query_term *t[8];
	size_t n = text_terms(q, t, 8);
	const char *text = u->folded.text;
	if (n == 0 || !text)
		return 0;
	size_t mentions = 0, best = u->folded.len + 1;
	/* from each mention of the first word, the farthest of the others' nearest */
	for (const char *p = strstr(text, t[0]->folded); p; p = strstr(p + 1, t[0]->folded)) {
		mentions++;
		size_t lo = (size_t)(p - text), hi = lo + t[0]->folded_len;
		bool all = true;
		for (size_t k = 1; k < n && all; k++) {
			const char *near = NULL;
			size_t dist = (size_t)-1;
			for (const char *m = strstr(text, t[k]->folded); m; m = strstr(m + 1, t[k]->folded)) {
				size_t at = (size_t)(m - text);
				size_t d = at > lo ? at - lo : lo - at;
				if (d < dist) {
					dist = d;
					near = m;
				}
			}
			if (!near) {
				all = false;
				break;
			}
			size_t s = (size_t)(near - text), e = s + t[k]->folded_len;
			lo = s < lo ? s : lo;
			hi = e > hi ? e : hi;
		}
		if (all && hi - lo < best)
			best = hi - lo;
	}
	/* closeness counts first (in characters of the stretch), mentions after */
	double close = n > 1 ? 1.0 / (double)(best + 1) : 0;
	return close * 1e6 + (double)mentions;
}

static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

int search_rank(struct search_results *res)
{
	const struct query *q = res->query;
	if (!q || res->count < 2)
		return 0;
	struct ranked *r = malloc(res->count * sizeof(*r));
	struct search_hit *hits = malloc(res->count * sizeof(*hits));
	if (!r || !hits) {
		free(r);
		free(hits);
		return -1;
	}
	size_t prose = 0;
	for (size_t i = 0; i < res->count; i++)
		prose += res->hits[i].unit->tier == TIER_PROSE;
	for (size_t i = 0; i < res->count; i++) {
		const struct corpus_unit *u = res->hits[i].unit;
		double score = 0;
		if (u->tier != TIER_PROSE)
			score = coverage(q, u);
		else if (prose <= SEARCH_RANK_PROSE_MAX)
			score = closeness(q, u);
		r[i] = (struct ranked){ i, (int)u->tier, score };
	}
	qsort(r, res->count, sizeof(*r), by_rank);
	for (size_t i = 0; i < res->count; i++)
		hits[i] = res->hits[r[i].at];
	memcpy(res->hits, hits, res->count * sizeof(*hits));
	free(hits);
	free(r);
	return 0;
}
