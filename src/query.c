/* query.c - tokenizing and checking a query. Errors name the offending
 * token, so the browser's status line and `temm search` can show them. */
#include "query.h"
#include "diag.h"
#include "grow.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define QUERY_MAX_TERMS 64

struct token {
	char *text;
	bool negate, quoted;
};

static int fail(char *err, size_t errlen, const char *fmt, ...) DIAG_PRINTF(3, 4);

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Split off the next token at *p: a word, "a phrase" or /a regex/ (which
 * may hold spaces), each maybe preceded by '-'. */
static int next_token(const char **p, struct token *t, char *err, size_t errlen)
{
	const char *s = *p;
	memset(t, 0, sizeof(*t));
	if (*s == '-' && s[1] && s[1] != ' ') {
		t->negate = true;
		s++;
	}
	const char *start = s, *end;
	if (*s == '"') {
		end = strchr(s + 1, '"');
		if (!end)
			return fail(err, errlen, "unterminated phrase: %s", start);
		t->quoted = true;
		t->text = strndup(s + 1, (size_t)(end - s - 1));
		*p = end + 1;
		return t->text ? 0 : -1;
	}
	if (*s == '/') { /* a regex runs to the first '/' that ends a word */
		for (end = strchr(s + 1, '/'); end; end = strchr(end + 1, '/'))
			if (end[1] == '\0' || end[1] == ' ')
				break;
		if (end) {
			t->text = strndup(s, (size_t)(end - s + 1));
			*p = end + 1;
			return t->text ? 0 : -1;
		}
	}
	end = s + strcspn(s, " ");
	t->text = strndup(s, (size_t)(end - s));
	*p = end;
	return t->text ? 0 : -1;
}

static int add_term(struct query *q, enum term_type type, bool negate, const char *text,
		    char *err, size_t errlen)
{
	if (q->terms_count == QUERY_MAX_TERMS)
		return fail(err, errlen, "too many words in one query (at most %d)", QUERY_MAX_TERMS);
	if (grow(&q->terms, &q->terms_cap, q->terms_count, sizeof(*q->terms), 4) != 0)
		return fail(err, errlen, "out of memory");
	struct query_term *t = &q->terms[q->terms_count];
	memset(t, 0, sizeof(*t));
	t->type = type;
	t->negate = negate;
	t->text = strdup(text);
	if (!t->text)
		return fail(err, errlen, "out of memory");
	q->terms_count++;
	if (text_has_upper(text))
		q->case_sensitive = true;
	return 0;
}

static int parse_kind(struct query *q, const char *v, char *err, size_t errlen)
{
	enum entity_kind k;
	if (entity_kind_from_name(v, &k) != 0)
		return fail(err, errlen, "kind:%s is not one of section, stage, area, activity, "
					 "event, meeting, programme, term", v);
	q->kinds |= 1u << k;
	return 0;
}

