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

# the second report, shaped unlike the bundled one: every command runs on it
r2="$TEMM_TESTS/report2"
expect_out "content is valid: Forty Years for the Ozone Layer" "$TEMM" --content "$r2" check
expect_out "     4 stages" "$TEMM" --content "$r2" check
expect_out "kigali      2016-2024  Kigali Stage" "$TEMM" --content "$r2" list stages
expect_out "awareness-training  7) Public Awareness and Training" "$TEMM" --content "$r2" list areas
expect_out "Meeting - MOP" "$TEMM" --content "$r2" --ascii show mop9
expect_out "meeting mop9  [1.2 The Phase-out Stage (1990-1999)]
    Montréal" "$TEMM" --content "$r2" search montreal
expect_out "also event ev-1987-protocol  The Montreal Protocol was signed in Montréal" env COLUMNS=132 "$TEMM" --content "$r2" search montreal
expect_out "programme montreal-protocol" "$TEMM" --content "$r2" search 蒙特利尔议定书
expect_err "stage:5 is not a stage: a number (1-4), a numeral (I-IV)" "$TEMM" --content "$r2" search stage:5
for cols in 80 132; do
	for cmd in "check" "list stages" "list areas" "list activities" "list events" "list meetings" \
		"list programmes" "list terms" "list sections" "show kigali" "show sec-1-4" "search montreal" \
		"dump" "dump --format=markdown" "outline" "list events --json"; do
		checks=$((checks + 1))
		# shellcheck disable=SC2086
		COLUMNS=$cols "$TEMM" --content "$r2" $cmd >"$tmp/out" 2>"$tmp/err" || fail "temm $cmd on report2 at $cols columns failed: $(cat "$tmp/err")"
		[ -s "$tmp/out" ] || fail "temm $cmd on report2 at $cols columns printed nothing"
	done
	# the dump's lines fit, wide characters counted as two columns (wc -L)
	checks=$((checks + 1))
	w=$(COLUMNS=$cols "$TEMM" --content "$r2" dump | LC_ALL=C.UTF-8 wc -L)
	[ "$w" -le "$cols" ] || fail "temm dump on report2 is $w columns wide at COLUMNS=$cols"
done

# kiosk mode (for an sshd ForceCommand) refuses every way to point it elsewhere
expect_out "content is valid: Report on China-Japan-Korea" "$TEMM" --kiosk --content "$tmp" check
expect_out "content is valid: Report on China-Japan-Korea" env TEMM_KIOSK=1 TEMM_CONTENT="$tmp" "$TEMM" check
expect_out "content is valid: Report on China-Japan-Korea" env TEMM_KIOSK=1 "$TEMM" --content="$tmp" check
expect_out "content is valid: Report on China-Japan-Korea" "$TEMM" --kiosk --content "$r2" check
expect_err "kiosk mode: ignoring --content" env TEMM_KIOSK=1 "$TEMM" --content "$tmp" check
expect_out "content is valid: Tiny" env TEMM_KIOSK=0 "$TEMM" --content "$tmp" check

# bad content: a positioned message on stderr, exit 1, nothing on stdout
printf 'report:\n  title: Tiny\n  colour: red\n' >"$tmp/t.yaml"
expect_exit 1 "$TEMM" --content "$tmp" check
expect_err "t.yaml:3:3: unknown key 'colour'" "$TEMM" --content "$tmp" check
expect_exit 1 "$TEMM" --content "$tmp/missing" list areas
expect_err "cannot open content directory" "$TEMM" --content "$tmp/missing" list areas

# config-check: every problem of a config, each where it is, exit 1; a
# good one or none at all, exit 0; a file named that is missing, exit 1
printf 'theme: dark\nkeys:\n  fly-away: [x]\n  quit: q\n  help: [Bogus]\nwrap: 5000\n' >"$tmp/config"
expect_exit 1 "$TEMM" config-check "$tmp/config"
expect_err "$tmp/config:1:8: unknown value 'dark'" "$TEMM" config-check "$tmp/config"
expect_err "$tmp/config:3:3: unknown action 'fly-away'" "$TEMM" config-check "$tmp/config"
expect_err "$tmp/config:5:10: unknown key name 'Bogus'" "$TEMM" config-check "$tmp/config"
expect_err "$tmp/config:6:7: wrap 5000 is not 0-1000" "$TEMM" config-check "$tmp/config"
[ "$("$TEMM" config-check "$tmp/config" 2>&1 | wc -l)" -eq 4 ] || fail "config-check did not print 4 problems"
expect_err "$tmp/config:3:3: unknown action" "$TEMM" --config "$tmp/config" config-check
printf 'keys:\n  quit: q\n' >"$tmp/config"
expect_exit 0 "$TEMM" config-check "$tmp/config"
expect_out "$tmp/config: no problems" "$TEMM" config-check "$tmp/config"
expect_out "no such file: temm uses its defaults" env XDG_CONFIG_HOME="$tmp/none" "$TEMM" config-check
expect_exit 0 env XDG_CONFIG_HOME="$tmp/none" "$TEMM" config-check
expect_exit 1 "$TEMM" config-check "$tmp/missing"
expect_err "$tmp/missing: no such file" "$TEMM" config-check "$tmp/missing"
expect_exit 2 "$TEMM" config-check one two

# escape sequences in content never reach stdout raw, tty or not
printf 'report:\n  title: "A\\e[2J\\x9b\\u202eB"\nsections:\n  - {title: "S\\e]52;c;eA==\\a", id: s}\n' >"$tmp/t.yaml"
for cmd in "check" "list sections" "show s" "show s --cite" "dump" "search S" "list sections --json"; do
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

# show --cite: the passage that tells of it and its reference line, as the
# browser's copy key copies it; the report's short name, else its title
printf 'report:\n  title: Tiny Report\n  short: TR\nsections:\n  - {title: 1. Top, id: top}\n  - title: 1.1 Inner\n    id: inner\n    parent: top\n    paragraphs: [One here. Two there., Three.]\n' >"$tmp/t.yaml"
checks=$((checks + 1))
got=$(LC_ALL=C.UTF-8 "$TEMM" --content "$tmp" show INNER --cite)
want=$(printf 'One here. Two there.\n\nThree.\n\342\200\224 TR, 1.1 Inner')
[ "$got" = "$want" ] || fail "show INNER --cite printed: $got"
expect_out "-- TR, 1.1 Inner" "$TEMM" --content "$tmp" --ascii show inner --cite
sed -i '/short: TR/d' "$tmp/t.yaml"
expect_out "Three.
— Tiny Report, 1.1 Inner" env LC_ALL=C.UTF-8 "$TEMM" --content "$tmp" show inner --cite
expect_exit 1 "$TEMM" --content "$tmp" show top --cite
expect_err "top has no text of its own" "$TEMM" --content "$tmp" show top --cite
expect_exit 2 "$TEMM" --content "$tmp" show inner --cite --json
expect_out "— TEMM20 report, 2.1 › 9) Marine Environment Protection" env LC_ALL=C.UTF-8 "$TEMM" show marine --cite

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
