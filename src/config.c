/* config.c - the config file. libcyaml and yamlcheck read the settings
 * that have one type (theme, pane, wrap); the key lists and colours are
 * read here from libyaml's events, because a key list may be one key
 * (`quit: q`) or a list of them, which a libcyaml schema cannot say, and
 * an unknown name there is an unknown action or element, not a YAML key.
 * Every problem is reported, each at its line and column. */
#include "config.h"
#include "regfile.h"
#include "yamlcheck.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CONFIG_MAX_BYTES (256u << 10)
/* Keys one action may have, and the longest key name. */
#define CONFIG_MAX_KEYS 16
#define CONFIG_MAX_KEY_NAME 32
#define CONFIG_MAX_WRAP 1000

/* What libcyaml fills. */
struct config_data {
	int theme;
	char *pane;
	unsigned wrap;
	int mouse, clipboard; /* SWITCH_: 0 when not given */
};

static const cyaml_strval_t theme_strings[] = { { "default", 0 }, { "none", 1 } };

/* A setting that is on or off, in the words YAML users write. */
enum { SWITCH_UNSET, SWITCH_OFF, SWITCH_ON };
static const cyaml_strval_t switch_strings[] = {
	{ "on", SWITCH_ON }, { "off", SWITCH_OFF }, { "true", SWITCH_ON }, { "false", SWITCH_OFF },
	{ "yes", SWITCH_ON }, { "no", SWITCH_OFF },
};

static const cyaml_schema_field_t top_fields[] = {
	CYAML_FIELD_ENUM("theme", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct config_data, theme,
			 theme_strings, 2),
	CYAML_FIELD_STRING_PTR("pane", CYAML_FLAG_OPTIONAL, struct config_data, pane, 1, 32),
	CYAML_FIELD_UINT("wrap", CYAML_FLAG_OPTIONAL, struct config_data, wrap),
	CYAML_FIELD_IGNORE("keys", CYAML_FLAG_OPTIONAL),
	CYAML_FIELD_IGNORE("colours", CYAML_FLAG_OPTIONAL),
	CYAML_FIELD_ENUM("mouse", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct config_data, mouse,
			 switch_strings, CYAML_ARRAY_LEN(switch_strings)),
	CYAML_FIELD_ENUM("clipboard", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct config_data, clipboard,
			 switch_strings, CYAML_ARRAY_LEN(switch_strings)),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t top_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct config_data, top_fields),
};

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* "red" -> 1, "bright-red" -> 9, "default" -> -1; -2 if unknown. */
static int colour_number(const char *s, size_t len)
{
	if (len == 7 && strncmp(s, "default", 7) == 0)
		return -1;
	int bright = 0;
	if (len > 7 && strncmp(s, "bright-", 7) == 0) {
		bright = 8;
		s += 7;
		len -= 7;
	}
	for (int i = 0; i < 8; i++)
		if (strlen(colour_names[i]) == len && strncmp(s, colour_names[i], len) == 0)
			return i + bright;
	return -2;
}

int config_parse_colours(const char *value, int *fg, int *bg)
{
	const char *on = strstr(value, " on ");
	size_t flen = on ? (size_t)(on - value) : strlen(value);
	*fg = colour_number(value, flen);
	*bg = on ? colour_number(on + 4, strlen(on + 4)) : -1;
	return *fg == -2 || *bg == -2 ? -1 : 0;
}

char *config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *p = NULL;
	int n;
	if (xdg && xdg[0] == '/')
		n = asprintf(&p, "%s/temm/config", xdg);
	else if (home && *home)
		n = asprintf(&p, "%s/.config/temm/config", home);
	else
		return NULL;
	return n < 0 ? NULL : p;
}

static int read_config_file(const char *path, struct config *c, struct diag *d)
{
	char why[128];
	FILE *f = regfile_open(path, why, sizeof(why));
	if (!f) {
		if (errno == ENOENT)
			return 1;
		diag_add(d, path, 0, 0, "cannot read: %s", why);
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || (unsigned long long)st.st_size > CONFIG_MAX_BYTES) {
		diag_add(d, path, 0, 0, "larger than %u KiB", CONFIG_MAX_BYTES >> 10);
		fclose(f);
		return -1;
	}
	c->bytes = malloc((size_t)st.st_size + 1);
	c->len = c->bytes ? fread(c->bytes, 1, (size_t)st.st_size, f) : 0;
	fclose(f);
	return c->bytes ? 0 : -1;
}

