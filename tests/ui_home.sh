#!/bin/sh
# ui_home.sh - the home screen at 80x24 and 132x43: the three stages with
# their names and years, all ten priority areas, the timeline, the reader,
# the title bar and the status line.
. "$TEMM_TESTS/tmux.sh"

check_home() {
	tm_wait 'Steady Development'
	for s in 'I +Foundation +1999-2009' 'II +Deepening +2010-2014' 'III +Steady Development +2015-2019'; do
		tm_wait "$s" 2
	done
	# every area, numbered as in the report (long titles are cut at the
	# pane's edge, so the first words are what is checked)
	COLUMNS=1000 "$TEMM" list areas | sed 's/^[a-z-]* *//; s/ (.*activit.*)$//' | cut -c1-24 >"$TM_DIR/areas"
	[ "$(wc -l <"$TM_DIR/areas")" -eq 10 ] || fail "temm list areas did not give ten areas"
	while IFS= read -r a; do
		tm_capture | grep -Fq -- "$a" || fail "area missing: $a"
	done <"$TM_DIR/areas"
	tm_wait 'Timeline'
	tm_wait '1999 .*2019'                     # the axis
	tm_wait '1999-11 leaders of China'        # the first event
	tm_wait 'temm: Report on China-Japan-Korea' # the title bar
	tm_wait 'Home . Stages . Stage I Foundation'
	tm_wait 'Reader: Stage I Foundation'
	tm_wait 'Foundation Stage'                # the reader's heading
	tm_wait '\? help +.* 1/3 *$'              # keys and the position
}

tm_start_wrapped 80 24
check_home
# the cursor sits on the selected row, for screen readers
[ "$(tm_format '#{cursor_y}')" = 2 ] || fail "cursor not on the selected stage row"
tm_quit

tm_kill_restart() { tm kill-server >/dev/null 2>&1; }
tm_kill_restart
tm_start_wrapped 132 43
check_home
tm_wait '2018    From 1999 to 2018, 20 sessions of TEMM' # the whole timeline fits
tm_wait ' 6\) Circulative Management of Resources/3R/ Tr'
tm_quit
echo "ok"
