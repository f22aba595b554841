/* test_ui_state.c - what temm keeps between runs: the state file's text
 * (the last position and the marks) read back as written, a damaged or
 * foreign file ignored with a reason, and the atomic writer every state
 * file goes through. */
#include "testutil.h"
#include "history.h"
#include "state.h"
#include "statefile.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>



static struct snap place(enum ui_view view, struct entity_ref reader, int seed)
{
	struct snap s;
	memset(&s, 0, sizeof(s));
	s.view = view;
	s.focus[VIEW_HOME] = PANE_AREAS;
	s.focus[VIEW_REPORT] = PANE_BOOK;
	s.reader = reader;
	for (int i = 0; i < PANE_COUNT; i++)
		s.anchors[i] = (struct pane_anchor){ -1, 0, -1, -1, -1 };
	s.anchors[PANE_AREAS] = (struct pane_anchor){ 0, 0, -1, seed, seed };
	s.anchors[PANE_READER] = (struct pane_anchor){ 11, (size_t)(300 + seed), 2, -1, -1 };
	s.anchors[PANE_BOOK] = (struct pane_anchor){ 40 + seed, 17, -1, -1, -1 };
	return s;
}

static void same_place(const struct snap *a, const struct snap *b)
{
	assert_int_equal(a->view, b->view);
	assert_int_equal(a->focus[VIEW_HOME], b->focus[VIEW_HOME]);
	assert_int_equal(a->focus[VIEW_REPORT], b->focus[VIEW_REPORT]);
	assert_int_equal(a->reader.kind, b->reader.kind);
	assert_int_equal(a->reader.index, b->reader.index);
	static const enum ui_pane_id kept[] = { PANE_STAGES, PANE_AREAS, PANE_TIMELINE, PANE_READER,
						PANE_OUTLINE, PANE_BOOK };
	for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		const struct pane_anchor *x = &a->anchors[kept[i]], *y = &b->anchors[kept[i]];
		assert_int_equal(x->block, y->block);
		assert_int_equal(x->off, y->off);
		assert_int_equal(x->link, y->link);
		assert_int_equal(x->cur_item, y->cur_item);
		assert_int_equal(x->cur_line, y->cur_line);
	}
}

static void test_roundtrip(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct entity_ref dss, sec;
	assert_int_equal(report_find(r, "dss", &dss), 0);
	assert_int_equal(report_find(r, "sec-2-1-9", &sec), 0);
	struct ui_state s;
	memset(&s, 0, sizeof(s));
	s.have_position = true;
	s.position = place(VIEW_HOME, dss, 1);
	s.have_mark[state_mark_slot('a')] = true;
	s.marks[state_mark_slot('a')] = place(VIEW_REPORT, sec, 4);
	s.have_mark[state_mark_slot('Z')] = true;
	s.marks[state_mark_slot('Z')] = place(VIEW_HOME, dss, 9);
	char *text = state_format(&s, r);
	assert_non_null(text);
	assert_non_null(strstr(text, "entity=dss"));
	assert_non_null(strstr(text, "\nmark a view=report"));
	struct ui_state back;
	char warn[256];
	assert_int_equal(state_parse(&back, text, r, warn, sizeof(warn)), 0);
	assert_true(back.have_position);
	same_place(&back.position, &s.position);
	for (int i = 0; i < STATE_MARKS; i++) {
		assert_int_equal(back.have_mark[i], s.have_mark[i]);
		if (s.have_mark[i])
			same_place(&back.marks[i], &s.marks[i]);
	}
	free(text);
	/* a file from before the overview and timeline views: read, each of
	 * them on its first pane */
	char *old, *now = state_format(&s, r);
	assert_true(asprintf(&old, "%.*sposition view=home focus=areas,book entity=dss\n",
			     (int)(strstr(now, "position") - now), now) > 0);
	free(now);
	if (state_parse(&back, old, r, warn, sizeof(warn)) != 0)
		fail_msg("%s:\n%s", warn, old);
	assert_int_equal(back.position.focus[VIEW_HOME], PANE_AREAS);
	assert_int_equal(back.position.focus[VIEW_TIMELINE], layout_view(VIEW_TIMELINE)->panes[0]);
	free(old);
	/* a place in the search view is kept as home: results are not kept */
	s.position.view = VIEW_SEARCH;
	text = state_format(&s, r);
	assert_int_equal(state_parse(&back, text, r, warn, sizeof(warn)), 0);
	assert_int_equal(back.position.view, VIEW_HOME);
	free(text);
}

