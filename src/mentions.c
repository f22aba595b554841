/* mentions.c - a dictionary of entity names, and a longest-match scan of
 * prose for them on word boundaries. */
#include "mentions.h"
#include "grow.h"
#include "snapshot.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

struct name {
	char *text;
	size_t len;
	struct entity_ref ref;
	ucs4_t first, last; /* its first and last characters: what a boundary is checked on */
};

/* A byte trie of the names: a scan walks it along the text, so finding
 * the longest name at a position costs the length of the match, not the
 * number of names (which grows with the content). */
struct trie_node {
	int child, sibling; /* first child; next sibling (-1: none) */
	int name;           /* index into names of the name ending here, or -1 */
	unsigned char byte;
};

_Static_assert(sizeof(struct trie_node) == MENTIONS_NODE_BYTES && sizeof(int) == 4,
	       "a snapshot's trie nodes are read as they are");

/* What a dictionary over a snapshot has read of it so far. */
enum { BLOCK_UNCHECKED, BLOCK_GOOD, BLOCK_BAD };
struct lazy {
	struct mentions_source src;
	unsigned char *blocks;     /* per block of nodes: BLOCK_* */
	struct mentions *fallback; /* the model's, once damage was found */
};

struct mentions {
	struct name *names; /* over a snapshot: a name's text is NULL until read */
	size_t count, cap;
	bool sealed;
	/* names' texts and the nodes are a snapshot's (mentions_over): read
	 * only, neither changed nor freed */
	bool borrowed;
	struct trie_node *nodes;
	size_t nodes_count, nodes_cap;
	struct lazy *lazy; /* over a snapshot only */
};

struct mentions *mentions_new(void)
{
	return calloc(1, sizeof(struct mentions));
}

void mentions_free(struct mentions *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->count && !m->borrowed; i++)
		free(m->names[i].text);
	free(m->names);
	if (!m->borrowed)
		free(m->nodes);
	if (m->lazy) {
		mentions_free(m->lazy->fallback);
		free(m->lazy->blocks);
		free(m->lazy);
	}
	free(m);
}

int mentions_add(struct mentions *m, const char *name, struct entity_ref ref)
{
	if (m->borrowed)
		return -1;
	if (!name)
		return 0;
	size_t len = strlen(name);
	if (len < 2)
		return 0;
	if (grow(&m->names, &m->cap, m->count, sizeof(*m->names), 64) != 0)
		return -1;
	char *copy = strdup(name);
	if (!copy)
		return -1;
	m->names[m->count] = (struct name){ copy, len, ref, 0, 0 };
	m->count++;
	m->sealed = false;
	return 0;
}

size_t mentions_count(const struct mentions *m)
{
	return m->count;
}

/* Block b of a snapshot's nodes, checked once. */
static bool block_check(struct lazy *z, size_t b)
{
	if (z->blocks[b] == BLOCK_UNCHECKED)
		z->blocks[b] = z->src.nodes_block(z->src.ctx, b) ? BLOCK_GOOD : BLOCK_BAD;
	return z->blocks[b] == BLOCK_GOOD;
}

/* Whether node n of a dictionary over a snapshot may be read; *lo is
 * raised to the first node of its block, down to which no node needs
 * another check. */
static bool node_good(const struct mentions *m, int n, int *lo)
{
	const struct lazy *z = m->lazy;
	size_t b = (size_t)n >> z->src.block_shift;
	int first = (int)(b << z->src.block_shift);
	*lo = first > *lo ? first : *lo;
	return z->blocks[b] == BLOCK_GOOD || block_check(m->lazy, b);
}

/* trie_child's answer when the node it would read is damaged. */
#define TRIE_DAMAGED (-2)

/* A node's children come after it, each sibling before the one that names
 * it: a walk that keeps to that stays in the trie and ends, whatever a
 * snapshot's nodes say. The parent has been read already. Siblings only
 * go down, so a block is looked up only when the walk goes below the one
 * checked last: the inner loop is no longer than with nothing to check (a
 * call a node doubled the walk). */
