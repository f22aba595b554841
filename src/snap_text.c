/* snap_text.c - a section's paragraphs, in the text region of a snapshot's
 * string pool, checked the first time they are read rather than when the
 * file is opened (the first screen reads one section's): the sums of the
 * blocks they lie in, each one's end and text, and its emphasis runs' ends.
 * Text found damaged then is taken from the YAML the snapshot was made
 * from, and said once (snapshot_tell); nothing unchecked is ever shown. */
#include "snap_internal.h"
#include "loader.h"

#include <stdio.h>
#include <string.h>

/* Whether the section's paragraphs (pointers into the pool: the model
 * checked that) and its emphasis runs are good to read. */
static bool text_good(struct snapshot *s, const struct section *sec)
{
	for (unsigned k = 0; k < sec->paragraphs_count; k++) {
		const char *p = sec->paragraphs[k];
		size_t off = (size_t)(p - s->pool);
		/* the pool ends in NUL (checked at opening): one is found */
		size_t len = (size_t)((const char *)memchr(p, '\0', s->pool_len - off) - p);
		if (!snap_check_range(s, PART_STRINGS, off, len + 1) || !snap_text_safe(p, len))
			return false;
	}
	for (unsigned e = 0; e < sec->emphasis_count; e++) {
		const struct emphasis *run = &sec->emphasis[e]; /* its paragraph exists (snap_model.c) */
		if (run->end > strlen(sec->paragraphs[run->paragraph]))
			return false;
	}
	return true;
}

/* The content the snapshot was made from, loaded the first time it is
 * needed; NULL with why when it cannot be. */
static const struct report *yaml_report(struct snapshot *s, char *why, size_t whylen)
{
	if (!s->yaml_tried) {
		struct diag d;
		diag_init(&d);
		s->yaml_tried = true;
		s->yaml = s->dir ? content_load(s->dir, &d) : NULL;
		diag_free(&d);
	}
	if (!s->yaml)
		snprintf(why, whylen, s->dir ? "its content does not load either" :
			 "its content is not known");
	return s->yaml;
}

/* Section ix's paragraphs and emphasis from the YAML (its sections are the
 * snapshot's: the key said so; checked anyway), or none: each paragraph
 * left empty, so every count and passage stays as the model has it. */
static bool text_from_yaml(struct snapshot *s, const struct report *r, size_t ix, char *why,
			   size_t whylen)
{
	struct section *sec = r->sections[ix];
	const struct report *y = yaml_report(s, why, whylen);
	const struct section *ys = y && y->sections_count == r->sections_count ? y->sections[ix] : NULL;
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

void snapshot_section_text(const struct report *r, size_t ix)
{
	struct snapshot *s = r->snap;
	if (!s || ix >= r->sections_count || s->text_state[ix] != PART_UNCHECKED)
		return;
	/* once text was found damaged, the rest comes from the YAML too */
	if (!s->yaml && text_good(s, r->sections[ix])) {
		s->text_state[ix] = PART_GOOD;
		return;
	}
	char what[160], why[160] = "", then[200];
	snprintf(what, sizeof(what), "the text of its section %s", r->sections[ix]->id);
	bool good = text_from_yaml(s, r, ix, why, sizeof(why));
	s->text_state[ix] = good ? PART_GOOD : PART_BAD;
	if (good)
		snprintf(then, sizeof(then), "the text was read from the YAML");
	else
		snprintf(then, sizeof(then), "the section is shown without its text (%s)", why);
	snap_refuse_then(s, what, then);
}
