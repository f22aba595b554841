/* quote.h - a passage of the report with its reference: the text the
 * browser's copy key puts on the terminal's clipboard and `temm show ID
 * --cite` prints, so the two cannot differ:
 *
 *   The passage: one sentence, or paragraphs with a blank line between
 *   them (and "[…]" on a line of its own where paragraphs are left out).
 *   — TEMM20 report, 2.1 › 9) Marine Environment Protection
 *
 * The reference names the report as the content's `short` says (else by
 * its title) and the place as present_place writes it. The passage is the
 * model's text, whole paragraphs unwrapped; no newline ends the quote.
 * Curses-free. */
#ifndef TEMM_QUOTE_H
#define TEMM_QUOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "mentions.h"
#include "model.h"
#include "present.h"

struct quote {
	char *text;          /* the passage, a newline, the reference */
	int section;         /* the section the passage is from */
	unsigned paragraphs; /* how many paragraphs it holds; 0: one sentence */
};

/* "— TEMM20 report, 2.1 › 9) Marine Environment Protection" ("--" and ">"
 * in ASCII). Caller frees; NULL on out of memory. */
char *quote_reference(const struct report *r, int section, enum present_glyphs g);

/* The sentence of `text` that holds byte `at`: [*start, *end), the end
 * before the spaces that follow it. A sentence ends at '.', '!' or '?'
 * (and any closing quotes or brackets after it) followed by white space
 * and a capital letter, a digit or an opening quote or bracket - the rule
 * the content's fidelity check reads the report's sentences by. */
void quote_sentence_span(const char *text, size_t at, size_t *start, size_t *end);

/* Each returns 0 and fills q (quote_free it), 1 when there is nothing to
 * quote (no such paragraph; a section with no text of its own), -1 on out
 * of memory. */

/* Paragraph `para` of a section. */
int quote_paragraph(const struct report *r, int section, unsigned para, enum present_glyphs g,
		    struct quote *q);
/* The sentence of that paragraph that holds byte `at`. */
int quote_sentence(const struct report *r, int section, unsigned para, size_t at,
		   enum present_glyphs g, struct quote *q);
/* What tells of an entity:
 * - a section: its own paragraphs (1 if it has none: its subsections hold
 *   its text);
 * - a stage: the first passage that tells it (report_stage_prose), as its
 *   page's "From the report";
 * - an area: its section's paragraphs;
 * - anything else (and a stage the content gives no prose): the
 *   paragraphs of the section it is told in (relations_told_in) that name
 *   it - a name the reader links to it, or its title - else that whole
 *   section.
 * `m` finds names in prose; NULL builds one for this call. */
int quote_entity(const struct report *r, const struct mentions *m, struct entity_ref ref,
		 enum present_glyphs g, struct quote *q);
void quote_free(struct quote *q);

#endif
