/* config.c - the schema of the config file is built at run time from the
 * browser's names, so that libcyaml and yamlcheck treat an unknown action
 * or element like any unknown key: an error at its line and column. */
#include "config.h"
#include "regfile.h"
#include "yamlcheck.h"

#include <cyaml/cyaml.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CONFIG_MAX_BYTES (256u << 10)

/* What libcyaml fills; `keys` and `colours` are arrays laid out by the
 * run-time schema (one slot per name). */
struct config_data {
	int theme;
	char *pane;
	unsigned wrap;
	struct config_keys *keys;
	char **colours;
	int mouse, clipboard; /* SWITCH_: 0 when not given */
};

struct schema_set {
	cyaml_schema_field_t *key_fields, *colour_fields;
	cyaml_schema_field_t top[8];
	cyaml_schema_value_t keys_value, colours_value, root;
};

static const cyaml_schema_value_t key_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, 32),
};

static const cyaml_strval_t theme_strings[] = { { "default", 0 }, { "none", 1 } };

/* A setting that is on or off, in the words YAML users write. */
enum { SWITCH_UNSET, SWITCH_OFF, SWITCH_ON };
static const cyaml_strval_t switch_strings[] = {
	{ "on", SWITCH_ON }, { "off", SWITCH_OFF }, { "true", SWITCH_ON }, { "false", SWITCH_OFF },
	{ "yes", SWITCH_ON }, { "no", SWITCH_OFF },
};

static int build_schema(const struct config_names *n, struct schema_set *s)
{
	memset(s, 0, sizeof(*s));
	s->key_fields = calloc(n->actions_count + 1, sizeof(cyaml_schema_field_t));
	s->colour_fields = calloc(n->elements_count + 1, sizeof(cyaml_schema_field_t));
	if (!s->key_fields || !s->colour_fields)
		return -1;
	for (size_t i = 0; i < n->actions_count; i++) {
		cyaml_schema_field_t *f = &s->key_fields[i];
		f->key = n->actions[i];
		f->data_offset = (uint32_t)(i * sizeof(struct config_keys) +
					    offsetof(struct config_keys, keys));
		f->count_offset = (uint32_t)(i * sizeof(struct config_keys) +
					     offsetof(struct config_keys, keys_count));
		f->count_size = sizeof(unsigned);
		f->value = (cyaml_schema_value_t){
			CYAML_VALUE_SEQUENCE(CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, char *,
					     &key_entry, 1, 16) };
	}
	for (size_t i = 0; i < n->elements_count; i++) {
		cyaml_schema_field_t *f = &s->colour_fields[i];
		f->key = n->elements[i];
		f->data_offset = (uint32_t)(i * sizeof(char *));
		f->value = (cyaml_schema_value_t){
			CYAML_VALUE_STRING(CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, char, 1, 64) };
	}
	s->keys_value = (cyaml_schema_value_t){
		.type = CYAML_MAPPING, .flags = CYAML_FLAG_POINTER,
		.data_size = (uint32_t)((n->actions_count ? n->actions_count : 1) *
					sizeof(struct config_keys)),
		.mapping.fields = s->key_fields };
	s->colours_value = (cyaml_schema_value_t){
		.type = CYAML_MAPPING, .flags = CYAML_FLAG_POINTER,
		.data_size = (uint32_t)((n->elements_count ? n->elements_count : 1) * sizeof(char *)),
		.mapping.fields = s->colour_fields };
	const cyaml_schema_field_t top[] = {
		CYAML_FIELD_ENUM("theme", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct config_data,
				 theme, theme_strings, 2),
		CYAML_FIELD_STRING_PTR("pane", CYAML_FLAG_OPTIONAL, struct config_data, pane, 1, 32),
		CYAML_FIELD_UINT("wrap", CYAML_FLAG_OPTIONAL, struct config_data, wrap),
		{ .key = "keys", .data_offset = offsetof(struct config_data, keys), .value = s->keys_value },
		{ .key = "colours", .data_offset = offsetof(struct config_data, colours),
		  .value = s->colours_value },
		CYAML_FIELD_ENUM("mouse", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct config_data,
				 mouse, switch_strings, CYAML_ARRAY_LEN(switch_strings)),
		CYAML_FIELD_ENUM("clipboard", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT,
				 struct config_data, clipboard, switch_strings,
				 CYAML_ARRAY_LEN(switch_strings)),
		CYAML_FIELD_END,
	};
	memcpy(s->top, top, sizeof(top));
	s->top[3].value.flags |= CYAML_FLAG_OPTIONAL;
	s->top[4].value.flags |= CYAML_FLAG_OPTIONAL;
	s->root = (cyaml_schema_value_t){ CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct config_data,
							      s->top) };
	return 0;
}

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

