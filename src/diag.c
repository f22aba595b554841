/* diag.c - collecting and printing content problems. */
#include "diag.h"
#include "grow.h"
#include "sanitize.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A hostile file could produce endless problems; the first ones are enough. */
#define DIAG_MAX 200

void diag_init(struct diag *d)
{
	memset(d, 0, sizeof(*d));
}

static char *vformat(const char *fmt, va_list ap) DIAG_PRINTF(1, 0);

static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void diag_add(struct diag *d, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...)
{
	if (d->count >= DIAG_MAX)
		return;
	if (grow(&d->entries, &d->capacity, d->count, sizeof(*d->entries), 8) != 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	struct diag_entry *e = &d->entries[d->count++];
	e->file = strdup(file ? file : "");
	e->line = line;
	e->column = column;
	e->message = msg;
}

void diag_append(struct diag *d, const struct diag *from)
{
	for (size_t i = 0; i < from->count; i++) {
		const struct diag_entry *e = &from->entries[i];
		diag_add(d, e->file, e->line, e->column, "%s", e->message ? e->message : "");
	}
}

void diag_print(const struct diag *d, FILE *out)
{
	for (size_t i = 0; i < d->count; i++) {
		const struct diag_entry *e = &d->entries[i];
		char *file = sanitize_text(e->file ? e->file : "");
		char *msg = sanitize_text(e->message ? e->message : "out of memory");
		if (e->line)
			fprintf(out, "%s:%u:%u: %s\n", file, e->line, e->column, msg);
		else
			fprintf(out, "%s: %s\n", file, msg);
		free(file);
		free(msg);
	}
	if (d->count >= DIAG_MAX)
		fprintf(out, "(stopped after %d problems)\n", DIAG_MAX);
}

void diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->count; i++) {
		free(d->entries[i].file);
		free(d->entries[i].message);
	}
	free(d->entries);
	diag_init(d);
}
