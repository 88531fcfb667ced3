//! The `--format json` contract of the flow verbs, parsed back into the types a
//! script would declare: every field named here must be there with its type,
//! and a refused step prints Kratos' answer and exits 1.

use serde::Deserialize;
use serde_json::Value;

use crate::support::{World, stderr, stdout};

/// What every flow verb prints with `--format json`.
#[derive(Debug, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case", deny_unknown_fields)]
enum StepOutput {
    CodeSent {
        version: u32,
        flow: FlowOut,
    },
    Session {
        version: u32,
        session_token: String,
        session: SessionOut,
        continue_with: Vec<Value>,
    },
    Identity {
        version: u32,
        identity: IdentityOut,
        session_token: Option<String>,
        session: Option<SessionOut>,
        continue_with: Vec<Value>,
    },
    Verified {
        version: u32,
        address: Option<String>,
        flow: FlowOut,
    },
    Refused {
        version: u32,
        status: u16,
        answer: Value,
    },
}

#[derive(Debug, Deserialize)]
struct FlowOut {
    id: String,
    #[serde(rename = "type")]
    flow_type: String,
    state: String,
    expires_at: String,
    issued_at: String,
    request_url: String,
    ui: UiOut,
}

#[derive(Debug, Deserialize)]
struct UiOut {
    action: String,
    method: String,
    nodes: Vec<Value>,
    #[serde(default)]
    messages: Vec<MessageOut>,
}

#[derive(Debug, Deserialize)]
struct MessageOut {
    id: u64,
    text: String,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Debug, Deserialize)]
struct SessionOut {
    id: String,
    active: bool,
    identity: IdentityOut,
}

#[derive(Debug, Deserialize)]
struct IdentityOut {
    id: String,
    schema_id: String,
    traits: Value,
}

fn parse(out: &std::process::Output) -> StepOutput {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(out), stderr(out)))
}

fn world() -> World {
    let world = World::new();
    let id = world.project("email-sms");
    world.use_passwordless(&id);
    world
}

fn code_of(world: &World, recipient: &str) -> String {
    world.code_sent_to(recipient)
}

#[test]
fn the_json_outputs_of_the_flow_verbs_parse_back_into_their_contract() {
    let world = world();
    let sent = world.run(&[
        "register",
        "--trait",
        "email=ada@example.com",
        "--trait",
        "phone=+4917667111638",
        "--format",
        "json",
    ]);
    assert!(sent.status.success(), "{}", stderr(&sent));
    let StepOutput::CodeSent { version, flow } = parse(&sent) else {
        panic!("expected code_sent: {}", stdout(&sent));
    };
    assert_eq!(version, 1);
    assert_eq!(
        (flow.flow_type.as_str(), flow.state.as_str()),
        ("api", "sent_email")
    );
    assert!(flow.ui.action.ends_with(&format!("?flow={}", flow.id)));
    assert_eq!(flow.ui.method, "POST");
    assert!(!flow.ui.nodes.is_empty() && !flow.expires_at.is_empty());
    assert!(!flow.issued_at.is_empty() && !flow.request_url.is_empty());
    assert_eq!(flow.ui.messages[0].id, 1040005);

    let code = code_of(&world, "ada@example.com");
    let done = world.run(&[
        "register", "--flow", &flow.id, "--code", &code, "--format", "json",
    ]);
    let StepOutput::Identity {
        version,
        identity,
        session_token,
        session,
        continue_with,
    } = parse(&done)
    else {
        panic!("expected identity: {}", stdout(&done));
    };
    assert_eq!(version, 1);
    assert_eq!(identity.traits["email"], "ada@example.com");
    assert_eq!(identity.schema_id, "email-sms");
    let session = session.expect("the session hook");
    assert!(session.active && session.identity.id == identity.id && !session.id.is_empty());
    assert!(session_token.is_some_and(|t| t.starts_with("ory_st_")));
    assert!(
        continue_with
            .iter()
            .any(|c| c["action"] == "set_ory_session_token")
    );

    let out = world.run(&[
        "login",
        "--identifier",
        "ada@example.com",
        "--format",
        "json",
    ]);
    let StepOutput::CodeSent { flow, .. } = parse(&out) else {
        panic!("expected code_sent: {}", stdout(&out));
    };
    let code = code_of(&world, "ada@example.com");
    let done = world.run(&[
        "login", "--flow", &flow.id, "--code", &code, "--format", "json",
    ]);
    let StepOutput::Session {
        version,
        session_token,
        session,
        continue_with,
    } = parse(&done)
    else {
        panic!("expected session: {}", stdout(&done));
    };
    assert_eq!(version, 1);
    assert!(continue_with.is_empty(), "{continue_with:?}");
    assert!(session_token.starts_with("ory_st_"));
    assert_eq!(session.identity.traits["email"], "ada@example.com");

    let out = world.run(&[
        "verify",
        "--address",
        "ada@example.com",
        "--auto",
        "--format",
        "json",
    ]);
    let StepOutput::Verified {
        version,
        address,
        flow,
    } = parse(&out)
    else {
        panic!("expected verified: {}", stdout(&out));
    };
    assert_eq!(version, 1);
    assert_eq!(address.as_deref(), Some("ada@example.com"));
    assert_eq!(flow.state, "passed_challenge");
    assert_eq!(flow.ui.messages[0].kind, "success");
    assert!(!flow.ui.messages[0].text.is_empty());
}

