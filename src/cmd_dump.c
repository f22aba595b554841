/* cmd_dump.c - `temm dump` (the whole report as text, markdown or one JSON
 * document, for pagers, screen readers, pandoc and jq) and `temm outline`
 * (its table of contents). */
#include "cli.h"
#include "json_out.h"
#include "links.h"
#include "mentions.h"
#include "present.h"
#include "sanitize.h"
#include "print.h"

#include <string.h>

static void dump_text(const struct report *r, int width, FILE *out)
{
	print_wrapped(out, r->title, width, "");
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = report_section_text(r, i);
		fputc('\n', out);
		print_wrapped(out, s->title, width, "");
		for (unsigned p = 0; p < s->paragraphs_count; p++) {
			fputc('\n', out);
			print_wrapped(out, s->paragraphs[p], width, "");
		}
	}
}

/* Markdown would read these as markup at the start of a line or anywhere. */
static void md_text(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (strchr("\\`*_[]<>", s[i]))
			fputc('\\', out);
		fputc(s[i], out);
	}
}

static void md_paragraph(FILE *out, const struct section *s, unsigned p)
{
	const char *t = s->paragraphs[p];
	size_t at = 0, len = strlen(t);
	/* "1) The three countries..." would become a list item: escape it,
	 * whatever emphasis comes later in the paragraph */
	size_t digits = strspn(t, "0123456789");
	if (digits && (t[digits] == ')' || t[digits] == '.')) {
		md_text(out, t, digits);
		fputc('\\', out);
		at = digits;
	}
	for (unsigned e = 0; e < s->emphasis_count; e++) {
		const struct emphasis *em = &s->emphasis[e];
		if (em->paragraph != p || em->start < at)
			continue;
		md_text(out, t + at, em->start - at);
		fputc('*', out);
		md_text(out, t + em->start, em->end - em->start);
		fputc('*', out);
		at = em->end;
	}
	md_text(out, t + at, len - at);
	fputs("\n\n", out);
}

static void dump_markdown(const struct report *r, FILE *out)
{
	fputs("# ", out);
	md_text(out, r->title, strlen(r->title));
	fputs("\n\n", out);
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = report_section_text(r, i);
		int level = 2 + (s->depth < 4 ? s->depth : 4);
		fprintf(out, "%.*s ", level, "######");
		md_text(out, s->title, strlen(s->title));
		fputs("\n\n", out);
		for (unsigned p = 0; p < s->paragraphs_count; p++)
			md_paragraph(out, s, p);
	}
}

/* An entity in full, as `show --json` writes it; NULL on out of memory.
 * `m` and `x` are found once for every page (names in prose for "Told in",
 * what refers to what), so the dump takes time linear in the report. */
static json_t *json_full(const struct report *r, struct entity_ref ref, const struct mentions *m,
			 const struct link_index *x)
{
	struct present_page *p = present_page_indexed(r, ref, PRESENT_UTF8, m, x);
	json_t *o = p ? json_entity_page_indexed(r, p, x) : NULL;
	present_page_free(p);
	return o;
}

/* One document holding everything: the sections with their text, then
 * every entity with its fields and links. */
static int dump_json(const struct report *r, FILE *out)
{
	struct mentions *m = mentions_from_report(r);
	struct link_index *x = link_index_new(r);
	json_t *doc = m && x ? json_pack("{s:s, s:s}", "kind", "report", "title", r->title) : NULL;
	for (int k = 0; k < KIND_COUNT && doc; k++) {
		json_t *list = json_array();
		for (size_t i = 0; i < report_count(r, (enum entity_kind)k); i++)
			json_array_append_new(list, json_full(r, (struct entity_ref){ (enum entity_kind)k, (int)i },
							      m, x));
		json_object_set_new(doc, entity_kind_plural((enum entity_kind)k), list);
	}
	mentions_free(m);
	link_index_free(x);
	if (!doc)
		return -1;
	json_print_line(out, doc);
	return 0;
}

int cmd_dump(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	const char *format = cli->format ? cli->format : cli->json ? "jsonl" : "text";
	if (cli->json && (strcmp(format, "text") == 0 || strcmp(format, "markdown") == 0 ||
			  strcmp(format, "md") == 0))
		return cli_no_json(strcmp(format, "text") == 0 ? "dump --format=text"
							       : "dump --format=markdown", err);
	if (strcmp(format, "text") == 0) {
		dump_text(r, cli->width, out);
	} else if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0) {
		dump_markdown(r, out);
	} else if (strcmp(format, "json") == 0) {
		if (dump_json(r, out) != 0) {
			fputs("temm: out of memory\n", err);
			return EXIT_FAIL;
		}
	} else if (strcmp(format, "jsonl") == 0) {
		struct link_index *x = link_index_new(r);
		for (size_t i = 0; i < r->sections_count; i++)
			json_print_line(out, json_full(r, (struct entity_ref){ KIND_SECTION, (int)i }, NULL, x));
		link_index_free(x);
	} else {
		sanitize_error(err, "unknown format '%s' (text, markdown or json)", format);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int cmd_outline(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)err;
	if (!cli->json) {
		print_wrapped(out, r->title, cli->width, "");
		fputc('\n', out);
	}
	for (size_t i = 0; i < r->sections_count; i++) {
		const struct section *s = report_section(r, i);
		if (cli->json) {
			json_print_line(out, json_entity(r, (struct entity_ref){ KIND_SECTION, (int)i }));
			continue;
		}
		char indent[2 * 8 + 1]; /* depth is 0-3 (model.h): 8 is room to spare */
		snprintf(indent, sizeof(indent), "%*s", 2 * (s->depth < 8 ? s->depth : 8), "");
		print_wrapped(out, s->title, cli->width, indent);
	}
	return EXIT_OK;
}
