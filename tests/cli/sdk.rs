//! Ory's official client SDK (`@ory/kratos-client` from npm, unchanged)
//! against `otpctl serve`: native registration, login, whoami, logout and
//! verification by code, and the admin API, on SQLite and PostgreSQL. Every
//! answer is checked against the SDK's own models (tests/sdk/models.mjs).
//!
//! `scripts/test` installs the SDK (`npm ci` in tests/sdk). Without it these
//! tests fail: a run that did not talk to the SDK must not look green.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::lab::{Backend, backends};
use crate::served::{Served, project_on};
use crate::support::World;

fn sdk_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sdk")
}

fn node(script: &str, args: &[&str]) -> std::process::Output {
    let dir = sdk_dir();
    assert!(
        dir.join("node_modules/@ory/kratos-client").is_dir(),
        "the Kratos SDK is not installed: run scripts/test, or `npm ci --prefix tests/sdk`"
    );
    Command::new("timeout")
        .args(["120", "node", script])
        .args(args)
        .current_dir(&dir)
        .output()
        .expect("node runs")
}

/// The model check rejects what the SDK's models do not allow, so a passing
/// SDK run means something.
#[test]
fn the_model_check_refuses_what_the_sdk_models_refuse() {
    let out = node("models_selftest.mjs", &[]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn native_flows_on(backend: Backend) {
    let world = World::new();
    let dsn = project_on(&world, "email", backend);
    let served = Served::start(&world, dsn.as_deref(), &[]);
    let out = node("native_flows.mjs", &[&served.public, &served.admin]);
    let log = served.stop();
    assert!(
        out.status.success(),
        "{backend:?}: the SDK run failed:\n{}{}\nserver log:\n{log}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the SDK run prints its summary");
    assert!(summary["checks"].as_u64().unwrap_or(0) >= 30, "{summary}");
    // The log has one line per request and never a code or a token.
    assert!(log.contains("path=/self-service/login"), "{log}");
    assert!(
        !log.contains("ory_st_"),
        "a session token in the log:\n{log}"
    );
    assert!(!log.contains("code="), "a query string in the log:\n{log}");
}

#[test]
fn the_official_sdk_drives_native_code_flows() {
    for backend in backends() {
        native_flows_on(backend);
    }
}
