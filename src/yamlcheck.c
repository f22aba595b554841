/* yamlcheck.c - walks libyaml's events alongside the libcyaml schema
 * tables, so that every schema error is reported where it is in the file. */
#include "yamlcheck.h"
#include "model.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A hostile file could yield a problem per line; stop early. */
#define MAX_PROBLEMS_PER_FILE 20

struct walker {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	bool fatal;
	int depth;
	const char *file;
	struct diag *d;
	int problems;
	const char *key; /* the mapping key whose value is being checked */
	const char *key_word; /* what a mapping's keys are called in messages */
	const unsigned char *buf; /* the bytes, when checked from memory */
	size_t len;
	FILE *fp;                 /* else the stream they are read from */
	size_t max, read;         /* its cap, and how much was read */
	bool too_big;
};

/* libyaml gives reader errors (bad UTF-8, control bytes) as a byte offset
 * only; turn it into a line and a column (in characters) like its marks. */
static void mark_advance(yaml_mark_t *m, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n') {
			m->line++;
			m->column = 0;
		} else if ((p[i] & 0xc0) != 0x80) {
			m->column++;
		}
	}
}

static yaml_mark_t mark_at_offset(const struct walker *w, size_t offset)
{
	yaml_mark_t m = { 0 };
	if (w->buf) {
		mark_advance(&m, w->buf, offset < w->len ? offset : w->len);
	} else if (fseek(w->fp, 0, SEEK_SET) == 0) { /* an error path: read it again */
		unsigned char piece[4096];
		for (size_t at = 0, n; at < offset; at += n) {
			size_t want = offset - at < sizeof(piece) ? offset - at : sizeof(piece);
			n = fread(piece, 1, want, w->fp);
			if (n == 0)
				break;
			mark_advance(&m, piece, n);
		}
	}
	m.index = offset;
	return m;
}

static void problem(struct walker *w, yaml_mark_t mark, const char *fmt, ...) DIAG_PRINTF(3, 4);

static void problem(struct walker *w, yaml_mark_t mark, const char *fmt, ...)
{
	w->problems++;
	if (w->problems > MAX_PROBLEMS_PER_FILE) {
		w->fatal = true;
		return;
	}
	if (!w->d)
		return;
	char msg[640];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(w->d, w->file, (unsigned)mark.line + 1, (unsigned)mark.column + 1, "%s", msg);
}

/* A short quotation of user data for a message, cut on a character boundary. */
static const char *quote(const char *s, char out[48])
{
	size_t n = strlen(s);
	if (n < 40) {
		memcpy(out, s, n + 1);
		return out;
	}
	n = 36;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(out, s, n);
	memcpy(out + n, "...", 4);
	return out;
}

static const char *node_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT: return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT: return (const char *)ev->data.mapping_start.anchor;
	default: return NULL;
	}
}

static bool advance(struct walker *w)
{
	if (w->have_ev)
		yaml_event_delete(&w->ev);
	w->have_ev = false;
	if (w->fatal)
		return false;
	if (!yaml_parser_parse(&w->parser, &w->ev)) {
		yaml_mark_t m = w->parser.problem_mark;
		const char *what = w->parser.problem ? w->parser.problem : "unreadable input";
		yaml_mark_t c = w->parser.context_mark;
		if (w->parser.error == YAML_READER_ERROR && !w->too_big)
			m = mark_at_offset(w, w->parser.problem_offset);
		if (w->too_big) {
			if (w->d)
				diag_add(w->d, w->file, 0, 0, "file is larger than the %zu MiB limit",
					 w->max >> 20);
		} else if (w->parser.context)
			problem(w, m, "YAML syntax error: %s (%s that starts at %zu:%zu)", what,
				w->parser.context, c.line + 1, c.column + 1);
		else
			problem(w, m, "YAML syntax error: %s", what);
		w->fatal = true;
		return false;
	}
	w->have_ev = true;
	char q[48];
	const char *anchor = node_anchor(&w->ev);
	if (anchor)
		problem(w, w->ev.start_mark, "anchors are not allowed (&%s)", quote(anchor, q));
	if (w->ev.type == YAML_ALIAS_EVENT)
		problem(w, w->ev.start_mark, "aliases are not allowed (*%s)",
			quote((const char *)w->ev.data.alias.anchor, q));
	if (w->ev.type == YAML_SEQUENCE_START_EVENT || w->ev.type == YAML_MAPPING_START_EVENT) {
		if (++w->depth > YAMLCHECK_MAX_DEPTH) {
			problem(w, w->ev.start_mark, "nesting deeper than %d levels", YAMLCHECK_MAX_DEPTH);
			w->fatal = true;
			return false;
		}
	} else if (w->ev.type == YAML_SEQUENCE_END_EVENT || w->ev.type == YAML_MAPPING_END_EVENT) {
		w->depth--;
	}
	return !w->fatal;
}