int config_position(const struct config *c, const char *section, const char *name, int item,
		    unsigned *line, unsigned *column)
{
	struct yaml_step path[3] = { { section, 0 }, { name, 0 }, { NULL, (unsigned)item } };
	size_t steps = name ? (item >= 0 ? 3 : 2) : 1;
	*line = *column = 0;
	return c->bytes ? yamlcheck_locate(c->bytes, c->len, path, steps, line, column) : -1;
}

/* Copy what libcyaml loaded into c: the values read_sections finds right. */
static void take_values(struct config *c, const struct config_data *data)
{
	const struct config_names *n = c->names;
	c->no_colour = data->theme == 1;
	c->mouse = data->mouse != SWITCH_OFF;
	c->clipboard = data->clipboard != SWITCH_OFF;
	c->wrap = data->wrap <= CONFIG_MAX_WRAP ? (int)data->wrap : 0;
	for (size_t i = 0; data->pane && i < n->panes_count; i++)
		if (strcmp(data->pane, n->panes[i]) == 0)
			c->pane = (int)i;
}

/* ---- keys and colours, from libyaml's events ---- */

struct events {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have;
	const struct config *c;
	struct diag *d;
};

static bool next_event(struct events *e)
{
	if (e->have)
		yaml_event_delete(&e->ev);
	/* a syntax error is yamlcheck's to report; here reading just stops */
	e->have = yaml_parser_parse(&e->parser, &e->ev) != 0;
	return e->have && e->ev.type != YAML_STREAM_END_EVENT;
}

/* Past the node whose first event is current. */
static void skip_node(struct events *e)
{
	int depth = 0;
	do {
		if (e->ev.type == YAML_SEQUENCE_START_EVENT || e->ev.type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (e->ev.type == YAML_SEQUENCE_END_EVENT || e->ev.type == YAML_MAPPING_END_EVENT)
			depth--;
	} while (depth > 0 && next_event(e));
}

static void problem_here(struct events *e, const char *fmt, ...) DIAG_PRINTF(2, 3);

static void problem_here(struct events *e, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(e->d, e->c->path, (unsigned)e->ev.start_mark.line + 1, (unsigned)e->ev.start_mark.column + 1,
		 "%s", msg);
}

static const char *scalar(const struct events *e)
{
	return (const char *)e->ev.data.scalar.value;
}

/* "a, b, c" */
static void names_list(const char *const *names, size_t n, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "", names[i]);
}

