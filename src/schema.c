/* schema.c - libcyaml schema tables for a content file; content/README is
 * the same schema in words, keep the two in step. */
#include "schema.h"
#include "model.h"

#include <stdint.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define STR(key, flags, type, member) \
	CYAML_FIELD_STRING_PTR(key, flags, type, member, 1, SCHEMA_MAX_STRING)
#define OPT (CYAML_FLAG_OPTIONAL)
#define REQ (CYAML_FLAG_DEFAULT)

static const cyaml_schema_value_t string_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, SCHEMA_MAX_STRING),
};

#define STR_LIST(key, type, member) \
	CYAML_FIELD_SEQUENCE(key, CYAML_FLAG_POINTER | OPT, type, member, \
			     &string_entry, 0, SCHEMA_MAX_ITEMS)

static const cyaml_schema_field_t count_fields[] = {
	CYAML_FIELD_UINT("n", REQ, struct count, n),
	STR("of", REQ, struct count, of),
	STR("words", OPT, struct count, words),
	CYAML_FIELD_END
};
static const cyaml_schema_value_t count_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct count, count_fields),
};
#define COUNT_LIST(type) \
	CYAML_FIELD_SEQUENCE("counts", CYAML_FLAG_POINTER | OPT, type, counts, \
			     &count_entry, 0, SCHEMA_MAX_ITEMS)

static const cyaml_schema_field_t report_fields[] = {
	STR("title", REQ, struct report_meta, title),
	STR("short", OPT, struct report_meta, short_name),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t section_fields[] = {
	STR("id", REQ, struct section, id),
	STR("title", REQ, struct section, title),
	STR("parent", OPT, struct section, parent),
	/* a long section's paragraphs: as many as a file's entries */
	CYAML_FIELD_SEQUENCE("paragraphs", CYAML_FLAG_POINTER | OPT, struct section, paragraphs,
			     &string_entry, 0, SCHEMA_MAX_ENTITIES),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t priority_fields[] = {
	STR("text", REQ, struct priority, text),
	STR("area", OPT, struct priority, area),
	CYAML_FIELD_END
};
static const cyaml_schema_value_t priority_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct priority, priority_fields),
};

static const cyaml_schema_field_t passage_fields[] = {
	STR("section", REQ, struct passage, section),
	CYAML_FIELD_UINT("first", OPT, struct passage, first),
	CYAML_FIELD_UINT("last", OPT, struct passage, last),
	CYAML_FIELD_END
};
static const cyaml_schema_value_t passage_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct passage, passage_fields),
};

