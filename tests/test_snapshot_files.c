/* test_snapshot_files.c - snapshots on disk, as a run finds them: written
 * to the cache after the YAML is read and read from then on; refused in one
 * line, and the YAML read, when the content changed underneath (a file's
 * modification time, its size, a file added, one removed, another
 * directory), when a FIFO, a directory or a damaged file is where the
 * snapshot should be; two writers at once; a cache that cannot be written;
 * backlinks read from the file (checked by pread, not mapped in), and a
 * damaged part of them refused when first read and the file removed. */
#include "testutil.h"
#include "links.h"
#include "loader.h"
#include "mentions.h"
#include "snap_format.h"
#include "snapshot.h"
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *content, *cache_home;

/* Files' times an hour ago: a snapshot is not made of content changed in
 * the last moments. */
static void age(const char *path, long seconds)
{
	struct timespec t[2] = { { time(NULL) - seconds, 0 }, { time(NULL) - seconds, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static char *in(const char *dir, const char *name)
{
	char *p;
	assert_true(asprintf(&p, "%s/%s", dir, name) > 0);
	return p;
}

/* A copy of the report's content files, an hour old. */
static void copy_content(const char *from, const char *to)
{
	DIR *d = opendir(from);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		char *src = in(from, e->d_name), *dst = in(to, e->d_name), buf[65536];
		FILE *a = fopen(src, "rb"), *b = fopen(dst, "wb");
		assert_non_null(a);
		assert_non_null(b);
		for (size_t got; (got = fread(buf, 1, sizeof(buf), a)) > 0;)
			assert_int_equal(fwrite(buf, 1, got, b), got);
		fclose(a);
		fclose(b);
		age(dst, 3600);
		free(src);
		free(dst);
	}
	closedir(d);
}

static int setup(void **state)
{
	tu_tmpdir_setup(state);
	content = in(tu_dir, "content");
	cache_home = in(tu_dir, "cache");
	assert_int_equal(mkdir(content, 0700), 0);
	copy_content(tu_facts()->dir, content);
	setenv("XDG_CACHE_HOME", cache_home, 1);
	unsetenv("TEMM_SNAPSHOT");
	return 0;
}

static int teardown(void **state)
{
	char *cmd;
	assert_true(asprintf(&cmd, "chmod -R u+w '%s'", tu_dir) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(content);
	free(cache_home);
	return tu_tmpdir_teardown(state);
}

/* snapshot_load on the copy; *note gets what it said (caller frees). */
static struct report *load(const char *dir, char **note)
{
	size_t len = 0;
	FILE *f = open_memstream(note, &len);
	struct diag d;
	diag_init(&d);
	struct report *r = snapshot_load(dir, SNAPSHOT_CACHE, &d, f);
	fclose(f);
	if (!r)
		diag_print(&d, stderr);
	diag_free(&d);
	assert_non_null(r);
	return r;
}

/* A load from the YAML with `words` said in one line; then, the snapshot
 * written again, one from the snapshot saying nothing. */
static void refused_then_mended(const char *words)
{
	char *note;
	struct report *r = load(content, &note);
	assert_null(r->snap);
	if (!strstr(note, words))
		fail_msg("said '%s', expected '%s'", note, words);
	assert_ptr_equal(strchr(note, '\n'), note + strlen(note) - 1);
	assert_int_equal(report_count(r, KIND_SECTION), tu_facts()->sections);
	report_free(r);
	free(note);
	r = load(content, &note);
	assert_non_null(r->snap);
	assert_string_equal(note, "");
	report_free(r);
	free(note);
}

static void remove_snapshot(void)
{
	char *path = snapshot_cache_path(content);
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
		tu_rmdir(path);
	else
		unlink(path);
	free(path);
}

/* The cached snapshot written afresh: removed, then the YAML read. */
static void write_afresh(void)
{
	char *note;
	remove_snapshot();
	report_free(load(content, &note));
	free(note);
}

static void test_written_then_read(void **state)
{
	(void)state;
	remove_snapshot();
	char *note, *path = snapshot_cache_path(content);
	struct report *r = load(content, &note);
	assert_null(r->snap);
	assert_string_equal(note, "");
	report_free(r);
	free(note);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0444); /* replaced, never written over */
	r = load(content, &note);
	assert_non_null(r->snap);
	assert_string_equal(note, "");
	assert_int_equal(report_count(r, KIND_AREA), tu_facts()->areas);
	report_free(r);
	free(note);
	free(path);
}

/* Content changed a moment ago may change again within the same tick of
 * the clock, unseen: no snapshot is made of it until the next run. */
static void test_recent_content_waits(void **state)
{
	(void)state;
	remove_snapshot();
	char *file = in(content, "zz-recent.yaml"), *path = snapshot_cache_path(content), *note;
	tu_write(content, "zz-recent.yaml", "terms: []\n");
	struct report *r = load(content, &note);
	report_free(r);
	free(note);
	assert_int_equal(access(path, F_OK), -1);
	age(file, 60);
	r = load(content, &note);
	report_free(r);
	free(note);
	assert_int_equal(access(path, F_OK), 0);
	unlink(file);
	free(file);
	free(path);
}

static void test_stale(void **state)
{
	(void)state;
	char *note;
	report_free(load(content, &note)); /* a snapshot there, whatever was before */
	free(note);
	char *file = in(content, "report.yaml"); /* both reports have one */
	age(file, 7200);
	refused_then_mended("is stale (report.yaml changed: its modification time)");
	FILE *f = fopen(file, "ab");
	fputs("\n# one more line\n", f);
	fclose(f);
	age(file, 7200);
	refused_then_mended("is stale (report.yaml changed: its size)");
	char *extra = in(content, "zz-extra.yaml");
	tu_write(content, "zz-extra.yaml", "terms: []\n");
	age(extra, 3600);
	refused_then_mended("zz-extra.yaml was added");
	unlink(extra);
	refused_then_mended("zz-extra.yaml is gone");
	/* the same files in another directory: that directory's own */
	char *other = in(tu_dir, "other"), *path = snapshot_cache_path(content), why[512];
	assert_int_equal(mkdir(other, 0700), 0);
	copy_content(content, other);
	struct report *r = snapshot_open(path, other, why, sizeof(why));
	assert_null(r);
	assert_non_null(strstr(why, "made for another directory"));
	tu_rmdir(other);
	free(other);
	free(path);
	free(extra);
	free(file);
}

static void test_fifo_and_directory(void **state)
{
	(void)state;
	char *path = snapshot_cache_path(content);
	remove_snapshot();
	assert_int_equal(mkfifo(path, 0600), 0);
	refused_then_mended("is a FIFO, not a regular file"); /* and replaced by one */
	remove_snapshot();
	assert_int_equal(mkdir(path, 0700), 0);
	tu_write(path, "x", "x");
	char *note;
	struct report *r = load(content, &note);
	assert_null(r->snap);
	assert_non_null(strstr(note, "is a directory, not a regular file"));
	assert_non_null(strstr(note, "cannot write the snapshot"));
	report_free(r);
	free(note);
	remove_snapshot();
	free(path);
}

/* A byte in the middle of part p of the snapshot file at `path` changed. */
/* Flip a byte of part p: its second (`start`) or the one in its middle. */
static void flip_byte(const char *path, enum snap_part p, bool start)
{
	assert_int_equal(chmod(path, 0644), 0);
	int fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	struct snap_header h;
	assert_int_equal(pread(fd, &h, sizeof(h), 0), (ssize_t)sizeof(h));
	unsigned char c;
	off_t at = (off_t)(h.part[p].offset + (start ? 1 : h.part[p].size / 2));
	assert_int_equal(pread(fd, &c, 1, at), 1);
	c ^= 0x20;
	assert_int_equal(pwrite(fd, &c, 1, at), 1);
	close(fd);
}

static void test_damaged_on_disk(void **state)
{
	(void)state;
	char *note;
	report_free(load(content, &note));
	free(note);
	char *path = snapshot_cache_path(content);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	flip_byte(path, PART_STRINGS, true); /* the report's title: read when it is opened */
	refused_then_mended("is damaged (");
	assert_int_equal(truncate(path, st.st_size / 2), 0);
	refused_then_mended("is truncated");
	free(path);
}

/* What links to every entity of r is what the scan of the YAML finds. */
static void same_backlinks(const struct report *r)
{
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			struct link_list want, got;
			assert_int_equal(links_to(tu_report(), ref, &want), 0);
			assert_int_equal(report_links_to(r, NULL, ref, &got), 0);
			assert_int_equal(got.count, want.count);
			for (size_t j = 0; j < want.count; j++) {
				assert_string_equal(got.links[j].field, want.links[j].field);
				assert_int_equal(got.links[j].from.kind, want.links[j].from.kind);
				assert_int_equal(got.links[j].from.index, want.links[j].from.index);
			}
			link_list_free(&want);
			link_list_free(&got);
		}
}

/* A part of r's cached snapshot at `path` refused after opening: said
 * once, in one line, with both `words`; the file removed; and the next
 * load reads the YAML and writes it again. Frees r. */
static void refused_later(struct report *r, const char *path, const char *words, const char *more)
{
	char *note = tu_told(r);
	if (!strstr(note, words) || !strstr(note, more))
		fail_msg("said '%s'", note);
	free(note);
	struct stat st;
	assert_int_equal(lstat(path, &st), -1); /* removed: the next start writes it */
	report_free(r);
	r = load(content, &note);
	assert_null(r->snap);
	assert_string_equal(note, "");
	report_free(r);
	free(note);
	assert_int_equal(lstat(path, &st), 0);
}

/* The backlinks of a cached snapshot: read from it; a byte of them
 * damaged: the snapshot opens (they are read later), the first question
 * refuses them and is answered by the scan, that is said once, and the
 * file is removed, so the next run writes it again. */
static void test_backlinks_damaged_on_disk(void **state)
{
	(void)state;
	write_afresh();
	char *note, *path = snapshot_cache_path(content);
	struct report *r = load(content, &note);
	assert_non_null(r->snap);
	same_backlinks(r);
	assert_string_equal(note, "");
	free(note);
	note = tu_told(r); /* read from the file, nothing refused */
	assert_string_equal(note, "");
	free(note);
	report_free(r);
	flip_byte(path, PART_BACKLINKS, false);
	r = load(content, &note);
	assert_non_null(r->snap);
	assert_string_equal(note, "");
	same_backlinks(r);
	free(note);
	refused_later(r, path, "is damaged (the checksum of its backlinks)", "");
	free(path);
}

/* The names dictionary of a cached snapshot with a byte of its trie's
 * first block damaged: the snapshot opens and the dictionary is made
 * without a word (nothing of it is read then); the first lookup finds the
 * damage, every answer is the model's, it is said once, and the file is
 * removed, so the next run writes it again. */
static void test_names_damaged_on_disk(void **state)
{
	(void)state;
	write_afresh();
	char *note, *path = snapshot_cache_path(content);
	flip_byte(path, PART_NODES, true);
	struct report *r = load(content, &note);
	assert_non_null(r->snap);
	assert_string_equal(note, "");
	free(note);
	struct mentions *m = mentions_from_report(r);
	assert_non_null(m);
	note = tu_told(r);
	assert_string_equal(note, "");
	free(note);
	struct mentions *want = mentions_from_model(tu_report());
	tu_same_mentions(tu_report(), want, m);
	mentions_free(want);
	mentions_free(m);
	refused_later(r, path, "is damaged (the checksum of its names)", "");
	free(path);
}

/* The cached snapshot's bytes (*len of them; caller frees). */
static unsigned char *cached_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	*len = (size_t)ftell(f);
	rewind(f);
	unsigned char *bytes = malloc(*len);
	assert_non_null(bytes);
	assert_int_equal(fread(bytes, 1, *len, f), *len);
	fclose(f);
	return bytes;
}

