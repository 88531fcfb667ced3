//! `register`, `login` and `verify`: drive a code flow on the embedded engine,
//! or on a Kratos over HTTP (`--endpoint`).
//! A step that sends a code then asks for it on a terminal, reads it from the
//! local outbox with `--auto`, or prints the flow id for `--flow ID --code C`.

use clap::Args;
use serde_json::{Value, json};

use super::backend::{self, Backend, EndpointFlags};
use super::engine;
use super::step_output::{StepFormat, StepResult, emit_output, print_result, refuse};
use super::{Context, Failure, ProjectFlag, output};
use crate::client::{FlowView, Reply};
use crate::engine::FlowKind;

// How a flow verb proceeds after the first step.
#[derive(Debug, Clone, Args)]
pub(super) struct StepArgs {
    /// Continue this flow: with --code to submit a code, or --resend.
    #[arg(long, value_name = "ID")]
    flow: Option<String>,
    /// The code that was sent (with --flow).
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// Send a new code for --flow; older codes stop working.
    #[arg(long, requires = "flow", conflicts_with = "code")]
    resend: bool,
    /// Read the code from the local outbox and complete the flow at once.
    #[arg(long, conflicts_with_all = ["flow", "code", "resend"])]
    auto: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StepFormat::Text)]
    format: StepFormat,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `login`.
#[derive(Debug, Args)]
pub(super) struct LoginArgs {
    /// The email address or phone number of the account.
    #[arg(long, value_name = "ADDRESS", required_unless_present_any = ["flow", "code"])]
    identifier: Option<String>,
    #[command(flatten)]
    step: StepArgs,
}

// `register`.
#[derive(Debug, Args)]
pub(super) struct RegisterArgs {
    /// A trait, `name=value` (dots for nested traits: `name.first=Ada`); repeatable.
    #[arg(long = "trait", value_name = "NAME=VALUE")]
    traits: Vec<String>,
    /// All traits as a JSON object (merged under the --trait values).
    #[arg(long = "traits", value_name = "JSON")]
    traits_json: Option<String>,
    #[command(flatten)]
    step: StepArgs,
}

// `verify`.
#[derive(Debug, Args)]
pub(super) struct VerifyArgs {
    /// The email address or phone number to verify.
    #[arg(long, value_name = "ADDRESS", required_unless_present_any = ["flow", "code"])]
    address: Option<String>,
    #[command(flatten)]
    step: StepArgs,
}

/// What is being driven, with the input of its first step.
#[derive(Debug, Clone)]
enum Kind {
    Login(Option<String>),
    Registration(Option<Value>),
    Verification(Option<String>),
}

impl Kind {
    /// The command that drives this kind of flow.
    fn verb(&self) -> &'static str {
        match self {
            Kind::Login(_) => "login",
            Kind::Registration(_) => "register",
            Kind::Verification(_) => "verify",
        }
    }

    fn flow_kind(&self) -> FlowKind {
        match self {
            Kind::Login(_) => FlowKind::Login,
            Kind::Registration(_) => FlowKind::Registration,
            Kind::Verification(_) => FlowKind::Verification,
        }
    }
}

/// Runs `login`.
pub(super) fn login(args: LoginArgs, cx: Context) -> Result<(), Failure> {
    drive(Kind::Login(args.identifier), &args.step, cx)
}

/// Runs `register`.
pub(super) fn register(args: RegisterArgs, cx: Context) -> Result<(), Failure> {
    let traits = if args.traits.is_empty() && args.traits_json.is_none() {
        None
    } else {
        Some(parse_traits(&args.traits, args.traits_json.as_deref())?)
    };
    if traits.is_none() && args.step.flow.is_none() && args.step.code.is_none() {
        return Err(Failure::usage(
            "give the traits with --trait NAME=VALUE or --traits JSON",
        ));
    }
    drive(Kind::Registration(traits), &args.step, cx)
}

/// Runs `verify`.
pub(super) fn verify(args: VerifyArgs, cx: Context) -> Result<(), Failure> {
    drive(Kind::Verification(args.address), &args.step, cx)
}

