#!/bin/sh
# snapshot.sh - the compiled snapshot from the command line: every
# headless command prints the same from a snapshot as from the YAML, on both
# reports; the first run writes the snapshot and the next ones read it
# (TEMM_SNAPSHOT=verbose says so), `check` reads the YAML, TEMM_SNAPSHOT=off
# turns it off, kiosk mode writes nothing, a damaged one is refused in one
# line and written again, sessions started at once all work, and `temm
# snapshot FILE` writes the same bytes every time. (Hostile snapshots in
# detail: test_snapshot and test_snapshot_files.)
. "$TEMM_TESTS/lib.sh"

tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" COLUMNS=80 LC_ALL=C.UTF-8
unset TEMM_SNAPSHOT TEMM_KIOSK

# copies an hour old: content changed in the last moments is not snapshotted
for r in content report2; do
	mkdir "$tmp/$r"
	case $r in content) src=$TEMM_SOURCE_CONTENT;; *) src=$TEMM_TESTS/report2;; esac
	cp "$src"/*.yaml "$tmp/$r/"
	touch -d '1 hour ago' "$tmp/$r"/*.yaml
done

# same: what a command prints (and its status), from YAML and from the snapshot
same() {
	checks=$((checks + 1))
	TEMM_SNAPSHOT=off "$TEMM" "$@" >"$tmp/yaml.out" 2>&1
	echo "exit $?" >>"$tmp/yaml.out"
	"$TEMM" "$@" >"$tmp/snap.out" 2>&1
	echo "exit $?" >>"$tmp/snap.out"
	cmp -s "$tmp/yaml.out" "$tmp/snap.out" || {
		fail "temm $* prints otherwise from its snapshot:"
		diff "$tmp/yaml.out" "$tmp/snap.out" | head -n 10 >&2
	}
}

for r in content report2; do
	c=$tmp/$r
	expect_err "wrote the snapshot $tmp/cache/temm/content-" env TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list stages
	expect_err "read the snapshot $tmp/cache/temm/content-" env TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list stages
	for args in "outline" "outline --json" "dump" "dump --json" "dump --format=markdown" \
		"overview" "overview --json" "search e --json" "search water --count" \
		"search /[A-Z][a-z]+/ kind:section" "search montreal --json" "search 蒙特利尔议定书" \
		"search kind:event year:1900..2100 --json" "show no-such-id"; do
		# shellcheck disable=SC2086
		same --content "$c" $args
	done
	for k in sections stages areas activities events meetings programmes terms; do
		same --content "$c" list "$k" --json
		# the first and the last of each kind, shown (the page, with what
		# links to it), as JSON and cited
		for id in $("$TEMM" --content "$c" list "$k" | awk '/^[^ ]/ { print $1 }' | sed -n '1p;$p'); do
			same --content "$c" show "$id"
			same --content "$c" show "$id" --json
			same --content "$c" show "$id" --cite
		done
	done
done

c=$tmp/content
# check reads the YAML, and says nothing of snapshots
checks=$((checks + 1))
err=$(TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" check 2>&1 >/dev/null)
[ -z "$err" ] || fail "check used a snapshot: $err"
checks=$((checks + 1))
err=$(TEMM_SNAPSHOT=off "$TEMM" --content "$c" list stages 2>&1 >/dev/null)
[ -z "$err" ] || fail "TEMM_SNAPSHOT=off said: $err"

# a damaged snapshot: refused in one line, the YAML read, written again
# (the header's table of parts: what opening reads)
for s in "$tmp"/cache/temm/*.snapshot; do
	chmod u+w "$s"
	printf 'XXXX' | dd of="$s" bs=1 seek=100 conv=notrunc 2>/dev/null
done
checks=$((checks + 1))
"$TEMM" --content "$c" list areas >"$tmp/out" 2>"$tmp/err"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "is damaged" "$tmp/err" ||
	fail "a damaged snapshot was not refused in one line: $(cat "$tmp/err")"
grep -q "1) Air Pollution" "$tmp/out" || fail "the YAML was not read after a damaged snapshot"
expect_err "read the snapshot" env TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list areas

# the areas' records damaged (read when first used, not at opening): each
# area refused is read from the YAML, said in one line, and the file
# removed, so that the next start writes it again. A part's offset is in
# the header's table: 40 bytes, then 24 a part (PART_AREAS is the fifth).
snap=$(TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list areas 2>&1 >/dev/null |
	sed -n 's/^temm: read the snapshot //p')
areas_at=$(od -An -tu8 -j $((40 + 4 * 24)) -N8 "$snap" | tr -d ' ')
printf 'XXXX' | dd of="$snap" bs=1 seek=$((areas_at + 10)) conv=notrunc 2>/dev/null
checks=$((checks + 1))
"$TEMM" --content "$c" list areas >"$tmp/out" 2>"$tmp/err"
TEMM_SNAPSHOT=off "$TEMM" --content "$c" list areas >"$tmp/want"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "is damaged (.*its area 1.*): .*read from the YAML" "$tmp/err" ||
	fail "damaged areas were not refused in one line: $(cat "$tmp/err")"
checks=$((checks + 1))
cmp -s "$tmp/out" "$tmp/want" || fail "damaged areas: not the YAML's list: $(diff "$tmp/want" "$tmp/out" | head -n 5)"
checks=$((checks + 1))
[ ! -e "$snap" ] || fail "a snapshot found damaged was kept: $snap"
expect_err "wrote the snapshot" env TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list areas
expect_err "read the snapshot" env TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list areas

# kiosk mode writes no snapshot (nor reads the cache)
checks=$((checks + 1))
rm -rf "$tmp/kiosk-cache"
XDG_CACHE_HOME=$tmp/kiosk-cache "$TEMM" --kiosk list stages >/dev/null 2>&1
[ ! -e "$tmp/kiosk-cache" ] || fail "kiosk mode wrote $(find "$tmp/kiosk-cache" -type f)"
expect_exit 1 "$TEMM" --kiosk snapshot "$tmp/kiosk.snapshot"

# sessions started at once, with no snapshot yet: every one prints the same
rm -f "$tmp"/cache/temm/*
for i in 1 2 3 4 5 6; do
	"$TEMM" --content "$c" search marine --json >"$tmp/at-once.$i" 2>"$tmp/at-once-err.$i" &
done
wait
TEMM_SNAPSHOT=off "$TEMM" --content "$c" search marine --json >"$tmp/at-once.want"
for i in 1 2 3 4 5 6; do
	checks=$((checks + 1))
	cmp -s "$tmp/at-once.$i" "$tmp/at-once.want" && [ ! -s "$tmp/at-once-err.$i" ] ||
		fail "session $i of 6 at once: $(cat "$tmp/at-once-err.$i")"
done
checks=$((checks + 1))
[ "$(ls "$tmp/cache/temm" | wc -l)" -eq 1 ] || fail "writers at once left: $(ls "$tmp/cache/temm")"
expect_err "read the snapshot" env TEMM_SNAPSHOT=verbose "$TEMM" --content "$c" list areas

# temm snapshot FILE: where it says, the same bytes each time
expect_out "snapshot written: $tmp/a.snapshot" "$TEMM" --content "$c" snapshot "$tmp/a.snapshot"
"$TEMM" --content "$c" snapshot "$tmp/b.snapshot" >/dev/null
checks=$((checks + 1))
cmp -s "$tmp/a.snapshot" "$tmp/b.snapshot" || fail "two snapshots of the same content differ"
expect_out '{"kind":"snapshot","file":' "$TEMM" --content "$c" snapshot --json "$tmp/c.snapshot"
expect_exit 1 "$TEMM" --content "$tmp/no-such-dir" snapshot "$tmp/d.snapshot"
expect_err "cannot write the snapshot $tmp/no-such-dir/x: " "$TEMM" --content "$c" snapshot "$tmp/no-such-dir/x"

finish
