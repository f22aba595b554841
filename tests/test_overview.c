/* test_overview.c - `temm overview` and the words around the pictures, on
 * the bundled report and on a small second one (four stages, seven areas):
 * the text and the JSON say what the model says, the bars are as long as
 * their counts, ASCII mode is ASCII, every line fits its width, temm's own
 * counts say they are its own, and the events' labels are the report's
 * words. */
#include "testutil.h"
#include "report_small.h"
#include "cli.h"
#include "overview.h"
#include "present.h"
#include "tally.h"
#include "text.h"
#include "jsonlib.h"

#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `temm overview ARGS` on r at `width` columns; the output (caller frees). */
static char *run(const struct report *r, int width, const char *arg)
{
	char *argv[] = { "temm", "overview", (char *)arg, NULL };
	struct cli cli;
	char *out = NULL, *err = NULL;
	size_t olen = 0, elen = 0;
	FILE *o = open_memstream(&out, &olen), *e = open_memstream(&err, &elen);
	assert_int_equal(cli_parse(arg ? 3 : 2, argv, &cli, e), EXIT_OK);
	cli.width = width;
	assert_int_equal(cli_run(r, &cli, o, e), EXIT_OK);
	cli_free(&cli);
	fclose(o);
	fclose(e);
	assert_string_equal(err, "");
	free(err);
	return out;
}

/* The text without its spaces: a line may break after a hyphen or a
 * slash ("E-" / "Waste"), so where the spaces were is not compared. */
static char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *at = out;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			*at++ = *s;
	*at = '\0';
	return out;
}

/* Everything the overview links to `to`, in order, joined by spaces. */
static char *linked_text(const struct overview *o, struct entity_ref to)
{
	size_t len = 1;
	for (size_t i = 0; i < o->count; i++)
		for (size_t k = 0; k < o->lines[i].line.runs_count; k++)
			len += strlen(o->lines[i].line.runs[k].text) + 1;
	char *s = calloc(1, len);
	for (size_t i = 0; i < o->count; i++)
		for (size_t k = 0; k < o->lines[i].line.runs_count; k++)
			if (entity_ref_same(o->lines[i].line.runs[k].link, to)) {
				strcat(s, o->lines[i].line.runs[k].text);
				strcat(s, " ");
			}
	char *q = squeeze(s);
	free(s);
	return q;
}

/* Add a piece and a space to a string being built. */
static void append(char **s, const char *piece)
{
	char *n;
	assert_true(asprintf(&n, "%s%s ", *s, piece) > 0);
	free(*s);
	*s = n;
}

/* The matrix, read a stage's column at a time: its head, then per area
 * the name the stage gave it or a dot, then its priorities that are none
 * of the areas - exactly the model's. */
static void check_matrix(const struct report *r, const struct overview *o)
{
	for (size_t s = 0; s < r->stages_count; s++) {
		const struct stage *st = report_stage(r, s);
		char roman[PRESENT_ROMAN_MAX], head[64], *want = strdup("");
		snprintf(head, sizeof(head), "Stage %s", present_roman(st->number, roman));
		append(&want, head);
		append(&want, st->name);
		for (size_t a = 0; a < r->areas_count; a++) {
			bool any = false;
			for (unsigned i = 0; i < st->priorities_count; i++)
				if (st->priorities[i].area_ix == (int)a) {
					append(&want, "\u25cf");
					append(&want, st->priorities[i].text);
					any = true;
				}
			if (!any)
				append(&want, "\u00b7");
		}
		bool other = false;
		for (unsigned i = 0; i < st->priorities_count; i++)
			if (st->priorities[i].area_ix < 0) {
				if (!other)
					append(&want, head);
				append(&want, "\u25e6");
				append(&want, st->priorities[i].text);
				other = true;
			}
		char *got = linked_text(o, (struct entity_ref){ KIND_STAGE, (int)s });
		char *w = squeeze(want);
		/* the stage's figures, after the matrix, link to it too */
		if (strncmp(got, w, strlen(w)) != 0)
			fail_msg("stage %zu's column:\n want %s\n got  %s", s + 1, w, got);
		free(w);
		free(want);
		free(got);
	}
}

