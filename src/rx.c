/* rx.c - a POSIX extended regular expression parsed to a tree, written
 * out as a program of states (Thompson's construction), and run on the
 * text with every live state at once (Pike's VM): each character is looked
 * at once per state, whatever the expression, so nothing backtracks. */
#include "rx.h"
#include "grow.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

/* ---- the tree ---- */

enum node_type {
	N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_ASSERT, N_CAT, N_ALT, N_REPEAT
};

enum assertion { A_BOL, A_EOL, A_WORDB, A_NWORDB, A_WORD_START, A_WORD_END };

struct node {
	enum node_type type;
	ucs4_t c;          /* N_CHAR (folded under RX_ICASE) */
	int arg;           /* N_CLASS: its index; N_ASSERT: enum assertion */
	int min, max;      /* N_REPEAT; max -1: no bound */
	struct node *a, *b;
};

/* A bracket expression: ranges of characters and named classes. */
enum { CL_ALPHA = 1, CL_DIGIT = 2, CL_ALNUM = 4, CL_UPPER = 8, CL_LOWER = 16, CL_SPACE = 32,
       CL_BLANK = 64, CL_PUNCT = 128, CL_PRINT = 256, CL_GRAPH = 512, CL_CNTRL = 1024,
       CL_XDIGIT = 2048, CL_WORD = 4096 };

struct range {
	ucs4_t lo, hi;
};

struct cclass {
	bool negate;
	unsigned named;
	struct range *ranges;
	size_t count, cap;
};

/* ---- the program ---- */

enum op { OP_CHAR, OP_ANY, OP_CLASS, OP_SPLIT, OP_JMP, OP_ASSERT, OP_MATCH };

struct inst {
	enum op op;
	ucs4_t c;
	int x, y; /* OP_SPLIT: both; OP_JMP: x; OP_CLASS, OP_ASSERT: x */
};

struct rx {
	struct inst *prog;
	size_t count;
	struct cclass *classes;
	size_t classes_count, classes_cap;
	bool icase;
	bool first[256]; /* the bytes a match can start with, if !any_first */
	bool any_first;
};

struct parser {
	const char *p;
	struct rx *re;
	int depth;
	char *err;
	size_t errlen;
	bool failed;
};

static struct node *fail_at(struct parser *ps, const char *msg)
{
	if (!ps->failed)
		snprintf(ps->err, ps->errlen, "%s", msg);
	ps->failed = true;
	return NULL;
}

static void node_free(struct node *n)
{
	if (!n)
		return;
	node_free(n->a);
	node_free(n->b);
	free(n);
}

static struct node *node_new(struct parser *ps, enum node_type t, struct node *a, struct node *b)
{
	struct node *n = calloc(1, sizeof(*n));
	if (!n) {
		node_free(a);
		node_free(b);
		return fail_at(ps, "out of memory");
	}
	n->type = t;
	n->a = a;
	n->b = b;
	return n;
}

static ucs4_t fold(const struct rx *re, ucs4_t c)
{
	return re->icase ? uc_tolower(c) : c;
}

/* The next character of the pattern, advancing past it. */
static ucs4_t next_char(struct parser *ps)
{
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)ps->p, strlen(ps->p));
	ps->p += n > 0 ? n : 1;
	return c;
}

static const struct {
	const char *name;
	unsigned bit;
} class_names[] = {
	{ "alpha", CL_ALPHA }, { "digit", CL_DIGIT }, { "alnum", CL_ALNUM }, { "upper", CL_UPPER },
	{ "lower", CL_LOWER }, { "space", CL_SPACE }, { "blank", CL_BLANK }, { "punct", CL_PUNCT },
	{ "print", CL_PRINT }, { "graph", CL_GRAPH }, { "cntrl", CL_CNTRL }, { "xdigit", CL_XDIGIT },
};

