#!/bin/sh
# ui_timeline.sh - to the timeline, select TEMM16 (2014): the reader shows
# Daegu and stage III, the axis marks the year, and its stage is one key
# away.
. "$TEMM_TESTS/tmux.sh"

tm_start_wrapped 80 24
tm_wait 'Steady Development'
tm_keys 3                      # the timeline pane
tm_wait 'Home . Timeline . leaders of China'
tm_keys ']'                    # the next stage band: Deepening
tm_wait 'Home . Timeline . the Joint Action Plan \(2010-2014\) was adopted'
tm_keys j j
tm_wait 'Event April 2014'
tm_wait '^>2014-04 TEMM16 was held in Daegu'
tm_wait 'TEMM16 was held in Daegu, ROK and identified'
tm_wait 'Date: April 2014'
tm_wait 'Stage III Steady Development'
tm_wait 'Meeting: TEMM16, Daegu, ROK'
tm_wait '1999 .*II.*2019'
tm_wait '7/17 *$'
# the selected year is marked on the axis: it moves with the selection
axis1=$(tm_capture | grep '^1999 ')
tm_keys j
tm_wait 'Event April 2015'
axis2=$(tm_capture | grep '^1999 ')
[ "$axis1" != "$axis2" ] || fail "the axis did not follow the selection"
tm_keys k
tm_wait 'Event April 2014'
# ',' goes up to the event's stage (by its year: II)
tm_keys ','
tm_wait 'Reader: Stage II Deepening'
tm_wait '^>II  Deepening'
tm_quit
echo ok