static void cached_write(const char *path, const unsigned char *bytes, size_t len)
{
	assert_int_equal(chmod(path, 0644), 0);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
}

/* The cached snapshot written afresh and changed by `mutate` (sealed
 * again when `seal`), then loaded: opening reads no entity, so says nothing. */
static struct report *cached_changed(const char *path, void (*mutate)(unsigned char *), bool seal)
{
	char *note;
	write_afresh();
	size_t len;
	unsigned char *bytes = cached_bytes(path, &len);
	mutate(bytes);
	if (seal)
		snap_seal(bytes, len);
	cached_write(path, bytes, len);
	free(bytes);
	struct report *r = load(content, &note);
	assert_non_null(r->snap);
	assert_string_equal(note, "");
	free(note);
	return r;
}

static struct snap_header header_of(const unsigned char *bytes)
{
	struct snap_header h;
	memcpy(&h, bytes, sizeof(h));
	return h;
}

/* The second byte of section text_ix's first paragraph made a control
 * character (text_sealed: the file sealed again, so only the text's own
 * check finds it) or flipped (its block's sum finds it). */
static size_t text_ix;
static bool text_sealed;
static void text_byte_changed(unsigned char *bytes)
{
	struct snap_header h;
	memcpy(&h, bytes, sizeof(h));
	const struct snap_section *x = (const struct snap_section *)(bytes + h.part[PART_SECTIONS].offset) + text_ix;
	const uint32_t *lists = (const uint32_t *)(bytes + h.part[PART_STRLISTS].offset);
	unsigned char *at = bytes + h.part[PART_STRINGS].offset + lists[x->paragraphs.at] + 1;
	*at = text_sealed ? 0x07 : *at ^ 0x20;
}

