//! `list courier-messages`, `get courier-message` and `courier watch`: the
//! local outbox and the worker that empties it.

use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::{Value, json};

use super::backend::{self, EndpointFlags, ListedMessage, MessageSelect, success};
use super::engine::{self, Page};
use super::{Context, Failure, ProjectFlag, output};
use crate::courier::worker::PassReport;
use crate::time::clock::rfc3339_ms;

/// Output of the message listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum MessageFormat {
    /// Aligned columns, no bodies.
    Table,
    /// `{"version":1,…}` with messages as Kratos' admin API returns them.
    Json,
}

/// A message status filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Status {
    /// Waiting to be sent (or kept in the local outbox).
    Queued,
    /// Being sent.
    Processing,
    /// Delivered.
    Sent,
    /// Given up on.
    Abandoned,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Processing => "processing",
            Status::Sent => "sent",
            Status::Abandoned => "abandoned",
        }
    }
}

// `list courier-messages`.
#[derive(Debug, Args)]
pub(super) struct ListArgs {
    /// Only messages with this status.
    #[arg(long, value_enum)]
    status: Option<Status>,
    /// Only messages to this address or number.
    #[arg(long, value_name = "ADDRESS")]
    recipient: Option<String>,
    #[command(flatten)]
    page: Page,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MessageFormat::Table)]
    format: MessageFormat,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `get courier-message`.
#[derive(Debug, Args)]
pub(super) struct GetArgs {
    /// The message id.
    id: String,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `courier watch`.
#[derive(Debug, Args)]
pub(super) struct WatchArgs {
    #[command(flatten)]
    project: ProjectFlag,
}

/// Lists messages.
pub(super) fn list(args: ListArgs) -> Result<(), Failure> {
    let backend = backend::open(&args.endpoints, &args.project)?;
    let select = MessageSelect {
        status: args.status.map(Status::as_str),
        recipient: args.recipient.as_deref(),
        flow_id: None,
    };
    let messages = backend.list_messages(select, args.page)?;
    match args.format {
        MessageFormat::Json => emit(&MessagesOutput {
            version: 1,
            messages: messages.into_iter().map(|m| m.message).collect(),
        }),
        MessageFormat::Table => output::emit(&table(&messages)),
    }
}

/// Shows one message with its dispatch attempts.
pub(super) fn get(args: GetArgs) -> Result<(), Failure> {
    let backend = backend::open(&args.endpoints, &args.project)?;
    let reply = success(
        backend.get_message(&args.id)?,
        &format!("courier message `{}`", args.id),
    )?;
    emit(&MessageOutput {
        version: 1,
        message: reply.body,
    })
}

/// Runs the courier until interrupted, one JSON line per pass that did work.
pub(super) fn watch(args: WatchArgs, cx: Context) -> Result<(), Failure> {
    let opened = engine::open(&args.project)?;
    output::status(
        cx,
        &format!(
            "courier watching {} (Ctrl-C to stop)",
            opened.path.display()
        ),
    );
    let courier = opened.courier.clone();
    opened
        .runtime
        .block_on(courier.watch(shutdown_signal(), log_pass))
        .map_err(Failure::op)
}

/// One JSON line per attempt on stderr (never a body: it holds the code).
fn log_pass(pass: &PassReport) {
    for attempt in &pass.attempts {
        let line = json!({
            "time": rfc3339_ms(crate::time::clock::Clock::now_ms(&crate::time::clock::SystemClock)),
            "msg": "courier dispatch",
            "message_id": attempt.message_id,
            "channel": attempt.channel,
            "template_type": attempt.template_type,
            "status": attempt.status,
            "send_count": attempt.send_count,
            "error": attempt.error,
        });
        output::log_line(&line.to_string());
    }
}

/// Resolves on SIGINT or SIGTERM.
pub(super) async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

/// `list courier-messages --format json`: versioned.
#[derive(Debug, Serialize)]
struct MessagesOutput {
    version: u32,
    messages: Vec<Value>,
}

/// `get courier-message`: versioned.
#[derive(Debug, Serialize)]
struct MessageOutput {
    version: u32,
    message: Value,
}

fn emit(output: &impl Serialize) -> Result<(), Failure> {
    let value = serde_json::to_value(output)
        .map_err(|e| Failure::op(format!("cannot show the message: {e}")))?;
    output::emit_json(&value)
}

/// The outbox as a table: with each message's subject and the code it carries,
/// which is what a user of the local outbox is looking for.
fn table(messages: &[ListedMessage]) -> String {
    let header = [
        "ID",
        "STATUS",
        "TYPE",
        "RECIPIENT",
        "SUBJECT",
        "CODE",
        "TEMPLATE",
        "SENT",
        "CREATED",
    ];
    let text = super::project::json_cell;
    let rows: Vec<[String; 9]> = messages
        .iter()
        .map(|listed| {
            let m = &listed.message;
            [
                text(&m["id"]),
                text(&m["status"]),
                text(&m["type"]),
                text(&m["recipient"]),
                cell(&text(&m["subject"])),
                listed.code.clone().unwrap_or_else(|| "-".to_string()),
                text(&m["template_type"]),
                text(&m["send_count"]),
                text(&m["created_at"]),
            ]
        })
        .collect();
    super::project::columns(&header, &rows)
}

/// A text for one table cell: control characters (a template may render any)
/// become spaces, and an empty text (an SMS has no subject) a dash.
fn cell(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.trim().is_empty() {
        "-".into()
    } else {
        text
    }
}

// `get code`.
#[derive(Debug, Args)]
pub(super) struct CodeArgs {
    /// The email address or phone number the code was sent to.
    #[arg(long, value_name = "ADDRESS")]
    recipient: String,
    /// Only a code sent for this flow (printed by the step that sent it).
    #[arg(long, value_name = "ID")]
    flow: Option<String>,
    /// Wait up to this long (such as 30s) for a code to arrive.
    #[arg(long, value_name = "DURATION", value_parser = parse_wait)]
    wait: Option<std::time::Duration>,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

fn parse_wait(text: &str) -> Result<std::time::Duration, String> {
    crate::time::duration::parse_duration(text).map_err(|e| e.to_string())
}

/// Prints only the newest code sent to `--recipient` (for `--flow`), waiting
/// for one with `--wait`: what a shell script or an end-to-end test reads
/// instead of a mailbox.
pub(super) fn code(args: CodeArgs) -> Result<(), Failure> {
    let backend = backend::open(&args.endpoints, &args.project)?;
    let recipient = crate::engine::identifier::normalize_gracefully(&args.recipient);
    let select = MessageSelect {
        recipient: Some(&recipient),
        flow_id: args.flow.as_deref(),
        status: None,
    };
    let newest = Page {
        size: 20,
        number: 0,
    };
    let deadline = std::time::Instant::now() + args.wait.unwrap_or_default();
    loop {
        let messages = backend.list_messages(select, newest)?;
        if let Some(code) = messages.into_iter().find_map(|m| m.code) {
            return output::emit_line(&code);
        }
        if std::time::Instant::now() >= deadline {
            let flow = args
                .flow
                .as_deref()
                .map(|id| format!(" for flow `{id}`"))
                .unwrap_or_default();
            let waited = match args.wait {
                Some(wait) => format!(" within {wait:?}"),
                None => " (add --wait 30s to wait for one)".to_string(),
            };
            return Err(Failure::op(format!(
                "no code was sent to {recipient}{flow}{waited}"
            )));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
