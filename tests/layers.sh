#!/bin/sh
# layers.sh - the layering check (tests/check-layers.sh) passes on this tree
# and fails, naming the file and the line, on trees that break it: a core
# file that includes curses, a browser file that reaches YAML through a core
# header, a core file that includes a browser header.
. "$TEMM_TESTS/lib.sh"

check=$TEMM_TESTS/check-layers.sh
top=$(cd "$TEMM_TESTS/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

checks=$((checks + 1))
if ! out=$(sh "$check" "$top" 2>&1); then
	fail "the source tree breaks the layering:"
	printf '%s\n' "$out" >&2
fi

# tree NAME: a small tree with the shape of ours (src/ and ui/), clean
tree() {
	t=$tmp/$1
	mkdir -p "$t/src" "$t/ui"
	printf '#include <stdio.h>\n#include "model.h"\n#include <ncursesw/curses.h>\n' >"$t/ui/draw.c"
	printf '#include "model.h"\n#include "config.h"\n' >"$t/ui/settings.c"
	printf '#include <stddef.h>\n' >"$t/src/model.h"
	printf '#include "diag.h"\n/* a YAML reader behind an opaque pointer */\n' >"$t/src/config.h"
	printf '#include <stdarg.h>\n#include "model.h"\n' >"$t/src/diag.h"
	printf '#include "config.h"\n#include <cyaml/cyaml.h>\n#include <yaml.h>\n' >"$t/src/config.c"
	printf '#include "model.h"\n#include "ui.h"\n' >"$t/src/main.c"
	printf '#include "model.h"\n' >"$t/ui/ui.h"
}

# expect_bad NAME TEXT: the check of tree NAME fails and says TEXT
expect_bad() {
	checks=$((checks + 1))
	out=$(sh "$check" "$tmp/$1" 2>&1) && fail "$1: the check passed a tree that breaks the layering"
	case $out in *"$2"*) ;; *) fail "$1: the check did not say '$2'; said: $out";; esac
}

tree clean
checks=$((checks + 1))
out=$(sh "$check" "$tmp/clean" 2>&1) || fail "the check refused a clean tree: $out"

tree curses
printf '#include "text.h"\n\n  # include <curses.h>\n' >"$tmp/curses/src/text.c"
expect_bad curses "src/text.c:3: includes <curses.h>"

tree term
printf '#include <stddef.h>\n#include <term.h>\n' >"$tmp/term/src/model.h"
expect_bad term "src/model.h:2: includes <term.h>"
# ...and every core file that includes that header is named, at its include
expect_bad term "src/config.h:1: includes <term.h> (through src/diag.h:2, src/model.h:2)"
expect_bad term "src/main.c:1: includes <term.h> (through src/model.h:2)"

tree yaml
printf '#include <yaml.h>\n' >>"$tmp/yaml/ui/draw.c"
expect_bad yaml "ui/draw.c:4: includes <yaml.h>"

tree through
printf '#include "diag.h"\n#include <cyaml/cyaml.h>\n' >"$tmp/through/src/config.h"
expect_bad through "ui/settings.c:2: includes <cyaml/cyaml.h> (through src/config.h:2)"

tree upward
printf '#include "../ui/ui.h"\n' >>"$tmp/upward/src/config.c"
expect_bad upward "src/config.c:4: includes ui/ui.h"

tree main_curses
printf '#include <curses.h>\n' >>"$tmp/main_curses/ui/ui.h"
expect_bad main_curses "src/main.c:2: includes <curses.h> (through ui/ui.h:2)"

finish