/* The cached snapshot at `path` written afresh, section ix's text damaged
 * (text_byte_changed), and loaded: opening says nothing. */
static struct report *with_text_damaged(const char *path, size_t ix, bool sealed)
{
	text_ix = ix;
	text_sealed = sealed;
	return cached_changed(path, text_byte_changed, sealed);
}

/* The first paragraph of the last section with text, in the cached
 * snapshot: a byte in it made a control character (and the file sealed
 * again: only the text's own check finds it) or flipped (its block's sum
 * finds it). Opening says nothing; the first section with text reads as
 * the YAML; the damaged one, when read, is the YAML's, said once; and the
 * cached file is removed, so the next start writes it again. */
static void text_damaged_on_disk(bool sealed)
{
	const struct report *yaml = tu_report();
	char *path = snapshot_cache_path(content);
	size_t last = 0, first = SIZE_MAX;
	for (size_t i = 0; i < yaml->sections_count; i++)
		if (report_section(yaml, i)->paragraphs_count) {
			first = first == SIZE_MAX ? i : first;
			last = i;
		}
	struct report *r = with_text_damaged(path, last, sealed);
	if (first != last) {
		const struct section *s = report_section_text(r, first), *y = report_section(yaml, first);
		assert_int_equal(s->paragraphs_count, y->paragraphs_count);
		for (unsigned k = 0; k < s->paragraphs_count; k++)
			assert_string_equal(s->paragraphs[k], y->paragraphs[k]);
	}
	struct stat st; /* nothing found wrong yet (a flipped byte may share the first's block) */
	if (sealed)
		assert_int_equal(lstat(path, &st), 0);
	const struct section *s = report_section_text(r, last), *y = report_section(yaml, last);
	assert_int_equal(s->paragraphs_count, y->paragraphs_count);
	for (unsigned k = 0; k < s->paragraphs_count; k++)
		assert_string_equal(s->paragraphs[k], y->paragraphs[k]);
	assert_int_equal(s->emphasis_count, y->emphasis_count);
	if (s->emphasis_count)
		assert_memory_equal(s->emphasis, y->emphasis, s->emphasis_count * sizeof(*s->emphasis));
	/* (a flipped byte may have been found with the first) */
	refused_later(r, path, "is damaged (the text of ", "read from the YAML");
	free(path);
}

