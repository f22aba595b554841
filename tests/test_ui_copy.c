/* test_ui_copy.c - the copy key and the mouse key on a virtual screen:
 * what is copied from each kind of pane, the OSC 52 sequence written to
 * the terminal, the notice on the status line, the config's `clipboard`
 * and `mouse`, kiosk mode, the size cap. */
#include "testutil.h"
#include "vscreen.h"
#include "app.h"
#include "copy.h"
#include "panes.h"
#include "present.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct vscreen *open_with(int cols, int rows, const char *config, const char *arg)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/temm", tu_dir);
	mkdir(path, 0700);
	tu_write(path, "config", config ? config : "");
	setenv("XDG_CONFIG_HOME", tu_dir, 1);
	struct vscreen *v = vs_open(tu_bundled(), cols, rows, "--no-state", arg, (char *)NULL);
	unsetenv("XDG_CONFIG_HOME");
	assert_non_null(v);
	return v;
}

static struct vscreen *open_at(int cols, int rows)
{
	struct vscreen *v = vs_open(tu_bundled(), cols, rows, "--no-config", "--no-state", (char *)NULL);
	assert_non_null(v);
	return v;
}

static int b64_value(char c)
{
	const char *digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *at = c ? strchr(digits, c) : NULL;
	return at ? (int)(at - digits) : -1;
}

/* Decode base64; NULL if it is not. */
static char *unbase64(const char *s, size_t n)
{
	if (n % 4)
		return NULL;
	char *out = malloc(n / 4 * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; out && i < n; i += 4) {
		int v[4];
		for (int k = 0; k < 4; k++)
			v[k] = s[i + k] == '=' && i + 4 == n && k >= 2 ? 0 : b64_value(s[i + k]);
		if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0) {
			free(out);
			return NULL;
		}
		unsigned long x = (unsigned long)v[0] << 18 | (unsigned long)v[1] << 12 |
				  (unsigned long)v[2] << 6 | (unsigned long)v[3];
		out[o++] = (char)(x >> 16);
		if (s[i + 2] != '=')
			out[o++] = (char)(x >> 8 & 0xff);
		if (s[i + 3] != '=')
			out[o++] = (char)(x & 0xff);
	}
	if (out)
		out[o] = '\0';
	return out;
}

/* Type keys with the terminal's output caught: what the terminal got, as
 * the text of the OSC 52 sequence it was sent (NULL: none); everything
 * written must be that one sequence. */
static char *copy_keys(struct vscreen *v, const char *keys)
{
	struct app *a = vs_app(v);
	FILE *saved = a->term_out, *f = tmpfile();
	assert_non_null(f);
	a->term_out = f;
	vs_keys(v, keys);
	a->term_out = saved;
	long n = ftell(f);
	char *buf = calloc(1, (size_t)n + 1);
	rewind(f);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	char *text = NULL;
	const char *head = "\033]52;c;";
	if (n > 0) {
		if (strncmp(buf, head, strlen(head)) != 0 || buf[n - 1] != '\a')
			fail_msg("the terminal got something other than one OSC 52: %s", buf);
		text = unbase64(buf + strlen(head), (size_t)n - strlen(head) - 1);
		assert_non_null(text);
	}
	free(buf);
	return text;
}

/* "— TEMM20 report, 2.1 › 9) ..." for a section, from the model. */
static char *reference(int section)
{
	const struct report *r = tu_bundled();
	char *place = present_place(r, section, PRESENT_UTF8), *s;
	assert_true(asprintf(&s, "\u2014 %s, %s", r->short_name ? r->short_name : r->title, place) > 0);
	free(place);
	return s;
}

static void expect_notice(struct vscreen *v, const char *what, int section, const char *text)
{
	char *place = present_place(tu_bundled(), section, PRESENT_UTF8), re[600];
	/* the place, as regex: its parentheses and dots taken literally */
	char lit[400];
	size_t o = 0;
	for (const char *c = place; *c && o + 3 < sizeof(lit); c++) {
		if (strchr(".()[]?*+|^$\\{}", *c))
			lit[o++] = '\\';
		lit[o++] = *c;
	}
	lit[o] = '\0';
	size_t chars = 0;
	for (const char *c = text; *c; c++)
		chars += ((unsigned char)*c & 0xc0) != 0x80;
	snprintf(re, sizeof(re), "^copied %zu characters, %s of %.40s", chars, what, lit);
	vs_expect(v, re);
	free(place);
}

static int section_of(const char *id)
{
	struct entity_ref ref;
	assert_int_equal(report_find(tu_bundled(), id, &ref), 0);
	return report_entity_section(tu_bundled(), ref);
}

