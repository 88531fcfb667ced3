#![allow(dead_code)] // Each benchmark uses a different part of this module.

//! What the engine benchmarks share: an engine on a fresh SQLite store, with a
//! passwordless code login by email and `users` identities to log in.

use otpctl::config::ValidConfig;
use otpctl::engine::Engine;
use serde_json::json;

/// Traits with one email that is a code identifier and verifiable.
const SCHEMA: &str = r#"{"type": "object", "properties": {"traits": {"type": "object",
  "properties": {"email": {"type": "string", "format": "email", "ory.sh/kratos": {
  "credentials": {"code": {"identifier": true, "via": "email"}},
  "verification": {"via": "email"}}}}, "required": ["email"]}}}"#;

/// The engine and the directory of its store (deleted when dropped), with
/// identities `user0@example.com` … `user{users-1}@example.com`.
pub(crate) async fn engine_with_users(
    users: usize,
) -> Result<(tempfile::TempDir, Engine), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let config = write_config(dir.path())?;
    let config = ValidConfig::from_value(&config, dir.path())
        .map_err(|report| format!("invalid bench config: {:?}", report.diagnostics))?;
    let engine = Engine::open(&config).await?;
    for i in 0..users {
        engine
            .import_identity(&json!({ "traits": { "email": email(i) } }))
            .await?;
    }
    Ok((dir, engine))
}

/// Writes the bench's identity schema and config (`identity-config.json`)
/// into `dir`, and returns the config.
pub(crate) fn write_config(
    dir: &std::path::Path,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    write_config_with(dir, SCHEMA, json!({}))
}

/// As [`write_config`], with another identity schema and a `courier` section.
pub(crate) fn write_config_with(
    dir: &std::path::Path,
    schema: &str,
    courier: serde_json::Value,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    std::fs::write(dir.join("identity.schema.json"), schema)?;
    let config = json!({
        "dsn": "sqlite://bench.db",
        "identity": { "default_schema_id": "default", "schemas": [{ "id": "default", "url": "file://identity.schema.json" }] },
        "selfservice": {
            "default_browser_return_url": "http://127.0.0.1:3000/",
            "methods": { "code": { "enabled": true, "passwordless_enabled": true } },
            "flows": { "verification": { "enabled": false } }
        },
        "courier": courier,
        "secrets": { "cookie": ["a-bench-secret-of-32-characters!"] }
    });
    std::fs::write(dir.join("identity-config.json"), config.to_string())?;
    Ok(config)
}

/// The value after `name` on the command line.
pub(crate) fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The number after `name` on the command line, or `default`.
pub(crate) fn number(name: &str, default: usize) -> usize {
    arg(name).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The peak resident set of a process (`self` or a pid), in KiB.
pub(crate) fn peak_rss_kib(process: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{process}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The email of user `i`.
pub(crate) fn email(i: usize) -> String {
    format!("user{i}@example.com")
}
