# tmux.sh - helpers the browser's screen tests share: run the real binary in
# a detached tmux session of a given size, on a private server, send keys and
# poll the screen for text with a timeout (never a fixed sleep).
#
#   . "$TEMM_TESTS/tmux.sh"
#   tm_start 80 24 [ARGS...]    # temm [ARGS] in a new session
#   tm_start_wrapped 80 24 ...  # the same under a shell that records the
#                               # exit status and the tty modes around it
#   tm_quit                     # q: exit 0, terminal restored
#   tm_keys j j Enter           # tmux send-keys
#   tm_wait 'Daegu'             # until the screen shows it (grep -E), or fail
#   tm_capture                  # the screen as text
#   tm_resize 40 12
#   tm_exit_status              # after temm ended: its exit status
# Each test runs in its own server (tmux -L), so tests can run in parallel.

: "${TEMM:?TEMM is not set: run through make check}"
TM_SOCK="temm-test-$$"
TM_TIMEOUT="${TM_TIMEOUT:-10}"
TM_DIR="$(mktemp -d "${TMPDIR:-/tmp}/temm-ui.XXXXXX")"

tm() { tmux -L "$TM_SOCK" -f "$TM_DIR/tmux.conf" "$@"; }

tm_cleanup() {
	tm kill-server >/dev/null 2>&1
	# a temm ended by the hang-up may still be saving its state there
	n=0
	while [ -e "$TM_DIR" ] && [ $n -lt 20 ]; do
		sleep 0.1
		rm -rf "$TM_DIR" 2>/dev/null
		n=$((n + 1))
	done
}
trap tm_cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL: $*" >&2
	if tm has-session -t t 2>/dev/null; then
		echo "--- screen ---" >&2
		tm capture-pane -p -t t >&2
		echo "--------------" >&2
	fi
	exit 1
}

command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }

# The pane stays after temm exits so its status and the terminal's modes
# can be read; a UTF-8 locale so widths are real.
cat >"$TM_DIR/tmux.conf" <<'CONF'
set -g remain-on-exit on
set -g default-terminal "tmux-256color"
set -g status off
set -g history-limit 0
CONF
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR
# temm reads a config and keeps state (history, position, marks): each
# test gets its own empty ones, and never the user's
export XDG_CONFIG_HOME="$TM_DIR/config" XDG_STATE_HOME="$TM_DIR/state"
unset TEMM_KIOSK

# tm_start COLS ROWS [ARGS...]: the command line is quoted for sh -c.
tm_start() {
	tm_cols=$1 tm_rows=$2
	shift 2
	cmd="exec $(tm_quote "$TEMM")"
	for a in "$@"; do
		cmd="$cmd $(tm_quote "$a")"
	done
	tm_start_cmd "$tm_cols" "$tm_rows" "$cmd"
}

# tm_start_cmd COLS ROWS 'SHELL COMMAND'
tm_start_cmd() {
	# a server just killed may still be on its way out: try again
	n=0
	until tm new-session -d -s t -x "$1" -y "$2" "$3" 2>"$TM_DIR/tmux.err"; do
		n=$((n + 1))
		[ $n -ge 20 ] && fail "tmux new-session: $(cat "$TM_DIR/tmux.err")"
		sleep 0.1
	done
	tm set-window-option -t t window-size manual >/dev/null 2>&1
}

tm_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

tm_keys() { tm send-keys -t t "$@"; }
tm_literal() { tm send-keys -t t -l "$1"; }

tm_capture() { tm capture-pane -p -t t; }