static bool in_named(unsigned named, ucs4_t c)
{
	return ((named & CL_ALPHA) && uc_is_alpha(c)) || ((named & CL_DIGIT) && uc_is_digit(c)) ||
	       ((named & CL_ALNUM) && uc_is_alnum(c)) || ((named & CL_UPPER) && uc_is_upper(c)) ||
	       ((named & CL_LOWER) && uc_is_lower(c)) || ((named & CL_SPACE) && uc_is_space(c)) ||
	       ((named & CL_BLANK) && uc_is_blank(c)) || ((named & CL_PUNCT) && uc_is_punct(c)) ||
	       ((named & CL_PRINT) && uc_is_print(c)) || ((named & CL_GRAPH) && uc_is_graph(c)) ||
	       ((named & CL_CNTRL) && uc_is_cntrl(c)) || ((named & CL_XDIGIT) && uc_is_xdigit(c)) ||
	       ((named & CL_WORD) && (uc_is_alnum(c) || c == '_'));
}

static bool class_has(const struct rx *re, const struct cclass *cl, ucs4_t c)
{
	bool in = false;
	ucs4_t v[3] = { c, uc_tolower(c), uc_toupper(c) };
	/* case matters only to ranges and to [:upper:] and [:lower:] */
	bool cased = re->icase && (cl->count || (cl->named & (CL_UPPER | CL_LOWER)));
	for (int k = 0; k < (cased ? 3 : 1) && !in; k++) {
		in = in_named(cl->named, v[k]);
		for (size_t i = 0; i < cl->count && !in; i++)
			in = v[k] >= cl->ranges[i].lo && v[k] <= cl->ranges[i].hi;
	}
	return in != cl->negate;
}

static int add_class(struct parser *ps, struct cclass *cl)
{
	struct rx *re = ps->re;
	if (grow(&re->classes, &re->classes_cap, re->classes_count, sizeof(*re->classes), 4) != 0) {
		free(cl->ranges);
		fail_at(ps, "out of memory");
		return -1;
	}
	re->classes[re->classes_count] = *cl;
	return (int)re->classes_count++;
}

static bool add_range(struct cclass *cl, ucs4_t lo, ucs4_t hi)
{
	if (grow(&cl->ranges, &cl->cap, cl->count, sizeof(*cl->ranges), 4) != 0)
		return false;
	cl->ranges[cl->count++] = (struct range){ lo, hi };
	return true;
}

/* One element of a bracket: a character, [=c=], [.c.] or [:name:]. 0 a
 * character in *c, 1 a class added to cl, -1 an error. */
static int bracket_element(struct parser *ps, struct cclass *cl, ucs4_t *c)
{
	if (ps->p[0] == '[' && (ps->p[1] == ':' || ps->p[1] == '=' || ps->p[1] == '.')) {
		char kind = ps->p[1];
		const char *s = ps->p + 2;
		const char *e = strstr(s, kind == ':' ? ":]" : kind == '=' ? "=]" : ".]");
		if (!e)
			return fail_at(ps, "unmatched [: :], [= =] or [. .]"), -1;
		ps->p = e + 2;
		if (kind != ':') { /* one character stands for itself */
			const char *save = ps->p;
			ps->p = s;
			*c = next_char(ps);
			bool one = ps->p == e;
			ps->p = save;
			return one ? 0 : (fail_at(ps, "a collating element is one character"), -1);
		}
		for (size_t i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
			if (strlen(class_names[i].name) == (size_t)(e - s) &&
			    strncmp(class_names[i].name, s, (size_t)(e - s)) == 0) {
				cl->named |= class_names[i].bit;
				return 1;
			}
		return fail_at(ps, "unknown character class name"), -1;
	}
	*c = next_char(ps);
	return 0;
}

static struct node *parse_bracket(struct parser *ps)
{
	struct cclass cl = { false, 0, NULL, 0, 0 };
	if (*ps->p == '^') {
		cl.negate = true;
		ps->p++;
	}
	bool first = true;
	while (*ps->p && (first || *ps->p != ']')) {
		first = false;
		ucs4_t lo, hi;
		int k = bracket_element(ps, &cl, &lo);
		if (k < 0)
			break;
		if (k == 1)
			continue;
		hi = lo;
		if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
			ps->p++;
			if (bracket_element(ps, &cl, &hi) != 0) {
				fail_at(ps, "a range must end in a character");
				break;
			}
			if (hi < lo) {
				fail_at(ps, "invalid range end");
				break;
			}
		}
		if (!add_range(&cl, lo, hi)) {
			fail_at(ps, "out of memory");
			break;
		}
	}
	if (!ps->failed && *ps->p != ']')
		fail_at(ps, "unmatched [, [^, [:, [., or [=");
	if (ps->failed) {
		free(cl.ranges);
		return NULL;
	}
	ps->p++;
	int ix = add_class(ps, &cl);
	struct node *n = ix < 0 ? NULL : node_new(ps, N_CLASS, NULL, NULL);
	if (n)
		n->arg = ix;
	return n;
}

