# completion_probe.zsh FPATH_DIR OUT_DIR LINE...: for each LINE, type it
# and a tab in an interactive zsh on a pseudo-terminal (zpty), with
# FPATH_DIR first in $fpath, and write what the completion offered to
# OUT_DIR/1, OUT_DIR/2, ... (one match a line). compadd is wrapped to note
# the matches it adds; each step waits for the shell to say it is done.
zmodload zsh/zpty || exit 1
doc=$1 outdir=$2
shift 2
zpty z zsh -f -i || exit 1
# run a command in the shell and wait until it has run: input typed while
# the shell is busy may be thrown away by the line editor
sync=0
run() {
	sync=$((sync + 1))
	zpty -w z "$1; print -r \${:-SY}NC$sync"
	local got
	zpty -r z got "*SYNC$sync*"
}
run "PS1='> '; fpath=(${(q)doc} \$fpath); autoload -U compinit; compinit -u -D; unsetopt auto_list auto_menu"
run 'compadd() { if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi; local -a h; builtin compadd -A h "$@"; (( $#h )) && print -rl -- $h >>$COMP_OUT; builtin compadd "$@"; }'
# a tab completes, then says so on the terminal
run 'tab-done() { zle complete-word; print -rn -- "<<C""DONE>>"; }; zle -N tab-done; bindkey "^I" tab-done'
n=0
for line in "$@"; do
	n=$((n + 1))
	: >$outdir/$n
	run "COMP_OUT=${(q)outdir}/$n"
	zpty -w -n z "$line"$'\t'
	zpty -r z got '*<<CDONE>>*' || return 1
	zpty -w -n z $'\C-e\C-u'
	run ":"
done
zpty -d z
