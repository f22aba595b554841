/* test_mentions.c - finding entity names in prose: longest match, word
 * boundaries (none inside unspaced scripts), overlapping aliases, and the
 * names of the bundled and the second report; the trie's numbering, which
 * changes no answer, and what a first page's lookups read of it. */
#include "testutil.h"
#include "mentions.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct entity_ref ref(enum entity_kind k, int i)
{
	return (struct entity_ref){ k, i };
}

static const struct entity_ref none = { KIND_COUNT, NO_INDEX };

/* The names found, as "text=kind:index" joined by spaces. */
static char *found(const struct mentions *m, const char *text, struct entity_ref self)
{
	static char buf[1024];
	struct mention *v;
	long n = mentions_find(m, text, self, &v);
	assert_true(n >= 0);
	buf[0] = '\0';
	for (long i = 0; i < n; i++) {
		char one[128];
		snprintf(one, sizeof(one), "%s%.*s=%d:%d", i ? " " : "", (int)v[i].len,
			 text + v[i].start, v[i].ref.kind, v[i].ref.index);
		strncat(buf, one, sizeof(buf) - strlen(buf) - 1);
	}
	free(v);
	return buf;
}

static struct mentions *small(void)
{
	struct mentions *m = mentions_new();
	assert_int_equal(mentions_add(m, "TEMM1", ref(KIND_MEETING, 1)), 0);
	assert_int_equal(mentions_add(m, "TEMM11", ref(KIND_MEETING, 11)), 0);
	assert_int_equal(mentions_add(m, "TEMM", ref(KIND_TERM, 0)), 0);
	assert_int_equal(mentions_add(m, "WG I", ref(KIND_ACTIVITY, 1)), 0);
	assert_int_equal(mentions_add(m, "WG II", ref(KIND_ACTIVITY, 2)), 0);
	assert_int_equal(mentions_add(m, "WG", ref(KIND_TERM, 1)), 0);
	assert_int_equal(mentions_add(m, "Joint Action Plan (2010-2014)", ref(KIND_PROGRAMME, 3)), 0);
	assert_int_equal(mentions_add(m, "DSS", ref(KIND_TERM, 2)), 0);
	assert_int_equal(mentions_add(m, "DSS", ref(KIND_AREA, 9)), 0); /* first wins */
	assert_int_equal(mentions_add(m, "x", ref(KIND_AREA, 8)), 0);   /* too short: ignored */
	mentions_seal(m);
	return m;
}

static void test_longest_and_boundaries(void **state)
{
	(void)state;
	struct mentions *m = small();
	assert_int_equal(mentions_count(m), 8);
	assert_string_equal(found(m, "TEMM11 met after TEMM1 and TEMM.", none),
			    "TEMM11=5:11 TEMM1=5:1 TEMM=7:0");
	assert_string_equal(found(m, "10th WG II meetings, 10th WG I meetings, WG", none),
			    "WG II=3:2 WG I=3:1 WG=7:1");
	/* not inside words: TEMMS, XTEMM, TEMM1a; "WG IV" is WG, not WG I */
	assert_string_equal(found(m, "TEMMS XTEMM TEMM1a WG IV", none), "WG=7:1");
	/* a name ending in ')' needs no boundary after it */
	assert_string_equal(found(m, "the Joint Action Plan (2010-2014)'s aims", none),
			    "Joint Action Plan (2010-2014)=6:3");
	/* duplicates keep the first entity */
	assert_string_equal(found(m, "(DSS)", none), "DSS=7:2");
	/* non-ASCII neighbours: a letter blocks, a dash does not */
	assert_string_equal(found(m, "éTEMM —TEMM—", none), "TEMM=7:0");
	/* self is left out */
	assert_string_equal(found(m, "TEMM1 and TEMM11", ref(KIND_MEETING, 1)), "TEMM11=5:11");
	assert_string_equal(found(m, "", none), "");
	mentions_free(m);
}

static void test_unsealed(void **state)
{
	(void)state;
	struct mentions *m = mentions_new();
	mentions_add(m, "TEMM", ref(KIND_TERM, 0));
	struct mention *v;
	assert_int_equal(mentions_find(m, "TEMM", none, &v), -1);
	mentions_free(m);
	mentions_free(NULL);
}

