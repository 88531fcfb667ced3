//! Kratos' answers, value by value: each test pins what Kratos' own source does
//! (the file is named in the test's comment), on SQLite and PostgreSQL.

use std::time::Duration;

use otpctl::engine::{
    Engine, FlowRequest, FlowType, LoginSubmission, Outcome, RegistrationSubmission,
    VerificationSubmission,
};
use serde_json::{Value, json};

use crate::lab::{Lab, api, backends, code_of, id, json, messages_of, shown};

fn browser() -> FlowRequest {
    FlowRequest {
        flow_type: FlowType::Browser,
        ..FlowRequest::default()
    }
}

/// The node named `name` of a flow's JSON.
fn node<'a>(flow: &'a Value, name: &str) -> &'a Value {
    flow["ui"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|n| n["attributes"]["name"] == name)
        .unwrap_or_else(|| panic!("no node {name} in {flow}"))
}

/// Registers `email` (and `phone`) by the email code; the registration's outcome.
async fn register(
    engine: &Engine,
    request: &FlowRequest,
    traits: Value,
) -> otpctl::engine::RegistrationSuccess {
    let flow = engine
        .create_registration_flow(request)
        .await
        .expect("flow");
    let flow_id = id(&flow);
    let mut submission = RegistrationSubmission {
        traits: Some(traits),
        ..RegistrationSubmission::default()
    };
    shown(
        engine
            .submit_registration(&flow_id, &submission)
            .await
            .expect("send"),
    );
    let messages = messages_of(engine, &flow_id).await;
    let email = messages
        .iter()
        .find(|m| m.channel == "email")
        .expect("an email code");
    submission.code = email.template_data["registration_code"]
        .as_str()
        .map(str::to_string);
    match engine
        .submit_registration(&flow_id, &submission)
        .await
        .expect("submit")
    {
        Outcome::Done(done) => done,
        other => panic!("registration did not complete: {other:?}"),
    }
}

/// Registers ada (email and phone), starts a login and sends the code: the
/// login flow's id, the submission that sent it, and ada's identity id.
async fn ada_waiting_for_her_code(engine: &Engine) -> (String, LoginSubmission, String) {
    let done = register(
        engine,
        &api(),
        json!({ "email": "ada@example.com", "phone": "+16453331111" }),
    )
    .await;
    let flow = engine.create_login_flow(&api()).await.expect("flow");
    let flow_id = id(&flow);
    let submission = LoginSubmission {
        identifier: Some("ada@example.com".into()),
        ..LoginSubmission::default()
    };
    let sent = shown(
        engine
            .submit_login(&flow_id, &submission)
            .await
            .expect("send"),
    );
    assert_eq!(sent["ui"]["messages"][0]["id"], 1010014);
    (flow_id, submission, done.identity.id)
}

/// Browser login and registration flows carry a hidden, required `csrf_token`
/// node from creation on (login/flow.go and registration/flow.go add it in
/// `NewFlow`); api flows have none.
#[tokio::test]
async fn browser_flows_carry_the_csrf_token_node_from_creation() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        let login = json(&engine.create_login_flow(&browser()).await.expect("login"));
        let registration = json(
            &engine
                .create_registration_flow(&browser())
                .await
                .expect("registration"),
        );
        for flow in [&login, &registration] {
            let csrf = node(flow, "csrf_token");
            assert_eq!(csrf["attributes"]["type"], "hidden", "{backend:?}");
            assert_eq!(csrf["attributes"]["required"], true, "{backend:?}");
            assert_eq!(csrf["group"], "default");
        }
        let api_login = json(&engine.create_login_flow(&api()).await.expect("login"));
        let names: Vec<&Value> = api_login["ui"]["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| &n["attributes"]["name"])
            .collect();
        assert!(!names.contains(&&json!("csrf_token")), "{names:?}");
    }
}

