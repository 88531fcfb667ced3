//! `whoami` and `logout`: the session a session token stands for, and ending
//! it, as Kratos' `GET /sessions/whoami` and `DELETE /self-service/logout/api`
//! answer them, on the embedded engine or over HTTP.

use clap::Args;
use serde_json::json;

use super::backend::{self, EndpointFlags};
use super::step_output::StepFormat;
use super::{Context, Failure, ProjectFlag, output};

// The session a command works on, and where it is kept.
#[derive(Debug, Args)]
pub(super) struct SessionArgs {
    /// The session token (printed by `login` and `register` as `session_token`).
    #[arg(
        long,
        env = "OTPCTL_SESSION_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    session_token: String,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `whoami`.
#[derive(Debug, Args)]
pub(super) struct WhoamiArgs {
    #[command(flatten)]
    session: SessionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StepFormat::Text)]
    format: StepFormat,
}

/// Ends the session; fails with Kratos' reason for a token without one.
pub(super) fn logout(args: SessionArgs, cx: Context) -> Result<(), Failure> {
    let backend = backend::open(&args.endpoints, &args.project)?;
    let reply = backend.logout(&args.session_token)?;
    if !reply.is_success() {
        return Err(Failure::op(reply.reason()));
    }
    output::status(cx, "the session has ended");
    Ok(())
}

/// Prints the session, or fails with Kratos' reason (`session_inactive`).
pub(super) fn whoami(args: WhoamiArgs) -> Result<(), Failure> {
    let SessionArgs {
        session_token,
        project,
        endpoints,
    } = &args.session;
    let backend = backend::open(endpoints, project)?;
    let reply = backend.whoami(session_token)?;
    if !reply.is_success() {
        let id = reply
            .error()
            .map(|e| e.id_or_status().to_string())
            .unwrap_or_else(|| reply.status.to_string());
        return Err(Failure::op(format!("{} ({id})", reply.reason())));
    }
    let session = reply.body;
    match args.format {
        StepFormat::Json => output::emit_json(&json!({ "version": 1, "session": session })),
        StepFormat::Text => {
            let text = |pointer: &str| {
                session
                    .pointer(pointer)
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .unwrap_or_default()
            };
            let lines = [
                format!("identity: {}", text("/identity/id")),
                format!("session: {}", text("/id")),
                format!("active: {}", text("/active")),
                format!("expires_at: {}", text("/expires_at")),
            ];
            output::emit(&(lines.join("\n") + "\n"))
        }
    }
}
