/* prompt.h - the prompt of / and & on the status line: editing what is
 * typed (pure, over struct prompt), walking the history, and handing what
 * is typed to the search or the filter through their prompt_ops. A query
 * runs once per batch of keys read, not per key (prompt_flush). */
#ifndef TEMM_PROMPT_H
#define TEMM_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "layout.h"

struct app;
struct history;

/* What a prompt does with what is typed. */
struct prompt_ops {
	const char *lead;                                /* "/" or "&" */
	void (*update)(struct app *a);                   /* run what is typed */
	void (*accept)(struct app *a, bool open);        /* Enter (open), Tab (to the list) */
	void (*cancel)(struct app *a);                   /* Esc */
	enum ui_pane_id (*list)(const struct app *a);    /* what C-n, C-p move in; PANE_COUNT: none */
	void (*info)(const struct app *a, char *buf, size_t n); /* hits or the like, right of it */
};

struct prompt {
	const struct prompt_ops *ops; /* NULL: closed */
	char buf[256];
	size_t len;
	bool regex;               /* Ctrl-R: the query is read as /buf/ */
	bool stale;               /* typed since it last ran */
	long hist;                /* the history entry shown, -1: what was typed */
	char typed[256];          /* what was typed before walking the history */
	bool typed_regex;
	char error[256];          /* the parser's message for the query, or "" */
};

/* Editing, pure: each returns whether the text changed. */
bool prompt_insert(struct prompt *pr, long key);
bool prompt_erase_char(struct prompt *pr);
bool prompt_erase_word(struct prompt *pr);
bool prompt_erase_line(struct prompt *pr);
/* Up (-1) and Down (+1): older and newer queries, then what was typed. */
bool prompt_history_walk(struct prompt *pr, const struct history *h, int dir);
/* The query as it runs: in regex mode the typed text is one /regex/. */
void prompt_query(const struct prompt *pr, char *out, size_t n);

void prompt_open(struct app *a, const struct prompt_ops *ops);
void prompt_close(struct app *a);
/* Run what was typed, if anything was since it last ran. */
void prompt_flush(struct app *a);
/* The prompt line's right-hand side: [regex], the parser's message, or
 * what the ops say. */
void prompt_info(const struct app *a, char *buf, size_t n);
/* A key that is no action of the prompt: typed, if it is a character. */
void prompt_type(struct app *a, long key);

/* The handlers of the prompt's actions (see UI_ACTIONS). */
void prompt_accept_key(struct app *a, enum ui_action act, long count);
void prompt_cancel_key(struct app *a, enum ui_action act, long count);
void prompt_edit_key(struct app *a, enum ui_action act, long count);
void prompt_select_key(struct app *a, enum ui_action act, long count);

#endif