/* Names inside text of a script written without spaces are found there;
 * in spaced text a name still needs its word boundaries. */
static void test_unspaced_scripts(void **state)
{
	(void)state;
	struct mentions *m = mentions_new();
	assert_int_equal(mentions_add(m, "蒙特利尔议定书", ref(KIND_PROGRAMME, 0)), 0);
	assert_int_equal(mentions_add(m, "オゾン層", ref(KIND_TERM, 1)), 0);
	assert_int_equal(mentions_add(m, "몬트리올", ref(KIND_MEETING, 2)), 0);
	assert_int_equal(mentions_add(m, "MOP", ref(KIND_TERM, 3)), 0);
	mentions_seal(m);
	assert_string_equal(found(m, "各国依照蒙特利尔议定书逐步淘汰。", none), "蒙特利尔议定书=6:0");
	assert_string_equal(found(m, "オゾン層の保護", none), "オゾン層=7:1");
	assert_string_equal(found(m, "몬트리올에서", none), "몬트리올=5:2"); /* a particle follows */
	assert_string_equal(found(m, "MOPs MOP4 MOP", none), "MOP=7:3");
	assert_string_equal(found(m, "在MOP会议", none), "MOP=7:3"); /* Latin beside Han */
	mentions_free(m);
}

static int find_id(const struct report *r, const char *id)
{
	struct entity_ref x;
	assert_int_equal(report_find(r, id, &x), 0);
	return x.index;
}

/* The names of the report's own text: each link of the facts is found
 * where they say, naming the entity they say; mentions never overlap. */
static void test_report_names(void **state)
{
	(void)state;
	const struct report *r = tu_report();
	const struct tu_facts *f = tu_facts();
	struct mentions *m = mentions_from_report(r);
	assert_non_null(m);
	for (size_t k = 0; k < sizeof(f->links) / sizeof(f->links[0]) && f->links[k].name; k++) {
		const struct tu_link *l = &f->links[k];
		const struct section *sec = report_section(r, find_id(r, l->section));
		struct entity_ref want;
		assert_int_equal(report_find(r, l->id, &want), 0);
		size_t len = strlen(l->name);
		unsigned seen = 0, linked = 0;
		for (unsigned p = 0; p < sec->paragraphs_count; p++) {
			const char *t = sec->paragraphs[p];
			struct mention *v;
			long n = mentions_find(m, t, none, &v);
			assert_true(n >= 0);
			/* occurrences that end a word: "WG I" is not in "WG II" */
			for (const char *at = strstr(t, l->name); at; at = strstr(at + len, l->name))
				seen += !isalnum((unsigned char)at[len]);
			for (long i = 0; i < n; i++) {
				if (v[i].len == len && memcmp(t + v[i].start, l->name, len) == 0) {
					assert_int_equal(v[i].ref.kind, want.kind);
					assert_int_equal(v[i].ref.index, want.index);
					linked++;
				}
				/* matches never overlap and go left to right */
				if (i)
					assert_true(v[i].start >= v[i - 1].start + v[i - 1].len);
			}
			free(v);
		}
		if (!seen || linked != seen)
			fail_msg("%s: '%s' occurs %u times in %s, linked %u", f->name, l->name, seen,
				 l->section, linked);
	}
	mentions_free(m);
}

/* ---- the trie's numbering, and a dictionary over one (a snapshot's) ---- */

static void node_at(const struct mentions *m, int32_t i, int32_t *child, int32_t *sibling)
{
	int32_t name;
	unsigned char byte;
	mentions_node_at(m, (size_t)i, child, sibling, &name, &byte);
}

/* The trie as mentions.h says it is numbered: from the root, each node's
 * children side by side after it, the list's head the highest and each
 * sibling one lower, the last -1; every node named once; the root's
 * children first. */
