//! What the flow verbs print: the versioned, typed `--format json` output, the
//! `key: value` lines, and Kratos' answer to a refused step.

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

use super::{Failure, output};
use crate::client::{FlowView, Reply};
use crate::engine::traits::UI_PHONE;

/// Output of the flow verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum StepFormat {
    /// `key: value` lines (flow, identity, session_token, verified).
    Text,
    /// `{"version":1,…}` with the flow, session or identity as Kratos returns them.
    Json,
}

/// What a flow verb prints with `--format json`: versioned, and typed so the
/// contract test can parse it back (`tests/cli/flows.rs`).
#[derive(Debug, Serialize)]
struct StepOutput {
    /// 1.
    version: u32,
    #[serde(flatten)]
    result: StepResult,
}

/// The result of a flow verb: the flow, session or identity as Kratos
/// answered them.
#[derive(Debug, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub(super) enum StepResult {
    /// A code was sent; finish with `--flow ID --code CODE`.
    CodeSent {
        /// The flow.
        flow: Value,
    },
    /// A login completed.
    Session {
        /// The token for `Authorization: Bearer` / `X-Session-Token`.
        session_token: String,
        /// The session, identity included.
        session: Value,
        /// Follow-up actions.
        continue_with: Vec<Value>,
    },
    /// A registration completed.
    Identity {
        /// The new identity.
        identity: Value,
        /// With the `session` hook: its token.
        session_token: Option<String>,
        /// With the `session` hook: the session.
        session: Option<Value>,
        /// Follow-up actions.
        continue_with: Vec<Value>,
    },
    /// A verification completed.
    Verified {
        /// The address verified.
        address: Option<String>,
        /// The flow, in `passed_challenge`.
        flow: Value,
    },
    /// The step was refused: Kratos' status and answer (the flow with its
    /// messages, or the error envelope).
    Refused {
        /// The HTTP status.
        status: u16,
        /// The body.
        answer: Value,
    },
}

/// Prints Kratos' answer to a refused step on stdout (the flow with its
/// messages, or the error envelope, so scripts can read the message id) and
/// returns the failure to report on stderr.
pub(super) fn refuse(format: StepFormat, reply: Reply) -> Result<Failure, Failure> {
    let message = refusal_message(&reply);
    match format {
        StepFormat::Json => emit_output(StepResult::Refused {
            status: reply.status,
            answer: reply.body,
        })?,
        StepFormat::Text => {
            let mut lines = Vec::new();
            if let Some(flow) = reply.flow() {
                lines.push(format!("flow: {}", flow.id));
                for error in flow.errors() {
                    lines.push(format!("message: {} {}", error.id, error.text));
                }
            } else if let Some(error) = reply.error() {
                if let Some(next) = &error.use_flow_id {
                    lines.push(format!("flow: {next}"));
                }
                lines.push(format!("error: {}", error.id_or_status()));
            }
            output::emit(&(lines.join("\n") + "\n"))?;
        }
    }
    Ok(Failure::op(message))
}

/// The one-line reason for a refused step, in the UI's words.
fn refusal_message(reply: &Reply) -> String {
    if let Some(flow) = reply.flow() {
        let errors = flow.error_texts();
        return if errors.is_empty() {
            format!("flow `{}` is in state {}", flow.id, flow.state)
        } else {
            errors
                .into_iter()
                .chain(phone_hints(&flow))
                .collect::<Vec<_>>()
                .join("; ")
        };
    }
    let Some(error) = reply.error() else {
        return format!("unexpected answer (HTTP status {})", reply.status);
    };
    match (error.error.id.as_deref(), &error.use_flow_id) {
        (Some("self_service_flow_expired"), Some(next)) => {
            format!("the flow expired; start again (a new flow `{next}` replaces it)")
        }
        (_, Some(next)) => format!("{} (a new flow `{next}` replaces it)", error.reason()),
        (Some("session_verified_address_required"), None) => {
            let verification = error
                .error
                .details
                .as_ref()
                .and_then(|d| d.pointer("/continue_with/0/flow/id"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            format!(
                "your email or phone address is not yet verified: a verification code was sent (verification flow `{verification}`)"
            )
        }
        _ => error.reason(),
    }
}

/// What to do about each phone number Kratos refused: a number without `+` needs
/// its country code (E.164); one with it is not valid for that country.
fn phone_hints(flow: &FlowView) -> Vec<String> {
    flow.ui
        .nodes
        .iter()
        .filter(|node| node.messages.iter().any(|m| m.id == UI_PHONE))
        .filter_map(|node| node.attributes.value.as_ref()?.as_str())
        .map(|number| {
            if number.trim_start().starts_with('+') {
                format!("`{number}` is not a valid number for that country")
            } else {
                format!(
                    "`{number}` has no country code: phone numbers need + and the country code (E.164), as in +4917667111638 (not 017667111638)"
                )
            }
        })
        .collect()
}

pub(super) fn emit_output(result: StepResult) -> Result<(), Failure> {
    let output = StepOutput { version: 1, result };
    let value = serde_json::to_value(&output)
        .map_err(|e| Failure::op(format!("cannot show the answer: {e}")))?;
    output::emit_json(&value)
}

pub(super) fn print_result(format: StepFormat, result: StepResult) -> Result<(), Failure> {
    if format == StepFormat::Json {
        return emit_output(result);
    }
    let mut lines = Vec::new();
    let identity_id =
        |identity: &Value| format!("identity: {}", identity["id"].as_str().unwrap_or_default());
    match &result {
        StepResult::Session {
            session_token,
            session,
            ..
        } => {
            lines.push(identity_id(&session["identity"]));
            lines.push(format!("session_token: {session_token}"));
        }
        StepResult::Identity {
            identity,
            session_token,
            ..
        } => {
            lines.push(identity_id(identity));
            lines.extend(
                session_token
                    .as_ref()
                    .map(|t| format!("session_token: {t}")),
            );
        }
        StepResult::Verified { address, .. } => {
            lines.push(format!(
                "verified: {}",
                address.as_deref().unwrap_or_default()
            ));
        }
        StepResult::CodeSent { .. } | StepResult::Refused { .. } => {}
    }
    output::emit(&(lines.join("\n") + "\n"))
}
