#!/bin/sh
# ui_bytes.sh - bytes on the wire that are no key the browser knows: one
# byte that is not UTF-8 (0xE9, an é from a Latin-1 terminal; 0xFF, Alt on
# a terminal with 8-bit meta) is said to be ignored and q still quits with
# status 0, in kiosk mode too; a character or a mouse report cut short does
# not take the keys after it; a burst of keys mixed with such bytes does
# what its keys say; a mouse report (X10, as tmux-256color asks for) clicks.
. "$TEMM_TESTS/tmux.sh"

ignored='Ignored a byte that is not UTF-8'

# one byte, then q: exit 0, the terminal as it was
for byte in e9 ff; do
	for mode in normal kiosk; do
		tm kill-server >/dev/null 2>&1
		if [ $mode = kiosk ]; then tm_start_wrapped 80 24 --kiosk; else tm_start_wrapped 80 24; fi
		tm_wait 'Steady Development'
		tm_keys -H $byte
		tm_wait "$ignored"
		tm_quit
	done
done
# the byte sent as tmux sends a literal string, as in the report of the bug
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --kiosk
tm_wait 'Steady Development'
tm_literal "$(printf '\351')"
tm_wait "$ignored"
tm_quit

tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24
tm_wait 'Steady Development'
# a character cut short (two bytes of a euro sign), then keys
tm_keys -H e2 82
tm_wait "$ignored"
tm_keys j
tm_wait 'Reader: Stage II Deepening'
tm_wait_gone "$ignored"
# cut short and followed at once by a key
tm_keys -H e2 82 6a                              # ... j
tm_wait 'Reader: Stage III Steady'
# mouse reports cut short (X10, SGR), then Esc and keys: each key counts
tm_keys -H 1b 5b 4d
tm_wait "$ignored"
tm_keys k
tm_wait 'Reader: Stage II Deepening'
tm_keys -H 1b 5b 3c 30 3b 35
tm_wait "$ignored"
tm_keys k
tm_wait 'Reader: Stage I Foundation'
# a click, as tmux-256color's terminal reports it (X10: ESC [ M b x y)
row=$(tm_capture | grep -n '^  3) Environmental' | cut -d: -f1)
[ -n "$row" ] || fail "no row for area 3"
tm_keys -H 1b 5b 4d 20 "$(printf '%x' 38)" "$(printf '%x' $((32 + row)))"
tm_wait 'Home › Areas › 3\) Environmental Education'
# a burst: 2 (areas), then down 6 and up 1 with bytes that are not UTF-8,
# a cut character and an 8-bit CSI among them, all in one write
tm_keys -H 32 6a e9 6a ff 6a e2 82 6a 6a 9b 6a 6b c3 a9
tm_wait 'Home › Areas › 8\) Climate Change Response'
tm_quit
echo ok
