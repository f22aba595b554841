# fish completion for temm: commands, options, kinds for `list`, ids for
# `show` and `--goto`, formats for `--format`, a file for `config-check`
# and `snapshot`.
# tests/completion.sh checks it
# against `temm --help` and `temm check`.

# Every id in the report the user would open, from temm itself (a row's
# first word; a wrapped row goes on in lines that start with a space).
function __temm_ids
    for kind in stages areas activities events meetings programmes terms sections
        temm list $kind 2>/dev/null | string match -r -g '^([^ ]+)'
    end
end

set -l commands check list show search dump outline keys overview config-check snapshot
complete -c temm -f
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a check -d 'validate the content, print counts'
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a list -d 'one row per entity of a kind'
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a show -d 'one entity or section in full'
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a search -d 'find text in the report'
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a dump -d 'the whole report'
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a outline -d "the report's table of contents"
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a keys -d "the browser's keys"
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a overview -d "the report at a glance: areas by stage, activities, figures"
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a config-check -d 'check a config file'
complete -c temm -n "not __fish_seen_subcommand_from $commands" -a snapshot -d 'compile the content for fast starts'

complete -c temm -n "__fish_seen_subcommand_from list" -a 'stages areas activities events meetings programmes terms sections'
complete -c temm -n "__fish_seen_subcommand_from show" -a '(__temm_ids)'
complete -c temm -n "__fish_seen_subcommand_from config-check snapshot" -F

complete -c temm -l content -x -a '(__fish_complete_directories)' -d 'read the report from DIR'
complete -c temm -l json -d 'print JSON Lines, one object a line'
complete -c temm -l count -d '(search) print only the number of hits'
complete -c temm -l cite -d '(show) its text with its place in the report, to quote'
complete -c temm -l format -x -a 'text markdown json man' -d 'output format'
complete -c temm -l goto -x -a '(__temm_ids)' -d 'open the browser on this entity or section'
complete -c temm -l no-color -d 'no colours in the browser'
complete -c temm -l ascii -d 'draw the browser with plain ASCII only'
complete -c temm -l config -r -F -d 'read this config file'
complete -c temm -l no-config -d 'read no config file'
complete -c temm -l no-state -d 'read and write no history, position or marks'
complete -c temm -l kiosk -d 'read-only mode for a shared account'
complete -c temm -s h -l help -d 'show the help and exit'
complete -c temm -s V -l version -d 'show the version and exit'
