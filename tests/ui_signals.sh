#!/bin/sh
# ui_signals.sh - issue 17's signals and kiosk items in a real terminal:
# INT, TERM and HUP end the browser during a long search, without waiting
# for a key (the search reads the stop flag as it works); every other
# signal whose default action ends temm puts the terminal back first; in
# kiosk mode Ctrl-\ leaves no core file, and terminal descriptions come
# from the system only (TERMINFO and ~/.terminfo are not read).
. "$TEMM_TESTS/tmux.sh"

# content on which a regex search works for seconds: 120 paragraphs of
# 64 KiB, and an expression with 250 states alive on every character
big="$TM_DIR/big"
sh "$TEMM_TESTS/gen_long.sh" "$big" 120
p62=$(i=0; while [ $i -lt 62 ]; do printf '(.)*'; i=$((i + 1)); done)X

# cpu_ticks PID: the CPU time temm has used, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# search_running PID: type a long search into temm's prompt and wait
# until temm has worked on it a while (0.3 s of CPU past its start)
search_running() {
	tm_wait 'S0'
	tm_keys /
	tm_wait '^/'
	start=$(cpu_ticks "$1")
	tm_literal "/$p62/"
	deadline=$(( $(date +%s) + TM_TIMEOUT ))
	while [ $(( $(cpu_ticks "$1") - start )) -lt 30 ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "the search did not start"
		sleep 0.02
	done
}

# during_search SIGNAL: sent while the search runs, temm ends at once (the
# 3 s given to tm_wait_wrapped is a guard: the search alone runs for
# several), dies of the signal, the terminal restored
during_search() {
	tm kill-server >/dev/null 2>&1
	tm_start_wrapped 100 30 --content "$big" --no-state
	search_running "$tm_temm_pid"
	kill "-$1" "$tm_temm_pid"
	rc=$(tm_wait_wrapped 3)
	[ "$rc" = $((128 + $(kill -l "$1"))) ] || fail "$1 during a search: exit status $rc"
	tm_check_restored "$1 during a search"
}
during_search TERM
during_search HUP
during_search INT

# Ctrl-C typed during the search, under a shell with job control
tm kill-server >/dev/null 2>&1
tm_start_cmd 100 30 "PS1='sh> ' exec sh -i"
tm_wait 'sh>'
tm_literal "$(tm_quote "$TEMM") --content $(tm_quote "$big") --no-state"
tm_keys Enter
deadline=$(( $(date +%s) + TM_TIMEOUT ))
pid=
until [ -n "$pid" ]; do
	pid=$(ps -o pid= --ppid "$(tm_pane_pid)" | tr -d ' ')
	[ "$(date +%s)" -ge "$deadline" ] && fail "temm did not start"
done
search_running "$pid"
tm_keys C-c
tm_wait '^sh> ?$' 3                       # the shell's prompt back (a job killed by
tm_literal 'echo status=$?'               # SIGINT ends the rest of a command line)
tm_keys Enter
tm_wait 'status=130'
[ "$(tm_format '#{alternate_on} #{cursor_flag} #{keypad_flag}')" = "0 1 0" ] || fail "Ctrl-C: terminal not restored"

# every other signal that ends a process: the terminal comes back first
for sig in USR1 USR2 ALRM XCPU XFSZ PIPE TRAP SYS VTALRM PROF RTMIN; do
	tm kill-server >/dev/null 2>&1
	tm_start_wrapped 80 24 --no-state
	tm_wait 'Steady Development'
	kill "-$sig" "$tm_temm_pid"
	rc=$(tm_wait_wrapped)
	[ "$rc" -gt 128 ] || fail "$sig: exit status $rc"
	tm_check_restored "$sig"
done

# kiosk: Ctrl-\ (SIGQUIT) ends it and leaves no core file, whatever
# ulimit -c allows
tm kill-server >/dev/null 2>&1
work="$TM_DIR/cwd"
mkdir -p "$work"
tm_start_cmd 80 24 "cd $work && ulimit -c unlimited && exec $(tm_quote "$TEMM") --kiosk"
tm_wait 'Steady Development'
pid=$(tm_pane_pid)
grep -Eq '^Max core file size +0 +0 ' "/proc/$pid/limits" ||
	fail "kiosk may dump core: $(grep 'core' "/proc/$pid/limits")"
tm_keys 'C-\'
tm_wait_dead
[ -z "$(ls "$work")" ] || fail "kiosk left files in its working directory: $(ls "$work")"

# kiosk: a terminal description of the user's (TERMINFO, ~/.terminfo)
# whose smcup retitles the window is not used; without kiosk it is
ti="$TM_DIR/terminfo"
mkdir -p "$ti" "$TM_DIR/home"
infocmp -x tmux-256color | sed 's/smcup=/smcup=\\E]2;PWNED\\007/' >"$TM_DIR/evil.src"
tic -x -o "$ti" "$TM_DIR/evil.src" 2>/dev/null || fail "tic failed"
cp -r "$ti" "$TM_DIR/home/.terminfo"
title_after() { # ENV... : the window's title once temm shows its screen
	tm kill-server >/dev/null 2>&1
	tm_start_cmd 80 24 "exec env $* $(tm_quote "$TEMM") --no-state"
	tm_wait 'Steady Development'
	tm_format '#{pane_title}'
}
[ "$(title_after TERMINFO="$ti")" = PWNED ] || fail "the crafted terminfo does not work: the test proves nothing"
[ "$(title_after TERMINFO="$ti" TEMM_KIOSK=1)" != PWNED ] || fail "kiosk used TERMINFO"
[ "$(title_after TERMINFO_DIRS="$ti" TEMM_KIOSK=1)" != PWNED ] || fail "kiosk used TERMINFO_DIRS"
[ "$(title_after HOME="$TM_DIR/home" TEMM_KIOSK=1)" != PWNED ] || fail "kiosk used ~/.terminfo"
echo ok
