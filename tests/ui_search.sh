#!/bin/sh
# ui_search.sh - / searches the loaded report with the shared search core;
# results and a preview show; Enter opens a hit scrolled to it; Esc goes
# back to where / was pressed; n/N go through the hits.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_keys 2 j                               # 2) DSS Prevention, to come back to
tm_wait 'Reader: Area 2\) DSS Prevention'
tm_keys /
tm_literal 'nowhere-to-be-found'
tm_keys Enter
tm_wait 'No match for "nowhere-to-be-found"'
tm_keys / E A N E T Enter
n=$("$TEMM" search --count EANET)
tm_wait "Results: \"EANET\", $n hits"
tm_wait 'Search . Results'
tm_wait "1/$n *\$"
tm_keys Escape                            # back to where / was pressed
tm_wait 'Reader: Area 2\) DSS Prevention'
tm_wait '^> 2\) DSS Prevention'
tm_keys / E A N E T Enter
tm_wait "Results: \"EANET\", $n hits"
tm_keys j
tm_wait "2/$n *\$"
tm_keys Enter                             # open the hit
tm_wait_gone 'Search . Results'
tm_wait 'EANET'
tm_keys n
tm_wait "hit 3 of $n"
tm_keys BSpace
tm_wait_gone "hit 3 of $n"
tm_quit
echo ok
