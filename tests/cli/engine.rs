//! The engine's code flows on SQLite and PostgreSQL: registration, login and
//! verification with Kratos' numbers, and the security properties of codes.

use std::time::Duration;

use otpctl::engine::StoreError;
use otpctl::engine::{
    Engine, EngineError, LoginSubmission, Outcome, RegistrationSubmission, VerificationSubmission,
};
use serde_json::{Value, json};

use crate::db::Database;
use crate::lab::{Backend, Lab, api, backends, code_of, error_ids, id, json, messages_of, shown};

const EMAIL: &str = "Ada@Example.com";
const PHONE: &str = "+1 (645) 333-1111";

/// Registers `ada@example.com` (+ phone) by the email code; the identity JSON.
async fn register(engine: &Engine) -> Value {
    let flow = engine.create_registration_flow(&api()).await.expect("flow");
    let flow_id = id(&flow);
    let mut submission = RegistrationSubmission {
        traits: Some(json!({ "email": EMAIL, "phone": PHONE })),
        ..RegistrationSubmission::default()
    };
    let sent = shown(
        engine
            .submit_registration(&flow_id, &submission)
            .await
            .expect("send"),
    );
    assert_eq!(sent["state"], "sent_email");
    assert_eq!(sent["ui"]["messages"][0]["id"], 1040005);
    let messages = messages_of(engine, &flow_id).await;
    let email = messages
        .iter()
        .find(|m| m.channel == "email")
        .expect("registration email");
    submission.code = Some(
        email.template_data["registration_code"]
            .as_str()
            .expect("code")
            .to_string(),
    );
    match engine
        .submit_registration(&flow_id, &submission)
        .await
        .expect("submit")
    {
        Outcome::Done(done) => {
            assert!(
                done.session_token
                    .as_deref()
                    .is_some_and(|t| t.starts_with("ory_st_"))
            );
            json(&done.identity)
        }
        other => panic!("registration did not complete: {other:?}"),
    }
}

/// Submits a registration's traits and returns the code it sent.
async fn send_registration_code(
    engine: &Engine,
    flow_id: &str,
    submission: &RegistrationSubmission,
) -> String {
    let sent = shown(
        engine
            .submit_registration(flow_id, submission)
            .await
            .expect("send"),
    );
    assert_eq!(sent["state"], "sent_email", "{sent}");
    code_of(engine, flow_id).await
}

/// Starts a login for `identifier` and returns the flow id once a code was sent.
async fn start_login(engine: &Engine, identifier: &str) -> String {
    let flow = engine.create_login_flow(&api()).await.expect("flow");
    let flow_id = id(&flow);
    send_login_code(engine, &flow_id, identifier).await;
    flow_id
}

/// Submits `identifier` to a login flow and checks that a code was sent.
async fn send_login_code(engine: &Engine, flow_id: &str, identifier: &str) {
    let submission = LoginSubmission {
        identifier: Some(identifier.into()),
        ..LoginSubmission::default()
    };
    let sent = shown(
        engine
            .submit_login(flow_id, &submission)
            .await
            .expect("send"),
    );
    assert_eq!(sent["state"], "sent_email", "{sent}");
    assert_eq!(sent["active"], "code");
    assert_eq!(sent["ui"]["messages"][0]["id"], 1010014);
}

async fn submit_login_code(
    engine: &Engine,
    flow_id: &str,
    identifier: &str,
    code: &str,
) -> Outcome<otpctl::engine::LoginSuccess> {
    let submission = LoginSubmission {
        identifier: Some(identifier.into()),
        code: Some(code.into()),
        ..LoginSubmission::default()
    };
    engine
        .submit_login(flow_id, &submission)
        .await
        .expect("submit")
}

