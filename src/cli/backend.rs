//! Where the engine verbs send their calls: the project's embedded engine, or
//! Kratos' HTTP APIs at `--endpoint` and `--admin-endpoint` (an `otpctl
//! serve`, or a real Kratos). Both answer in Kratos' wire format, a
//! [`Reply`], and the embedded engine answers through the same protocol layer
//! the server uses, so what a verb prints does not depend on which one
//! answered (`tests/cli/endpoint.rs` runs every verb both ways).

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::engine::{self, Opened, Page};
use super::{Context, Failure, ProjectFlag};
use crate::client::{ClientError, FlowView, MessageQuery, Remote, Reply};
use crate::courier::outbox::{self, CourierMessage, MessageFilter};
use crate::engine::{Flow, FlowKind, FlowRequest, FlowType};
use crate::protocol::csrf::{self, Rejection};
use crate::protocol::error::{self, ErrorBody};
use crate::protocol::steps::{self, StepError};
use crate::protocol::submission::Payload;

// `--endpoint` and `--admin-endpoint`.
#[derive(Debug, Clone, Default, Args)]
pub(super) struct EndpointFlags {
    /// Call Kratos' public API at URL (`otpctl serve`, or any Kratos) instead of the
    /// project's local engine.
    #[arg(
        long,
        env = "OTPCTL_ENDPOINT",
        value_name = "URL",
        hide_env_values = true,
        display_order = 90
    )]
    endpoint: Option<String>,
    /// Call Kratos' admin API at URL for identities and courier messages (and to read
    /// codes for --auto); `otpctl serve` prints it as "admin API".
    #[arg(
        long,
        env = "OTPCTL_ADMIN_ENDPOINT",
        value_name = "URL",
        hide_env_values = true,
        display_order = 91
    )]
    admin_endpoint: Option<String>,
}

/// The engine a verb talks to.
#[derive(Debug)]
pub(super) enum Backend {
    /// The project's embedded engine.
    Local(Box<Opened>),
    /// A Kratos over HTTP.
    Remote(Box<Http>),
}

/// A Kratos over HTTP, with the runtime its calls run on.
#[derive(Debug)]
pub(super) struct Http {
    /// Runs the client's futures on this thread.
    runtime: tokio::runtime::Runtime,
    /// The client.
    kratos: Remote,
}

/// Which courier messages to list.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct MessageSelect<'a> {
    /// Only with this status.
    pub status: Option<&'a str>,
    /// Only to this address or number.
    pub recipient: Option<&'a str>,
    /// Only of this flow (the embedded engine only).
    pub flow_id: Option<&'a str>,
}

/// A listing of courier messages, each with the code it carries, if any.
pub(super) struct ListedMessage {
    /// As Kratos' admin API gives it.
    pub message: Value,
    /// The code: from the template data locally; over HTTP, where Kratos'
    /// API has none, the six digits in the body.
    pub code: Option<String>,
}

