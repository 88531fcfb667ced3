//! `otpctl serve` as a test runs it: on free ports of loopback, its addresses
//! read from its stdout, stopped with SIGTERM (and checked to exit 0) when
//! the test is done.

#![allow(dead_code)] // Each server test uses a different part of this helper.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::lab::{self, Backend};
use crate::support::World;

/// A running `otpctl serve`.
pub struct Served {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub public: String,
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub admin: String,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

/// A world with a passwordless email project selected, its store on `backend`
/// (a fresh PostgreSQL database through `OTPCTL_DSN`); the DSN to pass on.
pub fn project_on(world: &World, preset: &str, backend: Backend) -> Option<String> {
    let id = world.project(preset);
    world.use_passwordless(&id);
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(
            tokio::runtime::Runtime::new()
                .expect("runtime")
                .block_on(lab::fresh_postgres_database()),
        ),
    }
}

impl Served {
    /// Starts `otpctl serve` in `world` with `args` (after the ports), and
    /// waits for it to print where it listens.
    pub fn start(world: &World, dsn: Option<&str>, args: &[&str]) -> Served {
        // A free port named up front, so links and redirects (the base URL)
        // point at this server.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let listen = format!("127.0.0.1:{port}");
        let base_url = format!("http://127.0.0.1:{port}/");
        let mut command = world.process();
        command
            .args(["serve", "--listen", &listen, "--base-url", &base_url])
            .args(["--admin-listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(dsn) = dsn {
            command.env("OTPCTL_DSN", dsn);
        }
        let mut child = command.spawn().expect("otpctl serve starts");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().expect("stderr");
        let sink = std::sync::Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buffer = [0_u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let text = String::from_utf8_lossy(&buffer[..n]).into_owned();
                sink.lock().expect("lock").push_str(&text);
            }
        });
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let mut address = |label: &str| -> String {
            let line = lines
                .next()
                .unwrap_or_else(|| {
                    panic!(
                        "serve printed no {label} line; stderr: {}",
                        stderr.lock().expect("lock")
                    )
                })
                .expect("a line");
            let url = line
                .strip_prefix(label)
                .unwrap_or_else(|| panic!("unexpected line {line:?}"))
                .trim();
            url.trim_end_matches('/')
                .trim_end_matches("/admin")
                .to_string()
        };
        let public = address("public API");
        let admin = address("admin API");
        Served {
            child: Some(child),
            public,
            admin,
            stderr,
        }
    }

    /// What the server wrote on stderr so far (its log).
    pub fn log(&self) -> String {
        self.stderr.lock().expect("lock").clone()
    }

    /// Sends SIGTERM and waits: the server must drain and exit 0.
    pub fn stop(self) -> String {
        self.signal("-TERM")
    }

    /// Sends SIGINT (Ctrl-C) and waits: the server must drain and exit 0.
    pub fn interrupt(self) -> String {
        self.signal("-INT")
    }

    fn signal(mut self, signal: &str) -> String {
        let mut child = self.child.take().expect("running");
        send(&child, signal);
        let status = wait_for(&mut child, Duration::from_secs(20));
        // Give the stderr thread a moment to read the last lines.
        std::thread::sleep(Duration::from_millis(100));
        let log = self.log();
        assert!(status.success(), "serve exited with {status}; log:\n{log}");
        log
    }
}

fn send(child: &Child, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill {signal} failed");
}

fn wait_for(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("serve did not exit within {limit:?} of the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A JSON client for the server's APIs (the status and the body as JSON,
/// `Null` when the body is not JSON).
pub struct Client {
    runtime: tokio::runtime::Runtime,
    pub http: reqwest::Client,
}

impl Client {
    pub fn new() -> Client {
        // reqwest is built without a default TLS provider (otpctl picks ring).
        let _ = rustls::crypto::ring::default_provider().install_default();
        Client {
            runtime: tokio::runtime::Runtime::new().expect("runtime"),
            http: reqwest::Client::new(),
        }
    }

    /// Sends `request`; the status and the body as JSON (Null if not JSON).
    pub fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        self.runtime.block_on(async {
            let response = request.send().await.expect("an answer");
            let status = response.status().as_u16();
            let text = response.text().await.expect("a body");
            (status, serde_json::from_str(&text).unwrap_or(Value::Null))
        })
    }

    pub fn get(&self, url: &str) -> (u16, Value) {
        self.send(self.http.get(url))
    }

    pub fn post_json(&self, url: &str, body: &Value) -> (u16, Value) {
        self.send(self.http.post(url).json(body))
    }
}
