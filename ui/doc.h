/* doc.h - what a pane shows: blocks of UTF-8 text with styled spans and
 * links, laid out into display lines for a width. Pure and curses-free, so
 * the wrapping can be tested without a terminal. */
#ifndef TEMM_DOC_H
#define TEMM_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "query.h"

/* Styles are meanings; ui/draw maps them to attributes that stay visible
 * without colour. */
enum doc_style {
	DOC_PLAIN = 0,
	DOC_BOLD = 1 << 0,
	DOC_EMPH = 1 << 1,    /* the report's italics */
	DOC_LINK = 1 << 2,
	DOC_HEADING = 1 << 3,
	DOC_DIM = 1 << 4,
	DOC_MATCH = 1 << 5,   /* a search match */
	DOC_BAND = 1 << 6,    /* a group heading inside a list */
	DOC_MARK = 1 << 7,    /* the selected year on the timeline axis */
	DOC_CURRENT = 1 << 8, /* the match n and N went to */
};

struct doc_span {
	size_t start, len; /* bytes in the block's text */
	unsigned style;
	int link;          /* index in doc.links, -1 for none */
};

struct doc_block {
	char *text;
	size_t len, text_cap;
	int indent, hang;  /* columns before the first line / the following ones */
	unsigned style;    /* for the whole block */
	struct doc_span *spans;
	size_t spans_count, spans_cap;
	int item;          /* list rows: what the row stands for; -1 not selectable */
	int section, para; /* where in the report the text comes from, or -1 */
	bool nowrap;       /* one line, cut at the pane's edge */
	int max_lines;     /* wrapped into at most this many lines, the last cut (0: no limit) */
	bool sub;          /* a list row's second line: shown and hidden with the row above */
	bool hidden;       /* filtered out: no lines */
};

struct doc_link {
	struct entity_ref to;
	int block;
	size_t start, len;
};

struct doc_line {
	int block;
	size_t start, len; /* bytes of the block's text on this line */
	int indent;
	bool cut;          /* the block goes on past this line but shows no more (max_lines) */
};

struct doc {
	struct doc_block *blocks;
	size_t blocks_count, blocks_cap;
	struct doc_link *links;   /* in document order */
	size_t links_count, links_cap;
	/* Laid out as far as asked for: lines[0..lines_count) are final, the
	 * blocks from `laid` on have none yet. Read a line through
	 * doc_layout_until and the total through doc_lines. */
	struct doc_line *lines;
	size_t lines_count, lines_cap;
	size_t laid;              /* blocks laid out so far */
	int width;                /* of the last layout, 0 before */
	bool failed;              /* out of memory while building */
	/* A list built as it is read: `more` appends the next rows and
	 * returns how many items are still to come (0: the doc is whole).
	 * Its state is the doc's, freed with it by more_free (NULL: free()). */
	size_t (*more)(struct doc *d);
	void *more_state;
	void (*more_free)(void *state);
	size_t more_items;        /* items still to come */
	/* A text made a part at a time (the book: a part per section), the
	 * parts in the order of block.section: how many there are in all.
	 * Its position is counted in parts (doc_part_percent), so that no one
	 * has to make the whole text to say where it is. 0: counted in lines. */
	size_t parts;
	/* The query the blocks are marked with as they are made (see
	 * doc_highlight); not owned. NULL: none. */
	const struct query *mark_q;
};

/* A run of one style inside a line, for drawing. */
struct doc_seg {
	size_t start, len; /* bytes in the block's text */
	unsigned style;
	int link;
};

struct doc *doc_new(void);
void doc_free(struct doc *d);

/* Start a new block; returns its index, -1 on out of memory. */
int doc_begin(struct doc *d, int indent, int hang, unsigned style);
/* Append text to the last block: sanitized if it must be; `style` other
 * than DOC_PLAIN becomes a span. Returns the byte offset it starts at. */
size_t doc_put(struct doc *d, const char *text, unsigned style);
size_t doc_putf(struct doc *d, unsigned style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Append text that links to `to`. Returns the link's index or -1. */
int doc_put_link(struct doc *d, const char *text, struct entity_ref to);
/* A whole block in one call (a list row, a heading, a blank line with ""). */
int doc_line_add(struct doc *d, const char *text, unsigned style, int indent, int hang);
/* Style or link a byte range of a block already written. */
int doc_span_add(struct doc *d, int block, size_t start, size_t len, unsigned style, int link);
int doc_link_add(struct doc *d, int block, size_t start, size_t len, struct entity_ref to);

/* Lay the blocks out into lines of at most `width` columns; hidden blocks
 * get none. 0 on success. */
int doc_layout(struct doc *d, int width);
/* The same, lazily: the lines are made when asked for (doc_layout_until,
 * doc_lines, doc_line_of...), so a pane showing the first rows of a long
 * list wraps those rows only. Until the next layout the blocks stay as
 * they are (text, indent, hidden...): spans may change, and `more` adds
 * blocks after the last. */
void doc_layout_lazy(struct doc *d, int width);
/* Every row built (a doc with `more` has all its blocks after it). */
void doc_complete(struct doc *d);
/* The next blocks of a doc built as it is read; false when none came. */
bool doc_more(struct doc *d);
/* A doc made by parts: made as far as the end of part `part` (which the
 * part after it, made too, shows). */
void doc_build_part(struct doc *d, int part);
/* A doc made by parts: how far through its parts line `line` ends, in
 * percent: the parts before its own, and of its own the share of lines up
 * to it (that part made whole, no other). */
int doc_part_percent(struct doc *d, size_t line);
/* The inverse: the line `percent` of the way through the parts. */
size_t doc_part_line(struct doc *d, long percent);
/* Lay out as far as line `line`; whether that line exists. */
bool doc_layout_until(struct doc *d, size_t line);
/* The number of lines, the whole doc laid out. */
size_t doc_lines(struct doc *d);
/* The line that shows byte `off` of `block` (the nearest one before it
 * when that byte is a space at a break); 0 for an empty doc. */
size_t doc_line_of(struct doc *d, int block, size_t off);
/* The line where a link starts. */
size_t doc_link_line(struct doc *d, int link);
/* The runs of one style on a line, in order; returns how many were filled
 * (at most max; a line with more is cut short, never past its end). */
size_t doc_line_segs(struct doc *d, size_t line, struct doc_seg *segs, size_t max);
/* Mark every occurrence of the words of `q` (as search finds them, see
 * textmatch_find) with DOC_MATCH: in the blocks made so far, and in the
 * blocks of a doc built as it is read as they are made, until the marks
 * are cleared (doc_spans_clear DOC_MATCH, or doc_highlight NULL); `q` must
 * live until then. Returns how many were marked now. */
long doc_highlight(struct doc *d, const struct query *q);
/* Drop every span of exactly this style (not links); DOC_MATCH also
 * stops the marking of blocks made later. */
void doc_spans_clear(struct doc *d, unsigned style);
/* Text of a line (for tests and the screen-reader cursor): a new string with
 * the indent as spaces; caller frees. */
char *doc_line_text(struct doc *d, size_t line);

#endif