/* The line of the bars that is area a's: its count of activities listed. */
static const struct present_line *bar_line(const struct report *r, const struct overview *o, int a)
{
	char *want = tally_words(r, tally_activities(r, a), "activity", "activities",
				 tally_section(r, KIND_ACTIVITY, a));
	const struct present_line *found = NULL;
	for (size_t i = 0; i < o->count && !found; i++) {
		const struct present_line *l = &o->lines[i].line;
		for (size_t k = 0; k < l->runs_count; k++)
			if (l->runs[k].link.kind == KIND_AREA && l->runs[k].link.index == a &&
			    strcmp(l->runs[k].text, want) == 0)
				found = l;
	}
	if (!found)
		fail_msg("no line says \"%s\" of area %d", want, a + 1);
	free(want);
	return found;
}

/* A bar's length in eighths of a column: its full blocks and its end. */
static long bar_eighths(const struct present_line *l, bool ascii)
{
	static const char *const parts[] = { "\u258f", "\u258e", "\u258d", "\u258c", "\u258b",
					     "\u258a", "\u2589" };
	long e = 0;
	for (size_t k = 0; k < l->runs_count; k++) {
		for (const char *c = l->runs[k].text; *c;) {
			if (ascii ? *c == '#' : strncmp(c, "\u2588", 3) == 0) {
				e += 8;
				c += ascii ? 1 : 3;
				continue;
			}
			bool part = false;
			for (int p = 0; !ascii && p < 7; p++)
				if (strncmp(c, parts[p], 3) == 0) {
					e += p + 1;
					c += 3;
					part = true;
				}
			if (!part)
				c++;
		}
	}
	return e;
}

/* Each bar is as long as its count: the longest bar stands for the most,
 * and every other is n/most of it, to half a unit (an eighth of a column,
 * or a column in ASCII). */
static void check_bars(const struct report *r, const struct overview *o, bool ascii)
{
	unsigned most = overview_most_listed(r);
	long full = 0;
	for (size_t a = 0; a < r->areas_count; a++) {
		long e = bar_eighths(bar_line(r, o, (int)a), ascii);
		full = e > full ? e : full;
	}
	assert_true(full > 0);
	for (size_t a = 0; a < r->areas_count; a++) {
		long e = bar_eighths(bar_line(r, o, (int)a), ascii);
		double want = (double)tally_activities(r, (int)a) * (double)full / most;
		double slack = ascii ? 8 * 0.5 : 0.5;
		if (e < want - slack || e > want + slack)
			fail_msg("area %zu: a bar of %ld eighths for %u of %u (the longest %ld)", a + 1, e,
				 tally_activities(r, (int)a), most, full);
	}
}

/* Every line within the width; the picture from 80 columns on. */
static void check_widths(const struct overview *o, int width)
{
	assert_int_equal(o->picture, width >= OVERVIEW_PICTURE_COLS);
	for (size_t i = 0; i < o->count; i++) {
		char *t = present_line_text(&o->lines[i].line);
		int w = text_width(t, strlen(t));
		if (w > width)
			fail_msg("line %zu is %d columns at %d: %s", i, w, width, t);
		free(t);
	}
}

/* No word of a name a stage gave an area is cut in the middle: each shows
 * whole on one line. */
static void check_words_whole(const struct report *r, const struct overview *o)
{
	size_t size = 0;
	char *all = NULL;
	FILE *f = open_memstream(&all, &size);
	for (size_t i = 0; i < o->count; i++) {
		char *t = present_line_text(&o->lines[i].line);
		fprintf(f, "%s\n", t);
		free(t);
	}
	fclose(f);
	for (size_t s = 0; s < r->stages_count; s++)
		for (unsigned p = 0; p < report_stage(r, s)->priorities_count; p++) {
			char *copy = strdup(report_stage(r, s)->priorities[p].text);
			for (char *w = strtok(copy, " -/"); w; w = strtok(NULL, " -/"))
				if (!strstr(all, w))
					fail_msg("'%s' is cut at %d columns:\n%s", w, o->width, all);
			free(copy);
		}
	free(all);
}

static void check_report(const struct report *r)
{
	for (int width = 40; width <= 250; width += 7) {
		struct overview *o = overview_new(r, width, PRESENT_UTF8);
		assert_non_null(o);
		check_widths(o, width);
		check_words_whole(r, o);
		if (o->picture) {
			check_matrix(r, o);
			check_bars(r, o, false);
		}
		overview_free(o);
		o = overview_new(r, width, PRESENT_ASCII);
		if (o->picture)
			check_bars(r, o, true);
		overview_free(o);
	}
}

