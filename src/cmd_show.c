/* cmd_show.c - `temm show ID`: an entity's page, as the browser's reader
 * shows it (present.h), in plain text with every link's id, or as JSON. */
#include "cli.h"
#include "sanitize.h"
#include "json_out.h"
#include "present.h"
#include "print.h"
#include "quote.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A line of the page, each link followed by its id in brackets ("TEMM16
 * [temm16]"), wrapped after `prefix`; an id is never broken at its
 * hyphens, so it can be copied from the screen. */
static void show_line(FILE *out, const struct report *r, const struct present_line *l,
		      const char *prefix, int width)
{
	size_t len = 1;
	for (size_t i = 0; i < l->runs_count; i++) {
		const char *id = report_entity_id(r, l->runs[i].link);
		len += strlen(l->runs[i].text) + (id ? strlen(id) + 3 : 0);
	}
	char *text = malloc(len), *layout = malloc(len);
	if (text && layout) {
		size_t at = 0;
		for (size_t i = 0; i < l->runs_count; i++) {
			const char *id = report_entity_id(r, l->runs[i].link);
			size_t from = at;
			at += (size_t)sprintf(text + at, "%s", l->runs[i].text);
			memcpy(layout + from, text + from, at - from);
			if (!id)
				continue;
			from = at;
			at += (size_t)sprintf(text + at, " [%s]", id);
			for (size_t k = from; k < at; k++) /* '_' offers no break */
				layout[k] = text[k] == '-' ? '_' : text[k];
		}
		text[at] = layout[at] = '\0';
		print_wrapped_as(out, text, layout, width, prefix);
	}
	free(text);
	free(layout);
}

static int label_width(const struct present_page *p)
{
	int most = 0;
	for (size_t i = 0; i < p->fields_count; i++) {
		const char *label = p->fields[i].label;
		int w = label ? text_width(label, strlen(label)) : 0;
		if (p->fields[i].value.runs_count && w > most)
			most = w;
	}
	return most;
}

static void show_fields(FILE *out, const struct report *r, const struct present_page *p, int width)
{
	int w = label_width(p);
	for (size_t i = 0; i < p->fields_count; i++) {
		const struct present_field *f = &p->fields[i];
		if (!f->value.runs_count)
			continue;
		char *prefix;
		int pad = w - text_width(f->label, strlen(f->label));
		if (asprintf(&prefix, "%s:%*s ", f->label, pad, "") < 0)
			continue;
		show_line(out, r, &f->value, prefix, width);
		free(prefix);
	}
}

static void show_list(FILE *out, const struct report *r, const struct present_block *b, int width)
{
	for (size_t i = 0; i < b->items_count; i++) {
		const struct present_item *it = &b->items[i];
		const char *tag = it->tag ? it->tag : "";
		int pad = b->tag_cols - text_width(tag, strlen(tag));
		char *prefix;
		if (asprintf(&prefix, "  %s%*s%s", tag, pad, "", b->tag_cols ? " " : "") < 0)
			continue;
		show_line(out, r, &it->line, prefix, width);
		free(prefix);
		int under = 2 + b->tag_cols + (b->tag_cols ? 1 : 0) + 2;
		if (asprintf(&prefix, "%*s", under, "") < 0)
			continue;
		for (size_t m = 0; m < it->more_count; m++)
			show_line(out, r, &it->more[m], prefix, width);
		free(prefix);
	}
}

static void show_prose(FILE *out, const struct report *r, const struct present_block *b, int width)
{
	const struct section *s = report_section_text(r, (size_t)b->section);
	for (unsigned i = b->first; i < b->end && i < s->paragraphs_count; i++) {
		if (i > b->first)
			fputc('\n', out);
		print_wrapped(out, s->paragraphs[i], width, "");
	}
}

static void show_page(FILE *out, const struct report *r, const struct present_page *p, int width)
{
	char *head;
	if (asprintf(&head, "%s %s: ", entity_kind_name(p->ref.kind), report_entity_id(r, p->ref)) >= 0)
		print_wrapped(out, p->title, width, head);
	free(head);
	show_line(out, r, &p->kind.value, "", width);
	show_fields(out, r, p, width);
	for (size_t k = 0; k < p->blocks_count; k++) {
		const struct present_block *b = &p->blocks[k];
		if (present_block_empty(b))
			continue;
		fputc('\n', out);
		if (b->heading)
			print_wrapped(out, b->heading, width, "");
		if (b->type == PRESENT_PROSE)
			show_prose(out, r, b, width);
		else
			show_list(out, r, b, width);
	}
}

/* --cite: the passage that tells of it and its reference, unwrapped: the
 * text the browser's copy key puts on the clipboard (src/quote.h). */
static int show_cite(const struct report *r, const struct cli *cli, struct entity_ref ref,
		     FILE *out, FILE *err)
{
	struct quote q;
	int rc = quote_entity(r, NULL, ref, present_glyphs_for_locale(cli->ascii), &q);
	if (rc == 0)
		fprintf(out, "%s\n", q.text);
	else if (rc > 0 && ref.kind == KIND_SECTION)
		fprintf(err, "temm: %s has no text of its own to cite: its sections have it "
			"(temm outline)\n", report_entity_id(r, ref));
	else if (rc > 0)
		fprintf(err, "temm: the report has no paragraph on %s to cite\n", report_entity_id(r, ref));
	else
		fputs("temm: out of memory\n", err);
	quote_free(&q);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int cmd_show(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	struct entity_ref ref;
	if (cli->cite && cli->json) {
		fputs("temm: --cite prints text: it does not go with --json\n", err);
		return EXIT_USAGE;
	}
	if (report_find_typed(r, cli->args[0], &ref) != 0) { /* TEMM16 finds temm16 */
		sanitize_error(err, "no entity or section has the id '%s' (try 'temm list KIND')",
			       cli->args[0]);
		return EXIT_FAIL;
	}
	if (cli->cite)
		return show_cite(r, cli, ref, out, err);
	/* JSON is UTF-8 whatever the locale */
	enum present_glyphs g = cli->json ? PRESENT_UTF8 : present_glyphs_for_locale(cli->ascii);
	struct present_page *p = present_page_new(r, ref, g, NULL);
	if (!p) {
		fputs("temm: out of memory\n", err);
		return EXIT_FAIL;
	}
	if (cli->json)
		json_print_line(out, json_entity_page(r, p));
	else
		show_page(out, r, p, cli->width);
	present_page_free(p);
	return EXIT_OK;
}
