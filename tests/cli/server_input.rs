//! Bad HTTP input against `otpctl serve`: each gets Kratos' 4xx error (or a
//! closed connection where no answer fits), never a 500 or a panic, and the
//! server keeps serving the next request.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::{Value, json};

use crate::lab::Backend;
use crate::served::{Client, Served, project_on};
use crate::support::World;

/// A herodot envelope with `status`.
fn assert_error(answer: &(u16, Value), status: u16, what: &str) {
    assert_eq!(answer.0, status, "{what}: {}", answer.1);
    assert_eq!(answer.1["error"]["code"], status, "{what}: {}", answer.1);
    assert!(
        answer.1["error"]["message"].is_string(),
        "{what}: {}",
        answer.1
    );
}

fn start() -> (World, Served) {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    (world, served)
}

fn new_flow(client: &Client, served: &Served, kind: &str) -> String {
    let (status, flow) = client.get(&format!("{}/self-service/{kind}/api", served.public));
    assert_eq!(status, 200, "{flow}");
    flow["id"].as_str().expect("id").to_string()
}

#[test]
fn malformed_bodies_and_ids_get_kratos_errors_and_the_server_goes_on() {
    let (_world, served) = start();
    let client = Client::new();
    let login = new_flow(&client, &served, "login");
    let url = format!("{}/self-service/login?flow={login}", served.public);

    let answer = client.send(
        client
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body("{\"method\": \"code\", "),
    );
    assert_error(&answer, 400, "malformed JSON");

    let answer = client.send(
        client
            .http
            .post(&url)
            .header("content-type", "text/plain")
            .body("method=code"),
    );
    assert_error(&answer, 415, "wrong content type");

    let big = vec![b'a'; 10 * 1024 * 1024];
    let answer = client.send(
        client
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(big),
    );
    assert_error(&answer, 413, "a 10 MB body");

    let answer = client.post_json(
        &format!("{}/self-service/login?flow=not-a-uuid", served.public),
        &json!({"method": "code"}),
    );
    assert_error(&answer, 400, "a malformed flow id");
    assert_eq!(
        answer.1["error"]["reason"],
        "The flow query parameter is missing or malformed."
    );

    let answer = client.post_json(
        &format!(
            "{}/self-service/login?flow=00000000-0000-4000-8000-000000000000",
            served.public
        ),
        &json!({"method": "code"}),
    );
    assert_error(&answer, 404, "an unknown flow");

    let answer = client.get(&format!(
        "{}/self-service/login/flows?id=nope",
        served.public
    ));
    assert_error(&answer, 404, "fetching a malformed id");

    let answer = client.post_json(&url, &json!({"method": "password", "identifier": "a@b.c"}));
    assert_error(&answer, 400, "an unknown method");

    let registration = new_flow(&client, &served, "registration");
    let answer = client.post_json(
        &format!("{}/self-service/login?flow={registration}", served.public),
        &json!({"method": "code", "identifier": "a@b.c"}),
    );
    assert_error(&answer, 404, "a flow of another kind");
    let answer = client.get(&format!(
        "{}/self-service/verification/flows?id={registration}",
        served.public
    ));
    assert_error(&answer, 404, "fetching a flow as another kind");

    let answer = client.send(
        client
            .http
            .post(&url)
            .header("origin", "http://evil.test")
            .json(&json!({"method": "code", "identifier": "a@b.c"})),
    );
    assert_error(&answer, 400, "an API flow with an Origin header");

    let answer = client.send(client.http.put(&url).json(&json!({})));
    assert_error(&answer, 405, "a method the route does not take");
    let answer = client.get(&format!("{}/no/such/route", served.public));
    assert_error(&answer, 404, "an unknown route");

    let answer = client.send(
        client
            .http
            .get(format!("{}/sessions/whoami", served.public))
            .header("x-session-token", "ory_st_forged"),
    );
    assert_error(&answer, 401, "a forged session token");
    assert_eq!(answer.1["error"]["id"], "session_inactive");

    // And the server still serves.
    assert_eq!(
        client.get(&format!("{}/health/alive", served.public)).0,
        200
    );
    let log = served.stop();
    assert!(!log.contains(" status=500"), "{log}");
}

#[test]
fn a_used_flow_is_refused_as_kratos_refuses_it() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    let client = Client::new();
    let flow = new_flow(&client, &served, "registration");
    let url = format!("{}/self-service/registration?flow={flow}", served.public);
    let traits = json!({"email": "used@example.com"});
    let sent = client.post_json(&url, &json!({"method": "code", "traits": traits}));
    assert_eq!(sent.0, 400, "{}", sent.1);
    let code = code_for(&client, &served, "used@example.com");
    let done = client.post_json(
        &url,
        &json!({"method": "code", "traits": traits, "code": code}),
    );
    assert_eq!(done.0, 200, "{}", done.1);
    let again = client.post_json(
        &url,
        &json!({"method": "code", "traits": traits, "code": code}),
    );
    assert_eq!(again.0, 400, "{}", again.1);
    assert_eq!(again.1["ui"]["messages"][0]["id"], 4010003, "{}", again.1);
    served.stop();
}

/// The newest code sent to `recipient`, from the admin API.
fn code_for(client: &Client, served: &Served, recipient: &str) -> String {
    let (status, list) = client.get(&format!(
        "{}/admin/courier/messages?recipient={recipient}",
        served.admin
    ));
    assert_eq!(status, 200, "{list}");
    let body = list[0]["body"].as_str().expect("a message body");
    body.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a code")
        .to_string()
}

fn host_port(url: &str) -> String {
    url.trim_start_matches("http://").to_string()
}

/// A request head of 64 KiB is refused (431) or the connection closed, and
/// the next request is served.
#[test]
fn a_64_kib_header_is_refused_and_the_server_goes_on() {
    let (_world, served) = start();
    let mut stream = TcpStream::connect(host_port(&served.public)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let filler = "a".repeat(64 * 1024);
    let request = format!(
        "GET /health/alive HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Filler: {filler}\r\n\r\n"
    );
    // The server may close before it has read everything.
    let _ = stream.write_all(request.as_bytes());
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    let client = Client::new();
    assert_eq!(
        client.get(&format!("{}/health/alive", served.public)).0,
        200
    );
    served.stop();
}

/// Ten thousand connections opened and held idle do not stop the server
/// from answering the next one.
#[test]
fn ten_thousand_idle_connections_do_not_starve_the_next_request() {
    let (_world, served) = start();
    let address = host_port(&served.public);
    let mut idle = Vec::with_capacity(10_000);
    for _ in 0..10_000 {
        match TcpStream::connect(&address) {
            Ok(stream) => idle.push(stream),
            // The test process's own descriptor limit: hold as many as it can.
            Err(_) => break,
        }
    }
    assert!(
        idle.len() >= 2_000,
        "only {} connections could be opened",
        idle.len()
    );
    let client = Client::new();
    let started = std::time::Instant::now();
    let answer = client.get(&format!("{}/health/ready", served.public));
    assert_eq!(answer.0, 200, "{}", answer.1);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(idle);
    served.stop();
}
