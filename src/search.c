/* search.c - substring search over the folded corpus, ranked by tier. */
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add_match(struct search_hit *h, size_t start, size_t len)
{
	if (h->matches_count == h->matches_capacity) {
		/* a one-letter query matches hundreds of times in a paragraph */
		size_t cap = h->matches_capacity ? h->matches_capacity * 2 : 4;
		struct search_match *m = realloc(h->matches, cap * sizeof(*m));
		if (!m)
			return -1;
		h->matches = m;
		h->matches_capacity = cap;
	}
	h->matches[h->matches_count++] = (struct search_match){ start, len };
	return 0;
}

/* Map a match in the folded text back to whole characters of the text. */
static void unfold(const struct corpus_unit *u, size_t fs, size_t fe, size_t *start, size_t *end)
{
	*start = u->folded.origin[fs];
	while (fe < u->folded.len && u->folded.origin[fe] == u->folded.origin[fe - 1])
		fe++;
	*end = u->folded.origin[fe];
	if (*end <= *start)
		*end = *start + 1;
}

/* Every occurrence of a text term; `h` NULL only asks whether there is one. */
static int find_text(const struct corpus_unit *u, const struct query_term *t, bool exact,
		     struct search_hit *h)
{
	const char *hay = exact ? u->text : u->folded.text;
	const char *needle = exact ? t->text : t->folded;
	size_t nlen = exact ? strlen(t->text) : t->folded_len;
	int found = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + nlen, needle)) {
		found = 1;
		if (!h)
			break;
		size_t start = (size_t)(p - hay), end = start + nlen;
		if (!exact)
			unfold(u, start, end, &start, &end);
		if (add_match(h, start, end - start) != 0)
			return -1;
	}
	return found;
}

static int find_regex(const struct corpus_unit *u, const struct query_term *t,
		      struct search_hit *h)
{
	const char *s = u->text;
	size_t len = strlen(s), at = 0;
	int found = 0;
	while (at <= len) {
		regmatch_t m;
		if (regexec(&t->regex, s + at, 1, &m, at ? REG_NOTBOL : 0) != 0)
			break;
		found = 1;
		if (!h)
			break;
		size_t start = at + (size_t)m.rm_so, end = at + (size_t)m.rm_eo;
		if (end > start && add_match(h, start, end - start) != 0)
			return -1;
		/* step past an empty match by a whole character */
		at = end > start ? end : end + 1;
		while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
			at++;
	}
	return found;
}

static bool facets_pass(const struct corpus_unit *u, const struct query *q)
{
	if (q->kinds && !(q->kinds & (1u << u->ref.kind)))
		return false;
	if (q->area_ix != NO_INDEX && u->area_ix != q->area_ix)
		return false;
	if (q->stages && !(q->stages & u->stages))
		return false;
	if (q->year_from && (!u->year_from || u->year_to < q->year_from || u->year_from > q->year_to))
		return false;
	return true;
}

static int by_start(const void *a, const void *b)
{
	const struct search_match *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* 1 if the unit matches (h gets every match of the positive terms), 0 if
 * not, -1 on out of memory. */
static int match_unit(const struct corpus_unit *u, const struct query *q, struct search_hit *h)
{
	if (!facets_pass(u, q))
		return 0;
	for (size_t i = 0; i < q->terms_count; i++) {
		const struct query_term *t = &q->terms[i];
		struct search_hit *into = t->negate ? NULL : h;
		int found = t->type == TERM_REGEX ? find_regex(u, t, into)
						  : find_text(u, t, q->case_sensitive, into);
		if (found < 0)
			return -1;
		if (found == t->negate)
			return 0;
	}
	if (h->matches_count > 1)
		qsort(h->matches, h->matches_count, sizeof(*h->matches), by_start);
	return 1;
}

static int by_rank(const void *a, const void *b)
{
	const struct corpus_unit *x = ((const struct search_hit *)a)->unit;
	const struct corpus_unit *y = ((const struct search_hit *)b)->unit;
	if (x->tier != y->tier)
		return (int)x->tier - (int)y->tier;
	if (x->section_ix != y->section_ix)
		return x->section_ix < y->section_ix ? -1 : 1;
	return x < y ? -1 : x > y; /* corpus order */
}

static int push_hit(struct search_results *out, size_t *cap, struct search_hit *h)
{
	if (out->count == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		struct search_hit *g = realloc(out->hits, *cap * sizeof(*g));
		if (!g)
			return -1;
		out->hits = g;
	}
	out->hits[out->count++] = *h;
	return 0;
}

static bool same_entity(const struct corpus_unit *a, const struct corpus_unit *b)
{
	return a->ref.kind == b->ref.kind && a->ref.index == b->ref.index;
}

int search_query(const struct corpus *c, const struct query *q, struct search_results *out)
{
	size_t cap = 0;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < c->count; i++) {
		const struct corpus_unit *u = &c->units[i];
		/* an entity's units are adjacent: once one matched, skip the rest */
		if (out->count && u->ref.kind != KIND_SECTION &&
		    same_entity(out->hits[out->count - 1].unit, u))
			continue;
		struct search_hit h = { u, NULL, 0, 0 };
		int rc = match_unit(u, q, &h);
		if (rc == 1 && push_hit(out, &cap, &h) == 0)
			continue;
		free(h.matches);
		if (rc != 0) {
			search_results_free(out);
			return -1;
		}
	}
	if (out->count > 1)
		qsort(out->hits, out->count, sizeof(*out->hits), by_rank);
	return 0;
}

int search_execute(const struct corpus *c, const char *text, struct search_results *out,
		   char *err, size_t errlen)
{
	struct query q;
	char msg[256];
	memset(out, 0, sizeof(*out));
	int rc = query_parse(c->report, text ? text : "", &q, msg, sizeof(msg));
	if (rc == 0)
		rc = search_query(c, &q, out);
	else if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	query_free(&q);
	return rc;
}

int search_run(const struct corpus *c, const char *text, struct search_results *out)
{
	return search_execute(c, text, out, NULL, 0);
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
	/* Start at the beginning when the match shows from there; else give
	 * about a third of the room to the words before the match. */
	size_t start = text_width(s, ms + ml) <= width - 3 ? 0 : ms;
	int lead = (width - text_width(s + ms, ml)) / 3;
	while (start > 0 && lead > 0) {
		size_t prev = char_before(s, start);
		lead -= text_width(s + prev, start - prev);
		if (lead < 0)
			break;
		start = prev;
	}
	/* A match near the end leaves room after it: use it for the words
	 * before, so a long title ends its line rather than a third of it. */
	int tail = start > 0 ? text_width(s + start, len - start) : 0;
	while (start > 0 && tail < width - 3) {
		size_t prev = char_before(s, start);
		int w = text_width(s + prev, start - prev);
		if (tail + w > width - 3)
			break;
		tail += w;
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
	out->marks = calloc(h->matches_count + 1, sizeof(*out->marks));
	if (!out->marks)
		return -1;
	for (size_t i = 0; i < h->matches_count; i++) {
		size_t a = h->matches[i].start, b = a + h->matches[i].len;
		if (a < start || a >= start + take)
			continue;
		if (b > start + take)
			b = start + take;
		out->marks[out->marks_count++] = (struct search_match){ prefix + a - start, b - a };
	}
	return 0;
}

void snippet_free(struct snippet *s)
{
	free(s->text);
	free(s->marks);
	memset(s, 0, sizeof(*s));
}
