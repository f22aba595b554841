/* gen_content.c - make a content directory N times the size of the bundled
 * report, for `make bench`.
 *
 *   gen_content SRC_DIR OUT_DIR N
 *
 * Copy 0 is the bundled report unchanged (it alone keeps the `report:`
 * mapping); copies 1..N-1 are whole copies with new ids ("-xK" appended,
 * every reference rewritten to the copy's ids), areas renumbered so that
 * they run 1..10N in file order, and about one lowercase word in six of the
 * prose replaced by another word of the report (so copies differ, while the
 * words keep their frequencies). Copies are grouped into files of at most
 * ~4 MiB, named so that name order is copy order. The YAML is re-emitted
 * with libyaml (comments are dropped; anything else is kept).
 *
 * OUT_DIR gets a `.stamp` describing what made it; when it already matches,
 * nothing is written again. Exit 0 on success, 1 on any failure. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "loader.h" /* CONTENT_MAX_FILE_BYTES, CONTENT_MAX_FILES */

#define GEN_VERSION 4
#ifndef FILE_TARGET_BYTES
#define FILE_TARGET_BYTES (4u << 20)
#endif

struct source {
	char *name;
	yaml_document_t doc;
	long long size, mtime;
};

static struct source *sources;
static size_t sources_count;

/* lowercase words of the report, with repeats: the replacement pool */
static char **vocab;
static size_t vocab_count, vocab_cap;

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "gen_content: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("%s", "out of memory");
	return q;
}

static bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_word_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* ------------------------------------------------------------------ */
/* what a key's value is */

static bool is_id_key(const char *k)
{
	static const char *const keys[] = { "id", "parent", "section", "area", "meeting",
					    "action_plan", "refers", NULL };
	for (int i = 0; keys[i]; i++)
		if (strcmp(k, keys[i]) == 0)
			return true;
	return false;
}

/* values that must stay exactly as they are (numbers and enumerations) */
static bool is_fixed_key(const char *k)
{
	static const char *const keys[] = { "number", "n", "year", "month", "from", "to", "ordinal",
					    "kind", "type", "series", "short", "first", "last", NULL };
	for (int i = 0; keys[i]; i++)
		if (strcmp(k, keys[i]) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* reading the sources */

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct source *)a)->name, ((const struct source *)b)->name);
}

static void add_vocab_from(const char *s)
{
	static const char *const skip[] = { "null", "true", "false", NULL };
	const char *p = s;
	while (*p) {
		if (!is_word_byte((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *w = p;
		bool lower = true;
		while (*p && is_word_byte((unsigned char)*p))
			lower &= is_lower((unsigned char)*p++);
		size_t n = (size_t)(p - w);
		if (!lower || n < 4 || (*p & 0x80) || (w > s && (w[-1] & 0x80)))
			continue;
		char *word = strndup(w, n);
		bool bad = false;
		for (int i = 0; skip[i]; i++)
			bad |= strcmp(word, skip[i]) == 0;
		if (bad || !word) {
			free(word);
			continue;
		}
		if (vocab_count == vocab_cap) {
			vocab_cap = vocab_cap ? vocab_cap * 2 : 1024;
			vocab = xrealloc(vocab, vocab_cap * sizeof(*vocab));
		}
		vocab[vocab_count++] = word;
	}
}

static void collect_vocab(yaml_document_t *d, yaml_node_t *n, const char *key)
{
	if (!n)
		return;
	switch (n->type) {
	case YAML_SCALAR_NODE:
		if (key && !is_id_key(key) && !is_fixed_key(key) && strcmp(key, "links") != 0)
			add_vocab_from((const char *)n->data.scalar.value);
		break;
	case YAML_SEQUENCE_NODE:
		for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
			collect_vocab(d, yaml_document_get_node(d, *i), key);
		break;
	case YAML_MAPPING_NODE:
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(d, p->key);
			const char *ks = k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : NULL;
			collect_vocab(d, yaml_document_get_node(d, p->value), ks);
		}
		break;
	default:
		break;
	}
}

static void read_sources(const char *dir)
{
	DIR *dh = opendir(dir);
	if (!dh)
		die("cannot open %s", dir);
	struct dirent *e;
	while ((e = readdir(dh)) != NULL) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n <= 5 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		sources = xrealloc(sources, (sources_count + 1) * sizeof(*sources));
		memset(&sources[sources_count], 0, sizeof(*sources));
		sources[sources_count++].name = strdup(e->d_name);
	}
	closedir(dh);
	if (!sources_count)
		die("no .yaml files in %s", dir);
	qsort(sources, sources_count, sizeof(*sources), by_name);
	for (size_t i = 0; i < sources_count; i++) {
		struct source *s = &sources[i];
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, s->name);
		FILE *fp = fopen(path, "rb");
		struct stat st;
		if (!fp || fstat(fileno(fp), &st) != 0)
			die("cannot read %s", path);
		s->size = (long long)st.st_size;
		s->mtime = (long long)st.st_mtime;
		yaml_parser_t parser;
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_file(&parser, fp);
		if (!yaml_parser_load(&parser, &s->doc))
			die("cannot parse %s", path);
		yaml_parser_delete(&parser);
		fclose(fp);
		yaml_node_t *root = yaml_document_get_root_node(&s->doc);
		if (!root || root->type != YAML_MAPPING_NODE)
			die("%s: the top level is not a mapping", path);
		collect_vocab(&s->doc, root, NULL);
	}
	if (vocab_count == 0)
		die("%s", "no words to vary with");
}

