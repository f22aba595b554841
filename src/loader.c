/* loader.c - content directory -> files -> checked YAML -> libcyaml structs
 * -> one merged, sanitized, validated report. */
#include "loader.h"
#include "loader_internal.h"
#include "grow.h"
#include "regfile.h"
#include "parallel.h"
#include "sanitize.h"
#include "schema.h"
#include "yamlcheck.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_content_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

int content_names(const char *dir, char ***out, size_t *count)
{
	*out = NULL;
	*count = 0;
	DIR *dh = opendir(dir);
	if (!dh)
		return errno ? errno : ENOENT;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	/* one more than the limit: enough to tell that there are too many */
	while (n <= CONTENT_MAX_FILES && (e = readdir(dh)) != NULL) {
		if (!is_content_name(e->d_name))
			continue;
		char *name = strdup(e->d_name);
		if (!name || grow(&names, &cap, n, sizeof(*names), 16) != 0) {
			free(name);
			rc = ENOMEM;
			break;
		}
		names[n++] = name;
	}
	closedir(dh);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	*out = names;
	*count = n;
	return rc;
}

/* The directory's content files, or -1 with a diag. */
static int list_files(const char *dir, struct load_ctx *ctx)
{
	char **names;
	size_t n;
	int rc = content_names(dir, &names, &n);
	if (rc == ENOMEM)
		diag_add(ctx->diag, dir, 0, 0, "out of memory");
	else if (rc)
		diag_add(ctx->diag, dir, 0, 0, "cannot open content directory: %s", strerror(rc));
	else if (n > CONTENT_MAX_FILES)
		diag_add(ctx->diag, dir, 0, 0, "more than %u content files", CONTENT_MAX_FILES);
	else if (n == 0)
		diag_add(ctx->diag, dir, 0, 0, "no .yaml files in the content directory");
	ctx->files = calloc(n ? n : 1, sizeof(*ctx->files));
	for (size_t i = 0; i < n; i++) {
		if (ctx->files && i < CONTENT_MAX_FILES)
			ctx->files[ctx->files_count++].path = join_path(dir, names[i]);
		free(names[i]);
	}
	free(names);
	return ctx->files && n > 0 && ctx->diag->count == 0 ? 0 : -1;
}

/* Whether the file can be read, and its size (capped before libyaml sees
 * it). The passes read it themselves, in pieces: a copy of the whole file
 * is megabytes of fresh memory, slower to get than the parse it feeds. */
static int stat_file(struct content_file *f, struct diag *d)
{
	char why[128];
	FILE *fp = regfile_open(f->path, why, sizeof(why));
	if (!fp) {
		diag_add(d, f->path, 0, 0, "cannot read: %s", why);
		return -1;
	}
	struct stat st;
	int rc = -1;
	if (fstat(fileno(fp), &st) != 0)
		diag_add(d, f->path, 0, 0, "cannot read: %s", strerror(errno));
	else if ((unsigned long long)st.st_size > CONTENT_MAX_FILE_BYTES)
		diag_add(d, f->path, 0, 0, "file is larger than the %u MiB limit",
			 CONTENT_MAX_FILE_BYTES >> 20);
	else
		rc = 0;
	fclose(fp);
	if (rc == 0) {
		f->len = (size_t)st.st_size;
		f->readable = true;
	}
	return rc;
}

const unsigned char *load_file_bytes(struct content_file *f)
{
	if (f->bytes)
		return f->bytes;
	char why[128];
	FILE *fp = regfile_open(f->path, why, sizeof(why));
	if (!fp)
		return NULL;
	f->bytes = malloc(f->len + 1);
	size_t got = f->bytes ? fread(f->bytes, 1, f->len, fp) : 0;
	fclose(fp);
	f->len = got;
	return f->bytes;
}

struct cyaml_log {
	char first[256];
};

