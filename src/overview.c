/* overview.c - the overview's lines for a width: the matrix of areas and
 * stages, the bars of activities listed, the figures the report gives. */
#include "overview.h"
#include "grow.h"
#include "tally.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_LINK ((struct entity_ref){ KIND_COUNT, NO_INDEX })

/* The columns of the matrix and the bars: the areas' names, then the
 * stages or the bar; a gap between columns. */
enum { GAP = 2, MIN_CELL = 10, MAX_CELL = 48, MIN_BAR = 8, MAX_BAR = 60 };

struct glyphs {
	const char *mark;   /* a stage made the area a priority */
	const char *none;   /* it did not */
	const char *other;  /* a priority that is none of the areas */
	const char *rule, *full, *ellipsis;
	const char *const *eighths; /* partial cells of a bar, 1/8 to 7/8; NULL: none */
	const char *kind;           /* between a figure and whose it is */
};

static const char *const utf8_eighths[8] = { "", "\u258f", "\u258e", "\u258d", "\u258c",
	"\u258b", "\u258a", "\u2589" };
static const struct glyphs utf8 = { "\u25cf", "\u00b7", "\u25e6", "\u2500", "\u2588", "\u2026",
	utf8_eighths, " \u00b7 " };
static const struct glyphs ascii = { "*", ".", "o", "-", "#", "~", NULL, " - " };

/* The lines being drawn. */
struct ob {
	const struct report *r;
	struct overview *o;
	const struct glyphs *gl;
	enum present_glyphs g;
	int col; /* columns used on the last line */
	bool oom;
};

/* A stretch of text to be wrapped with others. */
struct piece {
	const char *text;
	enum present_tone tone;
	struct entity_ref link;
};

/* ---- the facts ---- */

int overview_priority(const struct report *r, int stage, int area)
{
	if (stage < 0 || (size_t)stage >= r->stages_count)
		return -1;
	const struct stage *s = report_stage(r, stage);
	for (unsigned i = 0; i < s->priorities_count; i++)
		if (s->priorities[i].area_ix == area && area >= 0)
			return (int)i;
	return -1;
}

long overview_bar_eighths(unsigned n, unsigned most, int cells)
{
	if (most == 0 || cells <= 0)
		return 0;
	return ((long)n * cells * 8 + most / 2) / most;
}

unsigned overview_most_listed(const struct report *r)
{
	unsigned most = 0;
	for (size_t i = 0; i < r->areas_count; i++) {
		unsigned n = tally_activities(r, (int)i);
		most = n > most ? n : most;
	}
	return most;
}

/* ---- lines and runs ---- */

static void run_free(struct present_line *l)
{
	for (size_t i = 0; i < l->runs_count; i++)
		free(l->runs[i].text);
	free(l->runs);
	*l = (struct present_line){ NULL, 0, 0 };
}

static void lines_free(struct present_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		run_free(&v[i]);
	free(v);
}

/* Append a copy of len bytes of text to line l. */
static void line_put(struct ob *b, struct present_line *l, const char *text, size_t len,
		     enum present_tone tone, struct entity_ref link)
{
	if (len == 0)
		return;
	char *copy = strndup(text, len);
	if (!copy || grow(&l->runs, &l->runs_cap, l->runs_count, sizeof(*l->runs), 4) != 0) {
		free(copy);
		b->oom = true;
		return;
	}
	l->runs[l->runs_count++] = (struct present_run){ copy, tone, link };
}

/* Start a new line of the overview. */
static void newline(struct ob *b, enum overview_style style)
{
	struct overview *o = b->o;
	if (grow(&o->lines, &o->cap, o->count, sizeof(*o->lines), 32) != 0) {
		b->oom = true;
		return;
	}
	o->lines[o->count++] = (struct overview_line){ { NULL, 0, 0 }, style };
	b->col = 0;
}

/* Text at the end of the last line; a run like the one before it joins it
 * (a bar is one run, not a run a column). */