# tm_wait REGEX [SECONDS]: poll the screen until grep -E finds it.
tm_wait() {
	deadline=$(( $(date +%s) + ${2:-$TM_TIMEOUT} ))
	while :; do
		if tm_capture | grep -Eq -- "$1"; then
			return 0
		fi
		[ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for: $1"
		sleep 0.05
	done
}

# tm_wait_gone REGEX [SECONDS]: until the screen no longer shows it.
tm_wait_gone() {
	deadline=$(( $(date +%s) + ${2:-$TM_TIMEOUT} ))
	while tm_capture | grep -Eq -- "$1"; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for $1 to go"
		sleep 0.05
	done
}

# tm_expect_not REGEX: the screen must not show it now.
tm_expect_not() {
	if tm_capture | grep -Eq -- "$1"; then
		fail "screen shows what it must not: $1"
	fi
}

tm_resize() { tm resize-window -t t -x "$1" -y "$2" || fail "resize to $1x$2"; }

tm_format() { tm display-message -p -t t "$1"; }

# tm_wait_dead [SECONDS]: until temm has exited.
tm_wait_dead() {
	deadline=$(( $(date +%s) + ${1:-$TM_TIMEOUT} ))
	while [ "$(tm_format '#{pane_dead}')" != 1 ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "temm did not exit"
		sleep 0.05
	done
}

# tm_exit_status: temm's exit status once its pane is dead (tmux sets it a
# moment after pane_dead, so poll). tmux 3.3 sometimes never reaps a pane's
# child, so tests prefer tm_start_wrapped, whose shell records the status.
tm_exit_status() {
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	while :; do
		st=$(tm_format '#{pane_dead_status}')
		[ -n "$st" ] && { echo "$st"; return 0; }
		[ "$(date +%s)" -ge "$deadline" ] && { echo "none (signal $(tm_format "#{pane_dead_signal}"))"; return 0; }
		sleep 0.05
	done
}

# tm_start_wrapped COLS ROWS [ARGS...]: temm under a shell that keeps the
# tty modes before and after (stty -g), temm's exit status, and then stays
# alive, so the terminal's state after temm can be read from tmux (a dead
# pane's modes are tmux's, not what temm left). Sets tm_temm_pid. A shell
# command in TM_BEFORE runs first (stty rows, ulimit).
tm_start_wrapped() {
	c=$1 r=$2
	shift 2
	rm -f "$TM_DIR/rc" "$TM_DIR/before" "$TM_DIR/after"
	cmd="$(tm_quote "$TEMM")"
	for a in "$@"; do
		cmd="$cmd $(tm_quote "$a")"
	done
	tm_start_cmd "$c" "$r" "stty -g >$TM_DIR/before; ${TM_BEFORE:+$TM_BEFORE;} $cmd 2>$TM_DIR/err; echo \$? >$TM_DIR/rc.tmp; stty -g >$TM_DIR/after; mv $TM_DIR/rc.tmp $TM_DIR/rc; exec sleep 600"
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	tm_temm_pid=
	while [ -z "$tm_temm_pid" ]; do
		# temm, not the stty -g or TM_BEFORE's commands that come first
		tm_temm_pid=$(ps -o pid=,comm= --ppid "$(tm_pane_pid)" 2>/dev/null |
			awk -v c="$(basename "$TEMM" | cut -c 1-15)" '$2 == c { print $1; exit }')
		[ -n "$tm_temm_pid" ] && break
		[ -f "$TM_DIR/rc" ] && break
		[ "$(date +%s)" -ge "$deadline" ] && fail "temm did not start"
		sleep 0.02
	done
}

# tm_wait_wrapped [SECONDS]: until temm under tm_start_wrapped has ended;
# prints its exit status.
tm_wait_wrapped() {
	deadline=$(( $(date +%s) + ${1:-$TM_TIMEOUT} ))
	until [ -f "$TM_DIR/rc" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "temm did not exit"
		sleep 0.05
	done
	cat "$TM_DIR/rc"
}

# tm_quit: q ends temm with status 0 and the terminal restored.
tm_quit() {
	tm_keys q
	rc=$(tm_wait_wrapped)
	[ "$rc" = 0 ] || fail "q: exit status $rc"
	tm_check_restored q
}

# tm_check_restored WHAT: the terminal is as it was before temm started.
tm_check_restored() {
	cmp -s "$TM_DIR/before" "$TM_DIR/after" || fail "$1: the tty modes were not restored"
	[ "$(tm_format '#{alternate_on}')" = 0 ] || fail "$1: still on the alternate screen"
	[ "$(tm_format '#{cursor_flag}')" = 1 ] || fail "$1: the cursor is hidden"
	[ "$(tm_format '#{keypad_flag}')" = 0 ] || fail "$1: keypad mode left on"
	[ "$(tm_format '#{mouse_any_flag}')" = 0 ] || fail "$1: mouse reporting left on"
}
tm_pane_pid() { tm_format '#{pane_pid}'; }

# tm_state_file NAME: the file NAME (history, state) that temm keeps for
# the content it was run on, in $XDG_STATE_HOME/temm/content-KEY/ (one
# content per test); empty until a run has created the directory.
tm_state_file() {
	for d in "$XDG_STATE_HOME"/temm/content-*; do
		[ -d "$d" ] && { echo "$d/$1"; return 0; }
	done
}

# tm_capture_e: the screen with its attributes (SGR escapes), as text.
tm_capture_e() { tm capture-pane -e -p -t t; }

# tm_marked WORD: the screen shows WORD drawn with an attribute turned on
# (reverse, bold, underline or a background colour) right before it - a
# highlight, not just the text.
tm_marked() {
	esc=$(printf '\033')
	tm_capture_e | grep -Eq -- "$esc\\[([0-9]+;)*(1|4|7|4[0-7])(;[0-9]+)*m$1" ||
		fail "$1 is not drawn highlighted"
}

# tm_wait_same FILE: until the screen is the one saved in FILE by
# tm_capture >FILE, and nothing on it is marked as a search match (the
# match colours: black on yellow or cyan). Attributes of blank cells are
# not compared: curses may clear a line with or without them. Of the
# status line only the position is: its hints follow the session (Backspace
# back shows only when there is a place to go back to).
tm_position_only() { sed '$ s/.*  //'; }
tm_wait_same() {
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	esc=$(printf '\033')
	tm_position_only <"$1" >"$1.same"
	until tm_capture | tm_position_only | cmp -s - "$1.same" && ! tm_capture_e | grep -Eq "$esc\[4[36]m"; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			tm_capture | diff "$1" - >&2
			fail "the screen is not the one before"
		fi
		sleep 0.05
	done
}
