/* snap_write.c - a report, its search index, its names dictionary and its
 * backlinks written out as the records and pools of snap_format.h. Every
 * distinct string is written once; a model string and the index unit that
 * indexes it share their offset (the reader checks that they do). */
#include "snap_internal.h"
#include "corpus.h"
#include "grow.h"
#include "links.h"
#include "mentions.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing array of bytes: one part of the file. */
struct buf {
	unsigned char *p;
	size_t len, cap;
	bool failed;
};

static size_t buf_add(struct buf *b, const void *bytes, size_t n)
{
	size_t at = b->len;
	if (b->failed || n > SNAP_MAX_BYTES || b->len + n > SNAP_MAX_BYTES) {
		b->failed = true;
		return at;
	}
	if (grow_to(&b->p, &b->cap, b->len + n, 1, 4096) != 0) {
		b->failed = true;
		return at;
	}
	if (n)
		memcpy(b->p + b->len, bytes, n);
	b->len += n;
	return at;
}

/* A pool of NUL-terminated strings, each kept once, found again by a hash
 * of its bytes. */
struct pool {
	struct buf bytes;
	uint32_t *slots; /* offsets + 1; 0: empty */
	size_t mask, used;
};

static bool pool_grow(struct pool *p)
{
	size_t cap = p->slots ? (p->mask + 1) * 2 : 1024;
	uint32_t *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return false;
	for (size_t i = 0; p->slots && i <= p->mask; i++) {
		if (!p->slots[i])
			continue;
		const char *s = (const char *)p->bytes.p + p->slots[i] - 1;
		size_t k = snap_checksum(s, strlen(s)) & (cap - 1);
		while (slots[k])
			k = (k + 1) & (cap - 1);
		slots[k] = p->slots[i];
	}
	free(p->slots);
	p->slots = slots;
	p->mask = cap - 1;
	return true;
}

/* The offset of `s` (len bytes, no NUL among them) in the pool. */
static uint32_t pool_add(struct pool *p, const char *s, size_t len)
{
	if (p->used * 2 >= p->mask && !pool_grow(p)) {
		p->bytes.failed = true;
		return 0;
	}
	size_t k = snap_checksum(s, len) & p->mask;
	for (; p->slots[k]; k = (k + 1) & p->mask) {
		const char *at = (const char *)p->bytes.p + p->slots[k] - 1;
		if (strncmp(at, s, len) == 0 && at[len] == '\0')
			return p->slots[k] - 1;
	}
	size_t off = buf_add(&p->bytes, s, len);
	buf_add(&p->bytes, "", 1);
	if (p->bytes.failed || off >= UINT32_MAX - 1) {
		p->bytes.failed = true;
		return 0;
	}
	p->slots[k] = (uint32_t)off + 1;
	p->used++;
	return (uint32_t)off;
}

struct writer {
	struct buf part[PART_COUNT];
	struct pool strings, folded;
	const char *problem; /* what the format could not hold */
	/* the first pass puts every string but the prose into the pool, so
	 * names and titles (what lists show) sit together at its start */
	bool names_only;
	uint32_t text_at; /* where the pool's text region starts: after the first pass's strings (text_region) */
};

static uint32_t str(struct writer *w, const char *s)
{
	return s ? pool_add(&w->strings, s, strlen(s)) : SNAP_NONE;
}

/* Append a record; its index in its part. */
static uint32_t put(struct writer *w, enum snap_part p, const void *rec, size_t size)
{
	size_t at = buf_add(&w->part[p], rec, size) / size;
	if (at >= UINT32_MAX)
		w->problem = "too many records";
	return (uint32_t)at;
}

static struct snap_list str_list(struct writer *w, char **items, unsigned n)
{
	struct snap_list l = { (uint32_t)(w->part[PART_STRLISTS].len / sizeof(uint32_t)), n };
	for (unsigned i = 0; i < n; i++) {
		uint32_t off = str(w, items[i]);
		put(w, PART_STRLISTS, &off, sizeof(off));
	}
	return l;
}