static struct node *assertion(struct parser *ps, enum assertion a)
{
	struct node *n = node_new(ps, N_ASSERT, NULL, NULL);
	if (n)
		n->arg = a;
	return n;
}

static struct node *named_class(struct parser *ps, unsigned named, bool negate)
{
	struct cclass cl = { negate, named, NULL, 0, 0 };
	int ix = add_class(ps, &cl);
	struct node *n = ix < 0 ? NULL : node_new(ps, N_CLASS, NULL, NULL);
	if (n)
		n->arg = ix;
	return n;
}

/* \x: GNU's word and space classes and word boundaries; \1-\9 refused;
 * any other escaped character stands for itself. */
static struct node *parse_escape(struct parser *ps)
{
	ps->p++;
	char e = *ps->p;
	if (!e)
		return fail_at(ps, "trailing backslash");
	if (e >= '1' && e <= '9')
		return fail_at(ps, "back-references (\\1-\\9) are not supported");
	const char *specials = "wWsSbB<>`'";
	const char *k = strchr(specials, e);
	if (k) {
		ps->p++;
		switch (e) {
		case 'w': return named_class(ps, CL_WORD, false);
		case 'W': return named_class(ps, CL_WORD, true);
		case 's': return named_class(ps, CL_SPACE, false);
		case 'S': return named_class(ps, CL_SPACE, true);
		case 'b': return assertion(ps, A_WORDB);
		case 'B': return assertion(ps, A_NWORDB);
		case '<': return assertion(ps, A_WORD_START);
		case '>': return assertion(ps, A_WORD_END);
		case '`': return assertion(ps, A_BOL);
		default: return assertion(ps, A_EOL);
		}
	}
	struct node *n = node_new(ps, N_CHAR, NULL, NULL);
	if (n)
		n->c = fold(ps->re, next_char(ps));
	return n;
}

static struct node *parse_alt(struct parser *ps);

static struct node *parse_atom(struct parser *ps)
{
	char c = *ps->p;
	if (c == '(') {
		if (++ps->depth > RX_MAX_DEPTH)
			return fail_at(ps, "groups nested too deep");
		ps->p++;
		struct node *n = parse_alt(ps);
		if (!n)
			return NULL;
		if (*ps->p != ')') {
			node_free(n);
			return fail_at(ps, "unmatched ( or \\(");
		}
		ps->p++;
		ps->depth--;
		return n;
	}
	if (c == '[') {
		ps->p++;
		return parse_bracket(ps);
	}
	if (c == '\\')
		return parse_escape(ps);
	if (c == '.') {
		ps->p++;
		return node_new(ps, N_ANY, NULL, NULL);
	}
	if (c == '^' || c == '$') {
		ps->p++;
		return assertion(ps, c == '^' ? A_BOL : A_EOL);
	}
	if (c == '*' || c == '+' || c == '?')
		return fail_at(ps, "invalid preceding regular expression");
	if (c == ')')
		return fail_at(ps, "unmatched ) or \\)");
	struct node *n = node_new(ps, N_CHAR, NULL, NULL);
	if (n)
		n->c = fold(ps->re, next_char(ps));
	return n;
}