static void put(struct ob *b, const char *text, enum present_tone tone, struct entity_ref link)
{
	if (!b->o->count || !text || !*text)
		return;
	struct present_line *l = &b->o->lines[b->o->count - 1].line;
	struct present_run *last = l->runs_count ? &l->runs[l->runs_count - 1] : NULL;
	if (last && last->tone == tone && entity_ref_same(last->link, link)) {
		size_t had = strlen(last->text), add = strlen(text);
		char *joined = realloc(last->text, had + add + 1);
		if (!joined) {
			b->oom = true;
			return;
		}
		memcpy(joined + had, text, add + 1);
		last->text = joined;
	} else {
		line_put(b, l, text, strlen(text), tone, link);
	}
	b->col += text_width(text, strlen(text));
}

static void pad_to(struct ob *b, int col)
{
	char spaces[256];
	int n = col - b->col;
	if (n <= 0)
		return;
	if (n >= (int)sizeof(spaces))
		n = (int)sizeof(spaces) - 1;
	memset(spaces, ' ', (size_t)n);
	spaces[n] = '\0';
	put(b, spaces, PRESENT_PLAIN, NO_LINK);
}

/* The runs of l, copied onto the overview's last line. */
static void put_line(struct ob *b, const struct present_line *l)
{
	for (size_t i = 0; i < l->runs_count; i++)
		put(b, l->runs[i].text, l->runs[i].tone, l->runs[i].link);
}

/* Pieces wrapped into lines of at most `width` columns, each line its
 * runs (copies); *out is new (caller frees with lines_free). */
static size_t wrap(struct ob *b, const struct piece *p, size_t n, int width,
		   struct present_line **out)
{
	*out = NULL;
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += p[i].text ? strlen(p[i].text) : 0;
	char *all = malloc(len + 1);
	size_t *start = malloc((n + 1) * sizeof(*start));
	struct text_line *tl = NULL;
	long lines = -1;
	if (all && start) {
		size_t at = 0;
		for (size_t i = 0; i < n; i++) {
			start[i] = at;
			size_t k = p[i].text ? strlen(p[i].text) : 0;
			memcpy(all + at, p[i].text ? p[i].text : "", k);
			at += k;
		}
		start[n] = at;
		all[at] = '\0';
		lines = text_wrap(all, width, &tl);
	}
	if (lines > 0)
		*out = calloc((size_t)lines, sizeof(**out));
	for (long k = 0; *out && k < lines; k++) {
		size_t s = tl[k].start, e = tl[k].start + tl[k].len;
		for (size_t i = 0; i < n; i++) {
			size_t ps = start[i] > s ? start[i] : s, pe = start[i + 1] < e ? start[i + 1] : e;
			if (pe > ps)
				line_put(b, &(*out)[k], all + ps, pe - ps, p[i].tone, p[i].link);
		}
	}
	b->oom = b->oom || lines < 0 || (lines > 0 && !*out);
	free(tl);
	free(all);
	free(start);
	return *out ? (size_t)lines : 0;
}

/* Wrapped pieces as lines of their own: the first after `lead`, the
 * others `hang` columns in. */
static void para(struct ob *b, const char *lead, const struct piece *p, size_t n, int hang)
{
	struct present_line *l;
	int lead_w = lead ? text_width(lead, strlen(lead)) : 0;
	int indent = lead_w > hang ? lead_w : hang;
	size_t k = wrap(b, p, n, b->o->width - indent, &l);
	for (size_t i = 0; i < k; i++) {
		newline(b, OVERVIEW_TEXT);
		if (i == 0 && lead)
			put(b, lead, PRESENT_PLAIN, NO_LINK);
		pad_to(b, i == 0 ? lead_w : hang);
		put_line(b, &l[i]);
	}
	lines_free(l, k);
}

static void blank(struct ob *b)
{
	newline(b, OVERVIEW_TEXT);
}

static void heading(struct ob *b, const char *text, const char *note)
{
	if (b->o->count)
		blank(b);
	newline(b, OVERVIEW_HEADING);
	put(b, text, PRESENT_PLAIN, NO_LINK);
	struct piece p = { note, PRESENT_QUIET, NO_LINK };
	if (note)
		para(b, NULL, &p, 1, 0);
}

/* A text cut to `cols` columns, an ellipsis where it is cut; caller frees. */
static char *fitted(struct ob *b, const char *s, int cols)
{
	int used;
	if (text_width(s, strlen(s)) <= cols)
		return strdup(s);
	size_t take = text_fit(s, strlen(s), cols - 1, &used);
	char *out = NULL;
	if (asprintf(&out, "%.*s%s", (int)take, s, b->gl->ellipsis) < 0)
		return NULL;
	return out;
}