#[tokio::test]
async fn register_then_log_in_by_email_and_by_sms_then_verify() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        let identity = register(&engine).await;
        // Traits keep the email as typed and the phone in E.164; addresses are normalised.
        assert_eq!(
            identity["traits"],
            json!({ "email": EMAIL, "phone": "+16453331111" })
        );
        let addresses = identity["verifiable_addresses"]
            .as_array()
            .expect("addresses");
        let email = addresses
            .iter()
            .find(|a| a["via"] == "email")
            .expect("email address");
        assert_eq!(email["value"], "ada@example.com");
        assert_eq!(
            email["verified"], true,
            "the registration code proved the email: {backend:?}"
        );
        assert_eq!(email["status"], "completed");
        let phone = addresses
            .iter()
            .find(|a| a["via"] == "sms")
            .expect("phone address");
        assert_eq!(phone["verified"], false);
        assert_eq!(
            phone["status"], "sent",
            "the verification hook sent the phone a code"
        );

        // Login by email, identifier in any case.
        let flow_id = start_login(&engine, "ADA@example.com").await;
        let code = code_of(&engine, &flow_id).await;
        let Outcome::Done(done) =
            submit_login_code(&engine, &flow_id, "ADA@example.com", &code).await
        else {
            panic!("email login failed on {backend:?}");
        };
        let session = json(&done.session);
        assert_eq!(session["authentication_methods"][0]["method"], "code");
        assert_eq!(session["authenticator_assurance_level"], "aal1");
        let whoami = engine
            .whoami(&done.session_token)
            .await
            .expect("whoami")
            .expect("active session");
        assert_eq!(json(&whoami)["identity"]["id"], identity["id"]);

        // Login by SMS with a differently formatted number verifies the phone.
        let flow_id = start_login(&engine, "+16453331111").await;
        let messages = messages_of(&engine, &flow_id).await;
        assert_eq!(messages.len(), 1, "only the matching address gets a code");
        assert_eq!(messages[0].recipient, "+16453331111");
        assert_eq!(messages[0].message_type, "sms");
        let code = code_of(&engine, &flow_id).await;
        let Outcome::Done(done) = submit_login_code(&engine, &flow_id, "+16453331111", &code).await
        else {
            panic!("sms login failed on {backend:?}");
        };
        let phone = json(&done.session)["identity"]["verifiable_addresses"]
            .as_array()
            .and_then(|a| a.iter().find(|a| a["via"] == "sms").cloned())
            .expect("phone");
        assert_eq!(
            phone["verified"], true,
            "a code login verifies the address it went to"
        );

        // Verification of the email again by code.
        let flow = engine.create_verification_flow(&api()).await.expect("flow");
        let flow_id = id(&flow);
        assert_eq!(json(&flow)["ui"]["nodes"][0]["attributes"]["name"], "email");
        let mut submission = VerificationSubmission {
            email: Some("ada@example.com".into()),
            ..Default::default()
        };
        let sent = shown(
            engine
                .submit_verification(&flow_id, &submission)
                .await
                .expect("send"),
        );
        assert_eq!(sent["ui"]["messages"][0]["id"], 1080003);
        submission.code = Some(code_of(&engine, &flow_id).await);
        match engine
            .submit_verification(&flow_id, &submission)
            .await
            .expect("verify")
        {
            Outcome::Done(flow) => {
                let flow = json(&flow);
                assert_eq!(flow["state"], "passed_challenge");
                assert_eq!(flow["ui"]["messages"][0]["id"], 1080002);
                assert_eq!(flow["ui"]["nodes"][0]["attributes"]["node_type"], "a");
            }
            other => panic!("verification failed: {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_submission_after_max_submissions_is_refused_even_with_the_right_code() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(&engine).await;
        let flow_id = start_login(&engine, "ada@example.com").await;
        let code = code_of(&engine, &flow_id).await;
        let wrong = if code == "000000" { "111111" } else { "000000" };
        for _ in 0..5 {
            let flow = shown(submit_login_code(&engine, &flow_id, "ada@example.com", wrong).await);
            assert_eq!(error_ids(&flow), vec![4010008]);
        }
        let flow = shown(submit_login_code(&engine, &flow_id, "ada@example.com", &code).await);
        assert_eq!(error_ids(&flow), vec![4000001], "{backend:?}");
        assert_eq!(
            flow["ui"]["messages"][0]["text"],
            "The request was submitted too often. Please request another code."
        );
    }
}

