#!/bin/sh
# ui_state.sh - temm opens where the reader left off (view, pane,
# selection, scroll), unless --goto says where; marks as in less: m and a
# letter sets one, ' and the letter comes back, '' goes back; marks are
# kept for the next run too. All of it in $XDG_STATE_HOME/temm/KEY/state.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_keys 2 j j                             # 3) Environmental Education
tm_wait '4 (Reader: )?Area 3\) Environmental Education'
tm_keys l Space j j =                     # into the reader, scrolled; = once drawn
tm_wait 'Home, Reader'
tm_keys C-l                               # the message goes; the screen is the place
tm_wait_gone 'Home, Reader'
tm_capture >"$TM_DIR/left"
tm_quit
state=$(tm_state_file state)
[ -f "$state" ] || fail "no state file after q"
head -1 "$state" | grep -q '^# temm state 1$' || fail "not a state file: $(head -1 "$state")"

tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24
tm_wait '4 (Reader: )?Area 3\) Environmental Education'
tm_wait_same "$TM_DIR/left"               # the same screen, line for line
tm_quit

# the report view, scrolled; and at another size it is the same text
tm kill-server >/dev/null 2>&1
tm_start_wrapped 100 30
tm_wait 'Reader: Area 3'
tm_keys r 2 Space Space =                 # = once the pages are turned: then it is drawn
tm_wait 'Report, Report'
tm_keys C-l                               # the message goes; the screen is the place
tm_wait_gone 'Report, Report'
tm_capture >"$TM_DIR/left"
tm_quit
tm kill-server >/dev/null 2>&1
tm_start_wrapped 100 30
tm_wait 'Report . Report'
tm_wait_same "$TM_DIR/left"

# marks: m a here, away, ' a back; '' back again
tm_keys m
tm_wait 'mark: a letter'
tm_keys a
tm_wait "Mark a set"
tm_keys H 1 j                             # home, stage II
tm_wait 'Reader: Stage II'
tm_keys "'"
tm_wait 'go to mark'
tm_keys a
tm_wait_same "$TM_DIR/left"
tm_keys "'" "'"                           # the place before the jump
tm_wait 'Reader: Stage II'
tm_keys "'" q                             # no such mark
tm_wait 'No mark q: mq sets it'
tm_keys m 1
tm_wait 'Marks are letters'
tm_keys H 2 j g j j j                     # a mark on an area, kept for the next run
tm_wait 'Reader: Area 4\) Biodiversity'
tm_keys m B
tm_wait 'Mark B set'
tm_quit
grep -q '^mark a ' "$state" || fail "mark a not kept"
grep -q '^mark B ' "$state" || fail "mark B not kept"

tm kill-server >/dev/null 2>&1
tm_start_wrapped 100 30
tm_wait 'Reader: Area 4\) Biodiversity'   # where the last run ended
tm_keys "'" a
tm_wait_same "$TM_DIR/left"
tm_keys "'" B
tm_wait 'Reader: Area 4\) Biodiversity'
tm_quit

# --goto wins over the last position (its id in any case); the marks stay
tm kill-server >/dev/null 2>&1
tm_start_wrapped 100 30 --goto EV-2014-TEMM16
tm_wait 'TEMM16 was held in Daegu'
tm_keys "'" a
tm_wait_same "$TM_DIR/left"
tm_quit

# a damaged state file: a warning, and the start of the report
printf '# temm state 1\ncontent 00000000\n' >"$state"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 120 30
tm_wait "ignoring $state: written for other content"
tm_wait 'Reader: Stage I Foundation'
tm_quit
echo ok
