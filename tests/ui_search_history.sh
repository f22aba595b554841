#!/bin/sh
# ui_search_history.sh - Up and Down in the prompt walk the queries of /
# and &, kept across runs in $XDG_STATE_HOME/temm/KEY/history; a damaged
# history file is ignored with a warning and left as it is (no search is
# saved over it, and each search says so), and search still works.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'temm: Report on'
tm_keys /
tm_literal 'microplastics'
# the preview waits for typing to pause: the loop's quiet time brings it
tm_wait 'Preview: '
tm_keys Enter
tm_wait 'hit 1 of 1'
tm_keys Escape /
tm_literal 'workshop'
tm_keys Enter
tm_wait 'hit 1 of'
tm_quit
hist=$(tm_state_file history)
grep -qx 'microplastics' "$hist" || fail "microplastics not in $hist"
grep -qx 'workshop' "$hist" || fail "workshop not in $hist"
ls "$(dirname "$hist")" | grep -v -e '^history$' -e '^state$' && fail "a file besides history and state"

# a new run: Up recalls the last query, then the one before; Down comes back
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24
tm_wait '\? help'                          # (where it was left: the book, read at full width)
tm_keys /
tm_literal 'dus'
tm_keys Up
tm_wait '^/workshop +[0-9]+ hits *$'
tm_wait 'Results: "workshop"'
tm_keys Up
tm_wait '^/microplastics +1 hit *$'
tm_keys Up                                # the oldest stays
tm_wait '^/microplastics +1 hit *$'
tm_keys Down Down
tm_wait '^/dus +[0-9]+ hits? *$'          # what was typed, back
tm_keys Escape
tm_quit

# a damaged file: a warning on the status line, and search still works
printf '# temm search history 1\nfine\nbroken \033[2J line\n' >"$hist"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 200 24                   # wide: the message names the whole path
tm_wait 'ignoring search history .*/history: a line is not'
tm_keys /
tm_literal 'microplastics'
tm_wait 'Results: "microplastics", 1 hit'
tm_keys Up                                # nothing was kept from it
tm_wait '^/microplastics +1 hit *$'
tm_keys Enter
tm_quit
# the failed save not seen on screen is said when temm ends
grep -q 'search history not saved: .*history was not read and is left as it is' "$TM_DIR/err" ||
	fail "the unsaved search was not told: $(cat "$TM_DIR/err")"
# and it was not replaced: what could not be read is the user's to look at
[ "$(cat "$hist")" = "$(printf '# temm search history 1\nfine\nbroken \033[2J line')" ] ||
	fail "the damaged history was replaced"
printf 'not a history at all\n' >"$hist"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 200 24
tm_wait 'ignoring search history .*: not a temm hist'
tm_quit
echo ok