/// Both sides of a code's lifespan (10 minutes here), on every store: one second
/// before it ends the code logs in; one second after, it reads as a wrong code.
#[tokio::test]
async fn a_code_is_accepted_until_its_lifespan_ends_and_refused_after() {
    const LIFESPAN: Duration = Duration::from_secs(10 * 60);
    for backend in backends() {
        let lab = Lab::new(backend).await.with_manual_clock().set(
            "/selfservice/methods/code/config",
            json!({ "lifespan": "10m" }),
        );
        let clock = lab.manual.clone().expect("manual clock");
        let engine = lab.engine().await;
        register(&engine).await;

        let flow_id = start_login(&engine, "ada@example.com").await;
        let code = code_of(&engine, &flow_id).await;
        clock.advance(LIFESPAN - Duration::from_secs(1));
        let outcome = submit_login_code(&engine, &flow_id, "ada@example.com", &code).await;
        assert!(
            matches!(outcome, Outcome::Done(_)),
            "{backend:?}: a code one second before its end logs in: {outcome:?}"
        );

        let flow_id = start_login(&engine, "ada@example.com").await;
        let code = code_of(&engine, &flow_id).await;
        clock.advance(LIFESPAN + Duration::from_secs(1));
        let flow = shown(submit_login_code(&engine, &flow_id, "ada@example.com", &code).await);
        assert_eq!(
            error_ids(&flow),
            vec![4010008],
            "{backend:?}: an expired code reads as a wrong one"
        );
    }
}

#[tokio::test]
async fn an_expired_flow_is_replaced() {
    let lab = Lab::new(Backend::Sqlite).await.with_manual_clock();
    let engine = lab.engine().await;
    let flow = engine.create_login_flow(&api()).await.expect("flow");
    lab.manual
        .as_ref()
        .expect("manual clock")
        .advance(Duration::from_secs(3601));
    let submission = LoginSubmission {
        identifier: Some("ada@example.com".into()),
        ..Default::default()
    };
    match engine
        .submit_login(&id(&flow), &submission)
        .await
        .expect("submit")
    {
        Outcome::Expired {
            flow: replacement, ..
        } => {
            let replacement = json(&replacement);
            assert_ne!(replacement["id"], json(&flow)["id"]);
            assert_eq!(replacement["ui"]["messages"][0]["id"], 4010001);
        }
        other => panic!("expected a replacement flow, got {other:?}"),
    }
}

/// A flow's stored UI is parsed only when a step shows it: hand-edited into
/// something that is not JSON, it is a clear error where it is read, and a step
/// that builds a new UI still works.
#[tokio::test]
async fn a_corrupt_stored_ui_is_an_error_where_it_is_read() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(&engine).await;
        let flow = engine.create_login_flow(&api()).await.expect("flow");
        let flow_id = id(&flow);
        let changed = lab
            .sql("UPDATE flows SET ui = '{not json' WHERE id = $1", &flow_id)
            .await;
        assert_eq!(changed, 1, "{backend:?}: the flow's UI was corrupted");
        match engine.get_flow(&flow_id).await {
            Err(EngineError::Store(StoreError::Corrupt { column, .. })) => {
                assert_eq!(column, "ui", "{backend:?}");
            }
            other => panic!("{backend:?}: expected a corrupt UI, got {other:?}"),
        }
        // A step that rebuilds the UI does not read the old one.
        send_login_code(&engine, &flow_id, EMAIL).await;
        assert!(engine.get_flow(&flow_id).await.is_ok(), "{backend:?}");
    }
}

/// A resend sends a new message with a new code; the older code is refused after
/// it and the new one logs in. (Two draws of six random digits agree once in a
/// million runs; then this test fails rather than skip its check.)
#[tokio::test]
async fn a_resend_voids_the_older_code() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(&engine).await;
        let flow_id = start_login(&engine, "ada@example.com").await;
        let first = code_of(&engine, &flow_id).await;
        let before: Vec<String> = messages_of(&engine, &flow_id)
            .await
            .into_iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(before.len(), 1, "{backend:?}");
        let resend = LoginSubmission {
            identifier: Some("ada@example.com".into()),
            resend: true,
            ..Default::default()
        };
        shown(
            engine
                .submit_login(&flow_id, &resend)
                .await
                .expect("resend"),
        );
        let new: Vec<_> = messages_of(&engine, &flow_id)
            .await
            .into_iter()
            .filter(|m| !before.contains(&m.id))
            .collect();
        assert_eq!(new.len(), 1, "{backend:?}: the resend sent one new message");
        let second = new[0].template_data["login_code"]
            .as_str()
            .expect("the new message carries a login code")
            .to_string();
        assert!(new[0].body.contains(&second), "{backend:?}");
        assert_ne!(first, second, "{backend:?}: the resend made a new code");
        let flow = shown(submit_login_code(&engine, &flow_id, "ada@example.com", &first).await);
        assert_eq!(
            error_ids(&flow),
            vec![4010008],
            "{backend:?}: the older code is refused"
        );
        assert!(
            matches!(
                submit_login_code(&engine, &flow_id, "ada@example.com", &second).await,
                Outcome::Done(_)
            ),
            "{backend:?}: the new code logs in"
        );
    }
}