static const cyaml_schema_field_t stage_fields[] = {
	STR("id", REQ, struct stage, id),
	CYAML_FIELD_UINT("number", REQ, struct stage, number),
	STR("title", REQ, struct stage, title),
	STR("name", REQ, struct stage, name),
	CYAML_FIELD_UINT("from", REQ, struct stage, from),
	CYAML_FIELD_UINT("to", REQ, struct stage, to),
	STR("section", REQ, struct stage, section),
	STR("meeting", OPT, struct stage, meeting),
	STR("action_plan", OPT, struct stage, action_plan),
	CYAML_FIELD_SEQUENCE("priorities", CYAML_FLAG_POINTER, struct stage,
			     priorities, &priority_entry, 1, SCHEMA_MAX_ITEMS),
	STR_LIST("achievements", struct stage, achievements),
	CYAML_FIELD_SEQUENCE("prose", CYAML_FLAG_POINTER | OPT, struct stage, prose,
			     &passage_entry, 0, SCHEMA_MAX_ITEMS),
	COUNT_LIST(struct stage),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t area_fields[] = {
	STR("id", REQ, struct area, id),
	CYAML_FIELD_UINT("number", REQ, struct area, number),
	STR("title", REQ, struct area, title),
	STR("section", REQ, struct area, section),
	STR_LIST("aliases", struct area, aliases),
	COUNT_LIST(struct area),
	CYAML_FIELD_END
};

static const cyaml_strval_t activity_kind_strings[] = {
	{ "policy-dialogue", ACTIVITY_POLICY_DIALOGUE }, { "working-group", ACTIVITY_WORKING_GROUP },
	{ "network", ACTIVITY_NETWORK }, { "seminar", ACTIVITY_SEMINAR },
	{ "training", ACTIVITY_TRAINING }, { "forum", ACTIVITY_FORUM },
	{ "roundtable", ACTIVITY_ROUNDTABLE }, { "exhibition", ACTIVITY_EXHIBITION },
	{ "workshop", ACTIVITY_WORKSHOP }, { "meeting", ACTIVITY_MEETING },
	{ "hotline", ACTIVITY_HOTLINE }, { "publication", ACTIVITY_PUBLICATION },
	{ "research", ACTIVITY_RESEARCH }, { "platform", ACTIVITY_PLATFORM },
	{ "other", ACTIVITY_OTHER },
};

static const cyaml_schema_field_t activity_fields[] = {
	STR("id", REQ, struct activity, id),
	STR("title", REQ, struct activity, title),
	STR("short", OPT, struct activity, short_name),
	CYAML_FIELD_ENUM("kind", CYAML_FLAG_STRICT, struct activity, kind,
			 activity_kind_strings, CYAML_ARRAY_LEN(activity_kind_strings)),
	STR("area", REQ, struct activity, area),
	STR("section", REQ, struct activity, section),
	STR_LIST("aliases", struct activity, aliases),
	COUNT_LIST(struct activity),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t event_fields[] = {
	STR("id", REQ, struct event, id),
	CYAML_FIELD_UINT("year", REQ, struct event, year),
	CYAML_FIELD_UINT("month", OPT, struct event, month),
	STR("title", REQ, struct event, title),
	STR("short", OPT, struct event, short_name),
	STR("section", REQ, struct event, section),
	STR("meeting", OPT, struct event, meeting),
	STR_LIST("links", struct event, links),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t series_fields[] = {
	STR("id", REQ, struct series, id),
	STR("title", REQ, struct series, title),
	STR("short", OPT, struct series, short_name),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t meeting_fields[] = {
	STR("id", REQ, struct meeting, id),
	STR("title", REQ, struct meeting, title),
	STR("series", OPT, struct meeting, series),
	CYAML_FIELD_UINT("ordinal", OPT, struct meeting, ordinal),
	STR("place", OPT, struct meeting, place),
	CYAML_FIELD_UINT("year", OPT, struct meeting, year),
	CYAML_FIELD_UINT("month", OPT, struct meeting, month),
	STR("section", REQ, struct meeting, section),
	STR_LIST("aliases", struct meeting, aliases),
	CYAML_FIELD_END
};

static const cyaml_strval_t programme_type_strings[] = {
	{ "convention", PROG_CONVENTION }, { "regional-programme", PROG_REGIONAL },
	{ "action-plan", PROG_ACTION_PLAN }, { "organisation", PROG_ORGANISATION },
	{ "publication", PROG_PUBLICATION }, { "agenda", PROG_AGENDA },
	{ "other", PROG_OTHER },
};

static const cyaml_schema_field_t programme_fields[] = {
	STR("id", REQ, struct programme, id),
	STR("title", REQ, struct programme, title),
	STR("short", OPT, struct programme, short_name),
	CYAML_FIELD_ENUM("type", CYAML_FLAG_STRICT, struct programme, type,
			 programme_type_strings, CYAML_ARRAY_LEN(programme_type_strings)),
	STR("section", REQ, struct programme, section),
	STR_LIST("aliases", struct programme, aliases),
	COUNT_LIST(struct programme),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t term_fields[] = {
	STR("id", REQ, struct term, id),
	STR("title", REQ, struct term, title),
	STR("expansion", OPT, struct term, expansion),
	STR("section", REQ, struct term, section),
	STR("refers", OPT, struct term, refers),
	CYAML_FIELD_END
};

#define ENTRY(name, type, fields) \
	static const cyaml_schema_value_t name = { \
		CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, type, fields), \
	}
ENTRY(series_entry, struct series, series_fields);
ENTRY(section_entry, struct section, section_fields);
ENTRY(stage_entry, struct stage, stage_fields);
ENTRY(area_entry, struct area, area_fields);
ENTRY(activity_entry, struct activity, activity_fields);
ENTRY(event_entry, struct event, event_fields);
ENTRY(meeting_entry, struct meeting, meeting_fields);
ENTRY(programme_entry, struct programme, programme_fields);
ENTRY(term_entry, struct term, term_fields);

#define TOP_LIST(key, member, entry) \
	CYAML_FIELD_SEQUENCE(key, CYAML_FLAG_POINTER | OPT, struct content_doc, \
			     member, &entry, 0, SCHEMA_MAX_ENTITIES)

static const cyaml_schema_field_t doc_fields[] = {
	CYAML_FIELD_MAPPING_PTR("report", OPT, struct content_doc, report, report_fields),
	TOP_LIST("series", series, series_entry),
	TOP_LIST("sections", sections, section_entry),
	TOP_LIST("stages", stages, stage_entry),
	TOP_LIST("areas", areas, area_entry),
	TOP_LIST("activities", activities, activity_entry),
	TOP_LIST("events", events, event_entry),
	TOP_LIST("meetings", meetings, meeting_entry),
	TOP_LIST("programmes", programmes, programme_entry),
	TOP_LIST("terms", terms, term_entry),
	CYAML_FIELD_END
};

const cyaml_schema_value_t content_doc_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct content_doc, doc_fields),
};

void *schema_mem(void *ctx, void *ptr, size_t size)
{
	(void)ctx;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
#ifdef __GLIBC__
	/* libcyaml grows a list one entry at a time. An allocator that cannot
	 * grow a block in place (AddressSanitizer's always moves it) then
	 * copies the whole list for every entry: quadratic, 10 s for 6000
	 * entries. Growing by half again keeps it linear. */
	if (ptr) {
		if (size <= malloc_usable_size(ptr))
			return ptr;
		if (size < SIZE_MAX / 3)
			size += size / 2;
	}
#endif
	return realloc(ptr, size);
}

void content_doc_free(struct content_doc *doc)
{
	static const cyaml_config_t config = {
		.mem_fn = schema_mem,
		.log_level = CYAML_LOG_ERROR,
	};
	if (doc)
		cyaml_free(&config, &content_doc_schema, doc, 0);
}

static void visit_value(const cyaml_schema_value_t *schema, void *data,
			void (*fn)(char **s, void *ctx), void *ctx);

static void visit_fields(const cyaml_schema_field_t *f, char *base,
			 void (*fn)(char **s, void *ctx), void *ctx)
{
	for (; f->key; f++) {
		char *field = base + f->data_offset;
		if (f->value.type == CYAML_SEQUENCE) {
			char *items = *(char **)field;
			/* every count member in our structs is an unsigned */
			unsigned n = *(unsigned *)(base + f->count_offset);
			const cyaml_schema_value_t *entry = f->value.sequence.entry;
			size_t size = (entry->flags & CYAML_FLAG_POINTER) ? sizeof(void *) : entry->data_size;
			for (unsigned i = 0; items && i < n; i++)
				visit_value(entry, items + i * size, fn, ctx);
		} else {
			visit_value(&f->value, field, fn, ctx);
		}
	}
}

static void visit_value(const cyaml_schema_value_t *schema, void *data,
			void (*fn)(char **s, void *ctx), void *ctx)
{
	if (schema->type == CYAML_STRING) {
		char **s = data;
		if (*s)
			fn(s, ctx);
	} else if (schema->type == CYAML_MAPPING) {
		char *base = (schema->flags & CYAML_FLAG_POINTER) ? *(char **)data : data;
		if (base)
			visit_fields(schema->mapping.fields, base, fn, ctx);
	}
}

void schema_visit_strings(const cyaml_schema_value_t *schema, void *data,
			  void (*fn)(char **s, void *ctx), void *ctx)
{
	/* The root is held by pointer; pass the address of that pointer. */
	visit_value(schema, &data, fn, ctx);
}
