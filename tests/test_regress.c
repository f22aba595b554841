/* test_regress.c - replays every fuzzing seed and every fuzzing finding
 * (tests/fuzz/seed-*, tests/fuzz/regress-*) through the same code the
 * libFuzzer harnesses run (tests/fuzz/fuzz_common.c, fuzz_ui.c), in the
 * normal build.
 * An input must be loaded or refused with a message, never crash, and take
 * at most a few seconds; under --enable-sanitizers and valgrind the same
 * replay also catches memory errors and leaks. */
#include "testutil.h"
#include "fuzz_common.h"
#include "fuzz_ui.h"
#include "corpus.h"
#include "loader.h"
#include "query.h"
#include "snapshot.h"

#include <dirent.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* One input may take this long (a sanitizer build is slower); a hang found
 * by the fuzzer must fail the test rather than hang `make check`. */
#define INPUT_SECONDS 20

static const char *current; /* the input being replayed, for the alarm */

static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "test_regress: an input took too long (a hang): ";
	ssize_t rc = write(2, msg, sizeof(msg) - 1);
	if (current)
		rc = write(2, current, strlen(current));
	rc = write(2, "\n", 1);
	(void)rc;
	_exit(1);
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *buf = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		size_t n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	assert_false(ferror(f));
	fclose(f);
	return buf;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of FUZZ_DIR/sub in name order (none if it does not exist);
 * each is a path the caller frees, and so is the array. */
static char **list_inputs(const char *sub, size_t *count)
{
	char *dir;
	assert_true(asprintf(&dir, "%s/%s", FUZZ_DIR, sub) > 0);
	char **v = NULL;
	*count = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README") == 0)
			continue;
		char *path;
		struct stat st;
		assert_true(asprintf(&path, "%s/%s", dir, e->d_name) > 0);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		v = realloc(v, (*count + 1) * sizeof(*v));
		assert_non_null(v);
		v[(*count)++] = path;
	}
	if (d)
		closedir(d);
	if (*count)
		qsort(v, *count, sizeof(*v), by_name);
	free(dir);
	return v;
}

enum harness { LOADER, QUERY, INPUT, SNAPSHOT };

/* Replays every input of one directory; returns how many there were and
 * how many of them loaded / parsed. */
static size_t replay(const char *sub, enum harness h, size_t *accepted)
{
	size_t n;
	char **inputs = list_inputs(sub, &n);
	struct corpus *c = NULL;
	if (h == QUERY) {
		c = corpus_new(tu_bundled());
		assert_non_null(c);
	}
	signal(SIGALRM, on_alarm);
	*accepted = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		unsigned char *bytes = read_all(inputs[i], &len);
		current = inputs[i];
		alarm(INPUT_SECONDS);
		enum fuzz_outcome o = h == LOADER    ? fuzz_loader_one(bytes, len)
				    : h == QUERY    ? fuzz_query_one(tu_bundled(), c, bytes, len)
				    : h == SNAPSHOT ? fuzz_snapshot_one(bytes, len)
						    : fuzz_input_one(tu_bundled(), bytes, len);
		alarm(0);
		current = NULL;
		if (o == FUZZ_BROKEN)
			fail_msg("%s: %s", inputs[i],
				 h == LOADER || h == SNAPSHOT ? "refused without a message (or loaded with one)"
				 : h == QUERY ? "query refused without a message"
					      : "the browser did not quit on Esc Esc Esc q q q, or "
						"did not see the hang-up");
		if (o == FUZZ_ACCEPTED)
			(*accepted)++;
		free(bytes);
		free(inputs[i]);
	}
	free(inputs);
	corpus_free(c);
	return n;
}

static void test_seed_loader(void **state)
{
	(void)state;
	size_t ok, n = replay("seed-loader", LOADER, &ok);
	/* the seeds hold both the whole report, which loads, and bad cases */
	if (n < 10 || ok == 0 || ok == n)
		fail_msg("seed-loader: %zu inputs, %zu loaded", n, ok);
}

static void test_seed_query(void **state)
{
	(void)state;
	size_t ok, n = replay("seed-query", QUERY, &ok);
	if (n < 10 || ok == 0 || ok == n)
		fail_msg("seed-query: %zu inputs, %zu parsed", n, ok);
}

static void test_regress_loader(void **state)
{
	(void)state;
	size_t ok;
	printf("regress-loader: %zu inputs\n", replay("regress-loader", LOADER, &ok));
}

static void test_regress_query(void **state)
{
	(void)state;
	size_t ok;
	printf("regress-query: %zu inputs\n", replay("regress-query", QUERY, &ok));
}

/* Keystrokes: as the browser runs, in a UTF-8 locale. */
static void test_seed_input(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	size_t ok, n = replay("seed-input", INPUT, &ok);
	if (n < 10 || ok != n)
		fail_msg("seed-input: %zu inputs, %zu ended well", n, ok);
}

static void test_regress_input(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	size_t ok;
	printf("regress-input: %zu inputs\n", replay("regress-input", INPUT, &ok));
}

static void test_regress_snapshot(void **state)
{
	(void)state;
	size_t ok;
	printf("regress-snapshot: %zu inputs\n", replay("regress-snapshot", SNAPSHOT, &ok));
}

/* The snapshot harness's seeds, made here as make fuzz makes them: the
 * snapshot of every loader seed that loads is read, and cut short it is
 * refused, with a message. */
