/* cli.h - the command line: options, and the headless commands that run
 * without a terminal UI. */
#ifndef TEMM_CLI_H
#define TEMM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

enum exit_code { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct cli {
	const char *content;   /* --content DIR */
	const char *goto_id;   /* --goto ID */
	const char *format;    /* --format text|markdown|json (dump) */
	bool json, count, no_color, ascii, help, version;
	bool cite;             /* --cite (show): the passage with its reference */
	bool kiosk;            /* --kiosk or TEMM_KIOSK=1: read-only, no overrides */
	const char *config;    /* --config FILE */
	bool no_config;        /* --no-config (and kiosk): built-in defaults only */
	bool no_state;         /* --no-state (and kiosk): write no history or position */
	int width;             /* columns for wrapped plain output */
	/* prints the browser's key table as "group" lines and "keys\tname\thelp"
	 * lines; set by main, since the keys belong to ui/ */
	void (*print_keys)(FILE *out);
	/* checks a config as the browser reads it (FILE NULL: the default
	 * one), printing every problem to err; 0 when fine. Set by main. */
	int (*check_config)(const char *file, FILE *out, FILE *err);
	/* set by main: free everything before exiting (leak checks only:
	 * otherwise the process's end takes the memory back at no cost) */
	bool free_at_exit;
	const char *content_dir; /* where the report is read from; set by main */
	const char *command;   /* NULL: the browser */
	char **args;           /* the command's arguments */
	int args_count;
};

/* Parse argv; on a usage error print it to err and return EXIT_USAGE. */
int cli_parse(int argc, char **argv, struct cli *cli, FILE *err);
/* Free what cli_parse allocated (after any return). */
void cli_free(struct cli *cli);
void cli_usage(FILE *out);
/* The --help text, wrapped to `width` columns. */
void cli_help(FILE *out, int width);
/* For a command asked for --json in a form it cannot print as JSON: say so
 * on err and return EXIT_USAGE. `what` names the form ("keys --format=man"). */
int cli_no_json(const char *what, FILE *err);

/* Run a headless command on a loaded report. Returns the exit code. */
int cli_run(const struct report *r, const struct cli *cli, FILE *out, FILE *err);

/* The commands themselves (cmd_*.c). */
int cmd_check(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_list(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_show(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_search(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_dump(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_outline(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_keys(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_overview(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_config_check(const struct report *r, const struct cli *cli, FILE *out, FILE *err);
int cmd_snapshot(const struct report *r, const struct cli *cli, FILE *out, FILE *err);

#endif
