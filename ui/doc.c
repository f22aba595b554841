/* doc.c - building styled documents and laying them out into lines. */
#include "doc.h"
#include "grow.h"
#include "sanitize.h"
#include "text.h"
#include "textmatch.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct doc *doc_new(void)
{
	return calloc(1, sizeof(struct doc));
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->blocks_count; i++) {
		free(d->blocks[i].text);
		free(d->blocks[i].spans);
	}
	free(d->blocks);
	free(d->links);
	free(d->lines);
	if (d->more_free)
		d->more_free(d->more_state);
	else
		free(d->more_state);
	free(d);
}

int doc_begin(struct doc *d, int indent, int hang, unsigned style)
{
	if (grow(&d->blocks, &d->blocks_cap, d->blocks_count, sizeof(*d->blocks), 16) != 0) {
		d->failed = true;
		return -1;
	}
	char *empty = calloc(1, 1);
	if (!empty) {
		d->failed = true;
		return -1;
	}
	d->blocks[d->blocks_count] = (struct doc_block){
		.text = empty, .text_cap = 0, .indent = indent, .hang = hang, .style = style,
		.item = -1, .section = -1, .para = -1,
	};
	return (int)d->blocks_count++;
}

int doc_span_add(struct doc *d, int block, size_t start, size_t len, unsigned style, int link)
{
	if (block < 0 || (size_t)block >= d->blocks_count || len == 0)
		return -1;
	struct doc_block *b = &d->blocks[block];
	if (start > b->len || len > b->len - start)
		return -1;
	if (grow(&b->spans, &b->spans_cap, b->spans_count, sizeof(*b->spans), 2) != 0) { /* most blocks have one or two */
		d->failed = true;
		return -1;
	}
	b->spans[b->spans_count++] = (struct doc_span){ start, len, style, link };
	return 0;
}

int doc_link_add(struct doc *d, int block, size_t start, size_t len, struct entity_ref to)
{
	if (grow(&d->links, &d->links_cap, d->links_count, sizeof(*d->links), 16) != 0) {
		d->failed = true;
		return -1;
	}
	int ix = (int)d->links_count;
	if (doc_span_add(d, block, start, len, DOC_LINK, ix) != 0)
		return -1;
	d->links[d->links_count++] = (struct doc_link){ to, block, start, len };
	return ix;
}

size_t doc_put(struct doc *d, const char *text, unsigned style)
{
	if (d->blocks_count == 0 && doc_begin(d, 0, 0, DOC_PLAIN) < 0)
		return 0;
	struct doc_block *b = &d->blocks[d->blocks_count - 1];
	size_t at = b->len;
	if (!text || !*text)
		return at;
	/* Content is sanitized by the loader; this is the last line of defence
	 * for anything else that reaches a pane. */
	char *clean = sanitize_needed(text) ? sanitize_text(text) : NULL;
	const char *s = clean ? clean : text;
	size_t n = strlen(s);
	/* text_cap 0 until the first put, which takes just what it needs (most
	 * blocks get one put); a block built in pieces doubles */
	if (grow_to(&b->text, &b->text_cap, b->len + n + 1, 1, b->len + n + 1) != 0) {
		free(clean);
		d->failed = true;
		return at;
	}
	memcpy(b->text + b->len, s, n + 1);
	b->len += n;
	free(clean);
	if (style != DOC_PLAIN)
		doc_span_add(d, (int)d->blocks_count - 1, at, n, style, -1);
	return at;
}