/* A list: what tells of the selected entity, as `show --cite` prints it. */
static void test_copy_from_a_list(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct vscreen *v = open_at(80, 24);
	struct entity_ref ref;
	assert_int_equal(report_find(r, "sec-2-1-9", &ref), 0);
	/* the area whose section that is */
	size_t area = 0;
	while (area < r->areas_count && report_area(r, area)->section_ix != ref.index)
		area++;
	assert_true(area < r->areas_count);
	char keys[32];
	snprintf(keys, sizeof(keys), "2%zujy", area);
	char *got = copy_keys(v, area ? keys : "2y");
	assert_non_null(got);
	const struct section *s = report_section(r, ref.index);
	assert_int_equal(s->paragraphs_count, 1);
	char *ref_line = reference(ref.index), *want;
	assert_true(asprintf(&want, "%s\n%s", s->paragraphs[0], ref_line) > 0);
	assert_string_equal(got, want);
	expect_notice(v, "a paragraph", ref.index, want);
	assert_non_null(strstr(ref_line, " \u203a ")); /* 2.1 › 9) ... */
	free(want);
	free(ref_line);
	free(got);
	/* the notice goes with the next key; nothing more is sent */
	got = copy_keys(v, "j");
	assert_null(got);
	vs_expect_not(v, "^copied");
	vs_close(v);
}

/* After a search: the sentence of the match n, N or Enter went to. */
static void test_copy_the_match_sentence(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	int marine = section_of("sec-2-1-9");
	struct vscreen *v = open_at(100, 30);
	vs_keys(v, "/microplastics monitoring<Enter>");
	vs_expect(v, "hit 1 of 1, match 1 of");
	char *got = copy_keys(v, "y");
	assert_non_null(got);
	char *ref_line = reference(marine);
	const char *nl = strrchr(got, '\n');
	assert_non_null(nl);
	assert_string_equal(nl + 1, ref_line);
	/* one sentence of the paragraph, with the match in it */
	const char *para = report_section(r, marine)->paragraphs[0];
	size_t len = (size_t)(nl - got);
	assert_true(len < strlen(para));
	assert_non_null(strstr(para, "microplastics"));
	char *sentence = strndup(got, len);
	assert_non_null(strstr(para, sentence));
	assert_true(strstr(sentence, "microplastics") || strstr(sentence, "monitoring"));
	assert_int_equal(sentence[len - 1], '.');
	expect_notice(v, "a sentence", marine, got);
	/* n: the next match; its sentence */
	vs_keys(v, "n");
	vs_expect(v, "match 2 of");
	char *next = copy_keys(v, "y");
	assert_non_null(next);
	assert_non_null(strstr(next, ref_line));
	const char *cur = report_section(r, marine)->paragraphs[0] + vs_app(v)->find.cur.start;
	char word[16];
	snprintf(word, sizeof(word), "%.*s", (int)vs_app(v)->find.cur.len, cur);
	assert_non_null(strstr(next, word));
	free(next);
	free(sentence);
	free(ref_line);
	free(got);

	/* the list of hits: the selected hit's sentence */
	got = copy_keys(v, "<Esc>/microplastics monitoring<Tab>y");
	assert_non_null(got);
	assert_true(strlen(got) < strlen(para) + 100);
	vs_expect(v, "^copied [0-9]+ characters, a sentence of");
	free(got);
	vs_close(v);
}

/* Text panes: the focused link's paragraph over the one at the top; the
 * top one; where no paragraph shows, what tells of the page's entity. */
static void test_copy_in_text(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct vscreen *v = open_at(100, 60);
	/* the book: its first paragraph at the top */
	vs_keys(v, "r");
	struct app *a = vs_app(v);
	app_set_focus(a, PANE_BOOK);
	char *got = copy_keys(v, "y");
	assert_non_null(got);
	assert_true(strncmp(got, report_section(r, 0)->paragraphs[0], strlen(report_section(r, 0)->paragraphs[0])) == 0);
	expect_notice(v, "a paragraph", 0, got);
	free(got);
	/* Tab to a link of the next paragraph: that one */
	struct pane *book = app_pane(a, PANE_BOOK);
	for (int i = 0; i < 40; i++) {
		vs_keys(v, "<Tab>");
		if (book->link >= 0 && book->doc->blocks[book->doc->links[book->link].block].para == 1)
			break;
	}
	assert_int_equal(book->doc->blocks[book->doc->links[book->link].block].para, 1);
	assert_int_equal(book->top, 0);
	got = copy_keys(v, "y");
	assert_non_null(got);
	assert_true(strncmp(got, report_section(r, 0)->paragraphs[1], strlen(report_section(r, 0)->paragraphs[1])) == 0);
	free(got);
	vs_close(v);

	/* the reader of an activity: no paragraph on its page; what tells of it */
	v = open_at(80, 24);
	struct entity_ref act = { KIND_ACTIVITY, 0 };
	places_open(vs_app(v), act, true);
	app_set_focus(vs_app(v), PANE_READER);
	got = copy_keys(v, "y");
	assert_non_null(got);
	int told = report_entity_section(r, act);
	char *ref_line = reference(told);
	assert_non_null(strstr(got, ref_line));
	vs_expect(v, "^copied [0-9]+ characters, (a paragraph|[0-9]+ paragraphs) of");
	free(ref_line);
	free(got);
	/* help: nothing of the report */
	assert_null(copy_keys(v, "?y"));
	vs_expect(v, "^Nothing to copy here");
	vs_close(v);
}

