/* actions.h - every action of the browser, declared once. The list
 * generates the action enum, the key table (ui/keys.c), the handlers keys
 * run (ui/dispatch.c), the names a config file rebinds (ui/settings.c), the
 * help screen (ui/help.c) and the key table of the manual
 * (ui_actions_print), so what the keys do and what help says cannot drift
 * apart. Curses-free. */
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

/* A(ID, name, keys, group, count, handler, help). Keys are separated by
 * spaces: a printable character stands for itself; C-x is Ctrl-x; the rest
 * are named (see ui_key_code). `count` says what a count typed before the
 * key does (the help's and the manual's words on counts are made from it);
 * `handler` is the function ui/dispatch.c runs (only dispatch.c expands
 * that column, so the rest of the list stays free of the browser). */
#define UI_ACTIONS(A) \
	A(MOVE_DOWN, "move-down", "j Down C-n", GROUP_MOVE, COUNT_TIMES, act_move, "Next line (text) or item (list)") \
	A(MOVE_UP, "move-up", "k Up C-p", GROUP_MOVE, COUNT_TIMES, act_move, "Previous line or item") \
	A(PAGE_DOWN, "page-down", "Space PgDn C-f", GROUP_MOVE, COUNT_TIMES, act_move, "Down one page") \
	A(PAGE_UP, "page-up", "b PgUp C-b", GROUP_MOVE, COUNT_TIMES, act_move, "Up one page") \
	A(HALF_DOWN, "half-page-down", "C-d", GROUP_MOVE, COUNT_TIMES, act_move, "Down half a page") \
	A(HALF_UP, "half-page-up", "C-u", GROUP_MOVE, COUNT_TIMES, act_move, "Up half a page") \
	A(FIRST, "first", "g Home", GROUP_MOVE, COUNT_LINE, act_move, "First line or item") \
	A(LAST, "last", "G End", GROUP_MOVE, COUNT_LINE, act_move, "Last line or item") \
	A(PERCENT, "percent", "p %", GROUP_MOVE, COUNT_PERCENT, act_move, "Some percent of the way through") \
	A(PREV_SIBLING, "prev-sibling", "[", GROUP_MOVE, COUNT_NONE, act_sibling, "Previous section or entity at the same level") \
	A(NEXT_SIBLING, "next-sibling", "]", GROUP_MOVE, COUNT_NONE, act_sibling, "Next section or entity at the same level") \
	A(PARENT, "parent", ",", GROUP_MOVE, COUNT_NONE, act_parent, "Up to the parent (section, area, stage)") \
	A(PANE_LEFT, "pane-left", "h Left", GROUP_PANES, COUNT_NONE, act_pane_side, "Pane to the left (or the previous one)") \
	A(PANE_RIGHT, "pane-right", "l Right", GROUP_PANES, COUNT_NONE, act_pane_side, "Pane to the right (or the next one)") \
	A(FOCUS_NEXT, "focus-next", "Tab", GROUP_PANES, COUNT_NONE, act_focus_step, "Next link in the text, then the next pane") \
	A(FOCUS_PREV, "focus-prev", "S-Tab", GROUP_PANES, COUNT_NONE, act_focus_step, "Previous link, then the previous pane") \
	A(PANE_1, "pane-1", "1", GROUP_PANES, COUNT_NONE, act_pane_jump, "Pane 1 of the view (each pane's header shows its digit)") \
	A(PANE_2, "pane-2", "2", GROUP_PANES, COUNT_NONE, act_pane_jump, "Pane 2 of the view") \
	A(PANE_3, "pane-3", "3", GROUP_PANES, COUNT_NONE, act_pane_jump, "Pane 3 of the view") \
	A(PANE_4, "pane-4", "4", GROUP_PANES, COUNT_NONE, act_pane_jump, "Pane 4 of the view") \
	A(VIEW_HOME, "view-home", "H", GROUP_PANES, COUNT_NONE, act_view, "Home: stages, priority areas, timeline") \
	A(VIEW_REPORT, "view-report", "r", GROUP_PANES, COUNT_NONE, act_view, "The whole report as a book, with contents") \
	A(VIEW_OVERVIEW, "view-overview", "o", GROUP_PANES, COUNT_NONE, act_overview, "Overview: areas by stage, activities listed, the report's figures") \
	A(VIEW_TIMELINE, "view-timeline", "t", GROUP_PANES, COUNT_NONE, act_timeline, "Timeline: every event on a year axis, its page below") \
	A(ZOOM, "zoom", "z", GROUP_PANES, COUNT_NONE, act_zoom, "Full width: the reader or the book alone (again: the panes beside it)") \
	A(OPEN, "open", "Enter", GROUP_LINKS, COUNT_NONE, act_open, "Open the selection; follow the focused link") \
	A(BACK, "back", "Backspace <", GROUP_LINKS, COUNT_NONE, act_history, "Back to where you were") \
	A(FORWARD, "forward", ">", GROUP_LINKS, COUNT_NONE, act_history, "Forward again") \
	A(MARK_SET, "mark", "m", GROUP_LINKS, COUNT_NONE, act_mark, "m<letter>: mark this place (kept for next time)") \
	A(MARK_GOTO, "goto-mark", "' `", GROUP_LINKS, COUNT_NONE, act_mark, "'<letter>: back to the mark; '' to the place before") \
	A(SEARCH, "search", "/", GROUP_SEARCH, COUNT_NONE, act_prompt, "Search the report: results as you type") \
	A(SEARCH_NEXT, "search-next", "n", GROUP_SEARCH, COUNT_TIMES, act_search_step, "Next match, then the next hit's first") \
	A(SEARCH_PREV, "search-prev", "N", GROUP_SEARCH, COUNT_TIMES, act_search_step, "Previous match, then the previous hit's last") \
	A(CARD, "card", "c", GROUP_SEARCH, COUNT_NONE, act_card, "The card of what the hit is about (Enter opens where the report tells of it)") \
	A(FILTER, "filter", "&", GROUP_SEARCH, COUNT_NONE, act_prompt, "Show only the entries of this list that match a query") \
	A(PROMPT_ACCEPT, "prompt-accept", "Enter", GROUP_PROMPT, COUNT_NONE, prompt_accept_key, "Open the selected hit (after &: keep the filter)") \
	A(PROMPT_CANCEL, "prompt-cancel", "Esc C-g", GROUP_PROMPT, COUNT_NONE, prompt_cancel_key, "Back to the screen before / (after &: no filter)") \
	A(PROMPT_RESULTS, "prompt-results", "Tab", GROUP_PROMPT, COUNT_NONE, prompt_accept_key, "Leave the prompt for the results list") \
	A(PROMPT_REGEX, "prompt-regex", "C-r", GROUP_PROMPT, COUNT_NONE, prompt_edit_key, "Regex mode on or off: the query is read as /.../") \
	A(HISTORY_PREV, "history-prev", "Up", GROUP_PROMPT, COUNT_NONE, prompt_edit_key, "The query before in the history") \
	A(HISTORY_NEXT, "history-next", "Down", GROUP_PROMPT, COUNT_NONE, prompt_edit_key, "The query after in the history") \
	A(PROMPT_HIT_NEXT, "prompt-hit-next", "C-n", GROUP_PROMPT, COUNT_NONE, prompt_select_key, "Select the next hit or entry") \
	A(PROMPT_HIT_PREV, "prompt-hit-prev", "C-p", GROUP_PROMPT, COUNT_NONE, prompt_select_key, "Select the previous hit or entry") \
	A(ERASE_CHAR, "erase-char", "Backspace", GROUP_PROMPT, COUNT_NONE, prompt_edit_key, "Erase a character (on an empty prompt: close it)") \
	A(ERASE_WORD, "erase-word", "C-w", GROUP_PROMPT, COUNT_NONE, prompt_edit_key, "Erase a word") \
	A(ERASE_LINE, "erase-line", "C-u", GROUP_PROMPT, COUNT_NONE, prompt_edit_key, "Erase the whole query") \
	A(WHERE, "where", "=", GROUP_OTHER, COUNT_NONE, act_where, "Where am I: view, pane, position") \
	A(REDRAW, "redraw", "C-l", GROUP_OTHER, COUNT_NONE, act_redraw, "Repaint the screen") \
	A(COPY, "copy", "y", GROUP_OTHER, COUNT_NONE, act_copy, "Copy the paragraph (after n/N: the match's sentence) and its place, to the clipboard") \
	A(MOUSE, "mouse", "M", GROUP_OTHER, COUNT_NONE, act_mouse, "Mouse on or off (off: select and copy with the terminal)") \
	A(HELP, "help", "? F1", GROUP_OTHER, COUNT_NONE, act_help, "This help") \
	A(CANCEL, "cancel", "Esc", GROUP_OTHER, COUNT_NONE, act_cancel, "Cancel: a count, the help, a filter, a search, highlights") \
	A(QUIT, "quit", "q", GROUP_OTHER, COUNT_NONE, act_quit, "Quit (in help: close it)")

