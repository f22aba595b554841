/* snap_index.c - the parts of a snapshot read the first time they are
 * needed: the search index (corpus.h) and the names dictionary
 * (mentions.h). The index is checked then - its checksum, and every
 * offset and index it holds - and refused as a whole when anything is
 * wrong: the caller builds it from the model instead, and the refusal is
 * said at the end of the run. The dictionary is checked as lookups read it,
 * a block or a name at a time, and answered from the model from the first
 * damage on. The index's units' texts (the model's strings, which
 * the search does not read: it reads the folded texts) are checked when
 * first read instead, a unit at a time (snapshot_unit_text), or all at
 * once before a search that reads them all; found damaged, the index is
 * refused then, and corpus_unmap makes it from the model. */
#include "snap_internal.h"
#include "corpus.h"
#include "mentions.h"
#include "sanitize.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* The model's own string for a unit's field and item, its entity made (a
 * section's paragraphs read as the reader reads them): a hit's text must
 * be it, so that the index finds only what the model has - not an entity
 * refused when made (taken from the YAML, or a stand-in), nor a paragraph
 * of a section shown without its text. */
static const char *item_of(char **list, unsigned n, int item)
{
	return item >= 0 && (unsigned)item < n ? list[item] : NULL;
}

static const char *count_of(const struct count *list, unsigned n, int item)
{
	return item >= 0 && (unsigned)item < n ? list[item].of : NULL;
}

static const char *model_text(const struct report *r, struct entity_ref ref, const char *field,
			      int item)
{
	bool single = item == -1;
	int i = ref.index;
	switch (ref.kind) {
	case KIND_SECTION: {
		const struct section *s = report_section(r, i);
		if (strcmp(field, "paragraph") == 0) {
			s = report_section_text(r, (size_t)i);
			return item_of(s->paragraphs, s->paragraphs_count, item);
		}
		return single && strcmp(field, "title") == 0 ? s->title : NULL;
	}
	case KIND_STAGE: {
		const struct stage *s = report_stage(r, i);
		if (strcmp(field, "priorities") == 0)
			return item >= 0 && (unsigned)item < s->priorities_count ? s->priorities[item].text : NULL;
		if (strcmp(field, "achievements") == 0)
			return item_of(s->achievements, s->achievements_count, item);
		return single && strcmp(field, "title") == 0 ? s->title : NULL;
	}
	case KIND_AREA: {
		const struct area *a = report_area(r, i);
		if (strcmp(field, "aliases") == 0)
			return item_of(a->aliases, a->aliases_count, item);
		if (strcmp(field, "counts") == 0)
			return count_of(a->counts, a->counts_count, item);
		return single && strcmp(field, "title") == 0 ? a->title : NULL;
	}
	case KIND_ACTIVITY: {
		const struct activity *a = report_activity(r, i);
		if (strcmp(field, "aliases") == 0)
			return item_of(a->aliases, a->aliases_count, item);
		if (strcmp(field, "counts") == 0)
			return count_of(a->counts, a->counts_count, item);
		if (!single)
			return NULL;
		return strcmp(field, "short") == 0 ? a->short_name : strcmp(field, "title") == 0 ? a->title : NULL;
	}
	case KIND_EVENT:
		return single && strcmp(field, "title") == 0 ? report_event(r, i)->title : NULL;
	case KIND_MEETING: {
		const struct meeting *m = report_meeting(r, i);
		if (strcmp(field, "aliases") == 0)
			return item_of(m->aliases, m->aliases_count, item);
		if (!single)
			return NULL;
		return strcmp(field, "place") == 0 ? m->place : strcmp(field, "title") == 0 ? m->title : NULL;
	}
	case KIND_PROGRAMME: {
		const struct programme *p = report_programme(r, i);
		if (strcmp(field, "aliases") == 0)
			return item_of(p->aliases, p->aliases_count, item);
		if (strcmp(field, "counts") == 0)
			return count_of(p->counts, p->counts_count, item);
		if (!single)
			return NULL;
		return strcmp(field, "short") == 0 ? p->short_name : strcmp(field, "title") == 0 ? p->title : NULL;
	}
	case KIND_TERM: {
		const struct term *t = report_term(r, i);
		if (!single)
			return NULL;
		return strcmp(field, "expansion") == 0 ? t->expansion : strcmp(field, "title") == 0 ? t->title : NULL;
	}
	default:
		return NULL;
	}
}

