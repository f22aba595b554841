/* snap_read.c - opening a snapshot: the file mapped read-only, its header
 * and the parts the model needs checked, and the model's structs made over
 * the mapping (their strings point into it: nothing is parsed or copied).
 * Every part is checked without being mapped in (pread into a small
 * buffer), so a session's memory holds only the pages it then reads. */
#include "snap_internal.h"
#include "grow.h"
#include "regfile.h"
#include "sanitize.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes read at a time when checking a part. */
#define CHECK_CHUNK (256u << 10)
/* The longest string the pool may hold: a content string is at most 64 KiB
 * (SCHEMA_MAX_STRING), and sanitizing it can make it six times longer. */
#define STRING_MAX_BYTES (1u << 20)

_Static_assert(sizeof(struct emphasis) == 12, "emphasis runs are read as the file has them");

const void *snap_part(const struct snapshot *s, enum snap_part p, size_t record, size_t *count)
{
	const struct snap_part_entry *e = &s->head.part[p];
	*count = record && e->size % record == 0 ? (size_t)(e->size / record) : 0;
	return s->base + e->offset;
}

bool snap_string(const struct snapshot *s, uint32_t off, bool optional, char **out)
{
	*out = NULL;
	if (off == SNAP_NONE)
		return optional;
	if (off >= s->pool_len)
		return false;
	*out = (char *)s->pool + off; /* the mapping is read only, and so is the model */
	return true;
}

/* ---- checking a part: its checksum, and for the strings their text ---- */

/* Whether a string may reach a terminal: what the loader's sanitizing
 * leaves (no control character, no invalid UTF-8, no bidi override...).
 * Only a string with a byte outside printable ASCII is looked at. */
static bool string_safe(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return false;
		if (c >= 0x80)
			return !sanitize_needed(s);
	}
	return true;
}

/* Whether any of eight bytes is under 0x20 (a NUL among them) or over 0x7e. */
static inline bool word_unusual(const char *p)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t x;
	memcpy(&x, p, sizeof(x));
	return ((x - ones * 0x20) & ~x & highs) || (((x + ones) | x) & highs);
}

/* The strings of the pool read in pieces, one after the other: each one's
 * text checked (when `safety`), and the lengths the checks ask for. A
 * string cut by the end of a piece waits in `carry` for its end. */
struct pool_scan {
	bool safety;
	const struct snap_len_check *checks; /* sorted by offset */
	size_t checks_count, next;
	uint64_t start;  /* the pool offset of the string being read */
	char *carry;
	size_t len;
	bool unusual;    /* the string has a byte outside printable ASCII */
	bool bad;
};

/* The string at `start`, `len` bytes, is whole (s[len] is its NUL). */
static void one_string(struct pool_scan *ps, const char *s, size_t len)
{
	if (ps->safety && ps->unusual && !string_safe(s, len))
		ps->bad = true;
	ps->unusual = false;
	/* a check of an offset inside a string names no string */
	for (; ps->next < ps->checks_count && ps->checks[ps->next].off <= ps->start; ps->next++) {
		const struct snap_len_check *c = &ps->checks[ps->next];
		if (c->off < ps->start || (c->exact ? len != c->len : len < c->len))
			ps->bad = true;
	}
	ps->start += len + 1;
}

/* Where the next NUL is in p[i, n), or n; notes an unusual byte on the way. */
static size_t string_end(struct pool_scan *ps, const char *p, size_t i, size_t n)
{
	for (;;) {
		while (i + 8 <= n && !word_unusual(p + i)) /* most text: printable ASCII */
			i += 8;
		if (i >= n)
			return n;
		unsigned char c = (unsigned char)p[i];
		if (!c)
			return i;
		if (c < 0x20 || c >= 0x7f)
			ps->unusual = true;
		i++;
	}
}

static void scan_piece(struct pool_scan *ps, const char *p, size_t n)
{
	size_t i = 0;
	if (ps->len) { /* the end of the string the last piece began */
		size_t end = string_end(ps, p, 0, n);
		if (ps->len + end >= STRING_MAX_BYTES) {
			ps->bad = true;
			return;
		}
		memcpy(ps->carry + ps->len, p, end);
		ps->len += end;
		if (end == n)
			return;
		ps->carry[ps->len] = '\0';
		one_string(ps, ps->carry, ps->len);
		ps->len = 0;
		i = end + 1;
	}
	while (i < n && !ps->bad) {
		size_t end = string_end(ps, p, i, n);
		if (end == n) { /* its end is in the next piece */
			if (n - i >= STRING_MAX_BYTES)
				ps->bad = true;
			else
				memcpy(ps->carry, p + i, ps->len = n - i);
			return;
		}
		one_string(ps, p + i, end - i);
		i = end + 1;
	}
}

