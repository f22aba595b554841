/* fuzz_input.c - libFuzzer harness for the browser's input: bytes as a
 * terminal sends them (keys, escape sequences, mouse reports, bytes that
 * are not UTF-8, bursts, resizes; see fuzz_ui.h) read through curses and
 * done by the browser on the bundled report ($TEMM_CONTENT, else the
 * source tree's copy), loaded once. */
#include "fuzz_ui.h"
#include "diag.h"
#include "loader.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct report *report;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8"); /* as the browser runs: widths and glyphs of UTF-8 */
	const char *dir = getenv("TEMM_CONTENT");
	struct diag d;
	diag_init(&d);
	report = content_load(dir && *dir ? dir : TEMM_SOURCE_CONTENT, &d);
	if (!report) {
		diag_print(&d, stderr);
		abort();
	}
	diag_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_input_one(report, data, size) == FUZZ_BROKEN)
		abort();
	return 0;
}
