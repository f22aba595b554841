#!/bin/sh
# ui_help.sh - ? and F1 show every key, grouped, from the same table the
# keys are dispatched on; q and Esc close it.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 160 90
tm_wait 'Steady Development'
tm_keys '?'
tm_wait 'temm keys'
for g in Moving 'Panes and views' 'Links, history and marks' Search 'In the prompt of / and &' Other; do
	tm_wait "^$g" 2
done
# every action's help line as declared in ui/actions.h
src="$TEMM_TESTS/../ui/actions.h"
n=0
grep -E '^	A\(' "$src" | sed -E 's/.*"([^"]*)"\) *\\?$/\1/' >"$TM_DIR/help"
while IFS= read -r h; do
	tm_capture | grep -Fq -- "$h" || fail "help does not list: $h"
	n=$((n + 1))
done <"$TM_DIR/help"
[ "$n" -gt 25 ] || fail "only $n actions read from actions.h"
tm_wait 'j, Down, C-n +Next line'
tm_wait 'Backspace, < +Back'
tm_wait '\?, F1 +This help'
tm_keys q                                 # q closes help, not temm
tm_wait 'Foundation Stage'
tm_keys F1
tm_wait 'temm keys'
tm_keys Escape
tm_wait_gone 'temm keys'
tm_quit
echo ok