#[tokio::test]
async fn fifty_concurrent_submissions_of_the_right_code_give_one_session() {
    for backend in backends() {
        let lab = Lab::new(backend).await.set(
            "/selfservice/methods/code/config",
            json!({ "max_submissions": 255 }),
        );
        let engine = lab.engine().await;
        register(&engine).await;
        let flow_id = start_login(&engine, "ada@example.com").await;
        let code = code_of(&engine, &flow_id).await;
        let mut tasks = Vec::new();
        for _ in 0..50 {
            let (engine, flow_id, code) = (engine.clone(), flow_id.clone(), code.clone());
            tasks.push(tokio::spawn(async move {
                submit_login_code(&engine, &flow_id, "ada@example.com", &code).await
            }));
        }
        let mut sessions = 0;
        for task in tasks {
            match task.await.expect("task") {
                Outcome::Done(_) => sessions += 1,
                // The others find the flow completed (4010002) or the code used
                // by a step beside theirs (4000001), never an "invalid" code.
                refused => {
                    let flow = shown(refused);
                    let ids = error_ids(&flow);
                    assert!(ids == [4010002] || ids == [4000001], "{backend:?}: {ids:?}");
                }
            }
        }
        assert_eq!(sessions, 1, "exactly one session on {backend:?}");
    }
}

/// The login code is in its message (body, subject, template data) and nowhere
/// else: not in any other row of any table the schema lists, not elsewhere in the
/// SQLite file or its WAL. Occurrences are counted exactly, so a second copy (a log
/// column, a stale page, a new table) fails the test.
#[tokio::test]
async fn codes_are_stored_only_as_keyed_hashes_and_in_the_message_that_carries_them() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(&engine).await;
        let flow_id = start_login(&engine, "ada@example.com").await;
        let code = code_of(&engine, &flow_id).await;
        let message = messages_of(&engine, &flow_id).await.remove(0);
        let carried = message.body.matches(&code).count()
            + message.subject.matches(&code).count()
            + message.template_data.to_string().matches(&code).count();
        assert!(
            message.body.contains(&code),
            "{backend:?}: the body carries it"
        );
        drop(engine);

        let db = Database::of(&lab);
        let rows = db.rows().await;
        for table in ["codes", "courier_messages", "flows", "sessions"] {
            assert!(
                rows.iter().any(|r| r.table == table),
                "{backend:?}: no row read from {table}"
            );
        }
        let holders: Vec<(String, usize)> = rows
            .iter()
            .filter(|r| r.occurrences(&code) > 0)
            .map(|r| (r.name(), r.occurrences(&code)))
            .collect();
        assert_eq!(
            holders,
            vec![(format!("courier_messages:{}", message.id), carried)],
            "{backend:?}: the code is only in its message"
        );
        let hmac = otpctl::engine::code::hash(&code, b"cookie-secret-0123456789abcdef");
        assert!(
            rows.iter()
                .any(|r| r.table == "codes" && r.occurrences(&hmac) == 1),
            "{backend:?}: the keyed hash is stored"
        );
        if let Database::Sqlite(path) = &db {
            // Nothing else in the file either: no stale copy in a freed page or the WAL.
            let conn = rusqlite::Connection::open(path).expect("open");
            // The dropped engine's pool closes its connections in the background; the
            // checkpoint is retried until no reader holds the WAL any more.
            let deadline = std::time::Instant::now() + Duration::from_secs(20);
            loop {
                let busy: i64 = conn
                    .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
                    .expect("checkpoint");
                if busy == 0 {
                    break;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "the checkpoint never ran to the end"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
            drop(conn);
            let count = |file: std::path::PathBuf| {
                let bytes = std::fs::read(file).unwrap_or_default();
                bytes
                    .windows(code.len())
                    .filter(|w| *w == code.as_bytes())
                    .count()
            };
            let wal = path.with_file_name("engine.db-wal");
            assert_eq!(
                count(path.clone()) + count(wal),
                carried,
                "in the SQLite file"
            );
        }
    }
}

