
use builtin;
use str;

set edit:completion:arg-completer[otpctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'otpctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'otpctl'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a local project'
            cand list 'List projects, or the local engine''s identities and courier messages'
            cand ls 'List projects, or the local engine''s identities and courier messages'
            cand use 'Select the project that config commands use by default'
            cand get 'Show a project, its identity config, or an identity or courier message of its engine'
            cand patch 'Change an identity config with JSON Patch operations, keeping its comments'
            cand update 'Replace an identity config with the contents of files'
            cand delete 'Delete a project, or an identity of its engine'
            cand validate 'Validate configs, identity schemas and identities (for people and CI)'
            cand register 'Sign up by code on the project''s local engine (or a Kratos at --endpoint)'
            cand login 'Log in by code on the project''s local engine (or a Kratos at --endpoint)'
            cand verify 'Verify an email address or phone number by code (locally, or at --endpoint)'
            cand whoami 'Show the session of a session token (Kratos'' /sessions/whoami)'
            cand logout 'End the session of a session token (Kratos'' native logout)'
            cand import 'Import identities into the project''s local engine (or a Kratos at --admin-endpoint)'
            cand courier 'Run the courier that sends the local engine''s queued messages'
            cand serve 'Serve the project''s engine as Kratos'' public and admin HTTP APIs, with the courier'
            cand quickstart 'Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS'
            cand evaluate 'Evaluate a Jsonnet OIDC claims mapper against claims'
            cand render 'Preview what the courier would send'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;create'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand project 'Create a project from a preset: a commented identity config and its identity schema'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;create;project'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -n 'A name for the project (default: the preset and the start of the ID)'
            cand --name 'A name for the project (default: the preset and the start of the ID)'
            cand --preset 'The identity schema to start from'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --use 'Select the new project (done anyway when none is selected yet)'
            cand --allow-duplicate 'Create it even if a project with this name exists (it is then found by ID only)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;create;help'= {
            cand project 'Create a project from a preset: a commented identity config and its identity schema'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;create;help;project'= {
        }
        &'otpctl;create;help;help'= {
        }
        &'otpctl;list'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand projects 'List the local projects'
            cand courier-messages 'List the courier messages (the outbox), newest first'
            cand identities 'List the identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;ls'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand projects 'List the local projects'
            cand courier-messages 'List the courier messages (the outbox), newest first'
            cand identities 'List the identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;list;projects'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;ls;projects'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;list;courier-messages'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --status 'Only messages with this status'
            cand --recipient 'Only messages to this address or number'
            cand --page-size 'Entries per page (courier messages newest first, identities oldest first)'
            cand --page 'Page number, from 0'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;ls;courier-messages'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --status 'Only messages with this status'
            cand --recipient 'Only messages to this address or number'
            cand --page-size 'Entries per page (courier messages newest first, identities oldest first)'
            cand --page 'Page number, from 0'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;list;identities'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --page-size 'Entries per page (courier messages newest first, identities oldest first)'
            cand --page 'Page number, from 0'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;ls;identities'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --page-size 'Entries per page (courier messages newest first, identities oldest first)'
            cand --page 'Page number, from 0'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;list;help'= {
            cand projects 'List the local projects'
            cand courier-messages 'List the courier messages (the outbox), newest first'
            cand identities 'List the identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;list;help;projects'= {
        }
        &'otpctl;list;help;courier-messages'= {
        }
        &'otpctl;list;help;identities'= {
        }
        &'otpctl;list;help;help'= {
        }
        &'otpctl;ls;help'= {
            cand projects 'List the local projects'
            cand courier-messages 'List the courier messages (the outbox), newest first'
            cand identities 'List the identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;ls;help;projects'= {
        }
        &'otpctl;ls;help;courier-messages'= {
        }
        &'otpctl;ls;help;identities'= {
        }
        &'otpctl;ls;help;help'= {
        }
        &'otpctl;use'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand project 'Select a project; without an ID, print the selected one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;use;project'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;use;help'= {
            cand project 'Select a project; without an ID, print the selected one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;use;help;project'= {
        }
        &'otpctl;use;help;help'= {
        }
        &'otpctl;get'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand project 'Show a project''s metadata'
            cand identity-config 'Print an identity config'
            cand ic 'Print an identity config'
            cand kratos-config 'Print an identity config'
            cand config-schema 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against'
            cand courier-message 'Show a courier message with its delivery attempts'
            cand identity 'Show an identity'
            cand identities 'Show an identity'
            cand code 'Print the newest code sent to an address (for scripts and end-to-end tests)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;get;project'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;identity-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --format 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file''s own format, as written)'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --redact 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;ic'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --format 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file''s own format, as written)'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --redact 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;kratos-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --format 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file''s own format, as written)'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --redact 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;config-schema'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;courier-message'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;identity'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;identities'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;code'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --recipient 'The email address or phone number the code was sent to'
            cand --flow 'Only a code sent for this flow (printed by the step that sent it)'
            cand --wait 'Wait up to this long (such as 30s) for a code to arrive'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;get;help'= {
            cand project 'Show a project''s metadata'
            cand identity-config 'Print an identity config'
            cand config-schema 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against'
            cand courier-message 'Show a courier message with its delivery attempts'
            cand identity 'Show an identity'
            cand code 'Print the newest code sent to an address (for scripts and end-to-end tests)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;get;help;project'= {
        }
        &'otpctl;get;help;identity-config'= {
        }
        &'otpctl;get;help;config-schema'= {
        }
        &'otpctl;get;help;courier-message'= {
        }
        &'otpctl;get;help;identity'= {
        }
        &'otpctl;get;help;code'= {
        }
        &'otpctl;get;help;help'= {
        }
        &'otpctl;patch'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand identity-config 'Apply --add/--replace/--remove/--file operations to an identity config'
            cand ic 'Apply --add/--replace/--remove/--file operations to an identity config'
            cand kratos-config 'Apply --add/--replace/--remove/--file operations to an identity config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;patch;identity-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --add 'Add a value: ''/json/pointer=<JSON value>'' (strict JSON: quote strings, ''/x="text"'')'
            cand --replace 'Replace an existing value: ''/json/pointer=<JSON value>'''
            cand --remove 'Remove a value: ''/json/pointer'''
            cand -f 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping'
            cand --file 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping'
            cand --format 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --dry-run 'Print the patched config instead of writing it'
            cand --diff 'Print a unified diff of the change'
            cand --reformat 'If the change cannot be made in place, write the config re-serialised (comments are lost)'
            cand --strict 'Refuse the result for any error, also one that was in the config before this patch'
            cand --force 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;patch;ic'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --add 'Add a value: ''/json/pointer=<JSON value>'' (strict JSON: quote strings, ''/x="text"'')'
            cand --replace 'Replace an existing value: ''/json/pointer=<JSON value>'''
            cand --remove 'Remove a value: ''/json/pointer'''
            cand -f 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping'
            cand --file 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping'
            cand --format 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --dry-run 'Print the patched config instead of writing it'
            cand --diff 'Print a unified diff of the change'
            cand --reformat 'If the change cannot be made in place, write the config re-serialised (comments are lost)'
            cand --strict 'Refuse the result for any error, also one that was in the config before this patch'
            cand --force 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;patch;kratos-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --add 'Add a value: ''/json/pointer=<JSON value>'' (strict JSON: quote strings, ''/x="text"'')'
            cand --replace 'Replace an existing value: ''/json/pointer=<JSON value>'''
            cand --remove 'Remove a value: ''/json/pointer'''
            cand -f 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping'
            cand --file 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping'
            cand --format 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --dry-run 'Print the patched config instead of writing it'
            cand --diff 'Print a unified diff of the change'
            cand --reformat 'If the change cannot be made in place, write the config re-serialised (comments are lost)'
            cand --strict 'Refuse the result for any error, also one that was in the config before this patch'
            cand --force 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;patch;help'= {
            cand identity-config 'Apply --add/--replace/--remove/--file operations to an identity config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;patch;help;identity-config'= {
        }
        &'otpctl;patch;help;help'= {
        }
        &'otpctl;update'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand identity-config 'Replace an identity config with one or more files, merged in order'
            cand ic 'Replace an identity config with one or more files, merged in order'
            cand kratos-config 'Replace an identity config with one or more files, merged in order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;update;identity-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand -f 'The new config (YAML or JSON, `-` for stdin); several files are merged in order'
            cand --file 'The new config (YAML or JSON, `-` for stdin); several files are merged in order'
            cand --format 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --dry-run 'Print the new config instead of writing it'
            cand --diff 'Print a unified diff of the change'
            cand --strict 'Refuse the result for any error, also one that was in the config before'
            cand --force 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;update;ic'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand -f 'The new config (YAML or JSON, `-` for stdin); several files are merged in order'
            cand --file 'The new config (YAML or JSON, `-` for stdin); several files are merged in order'
            cand --format 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --dry-run 'Print the new config instead of writing it'
            cand --diff 'Print a unified diff of the change'
            cand --strict 'Refuse the result for any error, also one that was in the config before'
            cand --force 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;update;kratos-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand -f 'The new config (YAML or JSON, `-` for stdin); several files are merged in order'
            cand --file 'The new config (YAML or JSON, `-` for stdin); several files are merged in order'
            cand --format 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer'
            cand --workspace 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --dry-run 'Print the new config instead of writing it'
            cand --diff 'Print a unified diff of the change'
            cand --strict 'Refuse the result for any error, also one that was in the config before'
            cand --force 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;update;help'= {
            cand identity-config 'Replace an identity config with one or more files, merged in order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;update;help;identity-config'= {
        }
        &'otpctl;update;help;help'= {
        }
        &'otpctl;delete'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand project 'Delete a project and its files (asks first on a terminal; --yes otherwise)'
            cand identity 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
            cand identities 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;delete;project'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;delete;identity'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;delete;identities'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;delete;help'= {
            cand project 'Delete a project and its files (asks first on a terminal; --yes otherwise)'
            cand identity 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;delete;help;project'= {
        }
        &'otpctl;delete;help;identity'= {
        }
        &'otpctl;delete;help;help'= {
        }
        &'otpctl;validate'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand identity-config 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
            cand ic 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
            cand kratos-config 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
            cand identity-schema 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules'
            cand identity 'Validate identity documents against the project''s identity schemas'
            cand identities 'Validate identity documents against the project''s identity schemas'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;validate;identity-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --format 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --deny-warnings 'Fail (exit 10) on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;validate;ic'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --format 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --deny-warnings 'Fail (exit 10) on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;validate;kratos-config'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --format 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --deny-warnings 'Fail (exit 10) on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;validate;identity-schema'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --format 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --deny-warnings 'Fail (exit 10) on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;validate;identity'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --schema 'Check every document against this identity schema instead of the project''s'
            cand --format 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --deny-warnings 'Fail (exit 10) on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;validate;identities'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --schema 'Check every document against this identity schema instead of the project''s'
            cand --format 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --deny-warnings 'Fail (exit 10) on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;validate;help'= {
            cand identity-config 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
            cand identity-schema 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules'
            cand identity 'Validate identity documents against the project''s identity schemas'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;validate;help;identity-config'= {
        }
        &'otpctl;validate;help;identity-schema'= {
        }
        &'otpctl;validate;help;identity'= {
        }
        &'otpctl;validate;help;help'= {
        }
        &'otpctl;register'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --trait 'A trait, `name=value` (dots for nested traits: `name.first=Ada`); repeatable'
            cand --traits 'All traits as a JSON object (merged under the --trait values)'
            cand --flow 'Continue this flow: with --code to submit a code, or --resend'
            cand --code 'The code that was sent (with --flow)'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --resend 'Send a new code for --flow; older codes stop working'
            cand --auto 'Read the code from the local outbox and complete the flow at once'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;login'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --identifier 'The email address or phone number of the account'
            cand --flow 'Continue this flow: with --code to submit a code, or --resend'
            cand --code 'The code that was sent (with --flow)'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --resend 'Send a new code for --flow; older codes stop working'
            cand --auto 'Read the code from the local outbox and complete the flow at once'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;verify'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --address 'The email address or phone number to verify'
            cand --flow 'Continue this flow: with --code to submit a code, or --resend'
            cand --code 'The code that was sent (with --flow)'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --resend 'Send a new code for --flow; older codes stop working'
            cand --auto 'Read the code from the local outbox and complete the flow at once'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;whoami'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --session-token 'The session token (printed by `login` and `register` as `session_token`)'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;logout'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --session-token 'The session token (printed by `login` and `register` as `session_token`)'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;import'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand identities 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
            cand identity 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;import;identities'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;import;identity'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --endpoint 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine'
            cand --admin-endpoint 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;import;help'= {
            cand identities 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;import;help;identities'= {
        }
        &'otpctl;import;help;help'= {
        }
        &'otpctl;courier'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand watch 'Send queued messages until interrupted, retrying failures with back-off'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;courier;watch'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;courier;help'= {
            cand watch 'Send queued messages until interrupted, retrying failures with back-off'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;courier;help;watch'= {
        }
        &'otpctl;courier;help;help'= {
        }
        &'otpctl;serve'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --listen 'Where the public API listens'
            cand --admin-listen 'Where the admin API listens (loopback unless --expose-admin)'
            cand --base-url 'The public URL that links, redirects and `ui.action` use, in place of `serve.public.base_url` (needed when --listen picks another port)'
            cand --log-format 'The log''s format on stderr: one line per request and courier attempt'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand --expose-admin 'Let the admin API listen on an address other machines can reach. It has no authentication, as Kratos'' admin API: put it behind your own gate'
            cand --dev 'Development: cookies without `Secure` even off loopback'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;quickstart'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --dir 'Keep the project in this directory (created if missing; default: a temporary one, removed afterwards)'
            cand --email 'The demo user''s email address'
            cand --phone 'The demo user''s phone number (international format)'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;evaluate'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand oidc-mapper 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;evaluate;oidc-mapper'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --claims 'The provider''s claims, as JSON or YAML'
            cand --schema-id 'The identity schema id of the project''s config (default: its default schema)'
            cand --schema 'An identity schema file to use instead of the project''s'
            cand --format 'Output format'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;evaluate;help'= {
            cand oidc-mapper 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;evaluate;help;oidc-mapper'= {
        }
        &'otpctl;evaluate;help;help'= {
        }
        &'otpctl;render'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand template 'Preview a courier template of the project''s config with sample or given data'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;render;template'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand --project 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)'
            cand --allow-outside 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository'
            cand --via 'The channel to render'
            cand --data 'Render with this template_data (a JSON object; `-` for stdin) instead of sample data'
            cand --format 'Output format'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;render;help'= {
            cand template 'Preview a courier template of the project''s config with sample or given data'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;render;help;template'= {
        }
        &'otpctl;render;help;help'= {
        }
        &'otpctl;completion'= {
            cand --color 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand --yes 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'otpctl;help'= {
            cand create 'Create a local project'
            cand list 'List projects, or the local engine''s identities and courier messages'
            cand use 'Select the project that config commands use by default'
            cand get 'Show a project, its identity config, or an identity or courier message of its engine'
            cand patch 'Change an identity config with JSON Patch operations, keeping its comments'
            cand update 'Replace an identity config with the contents of files'
            cand delete 'Delete a project, or an identity of its engine'
            cand validate 'Validate configs, identity schemas and identities (for people and CI)'
            cand register 'Sign up by code on the project''s local engine (or a Kratos at --endpoint)'
            cand login 'Log in by code on the project''s local engine (or a Kratos at --endpoint)'
            cand verify 'Verify an email address or phone number by code (locally, or at --endpoint)'
            cand whoami 'Show the session of a session token (Kratos'' /sessions/whoami)'
            cand logout 'End the session of a session token (Kratos'' native logout)'
            cand import 'Import identities into the project''s local engine (or a Kratos at --admin-endpoint)'
            cand courier 'Run the courier that sends the local engine''s queued messages'
            cand serve 'Serve the project''s engine as Kratos'' public and admin HTTP APIs, with the courier'
            cand quickstart 'Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS'
            cand evaluate 'Evaluate a Jsonnet OIDC claims mapper against claims'
            cand render 'Preview what the courier would send'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'otpctl;help;create'= {
            cand project 'Create a project from a preset: a commented identity config and its identity schema'
        }
        &'otpctl;help;create;project'= {
        }
        &'otpctl;help;list'= {
            cand projects 'List the local projects'
            cand courier-messages 'List the courier messages (the outbox), newest first'
            cand identities 'List the identities'
        }
        &'otpctl;help;list;projects'= {
        }
        &'otpctl;help;list;courier-messages'= {
        }
        &'otpctl;help;list;identities'= {
        }
        &'otpctl;help;use'= {
            cand project 'Select a project; without an ID, print the selected one'
        }
        &'otpctl;help;use;project'= {
        }
        &'otpctl;help;get'= {
            cand project 'Show a project''s metadata'
            cand identity-config 'Print an identity config'
            cand config-schema 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against'
            cand courier-message 'Show a courier message with its delivery attempts'
            cand identity 'Show an identity'
            cand code 'Print the newest code sent to an address (for scripts and end-to-end tests)'
        }
        &'otpctl;help;get;project'= {
        }
        &'otpctl;help;get;identity-config'= {
        }
        &'otpctl;help;get;config-schema'= {
        }
        &'otpctl;help;get;courier-message'= {
        }
        &'otpctl;help;get;identity'= {
        }
        &'otpctl;help;get;code'= {
        }
        &'otpctl;help;patch'= {
            cand identity-config 'Apply --add/--replace/--remove/--file operations to an identity config'
        }
        &'otpctl;help;patch;identity-config'= {
        }
        &'otpctl;help;update'= {
            cand identity-config 'Replace an identity config with one or more files, merged in order'
        }
        &'otpctl;help;update;identity-config'= {
        }
        &'otpctl;help;delete'= {
            cand project 'Delete a project and its files (asks first on a terminal; --yes otherwise)'
            cand identity 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)'
        }
        &'otpctl;help;delete;project'= {
        }
        &'otpctl;help;delete;identity'= {
        }
        &'otpctl;help;validate'= {
            cand identity-config 'Validate identity configs: schema, cross-checks, and the identity schemas they reference'
            cand identity-schema 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules'
            cand identity 'Validate identity documents against the project''s identity schemas'
        }
        &'otpctl;help;validate;identity-config'= {
        }
        &'otpctl;help;validate;identity-schema'= {
        }
        &'otpctl;help;validate;identity'= {
        }
        &'otpctl;help;register'= {
        }
        &'otpctl;help;login'= {
        }
        &'otpctl;help;verify'= {
        }
        &'otpctl;help;whoami'= {
        }
        &'otpctl;help;logout'= {
        }
        &'otpctl;help;import'= {
            cand identities 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files'
        }
        &'otpctl;help;import;identities'= {
        }
        &'otpctl;help;courier'= {
            cand watch 'Send queued messages until interrupted, retrying failures with back-off'
        }
        &'otpctl;help;courier;watch'= {
        }
        &'otpctl;help;serve'= {
        }
        &'otpctl;help;quickstart'= {
        }
        &'otpctl;help;evaluate'= {
            cand oidc-mapper 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over'
        }
        &'otpctl;help;evaluate;oidc-mapper'= {
        }
        &'otpctl;help;render'= {
            cand template 'Preview a courier template of the project''s config with sample or given data'
        }
        &'otpctl;help;render;template'= {
        }
        &'otpctl;help;completion'= {
        }
        &'otpctl;help;help'= {
        }
    ]
    $completions[$command]
}