static struct snap_list count_list(struct writer *w, const struct count *c, unsigned n)
{
	struct snap_list l = { (uint32_t)(w->part[PART_COUNTS].len / sizeof(struct snap_count)), n };
	for (unsigned i = 0; i < n; i++) {
		struct snap_count x = { c[i].n, str(w, c[i].of), str(w, c[i].words) };
		put(w, PART_COUNTS, &x, sizeof(x));
	}
	return l;
}

static void write_sections(struct writer *w, const struct report *r)
{
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = report_section(r, i);
		struct snap_section x = { str(w, s->id), str(w, s->title), str(w, s->parent),
					  str(w, s->number), (uint32_t)(s->name - s->title),
					  s->parent_ix,
					  str_list(w, s->paragraphs, w->names_only ? 0 : s->paragraphs_count),
					  { (uint32_t)(w->part[PART_EMPHASIS].len / sizeof(struct emphasis)),
					    s->emphasis_count } };
		for (unsigned e = 0; e < s->emphasis_count; e++)
			put(w, PART_EMPHASIS, &s->emphasis[e], sizeof(s->emphasis[e]));
		put(w, PART_SECTIONS, &x, sizeof(x));
	}
}

static void write_stages(struct writer *w, const struct report *r)
{
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *s = report_stage(r, i);
		struct snap_stage x = {
			str(w, s->id), str(w, s->title), str(w, s->name), str(w, s->section),
			str(w, s->meeting), str(w, s->action_plan), s->number, s->from, s->to,
			s->section_ix, s->meeting_ix, s->action_plan_ix,
			{ (uint32_t)(w->part[PART_PRIORITIES].len / sizeof(struct snap_priority)),
			  s->priorities_count },
			count_list(w, s->counts, s->counts_count),
			str_list(w, s->achievements, s->achievements_count),
			{ (uint32_t)(w->part[PART_PASSAGES].len / sizeof(struct snap_passage)), s->prose_count },
		};
		for (unsigned p = 0; p < s->priorities_count; p++) {
			struct snap_priority y = { str(w, s->priorities[p].text), str(w, s->priorities[p].area),
						   s->priorities[p].area_ix };
			put(w, PART_PRIORITIES, &y, sizeof(y));
		}
		for (unsigned p = 0; p < s->prose_count; p++) {
			struct snap_passage y = { str(w, s->prose[p].section), s->prose[p].first,
						  s->prose[p].last, s->prose[p].section_ix };
			put(w, PART_PASSAGES, &y, sizeof(y));
		}
		put(w, PART_STAGES, &x, sizeof(x));
	}
}

