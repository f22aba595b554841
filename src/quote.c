/* quote.c - passages of the report with their references. */
#include "quote.h"
#include "relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *quote_reference(const struct report *r, int section, enum present_glyphs g)
{
	const char *name = r->short_name ? r->short_name : r->title ? r->title : "";
	char *place = present_place(r, section, g), *out = NULL;
	if (!place)
		return NULL;
	if (asprintf(&out, "%s %s%s%s", g == PRESENT_ASCII ? "--" : "\u2014", name,
		     *place ? ", " : "", place) < 0)
		out = NULL;
	free(place);
	return out;
}

/* ---- sentences ---- */

/* Bytes of a closing quote or bracket at s, or 0. */
static size_t closer(const char *s)
{
	if (*s == '"' || *s == '\'' || *s == ')' || *s == ']')
		return 1;
	if (strncmp(s, "\u201d", 3) == 0 || strncmp(s, "\u2019", 3) == 0)
		return 3;
	return 0;
}

/* Whether a sentence may start at s: a capital, a digit, an opening quote
 * or bracket. */
static bool opener(const char *s)
{
	if ((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '(' || *s == '"' ||
	    *s == '\'' || *s == '[')
		return true;
	return strncmp(s, "\u201c", 3) == 0 || strncmp(s, "\u2018", 3) == 0;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether a sentence ends with the punctuation at t[i]: then *end is just
 * after it (and its closers), *next where the next sentence starts. */
static bool sentence_ends(const char *t, size_t i, size_t *end, size_t *next)
{
	if (t[i] != '.' && t[i] != '!' && t[i] != '?')
		return false;
	size_t j = i + 1;
	for (size_t n; (n = closer(t + j)) > 0;)
		j += n;
	if (!blank(t[j]))
		return false;
	size_t k = j;
	while (blank(t[k]))
		k++;
	if (!opener(t + k))
		return false;
	*end = j;
	*next = k;
	return true;
}

void quote_sentence_span(const char *text, size_t at, size_t *start, size_t *end)
{
	size_t len = strlen(text), from = 0;
	for (size_t i = 0; i < len; i++) {
		size_t e, next;
		if (!sentence_ends(text, i, &e, &next))
			continue;
		if (next > at) {
			*start = from;
			*end = e;
			return;
		}
		from = next;
		i = next - 1;
	}
	while (len > from && blank(text[len - 1]))
		len--;
	*start = from;
	*end = len;
}

/* ---- building a quote ---- */

static bool paragraph_exists(const struct report *r, int section, unsigned para)
{
	return section >= 0 && (size_t)section < r->sections_count &&
	       para < report_section(r, section)->paragraphs_count;
}

/* The passage (bytes of text, or the paragraphs `take` marks of the
 * section), a newline and the reference, into q. */
static int build(const struct report *r, int section, const char *text, size_t len,
		 const bool *take, enum present_glyphs g, struct quote *q)
{
	memset(q, 0, sizeof(*q));
	q->section = section;
	char *ref = quote_reference(r, section, g), *buf = NULL;
	size_t size = 0;
	FILE *f = ref ? open_memstream(&buf, &size) : NULL;
	if (!f) {
		free(ref);
		return -1;
	}
	const struct section *s = report_section_text(r, (size_t)section);
	if (text) {
		fwrite(text, 1, len, f);
	} else {
		long last = -1;
		for (unsigned i = 0; i < s->paragraphs_count; i++) {
			if (!take[i])
				continue;
			if (q->paragraphs)
				fputs(last + 1 == (long)i ? "\n\n"
				      : g == PRESENT_ASCII ? "\n\n[...]\n\n" : "\n\n[\u2026]\n\n", f);
			fputs(s->paragraphs[i], f);
			q->paragraphs++;
			last = i;
		}
	}
	fprintf(f, "\n%s", ref);
	free(ref);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	q->text = buf;
	return 0;
}

int quote_paragraph(const struct report *r, int section, unsigned para, enum present_glyphs g,
		    struct quote *q)
{
	memset(q, 0, sizeof(*q));
	if (!paragraph_exists(r, section, para))
		return 1;
	bool *take = calloc(report_section(r, section)->paragraphs_count, sizeof(*take));
	if (!take)
		return -1;
	take[para] = true;
	int rc = build(r, section, NULL, 0, take, g, q);
	free(take);
	return rc;
}

int quote_sentence(const struct report *r, int section, unsigned para, size_t at,
		   enum present_glyphs g, struct quote *q)
{
	memset(q, 0, sizeof(*q));
	if (!paragraph_exists(r, section, para))
		return 1;
	const char *text = report_section_text(r, (size_t)section)->paragraphs[para];
	size_t start, end;
	quote_sentence_span(text, at, &start, &end);
	return build(r, section, text + start, end - start, NULL, g, q);
}

/* Whether a paragraph names an entity: a name the reader links to it, or
 * its title (an event's title is the report's words). */
static bool names(const struct report *r, const struct mentions *m, const char *text,
		  struct entity_ref ref)
{
	const char *title = report_entity_title(r, ref);
	if (title && *title && strstr(text, title))
		return true;
	struct mention *mv = NULL;
	long n = mentions_find(m, text, (struct entity_ref){ KIND_COUNT, NO_INDEX }, &mv);
	bool found = false;
	for (long i = 0; i < n && !found; i++)
		found = entity_ref_same(mv[i].ref, ref);
	free(mv);
	return found;
}

/* How many of the words of `title` (3 bytes or more) occur in text. */
static unsigned words_in(const char *title, const char *text)
{
	unsigned n = 0;
	for (const char *w = title; *w;) {
		size_t len = strcspn(w, " ,;:()");
		char word[128];
		if (len >= 3 && len < sizeof(word)) {
			memcpy(word, w, len);
			word[len] = '\0';
			n += strstr(text, word) != NULL;
		}
		w += len;
		w += strspn(w, " ,;:()");
	}
	return n;
}

/* An event's title is the report's words, not always verbatim ("At TEMM11
 * held in Beijing" for "At TEMM11 held in Beijing in June 2009"): the
 * paragraph that holds most of them tells it. */
static void event_paragraph(const struct section *s, const char *title, bool *take, size_t cap)
{
	unsigned best = 0, most = 0;
	for (unsigned i = 0; i < s->paragraphs_count && i < cap; i++) {
		unsigned n = words_in(title, s->paragraphs[i]);
		if (n > most) {
			most = n;
			best = i;
		}
	}
	if (most)
		take[best] = true;
}

/* The paragraphs of the section an entity is told in that name it, else
 * all of them. */
static int told_in(const struct report *r, const struct mentions *m, struct entity_ref ref,
		   int *section, bool *take, size_t cap)
{
	*section = relations_told_in(r, m, ref);
	if (*section < 0 || !report_section(r, *section)->paragraphs_count)
		return 1;
	const struct section *s = report_section_text(r, (size_t)*section);
	bool any = false;
	for (unsigned i = 0; i < s->paragraphs_count && i < cap; i++)
		any |= take[i] = names(r, m, s->paragraphs[i], ref);
	if (!any && ref.kind == KIND_EVENT) {
		event_paragraph(s, report_event(r, ref.index)->title, take, cap);
		for (unsigned i = 0; i < s->paragraphs_count && i < cap; i++)
			any |= take[i];
	}
	for (unsigned i = 0; !any && i < s->paragraphs_count && i < cap; i++)
		take[i] = true;
	return 0;
}

/* The section and paragraphs that tell of an entity (see quote.h). */
static int passage(const struct report *r, const struct mentions *m, struct entity_ref ref,
		   int *section, bool *take, size_t cap)
{
	unsigned first = 0, end = 0;
	*section = NO_INDEX;
	if (ref.kind == KIND_SECTION) {
		*section = ref.index;
		end = report_section(r, ref.index)->paragraphs_count;
	} else if (ref.kind == KIND_STAGE) {
		struct prose_span sp; /* its first passage: a quote is of one section */
		if (report_stage_prose(r, ref.index, 0, &sp)) {
			*section = sp.section_ix;
			first = sp.first;
			end = sp.end;
		}
	} else if (ref.kind == KIND_AREA) {
		*section = report_area(r, ref.index)->section_ix;
		end = *section >= 0 ? report_section(r, *section)->paragraphs_count : 0;
	}
	if (*section >= 0 && end > first) {
		for (unsigned i = first; i < end && i < cap; i++)
			take[i] = true;
		return 0;
	}
	if (ref.kind == KIND_SECTION)
		return 1;
	return told_in(r, m, ref, section, take, cap);
}

int quote_entity(const struct report *r, const struct mentions *m, struct entity_ref ref,
		 enum present_glyphs g, struct quote *q)
{
	memset(q, 0, sizeof(*q));
	if (ref.index < 0 || (size_t)ref.index >= report_count(r, ref.kind))
		return 1;
	size_t cap = 0;
	for (size_t i = 0; i < r->sections_count; i++)
		if (report_section(r, i)->paragraphs_count > cap)
			cap = report_section(r, i)->paragraphs_count;
	struct mentions *built = NULL;
	if (!m && ref.kind != KIND_SECTION)
		m = built = mentions_from_report(r);
	bool *take = calloc(cap ? cap : 1, sizeof(*take));
	int section, rc = -1;
	if (take && (m || ref.kind == KIND_SECTION))
		rc = passage(r, m, ref, &section, take, cap);
	if (rc == 0)
		rc = build(r, section, NULL, 0, take, g, q);
	free(take);
	mentions_free(built);
	return rc;
}

void quote_free(struct quote *q)
{
	if (!q)
		return;
	free(q->text);
	memset(q, 0, sizeof(*q));
	q->section = NO_INDEX;
}