/* Whether the reader reads all of part p anyway when it uses it: then it
 * is checked in the mapping. The strings, the ids and the names' trie are
 * read a little at a time, and checked by pread, never mapped in whole. */
static bool read_whole(enum snap_part p)
{
	return p != PART_STRINGS && p != PART_IDS && p != PART_NODES && p != PART_KEY;
}

/* Read part p's bytes: by pread from the file (nothing mapped in), or in
 * place for a snapshot in memory; its checksum, and the pool's strings
 * when ps is given. */
static bool part_read(const struct snapshot *s, enum snap_part p, struct pool_scan *ps)
{
	const struct snap_part_entry *e = &s->head.part[p];
	bool summed = s->state[p] == PART_UNCHECKED; /* once is enough */
	struct snap_sum sum;
	char *buf = NULL;
	bool ok = true;
	snap_checksum_start(&sum);
	if (ps && !(ps->carry = malloc(STRING_MAX_BYTES)))
		return false;
	if (s->fd < 0 || read_whole(p)) {
		if (summed)
			snap_checksum_add(&sum, s->base + e->offset, (size_t)e->size);
		if (ps)
			scan_piece(ps, (const char *)s->base + e->offset, (size_t)e->size);
	} else if (!(buf = malloc(CHECK_CHUNK))) {
		ok = false;
	} else {
		for (uint64_t done = 0; ok && done < e->size;) {
			size_t want = e->size - done < CHECK_CHUNK ? (size_t)(e->size - done) : CHECK_CHUNK;
			ssize_t got = pread(s->fd, buf, want, (off_t)(e->offset + done));
			if (got < 0 && errno == EINTR)
				continue;
			ok = got > 0;
			if (!ok)
				break;
			if (summed)
				snap_checksum_add(&sum, buf, (size_t)got);
			if (ps)
				scan_piece(ps, buf, (size_t)got);
			done += (uint64_t)got;
		}
	}
	free(buf);
	if (ps) { /* the pool's last string ends in NUL, and no check is left */
		free(ps->carry);
		ok = ok && !ps->bad && ps->len == 0 && ps->next == ps->checks_count;
	}
	return ok && (!summed || snap_checksum_end(&sum) == e->checksum);
}

/* Checks in the order of their offsets: a radix sort (the search index
 * asks for one per unit, in no order), 11 bits at a time. */
static bool sort_checks(struct snap_len_check *v, size_t n)
{
	struct snap_len_check *tmp = malloc((n + 1) * sizeof(*tmp));
	size_t *count = malloc(2049 * sizeof(*count));
	if (!tmp || !count) {
		free(tmp);
		free(count);
		return false;
	}
	struct snap_len_check *from = v, *to = tmp;
	for (unsigned shift = 0; shift < 33; shift += 11) {
		memset(count, 0, 2049 * sizeof(*count));
		for (size_t i = 0; i < n; i++)
			count[((from[i].off >> shift) & 2047) + 1]++;
		for (size_t k = 0; k < 2048; k++)
			count[k + 1] += count[k];
		for (size_t i = 0; i < n; i++)
			to[count[(from[i].off >> shift) & 2047]++] = from[i];
		struct snap_len_check *t = from;
		from = to;
		to = t;
	}
	if (from != v) /* three passes: the result is in tmp */
		memcpy(v, from, n * sizeof(*v));
	free(tmp);
	free(count);
	return true;
}

bool snap_check_strings(struct snapshot *s, struct snap_len_check *checks, size_t n)
{
	struct pool_scan ps = { s->state[PART_STRINGS] == PART_UNCHECKED, checks, n, 0, 0, NULL, 0,
				false, false };
	bool ok = s->state[PART_STRINGS] != PART_BAD && sort_checks(checks, n) &&
		  part_read(s, PART_STRINGS, &ps);
	if (ps.safety)
		s->state[PART_STRINGS] = ok ? PART_GOOD : PART_BAD;
	return ok;
}

bool snap_check_part(struct snapshot *s, enum snap_part p)
{
	if (p == PART_STRINGS)
		return snap_check_strings(s, NULL, 0);
	if (s->state[p] == PART_UNCHECKED)
		s->state[p] = part_read(s, p, NULL) ? PART_GOOD : PART_BAD;
	return s->state[p] == PART_GOOD;
}

