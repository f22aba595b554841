#!/bin/sh
# ui_keep.sh - nothing kept between runs is lost without a word: sessions
# running at once each keep their searches and marks (2 and 10 of them, the
# last to quit no longer wins); a run on other content (--content) keeps
# its own state beside the default content's; a state file that is not
# temm's is said so and left as it is. And no file temm reads by name
# (config, history, state) can hang it: a FIFO is refused with a message
# naming it.
. "$TEMM_TESTS/tmux.sh"

words="dust marine chemicals climate education waste water biodiversity forum pollution"

# session N WORD LETTER: temm in tmux session sN, WORD searched, mark
# LETTER set on the home screen
session_start() {
	n=0
	until tm new-session -d -s "s$1" -x 100 -y 30 "exec $(tm_quote "$TEMM") $2 2>>$TM_DIR/err.$1" 2>/dev/null; do
		n=$((n + 1))
		[ $n -ge 20 ] && fail "tmux new-session s$1"
		sleep 0.1
	done
}
swait() { # swait N REGEX: until session sN shows it
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	until tm capture-pane -p -t "s$1" | grep -Eq -- "$2"; do
		[ "$(date +%s)" -ge "$deadline" ] && { tm capture-pane -p -t "s$1" >&2; fail "s$1: timed out waiting for: $2"; }
		sleep 0.05
	done
}
session_work() { # N WORD LETTER
	swait "$1" 'Steady Development'
	tm send-keys -t "s$1" /
	tm send-keys -t "s$1" -l "$2"
	tm send-keys -t "s$1" Enter
	swait "$1" 'hit 1 of'
	tm send-keys -t "s$1" Escape
	swait "$1" 'Steady Development'
	tm send-keys -t "s$1" m "$3"
	swait "$1" "Mark $3 set"
}
session_quit() {
	tm send-keys -t "s$1" q
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	until [ "$(tm display-message -p -t "s$1" '#{pane_dead}')" = 1 ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "s$1 did not quit"
		sleep 0.05
	done
}

# kept N: the first N words are in the history, their marks in the state
kept() {
	hist=$(tm_state_file history) state=$(tm_state_file state)
	i=0
	for w in $words; do
		[ $i -ge "$1" ] && break
		letter=$(printf "\\$(printf '%03o' $((97 + i)))")
		grep -qx "$w" "$hist" || fail "$1 sessions: the search '$w' was lost: $(cat "$hist")"
		grep -q "^mark $letter " "$state" || fail "$1 sessions: mark $letter was lost: $(cat "$state")"
		i=$((i + 1))
	done
}

# at_once N: N sessions started, each searching and marking, then all quit
at_once() {
	i=0
	for w in $words; do
		[ $i -ge "$1" ] && break
		session_start $i ""
		i=$((i + 1))
	done
	i=0
	for w in $words; do
		[ $i -ge "$1" ] && break
		session_work $i "$w" "$(printf "\\$(printf '%03o' $((97 + i)))")"
		i=$((i + 1))
	done
	i=0
	while [ $i -lt "$1" ]; do
		session_quit $i
		i=$((i + 1))
	done
	tm kill-server >/dev/null 2>&1
}

# the issue's A and B: A searches alpha-ish and sets a, B beta-ish and b,
# A quits, B quits: both searches and both marks are kept
at_once 2
kept 2
rm -rf "$XDG_STATE_HOME"
at_once 10
kept 10

# --content DIR keeps its own state: the default content's marks survive
default_state=$(tm_state_file state)
cp "$default_state" "$TM_DIR/default-state"
other="$TM_DIR/other"
cp -r "$TEMM_SOURCE_CONTENT" "$other"
session_start 0 "--content $other"
session_work 0 'dust' z
session_quit 0
tm kill-server >/dev/null 2>&1
cmp -s "$default_state" "$TM_DIR/default-state" || fail "--content changed the default's state"
[ "$(ls -d "$XDG_STATE_HOME"/temm/content-* | wc -l)" = 2 ] || fail "no state of its own for --content"
grep -rq '^mark z ' "$XDG_STATE_HOME"/temm/content-*/state || fail "--content's mark z not kept"
grep -q '^mark z ' "$default_state" && fail "--content's mark z went into the default's state"

# a state file that is not temm's: said so, left as it is, and the failed
# save at quit is said when the screen is gone
printf 'my own notes\n' >"$default_state"
tm_start_wrapped 200 30
tm_wait "ignoring .*/state: not a temm state file \\(left as it is"
tm_keys m q                               # the mark's save fails, and says so
tm_wait 'position and marks not saved to .*state: it was not read and is left as it is'
tm_quit
[ "$(cat "$default_state")" = 'my own notes' ] || fail "the foreign state file was replaced"
grep -q 'position and marks not saved to .*state: it was not read and is left as it is' "$TM_DIR/err" ||
	fail "the failed save at quit was not told: $(cat "$TM_DIR/err")"

# FIFOs where temm reads by name: each refused at once, named
fifo_case() { # WHAT PATH REGEX [ARGS...]
	what=$1 path=$2 want=$3
	shift 3
	rm -f "$path"
	mkdir -p "$(dirname "$path")"
	mkfifo "$path"
	tm kill-server >/dev/null 2>&1
	tm_start_wrapped 200 30 "$@"
	tm_wait "$want"
	tm_wait 'Steady Development'
	tm_quit
	rm -f "$path"
}
rm -rf "$XDG_STATE_HOME"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_quit
fifo_case history "$(tm_state_file history)" 'cannot read search history .*history: a FIFO, not a regular file'
fifo_case state "$(tm_state_file state)" 'cannot read .*state: a FIFO, not a regular file'
fifo_case config "$XDG_CONFIG_HOME/temm/config" 'config.*a FIFO, not a regular file'
fifo_case --config "$TM_DIR/fifo-config" 'fifo-config.*a FIFO, not a regular file' --config "$TM_DIR/fifo-config"
echo ok