static size_t fields_count(void)
{
	size_t n = 0;
	while (corpus_fields[n])
		n++;
	return n;
}

/* The corpus's parts, mapped and each within its bounds. */
struct index_parts {
	const struct snap_unit *units;
	size_t units_count;
	const int32_t *areas;
	size_t areas_count;
	const uint32_t *rank;
	size_t rank_count;
	const char *folded;
	size_t folded_len;
	const uint32_t *origin;
	size_t origin_count;
};

/* Where a unit's text maps back from its folded text: within the text, in
 * order, the last entry at the text's end. */
static bool origin_ok(const uint32_t *o, size_t len, uint32_t text_len)
{
	for (size_t i = 0; i < len; i++)
		if (o[i] > o[i + 1])
			return false;
	return o[len] == text_len;
}

/* Unit i as corpus.c would have made it, or false. Its text is not read:
 * only its offset is checked here, and the rest the first time the text
 * is read (snapshot_unit_text); the search reads the folded texts. */
static bool unit_make(const struct snapshot *s, const struct report *r, const struct index_parts *ix,
		      size_t fields, size_t i, struct corpus_unit *u)
{
	const struct snap_unit *x = &ix->units[i];
	char *text;
	if (x->kind >= KIND_COUNT || x->index < 0 || (size_t)x->index >= report_count(r, x->kind) ||
	    x->field >= fields || x->tier >= TIER_COUNT || !snap_text_string(s, x->text, &text) ||
	    x->text_len > s->pool_len - 1 - x->text || x->folded >= ix->folded_len ||
	    x->folded_len > ix->folded_len - 1 - x->folded || ix->folded[x->folded + x->folded_len] != '\0')
		return false;
	struct entity_ref ref = { (enum entity_kind)x->kind, x->index };
	const uint32_t *origin = NULL;
	if (x->origin != SNAP_NONE) {
		if (x->origin >= ix->origin_count || x->folded_len >= ix->origin_count - x->origin ||
		    !origin_ok(ix->origin + x->origin, x->folded_len, x->text_len))
			return false;
		origin = ix->origin + x->origin;
	} else if (x->folded_len != x->text_len) { /* ASCII: each byte stays in place */
		return false;
	}
	if ((x->section_ix != NO_INDEX && (x->section_ix < 0 || (size_t)x->section_ix >= r->sections_count)) ||
	    (x->area_ix != NO_INDEX && (x->area_ix < 0 || (size_t)x->area_ix >= r->areas_count)))
		return false;
	if (x->areas_at) { /* a list of areas: its length just before it */
		if (x->areas_at > ix->areas_count)
			return false;
		int32_t n = ix->areas[x->areas_at - 1];
		if (n < 0 || (size_t)n > ix->areas_count - x->areas_at)
			return false;
		for (int32_t k = 0; k < n; k++)
			if (ix->areas[x->areas_at + k] < 0 ||
			    (size_t)ix->areas[x->areas_at + k] >= r->areas_count)
				return false;
	}
	*u = (struct corpus_unit){ ref, corpus_fields[x->field], x->item, (enum corpus_tier)x->tier, text,
				   { (char *)ix->folded + x->folded, x->folded_len, (uint32_t *)origin },
				   x->section_ix, x->area_ix, x->stages, x->year_from, x->year_to,
				   x->areas_at };
	return true;
}

/* The rank must order every unit once. */
static bool rank_ok(const uint32_t *rank, size_t n)
{
	unsigned char *seen = calloc(n ? n : 1, 1);
	bool ok = seen != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		ok = rank[i] < n && !seen[rank[i]];
		if (ok)
			seen[rank[i]] = 1;
	}
	free(seen);
	return ok;
}

/* The units are all written now and read by every search: their pages
 * are made in one call rather than a fault at a time (about 800 at 100x,
 * most of making the index on a virtual machine). A kernel without it
 * faults them in as before. */
static void prefault(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), from = (uintptr_t)p / page * page;
	uintptr_t to = ((uintptr_t)p + len + page - 1) / page * page;
	(void)madvise((void *)from, to - from, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)len;
