/* prompt.c - the prompt of / and &. */
#include "prompt.h"
#include "app.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

bool prompt_insert(struct prompt *pr, long key)
{
	if (key == UIK_SPACE)
		key = ' ';
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0) || key >= UIK_BASE)
		return false;
	uint8_t mb[8];
	int k = u8_uctomb(mb, (ucs4_t)key, (ptrdiff_t)sizeof(mb));
	if (k <= 0 || pr->len + (size_t)k + 1 > sizeof(pr->buf))
		return false;
	memcpy(pr->buf + pr->len, mb, (size_t)k);
	pr->len += (size_t)k;
	pr->buf[pr->len] = '\0';
	pr->hist = -1;
	return true;
}

bool prompt_erase_char(struct prompt *pr)
{
	if (pr->len == 0)
		return false;
	do
		pr->len--;
	while (pr->len > 0 && ((unsigned char)pr->buf[pr->len] & 0xc0) == 0x80);
	pr->buf[pr->len] = '\0';
	return true;
}

bool prompt_erase_word(struct prompt *pr)
{
	size_t before = pr->len;
	while (pr->len > 0 && pr->buf[pr->len - 1] == ' ')
		pr->len--;
	while (pr->len > 0 && pr->buf[pr->len - 1] != ' ')
		pr->len--;
	pr->buf[pr->len] = '\0';
	return pr->len != before;
}

bool prompt_erase_line(struct prompt *pr)
{
	size_t before = pr->len;
	pr->len = 0;
	pr->buf[0] = '\0';
	return before != 0;
}

static void set_buf(struct prompt *pr, const char *s)
{
	snprintf(pr->buf, sizeof(pr->buf), "%s", s);
	pr->len = strlen(pr->buf);
}

bool prompt_history_walk(struct prompt *pr, const struct history *h, int dir)
{
	long n = (long)h->count, i = pr->hist;
	if (n == 0 || (i < 0 && dir > 0))
		return false;
	if (i < 0) {
		snprintf(pr->typed, sizeof(pr->typed), "%s", pr->buf);
		pr->typed_regex = pr->regex;
		i = n;
	}
	i += dir;
	if (i < 0)
		return false; /* the oldest stays */
	if (i >= n) {
		set_buf(pr, pr->typed);
		pr->regex = pr->typed_regex;
		pr->hist = -1;
		return true;
	}
	set_buf(pr, h->items[i]);
	pr->regex = false; /* a kept query holds its own /../ */
	pr->hist = i;
	return true;
}

void prompt_query(const struct prompt *pr, char *out, size_t n)
{
	snprintf(out, n, pr->regex ? "/%s/" : "%s", pr->buf);
}

void prompt_open(struct app *a, const struct prompt_ops *ops)
{
	struct prompt *pr = &a->prompt;
	memset(pr, 0, sizeof(*pr));
	pr->ops = ops;
	pr->hist = -1;
}

void prompt_close(struct app *a)
{
	a->prompt.ops = NULL;
}

void prompt_flush(struct app *a)
{
	struct prompt *pr = &a->prompt;
	if (pr->ops && pr->stale) {
		pr->stale = false;
		pr->ops->update(a);
		/* stopped because a key came meanwhile (a->stop): it runs again
		 * once that key is read - an Enter typed right after the query
		 * was refused for the search it had stopped */
		if (pr->error[0] && a->stop && a->stop->stop(a->stop->arg))
			pr->stale = true;
	}
}

void prompt_info(const struct app *a, char *buf, size_t n)
{
	const struct prompt *pr = &a->prompt;
	const char *mode = pr->regex ? "[regex] " : "";
	char more[300] = "";
	if (pr->error[0])
		snprintf(more, sizeof(more), "%s", pr->error);
	else if (pr->ops && pr->ops->info)
		pr->ops->info(a, more, sizeof(more));
	snprintf(buf, n, "%s%s", more[0] ? mode : pr->regex ? "[regex]" : "", more);
}

void prompt_type(struct app *a, long key)
{
	if (prompt_insert(&a->prompt, key))
		a->prompt.stale = true; /* run once the keys typed ahead are read */
}

void prompt_accept_key(struct app *a, enum ui_action act, long count)
{
	(void)count;
	prompt_flush(a); /* the results are for what is typed */
	a->prompt.ops->accept(a, act == ACT_PROMPT_ACCEPT);
}

void prompt_cancel_key(struct app *a, enum ui_action act, long count)
{
	(void)act;
	(void)count;
	a->prompt.ops->cancel(a);
}

void prompt_select_key(struct app *a, enum ui_action act, long count)
{
	(void)count;
	prompt_flush(a);
	enum ui_pane_id id = a->prompt.ops->list ? a->prompt.ops->list(a) : PANE_COUNT;
	if (id != PANE_COUNT && pane_move(app_pane(a, id), act == ACT_PROMPT_HIT_NEXT ? 1 : -1))
		app_moved(a, id);
}

void prompt_edit_key(struct app *a, enum ui_action act, long count)
{
	(void)count;
	struct prompt *pr = &a->prompt;
	bool changed = false;
	switch (act) {
	case ACT_PROMPT_REGEX:
		pr->regex = !pr->regex;
		changed = true;
		break;
	case ACT_HISTORY_PREV:
	case ACT_HISTORY_NEXT:
		changed = prompt_history_walk(pr, &a->hist, act == ACT_HISTORY_PREV ? -1 : 1);
		break;
	case ACT_ERASE_CHAR:
		if (pr->len == 0) { /* Backspace on an empty prompt closes it */
			pr->ops->cancel(a);
			return;
		}
		changed = prompt_erase_char(pr);
		break;
	case ACT_ERASE_WORD: changed = prompt_erase_word(pr); break;
	case ACT_ERASE_LINE: changed = prompt_erase_line(pr); break;
	default: break;
	}
	pr->stale |= changed;
}
