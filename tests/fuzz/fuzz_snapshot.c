/* fuzz_snapshot.c - libFuzzer harness for the snapshot reader (one
 * snapshot file's bytes, see fuzz_common.h). */
#include "fuzz_common.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_snapshot_one(data, size) == FUZZ_BROKEN)
		abort();
	return 0;
}