/* ------------------------------------------------------------------ */
/* writing */

struct out {
	yaml_emitter_t em;
	int copy;          /* 0: the bundled report as it is */
	unsigned *area_no; /* the running area number */
};

static void emit(struct out *o, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&o->em, ev))
		die("cannot write YAML: %s", o->em.problem ? o->em.problem : "?");
}

static void emit_scalar(struct out *o, const char *text, size_t len, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, (int)len, 1, 1, style))
		die("%s", "out of memory");
	emit(o, &ev);
}

/* A text with about one lowercase word in six replaced. */
static char *vary(const char *s, size_t len, size_t *out_len)
{
	size_t cap = len * 2 + 64, n = 0;
	char *buf = xrealloc(NULL, cap);
	size_t i = 0;
	while (i < len) {
		if (!is_word_byte((unsigned char)s[i])) {
			buf[n++] = s[i++];
			if (n + 64 > cap)
				buf = xrealloc(buf, cap *= 2);
			continue;
		}
		size_t w = i;
		bool lower = true;
		while (i < len && is_word_byte((unsigned char)s[i]))
			lower &= is_lower((unsigned char)s[i++]);
		const char *word = s + w;
		size_t wl = i - w;
		if (lower && wl >= 4 && !(i < len && (s[i] & 0x80)) && !(w > 0 && (s[w - 1] & 0x80)) &&
		    rng_next() % 6 == 0) {
			word = vocab[rng_next() % vocab_count];
			wl = strlen(word);
		}
		while (n + wl + 64 > cap)
			buf = xrealloc(buf, cap *= 2);
		memcpy(buf + n, word, wl);
		n += wl;
	}
	buf[n] = '\0';
	*out_len = n;
	return buf;
}

static void emit_node(struct out *o, yaml_document_t *d, yaml_node_t *n, const char *key,
		      const char *top);

static void emit_value(struct out *o, yaml_document_t *d, yaml_node_t *n, const char *key,
		       const char *top)
{
	const char *v = (const char *)n->data.scalar.value;
	size_t len = n->data.scalar.length;
	yaml_scalar_style_t style = n->data.scalar.style;
	char buf[256];
	(void)d;
	if (key && strcmp(key, "number") == 0 && top && strcmp(top, "areas") == 0) {
		int m = snprintf(buf, sizeof(buf), "%u", ++*o->area_no);
		emit_scalar(o, buf, (size_t)m, YAML_PLAIN_SCALAR_STYLE);
		return;
	}
	if (o->copy == 0 || !key || is_fixed_key(key)) {
		emit_scalar(o, v, len, style);
		return;
	}
	if (is_id_key(key) || strcmp(key, "links") == 0) {
		int m = snprintf(buf, sizeof(buf), "%s-x%d", v, o->copy);
		if (m < 0 || (size_t)m >= sizeof(buf) || m > 64)
			die("id too long for a copy: %s", v);
		emit_scalar(o, buf, (size_t)m, YAML_PLAIN_SCALAR_STYLE);
		return;
	}
	size_t vl;
	char *t = vary(v, len, &vl);
	emit_scalar(o, t, vl, style);
	free(t);
}

