# lib.sh - assertions for the shell tests: count failures, report them all,
# exit non-zero at the end if any failed.
failures=0
checks=0

fail() {
	failures=$((failures + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# expect_exit CODE CMD...: the command exits with CODE
expect_exit() {
	want=$1; shift
	checks=$((checks + 1))
	"$@" >/dev/null 2>&1
	got=$?
	[ "$got" -eq "$want" ] || fail "$* exited $got, expected $want"
}

# expect_out TEXT CMD...: stdout contains TEXT
expect_out() {
	want=$1; shift
	checks=$((checks + 1))
	out=$("$@" 2>/dev/null)
	case $out in *"$want"*) ;; *) fail "$* did not print '$want'; printed: $(printf '%s' "$out" | head -c 300)";; esac
}

# expect_err TEXT CMD...: stderr contains TEXT
expect_err() {
	want=$1; shift
	checks=$((checks + 1))
	err=$("$@" 2>&1 >/dev/null)
	case $err in *"$want"*) ;; *) fail "$* did not say '$want' on stderr; said: $(printf '%s' "$err" | head -c 300)";; esac
}

finish() {
	echo "$((checks - failures)) passed, $failures failed"
	[ "$failures" -eq 0 ]
}