static void write_entities(struct writer *w, const struct report *r)
{
	for (size_t i = 0; i < r->areas_count; i++) {
		const struct area *a = report_area(r, i);
		struct snap_area x = { str(w, a->id), str(w, a->title), str(w, a->section), a->number,
				       a->section_ix, str_list(w, a->aliases, a->aliases_count),
				       count_list(w, a->counts, a->counts_count) };
		put(w, PART_AREAS, &x, sizeof(x));
	}
	for (size_t i = 0; i < r->activities_count; i++) {
		const struct activity *a = report_activity(r, i);
		struct snap_activity x = { str(w, a->id), str(w, a->title), str(w, a->short_name),
					   str(w, a->area), str(w, a->section), (uint32_t)a->kind,
					   a->area_ix, a->section_ix,
					   str_list(w, a->aliases, a->aliases_count),
					   count_list(w, a->counts, a->counts_count) };
		put(w, PART_ACTIVITIES, &x, sizeof(x));
	}
	for (size_t i = 0; i < r->events_count; i++) {
		const struct event *e = report_event(r, i);
		struct snap_event x = { str(w, e->id), str(w, e->title), str(w, e->section),
					str(w, e->meeting), str(w, e->short_name), e->year, e->month,
					e->section_ix, e->meeting_ix, e->stage_ix,
					str_list(w, e->links, e->links_count) };
		put(w, PART_EVENTS, &x, sizeof(x));
	}
	for (size_t i = 0; i < r->meetings_count; i++) {
		const struct meeting *m = report_meeting(r, i);
		struct snap_meeting x = { str(w, m->id), str(w, m->title), str(w, m->series),
					  str(w, m->place), str(w, m->section), m->ordinal, m->year,
					  m->month, m->section_ix, m->series_ix,
					  str_list(w, m->aliases, m->aliases_count) };
		put(w, PART_MEETINGS, &x, sizeof(x));
	}
	for (size_t i = 0; i < r->programmes_count; i++) {
		const struct programme *p = report_programme(r, i);
		struct snap_programme x = { str(w, p->id), str(w, p->title), str(w, p->short_name),
					    str(w, p->section), (uint32_t)p->type, p->section_ix,
					    str_list(w, p->aliases, p->aliases_count),
					    count_list(w, p->counts, p->counts_count) };
		put(w, PART_PROGRAMMES, &x, sizeof(x));
	}
	for (size_t i = 0; i < r->terms_count; i++) {
		const struct term *t = report_term(r, i);
		struct snap_term x = { str(w, t->id), str(w, t->title), str(w, t->expansion),
				       str(w, t->section), str(w, t->refers), t->section_ix };
		put(w, PART_TERMS, &x, sizeof(x));
	}
	for (size_t i = 0; i < r->series_count; i++) {
		const struct series *s = report_series_at(r, i);
		struct snap_series x = { str(w, s->id), str(w, s->title), str(w, s->short_name) };
		put(w, PART_SERIES, &x, sizeof(x));
	}
	struct snap_report rep = { str(w, r->title), str(w, r->short_name), w->text_at, 0 };
	put(w, PART_REPORT, &rep, sizeof(rep));
}

/* The id table, slot for slot as the loader builds it (validate.c): every
 * id, kind by kind, in the model's order. */
static void write_ids(struct writer *w, const struct report *r)
{
	size_t total = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		total += report_count(r, (enum entity_kind)k);
	struct id_table *t = id_table_new(total);
	if (!t) {
		w->problem = "out of memory";
		return;
	}
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i }, dup;
			id_table_add(t, report_entity_id(r, ref), ref, &dup);
		}
	for (size_t i = 0; i < id_table_slots(t); i++) {
		struct entity_ref ref;
		uint32_t hash;
		const char *id = id_table_slot(t, i, &ref, &hash);
		struct snap_id_slot x = { id ? str(w, id) : SNAP_NONE, id ? hash : 0,
					  id ? (uint32_t)ref.kind : 0, id ? ref.index : 0 };
		put(w, PART_IDS, &x, sizeof(x));
	}
	id_table_free(t);
}

static void write_mentions(struct writer *w, const struct mentions *m)
{
	for (size_t i = 0; i < mentions_count(m); i++) {
		struct entity_ref ref;
		const char *text = mentions_name_at(m, i, &ref);
		struct snap_name x = { str(w, text), (uint32_t)ref.kind, ref.index };
		put(w, PART_NAMES, &x, sizeof(x));
	}
	for (size_t i = 0; i < mentions_nodes_count(m); i++) {
		struct { int32_t child, sibling, name; unsigned char byte, zero[3]; } x = { 0 };
		mentions_node_at(m, i, &x.child, &x.sibling, &x.name, &x.byte);
		put(w, PART_NODES, &x, sizeof(x));
	}
}

static uint32_t field_index(const char *field)
{
	for (uint32_t i = 0; corpus_fields[i]; i++)
		if (strcmp(corpus_fields[i], field) == 0)
			return i;
	return SNAP_NONE;
}

