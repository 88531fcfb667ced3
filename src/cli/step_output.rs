//! What the flow verbs print: the versioned, typed `--format json` output, the
//! `key: value` lines, and Kratos' answer to a refused step.

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

use super::{Failure, output};
use crate::engine::{ContinueWith, Flow, Identity, Session};
use crate::protocol::{Answer, Body};

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

/// The result of a flow verb.
#[derive(Debug, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub(super) enum StepResult {
    /// A code was sent; finish with `--flow ID --code CODE`.
    CodeSent {
        /// The flow, as Kratos returns it.
        flow: Flow,
    },
    /// A login completed.
    Session {
        /// The token for `Authorization: Bearer` / `X-Session-Token`.
        session_token: String,
        /// The session, identity included.
        session: Box<Session>,
        /// Follow-up actions.
        continue_with: Vec<ContinueWith>,
    },
    /// A registration completed.
    Identity {
        /// The new identity.
        identity: Box<Identity>,
        /// With the `session` hook: its token.
        session_token: Option<String>,
        /// With the `session` hook: the session.
        session: Option<Box<Session>>,
        /// Follow-up actions.
        continue_with: Vec<ContinueWith>,
    },
    /// A verification completed.
    Verified {
        /// The address verified.
        address: Option<String>,
        /// The flow, in `passed_challenge`.
        flow: Flow,
    },
    /// The step was refused: Kratos' status and answer (the flow with its
    /// messages, or the error envelope).
    Refused {
        /// The HTTP status Kratos would answer with.
        status: u16,
        /// The body Kratos would answer with.
        answer: Answer,
    },
}

/// Prints Kratos' answer to a refused step on stdout (the flow with its
/// messages, or the error envelope, so scripts can read the message id) and
/// returns the failure to report on stderr.
pub(super) fn refuse(format: StepFormat, answer: Answer) -> Result<Failure, Failure> {
    let message = refusal_message(&answer);
    match format {
        StepFormat::Json => emit_output(StepResult::Refused {
            status: answer.status,
            answer,
        })?,
        StepFormat::Text => {
            let mut lines = Vec::new();
            match &answer.body {
                Body::Flow(flow) => {
                    lines.push(format!("flow: {}", flow.id));
                    for error in flow.container().into_iter().flat_map(|ui| ui.errors()) {
                        lines.push(format!("message: {} {}", error.id, error.text));
                    }
                }
                Body::Error(body) => {
                    if let Some(next) = &body.use_flow_id {
                        lines.push(format!("flow: {next}"));
                    }
                    let id = body.error.id.unwrap_or(body.error.status);
                    lines.push(format!("error: {id}"));
                }
                Body::Login(_) | Body::Registration(_) => {}
            }
            output::emit(&(lines.join("\n") + "\n"))?;
        }
    }
    Ok(Failure::op(message))
}

/// The one-line reason for a refused step, in the UI's words.
fn refusal_message(answer: &Answer) -> String {
    match &answer.body {
        Body::Flow(flow) => {
            let errors = flow.error_texts();
            if errors.is_empty() {
                format!("flow `{}` is in state {}", flow.id, flow.state.as_str())
            } else {
                let hints = phone_hints(flow);
                errors
                    .into_iter()
                    .chain(hints)
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
        Body::Error(body) => match (body.error.id, &body.use_flow_id) {
            (Some("self_service_flow_expired"), Some(next)) => {
                format!("the flow expired; start again (a new flow `{next}` replaces it)")
            }
            (_, Some(next)) => format!(
                "{} (a new flow `{next}` replaces it)",
                body.error.reason.as_deref().unwrap_or(&body.error.message)
            ),
            (Some("session_verified_address_required"), None) => {
                let verification = body
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
            _ => body
                .error
                .reason
                .clone()
                .unwrap_or_else(|| body.error.message.clone()),
        },
        Body::Login(_) | Body::Registration(_) => "unexpected completion".to_string(),
    }
}

/// Kratos' message id for a trait that is not a valid phone number.
const INVALID_PHONE: u32 = 4000041;

/// What to do about each phone number Kratos refused: a number without `+` needs
/// its country code (E.164); one with it is not valid for that country.
fn phone_hints(flow: &Flow) -> Vec<String> {
    let Some(ui) = flow.container() else {
        return Vec::new();
    };
    ui.nodes
        .iter()
        .filter(|node| node.messages.iter().any(|m| m.id == INVALID_PHONE))
        .filter_map(|node| node.input()?.value.as_ref()?.as_str())
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
    let identity_id = |identity: &Identity| format!("identity: {}", identity.id);
    match &result {
        StepResult::Session {
            session_token,
            session,
            ..
        } => {
            lines.push(identity_id(&session.identity));
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