static void test_numbering(void **state)
{
	(void)state;
	struct mentions *m = mentions_from_model(tu_report());
	assert_non_null(m);
	size_t n = mentions_nodes_count(m);
	unsigned char *named = calloc(n, 1);
	assert_non_null(named);
	int32_t child, sibling;
	node_at(m, 0, &child, &sibling);
	assert_int_equal(sibling, -1);
	assert_true(child >= 1);
	for (int32_t c = child, grandchild; c >= 0; c = sibling) /* the root's: 1 to child */
		node_at(m, c, &grandchild, &sibling);
	assert_int_equal(sibling, -1);
	for (size_t q = 0; q < n; q++) {
		node_at(m, (int32_t)q, &child, &sibling);
		if (child < 0)
			continue;
		assert_true(child > (int32_t)q && (size_t)child < n);
		for (int32_t c = child, grandchild; c >= 0; c = sibling) {
			assert_int_equal(named[c], 0);
			named[c] = 1;
			node_at(m, c, &grandchild, &sibling);
			if (sibling != -1)
				assert_int_equal(sibling, c - 1);
		}
	}
	for (size_t q = 1; q < n; q++)
		assert_int_equal(named[q], 1);
	free(named);
	mentions_free(m);
}

/* A node as a snapshot holds it (mentions.h). */
struct raw_node {
	int32_t child, sibling, name;
	unsigned char byte, zero[3];
};

/* Node `old` of m and the nodes under it, numbered from *next depth first,
 * each list's last subtree first so that its head is still the highest:
 * another numbering that keeps mentions.h's rules. Its new number. */
static int32_t depth_first(const struct mentions *m, int32_t old, struct raw_node *out, int32_t *next)
{
	int32_t at = (*next)++, kids[256], k = 0, child, sibling, name;
	unsigned char byte;
	mentions_node_at(m, (size_t)old, &child, &sibling, &name, &byte);
	out[at] = (struct raw_node){ -1, -1, name, byte, { 0 } };
	for (int32_t c = child; c >= 0; c = sibling) {
		assert_true(k < 256);
		kids[k++] = c;
		node_at(m, c, &child, &sibling);
	}
	int32_t below = -1;
	while (k-- > 0) {
		int32_t placed = depth_first(m, kids[k], out, next);
		out[placed].sibling = below;
		below = placed;
	}
	out[at].child = below;
	return at;
}

/* A dictionary over nodes held elsewhere, its names m's, and what it
 * asked for. */
struct over {
	const struct mentions *m;
	size_t blocks_asked;
};

static bool over_name(void *ctx, size_t i, const char **text, struct entity_ref *r)
{
	const struct over *o = ctx;
	*text = mentions_name_at(o->m, i, r);
	return true;
}

static bool over_block(void *ctx, size_t block)
{
	(void)block;
	((struct over *)ctx)->blocks_asked++;
	return true;
}

static struct mentions *over_fallback(void *ctx)
{
	(void)ctx;
	fail_msg("nothing was damaged");
	return NULL;
}

static struct mentions *over(struct over *o, const void *nodes, unsigned block_shift)
{
	struct mentions_source src = { o, over_name, over_block, over_fallback, block_shift };
	struct mentions *m = mentions_over(mentions_count(o->m), nodes, mentions_nodes_count(o->m), &src);
	assert_non_null(m);
	return m;
}

static struct raw_node *nodes_of(const struct mentions *m)
{
	size_t n = mentions_nodes_count(m);
	struct raw_node *v = calloc(n, sizeof(*v));
	assert_non_null(v);
	for (size_t i = 0; i < n; i++)
		mentions_node_at(m, i, &v[i].child, &v[i].sibling, &v[i].name, &v[i].byte);
	return v;
}

/* Lookups do not depend on the numbering: the trie numbered depth first
 * and read as a snapshot's finds what the breadth-first one in memory
 * does, in every paragraph; each block it reads is asked for once. */
static void test_any_numbering(void **state)
{
	(void)state;
	const struct report *r = tu_report();
	struct mentions *m = mentions_from_model(r);
	assert_non_null(m);
	size_t n = mentions_nodes_count(m);
	struct raw_node *dfs = calloc(n, sizeof(*dfs));
	assert_non_null(dfs);
	int32_t next = 0;
	assert_int_equal(depth_first(m, 0, dfs, &next), 0);
	assert_int_equal(next, (int32_t)n);
	struct over o = { m, 0 };
	struct mentions *d = over(&o, dfs, 4);
	tu_same_mentions(r, m, d);
	size_t of, checked = mentions_blocks_checked(d, &of);
	assert_int_equal(of, (n + 15) / 16);
	assert_int_equal(o.blocks_asked, checked);
	assert_true(checked > 0);
	mentions_free(d);
	free(dfs);
	mentions_free(m);
}

