/* fuzz_common.c - see fuzz_common.h. Output goes to /dev/null: what is
 * exercised is the code that formats it. */
#include "fuzz_common.h"
#include "cli.h"
#include "diag.h"
#include "loader.h"
#include "sanitize.h"
#include "search.h"
#include "snap_format.h"
#include "snapshot.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *sink(void)
{
	static FILE *devnull;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return devnull;
}

struct report *fuzz_report_load(void)
{
	const char *dir = getenv("TEMM_CONTENT");
	struct diag d;
	diag_init(&d);
	struct report *r = content_load(dir && *dir ? dir : TEMM_SOURCE_CONTENT, &d);
	if (!r) {
		diag_print(&d, stderr);
		abort();
	}
	diag_free(&d);
	return r;
}

/* Every other hit has its matches filled first: a snippet finds them
 * both ways. */
static void snippets(struct search_results *res, size_t max)
{
	for (size_t i = 0; i < res->count && i < max; i++) {
		struct snippet sn;
		if (i % 2)
			(void)search_hit_at(res, i);
		if (search_snippet(res, i, 8 + (int)(i * 7 % 120), &sn) == 0)
			fputs(sn.text, sink());
		snippet_free(&sn);
	}
}

static void run_command(const struct report *r, const char *command, char *arg, bool json)
{
	char *args[1] = { arg };
	struct cli cli = { .command = command, .args = args, .args_count = arg ? 1 : 0,
			   .json = json, .width = 60 };
	cli_run(r, &cli, sink(), sink());
}

/* What hostile content reaches once loaded: the search corpus, searches
 * with snippets, and every headless command. FUZZ_BROKEN when the corpus
 * cannot be made. */
static enum fuzz_outcome exercise(const struct report *r)
{
	static const char *const queries[] = { "e", "/[a-z]+/ -x", "kind:event year:1900..2100",
					       "stage:1", "area:1 \"a\"" };
	static char *kinds[] = { "sections", "stages", "areas", "activities",
				 "events", "meetings", "programmes", "terms" };
	enum fuzz_outcome o = FUZZ_ACCEPTED;
	struct corpus *c = corpus_new(r);
	if (!c)
		o = FUZZ_BROKEN;
	for (size_t q = 0; c && q < sizeof(queries) / sizeof(*queries); q++) {
		struct search_results res;
		if (search_run(c, queries[q], &res) == 0) {
			snippets(&res, 16);
			search_results_free(&res);
		}
	}
	corpus_free(c);
	run_command(r, "check", NULL, false);
	run_command(r, "dump", NULL, false);
	run_command(r, "outline", NULL, true);
	if (r->snap) { /* the emphasis runs, and the index and names read later */
		static char *markdown = "markdown";
		struct cli cli = { .command = "dump", .format = markdown, .width = 60 };
		cli_run(r, &cli, sink(), sink());
		run_command(r, "search", "e", true);
	}
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
		run_command(r, "list", kinds[k], k % 2 == 1);
	/* show the first entity of each kind, plain and as JSON */
	for (int k = 0; k < KIND_COUNT; k++)
		if (report_count(r, (enum entity_kind)k)) {
			struct entity_ref ref = { (enum entity_kind)k, 0 };
			char *id = strdup(report_entity_id(r, ref));
			if (id) {
				run_command(r, "show", id, false);
				run_command(r, "show", id, true);
			}
			free(id);
		}
	return o;
}

enum fuzz_outcome fuzz_loader_one(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d);
	struct report *r = content_load_memory("fuzz.yaml", data, size, &d);
	diag_print(&d, sink());
	if (!r) {
		enum fuzz_outcome o = d.count ? FUZZ_REJECTED : FUZZ_BROKEN;
		diag_free(&d);
		return o;
	}
	enum fuzz_outcome o = d.count ? FUZZ_BROKEN : FUZZ_ACCEPTED; /* loaded, yet a problem? */
	diag_free(&d);
	if (exercise(r) == FUZZ_BROKEN)
		o = FUZZ_BROKEN;
	report_free(r);
	return o;
}

/* Every section's text as its readers read it (report_section_text),
 * before the index (which reads every string) is made: the checks a
 * snapshot makes when the text is first read. Text that would need
 * sanitizing, or a run past its paragraph's end, is a bug. */
static enum fuzz_outcome read_text(const struct report *r)
{
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = report_section_text(r, i);
		for (unsigned k = 0; k < s->paragraphs_count; k++)
			if (sanitize_needed(s->paragraphs[k]))
				return FUZZ_BROKEN;
		for (unsigned e = 0; e < s->emphasis_count; e++) {
			const struct emphasis *run = &s->emphasis[e];
			const char *p = run->paragraph < s->paragraphs_count ? s->paragraphs[run->paragraph] : NULL;
			if (!p || run->start > run->end || run->end > strlen(p) ||
			    ((unsigned char)p[run->start] & 0xc0) == 0x80 ||
			    ((unsigned char)p[run->end] & 0xc0) == 0x80) /* inside a character */
				return FUZZ_BROKEN;
		}
	}
	return FUZZ_ACCEPTED;
}

