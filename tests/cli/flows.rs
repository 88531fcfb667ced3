//! `register`, `login`, `verify`, the identity and courier-message commands,
//! and `courier watch`, run as a user and a script run them.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::db::Database;
use crate::lab::{Backend, Lab, backends};
use crate::servers::{HttpReceiver, SmtpMode, SmtpServer};
use crate::support::{World, stderr, stdout};

/// A world with an email-sms project, passwordless on, selected.
fn world_with_project() -> (World, String) {
    let world = World::new();
    let id = world.project("email-sms");
    world.use_passwordless(&id);
    (world, id)
}

fn json_out(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

/// The code the newest outbox message to `recipient` carries, read the way a
fn code_from_outbox(world: &World, recipient: &str) -> String {
    world.code_sent_to(recipient)
}

#[test]
fn a_script_registers_then_logs_in_with_flow_and_code() {
    let (world, _) = world_with_project();
    let out = world.run(&[
        "register",
        "--trait",
        "email=Ada@Example.com",
        "--trait",
        "phone=+4917667111638",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let flow = stdout(&out)
        .trim()
        .strip_prefix("flow: ")
        .expect("flow line")
        .to_string();
    assert!(stderr(&out).contains("kept in the local outbox"));
    let code = code_from_outbox(&world, "ada@example.com");
    let done = world.run(&[
        "register", "--flow", &flow, "--code", &code, "--format", "json",
    ]);
    let done = json_out(&done);
    assert_eq!(done["version"], 1);
    assert_eq!(done["identity"]["traits"]["email"], "Ada@Example.com");
    assert!(
        done["session_token"]
            .as_str()
            .is_some_and(|t| t.starts_with("ory_st_"))
    );

    let out = world.run(&["login", "--identifier", "ada@example.com"]);
    let flow = stdout(&out)
        .trim()
        .strip_prefix("flow: ")
        .expect("flow line")
        .to_string();
    let wrong = world.run(&["login", "--flow", &flow, "--code", "000000"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("The login code is invalid or has already been used"),
        "{}",
        stderr(&wrong)
    );
    let code = code_from_outbox(&world, "ada@example.com");
    let ok = world.run(&["login", "--flow", &flow, "--code", &code]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("session_token: ory_st_"));
    let again = world.run(&["login", "--flow", &flow, "--code", &code]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "a used code does not log in twice"
    );
}

#[test]
fn auto_reads_the_code_from_the_outbox_for_all_three_verbs() {
    let (world, _) = world_with_project();
    let out = world.run(&[
        "register",
        "--traits",
        r#"{"email":"bob@example.com"}"#,
        "--auto",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("identity: "));
    let out = world.run(&[
        "login",
        "--identifier",
        "BOB@example.com",
        "--auto",
        "--format",
        "json",
    ]);
    let login = json_out(&out);
    assert_eq!(
        login["session"]["identity"]["traits"]["email"],
        "bob@example.com"
    );
    let out = world.run(&["verify", "--address", "bob@example.com", "--auto"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "verified: bob@example.com");
    let identities = json_out(&world.run(&["list", "identities", "--format", "json"]));
    assert_eq!(
        identities["identities"][0]["verifiable_addresses"][0]["verified"],
        true
    );
}

#[test]
fn on_a_terminal_the_code_is_asked_for() {
    let (world, _) = world_with_project();
    assert!(
        world
            .run(&["register", "--trait", "email=eve@example.com", "--auto"])
            .status
            .success()
    );
    let bin = assert_cmd::cargo::cargo_bin("otpctl");
    let out = world.on_a_terminal(
        &format!("{} login --identifier eve@example.com", bin.display()),
        // A wrong code is asked for again, up to the flow's 5 submissions.
        &"000000\n".repeat(6),
    );
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        all.contains("Enter the code sent to eve@example.com"),
        "{all}"
    );
    assert!(all.contains("The login code is invalid"), "{all}");
}

#[test]
fn identities_are_imported_listed_shown_and_deleted() {
    let (world, _) = world_with_project();
    let file = world.write(
        "people.json",
        json!([
            { "traits": { "email": "kim@example.com" }, "verifiable_addresses": [{ "value": "kim@example.com", "via": "email", "verified": true }] },
            { "traits": { "email": "not-an-email" } }
        ])
        .to_string(),
    );
    let out = world.run(&["import", "identities", file.to_str().expect("path")]);
    assert_eq!(
        out.status.code(),
        Some(10),
        "one of two is invalid: {}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("people.json[1]"), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let shown = json_out(&world.run(&["get", "identity", &id]));
    assert_eq!(
        shown["identity"]["verifiable_addresses"][0]["verified"],
        true
    );
    assert_eq!(
        shown["identity"]["credentials"]["code"]["identifiers"],
        json!(["kim@example.com"])
    );
    let table = stdout(&world.run(&["list", "identities"]));
    assert!(
        table.contains("kim@example.com") && table.contains("1/1"),
        "{table}"
    );
    let refused = world.run(&["delete", "identity", &id]);
    assert_eq!(refused.status.code(), Some(2), "no terminal, no --yes");
    assert!(
        world
            .run(&["delete", "identity", &id, "--yes"])
            .status
            .success()
    );
    assert_eq!(world.run(&["get", "identity", &id]).status.code(), Some(1));
}

#[test]
fn bad_input_gets_a_clear_error_and_changes_nothing() {
    let (world, id) = world_with_project();
    let db = world.config_of(&id).with_file_name("otpctl.db");
    let cases: &[(&[&str], i32, &str)] = &[
        (&["register", "--trait", "email"], 2, "expected NAME=VALUE"),
        (&["register", "--traits", "[1]"], 2, "JSON object"),
        (
            &["login", "--flow", "nope", "--code", "1"],
            1,
            "flow `nope` not found",
        ),
        (&["login", "--flow", "nope"], 2, "--code CODE or --resend"),
        (&["get", "courier-message", "nope"], 1, "not found"),
        (
            &["list", "courier-messages", "--page-size", "0"],
            2,
            "page-size",
        ),
    ];
    for (args, code, text) in cases {
        let out = world.run(args);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(text), "{args:?}: {}", stderr(&out));
    }
    // An invalid config is refused before any database is made.
    std::fs::remove_file(&db).ok();
    let config = world.config_of(&id);
    let text = std::fs::read_to_string(&config).expect("config");
    std::fs::write(
        &config,
        text.replace("max_submissions: 5", "max_submissions: 500"),
    )
    .expect("write");
    let out = world.run(&["login", "--identifier", "a@b.c"]);
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    assert!(!db.exists(), "nothing is created for an invalid config");
}

/// Issue 14, item 4: twelve older emails queued for a webhook that accepts the
/// connection and never answers them. An email-only `login` sends its own code
/// first, spends at most the courier budget (5 s by default) on the old ones, and
/// leaves them queued for `courier watch`, uncounted where the budget cut a send.
#[test]
fn a_silent_upstream_cannot_stall_a_login_and_the_new_code_goes_first() {
    let receiver = HttpReceiver::start_stalling_on("stale");
    let (world, _) = world_with_project();
    let out = world.run(&["register", "--trait", "email=fresh@example.com", "--auto"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for n in 0..12 {
        // Email stays in the local outbox (no delivery configured yet): queued, due.
        let email = format!("email=stale{n}@example.com");
        let out = world.run(&["register", "--trait", &email]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for change in [
        "/courier/delivery_strategy=\"http\"".to_string(),
        format!(
            "/courier/http={{\"request_config\":{{\"url\":\"{}\",\"method\":\"POST\"}}}}",
            receiver.url("/mail")
        ),
    ] {
        let out = world.run(&["patch", "identity-config", "--yes", "--add", &change]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let started = Instant::now();
    let out = world.run(&["login", "--identifier", "fresh@example.com"]);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(took < Duration::from_secs(8), "login took {took:?}");
    assert!(
        took >= Duration::from_secs(4),
        "the budget was used: {took:?}"
    );
    let first = &receiver.requests()[0];
    let body: Value = serde_json::from_str(first["body"].as_str().expect("body")).expect("json");
    assert_eq!(body["recipient"], "fresh@example.com", "{body}");
    assert_eq!(body["template_type"], "login_code_valid", "{body}");
    assert!(
        stderr(&out).contains("login_code_valid email to fresh@example.com"),
        "{}",
        stderr(&out)
    );
    let list = json_out(&world.run(&["list", "courier-messages", "--format", "json"]));
    let stale: Vec<&Value> = list["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| {
            m["recipient"]
                .as_str()
                .is_some_and(|r| r.starts_with("stale"))
        })
        .collect();
    assert_eq!(stale.len(), 12);
    for message in stale {
        assert_eq!(message["status"], "queued", "{message}");
        assert_eq!(message["send_count"], 0, "{message}");
    }
}

/// `OTPCTL_COURIER_BUDGET=0s` sends only what the step queued.
#[test]
fn a_zero_courier_budget_sends_only_the_step_s_own_message() {
    let receiver = HttpReceiver::start(&[200]);
    let (world, _) = world_with_project();
    for email in ["email=old@example.com", "email=new@example.com"] {
        let out = world.run(&["register", "--trait", email]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let mail = format!(
        "/courier/http={{\"request_config\":{{\"url\":\"{}\"}}}}",
        receiver.url("/mail")
    );
    for change in ["/courier/delivery_strategy=\"http\"", mail.as_str()] {
        let out = world.run(&["patch", "identity-config", "--yes", "--add", change]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = world
        .otpctl()
        .env("OTPCTL_COURIER_BUDGET", "0s")
        .args(["register", "--trait", "email=third@example.com"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let recipients: Vec<String> = receiver
        .requests()
        .iter()
        .map(|r| {
            let body: Value =
                serde_json::from_str(r["body"].as_str().expect("body")).expect("json");
            body["recipient"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(recipients, ["third@example.com"]);
    let bad = world
        .otpctl()
        .env("OTPCTL_COURIER_BUDGET", "soon")
        .args(["register", "--trait", "email=fourth@example.com"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("OTPCTL_COURIER_BUDGET"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn no_code_or_secret_appears_in_logs() {
    let receiver = HttpReceiver::start(&[200]);
    let (world, id) = world_with_project();
    let config = world.config_of(&id);
    let out = world.run(&[
        "patch",
        "identity-config",
        "--yes",
        "--replace",
        &format!(
            "/courier/channels/0/request_config/url=\"{}\"",
            receiver.url("/sms")
        ),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let secrets: Vec<String> = serde_yaml_secrets(&config);
    let mut logs = String::new();
    for args in [
        vec![
            "register",
            "--trait",
            "email=ann@example.com",
            "--trait",
            "phone=+4917667111638",
            "--auto",
        ],
        vec!["login", "--identifier", "+4917667111638"],
    ] {
        let out = world.run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        logs.push_str(&stderr(&out));
    }
    let mut codes = Vec::new();
    // Each command drained the courier before it returned: the registration code,
    // the login code, and a verification code if the email code did the registering.
    for request in receiver.requests() {
        let body: Value =
            serde_json::from_str(request["body"].as_str().expect("body")).expect("json");
        for key in ["registration_code", "verification_code", "login_code"] {
            if let Some(code) = body["ctx"]["template_data"][key].as_str() {
                codes.push(code.to_string());
            }
        }
    }
    assert!(codes.len() >= 2, "{codes:?}");
    for secret in codes.iter().chain(&secrets) {
        assert!(
            !logs.contains(secret.as_str()),
            "{secret:?} in the logs:\n{logs}"
        );
    }
}

/// `courier watch` through delivery failures whose upstream echoes the request (a
/// 500, then 401s, each with the request's headers and body in the reply): neither
/// its output nor the dispatch errors in the database may hold a code, the API key,
/// the basic-auth password (or its header) or a config secret. `serve` would be
/// checked the same way; it does not exist yet.
#[test]
fn courier_watch_logs_and_stores_no_code_or_secret_an_upstream_echoes() {
    const API_KEY: &str = "sk-test-8c1f2e4b9a7d6e5f";
    const PASSWORD: &str = "pw-3d9e7f1a6b2c5d4e";
    let runtime = runtime();
    for backend in backends() {
        let receiver = HttpReceiver::start_echo(&[500, 401]);
        let mut lab = runtime
            .block_on(Lab::new(backend))
            .with_sms(&receiver.url("/sms"))
            .set("/courier/delivery_strategy", json!("http"))
            .set(
                "/courier/http/request_config",
                json!({ "url": receiver.url("/mail"), "method": "POST",
                        "auth": { "type": "basic_auth",
                                  "config": { "user": "courier", "password": PASSWORD } } }),
            );
        lab.config["courier"]["channels"][0]["request_config"]["auth"] = json!({
            "type": "api_key",
            "config": { "name": "x-api-key", "value": API_KEY, "in": "header" }
        });
        let config = lab.write_config();
        let codes = runtime.block_on(send_login_codes(&lab, backend));
        let basic = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            format!("courier:{PASSWORD}"),
        );
        let mut secrets = secrets_of(&lab, &codes);
        secrets.extend([API_KEY.to_string(), PASSWORD.to_string(), basic]);
        let (logs, errors) = watch_until_abandoned(&runtime, &lab, &config, backend);

        // The upstream had everything to echo: the key and codes were sent to it.
        let requests = receiver.requests();
        assert!(
            requests
                .iter()
                .any(|r| r["headers"]["x-api-key"] == API_KEY),
            "{backend:?}"
        );
        for code in &codes {
            assert!(
                requests.iter().any(|r| r["body"]
                    .as_str()
                    .is_some_and(|b| b.contains(code.as_str()))),
                "{backend:?}: {code} was not sent"
            );
        }
        assert!(errors.len() >= 4, "{backend:?}: {errors:?}");
        for status in ["status code 500", "status code 401"] {
            assert!(
                errors.iter().any(|e| e.contains(status)),
                "{backend:?}: no {status}: {errors:?}"
            );
            assert!(
                logs.contains(status),
                "{backend:?}: no {status} logged:\n{logs}"
            );
        }
        assert_kept_out(&secrets, &logs, &errors, backend);
    }
}

/// Issue 14, item 5, for SMTP and Jsonnet: an SMTP server whose refusal echoes
/// the message and the AUTH password, and an SMS body whose Jsonnet error quotes
/// all of `ctx`. The stored dispatch errors and `courier watch`'s output keep the
/// reply code and the reason, scrubbed: no code, body or password.
#[test]
fn courier_watch_stores_no_code_or_password_an_smtp_reply_or_jsonnet_error_echoes() {
    const PASSWORD: &str = "pw-7a1c9e3b5d2f4e6a";
    let runtime = runtime();
    for backend in backends() {
        let smtp = SmtpServer::builder(SmtpMode::StartTls)
            .auth("courier", PASSWORD)
            .reply_code(550)
            .echo()
            .start();
        let receiver = HttpReceiver::start(&[200]);
        let body = "function(ctx) error ('cannot send: ' + std.toString(ctx))";
        let mut lab = runtime
            .block_on(Lab::new(backend))
            .with_sms(&receiver.url("/sms"))
            .set(
                "/courier/smtp/connection_uri",
                json!(format!(
                    "smtp://courier:{PASSWORD}@127.0.0.1:{}/?skip_ssl_verify=true",
                    smtp.port()
                )),
            );
        lab.config["courier"]["channels"][0]["request_config"]["body"] = json!(format!(
            "base64://{}",
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, body)
        ));
        let config = lab.write_config();
        let codes = runtime.block_on(send_login_codes(&lab, backend));
        let plain = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            format!("\0courier\0{PASSWORD}"),
        );
        let mut secrets = secrets_of(&lab, &codes);
        secrets.extend([PASSWORD.to_string(), plain]);
        let (logs, errors) = watch_until_abandoned(&runtime, &lab, &config, backend);
        assert_eq!(errors.len(), 2, "{backend:?}: {errors:?}");
        for (reason, echoed) in [
            (
                "refused the message: permanent error (550)",
                "refused by the test server",
            ),
            ("Jsonnet body failed", "cannot send"),
        ] {
            let error = errors.iter().find(|e| e.contains(reason));
            let error = error.unwrap_or_else(|| panic!("{backend:?}: no {reason}: {errors:?}"));
            assert!(error.contains(echoed), "{backend:?}: {error}");
            assert!(error.contains("[redacted]"), "{backend:?}: {error}");
            assert!(
                logs.contains(reason),
                "{backend:?}: {reason} not logged:\n{logs}"
            );
        }
        assert_kept_out(&secrets, &logs, &errors, backend);
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Imports eve and asks for a login code by SMS and one by email; the two codes.
async fn send_login_codes(lab: &Lab, backend: Backend) -> Vec<String> {
    let engine = lab.engine().await;
    engine
        .import_identity(
            &json!({ "traits": { "email": "eve@example.com", "phone": "+4917667111699" } }),
        )
        .await
        .expect("import");
    for identifier in ["+4917667111699", "eve@example.com"] {
        let flow = engine
            .create_login_flow(&crate::lab::api())
            .await
            .expect("flow");
        let submission = otpctl::engine::LoginSubmission {
            identifier: Some(identifier.into()),
            ..Default::default()
        };
        engine
            .submit_login(&crate::lab::id(&flow), &submission)
            .await
            .expect("send");
    }
    let messages = engine
        .list_messages(&Default::default(), 100, 0)
        .await
        .expect("list");
    assert_eq!(messages.len(), 2, "{backend:?}: one SMS, one email");
    let codes: Vec<String> = messages
        .iter()
        .map(|m| {
            m.template_data["login_code"]
                .as_str()
                .expect("a login code")
                .to_string()
        })
        .collect();
    assert_eq!(codes.len(), 2, "{backend:?}");
    codes
}

/// The codes and the config's cookie and default secrets.
fn secrets_of(lab: &Lab, codes: &[String]) -> Vec<String> {
    let mut secrets: Vec<String> = codes.to_vec();
    for kind in ["cookie", "default"] {
        for secret in lab.config["secrets"][kind].as_array().expect("secrets") {
            secrets.push(secret.as_str().expect("a secret").to_string());
        }
    }
    assert!(secrets.len() >= 4, "{secrets:?}");
    secrets
}

/// Runs `courier watch` on `config` until every message is abandoned; its
/// output and the errors stored in `courier_message_dispatches`.
fn watch_until_abandoned(
    runtime: &tokio::runtime::Runtime,
    lab: &Lab,
    config: &std::path::Path,
    backend: Backend,
) -> (String, Vec<String>) {
    let world = World::new();
    let mut courier = world
        .process()
        .args(["courier", "watch", "--project"])
        .arg(config)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("courier watch starts");
    let db = Database::of(lab);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let messages = runtime.block_on(db.rows_of("courier_messages"));
        if messages
            .iter()
            .all(|m| m.get("status") == Some("abandoned"))
        {
            break;
        }
        if Instant::now() > deadline || courier.try_wait().expect("wait").is_some() {
            terminate(&mut courier);
            let out = courier.wait_with_output().expect("output");
            panic!(
                "{backend:?}: not abandoned in time: {:?}\n{}",
                messages.iter().map(|m| m.get("status")).collect::<Vec<_>>(),
                stderr(&out)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    terminate(&mut courier);
    let out = courier.wait_with_output().expect("output");
    let logs = format!("{}{}", stdout(&out), stderr(&out));
    let errors: Vec<String> = runtime
        .block_on(db.rows_of("courier_message_dispatches"))
        .iter()
        .filter_map(|d| d.get("error").map(str::to_string))
        .collect();
    (logs, errors)
}

/// No secret in the logs nor in a stored dispatch error.
fn assert_kept_out(secrets: &[String], logs: &str, errors: &[String], backend: Backend) {
    for secret in secrets {
        assert!(
            !logs.contains(secret.as_str()),
            "{backend:?}: {secret:?} in the courier's output:\n{logs}"
        );
        for error in errors {
            assert!(
                !error.contains(secret.as_str()),
                "{backend:?}: {secret:?} in a stored dispatch error: {error}"
            );
        }
    }
}

/// The `secrets` of a project config.
fn serde_yaml_secrets(config: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(config).expect("config");
    text.lines()
        .skip_while(|l| !l.starts_with("secrets:"))
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// Starts `otpctl courier watch` on a config.
fn watch(world: &World, config: &std::path::Path) -> std::process::Child {
    world
        .process()
        .args([
            "courier",
            "watch",
            "--project",
            config.to_str().expect("path"),
        ])
        .env("OTPCTL_COURIER_LEASE", "1s")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("courier watch starts")
}

/// Requests `count` SMS login codes through the library, leaving them queued.
async fn queue_sms(lab: &Lab, count: usize) {
    let engine = lab.engine().await;
    for i in 0..count {
        let phone = format!("+49176671116{i:02}");
        engine
            .import_identity(
                &json!({ "traits": { "email": format!("u{i}@example.com"), "phone": phone } }),
            )
            .await
            .expect("import");
        let flow = engine
            .create_login_flow(&crate::lab::api())
            .await
            .expect("flow");
        let submission = otpctl::engine::LoginSubmission {
            identifier: Some(phone),
            ..Default::default()
        };
        engine
            .submit_login(&crate::lab::id(&flow), &submission)
            .await
            .expect("send");
    }
}

fn statuses(lab: &Lab) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let engine = lab.engine().await;
        engine
            .list_messages(&Default::default(), 1000, 0)
            .await
            .expect("list")
            .into_iter()
            .map(|m| m.status)
            .collect()
    })
}

fn recipients(receiver: &HttpReceiver) -> Vec<String> {
    receiver
        .requests()
        .iter()
        .map(|r| {
            let body: Value =
                serde_json::from_str(r["body"].as_str().unwrap_or_default()).expect("json");
            body["ctx"]["recipient"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn a_courier_killed_while_messages_are_queued_loses_none_after_restart() {
    const COUNT: usize = 12;
    let receiver = HttpReceiver::start_slow(&[200], Duration::from_millis(150));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let lab = runtime
        .block_on(Lab::new(Backend::Sqlite))
        .with_sms(&receiver.url("/sms"));
    let config = lab.write_config();
    runtime.block_on(queue_sms(&lab, COUNT));
    let world = World::new();
    let mut first = watch(&world, &config);
    receiver.wait_for_within(2, Duration::from_secs(20));
    first.kill().expect("SIGKILL");
    first.wait().expect("reaped");
    let left = statuses(&lab).iter().filter(|s| *s != "sent").count();
    assert!(left > 0, "the kill came while messages were still queued");
    let mut second = watch(&world, &config);
    let deadline = Instant::now() + Duration::from_secs(60);
    while statuses(&lab).iter().any(|s| s != "sent") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    second.kill().expect("kill");
    let _ = second.wait();
    assert!(
        statuses(&lab).iter().all(|s| s == "sent"),
        "{:?}",
        statuses(&lab)
    );
    let mut got = recipients(&receiver);
    got.sort();
    got.dedup();
    assert_eq!(got.len(), COUNT, "every message arrived");
}

/// Each message is sent once. No sleep stands in for "no duplicate came": the test
/// waits until the database shows every message `sent` with one dispatch each, then
/// stops both couriers with SIGTERM (a courier finishes the attempt it is in before
/// it exits), so nothing can arrive after the requests are counted.
#[test]
fn two_courier_processes_on_one_postgresql_send_each_message_once() {
    if crate::lab::require_postgres("two couriers on one PostgreSQL").is_none() {
        return;
    }
    const COUNT: usize = 30;
    let receiver = HttpReceiver::start(&[200]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let lab = runtime
        .block_on(Lab::new(Backend::Postgres))
        .with_sms(&receiver.url("/sms"));
    let config = lab.write_config();
    let db = Database::of(&lab);
    let world = World::new();
    let mut a = watch(&world, &config);
    let mut b = watch(&world, &config);
    runtime.block_on(queue_sms(&lab, COUNT));
    let settled = || {
        let messages = runtime.block_on(db.rows_of("courier_messages"));
        let dispatches = runtime.block_on(db.rows_of("courier_message_dispatches"));
        messages.len() == COUNT
            && messages.iter().all(|m| m.get("status") == Some("sent"))
            && dispatches.len() >= COUNT
    };
    let deadline = Instant::now() + Duration::from_secs(90);
    while !settled() {
        assert!(
            Instant::now() < deadline,
            "the queue did not empty: {:?}",
            statuses(&lab)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    for child in [&mut a, &mut b] {
        terminate(child);
    }
    let got = recipients(&receiver);
    assert_eq!(
        got.len(),
        COUNT,
        "each queued message was sent once: {got:?}"
    );
    let mut unique = got.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), COUNT, "{got:?}");
    let dispatches = runtime.block_on(db.rows_of("courier_message_dispatches"));
    assert_eq!(dispatches.len(), COUNT, "one dispatch per message");
}

/// Stops a courier with SIGTERM and waits for it, killing it only if it hangs.
fn terminate(child: &mut std::process::Child) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "SIGTERM sent");
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the courier did not stop on SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_login_started_by_one_process_completes_in_another_on_every_store() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for backend in backends() {
        // The schema sends SMS too, so a valid config needs a channel (unused here).
        let lab = runtime
            .block_on(Lab::new(backend))
            .with_sms("http://127.0.0.1:9/sms");
        let config = lab.write_config();
        let world = World::new();
        let project = config.to_str().expect("path");
        let run = |args: &[&str]| {
            let mut all: Vec<&str> = args.to_vec();
            all.extend(["--project", project]);
            world.run(&all)
        };
        let out = run(&["register", "--trait", "email=cy@example.com", "--auto"]);
        assert!(out.status.success(), "{backend:?}: {}", stderr(&out));
        let out = run(&["login", "--identifier", "cy@example.com"]);
        let flow = stdout(&out)
            .trim()
            .strip_prefix("flow: ")
            .expect("flow line")
            .to_string();
        let list = json_out(&run(&[
            "list",
            "courier-messages",
            "--recipient",
            "cy@example.com",
            "--format",
            "json",
        ]));
        let code = list["messages"][0]["body"]
            .as_str()
            .and_then(|b| {
                b.split(|c: char| !c.is_ascii_digit())
                    .find(|w| w.len() == 6)
            })
            .expect("code")
            .to_string();
        let out = run(&["login", "--flow", &flow, "--code", &code]);
        assert!(out.status.success(), "{backend:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("session_token: ory_st_"));
    }
}
