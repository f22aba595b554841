/* test_present.c - the entity presenter: `temm show` and `--json` say what
 * the page says for every entity of the bundled report; dates, places,
 * numerals, parents and words as a reader sees them. */
#include "testutil.h"
#include "cli.h"
#include "mentions.h"
#include "present.h"
#include "relations.h"
#include "text.h"
#include "jsonlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `temm ARGS...` on the bundled report with plain output `width` wide;
 * returns stdout (caller frees) and asserts the exit code is 0. */
static char *run(int width, const char *a, const char *b, const char *c)
{
	char *argv[] = { "temm", (char *)a, (char *)b, (char *)c, NULL };
	int argc = c ? 4 : b ? 3 : 2;
	char *out = NULL, *err = NULL;
	size_t olen = 0, elen = 0;
	FILE *o = open_memstream(&out, &olen), *e = open_memstream(&err, &elen);
	struct cli cli;
	int rc = cli_parse(argc, argv, &cli, e);
	if (rc == EXIT_OK) {
		cli.width = width;
		rc = cli_run(tu_bundled(), &cli, o, e);
	}
	cli_free(&cli);
	fclose(o);
	fclose(e);
	if (rc != EXIT_OK)
		fprintf(stderr, "temm %s %s: %s", a, b ? b : "", err);
	assert_int_equal(rc, EXIT_OK);
	free(err);
	return out;
}

static struct entity_ref find(const char *id)
{
	struct entity_ref ref;
	assert_int_equal(report_find(tu_bundled(), id, &ref), 0);
	return ref;
}

/* s without any white space: wrapping may put a line break anywhere a
 * space was, and after a hyphen. */
static char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *at = out;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			*at++ = *s;
	*at = '\0';
	return out;
}

/* The next place `want` (squeezed) occurs in the squeezed output, after
 * *from; moves *from past it, so the page's order is asserted too. */
static void expect_next(const char **from, const char *want, const char *id)
{
	char *w = squeeze(want);
	const char *at = strstr(*from, w);
	if (!at)
		fail_msg("show %s: \"%s\" is missing or out of order", id, want);
	*from = at + strlen(w);
	free(w);
}

/* A line as the command line writes it: each link with its id. */
static char *line_with_ids(const struct present_line *l)
{
	char *s = strdup("");
	for (size_t i = 0; i < l->runs_count; i++) {
		const char *id = report_entity_id(tu_bundled(), l->runs[i].link);
		char *next;
		assert_true(asprintf(&next, id ? "%s%s [%s]" : "%s%s", s, l->runs[i].text, id) > 0);
		free(s);
		s = next;
	}
	return s;
}

static void expect_line(const char **from, const struct present_line *l,
			const char *before, const char *id)
{
	char *text = line_with_ids(l), *want;
	assert_true(asprintf(&want, "%s%s", before, text) > 0);
	expect_next(from, want, id);
	free(want);
	free(text);
}

/* Everything the page says, in its order, is in `temm show`. */
static void show_matches_page(const struct present_page *p, const char *out, const char *id)
{
	const struct report *r = tu_bundled();
	char *sq = squeeze(out);
	const char *from = sq;
	expect_next(&from, p->title, id);
	expect_line(&from, &p->kind.value, "", id);
	for (size_t i = 0; i < p->fields_count; i++) {
		char *label;
		assert_true(asprintf(&label, "%s:", p->fields[i].label) > 0);
		if (p->fields[i].value.runs_count)
			expect_line(&from, &p->fields[i].value, label, id);
		else
			assert_null(strstr(sq, label)); /* nothing to say: not said */
		free(label);
	}
	for (size_t k = 0; k < p->blocks_count; k++) {
		const struct present_block *b = &p->blocks[k];
		if (present_block_empty(b))
			continue;
		if (b->heading)
			expect_next(&from, b->heading, id);
		for (size_t i = 0; i < b->items_count; i++) {
			expect_line(&from, &b->items[i].line, b->items[i].tag ? b->items[i].tag : "", id);
			for (size_t m = 0; m < b->items[i].more_count; m++)
				expect_line(&from, &b->items[i].more[m], "", id);
		}
		for (unsigned i = b->first; b->type == PRESENT_PROSE && i < b->end; i++)
			expect_next(&from, report_section(r, b->section)->paragraphs[i], id);
	}
	free(sq);
}

