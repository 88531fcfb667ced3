//! `register`, `login` and `verify`: drive a code flow on the embedded engine.
//! A step that sends a code then asks for it on a terminal, reads it from the
//! local outbox with `--auto`, or prints the flow id for `--flow ID --code C`.

use clap::Args;
use serde_json::{Value, json};

use super::engine::{self, Opened};
use super::step_output::{StepFormat, StepResult, emit_output, print_result, refuse};
use super::{Context, Failure, ProjectFlag, output};
use crate::engine::{
    Flow, FlowKind, FlowRequest, FlowState, LoginSubmission, Outcome, RegistrationSubmission,
    VerificationSubmission,
};
use crate::protocol::{Answer, unless_done};

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
    let opened = engine::open(&step.project)?;
    let flow = match &step.flow {
        Some(id) => opened
            .runtime
            .block_on(opened.engine.get_flow(id))
            .map_err(Failure::op)?,
        None => create(&opened, &kind)?,
    };
    let flow_id = flow.id.clone();
    let (mut code, recipients) = match (&step.flow, &step.code) {
        (Some(_), Some(code)) => (code.clone(), None),
        _ => {
            let sent = send_code(&opened, &kind, &flow, step, cx)?;
            match obtain_code(&opened, step, &sent, cx)? {
                Some(Obtained::Typed { code, recipients }) => (code, Some(recipients)),
                Some(Obtained::FromOutbox(code)) => (code, None),
                None => return finish_pending(step, &sent, cx),
            }
        }
    };
    loop {
        let fresh = opened
            .runtime
            .block_on(opened.engine.get_flow(&flow_id))
            .map_err(Failure::op)?;
        let since = opened.engine.clock().now_ms();
        let outcome = submit_code(&opened, &kind, &fresh, &code)?;
        opened.deliver_and_report(cx, &flow_id, since)?;
        let answer = match outcome {
            Ok(done) => return print_result(step.format, done),
            Err(answer) => answer,
        };
        // A code typed on a terminal that was wrong is asked for again; the
        // engine counts the submissions and refuses with another message once
        // the flow's are used up, which ends the loop.
        let retyped = match &recipients {
            Some(recipients) if wrong_code(&answer) => retry_code(&answer, recipients)?,
            _ => None,
        };
        match retyped {
            Some(again) => code = again,
            None => return Err(refuse(step.format, answer)?),
        }
    }
}

/// Kratos' "the code is invalid or has already been used" of each flow.
fn wrong_code(answer: &Answer) -> bool {
    use crate::engine::texts::{
        LOGIN_CODE_INVALID, REGISTRATION_CODE_INVALID, VERIFICATION_CODE_INVALID,
    };
    let ids = [
        LOGIN_CODE_INVALID.0,
        REGISTRATION_CODE_INVALID.0,
        VERIFICATION_CODE_INVALID.0,
    ];
    match &answer.body {
        crate::protocol::Body::Flow(flow) => flow
            .container()
            .into_iter()
            .flat_map(|ui| ui.errors())
            .any(|error| ids.contains(&error.id)),
        _ => false,
    }
}