void snap_refuse_later(struct snapshot *s, const char *what)
{
	if (!s->told[0])
		snprintf(s->told, sizeof(s->told), "the snapshot %s is damaged (%s): %s",
			 s->path ? s->path : "in memory", what, "the rest was read from the model");
	if (!s->cached || !s->path)
		return;
	struct stat st; /* only the file we read: another may have replaced it */
	if (stat(s->path, &st) == 0 && st.st_dev == s->dev && st.st_ino == s->ino)
		unlink(s->path);
}

/* ---- the header ---- */

static bool fail(char *why, size_t whylen, const char *fmt, ...) DIAG_PRINTF(3, 4);

static bool fail(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return false;
}

/* The record size of each part (1: a pool of bytes). */
static size_t part_record(enum snap_part p)
{
	static const size_t sizes[PART_COUNT] = {
		[PART_KEY] = 1, [PART_STRINGS] = 1, [PART_REPORT] = sizeof(struct snap_report),
		[PART_SECTIONS] = sizeof(struct snap_section), [PART_STAGES] = sizeof(struct snap_stage),
		[PART_AREAS] = sizeof(struct snap_area), [PART_ACTIVITIES] = sizeof(struct snap_activity),
		[PART_EVENTS] = sizeof(struct snap_event), [PART_MEETINGS] = sizeof(struct snap_meeting),
		[PART_PROGRAMMES] = sizeof(struct snap_programme), [PART_TERMS] = sizeof(struct snap_term),
		[PART_SERIES] = sizeof(struct snap_series), [PART_STRLISTS] = sizeof(uint32_t),
		[PART_COUNTS] = sizeof(struct snap_count), [PART_PRIORITIES] = sizeof(struct snap_priority),
		[PART_PASSAGES] = sizeof(struct snap_passage), [PART_EMPHASIS] = sizeof(struct emphasis),
		[PART_IDS] = sizeof(struct snap_id_slot), [PART_NAMES] = sizeof(struct snap_name),
		[PART_NODES] = 16, [PART_UNITS] = sizeof(struct snap_unit),
		[PART_UNIT_AREAS] = sizeof(int32_t), [PART_RANK] = sizeof(uint32_t),
		[PART_FOLDED] = 1, [PART_ORIGIN] = sizeof(uint32_t),
	};
	return sizes[p];
}

static bool header_good(struct snapshot *s, char *why, size_t whylen)
{
	struct snap_header h;
	if (s->size < sizeof(h))
		return fail(why, whylen, "is truncated (%zu bytes, less than its header)", s->size);
	memcpy(&h, s->base, sizeof(h));
	if (memcmp(h.magic, SNAP_MAGIC, sizeof(h.magic)) != 0)
		return fail(why, whylen, "is not a temm snapshot");
	if (h.byte_order != SNAP_BYTE_ORDER)
		return fail(why, whylen, "was made on a machine of another byte order");
	if (h.version != SNAP_VERSION)
		return fail(why, whylen, "is of another version (format %u; this temm reads %u)",
			    (unsigned)h.version, SNAP_VERSION);
	if (h.file_size != s->size)
		return fail(why, whylen, "is truncated or has bytes added (%zu bytes, its header says %llu)",
			    s->size, (unsigned long long)h.file_size);
	uint64_t kept = h.checksum;
	h.checksum = 0;
	if (h.parts != PART_COUNT || h.reserved || snap_checksum(&h, sizeof(h)) != kept)
		return fail(why, whylen, "is damaged (the checksum of its header)");
	h.checksum = kept;
	for (int p = 0; p < PART_COUNT; p++) {
		const struct snap_part_entry *e = &h.part[p];
		if (e->offset % SNAP_ALIGN || e->offset < sizeof(h) || e->offset > s->size ||
		    e->size > s->size - e->offset || e->size % part_record((enum snap_part)p))
			return fail(why, whylen, "is damaged (its part %d lies outside the file)", p);
	}
	s->head = h;
	return true;
}

/* ---- the model, made over the mapping ---- */

/* Where the model's structs are carved from: one block, sized first. */
struct arena {
	char *at, *end;
};

static void *carve(struct arena *a, size_t n, size_t size)
{
	size_t bytes = (n * size + 7) & ~(size_t)7;
	if (bytes > (size_t)(a->end - a->at))
		return NULL;
	void *p = a->at;
	a->at += bytes;
	return p;
}

struct build {
	struct snapshot *s;
	struct report *r;
	struct arena arena;
	const uint32_t *strlists;
	size_t strlists_count;
	const char *what; /* the part being read, for the message */
	bool bad;
	/* lengths to check when the pool is read (the text is not touched) */
	struct snap_len_check *checks;
	size_t checks_count, checks_cap;
};

