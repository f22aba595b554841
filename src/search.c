/* search.c - substring search over the folded corpus, ranked by tier. */
#include "search.h"
#include "grow.h"
#include "parallel.h"
#include "search_rank.h"
#include "text.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The matches of one unit as they are found. */
struct match_list {
	struct search_match *v;
	size_t count, capacity;
};

static int add_match(struct match_list *l, size_t start, size_t len)
{
	/* a one-letter query matches hundreds of times in a paragraph */
	if (grow(&l->v, &l->capacity, l->count, sizeof(*l->v), 4) != 0)
		return -1;
	l->v[l->count++] = (struct search_match){ start, len };
	return 0;
}

/* Map a match in the folded text back to whole characters of the text. */
static void unfold(const struct corpus_unit *u, size_t fs, size_t fe, size_t *start, size_t *end)
{
	const struct folded *f = &u->folded;
	*start = folded_origin(f, fs);
	while (fe < f->len && folded_origin(f, fe) == folded_origin(f, fe - 1))
		fe++;
	*end = folded_origin(f, fe);
	if (*end <= *start)
		*end = *start + 1;
}

/* Whether the original text of a match reads as the term does, case kept
 * (its accents set aside): a query with an upper-case letter matches the
 * folded text, then keeps what has its case. */
static bool same_case(const char *text, size_t start, size_t end, const char *stripped)
{
	size_t len = end - start;
	bool ascii = true;
	for (size_t i = start; i < end && ascii; i++)
		ascii = (unsigned char)text[i] < 0x80;
	if (ascii)
		return strlen(stripped) == len && memcmp(text + start, stripped, len) == 0;
	char *s = text_strip_marks(text + start, len);
	bool same = s && strcmp(s, stripped) == 0;
	free(s);
	return same;
}

/* Every occurrence of a text term into l; `l` NULL only asks whether there
 * is one, and stops at it. 1 found, 0 not, -1 out of memory. */
static int find_text(const struct corpus_unit *u, const struct query_term *t, bool exact,
		     struct match_list *l)
{
	const char *hay = u->folded.text, *needle = t->folded;
	size_t nlen = t->folded_len;
	int found = 0;
	for (const char *p = strstr(hay, needle); p;) {
		size_t start, end;
		unfold(u, (size_t)(p - hay), (size_t)(p - hay) + nlen, &start, &end);
		if (exact && !same_case(u->text, start, end, t->stripped)) {
			p = strstr(p + 1, needle);
			continue;
		}
		found = 1;
		if (!l)
			break;
		if (add_match(l, start, end - start) != 0)
			return -1;
		p = strstr(p + nlen, needle);
	}
	return found;
}

/* Every match of a regex term into l (or, `l` NULL, whether there is
 * one). 1 found, 0 not, -1 out of memory, or the meter's RX_STOPPED /
 * RX_TOO_COSTLY. */
static int find_regex(const struct corpus_unit *u, const struct query_term *t,
		      struct match_list *l, struct rx_meter *m)
{
	const char *s = u->text;
	size_t len = strlen(s), at = 0;
	if (!l)
		return rx_test(t->rx, s, len, m);
	int found = 0;
	while (at <= len) {
		size_t start, end;
		int rc = rx_find(t->rx, s, len, at, m, &start, &end);
		if (rc < 0)
			return found ? found : rc;
		if (rc == 0)
			break;
		found = 1;
		if (end > start && add_match(l, start, end - start) != 0)
			return -1;
		/* step past an empty match by a whole character */
		at = end > start ? end : end + 1;
		while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
			at++;
	}
	return found;
}

static int find_term(const struct corpus_unit *u, const struct query *q, const struct query_term *t,
		     struct match_list *l, struct rx_meter *m)
{
	return t->type == TERM_REGEX ? find_regex(u, t, l, m) : find_text(u, t, q->case_sensitive, l);
}

