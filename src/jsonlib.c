/* jsonlib.c - jansson through dlopen; see jsonlib.h. */
#include "jsonlib.h"
#include "dynlib.h"

static struct {
	json_t *(*array)(void);
	int (*array_append_new)(json_t *, json_t *);
	void (*delete)(json_t *);
	int (*dumpf)(const json_t *, FILE *, size_t);
	json_t *(*integer)(json_int_t);
	json_t *(*null)(void);
	int (*object_set_new)(json_t *, const char *, json_t *);
	json_t *(*vpack_ex)(json_error_t *, size_t, const char *, va_list);
	json_t *(*string)(const char *);
} fn;

static const struct dynlib_sym syms[] = {
	{ "json_array", &fn.array },
	{ "json_array_append_new", &fn.array_append_new },
	{ "json_delete", &fn.delete },
	{ "json_dumpf", &fn.dumpf },
	{ "json_integer", &fn.integer },
	{ "json_null", &fn.null },
	{ "json_object_set_new", &fn.object_set_new },
	{ "json_vpack_ex", &fn.vpack_ex },
	{ "json_string", &fn.string },
};

/* JANSSON_SONAME: configure reads it from the library the build would
 * link (configure.ac, TEMM_SONAME). */
static struct dynlib lib = DYNLIB_INIT(JANSSON_SONAME, syms);

int jsonlib_load(const char *purpose, char *msg, size_t size)
{
	if (dynlib_open(&lib) == 0)
		return 0;
	dynlib_message(&lib, purpose, msg, size);
	return -1;
}

/* The calls. Without the library there is no value to free or take (a
 * value is made by it), so each fails as jansson does. */

json_t *json_array(void)
{
	return dynlib_ready(&lib) ? fn.array() : NULL;
}

int json_array_append_new(json_t *array, json_t *value)
{
	return dynlib_ready(&lib) ? fn.array_append_new(array, value) : -1;
}

void json_delete(json_t *json)
{
	if (dynlib_ready(&lib)) /* a test may have made the value itself */
		fn.delete(json);
}

int json_dumpf(const json_t *json, FILE *output, size_t flags)
{
	return dynlib_ready(&lib) ? fn.dumpf(json, output, flags) : -1;
}

json_t *json_integer(json_int_t value)
{
	return dynlib_ready(&lib) ? fn.integer(value) : NULL;
}

json_t *json_null(void)
{
	return dynlib_ready(&lib) ? fn.null() : NULL;
}

int json_object_set_new(json_t *object, const char *key, json_t *value)
{
	return dynlib_ready(&lib) ? fn.object_set_new(object, key, value) : -1;
}

/* variadic: passed on as a va_list */
json_t *json_pack(const char *fmt, ...)
{
	if (!dynlib_ready(&lib))
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	json_t *value = fn.vpack_ex(NULL, 0, fmt, ap);
	va_end(ap);
	return value;
}

json_t *json_string(const char *value)
{
	return dynlib_ready(&lib) ? fn.string(value) : NULL;
}