/* clipboard: off - the key says so and nothing is sent; kiosk mode reads
 * no config and keeps the key (it writes only to the reader's terminal). */
static void test_clipboard_setting_and_kiosk(void **state)
{
	(void)state;
	struct vscreen *v = open_with(80, 24, "clipboard: off\n", NULL);
	assert_false(vs_app(v)->set.clipboard);
	assert_null(copy_keys(v, "2y"));
	vs_expect(v, "^Copying is off \\(clipboard: off in the config\\)");
	assert_null(vs_app(v)->copy.payload);
	vs_close(v);

	v = open_with(80, 24, "clipboard: off\n", "--kiosk");
	assert_true(vs_app(v)->set.clipboard);
	char *got = copy_keys(v, "2y");
	assert_non_null(got);
	vs_expect(v, "^copied [0-9]+ characters, a paragraph of");
	free(got);
	vs_close(v);

	/* the help lists both keys */
	v = open_at(120, 60);
	vs_keys(v, "?G");
	vs_expect(v, "^  y +Copy the paragraph");
	vs_expect(v, "^  M +Mouse on or off");
	vs_close(v);
}

/* Over the cap: nothing is cut, nothing copied, and the status line says
 * so. (A paragraph is at most 64 KiB: two make a section too long.) */
static void test_copy_cap(void **state)
{
	(void)state;
	size_t n = COPY_MAX_BYTES / 2 + 10;
	char *yaml = malloc(2 * n + 200), *p = yaml;
	p += sprintf(p, "report:\n  title: Big\nsections:\n  - title: Only\n    id: only\n    paragraphs:\n");
	for (int k = 0; k < 2; k++) {
		p += sprintf(p, "      - ");
		for (size_t i = 0; i < n / 10; i++)
			p += sprintf(p, "Words go. ");
		p += sprintf(p, "\n");
	}
	struct diag d;
	struct report *r = tu_load_one(yaml, &d);
	free(yaml);
	assert_non_null(r);
	diag_free(&d);
	struct vscreen *v = vs_open(r, 80, 24, "--no-config", "--no-state", "--goto", "only", (char *)NULL);
	assert_non_null(v);
	app_set_focus(vs_app(v), PANE_OUTLINE); /* the section, whole */
	assert_null(copy_keys(v, "y"));
	vs_expect(v, "^Too long to copy: [0-9]+ bytes, and terminals take 74994 at most; nothing copied");
	assert_null(vs_app(v)->copy.payload);
	/* a paragraph of it is short enough, and a sentence */
	app_set_focus(vs_app(v), PANE_BOOK);
	char *got = copy_keys(v, "y");
	assert_non_null(got);
	assert_int_equal(strlen(got), strlen(report_section(r, 0)->paragraphs[0]) + strlen("\n\u2014 Big, Only"));
	free(got);
	vs_keys(v, "/words<Enter>");
	got = copy_keys(v, "y");
	assert_non_null(got);
	assert_string_equal(got, "Words go.\n\u2014 Big, Only");
	free(got);
	vs_close(v);
	report_free(r);
}

/* The mouse key, and mouse: off in the config. The virtual terminal
 * (xterm-256color) reports a mouse, so a->mouse says what was asked of it. */
/* Every pane that shows a page copies what tells of it: the event under
 * the full-screen timeline too. */
static void test_copy_on_the_timeline(void **state)
{
	(void)state;
	struct vscreen *v = open_at(100, 40);
	char *got = copy_keys(v, "tjj2y");
	assert_non_null(got);
	vs_expect(v, "^copied [0-9]+ characters");
	free(got);
	vs_close(v);
}

static void test_mouse(void **state)
{
	(void)state;
	struct vscreen *v = open_at(80, 24);
	struct app *a = vs_app(v);
	assert_true(a->mouse);
	vs_keys(v, "M");
	assert_false(a->mouse);
	vs_expect(v, "^Mouse off: the terminal selects and copies text; M turns the mouse on");
	vs_keys(v, "M");
	assert_true(a->mouse);
	vs_expect(v, "^Mouse on: click and wheel; M turns it off to select text with the terminal");
	vs_close(v);

	v = open_with(80, 24, "mouse: off\nkeys:\n  mouse: [F2]\n", NULL);
	a = vs_app(v);
	assert_false(a->mouse);
	vs_keys(v, "<F2>");
	assert_true(a->mouse);
	vs_expect(v, "^Mouse on: click and wheel; F2 turns it off");
	vs_keys(v, "M");
	vs_expect(v, "^M does nothing here");
	vs_close(v);

	v = open_with(80, 24, "mouse: off\n", "--kiosk"); /* kiosk reads no config */
	assert_true(vs_app(v)->mouse);
	vs_close(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy_from_a_list),
		cmocka_unit_test(test_copy_the_match_sentence),
		cmocka_unit_test(test_copy_in_text),
		cmocka_unit_test(test_clipboard_setting_and_kiosk),
		cmocka_unit_test(test_copy_cap),
		cmocka_unit_test(test_copy_on_the_timeline),
		cmocka_unit_test(test_mouse),
	};
	int rc = cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
	tu_bundled_free();
	return rc;
}
