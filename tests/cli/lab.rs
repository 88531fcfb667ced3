//! A test bench for the engine: a config with the email-sms preset's schema in a
//! temporary directory, on SQLite or on a fresh PostgreSQL database.
//!
//! PostgreSQL comes from `OTPCTL_TEST_POSTGRES_URL` (`scripts/test` starts one; so does
//! `export OTPCTL_TEST_POSTGRES_URL=$(scripts/pg)`). Without it a test that uses
//! PostgreSQL fails, so that a green run never hides tests it did not run; only
//! `OTPCTL_SKIP_POSTGRES=1` (and never under `CI` or `OTPCTL_REQUIRE_POSTGRES`)
//! turns that into a skip, with one `note:` line on stderr per test naming the test
//! and what it skipped (shown by `cargo test -- --nocapture` and
//! `cargo nextest run --no-capture`).

#![allow(dead_code)] // Each test module uses a different part of this helper.

use std::sync::Arc;

use otpctl::config::ValidConfig;
use otpctl::courier::outbox::{MessageFilter, MessageRecord};
use otpctl::engine::{Engine, FlowRequest, Outcome};
use otpctl::time::clock::{Clock, ManualClock, SystemClock};
use serde_json::{Value, json};
use sqlx::Connection;
use tempfile::TempDir;

/// The email-sms preset's identity schema.
pub const SCHEMA: &str = include_str!("../../src/project/presets/email-sms.schema.json");

/// Where the engine keeps its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backends to run a test on: SQLite always, and PostgreSQL (see the module
/// doc for when it may be skipped).
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if require_postgres("the PostgreSQL half of this test").is_some() {
        backends.push(Backend::Postgres);
    }
    backends
}

/// The test server's URL; or, when none is given, a failure, unless the run opted
/// out with `OTPCTL_SKIP_POSTGRES=1` outside CI: then `None` and a note naming the
/// test and `what` it skips.
#[expect(
    clippy::print_stderr,
    reason = "the skip note is the test's own output, for whoever runs it"
)]
pub fn require_postgres(what: &str) -> Option<String> {
    if let Some(url) = postgres_url() {
        return Some(url);
    }
    let set = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
    let required = ["CI", "OTPCTL_REQUIRE_POSTGRES"]
        .into_iter()
        .find(|var| set(var));
    let skip = std::env::var("OTPCTL_SKIP_POSTGRES").is_ok_and(|v| v == "1");
    match required {
        Some(var) => panic!(
            "{var} is set but OTPCTL_TEST_POSTGRES_URL is not: run the tests with scripts/test, \
             or export OTPCTL_TEST_POSTGRES_URL=$(scripts/pg)"
        ),
        None if !skip => panic!(
            "OTPCTL_TEST_POSTGRES_URL is not set, so {what} cannot run: run the tests with \
             scripts/test, export OTPCTL_TEST_POSTGRES_URL=$(scripts/pg), or set \
             OTPCTL_SKIP_POSTGRES=1 to skip PostgreSQL knowingly"
        ),
        None => {
            let thread = std::thread::current();
            let test = thread.name().unwrap_or("a test");
            eprintln!(
                "note: {test}: skipped {what} (OTPCTL_SKIP_POSTGRES=1, no OTPCTL_TEST_POSTGRES_URL)"
            );
            None
        }
    }
}