static char *label(struct ob *b, struct entity_ref ref)
{
	char *s = present_label(b->r, ref, b->g);
	b->oom = b->oom || !s;
	return s;
}

/* "2.1": where the areas are listed, for the notes; "" if nowhere. */
static const char *areas_place(const struct ob *b)
{
	return tally_place(b->r, tally_section(b->r, KIND_AREA, -1));
}

/* ---- a table of wrapped cells ---- */

struct cell {
	struct present_line *lines;
	size_t n, cap;
	int x;
};

/* Prepend `text` to a line. */
static void line_lead(struct ob *b, struct present_line *l, const char *text, enum present_tone tone,
		      struct entity_ref link)
{
	line_put(b, l, text, strlen(text), tone, link);
	if (b->oom || l->runs_count < 2)
		return;
	struct present_run last = l->runs[l->runs_count - 1];
	memmove(l->runs + 1, l->runs, (l->runs_count - 1) * sizeof(*l->runs));
	l->runs[0] = last;
}

/* Add to a cell: `text` wrapped to w columns after a mark ("● Air Quality
 * Improvement"), every line of it a link to `link`. */
static void cell_add(struct ob *b, struct cell *c, const char *mark, enum present_tone mark_tone,
		     const char *text, enum present_tone tone, struct entity_ref link, int w)
{
	int mw = mark ? text_width(mark, strlen(mark)) + 1 : 0;
	struct piece p = { text, tone, link };
	struct present_line *l;
	size_t k = wrap(b, &p, 1, w - mw, &l);
	if (grow_to(&c->lines, &c->cap, c->n + k, sizeof(*c->lines), 8) != 0) {
		b->oom = true;
		lines_free(l, k);
		return;
	}
	for (size_t i = 0; i < k; i++) {
		if (mark) {
			char lead[32];
			if (i == 0)
				snprintf(lead, sizeof(lead), "%s ", mark);
			else
				snprintf(lead, sizeof(lead), "%*s", mw, "");
			line_lead(b, &l[i], lead, i == 0 ? mark_tone : PRESENT_PLAIN, i == 0 ? link : NO_LINK);
		}
		c->lines[c->n++] = l[i];
	}
	free(l);
}

/* The cells side by side, as many lines as the tallest; frees them. */
static void table_row(struct ob *b, struct cell *cells, size_t n)
{
	size_t rows = 0;
	for (size_t i = 0; i < n; i++)
		rows = cells[i].n > rows ? cells[i].n : rows;
	for (size_t r = 0; r < rows; r++) {
		newline(b, OVERVIEW_TEXT);
		for (size_t i = 0; i < n; i++) {
			if (r >= cells[i].n)
				continue;
			pad_to(b, cells[i].x);
			put_line(b, &cells[i].lines[r]);
		}
	}
	for (size_t i = 0; i < n; i++) {
		lines_free(cells[i].lines, cells[i].n);
		cells[i] = (struct cell){ NULL, 0, 0, cells[i].x };
	}
}

static void rule(struct ob *b)
{
	newline(b, OVERVIEW_TEXT);
	for (int i = 0; i < b->o->width; i++)
		put(b, b->gl->rule, PRESENT_QUIET, NO_LINK);
}

/* ---- part 1: the areas against the stages ---- */

/* The areas' names get three tenths of the width, within bounds, and no
 * more than the longest takes. */
static int area_column(struct ob *b)
{
	int a = b->o->width * 3 / 10, longest = 0;
	a = a < 16 ? 16 : a > 60 ? 60 : a;
	for (size_t i = 0; i < b->r->areas_count; i++) {
		char *name = label(b, (struct entity_ref){ KIND_AREA, (int)i });
		int w = name ? text_width(name, strlen(name)) : 0;
		longest = w > longest ? w : longest;
		free(name);
	}
	return longest > 0 && longest < a ? longest : a;
}

/* The widest word a cell of the matrix holds (a stage's name, a name a
 * stage gave an area), with the mark before it: a narrower cell would cut
 * words in the middle. */
