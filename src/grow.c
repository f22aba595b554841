/* grow.c - the array growth every list in temm uses: doubling keeps
 * adding n elements linear. */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow(void *array, size_t *cap, size_t count, size_t size, size_t first)
{
	if (count < *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : first;
	if (n < *cap || n > SIZE_MAX / size)
		return -1;
	void *old;
	memcpy(&old, array, sizeof(old));
	void *grown = realloc(old, n * size);
	if (!grown)
		return -1;
	memcpy(array, &grown, sizeof(grown));
	*cap = n;
	return 0;
}