/// The JSON of each kind of flow has the fields Kratos' models give it:
/// `organization_id` (null), `refresh`, `requested_aal`, `created_at` and
/// `updated_at` on login flows only; `ui.messages` is `omitempty`.
#[tokio::test]
async fn each_kind_of_flow_has_the_fields_of_its_kratos_model() {
    let lab = Lab::new(crate::lab::Backend::Sqlite).await;
    let engine = lab.engine().await;
    let login = json(&engine.create_login_flow(&api()).await.expect("login"));
    assert_eq!(login["organization_id"], Value::Null);
    assert!(login.get("organization_id").is_some(), "present as null");
    assert_eq!(login["refresh"], false);
    assert_eq!(login["requested_aal"], "aal1");
    assert!(login["created_at"].is_string() && login["updated_at"].is_string());
    assert!(login["ui"].get("messages").is_none(), "{login}");
    let registration = json(
        &engine
            .create_registration_flow(&api())
            .await
            .expect("registration"),
    );
    let verification = json(
        &engine
            .create_verification_flow(&api())
            .await
            .expect("verification"),
    );
    for flow in [&registration, &verification] {
        for absent in ["created_at", "updated_at", "refresh", "requested_aal"] {
            assert!(flow.get(absent).is_none(), "{absent} in {flow}");
        }
        for present in [
            "id",
            "type",
            "expires_at",
            "issued_at",
            "request_url",
            "ui",
            "state",
        ] {
            assert!(flow.get(present).is_some(), "{present} missing in {flow}");
        }
    }
}

/// After a code was sent, the identifier is the same node, hidden, required,
/// labelled 1070004 and holding the normalised value; after 4000035 it keeps
/// what was submitted (strategy_login.go re-renders the submitted form).
#[tokio::test]
async fn the_identifier_node_keeps_what_was_submitted() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        register(
            &engine,
            &api(),
            json!({ "email": "ada@example.com", "phone": "+16453331111" }),
        )
        .await;
        let flow = engine.create_login_flow(&api()).await.expect("flow");
        let submission = LoginSubmission {
            identifier: Some("Ada@Example.COM".into()),
            ..LoginSubmission::default()
        };
        let sent = shown(
            engine
                .submit_login(&id(&flow), &submission)
                .await
                .expect("send"),
        );
        let identifier = node(&sent, "identifier");
        assert_eq!(identifier["attributes"]["type"], "hidden", "{backend:?}");
        assert_eq!(identifier["attributes"]["value"], "ada@example.com");
        assert_eq!(identifier["attributes"]["required"], true);
        assert_eq!(identifier["meta"]["label"]["id"], 1070004);

        let flow = engine.create_login_flow(&api()).await.expect("flow");
        let unknown = LoginSubmission {
            identifier: Some("nobody@example.com".into()),
            ..LoginSubmission::default()
        };
        let refused = shown(
            engine
                .submit_login(&id(&flow), &unknown)
                .await
                .expect("send"),
        );
        assert_eq!(refused["ui"]["messages"][0]["id"], 4000035, "{backend:?}");
        assert_eq!(
            node(&refused, "identifier")["attributes"]["value"],
            "nobody@example.com"
        );
    }
}

/// Kratos resets a container's messages before it adds an error and saves the
/// flow (`WriteFlowError`: `ResetMessages`, then `UpdateLoginFlow`): the
/// answer shows one error, and reading the flow again shows the same.
#[tokio::test]
async fn a_refused_answer_replaces_earlier_messages_and_is_saved() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        let (flow_id, mut submission, _) = ada_waiting_for_her_code(&engine).await;
        // An empty code is a missing field on the code node; the "sent" info goes.
        submission.code = Some(" ".into());
        let missing = shown(
            engine
                .submit_login(&flow_id, &submission)
                .await
                .expect("empty"),
        );
        assert!(missing["ui"].get("messages").is_none(), "{missing}");
        assert_eq!(node(&missing, "code")["messages"][0]["id"], 4000002);
        // A wrong code: one container error, the node's message gone.
        submission.code = Some("000000".into());
        let code = code_of(&engine, &flow_id).await;
        if code == "000000" {
            submission.code = Some("111111".into());
        }
        let wrong = shown(
            engine
                .submit_login(&flow_id, &submission)
                .await
                .expect("wrong"),
        );
        let messages = wrong["ui"]["messages"].as_array().expect("messages");
        assert_eq!(messages.len(), 1, "{backend:?}: {wrong}");
        assert_eq!(messages[0]["id"], 4010008);
        assert_eq!(node(&wrong, "code")["messages"], json!([]));
        let read = json(&engine.get_flow(&flow_id).await.expect("read"));
        assert_eq!(
            read["ui"], wrong["ui"],
            "{backend:?}: GET shows the last answer"
        );
    }
}

