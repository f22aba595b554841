/* paths.h - where the content is: --content, $TEMM_CONTENT, the source tree
 * when running from the build tree, else the installed copy. */
#ifndef TEMM_PATHS_H
#define TEMM_PATHS_H

#include <stdbool.h>

/* The directory to load; `option` is --content or NULL. Never NULL. In
 * kiosk mode neither the option nor the environment is looked at. */
const char *paths_content_dir(const char *option, bool kiosk);

/* The snapshot `make install` writes for the installed content, when
 * content_dir is that content (snapshot.h); else NULL. */
const char *paths_installed_snapshot(const char *content_dir);

#endif