/* The string at `off` must be at least `len` bytes long. */
static void need_length(struct build *b, uint32_t off, uint32_t len)
{
	if (grow(&b->checks, &b->checks_cap, b->checks_count, sizeof(*b->checks), 64) != 0) {
		b->bad = true;
		return;
	}
	b->checks[b->checks_count++] = (struct snap_len_check){ off, len, false };
}

/* A string field: read, or the build is refused. */
static char *str(struct build *b, uint32_t off, bool optional)
{
	char *out;
	if (!snap_string(b->s, off, optional, &out))
		b->bad = true;
	return out;
}

/* A list of `list` records among `count`. */
static bool list_ok(struct snap_list l, size_t count)
{
	return l.at <= count && l.count <= count - l.at;
}

static char **str_list(struct build *b, struct snap_list l, unsigned *n)
{
	*n = 0;
	if (!list_ok(l, b->strlists_count)) {
		b->bad = true;
		return NULL;
	}
	if (!l.count)
		return NULL;
	char **v = carve(&b->arena, l.count, sizeof(*v));
	if (!v) {
		b->bad = true;
		return NULL;
	}
	for (uint32_t i = 0; i < l.count; i++)
		v[i] = str(b, b->strlists[l.at + i], false);
	*n = l.count;
	return v;
}

/* An index that must name one of `count` entities (or be NO_INDEX when
 * `optional`); one that names none is NO_INDEX, and the build refused. */
static int ix(struct build *b, int32_t i, size_t count, bool optional)
{
	if (i == NO_INDEX && optional)
		return NO_INDEX;
	if (i < 0 || (size_t)i >= count) {
		b->bad = true;
		return NO_INDEX;
	}
	return i;
}

static struct count *counts(struct build *b, struct snap_list l, unsigned *n)
{
	size_t total;
	const struct snap_count *v = snap_part(b->s, PART_COUNTS, sizeof(*v), &total);
	*n = 0;
	if (!list_ok(l, total)) {
		b->bad = true;
		return NULL;
	}
	struct count *out = l.count ? carve(&b->arena, l.count, sizeof(*out)) : NULL;
	if (l.count && !out) {
		b->bad = true;
		return NULL;
	}
	for (uint32_t i = 0; i < l.count; i++)
		out[i] = (struct count){ v[l.at + i].n, str(b, v[l.at + i].of, false),
					 str(b, v[l.at + i].words, true) };
	*n = l.count;
	return out;
}

/* Each kind: its records, its structs carved, the report's array of
 * pointers to them. */