static int widest_word(const struct ob *b)
{
	const struct report *r = b->r;
	int most = 0;
	for (size_t s = 0; s < r->stages_count; s++) {
		const char *texts[2] = { report_stage(r, s)->name, NULL };
		for (unsigned i = 0; i <= report_stage(r, s)->priorities_count; i++) {
			const char *t = i ? report_stage(r, s)->priorities[i - 1].text : texts[0];
			for (const char *w = t; w && *w;) {
				size_t len = strcspn(w, " -/");
				int width = text_width(w, len);
				most = width > most ? width : most;
				w += len + (w[len] != '\0');
			}
		}
	}
	return most + text_width(b->gl->mark, strlen(b->gl->mark)) + 1; /* and a space */
}

static bool has_other_priorities(const struct report *r)
{
	for (size_t s = 0; s < r->stages_count; s++)
		for (unsigned i = 0; i < report_stage(r, s)->priorities_count; i++)
			if (report_stage(r, s)->priorities[i].area_ix < 0)
				return true;
	return false;
}

static void matrix_head(struct ob *b, struct cell *cells, int cw)
{
	const struct report *r = b->r;
	int aw = cells[1].x - GAP;
	char *head = NULL;
	const char *place = areas_place(b);
	if (asprintf(&head, "Areas%s%s", *place ? " as in " : "", place) < 0)
		head = NULL;
	b->oom = b->oom || !head;
	cell_add(b, &cells[0], NULL, PRESENT_PLAIN, head ? head : "", PRESENT_QUIET, NO_LINK, aw);
	free(head);
	for (size_t s = 0; s < r->stages_count; s++) {
		const struct stage *st = report_stage(r, s);
		struct entity_ref ref = { KIND_STAGE, (int)s };
		char roman[PRESENT_ROMAN_MAX], text[64];
		snprintf(text, sizeof(text), "Stage %s", present_roman(st->number, roman));
		cell_add(b, &cells[s + 1], NULL, PRESENT_PLAIN, text, PRESENT_STRONG, ref, cw);
		cell_add(b, &cells[s + 1], NULL, PRESENT_PLAIN, st->name, PRESENT_PLAIN, ref, cw);
		snprintf(text, sizeof(text), "%u-%u", st->from, st->to);
		cell_add(b, &cells[s + 1], NULL, PRESENT_PLAIN, text, PRESENT_QUIET, NO_LINK, cw);
	}
	table_row(b, cells, r->stages_count + 1);
	rule(b);
}

static void matrix_rows(struct ob *b, struct cell *cells, int cw)
{
	const struct report *r = b->r;
	int aw = cells[1].x - GAP;
	for (size_t a = 0; a < r->areas_count; a++) {
		struct entity_ref area = { KIND_AREA, (int)a };
		char *name = label(b, area);
		cell_add(b, &cells[0], NULL, PRESENT_PLAIN, name ? name : "", PRESENT_PLAIN, area, aw);
		free(name);
		for (size_t s = 0; s < r->stages_count; s++) {
			const struct stage *st = report_stage(r, s);
			struct entity_ref stage = { KIND_STAGE, (int)s };
			for (unsigned i = 0; i < st->priorities_count; i++)
				if (st->priorities[i].area_ix == (int)a)
					cell_add(b, &cells[s + 1], b->gl->mark, PRESENT_STRONG,
						 st->priorities[i].text, PRESENT_PLAIN, stage, cw);
			if (!cells[s + 1].n)
				cell_add(b, &cells[s + 1], NULL, PRESENT_PLAIN, b->gl->none, PRESENT_QUIET,
					 stage, cw);
		}
		table_row(b, cells, r->stages_count + 1);
	}
}

