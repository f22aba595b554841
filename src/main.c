/* main.c - temm: parse the command line, load the report, then run a
 * headless command or open the browser. Only main decides to exit. */
#include "cli.h"
#include "diag.h"
#include "loader.h"
#include "paths.h"
#include "ui.h"

#include <locale.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	struct cli cli;
	setlocale(LC_ALL, "");
	int rc = cli_parse(argc, argv, &cli, stderr);
	if (rc != EXIT_OK)
		return rc;
	if (cli.help) {
		cli_help(stdout);
		return EXIT_OK;
	}
	if (cli.version) {
		puts(PACKAGE_STRING);
		return EXIT_OK;
	}
	struct diag d;
	diag_init(&d);
	struct report *r = content_load(paths_content_dir(cli.content), &d);
	if (!r) {
		diag_print(&d, stderr);
		diag_free(&d);
		return EXIT_FAIL;
	}
	diag_free(&d);
	rc = cli.command ? cli_run(r, &cli, stdout, stderr) : ui_run(r, &cli);
	report_free(r);
	if (fflush(stdout) != 0)
		rc = EXIT_FAIL;
	return rc;
}
