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

/* The reports the engine's tests run on - the bundled one and the second
 * report of tests/report2 - and the facts about each that a test checks
 * (what a test needs to know of a report's wording comes from here or from
 * the loaded model, never from the test itself). */
struct tu_link {
	const char *section, *name, *id; /* `name` in the section's text links to `id` */
};
struct tu_facts {
	const char *name, *dir;
	const char *title;
	size_t sections, stages, areas;
	const char *stage_names[8];      /* in order */
	unsigned stage_years[8][2];
	unsigned stage_priorities[8];
	const char *stage_numbers;       /* how messages write their numbers: "1-3" */
	const char *area_titles[16];     /* in number order */
	const char *area_sections[16];   /* the number of each area's section */
	const char *area_ambiguous, *area_ambiguous_ids; /* area:c -> "chemicals, ..." */
	const char *area_prefix, *area_prefix_id;        /* area:mar -> marine */
	const char *activity, *activity_area, *count_of; /* an activity, its area, a count */
	unsigned count_n;
	const char *meeting, *meeting_title, *place, *series, *series_words;
	unsigned meeting_year, meeting_month;
	const char *section, *section_number, *section_path; /* a sub-sub-section */
	const char *emphasis;            /* a run the report sets in italics */
	const char *word, *word_section; /* a word of the prose, where it is */
	const char *phrase, *phrase_section;
	const char *name_query, *name_text; /* a lower-case query for an area's name, as printed */
	unsigned first_year, first_month, last_year;
	const char *two_area_event;      /* an event linked to two areas, or NULL */
	const char *two_areas[2];
	struct tu_link links[3];
};
#define TU_REPORTS 2
extern const struct tu_facts tu_reports[TU_REPORTS];

/* Which report tu_report, tu_facts and tu_run use (0: the bundled one);
 * a test's main runs its group once for each. */
void tu_use(size_t which);
const struct tu_facts *tu_facts(void);
/* The report in use, loaded once and asserted valid. */
const struct report *tu_report(void);
void tu_report_free(void);
/* The bundled content, loaded once per test binary and asserted valid. */
const struct report *tu_bundled(void);
void tu_bundled_free(void);
/* Run a cmocka group once on each report (its name says which). */
#define TU_RUN_EACH(tests, setup, teardown) tu_run_each(tests, sizeof(tests) / sizeof(tests[0]), setup, teardown)
int tu_run_each(const struct CMUnitTest *tests, size_t count, CMFixtureFunction setup,
		CMFixtureFunction teardown);

/* Load `yaml` as the only file (t.yaml) of a temp dir. Returns the model
 * (or NULL) and fills d; the caller frees both. */
struct report *tu_load_one(const char *yaml, struct diag *d);

/* True if some diag entry is at line:column of a file ending in `file`
 * and its message contains `needle`. */
int tu_diag_has(const struct diag *d, const char *file, unsigned line, unsigned column,
		const char *needle);
/* All entries as text, for assertion messages. */
char *tu_diag_text(const struct diag *d);

/* The same names found by a and b in every paragraph of r, each a
 * dictionary of r's names (mentions.h), and more than 10 of them. */
struct mentions;
void tu_same_mentions(const struct report *r, const struct mentions *a, const struct mentions *b);

/* What snapshot_tell says of r (snapshot.h), asked twice: it must say it
 * once, in one line, if at all. Caller frees. */
char *tu_told(const struct report *r);

/* How many rows a search of c for `query` gives: what `temm search
 * --count` says. */
struct corpus;
size_t tu_search_rows(const struct corpus *c, const char *query);

/* Run `temm ARGS...` in-process on the report in use (argv[0] is added);
 * returns the exit code, *out and *err get what was printed (caller frees). */
int tu_run(char **out, char **err, ...);

#endif
