/* parallel.c - a tiny work queue: threads take the next index until none
 * is left. Loading parses every content file twice (once for positioned
 * checks, once with libcyaml), and the passes are independent. */
#include "parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

struct queue {
	atomic_size_t next;
	size_t n;
	void (*fn)(size_t i, void *arg);
	void *arg;
};

static void *drain(void *p)
{
	struct queue *q = p;
	for (;;) {
		size_t i = atomic_fetch_add(&q->next, 1);
		if (i >= q->n)
			return NULL;
		q->fn(i, q->arg);
	}
}

unsigned parallel_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 4 ? 4 : (unsigned)n;
}

void parallel_for(size_t n, unsigned threads, void (*fn)(size_t i, void *arg), void *arg)
{
	struct queue q = { .n = n, .fn = fn, .arg = arg };
	atomic_init(&q.next, 0);
	pthread_t helper[3];
	unsigned started = 0;
	if (threads > n)
		threads = (unsigned)n;
	while (started + 1 < threads && started < 3 &&
	       pthread_create(&helper[started], NULL, drain, &q) == 0)
		started++;
	drain(&q);
	for (unsigned i = 0; i < started; i++)
		pthread_join(helper[i], NULL);
}