/// The backend the flags name: a Kratos over HTTP when either endpoint is
/// given, else the project's engine.
pub(super) fn open(endpoints: &EndpointFlags, project: &ProjectFlag) -> Result<Backend, Failure> {
    if endpoints.endpoint.is_none() && endpoints.admin_endpoint.is_none() {
        return Ok(Backend::Local(Box::new(engine::open(project)?)));
    }
    let kratos = Remote::new(
        endpoints.endpoint.as_deref(),
        endpoints.admin_endpoint.as_deref(),
    )
    .map_err(|e| Failure::usage(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Failure::op)?;
    Ok(Backend::Remote(Box::new(Http { runtime, kratos })))
}

impl Backend {
    /// A new native flow of `kind` (`GET /self-service/{kind}/api`).
    pub(super) fn create_flow(&self, kind: FlowKind) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                let engine = &opened.engine;
                let request = FlowRequest {
                    request_url: Some(
                        engine.public_url(format_args!("self-service/{}/api", kind.as_str())),
                    ),
                    ..FlowRequest::default()
                };
                let flow = steps::create(engine, kind, &request).await?;
                json_reply(200, &flow)
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.create_flow(kind)),
        }
    }

    /// The flow `id` (`GET /self-service/{kind}/flows?id=`).
    pub(super) fn get_flow(&self, kind: FlowKind, id: &str) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                let flow = without_cookies(steps::fetch(&opened.engine, kind, id).await?)?;
                json_reply(200, &steps::unexpired(&opened.engine, flow)?)
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.get_flow(kind, id)),
        }
    }

    /// A step of flow `id` (`POST /self-service/{kind}?flow=` with JSON).
    pub(super) fn submit(&self, kind: FlowKind, id: &str, body: Value) -> Result<Reply, Failure> {
        match self {
            // The flow verbs fetch a flow (`get_flow`, which refuses browser
            // flows as the server refuses a client without cookies) or create
            // one before any step.
            Backend::Local(opened) => local(opened, async {
                let payload = Payload::Json(body);
                let answer = steps::submit(&opened.engine, kind, id, payload, |_| Ok(())).await?;
                Reply::from_answer(&answer).map_err(unshowable)
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.submit(kind, id, &body)),
        }
    }

    /// The session of a token (`GET /sessions/whoami`): 200, or 401
    /// `session_inactive`.
    pub(super) fn whoami(&self, token: &str) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                match opened.engine.whoami(token).await? {
                    Some(session) => json_reply(200, &session),
                    None => Err(error::session_inactive().into()),
                }
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.whoami(token)),
        }
    }

    /// Ends the session of a token (`DELETE /self-service/logout/api`): 204,
    /// or 403 for a token no session has.
    pub(super) fn logout(&self, token: &str) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                steps::logout(&opened.engine, token).await?;
                Ok(Reply::ok(204, Value::Null))
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.logout(token)),
        }
    }

    /// Locally: sends what the step on `flow_id` queued since `since` and
    /// reports it. A server's own courier sends what it queued.
    pub(super) fn after_step(&self, cx: Context, flow_id: &str, since: i64) -> Result<(), Failure> {
        match self {
            Backend::Local(opened) => opened.deliver_and_report(cx, flow_id, since),
            Backend::Remote(_) => Ok(()),
        }
    }

    /// Now, on the engine's clock (for [`Backend::after_step`]).
    pub(super) fn now_ms(&self) -> i64 {
        match self {
            Backend::Local(opened) => opened.engine.clock().now_ms(),
            Backend::Remote(_) => 0,
        }
    }

    /// Where the code of `flow` went: the recipients of its messages locally;
    /// over HTTP, the addresses the flow holds.
    pub(super) fn recipients(&self, flow: &FlowView) -> Result<String, Failure> {
        let recipients = match self {
            Backend::Local(opened) => opened
                .messages_of_flow(&flow.id)?
                .into_iter()
                .map(|m| m.recipient)
                .collect(),
            Backend::Remote(_) => addresses(flow),
        };
        Ok(recipients.join(", "))
    }

    /// The code just sent for `flow` (`--auto`): from the local outbox, or
    /// from the newest message to one of its addresses in the admin API.
    pub(super) fn code_for(&self, kind: FlowKind, flow: &FlowView) -> Result<String, Failure> {
        let http = match self {
            Backend::Local(opened) => return opened.code_from_outbox(&flow.id),
            Backend::Remote(http) => http,
        };
        if !http.kratos.has_admin() {
            return Err(Failure::usage(
                "--auto reads the code through Kratos' admin API: give --admin-endpoint URL",
            ));
        }
        let template = format!("{}_code_valid", kind.as_str());
        for recipient in addresses(flow) {
            let query = MessageQuery {
                recipient: Some(&recipient),
                status: None,
            };
            let reply = http.call(|kratos| kratos.list_messages(query, 20, None))?;
            let reply = success(reply, "listing courier messages")?;
            let code = into_items(reply)
                .into_iter()
                .filter(|m| m["template_type"] == template.as_str())
                .find_map(|m| code_in_body(m["body"].as_str().unwrap_or_default()));
            if let Some(code) = code {
                return Ok(code);
            }
        }
        Err(Failure::op(format!(
            "no {template} message to {} in the admin API; nothing to complete flow `{}` with",
            addresses(flow).join(" or "),
            flow.id
        )))
    }

    /// One page of identities, oldest first.
    pub(super) fn list_identities(&self, page: Page) -> Result<Vec<Value>, Failure> {
        match self {
            Backend::Local(opened) => {
                let identities = opened
                    .runtime
                    .block_on(opened.engine.list_identities(page.size, page.offset()))
                    .map_err(Failure::op)?;
                identities.iter().map(to_json).collect()
            }
            Backend::Remote(http) => {
                let list = |token: Option<String>| {
                    let reply =
                        http.call(|kratos| kratos.list_identities(page.size, token.as_deref()))?;
                    success(reply, "listing identities")
                };
                nth_page(page, list)
            }
        }
    }

    /// One identity (`GET /admin/identities/{id}`).
    pub(super) fn get_identity(&self, id: &str) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                json_reply(200, &opened.engine.get_identity(id).await?)
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.get_identity(id)),
        }
    }

    /// Creates an identity from a `createIdentityBody` (`POST
    /// /admin/identities`): 201, or Kratos' 400 or 409.
    pub(super) fn create_identity(&self, document: &Value) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                json_reply(201, &opened.engine.import_identity(document).await?)
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.create_identity(document)),
        }
    }

    /// Deletes an identity (`DELETE /admin/identities/{id}`): 204, or 404.
    pub(super) fn delete_identity(&self, id: &str) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                opened.engine.delete_identity(id).await?;
                Ok(Reply::ok(204, Value::Null))
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.delete_identity(id)),
        }
    }

    /// One page of courier messages, newest first.
    pub(super) fn list_messages(
        &self,
        select: MessageSelect<'_>,
        page: Page,
    ) -> Result<Vec<ListedMessage>, Failure> {
        let MessageSelect {
            status,
            recipient,
            flow_id,
        } = select;
        match self {
            Backend::Local(opened) => {
                let filter = MessageFilter {
                    status: status.map(str::to_string),
                    recipient: recipient.map(str::to_string),
                    flow_id: flow_id.map(str::to_string),
                };
                let records = opened
                    .runtime
                    .block_on(
                        opened
                            .engine
                            .list_messages(&filter, page.size, page.offset()),
                    )
                    .map_err(Failure::op)?;
                records
                    .iter()
                    .map(|record| {
                        Ok(ListedMessage {
                            message: to_json(&CourierMessage::new(record, None))?,
                            code: outbox::code_of(record).map(str::to_string),
                        })
                    })
                    .collect()
            }
            Backend::Remote(http) => {
                if flow_id.is_some() {
                    return Err(Failure::usage(
                        "--flow cannot be used with --admin-endpoint: Kratos' courier messages do not name their flow",
                    ));
                }
                let query = MessageQuery { status, recipient };
                let list = |token: Option<String>| {
                    let reply = http
                        .call(|kratos| kratos.list_messages(query, page.size, token.as_deref()))?;
                    success(reply, "listing courier messages")
                };
                Ok(nth_page(page, list)?
                    .into_iter()
                    .map(|message| ListedMessage {
                        code: code_in_body(message["body"].as_str().unwrap_or_default()),
                        message,
                    })
                    .collect())
            }
        }
    }

    /// One courier message with its dispatches.
    pub(super) fn get_message(&self, id: &str) -> Result<Reply, Failure> {
        match self {
            Backend::Local(opened) => local(opened, async {
                match opened.engine.get_message(id).await? {
                    Some((message, dispatches)) => {
                        json_reply(200, &CourierMessage::new(&message, Some(&dispatches)))
                    }
                    None => Err(error::not_found().into()),
                }
            }),
            Backend::Remote(http) => http.call(|kratos| kratos.get_message(id)),
        }
    }
}