static inline int trie_child(const struct mentions *m, int node, unsigned char byte)
{
	int c = m->nodes[node].child;
	/* siblings have bytes of their own: a list longer than there are bytes
	 * is a made-up file's, which would make every step of a scan as long
	 * as the trie */
	int siblings = 256;
	if (c <= node || (size_t)c >= m->nodes_count)
		return -1;
	for (;;) {
		int lo = node + 1; /* the nodes down to lo are good to read */
		if (m->lazy && !node_good(m, c, &lo))
			return TRIE_DAMAGED;
		do {
			if (m->nodes[c].byte == byte)
				return c;
			int next = m->nodes[c].sibling;
			if (next >= c)
				return -1;
			if (--siblings == 0)
				return m->lazy ? TRIE_DAMAGED : -1;
			c = next;
		} while (c >= lo);
		if (c <= node)
			return -1;
	}
}

static int trie_new_node(struct mentions *m, int parent, unsigned char byte)
{
	if (grow(&m->nodes, &m->nodes_cap, m->nodes_count, sizeof(*m->nodes), 256) != 0)
		return -1;
	int n = (int)m->nodes_count++;
	m->nodes[n] = (struct trie_node){ -1, -1, -1, byte };
	if (parent >= 0) {
		m->nodes[n].sibling = m->nodes[parent].child;
		m->nodes[parent].child = n;
	}
	return n;
}

/* The node where the name ends, named `name` unless an earlier name took
 * it; -1 on out of memory. */
static int trie_insert(struct mentions *m, int name)
{
	const struct name *nm = &m->names[name];
	int node = 0;
	for (size_t i = 0; i < nm->len; i++) {
		unsigned char b = (unsigned char)nm->text[i];
		int c = trie_child(m, node, b);
		node = c >= 0 ? c : trie_new_node(m, node, b);
		if (node < 0)
			return -1;
	}
	if (m->nodes[node].name < 0)
		m->nodes[node].name = name;
	return node;
}

static void name_ends(struct name *nm);

/* Node q of the new numbering (old[q] of the old) given its children: the
 * next *next numbers, side by side, the first of its list the highest. */
static void trie_place_children(const struct mentions *m, struct trie_node *to, int *old, size_t q,
				size_t *next)
{
	const struct trie_node *from = &m->nodes[old[q]];
	size_t k = 0, base = *next;
	for (int c = from->child; c >= 0; c = m->nodes[c].sibling)
		k++;
	*next += k;
	size_t j = base + k;
	for (int c = from->child; c >= 0; c = m->nodes[c].sibling) {
		old[--j] = c;
		to[j].sibling = j > base ? (int)j - 1 : -1;
	}
	to[q].child = k ? (int)(base + k - 1) : -1;
	to[q].name = from->name;
	to[q].byte = from->byte;
}

/* How many nodes a region of the trie holds (below). */
#define TRIE_REGION_NODES 128

/* The trie numbered again for lookups that read a few blocks of a
 * snapshot (mentions.h): in regions, each the top of a subtree numbered
 * breadth first until it holds TRIE_REGION_NODES nodes, the nodes left
 * at its edge the roots of later regions, taken first come first. So the
 * levels every position of a text starts its walk in come first, and a
 * walk down a name crosses a region every few levels rather than a block
 * a level: on bench/gen_content's 1000x content a first page's lookups
 * read 59 blocks of 850 this way, 126 breadth first throughout, 145
 * depth first, and 58-62 for regions of 64 to 256 nodes. A node's children
 * are side by side, the first of its list the highest, so they still
 * come after it and each sibling before the one naming it. Out of
 * memory, the trie stays as made: as right, if slower. */
