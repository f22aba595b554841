/* present.h - an entity's page as plain data, and the words temm writes
 * for dates, places, stage numerals, labels and enumerations. `temm show`,
 * `--json` and the browser's reader all walk the same page, so the three
 * cannot disagree. Curses-free and jansson-free. */
#ifndef TEMM_PRESENT_H
#define TEMM_PRESENT_H

#include <stdbool.h>
#include <stddef.h>

#include "mentions.h"
#include "model.h"

/* The characters a page may use beyond ASCII: "›" between the levels of a
 * place, "·" between a thing and its kind, "•" before a list item and "→"
 * to what a name maps to. ASCII: ">", "-", "-", "->". */
enum present_glyphs { PRESENT_UTF8, PRESENT_ASCII };

/* For the command line: ASCII when asked (--ascii) or when the locale's
 * codeset is not UTF-8 (call after setlocale). */
enum present_glyphs present_glyphs_for_locale(bool ascii);

/* ---- words ---- */

enum present_date_style {
	PRESENT_DATE_WORDS,   /* "April 2014", "2014": pages and `show` */
	PRESENT_DATE_COMPACT, /* "2014-04", "2014": sortable columns (list and timeline rows) */
};
#define PRESENT_DATE_MAX 24
/* A date as `style` writes it; "" when year is 0 (not given). Returns buf. */
const char *present_date(unsigned year, unsigned month, enum present_date_style style,
			 char buf[PRESENT_DATE_MAX]);

#define PRESENT_ROMAN_MAX 16
/* "I", "II", ... "XL", ... "MMMCMXCIX" for 1-3999; other numbers (0, 4000
 * and more: no Roman numeral is in use) in decimal digits. Returns buf. */
const char *present_roman(unsigned n, char buf[PRESENT_ROMAN_MAX]);

/* Where a section is in the report, the same everywhere: "2.1 › 9) Marine
 * Environment Protection", "1.2 Evolution of Cooperation", "Introduction".
 * Outer levels give their number, the innermost its heading; the outermost
 * level is left out when a deeper one says it (2.1 says 2.); a top-level
 * section is itself. "" for NO_INDEX. Caller frees; NULL on out of memory. */
char *present_place(const struct report *r, int section_ix, enum present_glyphs g);

/* A short name for an entity, as links and titles show it: "Stage III
 * Steady Development", "9) Marine Environment Protection", a section's
 * place, an event's label (present_event_label), else the title. Caller
 * frees; NULL on out of memory. */
char *present_label(const struct report *r, struct entity_ref ref, enum present_glyphs g);

/* A short label for an event, from the model: the meeting it is (its
 * shortest name) and the city, then what happened in the report's words
 * (the content's `short`, else the event's sentence): "TEMM16, Daegu:
 * identified nine new priority areas"; a first letter in lower case (the
 * report's clauses) is made a capital. Caller frees; NULL on out of
 * memory or for no event. */
char *present_event_label(const struct report *r, int event);

/* Enumerations in words. A meeting's series as the content declares it:
 * its short name, else its title ("TEMM", "Trilateral Summit Meeting",
 * "MOP"); NULL for a meeting of no series. */
const char *present_series_words(const struct report *r, const struct meeting *m);
/* "working group", "regional programme" (the schema's value with spaces);
 * NULL for "other", which says nothing a reader can use. */
const char *present_activity_type_words(enum activity_kind kind, char *buf, size_t size);
const char *present_programme_type_words(enum programme_type type, char *buf, size_t size);

/* ---- the page ---- */

enum present_tone {
	PRESENT_PLAIN,
	PRESENT_QUIET,  /* context: a kind, "as", a separator, the report's own wording */
	PRESENT_STRONG, /* a count's number */
};

/* A stretch of text; a link when `link.kind` is not KIND_COUNT (the
 * browser follows it, the command line prints the id after it). */
struct present_run {
	char *text;
	enum present_tone tone;
	struct entity_ref link;
};

struct present_line {
	struct present_run *runs;
	size_t runs_count, runs_cap;
};

/* The machine value a field's words were made from, as --json writes it. */
enum present_raw_type {
	PRESENT_RAW_NONE,   /* for people only: not in JSON */
	PRESENT_RAW_NULL,   /* not given: JSON null */
	PRESENT_RAW_TEXT,   /* the model's string */
	PRESENT_RAW_REF,    /* an entity: its id */
	PRESENT_RAW_DATE,   /* written as two members, "year" and "month" (0: null) */
};

struct present_raw {
	enum present_raw_type type;
	const char *text;       /* TEXT (the model's; not a copy) */
	unsigned year, month;   /* DATE (0: not given) */
	struct entity_ref ref;  /* REF */
};

