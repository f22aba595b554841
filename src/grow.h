/* grow.h - room for more elements at the end of an array that doubles. */
#ifndef TEMM_GROW_H
#define TEMM_GROW_H

#include <stddef.h>

/* `array` is the address of the array pointer, `count` the elements in
 * use, *cap those allocated (of `size` bytes each). When it is full, the
 * array doubles (to `first` when empty). 0, or -1 with nothing changed. */
int grow(void *array, size_t *cap, size_t count, size_t size, size_t first);

/* The same for `need` elements in all (a string that takes several bytes at
 * once): *cap doubles, from `first` when 0, until it holds them. */
int grow_to(void *array, size_t *cap, size_t need, size_t size, size_t first);

#endif
