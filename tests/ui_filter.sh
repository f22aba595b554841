#!/bin/sh
# ui_filter.sh - & (as in less) narrows the focused list to the entries a
# query matches - an area that the query finds anywhere in it, an event,
# a section, a result - as you type; the pane's header says a filter is
# on; Esc shows every entry again.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_keys 2                                 # the priority areas
tm_wait 'Home . Areas'
tm_keys '&'
tm_wait '^& *0? *10 of 10 *$|^& +10 of 10'
tm_literal 'workshop'
tm_wait '^&workshop +2 of 10 *$'          # narrows as it is typed
tm_wait 'Areas & workshop'       # the marker in the pane's title
tm_wait '^> 2\) DSS Prevention'
tm_wait '^  9\) Marine Environment Protection'
tm_expect_not 'Air Pollution Control'
tm_wait 'Reader: Area 2\) DSS Prevention' # the reader follows the selection
tm_keys Enter
tm_wait '2 of 10 shown; Esc shows all'
tm_wait 'Areas & workshop'
tm_keys j
tm_wait 'Reader: Area 9\) Marine'
tm_keys Escape                            # the filter goes, the selection stays
tm_wait_gone '& workshop'
tm_wait 'Air Pollution Control'
tm_wait '^> 9\) Marine Environment Protection'

# a bad query in the filter: its message, the filter as it was
tm_keys '&'
tm_literal 'area:c'
tm_wait 'area:c matches more than one area'
tm_keys Escape
tm_wait_gone 'matches more than one'
tm_wait 'Air Pollution Control'
tm_wait '^> 9\) Marine Environment Protection' # where it was before &

# the timeline keeps a stage's heading while an event of it shows
tm_keys 3 '&'
tm_literal 'TEMM17'
tm_wait 'Timeline & TEMM17'
tm_wait '^ III Steady Development 2015-2019'
tm_wait '^>2015-04 TEMM17'
tm_expect_not '^ I Foundation 1999-2009'
tm_expect_not '2010-05 the Joint'
tm_keys Enter Escape
tm_wait_gone 'Timeline & TEMM17'
tm_wait '2010-05 the Joint'

# the results of a search
tm_keys /
tm_literal 'workshop'
tm_keys Tab
tm_wait 'Results: "workshop", [0-9]+ hits'
tm_keys '&'
tm_literal 'kind:section'
tm_wait 'Results: "workshop", [0-9]+ hits & kind:section'
tm_expect_not '^[ >]activity '            # no result row of another kind
tm_wait '^.section '
tm_keys Enter
tm_keys n                                 # n and N keep to what shows
tm_wait 'Preview: Section'
tm_keys Escape                            # the filter first
tm_wait_gone '& kind:section'
tm_wait 'activity '
tm_keys Escape                            # then the search
tm_wait 'Home . Timeline'

# & on a text pane says what it filters
tm_keys 4 '&'
tm_wait '& filters a list'
tm_quit
echo ok
