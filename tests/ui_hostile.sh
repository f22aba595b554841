#!/bin/sh
# ui_hostile.sh - content that tries to drive the terminal (escape
# sequences, OSC title and clipboard writes, C1 CSI, BEL, BS, CR, bidi
# overrides, zero-width characters) shows as visible placeholders in the
# browser and never reaches the terminal raw.
. "$TEMM_TESTS/tmux.sh"

c="$TM_DIR/content"
mkdir -p "$c"
cp "$TEMM_SOURCE_CONTENT"/*.yaml "$c/"
cat >"$c/zz-hostile.yaml" <<'YAML'
sections:
  - title: "4. Hostile \e[31mRED\e[0m title"
    id: sec-hostile
    paragraphs:
      - "Colour \e[31mRED\e[0m, title \e]0;pwned\a, clipboard \e]52;c;aGk=\a, CSI \x9b2J, bell \a, back\bspace, carriage\rreturn, override \u202Edesrever\u202C, zero\u200Bwidth end."
YAML
"$TEMM" --content "$c" check >/dev/null || fail "the hostile content does not load"

tm_start_wrapped 200 40 --content "$c" --goto sec-hostile
tm_wait 'Report . Report'
# each placeholder on its own: where the lines break depends on the width
tm_wait 'Colour \^\[\[31mRED\^\[\[0m,'
tm_wait '\^\[\]0;pwned\^G'
tm_wait '\^\[\]52;c;'
tm_wait '<U\+009B>2J'
tm_wait 'bell \^G'
tm_wait 'back\^Hspace'
tm_wait 'carriage\^Mreturn'
tm_wait '<U\+202E>desrever'
tm_wait '<U\+202C>'
tm_wait 'zero<U\+200B>width'
tm_wait '4\. Hostile \^\[\[31mRED'           # in the outline and the heading
# nothing reached the terminal: no red, no title change, no cleared screen
tm capture-pane -e -p -t t | grep -q "$(printf '\033')\[31m" && fail "raw colour reached the terminal"
[ "$(tm_format '#{pane_title}')" != pwned ] || fail "the title was changed"
tm_wait 'temm: Report on China-Japan-Korea'  # the title bar is still there
# and in search results too
tm_keys / p w n e d
tm_wait 'Results: "pwned", 1 hit'
tm_wait '\^\[\]0;pwned\^G'
tm_keys Enter                                # the hit, in the report
tm_wait 'hit 1 of 1'
tm_wait '\^\[\]0;pwned\^G'
tm capture-pane -e -p -t t | grep -q "$(printf '\033')\[31m" && fail "raw colour reached the terminal"
tm_quit
echo ok
