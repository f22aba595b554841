/* snap_read.c - opening a snapshot: the file mapped read-only, its header,
 * its key, its report's record and its block checksums checked, and the
 * model readied over the mapping (snap_model.c), whose entities are made,
 * and their records checked, on first use. */
#include "snap_internal.h"
#include "regfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const void *snap_part(const struct snapshot *s, enum snap_part p, size_t record, size_t *count)
{
	const struct snap_part_entry *e = &s->head.part[p];
	*count = record && e->size % record == 0 ? (size_t)(e->size / record) : 0;
	return s->base + e->offset;
}

bool snap_fail(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return false;
}

/* The record size of each part (1: a pool of bytes). */
size_t snap_part_record(enum snap_part p)
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
		[PART_IDS] = sizeof(struct snap_id_slot), [PART_SUMS] = sizeof(uint64_t),
		[PART_NAMES] = sizeof(struct snap_name),
		[PART_NODES] = 16, [PART_UNITS] = sizeof(struct snap_unit),
		[PART_UNIT_AREAS] = sizeof(int32_t), [PART_RANK] = sizeof(uint32_t),
		[PART_FOLDED] = 1, [PART_ORIGIN] = sizeof(uint32_t),
		[PART_BACKLINK_FIRST] = sizeof(uint32_t), [PART_BACKLINKS] = sizeof(struct snap_backlink),
	};
	return sizes[p];
}

static bool header_good(struct snapshot *s, char *why, size_t whylen)
{
	struct snap_header h;
	if (s->size < sizeof(h))
		return snap_fail(why, whylen, "is truncated (%zu bytes, less than its header)", s->size);
	memcpy(&h, s->base, sizeof(h));
	if (memcmp(h.magic, SNAP_MAGIC, sizeof(h.magic)) != 0)
		return snap_fail(why, whylen, "is not a temm snapshot");
	if (h.byte_order != SNAP_BYTE_ORDER)
		return snap_fail(why, whylen, "was made on a machine of another byte order");
	if (h.version != SNAP_VERSION)
		return snap_fail(why, whylen, "is of another version (format %u; this temm reads %u)",
			    (unsigned)h.version, SNAP_VERSION);
	if (h.file_size != s->size)
		return snap_fail(why, whylen, "is truncated or has bytes added (%zu bytes, its header says %llu)",
			    s->size, (unsigned long long)h.file_size);
	uint64_t kept = h.checksum;
	h.checksum = 0;
	if (h.parts != PART_COUNT || h.reserved || snap_checksum(&h, sizeof(h)) != kept)
		return snap_fail(why, whylen, "is damaged (the checksum of its header)");
	h.checksum = kept;
	for (int p = 0; p < PART_COUNT; p++) {
		const struct snap_part_entry *e = &h.part[p];
		if (e->offset % SNAP_ALIGN || e->offset < sizeof(h) || e->offset > s->size ||
		    e->size > s->size - e->offset || e->size % snap_part_record((enum snap_part)p))
			return snap_fail(why, whylen, "is damaged (its part %d lies outside the file)", p);
	}
	s->head = h;
	return true;
}

/* The id table's slots: a power of two (each probe is checked when made:
 * snap_ids.c). */
static bool ids_good(struct snapshot *s, char *why, size_t whylen)
{
	size_t n;
	snap_part(s, PART_IDS, sizeof(struct snap_id_slot), &n);
	return n && !(n & (n - 1)) ? true : snap_fail(why, whylen, "is damaged (its table of ids)");
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
		snap_fail(why, whylen, "is stale (%s)", change);
		goto refused;
	}
	if (k < 0 || !snap_check_part(s, PART_KEY)) {
		snap_fail(why, whylen, "is damaged (the checksum of its key)");
		goto refused;
	}
	/* the model's records are checked a block at a time, as they are read */
	if (!snap_check_part(s, PART_REPORT)) {
		snap_fail(why, whylen, "is damaged (the checksum of its report)");
		goto refused;
	}
	const struct snap_part_entry *pool = &s->head.part[PART_STRINGS];
	s->pool = (const char *)s->base + pool->offset;
	s->pool_len = (size_t)pool->size;
	r = calloc(1, sizeof(*r));
	if (!r) {
		snap_fail(why, whylen, "cannot be read: out of memory");
		goto refused;
	}
	r->snap = s; /* report_free frees it from here on */
	/* string offsets are 32 bits, and one more than the last names none */
	if (!s->pool_len || s->pool_len >= UINT32_MAX || s->pool[s->pool_len - 1])
		snap_fail(why, whylen, "is damaged (it has no strings, or they do not end)");
	else if (!snap_sums_open(s, why, whylen))
		; /* said */
	else if (ids_good(s, why, whylen) && snap_build_model(s, r, why, whylen))
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
	snap_model_free(s);
	free(s->path);
	free(s->dir);
	free(s->blocks_good);
	free(s->text_state);
	free(s->seen);
	report_free(s->yaml);
	free(s);
}

struct report *snapshot_open(const char *path, const char *dir, char *why, size_t whylen)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return snap_fail(why, whylen, "cannot be opened: %s", strerror(errno)), NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snap_fail(why, whylen, "is %s, not a regular file", regfile_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	struct snapshot *s = calloc(1, sizeof(*s));
	if (!s || (uint64_t)st.st_size > SNAP_MAX_BYTES || st.st_size < (off_t)sizeof(struct snap_header)) {
		if (!s)
			snap_fail(why, whylen, "cannot be read: out of memory");
		else
			snap_fail(why, whylen, "is %s (%lld bytes)",
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
		snap_fail(why, whylen, "cannot be mapped: %s", m == MAP_FAILED ? strerror(errno) : "out of memory");
		if (m != MAP_FAILED)
			munmap(m, s->size);
		snapshot_free(s);
		return NULL;
	}
	s->base = m;
	s->mapped = true;
	if (dir && !(s->dir = strdup(dir))) {
		snap_fail(why, whylen, "cannot be read: out of memory");
		snapshot_free(s);
		return NULL;
	}
	return open_snapshot(s, dir, why, whylen);
}

struct report *snapshot_open_memory(const void *bytes, size_t len, char *why, size_t whylen)
{
	struct snapshot *s = calloc(1, sizeof(*s));
	unsigned char *copy = malloc(len ? len : 1); /* aligned, as a mapping is */
	if (!s || !copy) {
		free(s);
		free(copy);
		return snap_fail(why, whylen, "cannot be read: out of memory"), NULL;
	}
	memcpy(copy, bytes, len);
	*s = (struct snapshot){ .base = copy, .size = len, .fd = -1 };
	return open_snapshot(s, NULL, why, whylen);
}
