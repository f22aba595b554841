#!/bin/sh
# ci-extra.sh - the strict-build, sanitizer and valgrind half of CI:
#  1. builds a clean copy with gcc and again with clang, with
#     -Wall -Wextra -Werror: the programs, the test programs and the bench
#     programs (built only, nothing run: configure included, about 16 s
#     with gcc and 18 s with clang on 2 idle cores);
#  2. builds a copy of the source tree out of tree with --enable-sanitizers
#     (AddressSanitizer + UndefinedBehaviorSanitizer, leak detection on) and
#     runs the whole `make check` there;
#  3. runs every headless command on the bundled report (and some on the
#     second report, tests/report2) under valgrind --leak-check=full, in
#     the normal build, reading their snapshots (and writing them);
#  4. builds with ThreadSanitizer and loads, indexes and searches the
#     report and ten copies of it (the loader and the index share their
#     work between threads).
# Zero reports, or it exits non-zero. Run it from anywhere:
#     tests/ci-extra.sh [NORMAL_BUILD_DIR]
# NORMAL_BUILD_DIR (default: the source tree, where the README's command
# builds) must hold a built src/temm; without one, a normal build is made
# in the work directory. Needs valgrind, gcc, clang and what `make check`
# needs.
# Temporary files go to $TMPDIR (removed at the end unless KEEP=1);
# SKIP_SANITIZERS=1 runs only the -Werror builds and valgrind (for a quick
# local look).
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
work=$(mktemp -d "${TMPDIR:-/tmp}/temm-ci-extra.XXXXXX") || exit 1
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
failures=0

say() { printf '\n== %s\n' "$*"; }
bad() { failures=$((failures + 1)); printf 'FAIL: %s\n' "$*" >&2; }

for tool in valgrind gcc clang; do
	command -v $tool >/dev/null 2>&1 || { echo "ci-extra.sh: $tool is not installed" >&2; exit 1; }
done

# A clean copy of the sources: a source tree that was configured in place
# cannot also serve an out-of-tree build (make would take its objects).
clean_copy() {
	mkdir -p "$work/src"
	(cd "$src" && tar cf - --exclude=./.git .) | (cd "$work/src" && tar xf -) || return 1
	if [ -f "$work/src/config.status" ]; then
		(cd "$work/src" && make -s distclean >/dev/null 2>&1)
		[ -f "$work/src/config.status" ] && return 1
	fi
	# what distclean does not know of (built by hand, left by others)
	find "$work/src" \( -name '*.o' -o -name '*.a' -o -name '*.log' -o -name '*.trs' \) \
		-exec rm -f {} + 2>/dev/null
	return 0
}

# build DIR CONFIGURE_ARGS...: configure the clean copy in DIR and make.
build() {
	dir=$1; shift
	mkdir -p "$dir"
	(cd "$dir" && "$work/src/configure" -q "$@" >configure.out 2>&1) || {
		cat "$dir/configure.out" "$dir/config.log" 2>/dev/null | tail -n 40 >&2
		return 1
	}
	(cd "$dir" && make -s -j"$jobs" >make.out 2>&1) || { tail -n 40 "$dir/make.out" >&2; return 1; }
	if grep -q 'warning:' "$dir/make.out"; then
		grep 'warning:' "$dir/make.out" >&2
		bad "compiler warnings in the build of $dir"
	fi
	return 0
}

start=$(date +%s)
say "clean copy of $src"
clean_copy || { echo "ci-extra.sh: cannot make a clean copy of the sources" >&2; exit 1; }

# ---- 1. no warning with gcc or clang: -Werror, build only ----
# Everything the tree compiles but the fuzz harnesses (they need libFuzzer):
# `check TESTS=` builds the test programs and runs none.
strict='-O2 -Wall -Wextra -Werror'
for cc in gcc clang; do
	say "build with $cc $strict"
	t0=$(date +%s)
	dir=$work/build-werror-$cc
	mkdir -p "$dir"
	if ! (cd "$dir" && "$work/src/configure" -q CC=$cc >configure.out 2>&1); then
		tail -n 40 "$dir/configure.out" "$dir/config.log" >&2
		bad "configure with $cc"
	elif ! (cd "$dir" && make -s -j"$jobs" CFLAGS="$strict" check TESTS= &&
		make -s -j"$jobs" CFLAGS="$strict" bench/gen_content bench/bench_search \
			bench/temm_bench) >"$dir/make.out" 2>&1; then
		grep -E 'error|warning' "$dir/make.out" >&2 || tail -n 40 "$dir/make.out" >&2
		bad "the build with $cc $strict"
	else
		echo "$cc: no warning, built in $(( $(date +%s) - t0 )) s"
	fi