fn drive(kind: Kind, step: &StepArgs, cx: Context) -> Result<(), Failure> {
    if step.code.is_some() && step.flow.is_none() {
        return Err(Failure::usage(format!(
            "--code needs --flow ID (printed by the {} that sent the code, as `flow: ID`)",
            kind.verb()
        )));
    }
    if step.flow.is_some() && step.code.is_none() && !step.resend {
        return Err(Failure::usage("--flow needs --code CODE or --resend"));
    }
    let backend = backend::open(&step.endpoints, &step.project)?;
    let flow_kind = kind.flow_kind();
    let reply = match &step.flow {
        Some(id) => backend.get_flow(flow_kind, id)?,
        None => backend.create_flow(flow_kind)?,
    };
    let flow = match (reply.flow(), &step.flow) {
        (Some(flow), _) if reply.status == 200 => flow,
        (_, Some(id)) if reply.status == 404 => {
            return Err(Failure::op(format!(
                "{} flow `{id}` not found",
                flow_kind.as_str()
            )));
        }
        (_, None) if reply.status == 404 => {
            return Err(Failure::op(format!(
                "GET /self-service/{}/api answered 404: is --endpoint Kratos' public API?",
                flow_kind.as_str()
            )));
        }
        _ => return Err(refuse(step.format, reply)?),
    };
    let (flow, mut code, recipients) = match (&step.flow, &step.code) {
        (Some(_), Some(code)) => (flow, code.clone(), None),
        _ => {
            let (sent, body) = send_code(&backend, &kind, &flow, step, cx)?;
            match obtain_code(&backend, &kind, step, &sent)? {
                Some(Obtained::Typed { code, recipients }) => (sent, code, Some(recipients)),
                Some(Obtained::FromOutbox(code)) => (sent, code, None),
                None => return finish_pending(step, &sent, body, cx),
            }
        }
    };
    loop {
        let since = backend.now_ms();
        let body = step_body(&kind, &flow, Some(&code), false);
        let reply = backend.submit(flow_kind, &flow.id, body)?;
        backend.after_step(cx, &flow.id, since)?;
        let reply = match completed(&kind, &flow, reply) {
            Ok(done) => return print_result(step.format, done),
            Err(reply) => reply,
        };
        // A code typed on a terminal that was wrong is asked for again; the
        // engine counts the submissions and refuses with another message once
        // the flow's are used up, which ends the loop.
        let retyped = match &recipients {
            Some(recipients) if wrong_code(&reply) => retry_code(&reply, recipients)?,
            _ => None,
        };
        match retyped {
            Some(again) => code = again,
            None => return Err(refuse(step.format, reply)?),
        }
    }
}

/// Kratos' "the code is invalid or has already been used" of each flow.
fn wrong_code(reply: &Reply) -> bool {
    use crate::engine::texts::{
        LOGIN_CODE_INVALID, REGISTRATION_CODE_INVALID, VERIFICATION_CODE_INVALID,
    };
    let ids = [
        LOGIN_CODE_INVALID.0,
        REGISTRATION_CODE_INVALID.0,
        VERIFICATION_CODE_INVALID.0,
    ];
    reply
        .flow()
        .is_some_and(|flow| flow.errors().any(|error| ids.contains(&error.id)))
}

/// Says the code was wrong and where it can be read, and asks again.
fn retry_code(reply: &Reply, recipients: &str) -> Result<Option<String>, Failure> {
    if let Some(flow) = reply.flow() {
        output::warning(&format!(
            "{} The code sent to {recipients} is in the local outbox when no SMTP server is set: otpctl list courier-messages --recipient {}",
            flow.error_texts().join(" "),
            recipients.split(", ").next().unwrap_or_default()
        ));
    }
    engine::prompt_code(recipients)
}

/// Where the code came from.
enum Obtained {
    /// Typed on the terminal; it can be asked for again.
    Typed { code: String, recipients: String },
    /// Read from the outbox (`--auto`).
    FromOutbox(String),
}

/// The first step (or a resend): a code is sent; the flow comes back, read and
/// as Kratos sent it.
fn send_code(
    backend: &Backend,
    kind: &Kind,
    flow: &FlowView,
    step: &StepArgs,
    cx: Context,
) -> Result<(FlowView, Value), Failure> {
    let since = backend.now_ms();
    let body = step_body(kind, flow, None, step.resend);
    let reply = backend.submit(kind.flow_kind(), &flow.id, body)?;
    let sent = reply
        .flow()
        .filter(|sent| sent.state == "sent_email" && sent.errors().next().is_none());
    let Some(sent) = sent.filter(|_| matches!(reply.status, 200 | 400)) else {
        return Err(refuse(step.format, reply)?);
    };
    backend.after_step(cx, &sent.id, since)?;
    Ok((sent, reply.body))
}

/// The code for a flow whose code was just sent: from the outbox (`--auto`), a
/// prompt on a terminal, or None for scripts.
fn obtain_code(
    backend: &Backend,
    kind: &Kind,
    step: &StepArgs,
    flow: &FlowView,
) -> Result<Option<Obtained>, Failure> {
    if step.auto {
        return backend
            .code_for(kind.flow_kind(), flow)
            .map(|code| Some(Obtained::FromOutbox(code)));
    }
    if step.resend {
        return Ok(None);
    }
    let recipients = backend.recipients(flow)?;
    Ok(engine::prompt_code(&recipients)?.map(|code| Obtained::Typed { code, recipients }))
}

