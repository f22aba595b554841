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

# temm overview: the picture at the width asked, ASCII where the locale is
# not UTF-8, JSON Lines each with its kind
expect_exit 0 "$TEMM" overview
expect_exit 2 "$TEMM" overview areas
expect_out "7 activities listed in 2.1" env COLUMNS=100 "$TEMM" overview
expect_out "Stage III: Air Quality Improvement" env COLUMNS=60 "$TEMM" overview
LC_ALL=C COLUMNS=120 "$TEMM" overview >"$tmp/out"
if LC_ALL=C grep -q "$(printf '[\200-\377]')" "$tmp/out"; then
	fail "temm overview in the C locale printed a byte above 0x7f"
fi
if ! grep -q '#' "$tmp/out"; then
	fail "temm overview in the C locale drew no bars"
fi
"$TEMM" overview --json >"$tmp/out"
if grep -v '^{"kind":' "$tmp/out" | grep -q .; then
	fail "a line of temm overview --json has no kind first"
fi

finish
