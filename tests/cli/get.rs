//! `get identity-config` formats and redaction.

use crate::support::{World, stderr, stdout};

fn get(w: &World, args: &[&str]) -> std::process::Output {
    w.otpctl()
        .args(["get", "identity-config", "./kratos-commented.yaml"])
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn default_output_is_the_file_as_written() {
    let w = World::new();
    let path = w.commented_config();
    let out = get(&w, &[]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), std::fs::read_to_string(path).expect("read"));
}

#[test]
fn json_formats_and_pointers() {
    let w = World::new();
    w.commented_config();
    let compact = stdout(&get(&w, &["--format", "json"]));
    assert_eq!(compact.lines().count(), 1);
    let value: serde_json::Value = serde_json::from_str(&compact).expect("json");
    // Key order is the file's.
    assert!(
        compact.starts_with("{\"version\":\"v26.2.0\",\"dsn\""),
        "{compact}"
    );
    let pretty: serde_json::Value =
        serde_json::from_str(&stdout(&get(&w, &["--format", "json-pretty"]))).expect("json");
    assert_eq!(value, pretty);
    let out = get(
        &w,
        &["--format", "jsonpointer=/selfservice/methods/code/config"],
    );
    insta::assert_snapshot!(stdout(&out), @r#"
    {
      "lifespan": "15m",
      "max_submissions": 5
    }
    "#);
    let out = get(&w, &["--format", "jsonpointer=/selfservice/methods/cod"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `/selfservice/methods/code`"),
        "{}",
        stderr(&out)
    );
    let out = get(&w, &["--format", "toml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn redact_masks_every_secret_and_keeps_comments() {
    let w = World::new();
    w.commented_config();
    let out = get(&w, &["--redact"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for secret in [
        "s3cret-db-pass",
        "SG.very-secret",
        "PLEASE-CHANGE-ME",
        "ANOTHER-SECRET",
    ] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert!(text.contains("postgres://kratos:REDACTED@db.internal:5432/kratos?sslmode=disable"));
    assert!(text.contains("# Database: one PostgreSQL per environment"));
    let json = stdout(&get(&w, &["--redact", "--format", "json"]));
    assert!(!json.contains("SG.very-secret") && json.contains("REDACTED"));
}

#[test]
fn yaml_output_of_a_json_file() {
    let w = World::new();
    w.write(
        "k.json",
        r#"{"version":"v1","courier":{"message_retries":3}}"#,
    );
    let out = w
        .otpctl()
        .args(["get", "identity-config", "./k.json", "--format", "yaml"])
        .output()
        .expect("run");
    insta::assert_snapshot!(stdout(&out), @r"
    version: v1
    courier:
      message_retries: 3
    ");
}

/// The output is larger than any pipe buffer can hold (the kernel's
/// `pipe-max-size`, 1 MiB by default, 64 KiB for a new pipe), so `otpctl` must
/// still be writing when the reader is gone: the broken pipe cannot be dodged by
/// fitting everything into the buffer.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let w = World::new();
    let path = w.commented_config();
    let pipe_max: usize = std::fs::read_to_string("/proc/sys/fs/pipe-max-size")
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(1 << 20);
    let mut text = std::fs::read_to_string(&path).expect("read");
    let filler = "# padding so the output outgrows the pipe buffer ..........................\n";
    while text.len() <= 2 * pipe_max {
        text.push_str(filler);
    }
    std::fs::write(&path, &text).expect("write");
    let mut spawned = w
        .process()
        .args(["get", "identity-config", "./kratos-commented.yaml"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(spawned.stdout.take());
    let out = spawned.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let w = World::new();
    let missing = ["get", "identity-config", "./missing.yaml"];
    let plain = w.otpctl().args(missing).output().expect("run");
    assert!(
        !stderr(&plain).contains('\u{1b}'),
        "piped stderr has no colour"
    );
    let forced = w
        .otpctl()
        .args(missing)
        .args(["--color", "always"])
        .output()
        .expect("run");
    assert!(stderr(&forced).contains("\u{1b}["), "{}", stderr(&forced));
    let env_forced = w
        .otpctl()
        .args(missing)
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("run");
    assert!(stderr(&env_forced).contains("\u{1b}["));
    let no_color = w
        .otpctl()
        .args(missing)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(
        !stderr(&no_color).contains('\u{1b}'),
        "NO_COLOR beats CLICOLOR_FORCE"
    );
}
