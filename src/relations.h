/* relations.h - how entities relate beyond their own fields: an entity's
 * parent and the section that tells the most of an entity (the paragraphs
 * that tell a stage are the content's: report_stage_prose). Read from the loaded model; curses-free. */
#ifndef TEMM_RELATIONS_H
#define TEMM_RELATIONS_H

#include "mentions.h"
#include "model.h"

/* "No entity": kind KIND_COUNT, index NO_INDEX. */
extern const struct entity_ref relations_none;

/* The entity one level up, as the browser's ',' goes up: a section's
 * parent; an activity's area; an event's stage (else its section); an
 * area's section's parent (2.1); anything else its section. relations_none
 * at the top. */
struct entity_ref relations_parent(const struct report *r, struct entity_ref ref);

/* The section that tells the most of an entity. Where the content's
 * `section` is where the report first names it (meetings, programmes), the
 * section whose prose mentions it most, counting also the entities that
 * name it and are told there (TEMM16: one mention in the Introduction; one
 * in 1.2, where its event and stage III are told); a tie goes to the
 * content's own section. Every other kind: its content section (a section
 * is its own). `m` finds names in prose (mentions_from_report); NULL builds
 * one for this call, which costs a pass over every name. NO_INDEX if none. */
int relations_told_in(const struct report *r, const struct mentions *m, struct entity_ref ref);

#endif
