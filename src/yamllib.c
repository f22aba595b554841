/* yamllib.c - libyaml and libcyaml through dlopen; see yamllib.h. */
#include "yamllib.h"
#include "dynlib.h"

static struct {
	int (*parser_initialize)(yaml_parser_t *);
	void (*parser_delete)(yaml_parser_t *);
	void (*parser_set_input_string)(yaml_parser_t *, const unsigned char *, size_t);
	void (*parser_set_input)(yaml_parser_t *, yaml_read_handler_t *, void *);
	int (*parser_parse)(yaml_parser_t *, yaml_event_t *);
	void (*event_delete)(yaml_event_t *);
} yaml_fn;

static struct {
	cyaml_err_t (*load_data)(const uint8_t *, size_t, const cyaml_config_t *,
				 const cyaml_schema_value_t *, cyaml_data_t **, unsigned *);
	cyaml_err_t (*load_file)(const char *, const cyaml_config_t *, const cyaml_schema_value_t *,
				 cyaml_data_t **, unsigned *);
	cyaml_err_t (*free)(const cyaml_config_t *, const cyaml_schema_value_t *, cyaml_data_t *,
			    unsigned);
	void *(*mem)(void *, void *, size_t);
	const char *(*strerror)(cyaml_err_t);
} cyaml_fn;

static const struct dynlib_sym yaml_syms[] = {
	{ "yaml_parser_initialize", &yaml_fn.parser_initialize },
	{ "yaml_parser_delete", &yaml_fn.parser_delete },
	{ "yaml_parser_set_input_string", &yaml_fn.parser_set_input_string },
	{ "yaml_parser_set_input", &yaml_fn.parser_set_input },
	{ "yaml_parser_parse", &yaml_fn.parser_parse },
	{ "yaml_event_delete", &yaml_fn.event_delete },
};

static const struct dynlib_sym cyaml_syms[] = {
	{ "cyaml_load_data", &cyaml_fn.load_data },
	{ "cyaml_load_file", &cyaml_fn.load_file },
	{ "cyaml_free", &cyaml_fn.free },
	{ "cyaml_mem", &cyaml_fn.mem },
	{ "cyaml_strerror", &cyaml_fn.strerror },
};

/* YAML_SONAME and CYAML_SONAME: configure reads them from the libraries
 * the build would link (configure.ac, TEMM_SONAME). */
static struct dynlib yaml_lib = DYNLIB_INIT(YAML_SONAME, yaml_syms);
static struct dynlib cyaml_lib = DYNLIB_INIT(CYAML_SONAME, cyaml_syms);

int yamllib_load(const char *purpose, char *msg, size_t size)
{
	/* libyaml first: libcyaml needs it */
	struct dynlib *failed = dynlib_open(&yaml_lib) != 0	 ? &yaml_lib
				: dynlib_open(&cyaml_lib) != 0 ? &cyaml_lib
							       : NULL;
	if (!failed)
		return 0;
	dynlib_message(failed, purpose, msg, size);
	return -1;
}

static int yaml_ready(void)
{
	return dynlib_ready(&yaml_lib);
}

static int cyaml_ready(void)
{
	return dynlib_ready(&yaml_lib) && dynlib_ready(&cyaml_lib);
}

static int cyaml_is_open(void)
{
	return dynlib_is_open(&cyaml_lib);
}

/* The calls. Those that free or destroy can only follow a call that
 * succeeded, so the library is open; they open nothing (a model read from
 * a snapshot frees no YAML) and do nothing when it is not. */

int yaml_parser_initialize(yaml_parser_t *parser)
{
	return yaml_ready() ? yaml_fn.parser_initialize(parser) : 0;
}

void yaml_parser_delete(yaml_parser_t *parser)
{
	if (dynlib_is_open(&yaml_lib))
		yaml_fn.parser_delete(parser);
}

void yaml_parser_set_input_string(yaml_parser_t *parser, const unsigned char *input, size_t size)
{
	if (yaml_ready())
		yaml_fn.parser_set_input_string(parser, input, size);
}

void yaml_parser_set_input(yaml_parser_t *parser, yaml_read_handler_t *handler, void *data)
{
	if (yaml_ready())
		yaml_fn.parser_set_input(parser, handler, data);
}

int yaml_parser_parse(yaml_parser_t *parser, yaml_event_t *event)
{
	return yaml_ready() ? yaml_fn.parser_parse(parser, event) : 0;
}

void yaml_event_delete(yaml_event_t *event)
{
	if (dynlib_is_open(&yaml_lib))
		yaml_fn.event_delete(event);
}

cyaml_err_t cyaml_load_data(const uint8_t *input, size_t input_len, const cyaml_config_t *config,
			    const cyaml_schema_value_t *schema, cyaml_data_t **data_out,
			    unsigned *seq_count_out)
{
	return cyaml_ready() ? cyaml_fn.load_data(input, input_len, config, schema, data_out,
						  seq_count_out)
			     : CYAML_ERR_INTERNAL_ERROR;
}

cyaml_err_t cyaml_load_file(const char *path, const cyaml_config_t *config,
			    const cyaml_schema_value_t *schema, cyaml_data_t **data_out,
			    unsigned *seq_count_out)
{
	return cyaml_ready() ? cyaml_fn.load_file(path, config, schema, data_out, seq_count_out)
			     : CYAML_ERR_INTERNAL_ERROR;
}

cyaml_err_t cyaml_free(const cyaml_config_t *config, const cyaml_schema_value_t *schema,
		       cyaml_data_t *data, unsigned seq_count)
{
	return cyaml_is_open() ? cyaml_fn.free(config, schema, data, seq_count) : CYAML_OK;
}

void *cyaml_mem(void *ctx, void *ptr, size_t size)
{
	return cyaml_is_open() ? cyaml_fn.mem(ctx, ptr, size) : NULL;
}

const char *cyaml_strerror(cyaml_err_t err)
{
	return cyaml_ready() ? cyaml_fn.strerror(err) : "libcyaml could not be loaded";
}
