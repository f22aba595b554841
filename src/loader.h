/* loader.h - read every content file of a directory into one validated
 * report model, or say exactly what is wrong and where. */
#ifndef TEMM_LOADER_H
#define TEMM_LOADER_H

#include "diag.h"
#include "model.h"

#define CONTENT_MAX_FILE_BYTES (8u << 20) /* checked before and while parsing: libyaml's own buffers are unbounded */
#define CONTENT_MAX_FILES      4096u
/* All the files together (about 1200 times the bundled report): 4096
 * files of 8 MiB would be 32 GiB, and 150 MB of content already took the
 * browser 13 s and 1.4 GB. */
#define CONTENT_MAX_TOTAL_BYTES (128u << 20)

/* Returns the model, or NULL with at least one entry in `d`. Never a
 * partial model. Free with report_free. */
struct report *content_load(const char *dir, struct diag *d);

/* The names of the content files in `dir` (*.yaml but dot files), sorted
 * as the loader reads them: at most CONTENT_MAX_FILES + 1 (more than the
 * limit). 0, or an errno (ENOMEM; the directory's). Caller frees each name
 * and the array. */
int content_names(const char *dir, char ***names, size_t *count);

/* The same for one file's bytes held in memory (the fuzzer's way in);
 * `name` is used in messages. */
struct report *content_load_memory(const char *name, const unsigned char *bytes, size_t len,
				   struct diag *d);

#endif
