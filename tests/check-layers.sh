#!/bin/sh
# check-layers.sh - the layering the build enforces: the core (src/) never
# includes a curses header, the browser (ui/) never includes YAML (yaml.h,
# cyaml), whether directly or through a header of the tree it includes; and
# no file of src/ but the program (src/main.c) includes a header of ui/.
# The compiler flags alone cannot stop this (curses.h and yaml.h are in
# /usr/include), so `make` runs this before it archives the libraries, and
# `make check` runs it (tests/layers.sh).
#     tests/check-layers.sh [TOP]
# TOP: the source tree (default: the one holding this script). Prints one
# line per violation, FILE:LINE of the include that leads to it, and exits 1;
# exits 0 and prints nothing when the layering holds.
set -u
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top" 2>/dev/null || { echo "check-layers.sh: no directory $top" >&2; exit 2; }
[ -d src ] && [ -d ui ] || { echo "check-layers.sh: $top has no src/ and ui/" >&2; exit 2; }
files=$(find src ui -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort)
[ -n "$files" ] || exit 0

# shellcheck disable=SC2086
LC_ALL=C awk '
function dir_of(p) { return sub(/\/[^\/]*$/, "", p) ? p : "." }
function normal(p,    n, i, k, part, out) {
	n = split(p, part, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (part[i] == "." || part[i] == "")
			continue
		if (part[i] == ".." && k > 0 && out[k] != "..") { k--; continue }
		out[++k] = part[i]
	}
	p = ""
	for (i = 1; i <= k; i++)
		p = p (i > 1 ? "/" : "") out[i]
	return p
}
# The file of the tree an include names: a quoted name beside the including
# file first, then src/, then ui/ (a core file has no -I for ui/, which the
# walk reports). "" when it is not in the tree (a system header).
function resolve(name, quoted, from,    p) {
	if (quoted) {
		p = normal(dir_of(from) "/" name)
		if (p in known) return p
	}
	p = normal("src/" name)
	if (p in known) return p
	p = normal("ui/" name)
	if (p in known) return p
	return ""
}
function forbidden(layer, name) {
	if (layer == "ui")
		return name ~ /^(yaml\.h|cyaml\/.*|yaml\/.*)$/
	return name ~ /^(n?curses\.h|term\.h|termcap\.h|unctrl\.h|panel\.h|menu\.h|form\.h|ncursesw?\/.*|curses\/.*)$/
}
function report(where, why) {
	printf "%s: %s\n", where, why
	bad++
}
# Walk what `f` includes. `first` is where the top file includes the header
# that leads here, `through` the further includes on the way.
function walk(top, layer, f, first, through,    i, name, quoted, to, where, hop, chain) {
	seen[top, f] = 1
	for (i = 1; i <= ninc[f]; i++) {
		name = inc_name[f, i]
		quoted = inc_quoted[f, i]
		where = f ":" inc_line[f, i]
		hop = first == "" ? where : first
		chain = first == "" ? "" : through (through == "" ? "" : ", ") where
		if (!quoted && forbidden(layer, name)) {
			report(hop, "includes <" name ">" (chain == "" ? "" : " (through " chain ")") ": " \
			       (layer == "ui" ? "ui/ never uses YAML (the core reads it and hands the model over)" \
					      : "src/ never uses curses (that is the browser, in ui/)"))
			continue
		}
		to = resolve(name, quoted, f)
		if (to == "")
			continue
		if (layer == "src" && to ~ /^ui\// && top != "src/main.c") {
			report(hop, "includes " to (chain == "" ? "" : " (through " chain ")") \
			       ": the core (src/) does not know the browser (ui/)")
			continue
		}
		if (!((top, to) in seen))
			walk(top, layer, to, hop, chain)
	}
}
FNR == 1 { known[FILENAME] = 1; order[++nfiles] = FILENAME }
/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
	line = $0
	sub(/^[ \t]*#[ \t]*include[ \t]*/, "", line)
	quoted = substr(line, 1, 1) == "\""
	close_at = index(substr(line, 2), quoted ? "\"" : ">")
	if (close_at == 0)
		next
	k = ++ninc[FILENAME]
	inc_name[FILENAME, k] = substr(line, 2, close_at - 1)
	inc_quoted[FILENAME, k] = quoted
	inc_line[FILENAME, k] = FNR
}
END {
	for (n = 1; n <= nfiles; n++) {
		f = order[n]
		layer = f ~ /^ui\// ? "ui" : "src"
		walk(f, layer, f, "", "")
	}
	exit bad > 0
}' $files