/// An expired flow's message carries `expired_at` and `expired_at_unix`
/// (text/message_login.go `NewErrorValidationLoginFlowExpired`).
#[tokio::test]
async fn the_expiry_message_carries_kratos_context() {
    let lab = Lab::new(crate::lab::Backend::Sqlite)
        .await
        .with_manual_clock();
    let engine = lab.engine().await;
    let flow = engine.create_login_flow(&api()).await.expect("flow");
    let expires_at = json(&flow)["expires_at"].clone();
    lab.manual
        .as_ref()
        .expect("manual clock")
        .advance(Duration::from_secs(3601));
    let submission = LoginSubmission {
        identifier: Some("ada@example.com".into()),
        ..LoginSubmission::default()
    };
    let Outcome::Expired { flow: new, .. } = engine
        .submit_login(&id(&flow), &submission)
        .await
        .expect("submit")
    else {
        panic!("expected a replacement");
    };
    let message = &json(&new)["ui"]["messages"][0];
    assert_eq!(message["id"], 4010001);
    assert_eq!(message["context"]["expired_at"], expires_at);
    let unix = message["context"]["expired_at_unix"]
        .as_i64()
        .expect("expired_at_unix");
    assert!(unix > 1_700_000_000, "seconds, not milliseconds: {unix}");
}

/// The verification hook after registration starts one flow, for the first
/// unverified address, and stops (hook/verification.go: `break`, unless
/// `legacy_continue_with_verification_ui`); its resend node is named after the
/// address' channel, while a flow a person starts names it `email` even for
/// phone numbers (strategy_verification.go); `show_verification_ui` carries
/// a `url` only for browser flows.
#[tokio::test]
async fn verification_after_registration_as_kratos_does_it() {
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": { "traits": { "type": "object", "properties": {
            "email": { "type": "string", "format": "email", "ory.sh/kratos": {
                "credentials": { "code": { "identifier": true, "via": "email" } },
                "verification": { "via": "email" } } },
            "phone": { "type": "string", "format": "tel", "ory.sh/kratos": {
                "verification": { "via": "sms" } } },
            "backup": { "type": "string", "format": "email", "ory.sh/kratos": {
                "verification": { "via": "email" } } }
        }, "required": ["email"] } }
    });
    for backend in backends() {
        let lab = Lab::new(backend).await.set(
            "/selfservice/flows/registration/after",
            json!({ "code": { "hooks": [{ "hook": "session" }, { "hook": "show_verification_ui" }] } }),
        );
        std::fs::write(
            lab.dir.path().join("identity.schema.json"),
            schema.to_string(),
        )
        .expect("schema");
        let engine = lab.engine().await;
        let traits = |n: usize| {
            json!({
                "email": format!("ada{n}@example.com"),
                "phone": format!("+1645333111{n}"),
                "backup": format!("backup{n}@example.com"),
            })
        };
        for (n, request) in [(1, api()), (2, browser())] {
            let done = register(&engine, &request, traits(n)).await;
            let continue_with = json(&done.continue_with);
            let show = continue_with
                .as_array()
                .into_iter()
                .flatten()
                .find(|c| c["action"] == "show_verification_ui")
                .unwrap_or_else(|| panic!("{backend:?}: {continue_with}"));
            assert_eq!(
                show["flow"]["verifiable_address"],
                format!("+1645333111{n}")
            );
            match request.flow_type {
                FlowType::Api => assert!(show["flow"].get("url").is_none(), "{show}"),
                FlowType::Browser => assert!(
                    show["flow"]["url"]
                        .as_str()
                        .is_some_and(|u| u.ends_with(&format!(
                            "?flow={}",
                            show["flow"]["id"].as_str().unwrap_or_default()
                        ))),
                    "{show}"
                ),
            }
            let started = show["flow"]["id"].as_str().expect("flow id").to_string();
            let hook_flow = json(&engine.get_flow(&started).await.expect("hook flow"));
            assert_eq!(
                node(&hook_flow, "sms")["attributes"]["value"],
                format!("+1645333111{n}")
            );
            // One verification code after registration: the phone's; the
            // backup email waits.
            let all = lab_messages(&engine).await;
            let verification_codes = all
                .iter()
                .filter(|m| m.template_type == "verification_code_valid")
                .filter(|m| {
                    m.recipient.ends_with(&format!("{n}@example.com"))
                        || m.recipient == format!("+1645333111{n}")
                })
                .count();
            assert_eq!(verification_codes, 1, "{backend:?}: {n}");
        }
        // A person verifying a phone number: the resend node is `email`.
        let flow = engine.create_verification_flow(&api()).await.expect("flow");
        let submission = VerificationSubmission {
            email: Some("+16453331111".into()),
            ..VerificationSubmission::default()
        };
        let Outcome::Flow(sent) = engine
            .submit_verification(&id(&flow), &submission)
            .await
            .expect("send")
        else {
            panic!("expected the flow");
        };
        let sent = json(&sent);
        assert_eq!(node(&sent, "email")["attributes"]["value"], "+16453331111");
        assert_eq!(node(&sent, "email")["attributes"]["type"], "submit");
    }
}

