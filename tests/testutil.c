/* testutil.c - see testutil.h. */
#include "testutil.h"
#include "cli.h"
#include "loader.h"
#include "mentions.h"
#include "search.h"
#include "search_rows.h"
#include "snapshot.h"

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

/* The second report, beside the bundled content in the source tree. */
#define REPORT2_CONTENT SOURCE_CONTENT "/../tests/report2"

const struct tu_facts tu_reports[TU_REPORTS] = {
	{
		.name = "bundled",
		.dir = SOURCE_CONTENT,
		.title = "Report on China-Japan-Korea Tripartite Environmental Cooperation and its Outlook",
		.sections = 33, .stages = 3, .areas = 10,
		.stage_names = { "Foundation", "Deepening", "Steady Development" },
		.stage_years = { { 1999, 2009 }, { 2010, 2014 }, { 2015, 2019 } },
		.stage_priorities = { 6, 10, 9 },
		.stage_numbers = "1-3",
		.area_titles = {
			"Air Pollution Control", "DSS Prevention", "Environmental Education",
			"Biodiversity Conservation",
			"Chemical Management and Environmental Emergency Response",
			"Circulative Management of Resources/3R/ Transboundary Movement of E-Waste",
			"Transition to Green Economy", "Climate Change Response",
			"Marine Environment Protection", "Rural Environmental Management",
		},
		.area_sections = { "1)", "2)", "3)", "4)", "5)", "6)", "7)", "8)", "9)", "10)" },
		.area_ambiguous = "c", .area_ambiguous_ids = "chemicals, ewaste, climate",
		.area_prefix = "mar", .area_prefix_id = "marine",
		.activity = "teen", .activity_area = "education", .count_of = "coordinators", .count_n = 18,
		.meeting = "temm16", .meeting_title = "TEMM16", .place = "Daegu",
		.series = "Tripartite Environment Ministers Meeting", .series_words = "TEMM",
		.meeting_year = 2014, .meeting_month = 4,
		.section = "sec-2-1-6", .section_number = "6)",
		.section_path = "2.1 > 6) Circulative Management of Resources/3R/ "
				"Transboundary Movement of E-Waste",
		.emphasis = "Joint Action Plan",
		.word = "microplastics", .word_section = "sec-2-1-9",
		.phrase = "dust and sand storms", .phrase_section = "sec-2-1-2",
		.name_query = "e-waste", .name_text = "E-Waste",
		.first_year = 1999, .first_month = 11, .last_year = 2018,
		.links = { { "sec-2-1-2", "WG I", "dss-wg1" }, { "sec-2-1-2", "WG II", "dss-wg2" },
			   { "sec-1-2", "TEMM11", "temm11" } },
	},
	{
		.name = "report2",
		.dir = REPORT2_CONTENT,
		.title = "Forty Years for the Ozone Layer: A Review of Regional Cooperation in "
			 "Northeast Asia, 1985-2024",
		.sections = 20, .stages = 4, .areas = 7,
		.stage_names = { "Awareness", "Phase-out", "Compliance", "Kigali" },
		.stage_years = { { 1985, 1989 }, { 1990, 1999 }, { 2000, 2015 }, { 2016, 2024 } },
		.stage_priorities = { 3, 4, 5, 4 },
		.stage_numbers = "1-4",
		.area_titles = {
			"Ozone Monitoring and Science", "Phase-out of CFCs",
			"Halon Management and Fire Protection", "HCFC Phase-out Management",
			"Alternatives to Methyl Bromide", "HFC Phase-down under the Kigali Amendment",
			"Public Awareness and Training",
		},
		.area_sections = { "2.6", "2.1", "2.2", "2.4", "2.3", "2.5", "2.7" },
		.area_ambiguous = "h", .area_ambiguous_ids = "halons, hcfc, hfc",
		.area_prefix = "ozone", .area_prefix_id = "science",
		.activity = "joon", .activity_area = "science", .count_of = "stations", .count_n = 14,
		.meeting = "mop4", .meeting_title = "MOP4", .place = "København",
		.series = "Meeting of the Parties to the Montreal Protocol", .series_words = "MOP",
		.meeting_year = 1992, .meeting_month = 11,
		.section = "sec-1-4", .section_number = "1.4",
		.section_path = "1.4 The Kigali Stage (2016-2024)",
		.emphasis = "Regional Action Plan",
		.word = "solarisation", .word_section = "sec-2-3",
		.phrase = "national halon banks", .phrase_section = "sec-2-2",
		.name_query = "halon", .name_text = "Halon",
		.first_year = 1977, .first_month = 0, .last_year = 2024,
		.two_area_event = "ev-1996-production-ends", .two_areas = { "cfc", "halons" },
		.links = { { "intro", "蒙特利尔议定书", "montreal-protocol" }, { "sec-2-4", "MOP4", "mop4" },
			   { "sec-2-7", "臭氧层保护宣传周", "ozone-week" } },
	},
};