#[tokio::test]
async fn unknown_accounts_get_4000035_and_no_message() {
    let lab = Lab::new(Backend::Sqlite).await;
    let engine = lab.engine().await;
    let flow = engine.create_login_flow(&api()).await.expect("flow");
    let submission = LoginSubmission {
        identifier: Some("nobody@example.com".into()),
        ..Default::default()
    };
    let shown_flow = shown(
        engine
            .submit_login(&id(&flow), &submission)
            .await
            .expect("submit"),
    );
    assert_eq!(error_ids(&shown_flow), vec![4000035]);
    assert!(messages_of(&engine, &id(&flow)).await.is_empty());
}

#[tokio::test]
async fn verification_answers_unknown_addresses_the_same_and_notifies_only_emails() {
    let lab = Lab::new(Backend::Sqlite).await.set(
        "/selfservice/flows/verification/notify_unknown_recipients",
        json!(true),
    );
    let engine = lab.engine().await;
    for (address, expected_message, notified) in [
        ("stranger@example.com", 1080003, true),
        ("+4917667111638", 1080004, false),
    ] {
        let flow = engine.create_verification_flow(&api()).await.expect("flow");
        let submission = VerificationSubmission {
            email: Some(address.into()),
            ..Default::default()
        };
        let sent = shown(
            engine
                .submit_verification(&id(&flow), &submission)
                .await
                .expect("send"),
        );
        assert_eq!(sent["state"], "sent_email");
        assert_eq!(sent["ui"]["messages"][0]["id"], expected_message);
        let messages = messages_of(&engine, &id(&flow)).await;
        if notified {
            assert_eq!(messages.len(), 1);
            assert_eq!(messages[0].template_type, "verification_code_invalid");
            assert_eq!(messages[0].recipient, "stranger@example.com");
        } else {
            assert!(messages.is_empty(), "SMS is never sent to unknown numbers");
        }
    }
}

#[tokio::test]
async fn verification_refuses_the_sixth_submission_with_a_new_flow() {
    let lab = Lab::new(Backend::Sqlite).await;
    let engine = lab.engine().await;
    register(&engine).await;
    let flow = engine.create_verification_flow(&api()).await.expect("flow");
    let flow_id = id(&flow);
    let mut submission = VerificationSubmission {
        email: Some("+16453331111".into()),
        ..Default::default()
    };
    shown(
        engine
            .submit_verification(&flow_id, &submission)
            .await
            .expect("send"),
    );
    let code = code_of(&engine, &flow_id).await;
    submission.code = Some(if code == "000000" { "111111" } else { "000000" }.into());
    for _ in 0..5 {
        let flow = shown(
            engine
                .submit_verification(&flow_id, &submission)
                .await
                .expect("wrong"),
        );
        assert_eq!(error_ids(&flow), vec![4070006]);
    }
    submission.code = Some(code);
    match engine
        .submit_verification(&flow_id, &submission)
        .await
        .expect("sixth")
    {
        Outcome::Replaced { flow } => {
            assert_ne!(id(&flow), flow_id);
            assert_eq!(error_ids(&json(&flow)), vec![4000001]);
        }
        other => panic!("expected a replacement flow, got {other:?}"),
    }
}