/* What a count typed before an action's key does. */
enum ui_count {
	COUNT_NONE,    /* nothing: the count is dropped */
	COUNT_TIMES,   /* the action is done N times (5j: five lines) */
	COUNT_LINE,    /* line or item N (42g) */
	COUNT_PERCENT, /* N percent of the way through (50p) */
};

enum ui_action {
	ACT_NONE = 0,
#define UI_ACTION_ENUM(id, name, keys, group, count, handler, help) ACT_##id,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	ACT_COUNT
};

struct ui_action_info {
	enum ui_action action;
	const char *name, *keys;
	enum ui_group group;
	enum ui_count count;
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
	UIK_LAST = UIK_F1 + 12,
	/* What the terminal sends that is not a key (no name reads as these) */
	UIK_RESIZE,   /* the window changed size */
	UIK_MOUSE,    /* a mouse report (struct ui_mouse beside it) */
	UIK_UNKNOWN,  /* a key the browser has no name for */
	UIK_INVALID,  /* bytes that are not UTF-8: dropped, and said so */
};

/* The code of one key name ("j", "C-d", "PgDn", "S-Tab", "F5", "é"): a
 * printable character, a control character (C-a .. C-z), or a UIK_ value.
 * -1 if the name is not a key. */
long ui_key_code(const char *name, size_t len);
/* The name of a key code, as ui_key_code reads it back; "?" if none. */
void ui_key_name(long code, char *buf, size_t n);

/* Whether an action belongs to the prompt (GROUP_PROMPT). */
bool ui_action_in_prompt(enum ui_action act);

/* What a count does to an action, in words for help and the manual:
 * "<N> times", "line or item <N>", "<N> percent"; "" for COUNT_NONE. */
const char *ui_count_words(enum ui_count count);

/* The key table as text for the manual and for checking: per group a
 * heading, then one line per action "keys<TAB>name<TAB>help", the help
 * followed by what a count does ("; with a count: line or item <N>"). */
void ui_actions_print(FILE *out);

#endif
