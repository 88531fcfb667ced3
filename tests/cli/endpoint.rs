//! Issue 15, item 6: the CLI as a client of any Kratos. The same script of
//! verbs runs once on a project's embedded engine and once with `--endpoint`
//! and `--admin-endpoint` against `otpctl serve` of another project; what each
//! verb prints on stdout and its exit code must be the same, once ids, tokens,
//! codes, times and ports are replaced by placeholders (each distinct id by its
//! own, so an id that comes back in a later step must come back in both).

use std::collections::HashMap;
use std::process::Output;

use regex::Regex;
use serde_json::Value;

use crate::lab::Backend;
use crate::served::{Served, project_on};
use crate::support::{World, stderr, stdout};

/// How a verb reaches its engine.
enum Way<'a> {
    Embedded,
    Http(&'a Served),
}

/// One run of the script: a world and the way its verbs go.
struct Runner<'a> {
    world: &'a World,
    way: Way<'a>,
}

impl Runner<'_> {
    /// Runs `otpctl args…`, with the endpoints when over HTTP.
    fn run(&self, args: &[&str]) -> Output {
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        if let Way::Http(served) = &self.way {
            all.extend([
                "--endpoint".to_string(),
                served.public.clone(),
                "--admin-endpoint".to_string(),
                served.admin.clone(),
            ]);
        }
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let out = self.world.run(&refs);
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        out
    }
}

impl Runner<'_> {
    /// A new browser login flow's id, made over HTTP (the embedded world gets
    /// a server of its own for the moment): the CLI holds no CSRF cookie for it.
    fn browser_login_flow(&self) -> String {
        match &self.way {
            Way::Http(served) => browser_flow(&served.public),
            Way::Embedded => {
                let served = Served::start(self.world, None, &[]);
                let id = browser_flow(&served.public);
                served.stop();
                id
            }
        }
    }
}

fn browser_flow(public: &str) -> String {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let flow: Value = runtime.block_on(async {
        reqwest::Client::new()
            .get(format!("{public}/self-service/login/browser"))
            .header("accept", "application/json")
            .send()
            .await
            .expect("an answer")
            .json()
            .await
            .expect("a flow")
    });
    flow["id"].as_str().expect("an id").to_string()
}

/// What one step printed: its name, exit code and stdout.
type Step = (String, i32, String);