static void trie_renumber(struct mentions *m)
{
	size_t n = m->nodes_count, next = 1, head = 0, tail = 0;
	struct trie_node *to = malloc(n * sizeof(*to));
	int *old = malloc(n * sizeof(*old));         /* the node each new one was */
	size_t *roots = malloc(n * sizeof(*roots)); /* of the regions to come */
	if (!to || !old || !roots) {
		free(to);
		free(old);
		free(roots);
		return;
	}
	old[0] = 0;
	to[0].sibling = -1;
	roots[tail++] = 0;
	while (head < tail) {
		size_t start = next, q = next;
		trie_place_children(m, to, old, roots[head++], &next);
		for (; q < next && next - start < TRIE_REGION_NODES; q++)
			trie_place_children(m, to, old, q, &next);
		while (q < next)
			roots[tail++] = q++;
	}
	free(roots);
	free(old);
	free(m->nodes);
	m->nodes = to;
	m->nodes_cap = n;
}

/* Names go into the trie in the order they were added, so a name added
 * again finds its node taken and is dropped: the first entity wins with no
 * sort (the dictionary is built before the first screen, and a sort of
 * every name grew with the content). */
void mentions_seal(struct mentions *m)
{
	m->nodes_count = 0;
	if (trie_new_node(m, -1, 0) < 0)
		return; /* out of memory: stays unsealed, mentions_find says so */
	size_t w = 0;
	for (size_t i = 0; i < m->count; i++) {
		m->names[w] = m->names[i];
		int node = trie_insert(m, (int)w);
		if (node < 0) {
			m->count = w + 1 + (m->count - i - 1); /* keep every text owned */
			memmove(&m->names[w + 1], &m->names[i + 1], (m->count - w - 1) * sizeof(*m->names));
			return;
		}
		if (m->nodes[node].name != (int)w) { /* already named: a duplicate */
			free(m->names[w].text);
			continue;
		}
		name_ends(&m->names[w]);
		w++;
	}
	m->count = w;
	trie_renumber(m);
	m->sealed = true;
}

/* Scripts written without spaces between words (Chinese, Japanese, Thai...)
 * and Korean, whose particles join the word before them: a name there
 * needs no boundary ("蒙特利尔议定书" inside a sentence of Chinese). */
static bool unspaced(ucs4_t c)
{
	static const char *const scripts[] = { "Han", "Hiragana", "Katakana", "Hangul", "Thai", "Lao",
					       "Khmer", "Myanmar", "Tibetan", "Yi", NULL };
	if (c < 0x0e00)
		return false;
	const uc_script_t *script = uc_script(c);
	for (int i = 0; script && scripts[i]; i++)
		if (strcmp(script->name, scripts[i]) == 0)
			return true;
	return false;
}

/* Whether characters a and b side by side are one word, so that no name
 * may start or end between them: both letters or digits of a script that
 * spaces its words ("TEMM1" + "1"), not a letter and punctuation, nor
 * anything in unspaced text. 0 stands for the start or end of the text. */
static bool joins(ucs4_t a, ucs4_t b)
{
	return a && b && uc_is_alnum(a) && uc_is_alnum(b) && !unspaced(a) && !unspaced(b);
}

/* The character before `pos`, or 0 at the start. */
static ucs4_t char_before(const char *text, size_t pos)
{
	ucs4_t c;
	if (pos == 0 || !u8_prev(&c, (const uint8_t *)text + pos, (const uint8_t *)text))
		return 0;
	return c;
}

/* The character at `pos`, or 0 at the end. */
static ucs4_t char_at(const char *text, size_t pos, size_t len)
{
	ucs4_t c;
	if (pos >= len || u8_mbtouc(&c, (const uint8_t *)text + pos, len - pos) <= 0)
		return 0;
	return c;
}

static void name_ends(struct name *nm)
{
	nm->first = char_at(nm->text, 0, nm->len);
	nm->last = char_before(nm->text, nm->len);
}

/* Name i of a dictionary over a snapshot, read the first time a lookup
 * reaches it; false: it is damaged. */