static void test_seed_snapshot(void **state)
{
	(void)state;
	size_t n, made = 0;
	char **inputs = list_inputs("seed-loader", &n);
	for (size_t i = 0; i < n; i++) {
		size_t len, snap_len;
		unsigned char *yaml = read_all(inputs[i], &len);
		struct diag d;
		diag_init(&d);
		struct report *r = content_load_memory(inputs[i], yaml, len, &d);
		diag_free(&d);
		char why[256];
		unsigned char *snap = r ? snapshot_build(r, NULL, &snap_len, why, sizeof(why)) : NULL;
		if (r && !snap)
			fail_msg("%s: no snapshot: %s", inputs[i], why);
		if (snap) {
			made++;
			if (fuzz_snapshot_one(snap, snap_len) != FUZZ_ACCEPTED)
				fail_msg("%s: its snapshot is not read", inputs[i]);
			assert_int_equal(fuzz_snapshot_one(snap, snap_len / 2), FUZZ_REJECTED);
		}
		free(snap);
		report_free(r);
		free(yaml);
		free(inputs[i]);
	}
	free(inputs);
	assert_true(made >= 3);
}

/* The harness's checks themselves: a refusal without a message is caught. */
static void test_outcomes(void **state)
{
	(void)state;
	static const char good[] = "report:\n  title: T\nsections:\n  - {title: Intro, id: intro}\n";
	assert_int_equal(fuzz_loader_one((const uint8_t *)good, sizeof(good) - 1), FUZZ_ACCEPTED);
	assert_int_equal(fuzz_loader_one((const uint8_t *)"report: [", 9), FUZZ_REJECTED);
	struct corpus *c = corpus_new(tu_bundled());
	assert_non_null(c);
	assert_int_equal(fuzz_query_one(tu_bundled(), c, (const uint8_t *)"daegu", 5), FUZZ_ACCEPTED);
	assert_int_equal(fuzz_query_one(tu_bundled(), c, (const uint8_t *)"/(/", 3), FUZZ_REJECTED);
	corpus_free(c);
}

/* The limits the fuzzing findings led to. Queries: a regex is matched
 * in linear time (rx.h), so repetitions are allowed as long as the
 * states they write out stay within RX_MAX_STATES; back-references (not
 * linear) and very deep nesting are refused. */
static void test_regex_limits(void **state)
{
	(void)state;
	static const struct {
		const char *query, *refusal; /* NULL: accepted */
	} cases[] = {
		{ "/(.*)*\\1x/", "back-references" },
		{ "/(a)\\9/", "back-references" },
		{ "/.{1,101}x/", NULL },                      /* glibc's old limit: fine now */
		{ "/.{1,50}x/ /.{1,51}y/", NULL },
		{ "/(.{1,10}){1,10}x/", NULL },
		{ "/(.{1,100}){1,100}x/", "too complex" },     /* nested bounds multiply */
		{ "/b+++++++++++++++++++++++++++++++++++++++/", "too complex" }, /* X+ is X X* */
		{ "/[a-z]+ [0-9]+ (x+|y)+ colou?r/", NULL },
		{ "/a{,200}/", NULL },
		{ "/a{150,}/", NULL },
		{ "/a{2001}/", "too large" },
		{ "/((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))/", "nested" },
		{ "/.{1,100}x/", NULL },
		{ "/TEMM[0-9]{1,2}/ /20[0-9]{2}/", NULL },
		{ "/[\\1]{2}/", NULL },                        /* in brackets: no back-reference */
		{ "/a{x}/ x", "bad regular expression" },      /* not a bound */
		{ "/x{5}/ /[]{]{90}/", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct query q;
		char err[256];
		int rc = query_parse(tu_bundled(), cases[i].query, &q, err, sizeof(err));
		query_free(&q);
		if (!cases[i].refusal && rc != 0)
			fail_msg("%s: refused: %s", cases[i].query, err);
		if (cases[i].refusal && (rc == 0 || !strstr(err, cases[i].refusal)))
			fail_msg("%s: expected a refusal with '%s', got %d '%s'", cases[i].query,
				 cases[i].refusal, rc, err);
	}
}

/* Loader: a file with a problem per entry is refused at once; the first
 * problems are placed at their line and column, the rest name the file. */
static void test_many_problems(void **state)
{
	(void)state;
	char *yaml = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&yaml, &len);
	fputs("report: {title: T}\nsections: [{title: I, id: intro}]\nevents:\n", f);
	for (int i = 0; i < 3000; i++)
		fprintf(f, "  - {id: e%d, year: 2015, title: t, section: nowhere}\n", i);
	fclose(f);
	struct diag d;
	diag_init(&d);
	time_t start = time(NULL);
	assert_null(content_load_memory("many.yaml", (const unsigned char *)yaml, len, &d));
	assert_true(time(NULL) - start < 5);
	assert_true(tu_diag_has(&d, "many.yaml", 4, 45, "'section' refers to 'nowhere'"));
	assert_true(tu_diag_has(&d, "many.yaml", 23, 46, "'section' refers to 'nowhere'"));
	assert_true(tu_diag_has(&d, "many.yaml", 0, 0, "'section' refers to 'nowhere'"));
	diag_free(&d);
	free(yaml);
}

static int teardown(void **state)
{
	(void)state;
	tu_bundled_free();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_regex_limits),
		cmocka_unit_test(test_many_problems),
		cmocka_unit_test(test_seed_loader),
		cmocka_unit_test(test_seed_query),
		cmocka_unit_test(test_regress_loader),
		cmocka_unit_test(test_regress_query),
		cmocka_unit_test(test_seed_input),
		cmocka_unit_test(test_regress_input),
		cmocka_unit_test(test_seed_snapshot),
		cmocka_unit_test(test_regress_snapshot),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
