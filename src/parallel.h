/* parallel.h - run independent pieces of work on the machine's cores. */
#ifndef TEMM_PARALLEL_H
#define TEMM_PARALLEL_H

#include <stddef.h>

/* How many threads are worth starting here: the online CPUs, at most 4
 * (loading has only a few files' worth of work to share). */
unsigned parallel_threads(void);

/* Call fn(i, arg) once for every i in [0, n), on up to `threads` threads,
 * the caller's included. Indexes are started in order, so put the longest
 * work first. Returns when all are done. A thread that cannot be started
 * only means the others do more. */
void parallel_for(size_t n, unsigned threads, void (*fn)(size_t i, void *arg), void *arg);

#endif