static void write_corpus(struct writer *w, const struct corpus *c)
{
	for (size_t i = 0; i < c->count; i++) {
		const struct corpus_unit *u = &c->units[i];
		size_t text_len = strlen(u->text);
		struct snap_unit x = {
			(uint32_t)u->ref.kind, u->ref.index, field_index(u->field), u->item, (uint32_t)u->tier,
			str(w, u->text), (uint32_t)text_len,
			pool_add(&w->folded, u->folded.text, u->folded.len), (uint32_t)u->folded.len,
			SNAP_NONE, u->section_ix, u->area_ix, u->stages, u->year_from, u->year_to,
			u->areas_at,
		};
		if (x.field == SNAP_NONE)
			w->problem = "a search field the format does not know";
		if (text_len >= UINT32_MAX || u->folded.len >= UINT32_MAX)
			w->problem = "a text too long";
		if (u->folded.origin) {
			x.origin = (uint32_t)(w->part[PART_ORIGIN].len / sizeof(uint32_t));
			buf_add(&w->part[PART_ORIGIN], u->folded.origin,
				(u->folded.len + 1) * sizeof(uint32_t));
		}
		put(w, PART_UNITS, &x, sizeof(x));
	}
	for (size_t i = 0; i < c->areas_count; i++) {
		int32_t a = c->areas[i];
		put(w, PART_UNIT_AREAS, &a, sizeof(a));
	}
	buf_add(&w->part[PART_RANK], c->rank, c->count * sizeof(*c->rank));
}

static uint32_t link_field_index(const char *field)
{
	for (uint32_t i = 0; link_fields[i]; i++)
		if (strcmp(link_fields[i], field) == 0)
			return i;
	return SNAP_NONE;
}

/* What links to each entity, slot by slot (kind by kind), as link_index_to
 * finds it: the first record of each slot, then one more for the end. */
static void write_backlinks(struct writer *w, const struct report *r)
{
	struct link_index *x = link_index_new(r);
	if (!x) {
		w->problem = "out of memory";
		return;
	}
	for (int k = 0; k < KIND_COUNT && !w->problem; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k) && !w->problem; i++) {
			uint32_t first = (uint32_t)(w->part[PART_BACKLINKS].len / sizeof(struct snap_backlink));
			put(w, PART_BACKLINK_FIRST, &first, sizeof(first));
			struct link_list l;
			if (link_index_to(x, (struct entity_ref){ (enum entity_kind)k, (int)i }, &l) != 0)
				w->problem = "out of memory";
			for (size_t j = 0; j < l.count; j++) {
				struct snap_backlink b = { link_field_index(l.links[j].field),
							   (uint32_t)l.links[j].from.kind, l.links[j].from.index };
				if (b.field == SNAP_NONE)
					w->problem = "a link field the format does not know";
				put(w, PART_BACKLINKS, &b, sizeof(b));
			}
			link_list_free(&l);
		}
	uint32_t end = (uint32_t)(w->part[PART_BACKLINKS].len / sizeof(struct snap_backlink));
	put(w, PART_BACKLINK_FIRST, &end, sizeof(end));
	link_index_free(x);
}

/* Where the text region starts: the names padded with NULs (empty
 * strings) to a block's end, so that checking the names (at opening) reads
 * no block of text. */
static uint32_t text_region(struct pool *p)
{
	static const char zeros[SNAP_BLOCK];
	size_t len = p->bytes.len;
	buf_add(&p->bytes, zeros, (size_t)(snap_blocks(len) * SNAP_BLOCK - len));
	return (uint32_t)p->bytes.len;
}