/// A code was sent and nobody can type it here: print the flow to continue.
fn finish_pending(
    step: &StepArgs,
    flow: &FlowView,
    body: Value,
    cx: Context,
) -> Result<(), Failure> {
    let id = flow.id.as_str();
    match step.format {
        StepFormat::Text => {
            output::emit_line(&format!("flow: {id}"))?;
            output::status(
                cx,
                &format!("a code was sent; finish with --flow {id} --code CODE"),
            );
            Ok(())
        }
        StepFormat::Json => emit_output(StepResult::CodeSent { flow: body }),
    }
}

/// A step's JSON body: the identifier (login), the traits (registration) or,
/// to send a code, the address (verification), each from the command line or
/// else from the flow; then the `code`, or `resend` for a new one (Kratos'
/// verification resends by sending the address again).
fn step_body(kind: &Kind, flow: &FlowView, code: Option<&str>, resend: bool) -> Value {
    let mut body = json!({ "method": "code" });
    match kind {
        Kind::Login(identifier) => {
            body["identifier"] = json!(identifier.clone().or_else(|| flow.text("identifier")));
        }
        Kind::Registration(traits) => {
            body["traits"] = json!(traits.clone().or_else(|| hidden_traits(flow)));
        }
        Kind::Verification(address) if code.is_none() => {
            body["email"] = json!(address.clone().or_else(|| flow_address(flow)));
        }
        Kind::Verification(_) => {}
    }
    match code {
        Some(code) => body["code"] = json!(code),
        None if resend && !matches!(kind, Kind::Verification(_)) => body["resend"] = json!("code"),
        None => {}
    }
    body
}

/// The result of a completed step, or the reply that refused it.
fn completed(kind: &Kind, flow: &FlowView, reply: Reply) -> Result<StepResult, Reply> {
    if reply.status != 200 {
        return Err(reply);
    }
    let continue_with = |reply: &Reply| match reply.field("continue_with") {
        Value::Array(items) => items,
        _ => Vec::new(),
    };
    let string = |reply: &Reply, name: &str| reply.field(name).as_str().map(str::to_string);
    match kind {
        Kind::Login(_) if reply.body.get("session").is_some() => Ok(StepResult::Session {
            session_token: string(&reply, "session_token").unwrap_or_default(),
            session: reply.field("session"),
            continue_with: continue_with(&reply),
        }),
        Kind::Registration(_) if reply.body.get("identity").is_some() => Ok(StepResult::Identity {
            identity: reply.field("identity"),
            session_token: string(&reply, "session_token"),
            session: reply.body.get("session").cloned(),
            continue_with: continue_with(&reply),
        }),
        Kind::Verification(address)
            if reply.flow().is_some_and(|f| f.state == "passed_challenge") =>
        {
            Ok(StepResult::Verified {
                address: address.clone().or_else(|| flow_address(flow)),
                flow: reply.body,
            })
        }
        _ => Err(reply),
    }
}

/// The traits a registration flow sent its code for, from its hidden nodes.
fn hidden_traits(flow: &FlowView) -> Option<Value> {
    let mut traits = json!({});
    let mut any = false;
    for (path, value) in flow.values_under("traits.") {
        set_path(&mut traits, path, value.clone());
        any = true;
    }
    any.then_some(traits)
}

/// The address a verification flow sent its code to (its resend node).
fn flow_address(flow: &FlowView) -> Option<String> {
    flow.text("email").or_else(|| flow.text("sms"))
}

fn set_path(target: &mut Value, dotted: &str, value: Value) {
    let mut current = target;
    let parts: Vec<&str> = dotted.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            current[*part] = value;
            return;
        }
        if !current[*part].is_object() {
            current[*part] = json!({});
        }
        current = &mut current[*part];
    }
}

/// `--trait name=value` values over `--traits JSON`. Values are strings (a phone
/// number must not turn into a number); typed traits go in `--traits`.
fn parse_traits(pairs: &[String], json_text: Option<&str>) -> Result<Value, Failure> {
    let mut traits = match json_text {
        Some(text) => serde_json::from_str::<Value>(text)
            .map_err(|e| Failure::usage(format!("--traits {text:?}: not JSON: {e}")))?,
        None => json!({}),
    };
    if !traits.is_object() {
        return Err(Failure::usage("--traits must be a JSON object"));
    }
    for pair in pairs {
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| Failure::usage(format!("--trait {pair:?}: expected NAME=VALUE")))?;
        if name.is_empty() {
            return Err(Failure::usage(format!(
                "--trait {pair:?}: the name is empty"
            )));
        }
        set_path(&mut traits, name, Value::String(value.to_string()));
    }
    Ok(traits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traits_from_flags_nest_and_keep_strings() {
        let traits = parse_traits(
            &[
                "email=a@b.c".into(),
                "name.first=Ada".into(),
                "phone=4917667111638".into(),
            ],
            Some(r#"{"age": 36, "email": "old@b.c"}"#),
        )
        .expect("traits");
        assert_eq!(
            traits,
            json!({"age": 36, "email": "a@b.c", "name": {"first": "Ada"}, "phone": "4917667111638"})
        );
    }
}
