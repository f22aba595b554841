/* state.c - the state file: a header, a fingerprint of the content the
 * places refer to, then one line per place:
 *
 *   # temm state 1
 *   content 5f0e3a91
 *   position view=home focus=areas,report entity=dss areas=0,0,-1,1,1 ...
 *   mark a view=report ...
 *
 * A pane is "block,offset,link,item,line" (struct pane_anchor); the
 * entity is its id. Places are only as good as the content they were taken
 * in, so a file written for other content is ignored. */
#include "state.h"
#include "panes.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char header[] = "# temm state 1";

/* A place keeps the panes of the views worth keeping (home, report),
 * under their names in the pane table. */
static bool kept(enum ui_pane_id id)
{
	return layout_view(layout_pane_view(id))->kept;
}

/* The pane a name in the file stands for; "book" is what files written
 * before the panes had one name each call the report. */
static bool file_pane(const char *name, size_t len, enum ui_pane_id *id)
{
	if (len == 4 && strncmp(name, "book", 4) == 0) {
		*id = PANE_BOOK;
		return true;
	}
	return pane_class_find(name, len, id) == 0 && kept(*id);
}

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

static void format_snap(FILE *f, const struct snap *s, const struct report *r)
{
	const char *id = s->reader.index >= 0 && (size_t)s->reader.index < report_count(r, s->reader.kind)
			 ? report_entity_id(r, s->reader) : NULL;
	const struct view_class *view = layout_view(layout_view(s->view)->kept ? s->view : VIEW_HOME);
	fprintf(f, "view=%s focus=", view->key);
	const char *comma = "";
	for (int v = 0; v < VIEW_COUNT; v++) {
		const struct view_class *vc = layout_view((enum ui_view)v);
		if (!vc->kept)
			continue;
		enum ui_pane_id focus = s->focus[v];
		if (layout_pane_view(focus) != (enum ui_view)v)
			focus = vc->panes[0];
		fprintf(f, "%s%s", comma, pane_class(focus)->name);
		comma = ",";
	}
	fprintf(f, " entity=%s", id ? id : "-");
	for (int i = 0; i < PANE_COUNT; i++) {
		const struct pane_anchor *a = &s->anchors[i];
		if (kept((enum ui_pane_id)i))
			fprintf(f, " %s=%d,%zu,%d,%d,%d", pane_class((enum ui_pane_id)i)->name, a->block,
				a->off, a->link, a->cur_item, a->cur_line);
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
	for (int v = 0; v < VIEW_COUNT; v++)
		s->focus[v] = layout_view((enum ui_view)v)->panes[0];
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

/* "stages,contents": the focused pane of each view kept, in order. A view
 * the file does not name (one added since it was written) keeps its first
 * pane; a view named twice is damage. */
static bool parse_focus(const char *v, struct snap *s)
{
	bool got[VIEW_COUNT] = { false };
	while (*v) {
		size_t n = strcspn(v, ",");
		enum ui_pane_id id;
		if (!file_pane(v, n, &id) || got[layout_pane_view(id)])
			return false;
		s->focus[layout_pane_view(id)] = id;
		got[layout_pane_view(id)] = true;
		v += n + (v[n] == ',');
	}
	return true;
}

static bool parse_view(const char *v, struct snap *s)
{
	for (int i = 0; i < VIEW_COUNT; i++)
		if (layout_view((enum ui_view)i)->kept && strcmp(v, layout_view((enum ui_view)i)->key) == 0) {
			s->view = (enum ui_view)i;
			return true;
		}
	return false;
}

static bool parse_token(char *tok, struct snap *s, const struct report *r)
{
	char *eq = strchr(tok, '=');
	if (!eq)
		return false;
	*eq = '\0';
	const char *v = eq + 1;
	if (strcmp(tok, "view") == 0)
		return parse_view(v, s);
	if (strcmp(tok, "focus") == 0)
		return parse_focus(v, s);
	if (strcmp(tok, "entity") == 0)
		return strcmp(v, "-") == 0 || report_find(r, v, &s->reader) == 0;
	enum ui_pane_id id;
	return file_pane(tok, strlen(tok), &id) && parse_anchor(v, &s->anchors[id]);
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
