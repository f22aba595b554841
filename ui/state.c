/* state.c - the state file: a header, a fingerprint of the content the
 * places refer to, then one line per place:
 *
 *   # temm state 1
 *   content 5f0e3a91
 *   position view=home focus=areas,book entity=dss areas=0,0,-1,1,1 ...
 *   mark a view=report ...
 *
 * A pane is "block,offset,link,item,line" (struct pane_anchor); the
 * entity is its id. Places are only as good as the content they were taken
 * in, so a file written for other content is ignored. */
#include "state.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char header[] = "# temm state 1";

/* The panes a place keeps, with their names in the file. */
static const struct {
	const char *name;
	enum ui_pane_id id;
} panes[] = {
	{ "stages", PANE_STAGES }, { "areas", PANE_AREAS }, { "timeline", PANE_TIMELINE },
	{ "reader", PANE_READER }, { "contents", PANE_OUTLINE }, { "book", PANE_BOOK },
};
#define PANES (sizeof(panes) / sizeof(panes[0]))

int state_mark_slot(long key)
{
	if (key >= 'a' && key <= 'z')
		return (int)(key - 'a');
	if (key >= 'A' && key <= 'Z')
		return 26 + (int)(key - 'A');
	return -1;
}

static char slot_letter(int slot)
{
	return (char)(slot < 26 ? 'a' + slot : 'A' + slot - 26);
}

static uint32_t fnv(uint32_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h ^ 0xff) * 16777619u;
}

/* Changes when the sections or the number of any kind of entity do. */
static uint32_t fingerprint(const struct report *r)
{
	uint32_t h = fnv(2166136261u, r->title);
	for (size_t i = 0; i < r->sections_count; i++)
		h = fnv(h, report_entity_id(r, (struct entity_ref){ KIND_SECTION, (int)i }));
	for (int k = 0; k < KIND_COUNT; k++) {
		char n[32];
		snprintf(n, sizeof(n), "%zu", report_count(r, (enum entity_kind)k));
		h = fnv(h, n);
	}
	return h;
}

static const char *pane_file_name(enum ui_pane_id id)
{
	for (size_t i = 0; i < PANES; i++)
		if (panes[i].id == id)
			return panes[i].name;
	return NULL;
}

static void format_snap(FILE *f, const struct snap *s, const struct report *r)
{
	const char *home = pane_file_name(s->focus[VIEW_HOME]);
	const char *report = pane_file_name(s->focus[VIEW_REPORT]);
	const char *id = s->reader.index >= 0 && (size_t)s->reader.index < report_count(r, s->reader.kind)
			 ? report_entity_id(r, s->reader) : NULL;
	fprintf(f, "view=%s focus=%s,%s entity=%s", s->view == VIEW_REPORT ? "report" : "home",
		home ? home : "stages", report ? report : "contents", id ? id : "-");
	for (size_t i = 0; i < PANES; i++) {
		const struct pane_anchor *a = &s->anchors[panes[i].id];
		fprintf(f, " %s=%d,%zu,%d,%d,%d", panes[i].name, a->block, a->off, a->link, a->cur_item,
			a->cur_line);
	}
	fputc('\n', f);
}

