//! What the engine verbs share: opening the project's engine (after validating
//! its config), running one async step, the courier pass after it, and the
//! local outbox.

use std::path::PathBuf;
use std::time::Duration;

use super::{Failure, ProjectArg, ProjectFlag, identity_config, output, target};
use crate::config::{Document, ValidConfig};
use crate::courier::outbox::{self, MessageFilter, MessageRecord};
use crate::courier::worker::Courier;
use crate::engine::Engine;
use crate::protocol::project::Project;

/// How long a command spends on older queued messages after sending the ones
/// its step queued; what is left waits for `courier watch`.
const DEFAULT_COURIER_BUDGET: Duration = Duration::from_secs(5);

// `--page-size` and `--page` of the engine's listings.
#[derive(Debug, Clone, Copy, clap::Args)]
pub(super) struct Page {
    /// Entries per page (courier messages newest first, identities oldest first).
    #[arg(long = "page-size", default_value_t = 250, value_parser = clap::value_parser!(i64).range(1..=1000))]
    pub size: i64,
    /// Page number, from 0.
    #[arg(long = "page", default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..))]
    pub number: i64,
}

impl Page {
    /// Entries to skip.
    pub(super) fn offset(self) -> i64 {
        self.size.saturating_mul(self.number)
    }
}

/// An opened engine with its runtime and courier.
#[derive(Debug)]
pub(super) struct Opened {
    /// Runs the engine's futures on this thread.
    pub runtime: tokio::runtime::Runtime,
    /// The engine.
    pub engine: Engine,
    /// The courier over the same store.
    pub courier: Courier,
    /// The config file.
    pub path: PathBuf,
    /// How long a step may spend on older queued messages after its own.
    courier_budget: Duration,
}

/// Opens the engine of the project `--project` names (or the selected one). The
/// config is validated first, as Kratos refuses to start on an invalid one.
pub(super) fn open(project: &ProjectFlag) -> Result<Opened, Failure> {
    let (config, path) = load_config(&ProjectArg::from(project.clone()))?;
    let courier_budget = courier_budget()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Failure::op)?;
    let Project { engine, courier } = runtime
        .block_on(crate::protocol::project::open(&config, lease()?))
        .map_err(Failure::op)?;
    Ok(Opened {
        runtime,
        engine,
        courier,
        path,
        courier_budget,
    })
}

/// The validated config of a project, with the `OTPCTL_DSN` override, and
/// its path; a config with errors is refused.
pub(super) fn load_config(project: &ProjectArg) -> Result<(ValidConfig, PathBuf), Failure> {
    let path = target::config_path(project)?;
    let doc = Document::load(&path).map_err(Failure::op)?;
    let name = crate::diag::file_name(&path);
    let (report, config) = crate::schema::config::validate_into(&doc.value, &doc.base_dir(), &name);
    identity_config::refuse_errors(&report, &name, |errors| {
        format!(
            "`{}` is not a valid identity config ({errors} error{}); fix it before running flows",
            path.display(),
            if errors == 1 { "" } else { "s" }
        )
    })?;
    // `refuse_errors` refused a config with errors; only those leave no config.
    let config = config
        .ok_or_else(|| {
            Failure::op(format!(
                "`{}` is not a valid identity config",
                path.display()
            ))
        })?
        .with_dsn_override(std::env::var("OTPCTL_DSN").ok().filter(|d| !d.is_empty()));
    Ok((config, path))
}

/// `OTPCTL_COURIER_BUDGET` (a duration such as `5s`, `0s` for none): how long a
/// flow verb works older queued messages after sending its own.
fn courier_budget() -> Result<Duration, Failure> {
    duration_from_env("OTPCTL_COURIER_BUDGET", DEFAULT_COURIER_BUDGET)
}

/// A duration from the environment variable `name`, `default` when unset or empty.
fn duration_from_env(name: &str, default: Duration) -> Result<Duration, Failure> {
    match std::env::var(name) {
        Ok(text) if !text.is_empty() => crate::time::duration::parse_duration(&text)
            .map_err(|e| Failure::usage(format!("{name}: {e}"))),
        _ => Ok(default),
    }
}

/// `OTPCTL_COURIER_LEASE` (a duration such as `30s`): how long a message taken
/// by a courier that then died waits before another courier sends it.
pub(super) fn lease() -> Result<Duration, Failure> {
    duration_from_env(
        "OTPCTL_COURIER_LEASE",
        crate::courier::worker::DEFAULT_LEASE,
    )
}

impl Opened {
    /// Sends what a step queued (the messages of the flow created since
    /// `since`) before anything older, then older due messages within the
    /// courier budget; reports each of the step's messages on stderr: where it
    /// went and whether it left.
    pub(super) fn deliver_and_report(
        &self,
        cx: super::Context,
        flow_id: &str,
        since: i64,
    ) -> Result<(), Failure> {
        let queued: Vec<String> = self
            .messages_of_flow(flow_id)?
            .into_iter()
            .filter(|m| m.created_at >= since)
            .map(|m| m.id)
            .collect();
        self.runtime
            .block_on(self.courier.deliver_first(&queued, self.courier_budget))
            .map_err(Failure::op)?;
        for message in self.messages_of_flow(flow_id)? {
            if message.created_at >= since {
                output::status(
                    cx,
                    &describe_delivery(&message, self.courier.email_in_outbox()),
                );
            }
        }
        Ok(())
    }

    /// The messages a flow sent, newest first.
    pub(super) fn messages_of_flow(&self, flow_id: &str) -> Result<Vec<MessageRecord>, Failure> {
        let filter = MessageFilter {
            flow_id: Some(flow_id.to_string()),
            ..MessageFilter::default()
        };
        self.runtime
            .block_on(self.engine.list_messages(&filter, 50, 0))
            .map_err(Failure::op)
    }

    /// The code the newest message of a flow carries (`--auto`): read from the
    /// local outbox, the way a user reads their inbox.
    pub(super) fn code_from_outbox(&self, flow_id: &str) -> Result<String, Failure> {
        self.messages_of_flow(flow_id)?
            .iter()
            .find_map(|m| outbox::code_of(m).map(str::to_string))
            .ok_or_else(|| {
                Failure::op(format!(
                    "no message with a code was sent for flow `{flow_id}`; nothing to complete it with"
                ))
            })
    }
}

/// One line about a message: never its body, which holds the code.
fn describe_delivery(message: &MessageRecord, email_in_outbox: bool) -> String {
    let fate = match message.status.as_str() {
        "sent" => "sent".to_string(),
        "abandoned" => "abandoned (see `otpctl get courier-message`)".to_string(),
        "queued" if message.channel == "email" && email_in_outbox => {
            "kept in the local outbox (no courier.smtp.connection_uri)".to_string()
        }
        "queued" if message.send_count > 0 => "not delivered yet; will be retried".to_string(),
        other => other.to_string(),
    };
    format!(
        "{} {} to {} ({}): {fate}",
        message.template_type, message.message_type, message.recipient, message.id
    )
}

/// Asks for the code on a terminal; None when there is none to ask on.
pub(super) fn prompt_code(recipients: &str) -> Result<Option<String>, Failure> {
    output::prompt_code(&format!(
        "Enter the code sent to {recipients} (without SMTP it is in the local outbox: otpctl list courier-messages)"
    ))
}
