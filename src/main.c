/* main.c - temm: parse the command line, load the report, then run a
 * headless command or open the browser. Only main decides to exit. */
#include "cli.h"
#include "diag.h"
#include "loader.h"
#include "paths.h"
#include "actions.h"
#include "settings.h"
#include "ui.h"

#include <locale.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	struct cli cli;
	setlocale(LC_ALL, "");
	int rc = cli_parse(argc, argv, &cli, stderr);
	cli.print_keys = ui_actions_print;
	cli.check_config = settings_check;
	if (rc != EXIT_OK || cli.help || cli.version) {
		if (rc == EXIT_OK)
			cli.help ? cli_help(stdout) : (void)puts(PACKAGE_STRING);
		cli_free(&cli);
		return rc;
	}
	if (cli.kiosk && (cli.content || getenv("TEMM_CONTENT")))
		fputs("temm: kiosk mode: ignoring --content and TEMM_CONTENT\n", stderr);
	struct diag d;
	diag_init(&d);
	struct report *r = content_load(paths_content_dir(cli.content, cli.kiosk), &d);
	if (!r) {
		diag_print(&d, stderr);
		diag_free(&d);
		cli_free(&cli);
		return EXIT_FAIL;
	}
	diag_free(&d);
	rc = cli.command ? cli_run(r, &cli, stdout, stderr) : ui_run(r, &cli);
	report_free(r);
	cli_free(&cli);
	if (fflush(stdout) != 0)
		rc = EXIT_FAIL;
	return rc;
}