/// Says the code was wrong and where it can be read, and asks again.
fn retry_code(answer: &Answer, recipients: &str) -> Result<Option<String>, Failure> {
    if let crate::protocol::Body::Flow(flow) = &answer.body {
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
    /// Read from the local outbox (`--auto`).
    FromOutbox(String),
}

fn create(opened: &Opened, kind: &Kind) -> Result<Flow, Failure> {
    let request = FlowRequest::default();
    let engine = &opened.engine;
    let created = match kind {
        Kind::Login(_) => opened.runtime.block_on(engine.create_login_flow(&request)),
        Kind::Registration(_) => opened
            .runtime
            .block_on(engine.create_registration_flow(&request)),
        Kind::Verification(_) => opened
            .runtime
            .block_on(engine.create_verification_flow(&request)),
    };
    created.map_err(Failure::op)
}

/// The first step (or a resend): the engine sends a code; the flow comes back.
fn send_code(
    opened: &Opened,
    kind: &Kind,
    flow: &Flow,
    step: &StepArgs,
    cx: Context,
) -> Result<Flow, Failure> {
    let id = flow.id.as_str();
    let engine = &opened.engine;
    let since = engine.clock().now_ms();
    let outcome = match kind {
        Kind::Login(identifier) => {
            let submission = LoginSubmission {
                identifier: identifier
                    .clone()
                    .or_else(|| hidden_value(flow, "identifier")),
                resend: true,
                ..LoginSubmission::default()
            };
            let result = opened
                .runtime
                .block_on(engine.submit_login(id, &submission));
            result.map_err(Failure::op)?.map(drop)
        }
        Kind::Registration(traits) => {
            let submission = RegistrationSubmission {
                traits: traits.clone().or_else(|| hidden_traits(flow)),
                resend: true,
                ..RegistrationSubmission::default()
            };
            let result = opened
                .runtime
                .block_on(engine.submit_registration(id, &submission));
            result.map_err(Failure::op)?.map(drop)
        }
        Kind::Verification(address) => {
            let submission = VerificationSubmission {
                email: address.clone().or_else(|| flow_address(flow)),
                ..VerificationSubmission::default()
            };
            let result = opened
                .runtime
                .block_on(engine.submit_verification(id, &submission));
            result.map_err(Failure::op)?.map(drop)
        }
    };
    let sent = match outcome {
        Outcome::Flow(flow)
            if flow.state == FlowState::SentEmail && flow.error_texts().is_empty() =>
        {
            flow
        }
        other => {
            let now = engine.clock().now_ms();
            let answer = match unless_done(kind.flow_kind(), other, now) {
                Err(answer) => answer,
                Ok(()) => return Err(Failure::op("unexpected completion")),
            };
            return Err(refuse(step.format, answer)?);
        }
    };
    opened.deliver_and_report(cx, id, since)?;
    Ok(sent)
}

/// The code for a flow whose code was just sent: from the outbox (`--auto`), a
/// prompt on a terminal, or None for scripts.
fn obtain_code(
    opened: &Opened,
    step: &StepArgs,
    flow: &Flow,
    _cx: Context,
) -> Result<Option<Obtained>, Failure> {
    let id = flow.id.as_str();
    if step.auto {
        return opened
            .code_from_outbox(id)
            .map(|code| Some(Obtained::FromOutbox(code)));
    }
    if step.resend {
        return Ok(None);
    }
    let recipients = opened
        .messages_of_flow(id)?
        .iter()
        .map(|m| m.recipient.clone())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(engine::prompt_code(&recipients)?.map(|code| Obtained::Typed { code, recipients }))
}

/// A code was sent and nobody can type it here: print the flow to continue.
fn finish_pending(step: &StepArgs, flow: &Flow, cx: Context) -> Result<(), Failure> {
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
        StepFormat::Json => emit_output(StepResult::CodeSent { flow: flow.clone() }),
    }
}

/// The second step: the code (with the identifier or traits the flow holds).
/// The outer error is a failure to run the step; the inner one Kratos' answer
/// to a step that did not complete.
fn submit_code(
    opened: &Opened,
    kind: &Kind,
    flow: &Flow,
    code: &str,
) -> Result<Result<StepResult, Answer>, Failure> {
    let id = flow.id.as_str();
    let engine = &opened.engine;
    let code = Some(code.to_string());
    let flow_kind = kind.flow_kind();
    let now = || engine.clock().now_ms();
    Ok(match kind {
        Kind::Login(identifier) => {
            let submission = LoginSubmission {
                identifier: identifier
                    .clone()
                    .or_else(|| hidden_value(flow, "identifier")),
                code,
                ..LoginSubmission::default()
            };
            let outcome = opened
                .runtime
                .block_on(engine.submit_login(id, &submission))
                .map_err(Failure::op)?;
            unless_done(flow_kind, outcome, now()).map(|done| StepResult::Session {
                session_token: done.session_token,
                session: Box::new(done.session),
                continue_with: done.continue_with,
            })
        }
        Kind::Registration(traits) => {
            let submission = RegistrationSubmission {
                traits: traits.clone().or_else(|| hidden_traits(flow)),
                code,
                ..RegistrationSubmission::default()
            };
            let outcome = opened
                .runtime
                .block_on(engine.submit_registration(id, &submission))
                .map_err(Failure::op)?;
            unless_done(flow_kind, outcome, now()).map(|done| StepResult::Identity {
                identity: Box::new(done.identity),
                session_token: done.session_token,
                session: done.session.map(Box::new),
                continue_with: done.continue_with,
            })
        }
        Kind::Verification(address) => {
            let submission = VerificationSubmission {
                code,
                ..VerificationSubmission::default()
            };
            let address = address.clone().or_else(|| flow_address(flow));
            let outcome = opened
                .runtime
                .block_on(engine.submit_verification(id, &submission))
                .map_err(Failure::op)?;
            unless_done(flow_kind, outcome, now())
                .map(|flow| StepResult::Verified { address, flow })
        }
    })
}

/// The value of a hidden input of a flow's UI.
fn hidden_value(flow: &Flow, name: &str) -> Option<String> {
    flow.node_value(name)
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The traits a registration flow sent its code for, from its hidden nodes.
fn hidden_traits(flow: &Flow) -> Option<Value> {
    let mut traits = json!({});
    let mut any = false;
    for node in &flow.container()?.nodes {
        let Some(input) = node.input() else {
            continue;
        };
        let (Some(path), Some(value)) = (input.name.strip_prefix("traits."), &input.value) else {
            continue;
        };
        set_path(&mut traits, path, value.clone());
        any = true;
    }
    any.then_some(traits)
}

/// The address a verification flow sent its code to (its resend node).
fn flow_address(flow: &Flow) -> Option<String> {
    hidden_value(flow, "email").or_else(|| hidden_value(flow, "sms"))
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
