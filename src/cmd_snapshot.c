/* cmd_snapshot.c - `temm snapshot [FILE]`: read the YAML (as `check` does)
 * and write its compiled snapshot to FILE, else where the cache keeps it;
 * say where. make install writes the installed content's this way. */
#include "cli.h"
#include "json_out.h"
#include "print.h"
#include "sanitize.h"
#include "snapshot.h"

#include <stdlib.h>

int cmd_snapshot(const struct report *r, const struct cli *cli, FILE *out, FILE *err)
{
	(void)r; /* read again: what the files were is taken before they are read */
	if (cli->kiosk) {
		fputs("temm: kiosk mode writes no files\n", err);
		return EXIT_FAIL;
	}
	if (!cli->content_dir) { /* a caller other than main */
		fputs("temm: snapshot: no content directory\n", err);
		return EXIT_FAIL;
	}
	const char *file = cli->args_count ? cli->args[0] : NULL;
	char *cache = file ? NULL : snapshot_cache_path(cli->content_dir);
	char why[512];
	struct diag d;
	diag_init(&d);
	int rc = snapshot_make(cli->content_dir, file, &d, why, sizeof(why));
	diag_print(&d, err);
	diag_free(&d);
	const char *where = file ? file : cache ? cache : "the cache";
	if (rc != 0) {
		if (why[0])
			sanitize_error(err, "cannot write the snapshot %s: %s", where, why);
		free(cache);
		return EXIT_FAIL;
	}
	if (cli->json) {
		json_print_line(out, json_pack("{s:s, s:s}", "kind", "snapshot", "file", where));
	} else {
		char *shown = sanitize_text(where);
		print_wrapped(out, shown ? shown : "", cli->width, "snapshot written: ");
		free(shown);
	}
	free(cache);
	return EXIT_OK;
}
