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

/* An area by id, number, or unique case-insensitive prefix of its name. */
static int parse_area(const struct report *r, struct query *q, const char *v, char *err,
		      size_t errlen)
{
	struct entity_ref ref;
	if (report_find_typed(r, v, &ref) == 0 && ref.kind == KIND_AREA) {
		q->area_ix = ref.index;
		return 0;
	}
	char *end;
	long n = strtol(v, &end, 10);
	if (*v && *end == '\0') {
		for (size_t i = 0; i < r->areas_count; i++)
			if (r->areas[i]->number == (unsigned long)n) {
				q->area_ix = (int)i;
				return 0;
			}
		return fail(err, errlen, "area:%s: there is no area with that number", v);
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
		return fail(err, errlen, "area:%s matches no area (try an id, 1-10 or a name)", v);
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
	return fail(err, errlen, "stage:%s is not a stage number (1, 2 or 3)", v);
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
	}
	free(q->terms);
	memset(q, 0, sizeof(*q));
	q->area_ix = NO_INDEX;
}