/* Skip the node whose first event is current, leaving its last event current. */
static void skip_node(struct walker *w)
{
	if (w->ev.type != YAML_SEQUENCE_START_EVENT && w->ev.type != YAML_MAPPING_START_EVENT)
		return;
	int level = w->depth;
	while (w->depth >= level && advance(w))
		;
}

static const char *event_noun(yaml_event_type_t t)
{
	switch (t) {
	case YAML_MAPPING_START_EVENT: return "a mapping";
	case YAML_SEQUENCE_START_EVENT: return "a list";
	case YAML_ALIAS_EVENT: return "an alias";
	default: return "text";
	}
}

static const char *schema_noun(enum cyaml_type t)
{
	switch (t) {
	case CYAML_MAPPING: return "a mapping";
	case CYAML_SEQUENCE: return "a list";
	case CYAML_INT: case CYAML_UINT: return "a whole number";
	default: return "text";
	}
}

static void check_value(struct walker *w, const cyaml_schema_value_t *schema);

static void check_string(struct walker *w, const cyaml_schema_value_t *schema)
{
	const char *v = (const char *)w->ev.data.scalar.value;
	size_t len = w->ev.data.scalar.length;
	if (strlen(v) != len)
		problem(w, w->ev.start_mark, "text contains a NUL character (\\0)");
	else if (len < schema->string.min)
		problem(w, w->ev.start_mark, "text must not be empty");
	else if (len > schema->string.max) {
		problem(w, w->ev.start_mark, "text longer than %u bytes", (unsigned)schema->string.max);
	}
}

static void check_number(struct walker *w)
{
	const char *v = (const char *)w->ev.data.scalar.value;
	size_t n = strspn(v, "0123456789");
	char q[48];
	/* libcyaml would take "2015abc" as 2015 and "0x10" as 16. */
	if (n == 0 || v[n] != '\0' || n > 9) {
		problem(w, w->ev.start_mark, "expected a whole number, found '%s'", quote(v, q));
		return;
	}
	/* Ranges of the date fields, checked here where the position is known. */
	unsigned long value = strtoul(v, NULL, 10);
	const char *key = w->key ? w->key : "";
	if (strcmp(key, "month") == 0 && (value < 1 || value > 12))
		problem(w, w->ev.start_mark, "month %s is not 1-12", quote(v, q));
	else if ((strcmp(key, "year") == 0 || strcmp(key, "from") == 0 || strcmp(key, "to") == 0) &&
		 (value < YEAR_MIN || value > YEAR_MAX))
		problem(w, w->ev.start_mark, "year %s is not plausible (%u-%u)", quote(v, q), YEAR_MIN,
			YEAR_MAX);
}

static void check_enum(struct walker *w, const cyaml_schema_value_t *schema)
{
	const char *v = (const char *)w->ev.data.scalar.value;
	char allowed[512] = "";
	char q[48];
	for (uint32_t i = 0; i < schema->enumeration.count; i++) {
		if (strcmp(v, schema->enumeration.strings[i].str) == 0)
			return;
		if (i)
			strncat(allowed, ", ", sizeof(allowed) - strlen(allowed) - 1);
		strncat(allowed, schema->enumeration.strings[i].str,
			sizeof(allowed) - strlen(allowed) - 1);
	}
	problem(w, w->ev.start_mark, "unknown value '%s' (expected one of: %s)", quote(v, q), allowed);
}

