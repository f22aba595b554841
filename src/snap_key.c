/* snap_key.c - what a snapshot was made from: the content directory's real
 * path and each content file's name, size and modification time (to the
 * nanosecond). Any change to one of them, a file added or removed, makes
 * the snapshot stale. */
#include "snap_internal.h"
#include "loader.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct snap_key {
	unsigned char *bytes; /* PART_KEY as written */
	size_t len;
	struct timespec newest; /* the latest modification time among the files */
};

/* A file changed this recently may change again within the same tick of
 * the file system's clock (coarse: about 4 ms, a second on some), with its
 * size and time unchanged: a snapshot made now would not see it. */
#define SNAP_RECENT_SECONDS 2

void snap_key_free(struct snap_key *k)
{
	if (k)
		free(k->bytes);
	free(k);
}

const unsigned char *snap_key_bytes(const struct snap_key *k, size_t *len)
{
	*len = k->len;
	return k->bytes;
}

bool snap_key_recent(const struct snap_key *k)
{
	struct timespec now;
	if (clock_gettime(CLOCK_REALTIME, &now) != 0)
		return true;
	return k->newest.tv_sec >= now.tv_sec - SNAP_RECENT_SECONDS;
}

static void names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The names of dir's content files and each one's stat, or an errno. */
static int list_content(const char *dir, char ***names, size_t *n, struct stat **st)
{
	int rc = content_names(dir, names, n);
	*st = NULL;
	if (rc == 0 && *n > CONTENT_MAX_FILES)
		rc = E2BIG;
	if (rc == 0 && !(*st = calloc(*n ? *n : 1, sizeof(**st))))
		rc = ENOMEM;
	for (size_t i = 0; rc == 0 && i < *n; i++) {
		char path[PATH_MAX];
		if (snprintf(path, sizeof(path), "%s/%s", dir, (*names)[i]) >= (int)sizeof(path))
			rc = ENAMETOOLONG;
		else if (stat(path, &(*st)[i]) != 0)
			rc = errno;
	}
	if (rc) {
		names_free(*names, *n);
		free(*st);
		*names = NULL;
		*st = NULL;
	}
	return rc;
}

struct snap_key *snap_key_take(const char *dir, bool with_dir, char *why, size_t whylen)
{
	struct snap_key *k = calloc(1, sizeof(*k));
	char **names = NULL, *real = NULL;
	struct stat *st = NULL;
	size_t n = 0, names_len = 0;
	int rc = k ? 0 : ENOMEM;
	if (rc == 0 && dir)
		rc = list_content(dir, &names, &n, &st);
	if (rc == 0 && dir && with_dir && !(real = realpath(dir, NULL)))
		rc = errno;
	for (size_t i = 0; i < n; i++)
		names_len += strlen(names[i]);
	size_t dir_len = real ? strlen(real) : 0;
	if (rc == 0) {
		k->len = sizeof(struct snap_key_head) + n * sizeof(struct snap_key_file) + dir_len +
			 names_len;
		if (!(k->bytes = calloc(1, k->len)))
			rc = ENOMEM;
	}
	if (rc == 0) {
		unsigned char *p = k->bytes;
		struct snap_key_head head = { (uint32_t)n, (uint32_t)dir_len };
		memcpy(p, &head, sizeof(head));
		p += sizeof(head);
		for (size_t i = 0; i < n; i++) {
			struct snap_key_file f = { (uint64_t)st[i].st_size, st[i].st_mtim.tv_sec,
						   (uint32_t)st[i].st_mtim.tv_nsec,
						   (uint32_t)strlen(names[i]) };
			memcpy(p, &f, sizeof(f));
			p += sizeof(f);
			if (st[i].st_mtim.tv_sec > k->newest.tv_sec)
				k->newest = st[i].st_mtim;
		}
		memcpy(p, real ? real : "", dir_len);
		p += dir_len;
		for (size_t i = 0; i < n; i++) {
			memcpy(p, names[i], strlen(names[i]));
			p += strlen(names[i]);
		}
	}
	names_free(names, n);
	free(st);
	free(real);
	if (rc) {
		snprintf(why, whylen, "cannot read the content directory: %s", strerror(rc));
		snap_key_free(k);
		return NULL;
	}
	return k;
}

/* What differs between a key's file and the one there now, in words
 * (NULL: nothing). */
static const char *file_change(const struct snap_key_file *f, const struct stat *st)
{
	if (f->size != (uint64_t)st->st_size)
		return "its size";
	if (f->mtime_sec != st->st_mtim.tv_sec || f->mtime_nsec != (uint32_t)st->st_mtim.tv_nsec)
		return "its modification time";
	return NULL;
}

/* Compare a parsed key with the directory now; 0 or 1 as snap_key_compare. */
static int compare_files(const struct snap_key_file *files, const unsigned char *names_at,
			 uint32_t count, const char *dir, char *why, size_t whylen)
{
	char **names;
	size_t n;
	struct stat *st;
	int rc = list_content(dir, &names, &n, &st);
	if (rc) {
		snprintf(why, whylen, "the content directory cannot be read: %s", strerror(rc));
		return 1;
	}
	int changed = 0;
	size_t at = 0;
	for (size_t i = 0; i < count && !changed; i++) {
		size_t len = files[i].name_len;
		const char *what = NULL;
		if (i >= n || strlen(names[i]) != len || memcmp(names[i], names_at + at, len) != 0)
			snprintf(why, whylen, "%.*s is gone or another file is there", (int)len,
				 (const char *)names_at + at);
		else if ((what = file_change(&files[i], &st[i])) != NULL)
			snprintf(why, whylen, "%s changed: %s", names[i], what);
		else {
			at += len;
			continue;
		}
		changed = 1;
	}
	if (!changed && n != count) {
		snprintf(why, whylen, "%s was added", names[count]);
		changed = 1;
	}
	names_free(names, n);
	free(st);
	return changed;
}

int snap_key_compare(const unsigned char *key, size_t len, const char *dir, char *why,
		     size_t whylen)
{
	struct snap_key_head head;
	if (len < sizeof(head))
		return -1;
	memcpy(&head, key, sizeof(head));
	if (head.files > CONTENT_MAX_FILES || head.dir_len > PATH_MAX)
		return -1;
	size_t fixed = sizeof(head) + (size_t)head.files * sizeof(struct snap_key_file);
	if (fixed > len || head.dir_len > len - fixed)
		return -1;
	/* the records sit 8 bytes into an 8-aligned part: aligned */
	const struct snap_key_file *files = (const void *)(key + sizeof(head));
	size_t names_len = 0;
	for (uint32_t i = 0; i < head.files; i++)
		names_len += files[i].name_len;
	if (names_len != len - fixed - head.dir_len)
		return -1;
	if (!dir)
		return 0;
	const char *kept = (const char *)key + fixed;
	if (head.dir_len) {
		char *real = realpath(dir, NULL);
		bool same = real && strlen(real) == head.dir_len && memcmp(real, kept, head.dir_len) == 0;
		free(real);
		if (!same) {
			snprintf(why, whylen, "it was made for another directory");
			return 1;
		}
	}
	return compare_files(files, key + fixed + head.dir_len, head.files, dir, why, whylen);
}
