/* test_snapshot.c - a model read from a compiled snapshot is the model read
 * from the YAML, field for field, with the same search index and the same
 * names found in the prose (both reports); and a snapshot that is damaged
 * or made up - truncated, of another version, a part whose checksum is
 * wrong, offsets, counts and indices out of range, text that could drive a
 * terminal, a trie or an id table that loops - is refused in words or read
 * only within its bounds, never trusted. What links to each entity, read
 * from the snapshot's index of backlinks, is what the scan finds, and that
 * index made up is refused when first read and scanned for instead. (On disk - stale content, FIFOs,
 * writers at once, read-only caches: test_snapshot_files.c.) */
#include "testutil.h"
#include "corpus.h"
#include "links.h"
#include "mentions.h"
#include "search.h"
#include "snap_format.h"
#include "snapshot.h"
#include "stage_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void same_strs(char **a, unsigned na, char **b, unsigned nb)
{
	assert_int_equal(na, nb);
	for (unsigned i = 0; i < na; i++)
		same_str(a[i], b[i]);
}

static void same_counts(const struct count *a, unsigned na, const struct count *b, unsigned nb)
{
	assert_int_equal(na, nb);
	for (unsigned i = 0; i < na; i++) {
		assert_int_equal(a[i].n, b[i].n);
		same_str(a[i].of, b[i].of);
		same_str(a[i].words, b[i].words);
	}
}

static void same_sections(const struct report *a, const struct report *b)
{
	assert_int_equal(a->sections_count, b->sections_count);
	for (size_t i = 0; i < a->sections_count; i++) {
		/* the text as every reader reads it */
		const struct section *x = report_section_text(a, i), *y = report_section_text(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->parent, y->parent);
		same_str(x->number, y->number);
		same_str(x->name, y->name);
		assert_int_equal(x->parent_ix, y->parent_ix);
		assert_int_equal(x->depth, y->depth);
		same_strs(x->paragraphs, x->paragraphs_count, y->paragraphs, y->paragraphs_count);
		assert_int_equal(x->emphasis_count, y->emphasis_count);
		if (x->emphasis_count)
			assert_memory_equal(x->emphasis, y->emphasis, x->emphasis_count * sizeof(*x->emphasis));
	}
}

static void same_stages(const struct report *a, const struct report *b)
{
	assert_int_equal(a->stages_count, b->stages_count);
	for (size_t i = 0; i < a->stages_count; i++) {
		const struct stage *x = report_stage(a, i), *y = report_stage(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->name, y->name);
		same_str(x->section, y->section);
		same_str(x->meeting, y->meeting);
		same_str(x->action_plan, y->action_plan);
		assert_int_equal(x->number, y->number);
		assert_int_equal(x->from, y->from);
		assert_int_equal(x->to, y->to);
		assert_int_equal(x->section_ix, y->section_ix);
		assert_int_equal(x->meeting_ix, y->meeting_ix);
		assert_int_equal(x->action_plan_ix, y->action_plan_ix);
		assert_int_equal(x->priorities_count, y->priorities_count);
		for (unsigned p = 0; p < x->priorities_count; p++) {
			same_str(x->priorities[p].text, y->priorities[p].text);
			same_str(x->priorities[p].area, y->priorities[p].area);
			assert_int_equal(x->priorities[p].area_ix, y->priorities[p].area_ix);
		}
		same_counts(x->counts, x->counts_count, y->counts, y->counts_count);
		same_strs(x->achievements, x->achievements_count, y->achievements, y->achievements_count);
		assert_int_equal(x->prose_count, y->prose_count);
		for (unsigned p = 0; p < x->prose_count; p++) {
			same_str(x->prose[p].section, y->prose[p].section);
			assert_int_equal(x->prose[p].first, y->prose[p].first);
			assert_int_equal(x->prose[p].last, y->prose[p].last);
			assert_int_equal(x->prose[p].section_ix, y->prose[p].section_ix);
		}
	}
}

static void same_things(const struct report *a, const struct report *b)
{
	assert_int_equal(a->areas_count, b->areas_count);
	for (size_t i = 0; i < a->areas_count; i++) {
		const struct area *x = report_area(a, i), *y = report_area(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->section, y->section);
		assert_int_equal(x->number, y->number);
		assert_int_equal(x->section_ix, y->section_ix);
		same_strs(x->aliases, x->aliases_count, y->aliases, y->aliases_count);
		same_counts(x->counts, x->counts_count, y->counts, y->counts_count);
	}
	assert_int_equal(a->activities_count, b->activities_count);
	for (size_t i = 0; i < a->activities_count; i++) {
		const struct activity *x = report_activity(a, i), *y = report_activity(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->short_name, y->short_name);
		same_str(x->area, y->area);
		same_str(x->section, y->section);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->area_ix, y->area_ix);
		assert_int_equal(x->section_ix, y->section_ix);
		same_strs(x->aliases, x->aliases_count, y->aliases, y->aliases_count);
		same_counts(x->counts, x->counts_count, y->counts, y->counts_count);
	}
	assert_int_equal(a->events_count, b->events_count);
	for (size_t i = 0; i < a->events_count; i++) {
		const struct event *x = report_event(a, i), *y = report_event(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->section, y->section);
		same_str(x->meeting, y->meeting);
		same_str(x->short_name, y->short_name);
		assert_int_equal(x->year, y->year);
		assert_int_equal(x->month, y->month);
		assert_int_equal(x->section_ix, y->section_ix);
		assert_int_equal(x->meeting_ix, y->meeting_ix);
		assert_int_equal(x->stage_ix, y->stage_ix);
		same_strs(x->links, x->links_count, y->links, y->links_count);
	}
}

static void same_others(const struct report *a, const struct report *b)
{
	assert_int_equal(a->meetings_count, b->meetings_count);
	for (size_t i = 0; i < a->meetings_count; i++) {
		const struct meeting *x = report_meeting(a, i), *y = report_meeting(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->series, y->series);
		same_str(x->place, y->place);
		same_str(x->section, y->section);
		assert_int_equal(x->ordinal, y->ordinal);
		assert_int_equal(x->year, y->year);
		assert_int_equal(x->month, y->month);
		assert_int_equal(x->section_ix, y->section_ix);
		assert_int_equal(x->series_ix, y->series_ix);
		same_strs(x->aliases, x->aliases_count, y->aliases, y->aliases_count);
	}
	assert_int_equal(a->programmes_count, b->programmes_count);
	for (size_t i = 0; i < a->programmes_count; i++) {
		const struct programme *x = report_programme(a, i), *y = report_programme(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->short_name, y->short_name);
		same_str(x->section, y->section);
		assert_int_equal(x->type, y->type);
		assert_int_equal(x->section_ix, y->section_ix);
		same_strs(x->aliases, x->aliases_count, y->aliases, y->aliases_count);
		same_counts(x->counts, x->counts_count, y->counts, y->counts_count);
	}
	assert_int_equal(a->terms_count, b->terms_count);
	for (size_t i = 0; i < a->terms_count; i++) {
		const struct term *x = report_term(a, i), *y = report_term(b, i);
		same_str(x->id, y->id);
		same_str(x->title, y->title);
		same_str(x->expansion, y->expansion);
		same_str(x->section, y->section);
		same_str(x->refers, y->refers);
		assert_int_equal(x->section_ix, y->section_ix);
	}
	assert_int_equal(a->series_count, b->series_count);
	for (size_t i = 0; i < a->series_count; i++) {
		same_str(report_series_at(a, i)->id, report_series_at(b, i)->id);
		same_str(report_series_at(a, i)->title, report_series_at(b, i)->title);
		same_str(report_series_at(a, i)->short_name, report_series_at(b, i)->short_name);
	}
	same_str(a->title, b->title);
	same_str(a->short_name, b->short_name);
}

/* Every id finds the same entity, in any case; a made-up one none. */
static void same_ids(const struct report *a, const struct report *b)
{
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(a, (enum entity_kind)k); i++) {
			struct entity_ref want = { (enum entity_kind)k, (int)i }, got;
			assert_int_equal(report_find(b, report_entity_id(a, want), &got), 0);
			assert_true(entity_ref_same(want, got));
		}
	struct entity_ref ref;
	assert_int_equal(report_find(b, "no-such-id-anywhere", &ref), -1);
}