static const cyaml_schema_field_t *find_field(const cyaml_schema_field_t *f, const char *key)
{
	for (; f->key; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

static void list_keys(const cyaml_schema_field_t *f, char *out, size_t size)
{
	out[0] = '\0';
	for (bool first = true; f->key; f++, first = false) {
		if (!first)
			strncat(out, ", ", size - strlen(out) - 1);
		strncat(out, f->key, size - strlen(out) - 1);
	}
}

static void check_mapping(struct walker *w, const cyaml_schema_value_t *schema)
{
	const cyaml_schema_field_t *fields = schema->mapping.fields;
	bool seen[64] = { false };
	yaml_mark_t start = w->ev.start_mark;
	char q[48], keys[512];
	while (advance(w) && w->ev.type != YAML_MAPPING_END_EVENT) {
		if (w->ev.type != YAML_SCALAR_EVENT) {
			problem(w, w->ev.start_mark, "a key must be plain text");
			skip_node(w);
			if (advance(w))
				skip_node(w);
			continue;
		}
		yaml_mark_t key_mark = w->ev.start_mark;
		const cyaml_schema_field_t *f = find_field(fields, (const char *)w->ev.data.scalar.value);
		if (!f) {
			list_keys(fields, keys, sizeof(keys));
			problem(w, key_mark, "unknown %s '%s' (expected one of: %s)", w->key_word,
				quote((const char *)w->ev.data.scalar.value, q), keys);
		} else if (seen[f - fields]) {
			problem(w, key_mark, "duplicate %s '%s'", w->key_word, f->key);
		}
		if (!advance(w))
			return;
		if (f && !seen[f - fields]) {
			seen[f - fields] = true;
			w->key = f->key;
			check_value(w, &f->value);
		} else {
			skip_node(w);
		}
	}
	if (w->fatal)
		return;
	for (const cyaml_schema_field_t *f = fields; f->key; f++)
		if (!(f->value.flags & CYAML_FLAG_OPTIONAL) && !seen[f - fields])
			problem(w, start, "missing required key '%s'", f->key);
}

static void check_sequence(struct walker *w, const cyaml_schema_value_t *schema)
{
	yaml_mark_t start = w->ev.start_mark;
	uint32_t count = 0;
	while (advance(w) && w->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (++count > schema->sequence.max) {
			if (count == schema->sequence.max + 1) {
				problem(w, w->ev.start_mark, "more than %u entries in one list",
					(unsigned)schema->sequence.max);
			}
			skip_node(w);
			continue;
		}
		check_value(w, schema->sequence.entry);
	}
	if (!w->fatal && count < schema->sequence.min)
		problem(w, start, "the list must not be empty");
}

static void check_value(struct walker *w, const cyaml_schema_value_t *schema)
{
	if (w->ev.type == YAML_ALIAS_EVENT)
		return; /* already reported */
	if (schema->type == CYAML_IGNORE) {
		skip_node(w);
		return;
	}
	bool scalar_wanted = schema->type != CYAML_MAPPING && schema->type != CYAML_SEQUENCE;
	bool ok = (schema->type == CYAML_MAPPING && w->ev.type == YAML_MAPPING_START_EVENT) ||
		  (schema->type == CYAML_SEQUENCE && w->ev.type == YAML_SEQUENCE_START_EVENT) ||
		  (scalar_wanted && w->ev.type == YAML_SCALAR_EVENT);
	if (!ok) {
		problem(w, w->ev.start_mark, "expected %s, found %s", schema_noun(schema->type),
			event_noun(w->ev.type));
		skip_node(w);
		return;
	}
	switch (schema->type) {
	case CYAML_MAPPING: check_mapping(w, schema); break;
	case CYAML_SEQUENCE: check_sequence(w, schema); break;
	case CYAML_STRING: check_string(w, schema); break;
	case CYAML_INT: case CYAML_UINT: check_number(w); break;
	case CYAML_ENUM: check_enum(w, schema); break;
	default: break;
	}
}

/* libyaml asks for the stream in pieces; past the cap it gets an error
 * (its own buffers would grow without bound). */
static int read_capped(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct walker *w = data;
	*size_read = fread(buffer, 1, size, w->fp);
	w->read += *size_read;
	if (w->read > w->max) {
		w->too_big = true;
		return 0;
	}
	return !ferror(w->fp);
}

/* Walk `len` bytes at buf, or (buf NULL) read fp in pieces, at most
 * `len` bytes of it. */
static bool walker_init(struct walker *w, const char *file, const unsigned char *buf,
			FILE *fp, size_t len, struct diag *d)
{
	memset(w, 0, sizeof(*w));
	w->key_word = "key";
	w->file = file;
	w->d = d;
	w->buf = buf;
	w->fp = fp;
	if (buf)
		w->len = len;
	else
		w->max = len;
	if (!yaml_parser_initialize(&w->parser))
		return false;
	if (buf)
		yaml_parser_set_input_string(&w->parser, buf, len);
	else
		yaml_parser_set_input(&w->parser, read_capped, w);
	return true;
}

static void walker_done(struct walker *w)
{
	if (w->have_ev)
		yaml_event_delete(&w->ev);
	yaml_parser_delete(&w->parser);
}

/* Moves to the root node of the single document; false if there is none. */
static bool enter_document(struct walker *w)
{
	if (!advance(w) || w->ev.type != YAML_STREAM_START_EVENT)
		return false;
	if (!advance(w))
		return false;
	if (w->ev.type == YAML_STREAM_END_EVENT) {
		problem(w, w->ev.start_mark, "the file holds no YAML document");
		return false;
	}
	return advance(w); /* past DOCUMENT_START to the root node */
}

/* The single document, checked against the schema, then drained to the
 * end so that a syntax error after it is seen. */
static int check_walk(struct walker *w, const cyaml_schema_value_t *schema)
{
	if (enter_document(w)) {
		check_value(w, schema);
		if (!w->fatal && advance(w) && advance(w) &&
		    w->ev.type == YAML_DOCUMENT_START_EVENT)
			problem(w, w->ev.start_mark, "only one YAML document per file");
	}
	while (!w->fatal && w->have_ev && w->ev.type != YAML_STREAM_END_EVENT && advance(w))
		;
	int problems = w->problems + w->too_big;
	walker_done(w);
	return problems;
}

int yamlcheck_document(const char *file, const unsigned char *buf, size_t len,
		       const cyaml_schema_value_t *schema, struct diag *d)
{
	return yamlcheck_document_as(file, buf, len, schema, "key", d);
}

int yamlcheck_document_as(const char *file, const unsigned char *buf, size_t len,
			  const cyaml_schema_value_t *schema, const char *key_word, struct diag *d)
{
	struct walker w;
	if (!walker_init(&w, file, buf, NULL, len, d)) {
		diag_add(d, file, 0, 0, "out of memory");
		return 1;
	}
	w.key_word = key_word;
	return check_walk(&w, schema);
}

int yamlcheck_stream(const char *file, FILE *fp, size_t max_bytes,
		     const cyaml_schema_value_t *schema, struct diag *d)
{
	struct walker w;
	if (!walker_init(&w, file, NULL, fp, max_bytes, d)) {
		diag_add(d, file, 0, 0, "out of memory");
		return 1;
	}
	return check_walk(&w, schema);
}

static bool locate_in(struct walker *w, const struct yaml_step *path, size_t steps,
		      yaml_mark_t *mark)
{
	if (steps == 0) {
		*mark = w->ev.start_mark;
		return true;
	}
	if (path->key) {
		if (w->ev.type != YAML_MAPPING_START_EVENT)
			return false;
		while (advance(w) && w->ev.type == YAML_SCALAR_EVENT) {
			bool match = strcmp((const char *)w->ev.data.scalar.value, path->key) == 0;
			if (!advance(w))
				return false;
			if (match)
				return locate_in(w, path + 1, steps - 1, mark);
			skip_node(w);
		}
		return false;
	}
	if (w->ev.type != YAML_SEQUENCE_START_EVENT)
		return false;
	for (unsigned i = 0; advance(w) && w->ev.type != YAML_SEQUENCE_END_EVENT; i++) {
		if (i == path->index)
			return locate_in(w, path + 1, steps - 1, mark);
		skip_node(w);
	}
	return false;
}

int yamlcheck_locate(const unsigned char *buf, size_t len, const struct yaml_step *path,
		     size_t steps, unsigned *line, unsigned *column)
{
	struct walker w;
	yaml_mark_t mark;
	if (!walker_init(&w, "", buf, NULL, len, NULL))
		return -1;
	bool found = enter_document(&w) && locate_in(&w, path, steps, &mark);
	walker_done(&w);
	if (!found)
		return -1;
	*line = (unsigned)mark.line + 1;
	*column = (unsigned)mark.column + 1;
	return 0;
}
