/* jsonlib.h - jansson, opened the first time JSON is printed. Include this
 * instead of <jansson.h>: the library's names stay as they are, but each
 * call goes through a function of jsonlib.c that calls the library opened
 * with dlopen, so a run without --json maps no jansson (issue 15, item 4).
 * Before printing, call jsonlib_load() to learn whether it is there;
 * without it a call that cannot be made fails as jansson reports failure
 * (NULL, -1). Only the functions temm uses are here: another one fails to
 * link the program until it is added to jsonlib.c. */
#ifndef TEMM_JSONLIB_H
#define TEMM_JSONLIB_H

#ifdef JANSSON_H
#error "include jsonlib.h, not <jansson.h>"
#endif

#include <stddef.h>

/* renamed before jansson.h declares them (and its inline json_decref
 * calls json_delete) */
#define json_array jsonlib_json_array
#define json_array_append_new jsonlib_json_array_append_new
#define json_delete jsonlib_json_delete
#define json_dumpf jsonlib_json_dumpf
#define json_integer jsonlib_json_integer
#define json_null jsonlib_json_null
#define json_object_set_new jsonlib_json_object_set_new
#define json_pack jsonlib_json_pack
#define json_string jsonlib_json_string

#include <jansson.h>

/* Open jansson, once. 0 when it is there; else -1 with "cannot load SONAME
 * for PURPOSE: WHY" in msg. */
int jsonlib_load(const char *purpose, char *msg, size_t size);

#endif
