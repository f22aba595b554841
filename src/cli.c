/* cli.c - option parsing and command dispatch. */
#include "cli.h"
#include "text.h"

#include <getopt.h>
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
	{ "dump", cmd_dump, 0, 0, "dump                 the whole report as plain text" },
	{ "outline", cmd_outline, 0, 0, "outline              the report's table of contents" },
};
#define COMMANDS_COUNT (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < COMMANDS_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

bool cli_is_command(const char *name)
{
	return find_command(name) != NULL;
}

void cli_usage(FILE *out)
{
	fputs("Usage: temm [OPTION]... [COMMAND [ARG]...]\n"
	      "Try 'temm --help' for more information.\n", out);
}

void cli_help(FILE *out)
{
	fputs("Usage: temm [OPTION]... [COMMAND [ARG]...]\n"
	      "Read the TEMM20 report on China-Japan-Korea environmental cooperation.\n"
	      "With no command, open the browser on a terminal.\n\n"
	      "Commands:\n", out);
	for (size_t i = 0; i < COMMANDS_COUNT; i++)
		fprintf(out, "  %s\n", commands[i].synopsis);
	fputs("\nOptions:\n"
	      "      --content DIR  read the report from DIR (also $TEMM_CONTENT)\n"
	      "      --json         print JSON Lines, one object a line\n"
	      "      --count        (search) print only the number of hits\n"
	      "      --goto ID      open the browser on this entity or section\n"
	      "      --no-color     no colours in the browser (also $NO_COLOR)\n"
	      "      --ascii        draw the browser with plain ASCII only\n"
	      "  -h, --help         show this help and exit\n"
	      "  -V, --version      show the version and exit\n\n"
	      "Exit status: 0 success, 1 nothing found or invalid content, 2 usage error.\n", out);
}

enum { OPT_CONTENT = 256, OPT_JSON, OPT_COUNT, OPT_GOTO, OPT_NO_COLOR, OPT_ASCII };

static const struct option long_options[] = {
	{ "content", required_argument, NULL, OPT_CONTENT },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "count", no_argument, NULL, OPT_COUNT },
	{ "goto", required_argument, NULL, OPT_GOTO },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int parse_options(int argc, char **argv, struct cli *cli, FILE *err)
{
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_CONTENT: cli->content = optarg; break;
		case OPT_JSON: cli->json = true; break;
		case OPT_COUNT: cli->count = true; break;
		case OPT_GOTO: cli->goto_id = optarg; break;
		case OPT_NO_COLOR: cli->no_color = true; break;
		case OPT_ASCII: cli->ascii = true; break;
		case 'h': cli->help = true; break;
		case 'V': cli->version = true; break;
		case ':':
			fprintf(err, "temm: option '%s' needs an argument\n", argv[optind - 1]);
			return EXIT_USAGE;
		default:
			fprintf(err, "temm: unknown option '%s'\n", argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int cli_parse(int argc, char **argv, struct cli *cli, FILE *err)
{
	memset(cli, 0, sizeof(*cli));
	cli->width = text_output_width(STDOUT_FILENO);
	if (parse_options(argc, argv, cli, err) != EXIT_OK) {
		cli_usage(err);
		return EXIT_USAGE;
	}
	if (cli->help || cli->version)
		return EXIT_OK;
	if (optind < argc) {
		cli->command = argv[optind];
		cli->args = argv + optind + 1;
		cli->args_count = argc - optind - 1;
		const struct command *cmd = find_command(cli->command);
		if (!cmd) {
			fprintf(err, "temm: unknown command '%s'\n", cli->command);
			cli_usage(err);
			return EXIT_USAGE;
		}
		if (cli->args_count < cmd->min_args ||
		    (cmd->max_args >= 0 && cli->args_count > cmd->max_args)) {
			fprintf(err, "temm: usage: temm %s\n", cmd->synopsis);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int cli_run(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	const struct command *cmd = find_command(cli->command);
	if (!cmd)
		return EXIT_USAGE;
	return cmd->run(r, cli, out, err);
}
