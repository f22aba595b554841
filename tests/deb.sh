#!/bin/sh
# deb.sh - the Debian package, as CI builds it (issue 16):
#  1. copies the sources without build products (the files git tracks, as
#     they are in the work tree; without git, a copy cleaned by distclean),
#     since the source tree CI runs in was configured and built in place;
#  2. builds the package there with `dpkg-buildpackage -us -uc -b`;
#  3. runs lintian on the .changes (the .deb, the debug symbols' .deb and
#     the .buildinfo) and on the source package (debian/ itself): no error
#     and no warning;
#  4. checks the .deb holds the binary, every content file and its
#     snapshot, the manual, the three completions and the copyright file,
#     and nothing with an @NAME@ placeholder left in it;
#  5. unpacks it (dpkg-deb -x) and runs `temm check` and a search with the
#     unpacked binary on the unpacked content (--content / TEMM_CONTENT: the
#     binary itself looks in /usr/share/temm/content, checked too), and
#     checks the packaged snapshot is the one those files make.
# The package's own `make check` (dh_auto_test) is skipped with the nocheck
# build option, since CI has just run the same suite on the same sources;
# DEB_CHECK=1 runs it as a Debian build would (about a minute more).
# Temporary files go to $TMPDIR (removed unless KEEP=1). Needs
# dpkg-dev, debhelper, lintian and the build dependencies in debian/control.
src=$(cd "$(dirname "$0")/.." && pwd)
TEMM_TESTS=$src/tests
. "$TEMM_TESTS/lib.sh"
set -u

for tool in dpkg-buildpackage dh lintian; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "deb.sh: $tool is not installed (apt-get install dpkg-dev debhelper lintian)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/temm-deb.XXXXXX") || exit 1
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
say() { printf '\n== %s\n' "$*"; }
step_start=$(date +%s)
took() { now=$(date +%s); echo "($1: $((now - step_start)) s)"; step_start=$now; }

# ---- 1. a clean copy ----
say "clean copy of $src"
mkdir "$work/temm"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$src" && git ls-files -z | tar --null -T - -cf -) | (cd "$work/temm" && tar xf -)
else
	(cd "$src" && tar cf - --exclude=./.git --exclude='./temm-*' .) | (cd "$work/temm" && tar xf -)
	if [ -f "$work/temm/Makefile" ]; then
		(cd "$work/temm" && make -s distclean >/dev/null 2>&1)
	fi
fi
[ -f "$work/temm/debian/control" ] && [ ! -f "$work/temm/config.status" ] ||
	{ echo "deb.sh: no clean copy with debian/ in $work/temm" >&2; exit 1; }

# ---- 2. the package ----
# the source package too, for lintian's checks of debian/ (control,
# copyright, rules): a tarball of the clean copy, so made before the build
# leaves its products there
say "dpkg-source -b"
(cd "$work" && dpkg-source -b temm) >"$work/source.log" 2>&1 ||
	{ cat "$work/source.log" >&2; fail "dpkg-source -b"; }
say "dpkg-buildpackage -us -uc -b"
if [ "${DEB_CHECK:-0}" = 1 ]; then
	unset DEB_BUILD_OPTIONS DEB_BUILD_PROFILES
else
	DEB_BUILD_OPTIONS="nocheck${DEB_BUILD_OPTIONS:+ $DEB_BUILD_OPTIONS}"
	DEB_BUILD_PROFILES=nocheck
	export DEB_BUILD_OPTIONS DEB_BUILD_PROFILES
fi
# -Jauto: make on every core
if ! (cd "$work/temm" && dpkg-buildpackage -us -uc -b -Jauto) >"$work/build.log" 2>&1; then
	tail -n 60 "$work/build.log" >&2
	fail "dpkg-buildpackage"
	finish
	exit 1