static void test_text_damaged_on_disk(void **state)
{
	(void)state;
	text_damaged_on_disk(true);
	text_damaged_on_disk(false);
}

/* How many rows a search of r's index for `query` gives (what search
 * --count says), and whether that index was still the snapshot's. */
static size_t count_of(const struct report *r, const char *query, bool *mapped)
{
	struct corpus *c = corpus_new(r);
	assert_non_null(c);
	size_t n = tu_search_rows(c, query);
	*mapped = c->mapped;
	corpus_free(c);
	return n;
}

/* The index of a cached snapshot whose text is damaged (sealed again, or
 * a byte flipped): searched for a word of the damaged paragraph, its hit's
 * text is checked, the index refused and made from the model (the text
 * from the YAML): the count is the YAML's, the refusal said once, and the
 * file removed. */
static void search_text_damaged_on_disk(bool sealed)
{
	const struct report *yaml = tu_report();
	char *path = snapshot_cache_path(content);
	size_t last = 0;
	for (size_t i = 0; i < yaml->sections_count; i++)
		if (report_section(yaml, i)->paragraphs_count)
			last = i;
	const char *para = report_section(yaml, last)->paragraphs[0];
	size_t at = 2, n = 0; /* a word of it past the damaged byte */
	while (para[at] && para[at] != ' ')
		at++;
	while (para[at] == ' ')
		at++;
	while (para[at + n] && para[at + n] != ' ' && para[at + n] != ',' && para[at + n] != '.')
		n++;
	assert_true(n > 0);
	char *word = strndup(para + at, n);
	struct report *r = with_text_damaged(path, last, sealed);
	bool mapped;
	size_t want = count_of(yaml, word, &mapped);
	assert_true(want > 0);
	assert_int_equal(count_of(r, word, &mapped), want);
	assert_false(mapped);
	refused_later(r, path, "is damaged (a text its search index points at)", "read from the model");
	free(word);
	free(path);
}

