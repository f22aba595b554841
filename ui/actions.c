/* actions.c - the action table generated from UI_ACTIONS, and key names. */
#include "actions.h"

#include <string.h>

static const struct ui_action_info table[] = {
#define UI_ACTION_INFO(id, name, keys, group, help) { ACT_##id, name, keys, group, help },
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
		"Moving", "Panes and views", "Links and history", "Search", "Other",
	};
	return group < GROUP_COUNT ? titles[group] : "";
}

static const struct {
	const char *name;
	long code;
} named[] = {
	{ "Up", UIK_UP }, { "Down", UIK_DOWN }, { "Left", UIK_LEFT }, { "Right", UIK_RIGHT },
	{ "PgUp", UIK_PGUP }, { "PgDn", UIK_PGDN }, { "Home", UIK_HOME }, { "End", UIK_END },
	{ "Enter", UIK_ENTER }, { "Tab", UIK_TAB }, { "S-Tab", UIK_BTAB },
	{ "Backspace", UIK_BACKSPACE }, { "Esc", UIK_ESC }, { "Space", UIK_SPACE }, { "F1", UIK_F1 },
};

long ui_key_code(const char *name, size_t len)
{
	if (len == 1 && name[0] > ' ' && name[0] < 0x7f)
		return (unsigned char)name[0];
	if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z')
		return name[2] - 'a' + 1;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strlen(named[i].name) == len && memcmp(named[i].name, name, len) == 0)
			return named[i].code;
	return -1;
}

void ui_actions_print(FILE *out)
{
	for (int g = 0; g < GROUP_COUNT; g++) {
		fprintf(out, "%s%s\n", g ? "\n" : "", ui_group_title((enum ui_group)g));
		for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
			if (table[i].group == (enum ui_group)g)
				fprintf(out, "%s\t%s\t%s\n", table[i].keys, table[i].name, table[i].help);
	}
}
