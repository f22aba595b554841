/* help.c - the help screen. */
#include "help.h"
#include "app.h"

#include <stdio.h>
#include <string.h>

/* "j Down C-n" -> "j, Down, C-n" */
static void keys_text(const char *keys, char *buf, size_t n)
{
	size_t o = 0;
	for (const char *k = keys; *k && o + 3 < n; k++) {
		if (*k == ' ') {
			buf[o++] = ',';
			buf[o++] = ' ';
		} else {
			buf[o++] = *k;
		}
	}
	buf[o] = '\0';
}

/* The keys of an action as bound (the defaults without a key table). */
static void action_keys(const struct pages *p, const struct ui_action_info *a, char *buf, size_t n)
{
	if (p->keys)
		keymap_keys_text(p->keys, a->action, buf, n);
	else
		keys_text(a->keys, buf, n);
}

static void first_key(const struct pages *p, const struct ui_action_info *a, char *buf, size_t n)
{
	action_keys(p, a, buf, n);
	buf[strcspn(buf, ",")] = '\0';
}

/* "<N> before j, k, Space: <N> times": the first key of every action a
 * count does `what` to. */
static void count_line(const struct pages *p, struct doc *d, enum ui_count what, const char *example)
{
	const struct ui_action_info *a;
	size_t n = ui_actions(&a);
	char keys[256] = "";
	size_t used = 0;
	for (size_t i = 0; i < n && used < sizeof(keys) - 32; i++) {
		char k[32];
		if (a[i].count != what)
			continue;
		first_key(p, &a[i], k, sizeof(k));
		if (k[0])
			used += (size_t)snprintf(keys + used, sizeof(keys) - used, "%s%s", used ? ", " : "", k);
	}
	if (!used)
		return;
	doc_begin(d, 2, 4, DOC_PLAIN);
	doc_putf(d, DOC_PLAIN, "<N> before %s: %s (%s)", keys, ui_count_words(what), example);
}

static void counts_text(const struct pages *p, struct doc *d)
{
	count_line(p, d, COUNT_TIMES, "5j: five down");
	count_line(p, d, COUNT_LINE, "42g: line 42");
	count_line(p, d, COUNT_PERCENT, "50p: half way");
	const struct view_class *home = layout_view(VIEW_HOME);
	doc_begin(d, 2, 2, DOC_PLAIN);
	doc_putf(d, DOC_PLAIN, "A digit that numbers a pane of the view (1-%zu at home, as each pane's "
		 "header shows) goes to that pane; any other digit starts a count, and a 0 first "
		 "starts one with any digit (012g: line 12).", home->panes_count);
}

/* The keys and what they do, after what `d` holds already. */
static void help_put(const struct pages *p, struct doc *d)
{
	const struct ui_action_info *a;
	size_t n = ui_actions(&a);
	char q[32] = "q", esc[32] = "Esc", help[32] = "?";
	for (size_t i = 0; i < n; i++) {
		if (a[i].action == ACT_QUIT)
			first_key(p, &a[i], q, sizeof(q));
		if (a[i].action == ACT_CANCEL)
			first_key(p, &a[i], esc, sizeof(esc));
		if (a[i].action == ACT_HELP)
			first_key(p, &a[i], help, sizeof(help));
	}
	doc_begin(d, 0, 0, DOC_HEADING);
	doc_putf(d, DOC_PLAIN, "temm keys  (%s, %s or %s closes this help)", q, esc, help);
	for (int g = 0; g < GROUP_COUNT; g++) {
		page_heading(d, ui_group_title((enum ui_group)g));
		for (size_t i = 0; i < n; i++) {
			if (a[i].group != (enum ui_group)g)
				continue;
			char keys[64];
			action_keys(p, &a[i], keys, sizeof(keys));
			doc_begin(d, 2, 22, DOC_PLAIN);
			doc_putf(d, DOC_BOLD, "%-19s", keys[0] ? keys : "(none)");
			doc_putf(d, DOC_PLAIN, " %s", a[i].help);
			if (a[i].count != COUNT_NONE)
				doc_putf(d, DOC_DIM, "; <N>: %s", ui_count_words(a[i].count));
		}
	}
	page_heading(d, "Counts");
	counts_text(p, d);
	page_heading(d, "Also");
	doc_line_add(d, "Queries: words (all must occur), \"a phrase\", -word, /regex/, kind:K, "
		     "area:A, stage:N, year:Y or year:A..B; case counts only with a capital.",
		     DOC_PLAIN, 2, 2);
	doc_line_add(d, "Mouse: click a row to select it or a link to follow it; the wheel scrolls.",
		     DOC_PLAIN, 2, 2);
	doc_line_add(d, "Links are underlined. Every view is also on the command line: "
		     "temm list, temm show ID, temm search QUERY, temm dump.", DOC_PLAIN, 2, 2);
}

struct doc *page_help(const struct pages *p)
{
	struct doc *d = doc_new();
	if (d)
		help_put(p, d);
	return d;
}

/* The config's problems, every one whole, first: the status line said them
 * at start-up for one key only, and cut at the width. */
static void config_problems(const struct ui_settings *s, struct doc *d)
{
	const struct diag *pr = &s->problems;
	if (!pr->count)
		return;
	doc_begin(d, 0, 0, DOC_HEADING);
	doc_putf(d, DOC_PLAIN, "The config was not used: %zu problem%s", pr->count, pr->count == 1 ? "" : "s");
	for (size_t i = 0; i < pr->count; i++) {
		const struct diag_entry *e = &pr->entries[i];
		doc_begin(d, 2, 4, DOC_PLAIN);
		if (e->line)
			doc_putf(d, DOC_BOLD, "%s:%u:%u:", e->file ? e->file : "", e->line, e->column);
		else
			doc_putf(d, DOC_BOLD, "%s:", e->file ? e->file : "");
		doc_putf(d, DOC_PLAIN, " %s", e->message ? e->message : "");
	}
	doc_line_add(d, "temm starts with its defaults until the file is mended; temm config-check "
		     "prints these again.", DOC_DIM, 2, 2);
	doc_line_add(d, "", DOC_PLAIN, 0, 0);
}

struct doc *help_build(struct app *a)
{
	struct doc *d = doc_new();
	if (!d)
		return NULL;
	config_problems(&a->set, d);
	help_put(&a->pg, d);
	return d;
}
