//! `quickstart`: the whole product on an embedded default. A fresh email-sms
//! project gets the seed's patches (passwordless on, an SMS channel pointing at
//! a webhook receiver that quickstart runs itself), is validated, and a user
//! registers, verifies the phone and logs in by email and by SMS code.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use clap::Args;
use serde_json::{Value, json};

use super::engine::{self, Opened};
use super::{Context, Failure, ProjectFlag, output};
use crate::engine::{
    Flow, FlowRequest, FlowState, LoginSubmission, Outcome, RegistrationSubmission,
    VerificationSubmission,
};
use crate::project::{Home, Preset};

/// The seed's Jsonnet body: `function(ctx) { ctx: ctx }`, base64 with CRLFs.
const SEED_BODY: &str = "base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0=";

// `quickstart`.
#[derive(Debug, Args)]
pub(super) struct QuickstartArgs {
    /// Keep the project in this directory (created if missing; default: a temporary one, removed afterwards).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// The demo user's email address.
    #[arg(long, default_value = "ada@example.com", value_name = "ADDRESS")]
    email: String,
    /// The demo user's phone number (international format).
    #[arg(long, default_value = "+4917667111638", value_name = "NUMBER")]
    phone: String,
}

/// What the SMS receiver got.
type Inbox = Arc<Mutex<Vec<Value>>>;

/// Runs the quickstart.
pub(super) fn run(args: QuickstartArgs, cx: Context) -> Result<(), Failure> {
    // The story is on stdout; the notes of the steps belong in it, in order.
    output::notes_on_stdout();
    let temporary = match &args.dir {
        Some(_) => None,
        None => Some(tempfile::tempdir().map_err(Failure::op)?),
    };
    let root = args
        .dir
        .clone()
        .or_else(|| temporary.as_ref().map(|t| t.path().to_path_buf()))
        .unwrap_or_default();
    let inbox = Inbox::default();
    let receiver = start_receiver(Arc::clone(&inbox))?;
    let config = create_project(&root)?;
    patch_like_the_seed(&config, receiver)?;
    step("validate the config");
    cli(&["validate", "identity-config", &config.display().to_string()])?;
    let opened = engine::open(&ProjectFlag::from_path(&config))?;
    let demo = Demo {
        opened: &opened,
        inbox: &inbox,
        cx,
    };
    demo.register(&args.email, &args.phone)?;
    demo.verify(&args.phone)?;
    demo.login(&args.email, "email")?;
    demo.login(&args.phone, "SMS")?;
    step("done");
    match &args.dir {
        Some(dir) => say(&format!("the project stays in {}", dir.display())),
        None => say("the temporary project is removed; pass --dir DIR to keep it"),
    }
    Ok(())
}

fn create_project(root: &Path) -> Result<PathBuf, Failure> {
    step("create a project from the email-sms preset");
    let home = Home::at(root);
    let project = home
        .create(Some("quickstart"), Preset::EmailSms)
        .map_err(Failure::op)?;
    let config = project.config_path();
    say(&format!("config: {}", config.display()));
    Ok(config)
}

fn patch_like_the_seed(config: &Path, receiver: SocketAddr) -> Result<(), Failure> {
    let path = config.display().to_string();
    step("turn on passwordless login and registration by code");
    cli(&[
        "patch",
        "identity-config",
        &path,
        "--yes",
        "--add",
        "/selfservice/methods/code/passwordless_enabled=true",
    ])?;
    step("send SMS through a webhook whose body is the seed's Jsonnet");
    let channels = json!([{
        "id": "sms",
        "type": "http",
        "request_config": { "method": "PUT", "body": SEED_BODY, "url": format!("http://{receiver}/sms") }
    }]);
    cli(&[
        "patch",
        "identity-config",
        &path,
        "--yes",
        "--replace",
        &format!("/courier/channels={channels}"),
    ])?;
    say(&format!("SMS receiver listening on http://{receiver}/sms"));
    Ok(())
}