static void problem_at(const struct config *c, struct diag *d, const char *section,
		       const char *name, const char *fmt, ...) DIAG_PRINTF(5, 6);

static void problem_at(const struct config *c, struct diag *d, const char *section,
		       const char *name, const char *fmt, ...)
{
	unsigned line, col;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	config_position(c, section, name, -1, &line, &col);
	diag_add(d, c->path, line, col, "%s", msg);
}

/* Copy what was loaded into c, checking the values the schema cannot. */
static int take_values(struct config *c, const struct config_data *data, struct diag *d)
{
	const struct config_names *n = c->names;
	size_t before = d->count;
	c->no_colour = data->theme == 1;
	c->mouse = data->mouse != SWITCH_OFF;
	c->clipboard = data->clipboard != SWITCH_OFF;
	c->wrap = (int)data->wrap;
	if (data->wrap > 1000)
		problem_at(c, d, "wrap", NULL, "wrap %u is not 0-1000", data->wrap);
	for (size_t i = 0; data->pane && i <= n->panes_count; i++) {
		if (i == n->panes_count)
			problem_at(c, d, "pane", NULL, "unknown pane '%s'", data->pane);
		else if (strcmp(data->pane, n->panes[i]) == 0) {
			c->pane = (int)i;
			break;
		}
	}
	for (size_t i = 0; data->colours && i < n->elements_count; i++) {
		int fg, bg;
		const char *v = data->colours[i];
		if (v && config_parse_colours(v, &fg, &bg) != 0)
			problem_at(c, d, "colours", n->elements[i],
				   "bad colour '%s' (a colour, or FG on BG; colours: black, red, green, "
				   "yellow, blue, magenta, cyan, white, bright-..., default)", v);
		else if (v)
			c->colours[i] = strdup(v);
	}
	for (size_t i = 0; data->keys && i < n->actions_count; i++) {
		const struct config_keys *k = &data->keys[i];
		if (!k->keys)
			continue;
		c->bindings[i].keys = calloc(k->keys_count, sizeof(char *));
		for (unsigned j = 0; c->bindings[i].keys && j < k->keys_count; j++)
			c->bindings[i].keys[c->bindings[i].keys_count++] = strdup(k->keys[j]);
	}
	return d->count == before ? 0 : -1;
}

static void reset(struct config *c)
{
	for (size_t i = 0; c->colours && c->names && i < c->names->elements_count; i++)
		free(c->colours[i]);
	for (size_t i = 0; c->bindings && c->names && i < c->names->actions_count; i++) {
		for (unsigned j = 0; j < c->bindings[i].keys_count; j++)
			free(c->bindings[i].keys[j]);
		free(c->bindings[i].keys);
		c->bindings[i] = (struct config_keys){ NULL, 0 };
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
	struct schema_set s;
	if (build_schema(names, &s) != 0) {
		free(s.key_fields);
		free(s.colour_fields);
		return -1;
	}
	rc = -1;
	if (yamlcheck_document(path, c->bytes, c->len, &s.root, d) == 0) {
		const cyaml_config_t cfg = { .log_level = CYAML_LOG_ERROR, .mem_fn = cyaml_mem,
					     .flags = CYAML_CFG_NO_ALIAS };
		struct config_data *data = NULL;
		cyaml_err_t err = cyaml_load_data(c->bytes, c->len, &cfg, &s.root, (void **)&data, NULL);
		if (err != CYAML_OK)
			diag_add(d, path, 0, 0, "cannot load: %s", cyaml_strerror(err));
		else if (data) {
			rc = take_values(c, data, d);
			cyaml_free(&cfg, &s.root, data, 0);
		} else {
			rc = 0; /* an empty mapping */
		}
	}
	if (rc != 0)
		reset(c);
	free(s.key_fields);
	free(s.colour_fields);
	return rc;
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