static bool facets_pass(const struct corpus *c, const struct corpus_unit *u, const struct query *q)
{
	if (q->kinds && !(q->kinds & (1u << u->ref.kind)))
		return false;
	if (q->area_ix != NO_INDEX && !corpus_unit_in_area(c, u, q->area_ix))
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

/* Whether the unit holds the query: 1, 0, or the meter's reason to end
 * the search (< 0). Only the first occurrence of each term is looked
 * for: where the matches are is found later, for the hits that are shown
 * (search_hit_fill). */
static int match_unit(const struct corpus *c, const struct corpus_unit *u, const struct query *q,
		      struct rx_meter *m)
{
	if (rx_meter_charge(m, 1) != RX_OK) /* a chance to stop between units */
		return m->status;
	if (!facets_pass(c, u, q))
		return 0;
	for (size_t i = 0; i < q->terms_count; i++) {
		const struct query_term *t = &q->terms[i];
		int rc = find_term(u, q, t, NULL, m);
		if (rc < 0)
			return m->status ? m->status : rc;
		if (rc == t->negate)
			return 0;
	}
	return 1;
}

/* The work of one search, shared by its threads: each counts its own
 * steps (struct worker's meter) and adds them here when it polls. */
struct budget {
	atomic_ullong used;
	unsigned long long limit;
	const struct search_stop *stop;
	atomic_int status; /* 0, SEARCH_STOPPED or SEARCH_TOO_COSTLY */
};

struct worker {
	struct rx_meter m;
	struct budget *b;
	unsigned long long reported;
};

/* Add the worker's new steps to the search's; past the limit, the search
 * is too costly. The search's status. */
static int worker_account(struct worker *w)
{
	struct budget *b = w->b;
	unsigned long long mine = w->m.used - w->reported;
	int none = 0;
	w->reported = w->m.used;
	if (atomic_fetch_add(&b->used, mine) + mine > b->limit)
		atomic_compare_exchange_strong(&b->status, &none, SEARCH_TOO_COSTLY);
	return atomic_load(&b->status);
}

/* The meter's poll: the budget, then whether the caller wants to stop. */
static bool worker_poll(void *arg)
{
	struct worker *w = arg;
	struct budget *b = w->b;
	int none = 0;
	if (worker_account(w) == 0 && b->stop && b->stop->stop && b->stop->stop(b->stop->arg))
		atomic_compare_exchange_strong(&b->status, &none, SEARCH_STOPPED);
	return atomic_load(&b->status) != 0;
}

static void budget_init(struct budget *b, unsigned long long limit, const struct search_stop *stop)
{
	atomic_init(&b->used, 0);
	b->limit = limit;
	b->stop = stop;
	atomic_init(&b->status, 0);
}

static void worker_init(struct worker *w, struct budget *b)
{
	w->b = b;
	w->reported = 0;
	/* the meter itself never runs out: the budget, shared, does */
	rx_meter_init(&w->m, ~0ull, worker_poll, w);
}

long search_unit_matches(const struct query *q, const struct corpus_unit *u,
			 struct search_match **out)
{
	struct match_list l = { NULL, 0, 0 };
	struct budget b;
	struct worker w;
	budget_init(&b, SEARCH_UNIT_STEPS, NULL);
	worker_init(&w, &b);
	*out = NULL;
	for (size_t i = 0; q && i < q->terms_count; i++) {
		if (!q->terms[i].negate && find_term(u, q, &q->terms[i], &l, &w.m) == -1) {
			free(l.v);
			return -1;
		}
	}
	if (l.count > 1)
		qsort(l.v, l.count, sizeof(*l.v), by_start);
	*out = l.v;
	return (long)l.count;
}

static int push_hit(struct search_results *out, size_t *cap, const struct corpus_unit *u)
{
	if (grow(&out->hits, cap, out->count, sizeof(*out->hits), 64) != 0)
		return -1;
	out->hits[out->count++] = (struct search_hit){ u, NULL, 0, false };
	return 0;
}

/* A bit per entity: whether it gave a hit already. Its units are not
 * adjacent in rank order (a title ranks before a field of the same
 * entity), so the first of them that matches is found this way. */
struct seen {
	unsigned char *bits;
	size_t base[KIND_COUNT]; /* the bit of each kind's first entity */
};

static int seen_init(struct seen *s, const struct report *r)
{
	size_t n = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		s->base[k] = n;
		n += report_count(r, (enum entity_kind)k);
	}
	s->bits = calloc(n / 8 + 1, 1);
	return s->bits ? 0 : -1;
}

static bool seen_has(const struct seen *s, struct entity_ref ref)
{
	size_t bit = s->base[ref.kind] + (size_t)ref.index;
	return s->bits[bit / 8] & (1u << (bit % 8));
}

static void seen_add(struct seen *s, struct entity_ref ref)
{
	size_t bit = s->base[ref.kind] + (size_t)ref.index;
	s->bits[bit / 8] |= (unsigned char)(1u << (bit % 8));
}

/* Hit u, unless it is an entity that gave one already (sections give a
 * hit per unit). 0, or -1 on out of memory. */
static int take_hit(struct search_results *out, size_t *cap, struct seen *seen,
		    const struct corpus_unit *u)
{
	if (u->ref.kind != KIND_SECTION) {
		if (seen_has(seen, u->ref))
			return 0;
		seen_add(seen, u->ref);
	}
	return push_hit(out, cap, u);
}

/* In rank order, so the hits come out ranked and an entity's first
 * matching unit is its best. */