#endif
}

static const enum snap_part index_parts[] = {
	PART_UNITS, PART_UNIT_AREAS, PART_RANK, PART_FOLDED, PART_ORIGIN,
};

struct corpus *snapshot_corpus(const struct report *r)
{
	struct snapshot *s = r->snap;
	if (!s || s->told[0])
		return NULL;
	for (size_t p = 0; p < sizeof(index_parts) / sizeof(*index_parts); p++)
		if (!snap_check_part(s, index_parts[p])) {
			snap_refuse_later(s, "the checksum of its search index");
			return NULL;
		}
	struct index_parts ix;
	ix.units = snap_part(s, PART_UNITS, sizeof(*ix.units), &ix.units_count);
	ix.areas = snap_part(s, PART_UNIT_AREAS, sizeof(*ix.areas), &ix.areas_count);
	ix.rank = snap_part(s, PART_RANK, sizeof(*ix.rank), &ix.rank_count);
	ix.folded = snap_part(s, PART_FOLDED, 1, &ix.folded_len);
	ix.origin = snap_part(s, PART_ORIGIN, sizeof(*ix.origin), &ix.origin_count);
	struct corpus *c = calloc(1, sizeof(*c));
	struct corpus_unit *units = malloc((ix.units_count + 1) * sizeof(*units));
	unsigned char *checked = calloc(ix.units_count / 8 + 1, 1);
	if (!c || !units || !checked) {
		free(c);
		free(units);
		free(checked);
		return NULL; /* out of memory: built from the model, if it can be */
	}
	prefault(units, (ix.units_count + 1) * sizeof(*units));
	/* the mapping is read only, and so is an index once made */
	*c = (struct corpus){ .report = r, .units = units, .count = ix.units_count,
			      .capacity = ix.units_count + 1, .areas = (int *)ix.areas,
			      .areas_count = ix.areas_count, .rank = (uint32_t *)ix.rank, .mapped = true,
			      .text_checked = checked };
	size_t fields = fields_count();
	bool ok = ix.rank_count == ix.units_count && ix.folded_len && !ix.folded[ix.folded_len - 1] &&
		  s->pool_len && rank_ok(ix.rank, ix.rank_count);
	for (size_t i = 0; ok && i < ix.units_count; i++) {
		ok = unit_make(s, r, &ix, fields, i, &c->units[i]);
		c->text_bytes += ok ? ix.units[i].text_len : 0;
	}
	if (!ok) {
		corpus_free(c);
		snap_refuse_later(s, "an offset or index out of range in its search index");
		return NULL;
	}
	return c;
}

/* Whether unit i's text is good to read: the string its offset names is
 * good (its blocks' sums, its start, its end and its text: snap_strings.c),
 * as long as the unit says, and the very string the model's entity holds
 * for the unit's field (model_text: the hit's entity is made). */
static bool unit_text_good(struct snapshot *s, const struct corpus *c, size_t i)
{
	size_t count, len;
	const struct snap_unit *units = snap_part(s, PART_UNITS, sizeof(*units), &count);
	const struct corpus_unit *u = &c->units[i];
	uint32_t off = (uint32_t)(u->text - s->pool);
	return i < count && snap_string_good(s, off, &len) && len == units[i].text_len &&
	       model_text(c->report, u->ref, u->field, u->item) == u->text;
}

bool snapshot_unit_text(const struct corpus *c, size_t i)
{
	struct snapshot *s = c->report->snap;
	if (c->text_checked[i / 8] >> (i % 8) & 1)
		return true;
	/* read on after another part was refused, as a section's text is */
	if (!s || !unit_text_good(s, c, i)) {
		if (s)
			snap_refuse_later(s, "a text its search index points at");
		return false;
	}
	c->text_checked[i / 8] |= (unsigned char)(1u << (i % 8));
	return true;
}