#define KIND_RECORDS(part, rec_type, type, member) \
	size_t n_##member; \
	const struct rec_type *rec_##member = snap_part(b->s, part, sizeof(struct rec_type), &n_##member); \
	b->r->member = malloc((n_##member ? n_##member : 1) * sizeof(*b->r->member)); \
	if (!b->r->member) \
		return -1; \
	/* the block holds every entity: only lists a damaged file shares use it up */ \
	struct type *all_##member = carve(&b->arena, n_##member, sizeof(*all_##member)); \
	if (n_##member && !all_##member) \
		return b->bad = true, 0; \
	b->r->member##_count = n_##member; \
	for (size_t i = 0; i < n_##member; i++) \
		b->r->member[i] = &all_##member[i]

static bool year_ok(unsigned y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* The sections, with what the loader adds: number, name, depth, emphasis. */
static int build_sections(struct build *b)
{
	size_t n_emph;
	struct emphasis *emph = (struct emphasis *)snap_part(b->s, PART_EMPHASIS, sizeof(*emph), &n_emph);
	KIND_RECORDS(PART_SECTIONS, snap_section, section, sections);
	if (!b->bad) /* the first part found wrong is the one said */
		b->what = "sections";
	for (size_t i = 0; i < n_sections && !b->bad; i++) {
		const struct snap_section *x = &rec_sections[i];
		struct section *s = b->r->sections[i];
		s->id = str(b, x->id, false);
		s->title = str(b, x->title, false);
		s->parent = str(b, x->parent, true);
		s->number = str(b, x->number, true);
		s->paragraphs = str_list(b, x->paragraphs, &s->paragraphs_count);
		if (b->bad)
			return 0;
		need_length(b, x->title, x->name_at);
		s->name = s->title + x->name_at;
		/* parents come first (validate.c): no cycle, and the depth follows */
		s->parent_ix = ix(b, x->parent_ix, i, true);
		s->depth = s->parent_ix == NO_INDEX ? 0 : b->r->sections[s->parent_ix]->depth + 1;
		if (b->bad || s->depth > 8 || !list_ok(x->emphasis, n_emph))
			return b->bad = true, 0;
		s->emphasis = x->emphasis.count ? emph + x->emphasis.at : NULL;
		s->emphasis_count = x->emphasis.count;
		for (unsigned e = 0; e < s->emphasis_count; e++) {
			const struct emphasis *run = &s->emphasis[e];
			if (run->paragraph >= s->paragraphs_count || run->start > run->end ||
			    (e && run->paragraph == run[-1].paragraph && run->start < run[-1].end))
				return b->bad = true, 0;
			need_length(b, b->strlists[x->paragraphs.at + run->paragraph], run->end);
		}
	}
	return 0;
}

static int build_stages(struct build *b)
{
	const struct report *r = b->r;
	size_t n_pri, n_pas;
	const struct snap_priority *pri = snap_part(b->s, PART_PRIORITIES, sizeof(*pri), &n_pri);
	const struct snap_passage *pas = snap_part(b->s, PART_PASSAGES, sizeof(*pas), &n_pas);
	KIND_RECORDS(PART_STAGES, snap_stage, stage, stages);
	if (!b->bad)
		b->what = "stages";
	for (size_t i = 0; i < n_stages && !b->bad; i++) {
		const struct snap_stage *x = &rec_stages[i];
		struct stage *s = b->r->stages[i];
		*s = (struct stage){ .id = str(b, x->id, false), .number = x->number,
				     .title = str(b, x->title, false), .name = str(b, x->name, false),
				     .from = x->from, .to = x->to, .section = str(b, x->section, false),
				     .meeting = str(b, x->meeting, true),
				     .action_plan = str(b, x->action_plan, true) };
		s->section_ix = ix(b, x->section_ix, r->sections_count, false);
		s->meeting_ix = ix(b, x->meeting_ix, r->meetings_count, true);
		s->action_plan_ix = ix(b, x->action_plan_ix, r->programmes_count, true);
		s->counts = counts(b, x->counts, &s->counts_count);
		s->achievements = str_list(b, x->achievements, &s->achievements_count);
		if (!s->number || !year_ok(s->from) || !year_ok(s->to) || s->to < s->from ||
		    !list_ok(x->priorities, n_pri) || !list_ok(x->prose, n_pas))
			return b->bad = true, 0;
		s->priorities_count = x->priorities.count;
		s->priorities = carve(&b->arena, s->priorities_count, sizeof(*s->priorities));
		s->prose_count = x->prose.count;
		s->prose = carve(&b->arena, s->prose_count, sizeof(*s->prose));
		if ((s->priorities_count && !s->priorities) || (s->prose_count && !s->prose))
			return b->bad = true, 0;
		for (unsigned p = 0; s->priorities && p < s->priorities_count; p++) {
			const struct snap_priority *y = &pri[x->priorities.at + p];
			s->priorities[p] = (struct priority){ str(b, y->text, false), str(b, y->area, true),
							      ix(b, y->area_ix, r->areas_count, true) };
		}
		for (unsigned p = 0; s->prose && p < s->prose_count && !b->bad; p++) {
			const struct snap_passage *y = &pas[x->prose.at + p];
			s->prose[p] = (struct passage){ str(b, y->section, false), y->first, y->last,
							ix(b, y->section_ix, r->sections_count, false) };
			unsigned n = b->bad ? 0 : r->sections[s->prose[p].section_ix]->paragraphs_count;
			if (y->first > n || y->last > n || (y->last && y->first > y->last))
				b->bad = true;
		}
	}
	return 0;
}

static int build_areas(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_AREAS, snap_area, area, areas);
	if (!b->bad)
		b->what = "areas";
	for (size_t i = 0; i < n_areas && !b->bad; i++) {
		const struct snap_area *x = &rec_areas[i];
		struct area *a = b->r->areas[i];
		*a = (struct area){ .id = str(b, x->id, false), .number = x->number,
				    .title = str(b, x->title, false), .section = str(b, x->section, false),
				    .section_ix = ix(b, x->section_ix, r->sections_count, false) };
		a->aliases = str_list(b, x->aliases, &a->aliases_count);
		a->counts = counts(b, x->counts, &a->counts_count);
		if (a->number != i + 1) /* numbered 1, 2, 3... (validate.c) */
			b->bad = true;
	}
	return 0;
}

static int build_activities(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_ACTIVITIES, snap_activity, activity, activities);
	if (!b->bad)
		b->what = "activities";
	for (size_t i = 0; i < n_activities && !b->bad; i++) {
		const struct snap_activity *x = &rec_activities[i];
		struct activity *a = b->r->activities[i];
		*a = (struct activity){ .id = str(b, x->id, false), .title = str(b, x->title, false),
					.short_name = str(b, x->short_name, true),
					.kind = (enum activity_kind)x->kind, .area = str(b, x->area, false),
					.section = str(b, x->section, false),
					.area_ix = ix(b, x->area_ix, r->areas_count, false),
					.section_ix = ix(b, x->section_ix, r->sections_count, false) };
		a->aliases = str_list(b, x->aliases, &a->aliases_count);
		a->counts = counts(b, x->counts, &a->counts_count);
		if (x->kind >= ACTIVITY_KIND_COUNT)
			b->bad = true;
	}
	return 0;
}

/* Events in date order, as the loader sorts them (a month 0 after the
 * dated ones of its year). */
static unsigned event_order(const struct event *e)
{
	return e->year * 16 + (e->month ? e->month : 13);
}

static int build_events(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_EVENTS, snap_event, event, events);
	if (!b->bad)
		b->what = "events";
	for (size_t i = 0; i < n_events && !b->bad; i++) {
		const struct snap_event *x = &rec_events[i];
		struct event *e = b->r->events[i];
		*e = (struct event){ .id = str(b, x->id, false), .year = x->year, .month = x->month,
				     .title = str(b, x->title, false), .section = str(b, x->section, false),
				     .meeting = str(b, x->meeting, true),
				     .short_name = str(b, x->short_name, true),
				     .section_ix = ix(b, x->section_ix, r->sections_count, false),
				     .meeting_ix = ix(b, x->meeting_ix, r->meetings_count, true),
				     .stage_ix = ix(b, x->stage_ix, r->stages_count, true) };
		e->links = str_list(b, x->links, &e->links_count);
		if (!year_ok(e->year) || e->month > 12 ||
		    (i && event_order(e) < event_order(b->r->events[i - 1])))
			b->bad = true;
	}
	return 0;
}

static int build_meetings(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_MEETINGS, snap_meeting, meeting, meetings);
	if (!b->bad)
		b->what = "meetings";
	for (size_t i = 0; i < n_meetings && !b->bad; i++) {
		const struct snap_meeting *x = &rec_meetings[i];
		struct meeting *m = b->r->meetings[i];
		*m = (struct meeting){ .id = str(b, x->id, false), .title = str(b, x->title, false),
				       .series = str(b, x->series, true), .ordinal = x->ordinal,
				       .year = x->year, .month = x->month,
				       .place = str(b, x->place, true), .section = str(b, x->section, false),
				       .section_ix = ix(b, x->section_ix, r->sections_count, false),
				       .series_ix = ix(b, x->series_ix, r->series_count, true) };
		m->aliases = str_list(b, x->aliases, &m->aliases_count);
		if ((m->year && !year_ok(m->year)) || m->month > 12)
			b->bad = true;
	}
	return 0;
}

static int build_programmes(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_PROGRAMMES, snap_programme, programme, programmes);
	if (!b->bad)
		b->what = "programmes";
	for (size_t i = 0; i < n_programmes && !b->bad; i++) {
		const struct snap_programme *x = &rec_programmes[i];
		struct programme *p = b->r->programmes[i];
		*p = (struct programme){ .id = str(b, x->id, false), .title = str(b, x->title, false),
					 .short_name = str(b, x->short_name, true),
					 .type = (enum programme_type)x->type,
					 .section = str(b, x->section, false),
					 .section_ix = ix(b, x->section_ix, r->sections_count, false) };
		p->aliases = str_list(b, x->aliases, &p->aliases_count);
		p->counts = counts(b, x->counts, &p->counts_count);
		if (x->type >= PROG_TYPE_COUNT)
			b->bad = true;
	}
	return 0;
}

