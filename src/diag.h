/* diag.h - a list of problems found in the content, each with the file and
 * position it comes from, printed as FILE:LINE:COLUMN: message. */
#ifndef TEMM_DIAG_H
#define TEMM_DIAG_H

#include <stdio.h>
#include <stddef.h>

struct diag_entry {
	char *file;
	unsigned line, column; /* 1-based; 0 when not known */
	char *message;
};

struct diag {
	struct diag_entry *entries;
	size_t count, capacity;
};

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

void diag_init(struct diag *d);
void diag_add(struct diag *d, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...) DIAG_PRINTF(5, 6);
/* Add copies of every entry of `from` to `d`. */
void diag_append(struct diag *d, const struct diag *from);
/* Print every entry, one a line, with control characters made visible. */
void diag_print(const struct diag *d, FILE *out);
void diag_free(struct diag *d);

#endif