done

# ---- 2. the whole suite under ASan + UBSan ----
say "make check with --enable-sanitizers (ASan+UBSan, leak detection on)"
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="print_suppressions=0"
asan=$work/build-asan
if [ "${SKIP_SANITIZERS:-0}" = 1 ]; then
	echo "skipped (SKIP_SANITIZERS=1)"
elif build "$asan" --enable-sanitizers; then
	if (cd "$asan" && make -s -j"$jobs" check >check.out 2>&1); then
		grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$asan/test-suite.log" 2>/dev/null ||
			grep -E '^# ' "$asan/check.out"
	else
		bad "make check under sanitizers"
		grep -E '^(FAIL|ERROR|# )' "$asan/check.out" >&2
		for log in "$asan"/tests/*.log; do
			[ -f "$log" ] || continue
			if grep -qE '^:test-result: (FAIL|ERROR)' "${log%.log}.trs" 2>/dev/null; then
				echo "==== $log" >&2
				tail -n 60 "$log" >&2
			fi
		done
	fi
	# a report in a log of a test that passed anyway (e.g. a child's)
	if grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' \
		"$asan"/tests/*.log "$asan"/tests/fuzz/*.log 2>/dev/null; then
		bad "sanitizer reports in the logs above"
	fi
else
	bad "the sanitizer build"
fi

# ---- 3. the headless commands under valgrind ----
say "headless commands under valgrind"
normal=${1:-$src}
if [ ! -x "$normal/src/temm" ]; then
	normal=$work/build
	build "$normal" || { bad "the normal build"; normal=; }
fi
if [ -n "$normal" ]; then
	temm=$normal/src/temm
	unset TEMM_CONTENT TEMM_SNAPSHOT
	export LANG=C.UTF-8 LC_ALL=C.UTF-8 COLUMNS=80
	# the runs read the reports' snapshots (made here first), as runs do
	# after the first; `check` and `snapshot` read the YAML
	export XDG_CACHE_HOME=$work/cache
	"$temm" list stages >/dev/null 2>&1
	"$temm" --content "$src/tests/report2" list stages >/dev/null 2>&1

	# a content directory with problems: it must be refused cleanly
	mkdir -p "$work/badcontent"
	printf 'report:\n  title: "bad \\e[31m"\nsections:\n  - {title: A, id: a, parent: nowhere}\n  - {title: B}\nevents:\n  - {id: e, year: 20x5, title: t, section: a}\n' \
		>"$work/badcontent/bad.yaml"
	printf 'report: [\n' >"$work/badcontent/broken.yaml"
	# configs for config-check: one with a problem of every kind, one good
	printf 'theme: dark\ncolour: red\nkeys:\n  fly-away: [x]\n  quit: q\n  move-down: [j, Bogus, 5]\n  help: j\ncolours:\n  link: purple\n  lnk: red\nwrap: 5000\n' \
		>"$work/badconfig"
	printf 'keys:\n  quit: [q, Q]\n  help: F1\ncolours:\n  link: cyan on black\n' >"$work/goodconfig"

	# one line a run: EXPECTED_EXIT ARGS... as shell words (ids: the first
	# of each kind)
	{
		echo "0 check"
		echo "0 check --json"
		for k in sections stages areas activities events meetings programmes terms; do
			echo "0 list $k"
			echo "0 list $k --json"
			id=$("$temm" list "$k" 2>/dev/null | awk 'NR == 1 { print $1 }')
			[ -n "$id" ] && echo "0 show $id" && echo "0 show $id --json"
		done
		echo "0 show temm16"
		echo "0 show dss --json"
		echo "1 show no-such-id"
		echo "0 show temm16 --cite"
		echo "1 show sec-2 --cite"
		echo "0 search microplastics"
		echo "0 search Daegu --json"
		echo "0 search environment --count"
		echo "0 search '\"joint action plan\"' -2015"
		echo "0 search '/TEMM[0-9]+/' kind:meeting"
		echo "0 search area:dss kind:activity"
		echo "0 search stage:2 year:2010..2014 --json"
		echo "1 search nowhere-to-be-found"
		echo "2 search '/(/'"
		echo "0 dump"
		echo "0 dump --json"
		echo "0 outline"
		echo "0 outline --json"
		echo "0 overview"
		echo "0 overview --json"
		echo "0 overview --ascii"
		echo "0 --help"
		echo "0 --version"
		echo "2 no-such-command"
		r2="--content '$src/tests/report2'"
		echo "0 $r2 check"
		echo "0 $r2 list areas"
		echo "0 $r2 show kigali --json"
		echo "0 $r2 search montreal"
		echo "0 $r2 search 蒙特利尔议定书 --json"
		echo "0 $r2 search area:halons kind:event"
		echo "0 $r2 dump --format=markdown"
		echo "0 snapshot '$work/vg.snapshot'"
		echo "0 $r2 snapshot '$work/vg2.snapshot'"
		echo "1 --content '$work/badcontent' check"
		echo "1 --content '$work/nonexistent' list areas"
		echo "1 config-check '$work/badconfig'"
		echo "0 config-check '$work/goodconfig'"
		echo "1 config-check '$work/noconfig'"
	} >"$work/runs"

	# run.sh 'N EXPECTED ARGS...': one command under valgrind, its own log
	cat >"$work/run.sh" <<'EOF'
set -f
eval "set -- $1"
n=$1 want=$2
shift 2
log=$VG_DIR/vg-$n.log
# temm frees its model at exit only when asked: the leak check needs it
TEMM_FREE_AT_EXIT=1 valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect \
	--log-file="$log" "$TEMM_BIN" "$@" >"$VG_DIR/out-$n" 2>"$VG_DIR/err-$n"
got=$?
if [ "$got" -ne "$want" ] || [ -s "$log" ]; then
	echo "FAIL: temm $* exited $got (expected $want)" >&2
	cat "$log" "$VG_DIR/err-$n" >&2
	exit 1
fi
echo "ok: temm $*"
EOF
	awk '{ printf "%d %s%c", NR, $0, 0 }' "$work/runs" |
		VG_DIR=$work TEMM_BIN=$temm xargs -0 -P "$jobs" -n 1 sh "$work/run.sh" \
			>"$work/valgrind.out" 2>&1
	grep -c '^ok: ' "$work/valgrind.out" | sed 's/$/ commands clean under valgrind/'
	if grep -q '^FAIL' "$work/valgrind.out"; then
		grep -v '^ok: ' "$work/valgrind.out" >&2
		bad "valgrind"
	fi
	[ "$(grep -c '^ok: ' "$work/valgrind.out")" -eq "$(wc -l <"$work/runs")" ] ||
		bad "only some valgrind runs reported"
fi

# ---- 4. the loader's and the index's threads under ThreadSanitizer ----
say "loading and indexing threads under ThreadSanitizer"
tsan=$work/build-tsan
if [ "${SKIP_SANITIZERS:-0}" = 1 ]; then
	echo "skipped (SKIP_SANITIZERS=1)"
elif build "$tsan" CFLAGS="-g -O1 -fsanitize=thread" LDFLAGS="-fsanitize=thread" &&
	(cd "$tsan" && make -s -j"$jobs" tests/test_loader tests/test_badinput tests/test_query \
		bench/gen_content >>make.out 2>&1); then
	export TSAN_OPTIONS="halt_on_error=1:exitcode=66"
	# ten copies: several files to parse at once, and many slices to fold
	"$tsan/bench/gen_content" "$work/src/content" "$work/x10" 10 >/dev/null ||
		bad "generating ten copies of the report"
	for t in test_loader test_badinput test_query; do
		"$tsan/tests/$t" >"$tsan/$t.out" 2>&1 || { cat "$tsan/$t.out" >&2; bad "$t under TSan"; }
	done
	for c in "$work/src/content" "$work/x10"; do
		for args in "check" "search e --count" "search water --json"; do
			# shellcheck disable=SC2086
			"$tsan/src/temm" --content "$c" $args >"$tsan/run.out" 2>&1 ||
				{ tail -n 40 "$tsan/run.out" >&2; bad "temm --content $c $args under TSan"; }
		done
	done
	grep -l 'ThreadSanitizer' "$tsan"/*.out 2>/dev/null && bad "ThreadSanitizer reports above"
	echo "TSan: 3 test programs and 6 runs done"
else
	bad "the ThreadSanitizer build"
fi

say "done in $(( $(date +%s) - start )) s: $failures failure(s)"
[ "$failures" -eq 0 ]