/// The script: every verb that takes `--endpoint`, on success and on refusal.
fn script(runner: &Runner) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut record = |name: &str, out: &Output| -> Value {
        let text = stdout(out);
        steps.push((
            name.to_string(),
            out.status.code().unwrap_or(-1),
            text.clone(),
        ));
        serde_json::from_str(&text).unwrap_or(Value::Null)
    };
    let json = ["--format", "json"];

    let out = runner.run(
        &[
            &["register", "--trait", "email=eve@example.com", "--auto"][..],
            &json,
        ]
        .concat(),
    );
    let registered = record("register --auto", &out);
    let identity = registered["identity"]["id"]
        .as_str()
        .expect("an identity")
        .to_string();
    let out = runner.run(
        &[
            &["register", "--trait", "email=eve@example.com", "--auto"][..],
            &json,
        ]
        .concat(),
    );
    record("register a taken address", &out);

    let out = runner.run(&[&["login", "--identifier", "eve@example.com"][..], &json].concat());
    let sent = record("login sends a code", &out);
    let flow = sent["flow"]["id"].as_str().expect("a flow").to_string();
    let out = runner.run(&["get", "code", "--recipient", "eve@example.com"]);
    record("get code", &out);
    let code = stdout(&out).trim().to_string();
    let out = runner.run(&[&["login", "--flow", &flow, "--code", "000000"][..], &json].concat());
    record("login with a wrong code", &out);
    let out = runner.run(&[&["login", "--flow", &flow, "--code", &code][..], &json].concat());
    let session = record("login with the code", &out);
    let token = session["session_token"]
        .as_str()
        .expect("a token")
        .to_string();
    let out = runner.run(&["login", "--flow", &flow, "--code", &code]);
    record("login again with a used flow", &out);
    let out = runner.run(&[&["login", "--identifier", "nobody@example.com"][..], &json].concat());
    record("login of an unknown account", &out);
    let out = runner.run(&[
        "login",
        "--flow",
        "01a2517e-0000-7000-8000-000000000000",
        "--code",
        "123456",
    ]);
    record("login with an unknown flow", &out);

    let browser = runner.browser_login_flow();
    let out = runner.run(
        &[
            &["login", "--flow", &browser, "--code", "123456"][..],
            &json,
        ]
        .concat(),
    );
    record("login on a browser flow, without its CSRF cookie", &out);

    let out = runner.run(&[&["whoami", "--session-token", &token][..], &json].concat());
    record("whoami --format json", &out);
    let out = runner.run(&["whoami", "--session-token", &token]);
    record("whoami", &out);
    let out = runner.run(&["whoami", "--session-token", "ory_st_forged"]);
    record("whoami with a forged token", &out);
    let out = runner.run(&["logout", "--session-token", &token]);
    record("logout", &out);
    let out = runner.run(&["whoami", "--session-token", &token]);
    record("whoami after logout", &out);
    // As in Kratos, a token that names an ended session logs out again (204).
    let out = runner.run(&["logout", "--session-token", &token]);
    record("logout again", &out);
    let out = runner.run(&["logout", "--session-token", "ory_st_forged"]);
    record("logout with a forged token", &out);

    let out = runner.run(
        &[
            &["verify", "--address", "eve@example.com", "--auto"][..],
            &json,
        ]
        .concat(),
    );
    record("verify --auto", &out);
    let out = runner.run(&["verify", "--address", "eve@example.com"]);
    record("verify sends a code", &out);

    let people = runner.world.write(
        "people.json",
        serde_json::json!([
            { "traits": { "email": "kim@example.com" }, "metadata_admin": { "role": "support" } },
            { "traits": { "email": "not-an-email" } },
            { "traits": { "email": "eve@example.com" } }
        ])
        .to_string(),
    );
    let out = runner.run(&["import", "identities", &people.display().to_string()]);
    record("import identities", &out);

    let out = runner.run(&[&["list", "identities"][..], &json].concat());
    record("list identities --format json", &out);
    let out = runner.run(&["list", "identities"]);
    record("list identities", &out);
    let out = runner.run(&["list", "identities", "--page-size", "1", "--page", "1"]);
    record("list identities, second page", &out);
    let out = runner.run(&["get", "identity", &identity]);
    record("get identity", &out);

    let out = runner.run(&[&["list", "courier-messages"][..], &json].concat());
    let messages = record("list courier-messages --format json", &out);
    let message = messages["messages"][0]["id"]
        .as_str()
        .expect("a message")
        .to_string();
    let out = runner.run(&["list", "courier-messages"]);
    record("list courier-messages", &out);
    let out = runner.run(&[
        "list",
        "courier-messages",
        "--status",
        "queued",
        "--recipient",
        "eve@example.com",
        "--page-size",
        "2",
        "--page",
        "1",
    ]);
    record("list courier-messages, filtered, second page", &out);
    let out = runner.run(&["get", "courier-message", &message]);
    record("get courier-message", &out);
    let out = runner.run(&[
        "get",
        "courier-message",
        "01a2517e-0000-7000-8000-000000000000",
    ]);
    record("get courier-message unknown", &out);

    let out = runner.run(&["delete", "identity", &identity, "--yes"]);
    record("delete identity", &out);
    let out = runner.run(&["get", "identity", &identity]);
    record("get a deleted identity", &out);
    let out = runner.run(&["whoami", "--session-token", &token]);
    record("whoami after the identity is gone", &out);
    steps
}