impl Http {
    /// Runs one call of the client.
    fn call<'a, F>(&'a self, call: impl FnOnce(&'a Remote) -> F) -> Result<Reply, Failure>
    where
        F: std::future::Future<Output = Result<Reply, ClientError>> + 'a,
    {
        remote(self.runtime.block_on(call(&self.kratos)))
    }
}

/// The flow, as the server gives it to a client without cookies, which the
/// CLI is: a browser flow needs its CSRF cookie (Kratos' 403).
fn without_cookies(flow: Flow) -> Result<Flow, StepError> {
    if flow.flow_type == FlowType::Browser {
        return Err(csrf::violation(Rejection::NoCookies, false).into());
    }
    Ok(flow)
}

/// Runs a step on the embedded engine: a refusal becomes Kratos' error
/// answer, as the server would send it; an engine failure the server would
/// hide behind a 500 is reported as it is.
fn local(
    opened: &Opened,
    step: impl std::future::Future<Output = Result<Reply, StepError>>,
) -> Result<Reply, Failure> {
    match opened.runtime.block_on(step) {
        Ok(reply) => Ok(reply),
        Err(StepError::Refused(body)) => error_reply(&body),
        Err(StepError::Engine(engine)) => {
            let body = error::from_engine(&engine);
            if body.status() < 500 {
                error_reply(&body)
            } else {
                Err(Failure::op(engine))
            }
        }
    }
}

fn remote(result: Result<Reply, ClientError>) -> Result<Reply, Failure> {
    result.map_err(|e| match e {
        ClientError::Missing { .. } | ClientError::BadUrl { .. } => Failure::usage(e.to_string()),
        other => Failure::op(other),
    })
}

fn error_reply(body: &ErrorBody) -> Result<Reply, Failure> {
    Ok(Reply::ok(body.status(), to_json(body)?))
}

fn json_reply(status: u16, value: &impl Serialize) -> Result<Reply, StepError> {
    let body = serde_json::to_value(value).map_err(unshowable)?;
    Ok(Reply::ok(status, body))
}

/// A value that did not serialise (a flow whose UI was not read).
fn unshowable(error: serde_json::Error) -> StepError {
    StepError::Refused(error::internal(format!("cannot show the answer: {error}")))
}

fn to_json(value: &impl Serialize) -> Result<Value, Failure> {
    serde_json::to_value(value).map_err(|e| Failure::op(format!("cannot show the answer: {e}")))
}

/// A 2xx reply, or the failure of `what` with Kratos' reason.
pub(super) fn success(reply: Reply, what: &str) -> Result<Reply, Failure> {
    match reply.status {
        200..=299 => Ok(reply),
        404 => Err(Failure::op(format!("{what} not found"))),
        _ => Err(Failure::op(format!("{what}: {}", reply.reason()))),
    }
}

/// The items of a listing's body (an array).
fn into_items(reply: Reply) -> Vec<Value> {
    match reply.body {
        Value::Array(items) => items,
        _ => Vec::new(),
    }
}

/// Page `page.number` of a listing over HTTP: Kratos' pages are reached by
/// following each page's `next` token from the first.
fn nth_page(
    page: Page,
    mut list: impl FnMut(Option<String>) -> Result<Reply, Failure>,
) -> Result<Vec<Value>, Failure> {
    let mut reply = list(None)?;
    for _ in 0..page.number {
        match reply.next_page.take() {
            Some(token) => reply = list(Some(token))?,
            None => return Ok(Vec::new()),
        }
    }
    Ok(into_items(reply))
}

/// The addresses a flow holds: the identifier (login), the address
/// (verification), or the traits that are email addresses or phone numbers
/// (registration).
fn addresses(flow: &FlowView) -> Vec<String> {
    let direct = ["identifier", "email"]
        .iter()
        .filter_map(|name| flow.text(name));
    let traits = flow
        .values_under("traits.")
        .filter_map(|(_, value)| value.as_str())
        .filter(|text| text.contains('@') || text.starts_with('+'))
        .map(str::to_string);
    let mut all: Vec<String> = direct.chain(traits).collect();
    all.dedup();
    all
}

/// The one-time code in a message body: its first run of exactly six digits
/// (Kratos' codes are six digits; its API does not give template data).
fn code_in_body(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        if !bytes[start].is_ascii_digit() {
            start += 1;
            continue;
        }
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| start + n);
        if end - start == 6 {
            return Some(body[start..end].to_string());
        }
        start = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_the_first_run_of_six_digits() {
        assert_eq!(
            code_in_body("Hi 2026, your code is:\n\n123456\n").as_deref(),
            Some("123456")
        );
        assert_eq!(code_in_body("call +4917667111638 or 1234567"), None);
        assert_eq!(code_in_body("654321").as_deref(), Some("654321"));
    }
}