static void test_search_text_damaged_on_disk(void **state)
{
	(void)state;
	search_text_damaged_on_disk(true);
	search_text_damaged_on_disk(false);
}

/* Text found damaged after the content changed: the YAML is no longer what
 * the snapshot was made from, so its text is not taken; the section is
 * shown without text, and the message says why. */
static void test_text_damaged_content_changed(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	char *note, *path = snapshot_cache_path(content), *file = in(content, "report.yaml");
	size_t last = 0;
	for (size_t i = 0; i < yaml->sections_count; i++)
		if (report_section(yaml, i)->paragraphs_count)
			last = i;
	struct report *r = with_text_damaged(path, last, false);
	age(file, 100); /* changed while the snapshot is open */
	const struct section *s = report_section_text(r, last);
	assert_int_equal(s->paragraphs_count, report_section(yaml, last)->paragraphs_count);
	for (unsigned k = 0; k < s->paragraphs_count; k++)
		assert_string_equal(s->paragraphs[k], "");
	note = tu_told(r);
	if (!strstr(note, "is damaged (the text of its section ") ||
	    !strstr(note, "shown without its text (its content changed since: report.yaml changed"))
		fail_msg("said '%s'", note);
	free(note);
	report_free(r);
	free(file);
	free(path);
}

static void events_flipped(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes);
	bytes[h.part[PART_EVENTS].offset + h.part[PART_EVENTS].size / 2] ^= 0x20;
}

/* The file's sections cut to one: the events naming the others are
 * refused, and the YAML, which has them all, is not the snapshot's. */
static void sections_cut_to_one(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes);
	h.part[PART_SECTIONS].size = sizeof(struct snap_section);
	memcpy(bytes, &h, sizeof(h));
}

/* Section ix's name past its title. */
static size_t name_past_ix;
static void section_name_past_title(unsigned char *bytes)
{
	struct snap_header h = header_of(bytes);
	((struct snap_section *)(bytes + h.part[PART_SECTIONS].offset))[name_past_ix].name_at = 1u << 20;
}

/* Entities found damaged when first made, on disk: each is the YAML's,
 * said in one line, and the file removed (the next start writes it). */
static void test_entities_damaged_on_disk(void **state)
{
	(void)state;
	const struct report *yaml = tu_report();
	char *path = snapshot_cache_path(content);
	struct report *r = cached_changed(path, events_flipped, false);
	for (size_t i = 0; i < r->events_count; i++) {
		assert_string_equal(report_event(r, i)->id, report_event(yaml, i)->id);
		assert_string_equal(report_event(r, i)->title, report_event(yaml, i)->title);
		assert_int_equal(report_event(r, i)->section_ix, report_event(yaml, i)->section_ix);
	}
	refused_later(r, path, "is damaged (", "read from the YAML");
	/* a section's record damaged, its text read first: the YAML's section
	 * and its text, and no text said damaged */
	name_past_ix = 0;
	while (!report_section(yaml, name_past_ix)->paragraphs_count)
		name_past_ix++;
	r = cached_changed(path, section_name_past_title, true);
	const struct section *s = report_section_text(r, name_past_ix), *y = report_section(yaml, name_past_ix);
	assert_int_equal(s->paragraphs_count, y->paragraphs_count);
	for (unsigned k = 0; k < s->paragraphs_count; k++)
		assert_string_equal(s->paragraphs[k], y->paragraphs[k]);
	char *note = tu_told(r);
	char what[64];
	snprintf(what, sizeof(what), "is damaged (its section %zu): read from the YAML", name_past_ix + 1);
	if (!strstr(note, what) || strstr(note, "text"))
		fail_msg("said '%s'", note);
	free(note);
	report_free(r);
	/* the YAML not the snapshot's (its sections are more): not taken */
	r = cached_changed(path, sections_cut_to_one, true);
	assert_int_equal(r->sections_count, 1);
	for (size_t i = 0; i < r->events_count; i++)
		assert_true((size_t)report_event(r, i)->section_ix < r->sections_count);
	refused_later(r, path, "is damaged (", "its content's entities are not the snapshot's");
	free(path);
}

/* Writers at once: each renames a whole file into place, so a reader finds
 * none yet or a whole one, and every writer succeeds. */
