/* testutil.c - see testutil.h. */
#include "testutil.h"
#include "cli.h"
#include "loader.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *tu_mkdtemp(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path;
	if (asprintf(&path, "%s/temm-test-XXXXXX", tmp && *tmp ? tmp : "/tmp") < 0)
		return NULL;
	assert_non_null(mkdtemp(path));
	return path;
}

void tu_write(const char *dir, const char *name, const char *text)
{
	char *path;
	assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

void tu_rmdir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path;
		if (asprintf(&path, "%s/%s", dir, e->d_name) > 0) {
			if (unlink(path) != 0)
				tu_rmdir(path);
			free(path);
		}
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

char *tu_dir;

int tu_tmpdir_setup(void **state)
{
	(void)state;
	tu_dir = tu_mkdtemp();
	return tu_dir ? 0 : -1;
}

int tu_tmpdir_teardown(void **state)
{
	(void)state;
	tu_rmdir(tu_dir);
	free(tu_dir);
	tu_dir = NULL;
	return 0;
}

static struct report *bundled;

const struct report *tu_bundled(void)
{
	if (!bundled) {
		struct diag d;
		diag_init(&d);
		bundled = content_load(SOURCE_CONTENT, &d);
		if (!bundled)
			diag_print(&d, stderr);
		diag_free(&d);
		assert_non_null(bundled);
	}
	return bundled;
}

void tu_bundled_free(void)
{
	report_free(bundled);
	bundled = NULL;
}

struct report *tu_load_one(const char *yaml, struct diag *d)
{
	char *dir = tu_mkdtemp();
	tu_write(dir, "t.yaml", yaml);
	diag_init(d);
	struct report *r = content_load(dir, d);
	tu_rmdir(dir);
	free(dir);
	return r;
}

int tu_diag_has(const struct diag *d, const char *file, unsigned line, unsigned column,
		const char *needle)
{
	for (size_t i = 0; i < d->count; i++) {
		const struct diag_entry *e = &d->entries[i];
		size_t fl = strlen(e->file), nl = strlen(file);
		if (fl >= nl && strcmp(e->file + fl - nl, file) == 0 && e->line == line &&
		    e->column == column && strstr(e->message, needle))
			return 1;
	}
	return 0;
}

char *tu_diag_text(const struct diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_print(d, f);
	fclose(f);
	return buf;
}

int tu_run(char **out, char **err, ...)
{
	char *argv[32] = { "temm" };
	int argc = 1;
	va_list ap;
	va_start(ap, err);
	for (const char *a; argc < 31 && (a = va_arg(ap, const char *)) != NULL;)
		argv[argc++] = (char *)a;
	va_end(ap);
	size_t olen = 0, elen = 0;
	FILE *o = open_memstream(out, &olen), *e = open_memstream(err, &elen);
	struct cli cli;
	int rc = cli_parse(argc, argv, &cli, e);
	if (rc == EXIT_OK && cli.command) {
		cli.width = 80;
		rc = cli_run(tu_bundled(), &cli, o, e);
	}
	cli_free(&cli);
	fclose(o);
	fclose(e);
	return rc;
}
