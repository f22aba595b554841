#!/bin/sh
# manual.sh - the manual's key table is the table the browser dispatches on
# (`temm keys`), every command and option is in the manual, and it renders
# without warnings.
. "$TEMM_TESTS/lib.sh"

man=${TEMM_MAN:-doc/temm.1}
checks=$((checks + 1))
[ -f "$man" ] || { fail "no manual at $man"; finish; exit 1; }

# "keys<TAB>action" from the manual and from the program, in order
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
awk '/^\.SH KEYS/ { on = 1; next } /^\.SH / { on = 0 }
     on && /^\.B / { keys = substr($0, 4); next }
     on && keys != "" { n = split($0, w, "("); name = w[n]; sub(/\)$/, "", name);
                        gsub(/\\-/, "-", name); gsub(/\\-/, "-", keys); gsub(/\\&/, "", keys);
                        print keys "\t" name; keys = "" }' \
	"$man" >"$tmp/manual"
COLUMNS=1000 "$TEMM" keys | awk '/^  / { line = substr($0, 3); keys = substr(line, 1, 18); sub(/ +$/, "", keys);
                    name = substr(line, 20, 16); sub(/ +$/, "", name); print keys "\t" name }' >"$tmp/program"
checks=$((checks + 1))
if ! diff -u "$tmp/program" "$tmp/manual" >"$tmp/diff"; then
	fail "the manual's key table differs from 'temm keys':"
	cat "$tmp/diff" >&2
fi
checks=$((checks + 1))
[ "$(wc -l <"$tmp/program")" -ge 20 ] || fail "'temm keys' lists fewer than 20 keys"

# every command and long option of --help is documented
for word in $(COLUMNS=1000 "$TEMM" --help | awk '/^  [a-z]/ { print $1 } /^ +--/ { print $1 }' | tr -d ','); do
	checks=$((checks + 1))
	esc=$(printf '%s' "$word" | sed 's/-/\\\\-/g')
	grep -q -- "$esc" "$man" || fail "the manual does not mention $word"
done

# renders cleanly (groff ships with man-db; skip this check without it)
if command -v groff >/dev/null 2>&1; then
	checks=$((checks + 1))
	out=$(groff -man -ww -z "$man" 2>&1)
	[ -z "$out" ] || fail "groff warns about the manual: $out"
fi
finish
