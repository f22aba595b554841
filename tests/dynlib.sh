#!/bin/sh
# dynlib.sh - libyaml, libcyaml and jansson are opened on first use
# (src/dynlib.h): a start from a snapshot maps none of them, JSON output
# maps jansson, reading YAML maps libyaml and libcyaml; and when one cannot
# be opened (a broken copy found first through LD_LIBRARY_PATH) or lacks a
# function, temm says which library it needed for what, in one line, and
# exits 1.
. "$TEMM_TESTS/lib.sh"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" COLUMNS=80 LC_ALL=C.UTF-8
unset TEMM_SNAPSHOT TEMM_KIOSK LD_PRELOAD

# content an hour old: content changed in the last moments is not snapshotted
mkdir "$tmp/content"
cp "$TEMM_SOURCE_CONTENT"/*.yaml "$tmp/content/"
touch -d '1 hour ago' "$tmp/content"/*.yaml
"$TEMM" --content "$tmp/content" list stages >/dev/null 2>&1 ||
	fail "the first run (which writes the snapshot) failed"

# mapped CMD...: the libraries the dynamic loader opened while CMD ran,
# among libyaml, libcyaml and jansson, one a line
mapped() {
	LD_DEBUG=files "$@" 2>&1 >/dev/null |
		sed -n 's/.*file=\(lib\(c\{0,1\}yaml\|jansson\)[^ ]*\) .*/\1/p' | sort -u
}
# expect_mapped WANT CMD...: what mapped prints, the lines joined by spaces
expect_mapped() {
	want=$1; shift
	checks=$((checks + 1))
	got=$(mapped "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] || fail "$* mapped '$got', expected '$want'"
}

if LD_DEBUG=files "$TEMM" --version 2>&1 >/dev/null | grep -q 'file='; then
	expect_mapped "" "$TEMM" --content "$tmp/content" list stages
	expect_mapped "" "$TEMM" --content "$tmp/content" show stage-1
	jansson=$(mapped "$TEMM" --content "$tmp/content" list stages --json)
	case $jansson in libjansson.so.*) ;; *) fail "list --json mapped '$jansson', not jansson";; esac
	yaml=$(mapped "$TEMM" --content "$tmp/content" check | tr '\n' ' ')
	case $yaml in libcyaml.so.*' 'libyaml-*) ;; *) fail "check mapped '$yaml', not libcyaml and libyaml";; esac
else
	echo "dynlib.sh: LD_DEBUG says nothing here: the mapping checks are skipped"
fi

# broken LIB: an empty file named as LIB's soname, found before the real one
broken="$tmp/broken"
mkdir "$broken"
json_so=$(mapped "$TEMM" --content "$tmp/content" list stages --json)
cyaml_so=$(mapped "$TEMM" --content "$tmp/content" check | grep '^libcyaml')
yaml_so=$(mapped "$TEMM" --content "$tmp/content" check | grep '^libyaml')
[ -n "$json_so" ] && [ -n "$cyaml_so" ] && [ -n "$yaml_so" ] ||
	{ fail "cannot tell the libraries' sonames (LD_DEBUG)"; finish; exit 1; }

: >"$broken/$json_so"
without() { LD_LIBRARY_PATH=$broken "$@"; }
expect_exit 1 without "$TEMM" --content "$tmp/content" list stages --json
expect_err "temm: cannot load $json_so for --json: $broken/$json_so: " \
	without "$TEMM" --content "$tmp/content" list stages --json
expect_err "temm: cannot load $json_so for --format=json: " \
	without "$TEMM" --content "$tmp/content" dump --format=json
# one line, and nothing printed on stdout
checks=$((checks + 1))
lines=$(without "$TEMM" --content "$tmp/content" search --json marine 2>&1 | wc -l)
[ "$lines" -eq 1 ] || fail "search --json without jansson printed $lines lines, not 1"
# what needs no JSON works as before
expect_out "Foundation" without "$TEMM" --content "$tmp/content" list stages

# a library there but not the one expected: libyaml named as jansson, so
# that dlopen succeeds and a function is missing
yaml_path=$(LD_DEBUG=libs "$TEMM" --content "$tmp/content" check 2>&1 >/dev/null |
	sed -n "s/.*trying file=\(.*\/$yaml_so\)\$/\1/p" | tail -n 1)
checks=$((checks + 1))
if [ -f "$yaml_path" ] && cp "$yaml_path" "$broken/$json_so"; then
	expect_exit 1 without "$TEMM" --content "$tmp/content" list stages --json
	expect_err "temm: cannot load $json_so for --json: $broken/$json_so: undefined symbol: json_" \
		without "$TEMM" --content "$tmp/content" list stages --json
else
	fail "cannot find $yaml_so (LD_DEBUG=libs) to stand for a wrong library"
fi
rm -f "$broken/$json_so"

# YAML: the content (no snapshot to read), `check`, and a config file
for so in "$cyaml_so" "$yaml_so"; do
	: >"$broken/$so"
	expect_exit 1 without "$TEMM" --content "$tmp/content" check
	expect_err "temm: cannot load $so for reading the content's YAML: " \
		without "$TEMM" --content "$tmp/content" check
	expect_err "temm: cannot load $so for reading the content's YAML: " \
		without env TEMM_SNAPSHOT=off "$TEMM" --content "$tmp/content" list stages
	printf 'wrap: 72\n' >"$tmp/config"
	expect_exit 1 without "$TEMM" --content "$tmp/content" config-check "$tmp/config"
	expect_err "temm: cannot load $so for reading the config file: " \
		without "$TEMM" --content "$tmp/content" config-check "$tmp/config"
	# the snapshot needs neither
	expect_out "Foundation" without "$TEMM" --content "$tmp/content" list stages
	rm "$broken/$so"
done

finish
