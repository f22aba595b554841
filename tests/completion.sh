#!/bin/sh
# completion.sh - the bash, zsh and fish completions offer exactly the
# commands and options of `temm --help`, the kinds `temm check` counts (read
# from the code's list of kinds), the formats --help names, and every id.
# Each shell really completes: bash calls the function, fish runs
# `complete -C`, zsh types a tab on a pseudo-terminal. zsh and fish are
# skipped (and said so) where they are not installed.
. "$TEMM_TESTS/lib.sh"

doc=$TEMM_TESTS/../doc
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
ln -s "$TEMM" "$tmp/bin/temm" # the completions run `temm list` for the ids
PATH=$tmp/bin:$PATH
export PATH COLUMNS=80

# ---- what temm says it has ----
COLUMNS=1000 temm --help >"$tmp/help"
awk '/^  [a-z]/ { print $1 }' "$tmp/help" | sort >"$tmp/commands"
grep -oE '^ +(-[A-Za-z], )?--[a-z-]+' "$tmp/help" | grep -oE -- '--[a-z-]+' | sort >"$tmp/long"
{ grep -oE '^ +-[A-Za-z],' "$tmp/help" | tr -d ' ,'; cat "$tmp/long"; } | sort >"$tmp/options"
temm check | awk '/^ *[0-9]+ [a-z]+( in the content)?$/ { print $2 }' | sort >"$tmp/kinds"
sed -n 's/^ *--format [A-Z]* *//p' "$tmp/help" | sed 's/([^)]*)//g; s/[,;]/ /g' |
	tr ' ' '\n' | grep -vxE 'or|' | sort -u >"$tmp/formats"
ids=$(temm check | awk '/^ *[0-9]+ [a-z]+( in the content)?$/ { n += $1 } END { print n }')
for f in commands long options kinds formats; do
	checks=$((checks + 1))
	[ "$(wc -l <"$tmp/$f")" -ge 2 ] || fail "found too few $f in temm's own output: $(cat "$tmp/$f")"
done
checks=$((checks + 1))
[ "$ids" -gt 100 ] || fail "temm check counts only $ids entities"

# same SHELL LINE EXPECTED_FILE: the completion of LINE offered exactly that
same() {
	checks=$((checks + 1))
	sort -u "$tmp/got" >"$tmp/got.sorted"
	if ! diff -u "$3" "$tmp/got.sorted" >"$tmp/diff"; then
		fail "$1: '$2<TAB>' does not offer what temm has (${3##*/}):"
		cat "$tmp/diff" >&2
	fi
}
# offers_ids SHELL LINE: every id, once
offers_ids() {
	checks=$((checks + 1))
	n=$(sort -u "$tmp/got" | grep -cE '^[a-z0-9-]+$')
	[ "$n" -eq "$ids" ] && grep -qx temm16 "$tmp/got" && grep -qx sec-2-1-9 "$tmp/got" ||
		fail "$1: '$2<TAB>' offers $n ids, temm has $ids"
}
# try SHELL PROBE: PROBE LINE writes what the shell offers for LINE<TAB>
# to $tmp/got, one a line. $lines: the lines try types, in its order (zsh
# types them all in one shell first)
lines="temm |temm -|temm list |temm list --json |temm dump --format |temm show |temm --goto "
try() {
	$2 "temm ";                 same "$1" "temm " "$tmp/commands"
	$2 "temm -";                same "$1" "temm -" "$tmp/options"
	$2 "temm list ";            same "$1" "temm list " "$tmp/kinds"
	$2 "temm list --json ";     same "$1" "temm list --json " "$tmp/kinds"
	$2 "temm dump --format ";   same "$1" "temm dump --format " "$tmp/formats"
	$2 "temm show ";            offers_ids "$1" "temm show "
	$2 "temm --goto ";          offers_ids "$1" "temm --goto "
}

# ---- bash: the function itself, with bash-completion's two helpers stubbed ----
cat >"$tmp/bash-probe" <<'PROBE'
. "$1"
_init_completion() { words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur=${words[cword]}; prev=${words[cword-1]}; }
_filedir() { COMPREPLY=(); }
read -ra COMP_WORDS <<<"$2"
case $2 in *' ') COMP_WORDS+=("") ;; esac
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_temm
printf '%s\n' "${COMPREPLY[@]}"
PROBE
bash_probe() { bash "$tmp/bash-probe" "$doc/temm.bash" "$1" >"$tmp/got"; }
try bash bash_probe

# ---- fish: complete -C, as at a prompt ----
if command -v fish >/dev/null 2>&1; then
	checks=$((checks + 1))
	fish -n "$doc/temm.fish" || fail "fish -n: doc/temm.fish does not parse"
	fish_probe() { fish -c "source '$doc/temm.fish'; complete -C'$1'" | cut -f1 >"$tmp/got"; }
	try fish fish_probe
else
	echo "SKIP: fish is not installed: its completion was not tried"
fi

# ---- zsh: compinit finds it, and a tab on a pseudo-terminal ----
if command -v zsh >/dev/null 2>&1; then
	checks=$((checks + 1))
	zsh -n "$doc/_temm" || fail "zsh -n: doc/_temm does not parse"
	checks=$((checks + 1))
	got=$(zsh -fc "fpath=('$doc' \$fpath); autoload -U compinit; compinit -u -D; print -r -- \${_comps[temm]}")
	[ "$got" = _temm ] || fail "zsh: compinit does not take _temm for temm (got '$got')"
	# one shell types every line; the probe then hands out its answers in order
	mkdir "$tmp/zsh"
	old_ifs=$IFS; IFS='|'
	# shellcheck disable=SC2086
	set -- $lines
	IFS=$old_ifs
	if timeout 60 zsh -f "$TEMM_TESTS/completion_probe.zsh" "$doc" "$tmp/zsh" "$@"; then
		zsh_n=0
		zsh_probe() { zsh_n=$((zsh_n + 1)); cp "$tmp/zsh/$zsh_n" "$tmp/got"; }
		try zsh zsh_probe
	else
		fail "zsh: the completion probe did not finish"
	fi
else
	echo "SKIP: zsh is not installed: its completion was not tried"
fi

finish
