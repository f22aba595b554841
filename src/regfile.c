/* regfile.c - opening only regular files, without ever blocking in open. */
#include "regfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *regfile_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

FILE *regfile_open(const char *path, char *why, size_t whylen)
{
	/* O_NONBLOCK: open returns at once on a FIFO with no writer; O_NOCTTY:
	 * a terminal device never becomes temm's controlling terminal */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	int e;
	if (fd < 0) {
		e = errno;
		snprintf(why, whylen, "%s", strerror(e));
		errno = e;
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		snprintf(why, whylen, "%s", strerror(e));
	} else if (!S_ISREG(st.st_mode)) {
		e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		snprintf(why, whylen, "%s, not a regular file", regfile_kind(st.st_mode));
	} else {
		/* a regular file: reads block as usual again */
		int flags = fcntl(fd, F_GETFL);
		FILE *f = flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb")
										     : NULL;
		if (f)
			return f;
		e = errno;
		snprintf(why, whylen, "%s", strerror(e));
	}
	close(fd);
	errno = e;
	return NULL;
}