/* A stage's priorities that are none of the areas, each under the stage. */
static void other_priorities(struct ob *b)
{
	const struct report *r = b->r;
	if (!has_other_priorities(r))
		return;
	blank(b);
	struct piece p = { "Priorities that are not one of these areas:", PRESENT_QUIET, NO_LINK };
	para(b, NULL, &p, 1, 0);
	int lw = 0;
	for (size_t s = 0; s < r->stages_count; s++) {
		char roman[PRESENT_ROMAN_MAX];
		int w = 2 + 6 + (int)strlen(present_roman(report_stage(r, s)->number, roman)) + GAP;
		lw = w > lw ? w : lw;
	}
	struct cell cells[2] = { { NULL, 0, 0, 2 }, { NULL, 0, 0, lw } };
	for (size_t s = 0; s < r->stages_count; s++) {
		const struct stage *st = report_stage(r, s);
		struct entity_ref stage = { KIND_STAGE, (int)s };
		char roman[PRESENT_ROMAN_MAX], text[64];
		snprintf(text, sizeof(text), "Stage %s", present_roman(st->number, roman));
		for (unsigned i = 0; i < st->priorities_count; i++)
			if (st->priorities[i].area_ix < 0)
				cell_add(b, &cells[1], b->gl->other, PRESENT_QUIET, st->priorities[i].text,
					 PRESENT_PLAIN, stage, b->o->width - lw);
		if (cells[1].n)
			cell_add(b, &cells[0], NULL, PRESENT_PLAIN, text, PRESENT_PLAIN, stage, lw - 2);
		table_row(b, cells, 2);
	}
}

/* The matrix as a list: per area the stages that made it a priority. */
static void matrix_list(struct ob *b)
{
	const struct report *r = b->r;
	for (size_t a = 0; a < r->areas_count; a++) {
		struct entity_ref area = { KIND_AREA, (int)a };
		char *name = label(b, area);
		struct piece p = { name, PRESENT_PLAIN, area };
		para(b, NULL, &p, 1, 2);
		free(name);
		bool any = false;
		for (size_t s = 0; s < r->stages_count; s++) {
			const struct stage *st = report_stage(r, s);
			struct entity_ref stage = { KIND_STAGE, (int)s };
			char roman[PRESENT_ROMAN_MAX], lead[64];
			snprintf(lead, sizeof(lead), "Stage %s", present_roman(st->number, roman));
			for (unsigned i = 0; i < st->priorities_count; i++) {
				if (st->priorities[i].area_ix != (int)a)
					continue;
				struct piece q[] = { { lead, PRESENT_PLAIN, stage }, { ": ", PRESENT_QUIET, NO_LINK },
						     { st->priorities[i].text, PRESENT_PLAIN, NO_LINK } };
				para(b, "  ", q, 3, 4);
				any = true;
			}
		}
		struct piece none = { "a priority of no stage", PRESENT_QUIET, NO_LINK };
		if (!any)
			para(b, "  ", &none, 1, 4);
	}
}

static void part_matrix(struct ob *b)
{
	const struct report *r = b->r;
	const char *place = areas_place(b);
	char *note = NULL;
	if (asprintf(&note, "Today's areas%s%s%s against the stages: the name each stage gave an area "
		     "when it made it a priority.", *place ? ", as listed in " : "", place,
		     *place ? "," : "") < 0)
		note = NULL;
	b->oom = b->oom || !note;
	heading(b, "Priority areas by stage", note);
	free(note);
	if (!r->areas_count || !r->stages_count) {
		struct piece p = { r->areas_count ? "The content has no stages." : "The content has no areas.",
				   PRESENT_QUIET, NO_LINK };
		para(b, NULL, &p, 1, 0);
		return;
	}
	int aw = area_column(b), n = (int)r->stages_count, word = widest_word(b);
	int cw = (b->o->width - aw - GAP * n) / n;
	if (cw < word && aw > 16) { /* the areas' names give way to whole words */
		aw = aw - n * (word - cw) > 16 ? aw - n * (word - cw) : 16;
		cw = (b->o->width - aw - GAP * n) / n;
	}
	if (!b->o->picture || cw < MIN_CELL || cw < word) {
		matrix_list(b);
		other_priorities(b);
		return;
	}
	cw = cw > MAX_CELL ? MAX_CELL : cw;
	struct cell *cells = calloc(r->stages_count + 1, sizeof(*cells));
	if (!cells) {
		b->oom = true;
		return;
	}
	for (int s = 0; s <= n; s++)
		cells[s].x = s == 0 ? 0 : aw + GAP + (s - 1) * (cw + GAP);
	blank(b);
	matrix_head(b, cells, cw);
	matrix_rows(b, cells, cw);
	free(cells);
	other_priorities(b);
}