static void same_index(const struct corpus *a, const struct corpus *b)
{
	assert_int_equal(a->count, b->count);
	assert_int_equal(a->text_bytes, b->text_bytes);
	assert_int_equal(a->areas_count, b->areas_count);
	if (a->areas_count)
		assert_memory_equal(a->areas, b->areas, a->areas_count * sizeof(*a->areas));
	assert_memory_equal(a->rank, b->rank, a->count * sizeof(*a->rank));
	for (size_t i = 0; i < a->count; i++) {
		const struct corpus_unit *x = &a->units[i], *y = &b->units[i];
		assert_true(entity_ref_same(x->ref, y->ref));
		assert_string_equal(x->field, y->field);
		assert_int_equal(x->item, y->item);
		assert_int_equal(x->tier, y->tier);
		assert_string_equal(x->text, y->text);
		assert_int_equal(x->folded.len, y->folded.len);
		assert_string_equal(x->folded.text, y->folded.text);
		assert_int_equal(!x->folded.origin, !y->folded.origin);
		if (x->folded.origin)
			assert_memory_equal(x->folded.origin, y->folded.origin,
					    (x->folded.len + 1) * sizeof(*x->folded.origin));
		assert_int_equal(x->section_ix, y->section_ix);
		assert_int_equal(x->area_ix, y->area_ix);
		assert_int_equal(x->stages, y->stages);
		assert_int_equal(x->year_from, y->year_from);
		assert_int_equal(x->year_to, y->year_to);
		assert_int_equal(x->areas_at, y->areas_at);
	}
}

static unsigned char *build(const struct report *r, size_t *len)
{
	char why[256] = "";
	unsigned char *bytes = snapshot_build(r, NULL, len, why, sizeof(why));
	if (!bytes)
		fail_msg("snapshot_build: %s", why);
	return bytes;
}

/* Open bytes that must be accepted. */
static struct report *open_ok(const unsigned char *bytes, size_t len)
{
	char why[512] = "";
	struct report *r = snapshot_open_memory(bytes, len, why, sizeof(why));
	if (!r)
		fail_msg("a good snapshot refused: %s", why);
	return r;
}

/* Open bytes that must be refused, with a reason naming `words`. */
static void refused(const unsigned char *bytes, size_t len, const char *words)
{
	char why[512] = "";
	struct report *r = snapshot_open_memory(bytes, len, why, sizeof(why));
	if (r) {
		report_free(r);
		fail_msg("a snapshot that should be refused (%s) was read", words);
	}
	if (!strstr(why, words))
		fail_msg("refused as '%s', expected words '%s'", why, words);
}

/* How many of r's entities read as damaged (in memory there is no YAML to
 * take them from), every entity and series read. */
static size_t damaged_entities(const struct report *r)
{
	size_t n = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++)
			n += strcmp(report_entity_id(r, (struct entity_ref){ (enum entity_kind)k, (int)i }),
				    "(damaged)") == 0;
	for (size_t i = 0; i < r->series_count; i++)
		n += strcmp(report_series_at(r, i)->id, "(damaged)") == 0;
	return n;
}

/* The snapshot's model is the YAML's, entity for entity, and made again from
 * itself it gives the same bytes. */
static void test_same_model(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	struct report *snap = open_ok(bytes, len);
	assert_non_null(snap->snap);
	same_sections(yaml, snap);
	same_stages(yaml, snap);
	same_things(yaml, snap);
	same_others(yaml, snap);
	same_ids(yaml, snap);
	/* made again from the snapshot's own model: the same bytes */
	size_t again_len;
	unsigned char *again = build(snap, &again_len);
	assert_int_equal(again_len, len);
	assert_memory_equal(again, bytes, len);
	free(again);
	report_free(snap);
	free(bytes);
}

static void test_same_index_and_names(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	struct report *snap = open_ok(bytes, len);
	struct corpus *a = corpus_new(yaml), *b = corpus_new(snap);
	assert_non_null(a);
	assert_non_null(b);
	assert_false(a->mapped);
	assert_true(b->mapped); /* the snapshot's own, not rebuilt */
	same_index(a, b);
	struct mentions *ma = mentions_from_report(yaml), *mb = mentions_from_report(snap);
	size_t of;
	assert_int_equal(mentions_blocks_checked(mb, &of), 0); /* read as lookups reach it */
	assert_true(of > 0);
	tu_same_mentions(yaml, ma, mb);
	/* the same search, the same hits */
	struct search_results ra, rb;
	assert_int_equal(search_run(a, tu_facts()->word, &ra), 0);
	assert_int_equal(search_run(b, tu_facts()->word, &rb), 0);
	assert_true(ra.count > 0);
	assert_int_equal(ra.count, rb.count);
	for (size_t i = 0; i < ra.count; i++)
		assert_int_equal(ra.hits[i].unit - a->units, rb.hits[i].unit - b->units);
	search_results_free(&ra);
	search_results_free(&rb);
	/* every unit's text read (a regex), every hit's checked: all good */
	assert_int_equal(tu_search_rows(a, "/./"), tu_search_rows(b, "/./"));
	assert_true(b->mapped);
	/* nothing was refused: nothing to say */
	char *told = tu_told(snap);
	assert_string_equal(told, "");
	free(told);
	mentions_free(ma);
	mentions_free(mb);
	corpus_free(a);
	corpus_free(b);
	report_free(snap);
	free(bytes);
}

/* ---- backlinks ---- */

static void same_links(const struct link_list *want, const struct link_list *got)
{
	assert_int_equal(got->count, want->count);
	for (size_t i = 0; i < want->count; i++) {
		const struct link *a = &want->links[i], *b = &got->links[i];
		assert_string_equal(b->field, a->field);
		assert_ptr_equal(b->field, a->field); /* links.h's own string, not the file's */
		assert_int_equal(b->from.kind, a->from.kind);
		assert_int_equal(b->from.index, a->from.index);
		assert_int_equal(b->to.kind, a->to.kind);
		assert_int_equal(b->to.index, a->to.index);
	}
}

/* What links to every entity of r (and to one past each kind's last) is
 * what the scan of the YAML's model finds; the number of links compared. */
static size_t same_backlinks(const struct report *yaml, const struct report *r)
{
	size_t compared = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i <= report_count(yaml, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			struct link_list want, got;
			assert_int_equal(links_to(yaml, ref, &want), 0);
			assert_int_equal(report_links_to(r, NULL, ref, &got), 0);
			same_links(&want, &got);
			compared += want.count;
			link_list_free(&want);
			link_list_free(&got);
		}
	return compared;
}

/* Every entity's backlinks read from the snapshot's own index (not the
 * scan) are links_to's: the same links, fields, order. */
static void test_same_backlinks(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	struct report *snap = open_ok(bytes, len);
	size_t from_index = 0;
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(yaml, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			struct link_list want, got;
			assert_int_equal(links_to(yaml, ref, &want), 0);
			assert_int_equal(snapshot_links_to(snap, ref, &got), 0); /* read, not scanned */
			same_links(&want, &got);
			from_index += got.count;
			link_list_free(&want);
			link_list_free(&got);
		}
	assert_true(from_index > 10); /* the comparison compared something */
	assert_int_equal(same_backlinks(yaml, snap), from_index);
	char *told = tu_told(snap);
	assert_string_equal(told, ""); /* nothing refused */
	free(told);
	report_free(snap);
	free(bytes);
}

/* ---- damage ---- */

static struct snap_header header_of(const unsigned char *bytes)
{
	struct snap_header h;
	memcpy(&h, bytes, sizeof(h));
	return h;
}

static unsigned char *part_of(unsigned char *bytes, enum snap_part p, size_t *size)
{
	struct snap_header h = header_of(bytes);
	*size = (size_t)h.part[p].size;
	return bytes + h.part[p].offset;
}

static unsigned char *copy_of(const unsigned char *bytes, size_t len)
{
	unsigned char *c = malloc(len);
	assert_non_null(c);
	memcpy(c, bytes, len);
	return c;
}