/* "Label: value". A value with no runs says nothing to people (a meeting
 * with no place): people's renderers skip it; JSON still writes its raw
 * value (null), so the object keeps the member. */
struct present_field {
	const char *label;          /* "Told in"; NULL for the kind line */
	struct present_line value;
	const char *key;            /* the JSON member; NULL: for people only */
	struct present_raw raw;
};

/* How --json writes a block's items (see json_out.c). */
enum present_shape {
	PRESENT_SHAPE_NONE,     /* not in JSON */
	PRESENT_SHAPE_IDS,      /* the ids of the items' entities */
	PRESENT_SHAPE_TEXTS,    /* the items' model text */
	PRESENT_SHAPE_COUNTS,   /* {"n", "of", "words"} */
	PRESENT_SHAPE_PRIORITIES, /* {"text", "area"} */
	PRESENT_SHAPE_PARAGRAPHS, /* a prose block's paragraphs */
	PRESENT_SHAPE_FIGURES,  /* {"n", "of", "words", "from": the id of the count's holder} */
};

/* One row of a list: a tag in a column of its own (a bullet, "1.", a date,
 * a kind), its line, and lines under it (an activity's counts). */
struct present_item {
	char *tag;                  /* NULL: none */
	struct present_line line;
	struct present_line *more;
	size_t more_count, more_cap;
	struct entity_ref ref;      /* the entity the row stands for, or KIND_COUNT */
	const char *text;           /* the model's text of the row (priorities, achievements) */
	const struct count *count;  /* counts */
};

enum present_block_type {
	PRESENT_LIST,
	PRESENT_PROSE, /* paragraphs [first, end) of a section, referred to, not copied:
			* the reader renders them with their italics and links */
};

struct present_block {
	enum present_block_type type;
	char *heading;              /* "Activities (5)", "From the report"; NULL: none */
	const char *key;            /* the JSON member; NULL: not in JSON */
	enum present_shape shape;
	/* PRESENT_LIST */
	struct present_item *items;
	size_t items_count, items_cap;
	int tag_cols;               /* the widest tag's display columns */
	/* PRESENT_PROSE */
	int section;
	unsigned first, end;
};

/* A page, in reading order: the kind line ("Meeting · TEMM", "Priority
 * area 9"), the title, the fields, then the blocks (lists under headings
 * and prose). Last come "Links to" and "Linked from": the links either way
 * that nothing above already shows. */
struct present_page {
	struct entity_ref ref;
	struct present_field kind;  /* label NULL; key/raw: the series or type */
	char *title;
	struct present_field *fields;
	size_t fields_count, fields_cap;
	struct present_block *blocks;
	size_t blocks_count, blocks_cap;
	/* A page begun by present_page_begin: the block whose rows are still
	 * to come (-1: none), and what makes them. */
	int filling;
	struct present_rest *rest;
};

/* The page of any entity or section. `m` finds names in prose (for "Told
 * in", see relations_told_in; NULL: built when a page needs it). NULL when
 * `ref` names nothing or on out of memory. */
struct present_page *present_page_new(const struct report *r, struct entity_ref ref,
				      enum present_glyphs g, const struct mentions *m);
/* The same with what refers to each entity found once for all of them
 * (links.h: link_index_new), for a caller that makes every page (the JSON
 * dump): one page costs no pass over the whole report. */
struct link_index;
struct present_page *present_page_indexed(const struct report *r, struct entity_ref ref,
					  enum present_glyphs g, const struct mentions *m,
					  const struct link_index *x);
/* The same page with its long list (a stage's events) left to be made as
 * it is read, for the browser, whose first screen shows a screenful of it:
 * block `filling` has its heading and its tag column (the width all its
 * rows will have) and no rows yet, and the links nothing above shows come
 * once its last row is made. A page with no list to leave is whole
 * (filling -1). NULL as present_page_new. */
struct present_page *present_page_begin(const struct report *r, struct entity_ref ref,
					enum present_glyphs g, const struct mentions *m);
/* Up to n more rows of block `filling`, and after its last the links at
 * the end ("Links to", "Linked from"): the page is then what
 * present_page_new makes. Returns 1 while rows are to come, 0 when the
 * page is whole, -1 on out of memory (the page is whole as far as it got
 * and no more comes). */
int present_page_more(struct present_page *p, size_t n);
void present_page_free(struct present_page *p);

/* A block with no items or no paragraphs says nothing to people:
 * renderers skip it (JSON writes []). */
bool present_block_empty(const struct present_block *b);

/* A line's words as one string. Caller frees; NULL on out of memory. */
char *present_line_text(const struct present_line *line);

#endif