/* A bound {m}, {m,}, {m,n} or {,n} at ps->p (past the '{'). */
static bool parse_bound(struct parser *ps, int *min, int *max)
{
	const char *s = ps->p;
	char *end;
	long m = 0, n;
	if (*s >= '0' && *s <= '9') {
		m = strtol(s, &end, 10);
		s = end;
	} else if (*s != ',') {
		return false;
	}
	n = m;
	if (*s == ',') {
		s++;
		n = -1;
		if (*s >= '0' && *s <= '9') {
			n = strtol(s, &end, 10);
			s = end;
		}
	}
	if (*s != '}')
		return false;
	if (m > RX_MAX_STATES || n > RX_MAX_STATES) {
		fail_at(ps, "a repetition count is too large");
		return false;
	}
	if (n >= 0 && n < m) {
		fail_at(ps, "invalid content of \\{\\}");
		return false;
	}
	ps->p = s + 1;
	*min = (int)m;
	*max = (int)n;
	return true;
}

static struct node *parse_repeat(struct parser *ps)
{
	struct node *n = parse_atom(ps);
	while (n) {
		int min, max;
		char c = *ps->p;
		if (c == '*' || c == '+' || c == '?') {
			ps->p++;
			min = c == '+';
			max = c == '?' ? 1 : -1;
		} else if (c == '{') {
			ps->p++;
			if (!parse_bound(ps, &min, &max)) {
				node_free(n);
				return fail_at(ps, "invalid repetition: {m}, {m,}, {m,n} or {,n}");
			}
		} else {
			break;
		}
		struct node *r = node_new(ps, N_REPEAT, n, NULL);
		if (!r)
			return NULL;
		r->min = min;
		r->max = max;
		n = r;
	}
	return n;
}

static struct node *parse_cat(struct parser *ps)
{
	struct node *n = NULL;
	while (*ps->p && *ps->p != '|' && *ps->p != ')') {
		struct node *m = parse_repeat(ps);
		if (!m) {
			node_free(n);
			return NULL;
		}
		n = n ? node_new(ps, N_CAT, n, m) : m;
		if (!n)
			return NULL;
	}
	return n ? n : node_new(ps, N_EMPTY, NULL, NULL);
}

static struct node *parse_alt(struct parser *ps)
{
	struct node *n = parse_cat(ps);
	while (n && *ps->p == '|') {
		ps->p++;
		struct node *m = parse_cat(ps);
		n = m ? node_new(ps, N_ALT, n, m) : (node_free(n), NULL);
	}
	return n;
}

/* ---- writing the program ---- */

/* The states n is written to, saturated past RX_MAX_STATES. */
static size_t size_of(const struct node *n)
{
	size_t s;
	switch (n->type) {
	case N_CAT: s = size_of(n->a) + size_of(n->b); break;
	case N_ALT: s = size_of(n->a) + size_of(n->b) + 2; break;
	case N_REPEAT: {
		size_t e = size_of(n->a);
		size_t copies = n->max < 0 ? (size_t)n->min + 1 : (size_t)n->max;
		if (copies == 0)
			return 0;
		s = e > RX_MAX_STATES || copies > RX_MAX_STATES ? RX_MAX_STATES + 1 : copies * (e + 1) + 1;
		break;
	}
	case N_EMPTY: s = 0; break;
	default: s = 1;
	}
	return s > RX_MAX_STATES ? RX_MAX_STATES + 1 : s;
}

static size_t emit(struct rx *re, const struct node *n, size_t pc);

static size_t emit_inst(struct rx *re, size_t pc, enum op op, ucs4_t c, int x, int y)
{
	re->prog[pc] = (struct inst){ op, c, x, y };
	return pc + 1;
}

static size_t emit_repeat(struct rx *re, const struct node *n, size_t pc)
{
	for (int i = 0; i < n->min; i++)
		pc = emit(re, n->a, pc);
	if (n->max < 0) { /* L: split body, out; body; jmp L */
		size_t l = pc;
		pc = emit(re, n->a, pc + 1);
		pc = emit_inst(re, pc, OP_JMP, 0, (int)l, 0);
		re->prog[l] = (struct inst){ OP_SPLIT, 0, (int)l + 1, (int)pc };
		return pc;
	}
	/* the optional copies: split body, out; body; ... each to the end */
	size_t splits[RX_MAX_STATES];
	int k = 0;
	for (int i = n->min; i < n->max; i++) {
		splits[k++] = pc;
		pc = emit(re, n->a, pc + 1);
	}
	for (int i = 0; i < k; i++)
		re->prog[splits[i]] = (struct inst){ OP_SPLIT, 0, (int)splits[i] + 1, (int)pc };
	return pc;
}

