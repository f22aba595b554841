/* actions.h - every action of the browser, declared once. The list
 * generates the action enum, the key dispatch table (ui/keys.c), the names
 * a config file rebinds (ui/settings.c), the help screen and the key table
 * of the manual (ui_actions_print), so what the keys do and what help says
 * cannot drift apart. Curses-free. */
#ifndef TEMM_ACTIONS_H
#define TEMM_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* GROUP_PROMPT holds the keys of the search and filter prompt: they are
 * looked up only while it is open, and every other group only while it is
 * not, so one key (Up, Enter, Esc) can do one thing in each. */
enum ui_group { GROUP_MOVE, GROUP_PANES, GROUP_LINKS, GROUP_SEARCH, GROUP_PROMPT, GROUP_OTHER,
		GROUP_COUNT };

/* A(ID, name, keys, group, help). Keys are separated by spaces: a
 * printable character stands for itself; C-x is Ctrl-x; the rest are
 * named (see ui_key_code). A count typed before a key is passed to it. */
#define UI_ACTIONS(A) \
	A(MOVE_DOWN, "move-down", "j Down C-n", GROUP_MOVE, "Next line (text) or item (list)") \
	A(MOVE_UP, "move-up", "k Up C-p", GROUP_MOVE, "Previous line or item") \
	A(PAGE_DOWN, "page-down", "Space PgDn C-f", GROUP_MOVE, "Down one page") \
	A(PAGE_UP, "page-up", "b PgUp C-b", GROUP_MOVE, "Up one page") \
	A(HALF_DOWN, "half-page-down", "C-d", GROUP_MOVE, "Down half a page") \
	A(HALF_UP, "half-page-up", "C-u", GROUP_MOVE, "Up half a page") \
	A(FIRST, "first", "g Home", GROUP_MOVE, "First line; <N>g: line or item N") \
	A(LAST, "last", "G End", GROUP_MOVE, "Last line; <N>G: line or item N") \
	A(PERCENT, "percent", "p %", GROUP_MOVE, "<N>p: N percent of the way through") \
	A(PREV_SIBLING, "prev-sibling", "[", GROUP_MOVE, "Previous section or entity at the same level") \
	A(NEXT_SIBLING, "next-sibling", "]", GROUP_MOVE, "Next section or entity at the same level") \
	A(PARENT, "parent", ",", GROUP_MOVE, "Up to the parent (section, area, stage)") \
	A(PANE_LEFT, "pane-left", "h Left", GROUP_PANES, "Pane to the left (or the previous one)") \
	A(PANE_RIGHT, "pane-right", "l Right", GROUP_PANES, "Pane to the right (or the next one)") \
	A(FOCUS_NEXT, "focus-next", "Tab", GROUP_PANES, "Next link in the text, then the next pane") \
	A(FOCUS_PREV, "focus-prev", "S-Tab", GROUP_PANES, "Previous link, then the previous pane") \
	A(PANE_1, "pane-1", "1", GROUP_PANES, "Pane 1 (Stages; Contents; Results)") \
	A(PANE_2, "pane-2", "2", GROUP_PANES, "Pane 2 (Priority areas; Report; Preview)") \
	A(PANE_3, "pane-3", "3", GROUP_PANES, "Pane 3 (Timeline)") \
	A(PANE_4, "pane-4", "4", GROUP_PANES, "Pane 4 (Reader)") \
	A(VIEW_HOME, "view-home", "H", GROUP_PANES, "Home: stages, priority areas, timeline") \
	A(VIEW_REPORT, "view-report", "r", GROUP_PANES, "The whole report as a book, with contents") \
	A(OPEN, "open", "Enter", GROUP_LINKS, "Open the selection; follow the focused link") \
	A(BACK, "back", "Backspace <", GROUP_LINKS, "Back to where you were") \
	A(FORWARD, "forward", ">", GROUP_LINKS, "Forward again") \
	A(MARK_SET, "mark", "m", GROUP_LINKS, "m<letter>: mark this place (kept for next time)") \
	A(MARK_GOTO, "goto-mark", "' `", GROUP_LINKS, "'<letter>: back to the mark; '' to the place before") \
	A(SEARCH, "search", "/", GROUP_SEARCH, "Search the report: results as you type") \
	A(SEARCH_NEXT, "search-next", "n", GROUP_SEARCH, "Next match, then the next hit's first") \
	A(SEARCH_PREV, "search-prev", "N", GROUP_SEARCH, "Previous match, then the previous hit's last") \
	A(FILTER, "filter", "&", GROUP_SEARCH, "Show only the entries of this list that match a query") \
	A(PROMPT_ACCEPT, "prompt-accept", "Enter", GROUP_PROMPT, "Open the selected hit (after &: keep the filter)") \
	A(PROMPT_CANCEL, "prompt-cancel", "Esc C-g", GROUP_PROMPT, "Back to the screen before / (after &: no filter)") \
	A(PROMPT_RESULTS, "prompt-results", "Tab", GROUP_PROMPT, "Leave the prompt for the results list") \
	A(PROMPT_REGEX, "prompt-regex", "C-r", GROUP_PROMPT, "Regex mode on or off: the query is read as /.../") \
	A(HISTORY_PREV, "history-prev", "Up", GROUP_PROMPT, "The query before in the history") \
	A(HISTORY_NEXT, "history-next", "Down", GROUP_PROMPT, "The query after in the history") \
	A(PROMPT_HIT_NEXT, "prompt-hit-next", "C-n", GROUP_PROMPT, "Select the next hit or entry") \
	A(PROMPT_HIT_PREV, "prompt-hit-prev", "C-p", GROUP_PROMPT, "Select the previous hit or entry") \
	A(ERASE_CHAR, "erase-char", "Backspace", GROUP_PROMPT, "Erase a character (on an empty prompt: close it)") \
	A(ERASE_WORD, "erase-word", "C-w", GROUP_PROMPT, "Erase a word") \
	A(ERASE_LINE, "erase-line", "C-u", GROUP_PROMPT, "Erase the whole query") \
	A(WHERE, "where", "=", GROUP_OTHER, "Where am I: view, pane, position") \
	A(REDRAW, "redraw", "C-l", GROUP_OTHER, "Repaint the screen") \
	A(HELP, "help", "? F1", GROUP_OTHER, "This help") \
	A(CANCEL, "cancel", "Esc", GROUP_OTHER, "Cancel: a count, the help, a filter, a search, highlights") \
	A(QUIT, "quit", "q", GROUP_OTHER, "Quit (in help: close it)")

