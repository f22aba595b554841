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
#include <sys/wait.h>
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
	assert_int_equal(state_parse(&s, text, tu_bundled(), warn, sizeof(warn)),
			 strstr(why, "other content") ? STATE_OTHER_CONTENT : STATE_FOREIGN);
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

/* Sessions saving at once each keep what the others saved: `n` processes
 * each search `per` queries of their own, saving after each, as the
 * browser does; then every query of every session is in the file. */
static void sessions_at_once(int n, int per)
{
	char *dir = tu_mkdtemp(), *path;
	assert_true(asprintf(&path, "%s/temm/content-x/history", dir) > 0);
	for (int k = 0; k < n; k++) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid > 0)
			continue;
		struct history h;
		char warn[512], err[512], q[32];
		int bad = history_load(&h, path, warn, sizeof(warn)) != 0;
		for (int i = 0; i < per; i++) {
			snprintf(q, sizeof(q), "session%d query%d", k, i);
			bad |= history_add(&h, q) != 0 || history_save(&h, path, err, sizeof(err)) != 0;
		}
		history_free(&h);
		_exit(bad);
	}
	for (int k = 0; k < n; k++) {
		int st;
		assert_true(wait(&st) > 0);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	struct history h;
	char warn[512];
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 0);
	assert_int_equal(h.count, (size_t)(n * per));
	for (int k = 0; k < n; k++) /* each session's own order is kept */
		for (int i = 0, last = -1; i < per; i++) {
			char q[32];
			snprintf(q, sizeof(q), "session%d query%d", k, i);
			int at = -1;
			for (size_t j = 0; j < h.count; j++)
				if (strcmp(h.items[j], q) == 0)
					at = (int)j;
			assert_true(at > last);
			last = at;
		}
	history_free(&h);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

static void test_history_two_sessions(void **state)
{
	(void)state;
	/* the A and B, by hand: A searches, B (started before A
	 * saved) searches, both save: both searches are kept */
	char *dir = tu_mkdtemp(), *path, warn[512], err[512];
	assert_true(asprintf(&path, "%s/temm/content-x/history", dir) > 0);
	struct history a, b;
	assert_int_equal(history_load(&a, path, warn, sizeof(warn)), 0);
	assert_int_equal(history_load(&b, path, warn, sizeof(warn)), 0);
	assert_int_equal(history_add(&a, "alpha"), 0);
	assert_int_equal(history_save(&a, path, err, sizeof(err)), 0);
	assert_int_equal(history_add(&b, "beta"), 0);
	assert_int_equal(history_save(&b, path, err, sizeof(err)), 0);
	assert_int_equal(b.count, 2); /* B now has A's search too */
	assert_string_equal(b.items[0], "alpha");
	assert_string_equal(b.items[1], "beta");
	history_free(&a);
	history_free(&b);
	free(path);
	tu_rmdir(dir);
	free(dir);
	sessions_at_once(2, 30);
}

static void test_history_ten_sessions(void **state)
{
	(void)state;
	sessions_at_once(10, 20);
}

/* A file that is not temm's, too big, or not a regular file is read by
 * nobody and replaced by nobody. */
static void test_history_left_alone(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp(), *path, warn[512], err[512];
	assert_true(asprintf(&path, "%s/history", dir) > 0);
	FILE *f = fopen(path, "w");
	fputs("my notes, not temm's\n", f);
	fclose(f);
	struct history h;
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	assert_non_null(strstr(warn, "left as it is"));
	assert_int_equal(history_add(&h, "alpha"), 0);
	assert_int_equal(history_save(&h, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not saved"));
	char line[64] = "";
	f = fopen(path, "r");
	assert_non_null(fgets(line, sizeof(line), f));
	fclose(f);
	assert_string_equal(line, "my notes, not temm's\n");
	history_free(&h);
	/* the file turned foreign after it was read: the save sees it */
	unlink(path);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 0);
	f = fopen(path, "w");
	fputs("my notes, not temm's\n", f);
	fclose(f);
	assert_int_equal(history_add(&h, "alpha"), 0);
	assert_int_equal(history_save(&h, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "left as it is"));
	history_free(&h);
	/* a huge file is not read (a 100 MB history delayed the first screen) */
	f = fopen(path, "w");
	fputs("# temm search history 1\n", f);
	for (int i = 0; i < 600000; i++)
		fputs("dust\n", f);
	fclose(f);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), -1);
	assert_non_null(strstr(warn, "larger than"));
	history_free(&h);
	/* nor one with more lines than temm keeps */
	f = fopen(path, "w");
	fputs("# temm search history 1\n", f);
	for (int i = 0; i < HISTORY_MAX_ENTRIES + 1; i++)
		fprintf(f, "q%d\n", i);
	fclose(f);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), 1);
	history_free(&h);
	/* a FIFO is refused at once, never waited on */
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(history_load(&h, path, warn, sizeof(warn)), -1);
	assert_non_null(strstr(warn, "a FIFO, not a regular file"));
	assert_int_equal(history_add(&h, "alpha"), 0);
	assert_int_equal(history_save(&h, path, err, sizeof(err)), -1);
	history_free(&h);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

/* Marks set in one session and marks set in another both survive. */
static void test_state_merge(void **state)
{
	(void)state;
	struct ui_state a, file;
	memset(&a, 0, sizeof(a));
	memset(&file, 0, sizeof(file));
	struct entity_ref area = { KIND_AREA, 0 };
	a.have_mark[0] = a.mark_set[0] = true; /* this session set mark a */
	a.marks[0] = place(VIEW_HOME, area, 1);
	a.have_mark[1] = true; /* b read at start, not set here */
	a.marks[1] = place(VIEW_HOME, area, 2);
	file.have_mark[0] = file.have_mark[1] = file.have_mark[2] = true;
	file.marks[0] = file.marks[1] = file.marks[2] = place(VIEW_REPORT, area, 3);
	file.have_position = true;
	file.position = place(VIEW_REPORT, area, 4);
	struct snap mine = a.marks[0];
	state_merge(&a, &file);
	same_place(&a.marks[0], &mine);          /* set here: this session's */
	same_place(&a.marks[1], &file.marks[1]); /* not set here: the file's */
	assert_true(a.have_mark[2]);             /* only in the file: kept */
	same_place(&a.marks[2], &file.marks[2]);
	assert_true(a.have_position);            /* not set here: the file's */
	same_place(&a.position, &file.position);
	a.position = place(VIEW_HOME, area, 5);
	a.position_set = true;
	mine = a.position;
	state_merge(&a, &file);
	same_place(&a.position, &mine);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_mark_slots),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_statefile),
		cmocka_unit_test(test_history_two_sessions),
		cmocka_unit_test(test_history_ten_sessions),
		cmocka_unit_test(test_history_left_alone),
		cmocka_unit_test(test_state_merge),
	};
	int rc = cmocka_run_group_tests(tests, tu_tmpdir_setup, tu_tmpdir_teardown);
	tu_bundled_free();
	return rc;
}
