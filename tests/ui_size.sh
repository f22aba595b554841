#!/bin/sh
# ui_size.sh - memory does not follow the size a terminal claims: curses
# is told at most 500x300 (ui/term_size.h), and the browser draws in that
# corner of a larger terminal, the rest blank, exactly as on a terminal of
# that size - scrolling included (the scroll region is kept to the area
# while temm runs and given back whole at the end). At 4000x4000 (a tmux
# window) and 30000x30000 (stty in the pane, as any kiosk user can) the
# browser starts, its peak memory stays small, and q exits 0 with the
# terminal restored. Before, 4000x4000 took 1.75 GB and 30000x30000 grew
# until the OOM killer came.
. "$TEMM_TESTS/tmux.sh"

# Peak resident memory allowed, in kB: some 20 MB are used; ASan's shadow
# and quarantine add more in the sanitizer build.
limit=150000
if grep -q __asan_init "$TEMM" 2>/dev/null; then
	asan=1
	limit=300000
fi

peak_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$tm_temm_pid/status"; }

check_peak() {
	kb=$(peak_kb)
	[ -n "$kb" ] || fail "$1: no VmHWM for temm (pid $tm_temm_pid)"
	[ "$kb" -lt "$limit" ] || fail "$1: temm's peak memory is $kb kB (at most $limit)"
	echo "$1: peak $kb kB"
}

# The same keys (to the reader, scrolling line by line and by pages) on a
# 500x300 terminal and on a 600x400 one: the same screen in the corner,
# blank around it. = says where the reader is, after all the keys.
keys() {
	tm_wait 'Steady Development'
	tm_keys l
	i=0
	while [ $i -lt 30 ]; do
		tm_keys j
		i=$((i + 1))
	done
	tm_keys Space Space b k k k =
	tm_wait 'Home, Reader'
}
tm_start_wrapped 500 300 --no-state
keys
tm_capture >"$TM_DIR/small"
tm_quit
tm kill-server >/dev/null 2>&1
tm_start_wrapped 640 440 --no-state
tm_wait 'Steady Development'
tm_resize 600 400 # a terminal resized sets its scroll region to all of it
keys
[ "$(tm_format '#{scroll_region_upper} #{scroll_region_lower}')" = "0 299" ] ||
	fail "the scroll region is not the area's: $(tm_format '#{scroll_region_upper} #{scroll_region_lower}')"
tm_capture >"$TM_DIR/large"
# the corner as on 500x300; nothing right of it or below it
python3 - "$TM_DIR/small" "$TM_DIR/large" <<'PY' || fail "the 600x400 screen is not the 500x300 one in its corner"
import sys
small = open(sys.argv[1], encoding="utf-8").read().split("\n")[:300]
large = open(sys.argv[2], encoding="utf-8").read().split("\n")
bad = 0
for y in range(400):
    row = large[y] if y < len(large) else ""
    want = small[y].rstrip() if y < 300 else ""
    if row[:500].rstrip() != want or row[500:].strip():
        print(f"row {y + 1}: {row[:120]!r} / {want[:120]!r}", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY
tm_quit
[ "$(tm_format '#{scroll_region_upper} #{scroll_region_lower}')" = "0 399" ] ||
	fail "the scroll region was not given back: $(tm_format '#{scroll_region_upper} #{scroll_region_lower}')"

# 4000x4000: a tmux window that large
tm kill-server >/dev/null 2>&1
tm_start_wrapped 4000 4000 --no-state
tm_wait 'Steady Development'
check_peak 4000x4000
tm_keys 2 j
tm_wait 'Home › Areas › 2\) DSS'
tm_quit

# 30000x30000: what the pty says (tmux's pane stays 80x24, so the screen
# is a jumble there). Address space capped at 4 GB where ASan does not
# need it all, so that a temm without the cap fails at once rather than
# take the machine's memory (curses wanted some 75 GB); a few malloc
# arenas, whatever the number of cores.
tm kill-server >/dev/null 2>&1
TM_BEFORE="stty rows 30000 cols 30000"
[ -z "$asan" ] && TM_BEFORE="ulimit -v 4000000; export MALLOC_ARENA_MAX=2; $TM_BEFORE"
tm_start_wrapped 80 24 --no-state
unset TM_BEFORE
tm_wait 'j/k move' # the status line's start (the rest is a jumble)
check_peak 30000x30000
tm_quit
echo ok