static int search_serial(const struct corpus *c, const struct query *q,
			 struct search_results *out, size_t *cap, struct seen *seen, struct budget *b)
{
	struct worker w;
	worker_init(&w, b);
	if (worker_poll(&w)) /* asked to stop before it began */
		return atomic_load(&b->status);
	for (size_t i = 0; i < c->count; i++) {
		const struct corpus_unit *u = &c->units[c->rank[i]];
		if (u->ref.kind != KIND_SECTION && seen_has(seen, u->ref))
			continue; /* its best unit matched already */
		int rc = match_unit(c, u, q, &w.m);
		if (rc < 0) {
			rc = worker_account(&w);
			return rc ? rc : -1;
		}
		if (rc && take_hit(out, cap, seen, u) != 0)
			return -1;
	}
	return worker_account(&w);
}

/* A big index is searched on every core: each takes slices of the rank
 * order and keeps where the units that match are; the slices are then put
 * together in order. A small one is quicker on one thread
 * (corpus->parallel_from). */
#define SEARCH_SLICES 16

struct slice {
	uint32_t *pos; /* rank positions of the units that match */
	size_t count, cap;
};

struct slice_job {
	const struct corpus *c;
	const struct query *q;
	size_t per; /* rank positions in a slice */
	struct slice s[SEARCH_SLICES];
	atomic_bool failed;
	struct budget *b;
};

static void match_slice(size_t k, void *arg)
{
	struct slice_job *job = arg;
	struct slice *s = &job->s[k];
	size_t end = (k + 1) * job->per < job->c->count ? (k + 1) * job->per : job->c->count;
	struct worker w;
	worker_init(&w, job->b);
	if (worker_poll(&w))
		return;
	for (size_t i = k * job->per; i < end; i++) {
		int rc = match_unit(job->c, &job->c->units[job->c->rank[i]], job->q, &w.m);
		if (rc < 0) {
			if (!worker_account(&w))
				atomic_store(&job->failed, true);
			return;
		}
		if (!rc)
			continue;
		if (grow(&s->pos, &s->cap, s->count, sizeof(*s->pos), 256) != 0) {
			atomic_store(&job->failed, true);
			return;
		}
		s->pos[s->count++] = (uint32_t)i;
	}
	worker_account(&w); /* the last steps counted */
}

static int search_sliced(const struct corpus *c, const struct query *q,
			 struct search_results *out, size_t *cap, struct seen *seen, struct budget *b)
{
	struct slice_job *job = calloc(1, sizeof(*job));
	if (!job)
		return -1;
	*job = (struct slice_job){ .c = c, .q = q, .per = (c->count + SEARCH_SLICES - 1) / SEARCH_SLICES,
				   .b = b };
	atomic_init(&job->failed, false);
	parallel_for(SEARCH_SLICES, parallel_threads(), match_slice, job);
	int rc = atomic_load(&b->status) ? atomic_load(&b->status) : atomic_load(&job->failed) ? -1 : 0;
	for (size_t k = 0; k < SEARCH_SLICES; k++) {
		for (size_t j = 0; rc == 0 && j < job->s[k].count; j++)
			rc = take_hit(out, cap, seen, &c->units[c->rank[job->s[k].pos[j]]]);
		free(job->s[k].pos);
	}
	free(job);
	return rc;
}

/* Whether matching reads the units' texts, not only their folded texts:
 * a regex, or a query that keeps case. */
static bool reads_texts(const struct query *q)
{
	for (size_t i = 0; i < q->terms_count; i++)
		if (q->terms[i].type == TERM_REGEX || q->case_sensitive)
			return true;
	return false;
}

/* Whether every hit's text is good to read (a snapshot's index checks a
 * unit's text the first time it is read: corpus.h). */
static bool hits_texts_good(const struct corpus *c, const struct search_results *out)
{
	bool good = true;
	for (size_t i = 0; good && i < out->count; i++)
		good = corpus_text_good(c, out->hits[i].unit);
	return good;
}

static int search_once(const struct corpus *c, const struct query *q,
		       const struct search_stop *stop, struct search_results *out);

int search_query_stoppable(const struct corpus *c, const struct query *q,
			   const struct search_stop *stop, struct search_results *out)
{
	/* a snapshot's index found damaged: built from the model (its
	 * caller's own corpus, never a const one), and the search made again */
	struct corpus *own = (struct corpus *)c;
	if (reads_texts(q) && !corpus_texts_good(c) && corpus_unmap(own) != 0)
		return -1;
	int rc = search_once(c, q, stop, out);
	if (rc == 0 && !hits_texts_good(c, out)) {
		search_results_free(out);
		rc = corpus_unmap(own) == 0 ? search_once(c, q, stop, out) : -1;
	}
	return rc;
}