static void emit_node(struct out *o, yaml_document_t *d, yaml_node_t *n, const char *key,
		      const char *top)
{
	yaml_event_t ev;
	switch (n->type) {
	case YAML_SCALAR_NODE:
		emit_value(o, d, n, key, top);
		break;
	case YAML_SEQUENCE_NODE:
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		emit(o, &ev);
		for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
			emit_node(o, d, yaml_document_get_node(d, *i), key, top);
		yaml_sequence_end_event_initialize(&ev);
		emit(o, &ev);
		break;
	case YAML_MAPPING_NODE:
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
		emit(o, &ev);
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(d, p->key);
			const char *ks = (const char *)k->data.scalar.value;
			emit_scalar(o, ks, k->data.scalar.length, YAML_PLAIN_SCALAR_STYLE);
			emit_node(o, d, yaml_document_get_node(d, p->value), ks, top);
		}
		yaml_mapping_end_event_initialize(&ev);
		emit(o, &ev);
		break;
	default:
		die("%s", "unexpected YAML node");
	}
}

/* the distinct top-level keys over all sources, in order of first use */
static const char **keys;
static size_t keys_count;

static void collect_keys(void)
{
	for (size_t s = 0; s < sources_count; s++) {
		yaml_document_t *d = &sources[s].doc;
		yaml_node_t *root = yaml_document_get_root_node(d);
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(d, p->key);
			const char *ks = (const char *)k->data.scalar.value;
			bool seen = false;
			for (size_t i = 0; i < keys_count; i++)
				seen |= strcmp(keys[i], ks) == 0;
			if (!seen) {
				keys = xrealloc(keys, (keys_count + 1) * sizeof(*keys));
				keys[keys_count++] = ks;
			}
		}
	}
}

static int write_yaml(void *data, unsigned char *buffer, size_t size)
{
	return fwrite(buffer, 1, size, data) == size;
}

/* One file holding copies [first, last): every top-level list is the
 * concatenation of that list over the copies, source file by source file. */
static void write_copies(FILE *fp, int first, int last, unsigned *area_no)
{
	struct out o = { .area_no = area_no };
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&o.em))
		die("%s", "out of memory");
	yaml_emitter_set_output(&o.em, write_yaml, fp);
	yaml_emitter_set_unicode(&o.em, 1);
	yaml_emitter_set_width(&o.em, 100);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&o, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&o, &ev);
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	emit(&o, &ev);
	for (size_t k = 0; k < keys_count; k++) {
		bool is_report = strcmp(keys[k], "report") == 0;
		if (is_report && first != 0)
			continue;
		emit_scalar(&o, keys[k], strlen(keys[k]), YAML_PLAIN_SCALAR_STYLE);
		if (!is_report) {
			yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
			emit(&o, &ev);
		}
		for (int c = first; c < last; c++) {
			o.copy = c;
			rng_state = 0x5eed0000ull + (uint64_t)c * 1000003ull + k;
			for (size_t s = 0; s < sources_count; s++) {
				yaml_document_t *d = &sources[s].doc;
				yaml_node_t *root = yaml_document_get_root_node(d);
				for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
				     p < root->data.mapping.pairs.top; p++) {
					yaml_node_t *kn = yaml_document_get_node(d, p->key);
					if (strcmp((const char *)kn->data.scalar.value, keys[k]) != 0)
						continue;
					yaml_node_t *v = yaml_document_get_node(d, p->value);
					if (is_report) {
						emit_node(&o, d, v, NULL, keys[k]);
						continue;
					}
					if (v->type != YAML_SEQUENCE_NODE)
						die("top-level '%s' is not a list", keys[k]);
					for (yaml_node_item_t *i = v->data.sequence.items.start;
					     i < v->data.sequence.items.top; i++)
						emit_node(&o, d, yaml_document_get_node(d, *i), NULL, keys[k]);
				}
			}
			if (is_report)
				break;
		}
		if (!is_report) {
			yaml_sequence_end_event_initialize(&ev);
			emit(&o, &ev);
		}
	}
	yaml_mapping_end_event_initialize(&ev);
	emit(&o, &ev);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&o, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&o, &ev);
	yaml_emitter_delete(&o.em);
}

