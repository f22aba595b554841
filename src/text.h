/* text.h - display width, line wrapping and case folding of UTF-8 text,
 * shared by the headless commands and the browser (via libunistring). */
#ifndef TEMM_TEXT_H
#define TEMM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Display columns of the first `len` bytes of s (wide characters count 2). */
int text_width(const char *s, size_t len);

/* Longest prefix of s (bytes) whose width fits in `columns`, never cutting
 * a character; *used gets its width. */
size_t text_fit(const char *s, size_t len, int columns, int *used);

/* One wrapped line: a byte range of the text and its display width.
 * Trailing spaces at the break are not part of the line. */
struct text_line {
	size_t start, len;
	int width;
};

/* Wrap s into lines of at most `width` columns (a word longer than the width
 * is cut at a character boundary). Returns the number of lines; *lines is
 * a new array (caller frees), NULL when s is empty. -1 on out of memory. */
long text_wrap(const char *s, int width, struct text_line **lines);
/* The same with a first line of its own width (a hanging indent: a row
 * whose first line starts further left than the lines under it). */
long text_wrap_first(const char *s, int first, int width, struct text_line **lines);

/* The form search compares: each character decomposed (compatibility
 * forms too: "ﬁ" is "fi", "ｍ" is "m"), its accents set aside (the
 * non-spacing marks of no script of their own; not the kana voicing marks),
 * composed again and case-folded (Unicode full case folding), so that
 * "montreal" is in "Montréal" and "strasse" in "Straße". For each byte of
 * the result, the offset in s of the character it came from, so matches in
 * the folded text can be shown in the original. Letters that Unicode does
 * not decompose (ø, ł, đ) stay as they are. */
struct folded {
	char *text;
	size_t len;
	uint32_t *origin; /* len + 1 entries; origin[len] == strlen(s); 4 bytes
			   * each, since the index holds one per byte of text.
			   * NULL when s is ASCII: every byte stays in place
			   * (most of the report; read it with folded_origin) */
};

/* Where byte i of the folded text comes from in the original. */
static inline size_t folded_origin(const struct folded *f, size_t i)
{
	return f->origin ? f->origin[i] : i;
}
int text_fold(const char *s, struct folded *out);
void text_folded_free(struct folded *f);

/* The first len bytes of s with the accents set aside as text_fold does,
 * case kept (what a query with an upper-case letter compares); NULL on out
 * of memory. Caller frees. */
char *text_strip_marks(const char *s, size_t len);

/* True if s has an upper-case letter (smart case). */
bool text_has_upper(const char *s);

/* Columns to wrap headless output to: $COLUMNS, else the terminal's width
 * when fd is one, else 80. */
int text_output_width(int fd);

#endif