static void test_truncated_and_padded(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(tu_report(), &len);
	size_t cuts[] = { 0, 1, 8, sizeof(struct snap_header) - 1 };
	for (size_t i = 0; i < sizeof(cuts) / sizeof(*cuts); i++)
		refused(bytes, cuts[i], "truncated");
	/* a header whole, the rest cut anywhere */
	for (size_t cut = sizeof(struct snap_header); cut < len; cut += len / 97 + 1)
		refused(bytes, cut, "truncated or has bytes added");
	refused(bytes, len - 1, "truncated or has bytes added");
	unsigned char *more = malloc(len + 1);
	memcpy(more, bytes, len);
	more[len] = 0;
	refused(more, len + 1, "truncated or has bytes added");
	free(more);
	free(bytes);
}

static void test_not_this_version(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(tu_report(), &len);
	unsigned char *c = copy_of(bytes, len);
	struct snap_header h = header_of(c);
	h.version = SNAP_VERSION + 1;
	memcpy(c, &h, sizeof(h));
	snap_seal(c, len);
	char words[128];
	snprintf(words, sizeof(words), "of another version (format %u; this temm reads %u)",
		 SNAP_VERSION + 1, SNAP_VERSION);
	refused(c, len, words);
	h = header_of(bytes);
	h.byte_order = 0x04030201;
	memcpy(c, &h, sizeof(h));
	snap_seal(c, len);
	refused(c, len, "another byte order");
	memcpy(c, "TEMMSNAQ", 8);
	refused(c, len, "not a temm snapshot");
	refused((const unsigned char *)"report:\n  title: YAML, not a snapshot\n", 38, "truncated");
	free(c);
	free(bytes);
}

/* A byte flipped in any part: refused when opening for the model's, or
 * later (and built from the model instead, or scanned for) for the
 * index's, the names' and the backlinks'. (The strings, checked a block
 * at a time: test_text_read_late.) */
/* A byte of one of the model's parts flipped: each entity whose record or
 * list lies in its block is refused when read, shown as damaged, and said;
 * a damaged table of ids is refused at a lookup, and every id is still
 * found (in the entities). */
static void model_part_damaged(const struct report *yaml, const struct report *r, enum snap_part p)
{
	if (p == PART_IDS) {
		for (int k = 0; k < KIND_COUNT; k++)
			for (size_t i = 0; i < report_count(yaml, (enum entity_kind)k); i++) {
				struct entity_ref want = { (enum entity_kind)k, (int)i }, got;
				assert_int_equal(report_find(r, report_entity_id(yaml, want), &got), 0);
				assert_true(entity_ref_same(want, got));
			}
		assert_int_equal(report_find(r, "no-such-id", &(struct entity_ref){ 0 }), -1);
	} else {
		assert_true(damaged_entities(r) >= 1);
	}
	char *told = tu_told(r);
	if (!strstr(told, p == PART_IDS ? "is damaged (its table of ids)" : "shown as damaged"))
		fail_msg("part %d: told '%s'", (int)p, told);
	free(told);
}

static void test_checksums(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	struct corpus *want = corpus_new(yaml);
	for (int p = 0; p < PART_COUNT; p++) {
		size_t size;
		unsigned char *c = copy_of(bytes, len);
		unsigned char *at = part_of(c, (enum snap_part)p, &size);
		if (!size || p == PART_STRINGS) {
			free(c);
			continue;
		}
		at[size / 2] ^= 0x10;
		bool at_open = p == PART_KEY || p == PART_REPORT || p == PART_SUMS;
		bool backlinks = p == PART_BACKLINK_FIRST || p == PART_BACKLINKS;
		if (at_open) {
			refused(c, len, "damaged");
			free(c);
			continue;
		}
		struct report *r = open_ok(c, len);
		if (p >= PART_SECTIONS && p <= PART_IDS) { /* the model's: read when used */
			model_part_damaged(yaml, r, (enum snap_part)p);
			report_free(r);
			free(c);
			continue;
		}
		struct corpus *got = corpus_new(r);
		struct mentions *m = mentions_from_report(r);
		assert_non_null(got);
		assert_non_null(m);
		if (p == PART_NAMES || p == PART_NODES) { /* read by lookups, not when made */
			char *none = tu_told(r);
			assert_string_equal(none, "");
			free(none);
		}
		/* the index refused is built from the model: still right */
		assert_int_equal(got->mapped, p == PART_NAMES || p == PART_NODES || backlinks);
		same_index(want, got);
		struct mentions *mw = mentions_from_report(yaml);
		tu_same_mentions(yaml, mw, m);
		mentions_free(mw);
		if (backlinks) /* refused at first use, and scanned for: still right */
			same_backlinks(yaml, r);
		char *told = tu_told(r); /* one line, once */
		assert_non_null(strstr(told, "is damaged"));
		free(told);
		mentions_free(m);
		corpus_free(got);
		report_free(r);
		free(c);
	}
	corpus_free(want);
	free(bytes);
}

/* A record changed and the file sealed again, so that only the reader's
 * own checks stand between it and the model. */
typedef void mutate_fn(unsigned char *bytes);

static void refused_after(const unsigned char *bytes, size_t len, mutate_fn *mutate,
			  const char *words)
{
	unsigned char *c = copy_of(bytes, len);
	mutate(c);
	snap_seal(c, len);
	refused(c, len, words);
	free(c);
}

#define RECORD(type, part, i) ((struct type *)part_of(bytes, part, &size) + (i))

/* A record changed and sealed again: the file opens (opening reads no
 * entity), and the entity is refused when first read, shown as damaged,
 * and said in one line (index -1: whichever entity reads it first). */
static void damaged_later(const unsigned char *bytes, size_t len, mutate_fn *mutate,
			  enum entity_kind kind, int index)
{
	unsigned char *c = copy_of(bytes, len);
	mutate(c);
	snap_seal(c, len);
	struct report *r = open_ok(c, len);
	char what[80] = "is damaged (";
	if (index >= 0) {
		assert_string_equal(report_entity_id(r, (struct entity_ref){ kind, index }), "(damaged)");
		/* the first said (others may follow: a section's children) */
		snprintf(what, sizeof(what), "its %s %d)", entity_kind_name(kind), index + 1);
	}
	assert_true(damaged_entities(r) >= 1);
	char *told = tu_told(r);
	if (!strstr(told, "is damaged (") || !strstr(told, what) ||
	    !strstr(told, "shown as damaged (its content is not known)"))
		fail_msg("told '%s', expected '%s'", told, what);
	free(told);
	report_free(r);
	free(c);
}


static void title_out_of_pool(unsigned char *bytes)
{
	size_t size, pool;
	part_of(bytes, PART_STRINGS, &pool);
	RECORD(snap_section, PART_SECTIONS, 0)->title = (uint32_t)pool + 3;
}

static void paragraphs_past_list(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_section, PART_SECTIONS, 0)->paragraphs.count = 0x7fffffff;
}

static void parent_is_itself(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_section, PART_SECTIONS, 1)->parent_ix = 1;
}

static void stage_section_past_end(unsigned char *bytes)
{
	size_t size, sections;
	part_of(bytes, PART_SECTIONS, &sections);
	RECORD(snap_stage, PART_STAGES, 0)->section_ix = (int32_t)(sections / sizeof(struct snap_section));
}

static void required_title_absent(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_event, PART_EVENTS, 0)->title = SNAP_NONE;
}

static void events_out_of_order(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_event, PART_EVENTS, 0)->year = YEAR_MAX;
}

static void area_misnumbered(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_area, PART_AREAS, 0)->number = 2;
}

static void activity_kind_unknown(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_activity, PART_ACTIVITIES, 0)->kind = ACTIVITY_KIND_COUNT;
}

static void emphasis_past_paragraph(unsigned char *bytes)
{
	size_t size;
	part_of(bytes, PART_EMPHASIS, &size);
	if (!size) { /* a report without emphasis: give section 0 a run */
		RECORD(snap_section, PART_SECTIONS, 0)->emphasis.count = 1;
		return;
	}
	RECORD(emphasis, PART_EMPHASIS, 0)->end = 1u << 30;
}

static void name_past_title(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_section, PART_SECTIONS, 0)->name_at = 1u << 20;
}

/* Every section names the paragraphs of all: the lists would take far
 * more memory than the file holds. */
static void lists_shared(unsigned char *bytes)
{
	size_t size, n;
	part_of(bytes, PART_STRLISTS, &n);
	part_of(bytes, PART_SECTIONS, &size);
	for (size_t i = 0; i < size / sizeof(struct snap_section); i++)
		RECORD(snap_section, PART_SECTIONS, i)->paragraphs =
			(struct snap_list){ 0, (uint32_t)(n / sizeof(uint32_t)) };
}

