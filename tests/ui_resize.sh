#!/bin/sh
# ui_resize.sh - resizing keeps the selection: 200x50 -> 40x12 (one pane
# at a time, the strip naming the others) -> 80x24; too small shows a notice; a storm of 200 random
# sizes with keys in between crashes nothing and leaves a correct screen.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 200 50
tm_wait 'Steady Development'
tm_keys 2 j j j j j j                     # 7) Transition to Green Economy
tm_wait 'Reader: Area 7\) Transition to Green Economy'
tm_resize 40 12
tm_wait '^> 7\) Transition to Green Econo'
tm_expect_not 'Foundation +1999-2009'     # the areas' column only
tm_wait '^ 1 Stages 2 Areas 3 Timeline 4 Reader'  # the strip names every pane
tm_keys l                                 # to the reader
tm_wait '4 (Reader: )?Area 7\)'
tm_keys h
tm_wait '^> 7\) Transition to Green Econo'
tm_resize 80 24
tm_wait 'Home . Areas . 7\) Transition to Green Economy'
tm_wait '^> 7\) Transition to Green Economy'
tm_wait '4 (Reader: )?Area 7\) Transition to Green'
tm_wait '7/10 *$'
tm_resize 15 5
tm_wait 'need 20x6'
tm_resize 1 1
tm_resize 80 24
tm_wait '4 (Reader: )?Area 7\) Transition to Green'
# a quick storm of sizes while keys arrive
for s in 30x8 250x80 81x25 20x6 79x23 100x30 19x40 80x24; do
	tm_resize "${s%x*}" "${s#*x}"
	tm_keys j
done
tm_wait 'Home . Areas'
# and a storm: 200 random sizes from 1x1 to 250x80 with keys in between
awk 'BEGIN { srand(42); for (i = 0; i < 200; i++) print int(1 + rand() * 250), int(1 + rand() * 80) }' >"$TM_DIR/sizes"
i=0
while read -r w h; do
	tm_resize "$w" "$h"
	i=$((i + 1))
	case $((i % 10)) in
	0) tm_keys Tab ;;
	5) tm_keys k ;;
	esac
done <"$TM_DIR/sizes"
[ -f "$TM_DIR/rc" ] && fail "temm ended during the resize storm (status $(cat "$TM_DIR/rc"))"
tm_resize 80 24
tm_keys H 1                               # home, stages: a known screen
tm_wait 'Home . Stages'
tm_wait 'III +Steady Development +2015-2019'
tm_wait '10\) Rural Environmental Manageme'
tm_wait '\? help +.* [0-9]+/3 *$'
[ "$(tm_format '#{pane_dead}')" = 0 ] || fail "temm died"
tm_quit
echo ok
