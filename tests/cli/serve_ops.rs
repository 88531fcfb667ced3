//! `otpctl serve` as an operator sees it: CORS from `serve.public.cors`, the
//! admin API kept on loopback, Ctrl-C draining to exit 0, and a log without
//! codes or tokens.

use std::io::{Read, Write};
use std::net::TcpStream;

use crate::lab::Backend;
use crate::served::{Served, project_on};
use crate::support::{World, stderr};

/// A raw HTTP/1.1 request; the whole answer as text.
fn raw(address: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(address.trim_start_matches("http://")).expect("connect");
    stream.write_all(request.as_bytes()).expect("write");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    answer
}

fn header<'a>(answer: &'a str, name: &str) -> Option<&'a str> {
    let head = answer.split("\r\n\r\n").next()?;
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

#[test]
fn cors_follows_the_config_for_preflights_and_requests() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let cors =
        r#"/serve/public/cors={"enabled": true, "allowed_origins": ["https://app.example.com"]}"#;
    let out = world.run(&["patch", "identity-config", "--yes", "--add", cors]);
    assert!(out.status.success(), "{}", stderr(&out));
    let served = Served::start(&world, None, &[]);
    let preflight = raw(
        &served.public,
        "OPTIONS /self-service/login/api HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Origin: https://app.example.com\r\nAccess-Control-Request-Method: GET\r\n\
         Access-Control-Request-Headers: x-session-token\r\n\r\n",
    );
    assert!(preflight.starts_with("HTTP/1.1 204"), "{preflight}");
    assert_eq!(
        header(&preflight, "access-control-allow-origin"),
        Some("https://app.example.com")
    );
    assert_eq!(
        header(&preflight, "access-control-allow-methods"),
        Some("GET")
    );
    assert_eq!(
        header(&preflight, "access-control-allow-credentials"),
        Some("true")
    );

    let actual = raw(
        &served.public,
        "GET /health/alive HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://app.example.com\r\n\r\n",
    );
    assert_eq!(
        header(&actual, "access-control-allow-origin"),
        Some("https://app.example.com")
    );
    let stranger = raw(
        &served.public,
        "GET /health/alive HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://evil.test\r\n\r\n",
    );
    assert!(stranger.starts_with("HTTP/1.1 200"), "{stranger}");
    assert_eq!(header(&stranger, "access-control-allow-origin"), None);
    // The admin API has no CORS at all.
    let admin = raw(
        &served.admin,
        "GET /health/alive HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://app.example.com\r\n\r\n",
    );
    assert_eq!(header(&admin, "access-control-allow-origin"), None);
    served.stop();
}

#[test]
fn the_admin_api_stays_on_loopback_unless_exposed() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let out = world.run(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--admin-listen",
        "0.0.0.0:0",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--expose-admin"), "{}", stderr(&out));
}

#[test]
fn ctrl_c_drains_and_exits_zero() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    let answer = raw(
        &served.public,
        "GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let log = served.interrupt();
    assert!(log.contains("shutting down"), "{log}");
}
