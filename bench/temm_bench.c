/* temm_bench.c - `make bench`: temm side by side with less and grep, at 1x
 * to 1000x the report (see bench/README).
 *
 *   temm_bench --temm PATH --search PATH --content DIR --out DIR --results FILE
 *              [--quick] [--scales 1,10,100,1000]
 *
 * For every scale: `temm check` (load + validate) repeated, with its peak
 * RSS; bench_search (in-process search per keystroke, index build, and the
 * grep -rci baseline); and in one private tmux server, driven through a
 * control-mode client so that polling the screen costs a round trip and not
 * a process: time to the first full screen of the browser and of `less` on
 * the `temm dump` text, their peak RSS after a scripted session, and the
 * bytes each writes to the terminal for that session (tmux pipe-pane). At
 * 1x, 100 browsers and 100 less open at once: memory (PSS, private) and CPU
 * while idle. Prints one table and writes the figures as JSON.
 *
 * Exit 0 when it ran (whatever the figures), 1 when it could not run. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <jansson.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "benchutil.h"

extern char **environ;

#define SCALES_MAX 8
#define SESSIONS 100
#define IDLE_SECONDS 10.0
#define FIRST_SCREEN_TIMEOUT 30.0
#define FIRST_SCREEN_TIMEOUT_MAX 45.0

static const char *temm_path, *search_path, *content_src, *out_dir, *results_path;
static bool quick, debug, have_less;
static char *xdg_config, *xdg_state;

/* Forget what earlier runs of the browser saved. */
static void reset_state(void)
{
	char *argv[] = { "rm", "-rf", xdg_state, NULL };
	if (xdg_state)
		bench_run(argv, NULL, true, NULL, NULL);
}

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("temm_bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* Progress, on stderr, so that stdout is the table. */
static void note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		fail("out of memory");
	return d;
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		fail("out of memory");
	return s;
}

/* The machine's load average over the last minute (/proc/loadavg), or -1.
 * Every measured run records it: figures taken while it was above 1 had
 * other work competing for the cores, and are marked so. */
static double load_now(void)
{
	FILE *fp = fopen("/proc/loadavg", "r");
	double l = -1;
	if (fp) {
		if (fscanf(fp, "%lf", &l) != 1)
			l = -1;
		fclose(fp);
	}
	return l;
}

static struct samples load_all; /* every run's, for the table's head */

static void load_mark(struct samples *s)
{
	double l = load_now();
	if (l < 0)
		return;
	samples_add(s, l);
	samples_add(&load_all, l);
}

static json_t *stats_json(const struct samples *s)
{
	if (!s->n)
		return json_null();
	return json_pack("{s:f,s:f,s:f,s:I}", "median", samples_median(s), "min", samples_min(s),
			 "max", samples_max(s), "n", (json_int_t)s->n);
}

static double jnum(json_t *o, const char *path)
{
	/* "a.b.c" */
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", path);
	json_t *v = o;
	for (char *save = NULL, *k = strtok_r(buf, ".", &save); k && v; k = strtok_r(NULL, ".", &save))
		v = json_object_get(v, k);
	return v && json_is_number(v) ? json_number_value(v) : -1;
}

/* Where PATH finds `name`, into buf; false if nowhere. */
static bool find_program(const char *name, char *buf, size_t size)
{
	const char *path = getenv("PATH");
	if (!path)
		return false;
	char *copy = xstrdup(path);
	bool found = false;
	for (char *save = NULL, *d = strtok_r(copy, ":", &save); d && !found;
	     d = strtok_r(NULL, ":", &save)) {
		char *p = xasprintf("%s/%s", d, name);
		found = access(p, X_OK) == 0;
		if (found && buf)
			snprintf(buf, size, "%s", p);
		free(p);
	}
	free(copy);
	return found;
}

static bool have_program(const char *name)
{
	return find_program(name, NULL, 0);
}

static char *first_line_of(char *const argv[])
{
	int st;
	char *out = bench_capture(argv, &st);
	if (!out)
		return xstrdup("?");
	out[strcspn(out, "\n")] = '\0';
	return out;
}

/* ------------------------------------------------------------------ */
/* one private tmux server, driven by a control-mode client */

struct tmux {
	char *socket;
	char *socket_path; /* the server leaves it behind on kill-server */
	volatile pid_t server_pid;
	pid_t client;
	FILE *in;  /* commands to the client */
	int out;   /* its replies */
	char buf[1 << 16];
	size_t len;
	bool ok;
};

static struct tmux tm;

static char *tm_read_line(double timeout)
{
	static char line[1 << 16];
	double end = bench_now() + timeout;
	for (;;) {
		char *nl = memchr(tm.buf, '\n', tm.len);
		if (nl) {
			size_t n = (size_t)(nl - tm.buf);
			if (n >= sizeof(line))
				n = sizeof(line) - 1;
			memcpy(line, tm.buf, n);
			line[n] = '\0';
			size_t used = (size_t)(nl - tm.buf) + 1;
			memmove(tm.buf, tm.buf + used, tm.len - used);
			tm.len -= used;
			return line;
		}
		if (tm.len == sizeof(tm.buf))
			tm.len = 0; /* an absurdly long line: drop it */
		double left = end - bench_now();
		if (left <= 0)
			return NULL;
		struct pollfd pfd = { tm.out, POLLIN, 0 };
		int rc = poll(&pfd, 1, (int)(left * 1000) + 1);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0)
			return NULL;
		ssize_t n = read(tm.out, tm.buf + tm.len, sizeof(tm.buf) - tm.len);
		if (n <= 0)
			return NULL;
		tm.len += (size_t)n;
	}
}

/* Run one tmux command; its output lines joined by '\n' (caller frees), or
 * NULL on an error reply or a dead client. */
