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
    std::fs::write(dir.join("identity.schema.json"), SCHEMA)?;
    let config = json!({
        "dsn": "sqlite://bench.db",
        "identity": { "default_schema_id": "default", "schemas": [{ "id": "default", "url": "file://identity.schema.json" }] },
        "selfservice": {
            "default_browser_return_url": "http://127.0.0.1:3000/",
            "methods": { "code": { "enabled": true, "passwordless_enabled": true } },
            "flows": { "verification": { "enabled": false } }
        },
        "courier": {},
        "secrets": { "cookie": ["a-bench-secret-of-32-characters!"] }
    });
    std::fs::write(dir.join("identity-config.json"), config.to_string())?;
    Ok(config)
}

/// The email of user `i`.
pub(crate) fn email(i: usize) -> String {
    format!("user{i}@example.com")
}