static bool name_read(const struct mentions *m, size_t i)
{
	struct name *nm = &m->names[i];
	const char *text;
	if (!m->lazy->src.name(m->lazy->src.ctx, i, &text, &nm->ref))
		return false;
	nm->text = (char *)text; /* read only: borrowed */
	nm->len = strlen(text);
	name_ends(nm);
	return true;
}

/* The longest name at text[pos] that sits on word boundaries, or NULL. A
 * name that begins or ends with a non-word character ("(2010-2014)")
 * needs no boundary on that side. *damaged: a snapshot's node or name on
 * the way is (and the answer is NULL). */
static const struct name *longest_at(const struct mentions *m, const char *text, size_t len,
				     size_t pos, bool *damaged)
{
	const struct name *hit = NULL;
	ucs4_t before = char_before(text, pos);
	int node = 0;
	for (size_t d = 0; pos + d < len; d++) {
		node = trie_child(m, node, (unsigned char)text[pos + d]);
		if (node < 0) {
			*damaged = node == TRIE_DAMAGED;
			break;
		}
		int name = m->nodes[node].name;
		if (name < 0 || (size_t)name >= m->count)
			continue;
		if (!m->names[name].text && !name_read(m, (size_t)name)) {
			*damaged = true;
			return NULL;
		}
		/* a name ends where its path in the trie does */
		if (m->names[name].len != d + 1)
			continue;
		const struct name *nm = &m->names[name];
		if (joins(before, nm->first) || joins(nm->last, char_at(text, pos + nm->len, len)))
			continue;
		hit = nm; /* deeper is longer: keep going */
	}
	return hit;
}

/* A lookup in a dictionary over a snapshot found damaged: made again by
 * the dictionary made from the model. */
static long found_again(const struct mentions *m, const char *text, struct entity_ref self,
			struct mention **out)
{
	struct lazy *z = m->lazy;
	if (!z->fallback)
		z->fallback = z->src.fallback(z->src.ctx);
	return z->fallback ? mentions_find(z->fallback, text, self, out) : -1;
}

long mentions_find(const struct mentions *m, const char *text, struct entity_ref self,
		   struct mention **out)
{
	*out = NULL;
	int lo = 0;
	if (m->lazy && (m->lazy->fallback || !node_good(m, 0, &lo)))
		return found_again(m, text, self, out);
	if (!m->sealed)
		return -1;
	size_t len = strlen(text), n = 0, cap = 0;
	struct mention *v = NULL;
	for (size_t pos = 0; pos < len;) {
		bool damaged = false;
		const struct name *hit = longest_at(m, text, len, pos, &damaged);
		if (damaged) {
			free(v);
			return found_again(m, text, self, out);
		}
		if (!hit) {
			/* step one character, never into the middle of one */
			int k = u8_mblen((const uint8_t *)text + pos, len - pos);
			pos += k > 0 ? (size_t)k : 1;
			continue;
		}
		bool is_self = hit->ref.kind == self.kind && hit->ref.index == self.index;
		if (!is_self) {
			if (grow(&v, &cap, n, sizeof(*v), 8) != 0) {
				free(v);
				return -1;
			}
			v[n++] = (struct mention){ pos, hit->len, hit->ref };
		}
		pos += hit->len;
	}
	*out = v;
	return (long)n;
}

static int add_list(struct mentions *m, char **names, unsigned count, struct entity_ref ref)
{
	for (unsigned i = 0; i < count; i++)
		if (mentions_add(m, names[i], ref) != 0)
			return -1;
	return 0;
}

struct mentions *mentions_from_report(const struct report *r)
{
	struct mentions *m = r->snap ? snapshot_mentions(r) : NULL;
	/* no snapshot, or one whose dictionary is refused */
	return m ? m : mentions_from_model(r);
}

