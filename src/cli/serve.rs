//! `serve`: the project's engine behind Kratos' public and admin HTTP APIs,
//! with the courier running inside, until Ctrl-C or SIGTERM.

use std::net::SocketAddr;

use clap::{Args, ValueEnum};

use super::engine::{lease, load_config};
use super::{Context, Failure, ProjectArg, output};
use crate::server::{Listeners, LogFormat, ServeOptions};

// `serve`.
#[derive(Debug, Args)]
pub(super) struct ServeArgs {
    #[command(flatten)]
    project: ProjectArg,
    /// Where the public API listens.
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:4433",
        env = "OTPCTL_LISTEN"
    )]
    listen: SocketAddr,
    /// Where the admin API listens (loopback unless --expose-admin).
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:4434",
        env = "OTPCTL_ADMIN_LISTEN"
    )]
    admin_listen: SocketAddr,
    /// The public URL that links, redirects and `ui.action` use, in place of
    /// `serve.public.base_url` (needed when --listen picks another port).
    #[arg(long, value_name = "URL", env = "SERVE_PUBLIC_BASE_URL")]
    base_url: Option<String>,
    /// Let the admin API listen on an address other machines can reach. It has
    /// no authentication, as Kratos' admin API: put it behind your own gate.
    #[arg(long)]
    expose_admin: bool,
    /// Development: cookies without `Secure` even off loopback.
    #[arg(long)]
    dev: bool,
    /// The log's format on stderr: one line per request and courier attempt.
    #[arg(long, value_enum, default_value_t = LogFormatArg::Text)]
    log_format: LogFormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormatArg {
    Text,
    Json,
}

/// Runs `serve`.
pub(super) fn run(args: ServeArgs, cx: Context) -> Result<(), Failure> {
    let (config, path) = load_config(&args.project)?;
    let config = match args.base_url {
        Some(url) => config.with_public_base_url(url),
        None => config,
    };
    let lease = lease()?;
    let connections = raise_descriptor_limit();
    let options = ServeOptions {
        public: args.listen,
        admin: args.admin_listen,
        expose_admin: args.expose_admin,
        log_format: match args.log_format {
            LogFormatArg::Text => LogFormat::Text,
            LogFormatArg::Json => LogFormat::Json,
        },
        max_connections: connections,
        dev: args.dev,
        ..ServeOptions::default()
    };
    if options.expose_admin && !options.admin.ip().is_loopback() {
        output::status(
            cx,
            &format!(
                "warning: the admin API on {} has no authentication; anyone who reaches it can read codes and manage identities",
                options.admin
            ),
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Failure::op)?;
    runtime
        .block_on(crate::server::serve(
            config,
            lease,
            options,
            |listeners| announce(cx, &path, listeners),
            super::courier::shutdown_signal(),
        ))
        .map_err(Failure::op)
}

/// Where the server listens, on stdout (scripts read the ports from it when
/// they ask for port 0).
fn announce(cx: Context, path: &std::path::Path, listeners: &Listeners) {
    output::status(cx, &format!("serving {} (Ctrl-C to stop)", path.display()));
    let _ = output::emit_line(&format!("public API  http://{}/", listeners.public));
    let _ = output::emit_line(&format!("admin API   http://{}/admin/", listeners.admin));
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        output::status(
            cx,
            &format!(
                "outbox: http://{}/outbox (codes as they are sent)",
                listeners.admin
            ),
        );
    }
}

/// Descriptors for connections: the soft limit is raised to the hard one
/// (a server holds one per connection), leaving room for the store and the
/// courier.
fn raise_descriptor_limit() -> usize {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        limit.current = limit.maximum;
        // Not raised is not fatal: the server runs with fewer connections.
        let _ = setrlimit(Resource::Nofile, limit);
    }
    let current = getrlimit(Resource::Nofile).current.unwrap_or(1 << 16);
    usize::try_from(current.saturating_sub(128))
        .unwrap_or(1024)
        .clamp(16, 1 << 16)
}