#[tokio::test]
async fn registration_refuses_changed_traits_and_duplicates() {
    let lab = Lab::new(Backend::Sqlite).await;
    let engine = lab.engine().await;
    register(&engine).await;
    // A second registration with the same email: the code is sent, the duplicate shows after it.
    let flow = engine.create_registration_flow(&api()).await.expect("flow");
    let flow_id = id(&flow);
    let mut submission = RegistrationSubmission {
        traits: Some(json!({ "email": "ada@example.com" })),
        ..Default::default()
    };
    let code = send_registration_code(&engine, &flow_id, &submission).await;
    submission.code = Some(code.clone());
    submission.traits = Some(json!({ "email": "eve@example.com" }));
    let refused = shown(
        engine
            .submit_registration(&flow_id, &submission)
            .await
            .expect("changed"),
    );
    assert_eq!(error_ids(&refused), vec![4000036]);
    submission.traits = Some(json!({ "email": "ada@example.com" }));
    let duplicate = shown(
        engine
            .submit_registration(&flow_id, &submission)
            .await
            .expect("duplicate"),
    );
    assert_eq!(error_ids(&duplicate), vec![4000007]);
}

#[tokio::test]
async fn invalid_traits_land_on_their_nodes() {
    let lab = Lab::new(Backend::Sqlite).await;
    let engine = lab.engine().await;
    let flow = engine.create_registration_flow(&api()).await.expect("flow");
    let submission = RegistrationSubmission {
        traits: Some(json!({ "email": "not an email", "phone": "12" })),
        ..Default::default()
    };
    let refused = shown(
        engine
            .submit_registration(&id(&flow), &submission)
            .await
            .expect("submit"),
    );
    let ids = error_ids(&refused);
    assert!(ids.contains(&4000040), "{refused}");
    assert!(messages_of(&engine, &id(&flow)).await.is_empty());
}

#[tokio::test]
async fn require_verified_address_stops_a_login_through_an_unverified_channel() {
    // Codes go to the phone, but only the email is verifiable: a phone login
    // leaves the identity without a verified address.
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": { "traits": { "type": "object", "properties": {
            "email": { "type": "string", "format": "email",
                "ory.sh/kratos": { "verification": { "via": "email" } } },
            "phone": { "type": "string", "format": "tel",
                "ory.sh/kratos": { "credentials": { "code": { "identifier": true, "via": "sms" } } } }
        }, "required": ["email", "phone"] } }
    });
    let lab = Lab::new(Backend::Sqlite).await.set(
        "/selfservice/flows/login/after",
        json!({ "code": { "hooks": [{ "hook": "require_verified_address" }] } }),
    );
    std::fs::write(
        lab.dir.path().join("identity.schema.json"),
        schema.to_string(),
    )
    .expect("schema");
    let engine = lab.engine().await;
    engine
        .import_identity(
            &json!({ "traits": { "email": "bob@example.com", "phone": "+4917667111638" } }),
        )
        .await
        .expect("import");
    let flow_id = start_login(&engine, "+4917667111638").await;
    let code = code_of(&engine, &flow_id).await;
    match submit_login_code(&engine, &flow_id, "+4917667111638", &code).await {
        Outcome::AddressNotVerified { continue_with } => {
            let continue_with = json(&continue_with);
            assert_eq!(continue_with[0]["action"], "show_verification_ui");
            assert_eq!(
                continue_with[0]["flow"]["verifiable_address"],
                "bob@example.com"
            );
            let verification = continue_with[0]["flow"]["id"].as_str().expect("flow id");
            // require_verified_address.go gives the page URL for every flow type.
            assert_eq!(
                continue_with[0]["flow"]["url"],
                format!("http://127.0.0.1:4433/ui/verification?flow={verification}"),
                "{continue_with}"
            );
            let sent = messages_of(&engine, verification).await;
            assert_eq!(sent[0].template_type, "verification_code_valid");
            assert_eq!(sent[0].recipient, "bob@example.com");
        }
        other => panic!("expected the hook to stop the login, got {other:?}"),
    }
}

#[tokio::test]
async fn a_flow_started_on_one_engine_completes_on_another() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let first = lab.engine().await;
        let second = lab.engine().await;
        register(&first).await;
        let flow_id = start_login(&first, "ada@example.com").await;
        let code = code_of(&second, &flow_id).await;
        assert!(
            matches!(
                submit_login_code(&second, &flow_id, "ada@example.com", &code).await,
                Outcome::Done(_)
            ),
            "{backend:?}"
        );
    }
}