static void test_mark_slots(void **state)
{
	(void)state;
	assert_int_equal(state_mark_slot('a'), 0);
	assert_int_equal(state_mark_slot('z'), 25);
	assert_int_equal(state_mark_slot('A'), 26);
	assert_int_equal(state_mark_slot('Z'), STATE_MARKS - 1);
	assert_int_equal(state_mark_slot('1'), -1);
	assert_int_equal(state_mark_slot('\''), -1);
	assert_int_equal(state_mark_slot(0xe9), -1);
}

static void expect_ignored(const char *text, const char *why)
{
	struct ui_state s;
	char warn[256];
	assert_int_equal(state_parse(&s, text, tu_bundled(), warn, sizeof(warn)), 1);
	if (!strstr(warn, why))
		fail_msg("wanted '%s', got '%s' for:\n%s", why, warn, text);
	assert_false(s.have_position);
	for (int i = 0; i < STATE_MARKS; i++)
		assert_false(s.have_mark[i]);
}

static void test_damaged(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct ui_state s;
	memset(&s, 0, sizeof(s));
	s.have_position = true;
	s.position = place(VIEW_HOME, (struct entity_ref){ KIND_AREA, 0 }, 0);
	char *good = state_format(&s, r);
	char *content = strstr(good, "content ");
	assert_non_null(content);
	expect_ignored("", "not a temm state file");
	expect_ignored("# temm search history 1\nfine\n", "not a temm state file");
	expect_ignored("# temm state 1\n", "cut short");
	expect_ignored("# temm state 1\ncontent 00000000\n", "other content");
	char buf[2048];
	size_t head = (size_t)(strchr(content, '\n') - good) + 1;
	static const char *const tails[] = {
		"position view=search focus=areas,book entity=dss\n",
		"position view=home focus=areas,book entity=no-such-id\n",
		"position view=home focus=areas,stages entity=dss\n",
		"position view=home focus=areas,book entity=dss areas=1,2,3\n",
		"position view=home focus=areas,book entity=dss areas=1,-2,3,4,5\n",
		"position view=home focus=areas,book entity=dss areas=99999999999,0,0,0,0\n",
		"position view=home colour=red\n",
		"mark 1 view=home focus=areas,book entity=dss\n",
		"mark ab view=home focus=areas,book entity=dss\n",
		"whatever\n",
	};
	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		snprintf(buf, sizeof(buf), "%.*s%s", (int)head, good, tails[i]);
		expect_ignored(buf, "cannot be read");
	}
	free(good);
}

static size_t entries(const char *path)
{
	DIR *d = opendir(path);
	size_t n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void test_statefile(void **state)
{
	(void)state;
	char *path, *sub;
	assert_true(asprintf(&sub, "%s/deep/temm", tu_dir) > 0);
	assert_true(asprintf(&path, "%s/state", sub) > 0);
	/* the directories are made, private */
	assert_int_equal(statefile_write(path, "one\n", 4), 0);
	struct stat st;
	assert_int_equal(stat(sub, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(statefile_write(path, "two\n", 4), 0);
	FILE *f = fopen(path, "r");
	char line[16] = "";
	assert_non_null(fgets(line, sizeof(line), f));
	fclose(f);
	assert_string_equal(line, "two\n");
	assert_int_equal(entries(sub), 1); /* no temporary file left beside it */
	/* a failure says why and leaves the old file as it was */
	chmod(sub, 0500);
	if (access(sub, W_OK) != 0) { /* root writes anywhere: nothing to test then */
		assert_int_equal(statefile_write(path, "three\n", 6), -1);
		assert_int_equal(errno, EACCES);
	}
	chmod(sub, 0700);
	char *blocked;
	assert_true(asprintf(&blocked, "%s/x", path) > 0); /* under a file */
	assert_int_equal(statefile_write(blocked, "x", 1), -1);
	assert_int_equal(errno, ENOTDIR);
	assert_int_equal(entries(sub), 1);
	/* the search history goes through it too */
	struct history h = { 0 };
	char err[512];
	assert_int_equal(history_add(&h, "microplastics"), 0);
	assert_int_equal(history_save(&h, blocked, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot save search history"));
	char *hp;
	assert_true(asprintf(&hp, "%s/history", sub) > 0);
	assert_int_equal(history_save(&h, hp, err, sizeof(err)), 0);
	history_free(&h);
	assert_int_equal(history_load(&h, hp, err, sizeof(err)), 0);
	assert_int_equal(h.count, 1);
	assert_string_equal(h.items[0], "microplastics");
	history_free(&h);
	assert_int_equal(entries(sub), 2);
	free(hp);
	free(blocked);
	free(path);
	free(sub);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_mark_slots),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_statefile),
	};
	int rc = cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
	tu_bundled_free();
	return rc;
}