enum ui_action {
	ACT_NONE = 0,
#define UI_ACTION_ENUM(id, name, keys, group, help) ACT_##id,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	ACT_COUNT
};

struct ui_action_info {
	enum ui_action action;
	const char *name, *keys;
	enum ui_group group;
	const char *help;
};

/* Every action, in declaration order (ACT_NONE excluded). */
size_t ui_actions(const struct ui_action_info **out);
const char *ui_group_title(enum ui_group group);

/* Named keys that are not plain characters; ui/ui.c maps curses codes to
 * them. Values are above Unicode so they never clash with a character.
 * Enter, Tab, Esc, Backspace and Space are named keys too, so that C-m,
 * C-i, C-[ and C-h (the same bytes) name them as well. */
enum ui_key {
	UIK_BASE = 0x110000,
	UIK_UP, UIK_DOWN, UIK_LEFT, UIK_RIGHT, UIK_PGUP, UIK_PGDN, UIK_HOME, UIK_END,
	UIK_ENTER, UIK_TAB, UIK_BTAB, UIK_BACKSPACE, UIK_ESC, UIK_SPACE, UIK_DELETE, UIK_INSERT,
	UIK_F1, /* ... UIK_F1 + 11 is F12 */
	UIK_LAST = UIK_F1 + 12
};

/* The code of one key name ("j", "C-d", "PgDn", "S-Tab", "F5", "é"): a
 * printable character, a control character (C-a .. C-z), or a UIK_ value.
 * -1 if the name is not a key. */
long ui_key_code(const char *name, size_t len);
/* The name of a key code, as ui_key_code reads it back; "?" if none. */
void ui_key_name(long code, char *buf, size_t n);

/* Whether an action belongs to the prompt (GROUP_PROMPT). */
bool ui_action_in_prompt(enum ui_action act);

/* The key table as text for the manual and for checking: per group a
 * heading, then one line per action "keys<TAB>name<TAB>help". */
void ui_actions_print(FILE *out);

#endif