bool snapshot_corpus_texts(const struct corpus *c)
{
	struct snapshot *s = c->report->snap;
	size_t count;
	if (!s)
		return false;
	/* the pool read once, in order, rather than a string at a time; each
	 * unit's string is compared with its entity's own when it is a
	 * hit (snapshot_unit_text) */
	const struct snap_unit *units = snap_part(s, PART_UNITS, sizeof(*units), &count);
	struct snap_len_check *checks = malloc((c->count + 1) * sizeof(*checks));
	bool ok = checks && count == c->count;
	for (size_t i = 0; ok && i < c->count; i++)
		checks[i] = (struct snap_len_check){ units[i].text, units[i].text_len, true };
	ok = ok && snap_check_strings(s, checks, c->count);
	free(checks);
	if (!ok)
		snap_refuse_later(s, "a text its search index points at");
	return ok;
}

/* ---- the names dictionary ---- */

/* The dictionary reads the snapshot as lookups reach it (mentions.h):
 * a block of its trie checked when first read, a name's record and string
 * when its node is first reached. On the first damage the snapshot is
 * refused (said once) and the dictionary made from the model answers. */

/* Record i of part p, its block checked, or NULL. */
static const void *record_of(struct snapshot *s, enum snap_part p, size_t i)
{
	size_t n, size = snap_part_record(p);
	const unsigned char *v = snap_part(s, p, size, &n);
	return i < n && snap_check_range(s, p, (uint64_t)i * size, size) ? v + i * size : NULL;
}

static bool name_read(void *ctx, size_t i, const char **text, struct entity_ref *ref)
{
	const struct report *r = ctx;
	struct snapshot *s = r->snap;
	const struct snap_name *x = record_of(s, PART_NAMES, i);
	char *t;
	if (!x) {
		snap_refuse_later(s, "the checksum of its names");
		return false;
	}
	if (!snap_string(s, x->text, false, &t) || x->kind >= KIND_COUNT || x->index < 0 ||
	    (size_t)x->index >= report_count(r, x->kind)) {
		snap_refuse_later(s, "an offset or index out of range in its names");
		return false;
	}
	*text = t;
	*ref = (struct entity_ref){ (enum entity_kind)x->kind, x->index };
	return true;
}

#define NODES_PER_BLOCK (SNAP_BLOCK / MENTIONS_NODE_BYTES)
_Static_assert(NODES_PER_BLOCK * MENTIONS_NODE_BYTES == SNAP_BLOCK &&
	       (NODES_PER_BLOCK & (NODES_PER_BLOCK - 1)) == 0, "a block holds whole nodes, 2^k of them");

static bool nodes_block(void *ctx, size_t block)
{
	const struct report *r = ctx;
	struct snapshot *s = r->snap;
	uint64_t off = (uint64_t)block * SNAP_BLOCK, size = s->head.part[PART_NODES].size;
	if (off < size && snap_check_range(s, PART_NODES, off, size - off < SNAP_BLOCK ? size - off : SNAP_BLOCK))
		return true;
	snap_refuse_later(s, "the checksum of its names");
	return false;
}

/* The model's dictionary, from the first damage on: said once (a block's
 * sum or a name's record said it already; a trie that goes wrong, as a
 * list of siblings longer than there are bytes, says it here). */
static struct mentions *names_fallback(void *ctx)
{
	const struct report *r = ctx;
	snap_refuse_later(r->snap, "its names' trie");
	return mentions_from_model(r);
}

static unsigned log2_of(size_t n)
{
	unsigned k = 0;
	while ((size_t)1 << k < n)
		k++;
	return k;
}

struct mentions *snapshot_mentions(const struct report *r)
{
	struct snapshot *s = r->snap;
	if (!s || s->told[0])
		return NULL;
	size_t n, nodes;
	snap_part(s, PART_NAMES, sizeof(struct snap_name), &n);
	const void *trie = snap_part(s, PART_NODES, MENTIONS_NODE_BYTES, &nodes);
	struct mentions_source src = { (void *)r, name_read, nodes_block, names_fallback,
				       log2_of(NODES_PER_BLOCK) };
	struct mentions *m = mentions_over(n, trie, nodes, &src);
	if (!m && !nodes)
		snap_refuse_later(s, "its names have no trie");
	return m;
}

void snapshot_tell(const struct report *r, FILE *note)
{
	if (!r || !r->snap || !r->snap->told[0] || r->snap->said || !note)
		return;
	sanitize_error(note, "%s", r->snap->told); /* it names a file */
	r->snap->said = true;
}
