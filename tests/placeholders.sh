#!/bin/sh
# placeholders.sh DIR - fail if an @NAME@ placeholder (configure's or the
# Makefile's) survived in any file under DIR: an installed tree (`make
# installcheck`) or an unpacked .deb (tests/deb.sh). Gzipped files (man
# pages in a .deb) are read uncompressed; in a binary only the strings are
# read, for upper-case names (@VERSION@), since machine code holds bytes
# that look like @Hc@.
set -u
dir=${1:?usage: placeholders.sh DIR}
[ -d "$dir" ] || { echo "placeholders.sh: no directory $dir" >&2; exit 2; }
text='@[A-Za-z_][A-Za-z0-9_]*@'
binary='@[A-Z_][A-Z0-9_]{2,}@'
found=0 files=0
list=$(mktemp) || exit 2
trap 'rm -f "$list"' EXIT
find "$dir" -type f >"$list"
while IFS= read -r f; do
	files=$((files + 1))
	case $f in
	*.gz) hits=$(gzip -dc "$f" | grep -nE "$text") ;;
	*) if grep -Iq . "$f" 2>/dev/null || [ ! -s "$f" ]; then
		hits=$(grep -nE "$text" "$f")
	   else
		hits=$(strings -a "$f" | grep -E "$binary")
	   fi ;;
	esac
	if [ -n "$hits" ]; then
		found=$((found + 1))
		printf '%s: a placeholder survived:\n%s\n' "$f" "$hits" | head -n 6 >&2
	fi
done <"$list"
if [ "$files" -eq 0 ]; then
	echo "placeholders.sh: no files under $dir" >&2
	exit 1
fi
echo "placeholders: $files installed files read, $found with a placeholder"
[ "$found" -eq 0 ]
