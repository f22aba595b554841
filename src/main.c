/* main.c - temm: parse the command line, load the report, then run a
 * headless command or open the browser. Only main decides to exit. */
#include "cli.h"
#include "diag.h"
#include "loader.h"
#include "paths.h"
#include "snapshot.h"
#include "actions.h"
#include "settings.h"
#include "ui.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>

/* Kiosk mode serves anyone who can reach the account: no core file (a
 * Ctrl-\ re-raises SIGQUIT, whose default action dumps one: 10 MB in the
 * working directory, and a copy of memory), and terminal descriptions
 * from the system only - TERMINFO, TERMINFO_DIRS, TERMCAP and
 * ~/.terminfo (found through HOME) could give curses strings that, say,
 * retitle the user's window. HOME is not needed: kiosk reads and writes
 * no file of its own. */
static void kiosk_harden(void)
{
	struct rlimit none = { 0, 0 };
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); /* a core_pattern pipe ignores the rlimit */
	unsetenv("TERMINFO");
	unsetenv("TERMINFO_DIRS");
	unsetenv("TERMCAP");
	unsetenv("HOME");
}

/* Whether all that was printed reached stdout (a full disk, a closed
 * pipe); said on stderr when not. */
static int stdout_written(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_OK;
	perror("temm: cannot write the output");
	return EXIT_FAIL;
}

/* Freeing the model at exit costs about a tenth of loading it, and
 * ending the process gives every page back at once: temm frees only where
 * a leak check reads what is left - a build with AddressSanitizer, or any
 * run with TEMM_FREE_AT_EXIT set (tests/ci-extra.sh sets it under
 * valgrind). */
static bool free_at_exit(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	return true;
#endif
#endif
	const char *e = getenv("TEMM_FREE_AT_EXIT");
	return e && *e;
}

int main(int argc, char **argv)
{
	struct cli cli;
	setlocale(LC_ALL, "");
	int rc = cli_parse(argc, argv, &cli, stderr);
	cli.print_keys = ui_actions_print;
	cli.check_config = settings_check;
	if (rc != EXIT_OK || cli.help || cli.version) {
		if (rc == EXIT_OK) {
			cli.help ? cli_help(stdout, cli.width) : (void)puts(PACKAGE_STRING);
			rc = stdout_written();
		}
		cli_free(&cli);
		return rc;
	}
	if (cli.kiosk && (cli.content || getenv("TEMM_CONTENT")))
		fputs("temm: kiosk mode: ignoring --content and TEMM_CONTENT\n", stderr);
	if (cli.kiosk)
		kiosk_harden();
	struct diag d;
	diag_init(&d);
	cli.content_dir = paths_content_dir(cli.content, cli.kiosk);
	struct report *r = snapshot_load(cli.content_dir, snapshot_use_for(cli.kiosk, cli.command),
					 &d, stderr);
	if (!r) {
		diag_print(&d, stderr);
		diag_free(&d);
		cli_free(&cli);
		return EXIT_FAIL;
	}
	diag_free(&d);
	struct entity_ref start;
	if (cli.goto_id && report_find_typed(r, cli.goto_id, &start) == 0)
		cli.goto_id = report_entity_id(r, start); /* as the content spells it */
	cli.free_at_exit = free_at_exit();
	rc = cli.command ? cli_run(r, &cli, stdout, stderr) : ui_run(r, &cli);
	snapshot_tell(r, stderr);
	if (cli.free_at_exit) {
		report_free(r);
		cli_free(&cli);
	}
	if (stdout_written() != EXIT_OK)
		rc = EXIT_FAIL;
	return rc;
}