/// Placeholders for what differs between any two runs.
struct Scrubber {
    patterns: Vec<(Regex, &'static str)>,
    ids: HashMap<String, usize>,
}

impl Scrubber {
    fn new() -> Scrubber {
        let pattern = |p: &str| Regex::new(p).expect("regex");
        Scrubber {
            patterns: vec![
                (
                    pattern(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"),
                    "<time>",
                ),
                (pattern(r"http://127\.0\.0\.1:\d+"), "<base>"),
                (pattern(r"ory_st_[A-Za-z0-9]+"), "<token>"),
                // Six digits between non-digits: a code, also right after a JSON `\n`.
                (pattern(r"(^|\D)\d{6}(\D|$)"), "${1}<code>${2}"),
                (pattern(r"\b\d{19}\b"), "<nanoseconds>"),
            ],
            ids: HashMap::new(),
        }
    }

    /// `text` with each distinct UUID numbered in order of first appearance.
    fn scrub(&mut self, text: &str) -> String {
        let uuid = Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .expect("regex");
        let numbered = uuid.replace_all(text, |found: &regex::Captures| {
            let next = self.ids.len();
            let n = *self.ids.entry(found[0].to_string()).or_insert(next);
            format!("<id-{n}>")
        });
        let mut text = numbered.into_owned();
        for (pattern, placeholder) in &self.patterns {
            text = pattern.replace_all(&text, *placeholder).into_owned();
        }
        text
    }
}

fn scrubbed(steps: Vec<Step>) -> Vec<Step> {
    let mut scrubber = Scrubber::new();
    steps
        .into_iter()
        .map(|(name, code, out)| (name, code, scrubber.scrub(&out)))
        .collect()
}

#[test]
fn every_verb_prints_the_same_on_the_embedded_engine_and_over_http() {
    let embedded_world = World::new();
    project_on(&embedded_world, "email", Backend::Sqlite);
    let embedded = scrubbed(script(&Runner {
        world: &embedded_world,
        way: Way::Embedded,
    }));

    let served_world = World::new();
    project_on(&served_world, "email", Backend::Sqlite);
    let served = Served::start(&served_world, None, &[]);
    let over_http = scrubbed(script(&Runner {
        world: &served_world,
        way: Way::Http(&served),
    }));
    // The admin API given as the public one is named as the likely mistake.
    let out = served_world.run(&[
        "login",
        "--identifier",
        "eve@example.com",
        "--endpoint",
        &served.admin,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is --endpoint Kratos' public API?"),
        "{}",
        stderr(&out)
    );
    let log = served.stop();
    // The HTTP half really went over HTTP: the server answered every kind of call.
    for path in [
        "/self-service/registration/api",
        "/self-service/login/flows",
        "/self-service/verification",
        "/sessions/whoami",
        "/self-service/logout/api",
        "/admin/identities",
        "/admin/courier/messages",
    ] {
        assert!(log.contains(path), "the server never saw {path}:\n{log}");
    }

    assert_eq!(embedded.len(), over_http.len());
    for (local, remote) in embedded.iter().zip(&over_http) {
        assert_eq!(local, remote, "the step `{}` differs", local.0);
    }
    // The script is not vacuous: it completed flows and was refused where it should be.
    let code_of = |name: &str| embedded.iter().find(|s| s.0 == name).map(|s| s.1);
    assert_eq!(code_of("login with the code"), Some(0));
    assert_eq!(code_of("login with a wrong code"), Some(1));
    assert_eq!(code_of("whoami with a forged token"), Some(1));
    assert_eq!(code_of("get a deleted identity"), Some(1));
    assert_eq!(code_of("logout"), Some(0));
    assert_eq!(code_of("whoami after logout"), Some(1));
    assert_eq!(code_of("logout again"), Some(0));
    assert_eq!(code_of("logout with a forged token"), Some(1));
    let csrf = &embedded
        .iter()
        .find(|s| s.0 == "login on a browser flow, without its CSRF cookie")
        .expect("step");
    assert_eq!(csrf.1, 1);
    assert!(csrf.2.contains("security_csrf_violation"), "{}", csrf.2);
    let listed = &embedded
        .iter()
        .find(|s| s.0 == "list identities --format json")
        .expect("step")
        .2;
    assert!(listed.contains("\"role\": \"support\""), "{listed}");
    let login = &embedded
        .iter()
        .find(|s| s.0 == "login with the code")
        .expect("step")
        .2;
    assert!(login.contains("\"result\": \"session\""), "{login}");
}

#[test]
fn a_wrong_endpoint_is_a_clear_error() {
    let world = World::new();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &[
                "login",
                "--identifier",
                "a@b.c",
                "--endpoint",
                "localhost:4433",
            ],
            2,
            "is not an http:// or https:// URL",
        ),
        (
            &[
                "login",
                "--identifier",
                "a@b.c",
                "--endpoint",
                "http://127.0.0.1:9",
            ],
            1,
            "cannot reach http://127.0.0.1:9/self-service/login/api",
        ),
        (
            &[
                "list",
                "identities",
                "--admin-endpoint",
                "http://127.0.0.1:9/admin/",
            ],
            1,
            "cannot reach http://127.0.0.1:9/admin/identities",
        ),
        (
            &["list", "identities", "--endpoint", "http://127.0.0.1:9"],
            2,
            "give --admin-endpoint URL",
        ),
        (
            &[
                "login",
                "--identifier",
                "a@b.c",
                "--auto",
                "--endpoint",
                "http://127.0.0.1:9",
            ],
            1,
            "cannot reach",
        ),
        (
            &[
                "get",
                "code",
                "--recipient",
                "a@b.c",
                "--flow",
                "f",
                "--admin-endpoint",
                "http://127.0.0.1:9",
            ],
            2,
            "do not name their flow",
        ),
    ];
    for (args, code, text) in cases {
        let out = world.run(args);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(text), "{args:?}: {}", stderr(&out));
    }
}

/// A server that answers something other than Kratos' JSON (a proxy's error
/// page), or far too much of it, is named as such.
#[test]
fn an_answer_that_is_not_kratos_is_refused_with_its_reason() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    let server = std::thread::spawn(move || {
        let answers = [
            "HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\ncontent-length: 13\r\nconnection: close\r\n\r\n<h1>502</h1>\n".to_string(),
            format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                17 << 20
            ),
        ];
        for answer in answers {
            let (mut stream, _) = listener.accept().expect("accept");
            let mut head = [0_u8; 4096];
            let _ = stream.read(&mut head);
            let _ = stream.write_all(answer.as_bytes());
            if answer.starts_with("HTTP/1.1 200") {
                let chunk = vec![b' '; 1 << 20];
                for _ in 0..17 {
                    if stream.write_all(&chunk).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let world = World::new();
    let endpoint = format!("http://{address}");
    let out = world.run(&["login", "--identifier", "a@b.c", "--endpoint", &endpoint]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("answered 502 with a body that is not JSON"),
        "{}",
        stderr(&out)
    );
    let out = world.run(&["login", "--identifier", "a@b.c", "--endpoint", &endpoint]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("more than 16777216 bytes"),
        "{}",
        stderr(&out)
    );
    server.join().expect("server");
}
