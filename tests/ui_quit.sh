#!/bin/sh
# ui_quit.sh - the terminal is always restored: on q, on SIGINT, SIGTERM,
# SIGHUP, SIGQUIT and a fatal signal (SIGSEGV): the tty modes are as before
# and tmux shows no alternate screen, a visible cursor, no keypad or mouse
# mode; Ctrl-Z and fg suspend and resume. A hang-up (the pty going away) leaves no temm process behind, and
# an idle temm uses no CPU.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_keys j
tm_wait 'Reader: Stage II'
# idle means idle: no timers, no polling (a second of measuring, not a wait)
t0=$(awk '{print $14 + $15}' "/proc/$tm_temm_pid/stat")
sleep 1
t1=$(awk '{print $14 + $15}' "/proc/$tm_temm_pid/stat")
[ $((t1 - t0)) -le 2 ] || fail "idle temm used $((t1 - t0)) ticks of CPU in a second"
tm_keys q
[ "$(tm_wait_wrapped)" = 0 ] || fail "q: exit status $(cat "$TM_DIR/rc")"
tm_check_restored q
tm_wait_gone 'Steady Development'   # the alternate screen is gone with its text

for sig in INT:130 TERM:143 HUP:129 QUIT:131 SEGV:139; do
	tm kill-server >/dev/null 2>&1
	tm_start_wrapped 80 24
	tm_wait 'Steady Development'
	tm_keys '?'                       # not just the home screen
	tm_wait 'temm keys'
	kill -"${sig%:*}" "$tm_temm_pid"
	rc=$(tm_wait_wrapped)
	[ "$rc" = "${sig#*:}" ] || fail "SIG${sig%:*}: exit status $rc, wanted ${sig#*:}"
	tm_check_restored "SIG${sig%:*}"
	kill -0 "$tm_temm_pid" 2>/dev/null && fail "SIG${sig%:*}: temm still running"
done

# Ctrl-Z suspends to the shell with the terminal restored; fg brings temm
# back on its screen; Ctrl-C then ends it cleanly
tm kill-server >/dev/null 2>&1
tm_start_cmd 80 24 "PS1='sh> ' exec sh -i"
tm_wait 'sh>'
tm_literal "stty -g >$TM_DIR/before; $(tm_quote "$TEMM")"
tm_keys Enter
tm_wait 'Steady Development'
tm_keys C-z
tm_wait_gone 'Steady Development'
[ "$(tm_format '#{alternate_on} #{cursor_flag} #{keypad_flag}')" = "0 1 0" ] || fail "Ctrl-Z: terminal not restored"
tm_literal "stty -g >$TM_DIR/after; fg"
tm_keys Enter
tm_wait 'Steady Development'
cmp -s "$TM_DIR/before" "$TM_DIR/after" || fail "Ctrl-Z: the tty modes were not restored"
tm_keys j
tm_wait 'Reader: Stage II'
tm_keys C-c
tm_wait_gone 'Reader: Stage II'
tm_wait 'sh>'
[ "$(tm_format '#{alternate_on} #{cursor_flag} #{keypad_flag}')" = "0 1 0" ] || fail "Ctrl-C: terminal not restored"

# a dropped link: the pty goes away under a running temm
tm kill-server >/dev/null 2>&1
tm_start 80 24
tm_wait 'Steady Development'
pid=$(tm_pane_pid)
kill -0 "$pid" || fail "no temm process"
tm kill-server
deadline=$(( $(date +%s) + 5 ))
while kill -0 "$pid" 2>/dev/null; do
	[ "$(date +%s)" -ge "$deadline" ] && fail "temm is still running after a hang-up"
	sleep 0.05
done
echo ok