static char *tm_cmd(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *tm_cmd(const char *fmt, ...)
{
	if (!tm.ok)
		return NULL;
	char cmd[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (debug)
		fprintf(stderr, "tmux> %s\n", cmd);
	fprintf(tm.in, "%s\n", cmd);
	fflush(tm.in);
	char *out = NULL;
	size_t len = 0;
	bool in_block = false;
	for (;;) {
		char *line = tm_read_line(60);
		if (!line && debug)
			fprintf(stderr, "tmux: no reply (%s)\n", strerror(errno));
		if (!line) {
			tm.ok = false;
			free(out);
			return NULL;
		}
		if (!in_block) {
			if (strncmp(line, "%begin ", 7) == 0)
				in_block = true;
			continue; /* notifications */
		}
		bool end = strncmp(line, "%end ", 5) == 0, error = strncmp(line, "%error ", 7) == 0;
		if (end || error) {
			if (error && debug)
				fprintf(stderr, "tmux error: %s\n", out ? out : "");
			if (error) {
				free(out);
				return NULL;
			}
			return out ? out : xstrdup("");
		}
		size_t n = strlen(line);
		char *g = realloc(out, len + n + 2);
		if (!g)
			fail("out of memory");
		out = g;
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
}

static bool tm_do(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static bool tm_do(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	char *out = tm_cmd("%s", cmd);
	free(out);
	return out != NULL;
}

static bool tm_start(void)
{
	tm.socket = xasprintf("temm-bench-%ld", (long)getpid());
	char *start[] = { "tmux", "-L", tm.socket, "-f", "/dev/null", "new-session", "-d", "-s", "bench",
			  "-x", "80", "-y", "24", NULL };
	if (bench_run(start, NULL, true, NULL, NULL) != 0)
		return false;
	int to[2], from[2];
	if (pipe(to) != 0 || pipe(from) != 0)
		return false;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to[0], 0);
	posix_spawn_file_actions_adddup2(&fa, from[1], 1);
	posix_spawn_file_actions_addclose(&fa, to[0]);
	posix_spawn_file_actions_addclose(&fa, to[1]);
	posix_spawn_file_actions_addclose(&fa, from[0]);
	posix_spawn_file_actions_addclose(&fa, from[1]);
	char *client[] = { "tmux", "-L", tm.socket, "-C", "attach-session", "-t", "bench", NULL };
	int rc = posix_spawnp(&tm.client, "tmux", &fa, NULL, client, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(to[0]);
	close(from[1]);
	if (rc != 0)
		return false;
	tm.in = fdopen(to[1], "w");
	tm.out = from[0];
	tm.ok = tm.in != NULL;
	/* the attach's own reply */
	for (char *line; tm.ok && (line = tm_read_line(10)) != NULL;)
		if (strncmp(line, "%end ", 5) == 0 || strncmp(line, "%error ", 7) == 0)
			break;
	if (!tm.ok)
		return false;
	tm_do("refresh-client -f no-output");
	char *spid = tm_cmd("display-message -p '#{pid}'");
	if (spid)
		tm.server_pid = (pid_t)strtol(spid, NULL, 10);
	free(spid);
	char *path = tm_cmd("display-message -p '#{socket_path}'");
	if (path) {
		path[strcspn(path, "\n")] = '\0';
		tm.socket_path = path;
	}
	/* Windows keep the session's 80x24: a control client does not size them.
	 * (Not "window-size manual" nor "refresh-client -C": with a control
	 * client attached, either crashes tmux 3.3a on the next new-window.) */
	return tm_do("set-option -g status off") && tm_do("set-option -g default-size 80x24") &&
	       tm_do("set-option -g remain-on-exit on") && tm_do("set-option -g history-limit 100");
}

static void tm_stop(void)
{
	if (!tm.socket)
		return;
	if (tm.in) {
		tm_do("kill-server");
		fclose(tm.in);
		tm.in = NULL;
	}
	if (tm.client > 0) {
		int st;
		for (int i = 0; i < 200 && waitpid(tm.client, &st, WNOHANG) == 0; i++)
			bench_sleep(0.01);
		if (waitpid(tm.client, &st, WNOHANG) == 0) {
			kill(tm.client, SIGTERM);
			waitpid(tm.client, &st, 0);
		}
		tm.client = 0;
	}
	/* in case the client died first: this server only */
	char *kill_srv[] = { "tmux", "-L", tm.socket, "kill-server", NULL };
	bench_run(kill_srv, NULL, false, NULL, NULL);
	for (int i = 0; tm.server_pid > 0 && i < 200 && kill(tm.server_pid, 0) == 0; i++)
		bench_sleep(0.01);
	if (tm.server_pid > 0 && kill(tm.server_pid, 0) == 0)
		kill(tm.server_pid, SIGTERM);
	if (tm.socket_path && *tm.socket_path)
		unlink(tm.socket_path);
	tm.ok = false;
}

/* Interrupted: end our tmux server (its panes get a hang-up) and our
 * control client, by pid; only async-signal-safe calls here. */
static void on_signal(int sig)
{
	(void)sig;
	if (tm.client > 0)
		kill(tm.client, SIGTERM);
	if (tm.server_pid > 0)
		kill(tm.server_pid, SIGTERM);
	if (tm.socket_path)
		unlink(tm.socket_path);
	_exit(1);
}

/* A shell word in single quotes, for tmux's own parser and then sh. */
static char *quote(const char *s)
{
	if (strchr(s, '\''))
		fail("a path with a single quote cannot be passed to tmux: %s", s);
	return xasprintf("'%s'", s);
}

/* A new window running `command` (a sh command line); its pane id. */
static char *tm_window(const char *command)
{
	/* tmux parses the command string once, sh once more: quote for tmux */
	char *esc = malloc(strlen(command) * 4 + 3);
	if (!esc)
		fail("out of memory");
	char *w = esc;
	*w++ = '"';
	for (const char *p = command; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '$')
			*w++ = '\\';
		*w++ = *p;
	}
	*w++ = '"';
	*w = '\0';
	char *out = tm_cmd("new-window -d -P -F '#{pane_id}' -t bench: %s", esc);
	free(esc);
	if (!out)
		return NULL;
	out[strcspn(out, "\n")] = '\0';
	return out;
}

static long tm_pane_number(const char *pane, const char *format)
{
	char *out = tm_cmd("display-message -p -t %s '%s'", pane, format);
	long v = out ? strtol(out, NULL, 10) : -1;
	free(out);
	return v;
}

/* Close a pane; if its program outlives the hang-up (busy before it
 * installs its handlers, or ignoring it), end it: it is ours. */
static void tm_kill(const char *pane)
{
	long pid = tm_pane_number(pane, "#{?pane_dead,0,#{pane_pid}}");
	tm_do("kill-pane -t %s", pane);
	for (int i = 0; pid > 0 && i < 100 && kill((pid_t)pid, 0) == 0; i++)
		bench_sleep(0.01);
	if (pid > 0 && kill((pid_t)pid, 0) == 0)
		kill((pid_t)pid, SIGKILL);
}

/* ------------------------------------------------------------------ */
/* the screen */

struct expect {
	const char *strings[6]; /* all must show */
	bool bottom_row;        /* and the last row must not be blank */
};

static bool screen_has(const char *screen, const struct expect *e)
{
	for (int i = 0; i < 6 && e->strings[i]; i++)
		if (!strstr(screen, e->strings[i]))
			return false;
	if (!e->bottom_row)
		return true;
	/* the 24th line (capture-pane prints every row of the pane) */
	const char *p = screen;
	for (int row = 0; row < 23 && p; row++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p)
		return false;
	for (; *p && *p != '\n'; p++)
		if (!isspace((unsigned char)*p))
			return true;
	return false;
}

/* Poll the pane until the expected screen shows; the time it took from
 * `t0`, or -1 (timeout, or the program ended first; `why` says which). */
static double wait_screen(const char *pane, const struct expect *e, double t0, double timeout,
			  char **last, const char **why)
{
	*why = NULL;
	bool seen = false;
	for (int polls = 0;; polls++) {
		char *screen = tm_cmd("capture-pane -p -t %s", pane);
		double now = bench_now();
		if (!screen) {
			*why = "tmux failed";
			return -1;
		}
		if (debug && !seen && strspn(screen, " \n") != strlen(screen)) {
			seen = true;
			fprintf(stderr, "  first output after %.2f ms, %d polls\n", (now - t0) * 1e3, polls);
		}
		if (screen_has(screen, e)) {
			if (last) {
				free(*last);
				*last = screen;
			} else
				free(screen);
			return now - t0;
		}
		if (last) {
			free(*last);
			*last = screen;
		} else
			free(screen);
		if (now - t0 > timeout) {
			*why = "did not show it in time (timed out)";
			return -1;
		}
		if (polls % 64 == 63 && tm_pane_number(pane, "#{pane_dead}") == 1) {
			*why = "exited without showing it";
			return -1;
		}
		bench_sleep(0.0002);
	}
}

static long long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* The state letter of a process (R running, S sleeping, ...), or 0. */
static char proc_state(long pid)
{
	char path[64], buf[512];
	if (pid <= 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return 0;
	size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* Wait until the piped output has not grown for `quiet` seconds and the
 * program (pid, if > 0) is asleep waiting for a key. */
static void settle(const char *pipe_file, long pid, double quiet, double timeout)
{
	double start = bench_now(), since = start;
	long long size = file_size(pipe_file);
	while (bench_now() - start < timeout) {
		bench_sleep(0.005);
		long long now = file_size(pipe_file);
		char st = proc_state(pid);
		if (now != size || st == 'R' || st == 'D') {
			size = now;
			since = bench_now();
		} else if (bench_now() - since >= quiet) {
			return;
		}
	}
}

/* ------------------------------------------------------------------ */
/* what runs in the terminal */

struct program {
	const char *name;    /* "temm", "less" */
	char *command;       /* sh command line */
	struct expect first; /* the first full screen */
	const char *const *session_keys; /* after the first screen; NULL-terminated */
};

/* The typed search (issue 15), the same keys for both: a search typed a
 * letter at a time (each sent once the output settles: about every 30-60
 * ms, a fast typist), opened, and two steps to the next match. */
static const char *const search_keys[] = { "/", "=marine", "Enter", "n", "n", "q", NULL };

/* tmux key names; "=text" types the text a character at a time. temm opens
 * on its home screen: `r` opens the report as a book, `2` its text pane
 * (pane 1 is the contents), where Space pages like less's. */
static const char *const temm_keys[] = { "r", "2", "Space", "Space", "Space", "Space", "Space", "Space",
					 "Space", "Space", "Space", "Space", "/", "=water", "Enter",
					 "q", NULL };
static const char *const less_keys[] = { "Space", "Space", "Space", "Space", "Space", "Space",
					 "Space", "Space", "Space", "Space", "/", "=water", "Enter",
					 "q", NULL };

struct screen_result {
	struct samples first_ms;
	struct samples rss_kb;   /* VmHWM at the first screen */
	char *failure;           /* why it could not be measured */
	char *screen;            /* the last first screen seen */
};

/* A window whose shell waits for Enter before it execs the program, so
 * that the clock starts when the program does, not when tmux makes a
 * window. `pipe_file`: the pane's output goes there from the start (the
 * marker the shell prints before waiting is not part of it). Returns the
 * pane, or NULL. */
static char *ready_window(const struct program *p, const char *pipe_file)
{
	reset_state();
	char *cmd = xasprintf("stty -echo; printf %s; read x; %s", "'<ready>'", p->command);
	char *pane = tm_window(cmd);
	free(cmd);
	if (!pane)
		return NULL;
	const struct expect ready = { { "<ready>", NULL }, false };
	const char *why;
	if (wait_screen(pane, &ready, bench_now(), 10, NULL, &why) < 0) {
		tm_kill(pane);
		free(pane);
		return NULL;
	}
	bench_sleep(0.005); /* the shell is inside read */
	if (pipe_file) {
		unlink(pipe_file);
		char *q = quote(pipe_file);
		tm_do("pipe-pane -t %s \"exec cat > %s\"", pane, q);
		free(q);
		for (int i = 0; i < 200 && file_size(pipe_file) < 0; i++)
			bench_sleep(0.005);
	}
	return pane;
}

static void measure_first_screen(const struct program *p, struct screen_result *res, double timeout)
{
	char *pane = ready_window(p, NULL);
	if (!pane) {
		res->failure = xstrdup("tmux could not open a window");
		return;
	}
	const char *why;
	double t0 = bench_now();
	tm_do("send-keys -t %s Enter", pane);
	double t = wait_screen(pane, &p->first, t0, timeout, &res->screen, &why);
	if (debug)
		fprintf(stderr, "%s: first screen %.2f ms\n", p->name, t * 1e3);
	long pid = tm_pane_number(pane, "#{pane_pid}");
	if (t < 0) {
		if (!res->failure)
			res->failure = xasprintf("%s %s", p->name, why);
	} else {
		samples_add(&res->first_ms, t * 1e3);
		long hwm = pid > 0 ? bench_proc_status_kb((pid_t)pid, "VmHWM") : -1;
		if (hwm > 0)
			samples_add(&res->rss_kb, (double)hwm);
	}
	tm_kill(pane);
	free(pane);
}

struct session_result {
	struct samples bytes, rss_kb, seconds;
	char *failure;
	json_t *steps; /* bytes written after each step, of the last session */
};

static void step_bytes(json_t *steps, const char *step, const char *pipe_file, long long *before)
{
	long long now = file_size(pipe_file);
	json_array_append_new(steps, json_pack("{s:s,s:I}", "step", step, "bytes",
					       (json_int_t)(now - *before)));
	*before = now;
}

/* open, the keys, quit: bytes written to the terminal */
static void measure_session(const struct program *p, const char *const *keys, const char *pipe_file,
			    double timeout, struct session_result *res)
{
	char *pane = ready_window(p, pipe_file);
	if (!pane) {
		res->failure = xstrdup("tmux could not open a window");
		return;
	}
	double t0 = bench_now();
	tm_do("send-keys -t %s Enter", pane);
	const char *why;
	char *screen = NULL;
	if (wait_screen(pane, &p->first, t0, timeout, &screen, &why) < 0) {
		res->failure = xasprintf("%s %s", p->name, why);
		free(screen);
		tm_kill(pane);
		free(pane);
		return;
	}
	free(screen);
	long pid = tm_pane_number(pane, "#{pane_pid}");
	settle(pipe_file, pid, 0.05, timeout);
	long hwm = -1;
	long long before = 0;
	json_decref(res->steps);
	res->steps = json_array();
	step_bytes(res->steps, "first screen", pipe_file, &before);
	for (const char *const *k = keys; *k; k++) {
		if (strcmp(*k, "q") == 0 && pid > 0)
			hwm = bench_proc_status_kb((pid_t)pid, "VmHWM"); /* just before it quits */
		if ((*k)[0] == '=') {
			for (const char *c = *k + 1; *c; c++) {
				tm_do("send-keys -t %s -l '%c'", pane, *c);
				settle(pipe_file, pid, 0.03, timeout);
			}
			step_bytes(res->steps, *k + 1, pipe_file, &before);
			continue;
		}
		tm_do("send-keys -t %s %s", pane, *k);
		settle(pipe_file, pid, strcmp(*k, "Enter") == 0 ? 0.1 : 0.04, timeout);
		if (strcmp(*k, "q") != 0)
			step_bytes(res->steps, *k, pipe_file, &before);
	}
	/* it should have quit */
	for (int i = 0; i < 500 && tm_pane_number(pane, "#{pane_dead}") != 1; i++)
		bench_sleep(0.01);
	bool quit = tm_pane_number(pane, "#{pane_dead}") == 1;
	tm_do("pipe-pane -t %s", pane); /* close the pipe */
	settle(pipe_file, 0, 0.05, 2);
	step_bytes(res->steps, "q", pipe_file, &before);
	double seconds = bench_now() - t0;
	tm_kill(pane);
	free(pane);
	if (!quit && !res->failure)
		res->failure = xasprintf("%s did not quit on the session's keys", p->name);
	samples_add(&res->bytes, (double)file_size(pipe_file));
	if (hwm > 0)
		samples_add(&res->rss_kb, (double)hwm);
	samples_add(&res->seconds, seconds);
}

/* ------------------------------------------------------------------ */
/* 100 sessions at once */

struct proc_mem {
	long rss, pss, private_kb, shared_kb;
	long long ticks;
	long switches;
};

static bool read_proc(pid_t pid, struct proc_mem *m)
{
	char path[64], line[256];
	memset(m, 0, sizeof(*m));
	snprintf(path, sizeof(path), "/proc/%ld/smaps_rollup", (long)pid);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return false;
	while (fgets(line, sizeof(line), fp)) {
		long v;
		char key[64];
		if (sscanf(line, "%63[^:]: %ld kB", key, &v) != 2)
			continue;
		if (strcmp(key, "Rss") == 0)
			m->rss = v;
		else if (strcmp(key, "Pss") == 0)
			m->pss = v;
		else if (strcmp(key, "Private_Clean") == 0 || strcmp(key, "Private_Dirty") == 0)
			m->private_kb += v;
		else if (strcmp(key, "Shared_Clean") == 0 || strcmp(key, "Shared_Dirty") == 0)
			m->shared_kb += v;
	}
	fclose(fp);
	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	fp = fopen(path, "r");
	if (!fp)
		return false;
	char stat[1024];
	size_t n = fread(stat, 1, sizeof(stat) - 1, fp);
	fclose(fp);
	stat[n] = '\0';
	/* fields after the ")" of the command name: state is field 3; utime 14, stime 15 */
	char *p = strrchr(stat, ')');
	unsigned long long ut = 0, st = 0;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
		return false;
	m->ticks = (long long)(ut + st);
	m->switches = bench_proc_status_kb(pid, "voluntary_ctxt_switches") +
		      bench_proc_status_kb(pid, "nonvoluntary_ctxt_switches");
	return true;
}

struct crowd {
	const struct program *p;
	char *panes[SESSIONS];
	long pids[SESSIONS];
	int open, shown;
	struct proc_mem before[SESSIONS], after[SESSIONS];
	char *failure;
};

static json_t *crowd_json(struct crowd *c, double *pss_total_mb, double *private_mb,
			  long long *ticks, long *switches)
{
	struct samples pss = { 0 }, priv = { 0 }, rss = { 0 };
	long long tick_sum = 0;
	long sw = 0, pss_sum = 0;
	int measured = 0;
	for (int i = 0; i < c->open; i++) {
		if (c->pids[i] <= 0 || c->after[i].rss == 0)
			continue;
		measured++;
		samples_add(&pss, (double)c->after[i].pss);
		samples_add(&priv, (double)c->after[i].private_kb);
		samples_add(&rss, (double)c->after[i].rss);
		pss_sum += c->after[i].pss;
		tick_sum += c->after[i].ticks - c->before[i].ticks;
		sw += c->after[i].switches - c->before[i].switches;
	}
	*pss_total_mb = (double)pss_sum / 1024.0;
	*private_mb = samples_median(&priv) / 1024.0;
	*ticks = tick_sum;
	*switches = sw;
	json_t *o = json_pack("{s:i,s:i,s:f,s:f,s:f,s:f,s:I,s:I,s:f}", "sessions", measured,
			      "showed_first_screen", c->shown, "pss_total_mb", *pss_total_mb,
			      "pss_per_session_kb", samples_median(&pss), "private_per_session_kb",
			      samples_median(&priv), "rss_per_session_kb", samples_median(&rss),
			      "idle_cpu_ticks", (json_int_t)tick_sum, "idle_context_switches",
			      (json_int_t)sw, "idle_seconds", IDLE_SECONDS);
	if (c->failure)
		json_object_set_new(o, "failure", json_string(c->failure));
	samples_free(&pss);
	samples_free(&priv);
	samples_free(&rss);
	return o;
}

static void crowd_open(struct crowd *c)
{
	reset_state();
	for (int i = 0; i < SESSIONS; i++) {
		c->panes[i] = tm_window(c->p->command);
		if (!c->panes[i])
			break;
		c->open++;
	}
}

static void crowd_wait(struct crowd *c, double timeout)
{
	double t0 = bench_now();
	for (int i = 0; i < c->open; i++) {
		const char *why;
		double left = timeout - (bench_now() - t0);
		if (wait_screen(c->panes[i], &c->p->first, bench_now(), left > 1 ? left : 1, NULL, &why) >= 0)
			c->shown++;
		else if (!c->failure)
			c->failure = xasprintf("%s %s", c->p->name, why);
		c->pids[i] = tm_pane_number(c->panes[i], "#{pane_pid}");
	}
}

static void crowd_read(struct crowd *c, struct proc_mem *into)
{
	for (int i = 0; i < c->open; i++)
		if (c->pids[i] > 0 && tm_pane_number(c->panes[i], "#{pane_dead}") == 0)
			read_proc((pid_t)c->pids[i], &into[i]);
		else
			memset(&into[i], 0, sizeof(into[i]));
}

static void crowd_close(struct crowd *c)
{
	for (int i = 0; i < c->open; i++) {
		tm_kill(c->panes[i]);
		free(c->panes[i]);
	}
	c->open = 0;
}

/* ------------------------------------------------------------------ */
/* one scale */

struct scale {
	int factor;
	double first_timeout; /* seconds the browser's first screen was waited for */
	char *dir, *dump, *label;
	json_t *content, *check, *search, *browser;
	struct samples check_ms, check_rss;
	struct screen_result temm_screen, less_screen;
	struct session_result temm_session, less_session;
	struct session_result temm_typed, less_typed; /* the typed search */
	struct samples load;     /* at each terminal run of this scale */
	/* `temm search --count` and `grep -rci`, whole processes, in pairs */
	struct samples count_ms, grep_ms, count_ratio, count_load;
	json_t *count;
};

static struct scale scales[SCALES_MAX];
static int scales_count;

static int reps_for(int factor, int r1, int r10, int r100, int r1000)
{
	int r = factor >= 1000 ? r1000 : factor >= 100 ? r100 : factor >= 10 ? r10 : r1;
	return quick ? (r + 2) / 3 : r;
}

static void run_check(struct scale *s)
{
	char *argv[] = { (char *)temm_path, "--content", s->dir, "check", NULL };
	int reps = reps_for(s->factor, 15, 10, 7, 3);
	for (int i = 0; i < reps; i++) {
		double wall;
		long rss;
		if (bench_run(argv, NULL, i == 0, &wall, &rss) != 0)
			fail("the %s content in %s does not load: temm --content %s check failed",
			     s->label, s->dir, s->dir);
		samples_add(&s->check_ms, wall * 1e3);
		samples_add(&s->check_rss, (double)rss);
	}
	s->check = json_pack("{s:o,s:o}", "wall_ms", stats_json(&s->check_ms), "peak_rss_kb",
			     stats_json(&s->check_rss));
}

static void run_search(struct scale *s)
{
	char reps[16], budget[16];
	snprintf(reps, sizeof(reps), "%d", reps_for(s->factor, 20, 10, 5, 2));
	snprintf(budget, sizeof(budget), "%d", quick ? 10 : s->factor >= 1000 ? 45 : 30);
	char *argv[] = { (char *)search_path, "--content", s->dir, "--reps", reps, "--load-reps",
			 s->factor >= 1000 ? "2" : "5", "--budget", budget, "--grep", NULL };
	int st;
	char *out = bench_capture(argv, &st);
	json_error_t err;
	s->search = out && st == 0 ? json_loads(out, 0, &err) : NULL;
	free(out);
	if (!s->search)
		fail("bench_search failed on %s", s->dir);
}

/* What a run of temm on this content leaves for the next ones (a cache,
 * if the binary keeps one), and the files in the page cache: done once
 * before a scale's runs, so that every run measured finds what a second
 * start finds - as less finds its file, written just before. */
static void warm_up(struct scale *s)
{
	char *argv[] = { (char *)temm_path, "--content", s->dir, "list", "stages", NULL };
	if (bench_run(argv, NULL, false, NULL, NULL) != 0)
		fail("temm --content %s list stages failed", s->dir);
}

/* `temm search --count` against `grep -ci` over the same content files,
 * whole processes (exec, load, search, exit), in pairs one after the
 * other so that both see the same machine. */
static void run_count(struct scale *s)
{
	static const char word[] = "marine";
	glob_t g;
	char *pattern = xasprintf("%s/*.yaml", s->dir);
	if (glob(pattern, 0, NULL, &g) != 0 || g.gl_pathc == 0)
		fail("no content files in %s", s->dir);
	free(pattern);
	char **gargv = calloc(g.gl_pathc + 4, sizeof(char *));
	if (!gargv)
		fail("out of memory");
	gargv[0] = "grep";
	gargv[1] = "-ci";
	gargv[2] = (char *)word;
	for (size_t i = 0; i < g.gl_pathc; i++)
		gargv[3 + i] = g.gl_pathv[i];
	char *targv[] = { (char *)temm_path, "--content", s->dir, "search", "--count", (char *)word, NULL };
	int reps = reps_for(s->factor, 21, 11, 9, 3);
	for (int i = -1; i < reps; i++) { /* the first pair warms the caches */
		double tw, gw;
		if (i >= 0)
			load_mark(&s->count_load);
		if (bench_run(targv, NULL, false, &tw, NULL) != 0)
			fail("temm --content %s search --count failed", s->dir);
		int st = bench_run(gargv, NULL, false, &gw, NULL);
		if (st != 0 && st != 1)
			fail("grep -ci failed on %s", s->dir);
		if (i < 0)
			continue;
		samples_add(&s->count_ms, tw * 1e3);
		samples_add(&s->grep_ms, gw * 1e3);
		samples_add(&s->count_ratio, tw / gw);
	}
	free(gargv);
	globfree(&g);
	s->count = json_pack("{s:s,s:o,s:o,s:o,s:o}", "word", word, "temm_ms", stats_json(&s->count_ms),
			     "grep_ms", stats_json(&s->grep_ms), "ratio_of_pairs",
			     stats_json(&s->count_ratio), "load_average", stats_json(&s->count_load));
}

static void make_dump(struct scale *s)
{
	char *argv[] = { (char *)temm_path, "--content", s->dir, "dump", NULL };
	setenv("COLUMNS", "80", 1);
	if (bench_run(argv, s->dump, false, NULL, NULL) != 0)
		fail("temm dump failed on %s", s->dir);
	unsetenv("COLUMNS");
}

static char *dump_first_line(const char *dump)
{
	FILE *fp = fopen(dump, "r");
	char line[256] = "";
	if (fp) {
		if (!fgets(line, sizeof(line), fp))
			line[0] = '\0';
		fclose(fp);
	}
	line[strcspn(line, "\n")] = '\0';
	line[30] = '\0'; /* enough to know it, short enough not to wrap */
	return xstrdup(line);
}

static void programs_for(const struct scale *s, struct program *temm, struct program *less,
			 char **first_line)
{
	char *qt = quote(temm_path), *qd = quote(s->dir), *qdump = quote(s->dump);
	temm->name = "temm";
	temm->command = xasprintf("exec %s --content %s", qt, qd);
	/* the home screen, whatever the scale: the stages, the first area, the
	 * timeline's header, the reader's page (at 10x and more the stages'
	 * list is taller, and the tenth area below the fold) */
	temm->first = (struct expect){ { "Foundation", "Deepening", "1) Air Pollution", "3 Timeline",
					 "Told in", NULL }, true };
	temm->session_keys = temm_keys;
	less->name = "less";
	less->command = xasprintf("exec less %s", qdump);
	*first_line = dump_first_line(s->dump);
	less->first = (struct expect){ { *first_line, NULL }, true };
	less->session_keys = less_keys;
	free(qt);
	free(qd);
	free(qdump);
}

static json_t *screen_json(struct screen_result *r)
{
	json_t *o = json_pack("{s:o,s:o}", "first_screen_ms", stats_json(&r->first_ms),
			      "rss_at_first_screen_kb", stats_json(&r->rss_kb));
	if (r->failure)
		json_object_set_new(o, "failure", json_string(r->failure));
	if (r->screen)
		json_object_set_new(o, "last_screen", json_string(r->screen));
	return o;
}

static json_t *session_json(struct session_result *r)
{
	json_t *o = json_pack("{s:o,s:o,s:o}", "bytes", stats_json(&r->bytes), "peak_rss_kb",
			      stats_json(&r->rss_kb), "seconds", stats_json(&r->seconds));
	if (r->steps)
		json_object_set(o, "bytes_by_step", r->steps);
	if (r->failure)
		json_object_set_new(o, "failure", json_string(r->failure));
	return o;
}

static double ratio(const struct samples *a, const struct samples *b)
{
	if (!a->n || !b->n || samples_median(b) <= 0)
		return -1;
	return samples_median(a) / samples_median(b);
}

static void run_terminal(struct scale *s)
{
	struct program temm, less;
	char *first;
	programs_for(s, &temm, &less, &first);
	/* A first screen that takes longer than FIRST_SCREEN_TIMEOUT misses every
	 * target by far. From one scale to the next, wait long enough to tell a
	 * linear browser from one that grows 3x as fast as the data, up to
	 * FIRST_SCREEN_TIMEOUT_MAX (more would not fit the bench in 5 minutes). */
	double timeout = FIRST_SCREEN_TIMEOUT;
	struct scale *prev = s > scales ? s - 1 : NULL;
	if (prev && prev->temm_screen.first_ms.n && prev->search && s->search) {
		double d = jnum(s->search, "bytes") / jnum(prev->search, "bytes");
		double need = 3.05 * d * samples_median(&prev->temm_screen.first_ms) / 1e3;
		if (need > timeout)
			timeout = need < FIRST_SCREEN_TIMEOUT_MAX ? need : FIRST_SCREEN_TIMEOUT_MAX;
	}
	s->first_timeout = timeout;
	int reps = reps_for(s->factor, 10, 5, 5, 2);
	for (int i = 0; i < reps; i++) {
		/* alternate, so that both see the same machine; a browser that
		 * failed once (and never succeeded) is not tried again */
		load_mark(&s->load);
		if (!s->temm_screen.failure || s->temm_screen.first_ms.n)
			measure_first_screen(&temm, &s->temm_screen, timeout);
		if (have_less)
			measure_first_screen(&less, &s->less_screen, timeout);
	}
	bool temm_ok = s->temm_screen.first_ms.n > 0;
	if (!temm_ok)
		s->temm_session.failure = xasprintf("not run: %s", s->temm_screen.failure ? s->temm_screen.failure : "no first screen");
	int sreps = reps_for(s->factor, 3, 1, 1, 1);
	char *pipe_temm = xasprintf("%s/session-x%d-temm.out", out_dir, s->factor);
	char *pipe_less = xasprintf("%s/session-x%d-less.out", out_dir, s->factor);
	for (int i = 0; i < sreps; i++) {
		load_mark(&s->load);
		if (!s->temm_session.failure)
			measure_session(&temm, temm.session_keys, pipe_temm, timeout, &s->temm_session);
		if (have_less)
			measure_session(&less, less.session_keys, pipe_less, timeout, &s->less_session);
	}
	if (!temm_ok)
		s->temm_typed.failure = xstrdup(s->temm_session.failure);
	for (int i = 0; i < sreps && s->factor <= 100; i++) {
		load_mark(&s->load);
		if (!s->temm_typed.failure)
			measure_session(&temm, search_keys, pipe_temm, timeout, &s->temm_typed);
		if (have_less)
			measure_session(&less, search_keys, pipe_less, timeout, &s->less_typed);
	}
	free(pipe_temm);
	free(pipe_less);
	s->browser = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "temm", screen_json(&s->temm_screen),
			       "less", screen_json(&s->less_screen), "temm_session",
			       session_json(&s->temm_session), "less_session",
			       session_json(&s->less_session), "temm_typed_search",
			       session_json(&s->temm_typed), "less_typed_search",
			       session_json(&s->less_typed), "load_average", stats_json(&s->load));
	json_object_set_new(s->browser, "typed_search_bytes_ratio",
			    json_real(ratio(&s->temm_typed.bytes, &s->less_typed.bytes)));
	json_object_set_new(s->browser, "first_screen_ratio",
			    json_real(ratio(&s->temm_screen.first_ms, &s->less_screen.first_ms)));
	json_object_set_new(s->browser, "peak_rss_ratio",
			    json_real(ratio(&s->temm_session.rss_kb, &s->less_session.rss_kb)));
	json_object_set_new(s->browser, "session_bytes_ratio",
			    json_real(ratio(&s->temm_session.bytes, &s->less_session.bytes)));
	free(temm.command);
	free(less.command);
	free(first);
}

/* ------------------------------------------------------------------ */
/* output */

static char cell_buf[160];

static int precision(double v)
{
	return v < 10 ? 2 : v < 100 ? 1 : 0;
}

/* "median [min-max]" with a precision that suits the size */
static const char *fmt_stats(const struct samples *s, double scale)
{
	if (!s->n)
		return "-";
	double m = samples_median(s) * scale, lo = samples_min(s) * scale, hi = samples_max(s) * scale;
	int p = precision(m);
	if (s->n == 1)
		snprintf(cell_buf, sizeof(cell_buf), "%.*f", p, m);
	else
		snprintf(cell_buf, sizeof(cell_buf), "%.*f [%.*f-%.*f]", p, m, p, lo, p, hi);
	return cell_buf;
}

static const char *fmt_num(double v, const char *unit)
{
	if (v < 0)
		return "-";
	snprintf(cell_buf, sizeof(cell_buf), "%.*f%s", precision(v), v, unit);
	return cell_buf;
}

/* json stats {median,min,max} as a cell */
static const char *fmt_jstats(json_t *o, const char *path, double scale)
{
	char p[128];
	snprintf(p, sizeof(p), "%s.median", path);
	double m = jnum(o, p);
	if (m < 0)
		return "-";
	snprintf(p, sizeof(p), "%s.min", path);
	double lo = jnum(o, p);
	snprintf(p, sizeof(p), "%s.max", path);
	double hi = jnum(o, p);
	snprintf(p, sizeof(p), "%s.n", path);
	double n = jnum(o, p);
	struct samples s = { 0 };
	samples_add(&s, m / scale);
	if (n > 1) {
		samples_add(&s, lo / scale);
		samples_add(&s, hi / scale);
	}
	const char *r = fmt_stats(&s, scale);
	samples_free(&s);
	return r;
}

#define COLW 21

static void row(const char *label, const char *cells[], int n)
{
	printf("%-30s", label);
	for (int i = 0; i < n; i++)
		printf(" %*s", COLW, cells[i]);
	putchar('\n');
}

/* One table row: `fn` makes the cell of a scale (into a static buffer). */
static void row_fn(const char *label, const char *(*fn)(struct scale *))
{
	char cells[SCALES_MAX][160];
	const char *ptrs[SCALES_MAX];
	for (int i = 0; i < scales_count; i++) {
		snprintf(cells[i], sizeof(cells[i]), "%s", fn(&scales[i]));
		ptrs[i] = cells[i];
	}
	row(label, ptrs, scales_count);
}

static const char *c_size(struct scale *s)
{
	snprintf(cell_buf, sizeof(cell_buf), "%.1f MB in %d files",
		 jnum(s->search, "bytes") / 1e6, (int)jnum(s->search, "files"));
	return cell_buf;
}
static const char *c_units(struct scale *s)
{
	snprintf(cell_buf, sizeof(cell_buf), "%.0f", jnum(s->search, "units"));
	return cell_buf;
}
static const char *c_check(struct scale *s) { return fmt_stats(&s->check_ms, 1); }
static const char *c_check_rss(struct scale *s) { return fmt_stats(&s->check_rss, 1.0 / 1024); }
static const char *c_load(struct scale *s) { return fmt_jstats(s->search, "load_ms", 1); }
static const char *c_index(struct scale *s) { return fmt_jstats(s->search, "index_ms", 1); }
static const char *c_index_first(struct scale *s)
{
	return fmt_num(jnum(s->search, "index_first_ms"), "");
}
static const char *c_index_mb(struct scale *s)
{
	return fmt_num((jnum(s->search, "rss_kb.indexed") - jnum(s->search, "rss_kb.loaded")) / 1024, "");
}
static const char *c_key50(struct scale *s) { return fmt_jstats(s->search, "keystroke_ms.p50", 1); }
static const char *c_key99(struct scale *s) { return fmt_jstats(s->search, "keystroke_ms.p99", 1); }
static const char *c_keymax(struct scale *s) { return fmt_num(jnum(s->search, "keystroke_ms.max"), ""); }
/* "median / max" of two figures */
static const char *fmt_pair(double m, double hi)
{
	if (m < 0 || hi < 0)
		return "-";
	snprintf(cell_buf, sizeof(cell_buf), "%.*f / %.*f", precision(m), m, precision(hi), hi);
	return cell_buf;
}
static const char *c_query(struct scale *s)
{
	return fmt_pair(jnum(s->search, "query_ms.median"), jnum(s->search, "query_ms.max"));
}
static const char *c_grep(struct scale *s)
{
	return fmt_pair(jnum(s->search, "grep_ms.median"), jnum(s->search, "grep_ms.max"));
}
static const char *c_grep_ratio(struct scale *s)
{
	double g = jnum(s->search, "grep_ms.median"), q = jnum(s->search, "query_ms.median");
	return q > 0 && g > 0 ? fmt_num(g / q, "x") : "-";
}
static const char *c_t_first(struct scale *s)
{
	return s->temm_screen.first_ms.n ? fmt_stats(&s->temm_screen.first_ms, 1) : "not measured";
}
static const char *c_l_first(struct scale *s) { return fmt_stats(&s->less_screen.first_ms, 1); }
static const char *c_first_ratio(struct scale *s)
{
	return fmt_num(ratio(&s->temm_screen.first_ms, &s->less_screen.first_ms), "");
}
static const char *c_t_rss(struct scale *s)
{
	return s->temm_session.rss_kb.n ? fmt_stats(&s->temm_session.rss_kb, 1.0 / 1024) : "not measured";
}
static const char *c_l_rss(struct scale *s) { return fmt_stats(&s->less_session.rss_kb, 1.0 / 1024); }
static const char *c_rss_ratio(struct scale *s)
{
	return fmt_num(ratio(&s->temm_session.rss_kb, &s->less_session.rss_kb), "");
}
/* Memory as a multiple of the content's bytes (issue 17: "at most a
 * documented small multiple"): peak RSS in KiB over the content's size. */
static double g_brss(struct scale *s);
static double per_content(double rss_kb, struct scale *s)
{
	double bytes = jnum(s->search, "bytes");
	return rss_kb > 0 && bytes > 0 ? rss_kb * 1024 / bytes : -1;
}
static const char *c_check_per_content(struct scale *s)
{
	return fmt_num(per_content(samples_median(&s->check_rss), s), "x");
}
static const char *c_session_per_content(struct scale *s)
{
	return fmt_num(per_content(g_brss(s), s), "x");
}
static const char *c_t_bytes(struct scale *s)
{
	return s->temm_session.bytes.n && !s->temm_session.failure ? fmt_stats(&s->temm_session.bytes, 1)
								  : "not measured";
}
static const char *c_l_bytes(struct scale *s) { return fmt_stats(&s->less_session.bytes, 1); }
static const char *c_bytes_ratio(struct scale *s)
{
	if (s->temm_session.failure)
		return "-";
	return fmt_num(ratio(&s->temm_session.bytes, &s->less_session.bytes), "");
}

static const char *c_t_typed(struct scale *s)
{
	return s->temm_typed.bytes.n && !s->temm_typed.failure ? fmt_stats(&s->temm_typed.bytes, 1) : "-";
}
static const char *c_l_typed(struct scale *s) { return fmt_stats(&s->less_typed.bytes, 1); }
static const char *c_typed_ratio(struct scale *s)
{
	if (s->temm_typed.failure)
		return "-";
	return fmt_num(ratio(&s->temm_typed.bytes, &s->less_typed.bytes), "");
}
static const char *c_count(struct scale *s) { return fmt_stats(&s->count_ms, 1); }
static const char *c_count_grep(struct scale *s) { return fmt_stats(&s->grep_ms, 1); }
static const char *c_count_ratio(struct scale *s) { return fmt_stats(&s->count_ratio, 1); }
/* the load average while the scale's terminal and count runs were made */
static const char *c_loadavg(struct scale *s)
{
	struct samples all = { 0 };
	for (size_t i = 0; i < s->load.n; i++)
		samples_add(&all, s->load.v[i]);
	for (size_t i = 0; i < s->count_load.n; i++)
		samples_add(&all, s->count_load.v[i]);
	if (!all.n)
		return "-";
	snprintf(cell_buf, sizeof(cell_buf), "%.2f-%.2f%s", samples_min(&all), samples_max(&all),
		 samples_max(&all) > 1.0 ? " (>1)" : "");
	samples_free(&all);
	return cell_buf;
}

static struct scale *scale_of(int factor)
{
	for (int i = 0; i < scales_count; i++)
		if (scales[i].factor == factor)
			return &scales[i];
	return NULL;
}

struct target {
	char what[120];
	char value[640];
	int met;     /* 1 met, 0 missed, -1 not measured */
	double load; /* the highest load average while its figures were taken, -1 unknown */
};

static struct target targets[32];
static int targets_count;

static void target(const char *what, int met, const struct samples *load, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void target(const char *what, int met, const struct samples *load, const char *fmt, ...)
{
	if (targets_count == (int)(sizeof(targets) / sizeof(targets[0])))
		return;
	struct target *t = &targets[targets_count++];
	va_list ap;
	snprintf(t->what, sizeof(t->what), "%s", what);
	t->met = met;
	t->load = load && load->n ? samples_max(load) : -1;
	va_start(ap, fmt);
	vsnprintf(t->value, sizeof(t->value), fmt, ap);
	va_end(ap);
}

static double growth(int from, int to, double (*get)(struct scale *))
{
	struct scale *a = scale_of(from), *b = scale_of(to);
	if (!a || !b)
		return -1;
	double x = get(a), y = get(b);
	return x > 0 && y > 0 ? y / x : -1;
}

/* Growth from one scale to the next, on the medians. */
static double g_check(struct scale *s) { return s->check_ms.n ? samples_median(&s->check_ms) : -1; }
static double g_load(struct scale *s) { return jnum(s->search, "load_ms.median"); }
/* The index as the browser builds it: once a session. Targets and growth
 * use the first build of each process: later rounds reuse memory the last
 * one freed, and at 100x that memory still sits in the caches (x20 from
 * 100x to 1000x with the medians of the rounds, x10 with first builds in
 * fresh processes). */
static double g_index_first(struct scale *s) { return jnum(s->search, "index_first_ms"); }
static double g_rss(struct scale *s) { return samples_median(&s->check_rss); }
static double g_indexed_rss(struct scale *s) { return jnum(s->search, "rss_kb.indexed"); }
static double g_key(struct scale *s) { return jnum(s->search, "keystroke_ms.p50.median"); }
static double g_query(struct scale *s) { return jnum(s->search, "query_ms.median"); }
static double g_bytes(struct scale *s) { return jnum(s->search, "bytes"); }
static double g_first(struct scale *s)
{
	return s->temm_screen.first_ms.n ? samples_median(&s->temm_screen.first_ms) : -1;
}
static double g_brss(struct scale *s)
{
	return s->temm_session.rss_kb.n ? samples_median(&s->temm_session.rss_kb) : -1;
}

static json_t *sessions_json;
static double crowd_temm_pss, crowd_temm_priv, crowd_less_pss, crowd_less_priv;
static long long crowd_temm_ticks = -1, crowd_less_ticks = -1;
static long crowd_temm_sw, crowd_less_sw;
static int crowd_temm_shown, crowd_factor;
static struct samples crowd_load;

/* Each target of issue 15 that this run measured, met or missed. */
static void evaluate_ratios(void)
{
	char what[120];
	static const int first_at[] = { 1, 100, 1000 };
	for (size_t i = 0; i < sizeof(first_at) / sizeof(first_at[0]); i++) {
		struct scale *s = scale_of(first_at[i]);
		if (!s)
			continue;
		snprintf(what, sizeof(what), "%s: first screen at most 1.2x less's", s->label);
		double r = ratio(&s->temm_screen.first_ms, &s->less_screen.first_ms);
		if (r > 0)
			target(what, r <= 1.2, &s->load, "temm %.1f ms, less %.1f ms (ratio %.2f)",
			       samples_median(&s->temm_screen.first_ms),
			       samples_median(&s->less_screen.first_ms), r);
		else
			target(what, -1, &s->load, "not measured: %s",
			       s->temm_screen.failure ? s->temm_screen.failure : "no tmux or less");
	}
	static const struct { int factor; double most; } rss_at[] = { { 1, 2.0 }, { 100, 3.0 } };
	for (size_t i = 0; i < sizeof(rss_at) / sizeof(rss_at[0]); i++) {
		struct scale *s = scale_of(rss_at[i].factor);
		if (!s)
			continue;
		snprintf(what, sizeof(what), "%s: peak RSS at most %.0fx less's", s->label, rss_at[i].most);
		double r = ratio(&s->temm_session.rss_kb, &s->less_session.rss_kb);
		if (r > 0)
			target(what, r <= rss_at[i].most, &s->load, "temm %.1f MB, less %.1f MB (ratio %.2f)",
			       samples_median(&s->temm_session.rss_kb) / 1024,
			       samples_median(&s->less_session.rss_kb) / 1024, r);
		else
			target(what, -1, &s->load, "not measured");
	}
	if (crowd_temm_ticks >= 0 && crowd_less_ticks >= 0 && crowd_less_priv > 0 && crowd_less_pss > 0) {
		snprintf(what, sizeof(what), "%d sessions at once (%dx): private per session at most 2x less's",
			 SESSIONS, crowd_factor);
		target(what, crowd_temm_priv / crowd_less_priv <= 2.0, &crowd_load,
		       "temm %.2f MB, less %.2f MB (ratio %.2f)", crowd_temm_priv, crowd_less_priv,
		       crowd_temm_priv / crowd_less_priv);
		snprintf(what, sizeof(what), "%d sessions at once (%dx): PSS total at most 2x less's", SESSIONS,
			 crowd_factor);
		target(what, crowd_temm_pss / crowd_less_pss <= 2.0, &crowd_load,
		       "temm %.1f MB, less %.1f MB (ratio %.2f)", crowd_temm_pss, crowd_less_pss,
		       crowd_temm_pss / crowd_less_pss);
	} else {
		target("sessions at once: private and PSS at most 2x less's", -1, NULL, "not measured");
	}
	for (int i = 0; i < scales_count; i++) {
		struct scale *s = &scales[i];
		if (!s->count_ratio.n || (s->factor != 1 && s->factor != 100)) /* the scales */
			continue;
		snprintf(what, sizeof(what), "%s: temm search --count no slower than grep -ci", s->label);
		double r = samples_median(&s->count_ratio);
		target(what, r <= 1.0, &s->count_load,
		       "whole process: temm %.1f ms, grep %.1f ms (median ratio of %zu pairs %.2f)",
		       samples_median(&s->count_ms), samples_median(&s->grep_ms), s->count_ratio.n, r);
	}
	for (int i = 0; i < scales_count; i++) {
		struct scale *s = &scales[i];
		if (s->factor != 1 && s->factor != 100) /* the scales; 10x is in the table */
			continue;
		snprintf(what, sizeof(what), "%s: typed search at most 1.2x less's bytes", s->label);
		double r = s->temm_typed.failure ? -1 : ratio(&s->temm_typed.bytes, &s->less_typed.bytes);
		if (r > 0)
			target(what, r <= 1.2, &s->load, "temm %.0f B, less %.0f B (ratio %.2f)",
			       samples_median(&s->temm_typed.bytes), samples_median(&s->less_typed.bytes), r);
		else
			target(what, -1, &s->load, "not measured: %s",
			       s->temm_typed.failure ? s->temm_typed.failure : "no tmux or less");
	}
}

static void evaluate(void)
{
	struct scale *one = scale_of(1), *hundred = scale_of(100), *thousand = scale_of(1000);
	evaluate_ratios();
	/* kept from issue 6 */
	if (one) {
		double p99 = jnum(one->search, "keystroke_ms.p99.median");
		target("1x: each search keystroke under 1 ms", p99 >= 0 && p99 < 1.0, NULL,
		       "p99 %.3f ms, max %.3f ms", p99, jnum(one->search, "keystroke_ms.max"));
	}
	if (hundred) {
		/* the index as a session builds it: once, the first time */
		double check = samples_median(&hundred->check_ms), index = g_index_first(hundred);
		target("100x: load under 150 ms", check + index < 150, NULL,
		       "temm check %.0f ms (in process: load %.0f ms) + index %.0f ms = %.0f ms", check,
		       g_load(hundred), index, check + index);
		double p99 = jnum(hundred->search, "keystroke_ms.p99.median");
		target("100x: search under 20 ms per keystroke", p99 >= 0 && p99 < 20, NULL,
		       "p99 %.2f ms, max %.2f ms", p99, jnum(hundred->search, "keystroke_ms.max"));
	}
	/* No quadratic step: 10x the content must cost about 10x, not 100x.
	 * Flagged: a figure that grows more than 3x as fast as the data from
	 * 100x to 1000x (a quadratic step grows 10x as fast; caches, TLBs and
	 * a shared machine account for up to ~2x). Noted: anything over 1.5x
	 * in either step. A browser that shows no first screen at 1000x is
	 * flagged when the wait proves the bound, else not judged. */
	{
		char flagged[600] = "", noted[600] = "", unjudged[200] = "";
		struct { const char *name; double (*get)(struct scale *); } m[] = {
			{ "temm check", g_check }, { "load", g_load }, { "index build", g_index_first },
			{ "check peak RSS", g_rss }, { "indexed RSS", g_indexed_rss },
			{ "keystroke p50", g_key }, { "whole query", g_query },
			{ "browser first screen", g_first }, { "browser RSS", g_brss },
		};
		double d1 = growth(10, 100, g_bytes), d2 = growth(100, 1000, g_bytes);
		struct scale *big = scale_of(1000), *mid = scale_of(100);
		for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
			double g1 = growth(10, 100, m[i].get), g2 = growth(100, 1000, m[i].get);
			char d[200] = "";
			if (g2 > 0 && d2 > 0 && g2 / d2 >= 3.0)
				snprintf(d, sizeof(d), "%s 100x->1000x x%.1f (data x%.1f)", m[i].name, g2, d2);
			bool timed_out = big && mid && m[i].get == g_first && big->temm_screen.failure &&
					 strstr(big->temm_screen.failure, "timed out") && g_first(mid) > 0;
			if (timed_out) {
				double lb = big->first_timeout * 1e3 / g_first(mid);
				if (d2 > 0 && lb / d2 >= 3.0)
					snprintf(d, sizeof(d), "%s 100x->1000x over x%.1f (data x%.1f): no first "
						 "screen in %.0f s", m[i].name, lb, d2, big->first_timeout);
				else
					snprintf(unjudged, sizeof(unjudged), "%s at 1000x: none in %.0f s (x%.1f "
						 "over 100x; linear would be about %.0f s)", m[i].name,
						 big->first_timeout, lb, g_first(mid) * d2 / 1e3);
			}
			if (*d) {
				if (strlen(flagged) + strlen(d) + 3 < sizeof(flagged))
					snprintf(flagged + strlen(flagged), sizeof(flagged) - strlen(flagged),
						 "%s%s", *flagged ? "; " : "", d);
				continue;
			}
			for (int step = 0; step < 2; step++) {
				double g = step ? g2 : g1, dd = step ? d2 : d1;
				if (g > 0 && dd > 0 && g / dd >= 1.5 && strlen(noted) + 60 < sizeof(noted))
					snprintf(noted + strlen(noted), sizeof(noted) - strlen(noted),
						 "%s%s %s x%.1f", *noted ? ", " : "", m[i].name,
						 step ? "100x->1000x" : "10x->100x", g);
			}
		}
		if (d1 > 0 || d2 > 0)
			target("no quadratic step anywhere", *flagged ? 0 : *unjudged ? -1 : 1, NULL, "%s%s%s%s%s%s",
			       *flagged ? "quadratic: " : "", flagged,
			       *unjudged ? (*flagged ? "; not judged: " : "not judged: ") : "", unjudged,
			       *noted ? (*flagged || *unjudged ? "; superlinear below that (caches, load): "
							       : "superlinear below that (caches, load): ") : "none over 1.5x the data's growth",
			       noted);
	}
	if (thousand && hundred) {
		double gl = growth(100, 1000, g_check), gm = growth(100, 1000, g_rss),
		       gd = growth(100, 1000, g_bytes);
		target("1000x: loads and searches; load and memory grow linearly",
		       gl > 0 && gm > 0 && gl < gd * 1.5 && gm < gd * 1.5, NULL,
		       "check %.0f ms, %.0f MB; 100x->1000x: time x%.1f, memory x%.1f, data x%.1f; "
		       "keystroke p99 %.1f ms",
		       samples_median(&thousand->check_ms), samples_median(&thousand->check_rss) / 1024, gl,
		       gm, gd, jnum(thousand->search, "keystroke_ms.p99.median"));
	}
	if (crowd_temm_ticks >= 0 && crowd_temm_shown > 0)
		target("100 idle sessions: 0 CPU ticks", crowd_temm_shown == SESSIONS && crowd_temm_ticks == 0,
		       &crowd_load, "temm %lld ticks (%ld wakeups), less %lld ticks; %d of %d showed their "
		       "first screen", crowd_temm_ticks, crowd_temm_sw, crowd_less_ticks, crowd_temm_shown,
		       SESSIONS);
	else
		target("100 idle sessions: 0 CPU ticks", -1, &crowd_load, "not measured");
}

/* how much each figure grows from one scale to the next; -1: not measured */
static json_t *growth_json(int a, int b)
{
	return json_pack("{s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "data", growth(a, b, g_bytes),
			 "check_time", growth(a, b, g_check), "check_peak_rss", growth(a, b, g_rss),
			 "load_time", growth(a, b, g_load), "index_time", growth(a, b, g_index_first),
			 "indexed_rss", growth(a, b, g_indexed_rss), "keystroke_p50", growth(a, b, g_key),
			 "whole_query", growth(a, b, g_query), "browser_first_screen",
			 growth(a, b, g_first), "browser_peak_rss", growth(a, b, g_brss));
}

static void print_table(double seconds)
{
	struct utsname u;
	uname(&u);
	printf("\ntemm bench: %s %s, %ld cores; median [min-max] of repeated runs\n", u.sysname,
	       u.release, sysconf(_SC_NPROCESSORS_ONLN));
	if (load_all.n) {
		size_t above = 0;
		for (size_t i = 0; i < load_all.n; i++)
			above += load_all.v[i] > 1.0;
		printf("load average (1 min) at each run: %.2f-%.2f, median %.2f; %zu of %zu runs made "
		       "while it was above 1%s\n", samples_min(&load_all), samples_max(&load_all),
		       samples_median(&load_all), above, load_all.n,
		       above ? " (their figures are marked; other work shared the cores)" : "");
	}
	const char *heads[SCALES_MAX];
	for (int i = 0; i < scales_count; i++)
		heads[i] = scales[i].label;
	row("", heads, scales_count);
	row_fn("content", c_size);
	row_fn("searchable units", c_units);
	row_fn("temm check, ms", c_check);
	row_fn("temm check peak RSS, MB", c_check_rss);
	row_fn("in process: load+validate, ms", c_load);
	row_fn("in process: index build, ms", c_index);
	row_fn("  the first, in fresh memory, ms", c_index_first);
	row_fn("index memory, MB", c_index_mb);
	row_fn("search keystroke p50, ms", c_key50);
	row_fn("search keystroke p99, ms", c_key99);
	row_fn("search keystroke max, ms", c_keymax);
	row_fn("whole query, median/max, ms", c_query);
	row_fn("grep -rci, median/max, ms", c_grep);
	row_fn("grep / temm (median query)", c_grep_ratio);
	row_fn("first screen temm, ms", c_t_first);
	row_fn("first screen less, ms", c_l_first);
	row_fn("  temm / less", c_first_ratio);
	row_fn("peak RSS temm (session), MB", c_t_rss);
	row_fn("peak RSS less (session), MB", c_l_rss);
	row_fn("  temm / less", c_rss_ratio);
	row_fn("  session peak RSS / content", c_session_per_content);
	row_fn("  check peak RSS / content", c_check_per_content);
	row_fn("paging session bytes temm", c_t_bytes);
	row_fn("paging session bytes less", c_l_bytes);
	row_fn("  temm / less", c_bytes_ratio);
	row_fn("typed search bytes temm", c_t_typed);
	row_fn("typed search bytes less", c_l_typed);
	row_fn("  temm / less", c_typed_ratio);
	row_fn("search --count, ms (process)", c_count);
	row_fn("grep -ci, ms (process)", c_count_grep);
	row_fn("  temm / grep (pairs)", c_count_ratio);
	row_fn("load average (1 min)", c_loadavg);
	for (int p = 0; p < 2; p++) {
		int a = p ? 100 : 10, b = p ? 1000 : 100;
		printf("growth %dx -> %dx (data x%.1f): temm check time x%.1f, peak RSS x%.1f; load x%.1f, "
		       "index (first) x%.1f, indexed RSS x%.1f; keystroke p50 x%.1f, query x%.1f; browser first "
		       "screen x%.1f, RSS x%.1f  (x-1.0: not measured)\n",
		       a, b, growth(a, b, g_bytes), growth(a, b, g_check), growth(a, b, g_rss),
		       growth(a, b, g_load), growth(a, b, g_index_first), growth(a, b, g_indexed_rss),
		       growth(a, b, g_key), growth(a, b, g_query), growth(a, b, g_first),
		       growth(a, b, g_brss));
	}
	if (crowd_temm_ticks >= 0 || crowd_less_ticks >= 0)
		printf("%d sessions at once (%dx, 80x24), idle %.0f s: temm PSS total %.1f MB, private "
		       "%.2f MB/session, %lld CPU ticks, %ld wakeups; less PSS total %.1f MB, private "
		       "%.2f MB/session, %lld ticks, %ld wakeups; load %.2f-%.2f\n",
		       SESSIONS, crowd_factor, IDLE_SECONDS, crowd_temm_pss, crowd_temm_priv,
		       crowd_temm_ticks, crowd_temm_sw, crowd_less_pss, crowd_less_priv, crowd_less_ticks,
		       crowd_less_sw, samples_min(&crowd_load), samples_max(&crowd_load));
	for (int i = 0; i < scales_count; i++) {
		struct scale *s = &scales[i];
		const char *f[] = { s->temm_screen.failure, s->less_screen.failure,
				    s->temm_session.failure, s->less_session.failure,
				    s->temm_typed.failure, s->less_typed.failure };
		const char *what[] = { "first screen", "first screen", "session", "session",
				       "typed search", "typed search" };
		for (int k = 0; k < 6; k++)
			if (f[k])
				printf("note: %s %s: %s\n", s->label, what[k], f[k]);
	}
	printf("\ntargets:\n");
	for (int i = 0; i < targets_count; i++)
		printf("  %-13s %s: %s%s\n",
		       targets[i].met == 1 ? "[met]" : targets[i].met == 0 ? "[MISSED]" : "[not measured]",
		       targets[i].what, targets[i].value,
		       targets[i].load > 1.0 ? " [made while the load average was above 1]" : "");
	printf("\n%.0f s in all; figures in %s\n", seconds, results_path);
}

/* ------------------------------------------------------------------ */

/* The sessions at once run on the 100x content (issue 15: what a shared
 * machine pays per reader of a big report), else on the 1x one. */
static struct scale *crowd_scale(void)
{
	return scale_of(100) ? scale_of(100) : scale_of(1);
}

static void run_crowd(struct scale *on)
{
	struct program temm, less;
	char *first;
	programs_for(on, &temm, &less, &first);
	crowd_factor = on->factor;
	struct crowd ct = { .p = &temm }, cl = { .p = &less };
	note("%d browsers and %d less at once on the %s content", SESSIONS, SESSIONS, on->label);
	crowd_open(&ct);
	if (have_less)
		crowd_open(&cl);
	crowd_wait(&ct, 120);
	crowd_wait(&cl, 60);
	bench_sleep(1.0); /* let start-up work finish */
	load_mark(&crowd_load);
	crowd_read(&ct, ct.before);
	crowd_read(&cl, cl.before);
	bench_sleep(IDLE_SECONDS);
	load_mark(&crowd_load);
	crowd_read(&ct, ct.after);
	crowd_read(&cl, cl.after);
	json_t *jt = crowd_json(&ct, &crowd_temm_pss, &crowd_temm_priv, &crowd_temm_ticks, &crowd_temm_sw);
	json_t *jl = crowd_json(&cl, &crowd_less_pss, &crowd_less_priv, &crowd_less_ticks, &crowd_less_sw);
	crowd_temm_shown = ct.shown;
	sessions_json = json_pack("{s:i,s:i,s:o,s:o,s:o}", "sessions", SESSIONS, "content_factor",
				  crowd_factor, "temm", jt, "less", jl, "load_average",
				  stats_json(&crowd_load));
	crowd_close(&ct);
	crowd_close(&cl);
	free(ct.failure);
	free(cl.failure);
	free(temm.command);
	free(less.command);
	free(first);
}

static void usage(void)
{
	fputs("usage: temm_bench --temm PATH --search PATH --content DIR --out DIR --results FILE\n"
	      "                  [--quick] [--scales 1,10,100,1000]\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *scale_list = "1,10,100,1000";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--quick") == 0) {
			quick = true;
			continue;
		}
		if (!v)
			usage();
		if (strcmp(a, "--temm") == 0) temm_path = v;
		else if (strcmp(a, "--search") == 0) search_path = v;
		else if (strcmp(a, "--content") == 0) content_src = v;
		else if (strcmp(a, "--out") == 0) out_dir = v;
		else if (strcmp(a, "--results") == 0) results_path = v;
		else if (strcmp(a, "--scales") == 0) scale_list = v;
		else usage();
		i++;
	}
	if (!temm_path || !search_path || !content_src || !out_dir || !results_path)
		usage();
	if (access(temm_path, X_OK) != 0 || access(search_path, X_OK) != 0)
		fail("%s or %s is not there: run `make bench`", temm_path, search_path);
	if (mkdir(out_dir, 0777) != 0 && errno != EEXIST)
		fail("cannot create %s: %s", out_dir, strerror(errno));
	double start = bench_now();
	debug = getenv("TEMM_BENCH_DEBUG") != NULL;

	/* the same environment for temm, less and grep */
	if (setlocale(LC_ALL, "C.UTF-8"))
		setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("TEMM_CONTENT");
	unsetenv("TEMM_KIOSK");
	unsetenv("LESS");
	unsetenv("LESSOPEN");
	unsetenv("LESSCLOSE");
	unsetenv("TMUX");
	unsetenv("NO_COLOR");
	unsetenv("COLUMNS");
	unsetenv("LINES");
	setenv("LESSHISTFILE", "-", 1);
	/* temm reads no config of the user's and keeps its search history and
	 * reading position here, emptied before each start (each run opens
	 * on the home screen, as the first time) */
	xdg_config = xasprintf("%s/xdg-config", out_dir);
	xdg_state = xasprintf("%s/xdg-state", out_dir);
	mkdir(xdg_config, 0777);
	setenv("XDG_CONFIG_HOME", xdg_config, 1);
	setenv("XDG_STATE_HOME", xdg_state, 1);
	/* whatever temm caches (a compiled snapshot of the content, once it
	 * keeps one) stays here across runs: each scale's warm-up makes it */
	char *xdg_cache = xasprintf("%s/xdg-cache", out_dir);
	setenv("XDG_CACHE_HOME", xdg_cache, 1);
	free(xdg_cache);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, SIG_IGN);

	char *list = xstrdup(scale_list);
	for (char *save = NULL, *t = strtok_r(list, ",", &save); t && scales_count < SCALES_MAX;
	     t = strtok_r(NULL, ",", &save)) {
		struct scale *s = &scales[scales_count++];
		s->factor = atoi(t);
		if (s->factor < 1)
			fail("bad scale %s", t);
		s->dir = s->factor == 1 ? xstrdup(content_src) : xasprintf("%s/x%d", out_dir, s->factor);
		s->dump = xasprintf("%s/dump-x%d.txt", out_dir, s->factor);
		s->label = xasprintf("%dx", s->factor);
	}
	free(list);

	/* every scale must be valid content, or nothing here means anything:
	 * the first of the repeated `temm check` runs is the check */
	for (int i = 0; i < scales_count; i++) {
		note("%s: temm --content %s check, repeated", scales[i].label, scales[i].dir);
		run_check(&scales[i]);
	}

	bool have_tmux = have_program("tmux");
	have_less = have_program("less");
	char *tmux_v[] = { "tmux", "-V", NULL }, *less_v[] = { "less", "--version", NULL },
	     *grep_v[] = { "grep", "--version", NULL };
	json_t *tools = json_pack("{s:s,s:s,s:s}", "tmux", have_tmux ? first_line_of(tmux_v) : "absent",
				  "less", have_less ? first_line_of(less_v) : "absent", "grep",
				  first_line_of(grep_v));
	bool terminal = have_tmux;
	if (!terminal)
		note("no tmux: the terminal figures are left out");
	if (!have_less)
		note("no less: the terminal figures have nothing to compare with");
	if (terminal && !tm_start()) {
		tm_stop();
		note("tmux would not start: the terminal figures are left out");
		terminal = false;
	}

	for (int i = 0; i < scales_count; i++) {
		struct scale *s = &scales[i];
		note("%s: search in process, and grep", s->label);
		run_search(s);
		warm_up(s);
		if (s->factor <= 100) {
			note("%s: temm search --count and grep -ci, whole processes", s->label);
			run_count(s);
		}
		make_dump(s);
		if (terminal) {
			note("%s: first screen, session bytes and memory (tmux)", s->label);
			run_terminal(s);
		}
	}
	if (terminal && crowd_scale())
		run_crowd(crowd_scale());
	tm_stop();

	double seconds = bench_now() - start;
	evaluate();

	json_t *root = json_object();
	struct utsname u;
	uname(&u);
	json_object_set_new(root, "machine", json_pack("{s:s,s:s,s:s,s:i}", "system", u.sysname,
						       "release", u.release, "machine", u.machine,
						       "cores", (int)sysconf(_SC_NPROCESSORS_ONLN)));
	json_object_set_new(root, "tools", tools);
	json_object_set_new(root, "units", json_pack("{s:s,s:s,s:s}", "time", "ms (seconds where named)",
						     "memory", "KiB", "stats", "median, min, max, n of repeated runs"));
	json_t *js = json_object();
	for (int i = 0; i < scales_count; i++) {
		struct scale *s = &scales[i];
		json_t *o = json_pack("{s:i,s:s,s:O,s:O}", "factor", s->factor, "content", s->dir, "check",
				      s->check, "search", s->search);
		json_object_set_new(o, "peak_rss_per_content_byte",
				    json_pack("{s:f,s:f}", "check", per_content(samples_median(&s->check_rss), s),
					      "session", per_content(g_brss(s), s)));
		if (s->count)
			json_object_set(o, "search_count_vs_grep", s->count);
		if (s->browser)
			json_object_set(o, "terminal", s->browser);
		json_object_set_new(js, s->label, o);
	}
	json_object_set_new(root, "scales", js);
	json_object_set_new(root, "growth_10x_to_100x", growth_json(10, 100));
	json_object_set_new(root, "growth_100x_to_1000x", growth_json(100, 1000));
	if (sessions_json)
		json_object_set_new(root, "sessions", sessions_json);
	json_t *jt = json_array();
	for (int i = 0; i < targets_count; i++)
		json_array_append_new(jt, json_pack("{s:s,s:o,s:s,s:o}", "target", targets[i].what, "met",
						    targets[i].met < 0 ? json_null() : json_boolean(targets[i].met),
						    "value", targets[i].value, "load_average_max",
						    targets[i].load < 0 ? json_null() : json_real(targets[i].load)));
	json_object_set_new(root, "targets", jt);
	json_object_set_new(root, "seconds", json_real(seconds));
	json_object_set_new(root, "load_average", stats_json(&load_all));
	if (json_dump_file(root, results_path, JSON_INDENT(1)) != 0)
		fail("cannot write %s", results_path);
	json_decref(root);
	print_table(seconds);
	return 0;
}