/* The search itself. */
static int search_once(const struct corpus *c, const struct query *q,
		       const struct search_stop *stop, struct search_results *out)
{
	size_t cap = 0;
	struct seen seen;
	struct budget b;
	memset(out, 0, sizeof(*out));
	out->query = q;
	if (seen_init(&seen, c->report) != 0)
		return -1;
	budget_init(&b, SEARCH_BASE_STEPS + SEARCH_STEPS_PER_BYTE * (unsigned long long)c->text_bytes,
		    stop);
	/* regexes too: rx keeps no lock (glibc's regexec took one per pattern) */
	int rc = c->count >= c->parallel_from && parallel_threads() > 1
			 ? search_sliced(c, q, out, &cap, &seen, &b)
			 : search_serial(c, q, out, &cap, &seen, &b);
	free(seen.bits);
	if (rc == 0)
		rc = search_rank(out);
	if (rc != 0)
		search_results_free(out);
	return rc;
}

int search_query(const struct corpus *c, const struct query *q, struct search_results *out)
{
	return search_query_stoppable(c, q, NULL, out);
}

/* The message for a search that ended early. */
static void ended_early(const struct query *q, int rc, char *msg, size_t len)
{
	if (rc == SEARCH_STOPPED) {
		snprintf(msg, len, "search stopped");
		return;
	}
	const char *re = NULL;
	for (size_t i = 0; i < q->terms_count && !re; i++)
		if (q->terms[i].type == TERM_REGEX)
			re = q->terms[i].text;
	snprintf(msg, len, "search stopped: more work than one search may do on this content; "
			   "make the regex narrower (fewer repetitions, or a word beside it): /%s/",
		 re ? re : "");
}

int search_execute(const struct corpus *c, const char *text, struct search_results *out,
		   char *err, size_t errlen)
{
	return search_execute_stoppable(c, text, NULL, out, err, errlen);
}

int search_execute_stoppable(const struct corpus *c, const char *text, const struct search_stop *stop,
			     struct search_results *out, char *err, size_t errlen)
{
	char msg[256] = "out of memory";
	memset(out, 0, sizeof(*out));
	/* on the heap: the results keep it, to find the matches of a hit */
	struct query *q = malloc(sizeof(*q));
	int rc = -1;
	if (q && query_parse(c->report, text ? text : "", q, msg, sizeof(msg)) == 0) {
		rc = search_query_stoppable(c, q, stop, out);
		if (rc == SEARCH_STOPPED || rc == SEARCH_TOO_COSTLY)
			ended_early(q, rc, msg, sizeof(msg));
		else
			snprintf(msg, sizeof(msg), "out of memory");
	}
	if (rc == 0) {
		out->owned = q;
		return 0;
	}
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	if (q)
		query_free(q);
	free(q);
	return -1;
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
	if (r->owned)
		query_free(r->owned);
	free(r->owned);
	memset(r, 0, sizeof(*r));
}

int search_hit_fill(struct search_results *r, size_t i)
{
	struct search_hit *h = &r->hits[i];
	if (h->filled)
		return 0;
	struct search_match *m;
	long n = search_unit_matches(r->query, h->unit, &m);
	if (n < 0)
		return -1;
	h->matches = m;
	h->matches_count = (size_t)n;
	h->filled = true;
	return 0;
}

const struct search_hit *search_hit_at(struct search_results *r, size_t i)
{
	/* out of memory leaves the hit without matches: it opens at its
	 * start, as a hit of a query with only facets does */
	(void)search_hit_fill(r, i);
	return &r->hits[i];
}

/* Start of the character before byte offset i. */
static size_t char_before(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80);
	return i;
}

/* The snippet of text s around matches[0], marking every match of m. */
static int snippet_of(const char *s, const struct search_match *m, size_t n, int width,
		      struct snippet *out)
{
	size_t len = strlen(s);
	size_t ms = n ? m[0].start : 0;
	size_t ml = n ? m[0].len : 0;
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
	out->marks = calloc(n + 1, sizeof(*out->marks));
	if (!out->marks) {
		snippet_free(out);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		size_t a = m[i].start, b = a + m[i].len;
		if (a < start || a >= start + take)
			continue;
		if (b > start + take)
			b = start + take;
		out->marks[out->marks_count++] = (struct search_match){ prefix + a - start, b - a };
	}
	return 0;
}

int search_snippet(const struct search_results *r, size_t i, int width, struct snippet *out)
{
	const struct search_hit *h = &r->hits[i];
	if (h->filled)
		return snippet_of(h->unit->text, h->matches, h->matches_count, width, out);
	struct search_match *m;
	long n = search_unit_matches(r->query, h->unit, &m);
	if (n < 0) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	int rc = snippet_of(h->unit->text, m, (size_t)n, width, out);
	free(m);
	return rc;
}

void snippet_free(struct snippet *s)
{
	free(s->text);
	free(s->marks);
	memset(s, 0, sizeof(*s));
}
