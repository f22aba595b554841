#!/bin/sh
# gen_long.sh DIR N - content for the tests of long work: N sections of one
# paragraph of about 64 KiB each (the longest a string may be), of common
# words with an 'a' in many and no 'x' in any.
mkdir -p "$1"
awk -v n="$2" 'BEGIN {
	print "report:\n  title: Long\nsections:"
	srand(1)
	split("the three countries air marine dust cooperation a an and of to in", w, " ")
	for (s = 0; s < n; s++) {
		printf "  - title: S%d\n    id: s%d\n    paragraphs:\n      - \"", s, s
		len = 0
		while (len < 65000) { x = w[int(rand() * 13) + 1]; printf "%s ", x; len += length(x) + 1 }
		print "end\""
	}
}' >"$1/r.yaml"