/* The pool's names region: where its text region starts. */
static size_t text_at(unsigned char *bytes)
{
	size_t size;
	return RECORD(snap_report, PART_REPORT, 0)->text_at;
}

static void escape_in_name(unsigned char *bytes)
{
	size_t size;
	unsigned char *pool = part_of(bytes, PART_STRINGS, &size);
	uint32_t title = RECORD(snap_report, PART_REPORT, 0)->title;
	pool[title + strlen((const char *)pool + title) - 1] = 0x1b; /* the title's last byte: ESC */
}

/* A section's number longer than its title (and not its start): the place
 * of a section is made of its parents' numbers, sized by their titles. */
static void number_not_title_start(unsigned char *bytes)
{
	size_t size, sections;
	part_of(bytes, PART_SECTIONS, &sections);
	for (size_t i = 0; i < sections / sizeof(struct snap_section); i++)
		if (RECORD(snap_section, PART_SECTIONS, i)->number != SNAP_NONE) {
			RECORD(snap_section, PART_SECTIONS, i)->number = RECORD(snap_report, PART_REPORT, 0)->title;
			return;
		}
	fail_msg("no section has a number");
}

/* Strings named from their middle: a name could start half a character
 * in, and text could be named again and again from each of its bytes. */
static void name_mid_string(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_section, PART_SECTIONS, 0)->title += 1;
}


static void sums_cut(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes);
	h.part[PART_SUMS].size -= 8;
	memcpy(bytes, &h, sizeof(h));
}

static void sums_too_many(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes); /* the next part's first 8 bytes taken */
	h.part[PART_SUMS].size += 8;
	memcpy(bytes, &h, sizeof(h));
}

static void text_starts_past_pool(unsigned char *bytes)
{
	size_t size, pool;
	part_of(bytes, PART_STRINGS, &pool);
	RECORD(snap_report, PART_REPORT, 0)->text_at = (uint32_t)pool + 1;
}

/* A paragraph's offset past the pool (the list of strings is read whole). */
static void paragraph_past_pool(unsigned char *bytes)
{
	size_t size, pool;
	part_of(bytes, PART_STRINGS, &pool);
	const struct snap_section *x = RECORD(snap_section, PART_SECTIONS, 0);
	uint32_t *lists = (uint32_t *)part_of(bytes, PART_STRLISTS, &size);
	assert_true(x->paragraphs.count > 0);
	lists[x->paragraphs.at] = (uint32_t)pool;
}

static void part_outside_file(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes);
	h.part[PART_TERMS].offset = h.file_size - 8;
	h.part[PART_TERMS].size = 64;
	memcpy(bytes, &h, sizeof(h));
}

static void records_cut(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes);
	h.part[PART_EVENTS].size -= 4;
	memcpy(bytes, &h, sizeof(h));
}

static void test_out_of_range(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(tu_report(), &len);
	damaged_later(bytes, len, title_out_of_pool, KIND_SECTION, 0);
	damaged_later(bytes, len, paragraphs_past_list, KIND_SECTION, 0);
	damaged_later(bytes, len, parent_is_itself, KIND_SECTION, 1);
	damaged_later(bytes, len, stage_section_past_end, KIND_STAGE, 0);
	damaged_later(bytes, len, required_title_absent, KIND_EVENT, 0);
	damaged_later(bytes, len, events_out_of_order, KIND_EVENT, 1); /* the next is before it */
	damaged_later(bytes, len, area_misnumbered, KIND_AREA, 0);
	damaged_later(bytes, len, activity_kind_unknown, KIND_ACTIVITY, 0);
	size_t emph;
	part_of(bytes, PART_EMPHASIS, &emph);
	if (!emph) /* a run past its paragraph's end: test_text_read_late */
		damaged_later(bytes, len, emphasis_past_paragraph, KIND_SECTION, 0);
	damaged_later(bytes, len, name_past_title, KIND_SECTION, 0);
	damaged_later(bytes, len, lists_shared, KIND_SECTION, -1);
	refused_after(bytes, len, escape_in_name, "the report's title");
	damaged_later(bytes, len, number_not_title_start, KIND_SECTION, -1);
	damaged_later(bytes, len, name_mid_string, KIND_SECTION, 0);
	refused_after(bytes, len, sums_cut, "its block checksums are");
	refused_after(bytes, len, sums_too_many, "its block checksums are");
	refused_after(bytes, len, text_starts_past_pool, "where its text starts");
	damaged_later(bytes, len, paragraph_past_pool, KIND_SECTION, 0);
	refused_after(bytes, len, part_outside_file, "lies outside the file");
	refused_after(bytes, len, records_cut, "lies outside the file");
	free(bytes);
}

/* Parts read later, made up and sealed: the index and the dictionary are
 * refused and built from the model; the id table and the trie, read a
 * probe at a time, stay within their bounds and end. */
static void read_later(const unsigned char *bytes, size_t len, mutate_fn *mutate)
{
	unsigned char *c = copy_of(bytes, len);
	mutate(c);
	snap_seal(c, len);
	struct report *r = open_ok(c, len);
	/* refused when it is made, or when a search first reads every text (a
	 * regex): then made from the model, which answers */
	struct corpus *got = corpus_new(r), *want = corpus_new(tu_report());
	assert_non_null(got);
	assert_int_equal(tu_search_rows(got, "/./"), tu_search_rows(want, "/./"));
	assert_false(got->mapped);
	char *told = tu_told(r);
	assert_non_null(strstr(told, "is damaged ("));
	free(told);
	corpus_free(got);
	corpus_free(want);
	report_free(r);
	free(c);
}

static void unit_text_elsewhere(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_unit, PART_UNITS, 0)->text = RECORD(snap_unit, PART_UNITS, 1)->text;
}

static void unit_length_wrong(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_unit, PART_UNITS, 3)->text_len += 1;
	RECORD(snap_unit, PART_UNITS, 3)->folded_len += 1;
}

static void unit_folded_past_pool(unsigned char *bytes)
{
	size_t size, folded;
	part_of(bytes, PART_FOLDED, &folded);
	RECORD(snap_unit, PART_UNITS, 0)->folded = (uint32_t)folded;
}

static void rank_twice(unsigned char *bytes)
{
	size_t size;
	uint32_t *rank = (uint32_t *)part_of(bytes, PART_RANK, &size);
	rank[1] = rank[0];
}

static void origin_backwards(unsigned char *bytes)
{
	size_t size;
	part_of(bytes, PART_ORIGIN, &size);
	for (size_t i = 0; i < size / sizeof(uint32_t); i++) /* every entry past the text */
		((uint32_t *)part_of(bytes, PART_ORIGIN, &size))[i] = UINT32_MAX - (uint32_t)i;
	RECORD(snap_unit, PART_UNITS, 0)->origin = 0;
}

/* The names dictionary damaged (`seal`: sealed again, so only the
 * reader's own checks find it): nothing is read, and nothing said, when it
 * is made; the first lookups that read the damage find it, it is said
 * once, in one line with `words`, and every answer - those lookups' too -
 * is still the model's. */
static void names_damaged(const unsigned char *bytes, size_t len, mutate_fn *mutate, bool seal,
			  const char *words)
{
	const struct report *yaml = tu_report();
	unsigned char *c = copy_of(bytes, len);
	mutate(c);
	if (seal)
		snap_seal(c, len);
	struct report *r = open_ok(c, len);
	struct mentions *m = mentions_from_report(r), *want = mentions_from_report(yaml);
	assert_non_null(m);
	size_t of;
	assert_int_equal(mentions_blocks_checked(m, &of), 0);
	assert_true(of > 0); /* the snapshot's, made without reading it */
	char *told = tu_told(r);
	assert_string_equal(told, "");
	free(told);
	tu_same_mentions(yaml, want, m);
	told = tu_told(r);
	if (!strstr(told, words))
		fail_msg("told '%s', expected '%s'", told, words);
	free(told);
	tu_same_mentions(yaml, want, m); /* and from then on */
	mentions_free(want);
	mentions_free(m);
	report_free(r);
	free(c);
}

/* A byte flipped in the first block of part p (not sealed again): the
 * root of the trie, the first names. */