/* The report's names and `copies` copies of them, each copy's lowercase
 * words (one in six) replaced by the first word of another name: names
 * as many and as alike as bench/gen_content's copies of the report make. */
static struct mentions *grown(const struct report *r, unsigned copies)
{
	struct mentions *base = mentions_from_model(r), *m = mentions_new();
	assert_non_null(base);
	assert_non_null(m);
	size_t n = mentions_count(base);
	unsigned seed = 1;
	for (unsigned k = 0; k <= copies; k++)
		for (size_t i = 0; i < n; i++) {
			struct entity_ref to, other_ref;
			const char *name = mentions_name_at(base, i, &to), *word = name;
			char buf[1024];
			size_t w = 0;
			for (const char *p = name; *p;) {
				size_t len = strcspn(p, " ") + (p[strcspn(p, " ")] == ' ');
				seed = seed * 1103515245u + 12345u;
				word = p;
				if (k && islower((unsigned char)*p) && len > 3 && (seed >> 16) % 6 == 0) {
					word = mentions_name_at(base, (seed >> 4) % n, &other_ref);
					len = strcspn(word, " ") + (word[strcspn(word, " ")] == ' ');
				}
				if (w + len >= sizeof(buf))
					break;
				memcpy(buf + w, word, len);
				w += len;
				p += strcspn(p, " ") + (p[strcspn(p, " ")] == ' ');
			}
			buf[w] = '\0';
			assert_int_equal(mentions_add(m, buf, to), 0);
		}
	mentions_seal(m);
	mentions_free(base);
	return m;
}

/* How many blocks of a snapshot's size (16 KiB: 1024 nodes) the lookups
 * of a first page read in nodes numbered `nodes`, of how many (*of). */
static size_t first_page_blocks(const struct report *r, const struct mentions *m, const void *nodes,
				size_t *of)
{
	struct over o = { m, 0 };
	struct mentions *b = over(&o, nodes, 10);
	size_t found = 0;
	assert_int_equal(mentions_blocks_checked(b, of), 0); /* nothing read when made */
	for (size_t s = 0; s < r->sections_count && !found; s++) /* the first page with prose */
		for (unsigned p = 0; p < report_section(r, s)->paragraphs_count; p++) {
			struct mention *v;
			long k = mentions_find(b, report_section(r, s)->paragraphs[p], none, &v);
			assert_true(k >= 0);
			found += (size_t)k;
			free(v);
		}
	assert_true(found > 0);
	size_t checked = mentions_blocks_checked(b, of);
	mentions_free(b);
	return checked;
}

/* What a first page costs over a snapshot of a large report: its lookups
 * read a few blocks of the trie, not the whole of it, and fewer than
 * with the nodes numbered depth first. */
static void test_first_page_few_blocks(void **state)
{
	(void)state;
	const struct report *r = tu_bundled();
	struct mentions *m = grown(r, 200);
	size_t n = mentions_nodes_count(m), of, dfs_of;
	struct raw_node *ours = nodes_of(m), *dfs = calloc(n, sizeof(*dfs));
	assert_non_null(dfs);
	int32_t next = 0;
	depth_first(m, 0, dfs, &next);
	size_t checked = first_page_blocks(r, m, ours, &of);
	size_t dfs_checked = first_page_blocks(r, m, dfs, &dfs_of);
	print_message("%zu nodes: a first page read %zu of %zu blocks (%zu numbered depth first)\n", n,
		      checked, of, dfs_checked);
	assert_true(of >= 20); /* large enough to tell */
	assert_true(checked > 0);
	assert_true(checked * 4 < of);
	assert_true(checked < dfs_checked);
	free(dfs);
	free(ours);
	mentions_free(m);
	tu_bundled_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_and_boundaries),
		cmocka_unit_test(test_unsealed),
		cmocka_unit_test(test_unspaced_scripts),
		cmocka_unit_test(test_first_page_few_blocks),
	};
	const struct CMUnitTest on_reports[] = {
		cmocka_unit_test(test_report_names),
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_any_numbering),
	};
	return cmocka_run_group_tests(tests, NULL, NULL) | TU_RUN_EACH(on_reports, NULL, NULL);
}
