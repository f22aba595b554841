/* actions.c - the action table generated from UI_ACTIONS, and key names. */
#include "actions.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

static const struct ui_action_info table[] = {
#define UI_ACTION_INFO(id, name, keys, group, count, handler, help) \
	{ ACT_##id, name, keys, group, count, help },
	UI_ACTIONS(UI_ACTION_INFO)
#undef UI_ACTION_INFO
};

size_t ui_actions(const struct ui_action_info **out)
{
	*out = table;
	return sizeof(table) / sizeof(table[0]);
}

const char *ui_group_title(enum ui_group group)
{
	static const char *const titles[GROUP_COUNT] = {
		"Moving", "Panes and views", "Links, history and marks", "Search",
		"In the prompt of / and &", "Other",
	};
	return group < GROUP_COUNT ? titles[group] : "";
}

bool ui_action_in_prompt(enum ui_action act)
{
	return act > ACT_NONE && act < ACT_COUNT && table[act - 1].group == GROUP_PROMPT;
}

static const struct {
	const char *name;
	long code;
} named[] = {
	{ "Up", UIK_UP }, { "Down", UIK_DOWN }, { "Left", UIK_LEFT }, { "Right", UIK_RIGHT },
	{ "PgUp", UIK_PGUP }, { "PgDn", UIK_PGDN }, { "Home", UIK_HOME }, { "End", UIK_END },
	{ "Enter", UIK_ENTER }, { "Tab", UIK_TAB }, { "S-Tab", UIK_BTAB },
	{ "Backspace", UIK_BACKSPACE }, { "Esc", UIK_ESC }, { "Space", UIK_SPACE },
	{ "Delete", UIK_DELETE }, { "Insert", UIK_INSERT },
	/* the same bytes under their control-key names: one code each */
	{ "C-m", UIK_ENTER }, { "C-j", UIK_ENTER }, { "C-i", UIK_TAB }, { "C-h", UIK_BACKSPACE },
	{ "C-[", UIK_ESC },
};

/* F1 .. F12 */
static long function_key(const char *name, size_t len)
{
	if (len < 2 || len > 3 || name[0] != 'F' || name[1] < '1' || name[1] > '9')
		return -1;
	int n = name[1] - '0';
	if (len == 3) {
		if (name[2] < '0' || name[2] > '9')
			return -1;
		n = n * 10 + (name[2] - '0');
	}
	return n >= 1 && n <= 12 ? UIK_F1 + n - 1 : -1;
}

long ui_key_code(const char *name, size_t len)
{
	if (len == 1 && name[0] > ' ' && name[0] < 0x7f)
		return (unsigned char)name[0];
	if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z') {
		long c = name[2] - 'a' + 1;
		for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
			if (memcmp(named[i].name, name, 3) == 0)
				return named[i].code;
		return c;
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strlen(named[i].name) == len && memcmp(named[i].name, name, len) == 0)
			return named[i].code;
	long f = function_key(name, len);
	if (f >= 0)
		return f;
	/* one visible character beyond ASCII ("é", "ä"): a letter, mark, digit,
	 * punctuation or symbol - not a space, a control or a bidi format */
	ucs4_t uc;
	if (len > 1 && (unsigned char)name[0] >= 0x80 &&
	    u8_mbtoucr(&uc, (const uint8_t *)name, len) == (int)len && uc >= 0xa0 &&
	    uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_M |
						     UC_CATEGORY_MASK_N | UC_CATEGORY_MASK_P |
						     UC_CATEGORY_MASK_S))
		return (long)uc;
	return -1;
}

void ui_key_name(long code, char *buf, size_t n)
{
	if (n == 0)
		return;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (named[i].code == code) {
			snprintf(buf, n, "%s", named[i].name);
			return;
		}
	if (code >= UIK_F1 && code < UIK_F1 + 12) {
		snprintf(buf, n, "F%ld", code - UIK_F1 + 1);
	} else if (code >= 1 && code <= 26) {
		snprintf(buf, n, "C-%c", (char)('a' + code - 1));
	} else if (code > ' ' && code < 0x7f) {
		snprintf(buf, n, "%c", (char)code);
	} else if (code >= 0xa0 && code < UIK_BASE) {
		uint8_t u[8];
		int len = u8_uctomb(u, (ucs4_t)code, (ptrdiff_t)sizeof(u));
		snprintf(buf, n, "%.*s", len > 0 ? len : 1, len > 0 ? (const char *)u : "?");
	} else {
		snprintf(buf, n, "?");
	}
}

const char *ui_count_words(enum ui_count count)
{
	switch (count) {
	case COUNT_TIMES: return "<N> times";
	case COUNT_LINE: return "line or item <N>";
	case COUNT_PERCENT: return "<N> percent of the way";
	case COUNT_NONE: break;
	}
	return "";
}

void ui_actions_print(FILE *out)
{
	for (int g = 0; g < GROUP_COUNT; g++) {
		fprintf(out, "%s%s\n", g ? "\n" : "", ui_group_title((enum ui_group)g));
		for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
			if (table[i].group != (enum ui_group)g)
				continue;
			fprintf(out, "%s\t%s\t%s", table[i].keys, table[i].name, table[i].help);
			if (table[i].count != COUNT_NONE)
				fprintf(out, "; with a count: %s", ui_count_words(table[i].count));
			fputc('\n', out);
		}
	}
}
