
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'otpctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'otpctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'otpctl' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a local project')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List projects, or the local engine''s identities and courier messages')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List projects, or the local engine''s identities and courier messages')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Select the project that config commands use by default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a project, its identity config, or an identity or courier message of its engine')
            [CompletionResult]::new('patch', 'patch', [CompletionResultType]::ParameterValue, 'Change an identity config with JSON Patch operations, keeping its comments')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Replace an identity config with the contents of files')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a project, or an identity of its engine')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate configs, identity schemas and identities (for people and CI)')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Sign up by code on the project''s local engine (or a Kratos at --endpoint)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in by code on the project''s local engine (or a Kratos at --endpoint)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an email address or phone number by code (locally, or at --endpoint)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the session of a session token (Kratos'' /sessions/whoami)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session of a session token (Kratos'' native logout)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import identities into the project''s local engine (or a Kratos at --admin-endpoint)')
            [CompletionResult]::new('courier', 'courier', [CompletionResultType]::ParameterValue, 'Run the courier that sends the local engine''s queued messages')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the project''s engine as Kratos'' public and admin HTTP APIs, with the courier')
            [CompletionResult]::new('quickstart', 'quickstart', [CompletionResultType]::ParameterValue, 'Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS')
            [CompletionResult]::new('evaluate', 'evaluate', [CompletionResultType]::ParameterValue, 'Evaluate a Jsonnet OIDC claims mapper against claims')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Preview what the courier would send')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;create' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Create a project from a preset: a commented identity config and its identity schema')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;create;project' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'A name for the project (default: the preset and the start of the ID)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the project (default: the preset and the start of the ID)')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'The identity schema to start from')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--use', '--use', [CompletionResultType]::ParameterName, 'Select the new project (done anyway when none is selected yet)')
            [CompletionResult]::new('--allow-duplicate', '--allow-duplicate', [CompletionResultType]::ParameterName, 'Create it even if a project with this name exists (it is then found by ID only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;create;help' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Create a project from a preset: a commented identity config and its identity schema')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;create;help;project' {
            break
        }
        'otpctl;create;help;help' {
            break
        }
        'otpctl;list' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the local projects')
            [CompletionResult]::new('courier-messages', 'courier-messages', [CompletionResultType]::ParameterValue, 'List the courier messages (the outbox), newest first')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'List the identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;ls' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the local projects')
            [CompletionResult]::new('courier-messages', 'courier-messages', [CompletionResultType]::ParameterValue, 'List the courier messages (the outbox), newest first')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'List the identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;list;projects' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;ls;projects' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;list;courier-messages' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only messages with this status')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Only messages to this address or number')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries per page (courier messages newest first, identities oldest first)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page number, from 0')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;ls;courier-messages' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only messages with this status')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Only messages to this address or number')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries per page (courier messages newest first, identities oldest first)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page number, from 0')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;list;identities' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries per page (courier messages newest first, identities oldest first)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page number, from 0')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;ls;identities' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries per page (courier messages newest first, identities oldest first)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page number, from 0')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;list;help' {
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the local projects')
            [CompletionResult]::new('courier-messages', 'courier-messages', [CompletionResultType]::ParameterValue, 'List the courier messages (the outbox), newest first')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'List the identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;list;help;projects' {
            break
        }
        'otpctl;list;help;courier-messages' {
            break
        }
        'otpctl;list;help;identities' {
            break
        }
        'otpctl;list;help;help' {
            break
        }
        'otpctl;ls;help' {
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the local projects')
            [CompletionResult]::new('courier-messages', 'courier-messages', [CompletionResultType]::ParameterValue, 'List the courier messages (the outbox), newest first')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'List the identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;ls;help;projects' {
            break
        }
        'otpctl;ls;help;courier-messages' {
            break
        }
        'otpctl;ls;help;identities' {
            break
        }
        'otpctl;ls;help;help' {
            break
        }
        'otpctl;use' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Select a project; without an ID, print the selected one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;use;project' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;use;help' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Select a project; without an ID, print the selected one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;use;help;project' {
            break
        }
        'otpctl;use;help;help' {
            break
        }
        'otpctl;get' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Show a project''s metadata')
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Print an identity config')
            [CompletionResult]::new('ic', 'ic', [CompletionResultType]::ParameterValue, 'Print an identity config')
            [CompletionResult]::new('kratos-config', 'kratos-config', [CompletionResultType]::ParameterValue, 'Print an identity config')
            [CompletionResult]::new('config-schema', 'config-schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against')
            [CompletionResult]::new('courier-message', 'courier-message', [CompletionResultType]::ParameterValue, 'Show a courier message with its delivery attempts')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Show an identity')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'Show an identity')
            [CompletionResult]::new('code', 'code', [CompletionResultType]::ParameterValue, 'Print the newest code sent to an address (for scripts and end-to-end tests)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;get;project' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;identity-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file''s own format, as written)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;ic' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file''s own format, as written)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;kratos-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'yaml, json, json-pretty or jsonpointer=/pointer (default: the file''s own format, as written)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;config-schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;courier-message' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;identity' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;identities' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;code' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'The email address or phone number the code was sent to')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'Only a code sent for this flow (printed by the step that sent it)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait up to this long (such as 30s) for a code to arrive')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;get;help' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Show a project''s metadata')
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Print an identity config')
            [CompletionResult]::new('config-schema', 'config-schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against')
            [CompletionResult]::new('courier-message', 'courier-message', [CompletionResultType]::ParameterValue, 'Show a courier message with its delivery attempts')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Show an identity')
            [CompletionResult]::new('code', 'code', [CompletionResultType]::ParameterValue, 'Print the newest code sent to an address (for scripts and end-to-end tests)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;get;help;project' {
            break
        }
        'otpctl;get;help;identity-config' {
            break
        }
        'otpctl;get;help;config-schema' {
            break
        }
        'otpctl;get;help;courier-message' {
            break
        }
        'otpctl;get;help;identity' {
            break
        }
        'otpctl;get;help;code' {
            break
        }
        'otpctl;get;help;help' {
            break
        }
        'otpctl;patch' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Apply --add/--replace/--remove/--file operations to an identity config')
            [CompletionResult]::new('ic', 'ic', [CompletionResultType]::ParameterValue, 'Apply --add/--replace/--remove/--file operations to an identity config')
            [CompletionResult]::new('kratos-config', 'kratos-config', [CompletionResultType]::ParameterValue, 'Apply --add/--replace/--remove/--file operations to an identity config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;patch;identity-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Add a value: ''/json/pointer=<JSON value>'' (strict JSON: quote strings, ''/x="text"'')')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace an existing value: ''/json/pointer=<JSON value>''')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove a value: ''/json/pointer''')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patched config instead of writing it')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the change')
            [CompletionResult]::new('--reformat', '--reformat', [CompletionResultType]::ParameterName, 'If the change cannot be made in place, write the config re-serialised (comments are lost)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse the result for any error, also one that was in the config before this patch')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;patch;ic' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Add a value: ''/json/pointer=<JSON value>'' (strict JSON: quote strings, ''/x="text"'')')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace an existing value: ''/json/pointer=<JSON value>''')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove a value: ''/json/pointer''')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patched config instead of writing it')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the change')
            [CompletionResult]::new('--reformat', '--reformat', [CompletionResultType]::ParameterName, 'If the change cannot be made in place, write the config re-serialised (comments are lost)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse the result for any error, also one that was in the config before this patch')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;patch;kratos-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Add a value: ''/json/pointer=<JSON value>'' (strict JSON: quote strings, ''/x="text"'')')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace an existing value: ''/json/pointer=<JSON value>''')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove a value: ''/json/pointer''')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the patched config instead of writing it')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the change')
            [CompletionResult]::new('--reformat', '--reformat', [CompletionResultType]::ParameterName, 'If the change cannot be made in place, write the config re-serialised (comments are lost)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse the result for any error, also one that was in the config before this patch')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;patch;help' {
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Apply --add/--replace/--remove/--file operations to an identity config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;patch;help;identity-config' {
            break
        }
        'otpctl;patch;help;help' {
            break
        }
        'otpctl;update' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Replace an identity config with one or more files, merged in order')
            [CompletionResult]::new('ic', 'ic', [CompletionResultType]::ParameterValue, 'Replace an identity config with one or more files, merged in order')
            [CompletionResult]::new('kratos-config', 'kratos-config', [CompletionResultType]::ParameterValue, 'Replace an identity config with one or more files, merged in order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;update;identity-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The new config (YAML or JSON, `-` for stdin); several files are merged in order')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The new config (YAML or JSON, `-` for stdin); several files are merged in order')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the new config instead of writing it')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the change')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse the result for any error, also one that was in the config before')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;update;ic' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The new config (YAML or JSON, `-` for stdin); several files are merged in order')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The new config (YAML or JSON, `-` for stdin); several files are merged in order')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the new config instead of writing it')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the change')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse the result for any error, also one that was in the config before')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;update;kratos-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The new config (YAML or JSON, `-` for stdin); several files are merged in order')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The new config (YAML or JSON, `-` for stdin); several files are merged in order')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Accepted for the Ory CLI''s commands and ignored: workspaces are an Ory Network notion')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the new config instead of writing it')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the change')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse the result for any error, also one that was in the config before')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;update;help' {
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Replace an identity config with one or more files, merged in order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;update;help;identity-config' {
            break
        }
        'otpctl;update;help;help' {
            break
        }
        'otpctl;delete' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Delete a project and its files (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;delete;project' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;delete;identity' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;delete;identities' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;delete;help' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Delete a project and its files (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;delete;help;project' {
            break
        }
        'otpctl;delete;help;identity' {
            break
        }
        'otpctl;delete;help;help' {
            break
        }
        'otpctl;validate' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Validate identity configs: schema, cross-checks, and the identity schemas they reference')
            [CompletionResult]::new('ic', 'ic', [CompletionResultType]::ParameterValue, 'Validate identity configs: schema, cross-checks, and the identity schemas they reference')
            [CompletionResult]::new('kratos-config', 'kratos-config', [CompletionResultType]::ParameterValue, 'Validate identity configs: schema, cross-checks, and the identity schemas they reference')
            [CompletionResult]::new('identity-schema', 'identity-schema', [CompletionResultType]::ParameterValue, 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Validate identity documents against the project''s identity schemas')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'Validate identity documents against the project''s identity schemas')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;validate;identity-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 10) on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;validate;ic' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 10) on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;validate;kratos-config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 10) on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;validate;identity-schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 10) on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;validate;identity' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Check every document against this identity schema instead of the project''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 10) on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;validate;identities' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Check every document against this identity schema instead of the project''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'human, json (versioned), github (workflow annotations) or sarif (2.1.0)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Fail (exit 10) on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;validate;help' {
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Validate identity configs: schema, cross-checks, and the identity schemas they reference')
            [CompletionResult]::new('identity-schema', 'identity-schema', [CompletionResultType]::ParameterValue, 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Validate identity documents against the project''s identity schemas')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;validate;help;identity-config' {
            break
        }
        'otpctl;validate;help;identity-schema' {
            break
        }
        'otpctl;validate;help;identity' {
            break
        }
        'otpctl;validate;help;help' {
            break
        }
        'otpctl;register' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--trait', '--trait', [CompletionResultType]::ParameterName, 'A trait, `name=value` (dots for nested traits: `name.first=Ada`); repeatable')
            [CompletionResult]::new('--traits', '--traits', [CompletionResultType]::ParameterName, 'All traits as a JSON object (merged under the --trait values)')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'Continue this flow: with --code to submit a code, or --resend')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The code that was sent (with --flow)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'Send a new code for --flow; older codes stop working')
            [CompletionResult]::new('--auto', '--auto', [CompletionResultType]::ParameterName, 'Read the code from the local outbox and complete the flow at once')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;login' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--identifier', '--identifier', [CompletionResultType]::ParameterName, 'The email address or phone number of the account')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'Continue this flow: with --code to submit a code, or --resend')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The code that was sent (with --flow)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'Send a new code for --flow; older codes stop working')
            [CompletionResult]::new('--auto', '--auto', [CompletionResultType]::ParameterName, 'Read the code from the local outbox and complete the flow at once')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;verify' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'The email address or phone number to verify')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'Continue this flow: with --code to submit a code, or --resend')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The code that was sent (with --flow)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'Send a new code for --flow; older codes stop working')
            [CompletionResult]::new('--auto', '--auto', [CompletionResultType]::ParameterName, 'Read the code from the local outbox and complete the flow at once')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;whoami' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--session-token', '--session-token', [CompletionResultType]::ParameterName, 'The session token (printed by `login` and `register` as `session_token`)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;logout' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--session-token', '--session-token', [CompletionResultType]::ParameterName, 'The session token (printed by `login` and `register` as `session_token`)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;import' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;import;identities' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;import;identity' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' public API at URL (`otpctl serve`, or any Kratos) instead of the project''s local engine')
            [CompletionResult]::new('--admin-endpoint', '--admin-endpoint', [CompletionResultType]::ParameterName, 'Call Kratos'' admin API at URL for identities and courier messages (and to read codes for --auto); `otpctl serve` prints it as "admin API"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;import;help' {
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;import;help;identities' {
            break
        }
        'otpctl;import;help;help' {
            break
        }
        'otpctl;courier' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Send queued messages until interrupted, retrying failures with back-off')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;courier;watch' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;courier;help' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Send queued messages until interrupted, retrying failures with back-off')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;courier;help;watch' {
            break
        }
        'otpctl;courier;help;help' {
            break
        }
        'otpctl;serve' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where the public API listens')
            [CompletionResult]::new('--admin-listen', '--admin-listen', [CompletionResultType]::ParameterName, 'Where the admin API listens (loopback unless --expose-admin)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The public URL that links, redirects and `ui.action` use, in place of `serve.public.base_url` (needed when --listen picks another port)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'The log''s format on stderr: one line per request and courier attempt')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--expose-admin', '--expose-admin', [CompletionResultType]::ParameterName, 'Let the admin API listen on an address other machines can reach. It has no authentication, as Kratos'' admin API: put it behind your own gate')
            [CompletionResult]::new('--dev', '--dev', [CompletionResultType]::ParameterName, 'Development: cookies without `Secure` even off loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;quickstart' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Keep the project in this directory (created if missing; default: a temporary one, removed afterwards)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The demo user''s email address')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'The demo user''s phone number (international format)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;evaluate' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('oidc-mapper', 'oidc-mapper', [CompletionResultType]::ParameterValue, 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;evaluate;oidc-mapper' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--claims', '--claims', [CompletionResultType]::ParameterName, 'The provider''s claims, as JSON or YAML')
            [CompletionResult]::new('--schema-id', '--schema-id', [CompletionResultType]::ParameterName, 'The identity schema id of the project''s config (default: its default schema)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'An identity schema file to use instead of the project''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;evaluate;help' {
            [CompletionResult]::new('oidc-mapper', 'oidc-mapper', [CompletionResultType]::ParameterValue, 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;evaluate;help;oidc-mapper' {
            break
        }
        'otpctl;evaluate;help;help' {
            break
        }
        'otpctl;render' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Preview a courier template of the project''s config with sample or given data')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;render;template' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID, unambiguous ID or name prefix, or a path to a config file or directory (default: the selected project)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let the config''s file:// references reach PATH too (repeatable); by default they stay inside the config''s directory, or its git repository')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'The channel to render')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Render with this template_data (a JSON object; `-` for stdin) instead of sample data')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;render;help' {
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Preview a courier template of the project''s config with sample or given data')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;render;help;template' {
            break
        }
        'otpctl;render;help;help' {
            break
        }
        'otpctl;completion' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every question (needed to confirm anything when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'otpctl;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a local project')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List projects, or the local engine''s identities and courier messages')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Select the project that config commands use by default')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a project, its identity config, or an identity or courier message of its engine')
            [CompletionResult]::new('patch', 'patch', [CompletionResultType]::ParameterValue, 'Change an identity config with JSON Patch operations, keeping its comments')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Replace an identity config with the contents of files')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a project, or an identity of its engine')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate configs, identity schemas and identities (for people and CI)')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Sign up by code on the project''s local engine (or a Kratos at --endpoint)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in by code on the project''s local engine (or a Kratos at --endpoint)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an email address or phone number by code (locally, or at --endpoint)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the session of a session token (Kratos'' /sessions/whoami)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session of a session token (Kratos'' native logout)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import identities into the project''s local engine (or a Kratos at --admin-endpoint)')
            [CompletionResult]::new('courier', 'courier', [CompletionResultType]::ParameterValue, 'Run the courier that sends the local engine''s queued messages')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the project''s engine as Kratos'' public and admin HTTP APIs, with the courier')
            [CompletionResult]::new('quickstart', 'quickstart', [CompletionResultType]::ParameterValue, 'Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS')
            [CompletionResult]::new('evaluate', 'evaluate', [CompletionResultType]::ParameterValue, 'Evaluate a Jsonnet OIDC claims mapper against claims')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Preview what the courier would send')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'otpctl;help;create' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Create a project from a preset: a commented identity config and its identity schema')
            break
        }
        'otpctl;help;create;project' {
            break
        }
        'otpctl;help;list' {
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the local projects')
            [CompletionResult]::new('courier-messages', 'courier-messages', [CompletionResultType]::ParameterValue, 'List the courier messages (the outbox), newest first')
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'List the identities')
            break
        }
        'otpctl;help;list;projects' {
            break
        }
        'otpctl;help;list;courier-messages' {
            break
        }
        'otpctl;help;list;identities' {
            break
        }
        'otpctl;help;use' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Select a project; without an ID, print the selected one')
            break
        }
        'otpctl;help;use;project' {
            break
        }
        'otpctl;help;get' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Show a project''s metadata')
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Print an identity config')
            [CompletionResult]::new('config-schema', 'config-schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema (draft-07) that `validate identity-config` checks configs against')
            [CompletionResult]::new('courier-message', 'courier-message', [CompletionResultType]::ParameterValue, 'Show a courier message with its delivery attempts')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Show an identity')
            [CompletionResult]::new('code', 'code', [CompletionResultType]::ParameterValue, 'Print the newest code sent to an address (for scripts and end-to-end tests)')
            break
        }
        'otpctl;help;get;project' {
            break
        }
        'otpctl;help;get;identity-config' {
            break
        }
        'otpctl;help;get;config-schema' {
            break
        }
        'otpctl;help;get;courier-message' {
            break
        }
        'otpctl;help;get;identity' {
            break
        }
        'otpctl;help;get;code' {
            break
        }
        'otpctl;help;patch' {
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Apply --add/--replace/--remove/--file operations to an identity config')
            break
        }
        'otpctl;help;patch;identity-config' {
            break
        }
        'otpctl;help;update' {
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Replace an identity config with one or more files, merged in order')
            break
        }
        'otpctl;help;update;identity-config' {
            break
        }
        'otpctl;help;delete' {
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Delete a project and its files (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Delete an identity with its sessions (asks first on a terminal; --yes otherwise)')
            break
        }
        'otpctl;help;delete;project' {
            break
        }
        'otpctl;help;delete;identity' {
            break
        }
        'otpctl;help;validate' {
            [CompletionResult]::new('identity-config', 'identity-config', [CompletionResultType]::ParameterValue, 'Validate identity configs: schema, cross-checks, and the identity schemas they reference')
            [CompletionResult]::new('identity-schema', 'identity-schema', [CompletionResultType]::ParameterValue, 'Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Validate identity documents against the project''s identity schemas')
            break
        }
        'otpctl;help;validate;identity-config' {
            break
        }
        'otpctl;help;validate;identity-schema' {
            break
        }
        'otpctl;help;validate;identity' {
            break
        }
        'otpctl;help;register' {
            break
        }
        'otpctl;help;login' {
            break
        }
        'otpctl;help;verify' {
            break
        }
        'otpctl;help;whoami' {
            break
        }
        'otpctl;help;logout' {
            break
        }
        'otpctl;help;import' {
            [CompletionResult]::new('identities', 'identities', [CompletionResultType]::ParameterValue, 'Import identities (Kratos createIdentityBody documents) from JSON or YAML files')
            break
        }
        'otpctl;help;import;identities' {
            break
        }
        'otpctl;help;courier' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Send queued messages until interrupted, retrying failures with back-off')
            break
        }
        'otpctl;help;courier;watch' {
            break
        }
        'otpctl;help;serve' {
            break
        }
        'otpctl;help;quickstart' {
            break
        }
        'otpctl;help;evaluate' {
            [CompletionResult]::new('oidc-mapper', 'oidc-mapper', [CompletionResultType]::ParameterValue, 'Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over')
            break
        }
        'otpctl;help;evaluate;oidc-mapper' {
            break
        }
        'otpctl;help;render' {
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Preview a courier template of the project''s config with sample or given data')
            break
        }
        'otpctl;help;render;template' {
            break
        }
        'otpctl;help;completion' {
            break
        }
        'otpctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
