/* search.c - substring search over the folded corpus, ranked by tier. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

static int add_match(struct search_hit *h, size_t start, size_t len)
{
	struct search_match *m = realloc(h->matches, (h->matches_count + 1) * sizeof(*m));
	if (!m)
		return -1;
	h->matches = m;
	m[h->matches_count++] = (struct search_match){ start, len };
	return 0;
}

/* All matches of the folded needle in one unit, mapped back to the text. */
static int match_unit(const struct corpus_unit *u, const char *needle, size_t nlen,
		      struct search_hit *h)
{
	const char *hay = u->folded.text;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + nlen, needle)) {
		size_t fs = (size_t)(p - hay), fe = fs + nlen;
		size_t start = u->folded.origin[fs];
		/* end at the end of the original character holding the last byte */
		size_t end = u->folded.origin[fe];
		while (fe < u->folded.len && u->folded.origin[fe] == u->folded.origin[fe - 1])
			end = u->folded.origin[++fe];
		if (end <= start)
			end = start + 1;
		if (add_match(h, start, end - start) != 0)
			return -1;
	}
	return 0;
}

static int by_tier(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;
	if (x->unit->tier != y->unit->tier)
		return (int)x->unit->tier - (int)y->unit->tier;
	return x->unit < y->unit ? -1 : x->unit > y->unit; /* report order */
}

int search_run(const struct corpus *c, const char *query, struct search_results *out)
{
	struct folded q;
	memset(out, 0, sizeof(*out));
	if (!query || !*query || text_fold(query, &q) != 0)
		return -1;
	size_t cap = 0;
	int rc = 0;
	for (size_t i = 0; i < c->count && rc == 0; i++) {
		struct search_hit h = { &c->units[i], NULL, 0 };
		if (match_unit(&c->units[i], q.text, q.len, &h) != 0)
			rc = -1;
		if (h.matches_count == 0 || rc != 0) {
			free(h.matches);
			continue;
		}
		if (out->count == cap) {
			cap = cap ? cap * 2 : 64;
			struct search_hit *g = realloc(out->hits, cap * sizeof(*g));
			if (!g) {
				free(h.matches);
				rc = -1;
				break;
			}
			out->hits = g;
		}
		out->hits[out->count++] = h;
	}
	text_folded_free(&q);
	if (rc != 0) {
		search_results_free(out);
		return -1;
	}
	if (out->count)
		qsort(out->hits, out->count, sizeof(*out->hits), by_tier);
	return 0;
}

void search_results_free(struct search_results *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->hits[i].matches);
	free(r->hits);
	memset(r, 0, sizeof(*r));
}

/* Start of the character before byte offset i. */
static size_t char_before(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80);
	return i;
}

int search_snippet(const struct search_hit *h, int width, struct snippet *out)
{
	const char *s = h->unit->text;
	size_t len = strlen(s);
	size_t ms = h->matches_count ? h->matches[0].start : 0;
	size_t ml = h->matches_count ? h->matches[0].len : 0;
	const char *dots = "...";
	memset(out, 0, sizeof(*out));
	if (width < 8)
		width = 8;
	/* Give about a third of the room to the words before the match. */
	size_t start = ms;
	int lead = (width - text_width(s + ms, ml)) / 3;
	while (start > 0 && lead > 0) {
		size_t prev = char_before(s, start);
		lead -= text_width(s + prev, start - prev);
		if (lead < 0)
			break;
		start = prev;
	}
	if (start > 0) /* begin on a word */
		while (start < ms && s[start - 1] != ' ')
			start++;
	int room = width - (start > 0 ? 3 : 0);
	int used;
	size_t take = text_fit(s + start, len - start, room, &used);
	bool cut = start + take < len;
	if (cut) {
		take = text_fit(s + start, len - start, room - 3, &used);
	}
	size_t size = 3 + take + 3 + 1;
	out->text = malloc(size);
	if (!out->text)
		return -1;
	out->text[0] = '\0';
	if (start > 0)
		strcat(out->text, dots);
	size_t prefix = strlen(out->text);
	memcpy(out->text + prefix, s + start, take);
	out->text[prefix + take] = '\0';
	if (cut)
		strcat(out->text, dots);
	if (ms >= start && ms < start + take) {
		out->match_start = prefix + (ms - start);
		out->match_len = ms + ml <= start + take ? ml : start + take - ms;
	}
	return 0;
}

void snippet_free(struct snippet *s)
{
	free(s->text);
	memset(s, 0, sizeof(*s));
}