static int find_name(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* A key of action i at the current scalar. */
static void add_key(struct events *e, struct config_keys *b)
{
	const char *name = scalar(e);
	if (!*name) {
		problem_here(e, "a key name must not be empty");
		return;
	}
	if (strlen(name) > CONFIG_MAX_KEY_NAME) {
		problem_here(e, "a key name is at most %d characters", CONFIG_MAX_KEY_NAME);
		return;
	}
	if (b->keys_count == CONFIG_MAX_KEYS) {
		problem_here(e, "at most %d keys for one action", CONFIG_MAX_KEYS);
		return;
	}
	char *copy = strdup(name);
	if (!copy)
		return;
	b->keys[b->keys_count] = copy;
	b->lines[b->keys_count] = (unsigned)e->ev.start_mark.line + 1;
	b->columns[b->keys_count] = (unsigned)e->ev.start_mark.column + 1;
	b->keys_count++;
}

/* An action's keys: one key (`quit: q`) or a list of them (`quit: [q, Q]`). */
static void read_binding(struct events *e, struct config_keys *b)
{
	b->keys = calloc(CONFIG_MAX_KEYS, sizeof(char *));
	b->lines = calloc(CONFIG_MAX_KEYS, sizeof(unsigned));
	b->columns = calloc(CONFIG_MAX_KEYS, sizeof(unsigned));
	if (!b->keys || !b->lines || !b->columns) {
		skip_node(e);
		return;
	}
	if (e->ev.type == YAML_SCALAR_EVENT) {
		add_key(e, b);
		return;
	}
	if (e->ev.type != YAML_SEQUENCE_START_EVENT) {
		problem_here(e, "expected a key or a list of keys (quit: q, or quit: [q, Q])");
		skip_node(e);
		return;
	}
	unsigned seen = 0;
	yaml_mark_t start = e->ev.start_mark;
	while (next_event(e) && e->ev.type != YAML_SEQUENCE_END_EVENT) {
		seen++;
		if (e->ev.type == YAML_SCALAR_EVENT) {
			add_key(e, b);
		} else {
			problem_here(e, "expected a key name in the list");
			skip_node(e);
		}
	}
	if (!seen)
		diag_add(e->d, e->c->path, (unsigned)start.line + 1, (unsigned)start.column + 1,
			 "the list of keys is empty (leave the action out to keep its keys)");
}

/* A mapping of names to values (`keys:` action: keys, `colours:`
 * element: colour): each name one of `names`, given once; `value` reads
 * the value of name i, or skips it (i -1). `unknown` ends the message for
 * a name that is none of them. */
struct named {
	const char *section, *what, *example;
	const char *const *names;
	size_t count;
	const char *unknown;
	bool (*given)(const struct config *c, int i);
	void (*value)(struct events *e, int i);
};

static void read_named(struct events *e, const struct named *m)
{
	if (e->ev.type != YAML_MAPPING_START_EVENT) {
		problem_here(e, "%s: expected a mapping of %ss to %s", m->section, m->what, m->example);
		skip_node(e);
		return;
	}
	while (next_event(e) && e->ev.type != YAML_MAPPING_END_EVENT) {
		int i = e->ev.type == YAML_SCALAR_EVENT ? find_name(m->names, m->count, scalar(e)) : -1;
		if (e->ev.type != YAML_SCALAR_EVENT)
			problem_here(e, "an %s must be named by plain text", m->what);
		else if (i < 0)
			problem_here(e, "unknown %s '%.40s' (%s)", m->what, scalar(e), m->unknown);
		else if (m->given(e->c, i))
			problem_here(e, "%s '%s' is given twice", m->what, m->names[i]);
		if (i >= 0 && m->given(e->c, i))
			i = -1;
		skip_node(e); /* the name, or a node standing as one */
		if (!next_event(e))
			return;
		m->value(e, i);
	}
}

static bool keys_given(const struct config *c, int i)
{
	return c->bindings[i].keys != NULL;
}

static void keys_value(struct events *e, int i)
{
	if (i >= 0)
		read_binding(e, &e->c->bindings[i]);
	else
		skip_node(e);
}

static bool colour_given(const struct config *c, int i)
{
	return c->colours[i] != NULL;
}

static void colour_value(struct events *e, int i)
{
	int fg, bg;
	if (e->ev.type != YAML_SCALAR_EVENT) {
		problem_here(e, "expected a colour, or FG on BG");
		skip_node(e);
	} else if (config_parse_colours(scalar(e), &fg, &bg) != 0) {
		problem_here(e, "bad colour '%.40s' (a colour, or FG on BG; colours: black, red, green, "
			     "yellow, blue, magenta, cyan, white, bright-..., default)", scalar(e));
	} else if (i >= 0) {
		e->c->colours[i] = strdup(scalar(e));
	}
}

static void read_keys(struct events *e)
{
	const struct config_names *n = e->c->names;
	const struct named m = { "keys", "action", "keys (quit: [q, Q])", n->actions, n->actions_count,
				 "temm keys lists the actions", keys_given, keys_value };
	read_named(e, &m);
}

static void read_colours(struct events *e)
{
	const struct config_names *n = e->c->names;
	char all[512];
	names_list(n->elements, n->elements_count, all, sizeof(all));
	const struct named m = { "colours", "element", "colours (link: cyan)", n->elements, n->elements_count,
				 all, colour_given, colour_value };
	read_named(e, &m);
}

/* The values of wrap and pane a schema cannot check (yamlcheck says
 * whether wrap is a whole number). */
static void check_scalar(struct events *e, const char *key)
{
	const struct config_names *n = e->c->names;
	const char *v = scalar(e);
	char *end;
	if (strcmp(key, "wrap") == 0) {
		unsigned long w = strtoul(v, &end, 10);
		if (*v >= '0' && *v <= '9' && !*end && w > CONFIG_MAX_WRAP)
			problem_here(e, "wrap %.20s is not 0-%d", v, CONFIG_MAX_WRAP);
	} else if (strcmp(key, "pane") == 0 && find_name(n->panes, n->panes_count, v) < 0) {
		char all[256];
		names_list(n->panes, n->panes_count, all, sizeof(all));
		problem_here(e, "unknown pane '%.40s' (%s)", v, all);
	}
}

/* Every problem of the settings, the key lists and the colours of the
 * document's top mapping. */
static void read_sections(const struct config *c, struct diag *d)
{
	struct events e = { .c = c, .d = d };
	if (!yaml_parser_initialize(&e.parser))
		return;
	yaml_parser_set_input_string(&e.parser, c->bytes, c->len);
	/* stream, document, then the top mapping */
	if (next_event(&e) && next_event(&e) && next_event(&e) && e.ev.type == YAML_MAPPING_START_EVENT) {
		while (next_event(&e) && e.ev.type == YAML_SCALAR_EVENT) {
			char key[16];
			snprintf(key, sizeof(key), "%s", scalar(&e));
			bool keys = strcmp(key, "keys") == 0, colours = strcmp(key, "colours") == 0;
			if (!next_event(&e))
				break;
			if (keys)
				read_keys(&e);
			else if (colours)
				read_colours(&e);
			else if (e.ev.type == YAML_SCALAR_EVENT)
				check_scalar(&e, key);
			else
				skip_node(&e);
		}
	}
	if (e.have)
		yaml_event_delete(&e.ev);
	yaml_parser_delete(&e.parser);
}

static void reset(struct config *c)
{
	for (size_t i = 0; c->colours && c->names && i < c->names->elements_count; i++)
		free(c->colours[i]);
	for (size_t i = 0; c->bindings && c->names && i < c->names->actions_count; i++) {
		for (unsigned j = 0; j < c->bindings[i].keys_count; j++)
			free(c->bindings[i].keys[j]);
		free(c->bindings[i].keys);
		free(c->bindings[i].lines);
		free(c->bindings[i].columns);
		c->bindings[i] = (struct config_keys){ NULL, 0, NULL, NULL };
	}
	if (c->colours && c->names)
		memset(c->colours, 0, c->names->elements_count * sizeof(char *));
	c->no_colour = false;
	c->pane = -1;
	c->wrap = 0;
	c->mouse = c->clipboard = true;
}

int config_load(const char *path, const struct config_names *names, struct config *c,
		struct diag *d)
{
	memset(c, 0, sizeof(*c));
	c->names = names;
	c->pane = -1;
	c->mouse = c->clipboard = true;
	c->path = strdup(path);
	c->colours = calloc(names->elements_count + 1, sizeof(char *));
	c->bindings = calloc(names->actions_count + 1, sizeof(struct config_keys));
	if (!c->path || !c->colours || !c->bindings)
		return -1;
	int rc = read_config_file(path, c, d);
	if (rc != 0)
		return rc;
	char why[512];
	if (yamllib_load("reading the config file", why, sizeof(why)) != 0) {
		diag_add(d, "temm", 0, 0, "%s", why);
		return -1;
	}
	size_t before = d->count;
	/* the settings of one type, every problem with its position ... */
	if (yamlcheck_document_as(path, c->bytes, c->len, &top_schema, "setting", d) == 0) {
		const cyaml_config_t cfg = { .log_level = CYAML_LOG_ERROR, .mem_fn = cyaml_mem,
					     .flags = CYAML_CFG_NO_ALIAS };
		struct config_data *data = NULL;
		cyaml_err_t err = cyaml_load_data(c->bytes, c->len, &cfg, &top_schema, (void **)&data, NULL);
		if (err != CYAML_OK)
			diag_add(d, path, 0, 0, "cannot load: %s", cyaml_strerror(err));
		else if (data) {
			take_values(c, data);
			cyaml_free(&cfg, &top_schema, data, 0);
		}
	}
	/* ... and the key lists and colours, whatever was found there */
	read_sections(c, d);
	return d->count == before ? 0 : -1;
}

void config_free(struct config *c)
{
	reset(c);
	free(c->colours);
	free(c->bindings);
	free(c->path);
	free(c->bytes);
	memset(c, 0, sizeof(*c));
}
