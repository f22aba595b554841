/* dynlib.h - a shared library opened on first use (dlopen) and its
 * functions resolved into a table (dlsym), so that a run that never needs
 * it never maps it (issue 15, item 4: a start from a snapshot parses no YAML
 * and prints no JSON). glibc loads every DT_NEEDED library at exec, so this
 * is the only way to leave one out. yamllib.c and jsonlib.c use it. */
#ifndef TEMM_DYNLIB_H
#define TEMM_DYNLIB_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

/* One function to resolve: its name in the library, and the address of the
 * function pointer of the table that receives it. */
struct dynlib_sym {
	const char *name;
	void *slot;
};

enum dynlib_state { DYNLIB_CLOSED, DYNLIB_OPEN, DYNLIB_FAILED };

struct dynlib {
	const char *soname; /* from configure (the linker's library) */
	const struct dynlib_sym *syms;
	size_t syms_count;
	atomic_int state;   /* enum dynlib_state */
	pthread_mutex_t lock;
	char why[256];      /* dlerror() of the failure */
};

#define DYNLIB_INIT(soname_, syms_) \
	{ .soname = (soname_), .syms = (syms_), .syms_count = sizeof(syms_) / sizeof((syms_)[0]), \
	  .state = DYNLIB_CLOSED, .lock = PTHREAD_MUTEX_INITIALIZER }

/* Open the library and resolve every function, once; later calls return
 * the first outcome. 0 when every function is there, else -1 (and the
 * library's functions stay unusable). Safe from several threads. */
int dynlib_open(struct dynlib *lib);
/* Whether the library is open and resolved; opens nothing. */
static inline int dynlib_is_open(struct dynlib *lib)
{
	return atomic_load_explicit(&lib->state, memory_order_acquire) == DYNLIB_OPEN;
}
/* Whether the library is open and resolved: opens it if it was not tried. */
static inline int dynlib_ready(struct dynlib *lib)
{
	return dynlib_is_open(lib) || dynlib_open(lib) == 0;
}
/* After a failure: "cannot load SONAME for PURPOSE: WHY" into msg. */
void dynlib_message(const struct dynlib *lib, const char *purpose, char *msg, size_t size);

#endif
