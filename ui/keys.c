/* keys.c - the dispatch table built from the action list. */
#include "keys.h"
#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add(struct keymap *km, long key, enum ui_action act)
{
	if (grow(&km->v, &km->cap, km->count, sizeof(*km->v), 128) != 0)
		return -1;
	km->v[km->count++] = (struct keymap_entry){ key, act };
	return 0;
}

int keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof(*km));
	const struct ui_action_info *info;
	size_t n = ui_actions(&info);
	for (size_t i = 0; i < n; i++) {
		for (const char *k = info[i].keys; *k;) {
			size_t len = strcspn(k, " ");
			long code = ui_key_code(k, len);
			if (code >= 0 && add(km, code, info[i].action) != 0) {
				keymap_free(km);
				return -1;
			}
			k += len;
			while (*k == ' ')
				k++;
		}
	}
	return 0;
}

void keymap_free(struct keymap *km)
{
	free(km->v);
	memset(km, 0, sizeof(*km));
}

int keymap_bind(struct keymap *km, enum ui_action act, const long *keys, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < km->count; i++)
		if (km->v[i].action != act)
			km->v[k++] = km->v[i];
	km->count = k;
	for (size_t i = 0; i < n; i++)
		if (add(km, keys[i], act) != 0)
			return -1;
	return 0;
}

enum ui_action keymap_lookup(const struct keymap *km, long key, bool prompt)
{
	for (size_t i = 0; i < km->count; i++)
		if (km->v[i].key == key && ui_action_in_prompt(km->v[i].action) == prompt)
			return km->v[i].action;
	return ACT_NONE;
}

enum ui_action keymap_clash(const struct keymap *km, long key, enum ui_action act)
{
	bool prompt = ui_action_in_prompt(act);
	for (size_t i = 0; i < km->count; i++)
		if (km->v[i].key == key && km->v[i].action != act &&
		    ui_action_in_prompt(km->v[i].action) == prompt)
			return km->v[i].action;
	return ACT_NONE;
}

void keymap_keys_text(const struct keymap *km, enum ui_action act, char *buf, size_t n)
{
	size_t used = 0;
	if (n)
		buf[0] = '\0';
	for (size_t i = 0; i < km->count && used < n; i++) {
		if (km->v[i].action != act)
			continue;
		char name[16];
		ui_key_name(km->v[i].key, name, sizeof(name));
		int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}
