/* cmd_config.c - `temm config-check [FILE]`: a config checked as the
 * browser reads it, every problem printed as FILE:LINE:COLUMN: message, so
 * that what the status line said at start-up can be read whole again. The
 * check is the browser's own (through cli->check_config): the names of the
 * actions, elements and keys are the browser's. */
#include "cli.h"

int cmd_config_check(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)r;
	if (!cli->check_config) {
		fputs("temm: this build has no browser\n", err);
		return EXIT_FAIL;
	}
	const char *file = cli->args_count ? cli->args[0] : cli->config;
	if (!file && cli->kiosk) {
		fputs("temm: kiosk mode reads no config\n", out);
		return EXIT_OK;
	}
	if (!file && cli->no_config) {
		fputs("temm: --no-config: no config is read\n", out);
		return EXIT_OK;
	}
	return cli->check_config(file, out, err) == 0 ? EXIT_OK : EXIT_FAIL;
}
