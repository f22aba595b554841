# bash completion for temm: commands, options, kinds for `list`, ids for
# `show` and `--goto`, formats for `dump` and `keys`, a file for
# `config-check` and `snapshot`. tests/completion.sh checks that it offers what `temm
# --help` and `temm check` name (as do doc/_temm for zsh and doc/temm.fish
# for fish).
_temm()
{
	local cur prev words cword
	_init_completion || return

	local commands="check list show search dump outline keys overview config-check snapshot"
	local options="--content --json --count --cite --format --goto --no-color --ascii --kiosk
		--config --no-config --no-state --help --version -h -V"
	local kinds="stages areas activities events meetings programmes terms sections"

	case $prev in
	--content)
		_filedir -d
		return ;;
	--config)
		_filedir
		return ;;
	--format)
		COMPREPLY=($(compgen -W "text markdown json man" -- "$cur"))
		return ;;
	--goto)
		COMPREPLY=($(compgen -W "$(_temm_ids)" -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$options" -- "$cur"))
		return
	fi
	local i command=
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--content | --config | --format | --goto) ((i++)) ;;
		-*) ;;
		*) command=${words[i]}; break ;;
		esac
	done
	case $command in
	"") COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	list) COMPREPLY=($(compgen -W "$kinds" -- "$cur")) ;;
	show) COMPREPLY=($(compgen -W "$(_temm_ids)" -- "$cur")) ;;
	config-check | snapshot) _filedir ;;
	esac
}

# Every id in the report the user would open, from temm itself (a row's
# first word; a wrapped row goes on in lines that start with a space).
_temm_ids()
{
	local k
	for k in stages areas activities events meetings programmes terms sections; do
		temm list "$k" 2>/dev/null | awk '/^[^ ]/ { print $1 }'
	done
}

complete -F _temm temm
