/* history.c - load and save the search history. A crash while saving
 * leaves the old file whole: statefile_write replaces it atomically. */
#include "history.h"
#include "grow.h"
#include "sanitize.h"
#include "statefile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

static const char header[] = "# temm search history 1\n";

char *state_path(const char *name)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *p = NULL;
	int n;
	if (xdg && xdg[0] == '/') /* the spec ignores relative paths */
		n = asprintf(&p, "%s/temm/%s", xdg, name);
	else if (home && *home)
		n = asprintf(&p, "%s/.local/state/temm/%s", home, name);
	else
		return NULL;
	return n < 0 ? NULL : p;
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->count; i++)
		free(h->items[i]);
	free(h->items);
	h->items = NULL;
	h->count = h->cap = 0;
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

static int corrupt(struct history *h, FILE *f, char *warn, size_t warnlen, const char *path,
		   const char *why)
{
	history_free(h);
	fclose(f);
	snprintf(warn, warnlen, "ignoring search history %s: %s", path, why);
	return 1;
}

int history_load(struct history *h, const char *path, char *warn, size_t warnlen)
{
	char line[HISTORY_MAX_LINE + 2];
	h->items = NULL;
	h->count = h->cap = 0;
	warn[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		snprintf(warn, warnlen, "cannot read search history %s: %s", path, strerror(errno));
		return -1;
	}
	if (!fgets(line, sizeof(line), f) || strcmp(line, header) != 0)
		return corrupt(h, f, warn, warnlen, path, "not a temm history file");
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);
		if (n == 0 || line[n - 1] != '\n')
			return corrupt(h, f, warn, warnlen, path, "a line is cut short or too long");
		line[n - 1] = '\0';
		if (!line_ok(line) || history_add(h, line) != 0)
			return corrupt(h, f, warn, warnlen, path, "a line is not a readable query");
	}
	fclose(f);
	return 0;
}

int history_save(const struct history *h, const char *path, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc = f ? 0 : -1;
	if (f) {
		fputs(header, f);
		for (size_t i = 0; i < h->count; i++)
			fprintf(f, "%s\n", h->items[i]);
		rc = fclose(f) == 0 ? 0 : -1;
	}
	if (rc == 0)
		rc = statefile_write(path, buf, len);
	if (rc != 0)
		snprintf(err, errlen, "cannot save search history %s: %s", path, strerror(errno));
	free(buf);
	return rc;
}