/// The one error message a refused step shows on the flow's container.
fn the_error(flow: &Value) -> &Value {
    let messages = flow["ui"]["messages"].as_array().expect("ui.messages");
    assert_eq!(messages.len(), 1, "{flow}");
    &messages[0]
}

/// Kratos' code strategy answers a submission to a completed login with
/// `NewNoLoginStrategyResponsible` (4010002, no context), not 4000001.
#[tokio::test]
async fn a_completed_login_resubmitted_answers_4010002_as_kratos_does() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(&engine).await;
        let flow_id = start_login(&engine, EMAIL).await;
        let code = code_of(&engine, &flow_id).await;
        let done = submit_login_code(&engine, &flow_id, EMAIL, &code).await;
        assert!(matches!(done, Outcome::Done(_)), "{backend:?}: {done:?}");
        let again = shown(submit_login_code(&engine, &flow_id, EMAIL, &code).await);
        let error = the_error(&again);
        assert_eq!(error["id"], 4010002, "{backend:?}");
        assert_eq!(error["type"], "error");
        assert_eq!(
            error["text"],
            "Could not find a strategy to log you in with. Did you fill out the form correctly?"
        );
        assert!(error.get("context").is_none(), "{backend:?}: {error}");
    }
}

/// A completed registration, and a registration with the code method off, get
/// `NewNoRegistrationStrategyResponsible`: 4010003 in Kratos' numbering (text/id.go
/// puts `ErrorValidationRegistrationNoStrategyFound` in the login block).
#[tokio::test]
async fn registration_without_a_strategy_answers_4010003_as_kratos_does() {
    const TEXT: &str =
        "Could not find a strategy to sign you up with. Did you fill out the form correctly?";
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(&engine).await;
        let flow = engine.create_registration_flow(&api()).await.expect("flow");
        let flow_id = id(&flow);
        let submission = RegistrationSubmission {
            traits: Some(json!({ "email": "grace@example.com" })),
            ..RegistrationSubmission::default()
        };
        let code = send_registration_code(&engine, &flow_id, &submission).await;
        let with_code = RegistrationSubmission {
            code: Some(code),
            ..submission.clone()
        };
        let done = engine
            .submit_registration(&flow_id, &with_code)
            .await
            .expect("submit");
        assert!(matches!(done, Outcome::Done(_)), "{backend:?}: {done:?}");
        let again = shown(
            engine
                .submit_registration(&flow_id, &with_code)
                .await
                .expect("resubmit"),
        );
        let error = the_error(&again);
        assert_eq!(error["id"], 4010003, "{backend:?}");
        assert_eq!(error["text"], TEXT);
        assert!(error.get("context").is_none(), "{backend:?}: {error}");

        let off = Lab::new(backend).await.set(
            "/selfservice/methods/code/passwordless_enabled",
            json!(false),
        );
        let engine = off.engine().await;
        let flow = engine.create_registration_flow(&api()).await.expect("flow");
        let refused = shown(
            engine
                .submit_registration(&id(&flow), &submission)
                .await
                .expect("submit"),
        );
        let error = the_error(&refused);
        assert_eq!(error["id"], 4010003, "{backend:?}");
        assert_eq!(error["text"], TEXT);
    }
}

/// Only the generic message (4000001) carries context (`{reason}`); the code
/// errors have none, as in Kratos' text package.
#[tokio::test]
async fn only_the_generic_error_carries_its_reason_as_context() {
    let lab = Lab::new(Backend::Sqlite).await;
    let engine = lab.engine().await;
    register(&engine).await;
    let flow_id = start_login(&engine, EMAIL).await;
    let wrong = shown(submit_login_code(&engine, &flow_id, EMAIL, "000000").await);
    let error = the_error(&wrong);
    assert_eq!(error["id"], 4010008);
    assert!(error.get("context").is_none(), "{error}");
    for _ in 0..5 {
        submit_login_code(&engine, &flow_id, EMAIL, "000000").await;
    }
    let limited = shown(submit_login_code(&engine, &flow_id, EMAIL, "000000").await);
    let error = the_error(&limited);
    assert_eq!(error["id"], 4000001, "{limited}");
    assert_eq!(error["context"]["reason"], error["text"]);
}
