/* paths.c - finding the bundled content without configuration. */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#ifndef TEMM_BUILD_EXE
#define TEMM_BUILD_EXE ""
#endif
#ifndef TEMM_SOURCE_CONTENT
#define TEMM_SOURCE_CONTENT "content"
#endif
#ifndef TEMM_INSTALLED_CONTENT
#define TEMM_INSTALLED_CONTENT "/usr/local/share/temm/content"
#endif
#ifndef TEMM_INSTALLED_SNAPSHOT
#define TEMM_INSTALLED_SNAPSHOT "/usr/local/lib/temm/content.snapshot"
#endif

/* The binary in the build tree reads the source tree's content, so a fresh
 * build works before `make install` and never picks up an older install. */
static bool running_from_build_tree(void)
{
	char self[PATH_MAX], built[PATH_MAX];
	if (!realpath("/proc/self/exe", self) || !realpath(TEMM_BUILD_EXE, built))
		return false;
	return strcmp(self, built) == 0;
}

const char *paths_content_dir(const char *option, bool kiosk)
{
	if (option && *option && !kiosk)
		return option;
	const char *env = kiosk ? NULL : getenv("TEMM_CONTENT");
	if (env && *env)
		return env;
	if (running_from_build_tree())
		return TEMM_SOURCE_CONTENT;
	return TEMM_INSTALLED_CONTENT;
}

const char *paths_installed_snapshot(const char *content_dir)
{
	char dir[PATH_MAX], installed[PATH_MAX];
	if (!realpath(content_dir, dir) || !realpath(TEMM_INSTALLED_CONTENT, installed))
		return NULL;
	return strcmp(dir, installed) == 0 ? TEMM_INSTALLED_SNAPSHOT : NULL;
}
