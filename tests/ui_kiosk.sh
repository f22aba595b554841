#!/bin/sh
# ui_kiosk.sh - --no-state and --kiosk write nothing: after a session with
# searches, a filter and marks, $XDG_STATE_HOME is still empty. Neither
# reads the state an ordinary run kept; kiosk also reads no config, and Ctrl-Z does not suspend it (under
# an sshd ForceCommand nothing would bring it back).
. "$TEMM_TESTS/tmux.sh"

session() {
	tm_wait 'Steady Development'
	tm_keys /
	tm_literal 'microplastics'
	tm_keys Enter
	tm_wait 'hit 1 of 1'
	tm_keys n Escape /
	tm_literal 'workshop'
	tm_keys Tab
	tm_wait 'Results: "workshop"'
	tm_keys Escape 2 '&'
	tm_literal 'dust'
	tm_keys Enter
	tm_wait '& dust'
	tm_keys m a
	tm_wait 'Mark a set'
	tm_keys l Space
}

empty() {
	[ -z "$(find "$XDG_STATE_HOME" -mindepth 1 2>/dev/null)" ] ||
		fail "$1 wrote: $(find "$XDG_STATE_HOME" -mindepth 1)"
}

tm_start_wrapped 80 24 --no-state
session
tm_quit
empty --no-state

# a config that kiosk must not read: q quits only if it did not
mkdir -p "$XDG_CONFIG_HOME/temm"
printf 'keys:\n  quit: [Q]\n' >"$XDG_CONFIG_HOME/temm/config"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --kiosk
session
tm_quit
empty --kiosk
tm kill-server >/dev/null 2>&1
export TEMM_KIOSK=1
tm_start_wrapped 80 24
unset TEMM_KIOSK
session
tm_quit
empty TEMM_KIOSK=1

# kiosk reads no history or state either
mkdir -p "$XDG_STATE_HOME/temm"
printf '# temm search history 1\nsecret query\n' >"$XDG_STATE_HOME/temm/history"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --kiosk
tm_wait 'Steady Development'
tm_keys / Up
tm_expect_not 'secret'
tm_keys Escape
tm_quit                                   # q: the config's Q is not in force
[ "$(cat "$XDG_STATE_HOME/temm/history")" = "$(printf '# temm search history 1\nsecret query')" ] ||
	fail "kiosk changed the history file"

# --no-state reads none either: a position and a history kept by an
# ordinary run are not where it opens, nor in its prompt
rm -rf "$XDG_STATE_HOME"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --no-config       # (the config above binds Q to quit)
tm_wait 'Steady Development'
tm_keys /
tm_literal 'kept query'
tm_keys Enter
tm_keys Escape 2 j j
tm_wait 'Area 3\) Environmental Education'
tm_quit
[ -s "$(tm_state_file state)" ] || fail "an ordinary run kept no state"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --no-state --no-config
tm_wait 'Home . Stages . Stage I Foundation'    # not the areas it was left on
tm_keys / Up
tm_expect_not 'kept query'
tm_keys Escape
tm_quit

# Ctrl-Z: ignored in kiosk mode; it still suspends otherwise (ui_quit.sh)
tm kill-server >/dev/null 2>&1
tm_start_cmd 80 24 "PS1='sh> ' exec sh -i"
tm_wait 'sh>'
tm_literal "$(tm_quote "$TEMM") --kiosk; echo \"rc=\$?\""
tm_keys Enter
tm_wait 'Steady Development'
tm_keys C-z
tm_keys j                                 # still running, still answering: had C-z
                                          # stopped it, the shell would read the j
tm_wait 'Reader: Stage II'
tm_expect_not 'sh>'
tm_keys q
tm_wait 'rc=0'
echo ok
