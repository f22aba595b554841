/* statefile.c - atomic replacement of a state file: write a temporary
 * file in the same directory (so rename cannot cross file systems), flush
 * it to disk, rename it over the old one. */
#include "statefile.h"
#include "regfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* mkdir -p for the directory part of path. */
static int make_parent(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			free(dir);
			errno = e;
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		if (w == 0) {
			errno = EIO;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int statefile_write(const char *path, const char *data, size_t len)
{
	return statefile_write_mode(path, data, len, 0600);
}

int statefile_write_mode(const char *path, const char *data, size_t len, mode_t mode)
{
	char *tmp = NULL;
	if (make_parent(path) != 0)
		return -1;
	if (asprintf(&tmp, "%s.XXXXXX", path) < 0) {
		errno = ENOMEM;
		return -1;
	}
	int fd = mkstemp(tmp);
	int rc = fd < 0 ? -1 : write_all(fd, data, len);
	if (rc == 0 && mode != 0600) /* mkstemp's */
		rc = fchmod(fd, mode);
	if (rc == 0)
		rc = fsync(fd);
	int e = errno;
	if (fd >= 0 && close(fd) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0 && fd >= 0)
		unlink(tmp);
	free(tmp);
	errno = e;
	return rc;
}

int statefile_read(const char *path, size_t max, char **text, char *why, size_t whylen)
{
	*text = NULL;
	FILE *f = regfile_open(path, why, whylen);
	if (!f)
		return errno == ENOENT ? 1 : -1;
	struct stat st;
	int rc = -1;
	if (fstat(fileno(f), &st) != 0) {
		snprintf(why, whylen, "%s", strerror(errno));
	} else if ((unsigned long long)st.st_size > max) {
		snprintf(why, whylen, "larger than %zu KiB", max >> 10);
	} else {
		char *buf = malloc((size_t)st.st_size + 1);
		size_t got = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
		if (buf && got == (size_t)st.st_size && !ferror(f)) {
			buf[got] = '\0';
			*text = buf;
			rc = 0;
		} else {
			snprintf(why, whylen, "%s", buf ? "cannot be read whole" : "out of memory");
			free(buf);
		}
	}
	fclose(f);
	return rc;
}

/* A lock on the directory that holds path (flock on the directory
 * itself, so no lock file is left about), held until closed; -1 with why. */
static int lock_dir_of(const char *path, char *why, size_t whylen)
{
	char *dir = strdup(path);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	if (!slash || make_parent(path) != 0) {
		snprintf(why, whylen, "%s", dir ? strerror(errno) : "out of memory");
		free(dir);
		return -1;
	}
	*(slash == dir ? slash + 1 : slash) = '\0';
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int e = errno;
	free(dir);
	if (fd < 0) {
		snprintf(why, whylen, "cannot lock its directory: %s", strerror(e));
		return -1;
	}
	/* another session saves in milliseconds: wait for it, but not forever */
	for (int tries = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; tries++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || tries == 200) {
			snprintf(why, whylen, "cannot lock its directory: %s",
				 errno == EWOULDBLOCK ? "another temm holds the lock" : strerror(errno));
			close(fd);
			return -1;
		}
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	}
	return fd;
}

int statefile_update(const char *path, size_t max, statefile_merge_fn *merge, void *arg,
		     char *why, size_t whylen)
{
	int lock = lock_dir_of(path, why, whylen);
	if (lock < 0)
		return -1;
	char *current = NULL, *next = NULL;
	char reason[256];
	int rc = statefile_read(path, max, &current, reason, sizeof(reason));
	if (rc < 0) {
		snprintf(why, whylen, "left as it is: %s", reason);
	} else {
		next = merge(current, arg, why, whylen);
		rc = next ? statefile_write(path, next, strlen(next)) : -1;
		if (next && rc != 0)
			snprintf(why, whylen, "%s", strerror(errno));
	}
	free(current);
	free(next);
	close(lock); /* releases the flock */
	return rc < 0 ? -1 : 0;
}
