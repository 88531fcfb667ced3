//! `otpctl get code`: the newest code sent to an address, read from the
//! project's outbox while `otpctl serve` runs on it, waiting when asked.

use std::process::Stdio;

use serde_json::{Value, json};

use crate::lab::Backend;
use crate::served::{Client, Served, project_on};
use crate::support::{World, stderr, stdout};

#[test]
fn a_waiting_get_code_prints_the_code_the_server_sends_and_it_completes_the_flow() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    let client = Client::new();
    let post = |url: &str, body: &Value| client.post_json(url, body);
    let email = "waiter@example.com";

    // Nothing sent yet: refused at once without --wait.
    let none = world.run(&["get", "code", "--recipient", email]);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("no code was sent to waiter@example.com"),
        "{}",
        stderr(&none)
    );

    // Waiting first, then the server sends.
    let waiting = world
        .process()
        .args([
            "get",
            "code",
            "--recipient",
            "Waiter@Example.com",
            "--wait",
            "20s",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("get code runs");
    let (_, flow) = client.get(&format!("{}/self-service/registration/api", served.public));
    let id = flow["id"].as_str().expect("id");
    let url = format!("{}/self-service/registration?flow={id}", served.public);
    let traits = json!({ "email": email });
    let (status, _) = post(&url, &json!({ "method": "code", "traits": traits }));
    assert_eq!(status, 400);
    let out = waiting.wait_with_output().expect("get code ends");
    assert!(out.status.success(), "{}", stderr(&out));
    let code = stdout(&out).trim().to_string();
    assert!(
        code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()),
        "{code:?}"
    );

    // --flow picks that flow's code; the code completes the flow.
    let by_flow = world.run(&["get", "code", "--recipient", email, "--flow", id]);
    assert_eq!(stdout(&by_flow).trim(), code);
    let other = world.run(&[
        "get",
        "code",
        "--recipient",
        email,
        "--flow",
        "00000000-0000-4000-8000-000000000000",
    ]);
    assert_eq!(other.status.code(), Some(1));
    let (status, done) = post(
        &url,
        &json!({ "method": "code", "traits": traits, "code": code }),
    );
    assert_eq!(status, 200, "{done}");
    served.stop();
}
