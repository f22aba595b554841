/* fuzz_loader.c - libFuzzer harness for the content loader (one file's
 * bytes, see fuzz_common.h). */
#include "fuzz_common.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_loader_one(data, size) == FUZZ_BROKEN)
		abort();
	return 0;
}