static int build_terms(struct build *b)
{
	const struct report *r = b->r;
	KIND_RECORDS(PART_TERMS, snap_term, term, terms);
	if (!b->bad)
		b->what = "terms";
	for (size_t i = 0; i < n_terms && !b->bad; i++) {
		const struct snap_term *x = &rec_terms[i];
		*b->r->terms[i] = (struct term){ .id = str(b, x->id, false), .title = str(b, x->title, false),
						 .expansion = str(b, x->expansion, true),
						 .section = str(b, x->section, false),
						 .refers = str(b, x->refers, true),
						 .section_ix = ix(b, x->section_ix, r->sections_count, false) };
	}
	return 0;
}

static int build_series(struct build *b)
{
	KIND_RECORDS(PART_SERIES, snap_series, series, series);
	if (!b->bad)
		b->what = "series";
	for (size_t i = 0; i < n_series && !b->bad; i++) {
		const struct snap_series *x = &rec_series[i];
		*b->r->series[i] = (struct series){ str(b, x->id, false), str(b, x->title, false),
						    str(b, x->short_name, true) };
	}
	return 0;
}

/* The bytes every struct of the model takes, carved later from one block:
 * its entities, and its lists as many as the file holds. Lists named by
 * more than one entity (only a damaged file has them) would take more, so
 * a file cannot make the reader take more memory than its own size says:
 * such a file runs out of block and is refused. */