static size_t in_use;
static struct report *loaded[TU_REPORTS];

void tu_use(size_t which)
{
	assert_true(which < TU_REPORTS);
	in_use = which;
}

const struct tu_facts *tu_facts(void)
{
	return &tu_reports[in_use];
}

static const struct report *load(size_t which)
{
	if (!loaded[which]) {
		struct diag d;
		diag_init(&d);
		loaded[which] = content_load(tu_reports[which].dir, &d);
		if (!loaded[which])
			diag_print(&d, stderr);
		diag_free(&d);
		assert_non_null(loaded[which]);
	}
	return loaded[which];
}

const struct report *tu_report(void)
{
	return load(in_use);
}

void tu_report_free(void)
{
	report_free(loaded[in_use]);
	loaded[in_use] = NULL;
}

const struct report *tu_bundled(void)
{
	return load(0);
}

void tu_bundled_free(void)
{
	report_free(loaded[0]);
	loaded[0] = NULL;
}

int tu_run_each(const struct CMUnitTest *tests, size_t count, CMFixtureFunction setup,
		CMFixtureFunction teardown)
{
	int rc = 0;
	for (size_t i = 0; i < TU_REPORTS; i++) {
		tu_use(i);
		rc |= _cmocka_run_group_tests(tu_reports[i].name, tests, count, setup, teardown);
		tu_report_free();
	}
	tu_use(0);
	return rc;
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

char *tu_told(const struct report *r)
{
	char *told = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&told, &len);
	snapshot_tell(r, f);
	snapshot_tell(r, f);
	fclose(f);
	if (len)
		assert_ptr_equal(strchr(told, '\n'), told + len - 1);
	return told;
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
		rc = cli_run(tu_report(), &cli, o, e);
	}
	cli_free(&cli);
	fclose(o);
	fclose(e);
	return rc;
}

size_t tu_search_rows(const struct corpus *c, const char *query)
{
	struct search_results res;
	struct search_rows rows;
	assert_int_equal(search_run(c, query, &res), 0);
	assert_int_equal(search_rows_build(&res, &rows), 0);
	size_t n = rows.count;
	search_rows_free(&rows);
	search_results_free(&res);
	return n;
}

void tu_same_mentions(const struct report *a, const struct mentions *ma, const struct mentions *mb)
{
	struct entity_ref none = { KIND_COUNT, NO_INDEX };
	assert_int_equal(mentions_count(ma), mentions_count(mb));
	size_t found = 0;
	for (size_t s = 0; s < a->sections_count; s++)
		for (unsigned p = 0; p < report_section(a, s)->paragraphs_count; p++) {
			struct mention *x, *y;
			long n = mentions_find(ma, report_section(a, s)->paragraphs[p], none, &x);
			assert_int_equal(mentions_find(mb, report_section(a, s)->paragraphs[p], none, &y), n);
			if (n > 0)
				assert_memory_equal(x, y, (size_t)n * sizeof(*x));
			found += (size_t)(n > 0 ? n : 0);
			free(x);
			free(y);
		}
	assert_true(found > 10); /* the comparison compared something */
}
