#!/bin/sh
# ui_terminal.sh - terminals the browser cannot drive: TERM=dumb, an
# unknown TERM, stdin/stdout not a terminal. temm says how to use the
# headless commands, exits non-zero and leaves the terminal untouched.
. "$TEMM_TESTS/tmux.sh"

# not a terminal: no tmux needed
"$TEMM" </dev/null >"$TM_DIR/out" 2>"$TM_DIR/err" && fail "not a tty: exit 0"
[ -s "$TM_DIR/out" ] && fail "not a tty: wrote to stdout"
grep -q 'temm list areas' "$TM_DIR/err" || fail "not a tty: no pointer to the headless commands"
grep -q 'not a terminal' "$TM_DIR/err" || fail "not a tty: no reason given"
echo x | "$TEMM" >/dev/null 2>&1 && fail "piped stdin: exit 0"

# a terminal description with no cursor addressing: known, but the
# browser cannot draw on it (curses reads the description once: the
# check comes after, and must leave the terminal as it was all the same)
mkdir -p "$TM_DIR/terminfo"
printf 'nocup|a terminal that cannot move its cursor,\n\tcols#80, lines#24, bel=^G, cr=\\r, cud1=\\n, smcup=smcup-was-sent,\n' >"$TM_DIR/nocup.src"
tic -o "$TM_DIR/terminfo" "$TM_DIR/nocup.src" || fail "tic could not compile a test terminal"

for term in dumb no-such-terminal-xyz nocup; do
	tm kill-server >/dev/null 2>&1
	TERM_SAVED=$TERM
	tm_start_cmd 80 24 "stty -g >$TM_DIR/before; TERMINFO=$TM_DIR/terminfo TERM=$term $(tm_quote "$TEMM") 2>$TM_DIR/err; echo \$? >$TM_DIR/rc.tmp; stty -g >$TM_DIR/after; mv $TM_DIR/rc.tmp $TM_DIR/rc; exec sleep 600"
	rc=$(tm_wait_wrapped)
	[ "$rc" = 1 ] || fail "TERM=$term: exit $rc"
	grep -q 'temm search QUERY' "$TM_DIR/err" || fail "TERM=$term: no pointer to the headless commands"
	case $term in
	nocup) why='cannot move its cursor' ;;
	dumb) why='dumb' ;;
	*) why='type is unknown' ;;
	esac
	grep -q "$why" "$TM_DIR/err" || fail "TERM=$term: not said why: $(cat "$TM_DIR/err")"
	tm_check_restored "TERM=$term"
	tm_capture | grep -q . && fail "TERM=$term: something was written to the terminal"
	rm -f "$TM_DIR/rc"
done

# --goto with an unknown id: a usage error before the terminal is touched
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --goto no-such-id
rc=$(tm_wait_wrapped)
[ "$rc" = 2 ] || fail "--goto unknown id: exit $rc"
grep -q "no entity or section has the id 'no-such-id'" "$TM_DIR/err" || fail "--goto: no message"
tm_check_restored "--goto no-such-id"
echo ok