/// Runs an otpctl command line in this process, exactly as a user types it.
fn cli(args: &[&str]) -> Result<(), Failure> {
    let code = super::run(std::iter::once("otpctl").chain(args.iter().copied()));
    if code == std::process::ExitCode::SUCCESS {
        Ok(())
    } else {
        Err(Failure::op(format!("`otpctl {}` failed", args.join(" "))))
    }
}

struct Demo<'a> {
    opened: &'a Opened,
    inbox: &'a Inbox,
    cx: Context,
}

impl Demo<'_> {
    fn register(&self, email: &str, phone: &str) -> Result<(), Failure> {
        step(&format!("register {email} / {phone} by code"));
        let engine = &self.opened.engine;
        let flow = self.block(engine.create_registration_flow(&FlowRequest::default()))?;
        let id = flow_id(&flow);
        let mut submission = RegistrationSubmission {
            traits: Some(json!({ "email": email, "phone": phone })),
            ..RegistrationSubmission::default()
        };
        let sent = self.step_outcome(&id, engine.submit_registration(&id, &submission))?;
        expect_sent(&sent)?;
        submission.code = Some(self.code_from_outbox(&id, email)?);
        let done = match self.step_outcome(&id, engine.submit_registration(&id, &submission))? {
            Outcome::Done(done) => done,
            other => return Err(unexpected(other)),
        };
        say(&format!(
            "identity {} created; {email} is verified by the code",
            done.identity.id
        ));
        if let Some(token) = &done.session_token {
            say(&format!("session issued by the session hook: {token}"));
        }
        say(&format!(
            "the verification SMS to {phone} above comes from the post-registration verification hook (selfservice.flows.verification is enabled): each address the registration code did not verify gets a verification code"
        ));
        Ok(())
    }

    fn verify(&self, address: &str) -> Result<(), Failure> {
        step(&format!("verify {address} by code"));
        let engine = &self.opened.engine;
        let flow = self.block(engine.create_verification_flow(&FlowRequest::default()))?;
        let id = flow_id(&flow);
        let mut submission = VerificationSubmission {
            email: Some(address.to_string()),
            ..VerificationSubmission::default()
        };
        let sent = self.step_outcome(&id, engine.submit_verification(&id, &submission))?;
        expect_sent(&sent)?;
        submission.code = Some(self.code_from_sms(address)?);
        match self.step_outcome(&id, engine.submit_verification(&id, &submission))? {
            Outcome::Done(flow) => say(&ui_text(&flow)),
            other => return Err(unexpected(other)),
        }
        Ok(())
    }

    fn login(&self, identifier: &str, channel: &str) -> Result<(), Failure> {
        step(&format!("log in as {identifier} by {channel} code"));
        let engine = &self.opened.engine;
        let flow = self.block(engine.create_login_flow(&FlowRequest::default()))?;
        let id = flow_id(&flow);
        let mut submission = LoginSubmission {
            identifier: Some(identifier.to_string()),
            ..LoginSubmission::default()
        };
        let sent = self.step_outcome(&id, engine.submit_login(&id, &submission))?;
        expect_sent(&sent)?;
        let code = if identifier.contains('@') {
            self.code_from_outbox(&id, identifier)?
        } else {
            self.code_from_sms(identifier)?
        };
        submission.code = Some(code);
        match self.step_outcome(&id, engine.submit_login(&id, &submission))? {
            Outcome::Done(done) => say(&format!(
                "logged in: session {} ({}), token {}",
                done.session.id, done.session.authenticator_assurance_level, done.session_token
            )),
            other => return Err(unexpected(other)),
        }
        Ok(())
    }

    /// Runs one flow step, then the courier, and prints every message sent.
    fn step_outcome<T, F>(&self, flow_id: &str, step: F) -> Result<Outcome<T>, Failure>
    where
        F: std::future::Future<Output = Result<Outcome<T>, crate::engine::EngineError>>,
    {
        let since = self.opened.engine.clock().now_ms();
        let outcome = self.block(step)?;
        let received_before = self.received().len();
        self.opened.deliver_and_report(self.cx, flow_id, since)?;
        for message in self.opened.messages_of_flow(flow_id)?.iter().rev() {
            if message.created_at >= since && message.channel == "email" {
                say(&format!(
                    "email to {} (kept in the local outbox): {:?}",
                    message.recipient, message.subject
                ));
            }
        }
        for request in self.received().iter().skip(received_before) {
            let field = |name: &str| {
                request
                    .pointer(&format!("/body/ctx/{name}"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            say(&format!(
                "SMS webhook got {} {} ({}): {}",
                request["method"].as_str().unwrap_or_default(),
                request["path"].as_str().unwrap_or_default(),
                field("template_type"),
                field("body")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
        Ok(outcome)
    }

    fn block<T>(
        &self,
        future: impl std::future::Future<Output = Result<T, crate::engine::EngineError>>,
    ) -> Result<T, Failure> {
        self.opened.runtime.block_on(future).map_err(Failure::op)
    }

    fn code_from_outbox(&self, flow_id: &str, recipient: &str) -> Result<String, Failure> {
        let code = self.opened.code_from_outbox(flow_id)?;
        say(&format!(
            "read the code for {recipient} from the local outbox"
        ));
        Ok(code)
    }

    /// The code in the newest SMS the webhook received for `number`.
    fn code_from_sms(&self, number: &str) -> Result<String, Failure> {
        let received = self.received();
        let code = received
            .iter()
            .rev()
            .filter(|r| r.pointer("/body/ctx/recipient").and_then(Value::as_str) == Some(number))
            .find_map(|r| {
                let data = r.pointer("/body/ctx/template_data")?;
                ["login_code", "verification_code", "registration_code"]
                    .iter()
                    .find_map(|k| data.get(*k).and_then(Value::as_str))
                    .map(str::to_string)
            })
            .ok_or_else(|| Failure::op(format!("the SMS webhook received no code for {number}")))?;
        say(&format!(
            "read the code for {number} from the SMS webhook's request"
        ));
        Ok(code)
    }

    fn received(&self) -> Vec<Value> {
        self.inbox.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

/// Starts the webhook receiver on a free loopback port, on its own thread.
fn start_receiver(inbox: Inbox) -> Result<SocketAddr, Failure> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(Failure::op)?;
    listener.set_nonblocking(true).map_err(Failure::op)?;
    let address = listener.local_addr().map_err(Failure::op)?;
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                return;
            };
            let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
                let inbox = Arc::clone(&inbox);
                async move { record(request, &inbox).await }
            });
            let _ = axum::serve(listener, app).await;
        });
    });
    Ok(address)
}