/// A wrong code: exit 1, the reason on stderr, and on stdout the flow with its
/// message as Kratos answers it (400), so a script reads the message id.
#[test]
fn a_refused_step_prints_kratos_answer_and_exits_1() {
    let world = world();
    let out = world.run(&["register", "--trait", "email=ada@example.com", "--auto"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = world.run(&[
        "login",
        "--identifier",
        "ada@example.com",
        "--format",
        "json",
    ]);
    let StepOutput::CodeSent { flow, .. } = parse(&out) else {
        panic!("expected code_sent: {}", stdout(&out));
    };
    let code = code_of(&world, "ada@example.com");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let out = world.run(&[
        "login", "--flow", &flow.id, "--code", wrong, "--format", "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("The login code is invalid"),
        "{}",
        stderr(&out)
    );
    let StepOutput::Refused {
        version,
        status,
        answer,
    } = parse(&out)
    else {
        panic!("expected refused: {}", stdout(&out));
    };
    assert_eq!((version, status), (1, 400));
    assert_eq!(answer["id"], flow.id.as_str());
    assert_eq!(answer["ui"]["messages"][0]["id"], 4010008);

    let text = world.run(&["login", "--flow", &flow.id, "--code", wrong]);
    assert_eq!(text.status.code(), Some(1));
    assert_eq!(
        stdout(&text),
        format!(
            "flow: {}\nmessage: 4010008 The login code is invalid or has already been used. Please try again.\n",
            flow.id
        )
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MessagesOut {
    version: u32,
    messages: Vec<MessageRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageRow {
    id: String,
    status: String,
    #[serde(rename = "type")]
    message_type: String,
    channel: String,
    recipient: String,
    subject: String,
    body: String,
    template_type: String,
    send_count: i64,
    created_at: String,
    updated_at: String,
    #[serde(default)]
    dispatches: Option<Vec<Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentitiesOut {
    version: u32,
    identities: Vec<AdminIdentity>,
}

#[derive(Debug, Deserialize)]
struct AdminIdentity {
    id: String,
    state: String,
    organization_id: Option<String>,
    verifiable_addresses: Vec<Value>,
    credentials: std::collections::BTreeMap<String, Value>,
}

/// `list courier-messages`, `get courier-message` and `list identities` print
/// versioned structs whose fields a script can rely on.
#[test]
fn the_listings_parse_back_into_their_contract() {
    let world = world();
    let out = world.run(&["register", "--trait", "email=ada@example.com", "--auto"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = world.run(&["list", "courier-messages", "--format", "json"]);
    let list: MessagesOut =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    assert_eq!(list.version, 1);
    let first = list.messages.first().expect("a message");
    assert_eq!(first.message_type, "email");
    assert_eq!(first.channel, "email");
    assert_eq!(first.recipient, "ada@example.com");
    assert!(!first.subject.is_empty() && !first.body.is_empty());
    assert!(
        first.template_type.ends_with("_valid"),
        "{}",
        first.template_type
    );
    assert!(first.created_at.ends_with('Z') && first.updated_at.ends_with('Z'));
    assert!(first.send_count >= 0 && !first.status.is_empty());
    assert!(first.dispatches.is_none(), "only get shows the attempts");
    let out = world.run(&["get", "courier-message", &first.id]);
    let one: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(one["version"], 1);
    assert_eq!(one["message"]["id"], first.id.as_str());
    assert!(one["message"]["dispatches"].is_array(), "{one}");

    let out = world.run(&["list", "identities", "--format", "json"]);
    let identities: IdentitiesOut =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    assert_eq!(identities.version, 1);
    let identity = identities.identities.first().expect("an identity");
    assert_eq!(identity.state, "active");
    assert!(identity.organization_id.is_none() && !identity.id.is_empty());
    assert_eq!(identity.verifiable_addresses.len(), 1);
    assert!(identity.credentials.contains_key("code"));
}