static void flip_first_block(unsigned char *bytes, enum snap_part p)
{
	size_t size;
	unsigned char *at = part_of(bytes, p, &size);
	assert_true(size > 0);
	at[(size < SNAP_BLOCK ? size : SNAP_BLOCK) / 2] ^= 0x10;
}

static void nodes_flipped(unsigned char *bytes)
{
	flip_first_block(bytes, PART_NODES);
}

static void names_flipped(unsigned char *bytes)
{
	flip_first_block(bytes, PART_NAMES);
}

/* Every name's record naming no entity, or a string outside the pool's
 * names (the last byte of the prose): whichever a lookup reads first. */
static void names_of_nothing(unsigned char *bytes)
{
	size_t size;
	part_of(bytes, PART_NAMES, &size);
	for (size_t i = 0; i < size / sizeof(struct snap_name); i++)
		RECORD(snap_name, PART_NAMES, i)->index = INT32_MAX;
}

static void names_past_their_region(unsigned char *bytes)
{
	size_t size, strings;
	part_of(bytes, PART_STRINGS, &strings);
	part_of(bytes, PART_NAMES, &size);
	for (size_t i = 0; i < size / sizeof(struct snap_name); i++)
		RECORD(snap_name, PART_NAMES, i)->text = (uint32_t)strings - 1;
}

static void test_index_and_names_refused(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(tu_report(), &len);
	read_later(bytes, len, unit_text_elsewhere);
	read_later(bytes, len, unit_length_wrong);
	read_later(bytes, len, unit_folded_past_pool);
	read_later(bytes, len, rank_twice);
	read_later(bytes, len, origin_backwards);
	names_damaged(bytes, len, nodes_flipped, false, "is damaged (the checksum of its names)");
	names_damaged(bytes, len, names_flipped, false, "is damaged (the checksum of its names)");
	names_damaged(bytes, len, names_of_nothing, true,
		      "is damaged (an offset or index out of range in its names)");
	names_damaged(bytes, len, names_past_their_region, true,
		      "is damaged (an offset or index out of range in its names)");
	free(bytes);
}

/* The backlinks made up and sealed again (or a byte flipped, not sealed):
 * refused the first time they are read, said once, and found by the scan
 * from then on - still right. The damage is to the first entity with two
 * linking entities or more, and the question is about it. */
struct busy {
	size_t slot;
	uint32_t *first;
	struct snap_backlink *records;
	size_t records_count;
};

static struct busy busy_of(unsigned char *bytes)
{
	size_t size, n_first;
	struct busy b = { 0 };
	b.first = (uint32_t *)part_of(bytes, PART_BACKLINK_FIRST, &n_first);
	b.records = (struct snap_backlink *)part_of(bytes, PART_BACKLINKS, &size);
	b.records_count = size / sizeof(*b.records);
	for (b.slot = 0; b.slot + 1 < n_first / sizeof(uint32_t); b.slot++) {
		const struct snap_backlink *lo = &b.records[b.first[b.slot]];
		const struct snap_backlink *last = &b.records[b.first[b.slot + 1] - 1];
		if (b.first[b.slot + 1] >= b.first[b.slot] + 2 &&
		    (lo->kind != last->kind || lo->index != last->index))
			return b;
	}
	fail_msg("no entity with two entities linking to it");
	return b;
}

static struct entity_ref ref_of_slot(const struct report *r, size_t slot)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		size_t n = report_count(r, (enum entity_kind)k);
		if (slot < n)
			return (struct entity_ref){ (enum entity_kind)k, (int)slot };
		slot -= n;
	}
	fail_msg("slot past every entity");
	return (struct entity_ref){ KIND_COUNT, NO_INDEX };
}

static void from_index_out_of_range(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	struct snap_backlink *x = &b.records[b.first[b.slot]];
	x->index = (int32_t)report_count(tu_report(), (enum entity_kind)x->kind);
}

static void from_kind_out_of_range(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	b.records[b.first[b.slot]].kind = KIND_COUNT;
}

static void field_out_of_table(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	uint32_t fields = 0;
	while (link_fields[fields])
		fields++;
	b.records[b.first[b.slot + 1] - 1].field = fields;
}

static void first_backwards(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	b.first[b.slot] = b.first[b.slot + 1] + 1;
}

static void first_past_count(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	b.first[b.slot + 1] = (uint32_t)b.records_count + 1;
}

static void records_out_of_order(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	struct snap_backlink *lo = &b.records[b.first[b.slot]], *last = &b.records[b.first[b.slot + 1] - 1];
	struct snap_backlink t = *lo;
	*lo = *last;
	*last = t;
}

/* A part one record short (the file still whole: the header says less). */
static void part_short(unsigned char *bytes, enum snap_part p, size_t record)
{
	struct snap_header h = header_of(bytes);
	h.part[p].size -= record;
	memcpy(bytes, &h, sizeof(h));
}

static void first_part_short(unsigned char *bytes)
{
	part_short(bytes, PART_BACKLINK_FIRST, sizeof(uint32_t));
}

static void records_part_short(unsigned char *bytes)
{
	part_short(bytes, PART_BACKLINKS, sizeof(struct snap_backlink));
}

static void record_flipped(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	b.records[b.first[b.slot]].index ^= 1;
}

static void first_flipped(unsigned char *bytes)
{
	struct busy b = busy_of(bytes);
	b.first[b.slot] ^= 1;
}

static void backlinks_refused(const unsigned char *bytes, size_t len, mutate_fn *mutate, bool seal,
			      const char *words)
{
	const struct report *yaml = tu_report();
	unsigned char *c = copy_of(bytes, len);
	struct entity_ref ref = ref_of_slot(yaml, busy_of(c).slot);
	mutate(c);
	if (seal)
		snap_seal(c, len);
	struct report *r = open_ok(c, len); /* read later: opening is not refused */
	struct link_list want, got;
	assert_int_equal(links_to(yaml, ref, &want), 0);
	assert_true(want.count >= 2);
	assert_int_equal(snapshot_links_to(r, ref, &got), 1); /* refused, at first use */
	assert_int_equal(got.count, 0);
	assert_int_equal(report_links_to(r, NULL, ref, &got), 0); /* then scanned */
	same_links(&want, &got);
	link_list_free(&got);
	assert_int_equal(snapshot_links_to(r, ref, &got), 1); /* and refused from then on */
	same_backlinks(yaml, r);
	char *told = tu_told(r); /* one line, once */
	if (!strstr(told, words) || !strstr(told, "is damaged"))
		fail_msg("told '%s', expected words '%s'", told, words);
	free(told);
	link_list_free(&want);
	report_free(r);
	free(c);
}

static void test_backlinks_refused(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(tu_report(), &len);
	const char *range = "out of range in its backlinks", *sum = "the checksum of its backlinks";
	backlinks_refused(bytes, len, from_index_out_of_range, true, range);
	backlinks_refused(bytes, len, from_kind_out_of_range, true, range);
	backlinks_refused(bytes, len, field_out_of_table, true, range);
	backlinks_refused(bytes, len, first_backwards, true, range);
	backlinks_refused(bytes, len, first_past_count, true, range);
	backlinks_refused(bytes, len, records_out_of_order, true, range);
	backlinks_refused(bytes, len, first_part_short, true, range);
	backlinks_refused(bytes, len, records_part_short, true, range);
	backlinks_refused(bytes, len, record_flipped, false, sum);
	backlinks_refused(bytes, len, first_flipped, false, sum);
	free(bytes);
}

/* An id table with no empty slot, and a trie whose siblings go round:
 * every lookup ends, and finds nothing it should not. */
static void test_loops_end(void **state)
{
	(void)state;
	size_t len, size;
	unsigned char *bytes = build(tu_report(), &len);
	struct snap_id_slot *slots = (struct snap_id_slot *)part_of(bytes, PART_IDS, &size);
	for (size_t i = 0; i < size / sizeof(*slots); i++)
		if (slots[i].id == SNAP_NONE)
			slots[i] = (struct snap_id_slot){ 0, (uint32_t)i, KIND_SECTION, 0 };
	int32_t *node = (int32_t *)part_of(bytes, PART_NODES, &size);
	size_t nodes = size / MENTIONS_NODE_BYTES;
	for (size_t i = 1; i + 1 < nodes; i++) /* each child's sibling after it, and back */
		node[i * 4 + 1] = (int32_t)(i + 1 < nodes - 1 ? i + 1 : 1);
	snap_seal(bytes, len);
	struct report *r = open_ok(bytes, len);
	struct entity_ref ref;
	assert_int_equal(report_find(r, "no-such-id-anywhere", &ref), -1);
	struct mentions *m = mentions_from_report(r);
	assert_non_null(m);
	struct mention *v;
	long n = mentions_find(m, report_section(r, 0)->title, (struct entity_ref){ KIND_COUNT, NO_INDEX }, &v);
	assert_true(n >= 0);
	free(v);
	mentions_free(m);
	report_free(r);
	free(bytes);
}

