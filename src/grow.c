/* grow.c - the array growth every list in temm uses: doubling keeps
 * adding n elements linear. */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow_to(void *array, size_t *cap, size_t need, size_t size, size_t first)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : (first ? first : 1);
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (size == 0 || n > SIZE_MAX / size)
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

int grow(void *array, size_t *cap, size_t count, size_t size, size_t first)
{
	if (count < *cap)
		return 0;
	return count < SIZE_MAX ? grow_to(array, cap, count + 1, size, first) : -1;
}
