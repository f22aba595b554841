#!/bin/sh
# ui_mouse.sh - the mouse on a real terminal. On (the default), temm asks
# tmux for mouse reports and a click reaches it; M turns it off: temm asks
# for none (the pane's mouse flags clear, so the terminal's own selection
# works) and a click never reaches temm; `mouse: off` in the config starts
# it off. However temm ends - q, or a fatal signal after the mouse was
# turned on - no mouse mode is left behind.
. "$TEMM_TESTS/tmux.sh"

mouse_flags() { tm_format '#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}'; }

# tm_wait_mouse FLAG: until the pane's mouse_any_flag is FLAG.
tm_wait_mouse() {
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	until [ "$(tm_format '#{mouse_any_flag}')" = "$1" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "mouse_any_flag is not $1 ($(mouse_flags))"
		sleep 0.05
	done
}

# A client attached through a pty, as a person's terminal is: what is
# written to $TM_DIR/in reaches tmux as typed, so a click is the bytes an
# xterm sends for one (SGR mode: ESC [ < 0 ; X ; Y M, then m on release).
# tmux passes it to the pane only if the program there asked for mouse
# reports.
client_attach() {
	mkfifo "$TM_DIR/in"
	exec 3<>"$TM_DIR/in"
	TERM=xterm-256color script -qfc "stty rows 24 cols 80; exec tmux -L $TM_SOCK -f $TM_DIR/tmux.conf attach -t t" \
		/dev/null <&3 >"$TM_DIR/client.out" 2>&1 &
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	until [ -n "$(tm list-clients 2>/dev/null)" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "no client attached"
		sleep 0.05
	done
}

# client_click TEXT: a left click on the first cell of TEXT on the screen.
client_click() {
	at=$(tm_capture | awk -v t="$1" '{ i = index($0, t); if (i) { print i ";" NR; exit } }')
	[ -n "$at" ] || fail "no '$1' on the screen to click"
	printf '\033[<0;%sM\033[<0;%sm' "$at" "$at" >&3
}

# client_type KEYS: keys typed at the client, after anything written before.
client_type() { printf '%s' "$1" >&3; }

tm_start_wrapped 80 24 --no-state
tm_wait 'Steady Development'
tm_wait_mouse 1
client_attach
client_click '9) Marine'
tm_wait 'Home › Areas › 9\) Marine Environment Protection'

tm_keys M
tm_wait 'Mouse off: the terminal selects and copies text; M turns the mouse on'
tm_wait_mouse 0
[ "$(mouse_flags)" = 000 ] || fail "a mouse mode is left on: $(mouse_flags)"
# a click, then = from the same terminal: = answers after the click was
# dealt with, and the click changed nothing
client_click '2) DSS'
client_type '='
tm_wait 'Home, Areas: item 9/10'
tm_capture | grep -q 'Home › Areas › 9) Marine' || fail "the click reached temm"

tm_keys M
tm_wait 'Mouse on: click and wheel; M turns it off to select text with the terminal'
tm_wait_mouse 1
client_click '2) DSS'
tm_wait 'Home › Areas › 2\) DSS Prevention'
tm_quit

# mouse: off in the config: none asked for from the start; M turns it on,
# and a fatal signal then still switches it off
mkdir -p "$XDG_CONFIG_HOME/temm"
printf 'mouse: off\n' >"$XDG_CONFIG_HOME/temm/config"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --no-state
tm_wait 'Steady Development'
tm_keys j
tm_wait 'Reader: Stage II'
[ "$(mouse_flags)" = 000 ] || fail "mouse: off, but a mouse mode is on: $(mouse_flags)"
tm_keys M
tm_wait 'Mouse on'
tm_wait_mouse 1
kill -SEGV "$tm_temm_pid"
rc=$(tm_wait_wrapped)
[ "$rc" = 139 ] || fail "SIGSEGV: exit status $rc"
tm_check_restored "SIGSEGV after M"

# a terminal with no mouse: nothing said at start, the key says it
rm "$XDG_CONFIG_HOME/temm/config"
tm kill-server >/dev/null 2>&1
tm_start_cmd 80 24 "TERM=vt100 exec $(tm_quote "$TEMM") --no-state"
tm_wait 'Steady Development'
tm_expect_not 'mouse'
tm_keys M
tm_wait 'Mouse off'
tm_keys M
tm_wait 'This terminal \(vt100\) reports no mouse'
echo ok
