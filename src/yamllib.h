/* yamllib.h - libyaml and libcyaml, opened the first time YAML is parsed.
 * Include this instead of <yaml.h> and <cyaml/cyaml.h>: the library's names
 * stay as they are, but each call goes through a function of yamllib.c that
 * calls the library opened with dlopen, so a start from a snapshot maps
 * neither (issue 15, item 4). Before parsing, call yamllib_load() to learn
 * whether the libraries are there; without it a call of the library that
 * cannot be made fails as the library reports failure (yaml_parser_initialize
 * returns 0, cyaml_load_* CYAML_ERR_INTERNAL_ERROR). */
#ifndef TEMM_YAMLLIB_H
#define TEMM_YAMLLIB_H

#if defined(YAML_H) || defined(CYAML_H)
#error "include yamllib.h, not <yaml.h> or <cyaml/cyaml.h>"
#endif

#include <stddef.h>

/* Every function of the libraries temm calls or hands over (cyaml_mem, as
 * a cyaml_config_t's mem_fn), renamed before the headers declare them. */
#define yaml_parser_initialize yamllib_yaml_parser_initialize
#define yaml_parser_delete yamllib_yaml_parser_delete
#define yaml_parser_set_input_string yamllib_yaml_parser_set_input_string
#define yaml_parser_set_input yamllib_yaml_parser_set_input
#define yaml_parser_parse yamllib_yaml_parser_parse
#define yaml_event_delete yamllib_yaml_event_delete
#define cyaml_load_data yamllib_cyaml_load_data
#define cyaml_load_file yamllib_cyaml_load_file
#define cyaml_free yamllib_cyaml_free
#define cyaml_mem yamllib_cyaml_mem
#define cyaml_strerror yamllib_cyaml_strerror

#include <cyaml/cyaml.h>
#include <yaml.h>

/* Open both libraries, once. 0 when they are there; else -1 with "cannot
 * load SONAME for PURPOSE: WHY" in msg. */
int yamllib_load(const char *purpose, char *msg, size_t size);

#endif
