/* benchutil.h - what the bench programs share: a monotonic clock, summary
 * statistics of repeated runs, and running a program with its peak RSS. */
#ifndef TEMM_BENCHUTIL_H
#define TEMM_BENCHUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Seconds on the monotonic clock (nanosecond resolution). */
double bench_now(void);
void bench_sleep(double seconds);

/* A growing list of samples. */
struct samples {
	double *v;
	size_t n, cap;
};
void samples_add(struct samples *s, double x);
void samples_free(struct samples *s);
/* Nearest-rank percentile (0-100) of the samples; 0 when there are none.
 * Sorts a copy; the samples keep their order. */
double samples_pct(const struct samples *s, double pct);
double samples_min(const struct samples *s);
double samples_max(const struct samples *s);
double samples_median(const struct samples *s);

/* Run argv (argv[0] looked up in PATH) with stdin from /dev/null, stdout to
 * `out_path` (NULL: /dev/null) and stderr to /dev/null unless `show_err`.
 * Waits; gives the wall time in seconds and the peak RSS in KiB (getrusage
 * of the child, via wait4). Returns the exit status, or -1 if it could not
 * run or was killed. */
int bench_run(char *const argv[], const char *out_path, bool show_err, double *wall,
	      long *maxrss_kb);

/* The whole output of a command (stdout), NUL-terminated, or NULL. */
char *bench_capture(char *const argv[], int *status);

/* Bytes of the regular files of a directory with a name ending in .yaml,
 * and how many there are. */
long long bench_dir_bytes(const char *dir, int *files);

/* A field of /proc/PID/status ("VmHWM", "VmRSS", ...) in kB; -1 if unknown. */
long bench_proc_status_kb(pid_t pid, const char *field);

#endif