/* The trie one list of siblings through every node, of a byte no text
 * has: each step of a scan would walk the whole trie. A list longer than
 * there are bytes is refused, and the model's dictionary answers. */
static void test_trie_list_too_long(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len, size;
	unsigned char *bytes = build(yaml, &len);
	int32_t *node = (int32_t *)part_of(bytes, PART_NODES, &size);
	size_t nodes = size / MENTIONS_NODE_BYTES;
	assert_true(nodes > 300);
	for (size_t i = 0; i < nodes; i++) {
		node[i * 4] = i + 1 < nodes ? (int32_t)nodes - 1 : -1;
		node[i * 4 + 1] = (int32_t)i - 1;
		node[i * 4 + 2] = -1;
		((unsigned char *)&node[i * 4 + 3])[0] = 0xff;
	}
	snap_seal(bytes, len);
	struct report *r = open_ok(bytes, len);
	struct mentions *m = mentions_from_report(r), *want = mentions_from_report(yaml);
	tu_same_mentions(yaml, want, m);
	char *told = tu_told(r);
	assert_non_null(strstr(told, "is damaged ("));
	assert_non_null(strstr(told, "names"));
	free(told);
	mentions_free(want);
	mentions_free(m);
	report_free(r);
	free(bytes);
}

/* ---- the text, checked when first read ---- */

/* The last section with paragraphs; the first with emphasis, or -1. */
static size_t last_with_text(const struct report *r)
{
	size_t last = 0;
	for (size_t i = 0; i < r->sections_count; i++)
		if (report_section(r, i)->paragraphs_count)
			last = i;
	assert_true(report_section(r, last)->paragraphs_count > 0);
	return last;
}

static long with_emphasis(const struct report *r)
{
	for (size_t i = 0; i < r->sections_count; i++)
		if (report_section(r, i)->emphasis_count)
			return (long)i;
	return -1;
}

/* The pool offset of paragraph k of section i. */
static uint32_t paragraph_at(unsigned char *bytes, size_t i, unsigned k)
{
	size_t size;
	const struct snap_section *x = RECORD(snap_section, PART_SECTIONS, i);
	const uint32_t *lists = (const uint32_t *)part_of(bytes, PART_STRLISTS, &size);
	assert_true(k < x->paragraphs.count);
	return lists[x->paragraphs.at + k];
}

/* Whether any paragraph of section i lies in the pool's block `block`. */
static bool text_in_block(unsigned char *bytes, const struct report *yaml, size_t i, size_t block)
{
	for (unsigned k = 0; k < report_section(yaml, i)->paragraphs_count; k++) {
		size_t off = paragraph_at(bytes, i, k), end = off + strlen(report_section(yaml, i)->paragraphs[k]);
		if (off / SNAP_BLOCK <= block && end / SNAP_BLOCK >= block)
			return true;
	}
	return false;
}

static void same_text(const struct section *x, const struct section *y)
{
	same_strs(x->paragraphs, x->paragraphs_count, y->paragraphs, y->paragraphs_count);
	assert_int_equal(x->emphasis_count, y->emphasis_count);
	if (x->emphasis_count)
		assert_memory_equal(x->emphasis, y->emphasis, x->emphasis_count * sizeof(*x->emphasis));
}

enum text_damage {
	TEXT_CONTROL, TEXT_FLIPPED, TEXT_MID_STRING, TEXT_EMPHASIS, TEXT_EMPHASIS_END_IN_CHAR,
	TEXT_EMPHASIS_START_IN_CHAR
};

/* Section ix's text damaged: the snapshot opens and says nothing; the
 * sections whose text lies in other blocks read as the YAML's; section ix,
 * read, has no text (a snapshot in memory has no YAML to take it from:
 * test_snapshot_files.c has one), and that is said once, in one line. */
static void text_damaged(const unsigned char *good, size_t len, enum text_damage how, size_t ix)
{
	const struct report *yaml = tu_report();
	unsigned char *bytes = copy_of(good, len);
	size_t size, damaged_block = SIZE_MAX;
	unsigned char *pool = part_of(bytes, PART_STRINGS, &size);
	if (how == TEXT_EMPHASIS) { /* a run one byte past its paragraph's end */
		const struct snap_section *x = RECORD(snap_section, PART_SECTIONS, ix);
		/* its last: no run after it in the same paragraph */
		struct emphasis *run = RECORD(emphasis, PART_EMPHASIS, x->emphasis.at + x->emphasis.count - 1);
		run->end = (unsigned)strlen(report_section(yaml, ix)->paragraphs[run->paragraph]) + 1;
		snap_seal(bytes, len);
	} else if (how == TEXT_EMPHASIS_END_IN_CHAR || how == TEXT_EMPHASIS_START_IN_CHAR) {
		const struct snap_section *x = RECORD(snap_section, PART_SECTIONS, ix);
		struct emphasis *run = RECORD(emphasis, PART_EMPHASIS, x->emphasis.at + x->emphasis.count - 1);
		uint32_t at = paragraph_at(bytes, ix, run->paragraph) + run->start;
		assert_true(run->start + 2 <= strlen(report_section(yaml, ix)->paragraphs[run->paragraph]));
		pool[at] = 0xc3; /* "é" in place of its first two characters */
		pool[at + 1] = 0xa9;
		if (how == TEXT_EMPHASIS_END_IN_CHAR) /* a run ending inside it */
			run->end = run->start + 1;
		else /* or starting inside it */
			run->start++;
		snap_seal(bytes, len);
	} else if (how == TEXT_MID_STRING) { /* the paragraph named from its second byte */
		const struct snap_section *x = RECORD(snap_section, PART_SECTIONS, ix);
		uint32_t *lists = (uint32_t *)part_of(bytes, PART_STRLISTS, &size);
		assert_true(lists[x->paragraphs.at] > text_at(bytes));
		lists[x->paragraphs.at] += 1;
		snap_seal(bytes, len);
	} else {
		uint32_t at = paragraph_at(bytes, ix, 0) + 1;
		assert_true(at > text_at(bytes)); /* where opening does not look */
		if (how == TEXT_CONTROL) {
			pool[at] = 0x07;
			snap_seal(bytes, len);
		} else { /* its block's sum left as it was */
			pool[at] ^= 0x20;
			damaged_block = at / SNAP_BLOCK;
		}
	}
	struct report *r = open_ok(bytes, len);
	char *told = tu_told(r);
	assert_string_equal(told, "");
	free(told);
	size_t clean = 0;
	for (size_t i = 0; i < yaml->sections_count; i++)
		if (i != ix && !text_in_block(bytes, yaml, i, damaged_block)) {
			same_text(report_section_text(r, i), report_section(yaml, i));
			clean++;
		}
	assert_true(clean > 0 || how == TEXT_FLIPPED);
	assert_string_equal(told = tu_told(r), "");
	free(told);
	const struct section *s = report_section_text(r, ix);
	assert_int_equal(s->paragraphs_count, report_section(yaml, ix)->paragraphs_count);
	for (unsigned k = 0; k < s->paragraphs_count; k++)
		assert_string_equal(s->paragraphs[k], "");
	assert_int_equal(s->emphasis_count, 0);
	told = tu_told(r);
	if (!strstr(told, "is damaged (the text of its section ") || !strstr(told, "without its text"))
		fail_msg("said '%s'", told);
	assert_ptr_equal(strchr(told, '\n'), told + strlen(told) - 1); /* one line, once */
	free(told);
	/* the index, refused from then on, is built from the model: still whole */
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	assert_false(c->mapped);
	corpus_free(c);
	report_free(r);
	free(bytes);
}

