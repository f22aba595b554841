#!/bin/sh
# ui_config.sh - the config file: a key rebound by action name works and
# the old key no longer does (help shows the new one); a bad config leaves
# every default and says FILE:LINE:COLUMN: message on the status line;
# --config FILE and --no-config; theme: none draws without colours.
. "$TEMM_TESTS/tmux.sh"

cfg="$XDG_CONFIG_HOME/temm/config"
mkdir -p "$XDG_CONFIG_HOME/temm"
printf 'keys:\n  quit: [Q]\n  search: [F5, /]\npane: areas\n' >"$cfg"
tm_start_wrapped 80 24
tm_wait 'Home . Priority areas'               # pane: areas
tm_wait 'Reader: Area 1\) Air Pollution'      # and the reader shows its selection
tm_wait 'Q quit'
tm_expect_not ' q quit'
tm_wait 'Q quit'
tm_keys q
tm_wait 'Unknown key: \? shows the keys'
[ -f "$TM_DIR/rc" ] && fail "q still quits"
tm_keys '?'
tm_wait 'temm keys  \(Q, Esc or \? closes this help\)'
tm_keys Escape
tm_keys F5                                    # a second key of search
tm_wait '^/ *$'
tm_keys Escape
tm_keys Q
[ "$(tm_wait_wrapped)" = 0 ] || fail "Q: exit status $(cat "$TM_DIR/rc")"
tm_check_restored Q

# a bad config: the defaults, and where the problem is
printf 'theme: none\nkeys:\n  quit: [Q, Bogus]\n' >"$cfg"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 160 24
tm_wait "config ignored: $cfg:3:13: unknown key 'Bogus'"
tm_wait 'Steady Development'
tm_keys j                                     # the message goes with a key
tm_wait_gone 'config ignored'
tm_quit                                       # q: the default

printf 'wrap: 60\nkeys:\n  fly-away: [f]\n' >"$cfg"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 160 24
tm_wait "config ignored: $cfg:3:3: .*fly-away"
tm_quit

# --config FILE; a file named that is missing is a problem too
good="$TM_DIR/other-config"
printf 'keys:\n  quit: [x]\n' >"$good"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --config "$good"
tm_wait 'Steady Development'
tm_keys x
[ "$(tm_wait_wrapped)" = 0 ] || fail "x (from --config): exit status $(cat "$TM_DIR/rc")"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 160 24 --config "$TM_DIR/missing"
tm_wait "config ignored: $TM_DIR/missing: no such file"
tm_quit

# --no-config: not even read
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --no-config --config "$good"
tm_wait 'Steady Development'
tm_expect_not 'config ignored'
tm_quit

# wrap: the reader's line width
printf 'wrap: 30\n' >"$cfg"
rm -f "$(tm_state_file state)"                # the stage, not where the last run was
tm kill-server >/dev/null 2>&1
tm_start_wrapped 160 24
tm_wait 'Foundation Stage'
w=$(tm_capture | sed -n '3,22p' | sed 's/^[^│]*│//' | sed 's/ *$//' | wc -L)
[ "$w" -le 30 ] && [ "$w" -ge 20 ] || fail "wrap: 30 gave lines of $w columns"
tm_quit

# start afresh with the config as it now is, and open the first hit for "dust"
open_dust_hit() {
	tm kill-server >/dev/null 2>&1
	tm_start_wrapped 80 24
	tm_wait 'Steady Development'
	tm_keys /
	tm_literal 'dust'
	tm_keys Enter
	tm_wait 'hit 1 of'
}

# theme: none - attributes only, no colour at all
esc=$(printf '\033')
printf 'theme: none\n' >"$cfg"
open_dust_hit
tm_capture_e | grep -Eq "$esc\\[([0-9]+;)*(3[0-7]|4[0-7]|38;|48;)" && fail "theme: none still draws colours"
tm_marked dust
tm_quit
# and colours of one's own
printf 'colours:\n  match: red on green\n' >"$cfg"
open_dust_hit
tm_capture_e | grep -Eq "$esc\\[31m$esc\\[42m" || fail "the match is not red on green"
tm_quit
echo ok