/* ---- part 2: the activities listed per area ---- */

static char *listed_words(struct ob *b, int area)
{
	const struct report *r = b->r;
	char *s = tally_words(r, tally_activities(r, area), "activity", "activities",
			      tally_section(r, KIND_ACTIVITY, area));
	b->oom = b->oom || !s;
	return s;
}

/* A bar of `eighths` eighths of a column. */
static void bar(struct ob *b, long eighths, struct entity_ref link)
{
	const struct glyphs *gl = b->gl;
	long full = gl->eighths ? eighths / 8 : (eighths + 4) / 8;
	for (long i = 0; i < full; i++)
		put(b, gl->full, PRESENT_PLAIN, link);
	if (gl->eighths && eighths % 8)
		put(b, gl->eighths[eighths % 8], PRESENT_PLAIN, link);
}

static void part_bars(struct ob *b)
{
	const struct report *r = b->r;
	const char *place = tally_place(r, tally_section(r, KIND_ACTIVITY, -1));
	char *note = NULL;
	if (asprintf(&note, "temm's tally of the activities the content lists%s%s, not a figure of the "
		     "report; the report's own figures follow.", *place ? " in " : "", place) < 0)
		note = NULL;
	b->oom = b->oom || !note;
	heading(b, "Activities listed per area", note);
	free(note);
	int aw = area_column(b), tw = 0;
	for (size_t a = 0; a < r->areas_count; a++) {
		char *t = listed_words(b, (int)a);
		int w = t ? text_width(t, strlen(t)) : 0;
		tw = w > tw ? w : tw;
		free(t);
	}
	int bw = b->o->width - aw - GAP - tw - 1;
	bw = bw > MAX_BAR ? MAX_BAR : bw;
	bool picture = b->o->picture && bw >= MIN_BAR;
	unsigned most = overview_most_listed(r);
	if (picture)
		blank(b);
	for (size_t a = 0; a < r->areas_count; a++) {
		struct entity_ref area = { KIND_AREA, (int)a };
		char *name = label(b, area), *t = listed_words(b, (int)a);
		if (picture) {
			char *cut = fitted(b, name ? name : "", aw);
			newline(b, OVERVIEW_TEXT);
			put(b, cut, PRESENT_PLAIN, area);
			pad_to(b, aw + GAP);
			bar(b, overview_bar_eighths(tally_activities(r, (int)a), most, bw), area);
			pad_to(b, aw + GAP + bw + 1);
			put(b, t, PRESENT_QUIET, area);
			free(cut);
		} else {
			struct piece p[] = { { name, PRESENT_PLAIN, area }, { ": ", PRESENT_QUIET, NO_LINK },
					     { t, PRESENT_QUIET, NO_LINK } };
			para(b, NULL, p, 3, 2);
		}
		free(name);
		free(t);
	}
}

/* ---- part 3: the figures the report gives ---- */

struct figures_ctx {
	int number_cols; /* the widest number */
};

static void figure(struct ob *b, const struct figures_ctx *fc, const struct count *c,
		   struct entity_ref holder, bool own)
{
	char num[16], words[512] = "";
	snprintf(num, sizeof(num), "%u", c->n);

	if (c->words)
		snprintf(words, sizeof(words), " (the report: \"%s\")", c->words);
	char *who = own ? NULL : label(b, holder);
	struct piece p[] = { { c->of, PRESENT_PLAIN, NO_LINK }, { words, PRESENT_QUIET, NO_LINK },
			     { who ? b->gl->kind : "", PRESENT_QUIET, NO_LINK },
			     { who, PRESENT_PLAIN, holder } };
	int indent = 3 + fc->number_cols;
	struct present_line *l;
	size_t k = wrap(b, p, 4, b->o->width - indent, &l);
	for (size_t i = 0; i < k; i++) {
		newline(b, OVERVIEW_TEXT);
		if (i == 0) {
			pad_to(b, 2 + fc->number_cols - (int)strlen(num));
			put(b, num, PRESENT_STRONG, NO_LINK);
		}
		pad_to(b, indent);
		put_line(b, &l[i]);
	}
	lines_free(l, k);
	free(who);
}