static void test_pictures_follow_the_model(void **state)
{
	(void)state;
	check_report(tu_bundled());
	check_report(small);
	tu_use(1); /* the second report: long words in narrow cells */
	check_report(tu_report());
	tu_use(0);
}

/* One JSON object per stage, area and programme with a figure, each with
 * its kind, and each saying what the model says. */
static void check_json(const struct report *r)
{
	char *out = run(r, 80, "--json");
	size_t stages = 0, areas = 0, programmes = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		json_error_t e;
		json_t *o = json_loads(line, 0, &e);
		assert_non_null(o);
		const char *kind = json_string_value(json_object_get(o, "kind"));
		assert_non_null(kind);
		struct entity_ref ref;
		assert_int_equal(report_find(r, json_string_value(json_object_get(o, "id")), &ref), 0);
		assert_string_equal(kind, entity_kind_name(ref.kind));
		json_t *figs = json_object_get(o, "figures");
		size_t f = 0;
		if (ref.kind == KIND_STAGE) {
			const struct stage *s = report_stage(r, ref.index);
			stages++;
			json_t *p = json_object_get(o, "priorities");
			assert_int_equal(json_array_size(p), s->priorities_count);
			assert_int_equal(json_integer_value(json_object_get(o, "priorities_listed")),
					 s->priorities_count);
			for (unsigned i = 0; i < s->priorities_count; i++) {
				json_t *area = json_object_get(json_array_get(p, i), "area");
				if (s->priorities[i].area_ix < 0)
					assert_true(json_is_null(area));
				else
					assert_string_equal(json_string_value(area),
							    report_area(r, s->priorities[i].area_ix)->id);
			}
			for (unsigned i = 0; i < s->counts_count; i++, f++)
				assert_int_equal(json_integer_value(json_object_get(json_array_get(figs, f), "n")),
						 s->counts[i].n);
		} else if (ref.kind == KIND_AREA) {
			const struct area *a = report_area(r, ref.index);
			areas++;
			assert_int_equal(json_integer_value(json_object_get(o, "activities_listed")),
					 tally_activities(r, ref.index));
			json_t *pri = json_object_get(o, "priority_of");
			size_t k = 0;
			for (size_t s = 0; s < r->stages_count; s++)
				for (unsigned i = 0; i < report_stage(r, s)->priorities_count; i++)
					if (report_stage(r, s)->priorities[i].area_ix == ref.index) {
						json_t *v = json_array_get(pri, k++);
						assert_string_equal(json_string_value(json_object_get(v, "stage")),
								    report_stage(r, s)->id);
						assert_string_equal(json_string_value(json_object_get(v, "as")),
								    report_stage(r, s)->priorities[i].text);
					}
			assert_int_equal(json_array_size(pri), k);
			for (unsigned i = 0; i < a->counts_count; i++, f++)
				assert_string_equal(json_string_value(json_object_get(json_array_get(figs, f), "from")),
						    a->id);
			for (size_t i = 0; i < r->activities_count; i++)
				for (unsigned c = 0; report_activity(r, i)->area_ix == ref.index &&
						     c < report_activity(r, i)->counts_count; c++, f++) {
					json_t *v = json_array_get(figs, f);
					assert_string_equal(json_string_value(json_object_get(v, "from")),
							    report_activity(r, i)->id);
					assert_int_equal(json_integer_value(json_object_get(v, "n")),
							 report_activity(r, i)->counts[c].n);
					assert_string_equal(json_string_value(json_object_get(v, "of")),
							    report_activity(r, i)->counts[c].of);
				}
		} else {
			assert_int_equal(ref.kind, KIND_PROGRAMME);
			programmes++;
			for (unsigned i = 0; i < report_programme(r, ref.index)->counts_count; i++, f++)
				assert_int_equal(json_integer_value(json_object_get(json_array_get(figs, f), "n")),
						 report_programme(r, ref.index)->counts[i].n);
		}
		assert_int_equal(json_array_size(figs), f);
		json_decref(o);
	}
	size_t with_figures = 0;
	for (size_t i = 0; i < r->programmes_count; i++)
		with_figures += report_programme(r, i)->counts_count > 0;
	assert_int_equal(stages, r->stages_count);
	assert_int_equal(areas, r->areas_count);
	assert_int_equal(programmes, with_figures);
	free(out);
}