static size_t model_bytes(const struct snapshot *s)
{
	static const struct { enum snap_part part; size_t model; } kinds[] = {
		{ PART_SECTIONS, sizeof(struct section) }, { PART_STAGES, sizeof(struct stage) },
		{ PART_AREAS, sizeof(struct area) }, { PART_ACTIVITIES, sizeof(struct activity) },
		{ PART_EVENTS, sizeof(struct event) }, { PART_MEETINGS, sizeof(struct meeting) },
		{ PART_PROGRAMMES, sizeof(struct programme) }, { PART_TERMS, sizeof(struct term) },
		{ PART_SERIES, sizeof(struct series) }, { PART_STRLISTS, sizeof(char *) },
		{ PART_COUNTS, sizeof(struct count) }, { PART_PRIORITIES, sizeof(struct priority) },
		{ PART_PASSAGES, sizeof(struct passage) },
	};
	size_t total = 0;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		size_t n;
		snap_part(s, kinds[k].part, part_record(kinds[k].part), &n);
		total += (n + 1) * kinds[k].model + 8;
	}
	return total;
}

static bool build_model(struct snapshot *s, struct report *r, char *why, size_t whylen)
{
	size_t n_report;
	const struct snap_report *rep = snap_part(s, PART_REPORT, sizeof(*rep), &n_report);
	size_t bytes = model_bytes(s);
	struct build b = { s, r, { NULL, NULL }, NULL, 0, "the report", false, NULL, 0, 0 };
	if (n_report != 1)
		return fail(why, whylen, "is damaged (no report in it)");
	b.strlists = snap_part(s, PART_STRLISTS, sizeof(uint32_t), &b.strlists_count);
	s->arena = malloc(bytes);
	if (!s->arena)
		return fail(why, whylen, "cannot be read: out of memory");
	b.arena = (struct arena){ s->arena, (char *)s->arena + bytes };
	r->title = str(&b, rep->title, false);
	r->short_name = str(&b, rep->short_name, true);
	/* what others refer to first: the ranges of indices are known */
	int rc = build_series(&b) || build_sections(&b) || build_meetings(&b) ||
		 build_programmes(&b) || build_areas(&b) || build_stages(&b) ||
		 build_activities(&b) || build_events(&b) || build_terms(&b);
	bool ok = false;
	if (rc)
		fail(why, whylen, "cannot be read: out of memory");
	else if (b.bad || !r->sections_count)
		fail(why, whylen, "is damaged (an offset, count or index out of range in its %s)", b.what);
	else if (!snap_check_strings(s, b.checks, b.checks_count))
		fail(why, whylen, "is damaged (the checksum of its strings, or a string's text or length)");
	else
		ok = true;
	free(b.checks);
	return ok;
}

static bool ids_good(struct snapshot *s, struct report *r, char *why, size_t whylen)
{
	size_t n;
	const struct snap_id_slot *slots = snap_part(s, PART_IDS, sizeof(*slots), &n);
	r->ids = id_table_over(slots, n, s->pool, s->pool_len);
	return r->ids ? true : fail(why, whylen, "is damaged (its table of ids)");
}

/* The parts the model is made of, checked before it is made (the strings
 * after: what lengths to check in them is known then). */
static const enum snap_part model_parts[] = {
	PART_REPORT, PART_SECTIONS, PART_STAGES, PART_AREAS, PART_ACTIVITIES,
	PART_EVENTS, PART_MEETINGS, PART_PROGRAMMES, PART_TERMS, PART_SERIES, PART_STRLISTS,
	PART_COUNTS, PART_PRIORITIES, PART_PASSAGES, PART_EMPHASIS, PART_IDS,
};