char *state_format(const struct ui_state *s, const struct report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fprintf(f, "%s\ncontent %08lx\n", header, (unsigned long)fingerprint(r));
	if (s->have_position) {
		fputs("position ", f);
		format_snap(f, &s->position, r);
	}
	for (int i = 0; i < STATE_MARKS; i++)
		if (s->have_mark[i]) {
			fprintf(f, "mark %c ", slot_letter(i));
			format_snap(f, &s->marks[i], r);
		}
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* A snap with nothing known: every pane at its top, nothing selected. */
static void snap_clear(struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->view = VIEW_HOME;
	s->focus[VIEW_HOME] = PANE_STAGES;
	s->focus[VIEW_REPORT] = PANE_OUTLINE;
	s->focus[VIEW_SEARCH] = PANE_RESULTS;
	s->focus[VIEW_HELP] = PANE_HELP;
	s->reader = (struct entity_ref){ KIND_COUNT, NO_INDEX };
	for (int i = 0; i < PANE_COUNT; i++)
		s->anchors[i] = (struct pane_anchor){ -1, 0, -1, -1, -1 };
}

static bool number(const char **p, long lo, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(*p, &end, 10);
	if (end == *p || errno || v < lo || v > INT_MAX / 2)
		return false;
	*out = v;
	*p = end;
	return true;
}

static bool parse_anchor(const char *v, struct pane_anchor *a)
{
	long n[5];
	const long lo[5] = { -1, 0, -1, -1, -1 };
	for (int i = 0; i < 5; i++) {
		if (!number(&v, lo[i], &n[i]) || *v != (i < 4 ? ',' : '\0'))
			return false;
		v += i < 4;
	}
	*a = (struct pane_anchor){ (int)n[0], (size_t)n[1], (int)n[2], (int)n[3], (int)n[4] };
	return true;
}

static bool parse_focus(const char *v, struct snap *s)
{
	const char *comma = strchr(v, ',');
	if (!comma)
		return false;
	bool home = false, report = false;
	for (size_t i = 0; i < PANES; i++) {
		size_t n = strlen(panes[i].name);
		enum ui_view view = layout_pane_view(panes[i].id);
		if (view == VIEW_HOME && (size_t)(comma - v) == n && strncmp(v, panes[i].name, n) == 0) {
			s->focus[VIEW_HOME] = panes[i].id;
			home = true;
		}
		if (view == VIEW_REPORT && strcmp(comma + 1, panes[i].name) == 0) {
			s->focus[VIEW_REPORT] = panes[i].id;
			report = true;
		}
	}
	return home && report;
}

static bool parse_token(char *tok, struct snap *s, const struct report *r)
{
	char *eq = strchr(tok, '=');
	if (!eq)
		return false;
	*eq = '\0';
	const char *v = eq + 1;
	if (strcmp(tok, "view") == 0) {
		if (strcmp(v, "home") != 0 && strcmp(v, "report") != 0)
			return false;
		s->view = v[0] == 'h' ? VIEW_HOME : VIEW_REPORT;
		return true;
	}
	if (strcmp(tok, "focus") == 0)
		return parse_focus(v, s);
	if (strcmp(tok, "entity") == 0)
		return strcmp(v, "-") == 0 || report_find(r, v, &s->reader) == 0;
	for (size_t i = 0; i < PANES; i++)
		if (strcmp(tok, panes[i].name) == 0)
			return parse_anchor(v, &s->anchors[panes[i].id]);
	return false;
}

static bool parse_snap(char *text, struct snap *s, const struct report *r)
{
	snap_clear(s);
	for (char *save = NULL, *tok = strtok_r(text, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		if (!parse_token(tok, s, r))
			return false;
	return true;
}

static int ignore(struct ui_state *s, char *warn, size_t warnlen, const char *why)
{
	memset(s, 0, sizeof(*s));
	snprintf(warn, warnlen, "%s", why);
	return 1;
}

int state_parse(struct ui_state *s, const char *text, const struct report *r, char *warn,
		size_t warnlen)
{
	memset(s, 0, sizeof(*s));
	if (warnlen)
		warn[0] = '\0';
	char *copy = strdup(text);
	if (!copy)
		return ignore(s, warn, warnlen, "out of memory");
	char want[32];
	snprintf(want, sizeof(want), "content %08lx", (unsigned long)fingerprint(r));
	int line = 0, rc = 0;
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l && rc == 0;
	     l = strtok_r(NULL, "\n", &save), line++) {
		if (line == 0 && strcmp(l, header) != 0)
			rc = ignore(s, warn, warnlen, "not a temm state file");
		else if (line == 1 && strcmp(l, want) != 0)
			rc = ignore(s, warn, warnlen, "written for other content") + 1;
		else if (line >= 2 && strncmp(l, "position ", 9) == 0) {
			if (!parse_snap(l + 9, &s->position, r))
				rc = ignore(s, warn, warnlen, "a position cannot be read");
			s->have_position = rc == 0;
		} else if (line >= 2 && strncmp(l, "mark ", 5) == 0 && l[5] && l[6] == ' ') {
			int slot = state_mark_slot((unsigned char)l[5]);
			if (slot < 0 || !parse_snap(l + 7, &s->marks[slot], r))
				rc = ignore(s, warn, warnlen, "a mark cannot be read");
			else
				s->have_mark[slot] = true;
		} else if (line >= 2) {
			rc = ignore(s, warn, warnlen, "a line cannot be read");
		}
	}
	if (rc == 0 && line < 2)
		rc = ignore(s, warn, warnlen, line ? "cut short" : "not a temm state file");
	free(copy);
	return rc;
}

void state_merge(struct ui_state *mine, const struct ui_state *file)
{
	if (!mine->position_set && file->have_position) {
		mine->position = file->position;
		mine->have_position = true;
	}
	for (int i = 0; i < STATE_MARKS; i++)
		if (!mine->mark_set[i] && file->have_mark[i]) {
			mine->marks[i] = file->marks[i];
			mine->have_mark[i] = true;
		}
}