static void expect_raw(json_t *o, const char *key, const struct present_raw *raw, const char *id)
{
	const struct report *r = tu_bundled();
	json_t *v = json_object_get(o, raw->type == PRESENT_RAW_DATE ? "year" : key);
	if (!v)
		fail_msg("show %s --json has no \"%s\"", id, key);
	switch (raw->type) {
	case PRESENT_RAW_NULL:
		assert_true(json_is_null(v));
		break;
	case PRESENT_RAW_TEXT:
		assert_string_equal(json_string_value(v), raw->text);
		break;
	case PRESENT_RAW_REF:
		assert_string_equal(json_string_value(v), report_entity_id(r, raw->ref));
		break;
	case PRESENT_RAW_DATE:
		if (raw->year)
			assert_int_equal(json_integer_value(v), raw->year);
		else
			assert_true(json_is_null(v));
		if (raw->month)
			assert_int_equal(json_integer_value(json_object_get(o, "month")), raw->month);
		else
			assert_true(json_is_null(json_object_get(o, "month")));
		break;
	default:
		fail_msg("show %s: field \"%s\" has a key but no value", id, key);
	}
}

static void expect_block(json_t *o, const struct present_block *b, const char *id)
{
	const struct report *r = tu_bundled();
	json_t *a = json_object_get(o, b->key);
	if (!json_is_array(a))
		fail_msg("show %s --json: \"%s\" is not a list", id, b->key);
	if (b->type == PRESENT_PROSE) {
		assert_int_equal(json_array_size(a), b->end - b->first);
		for (unsigned i = b->first; i < b->end; i++)
			assert_string_equal(json_string_value(json_array_get(a, i - b->first)),
					    report_section(r, b->section)->paragraphs[i]);
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < b->items_count; i++) {
		const struct present_item *it = &b->items[i];
		json_t *v = json_array_get(a, n);
		switch (b->shape) {
		case PRESENT_SHAPE_IDS:
			if (it->ref.kind == KIND_COUNT)
				continue; /* "none named in the report" */
			assert_string_equal(json_string_value(v), report_entity_id(r, it->ref));
			break;
		case PRESENT_SHAPE_TEXTS:
			assert_string_equal(json_string_value(v), it->text);
			break;
		case PRESENT_SHAPE_COUNTS:
			assert_int_equal(json_integer_value(json_object_get(v, "n")), it->count->n);
			assert_string_equal(json_string_value(json_object_get(v, "of")), it->count->of);
			break;
		case PRESENT_SHAPE_FIGURES: /* whose figure it is, too */
			assert_int_equal(json_integer_value(json_object_get(v, "n")), it->count->n);
			assert_string_equal(json_string_value(json_object_get(v, "of")), it->count->of);
			assert_string_equal(json_string_value(json_object_get(v, "from")),
					    report_entity_id(r, it->ref));
			break;
		case PRESENT_SHAPE_PRIORITIES:
			assert_string_equal(json_string_value(json_object_get(v, "text")), it->text);
			if (it->ref.kind == KIND_AREA)
				assert_string_equal(json_string_value(json_object_get(v, "area")),
						    report_entity_id(r, it->ref));
			else
				assert_true(json_is_null(json_object_get(v, "area")));
			break;
		default:
			fail_msg("show %s: list \"%s\" has a key but no shape", id, b->key);
		}
		n++;
	}
	assert_int_equal(json_array_size(a), n);
}