/* The text says what the JSON says: per area its tally, worded as temm's,
 * and every figure the report gives with its number. */
static void check_text(const struct report *r)
{
	for (int width = 60; width <= 140; width += 80) {
		char *out = run(r, width, NULL), *sq = squeeze(out);
		assert_non_null(strstr(sq, "temm'stallyoftheactivitiesthecontentlists"));
		for (size_t a = 0; a < r->areas_count; a++) {
			char *t = tally_words(r, tally_activities(r, (int)a), "activity", "activities",
					      tally_section(r, KIND_ACTIVITY, (int)a));
			char *w = squeeze(t);
			assert_non_null(strstr(sq, w));
			free(w);
			free(t);
		}
		for (size_t i = 0; i < r->activities_count; i++)
			for (unsigned c = 0; c < report_activity(r, i)->counts_count; c++) {
				char want[512];
				snprintf(want, sizeof(want), "%u %s", report_activity(r, i)->counts[c].n,
					 report_activity(r, i)->counts[c].of);
				char *w = squeeze(want);
				if (!strstr(sq, w))
					fail_msg("the overview at %d does not say \"%s\"", width, w);
				free(w);
			}
		if (width < OVERVIEW_PICTURE_COLS) /* the list: each stage's name for an area */
			for (size_t s = 0; s < r->stages_count; s++)
				for (unsigned i = 0; i < report_stage(r, s)->priorities_count; i++) {
					const struct priority *pr = &report_stage(r, s)->priorities[i];
					char roman[PRESENT_ROMAN_MAX], want[512];
					if (pr->area_ix >= 0)
						snprintf(want, sizeof(want), "Stage %s: %s",
							 present_roman(report_stage(r, s)->number, roman), pr->text);
					else
						snprintf(want, sizeof(want), "\u25e6 %s", pr->text);
					char *w = squeeze(want);
					if (!strstr(sq, w))
						fail_msg("the list at %d does not say \"%s\"", width, w);
					free(w);
				}
		free(sq);
		free(out);
	}
}

static void test_text_and_json_agree_with_the_model(void **state)
{
	(void)state;
	check_json(tu_bundled());
	check_json(small);
	check_text(tu_bundled());
	check_text(small);
}

static void assert_ascii(const char *s, const char *what)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c > 0x7f)
			fail_msg("%s has a byte 0x%02x: ...%.40s", what, *c, (const char *)c);
}

/* --ascii, and a locale that is not UTF-8, draw with ASCII only. */
static void test_ascii(void **state)
{
	(void)state;
	for (int width = 40; width <= 250; width += 30) {
		char *out = run(tu_bundled(), width, "--ascii");
		assert_ascii(out, "overview --ascii");
		free(out);
	}
	setlocale(LC_ALL, "C");
	char *out = run(tu_bundled(), 100, NULL);
	assert_ascii(out, "overview in the C locale");
	free(out);
	setlocale(LC_ALL, "C.UTF-8");
	out = run(tu_bundled(), 100, NULL);
	assert_non_null(strstr(out, "\u2588")); /* and block bars where it can */
	free(out);
}

/* temm's counts say they are temm's: an area's page, a stage's page, check. */
static void test_tallies_are_worded_as_tallies(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct entity_ref ge;
	assert_int_equal(report_find(r, "green-economy", &ge), 0);
	struct present_page *p = present_page_new(r, ge, PRESENT_UTF8, NULL);
	bool listed = false, figures = false;
	for (size_t k = 0; k < p->blocks_count; k++) {
		const char *h = p->blocks[k].heading ? p->blocks[k].heading : "";
		assert_null(strstr(h, "Activities (")); /* a bare number reads as the report's */
		listed |= strcmp(h, "Activities: 7 listed in 2.1") == 0;
		figures |= strcmp(h, "Figures the report gives") == 0;
	}
	assert_true(listed && figures);
	present_page_free(p);
	/* the small report: its areas are listed in 2.3 */
	char *t = tally_words(small, 4, "activity", "activities", tally_section(small, KIND_ACTIVITY, 6));
	assert_string_equal(t, "4 activities listed in 2.3");
	free(t);
	char *out = NULL, *err = NULL;
	assert_int_equal(tu_run(&out, &err, "check", (char *)NULL), EXIT_OK);
	assert_null(strstr(out, " activities\n"));
	assert_non_null(strstr(out, "activities in the content"));
	free(out);
	free(err);
}