static const char *part_name(enum snap_part p)
{
	static const char *const names[PART_COUNT] = {
		[PART_KEY] = "key", [PART_STRINGS] = "strings", [PART_REPORT] = "report",
		[PART_SECTIONS] = "sections", [PART_STAGES] = "stages", [PART_AREAS] = "areas",
		[PART_ACTIVITIES] = "activities", [PART_EVENTS] = "events",
		[PART_MEETINGS] = "meetings", [PART_PROGRAMMES] = "programmes", [PART_TERMS] = "terms",
		[PART_SERIES] = "series", [PART_STRLISTS] = "lists of strings", [PART_COUNTS] = "counts",
		[PART_PRIORITIES] = "priorities", [PART_PASSAGES] = "passages",
		[PART_EMPHASIS] = "emphasis", [PART_IDS] = "ids", [PART_NAMES] = "names",
		[PART_NODES] = "names' trie", [PART_UNITS] = "search index",
		[PART_UNIT_AREAS] = "index's areas", [PART_RANK] = "index's ranks",
		[PART_FOLDED] = "folded text", [PART_ORIGIN] = "folded text's offsets",
	};
	return names[p];
}

/* The header, the key (when dir is given), then the model. s is the
 * report's, or freed. */
static struct report *open_snapshot(struct snapshot *s, const char *dir, char *why, size_t whylen)
{
	struct report *r = NULL;
	if (!header_good(s, why, whylen))
		goto refused;
	const struct snap_part_entry *key = &s->head.part[PART_KEY];
	/* stale is the common case: told before the rest is read */
	char change[256] = "";
	int k = snap_key_compare(s->base + key->offset, (size_t)key->size, dir, change,
				 sizeof(change));
	if (k > 0) {
		fail(why, whylen, "is stale (%s)", change);
		goto refused;
	}
	if (k < 0 || !snap_check_part(s, PART_KEY)) {
		fail(why, whylen, "is damaged (the checksum of its key)");
		goto refused;
	}
	for (size_t i = 0; i < sizeof(model_parts) / sizeof(*model_parts); i++)
		if (!snap_check_part(s, model_parts[i])) {
			fail(why, whylen, "is damaged (the checksum of its %s)", part_name(model_parts[i]));
			goto refused;
		}
	const struct snap_part_entry *pool = &s->head.part[PART_STRINGS];
	s->pool = (const char *)s->base + pool->offset;
	s->pool_len = (size_t)pool->size;
	r = calloc(1, sizeof(*r));
	if (!r) {
		fail(why, whylen, "cannot be read: out of memory");
		goto refused;
	}
	r->snap = s; /* report_free frees it from here on */
	if (!s->pool_len)
		fail(why, whylen, "is damaged (it has no strings)");
	else if (build_model(s, r, why, whylen) && ids_good(s, r, why, whylen))
		return r;
	report_free(r); /* and s with it */
	return NULL;
refused:
	snapshot_free(s);
	return NULL;
}

void snapshot_free(struct snapshot *s)
{
	if (!s)
		return;
	if (s->mapped)
		munmap((void *)s->base, s->size);
	else
		free((void *)s->base);
	if (s->fd >= 0)
		close(s->fd);
	free(s->arena);
	free(s->path);
	free(s);
}

struct report *snapshot_open(const char *path, const char *dir, char *why, size_t whylen)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return fail(why, whylen, "cannot be opened: %s", strerror(errno)), NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fail(why, whylen, "is %s, not a regular file", regfile_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	struct snapshot *s = calloc(1, sizeof(*s));
	if (!s || (uint64_t)st.st_size > SNAP_MAX_BYTES || st.st_size < (off_t)sizeof(struct snap_header)) {
		if (!s)
			fail(why, whylen, "cannot be read: out of memory");
		else
			fail(why, whylen, "is %s (%lld bytes)",
			     st.st_size >= (off_t)sizeof(struct snap_header) ? "too large" : "truncated",
			     (long long)st.st_size);
		free(s);
		close(fd);
		return NULL;
	}
	s->fd = fd;
	s->size = (size_t)st.st_size;
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	s->path = strdup(path);
	void *m = mmap(NULL, s->size, PROT_READ, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED || !s->path) {
		fail(why, whylen, "cannot be mapped: %s", m == MAP_FAILED ? strerror(errno) : "out of memory");
		if (m != MAP_FAILED)
			munmap(m, s->size);
		snapshot_free(s);
		return NULL;
	}
	s->base = m;
	s->mapped = true;
	return open_snapshot(s, dir, why, whylen);
}

struct report *snapshot_open_memory(const void *bytes, size_t len, char *why, size_t whylen)
{
	struct snapshot *s = calloc(1, sizeof(*s));
	unsigned char *copy = malloc(len ? len : 1); /* aligned, as a mapping is */
	if (!s || !copy) {
		free(s);
		free(copy);
		return fail(why, whylen, "cannot be read: out of memory"), NULL;
	}
	memcpy(copy, bytes, len);
	*s = (struct snapshot){ .base = copy, .size = len, .fd = -1 };
	return open_snapshot(s, NULL, why, whylen);
}