async fn lab_messages(engine: &Engine) -> Vec<otpctl::courier::outbox::MessageRecord> {
    engine
        .list_messages(&Default::default(), 1000, 0)
        .await
        .expect("messages")
}

/// Identities carry `organization_id` (null here), sessions Kratos' fields,
/// and timestamps are RFC 3339 (identity/identity.go, session/session.go).
#[tokio::test]
async fn identities_and_sessions_have_the_fields_of_their_kratos_models() {
    let lab = Lab::new(crate::lab::Backend::Sqlite).await;
    let engine = lab.engine().await;
    let done = register(
        &engine,
        &api(),
        json!({ "email": "ada@example.com", "phone": "+16453331111" }),
    )
    .await;
    let identity = json(&done.identity);
    assert!(
        identity.get("organization_id").is_some_and(Value::is_null),
        "{identity}"
    );
    for field in [
        "id",
        "schema_id",
        "schema_url",
        "state",
        "traits",
        "verifiable_addresses",
        "created_at",
        "updated_at",
    ] {
        assert!(
            identity.get(field).is_some(),
            "{field} missing in {identity}"
        );
    }
    assert!(
        identity.get("credentials").is_none(),
        "only the admin API lists credentials"
    );
    let session = json(&done.session.expect("the session hook"));
    for field in [
        "id",
        "active",
        "expires_at",
        "authenticated_at",
        "issued_at",
        "authenticator_assurance_level",
        "authentication_methods",
        "identity",
        "devices",
    ] {
        assert!(session.get(field).is_some(), "{field} missing in {session}");
    }
    assert!(
        session["expires_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    let admin = json(&engine.get_identity(&done.identity.id).await.expect("admin"));
    assert_eq!(admin["credentials"]["code"]["type"], "code");
    let mut identifiers: Vec<&str> = admin["credentials"]["code"]["identifiers"]
        .as_array()
        .expect("identifiers")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    identifiers.sort_unstable();
    assert_eq!(identifiers, ["+16453331111", "ada@example.com"]);
}

/// A right code that another submission used first gets Kratos' generic
/// "already used" answer (persister_code.go `useOneTimeCode`: the guarded
/// UPDATE changed no row → `ErrCodeAlreadyUsed`, shown as 4000001), not the
/// "invalid code" one; concurrent submissions never see 4010008.
#[tokio::test]
async fn a_code_used_by_another_submission_is_already_used() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        let (flow_id, mut submission, _) = ada_waiting_for_her_code(&engine).await;
        let code = code_of(&engine, &flow_id).await;
        // What a concurrent winner leaves behind, without completing the flow.
        let used = lab
            .sql("UPDATE codes SET used_at = 1 WHERE flow_id = $1", &flow_id)
            .await;
        assert_eq!(used, 1, "{backend:?}");
        submission.code = Some(code);
        let refused = shown(
            engine
                .submit_login(&flow_id, &submission)
                .await
                .expect("submit"),
        );
        let message = &refused["ui"]["messages"][0];
        assert_eq!(message["id"], 4000001, "{backend:?}: {refused}");
        assert_eq!(
            message["text"],
            "The code was already used. Please request another code."
        );
        assert_eq!(message["context"]["reason"], message["text"]);
    }
}

/// Kratos increments the submission count inside `UseLoginCode`, after the
/// account was found: submissions for an account that is gone never reach
/// the limit (they keep answering 4000035).
#[tokio::test]
async fn a_submission_is_counted_only_once_the_account_is_found() {
    for backend in backends() {
        let lab = Lab::new(backend).await;
        let engine = lab.engine().await;
        let (flow_id, mut submission, identity) = ada_waiting_for_her_code(&engine).await;
        engine.delete_identity(&identity).await.expect("delete");
        submission.code = Some("123456".into());
        for attempt in 0..8 {
            let refused = shown(
                engine
                    .submit_login(&flow_id, &submission)
                    .await
                    .expect("submit"),
            );
            assert_eq!(
                refused["ui"]["messages"][0]["id"], 4000035,
                "{backend:?}: attempt {attempt}: {refused}"
            );
        }
    }
}
