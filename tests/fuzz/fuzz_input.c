/* fuzz_input.c - libFuzzer harness for the browser's input: bytes as a
 * terminal sends them (keys, escape sequences, mouse reports, bytes that
 * are not UTF-8, bursts, resizes; see fuzz_ui.h) read through curses and
 * done by the browser on the bundled report ($TEMM_CONTENT, else the
 * source tree's copy), loaded once. */
#include "fuzz_ui.h"

#include <locale.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct report *report;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8"); /* as the browser runs: widths and glyphs of UTF-8 */
	report = fuzz_report_load();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_input_one(report, data, size) == FUZZ_BROKEN)
		abort();
	return 0;
}