/* An area's page: its own figures and its activities' together, each
 * activity's a link to it (DSS: 2 working groups, 13 sessions of DG-level
 * meetings, 12 steering committee meetings, ...). */
static void test_area_page_has_every_figure(void **state)
{
	(void)state;
	const struct report *rs[] = { tu_bundled(), small };
	for (size_t ri = 0; ri < 2; ri++) {
		const struct report *r = rs[ri];
		for (size_t a = 0; a < r->areas_count; a++) {
			struct present_page *p = present_page_new(r, (struct entity_ref){ KIND_AREA, (int)a },
								  PRESENT_UTF8, NULL);
			const struct present_block *fig = NULL;
			for (size_t k = 0; k < p->blocks_count; k++)
				if (p->blocks[k].key && strcmp(p->blocks[k].key, "figures") == 0)
					fig = &p->blocks[k];
			assert_non_null(fig);
			size_t n = 0;
			for (unsigned c = 0; c < report_area(r, a)->counts_count; c++, n++)
				assert_ptr_equal(fig->items[n].count, &report_area(r, a)->counts[c]);
			for (size_t i = 0; i < r->activities_count; i++)
				for (unsigned c = 0; report_activity(r, i)->area_ix == (int)a &&
						     c < report_activity(r, i)->counts_count; c++, n++) {
					assert_ptr_equal(fig->items[n].count, &report_activity(r, i)->counts[c]);
					assert_int_equal(fig->items[n].ref.kind, KIND_ACTIVITY);
					assert_int_equal(fig->items[n].ref.index, (int)i);
				}
			assert_int_equal(fig->items_count, n);
			present_page_free(p);
		}
	}
}

/* Whether `word` is a word of the report's text (any case). */
static bool in_report(const struct report *r, const char *word)
{
	size_t n = strlen(word);
	for (size_t s = 0; s < r->sections_count; s++) {
		const struct section *sec = report_section(r, s);
		for (unsigned p = 0; p < sec->paragraphs_count; p++)
			for (const char *at = sec->paragraphs[p]; (at = strcasestr(at, word)); at++) {
				bool start = at == sec->paragraphs[p] || !isalnum((unsigned char)at[-1]);
				if (start && !isalnum((unsigned char)at[n]))
					return true;
			}
	}
	return false;
}

/* An event's label: the meeting and its city, then what happened, all of
 * it the report's words; a clause starts with a capital. */
static void test_event_labels(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	for (size_t i = 0; i < r->events_count; i++) {
		char *label = present_event_label(r, (int)i);
		assert_non_null(label);
		assert_false(islower((unsigned char)label[0]));
		char *words = strdup(label);
		for (char *w = strtok(words, " ,:;()\"'"); w; w = strtok(NULL, " ,:;()\"'"))
			if (!in_report(r, w))
				fail_msg("%s's label \"%s\": \"%s\" is not the report's", report_event(r, i)->id, label, w);
		free(words);
		free(label);
	}
	struct entity_ref ev;
	assert_int_equal(report_find(r, "ev-2014-temm16", &ev), 0);
	char *label = present_event_label(r, ev.index);
	assert_string_equal(label, "TEMM16, Daegu: identified nine new priority areas");
	free(label);
	assert_int_equal(report_find(r, "ev-1999-temm-launch", &ev), 0);
	label = present_event_label(r, ev.index);
	assert_string_equal(label, "The TEMM mechanism was put in place");
	free(label);
	label = present_event_label(small, 1);
	assert_string_equal(label, "Talks began"); /* the content's short, capitalised */
	free(label);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pictures_follow_the_model),
		cmocka_unit_test(test_text_and_json_agree_with_the_model),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_tallies_are_worded_as_tallies),
		cmocka_unit_test(test_area_page_has_every_figure),
		cmocka_unit_test(test_event_labels),
	};
	return cmocka_run_group_tests(tests, small_report_setup, small_report_teardown);
}
