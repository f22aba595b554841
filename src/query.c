/* query.c - tokenizing and checking a query. Errors name the offending
 * token, so the browser's status line and `temm search` can show them. */
#include "query.h"
#include "present.h"
#include "diag.h"
#include "grow.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <ctype.h>
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
		v[i] = kind == KIND_STAGE ? report_stage(r, i)->number : report_area(r, i)->number;
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

/* Whether `v` begins a name (word: false) or any word of it (word: true),
 * ignoring case. */
static bool name_starts(const char *name, const char *v, bool word)
{
	size_t len = strlen(v);
	if (!word)
		return strncasecmp(name, v, len) == 0;
	for (const char *w = name; *w; w++)
		if ((w == name || !isalnum((unsigned char)w[-1])) && strncasecmp(w, v, len) == 0)
			return true;
	return false;
}

/* The areas whose name `v` begins, or one of whose words it begins (when
 * no name begins with it): how many, the one in *found, their ids. */
static int areas_named(const struct report *r, const char *v, int *found, char *ids, size_t idslen)
{
	int matches = 0;
	for (int word = 0; word < 2 && !matches; word++) {
		ids[0] = '\0';
		for (size_t i = 0; i < r->areas_count && *v; i++)
			if (name_starts(report_area(r, i)->title, v, word)) {
				*found = (int)i;
				matches++;
				if (strlen(ids) + strlen(report_area(r, i)->id) + 3 < idslen)
					strcat(strcat(ids, *ids ? ", " : ""), report_area(r, i)->id);
			}
	}
	return matches;
}

/* Every area's id, for a message saying what would work. */
static void area_ids(const struct report *r, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < r->areas_count && strlen(buf) + strlen(report_area(r, i)->id) + 6 < len; i++)
		strcat(strcat(buf, i ? ", " : ""), report_area(r, i)->id);
	if (strlen(buf) + 6 >= len)
		strcat(buf, "...");
}

/* An area by id, number, or a unique case-insensitive prefix of its name
 * or of a word of it (area:edu, area:green, area:marine). */
static int parse_area(const struct report *r, struct query *q, const char *v, char *err,
		      size_t errlen)
{
	struct entity_ref ref;
	if (report_find_typed(r, v, &ref) == 0 && ref.kind == KIND_AREA) {
		q->area_ix = ref.index;
		return 0;
	}
	char *end, nums[64], ids[200];
	long n = strtol(v, &end, 10);
	if (!r->areas_count)
		return fail(err, errlen, "area:%s: the report has no priority areas", v);
	numbers_text(r, KIND_AREA, nums, sizeof(nums));
	if (*v && *end == '\0') {
		for (size_t i = 0; i < r->areas_count; i++)
			if (report_area(r, i)->number == (unsigned long)n) {
				q->area_ix = (int)i;
				return 0;
			}
		return fail(err, errlen, "area:%s: there is no area with that number (%s)", v, nums);
	}
	int found = NO_INDEX, matches = areas_named(r, v, &found, ids, sizeof(ids));
	if (matches == 1) {
		q->area_ix = found;
		return 0;
	}
	if (matches)
		return fail(err, errlen, "area:%s matches more than one area: %s", v, ids);
	area_ids(r, ids, sizeof(ids));
	return fail(err, errlen, "area:%s matches no area: a number %s, a word of a name, or an id (%s)",
		    v, nums, ids);
}

/* A stage by number (stage:2), Roman numeral (stage:II) or a unique
 * prefix of its name (stage:deep). */
static int parse_stage(const struct report *r, struct query *q, const char *v, char *err,
		       size_t errlen)
{
	char *end;
	long n = strtol(v, &end, 10);
	int found = NO_INDEX, matches = 0;
	for (size_t i = 0; *v && i < r->stages_count; i++) {
		char roman[PRESENT_ROMAN_MAX];
		present_roman(report_stage(r, i)->number, roman);
		if ((*end == '\0' && report_stage(r, i)->number == (unsigned long)n) || strcasecmp(v, roman) == 0) {
			found = (int)i;
			matches = 1;
			break;
		}
		if (name_starts(report_stage(r, i)->name, v, false)) {
			found = (int)i;
			matches++;
		}
	}
	char nums[64];
	if (!r->stages_count)
		return fail(err, errlen, "stage:%s: the report has no stages", v);
	if (matches == 1 && report_stage(r, found)->number >= 1 && report_stage(r, found)->number <= 31) {
		q->stages |= 1u << report_stage(r, found)->number;
		return 0;
	}
	char first[PRESENT_ROMAN_MAX], last[PRESENT_ROMAN_MAX];
	present_roman(report_stage(r, 0)->number, first);
	present_roman(report_stage(r, r->stages_count - 1)->number, last);
	if (matches == 1) /* a bit per stage number: the filter stops at 31 */
		return fail(err, errlen, "stage:%s: stages past 31 cannot be filtered on", v);
	return fail(err, errlen, "stage:%s is not a stage: a number (%s), a numeral (%s-%s) or a "
		    "name (%s)", v, numbers_text(r, KIND_STAGE, nums, sizeof(nums)), first, last,
		    report_stage(r, 0)->name);
}

/* Years are those content may give (YEAR_MIN-YEAR_MAX): year:0000 was
 * taken silently as no filter at all (0 means "any" inside), and a year
 * no content can have would only ever find nothing. */
static int parse_year(struct query *q, const char *v, char *err, size_t errlen)
{
	unsigned a, b;
	int used = 0;
	bool range = sscanf(v, "%4u..%4u%n", &a, &b, &used) == 2 && v[used] == '\0';
	if (!range && sscanf(v, "%4u%n", &a, &used) == 1 && v[used] == '\0' && used == 4) {
		b = a;
		range = true;
	}
	if (range && (a < YEAR_MIN || a > YEAR_MAX || b < YEAR_MIN || b > YEAR_MAX))
		return fail(err, errlen, "year:%s is out of range (years are %u to %u)", v, YEAR_MIN,
			    YEAR_MAX);
	if (range && a <= b) {
		q->year_from = a;
		q->year_to = b;
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

static int compile_terms(struct query *q, char *err, size_t errlen)
{
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
		char msg[160];
		if (rx_compile(t->text, q->case_sensitive ? 0 : RX_ICASE, &t->rx, msg, sizeof(msg)) != 0)
			return fail(err, errlen, "bad regular expression: %s: /%s/", msg, t->text);
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
		rx_free(q->terms[i].rx);
		free(q->terms[i].text);
		free(q->terms[i].folded);
		free(q->terms[i].stripped);
	}
	free(q->terms);
	memset(q, 0, sizeof(*q));
	q->area_ix = NO_INDEX;
}
