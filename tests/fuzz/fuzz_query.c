/* fuzz_query.c - libFuzzer harness for the query parser and search, run
 * against the bundled report ($TEMM_CONTENT, else the source tree's copy),
 * loaded once. */
#include "fuzz_common.h"

#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct report *report;
static struct corpus *corpus;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	report = fuzz_report_load();
	corpus = corpus_new(report);
	if (!corpus)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_query_one(report, corpus, data, size) == FUZZ_BROKEN)
		abort();
	return 0;
}
