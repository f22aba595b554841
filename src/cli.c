/* cli.c - option parsing and command dispatch. */
#include "cli.h"
#include "jsonlib.h"
#include "print.h"
#include "sanitize.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct command {
	const char *name;
	int (*run)(const struct report *, const struct cli *, FILE *, FILE *);
	int min_args, max_args;
	const char *synopsis;
};

static const struct command commands[] = {
	{ "check", cmd_check, 0, 0, "check                validate the content, print counts" },
	{ "list", cmd_list, 1, 1, "list KIND            one row per stage|area|activity|event|meeting|programme|term|section" },
	{ "show", cmd_show, 1, 1, "show ID              one entity or section in full, with its links" },
	{ "search", cmd_search, 1, -1, "search QUERY         find text in the report" },
	{ "dump", cmd_dump, 0, 0, "dump [--format=F]    the whole report: text (default), markdown or json" },
	{ "outline", cmd_outline, 0, 0, "outline              the report's table of contents" },
	{ "keys", cmd_keys, 0, 0, "keys                 the browser's keys (--format=man: for the manual)" },
	{ "overview", cmd_overview, 0, 0, "overview             the report at a glance: areas by stage, activities, figures" },
	{ "config-check", cmd_config_check, 0, 1, "config-check [FILE]  check a config file (default: the one the browser reads)" },
	{ "snapshot", cmd_snapshot, 0, 1, "snapshot [FILE]      compile the content for fast starts: to FILE, else the cache" },
};
#define COMMANDS_COUNT (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < COMMANDS_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_usage(FILE *out)
{
	fputs("Usage: temm [OPTION]... [COMMAND [ARG]...]\n"
	      "Try 'temm --help' for more information.\n", out);
}

/* The help after the commands: each line with the column its wrapped
 * lines continue at (the end of its name column). */
static const struct help_line {
	size_t column;
	const char *text;
} help_options[] = {
	{ 0, "" },
	{ 0, "Options:" },
	{ 21, "      --content DIR  read the report from DIR (also $TEMM_CONTENT)" },
	{ 21, "      --json         print JSON Lines, one object a line, each with its \"kind\"" },
	{ 21, "      --count        (search) print only the number of hits" },
	{ 21, "      --cite         (show) its text with its place in the report, to quote" },
	{ 21, "      --format F     (dump) text, markdown or json; (keys) text or man" },
	{ 21, "      --goto ID      open the browser on this entity or section" },
	{ 21, "      --no-color     no colours in the browser (also $NO_COLOR)" },
	{ 21, "      --ascii        draw the browser with plain ASCII only" },
	{ 21, "      --config FILE  read this config file instead of ~/.config/temm/config" },
	{ 21, "      --no-config    read no config file" },
	{ 21, "      --no-state     read and write no search history, position or marks" },
	{ 21, "      --kiosk        read-only mode for a shared account (also $TEMM_KIOSK=1): "
	      "the bundled report only, no config, no files written" },
	{ 21, "  -h, --help         show this help and exit" },
	{ 21, "  -V, --version      show the version and exit" },
	{ 0, "" },
	{ 0, "Ids are matched whatever their case. Plain output is wrapped to $COLUMNS, "
	     "else the terminal's width, else 80." },
	{ 0, "Exit status: 0 success, 1 nothing found or invalid content, 2 usage error." },
};

static void help_line(FILE *out, const char *text, int width, size_t column)
{
	/* the name column is ASCII: its width is its length */
	char prefix[64];
	size_t n = strlen(text) < column ? strlen(text) : column;
	snprintf(prefix, sizeof(prefix), "%.*s", (int)n, text);
	print_wrapped(out, text + n, width, prefix);
}

void cli_help(FILE *out, int width)
{
	help_line(out, "Usage: temm [OPTION]... [COMMAND [ARG]...]", width, 0);
	help_line(out, "Read a report written in temm's schema: its stages, priority areas, "
		       "timeline and text. The report is the bundled one (the TEMM20 report on "
		       "China-Japan-Korea environmental cooperation) unless --content names "
		       "another. With no command, open the browser on a terminal.", width, 0);
	fputs("\nCommands:\n", out);
	for (size_t i = 0; i < COMMANDS_COUNT; i++) {
		char line[256];
		snprintf(line, sizeof(line), "  %s", commands[i].synopsis);
		help_line(out, line, width, 23);
	}
	for (size_t i = 0; i < sizeof(help_options) / sizeof(help_options[0]); i++)
		help_line(out, help_options[i].text, width, help_options[i].column);
}

int cli_no_json(const char *what, FILE *err)
{
	fprintf(err, "temm: %s cannot print JSON (drop --json)\n", what);
	return EXIT_USAGE;
}

/* Options may come before or after the command. getopt is not used: in
 * `temm search TEEN -seminars` the "-seminars" is a word to exclude. */
struct option_spec {
	const char *name;
	bool takes_value;
};

static const struct option_spec options[] = {
	{ "--content", true }, { "--goto", true }, { "--format", true }, { "--json", false }, { "--count", false },
	{ "--no-color", false }, { "--ascii", false }, { "--kiosk", false },
	{ "--config", true }, { "--no-config", false }, { "--no-state", false },
	{ "--cite", false },
	{ "--help", false }, { "--version", false },
	{ "-h", false }, { "-V", false },
};