size_t doc_putf(struct doc *d, unsigned style, const char *fmt, ...)
{
	char small[256], *s = small;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	if ((size_t)n >= sizeof(small)) {
		s = malloc((size_t)n + 1);
		if (!s) {
			d->failed = true;
			return 0;
		}
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	size_t at = doc_put(d, s, style);
	if (s != small)
		free(s);
	return at;
}

int doc_put_link(struct doc *d, const char *text, struct entity_ref to)
{
	size_t at = doc_put(d, text, DOC_PLAIN);
	struct doc_block *b = &d->blocks[d->blocks_count - 1];
	if (b->len == at)
		return -1;
	return doc_link_add(d, (int)d->blocks_count - 1, at, b->len - at, to);
}

int doc_line_add(struct doc *d, const char *text, unsigned style, int indent, int hang)
{
	int b = doc_begin(d, indent, hang, style);
	if (b >= 0)
		doc_put(d, text, DOC_PLAIN);
	return b;
}

static bool push_line(struct doc *d, struct doc_line l)
{
	if (grow(&d->lines, &d->lines_cap, d->lines_count, sizeof(*d->lines), 16) != 0)
		return false;
	d->lines[d->lines_count++] = l;
	return true;
}

/* The lines of the next block not laid out yet. */
static bool lay_block(struct doc *d)
{
	size_t i = d->laid;
	const struct doc_block *b = &d->blocks[i];
	int width = d->width;
	int ind = b->indent > b->hang ? b->indent : b->hang;
	if (ind > width / 2)
		ind = width / 2; /* a narrow pane keeps room for the words */
	int indent = b->indent < ind ? b->indent : ind, hang = b->hang < ind ? b->hang : ind;
	if (b->hidden) {
		d->laid++;
		return true;
	}
	if (b->nowrap || b->len == 0) {
		if (!push_line(d, (struct doc_line){ (int)i, 0, b->len, indent, false }))
			return false;
		d->laid++;
		return true;
	}
	struct text_line *tl;
	long k = text_wrap_first(b->text, width - indent, width - hang, &tl);
	if (k < 0)
		return false;
	long shown = b->max_lines > 0 && k > b->max_lines ? b->max_lines : k;
	for (long j = 0; j < shown; j++) {
		struct doc_line l = { (int)i, tl[j].start, tl[j].len, j ? hang : indent, j + 1 < k && j + 1 == shown };
		if (!push_line(d, l)) {
			free(tl);
			return false;
		}
	}
	free(tl);
	if (k == 0 && !push_line(d, (struct doc_line){ (int)i, 0, 0, indent, false }))
		return false;
	d->laid++;
	return true;
}

static long mark_block(struct doc *d, size_t i, const struct query *q)
{
	struct search_match *m;
	long n = d->blocks[i].len ? textmatch_find(q, d->blocks[i].text, &m) : 0, count = 0;
	for (long k = 0; k < n; k++)
		if (doc_span_add(d, (int)i, m[k].start, m[k].len, DOC_MATCH, -1) == 0)
			count++;
	if (n > 0)
		free(m);
	return count;
}

bool doc_more(struct doc *d)
{
	size_t had = d->blocks_count;
	if (d->more_items && d->more)
		d->more_items = d->more(d);
	if (d->blocks_count == had)
		d->more_items = 0; /* done, or out of memory: no more asking */
	for (size_t i = had; d->mark_q && i < d->blocks_count; i++)
		mark_block(d, i, d->mark_q); /* as doc_highlight marked the others */
	return d->blocks_count > had;
}

void doc_complete(struct doc *d)
{
	while (doc_more(d))
		;
}

void doc_build_part(struct doc *d, int part)
{
	while (d->parts && (d->blocks_count == 0 || d->blocks[d->blocks_count - 1].section <= part))
		if (!doc_more(d))
			return;
}

/* The blocks [*first, *end) of part `part` (parts are in order), made. */
static void part_blocks(struct doc *d, int part, size_t *first, size_t *end)
{
	doc_build_part(d, part);
	size_t e = d->blocks_count, f;
	while (e > 0 && d->blocks[e - 1].section > part)
		e--;
	for (f = e; f > 0 && d->blocks[f - 1].section == part; f--)
		;
	*first = f;
	*end = e;
}

/* The lines [*first, *first + *n) of part `part`; *n 0 when it has none. */
static void part_lines(struct doc *d, int part, size_t *first, size_t *n)
{
	size_t fb, eb;
	part_blocks(d, part, &fb, &eb);
	*first = *n = 0;
	if (fb == eb || !doc_layout_until(d, 0))
		return;
	size_t last = doc_line_of(d, (int)eb - 1, SIZE_MAX);
	*first = doc_line_of(d, (int)fb, 0);
	if (d->lines[*first].block < (int)fb)
		(*first)++; /* the part's first block has no line (hidden) */
	*n = last >= *first ? last - *first + 1 : 0;
}

int doc_part_percent(struct doc *d, size_t line)
{
	if (d->parts == 0 || !doc_layout_until(d, line))
		return 0;
	int part = d->blocks[d->lines[line].block].section;
	if (part < 0)
		return 0; /* before the first part */
	size_t first, n;
	part_lines(d, part, &first, &n);
	unsigned long long upto = n && line >= first ? line - first + 1 : 0;
	if (upto > n)
		upto = n;
	return (int)(((unsigned long long)part * n + upto) * 100 / ((unsigned long long)d->parts * (n ? n : 1)));
}

size_t doc_part_line(struct doc *d, long percent)
{
	if (d->parts == 0)
		return 0;
	unsigned long long x = (unsigned long long)(percent < 0 ? 0 : percent) * d->parts;
	size_t part = (size_t)(x / 100), rem = (size_t)(x % 100);
	if (part >= d->parts) {
		part = d->parts - 1;
		rem = 100;
	}
	size_t first, n;
	part_lines(d, (int)part, &first, &n);
	size_t in = n * rem / 100;
	return first + (in < n ? in : n ? n - 1 : 0);
}

/* Lay out blocks until there is a line `line` and block `block` has all
 * its lines (or no block is left); out of memory ends the layout where it
 * is, the doc marked failed. */
static void lay_while(struct doc *d, size_t line, size_t block)
{
	if (d->width < 1)
		return; /* never laid out: no lines */
	while (d->lines_count <= line || d->laid <= block) {
		if (d->laid == d->blocks_count && !doc_more(d))
			return;
		if (!lay_block(d)) {
			d->failed = true;
			d->laid = d->blocks_count;
			return;
		}
	}
}

void doc_layout_lazy(struct doc *d, int width)
{
	d->width = width < 1 ? 1 : width;
	d->lines_count = 0;
	d->laid = 0;
}

int doc_layout(struct doc *d, int width)
{
	doc_layout_lazy(d, width);
	bool failed = d->failed;
	d->failed = false;
	doc_lines(d);
	bool now = d->failed;
	d->failed |= failed;
	return now ? -1 : 0;
}

bool doc_layout_until(struct doc *d, size_t line)
{
	if (line >= d->lines_count)
		lay_while(d, line, 0);
	return line < d->lines_count;
}

size_t doc_lines(struct doc *d)
{
	lay_while(d, SIZE_MAX, SIZE_MAX);
	return d->lines_count;
}

size_t doc_line_of(struct doc *d, int block, size_t off)
{
	if (block >= 0)
		lay_while(d, 0, (size_t)block); /* every line up to the block's last */
	/* lines are sorted by (block, start): find the last one at or before */
	size_t lo = 0, hi = d->lines_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct doc_line *l = &d->lines[mid];
		if (l->block < block || (l->block == block && l->start <= off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

size_t doc_link_line(struct doc *d, int link)
{
	if (link < 0 || (size_t)link >= d->links_count)
		return 0;
	return doc_line_of(d, d->links[link].block, d->links[link].start);
}

size_t doc_line_segs(struct doc *d, size_t line, struct doc_seg *segs, size_t max)
{
	if (!doc_layout_until(d, line) || max == 0)
		return 0;
	const struct doc_line *l = &d->lines[line];
	const struct doc_block *b = &d->blocks[l->block];
	size_t pos = l->start, end = l->start + l->len, n = 0;
	while (pos < end && n < max) {
		unsigned style = b->style;
		int link = -1;
		size_t next = end;
		for (size_t i = 0; i < b->spans_count; i++) {
			const struct doc_span *s = &b->spans[i];
			size_t s_end = s->start + s->len;
			if (s->start <= pos && pos < s_end) {
				style |= s->style;
				if (s->link >= 0)
					link = s->link;
				if (s_end < next)
					next = s_end;
			} else if (s->start > pos && s->start < next) {
				next = s->start;
			}
		}
		segs[n++] = (struct doc_seg){ pos, next - pos, style, link };
		pos = next;
	}
	return n;
}

long doc_highlight(struct doc *d, const struct query *q)
{
	long count = 0;
	d->mark_q = q; /* the blocks made later are marked as they come */
	for (size_t i = 0; q && i < d->blocks_count; i++)
		count += mark_block(d, i, q);
	return count;
}

void doc_spans_clear(struct doc *d, unsigned style)
{
	if (style == DOC_MATCH)
		d->mark_q = NULL;
	for (size_t i = 0; i < d->blocks_count; i++) {
		struct doc_block *b = &d->blocks[i];
		size_t k = 0;
		for (size_t s = 0; s < b->spans_count; s++)
			if (b->spans[s].style != style || b->spans[s].link >= 0)
				b->spans[k++] = b->spans[s];
		b->spans_count = k;
	}
}

char *doc_line_text(struct doc *d, size_t line)
{
	if (!doc_layout_until(d, line))
		return calloc(1, 1);
	const struct doc_line *l = &d->lines[line];
	char *s = malloc((size_t)l->indent + l->len + 1);
	if (!s)
		return NULL;
	memset(s, ' ', (size_t)l->indent);
	memcpy(s + l->indent, d->blocks[l->block].text + l->start, l->len);
	s[(size_t)l->indent + l->len] = '\0';
	return s;
}