async fn record(request: axum::extract::Request, inbox: &Inbox) -> axum::http::StatusCode {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let bytes = axum::body::to_bytes(request.into_body(), 1 << 20)
        .await
        .unwrap_or_default();
    let body = serde_json::from_slice::<Value>(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    if let Ok(mut received) = inbox.lock() {
        received.push(json!({ "method": method, "path": path, "body": body }));
    }
    axum::http::StatusCode::OK
}

fn expect_sent<T>(outcome: &Outcome<T>) -> Result<(), Failure> {
    match outcome {
        Outcome::Flow(flow) if flow.state == FlowState::SentEmail => {
            say(&ui_text(flow));
            Ok(())
        }
        Outcome::Flow(flow) => Err(Failure::op(format!("no code was sent: {}", ui_text(flow)))),
        _ => Err(Failure::op("no code was sent")),
    }
}

fn unexpected<T>(outcome: Outcome<T>) -> Failure {
    match outcome {
        Outcome::Flow(flow) => {
            Failure::op(format!("the flow did not complete: {}", ui_text(&flow)))
        }
        _ => Failure::op("the flow did not complete"),
    }
}

fn flow_id(flow: &Flow) -> String {
    flow.id.clone()
}

/// The flow's container messages, for the transcript.
fn ui_text(flow: &Flow) -> String {
    flow.container()
        .into_iter()
        .flat_map(|ui| ui.messages.iter())
        .map(|m| m.text.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

fn step(title: &str) {
    let _ = output::emit_line(&format!("\n==> {title}"));
}

fn say(text: &str) {
    let _ = output::emit_line(&format!("    {text}"));
}
