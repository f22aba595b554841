#!/bin/sh
# cli_limits.sh - issue 17 on the command line: no query can hang temm
# (the regexes that ran for minutes, on the report and on content at the
# limits), no file can (a FIFO), dumps are linear, content has a total cap,
# and what the user typed never reaches the terminal raw. Each command runs
# under `timeout` only as a guard against a hang, not to time it: the
# figures are in the report of the issue, and speed belongs in make bench.
. "$TEMM_TESTS/lib.sh"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
guard=${TEMM_HANG_GUARD:-60}

# expect_done CODES CMD...: the command ends (not killed by the guard)
# with one of the exit codes CODES ("0 1")
expect_done() {
	codes=$1; shift
	checks=$((checks + 1))
	timeout -s KILL "$guard" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	case " $codes " in *" $got "*) ;; *)
		fail "$(printf '%s' "$*" | head -c 120): exit $got (137: still running after ${guard}s), wanted $codes: $(head -c 300 "$tmp/err")";;
	esac
}

# ---- regexes (finding 1) ----
p62=$(i=0; while [ $i -lt 62 ]; do printf '(.)*'; i=$((i + 1)); done)X
expect_done "0 1" "$TEMM" search --count "/$p62/"
# four pasted at once froze a kiosk browser for 17 s
expect_done "0 1 2" "$TEMM" search --count "/$p62/ /$p62/ /$p62/ /$p62/"
sh "$TEMM_TESTS/gen_long.sh" "$tmp/one" 1      # one paragraph of 64 KiB
sh "$TEMM_TESTS/gen_long.sh" "$tmp/many" 120   # 120 of them
expect_done "0 1" "$TEMM" --content "$tmp/one" search --count '/a.*x/'
expect_done "0 1" "$TEMM" --content "$tmp/one" search --count "/$p62/"
expect_done "0 1 2" "$TEMM" --content "$tmp/many" search --count '/a.*x/'
expect_done "0 1 2" "$TEMM" --content "$tmp/many" search --count "/$p62/ dust"
# past the work a search may do, it says so (and names the query)
expect_done "2" "$TEMM" --content "$tmp/many" search --count "/$p62/ /$p62/ /$p62/"
grep -q 'more work than one search may do' "$tmp/err" || fail "no message for a search too costly: $(cat "$tmp/err")"
# 40 KB of () took 26-43 s and 6.3 GB: refused at once
empty=$(i=0; while [ $i -lt 20000 ]; do printf '()'; i=$((i + 1)); done)
expect_done "2" "$TEMM" search --count "/$empty/"
grep -q 'longer than 1024 bytes' "$tmp/err" || fail "no message for a huge regex: $(head -c 200 "$tmp/err")"
# what glibc took too, the same answers
expect_out "2" "$TEMM" search --count '/TEMM1[0-9]/ Daegu'
expect_err "back-references" "$TEMM" search '/(a)\1/'

# ---- special files (finding 5): a FIFO among the content files ----
mkdir "$tmp/fifo"
printf 'report:\n  title: T\nsections:\n  - {title: I, id: i}\n' >"$tmp/fifo/a.yaml"
mkfifo "$tmp/fifo/x.yaml"
expect_done "1" "$TEMM" --content "$tmp/fifo" check
grep -q 'x.yaml: cannot read: a FIFO, not a regular file' "$tmp/err" || fail "FIFO not named: $(cat "$tmp/err")"

# ---- a linear JSON dump (finding 7): 199,999 terms ----
mkdir "$tmp/terms"
awk 'BEGIN { print "report:\n  title: T\nsections:\n  - {title: I, id: i}\nterms:"
	for (i = 0; i < 199999; i++) printf "  - {id: t%d, title: T, section: i}\n", i }' >"$tmp/terms/t.yaml"
expect_done "0" "$TEMM" --content "$tmp/terms" dump --format json
[ "$(grep -o '"kind":"term","id":"t[0-9]*","title"' "$tmp/out" | wc -l)" = 199999 ] || fail "dump --format json: not every term"
rm -rf "$tmp/terms"

# ---- caps (finding 12): all the content files together ----
mkdir "$tmp/big"
printf 'report:\n  title: T\nsections:\n  - {title: I, id: i}\n' >"$tmp/big/a.yaml"
i=0; while [ $i -lt 16 ]; do truncate -s 8M "$tmp/big/t$i.yaml"; i=$((i + 1)); done   # sparse
expect_done "1" "$TEMM" --content "$tmp/big" check
grep -q 'content files hold 129 MiB together, more than the 128 MiB limit' "$tmp/err" ||
	fail "no total cap: $(head -c 300 "$tmp/err")"
rm -rf "$tmp/big"

# ---- the smaller items (finding 13) ----
expect_err "year:0000 is out of range" "$TEMM" search 'year:0000 dust'
expect_exit 2 "$TEMM" search 'year:0000 dust'
expect_exit 2 "$TEMM" search 'year:0..2019 dust'
expect_err "year:2101 is out of range (years are 1900 to 2100)" "$TEMM" search 'year:2101 dust'
expect_out "2" "$TEMM" search --count 'year:2014 Daegu'
# paragraph lists as long as the documented 200,000
mkdir "$tmp/paras"
awk 'BEGIN { print "report:\n  title: T\nsections:\n  - title: I\n    id: i\n    paragraphs:"
	for (i = 0; i < 200000; i++) printf "      - p%d\n", i }' >"$tmp/paras/a.yaml"
expect_out "content is valid" "$TEMM" --content "$tmp/paras" check
rm -rf "$tmp/paras"
# user arguments in errors: no escape byte reaches stderr
esc=$(printf '\033')
for args in "search \"x${esc}[2J" "search colour:red${esc}[31m" "show x${esc}]0;t" "list k${esc}[2J" \
	"--goto x${esc}[2J" "dump --format j${esc}[2J" "keys --format m${esc}[2J" "--bogus${esc}[2J" \
	"bogus${esc}[2J" "--format${esc}[2J=x dump"; do
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	err=$(TERM=xterm timeout 10 "$TEMM" $args 2>&1 </dev/null >/dev/null)
	case $err in
	*"$esc"*) fail "temm $args: an escape byte on stderr";;
	*'^['*) ;;
	*) fail "temm $args: no error shown: $err";;
	esac
done
# --help and --version: a failed write is a failure
expect_exit 1 sh -c "\"$TEMM\" --help >/dev/full"
expect_exit 1 sh -c "\"$TEMM\" --version >/dev/full"
expect_err "cannot write" sh -c "\"$TEMM\" --version >/dev/full"
finish