pub fn postgres_url() -> Option<String> {
    std::env::var("OTPCTL_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// A fresh, empty PostgreSQL database on the test server; its URL.
pub async fn fresh_postgres_database() -> String {
    let base = postgres_url().expect("OTPCTL_TEST_POSTGRES_URL");
    sqlx::any::install_default_drivers();
    // The creation time in the name lets scripts/pg drop it a day later.
    let created = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = format!("otpctl_{created}_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::AnyConnection::connect(&base)
        .await
        .expect("connect to the test PostgreSQL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    let (server, _) = base.rsplit_once('/').expect("database in the URL");
    format!("{server}/{name}")
}

/// A config directory and the engine settings to open on it.
pub struct Lab {
    pub dir: TempDir,
    pub config: Value,
    pub dsn: Option<String>,
    pub clock: Arc<dyn Clock>,
    pub manual: Option<ManualClock>,
}

impl Lab {
    /// Passwordless code login and registration, verification on, no SMTP (the
    /// outbox), an `sms` channel to a closed port until [`Lab::with_sms`].
    pub async fn new(backend: Backend) -> Lab {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("identity.schema.json"), SCHEMA).expect("schema");
        let dsn = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(fresh_postgres_database().await),
        };
        Lab {
            dir,
            config: json!({
                "dsn": "sqlite://engine.db",
                "serve": { "public": { "base_url": "http://127.0.0.1:4433/" } },
                "identity": {
                    "default_schema_id": "person",
                    "schemas": [{ "id": "person", "url": "file://identity.schema.json" }]
                },
                "selfservice": {
                    "default_browser_return_url": "http://127.0.0.1:3000/",
                    "methods": { "code": { "enabled": true, "passwordless_enabled": true } },
                    "flows": {
                        "registration": { "after": { "code": { "hooks": [{ "hook": "session" }] } } },
                        "verification": { "enabled": true, "use": "code" }
                    }
                },
                // The schema sends codes by SMS, so a valid config has an `sms`
                // channel; this one leads nowhere (port 9) until `with_sms`.
                "courier": {
                    "message_retries": 2,
                    "worker": { "pull_wait": "50ms" },
                    "channels": [{ "id": "sms", "type": "http", "request_config": { "url": "http://127.0.0.1:9/sms" } }]
                },
                "secrets": { "cookie": ["cookie-secret-0123456789abcdef"], "default": ["default-secret-0123456789abcdef"] }
            }),
            dsn,
            clock: Arc::new(SystemClock),
            manual: None,
        }
    }

    /// Sets a config value by JSON pointer, creating objects on the way.
    pub fn set(mut self, pointer: &str, value: Value) -> Lab {
        let mut target = &mut self.config;
        let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            if i + 1 == parts.len() {
                target[*part] = value;
                break;
            }
            if !target[*part].is_object() {
                target[*part] = json!({});
            }
            target = &mut target[*part];
        }
        self
    }

    /// An SMS channel to `url` with the seed's body.
    pub fn with_sms(self, url: &str) -> Lab {
        self.set(
            "/courier/channels",
            json!([{ "id": "sms", "type": "http", "request_config": {
                "url": url, "method": "PUT",
                "body": "base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0="
            }}]),
        )
    }

    /// A clock the test moves.
    pub fn with_manual_clock(mut self) -> Lab {
        let clock = ManualClock::new();
        self.clock = Arc::new(clock.clone());
        self.manual = Some(clock);
        self
    }

    /// The lab's config, validated as the CLI validates it; a test config with
    /// errors fails here, naming them.
    pub fn engine_config(&self) -> ValidConfig {
        match ValidConfig::from_value(&self.config, self.dir.path()) {
            Ok(config) => config.with_dsn_override(self.dsn.clone()),
            Err(report) => panic!(
                "the lab's config is not valid:\n{}",
                report
                    .diagnostics
                    .iter()
                    .map(|d| format!("  [{}] {}: {}", d.code, d.pointer, d.message))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    pub async fn engine(&self) -> Engine {
        Engine::open_with_clock(&self.engine_config(), Arc::clone(&self.clock))
            .await
            .expect("engine opens")
    }

    /// Runs one statement on the engine's database over a connection of the
    /// test's own (the store is the engine's alone): for planting what no API
    /// would write, such as a corrupt column. `$1` is bound to `arg`.
    pub async fn sql(&self, statement: &str, arg: &str) -> u64 {
        sqlx::any::install_default_drivers();
        let url = match &self.dsn {
            Some(dsn) => dsn.clone(),
            None => format!("sqlite://{}", self.dir.path().join("engine.db").display()),
        };
        let mut conn = sqlx::AnyConnection::connect(&url)
            .await
            .expect("connect to the engine's database");
        sqlx::query(sqlx::AssertSqlSafe(statement.to_string()))
            .bind(arg.to_string())
            .execute(&mut conn)
            .await
            .expect("statement runs")
            .rows_affected()
    }

    /// Writes the config as `identity-config.yaml` for the binary; its path.
    pub fn write_config(&self) -> std::path::PathBuf {
        let path = self.dir.path().join("identity-config.yaml");
        let mut config = self.config.clone();
        if let Some(dsn) = &self.dsn {
            config["dsn"] = dsn.clone().into();
        }
        std::fs::write(&path, serde_json::to_string_pretty(&config).expect("json"))
            .expect("config");
        path
    }
}

/// A typed answer (a flow, an outcome's parts) as the JSON Kratos' clients see.
pub fn json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).expect("serialises")
}

/// The id of a flow, typed or as JSON.
pub fn id(flow: &impl serde::Serialize) -> String {
    json(flow)["id"].as_str().expect("flow id").to_string()
}

pub fn api() -> FlowRequest {
    FlowRequest::default()
}

/// The messages of a flow, newest first.
pub async fn messages_of(engine: &Engine, flow_id: &str) -> Vec<MessageRecord> {
    let filter = MessageFilter {
        flow_id: Some(flow_id.to_string()),
        ..MessageFilter::default()
    };
    engine
        .list_messages(&filter, 100, 0)
        .await
        .expect("messages")
}

/// The code in the newest message of a flow (what the user reads).
pub async fn code_of(engine: &Engine, flow_id: &str) -> String {
    let messages = messages_of(engine, flow_id).await;
    let message = messages.first().expect("a message was sent");
    ["login_code", "registration_code", "verification_code"]
        .iter()
        .find_map(|k| message.template_data.get(*k).and_then(Value::as_str))
        .expect("the message carries a code")
        .to_string()
}

/// The flow of an outcome that is expected to show a flow.
pub fn shown<T: std::fmt::Debug>(outcome: Outcome<T>) -> Value {
    match outcome {
        Outcome::Flow(flow) => json(&flow),
        other => panic!("expected a flow, got {other:?}"),
    }
}

/// The ids of the error messages of a shown flow (container and nodes).
pub fn error_ids(flow: &Value) -> Vec<u64> {
    let container = flow
        .pointer("/ui/messages")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let nodes: Vec<Value> = flow
        .pointer("/ui/nodes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|n| n["messages"].as_array().cloned().unwrap_or_default())
        .collect();
    container
        .iter()
        .chain(nodes.iter())
        .filter(|m| m["type"] == "error")
        .filter_map(|m| m["id"].as_u64())
        .collect()
}