struct mentions *mentions_from_model(const struct report *r)
{
	struct mentions *m = mentions_new();
	if (!m)
		return NULL;
	int rc = 0;
	/* Areas and stages first: where a name is shared, the reader should
	 * land on the broadest thing it names. */
	for (size_t i = 0; i < r->areas_count; i++) {
		struct entity_ref ref = { KIND_AREA, (int)i };
		rc |= mentions_add(m, report_area(r, i)->title, ref);
		rc |= add_list(m, report_area(r, i)->aliases, report_area(r, i)->aliases_count, ref);
	}
	for (size_t i = 0; i < r->stages_count; i++)
		rc |= mentions_add(m, report_stage(r, i)->title, (struct entity_ref){ KIND_STAGE, (int)i });
	for (size_t i = 0; i < r->activities_count; i++) {
		struct entity_ref ref = { KIND_ACTIVITY, (int)i };
		const struct activity *a = report_activity(r, i);
		rc |= mentions_add(m, a->title, ref);
		rc |= mentions_add(m, a->short_name, ref);
		rc |= add_list(m, a->aliases, a->aliases_count, ref);
	}
	for (size_t i = 0; i < r->meetings_count; i++) {
		struct entity_ref ref = { KIND_MEETING, (int)i };
		rc |= mentions_add(m, report_meeting(r, i)->title, ref);
		rc |= add_list(m, report_meeting(r, i)->aliases, report_meeting(r, i)->aliases_count, ref);
	}
	for (size_t i = 0; i < r->programmes_count; i++) {
		struct entity_ref ref = { KIND_PROGRAMME, (int)i };
		const struct programme *p = report_programme(r, i);
		rc |= mentions_add(m, p->title, ref);
		rc |= mentions_add(m, p->short_name, ref);
		rc |= add_list(m, p->aliases, p->aliases_count, ref);
	}
	for (size_t i = 0; i < r->terms_count; i++)
		rc |= mentions_add(m, report_term(r, i)->title, (struct entity_ref){ KIND_TERM, (int)i });
	if (rc) {
		mentions_free(m);
		return NULL;
	}
	mentions_seal(m);
	if (!m->sealed) { /* out of memory: a trie with some names only */
		mentions_free(m);
		return NULL;
	}
	return m;
}

size_t mentions_nodes_count(const struct mentions *m)
{
	return m->nodes_count;
}

void mentions_node_at(const struct mentions *m, size_t i, int32_t *child, int32_t *sibling,
		      int32_t *name, unsigned char *byte)
{
	*child = m->nodes[i].child;
	*sibling = m->nodes[i].sibling;
	*name = m->nodes[i].name;
	*byte = m->nodes[i].byte;
}

const char *mentions_name_at(const struct mentions *m, size_t i, struct entity_ref *ref)
{
	*ref = m->names[i].ref;
	return m->names[i].text;
}

struct mentions *mentions_over(size_t count, const void *nodes, size_t nodes_count,
			       const struct mentions_source *src)
{
	struct mentions *m = mentions_new();
	size_t blocks = nodes_count ? ((nodes_count - 1) >> src->block_shift) + 1 : 1;
	if (!m || !nodes_count || nodes_count > INT32_MAX || src->block_shift >= 32 ||
	    !(m->names = calloc(count ? count : 1, sizeof(*m->names))) ||
	    !(m->lazy = calloc(1, sizeof(*m->lazy))) || !(m->lazy->blocks = calloc(blocks, 1))) {
		mentions_free(m);
		return NULL;
	}
	m->lazy->src = *src;
	m->borrowed = true;
	m->cap = m->count = count;
	/* the mapping is read only, and so is a borrowed dictionary */
	m->nodes = (struct trie_node *)nodes;
	m->nodes_count = nodes_count;
	m->sealed = true;
	return m;
}

size_t mentions_blocks_checked(const struct mentions *m, size_t *of)
{
	size_t n = 0;
	*of = 0;
	if (!m->lazy)
		return 0;
	*of = ((m->nodes_count - 1) >> m->lazy->src.block_shift) + 1;
	for (size_t b = 0; b < *of; b++)
		n += m->lazy->blocks[b] != BLOCK_UNCHECKED;
	return n;
}