/* The page's machine values are the JSON's, and `list --json`'s row says
 * the same as `show --json` wherever both have a member. */
static void json_matches_page(const struct present_page *p, const char *show, const char *row,
			      const char *id)
{
	json_error_t jerr;
	json_t *o = json_loads(show, 0, &jerr), *l = json_loads(row, 0, &jerr);
	assert_non_null(o);
	assert_non_null(l);
	assert_string_equal(json_string_value(json_object_get(o, "id")), id);
	assert_non_null(json_object_get(o, "kind"));
	assert_non_null(json_object_get(o, "title"));
	if (p->kind.key)
		expect_raw(o, p->kind.key, &p->kind.raw, id);
	for (size_t i = 0; i < p->fields_count; i++)
		if (p->fields[i].key)
			expect_raw(o, p->fields[i].key, &p->fields[i].raw, id);
	for (size_t k = 0; k < p->blocks_count; k++)
		if (p->blocks[k].key)
			expect_block(o, &p->blocks[k], id);
	const char *key;
	json_t *v;
	json_object_foreach(l, key, v)
		if (!json_equal(v, json_object_get(o, key)))
			fail_msg("%s: list --json and show --json differ on \"%s\"", id, key);
	json_decref(o);
	json_decref(l);
}

/* The row of `list KIND --json` for an id. */
static char *list_row(const char *rows, const char *id)
{
	char *needle;
	assert_true(asprintf(&needle, "\"id\":\"%s\"", id) > 0);
	const char *at = strstr(rows, needle);
	assert_non_null(at);
	while (at > rows && at[-1] != '\n')
		at--;
	const char *end = strchr(at, '\n');
	free(needle);
	return strndup(at, (size_t)(end - at));
}

static void test_show_and_json_agree_with_page(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	/* the command line's glyphs in this process's locale */
	enum present_glyphs g = present_glyphs_for_locale(false);
	struct mentions *m = mentions_from_report(r);
	size_t pages = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		char *rows = run(80, "list", entity_kind_plural((enum entity_kind)k), "--json");
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			const char *id = report_entity_id(r, ref);
			struct present_page *p = present_page_new(r, ref, g, m);
			struct present_page *pj = present_page_new(r, ref, PRESENT_UTF8, m);
			assert_non_null(p);
			assert_non_null(pj);
			char *show = run(1000, "show", id, NULL);
			show_matches_page(p, show, id);
			char *json = run(80, "show", id, "--json"), *row = list_row(rows, id);
			json_matches_page(pj, json, row, id);
			free(show);
			free(json);
			free(row);
			present_page_free(p);
			present_page_free(pj);
			pages++;
		}
		free(rows);
	}
	mentions_free(m);
	assert_true(pages > 100);
}

/* Every line of every page fits the width asked for, down to 20 columns. */
static void test_show_wraps_every_line(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	const int widths[] = { 20, 33, 80 };
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		for (int k = 0; k < KIND_COUNT; k++) {
			for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
				const char *id = report_entity_id(r, (struct entity_ref){ (enum entity_kind)k, (int)i });
				char *out = run(widths[w], "show", id, NULL);
				for (char *line = out; *line;) {
					char *nl = strchr(line, '\n');
					int cols = text_width(line, (size_t)(nl - line));
					if (cols > widths[w])
						fail_msg("show %s at %d columns: a line of %d: %.*s", id,
							 widths[w], cols, (int)(nl - line), line);
					line = nl + 1;
				}
				free(out);
			}
		}
	}
}

