#!/bin/sh
# cli.sh - the built binary as a user runs it: options, exit codes, where it
# finds the content, and what it says when the content is missing or bad.
. "$TEMM_TESTS/lib.sh"

expect_exit 0 "$TEMM" --help
expect_out "Usage: temm" "$TEMM" --help
expect_exit 0 "$TEMM" --version
expect_out "temm 0.1.0" "$TEMM" --version
expect_exit 2 "$TEMM" --no-such-option
expect_exit 2 "$TEMM" no-such-command

# the build tree's binary finds the bundled content by itself
expect_out "content is valid" "$TEMM" check

# --content and TEMM_CONTENT override it
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'report:\n  title: Tiny\nsections:\n  - {title: Only, id: only}\n' >"$tmp/t.yaml"
expect_out "content is valid: Tiny" "$TEMM" --content "$tmp" check
expect_out "content is valid: Tiny" env TEMM_CONTENT="$tmp" "$TEMM" check
expect_out "1 sections" "$TEMM" --content "$tmp" check

# kiosk mode (for an sshd ForceCommand) refuses every way to point it elsewhere
expect_out "content is valid: Report on China-Japan-Korea" "$TEMM" --kiosk --content "$tmp" check
expect_out "content is valid: Report on China-Japan-Korea" env TEMM_KIOSK=1 TEMM_CONTENT="$tmp" "$TEMM" check
expect_out "content is valid: Report on China-Japan-Korea" env TEMM_KIOSK=1 "$TEMM" --content="$tmp" check
expect_err "kiosk mode: ignoring --content" env TEMM_KIOSK=1 "$TEMM" --content "$tmp" check
expect_out "content is valid: Tiny" env TEMM_KIOSK=0 "$TEMM" --content "$tmp" check

# bad content: a positioned message on stderr, exit 1, nothing on stdout
printf 'report:\n  title: Tiny\n  colour: red\n' >"$tmp/t.yaml"
expect_exit 1 "$TEMM" --content "$tmp" check
expect_err "t.yaml:3:3: unknown key 'colour'" "$TEMM" --content "$tmp" check
expect_exit 1 "$TEMM" --content "$tmp/missing" list areas
expect_err "cannot open content directory" "$TEMM" --content "$tmp/missing" list areas

# escape sequences in content never reach stdout raw, tty or not
printf 'report:\n  title: "A\\e[2J\\x9b\\u202eB"\nsections:\n  - {title: "S\\e]52;c;eA==\\a", id: s}\n' >"$tmp/t.yaml"
for cmd in "check" "list sections" "show s" "dump" "search S" "list sections --json"; do
	# shellcheck disable=SC2086
	"$TEMM" --content "$tmp" $cmd >"$tmp/out" 2>&1
	if LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" || LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/out"; then
		fail "temm $cmd printed a raw escape"
	fi
done
expect_out "A^[[2J<U+009B><U+202E>B" "$TEMM" --content "$tmp" check

# keys --json: one object a key, each with its kind (jansson's objects keep
# their order, so "kind" comes first)
"$TEMM" keys --json >"$tmp/keys.json"
checks=$((checks + 1))
[ "$(grep -c '^{"kind":"key","group":"[^"]*","keys":\["' "$tmp/keys.json")" -ge 20 ] &&
	! grep -qv '^{"kind":"key",' "$tmp/keys.json" ||
	fail "temm keys --json is not one {\"kind\":\"key\",...} a line: $(head -c 200 "$tmp/keys.json")"
expect_exit 2 "$TEMM" keys --format=man --json
expect_err "cannot print JSON" "$TEMM" keys --format=man --json
expect_err "the browser (no command) cannot print JSON" "$TEMM" --json

# plain output is wrapped to $COLUMNS (display columns: LC_ALL for wc -L),
# and wrapping changes only where lines break: the same text without its
# spaces at any width
widest() { LC_ALL=C.UTF-8 wc -L <"$1"; }
for cmd in "list sections" "list stages" "list areas" "list activities" "list events" \
	"list meetings" "list programmes" "list terms" "outline" "check" "keys" "dump" \
	"--help" "search water" "search microplastics" "search kind:activity area:dss"; do
	# shellcheck disable=SC2086
	COLUMNS=1000 "$TEMM" $cmd >"$tmp/wide" 2>&1
	for cols in 30 50 80; do
		checks=$((checks + 1))
		# shellcheck disable=SC2086
		COLUMNS=$cols "$TEMM" $cmd >"$tmp/out" 2>&1
		[ "$(widest "$tmp/out")" -le "$cols" ] ||
			fail "COLUMNS=$cols temm $cmd: a line is $(widest "$tmp/out") columns wide"
		case $cmd in search*) continue ;; esac # the words around a hit fit the width
		checks=$((checks + 1))
		[ "$(tr -d ' \n' <"$tmp/out")" = "$(tr -d ' \n' <"$tmp/wide")" ] ||
			fail "COLUMNS=$cols temm $cmd does not print what COLUMNS=1000 does"
	done
done
COLUMNS=1000 "$TEMM" dump >"$tmp/wide"
checks=$((checks + 1))
[ "$(widest "$tmp/wide")" -gt 80 ] || fail "COLUMNS=1000 temm dump: cut to 80 columns anyway"

finish
