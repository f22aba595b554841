/* dynlib.c - a shared library opened on first use; see dynlib.h. */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static void take_error(struct dynlib *lib, const char *fallback)
{
	const char *e = dlerror();
	snprintf(lib->why, sizeof(lib->why), "%s", e ? e : fallback);
}

static int open_locked(struct dynlib *lib)
{
	dlerror();
	void *handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		take_error(lib, "dlopen failed");
		return -1;
	}
	for (size_t i = 0; i < lib->syms_count; i++) {
		dlerror();
		void *fn = dlsym(handle, lib->syms[i].name);
		if (!fn) {
			take_error(lib, "");
			if (!lib->why[0])
				snprintf(lib->why, sizeof(lib->why), "no function %s", lib->syms[i].name);
			/* the table may be part filled: it is never used */
			dlclose(handle);
			return -1;
		}
		/* POSIX: a function pointer has the size and form of a void * */
		memcpy(lib->syms[i].slot, &fn, sizeof(fn));
	}
	/* never closed: its functions are used until exit */
	return 0;
}

int dynlib_open(struct dynlib *lib)
{
	pthread_mutex_lock(&lib->lock);
	int state = atomic_load_explicit(&lib->state, memory_order_relaxed);
	if (state == DYNLIB_CLOSED) {
		state = open_locked(lib) == 0 ? DYNLIB_OPEN : DYNLIB_FAILED;
		atomic_store_explicit(&lib->state, state, memory_order_release);
	}
	pthread_mutex_unlock(&lib->lock);
	return state == DYNLIB_OPEN ? 0 : -1;
}

void dynlib_message(const struct dynlib *lib, const char *purpose, char *msg, size_t size)
{
	snprintf(msg, size, "cannot load %s for %s: %s", lib->soname, purpose, lib->why);
}