static bool unsafe(const char *s)
{
	return s && sanitize_needed(s);
}

/* The names and titles a snapshot's model gives (each checked when its
 * entity is first made): none may need sanitizing, and a section's
 * heading splits as the loader splits it. */
static enum fuzz_outcome read_names(const struct report *r)
{
	bool bad = unsafe(r->title) || unsafe(r->short_name);
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = report_section(r, i);
		size_t n = heading_number_len(s->title); /* as the loader splits it */
		bad = bad || unsafe(s->id) || unsafe(s->title) || unsafe(s->name) || unsafe(s->number) ||
		      (s->number ? strlen(s->number) != n || strncmp(s->title, s->number, n) != 0 ||
					   s->name != s->title + n + 1
				 : n || s->name != s->title);
	}
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *st = report_stage(r, i);
		bad = bad || unsafe(st->title) || unsafe(st->name);
		for (unsigned k = 0; k < st->achievements_count; k++)
			bad = bad || unsafe(st->achievements[k]);
	}
	for (size_t i = 0; i < r->events_count; i++)
		bad = bad || unsafe(report_event(r, i)->short_name);
	for (size_t i = 0; i < r->terms_count; i++)
		bad = bad || unsafe(report_term(r, i)->expansion);
	for (size_t i = 0; i < r->meetings_count; i++)
		bad = bad || unsafe(report_meeting(r, i)->place);
	for (size_t i = 0; i < r->series_count; i++)
		bad = bad || unsafe(report_series_at(r, i)->title) || unsafe(report_series_at(r, i)->id);
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			bad = bad || unsafe(report_entity_id(r, ref)) || unsafe(report_entity_title(r, ref));
		}
	return bad ? FUZZ_BROKEN : FUZZ_ACCEPTED;
}

/* A snapshot's entities are made on first use, in whatever order they are
 * asked for: some out of order first (picked by the input), and ids
 * looked up, before everything is read in order. */
static void read_out_of_order(const struct report *r, uint8_t pick)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		size_t n = report_count(r, (enum entity_kind)k);
		if (!n)
			continue;
		struct entity_ref last = { (enum entity_kind)k, (int)(n - 1) };
		struct entity_ref some = { (enum entity_kind)k, (int)(pick * 7919u % n) }, found;
		report_find(r, report_entity_id(r, (pick & 1) ? last : some), &found);
		report_find(r, "no-such-id", &found);
	}
}

enum fuzz_outcome fuzz_snapshot_one(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(size ? size : 1);
	if (!copy)
		return FUZZ_REJECTED;
	memcpy(copy, data, size);
	/* half the inputs have their checksums made right, so that what a
	 * made-up file says reaches the reader's own checks */
	if (size && !(data[size - 1] & 1))
		snap_seal(copy, size);
	char why[512] = "";
	struct report *r = snapshot_open_memory(copy, size, why, sizeof(why));
	free(copy);
	if (!r)
		return why[0] ? FUZZ_REJECTED : FUZZ_BROKEN; /* a refusal always says why */
	read_out_of_order(r, size ? data[0] : 0);
	enum fuzz_outcome o = read_names(r) == FUZZ_BROKEN ? FUZZ_BROKEN : read_text(r);
	if (exercise(r) == FUZZ_BROKEN)
		o = FUZZ_BROKEN;
	snapshot_tell(r, sink());
	report_free(r);
	return o;
}

enum fuzz_outcome fuzz_query_one(const struct report *r, const struct corpus *c,
				 const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return FUZZ_REJECTED;
	memcpy(text, data, size);
	text[size] = '\0';
	char err[256] = "";
	struct search_results res;
	enum fuzz_outcome o;
	if (search_execute(c, text, &res, err, sizeof(err)) == 0) {
		o = FUZZ_ACCEPTED;
		snippets(&res, 64);
		/* the command's own output, both forms, when it stays short */
		if (res.count <= 64) {
			char *args[1] = { text };
			struct cli cli = { .command = "search", .args = args, .args_count = 1,
					   .width = 72 };
			cli_run(r, &cli, sink(), sink());
			cli.json = true;
			cli_run(r, &cli, sink(), sink());
		}
		search_results_free(&res);
	} else {
		o = err[0] ? FUZZ_REJECTED : FUZZ_BROKEN; /* a refusal always says why */
		fputs(err, sink());
	}
	free(text);
	return o;
}