static size_t emit(struct rx *re, const struct node *n, size_t pc)
{
	switch (n->type) {
	case N_EMPTY: return pc;
	case N_CHAR: return emit_inst(re, pc, OP_CHAR, n->c, 0, 0);
	case N_ANY: return emit_inst(re, pc, OP_ANY, 0, 0, 0);
	case N_CLASS: return emit_inst(re, pc, OP_CLASS, 0, n->arg, 0);
	case N_ASSERT: return emit_inst(re, pc, OP_ASSERT, 0, n->arg, 0);
	case N_CAT: return emit(re, n->b, emit(re, n->a, pc));
	case N_ALT: { /* split a, b; a; jmp end; b */
		size_t a_end = emit(re, n->a, pc + 1);
		size_t b_end = emit(re, n->b, a_end + 1);
		re->prog[pc] = (struct inst){ OP_SPLIT, 0, (int)pc + 1, (int)a_end + 1 };
		re->prog[a_end] = (struct inst){ OP_JMP, 0, (int)b_end, 0 };
		return b_end;
	}
	case N_REPEAT: return emit_repeat(re, n, pc);
	}
	return pc;
}

/* The bytes a match can start with: the first bytes of every character
 * the start's states take (both cases under RX_ICASE); any byte if a
 * class, '.', an assertion or the end can come first. */
static void first_bytes(struct rx *re)
{
	bool *seen = calloc(re->count, 1);
	size_t *stack = malloc((re->count + 1) * sizeof(*stack));
	size_t top = 0;
	re->any_first = !seen || !stack;
	if (stack)
		stack[top++] = 0;
	while (!re->any_first && top) {
		size_t pc = stack[--top];
		if (seen[pc])
			continue;
		seen[pc] = true;
		const struct inst *in = &re->prog[pc];
		if (in->op == OP_SPLIT) {
			stack[top++] = (size_t)in->x;
			stack[top++] = (size_t)in->y;
		} else if (in->op == OP_JMP) {
			stack[top++] = (size_t)in->x;
		} else if (in->op == OP_CHAR) {
			ucs4_t v[3] = { in->c, uc_toupper(in->c), uc_totitle(in->c) };
			for (int k = 0; k < (re->icase ? 3 : 1); k++) {
				uint8_t b[6];
				if (u8_uctomb(b, v[k], sizeof(b)) > 0)
					re->first[b[0]] = true;
			}
			/* others fold to it too (the Kelvin sign to k): any
			 * character past ASCII may start a match */
			for (int b = 0xc0; re->icase && b < 0x100; b++)
				re->first[b] = true;
		} else {
			re->any_first = true;
		}
	}
	free(seen);
	free(stack);
}

int rx_compile(const char *pattern, unsigned flags, struct rx **out, char *err, size_t errlen)
{
	*out = NULL;
	if (strlen(pattern) > RX_MAX_PATTERN) {
		snprintf(err, errlen, "longer than %d bytes", RX_MAX_PATTERN);
		return -1;
	}
	struct rx *re = calloc(1, sizeof(*re));
	if (!re) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	re->icase = flags & RX_ICASE;
	struct parser ps = { pattern, re, 0, err, errlen, false };
	struct node *tree = parse_alt(&ps);
	if (tree && *ps.p == ')') {
		node_free(tree);
		tree = fail_at(&ps, "unmatched ) or \\)");
	}
	size_t size = tree ? size_of(tree) : 0;
	if (tree && size + 1 > RX_MAX_STATES) {
		node_free(tree);
		char msg[96];
		snprintf(msg, sizeof(msg), "too complex: its repetitions write out to more than %d "
					   "states", RX_MAX_STATES);
		tree = fail_at(&ps, msg);
	}
	re->prog = tree ? calloc(size + 1, sizeof(*re->prog)) : NULL;
	if (tree && !re->prog)
		fail_at(&ps, "out of memory");
	if (re->prog) {
		re->count = emit(re, tree, 0) + 1;
		re->prog[re->count - 1] = (struct inst){ OP_MATCH, 0, 0, 0 };
		first_bytes(re);
	}
	node_free(tree);
	if (!re->prog) {
		rx_free(re);
		return -1;
	}
	*out = re;
	return 0;
}

