#!/bin/sh
# ui_clipboard.sh - the copy key on a real terminal: temm sends OSC 52, and
# tmux with `set-clipboard on` takes it into its paste buffer - the passage
# and its reference, exactly what `temm show ID --cite` prints. The sentence
# of a search's match; kiosk mode keeps the key; `clipboard: off` sends
# nothing.
. "$TEMM_TESTS/tmux.sh"

# tm_buffer_is FILE: tmux's newest paste buffer holds exactly FILE's text.
tm_buffer_is() {
	tm show-buffer >"$TM_DIR/buffer" 2>/dev/null || fail "$2: tmux got no OSC 52 (no paste buffer)"
	cmp -s "$1" "$TM_DIR/buffer" || {
		diff "$1" "$TM_DIR/buffer" >&2
		fail "$2: the paste buffer is not the passage"
	}
}

# cite ID: what `temm show ID --cite` prints, without its final newline
# (the clipboard gets no newline after the reference)
cite() { printf '%s' "$("$TEMM" show "$1" --cite)" >"$TM_DIR/want"; }

# the selected area's passage, from the areas list (area 9: 8 below the first)
tm_start_wrapped 100 30 --no-state
tm set -g set-clipboard on
tm_wait 'Steady Development'
tm_keys 2 8 j
tm_wait 'Reader: Area 9\) Marine'
tm_keys y
tm_wait 'copied [0-9]+ characters, a paragraph of 2\.1 › 9\) Marine Environment Protection'
cite marine
tm_buffer_is "$TM_DIR/want" "the areas list"
tail -n 1 "$TM_DIR/buffer" | grep -q '^— .*, 2\.1 › 9) Marine Environment Protection$' ||
	fail "no reference line: $(tail -n 1 "$TM_DIR/buffer")"

# the sentence of the match n went to; still nothing raw on the screen
tm_keys /
tm_literal 'microplastics monitoring'
tm_keys Enter
tm_wait 'hit 1 of 1, match 1 of'
tm_keys y
tm_wait 'copied [0-9]+ characters, a sentence of 2\.1 › 9\) Marine'
tm show-buffer >"$TM_DIR/buffer"
[ "$(wc -l <"$TM_DIR/buffer")" = 1 ] || fail "a sentence and its reference are two lines"
head -n 1 "$TM_DIR/buffer" | grep -Eq '^[A-Z].*(microplastics|monitoring).*\.$' ||
	fail "not the match's sentence: $(head -n 1 "$TM_DIR/buffer")"
grep -qF "$(head -n 1 "$TM_DIR/buffer")" "$TM_DIR/want" || fail "the sentence is not the report's"
tm_expect_not '52;c;'
tm_quit

# kiosk mode keeps the key: it writes only to the reader's own terminal
tm kill-server >/dev/null 2>&1
tm_start_wrapped 100 30 --kiosk
tm set -g set-clipboard on
tm_wait 'Steady Development'
tm_keys y
tm_wait 'copied [0-9]+ characters, (a paragraph|[0-9]+ paragraphs) of '
cite stage-1
tm_buffer_is "$TM_DIR/want" "kiosk, the stages list"
tm_quit

# clipboard: off - the key says so and tmux gets nothing
mkdir -p "$XDG_CONFIG_HOME/temm"
printf 'clipboard: off\n' >"$XDG_CONFIG_HOME/temm/config"
tm kill-server >/dev/null 2>&1
tm_start_wrapped 100 30 --no-state
tm set -g set-clipboard on
tm_wait 'Steady Development'
tm_keys y
tm_wait 'Copying is off \(clipboard: off in the config\)'
tm_keys '='                        # answered after c: c has been dealt with
tm_wait 'Home, Stages: item 1/3'
tm show-buffer >/dev/null 2>&1 && fail "clipboard: off, but tmux got a buffer"
tm_quit

# the Linux console would print the sequence: it is sent nothing
rm "$XDG_CONFIG_HOME/temm/config"
tm kill-server >/dev/null 2>&1
tm_start_cmd 100 30 "TERM=linux exec $(tm_quote "$TEMM") --no-state"
tm set -g set-clipboard on
tm_wait 'Steady Development'
tm_keys y
tm_wait 'This terminal \(linux\) has no clipboard: nothing copied'
tm_keys '='
tm_wait 'Home, Stages: item 1/3'
tm show-buffer >/dev/null 2>&1 && fail "TERM=linux, but tmux got a buffer"
echo ok
