/* snap_load.c - which snapshot a run reads and when it writes one: the
 * installed content's, else the cache's; the YAML when neither is valid,
 * then the cache written for the next run. */
#include "snap_internal.h"
#include "history.h"
#include "loader.h"
#include "paths.h"
#include "sanitize.h"
#include "statefile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* TEMM_SNAPSHOT: "off" reads and writes none; "verbose" says which one is
 * read or written. */
static const char *setting(void)
{
	const char *v = getenv("TEMM_SNAPSHOT");
	return v ? v : "";
}

enum snapshot_use snapshot_use_for(bool kiosk, const char *command)
{
	if (strcmp(setting(), "off") == 0)
		return SNAPSHOT_OFF;
	/* check validates the YAML itself; snapshot makes one from it */
	if (command && (strcmp(command, "check") == 0 || strcmp(command, "snapshot") == 0))
		return SNAPSHOT_OFF;
	return kiosk ? SNAPSHOT_INSTALLED : SNAPSHOT_CACHE;
}

static bool verbose(void)
{
	return strcmp(setting(), "verbose") == 0;
}

char *snapshot_cache_path(const char *dir)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char key[32], *p = NULL;
	int n;
	state_key(dir, key, sizeof(key));
	if (xdg && xdg[0] == '/') /* the spec ignores relative paths */
		n = asprintf(&p, "%s/temm/%s.snapshot", xdg, key);
	else if (home && *home)
		n = asprintf(&p, "%s/.cache/temm/%s.snapshot", home, key);
	else
		return NULL;
	return n < 0 ? NULL : p;
}

/* The snapshot at `path` for dir, or NULL: none there (said nothing), or
 * refused (said on note). A `cached` one is removed when a part of it is
 * refused later (snap_refuse_later): the next run writes it again. */
static struct report *try_snapshot(const char *path, const char *dir, bool cached, FILE *note)
{
	struct stat st;
	if (!path || lstat(path, &st) != 0) /* none there (or no way there: said if written) */
		return NULL;
	char why[512];
	struct report *r = snapshot_open(path, dir, why, sizeof(why));
	if (!r)
		sanitize_error(note, "the snapshot %s %s: reading the YAML", path, why);
	else if (verbose())
		sanitize_error(note, "read the snapshot %s", path);
	if (r)
		r->snap->cached = cached;
	return r;
}

/* Write r's snapshot to `path` (key: the content before it was read). */
static int write_snapshot(const struct report *r, const struct snap_key *key, const char *path,
			  mode_t mode, char *why, size_t whylen)
{
	size_t len;
	unsigned char *bytes = snap_build(r, key, &len, why, whylen);
	if (!bytes)
		return -1;
	int rc = statefile_write_mode(path, (const char *)bytes, len, mode);
	if (rc != 0)
		snprintf(why, whylen, "%s", strerror(errno));
	free(bytes);
	return rc;
}

struct report *snapshot_load(const char *dir, enum snapshot_use use, struct diag *d, FILE *note)
{
	if (use == SNAPSHOT_OFF)
		return content_load(dir, d);
	struct report *r = try_snapshot(paths_installed_snapshot(dir), dir, false, note);
	if (r || use == SNAPSHOT_INSTALLED)
		return r ? r : content_load(dir, d);
	char *cache = snapshot_cache_path(dir);
	if ((r = try_snapshot(cache, dir, true, note)) != NULL) {
		free(cache);
		return r;
	}
	/* what the content is before it is read: a change while it is read
	 * then makes the snapshot stale, never wrong */
	char why[256];
	struct snap_key *key = cache ? snap_key_take(dir, true, why, sizeof(why)) : NULL;
	r = content_load(dir, d);
	/* a file changed this very moment could change again unseen: the
	 * next run writes the snapshot */
	if (r && key && !snap_key_recent(key)) {
		/* read only: a snapshot in use is never written over, only replaced */
		if (write_snapshot(r, key, cache, 0444, why, sizeof(why)) != 0)
			sanitize_error(note, "cannot write the snapshot %s: %s", cache, why);
		else if (verbose())
			sanitize_error(note, "wrote the snapshot %s", cache);
	}
	snap_key_free(key);
	free(cache);
	return r;
}

/* Whether the directory `path` would be written in exists. */
static bool parent_exists(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return true; /* the working directory */
	char *dir = slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
	struct stat st;
	bool ok = dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	free(dir);
	return ok;
}

int snapshot_make(const char *dir, const char *path, struct diag *d, char *why, size_t whylen)
{
	char *cache = path ? NULL : snapshot_cache_path(dir);
	const char *to = path ? path : cache;
	*why = '\0';
	if (!to) {
		snprintf(why, whylen, "no cache directory: neither XDG_CACHE_HOME nor HOME is set");
		return -1;
	}
	if (path && !parent_exists(path)) { /* one of one's choosing: its directory is not made */
		snprintf(why, whylen, "no such directory");
		return -1;
	}
	/* one beside its content names no directory: it moves with it */
	struct snap_key *key = snap_key_take(dir, !path, why, whylen);
	struct report *r = key ? content_load(dir, d) : NULL;
	int rc = r ? write_snapshot(r, key, to, path ? 0644 : 0444, why, whylen) : -1;
	report_free(r);
	snap_key_free(key);
	free(cache);
	return rc;
}
