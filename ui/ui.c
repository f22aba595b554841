/* ui.c - PLACEHOLDER until the browser lands: prints the outline. */
#include "ui.h"

int ui_run(const struct report *r, const struct cli *cli)
{
	return cmd_outline(r, cli, stdout, stderr);
}