static void test_text_read_late(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	size_t last = last_with_text(yaml);
	text_damaged(bytes, len, TEXT_CONTROL, last);
	text_damaged(bytes, len, TEXT_FLIPPED, last);
	text_damaged(bytes, len, TEXT_MID_STRING, last);
	long emph = with_emphasis(yaml);
	if (emph >= 0) {
		text_damaged(bytes, len, TEXT_EMPHASIS, (size_t)emph);
		text_damaged(bytes, len, TEXT_EMPHASIS_END_IN_CHAR, (size_t)emph);
		text_damaged(bytes, len, TEXT_EMPHASIS_START_IN_CHAR, (size_t)emph);
	}
	/* a byte of the names region flipped: what names a string of its
	 * block is refused when read (the report's title at opening) */
	unsigned char *c = copy_of(bytes, len);
	size_t size;
	part_of(c, PART_STRINGS, &size)[1] ^= 0x20;
	char why[512] = "";
	struct report *r = snapshot_open_memory(c, len, why, sizeof(why));
	if (r)
		assert_true(damaged_entities(r) >= 1);
	else
		assert_non_null(strstr(why, "the report's title"));
	report_free(r);
	free(c);
	free(bytes);
}

/* Two sections' text damaged (a snapshot in memory: no YAML to take it
 * from): each is refused when read, and the one line said counts both,
 * names the first, and says what was shown. */
static void test_text_damaged_counted(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len, size, last = last_with_text(yaml), first = 0;
	while (!report_section(yaml, first)->paragraphs_count)
		first++;
	if (first == last)
		skip();
	unsigned char *bytes = build(yaml, &len);
	unsigned char *pool = part_of(bytes, PART_STRINGS, &size);
	pool[paragraph_at(bytes, first, 0) + 1] = 0x07;
	pool[paragraph_at(bytes, last, 0) + 1] = 0x07;
	snap_seal(bytes, len);
	struct report *r = open_ok(bytes, len);
	for (size_t i = 0; i < yaml->sections_count; i++)
		report_section_text(r, i);
	char *told = tu_told(r), want[160];
	snprintf(want, sizeof(want), "is damaged (the text of 2 of its sections, the first %s): "
		 "they are shown without their text", report_section(yaml, first)->id);
	if (!strstr(told, want))
		fail_msg("said '%s', expected '%s'", told, want);
	free(told);
	report_free(r);
	free(bytes);
}

/* The first word of s of at least four letters (a search that finds s). */
static char *word_of(const char *s)
{
	for (const char *p = s; *p; p++) {
		size_t n = 0;
		while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
			n++;
		if (n >= 4)
			return strndup(p, n);
		p += n ? n - 1 : 0;
	}
	fail_msg("no word in '%s'", s);
	return NULL;
}

/* The index reads no text when it is made (the search reads its folded
 * texts): a text block damaged is found the first time a hit's text is
 * read, which refuses the index; it is made from the model, and the
 * search made again gives the model's answer. */
static void test_index_text_checked_when_read(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len, size;
	unsigned char *bytes = build(yaml, &len);
	size_t last = last_with_text(yaml);
	unsigned char *pool = part_of(bytes, PART_STRINGS, &size);
	pool[paragraph_at(bytes, last, 0) + 1] ^= 0x20;
	char *word = word_of(report_section(yaml, last)->paragraphs[0] + 2);
	struct report *r = open_ok(bytes, len);
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	assert_true(c->mapped); /* no text read yet: nothing found */
	char *told = tu_told(r);
	assert_string_equal(told, "");
	free(told);
	size_t got = tu_search_rows(c, word);
	assert_false(c->mapped);
	told = tu_told(r);
	assert_non_null(strstr(told, "is damaged (a text its search index points at)"));
	free(told);
	/* the section is shown without the damaged text, and the answer is
	 * the model's: an index made from it now says the same */
	const struct section *s = report_section_text(r, last);
	assert_string_equal(s->paragraphs[0], "");
	struct corpus *model = corpus_new(r);
	assert_false(model->mapped);
	assert_int_equal(got, tu_search_rows(model, word));
	corpus_free(model);
	corpus_free(c);
	report_free(r);
	/* a regex reads every unit's text as it searches: all are checked
	 * before, and the damaged block refuses the index then */
	r = open_ok(bytes, len);
	c = corpus_new(r);
	assert_true(c->mapped);
	char regex[64];
	snprintf(regex, sizeof(regex), "/%s/", word);
	got = tu_search_rows(c, regex);
	assert_false(c->mapped);
	model = corpus_new(r);
	assert_int_equal(got, tu_search_rows(model, regex));
	corpus_free(model);
	corpus_free(c);
	report_free(r);
	free(word);
	free(bytes);
}

/* `bytes` changed so that an entity is refused when made (or a section
 * shown without its text), its own record and the hit's string still good:
 * a search for `word` answers as the model does (which has the stand-in,
 * or the section without its text), the index refused at the hit. */
static void index_answers_as_model(const unsigned char *bytes, size_t len, const char *word)
{
	struct report *r = open_ok(bytes, len);
	struct corpus *c = corpus_new(r);
	assert_true(c->mapped);
	size_t got = tu_search_rows(c, word);
	assert_false(c->mapped);
	struct corpus *model = corpus_new(r);
	assert_false(model->mapped);
	assert_int_equal(got, tu_search_rows(model, word));
	corpus_free(model);
	corpus_free(c);
	report_free(r);
}

static void test_index_hits_as_model_has_them(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len, size;
	unsigned char *bytes = build(yaml, &len);
	/* area 0 refused when made (misnumbered, resealed): its title a hit */
	unsigned char *c = copy_of(bytes, len);
	area_misnumbered(c);
	snap_seal(c, len);
	char *word = word_of(report_area(yaml, 0)->title);
	index_answers_as_model(c, len, word);
	free(word);
	free(c);
	/* a section's first paragraph damaged: its other paragraphs, in good
	 * blocks, are not shown either */
	size_t ix = 0;
	while (ix < yaml->sections_count && report_section(yaml, ix)->paragraphs_count < 2)
		ix++;
	assert_true(ix < yaml->sections_count);
	c = copy_of(bytes, len);
	part_of(c, PART_STRINGS, &size)[paragraph_at(c, ix, 0) + 1] ^= 0x20;
	word = word_of(report_section(yaml, ix)->paragraphs[1]);
	index_answers_as_model(c, len, word);
	free(word);
	free(c);
	free(bytes);
}

/* Event k's year made the last year there is, resealed: it is refused,
 * and so is the one after it (its record before it is later); their
 * stand-ins keep to date order, and once an event is refused a stage's
 * events are read whole: each stage's walk finds what its stage_ix says. */
static size_t event_k;
static void event_k_last_year(unsigned char *bytes)
{
	size_t size;
	RECORD(snap_event, PART_EVENTS, event_k)->year = YEAR_MAX;
}

static void test_events_out_of_order(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	for (event_k = 1; event_k + 1 < yaml->events_count; event_k += 5) {
		unsigned char *c = copy_of(bytes, len);
		event_k_last_year(c);
		snap_seal(c, len);
		struct report *r = open_ok(c, len);
		unsigned long prev = 0;
		for (size_t i = 0; i < r->events_count; i++) {
			const struct event *e = report_event(r, i);
			unsigned long key = e->year * 16ul + (e->month ? e->month : 13);
			assert_true(key >= prev);
			prev = key;
		}
		assert_string_equal(report_event(r, event_k)->id, "(damaged)");
		assert_true(snapshot_events_refused(r));
		for (size_t st = 0; st < r->stages_count; st++) {
			struct stage_events it;
			stage_events_start(&it, r, (int)st);
			for (size_t i = 0; i < r->events_count; i++)
				if (report_event(r, i)->stage_ix == (int)st)
					assert_int_equal(stage_events_next(&it), (int)i);
			assert_int_equal(stage_events_next(&it), NO_INDEX);
		}
		report_free(r);
		free(c);
	}
	free(bytes);
}

/* How many of the n pointers of `slots` are set (entities made). */
static size_t made_of(void *const *slots, size_t n)
{
	size_t made = 0;
	for (size_t i = 0; i < n; i++)
		made += slots[i] != NULL;
	return made;
}