void rx_free(struct rx *re)
{
	if (!re)
		return;
	for (size_t i = 0; i < re->classes_count; i++)
		free(re->classes[i].ranges);
	free(re->classes);
	free(re->prog);
	free(re);
}

size_t rx_states(const struct rx *re)
{
	return re->count;
}

/* ---- the work meter ---- */

void rx_meter_init(struct rx_meter *m, unsigned long long steps, bool (*stop)(void *), void *arg)
{
	*m = (struct rx_meter){ steps, 0, RX_POLL_STEPS, stop, arg, RX_OK };
}

int rx_meter_charge(struct rx_meter *m, unsigned long long n)
{
	if (m->status)
		return m->status;
	m->used += n;
	if (n >= m->left) {
		m->left = 0;
		return m->status = RX_TOO_COSTLY;
	}
	m->left -= n;
	if (n >= m->poll) {
		m->poll = RX_POLL_STEPS;
		if (m->stop && m->stop(m->arg))
			return m->status = RX_STOPPED;
	} else {
		m->poll -= (unsigned)n;
	}
	return RX_OK;
}

/* ---- running it ---- */

struct thread {
	int pc;
	size_t start;
};

struct run {
	const struct rx *re;
	const char *text;
	size_t len;
	struct thread *cur, *next;
	size_t ncur, nnext;
	unsigned *mark; /* the step a state was last added in */
	unsigned step;
	int *stack;
	struct rx_meter *m;
	unsigned long long steps; /* not yet charged to the meter */
};

static bool is_word(ucs4_t c)
{
	return uc_is_alnum(c) || c == '_';
}

static ucs4_t char_at(const struct run *r, size_t at, int *n)
{
	ucs4_t c;
	*n = u8_mbtouc(&c, (const uint8_t *)r->text + at, r->len - at);
	return c;
}

static bool word_before(const struct run *r, size_t at)
{
	if (at == 0)
		return false;
	size_t i = at - 1;
	while (i > 0 && ((unsigned char)r->text[i] & 0xc0) == 0x80 && at - i < 4)
		i--;
	int n;
	return is_word(char_at(r, i, &n));
}

static bool word_after(const struct run *r, size_t at)
{
	int n;
	return at < r->len && is_word(char_at(r, at, &n));
}

static bool holds(const struct run *r, int a, size_t at)
{
	bool before, after;
	switch (a) {
	case A_BOL: return at == 0;
	case A_EOL: return at == r->len;
	default:
		before = word_before(r, at);
		after = word_after(r, at);
		switch (a) {
		case A_WORDB: return before != after;
		case A_NWORDB: return before == after;
		case A_WORD_START: return !before && after;
		default: return before && !after;
		}
	}
}

/* Add pc and what it leads to without a character to the next list. */
static void add(struct run *r, int pc, size_t start, size_t at)
{
	int top = 0;
	r->stack[top++] = pc;
	while (top) {
		pc = r->stack[--top];
		if (r->mark[pc] == r->step)
			continue;
		r->mark[pc] = r->step;
		r->steps++;
		const struct inst *in = &r->re->prog[pc];
		switch (in->op) {
		case OP_JMP: r->stack[top++] = in->x; break;
		case OP_SPLIT: /* x first: pushed last */
			r->stack[top++] = in->y;
			r->stack[top++] = in->x;
			break;
		case OP_ASSERT:
			if (holds(r, in->x, at))
				r->stack[top++] = pc + 1;
			break;
		default: r->next[r->nnext++] = (struct thread){ pc, start };
		}
	}
}

static bool takes(const struct rx *re, const struct inst *in, ucs4_t c, ucs4_t folded)
{
	switch (in->op) {
	case OP_CHAR: return in->c == folded;
	case OP_ANY: return true;
	case OP_CLASS: return class_has(re, &re->classes[in->x], c);
	default: return false;
	}
}

static int charge(struct run *r)
{
	int rc = rx_meter_charge(r->m, r->steps);
	r->steps = 0;
	return rc;
}

