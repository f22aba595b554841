/* history.c - load, merge and save the search history. A crash while
 * saving leaves the old file whole: statefile_update replaces it
 * atomically, under a lock, after reading it again. */
#include "history.h"
#include "grow.h"
#include "sanitize.h"
#include "statefile.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

static const char header[] = "# temm search history 1\n";

static char *state_root(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *p = NULL;
	int n;
	if (xdg && xdg[0] == '/') /* the spec ignores relative paths */
		n = asprintf(&p, "%s/temm", xdg);
	else if (home && *home)
		n = asprintf(&p, "%s/.local/state/temm", home);
	else
		return NULL;
	return n < 0 ? NULL : p;
}

void state_key(const char *content_dir, char *buf, size_t len)
{
	char *real = realpath(content_dir, NULL);
	const char *s = real ? real : content_dir;
	uint64_t h = 14695981039346656037ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	snprintf(buf, len, "content-%016llx", (unsigned long long)h);
	free(real);
}

char *state_dir_for(const char *content_dir)
{
	char key[32], *root = state_root(), *p = NULL;
	state_key(content_dir, key, sizeof(key));
	if (root && asprintf(&p, "%s/%s", root, key) < 0)
		p = NULL;
	free(root);
	return p;
}

char *state_path_for(const char *content_dir, const char *name)
{
	char *dir = state_dir_for(content_dir), *p = NULL;
	if (dir && asprintf(&p, "%s/%s", dir, name) < 0)
		p = NULL;
	free(dir);
	return p;
}

char *state_legacy_path(const char *name)
{
	char *root = state_root(), *p = NULL;
	if (root && asprintf(&p, "%s/%s", root, name) < 0)
		p = NULL;
	free(root);
	return p;
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->count; i++)
		free(h->items[i]);
	free(h->items);
	memset(h, 0, sizeof(*h));
}

static bool line_ok(const char *s)
{
	return *s && strlen(s) < HISTORY_MAX_LINE && !u8_check((const uint8_t *)s, strlen(s)) &&
	       !sanitize_needed(s);
}

int history_add(struct history *h, const char *entry)
{
	if (!line_ok(entry))
		return -1;
	if (h->fresh < h->count + 1)
		h->fresh++;
	for (size_t i = 0; i < h->count; i++) {
		if (strcmp(h->items[i], entry) != 0)
			continue;
		char *same = h->items[i];
		memmove(h->items + i, h->items + i + 1, (h->count - i - 1) * sizeof(char *));
		h->items[h->count - 1] = same;
		return 0;
	}
	if (h->count == HISTORY_MAX_ENTRIES) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (h->count - 1) * sizeof(char *));
		h->count--;
	}
	char *copy = strdup(entry);
	if (!copy || grow(&h->items, &h->cap, h->count, sizeof(*h->items), 16) != 0) {
		free(copy);
		return -1;
	}
	h->items[h->count++] = copy;
	return 0;
}

/* The file's text into h (emptied first): 0, or 1 with why. Lines past
 * HISTORY_MAX_ENTRIES mean the file is not temm's, which keeps no more. */
static int parse(struct history *h, const char *text, const char **why)
{
	history_free(h);
	size_t hl = strlen(header);
	if (strncmp(text, header, hl) != 0) {
		*why = "not a temm history file";
		return 1;
	}
	size_t lines = 0;
	for (const char *p = text + hl; *p;) {
		const char *nl = strchr(p, '\n');
		char line[HISTORY_MAX_LINE + 1];
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		*why = !nl ? "a line is cut short"
		     : n >= sizeof(line) ? "a line is too long"
		     : ++lines > HISTORY_MAX_ENTRIES ? "more lines than temm keeps" : NULL;
		if (!*why) {
			memcpy(line, p, n);
			line[n] = '\0';
			if (!line_ok(line) || history_add(h, line) != 0)
				*why = "a line is not a readable query";
		}
		if (*why) {
			history_free(h);
			return 1;
		}
		p = nl + 1;
	}
	h->fresh = 0;
	return 0;
}

int history_load(struct history *h, const char *path, char *warn, size_t warnlen)
{
	char why[160], *text;
	const char *bad = NULL;
	memset(h, 0, sizeof(*h));
	warn[0] = '\0';
	int rc = statefile_read(path, HISTORY_MAX_BYTES, &text, why, sizeof(why));
	if (rc == 1)
		return 0;
	if (rc < 0) {
		h->left_alone = true;
		snprintf(warn, warnlen, "cannot read search history %s: %s (left as it is; "
					"no searches are saved)", path, why);
		return -1;
	}
	rc = parse(h, text, &bad);
	free(text);
	if (rc != 0) {
		h->left_alone = true;
		snprintf(warn, warnlen, "ignoring search history %s: %s (left as it is; no searches "
					"are saved)", path, bad);
	}
	return rc;
}

struct merging {
	struct history *mine;
	struct history merged; /* what was written */
};

/* statefile_update's merge: the file's entries, then this session's new
 * ones. */
static char *merge(const char *current, void *arg, char *why, size_t whylen)
{
	struct merging *m = arg;
	const struct history *h = m->mine;
	struct history *disk = &m->merged;
	const char *bad = NULL;
	if (current && parse(disk, current, &bad) != 0) {
		snprintf(why, whylen, "left as it is: %s", bad);
		return NULL;
	}
	bool ok = true;
	for (size_t i = h->count - (h->fresh < h->count ? h->fresh : h->count); i < h->count; i++)
		ok = ok && history_add(disk, h->items[i]) == 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = ok ? open_memstream(&buf, &len) : NULL;
	if (f) {
		fputs(header, f);
		for (size_t i = 0; i < disk->count; i++)
			fprintf(f, "%s\n", disk->items[i]);
	}
	if (!f || fclose(f) != 0) {
		free(buf);
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	return buf;
}

int history_save(struct history *h, const char *path, char *err, size_t errlen)
{
	char why[256] = "";
	if (h->left_alone) {
		snprintf(err, errlen, "search history not saved: %s was not read and is left as it is",
			 path);
		return -1;
	}
	struct merging m = { h, { 0 } };
	if (statefile_update(path, HISTORY_MAX_BYTES, merge, &m, why, sizeof(why)) != 0) {
		int e = errno;
		history_free(&m.merged);
		snprintf(err, errlen, "cannot save search history %s: %s", path, why);
		errno = e;
		return -1;
	}
	history_free(h);
	*h = m.merged; /* with what the other sessions added */
	h->fresh = 0;
	return 0;
}