static int by_value(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

/* The numbers the report gives its stages or its areas, for a message:
 * runs as "1-4", others listed, "2, 5-7" (cut with "..." where buf ends);
 * "" when there are none. */
static const char *numbers_text(const struct report *r, enum entity_kind kind, char *buf,
				size_t size)
{
	size_t n = report_count(r, kind), k = 0, len = 0;
	unsigned *v = malloc((n + 1) * sizeof(*v));
	buf[0] = '\0';
	if (!v)
		return buf;
	for (size_t i = 0; i < n; i++)
		v[i] = kind == KIND_STAGE ? r->stages[i]->number : r->areas[i]->number;
	qsort(v, n, sizeof(*v), by_value);
	for (size_t i = 0; i < n; i = k) {
		for (k = i + 1; k < n && v[k] <= v[k - 1] + 1;)
			k++; /* a run, repeats included */
		int m = v[k - 1] != v[i] ? snprintf(buf + len, size - len, "%s%u-%u", len ? ", " : "",
						    v[i], v[k - 1])
					 : snprintf(buf + len, size - len, "%s%u", len ? ", " : "", v[i]);
		if (m < 0 || (size_t)m >= size - len) {
			snprintf(buf + (len < size - 4 ? len : size - 4), 4, "...");
			break;
		}
		len += (size_t)m;
	}
	free(v);
	return buf;
}

/* An area by id, number, or unique case-insensitive prefix of its name. */
static int parse_area(const struct report *r, struct query *q, const char *v, char *err,
		      size_t errlen)
{
	struct entity_ref ref;
	if (report_find_typed(r, v, &ref) == 0 && ref.kind == KIND_AREA) {
		q->area_ix = ref.index;
		return 0;
	}
	char *end, nums[64];
	long n = strtol(v, &end, 10);
	if (!r->areas_count)
		return fail(err, errlen, "area:%s: the report has no priority areas", v);
	numbers_text(r, KIND_AREA, nums, sizeof(nums));
	if (*v && *end == '\0') {
		for (size_t i = 0; i < r->areas_count; i++)
			if (r->areas[i]->number == (unsigned long)n) {
				q->area_ix = (int)i;
				return 0;
			}
		return fail(err, errlen, "area:%s: there is no area with that number (%s)", v, nums);
	}
	int found = NO_INDEX, matches = 0;
	size_t len = strlen(v);
	for (size_t i = 0; i < r->areas_count && len; i++)
		if (strncasecmp(r->areas[i]->title, v, len) == 0) {
			found = (int)i;
			matches++;
		}
	if (matches == 1) {
		q->area_ix = found;
		return 0;
	}
	if (!matches)
		return fail(err, errlen, "area:%s matches no area (try an id, a number %s or a name)",
			    v, nums);
	char ids[160] = "";
	for (size_t i = 0; i < r->areas_count; i++)
		if (strncasecmp(r->areas[i]->title, v, len) == 0 &&
		    strlen(ids) + strlen(r->areas[i]->id) + 3 < sizeof(ids))
			strcat(strcat(ids, *ids ? ", " : ""), r->areas[i]->id);
	return fail(err, errlen, "area:%s matches more than one area: %s", v, ids);
}

static int parse_stage(const struct report *r, struct query *q, const char *v, char *err,
		       size_t errlen)
{
	char *end;
	long n = strtol(v, &end, 10);
	for (size_t i = 0; *v && *end == '\0' && n >= 1 && n <= 31 && i < r->stages_count; i++)
		if (r->stages[i]->number == (unsigned long)n) {
			q->stages |= 1u << n;
			return 0;
		}
	char nums[64];
	if (!r->stages_count)
		return fail(err, errlen, "stage:%s: the report has no stages", v);
	return fail(err, errlen, "stage:%s is not a stage number (%s)", v,
		    numbers_text(r, KIND_STAGE, nums, sizeof(nums)));
}

static int parse_year(struct query *q, const char *v, char *err, size_t errlen)
{
	unsigned a, b;
	int used = 0;
	if (sscanf(v, "%4u..%4u%n", &a, &b, &used) == 2 && v[used] == '\0' && a <= b) {
		q->year_from = a;
		q->year_to = b;
		return 0;
	}
	if (sscanf(v, "%4u%n", &a, &used) == 1 && v[used] == '\0' && used == 4) {
		q->year_from = q->year_to = a;
		return 0;
	}
	return fail(err, errlen, "year:%s is not a year (2015) or a range (2010..2014)", v);
}

/* Returns 1 if the token was a facet (handled), 0 if not, -1 on error. */
static int parse_facet(const struct report *r, struct query *q, const struct token *t,
		       char *err, size_t errlen)
{
	static const char *const keys[] = { "kind", "area", "stage", "year" };
	const char *colon = strchr(t->text, ':');
	if (t->quoted || !colon || colon == t->text)
		return 0;
	size_t klen = (size_t)(colon - t->text);
	const char *v = colon + 1;
	int key = -1;
	for (int i = 0; i < 4; i++)
		if (strlen(keys[i]) == klen && strncmp(t->text, keys[i], klen) == 0)
			key = i;
	if (key < 0) {
		/* "word:" and "PM2.5:x" are words; "colour:red" is a mistyped filter */
		if (*v && strspn(t->text, "abcdefghijklmnopqrstuvwxyz") == klen)
			return fail(err, errlen, "unknown filter '%s' (use area:, stage:, kind: or year:)",
				    t->text);
		return 0;
	}
	if (t->negate)
		return fail(err, errlen, "a filter cannot be negated: -%s", t->text);
	if (!*v)
		return fail(err, errlen, "%s needs a value", t->text);
	int rc = key == 0 ? parse_kind(q, v, err, errlen)
	       : key == 1 ? parse_area(r, q, v, err, errlen)
	       : key == 2 ? parse_stage(r, q, v, err, errlen)
			  : parse_year(q, v, err, errlen);
	return rc == 0 ? 1 : -1;
}

static bool is_regex_token(const struct token *t)
{
	size_t n = strlen(t->text);
	return !t->quoted && n >= 2 && t->text[0] == '/' && t->text[n - 1] == '/';
}

/* glibc's regex compiler expands a repetition X{m,n} into n copies of X
 * (and X+ into X X*, so X++++ doubles X four times), and matching time
 * grows with the square of the copies or worse: /.{1,1000}x/ takes minutes
 * and half a gigabyte over the report, /b+++...+/ exhausts memory in
 * regcomp, and a back-reference makes matching exponential (/(.*)*\1x/).
 * A query is typed by whoever is at the keyboard - on a shared server,
 * anyone - so these are refused. This walks the expression as POSIX ERE
 * lexes it. */
#define REGEX_MAX_COPIES 100L /* what a query's repetitions may expand to */
#define REGEX_MAX_DEPTH 32     /* nested groups */
#define REGEX_HUGE (1L << 30)

enum { REGEX_BACKREF = -1, REGEX_DEEP = -2 };

static long saturated(long a, long b)
{
	return a > 0 && b > REGEX_HUGE / a ? REGEX_HUGE : a * b;
}

/* The positions the repetitions X{m,n}, X+ and X? of `re` expand to,
 * summed (nested ones multiply); REGEX_BACKREF or REGEX_DEEP for what is
 * refused. */
static long regex_copies(const char *re)
{
	struct group {
		long size, last; /* positions in the group so far; in its last piece */
	} g[REGEX_MAX_DEPTH + 1] = { { 0, 0 } };
	int depth = 0;
	long copies = 0;
	for (const char *p = re; *p; p++) {
		unsigned char c = (unsigned char)*p;
		long atom = 1;
		if (c == '\\') {
			if (p[1] >= '1' && p[1] <= '9')
				return REGEX_BACKREF;
			if (p[1])
				p++;
		} else if (c == '[') { /* a bracket expression is one atom */
			const char *e = p + 1;
			if (*e == '^')
				e++;
			if (*e == ']')
				e++;
			while (*e && *e != ']') {
				const char *close = NULL;
				if (*e == '[' && (e[1] == ':' || e[1] == '=' || e[1] == '.'))
					close = strchr(e + 2, e[1]);
				e = close && close[1] == ']' ? close + 2 : e + 1;
			}
			p = *e ? e : e - 1;
		} else if (c == '(') {
			if (depth == REGEX_MAX_DEPTH)
				return REGEX_DEEP;
			g[++depth] = (struct group){ 0, 0 };
			continue;
		} else if (c == ')' && depth > 0) {
			atom = g[depth--].size;
		} else if (c == '|') {
			g[depth].last = 0;
			continue;
		} else if (c == '^' || c == '$' || c == '*' || (c >= 0x80 && c < 0xc0)) {
			continue; /* no position of its own (a UTF-8 byte goes with its character) */
		} else if (c == '+' || c == '?' ||
			   (c == '{' && ((p[1] >= '0' && p[1] <= '9') || p[1] == ','))) {
			/* X+ is X X* to glibc: stacked, X++++ doubles each time; X?
			 * is X{0,1}: every optional position costs, .?.?.? as .{0,3} */
			char *end = (char *)p + 1;                /* glibc takes X{,n} as X{0,n} */
			long m = c == '+' ? 2 : c == '?' ? 1 : *end == ',' ? 0 : strtol(p + 1, &end, 10);
			long n = m;
			if (c == '+' || c == '?')
				end = (char *)p;
			else if (*end == ',' && end[1] == '}')
				n = m + 1, end++;             /* X{m,}: m copies and X* */
			else if (*end == ',' && end[1] >= '0' && end[1] <= '9')
				n = strtol(end + 1, &end, 10);
			if (c == '+' || c == '?' || *end == '}') {
				p = end;
				struct group *cur = &g[depth];
				long grown = saturated(cur->last, n > m ? n : m > 1 ? m : 1);
				cur->size = cur->size - cur->last + grown > REGEX_HUGE
						    ? REGEX_HUGE : cur->size - cur->last + grown;
				cur->last = grown;
				copies = copies + grown > REGEX_HUGE ? REGEX_HUGE : copies + grown;
				continue;
			}
			/* else a '{' that is no bound: an ordinary character */
		}
		g[depth].last = atom;
		g[depth].size = g[depth].size + atom > REGEX_HUGE ? REGEX_HUGE : g[depth].size + atom;
	}
	return copies;
}

static int compile_terms(struct query *q, char *err, size_t errlen)
{
	long copies = 0;
	for (size_t i = 0; i < q->terms_count; i++) {
		const struct query_term *t = &q->terms[i];
		if (t->type != TERM_REGEX)
			continue;
		long n = regex_copies(t->text);
		if (n == REGEX_BACKREF)
			return fail(err, errlen, "/%s/: back-references (\\1-\\9) are not supported",
				    t->text);
		if (n == REGEX_DEEP)
			return fail(err, errlen, "/%s/: groups nested more than %d deep", t->text,
				    REGEX_MAX_DEPTH);
		copies += n;
		if (copies > REGEX_MAX_COPIES)
			return fail(err, errlen, "/%s/ is too costly: the repetitions ({m,n}, +, ?) "
						 "of a query may expand to %ld characters", t->text, REGEX_MAX_COPIES);
	}
	for (size_t i = 0; i < q->terms_count; i++) {
		struct query_term *t = &q->terms[i];
		if (t->type == TERM_TEXT) {
			struct folded f;
			if (text_fold(t->text, &f) != 0)
				return fail(err, errlen, "out of memory");
			t->folded = f.text;
			t->folded_len = f.len;
			free(f.origin);
			if (!t->folded_len) /* only accents: they are set aside */
				return fail(err, errlen, "'%s' has nothing to search for but accents",
					    t->text);
			if (q->case_sensitive && !(t->stripped = text_strip_marks(t->text, strlen(t->text))))
				return fail(err, errlen, "out of memory");
			continue;
		}
		int flags = REG_EXTENDED | (q->case_sensitive ? 0 : REG_ICASE);
		int rc = regcomp(&t->regex, t->text, flags);
		if (rc != 0) {
			char msg[160];
			regerror(rc, &t->regex, msg, sizeof(msg));
			regfree(&t->regex);
			return fail(err, errlen, "bad regular expression: %s", msg);
		}
		t->compiled = true;
	}
	return 0;
}

static int parse_token(const struct report *r, struct query *q, struct token *t, char *err,
		       size_t errlen)
{
	int facet = parse_facet(r, q, t, err, errlen);
	if (facet != 0)
		return facet < 0 ? -1 : 0;
	if (is_regex_token(t)) {
		size_t n = strlen(t->text);
		if (n == 2)
			return fail(err, errlen, "empty regular expression");
		t->text[n - 1] = '\0';
		return add_term(q, TERM_REGEX, t->negate, t->text + 1, err, errlen);
	}
	if (!*t->text)
		return fail(err, errlen, "empty phrase");
	return add_term(q, TERM_TEXT, t->negate, t->text, err, errlen);
}

int query_parse(const struct report *r, const char *text, struct query *q, char *err,
		size_t errlen)
{
	memset(q, 0, sizeof(*q));
	q->area_ix = NO_INDEX;
	err[0] = '\0';
	const char *p = text;
	for (;;) {
		p += strspn(p, " ");
		if (!*p)
			break;
		struct token t;
		int rc = next_token(&p, &t, err, errlen);
		if (rc == 0)
			rc = parse_token(r, q, &t, err, errlen);
		free(t.text);
		if (rc != 0)
			return -1;
	}
	if (!query_has_positive(q) && !q->kinds && q->area_ix == NO_INDEX && !q->stages &&
	    !q->year_from)
		return fail(err, errlen, "nothing to search for");
	return compile_terms(q, err, errlen);
}

bool query_has_positive(const struct query *q)
{
	for (size_t i = 0; i < q->terms_count; i++)
		if (!q->terms[i].negate)
			return true;
	return false;
}

void query_free(struct query *q)
{
	for (size_t i = 0; i < q->terms_count; i++) {
		if (q->terms[i].compiled)
			regfree(&q->terms[i].regex);
		free(q->terms[i].text);
		free(q->terms[i].folded);
		free(q->terms[i].stripped);
	}
	free(q->terms);
	memset(q, 0, sizeof(*q));
	q->area_ix = NO_INDEX;
}