static size_t copy_size(void)
{
	char *buf = NULL;
	size_t len = 0;
	unsigned area_no = 0;
	FILE *fp = open_memstream(&buf, &len);
	if (!fp)
		die("%s", "out of memory");
	write_copies(fp, 1, 2, &area_no);
	fclose(fp);
	free(buf);
	return len;
}

static void signature(char *buf, size_t n, int scale)
{
	size_t used = (size_t)snprintf(buf, n, "gen_content %d scale %d\n", GEN_VERSION, scale);
	for (size_t i = 0; i < sources_count && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s %lld %lld\n", sources[i].name,
					 sources[i].size, sources[i].mtime);
}

static bool stamp_matches(const char *out, const char *sig)
{
	char path[4096], have[8192];
	snprintf(path, sizeof(path), "%s/.stamp", out);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return false;
	size_t n = fread(have, 1, sizeof(have) - 1, fp);
	fclose(fp);
	have[n] = '\0';
	return strcmp(have, sig) == 0;
}

static void clear_dir(const char *out)
{
	DIR *dh = opendir(out);
	if (!dh)
		return;
	struct dirent *e;
	while ((e = readdir(dh)) != NULL) {
		size_t n = strlen(e->d_name);
		if ((n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0) || strcmp(e->d_name, ".stamp") == 0) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", out, e->d_name);
			unlink(path);
		}
	}
	closedir(dh);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: gen_content SRC_DIR OUT_DIR N\n");
		return 1;
	}
	const char *src = argv[1], *out = argv[2];
	int scale = atoi(argv[3]);
	if (scale < 1 || scale > 100000)
		die("bad scale %s", argv[3]);
	read_sources(src);
	collect_keys();

	char sig[8192];
	signature(sig, sizeof(sig), scale);
	if (stamp_matches(out, sig))
		return 0;
	if (mkdir(out, 0777) != 0 && errno != EEXIST)
		die("cannot create %s", out);
	clear_dir(out);

	size_t per_copy = copy_size();
	int per_file = (int)(FILE_TARGET_BYTES / (per_copy ? per_copy : 1));
	if (per_file < 1)
		per_file = 1;
	int files = (scale + per_file - 1) / per_file;
	if ((unsigned)files > CONTENT_MAX_FILES)
		die("%s", "too many files for the loader");
	unsigned area_no = 0;
	for (int f = 0; f < files; f++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/part-%05d.yaml", out, f);
		FILE *fp = fopen(path, "wb");
		if (!fp)
			die("cannot write %s", path);
		int first = f * per_file, last = first + per_file > scale ? scale : first + per_file;
		write_copies(fp, first, last, &area_no);
		long size = ftell(fp);
		if (fclose(fp) != 0)
			die("cannot write %s", path);
		if (size < 0 || (unsigned long)size > CONTENT_MAX_FILE_BYTES)
			die("%s is over the loader's size limit", path);
	}
	char path[4096];
	snprintf(path, sizeof(path), "%s/.stamp", out);
	FILE *fp = fopen(path, "w");
	if (!fp || fputs(sig, fp) == EOF || fclose(fp) != 0)
		die("cannot write %s", path);
	for (size_t i = 0; i < sources_count; i++) {
		yaml_document_delete(&sources[i].doc);
		free(sources[i].name);
	}
	for (size_t i = 0; i < vocab_count; i++)
		free(vocab[i]);
	free(vocab);
	free(sources);
	free(keys);
	return 0;
}
