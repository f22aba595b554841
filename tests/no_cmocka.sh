#!/bin/sh
# configure found no cmocka: the unit tests cannot run, so the suite fails
# rather than pass without them.
echo "cmocka not found: apt-get install libcmocka-dev, then re-run configure" >&2
exit 1