static void set_option(struct cli *cli, const char *name, const char *value)
{
	if (strcmp(name, "--content") == 0) cli->content = value;
	else if (strcmp(name, "--goto") == 0) cli->goto_id = value;
	else if (strcmp(name, "--format") == 0) cli->format = value;
	else if (strcmp(name, "--json") == 0) cli->json = true;
	else if (strcmp(name, "--count") == 0) cli->count = true;
	else if (strcmp(name, "--no-color") == 0) cli->no_color = true;
	else if (strcmp(name, "--ascii") == 0) cli->ascii = true;
	else if (strcmp(name, "--kiosk") == 0) cli->kiosk = true;
	else if (strcmp(name, "--config") == 0) cli->config = value;
	else if (strcmp(name, "--no-config") == 0) cli->no_config = true;
	else if (strcmp(name, "--no-state") == 0) cli->no_state = true;
	else if (strcmp(name, "--cite") == 0) cli->cite = true;
	else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) cli->help = true;
	else cli->version = true;
}

/* Handle argv[*i] as an option; returns 1 if it was one, 0 if not, -1 on error. */
static int parse_option(int argc, char **argv, int *i, struct cli *cli, FILE *err)
{
	const char *arg = argv[*i];
	const char *eq = strchr(arg, '=');
	size_t len = eq && strncmp(arg, "--", 2) == 0 ? (size_t)(eq - arg) : strlen(arg);
	for (size_t k = 0; k < sizeof(options) / sizeof(options[0]); k++) {
		if (strlen(options[k].name) != len || strncmp(arg, options[k].name, len) != 0)
			continue;
		const char *value = NULL;
		if (options[k].takes_value) {
			if (eq)
				value = eq + 1;
			else if (*i + 1 < argc)
				value = argv[++*i];
			else {
				sanitize_error(err, "option '%s' needs an argument", arg);
				return -1;
			}
		} else if (eq && len != strlen(arg)) {
			sanitize_error(err, "option '%.*s' takes no argument", (int)len, arg);
			return -1;
		}
		set_option(cli, options[k].name, value);
		return 1;
	}
	/* after `search`, "-word" is a word to exclude */
	if (cli->command && strcmp(cli->command, "search") == 0 && strncmp(arg, "--", 2) != 0)
		return 0;
	sanitize_error(err, "unknown option '%s'", arg);
	return -1;
}

static int parse_args(int argc, char **argv, struct cli *cli, FILE *err)
{
	char **rest = calloc((size_t)argc + 1, sizeof(*rest));
	bool only_words = false;
	if (!rest)
		return EXIT_FAIL;
	cli->args = rest;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int rc = 0;
		if (!only_words && strcmp(arg, "--") == 0) {
			only_words = true;
			continue;
		}
		if (!only_words && arg[0] == '-' && arg[1])
			rc = parse_option(argc, argv, &i, cli, err);
		if (rc < 0)
			return EXIT_USAGE;
		if (rc > 0)
			continue;
		if (!cli->command)
			cli->command = arg;
		else
			rest[cli->args_count++] = argv[i];
	}
	return EXIT_OK;
}

int cli_parse(int argc, char **argv, struct cli *cli, FILE *err)
{
	memset(cli, 0, sizeof(*cli));
	cli->width = text_output_width(STDOUT_FILENO);
	if (parse_args(argc, argv, cli, err) != EXIT_OK) {
		cli_usage(err);
		return EXIT_USAGE;
	}
	const char *kiosk = getenv("TEMM_KIOSK");
	if (kiosk && *kiosk && strcmp(kiosk, "0") != 0)
		cli->kiosk = true;
	if (cli->kiosk) { /* the environment's paths are not to be trusted */
		cli->no_config = cli->no_state = true;
		cli->config = NULL;
	}
	if (cli->help || cli->version)
		return EXIT_OK;
	if (!cli->command)
		return cli->json ? cli_no_json("the browser (no command)", err) : EXIT_OK;
	const struct command *cmd = find_command(cli->command);
	if (!cmd) {
		sanitize_error(err, "unknown command '%s'", cli->command);
		cli_usage(err);
		return EXIT_USAGE;
	}
	if (cli->args_count < cmd->min_args ||
	    (cmd->max_args >= 0 && cli->args_count > cmd->max_args)) {
		fprintf(err, "temm: usage: temm %s\n", cmd->synopsis);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

void cli_free(struct cli *cli)
{
	free(cli->args);
	cli->args = NULL;
}

/* JSON output needs jansson, which temm opens only then (jsonlib.h). */
static int load_json(const struct cli *cli, FILE *err)
{
	bool json_format = cli->format && strncmp(cli->format, "json", 4) == 0;
	if (!cli->json && !json_format)
		return 0;
	char why[512];
	if (jsonlib_load(cli->json ? "--json" : "--format=json", why, sizeof(why)) == 0)
		return 0;
	sanitize_error(err, "%s", why); /* dlerror() names files */
	return -1;
}

int cli_run(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	const struct command *cmd = find_command(cli->command);
	if (!cmd)
		return EXIT_USAGE;
	if (load_json(cli, err) != 0)
		return EXIT_FAIL;
	return cmd->run(r, cli, out, err);
}
