#!/bin/sh
# ui_monkey.sh - a bounded monkey: 400 random steps from a fixed seed, each
# a printable key, a named key, bytes that are not UTF-8 (alone, cut short,
# overlong, surrogates, 5- and 6-byte forms, C1), a mouse report (X10 or
# SGR: presses, releases, the wheel, anywhere) or a new window size from
# 1x1 to 250x80, sent as fast as tmux sends them. Then temm must still be
# running, answer a known key sequence (Esc Esc Esc, ? shows the help, Esc
# closes it, H and = say where it is), and q must end it with status 0 and
# the terminal as it was. Under ASan in CI (tests/ci-extra.sh runs the
# whole make check there).
. "$TEMM_TESTS/tmux.sh"

SEED=${MONKEY_SEED:-17}
STEPS=${MONKEY_STEPS:-400}

# one step a line: "l CHAR" (typed as it is), "k KEY" (a tmux key name),
# "h HEX..." (raw bytes), "r COLS ROWS"
awk -v seed="$SEED" -v steps="$STEPS" '
function pick(s,    n, a) { n = split(s, a, " "); return a[1 + int(rand() * n)] }
function hex(s,    i, out) {
	out = ""
	for (i = 1; i <= length(s); i++)
		out = out sprintf(" %02x", ord[substr(s, i, 1)])
	return out
}
BEGIN {
	srand(seed)
	for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i
	ord["\033"] = 27
	# q quits; C-c, C-z, C-\ signal through the tty; C-s, C-q stop and
	# start its output: none of them is a key the monkey may press
	printable = "a b c d e f g h i j k l m n o p r s t u v w x y z A B G H J K L M N P R S T W " \
		"0 1 2 3 4 5 6 7 8 9 [ ] < > , . / & ? \x27 ` = % - + * # ! ( ) | ^ $ ~"
	named = "Up Down Left Right PPage NPage Home End Enter Tab BTab BSpace Escape DC IC " \
		"F1 F2 F5 F12 C-a C-b C-d C-e C-f C-g C-h C-k C-l C-n C-p C-r C-u C-w Space"
	invalid = "e9|ff|80|bf 80|c0 af|c1 bf|e0 80 af|ed a0 80|ed bf bf|f4 90 80 80|f8 88 80 80 80|" \
		"fc 84 80 80 80 80|c2 80|c2 9b|9b|e2 82|f0 9f 98|c3|e2 82 6a"
	ni = split(invalid, inv, "|")
	for (s = 0; s < steps; s++) {
		r = rand()
		if (r < 0.35)
			print "l " pick(printable)
		else if (r < 0.55)
			print "k " pick(named)
		else if (r < 0.70)
			print "h " inv[1 + int(rand() * ni)]
		else if (r < 0.85) {
			b = pick("0 0 0 3 64 65 32 2")
			x = 1 + int(rand() * 200); y = 1 + int(rand() * 70)
			if (rand() < 0.5 && x < 223 && y < 223)
				printf "h 1b 5b 4d %02x %02x %02x\n", 32 + b, 32 + x, 32 + y
			else
				print "h" hex(sprintf("\033[<%d;%d;%d%s", b, x, y, rand() < 0.7 ? "M" : "m"))
		} else
			print "r " (1 + int(rand() * 250)) " " (1 + int(rand() * 80))
	}
}' >"$TM_DIR/steps"
[ "$(wc -l <"$TM_DIR/steps")" -eq "$STEPS" ] || fail "the monkey's steps were not made"

tm_start_wrapped 80 24 --no-state
tm_wait 'Steady Development'
while read -r kind a b; do
	case $kind in
	l) tm_literal "$a" ;;
	k) tm_keys "$a" ;;
	h) # shellcheck disable=SC2086
	   tm_keys -H $a $b ;;
	r) tm_resize "$a" "$b" ;;
	esac
done <"$TM_DIR/steps"
[ -f "$TM_DIR/rc" ] && fail "temm ended during the monkey's steps (status $(cat "$TM_DIR/rc"))"

# the known sequence, on a known size
tm_resize 80 24
tm_keys Escape
tm_keys Escape
tm_keys Escape
tm_keys '?'
tm_wait 'temm keys'
tm_keys Escape
tm_wait_gone 'temm keys'
tm_keys H =
tm_wait '^Home, '
[ "$(tm_format '#{pane_dead}')" = 0 ] || fail "temm died"
tm_quit
echo ok
