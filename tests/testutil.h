/* testutil.h - helpers shared by the cmocka tests: temporary content
 * directories, loading, and capturing a command's output. */
#ifndef TEMM_TESTUTIL_H
#define TEMM_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "model.h"

/* A fresh empty directory under $TMPDIR; caller frees the path and may
 * remove it with tu_rmdir. */
char *tu_mkdtemp(void);
void tu_write(const char *dir, const char *name, const char *text);
void tu_rmdir(const char *dir);
/* A group's temporary directory, made by tu_tmpdir_setup and removed by
 * tu_tmpdir_teardown (cmocka group setup and teardown). */
extern char *tu_dir;
int tu_tmpdir_setup(void **state);
int tu_tmpdir_teardown(void **state);

/* The bundled content, loaded once per test binary and asserted valid. */
const struct report *tu_bundled(void);
void tu_bundled_free(void);

/* Load `yaml` as the only file (t.yaml) of a temp dir. Returns the model
 * (or NULL) and fills d; the caller frees both. */
struct report *tu_load_one(const char *yaml, struct diag *d);

/* True if some diag entry is at line:column of a file ending in `file`
 * and its message contains `needle`. */
int tu_diag_has(const struct diag *d, const char *file, unsigned line, unsigned column,
		const char *needle);
/* All entries as text, for assertion messages. */
char *tu_diag_text(const struct diag *d);

/* Run `temm ARGS...` in-process on the bundled content (argv[0] is added);
 * returns the exit code, *out and *err get what was printed (caller frees). */
int tu_run(char **out, char **err, ...);

#endif