fi
version=$(cd "$work/temm" && dpkg-parsechangelog -S Version)
arch=$(dpkg --print-architecture)
deb=$work/temm_${version}_$arch.deb
changes=$work/temm_${version}_$arch.changes
dsc=$work/temm_$version.dsc
ls "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$work"/*.dsc | sed "s|$work/||"
took build

# ---- 3. lintian ----
say "lintian $(basename "$changes") $(basename "$dsc")"
lintian --fail-on error,warning "$changes" "$dsc" >"$work/lintian.out" 2>"$work/lintian.err"
lrc=$?
cat "$work/lintian.out"
checks=$((checks + 1))
if [ "$lrc" -ne 0 ] || grep -qE '^[EW]: ' "$work/lintian.out"; then
	grep -v 'running with root privileges' "$work/lintian.err" >&2
	fail "lintian reports errors or warnings (exit $lrc)"
fi
echo "lintian: $(grep -c '^E: ' "$work/lintian.out") errors, $(grep -c '^W: ' "$work/lintian.out") warnings"
took lintian

# ---- 4. what the package holds ----
# the snapshot is in the build machine's byte order: architecture-dependent
# data, under /usr/lib/<multiarch>/temm, not /usr/share
snapshot=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/temm/content.snapshot
say "the files in $(basename "$deb")"
dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$work/files"
{
	echo /usr/bin/temm
	for f in "$src"/content/*.yaml "$src"/content/README; do
		echo "/usr/share/temm/content/${f##*/}"
	done
	echo /usr/share/man/man1/temm.1.gz
	echo /usr/share/bash-completion/completions/temm
	echo /usr/share/zsh/vendor-completions/_temm
	echo /usr/share/fish/vendor_completions.d/temm.fish
	echo /usr/share/doc/temm/copyright
	echo "$snapshot"
} >"$work/wanted"
while IFS= read -r f; do
	checks=$((checks + 1))
	grep -qxF "$f" "$work/files" || fail "the package has no $f"
done <"$work/wanted"
echo "$(wc -l <"$work/wanted") files looked for among $(grep -vc '/$' "$work/files") in the package"

root=$work/root
dpkg-deb -x "$deb" "$root"
checks=$((checks + 1))
sh "$src/tests/placeholders.sh" "$root" || fail "a placeholder survived in the package"
for pair in temm.bash:bash-completion/completions/temm _temm:zsh/vendor-completions/_temm \
	temm.fish:fish/vendor_completions.d/temm.fish; do
	checks=$((checks + 1))
	cmp -s "$src/doc/${pair%%:*}" "$root/usr/share/${pair#*:}" ||
		fail "/usr/share/${pair#*:} is not doc/${pair%%:*}"
done
checks=$((checks + 1))
gzip -dc "$root/usr/share/man/man1/temm.1.gz" | grep -q "^\.TH TEMM 1 .*\"temm $version\"" ||
	fail "the manual's footer does not name temm $version"

# ---- 5. the unpacked binary on the unpacked content ----
say "temm from the unpacked package"
temm=$root/usr/bin/temm
content=$root/usr/share/temm/content
export COLUMNS=80 LC_ALL=C.UTF-8
unset TEMM_CONTENT TEMM_KIOSK
expect_out "temm $version" "$temm" --version
expect_out "content is valid: Report on China-Japan-Korea" "$temm" --content "$content" check
expect_out "10 areas" "$temm" --content "$content" check
expect_out "section sec-2-1-9" env TEMM_CONTENT="$content" "$temm" search microplastics
expect_out '{"kind":"count","query":"Daegu","count":' "$temm" --content "$content" search --count --json Daegu
# the packaged snapshot fits the packaged files (names, sizes, times as
# unpacked): one made again from them is the same, byte for byte
checks=$((checks + 1))
"$temm" --content "$content" snapshot "$work/fresh.snapshot" >/dev/null &&
	cmp -s "$work/fresh.snapshot" "$root$snapshot" ||
	fail "$snapshot does not fit the packaged content"
# without --content it reads where the package put the report
checks=$((checks + 1))
if ! "$temm" check >/dev/null 2>"$work/err"; then
	grep -q '^/usr/share/temm/content: cannot open content directory' "$work/err" ||
		fail "the installed binary does not look in /usr/share/temm/content: $(cat "$work/err")"
fi
took checks

finish