/* The header and the parts, each at an 8-byte boundary, sealed. */
static unsigned char *assemble(struct writer *w, size_t *len)
{
	struct snap_header h = { .version = SNAP_VERSION, .byte_order = SNAP_BYTE_ORDER,
				 .parts = PART_COUNT };
	memcpy(h.magic, SNAP_MAGIC, sizeof(h.magic));
	size_t at = (sizeof(h) + SNAP_ALIGN - 1) & ~(size_t)(SNAP_ALIGN - 1);
	for (int p = 0; p < PART_COUNT; p++) {
		h.part[p].offset = at;
		h.part[p].size = w->part[p].len;
		at += (w->part[p].len + SNAP_ALIGN - 1) & ~(size_t)(SNAP_ALIGN - 1);
	}
	h.file_size = at;
	unsigned char *out = at <= SNAP_MAX_BYTES ? calloc(1, at) : NULL;
	if (!out)
		return NULL;
	memcpy(out, &h, sizeof(h));
	for (int p = 0; p < PART_COUNT; p++)
		if (w->part[p].len)
			memcpy(out + h.part[p].offset, w->part[p].p, w->part[p].len);
	snap_seal(out, at);
	*len = at;
	return out;
}

static void writer_free(struct writer *w)
{
	for (int p = 0; p < PART_COUNT; p++)
		if (p != PART_STRINGS && p != PART_FOLDED)
			free(w->part[p].p);
	free(w->strings.bytes.p);
	free(w->strings.slots);
	free(w->folded.bytes.p);
	free(w->folded.slots);
}

unsigned char *snap_build(const struct report *r, const struct snap_key *key, size_t *len,
			  char *why, size_t whylen)
{
	struct writer w = { 0 };
	struct corpus *c = corpus_new(r);
	struct mentions *m = mentions_from_model(r); /* its names, not a snapshot's read lazily */
	unsigned char *out = NULL;
	size_t key_len;
	const unsigned char *key_bytes = snap_key_bytes(key, &key_len);
	buf_add(&w.part[PART_KEY], key_bytes, key_len);
	pool_add(&w.strings, "", 0); /* neither pool is ever empty */
	pool_add(&w.folded, "", 0);
	if (!c || !m)
		w.problem = "out of memory";
	for (int pass = 0; pass < 2 && !w.problem; pass++) {
		w.names_only = pass == 0;
		for (int p = 0; p < PART_COUNT; p++)
			if (p != PART_KEY)
				w.part[p].len = 0;
		write_sections(&w, r);
		write_stages(&w, r);
		write_entities(&w, r);
		write_ids(&w, r);
		write_mentions(&w, m);
		if (!w.names_only) {
			write_corpus(&w, c);
			write_backlinks(&w, r);
		} else { /* the second pass adds the prose, and only the prose, after it */
			w.text_at = text_region(&w.strings);
		}
	}
	/* the pools are parts too */
	w.part[PART_STRINGS] = w.strings.bytes;
	w.part[PART_FOLDED] = w.folded.bytes;
	/* room for the block sums, which snap_seal fills in */
	uint64_t blocks = 0;
	for (size_t b = 0; b < snap_blocked_count; b++)
		blocks += snap_blocks(w.part[snap_blocked_parts[b]].len);
	for (uint64_t b = 0; b < blocks; b++)
		buf_add(&w.part[PART_SUMS], &(uint64_t){ 0 }, sizeof(uint64_t));
	for (int p = 0; p < PART_COUNT && !w.problem; p++)
		if (w.part[p].failed)
			w.problem = "too large, or out of memory";
	if (!w.problem && !(out = assemble(&w, len)))
		w.problem = "too large, or out of memory";
	if (w.problem)
		snprintf(why, whylen, "%s", w.problem);
	corpus_free(c);
	mentions_free(m);
	writer_free(&w);
	return out;
}

unsigned char *snapshot_build(const struct report *r, const char *dir, size_t *len, char *why,
			      size_t whylen)
{
	struct snap_key *key = snap_key_take(dir, false, why, whylen);
	unsigned char *out = key ? snap_build(r, key, len, why, whylen) : NULL;
	snap_key_free(key);
	return out;
}