/* The next position at or after `at` where a match can start. */
static size_t skip_to_start(const struct run *r, size_t at)
{
	if (r->re->any_first)
		return at;
	while (at < r->len && !r->re->first[(unsigned char)r->text[at]])
		at++;
	return at;
}

static void next_step(struct run *r)
{
	if (++r->step == 0) { /* wrapped: forget every mark */
		memset(r->mark, 0, r->re->count * sizeof(*r->mark));
		r->step = 1;
	}
	r->nnext = 0;
}

static void swap_lists(struct run *r)
{
	struct thread *t = r->cur;
	r->cur = r->next;
	r->next = t;
	r->ncur = r->nnext;
}

/* Run from `from`: every live state moves on over each character at
 * once. Threads are kept in order of their start, so where two reach the
 * same state the earlier start keeps it (leftmost), and a match found
 * goes on growing while threads of its start live (longest). `any`: stop
 * at the first match (rx_test). */
static int run(struct run *r, size_t from, bool any, size_t *ms, size_t *me)
{
	const size_t none = (size_t)-1;
	size_t best_start = none, best_end = 0, at = skip_to_start(r, from);
	if (at == r->len && !r->re->any_first)
		return 0;
	next_step(r);
	add(r, 0, at, at);
	swap_lists(r);
	for (;;) {
		for (size_t i = 0; i < r->ncur; i++) {
			const struct thread *t = &r->cur[i];
			if (r->re->prog[t->pc].op != OP_MATCH)
				continue;
			if (any)
				return 1;
			if (t->start < best_start || (t->start == best_start && at > best_end)) {
				best_start = t->start;
				best_end = at;
			}
		}
		if (at >= r->len || (r->ncur == 0 && best_start != none))
			break;
		int n;
		ucs4_t c = char_at(r, at, &n), folded = r->re->icase ? uc_tolower(c) : c;
		next_step(r);
		for (size_t i = 0; i < r->ncur; i++) {
			const struct thread *t = &r->cur[i];
			if (best_start != none && t->start > best_start)
				continue;
			r->steps++;
			if (takes(r->re, &r->re->prog[t->pc], c, folded))
				add(r, t->pc + 1, t->start, at + (size_t)n);
		}
		at += (size_t)n;
		if (best_start == none) { /* a match may also start here */
			if (r->nnext == 0) {
				at = skip_to_start(r, at);
				if (at == r->len && !r->re->any_first)
					break;
				next_step(r);
			}
			add(r, 0, at, at);
		}
		swap_lists(r);
		if (r->steps >= RX_POLL_STEPS && charge(r) != RX_OK)
			return r->m->status;
	}
	if (best_start == none)
		return 0;
	*ms = best_start;
	*me = best_end;
	return 1;
}

static int run_with(const struct rx *re, const char *text, size_t len, size_t from,
		    struct rx_meter *m, bool any, size_t *ms, size_t *me)
{
	if (m->status)
		return m->status;
	if (from > len)
		return 0;
	struct run r = { re, text, len, NULL, NULL, 0, 0, NULL, 0, NULL, m, 0 };
	r.cur = malloc(re->count * sizeof(*r.cur));
	r.next = malloc(re->count * sizeof(*r.next));
	r.mark = calloc(re->count, sizeof(*r.mark));
	r.stack = malloc((2 * re->count + 2) * sizeof(*r.stack));
	int rc;
	if (!r.cur || !r.next || !r.mark || !r.stack) {
		rc = m->status = RX_TOO_COSTLY; /* out of memory: no answer */
	} else {
		rc = run(&r, from, any, ms, me);
		if (rc >= 0 && charge(&r) != RX_OK)
			rc = m->status;
	}
	free(r.cur);
	free(r.next);
	free(r.mark);
	free(r.stack);
	return rc;
}

int rx_find(const struct rx *re, const char *text, size_t len, size_t from, struct rx_meter *m,
	    size_t *start, size_t *end)
{
	return run_with(re, text, len, from, m, false, start, end);
}

int rx_test(const struct rx *re, const char *text, size_t len, struct rx_meter *m)
{
	size_t s, e;
	return run_with(re, text, len, 0, m, true, &s, &e);
}
