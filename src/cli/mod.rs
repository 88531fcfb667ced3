//! The command line: the only place that knows clap, stdout and exit codes.

mod backend;
mod completion;
mod courier;
mod engine;
mod evaluate;
mod flows;
mod identities;
mod identity_config;
mod output;
mod project;
mod quickstart;
mod render;
mod serve;
mod session;
mod step_output;
mod target;
mod validate;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use completion::{generated_files, man_pages};
pub use output::Failure;

/// Admin, validation and a local engine for one-time-code authentication in the Ory Kratos model.
#[derive(Debug, Parser)]
#[command(
    name = "otpctl",
    version,
    about,
    propagate_version = true,
    max_term_width = 100,
    after_help = "Exit codes: 0 ok, 1 operational error, 2 usage error, 10 validation found errors."
)]
pub struct Cli {
    /// When to colour diagnostics: auto (a terminal, unless NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", display_order = 100)]
    color: ColorWhen,
    /// Answer yes to every question (needed to confirm anything when stdin is not a terminal).
    #[arg(short, long, global = true, display_order = 101)]
    yes: bool,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, display_order = 102)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum Command {
    /// Create a local project.
    #[command(subcommand)]
    Create(CreateCommand),
    /// List projects, or the local engine's identities and courier messages.
    #[command(subcommand, visible_alias = "ls")]
    List(ListCommand),
    /// Select the project that config commands use by default.
    #[command(subcommand)]
    Use(UseCommand),
    /// Show a project, its identity config, or an identity or courier message of its engine.
    #[command(subcommand)]
    Get(GetCommand),
    /// Change an identity config with JSON Patch operations, keeping its comments.
    #[command(subcommand)]
    Patch(PatchCommand),
    /// Replace an identity config with the contents of files.
    #[command(subcommand)]
    Update(UpdateCommand),
    /// Delete a project, or an identity of its engine.
    #[command(subcommand)]
    Delete(DeleteCommand),
    /// Validate configs, identity schemas and identities (for people and CI).
    #[command(subcommand)]
    Validate(ValidateCommand),
    /// Sign up by code on the project's local engine (or a Kratos at --endpoint).
    Register(flows::RegisterArgs),
    /// Log in by code on the project's local engine (or a Kratos at --endpoint).
    Login(flows::LoginArgs),
    /// Verify an email address or phone number by code (locally, or at --endpoint).
    Verify(flows::VerifyArgs),
    /// Show the session of a session token (Kratos' /sessions/whoami).
    Whoami(session::WhoamiArgs),
    /// End the session of a session token (Kratos' native logout).
    Logout(session::SessionArgs),
    /// Import identities into the project's local engine (or a Kratos at --admin-endpoint).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Run the courier that sends the local engine's queued messages.
    #[command(subcommand)]
    Courier(CourierCommand),
    /// Serve the project's engine as Kratos' public and admin HTTP APIs, with the courier.
    Serve(serve::ServeArgs),
    /// Run the whole product on a throwaway project: patch, validate, register, verify, log in by email and SMS.
    Quickstart(quickstart::QuickstartArgs),
    /// Evaluate a Jsonnet OIDC claims mapper against claims.
    #[command(subcommand)]
    Evaluate(evaluate::EvaluateCommand),
    /// Preview what the courier would send.
    #[command(subcommand)]
    Render(render::RenderCommand),
    /// Print a shell completion script.
    Completion(completion::CompletionArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum ImportCommand {
    /// Import identities (Kratos createIdentityBody documents) from JSON or YAML files.
    #[command(visible_alias = "identity")]
    Identities(identities::ImportArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum CourierCommand {
    /// Send queued messages until interrupted, retrying failures with back-off.
    Watch(courier::WatchArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum CreateCommand {
    /// Create a project from a preset: a commented identity config and its identity schema.
    Project(project::CreateArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum ListCommand {
    /// List the local projects.
    #[command(alias = "project")]
    Projects(project::ListArgs),
    /// List the courier messages (the outbox), newest first.
    #[command(name = "courier-messages", alias = "courier-message")]
    CourierMessages(courier::ListArgs),
    /// List the identities.
    #[command(alias = "identity")]
    Identities(identities::ListArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum UseCommand {
    /// Select a project; without an ID, print the selected one.
    Project(project::UseArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum GetCommand {
    /// Show a project's metadata.
    Project(project::GetArgs),
    /// Print an identity config.
    #[command(name = "identity-config", visible_aliases = ["ic", "kratos-config"])]
    IdentityConfig(identity_config::GetArgs),
    /// Print the JSON Schema (draft-07) that `validate identity-config` checks configs against.
    #[command(name = "config-schema")]
    ConfigSchema,
    /// Show a courier message with its delivery attempts.
    #[command(name = "courier-message")]
    CourierMessage(courier::GetArgs),
    /// Show an identity.
    #[command(visible_alias = "identities")]
    Identity(identities::GetArgs),
    /// Print the newest code sent to an address (for scripts and end-to-end tests).
    Code(courier::CodeArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum PatchCommand {
    /// Apply --add/--replace/--remove/--file operations to an identity config.
    #[command(name = "identity-config", visible_aliases = ["ic", "kratos-config"])]
    IdentityConfig(identity_config::PatchArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum UpdateCommand {
    /// Replace an identity config with one or more files, merged in order.
    #[command(name = "identity-config", visible_aliases = ["ic", "kratos-config"])]
    IdentityConfig(identity_config::UpdateArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum ValidateCommand {
    /// Validate identity configs: schema, cross-checks, and the identity schemas they reference.
    #[command(name = "identity-config", visible_aliases = ["ic", "kratos-config"])]
    IdentityConfig(validate::ConfigArgs),
    /// Validate identity schemas: draft-07 and the `ory.sh/kratos` extension rules.
    #[command(name = "identity-schema")]
    IdentitySchema(validate::SchemaArgs),
    /// Validate identity documents against the project's identity schemas.
    #[command(name = "identity", visible_alias = "identities")]
    Identity(validate::IdentityArgs),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum DeleteCommand {
    /// Delete a project and its files (asks first on a terminal; --yes otherwise).
    Project(project::DeleteArgs),
    /// Delete an identity with its sessions (asks first on a terminal; --yes otherwise).
    #[command(visible_alias = "identities")]
    Identity(identities::DeleteArgs),
}

// `--project` (or `$OTPCTL_PROJECT`), for commands whose positional arguments are files.
#[derive(Debug, Clone, Default, Args)]
pub struct ProjectFlag {
    /// Project ID, unambiguous ID or name prefix, or a path to a config file or directory
    /// (default: the selected project).
    #[arg(
        long = "project",
        env = "OTPCTL_PROJECT",
        value_name = "PROJECT",
        hide_env_values = true
    )]
    project: Option<String>,
    /// Let the config's file:// references reach PATH too (repeatable); by default they
    /// stay inside the config's directory, or its git repository.
    #[arg(long, value_name = "PATH")]
    allow_outside: Vec<std::path::PathBuf>,
}

// The project a config command works on: a positional argument or `--project`.
#[derive(Debug, Clone, Args)]
pub struct ProjectArg {
    /// Project ID, unambiguous ID or name prefix, or a path to a config file or directory.
    #[arg(value_name = "PROJECT")]
    positional: Option<String>,
    /// The same as PROJECT; the positional argument wins when both are given.
    #[command(flatten)]
    flag: ProjectFlag,
}

impl ProjectArg {
    /// The project the flag names, if any.
    fn given(&self) -> Option<&str> {
        self.positional.as_deref().or(self.flag.project.as_deref())
    }
}

impl From<ProjectFlag> for ProjectArg {
    fn from(flag: ProjectFlag) -> Self {
        ProjectArg {
            positional: None,
            flag,
        }
    }
}

impl ProjectFlag {
    /// Applies `--allow-outside` to every `file://` reference read from now on.
    fn apply_allow_outside(&self) {
        if !self.allow_outside.is_empty() {
            crate::config::source::allow_outside(&self.allow_outside);
        }
    }

    /// The flag naming a config file.
    pub fn from_path(path: &std::path::Path) -> ProjectFlag {
        ProjectFlag {
            project: Some(path.display().to_string()),
            allow_outside: Vec::new(),
        }
    }
}

impl From<&str> for ProjectArg {
    fn from(project: &str) -> Self {
        ProjectArg {
            positional: Some(project.to_string()),
            flag: ProjectFlag::default(),
        }
    }
}

/// What every command needs besides its own arguments.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// `--yes`.
    pub yes: bool,
    /// `--quiet`.
    pub quiet: bool,
}

/// The whole clap command tree, every command's arguments built (for completions,
/// man pages and help snapshots).
pub fn command() -> clap::Command {
    let mut command = Cli::command();
    command.build();
    command
}

/// Runs otpctl with these arguments and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    // Every subcommand enum is `defer = true`: a command's arguments are defined
    // only when that command is the one being run, not for all 40 of them at every
    // start. Deferred, an `Args` struct is applied after its command's own
    // attributes, so its doc comment would replace the command's about: `Args`
    // structs carry plain `//` comments (the help snapshots would show a leak).
    let matches = match Cli::command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(err) => {
            // --help and --version come through here too, with exit code 0.
            let err = output::without_lossy_tip(err);
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(2);
        }
    };
    set_color(cli.color);
    let context = Context {
        yes: cli.yes,
        quiet: cli.quiet,
    };
    match dispatch(cli.command, &matches, context) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

fn dispatch(command: Command, matches: &clap::ArgMatches, cx: Context) -> Result<(), Failure> {
    match command {
        Command::Create(CreateCommand::Project(args)) => project::create(args, cx),
        Command::List(ListCommand::Projects(args)) => project::list(args),
        Command::Use(UseCommand::Project(args)) => project::select(args, cx),
        Command::Get(GetCommand::Project(args)) => project::get(args),
        Command::Get(GetCommand::IdentityConfig(args)) => identity_config::get(args, cx),
        Command::Get(GetCommand::ConfigSchema) => output::emit(crate::schema::CONFIG_SCHEMA),
        Command::Validate(ValidateCommand::IdentityConfig(args)) => validate::identity_config(args),
        Command::Validate(ValidateCommand::IdentitySchema(args)) => validate::identity_schema(args),
        Command::Validate(ValidateCommand::Identity(args)) => validate::identities(args),
        Command::Patch(PatchCommand::IdentityConfig(args)) => {
            // The order of the flags on the command line is the order the ops apply in.
            let sub = matches
                .subcommand_matches("patch")
                .and_then(|m| m.subcommand_matches("identity-config"));
            identity_config::patch(args, sub, cx)
        }
        Command::Update(UpdateCommand::IdentityConfig(args)) => identity_config::update(args, cx),
        Command::Delete(DeleteCommand::Project(args)) => project::delete(args, cx),
        Command::Render(command) => render::run(command),
        Command::Completion(args) => completion::print(args),
        Command::Quickstart(args) => quickstart::run(args, cx),
        Command::Serve(args) => serve::run(args, cx),
        Command::Evaluate(command) => evaluate::run(command),
        Command::Register(args) => flows::register(args, cx),
        Command::Login(args) => flows::login(args, cx),
        Command::Verify(args) => flows::verify(args, cx),
        Command::Whoami(args) => session::whoami(args),
        Command::Logout(args) => session::logout(args, cx),
        Command::Import(ImportCommand::Identities(args)) => identities::import(args, cx),
        Command::Courier(CourierCommand::Watch(args)) => courier::watch(args, cx),
        Command::List(ListCommand::CourierMessages(args)) => courier::list(args),
        Command::List(ListCommand::Identities(args)) => identities::list(args),
        Command::Get(GetCommand::CourierMessage(args)) => courier::get(args),
        Command::Get(GetCommand::Identity(args)) => identities::get(args),
        Command::Get(GetCommand::Code(args)) => courier::code(args),
        Command::Delete(DeleteCommand::Identity(args)) => identities::delete(args, cx),
    }
}