static void test_writers_at_once(void **state)
{
	(void)state;
	remove_snapshot();
	char *path = snapshot_cache_path(content);
	pid_t kids[4];
	for (int k = 0; k < 4; k++) {
		kids[k] = fork();
		assert_true(kids[k] >= 0);
		if (kids[k] == 0) {
			int bad = 0;
			for (int i = 0; i < 4; i++) {
				struct diag d;
				char why[256];
				diag_init(&d);
				bad |= snapshot_make(content, NULL, &d, why, sizeof(why)) != 0;
				diag_free(&d);
			}
			_exit(bad);
		}
	}
	int opened = 0, running = 4;
	while (running) {
		char why[512];
		struct report *r = snapshot_open(path, content, why, sizeof(why));
		if (r) {
			opened++;
			report_free(r);
		} else if (!strstr(why, "No such file")) {
			fail_msg("a reader found a snapshot being written: %s", why);
		}
		int status;
		for (int k = 0; k < 4; k++)
			if (kids[k] && waitpid(kids[k], &status, WNOHANG) == kids[k]) {
				assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
				kids[k] = 0;
				running--;
			}
	}
	/* nothing half-written left behind */
	char *dir = in(cache_home, "temm");
	DIR *d = opendir(dir);
	int files = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		files += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(files, 1);
	char why[512];
	struct report *r = snapshot_open(path, content, why, sizeof(why));
	assert_non_null(r);
	report_free(r);
	free(dir);
	free(path);
}

static void test_cache_not_writable(void **state)
{
	(void)state;
	remove_snapshot();
	/* a file where the cache directory should be */
	char *file = in(tu_dir, "not-a-dir"), *note;
	tu_write(tu_dir, "not-a-dir", "x");
	setenv("XDG_CACHE_HOME", file, 1);
	struct report *r = load(content, &note);
	assert_non_null(strstr(note, "cannot write the snapshot"));
	assert_ptr_equal(strchr(note, '\n'), note + strlen(note) - 1);
	report_free(r);
	free(note);
	setenv("XDG_CACHE_HOME", cache_home, 1);
	/* a read-only cache directory (root writes anyway: not tried there) */
	char *dir = in(cache_home, "temm");
	if (geteuid() != 0) {
		assert_int_equal(chmod(dir, 0500), 0);
		r = load(content, &note);
		assert_non_null(strstr(note, "cannot write the snapshot"));
		report_free(r);
		free(note);
		assert_int_equal(chmod(dir, 0700), 0);
	}
	/* one there is read, written or not */
	report_free(load(content, &note));
	free(note);
	assert_int_equal(chmod(dir, 0500), 0);
	r = load(content, &note);
	assert_non_null(r->snap);
	assert_string_equal(note, "");
	report_free(r);
	free(note);
	assert_int_equal(chmod(dir, 0700), 0);
	free(dir);
	free(file);
}

/* `temm snapshot FILE`: the same bytes every time, readable by all, and
 * good for the directory it is beside wherever that is moved. */
static void test_made_beside(void **state)
{
	(void)state;
	char *a = in(tu_dir, "a.snapshot"), *b = in(tu_dir, "b.snapshot"), why[512];
	struct diag d;
	diag_init(&d);
	assert_int_equal(snapshot_make(content, a, &d, why, sizeof(why)), 0);
	assert_int_equal(snapshot_make(content, b, &d, why, sizeof(why)), 0);
	diag_free(&d);
	char *cmd;
	assert_true(asprintf(&cmd, "cmp -s '%s' '%s'", a, b) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	struct stat st;
	assert_int_equal(stat(a, &st), 0);
	assert_int_equal(st.st_mode & 0444, 0444);
	char *moved = in(tu_dir, "moved");
	assert_true(asprintf(&cmd, "cp -pr '%s' '%s'", content, moved) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	struct report *r = snapshot_open(a, moved, why, sizeof(why));
	if (!r)
		fail_msg("refused beside a copy: %s", why);
	report_free(r);
	tu_rmdir(moved);
	free(moved);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_written_then_read),
		cmocka_unit_test(test_recent_content_waits),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_fifo_and_directory),
		cmocka_unit_test(test_damaged_on_disk),
		cmocka_unit_test(test_backlinks_damaged_on_disk),
		cmocka_unit_test(test_names_damaged_on_disk),
		cmocka_unit_test(test_text_damaged_on_disk),
		cmocka_unit_test(test_search_text_damaged_on_disk),
		cmocka_unit_test(test_entities_damaged_on_disk),
		cmocka_unit_test(test_text_damaged_content_changed),
		cmocka_unit_test(test_writers_at_once),
		cmocka_unit_test(test_cache_not_writable),
		cmocka_unit_test(test_made_beside),
	};
	return TU_RUN_EACH(tests, setup, teardown);
}