static void test_dates_in_words(void **state)
{
	(void)state;
	char buf[PRESENT_DATE_MAX];
	assert_string_equal(present_date(2014, 4, PRESENT_DATE_WORDS, buf), "April 2014");
	assert_string_equal(present_date(1999, 11, PRESENT_DATE_WORDS, buf), "November 1999");
	assert_string_equal(present_date(2015, 0, PRESENT_DATE_WORDS, buf), "2015");
	assert_string_equal(present_date(2014, 4, PRESENT_DATE_COMPACT, buf), "2014-04");
	assert_string_equal(present_date(2015, 0, PRESENT_DATE_COMPACT, buf), "2015");
	assert_string_equal(present_date(0, 0, PRESENT_DATE_WORDS, buf), "");
	/* what a reader sees: the page and show in words, list rows sortable */
	char *out = run(80, "show", "temm16", NULL);
	assert_non_null(strstr(out, "\nDate:           April 2014\n"));
	assert_null(strstr(out, "2014-04"));
	free(out);
	out = run(80, "show", "ev-2014-temm16", NULL);
	assert_non_null(strstr(out, "Event - April 2014\n"));
	free(out);
	out = run(80, "show", "stage-3", NULL);
	assert_non_null(strstr(out, "TEMM16 [temm16], Daegu, ROK, April 2014\n"));
	assert_non_null(strstr(out, "  May 2017   The new administration"));
	free(out);
	out = run(80, "list", "events", NULL);
	assert_non_null(strstr(out, "  2014-04  TEMM16 was held in Daegu"));
	free(out);
}

