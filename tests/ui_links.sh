#!/bin/sh
# ui_links.sh - links in the reader: Tab moves between them, Enter follows,
# Backspace / < goes back to exactly the same screen (pane, selection,
# scroll), > goes forward again. Also --goto (with the id in upper case).
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24 --goto EV-2014-TEMM16   # ids are matched whatever their case
tm_wait 'Reader: Event 2014-04'
tm_wait '^>2014-04 TEMM16'                # --goto selected it on the timeline
tm_keys Tab Tab Tab Tab                   # Stage, Meeting, Told in, then Concerns: Stage III
tm_wait 'Reader: Event 2014-04'
sleep 0.2
before=$(tm_capture)
tm_keys Enter
tm_wait 'Reader: Stage III Steady Development'
tm_wait 'Steady Development Stage'
tm_wait '^>III Steady Development'
tm_keys BSpace
tm_wait 'Reader: Event 2014-04'
sleep 0.2
after=$(tm_capture)
[ "$before" = "$after" ] || { printf '%s\n----\n%s\n' "$before" "$after" >&2; fail "back did not restore the screen"; }
tm_keys '>'
tm_wait 'Reader: Stage III Steady Development'
tm_keys '<'
tm_wait 'Reader: Event 2014-04'

# a scrolled reader comes back at the same place: an area's long page
tm_keys 2 j                               # 2) DSS Prevention
tm_wait 'Reader: Area 2\) DSS Prevention'
tm_keys 4 Space                           # the reader, a page down
tm_wait_gone 'Priority area 2 of 10'
tm_keys Tab
sleep 0.2
before=$(tm_capture)
tm_keys Enter
tm_wait_gone 'Reader: Area 2\) DSS'
tm_keys BSpace
tm_wait 'Reader: Area 2\) DSS Prevention'
sleep 0.2
after=$(tm_capture)
[ "$before" = "$after" ] || { printf '%s\n----\n%s\n' "$before" "$after" >&2; fail "back did not restore the scrolled reader"; }

# a link to a section opens the report view there
tm_keys g Tab Enter                       # "Told in: 2.1 > 2) DSS Prevention"
tm_wait 'Report . Report'
tm_wait '^> +2\) DSS Prevention'
tm_keys '<'
tm_wait 'Reader: Area 2\) DSS Prevention'
tm_quit
echo ok