/* The entities made so far, of every kind. */
static size_t entities_made(const struct report *r)
{
	return made_of((void *const *)r->sections, r->sections_count) +
	       made_of((void *const *)r->stages, r->stages_count) +
	       made_of((void *const *)r->areas, r->areas_count) +
	       made_of((void *const *)r->activities, r->activities_count) +
	       made_of((void *const *)r->events, r->events_count) +
	       made_of((void *const *)r->meetings, r->meetings_count) +
	       made_of((void *const *)r->programmes, r->programmes_count) +
	       made_of((void *const *)r->terms, r->terms_count) +
	       made_of((void *const *)r->series, r->series_count);
}

/* Opening reads no entity; looking one up makes it alone, and the counts
 * are known without any. */
static void test_entities_made_on_first_use(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	struct report *r = open_ok(bytes, len);
	assert_int_equal(entities_made(r), 0);
	for (int k = 0; k < KIND_COUNT; k++)
		assert_int_equal(report_count(r, (enum entity_kind)k), report_count(yaml, (enum entity_kind)k));
	/* every stage's years, as the timeline's axis reads them: none made */
	for (size_t i = 0; i < yaml->stages_count; i++) {
		unsigned from, to;
		report_stage_years(r, i, &from, &to);
		assert_int_equal(from, report_stage(yaml, i)->from);
		assert_int_equal(to, report_stage(yaml, i)->to);
	}
	assert_int_equal(entities_made(r), 0);
	size_t last = yaml->events_count - 1;
	struct entity_ref ref;
	assert_int_equal(report_find(r, report_event(yaml, last)->id, &ref), 0);
	assert_int_equal(ref.kind, KIND_EVENT);
	assert_int_equal(ref.index, (int)last);
	assert_int_equal(entities_made(r), 1);
	assert_non_null(r->events[last]);
	/* a section deep in the outline makes its parents, and no more */
	size_t deep = 0;
	for (size_t i = 0; i < yaml->sections_count; i++)
		if (report_section(yaml, i)->depth > report_section(yaml, deep)->depth)
			deep = i;
	assert_string_equal(report_section(r, deep)->title, report_section(yaml, deep)->title);
	assert_int_equal(entities_made(r), 2 + (size_t)report_section(yaml, deep)->depth);
	char *told = tu_told(r);
	assert_string_equal(told, "");
	free(told);
	report_free(r);
	free(bytes);
}

/* Every section the child of the one before it: past the depth sections
 * may nest to, refused (and never followed further up than that). */
static void sections_in_a_chain(unsigned char *bytes)
{
	size_t size;
	part_of(bytes, PART_SECTIONS, &size);
	for (size_t i = 1; i < size / sizeof(struct snap_section); i++)
		RECORD(snap_section, PART_SECTIONS, i)->parent_ix = (int32_t)i - 1;
}

/* The id table's slot of section 0's id names section 1. */
static void id_names_another(unsigned char *bytes)
{
	size_t size, n;
	struct snap_id_slot *slots = (struct snap_id_slot *)part_of(bytes, PART_IDS, &n);
	const char *pool = (const char *)part_of(bytes, PART_STRINGS, &size);
	uint32_t id0 = RECORD(snap_section, PART_SECTIONS, 0)->id;
	for (size_t i = 0; i < n / sizeof(*slots); i++)
		if (slots[i].id != SNAP_NONE && strcmp(pool + slots[i].id, pool + id0) == 0) {
			slots[i].index = 1;
			return;
		}
	fail_msg("section 0's id is in no slot");
}

/* Every empty slot of the id table filled with an id of another hash: a
 * lookup of an id not there would go round the whole table. */
static void ids_all_full(unsigned char *bytes)
{
	size_t n;
	struct snap_id_slot *slots = (struct snap_id_slot *)part_of(bytes, PART_IDS, &n);
	uint32_t some = SNAP_NONE;
	for (size_t i = 0; i < n / sizeof(*slots); i++)
		some = slots[i].id != SNAP_NONE ? slots[i].id : some;
	for (size_t i = 0; i < n / sizeof(*slots); i++)
		if (slots[i].id == SNAP_NONE)
			slots[i] = (struct snap_id_slot){ some, 0, KIND_SECTION, 0 };
}

/* Every section names every emphasis run: walked once each, the runs
 * would be read sections x runs times; past the runs the file holds,
 * sections are refused. */
static void emphasis_shared(unsigned char *bytes)
{
	size_t size, n;
	part_of(bytes, PART_EMPHASIS, &n);
	part_of(bytes, PART_SECTIONS, &size);
	for (size_t i = 0; i < size / sizeof(struct snap_section); i++)
		RECORD(snap_section, PART_SECTIONS, i)->emphasis =
			(struct snap_list){ 0, (uint32_t)(n / sizeof(struct emphasis)) };
}

static void test_made_entities_checked(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	size_t len;
	unsigned char *bytes = build(yaml, &len);
	assert_true(yaml->sections_count > SECTION_MAX_DEPTH + 2);
	unsigned char *c = copy_of(bytes, len);
	sections_in_a_chain(c);
	snap_seal(c, len);
	struct report *r = open_ok(c, len);
	size_t last = r->sections_count - 1;
	assert_string_equal(report_section(r, last)->id, "(damaged)");
	assert_true(entities_made(r) <= SECTION_MAX_DEPTH + 2);
	assert_string_equal(report_section(r, SECTION_MAX_DEPTH)->id, report_section(yaml, SECTION_MAX_DEPTH)->id);
	assert_int_equal(report_section(r, SECTION_MAX_DEPTH)->depth, SECTION_MAX_DEPTH);
	for (size_t i = 0; i < r->sections_count; i++) /* whatever was read first */
		assert_true((strcmp(report_section(r, i)->id, "(damaged)") == 0) == (i > SECTION_MAX_DEPTH));
	report_free(r);
	free(c);
	/* an id table with no empty slot: a lookup ends, refused, and answers */
	c = copy_of(bytes, len);
	ids_all_full(c);
	snap_seal(c, len);
	r = open_ok(c, len);
	assert_int_equal(report_find(r, "no-such-id", &(struct entity_ref){ 0 }), -1);
	assert_int_equal(report_find(r, report_stage(yaml, 0)->id, &(struct entity_ref){ 0 }), 0);
	char *full = tu_told(r);
	assert_non_null(strstr(full, "is damaged (its table of ids)"));
	free(full);
	report_free(r);
	free(c);
	/* emphasis runs shared by every section */
	size_t emph;
	part_of(bytes, PART_EMPHASIS, &emph);
	if (emph) {
		c = copy_of(bytes, len);
		emphasis_shared(c);
		snap_seal(c, len);
		r = open_ok(c, len);
		assert_true(damaged_entities(r) >= r->sections_count - 1);
		report_free(r);
		free(c);
	}
	/* a lookup the table answers wrongly: refused, and the id found anyway */
	c = copy_of(bytes, len);
	id_names_another(c);
	snap_seal(c, len);
	r = open_ok(c, len);
	struct entity_ref ref;
	assert_int_equal(report_find(r, report_section(yaml, 0)->id, &ref), 0);
	assert_int_equal(ref.kind, KIND_SECTION);
	assert_int_equal(ref.index, 0);
	assert_int_equal(report_find(r, report_event(yaml, 0)->id, &ref), 0);
	assert_int_equal(ref.kind, KIND_EVENT);
	char *told = tu_told(r);
	assert_non_null(strstr(told, "is damaged (its table of ids)"));
	free(told);
	report_free(r);
	free(c);
	free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_model),
		cmocka_unit_test(test_events_out_of_order),
		cmocka_unit_test(test_index_hits_as_model_has_them),
		cmocka_unit_test(test_entities_made_on_first_use),
		cmocka_unit_test(test_made_entities_checked),
		cmocka_unit_test(test_same_index_and_names),
		cmocka_unit_test(test_truncated_and_padded),
		cmocka_unit_test(test_not_this_version),
		cmocka_unit_test(test_checksums),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_same_backlinks),
		cmocka_unit_test(test_backlinks_refused),
		cmocka_unit_test(test_index_and_names_refused),
		cmocka_unit_test(test_loops_end),
		cmocka_unit_test(test_trie_list_too_long),
		cmocka_unit_test(test_text_read_late),
		cmocka_unit_test(test_text_damaged_counted),
		cmocka_unit_test(test_index_text_checked_when_read),
	};
	return TU_RUN_EACH(tests, NULL, NULL);
}