static void figures_of(struct ob *b, const struct figures_ctx *fc, struct entity_ref who,
		       const struct count *c, unsigned n)
{
	if (!n)
		return;
	char *name = label(b, who);
	struct piece p = { name, PRESENT_PLAIN, who };
	para(b, NULL, &p, 1, 2);
	free(name);
	for (unsigned i = 0; i < n; i++)
		figure(b, fc, &c[i], who, true);
}

static int digits(unsigned n)
{
	int d = 1;
	for (; n >= 10; n /= 10)
		d++;
	return d;
}

static int widest(const struct count *c, unsigned n, int most)
{
	for (unsigned i = 0; i < n; i++)
		most = digits(c[i].n) > most ? digits(c[i].n) : most;
	return most;
}

static void part_figures(struct ob *b)
{
	const struct report *r = b->r;
	heading(b, "Figures the report gives",
		"Each as the report gives it, with what it counts; under an area, its activities' too.");
	struct figures_ctx fc = { 1 };
	bool any = false;
	for (size_t i = 0; i < r->stages_count; i++)
		fc.number_cols = widest(report_stage(r, i)->counts, report_stage(r, i)->counts_count, fc.number_cols);
	for (size_t i = 0; i < r->areas_count; i++)
		fc.number_cols = widest(report_area(r, i)->counts, report_area(r, i)->counts_count, fc.number_cols);
	for (size_t i = 0; i < r->activities_count; i++)
		fc.number_cols = widest(report_activity(r, i)->counts, report_activity(r, i)->counts_count, fc.number_cols);
	for (size_t i = 0; i < r->programmes_count; i++)
		fc.number_cols = widest(report_programme(r, i)->counts, report_programme(r, i)->counts_count, fc.number_cols);
	for (size_t i = 0; i < r->stages_count; i++) {
		const struct stage *s = report_stage(r, i);
		any |= s->counts_count > 0;
		figures_of(b, &fc, (struct entity_ref){ KIND_STAGE, (int)i }, s->counts, s->counts_count);
	}
	for (size_t a = 0; a < r->areas_count; a++) {
		struct entity_ref area = { KIND_AREA, (int)a };
		unsigned n = report_area(r, a)->counts_count;
		for (size_t i = 0; i < r->activities_count; i++)
			n += report_activity(r, i)->area_ix == (int)a ? report_activity(r, i)->counts_count : 0;
		if (!n)
			continue;
		any = true;
		figures_of(b, &fc, area, report_area(r, a)->counts, report_area(r, a)->counts_count);
		if (!report_area(r, a)->counts_count) {
			char *name = label(b, area);
			struct piece p = { name, PRESENT_PLAIN, area };
			para(b, NULL, &p, 1, 2);
			free(name);
		}
		for (size_t i = 0; i < r->activities_count; i++) {
			const struct activity *act = report_activity(r, i);
			for (unsigned c = 0; act->area_ix == (int)a && c < act->counts_count; c++)
				figure(b, &fc, &act->counts[c], (struct entity_ref){ KIND_ACTIVITY, (int)i }, false);
		}
	}
	for (size_t i = 0; i < r->programmes_count; i++) {
		const struct programme *g = report_programme(r, i);
		any |= g->counts_count > 0;
		figures_of(b, &fc, (struct entity_ref){ KIND_PROGRAMME, (int)i }, g->counts, g->counts_count);
	}
	struct piece none = { "The content holds none.", PRESENT_QUIET, NO_LINK };
	if (!any)
		para(b, NULL, &none, 1, 0);
}

/* ---- the whole ---- */

struct overview *overview_new(const struct report *r, int width, enum present_glyphs g)
{
	struct overview *o = calloc(1, sizeof(*o));
	if (!o)
		return NULL;
	o->width = width < 20 ? 20 : width;
	o->picture = width >= OVERVIEW_PICTURE_COLS;
	struct ob b = { r, o, g == PRESENT_ASCII ? &ascii : &utf8, g, 0, false };
	part_matrix(&b);
	part_bars(&b);
	part_figures(&b);
	if (b.oom) {
		overview_free(o);
		return NULL;
	}
	return o;
}

void overview_free(struct overview *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->count; i++)
		run_free(&o->lines[i].line);
	free(o->lines);
	free(o);
}