static void test_place_one_way(void **state)
{
	(void)state;
	const struct { const char *id; enum present_glyphs g; const char *place; } cases[] = {
		{ "sec-2-1-9", PRESENT_UTF8, "2.1 \u203a 9) Marine Environment Protection" },
		{ "sec-2-1-9", PRESENT_ASCII, "2.1 > 9) Marine Environment Protection" },
		{ "sec-1-2", PRESENT_UTF8, "1.2 Evolution of Cooperation" },
		{ "intro", PRESENT_UTF8, "Introduction" },
		{ "sec-2", PRESENT_UTF8, "2. Key Activities, Achievements and Useful Experience" },
		{ NULL, PRESENT_UTF8, "" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ix = cases[i].id ? find(cases[i].id).index : NO_INDEX;
		char *s = present_place(tu_bundled(), ix, cases[i].g);
		assert_string_equal(s, cases[i].place);
		free(s);
	}
	/* the same words in search, show and JSON (this process's locale is C:
	 * the command line writes ">") */
	assert_int_equal(present_glyphs_for_locale(false), PRESENT_ASCII);
	assert_int_equal(present_glyphs_for_locale(true), PRESENT_ASCII);
	char *out = run(80, "search", "microplastics", NULL);
	assert_non_null(strstr(out, "[2.1 > 9) Marine Environment Protection]"));
	assert_null(strstr(out, "2. > 2.1"));
	free(out);
	out = run(80, "show", "marine", NULL);
	assert_non_null(strstr(out, "Told in:     2.1 > 9) Marine Environment Protection [sec-2-1-9]\n"));
	free(out);
	out = run(80, "search", "microplastics", "--json");
	assert_non_null(strstr(out, "\"where\":\"2.1 \u203a 9) Marine Environment Protection\""));
	free(out);
}

static void test_roman_numerals(void **state)
{
	(void)state;
	static const char *const want[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII",
		"IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
		"XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
		"XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
		"XL" };
	char buf[PRESENT_ROMAN_MAX];
	for (unsigned n = 1; n <= 40; n++)
		assert_string_equal(present_roman(n, buf), want[n - 1]);
	assert_string_equal(present_roman(1999, buf), "MCMXCIX");
	assert_string_equal(present_roman(3888, buf), "MMMDCCCLXXXVIII"); /* the longest */
	assert_string_equal(present_roman(3999, buf), "MMMCMXCIX");
	assert_string_equal(present_roman(0, buf), "0");
	assert_string_equal(present_roman(4000, buf), "4000");
	assert_string_equal(present_roman(4294967295u, buf), "4294967295");
	/* a stage numbered past X gets its numeral on its page and label */
	struct diag d;
	struct report *r = tu_load_one(
		"report: {title: T}\n"
		"sections:\n  - {title: S, id: s}\n"
		"stages:\n"
		"  - {id: st, number: 14, title: Late Stage, name: Late, from: 2001, to: 2002,\n"
		"     section: s, priorities: [{text: Air}]}\n", &d);
	assert_non_null(r);
	char *label = present_label(r, (struct entity_ref){ KIND_STAGE, 0 }, PRESENT_UTF8);
	assert_string_equal(label, "Stage XIV Late");
	free(label);
	struct present_page *p = present_page_new(r, (struct entity_ref){ KIND_STAGE, 0 }, PRESENT_ASCII, NULL);
	assert_non_null(p);
	char *kind = present_line_text(&p->kind.value);
	assert_string_equal(kind, "Stage XIV - 2001-2002");
	free(kind);
	present_page_free(p);
	report_free(r);
	diag_free(&d);
}

static void test_labels(void **state)
{
	(void)state;
	const struct { const char *id; enum present_glyphs g; const char *label; } cases[] = {
		{ "stage-3", PRESENT_UTF8, "Stage III Steady Development" },
		{ "marine", PRESENT_UTF8, "9) Marine Environment Protection" },
		{ "sec-2-1-2", PRESENT_ASCII, "2.1 > 2) DSS Prevention" },
		{ "teen", PRESENT_UTF8, "Tripartite Environmental Education Network" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = present_label(tu_bundled(), find(cases[i].id), cases[i].g);
		assert_string_equal(s, cases[i].label);
		free(s);
	}
}

static void expect_parent(const char *id, const char *parent)
{
	struct entity_ref up = relations_parent(tu_bundled(), find(id));
	if (!parent) {
		assert_int_equal(up.kind, KIND_COUNT);
		assert_int_equal(up.index, NO_INDEX);
		return;
	}
	assert_string_equal(report_entity_id(tu_bundled(), up), parent);
}

static void test_parents(void **state)
{
	(void)state;
	expect_parent("sec-2-1-9", "sec-2-1");
	expect_parent("sec-2-1", "sec-2");
	expect_parent("sec-2", NULL);
	expect_parent("intro", NULL);
	expect_parent("teen", "education");           /* activity: its area */
	expect_parent("ev-2014-temm16", "stage-2");   /* event: its stage */
	expect_parent("marine", "sec-2-1");           /* area: the list of areas */
	expect_parent("stage-3", "sec-1-2");          /* the rest: its section */
	expect_parent("temm16", "intro");
	expect_parent("eanet", "sec-1-3-3");
	expect_parent("term-dss", "intro");
	/* every entity's parent is a real one, and going up ends */
	const struct report *r = tu_bundled();
	for (int k = 0; k < KIND_COUNT; k++) {
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++) {
			struct entity_ref ref = { (enum entity_kind)k, (int)i };
			int steps = 0;
			while (ref.kind != KIND_COUNT && steps++ < 20)
				ref = relations_parent(r, ref);
			assert_true(steps < 20);
		}
	}
}

static void test_term_wording(void **state)
{
	(void)state;
	char *out = run(80, "show", "term-rok", NULL);
	assert_non_null(strstr(out, "Stands for:    (the report does not expand it)\n"));
	free(out);
	out = run(80, "show", "term-rok", "--json");
	assert_non_null(strstr(out, "\"expansion\":null"));
	free(out);
	out = run(80, "show", "term-dss", NULL);
	assert_non_null(strstr(out, "Stands for:    dust and sandstorm\n"));
	assert_non_null(strstr(out, "Names:         2) DSS Prevention [dss]\n"));
	free(out);
	/* one wording on every term's page */
	const struct report *r = tu_bundled();
	for (size_t i = 0; i < r->terms_count; i++) {
		struct present_page *p = present_page_new(r, (struct entity_ref){ KIND_TERM, (int)i },
							  PRESENT_UTF8, NULL);
		assert_non_null(p);
		assert_string_equal(p->fields[0].label, "Stands for");
		char *v = present_line_text(&p->fields[0].value);
		assert_string_equal(v, report_term(r, i)->expansion ? report_term(r, i)->expansion
							      : "(the report does not expand it)");
		free(v);
		present_page_free(p);
	}
}

static void test_enumerations_in_words(void **state)
{
	(void)state;
	struct { const char *id, *kind_line, *json; } cases[] = {
		{ "temm16", "Meeting - TEMM\n", "\"series\":\"temm\"" },
		{ "summit-6", "Meeting - Trilateral Summit Meeting\n", "\"series\":\"summit\"" },
		{ "apt-summit-1999", "Meeting - APT\n", "\"series\":\"apt\"" },
		{ "cop", "Meeting\n", "\"series\":null" },
		{ "eanet", "Programme - regional programme\n", "\"type\":\"regional-programme\"" },
		{ "jap-2015-2019", "Programme - action plan\n", "\"type\":\"action-plan\"" },
		{ "joint-statement", "Programme\n", "\"type\":\"other\"" },
		{ "dss-wg1", "Activity - working group\n", "\"type\":\"working-group\"" },
		{ "tpdap", "Activity - policy dialogue\n", "\"type\":\"policy-dialogue\"" },
		{ "invasive-species", "Activity\n", "\"type\":\"other\"" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = run(200, "show", cases[i].id, NULL);
		const char *second = strchr(out, '\n') + 1;
		if (strncmp(second, cases[i].kind_line, strlen(cases[i].kind_line)) != 0)
			fail_msg("show %s: kind line \"%.*s\"", cases[i].id, (int)strcspn(second, "\n"), second);
		assert_null(strstr(out, "regional-programme"));
		free(out);
		out = run(80, "show", cases[i].id, "--json");
		assert_non_null(strstr(out, cases[i].json));
		free(out);
	}
	/* in an area's list the type is set apart from the name, in words */
	char *out = run(200, "show", "dss", NULL);
	assert_non_null(strstr(out, "Working Group I (monitoring, forecast and early warning) [dss-wg1] - working group\n"));
	free(out);
	char buf[64];
	assert_null(present_activity_type_words(ACTIVITY_OTHER, buf, sizeof(buf)));
	assert_null(present_series_words(tu_bundled(), report_meeting(tu_bundled(), find("cop").index)));
}

static void expect_told_in(const char *id, const char *section)
{
	const struct report *r = tu_bundled();
	int s = relations_told_in(r, NULL, find(id));
	assert_string_equal(report_section(r, s)->id, section);
}

/* Issue 12: TEMM16 is told in 1.2, not in the Introduction's passing
 * mention; the content's section stays where nothing tells more. */
static void test_told_in(void **state)
{
	(void)state;
	expect_told_in("temm16", "sec-1-2");
	expect_told_in("summit-6", "sec-1-2");
	expect_told_in("trilateral-summit", "intro");
	expect_told_in("teen", "sec-2-1-3");   /* activities: where the content says */
	expect_told_in("marine", "sec-2-1-9");
	char *out = run(80, "show", "temm16", NULL);
	assert_non_null(strstr(out, "Told in:        1.2 Evolution of Cooperation [sec-1-2]\n"));
	assert_non_null(strstr(out, "First named in: Introduction [intro]\n"));
	free(out);
	out = run(80, "show", "temm16", "--json");
	assert_non_null(strstr(out, "\"told_in\":\"sec-1-2\""));
	assert_non_null(strstr(out, "\"section\":\"intro\"")); /* the content's, as before */
	free(out);
	/* the dictionary the browser holds gives the same answer as none */
	struct mentions *m = mentions_from_report(tu_bundled());
	assert_int_equal(relations_told_in(tu_bundled(), m, find("temm16")), find("sec-1-2").index);
	mentions_free(m);
}

/* A stage's page shows the paragraphs the content names for it (issue 14:
 * no longer found by its years near a paragraph's start). */
static void test_stage_paragraphs(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	const char *opens[] = { "Stage I: 1999-2009", "The second stage: 2010-2014",
				"The third stage: 2015-2019" };
	for (int st = 0; st < 3; st++) {
		struct prose_span sp;
		assert_true(report_stage_prose(r, st, 0, &sp));
		assert_false(report_stage_prose(r, st, 1, &(struct prose_span){ 0 })); /* one passage */
		assert_true(sp.end > sp.first);
		const struct section *s = report_section(r, sp.section_ix);
		assert_int_equal(strncmp(s->paragraphs[sp.first], opens[st], strlen(opens[st])), 0);
		/* it ends where the next stage opens */
		if (st < 2)
			assert_int_equal(strncmp(s->paragraphs[sp.end], opens[st + 1], strlen(opens[st + 1])), 0);
		struct present_page *p = present_page_new(r, (struct entity_ref){ KIND_STAGE, st },
							  PRESENT_ASCII, NULL);
		assert_non_null(p);
		bool shown = false;
		for (size_t b = 0; b < p->blocks_count; b++)
			shown |= p->blocks[b].type == PRESENT_PROSE && p->blocks[b].section == sp.section_ix &&
				 p->blocks[b].first == sp.first && p->blocks[b].end == sp.end;
		assert_true(shown);
		present_page_free(p);
	}
}

/* ---- a page begun, its list made as it is read ---- */

/* All a page says, with its tag columns, links and rows' entities. */
static char *page_text(const struct present_page *p)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	char *t = line_with_ids(&p->kind.value);
	fprintf(f, "%s\n%s\n", t, p->title);
	free(t);
	for (size_t i = 0; i < p->fields_count; i++) {
		t = line_with_ids(&p->fields[i].value);
		fprintf(f, "%s: %s\n", p->fields[i].label, t);
		free(t);
	}
	for (size_t k = 0; k < p->blocks_count; k++) {
		const struct present_block *b = &p->blocks[k];
		fprintf(f, "[%s] %d %d %u-%u tags %d\n", b->heading ? b->heading : "", (int)b->type,
			b->section, b->first, b->end, b->tag_cols);
		for (size_t i = 0; i < b->items_count; i++) {
			t = line_with_ids(&b->items[i].line);
			fprintf(f, "  %s|%s|%d:%d|%zu\n", b->items[i].tag ? b->items[i].tag : "", t,
				(int)b->items[i].ref.kind, b->items[i].ref.index, b->items[i].more_count);
			free(t);
		}
	}
	fclose(f);
	return out;
}

/* A page begun and made row by row (n at a time) is the page made whole;
 * before its first row its list has its heading and the tag column all
 * its rows will have. */
static void assert_begun_is_whole(const struct report *r, struct entity_ref ref, size_t n)
{
	struct present_page *whole = present_page_new(r, ref, PRESENT_UTF8, NULL);
	struct present_page *p = present_page_begin(r, ref, PRESENT_UTF8, NULL);
	assert_non_null(whole);
	assert_non_null(p);
	assert_int_equal(whole->filling, -1);
	if (p->filling >= 0) {
		const struct present_block *b = &p->blocks[p->filling];
		const struct present_block *w = &whole->blocks[p->filling];
		assert_int_equal(b->items_count, 0);
		assert_true(w->items_count > 0);
		assert_string_equal(b->heading, w->heading);
		assert_int_equal(b->tag_cols, w->tag_cols);
	}
	int rc;
	while ((rc = present_page_more(p, n)) > 0)
		;
	assert_int_equal(rc, 0);
	assert_int_equal(p->filling, -1);
	assert_int_equal(present_page_more(p, n), 0); /* whole: nothing more */
	char *a = page_text(whole), *b = page_text(p);
	assert_string_equal(b, a);
	free(a);
	free(b);
	present_page_free(whole);
	present_page_free(p);
}

static void test_page_begun_is_page_whole(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	for (int st = 0; st < (int)r->stages_count; st++) {
		struct present_page *p = present_page_begin(r, (struct entity_ref){ KIND_STAGE, st },
							    PRESENT_UTF8, NULL);
		assert_true(p->filling >= 0); /* every stage of the report has events */
		present_page_free(p); /* freed before its rows are made */
		for (size_t n = 1; n <= 64; n *= 4)
			assert_begun_is_whole(r, (struct entity_ref){ KIND_STAGE, st }, n);
	}
	/* the pages with no list left to make are whole at once */
	for (int k = 0; k < KIND_COUNT; k++) {
		if (k == KIND_STAGE || !report_count(r, (enum entity_kind)k))
			continue;
		struct present_page *p = present_page_begin(r, (struct entity_ref){ (enum entity_kind)k, 0 },
							    PRESENT_UTF8, NULL);
		assert_int_equal(p->filling, -1);
		present_page_free(p);
		assert_begun_is_whole(r, (struct entity_ref){ (enum entity_kind)k, 0 }, 1);
	}
	/* the widest date comes late, a stage has none, one links elsewhere:
	 * the tag column is the widest from the start */
	struct diag d;
	struct report *small = tu_load_one(
		"report: {title: T}\n"
		"sections:\n  - {title: S, id: s}\n"
		"stages:\n"
		"  - {id: a, number: 1, title: A, name: A, from: 2001, to: 2003, section: s,\n"
		"     priorities: [{text: Air}]}\n"
		"  - {id: b, number: 2, title: B, name: B, from: 2002, to: 2002, section: s,\n"
		"     priorities: [{text: Air}]}\n"
		"  - {id: c, number: 3, title: C, name: C, from: 2004, to: 2006, section: s,\n"
		"     priorities: [{text: Air}]}\n"
		"events:\n"
		"  - {id: e1, year: 2001, title: One, section: s}\n"
		"  - {id: e2, year: 2001, month: 5, title: Two, section: s}\n"
		"  - {id: e3, year: 2003, month: 9, title: Three, section: s, links: [c]}\n"
		"  - {id: e4, year: 2005, month: 5, title: Four, section: s}\n", &d);
	assert_non_null(small);
	struct present_page *p = present_page_begin(small, (struct entity_ref){ KIND_STAGE, 0 },
						    PRESENT_UTF8, NULL);
	assert_int_equal(p->blocks[p->filling].tag_cols, (int)strlen("September 2003"));
	present_page_free(p);
	p = present_page_begin(small, (struct entity_ref){ KIND_STAGE, 1 }, PRESENT_UTF8, NULL);
	assert_int_equal(p->filling, -1); /* 2002 is the first stage's */
	present_page_free(p);
	for (int st = 0; st < 3; st++)
		for (size_t n = 1; n <= 4; n++)
			assert_begun_is_whole(small, (struct entity_ref){ KIND_STAGE, st }, n);
	report_free(small);
	diag_free(&d);
}

static void test_show_ids_any_case(void **state)
{
	(void)state;
	char *out = run(80, "show", "TEMM16", NULL);
	assert_int_equal(strncmp(out, "meeting temm16: TEMM16\n", 23), 0);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_show_and_json_agree_with_page),
		cmocka_unit_test(test_show_wraps_every_line),
		cmocka_unit_test(test_dates_in_words),
		cmocka_unit_test(test_place_one_way),
		cmocka_unit_test(test_roman_numerals),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_parents),
		cmocka_unit_test(test_term_wording),
		cmocka_unit_test(test_enumerations_in_words),
		cmocka_unit_test(test_told_in),
		cmocka_unit_test(test_stage_paragraphs),
		cmocka_unit_test(test_show_ids_any_case),
		cmocka_unit_test(test_page_begun_is_page_whole),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_bundled_free();
	return rc;
}
