# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_otpctl_global_optspecs
    string join \n color= y/yes q/quiet h/help V/version
end

function __fish_otpctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_otpctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_otpctl_using_subcommand
    set -l cmd (__fish_otpctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c otpctl -n "__fish_otpctl_needs_command" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_needs_command" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_needs_command" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_needs_command" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_needs_command" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "create" -d 'Create a local project'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "list" -d 'List projects, or the local engine\'s identities and courier messages'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "ls" -d 'List projects, or the local engine\'s identities and courier messages'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "use" -d 'Select the project that config commands use by default'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "get" -d 'Show a project, its identity config, or an identity or courier message of its engine'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "patch" -d 'Change an identity config with JSON Patch operations, keeping its comments'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "update" -d 'Replace an identity config with the contents of files'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "delete" -d 'Delete a project, or an identity of its engine'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "validate" -d 'Validate configs, identity schemas and identities (for people and CI)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "register" -d 'Sign up by code on the project\'s local engine (or a Kratos at --endpoint)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "login" -d 'Log in by code on the project\'s local engine (or a Kratos at --endpoint)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "verify" -d 'Verify an email address or phone number by code (locally, or at --endpoint)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "whoami" -d 'Show the session of a session token (Kratos\' /sessions/whoami)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "logout" -d 'End the session of a session token (Kratos\' native logout)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "import" -d 'Import identities into the project\'s local engine (or a Kratos at --admin-endpoint)'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "courier" -d 'Run the courier that sends the local engine\'s queued messages'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "serve" -d 'Serve the project\'s engine as Kratos\' public and admin HTTP APIs, with the courier'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "quickstart" -d 'Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "evaluate" -d 'Evaluate a Jsonnet OIDC claims mapper against claims'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "render" -d 'Preview what the courier would send'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c otpctl -n "__fish_otpctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -f -a "project" -d 'Create a project from a preset: a commented identity config and its identity schema'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and not __fish_seen_subcommand_from project help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -s n -l name -d 'A name for the project (default: the preset and the start of the ID)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -l preset -d 'The identity schema to start from' -r -f -a "email\t'Email address, code by email'
sms\t'Phone number, code by SMS'
email-sms\t'Email address and phone number, code by either'"
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Versioned JSON for scripts'"
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -l use -d 'Select the new project (done anyway when none is selected yet)'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -l allow-duplicate -d 'Create it even if a project with this name exists (it is then found by ID only)'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from project" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "project" -d 'Create a project from a preset: a commented identity config and its identity schema'
complete -c otpctl -n "__fish_otpctl_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "projects" -d 'List the local projects'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "courier-messages" -d 'List the courier messages (the outbox), newest first'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "identities" -d 'List the identities'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from projects" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from projects" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Versioned JSON for scripts'"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from projects" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from projects" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from projects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from projects" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l status -d 'Only messages with this status' -r -f -a "queued\t'Waiting to be sent (or kept in the local outbox)'
processing\t'Being sent'
sent\t'Delivered'
abandoned\t'Given up on'"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l recipient -d 'Only messages to this address or number' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l page-size -d 'Entries per page (courier messages newest first, identities oldest first)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l page -d 'Page number, from 0' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l format -d 'Output format' -r -f -a "table\t'Aligned columns, no bodies'
json\t'`{"version":1,…}` with messages as Kratos\' admin API returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from courier-messages" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l page-size -d 'Entries per page (courier messages newest first, identities oldest first)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l page -d 'Page number, from 0' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l format -d 'Output format' -r -f -a "table\t'Aligned columns'
json\t'`{"version":1,…}` with identities as Kratos\' admin API returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from identities" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "projects" -d 'List the local projects'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "courier-messages" -d 'List the courier messages (the outbox), newest first'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "identities" -d 'List the identities'
complete -c otpctl -n "__fish_otpctl_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "projects" -d 'List the local projects'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "courier-messages" -d 'List the courier messages (the outbox), newest first'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "identities" -d 'List the identities'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and not __fish_seen_subcommand_from projects courier-messages identities help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from projects" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from projects" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Versioned JSON for scripts'"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from projects" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from projects" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from projects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from projects" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l status -d 'Only messages with this status' -r -f -a "queued\t'Waiting to be sent (or kept in the local outbox)'
processing\t'Being sent'
sent\t'Delivered'
abandoned\t'Given up on'"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l recipient -d 'Only messages to this address or number' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l page-size -d 'Entries per page (courier messages newest first, identities oldest first)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l page -d 'Page number, from 0' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l format -d 'Output format' -r -f -a "table\t'Aligned columns, no bodies'
json\t'`{"version":1,…}` with messages as Kratos\' admin API returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from courier-messages" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l page-size -d 'Entries per page (courier messages newest first, identities oldest first)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l page -d 'Page number, from 0' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l format -d 'Output format' -r -f -a "table\t'Aligned columns'
json\t'`{"version":1,…}` with identities as Kratos\' admin API returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from identities" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from help" -f -a "projects" -d 'List the local projects'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from help" -f -a "courier-messages" -d 'List the courier messages (the outbox), newest first'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from help" -f -a "identities" -d 'List the identities'
complete -c otpctl -n "__fish_otpctl_using_subcommand ls; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -f -a "project" -d 'Select a project; without an ID, print the selected one'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and not __fish_seen_subcommand_from project help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from project" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from project" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Versioned JSON for scripts'"
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from project" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from project" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from project" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from project" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from help" -f -a "project" -d 'Select a project; without an ID, print the selected one'
complete -c otpctl -n "__fish_otpctl_using_subcommand use; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "project" -d 'Show a project\'s metadata'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "identity-config" -d 'Print an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "ic" -d 'Print an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "kratos-config" -d 'Print an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "config-schema" -d 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "courier-message" -d 'Show a courier message with its delivery attempts'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "identity" -d 'Show an identity'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "identities" -d 'Show an identity'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "code" -d 'Print the newest code sent to an address (for scripts and end-to-end tests)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and not __fish_seen_subcommand_from project identity-config ic kratos-config config-schema courier-message identity identities code help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from project" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from project" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Versioned JSON for scripts'"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from project" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from project" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from project" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from project" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -l format -d 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file\'s own format, as written)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -l redact -d 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -l format -d 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file\'s own format, as written)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -l redact -d 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from ic" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -l format -d 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file\'s own format, as written)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -l redact -d 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from kratos-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from config-schema" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from config-schema" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from config-schema" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from config-schema" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from config-schema" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from courier-message" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identity" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from identities" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l recipient -d 'The email address or phone number the code was sent to' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l flow -d 'Only a code sent for this flow (printed by the step that sent it)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l wait -d 'Wait up to this long (such as 30s) for a code to arrive' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from code" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "project" -d 'Show a project\'s metadata'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "identity-config" -d 'Print an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "config-schema" -d 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "courier-message" -d 'Show a courier message with its delivery attempts'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "identity" -d 'Show an identity'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "code" -d 'Print the newest code sent to an address (for scripts and end-to-end tests)'
complete -c otpctl -n "__fish_otpctl_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "identity-config" -d 'Apply --add/--replace/--remove/--file operations to an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "ic" -d 'Apply --add/--replace/--remove/--file operations to an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "kratos-config" -d 'Apply --add/--replace/--remove/--file operations to an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l add -d 'Add a value: \'/json/pointer=<JSON value>\' (strict JSON: quote strings, \'/x="text"\')' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l replace -d 'Replace an existing value: \'/json/pointer=<JSON value>\'' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l remove -d 'Remove a value: \'/json/pointer\'' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -s f -l file -d 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l format -d 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l dry-run -d 'Print the patched config instead of writing it'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l diff -d 'Print a unified diff of the change'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l reformat -d 'If the change cannot be made in place, write the config re-serialised (comments are lost)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l strict -d 'Refuse the result for any error, also one that was in the config before this patch'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -l force -d 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from identity-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l add -d 'Add a value: \'/json/pointer=<JSON value>\' (strict JSON: quote strings, \'/x="text"\')' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l replace -d 'Replace an existing value: \'/json/pointer=<JSON value>\'' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l remove -d 'Remove a value: \'/json/pointer\'' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -s f -l file -d 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l format -d 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l dry-run -d 'Print the patched config instead of writing it'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l diff -d 'Print a unified diff of the change'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l reformat -d 'If the change cannot be made in place, write the config re-serialised (comments are lost)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l strict -d 'Refuse the result for any error, also one that was in the config before this patch'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -l force -d 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from ic" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l add -d 'Add a value: \'/json/pointer=<JSON value>\' (strict JSON: quote strings, \'/x="text"\')' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l replace -d 'Replace an existing value: \'/json/pointer=<JSON value>\'' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l remove -d 'Remove a value: \'/json/pointer\'' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -s f -l file -d 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l format -d 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l dry-run -d 'Print the patched config instead of writing it'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l diff -d 'Print a unified diff of the change'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l reformat -d 'If the change cannot be made in place, write the config re-serialised (comments are lost)'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l strict -d 'Refuse the result for any error, also one that was in the config before this patch'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -l force -d 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from kratos-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from help" -f -a "identity-config" -d 'Apply --add/--replace/--remove/--file operations to an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand patch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "identity-config" -d 'Replace an identity config with one or more files, merged in order'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "ic" -d 'Replace an identity config with one or more files, merged in order'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "kratos-config" -d 'Replace an identity config with one or more files, merged in order'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and not __fish_seen_subcommand_from identity-config ic kratos-config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -s f -l file -d 'The new config (YAML or JSON, `-` for stdin); several files are merged in order' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l format -d 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l dry-run -d 'Print the new config instead of writing it'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l diff -d 'Print a unified diff of the change'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l strict -d 'Refuse the result for any error, also one that was in the config before'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -l force -d 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from identity-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -s f -l file -d 'The new config (YAML or JSON, `-` for stdin); several files are merged in order' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l format -d 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l dry-run -d 'Print the new config instead of writing it'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l diff -d 'Print a unified diff of the change'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l strict -d 'Refuse the result for any error, also one that was in the config before'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -l force -d 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from ic" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -s f -l file -d 'The new config (YAML or JSON, `-` for stdin); several files are merged in order' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l format -d 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l workspace -d 'Accepted for the Ory CLI\'s commands and ignored: workspaces are an Ory Network notion' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l dry-run -d 'Print the new config instead of writing it'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l diff -d 'Print a unified diff of the change'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l strict -d 'Refuse the result for any error, also one that was in the config before'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -l force -d 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from kratos-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "identity-config" -d 'Replace an identity config with one or more files, merged in order'
complete -c otpctl -n "__fish_otpctl_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -f -a "project" -d 'Delete a project and its files (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -f -a "identity" -d 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -f -a "identities" -d 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and not __fish_seen_subcommand_from project identity identities help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from project" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from project" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from project" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from project" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from project" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identity" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from identities" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "project" -d 'Delete a project and its files (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "identity" -d 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "identity-config" -d 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "ic" -d 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "kratos-config" -d 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "identity-schema" -d 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "identity" -d 'Validate identity documents against the project\'s identity schemas'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "identities" -d 'Validate identity documents against the project\'s identity schemas'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and not __fish_seen_subcommand_from identity-config ic kratos-config identity-schema identity identities help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -l format -d 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)' -r -f -a "human\t'Compiler-style messages with the offending line'
json\t'Versioned JSON (`{"version":1,…}`)'
github\t'GitHub Actions workflow commands (`::error file=…,line=…::…`)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
gitlab\t'GitLab\'s code-quality report (a CodeClimate JSON array), for merge requests'"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -l deny-warnings -d 'Fail (exit 10) on warnings too'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -l format -d 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)' -r -f -a "human\t'Compiler-style messages with the offending line'
json\t'Versioned JSON (`{"version":1,…}`)'
github\t'GitHub Actions workflow commands (`::error file=…,line=…::…`)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
gitlab\t'GitLab\'s code-quality report (a CodeClimate JSON array), for merge requests'"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -l deny-warnings -d 'Fail (exit 10) on warnings too'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from ic" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -l format -d 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)' -r -f -a "human\t'Compiler-style messages with the offending line'
json\t'Versioned JSON (`{"version":1,…}`)'
github\t'GitHub Actions workflow commands (`::error file=…,line=…::…`)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
gitlab\t'GitLab\'s code-quality report (a CodeClimate JSON array), for merge requests'"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -l deny-warnings -d 'Fail (exit 10) on warnings too'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from kratos-config" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -l format -d 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)' -r -f -a "human\t'Compiler-style messages with the offending line'
json\t'Versioned JSON (`{"version":1,…}`)'
github\t'GitHub Actions workflow commands (`::error file=…,line=…::…`)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
gitlab\t'GitLab\'s code-quality report (a CodeClimate JSON array), for merge requests'"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -l deny-warnings -d 'Fail (exit 10) on warnings too'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity-schema" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -l schema -d 'Check every document against this identity schema instead of the project\'s' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -l format -d 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)' -r -f -a "human\t'Compiler-style messages with the offending line'
json\t'Versioned JSON (`{"version":1,…}`)'
github\t'GitHub Actions workflow commands (`::error file=…,line=…::…`)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
gitlab\t'GitLab\'s code-quality report (a CodeClimate JSON array), for merge requests'"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -l deny-warnings -d 'Fail (exit 10) on warnings too'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identity" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -l schema -d 'Check every document against this identity schema instead of the project\'s' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -l format -d 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)' -r -f -a "human\t'Compiler-style messages with the offending line'
json\t'Versioned JSON (`{"version":1,…}`)'
github\t'GitHub Actions workflow commands (`::error file=…,line=…::…`)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
gitlab\t'GitLab\'s code-quality report (a CodeClimate JSON array), for merge requests'"
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -l deny-warnings -d 'Fail (exit 10) on warnings too'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from identities" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from help" -f -a "identity-config" -d 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from help" -f -a "identity-schema" -d 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from help" -f -a "identity" -d 'Validate identity documents against the project\'s identity schemas'
complete -c otpctl -n "__fish_otpctl_using_subcommand validate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l trait -d 'A trait, `name=value` (dots for nested traits: `name.first=Ada`); repeatable' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l traits -d 'All traits as a JSON object (merged under the --trait values)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l flow -d 'Continue this flow: with --code to submit a code, or --resend' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l code -d 'The code that was sent (with --flow)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l format -d 'Output format' -r -f -a "text\t'`key: value` lines (flow, identity, session_token, verified)'
json\t'`{"version":1,…}` with the flow, session or identity as Kratos returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l resend -d 'Send a new code for --flow; older codes stop working'
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -l auto -d 'Read the code from the local outbox and complete the flow at once'
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand register" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l identifier -d 'The email address or phone number of the account' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l flow -d 'Continue this flow: with --code to submit a code, or --resend' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l code -d 'The code that was sent (with --flow)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l format -d 'Output format' -r -f -a "text\t'`key: value` lines (flow, identity, session_token, verified)'
json\t'`{"version":1,…}` with the flow, session or identity as Kratos returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l resend -d 'Send a new code for --flow; older codes stop working'
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -l auto -d 'Read the code from the local outbox and complete the flow at once'
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand login" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l address -d 'The email address or phone number to verify' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l flow -d 'Continue this flow: with --code to submit a code, or --resend' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l code -d 'The code that was sent (with --flow)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l format -d 'Output format' -r -f -a "text\t'`key: value` lines (flow, identity, session_token, verified)'
json\t'`{"version":1,…}` with the flow, session or identity as Kratos returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l resend -d 'Send a new code for --flow; older codes stop working'
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -l auto -d 'Read the code from the local outbox and complete the flow at once'
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand verify" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l session-token -d 'The session token (printed by `login` and `register` as `session_token`)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -l format -d 'Output format' -r -f -a "text\t'`key: value` lines (flow, identity, session_token, verified)'
json\t'`{"version":1,…}` with the flow, session or identity as Kratos returns them'"
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -l session-token -d 'The session token (printed by `login` and `register` as `session_token`)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -f -a "identities" -d 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -f -a "identity" -d 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and not __fish_seen_subcommand_from identities identity help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identities" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -l endpoint -d 'Call Kratos\' public API at URL (`otpctl serve`, or any Kratos) instead of the project\'s local engine' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -l admin-endpoint -d 'Call Kratos\' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from identity" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "identities" -d 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
complete -c otpctl -n "__fish_otpctl_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -f -a "watch" -d 'Send queued messages until interrupted, retrying failures with back-off'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and not __fish_seen_subcommand_from watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Send queued messages until interrupted, retrying failures with back-off'
complete -c otpctl -n "__fish_otpctl_using_subcommand courier; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l listen -d 'Where the public API listens' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l admin-listen -d 'Where the admin API listens (loopback unless --expose-admin)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l base-url -d 'The public URL that links, redirects and `ui.action` use, in place of `serve.public.base_url` (needed when --listen picks another port)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l log-format -d 'The log\'s format on stderr: one line per request and courier attempt' -r -f -a "text\t''
json\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l expose-admin -d 'Let the admin API listen on an address other machines can reach. It has no authentication, as Kratos\' admin API: put it behind your own gate'
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -l dev -d 'Development: cookies without `Secure` even off loopback'
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -l dir -d 'Keep the project in this directory (created if missing; default: a temporary one, removed afterwards)' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -l email -d 'The demo user\'s email address' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -l phone -d 'The demo user\'s phone number (international format)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand quickstart" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -f -a "oidc-mapper" -d 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and not __fish_seen_subcommand_from oidc-mapper help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l claims -d 'The provider\'s claims, as JSON or YAML' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l schema-id -d 'The identity schema id of the project\'s config (default: its default schema)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l schema -d 'An identity schema file to use instead of the project\'s' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l format -d 'Output format' -r -f -a "text\t'The traits and one line per verifiable address'
json\t'`{"version":1, traits, verifiable_addresses, ignored_verified_addresses, …}`'"
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from oidc-mapper" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from help" -f -a "oidc-mapper" -d 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over'
complete -c otpctl -n "__fish_otpctl_using_subcommand evaluate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -f -a "template" -d 'Preview a courier template of the project\'s config with sample or given data'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and not __fish_seen_subcommand_from template help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -l project -d 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)' -r
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -l allow-outside -d 'Let the config\'s file:// references reach PATH too (repeatable); by default they stay inside the config\'s directory, or its git repository' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -l via -d 'The channel to render' -r -f -a "email\t'The email: subject, plaintext and HTML bodies'
sms\t'The SMS text (only types that have one)'"
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -l data -d 'Render with this template_data (a JSON object; `-` for stdin) instead of sample data' -r -F
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -l format -d 'Output format' -r -f -a "text\t'The rendered texts for people'
json\t'Versioned JSON for scripts'"
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from template" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from help" -f -a "template" -d 'Preview a courier template of the project\'s config with sample or given data'
complete -c otpctl -n "__fish_otpctl_using_subcommand render; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand completion" -l color -d 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c otpctl -n "__fish_otpctl_using_subcommand completion" -s y -l yes -d 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
complete -c otpctl -n "__fish_otpctl_using_subcommand completion" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c otpctl -n "__fish_otpctl_using_subcommand completion" -s h -l help -d 'Print help'
complete -c otpctl -n "__fish_otpctl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "create" -d 'Create a local project'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "list" -d 'List projects, or the local engine\'s identities and courier messages'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "use" -d 'Select the project that config commands use by default'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "get" -d 'Show a project, its identity config, or an identity or courier message of its engine'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "patch" -d 'Change an identity config with JSON Patch operations, keeping its comments'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "update" -d 'Replace an identity config with the contents of files'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "delete" -d 'Delete a project, or an identity of its engine'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "validate" -d 'Validate configs, identity schemas and identities (for people and CI)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "register" -d 'Sign up by code on the project\'s local engine (or a Kratos at --endpoint)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "login" -d 'Log in by code on the project\'s local engine (or a Kratos at --endpoint)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "verify" -d 'Verify an email address or phone number by code (locally, or at --endpoint)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "whoami" -d 'Show the session of a session token (Kratos\' /sessions/whoami)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "logout" -d 'End the session of a session token (Kratos\' native logout)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "import" -d 'Import identities into the project\'s local engine (or a Kratos at --admin-endpoint)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "courier" -d 'Run the courier that sends the local engine\'s queued messages'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "serve" -d 'Serve the project\'s engine as Kratos\' public and admin HTTP APIs, with the courier'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "quickstart" -d 'Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "evaluate" -d 'Evaluate a Jsonnet OIDC claims mapper against claims'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "render" -d 'Preview what the courier would send'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and not __fish_seen_subcommand_from create list use get patch update delete validate register login verify whoami logout import courier serve quickstart evaluate render completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "project" -d 'Create a project from a preset: a commented identity config and its identity schema'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from list" -f -a "projects" -d 'List the local projects'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from list" -f -a "courier-messages" -d 'List the courier messages (the outbox), newest first'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from list" -f -a "identities" -d 'List the identities'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from use" -f -a "project" -d 'Select a project; without an ID, print the selected one'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "project" -d 'Show a project\'s metadata'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "identity-config" -d 'Print an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "config-schema" -d 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "courier-message" -d 'Show a courier message with its delivery attempts'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "identity" -d 'Show an identity'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "code" -d 'Print the newest code sent to an address (for scripts and end-to-end tests)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from patch" -f -a "identity-config" -d 'Apply --add/--replace/--remove/--file operations to an identity config'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from update" -f -a "identity-config" -d 'Replace an identity config with one or more files, merged in order'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "project" -d 'Delete a project and its files (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "identity" -d 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from validate" -f -a "identity-config" -d 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from validate" -f -a "identity-schema" -d 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from validate" -f -a "identity" -d 'Validate identity documents against the project\'s identity schemas'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "identities" -d 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from courier" -f -a "watch" -d 'Send queued messages until interrupted, retrying failures with back-off'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from evaluate" -f -a "oidc-mapper" -d 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over'
complete -c otpctl -n "__fish_otpctl_using_subcommand help; and __fish_seen_subcommand_from render" -f -a "template" -d 'Preview a courier template of the project\'s config with sample or given data'
