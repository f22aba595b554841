/* snap_text.c - a section's paragraphs, in the text region of a snapshot's
 * string pool, checked the first time they are read rather than when the
 * file is opened (the first screen reads one section's): the sums of the
 * blocks they lie in, each one's end and text, and its emphasis runs'
 * bounds. Each string is checked once, however many paragraphs name it,
 * so a file cannot make the checks read more than it holds. Text found
 * damaged is taken from the YAML the snapshot was made from, if that is
 * still what it was made from, and said once (snapshot_tell); nothing
 * unchecked is ever shown. */
#include "snap_internal.h"
#include "loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether byte i of text p starts a character (or is its end). */
static bool char_start(const char *p, uint32_t i)
{
	return ((unsigned char)p[i] & 0xc0) != 0x80;
}

/* Whether the section's paragraphs and its emphasis runs are good to read:
 * each run within its paragraph (its existence the model checked), and
 * starting and ending between characters. */
static bool text_good(struct snapshot *s, const struct section *sec)
{
	size_t *len = malloc((sec->paragraphs_count + 1) * sizeof(*len));
	bool good = len != NULL;
	for (unsigned k = 0; good && k < sec->paragraphs_count; k++)
		good = snap_string_good(s, (uint32_t)(sec->paragraphs[k] - s->pool), &len[k]);
	for (unsigned e = 0; good && e < sec->emphasis_count; e++) {
		const struct emphasis *run = &sec->emphasis[e];
		const char *p = sec->paragraphs[run->paragraph];
		good = run->end <= len[run->paragraph] && char_start(p, run->start) &&
		       char_start(p, run->end);
	}
	free(len);
	return good;
}

/* Whether the content is still what the snapshot was made from (its key:
 * each file's name, size and modification time). */
static bool content_unchanged(const struct snapshot *s, char *why, size_t whylen)
{
	const struct snap_part_entry *key = &s->head.part[PART_KEY];
	char change[200] = "";
	if (snap_key_compare(s->base + key->offset, (size_t)key->size, s->dir, change, sizeof(change)) == 0)
		return true;
	snprintf(why, whylen, "its content changed since: %s", change);
	return false;
}

/* The content the snapshot was made from, loaded the first time it is
 * needed, and only while it is what the snapshot was made from; NULL with
 * why when it cannot be. */
const struct report *snap_yaml_report(struct snapshot *s, char *why, size_t whylen)
{
	if (!s->yaml_tried) {
		s->yaml_tried = true;
		if (s->dir && content_unchanged(s, s->text_why, sizeof(s->text_why))) {
			struct diag d;
			diag_init(&d);
			s->yaml = content_load(s->dir, &d);
			diag_free(&d);
			/* changed while it was read: not the snapshot's */
			if (s->yaml && !content_unchanged(s, s->text_why, sizeof(s->text_why))) {
				report_free(s->yaml);
				s->yaml = NULL;
			} else if (!s->yaml) {
				snprintf(s->text_why, sizeof(s->text_why), "its content does not load either");
			}
		} else if (!s->dir) {
			snprintf(s->text_why, sizeof(s->text_why), "its content is not known");
		}
	}
	if (!s->yaml)
		snprintf(why, whylen, "%s", s->text_why);
	return s->yaml;
}

/* Section ix's paragraphs and emphasis from the YAML (its sections are the
 * snapshot's: the key said so; checked anyway), or none: each paragraph
 * left empty, so every count and passage stays as the model has it. */
static bool text_from_yaml(struct snapshot *s, const struct report *r, size_t ix, char *why,
			   size_t whylen)
{
	struct section *sec = report_section(r, ix);
	const struct report *y = snap_yaml_report(s, why, whylen);
	const struct section *ys = y && y->sections_count == r->sections_count ? report_section(y, ix) : NULL;
	if (ys && ys->paragraphs_count == sec->paragraphs_count && strcmp(ys->id, sec->id) == 0) {
		for (unsigned k = 0; k < sec->paragraphs_count; k++)
			sec->paragraphs[k] = ys->paragraphs[k];
		sec->emphasis = ys->emphasis;
		sec->emphasis_count = ys->emphasis_count;
		return true;
	}
	if (y)
		snprintf(why, whylen, "its content's sections are not the snapshot's");
	for (unsigned k = 0; k < sec->paragraphs_count; k++)
		sec->paragraphs[k] = (char *)"";
	sec->emphasis = NULL;
	sec->emphasis_count = 0;
	return false;
}

/* Say (once, at the end of the run) which sections' text was refused and
 * what was shown instead: the message is written again as more is found,
 * unless another part's refusal was said first. */
static void say_text(struct snapshot *s, const char *id, bool from_yaml, const char *why)
{
	if (s->text_damaged++ == 0)
		snprintf(s->text_first, sizeof(s->text_first), "%s", id);
	if (!from_yaml) {
		s->text_lost++;
		snprintf(s->text_why, sizeof(s->text_why), "%s", why);
	}
	if (s->told[0] && !s->told_text)
		return;
	char what[160], then[400];
	if (s->text_damaged == 1)
		snprintf(what, sizeof(what), "the text of its section %s", s->text_first);
	else
		snprintf(what, sizeof(what), "the text of %u of its sections, the first %s",
			 s->text_damaged, s->text_first);
	unsigned read = s->text_damaged - s->text_lost;
	if (!s->text_lost)
		snprintf(then, sizeof(then), "the text was read from the YAML");
	else if (s->text_damaged == 1)
		snprintf(then, sizeof(then), "the section is shown without its text (%s)", s->text_why);
	else if (!read)
		snprintf(then, sizeof(then), "they are shown without their text (%s)", s->text_why);
	else
		snprintf(then, sizeof(then), "%u read from the YAML, %u shown without %s text (%s)", read,
			 s->text_lost, s->text_lost == 1 ? "its" : "their", s->text_why);
	s->told[0] = '\0';
	snap_refuse_then(s, what, then);
	s->told_text = true;
}

void snapshot_section_text(const struct report *r, size_t ix)
{
	struct snapshot *s = r->snap;
	if (!s || ix >= r->sections_count)
		return;
	/* made first: one taken from the YAML (or a stand-in) has its text
	 * marked good then, and its text is not in the pool */
	const struct section *sec = report_section(r, ix);
	if (s->text_state[ix] != PART_UNCHECKED)
		return;
	if (text_good(s, sec)) {
		s->text_state[ix] = PART_GOOD;
		return;
	}
	char why[256] = "";
	bool good = text_from_yaml(s, r, ix, why, sizeof(why));
	s->text_state[ix] = good ? PART_GOOD : PART_BAD;
	say_text(s, report_section(r, ix)->id, good, why);
}
