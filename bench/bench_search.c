/* bench_search.c - search inside the process, the way the browser runs it.
 *
 *   bench_search --content DIR [--reps N] [--load-reps N] [--budget S] [--grep]
 *
 * (--reps 0: load and index only, for a profiler.) *
 * Loads DIR (content_load: read, parse, validate), builds the search index
 * (corpus_new), then for a fixed list of 20 queries times search_execute
 * for each prefix of the query as it is typed (one search per keystroke) and
 * for the whole query. With --grep, `grep -rci` over the same files for the
 * same words is timed in the same rounds, as the baseline. Prints one JSON
 * object (times in milliseconds, memory in KiB). Exit 1 if the content does
 * not load. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "benchutil.h"
#include "corpus.h"
#include "diag.h"
#include "jsonlib.h"
#include "loader.h"
#include "search.h"

struct bench_query {
	const char *query;   /* as typed in the browser */
	const char *what;    /* words, phrase, facet, regex, ... */
	const char *grep;    /* what a user would give `grep -rci` */
	bool grep_regex;     /* -E instead of -F */
};

/* Words, phrases, exclusions, facets and a regex; common and rare words,
 * and one that is nowhere. */
static const struct bench_query queries[] = {
	{ "water", "word", "water", false },
	{ "pollution", "word", "pollution", false },
	{ "environment", "common word", "environment", false },
	{ "microplastics", "rare word", "microplastics", false },
	{ "xylophone", "absent word", "xylophone", false },
	{ "TEMM", "smart case", "TEMM", false },
	{ "e-waste", "word", "e-waste", false },
	{ "air pollution", "two words", "air pollution", false },
	{ "climate change", "two words", "climate change", false },
	{ "dust and sandstorm", "three words", "dust and sandstorm", false },
	{ "\"joint action plan\"", "phrase", "joint action plan", false },
	{ "\"environmental education\"", "phrase", "environmental education", false },
	{ "cooperation -china", "exclusion", "cooperation", false },
	{ "kind:activity seminar", "facet kind", "seminar", false },
	{ "area:dss meetings", "facet area", "meetings", false },
	{ "stage:2 cooperation", "facet stage", "cooperation", false },
	{ "year:2010..2014 plan", "facet year", "plan", false },
	{ "kind:event summit", "facet kind", "summit", false },
	{ "kind:term", "facet only", "term", false },
	{ "/TEMM ?1[0-9]/", "regex", "TEMM ?1[0-9]", true },
};
#define QUERIES (sizeof(queries) / sizeof(queries[0]))

static json_t *stats(const struct samples *s, double scale)
{
	return json_pack("{s:f,s:f,s:f,s:I}", "median", samples_median(s) * scale, "min",
			 samples_min(s) * scale, "max", samples_max(s) * scale, "n", (json_int_t)s->n);
}

static long self_kb(const char *field)
{
	return bench_proc_status_kb(getpid(), field);
}

/* Time one search; 0 or -1 (a bad query, as while typing `"air pol`). */
static double timed_search(const struct corpus *c, const char *q, size_t *hits)
{
	struct search_results res;
	char err[256];
	double t0 = bench_now();
	int rc = search_execute(c, q, &res, err, sizeof(err));
	size_t n = rc == 0 ? res.count : 0;
	search_results_free(&res);
	double t = bench_now() - t0;
	if (hits)
		*hits = n;
	return t;
}

static double timed_grep(const char *dir, const struct bench_query *bq, long *lines)
{
	char *argv[] = { "grep", "-rci", bq->grep_regex ? "-E" : "-F", "-e", (char *)bq->grep,
			 (char *)dir, NULL };
	int status;
	double t0 = bench_now();
	char *out = bench_capture(argv, &status);
	double t = bench_now() - t0;
	long total = 0;
	for (char *p = out; p && *p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		char *colon = strrchr(p, ':');
		if (colon)
			total += strtol(colon + 1, NULL, 10);
		p = nl ? nl + 1 : p + strlen(p);
	}
	free(out);
	*lines = out ? total : -1;
	return t;
}

