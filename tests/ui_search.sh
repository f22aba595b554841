#!/bin/sh
# ui_search.sh - / searches as you type with the shared search core: each
# hit shows its kind, where it is and a snippet, with the count; Enter
# opens the selected hit with every match highlighted; n and N go match by
# match, then hit by hit; Esc gives back the screen as it was before /. A
# bad query shows the parser's message and keeps the last good results;
# C-r reads the query as a regex.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_keys 2 j                               # 2) DSS Prevention, to come back to
tm_wait 'Reader: Area 2\) DSS Prevention'
tm_capture >"$TM_DIR/before"

# results as the word is typed, before any Enter
tm_keys /
tm_wait '^/ *$'
tm_literal 'micro'
tm_wait 'Results: "micro", 1 hit'
tm_literal 'plastics'
tm_wait 'Results: "microplastics", 1 hit'
tm_wait '^/microplastics +1 hit *$'       # the count beside the query
tm_wait '^>section +2\.1 . 9\) Marine Enviro'   # kind, where: the marine area's section
tm_wait 'microplastics, and recognized'   # the snippet
tm_marked microplastics                   # marked in the snippet and the preview
# Enter: the hit in the report, scrolled to it, the word highlighted
tm_keys Enter
tm_wait 'hit 1 of 1, match 1 of 3'
tm_wait 'Report: 9\) Marine Environment Protection'
tm_wait '^> +9\) Marine Environmen'          # the contents follow
tm_marked microplastics
n_marked=$(tm_capture_e | grep -o "microplastics" | wc -l)
[ "$n_marked" -ge 3 ] || fail "not every match shows: $n_marked"
tm_keys n                                 # the next match of the same hit
tm_wait 'hit 1 of 1, match 2 of 3'
tm_keys n
tm_wait 'hit 1 of 1, match 3 of 3'
tm_keys N
tm_wait 'hit 1 of 1, match 2 of 3'
tm_keys n n                               # past the last: round to the first
tm_wait 'search hit BOTTOM, continuing at TOP; hit 1 of 1, match 1 of 3'
# Esc: the screen from before /, exactly, highlights and all
tm_keys Escape
tm_wait_same "$TM_DIR/before"

# Esc in the prompt gives it back too
tm_keys / d u s t
tm_wait 'Results: "dust"'
tm_keys Escape
tm_wait_same "$TM_DIR/before"

# across hits: n moves to the next hit after the last match of one
n=$("$TEMM" search --count EANET)
tm_keys / E A N E T
tm_wait "Results: \"EANET\", $n hits"
tm_wait 'Search . Results'
tm_wait 'Preview: Programme Acid Deposition'
tm_keys C-n                               # the selection, from the prompt
tm_wait 'Preview: Term EANET'
tm_wait '^>term '
tm_keys Enter                             # opens the selected hit
tm_wait "hit 2 of $n, match 1 of 1"
tm_wait 'Reader: Term EANET'
tm_keys n
tm_wait "hit 3 of $n, match 1 of [0-9]"
tm_keys N N
tm_wait "hit 1 of $n"
tm_keys BSpace                            # back where n came from
tm_wait_gone "hit 1 of $n"
tm_keys Escape
tm_wait_same "$TM_DIR/before"

# the results list: j/k and Enter, Esc back
tm_keys / E A N E T Tab
tm_wait "Results: \"EANET\", $n hits"
tm_wait_gone '^/EANET'
tm_keys j
tm_wait "2/$n *\$"
tm_keys Enter
tm_wait "hit 2 of $n"
tm_keys Escape
tm_wait_same "$TM_DIR/before"

# a bad query: the parser's message, no crash, the last good results stay
tm_keys /
tm_literal 'workshop'
n=$("$TEMM" search --count workshop)
tm_wait "Results: \"workshop\", $n hits"
# regex mode: C-r reads the query as /.../ and says so
tm_keys C-r
tm_wait "^/workshop +\\[regex\\] $n hits *\$"
tm_wait "Results: \"/workshop/\", $n hits"
tm_literal '['                            # /workshop[/: not a regex
tm_wait 'bad regular expression'
tm_wait "Results: \"/workshop/\", $n hits"
tm_wait 'Preview: Activity WGI-WGII joint workshops'
tm_keys Enter                             # refused: the message stays
tm_wait '^/workshop\[ +\[regex\] bad regular expression'
tm_keys C-u C-r
tm_wait_gone '\[regex\]'
tm_literal 'area:c'
tm_wait 'area:c matches more than one area: chemicals'
tm_keys C-u
tm_literal 'micro.*s'
tm_keys C-r
tm_wait '^/micro\.\*s +\[regex\] 1 hit *$'
tm_wait 'Results: "/micro\.\*s/", 1 hit'
tm_keys Escape
tm_wait_same "$TM_DIR/before"
tm_keys /                                 # the mode is the prompt's, not kept
tm_wait '^/ *$'
tm_keys Escape

# many hits: the list lays out its first rows, and the rest as they are
# reached; the position counts every hit
n=$("$TEMM" search --count e)
[ "$n" -gt 150 ] || fail "expected more than 150 hits for e, got $n"
tm_keys /
tm_literal e
tm_wait "Results: \"e\", $n hits"
tm_keys C-n Tab
tm_wait " 2/$n *\$"
tm_keys g
tm_wait " 1/$n *\$"
j110=$(printf 'j %.0s' $(seq 110))
# shellcheck disable=SC2086
tm_keys $j110                             # past the first hundred, row by row
tm_wait " 111/$n *\$"
tm_keys G                                 # the last hit, not the last row laid out
tm_wait " $n/$n *\$"
tm_keys Escape
tm_wait_same "$TM_DIR/before"

# no match: Enter says so and stays where it was
tm_keys /
tm_literal 'nowhere-to-be-found'
tm_wait '^/nowhere-to-be-found +0 hits'
tm_keys Enter
tm_wait 'No match for "nowhere-to-be-found"'
tm_wait 'Reader: Area 2\) DSS Prevention'

# without colours the highlight is reverse video
tm kill-server >/dev/null 2>&1
tm_start_wrapped 80 24 --no-color
tm_wait 'Steady Development'
tm_keys /
tm_literal 'microplastics'
tm_keys Enter
tm_wait 'hit 1 of 1'
esc=$(printf '\033')
tm_capture_e | grep -Eq "$esc\\[([0-9]+;)*7(;[0-9]+)*m(microplastics|$esc)" ||
	fail "no reverse video on the match without colours"
tm_quit
echo ok