/* libcyaml's messages echo user data; keep the first, print it sanitized. */
static void capture_log(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
	DIAG_PRINTF(3, 0);

static void capture_log(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
{
	struct cyaml_log *log = ctx;
	if (level < CYAML_LOG_ERROR || log->first[0])
		return;
	vsnprintf(log->first, sizeof(log->first), fmt, args);
	log->first[strcspn(log->first, "\n")] = '\0';
}

/* The checking pass: every problem, placed at its line and column. */
static void check_file(struct content_file *f)
{
	if (f->bytes) {
		yamlcheck_document(f->path, f->bytes, f->len, &content_doc_schema, &f->check);
		return;
	}
	char why[128];
	FILE *fp = regfile_open(f->path, why, sizeof(why));
	if (!fp) {
		diag_add(&f->check, f->path, 0, 0, "cannot read: %s", why);
		return;
	}
	yamlcheck_stream(f->path, fp, CONTENT_MAX_FILE_BYTES, &content_doc_schema, &f->check);
	fclose(fp);
}

static void tidy_doc(struct content_doc *doc);

/* The loading pass: libcyaml's structs, tidied. Its messages have no
 * position, so they are only told when the checking pass found nothing. */
static void load_file(struct content_file *f)
{
	struct cyaml_log log = { "" };
	const cyaml_config_t config = {
		.log_fn = capture_log,
		.log_ctx = &log,
		.mem_fn = schema_mem,
		.log_level = CYAML_LOG_ERROR,
		.flags = CYAML_CFG_NO_ALIAS,
	};
	cyaml_data_t *data = NULL;
	cyaml_err_t err = f->bytes ? cyaml_load_data(f->bytes, f->len, &config, &content_doc_schema,
						      &data, NULL)
				   : cyaml_load_file(f->path, &config, &content_doc_schema, &data, NULL);
	if (err != CYAML_OK) {
		snprintf(f->load_error, sizeof(f->load_error), "cannot load: %s%s%s",
			 cyaml_strerror(err), log.first[0] ? ": " : "", log.first);
		return;
	}
	/* A document with none of the optional keys loads as NULL. */
	f->doc = data ? data : calloc(1, sizeof(struct content_doc));
	if (!f->doc)
		snprintf(f->load_error, sizeof(f->load_error), "out of memory");
	else
		tidy_doc(f->doc);
}

/* A file to parse, with its size: the largest go first. */
struct sized {
	size_t len, file;
};

static int by_size_desc(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;
	return x->len > y->len ? -1 : x->len < y->len;
}

/* Task 2k loads the k-th largest file, task 2k+1 checks it: the longest
 * work starts first, so the threads finish together. */
struct parse_tasks {
	struct content_file *files;
	const struct sized *order;
};

static void run_parse_task(size_t i, void *arg)
{
	struct parse_tasks *t = arg;
	struct content_file *f = &t->files[t->order[i / 2].file];
	if (i % 2 == 0)
		load_file(f);
	else
		check_file(f);
}

/* Both passes over every file that could be read; then, in file order,
 * the checks' problems, or libcyaml's when the checks found none. */
static void parse_files(struct load_ctx *ctx)
{
	size_t n = 0;
	struct sized *order = malloc((ctx->files_count + 1) * sizeof(*order));
	if (!order) {
		diag_add(ctx->diag, "", 0, 0, "out of memory");
		return;
	}
	for (size_t i = 0; i < ctx->files_count; i++)
		if (ctx->files[i].readable)
			order[n++] = (struct sized){ ctx->files[i].len, i };
	qsort(order, n, sizeof(*order), by_size_desc);
	struct parse_tasks tasks = { ctx->files, order };
	parallel_for(2 * n, parallel_threads(), run_parse_task, &tasks);
	free(order);
	for (size_t i = 0; i < ctx->files_count; i++) {
		struct content_file *f = &ctx->files[i];
		if (!f->readable)
			continue;
		diag_append(ctx->diag, &f->check);
		if (f->check.count && f->doc) {
			report_doc_free(f->doc);
			f->doc = NULL;
		} else if (!f->check.count && !f->doc) {
			diag_add(ctx->diag, f->path, 0, 0, "%s", f->load_error);
		}
	}
}

static unsigned doc_count(const struct content_doc *doc, enum entity_kind kind)
{
	switch (kind) {
	case KIND_SECTION: return doc->sections_count;
	case KIND_STAGE: return doc->stages_count;
	case KIND_AREA: return doc->areas_count;
	case KIND_ACTIVITY: return doc->activities_count;
	case KIND_EVENT: return doc->events_count;
	case KIND_MEETING: return doc->meetings_count;
	case KIND_PROGRAMME: return doc->programmes_count;
	case KIND_TERM: return doc->terms_count;
	case LOAD_SERIES: return doc->series_count;
	default: return 0;
	}
}

/* The top-level key of a kind's list. */
static const char *list_key(enum entity_kind kind)
{
	return kind == LOAD_SERIES ? "series" : entity_kind_plural(kind);
}

#define GATHER(kind, member) do { \
	r->member = calloc(total[kind] ? total[kind] : 1, sizeof(*r->member)); \
	if (!r->member) return -1; \
	for (size_t f = 0; f < ctx->files_count; f++) { \
		struct content_doc *doc = ctx->files[f].doc; \
		for (unsigned i = 0; i < doc->member##_count; i++) \
			r->member[r->member##_count++] = &doc->member[i]; \
	} \
} while (0)

/* Point the report's arrays at every file's entries, in file order. */
static int merge(struct load_ctx *ctx)
{
	struct report *r = ctx->report;
	size_t total[KIND_COUNT + 1] = { 0 };
	r->docs = calloc(ctx->files_count, sizeof(*r->docs));
	if (!r->docs)
		return -1;
	for (size_t f = 0; f < ctx->files_count; f++) {
		r->docs[r->docs_count++] = ctx->files[f].doc;
		ctx->files[f].doc = NULL; /* the report owns it now */
		for (int k = 0; k <= LOAD_SERIES; k++)
			total[k] += doc_count(r->docs[f], (enum entity_kind)k);
	}
	/* keep a path back to each file for load_problem */
	for (size_t f = 0; f < ctx->files_count; f++)
		ctx->files[f].doc = r->docs[f];
	GATHER(KIND_SECTION, sections);
	GATHER(KIND_STAGE, stages);
	GATHER(KIND_AREA, areas);
	GATHER(KIND_ACTIVITY, activities);
	GATHER(KIND_EVENT, events);
	GATHER(KIND_MEETING, meetings);
	GATHER(KIND_PROGRAMME, programmes);
	GATHER(KIND_TERM, terms);
	GATHER(LOAD_SERIES, series);
	return 0;
}

static void sanitize_string(char **s, void *ctx)
{
	(void)ctx;
	if (!sanitize_needed(*s))
		return;
	char *clean = sanitize_text(*s);
	if (clean) {
		free(*s);
		*s = clean;
	}
}

/* Remove the *markup* asterisks in place; record the runs they enclosed
 * in sec (NULL: only remove them). */
static void strip_emphasis(char *s, unsigned paragraph, struct section *sec)
{
	char *open = NULL;
	char *w = s;
	for (char *p = s; *p; p++) {
		if (*p != '*') {
			*w++ = *p;
			continue;
		}
		if (!open) {
			/* only an asterisk with a partner later on is markup */
			if (!strchr(p + 1, '*')) {
				*w++ = *p;
				continue;
			}
			open = w;
			continue;
		}
		if (sec && grow(&sec->emphasis, &sec->emphasis_cap, sec->emphasis_count,
				sizeof(*sec->emphasis), 4) == 0)
			sec->emphasis[sec->emphasis_count++] = (struct emphasis){
				paragraph, (unsigned)(open - s), (unsigned)(w - s) };
		open = NULL;
	}
	*w = '\0';
}

static void strip_markup(char **s, void *ctx)
{
	(void)ctx;
	if (strchr(*s, '*'))
		strip_emphasis(*s, 0, NULL);
}

/* "1.1 Start of Cooperation" -> number "1.1", name "Start of Cooperation";
 * also "1. A Historical ..." and "6) Circulative ...". */
static void split_heading(struct section *s)
{
	const char *t = s->title;
	s->name = t; /* sanitizing may have replaced the title */
	size_t n = heading_number_len(t);
	if (n == 0)
		return;
	s->number = strndup(t, n);
	s->name = t + n + 1;
}

/* Sanitize every string, take the emphasis out of the prose and the
 * markup out of everything else, split the headings: one file at a time,
 * on the thread that loaded it. */
static void tidy_doc(struct content_doc *doc)
{
	for (unsigned i = 0; i < doc->sections_count; i++) {
		struct section *s = &doc->sections[i];
		s->emphasis = NULL; /* not in the schema: ours to set */
		s->emphasis_count = 0;
		s->emphasis_cap = 0;
		s->number = NULL;
	}
	schema_visit_strings(&content_doc_schema, doc, sanitize_string, NULL);
	for (unsigned i = 0; i < doc->sections_count; i++) {
		struct section *s = &doc->sections[i];
		for (unsigned p = 0; p < s->paragraphs_count; p++)
			strip_emphasis(s->paragraphs[p], p, s);
	}
	/* any other field: drop the markup, emphasis only shows in prose */
	schema_visit_strings(&content_doc_schema, doc, strip_markup, NULL);
	for (unsigned i = 0; i < doc->sections_count; i++)
		split_heading(&doc->sections[i]);
}

/* How many problems of one load are given a line and column. */
#define LOAD_PLACE_MAX 20

void load_problem(struct load_ctx *ctx, enum entity_kind kind, size_t index, const char *key,
		  int item, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	size_t f = 0;
	while (f < ctx->files_count && index >= doc_count(ctx->files[f].doc, kind))
		index -= doc_count(ctx->files[f++].doc, kind);
	if (f == ctx->files_count) {
		diag_add(ctx->diag, "", 0, 0, "%s", msg);
		return;
	}
	/* "priorities.area" with item j is stages[i].priorities[j].area */
	char head[32] = "";
	const char *tail = NULL;
	if (key) {
		const char *dot = strchr(key, '.');
		size_t n = dot ? (size_t)(dot - key) : strlen(key);
		snprintf(head, sizeof(head), "%.*s", (int)n, key);
		tail = dot ? dot + 1 : NULL;
	}
	struct yaml_step path[5] = {
		{ list_key(kind), 0 }, { NULL, (unsigned)index },
	};
	size_t steps = 2;
	if (key) {
		path[steps++] = (struct yaml_step){ head, 0 };
		if (item >= 0)
			path[steps++] = (struct yaml_step){ NULL, (unsigned)item };
		if (tail)
			path[steps++] = (struct yaml_step){ tail, 0 };
	}
	unsigned line = 0, col = 0;
	struct content_file *cf = &ctx->files[f];
	/* fall back to the entity, then the file, when the field is absent;
	 * only for the first few problems: each search parses the file again,
	 * and a hostile file with a problem per entry would take hours */
	if (ctx->placed < LOAD_PLACE_MAX) {
		ctx->placed++;
		const unsigned char *bytes = load_file_bytes(cf);
		if (bytes && yamlcheck_locate(bytes, cf->len, path, steps, &line, &col) != 0)
			yamlcheck_locate(bytes, cf->len, path, 2, &line, &col);
	}
	diag_add(ctx->diag, cf->path, line, col, "%s", msg);
}

/* Events in date order; one without a month follows the dated ones of its
 * year; otherwise the order of the files stays (a stable sort). */
struct dated {
	struct event *e;
	size_t order;
};

static int by_date(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;
	unsigned xm = x->e->month ? x->e->month : 13, ym = y->e->month ? y->e->month : 13;
	if (x->e->year != y->e->year)
		return x->e->year < y->e->year ? -1 : 1;
	if (xm != ym)
		return xm < ym ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int sort_events(struct report *r)
{
	struct dated *v = malloc((r->events_count + 1) * sizeof(*v));
	if (!v)
		return -1;
	for (size_t i = 0; i < r->events_count; i++)
		v[i] = (struct dated){ report_event(r, i), i };
	qsort(v, r->events_count, sizeof(*v), by_date);
	for (size_t i = 0; i < r->events_count; i++)
		r->events[i] = v[i].e;
	free(v);
	return 0;
}

static void ctx_free(struct load_ctx *ctx)
{
	for (size_t i = 0; i < ctx->files_count; i++) {
		free(ctx->files[i].path);
		free(ctx->files[i].bytes);
		diag_free(&ctx->files[i].check);
		if (!ctx->report || !ctx->report->docs)
			report_doc_free(ctx->files[i].doc);
	}
	free(ctx->files);
}

/* Parse, merge, tidy and validate the files in ctx (their bytes read). */
static struct report *load_files(struct load_ctx *ctx, const char *where, size_t before)
{
	struct diag *d = ctx->diag;
	char why[512];
	if (yamllib_load("reading the content's YAML", why, sizeof(why)) != 0) {
		diag_add(d, "temm", 0, 0, "%s", why);
		ctx_free(ctx);
		return NULL;
	}
	parse_files(ctx);
	if (d->count == before) {
		ctx->report = calloc(1, sizeof(*ctx->report));
		if (!ctx->report || merge(ctx) != 0)
			diag_add(d, where, 0, 0, "out of memory");
		else {
			/* validate first: its positions count entries in file order */
			if (validate_report(ctx) == 0 && sort_events(ctx->report) != 0)
				diag_add(d, where, 0, 0, "out of memory");
		}
	}
	struct report *r = ctx->report;
	bool failed = d->count != before;
	if (failed && r && !r->docs) {
		free(r);
		r = ctx->report = NULL;
	}
	ctx_free(ctx);
	if (failed) {
		report_free(r);
		return NULL;
	}
	return r;
}

struct report *content_load(const char *dir, struct diag *d)
{
	struct load_ctx ctx = { .diag = d };
	size_t before = d->count;
	unsigned long long total = 0;
	if (list_files(dir, &ctx) == 0)
		for (size_t i = 0; i < ctx.files_count; i++)
			if (stat_file(&ctx.files[i], d) == 0)
				total += ctx.files[i].len;
	if (total > CONTENT_MAX_TOTAL_BYTES) { /* none is parsed */
		diag_add(d, dir, 0, 0, "the content files hold %llu MiB together, more than the "
				       "%u MiB limit", (total + (1u << 20) - 1) >> 20,
			 CONTENT_MAX_TOTAL_BYTES >> 20);
		for (size_t i = 0; i < ctx.files_count; i++)
			ctx.files[i].readable = false;
	}
	/* parse what could be read, so that every file's problems are told */
	return load_files(&ctx, dir, before);
}

struct report *content_load_memory(const char *name, const unsigned char *bytes, size_t len,
				   struct diag *d)
{
	struct load_ctx ctx = { .diag = d };
	size_t before = d->count;
	if (len > CONTENT_MAX_FILE_BYTES) {
		diag_add(d, name, 0, 0, "file is larger than the %u MiB limit",
			 CONTENT_MAX_FILE_BYTES >> 20);
		return NULL;
	}
	ctx.files = calloc(1, sizeof(*ctx.files));
	if (!ctx.files)
		return NULL;
	ctx.files_count = 1;
	ctx.files[0].path = strdup(name);
	ctx.files[0].bytes = malloc(len + 1);
	if (!ctx.files[0].path || !ctx.files[0].bytes) {
		diag_add(d, name, 0, 0, "out of memory");
		ctx_free(&ctx);
		return NULL;
	}
	memcpy(ctx.files[0].bytes, bytes, len);
	ctx.files[0].len = len;
	ctx.files[0].readable = true;
	return load_files(&ctx, name, before);
}