int main(int argc, char **argv)
{
	const char *dir = NULL;
	int reps = 5, load_reps = 3;
	double budget = 60;
	bool grep = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--content") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
			reps = atoi(argv[++i]);
		else if (strcmp(argv[i], "--load-reps") == 0 && i + 1 < argc)
			load_reps = atoi(argv[++i]);
		else if (strcmp(argv[i], "--budget") == 0 && i + 1 < argc)
			budget = atof(argv[++i]);
		else if (strcmp(argv[i], "--grep") == 0)
			grep = true;
		else {
			fprintf(stderr, "usage: bench_search --content DIR [--reps N] [--load-reps N] "
					"[--budget SECONDS] [--grep]\n");
			return 2;
		}
	}
	if (!dir)
		return 2;
	if (reps < 0)
		reps = 0; /* 0: load and index only (for a profiler) */
	if (load_reps < 1)
		load_reps = 1;
	double start = bench_now();

	/* load: read + parse + validate, repeated; keep the last */
	struct samples load = { 0 }, index = { 0 };
	struct report *r = NULL;
	long rss_before = self_kb("VmRSS");
	for (int i = 0; i < load_reps; i++) {
		struct diag d;
		diag_init(&d);
		report_free(r);
		double t0 = bench_now();
		r = content_load(dir, &d);
		samples_add(&load, bench_now() - t0);
		if (!r) {
			diag_print(&d, stderr);
			diag_free(&d);
			return 1;
		}
		diag_free(&d);
		if (i + 1 < load_reps && bench_now() - start > budget / 4)
			break;
	}
	long rss_loaded = self_kb("VmRSS");

	/* the index: every searchable text folded once */
	struct corpus *c = NULL;
	double index_first = 0;
	for (int i = 0; i < load_reps; i++) {
		corpus_free(c);
		double t0 = bench_now();
		c = corpus_new(r);
		samples_add(&index, bench_now() - t0);
		if (i == 0) /* as in the browser: once a session, in memory not used before */
			index_first = bench_now() - t0;
		if (!c) {
			fprintf(stderr, "bench_search: cannot build the corpus\n");
			return 1;
		}
		if (i + 1 < load_reps && bench_now() - start > budget / 3)
			break;
	}
	long rss_indexed = self_kb("VmRSS");

	/* rounds: every prefix of every query, then the whole query, then grep */
	struct samples full[QUERIES], keys[QUERIES], greps[QUERIES];
	struct samples key_p50 = { 0 }, key_p99 = { 0 }, key_all = { 0 };
	/* keystrokes by how much of the query is typed: 1, 2, 3, 4 or more */
	struct samples by_len[4];
	memset(by_len, 0, sizeof(by_len));
	size_t hits[QUERIES] = { 0 };
	long grep_lines[QUERIES];
	memset(full, 0, sizeof(full));
	memset(keys, 0, sizeof(keys));
	memset(greps, 0, sizeof(greps));
	int rounds = 0;
	double search_start = bench_now();
	for (int rep = 0; rep < reps; rep++) {
		struct samples round = { 0 };
		for (size_t q = 0; q < QUERIES; q++) {
			const char *text = queries[q].query;
			size_t len = strlen(text);
			char prefix[256];
			for (size_t k = 1; k <= len && k < sizeof(prefix); k++) {
				memcpy(prefix, text, k);
				prefix[k] = '\0';
				double t = timed_search(c, prefix, NULL);
				samples_add(&round, t);
				samples_add(&keys[q], t);
				samples_add(&key_all, t);
				samples_add(&by_len[k < 4 ? k - 1 : 3], t);
			}
			samples_add(&full[q], timed_search(c, text, &hits[q]));
			if (grep)
				samples_add(&greps[q], timed_grep(dir, &queries[q], &grep_lines[q]));
		}
		samples_add(&key_p50, samples_pct(&round, 50));
		samples_add(&key_p99, samples_pct(&round, 99));
		samples_free(&round);
		rounds++;
		double per_round = (bench_now() - search_start) / rounds;
		if (bench_now() - start + per_round > budget)
			break;
	}

	json_t *o = json_object();
	int files = 0;
	long long bytes = bench_dir_bytes(dir, &files);
	json_object_set_new(o, "content", json_string(dir));
	json_object_set_new(o, "bytes", json_integer(bytes));
	json_object_set_new(o, "files", json_integer(files));
	json_t *counts = json_object();
	for (int k = 0; k < KIND_COUNT; k++)
		json_object_set_new(counts, entity_kind_plural((enum entity_kind)k),
				    json_integer((json_int_t)report_count(r, (enum entity_kind)k)));
	json_object_set_new(o, "entities", counts);
	json_object_set_new(o, "units", json_integer((json_int_t)c->count));
	json_object_set_new(o, "load_ms", stats(&load, 1e3));
	json_object_set_new(o, "index_ms", stats(&index, 1e3));
	json_object_set_new(o, "index_first_ms", json_real(index_first * 1e3));
	json_object_set_new(o, "rss_kb", json_pack("{s:i,s:i,s:i,s:i}", "start", (int)rss_before,
						   "loaded", (int)rss_loaded, "indexed", (int)rss_indexed,
						   "peak", (int)self_kb("VmHWM")));
	json_object_set_new(o, "rounds", json_integer(rounds));
	json_object_set_new(o, "keystrokes_per_round",
			    json_integer(rounds ? (json_int_t)(key_all.n / (size_t)rounds) : 0));
	json_object_set_new(o, "keystroke_ms",
			    json_pack("{s:o,s:o,s:f,s:f}", "p50", stats(&key_p50, 1e3), "p99",
				      stats(&key_p99, 1e3), "max", samples_max(&key_all) * 1e3,
				      "p99_all", samples_pct(&key_all, 99) * 1e3));
	json_t *lens = json_array();
	for (int i = 0; i < 4; i++) {
		json_array_append_new(lens, json_pack("{s:s,s:f,s:f,s:f}", "typed", i < 3 ? (const char *[]){ "1", "2", "3" }[i] : "4+",
						      "median", samples_median(&by_len[i]) * 1e3, "p99",
						      samples_pct(&by_len[i], 99) * 1e3, "max", samples_max(&by_len[i]) * 1e3));
		samples_free(&by_len[i]);
	}
	json_object_set_new(o, "keystroke_ms_by_typed_length", lens);
	json_t *list = json_array();
	struct samples full_med = { 0 }, grep_med = { 0 };
	for (size_t q = 0; q < QUERIES; q++) {
		json_t *e = json_pack("{s:s,s:s,s:I,s:I,s:o,s:f,s:f}", "query", queries[q].query,
				      "what", queries[q].what, "hits", (json_int_t)hits[q],
				      "keystrokes", (json_int_t)strlen(queries[q].query),
				      "full_ms", stats(&full[q], 1e3),
				      "keystroke_p99_ms", samples_pct(&keys[q], 99) * 1e3,
				      "keystroke_max_ms", samples_max(&keys[q]) * 1e3);
		samples_add(&full_med, samples_median(&full[q]));
		if (grep) {
			json_object_set_new(e, "grep", json_pack("{s:s,s:s,s:I,s:o}", "pattern",
								 queries[q].grep, "mode",
								 queries[q].grep_regex ? "-E" : "-F",
								 "lines", (json_int_t)grep_lines[q],
								 "ms", stats(&greps[q], 1e3)));
			samples_add(&grep_med, samples_median(&greps[q]));
		}
		json_array_append_new(list, e);
		samples_free(&full[q]);
		samples_free(&keys[q]);
		samples_free(&greps[q]);
	}
	/* over the 20 queries: the median query and the slowest */
	json_object_set_new(o, "query_ms", json_pack("{s:f,s:f}", "median", samples_median(&full_med) * 1e3,
						     "max", samples_max(&full_med) * 1e3));
	if (grep)
		json_object_set_new(o, "grep_ms", json_pack("{s:f,s:f}", "median",
							    samples_median(&grep_med) * 1e3, "max",
							    samples_max(&grep_med) * 1e3));
	json_object_set_new(o, "queries", list);
	json_object_set_new(o, "seconds", json_real(bench_now() - start));
	json_dumpf(o, stdout, JSON_INDENT(1));
	fputc('\n', stdout);
	json_decref(o);
	samples_free(&full_med);
	samples_free(&grep_med);
	samples_free(&key_p50);
	samples_free(&key_p99);
	samples_free(&key_all);
	samples_free(&load);
	samples_free(&index);
	corpus_free(c);
	report_free(r);
	return 0;
}
