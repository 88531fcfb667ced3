//! A patch is refused only for errors it introduces: errors already in the config
//! are warnings, unless `--strict`.

use crate::support::{World, fixtures, stderr};

/// A config whose identity schema sends codes by SMS and that has no `sms` courier
/// channel yet (`sms-without-channel`), with passwordless login still off.
fn sms_config_without_channel(w: &World) -> std::path::PathBuf {
    let fixture = fixtures().join("identity-config/invalid");
    let config = std::fs::read_to_string(fixture.join("sms-without-channel.yaml"))
        .expect("fixture")
        .replace(
            "      passwordless_enabled: true # login and registration by code\n",
            "",
        );
    std::fs::copy(
        fixture.join("schema-sms.json"),
        w.dir.path().join("schema-sms.json"),
    )
    .expect("copy schema");
    w.write("kratos.yaml", config)
}

fn patch(w: &World, args: &[&str]) -> std::process::Output {
    w.otpctl()
        .args(["patch", "identity-config", "./kratos.yaml", "--yes"])
        .args(args)
        .output()
        .expect("run")
}

const PASSWORDLESS: &str = "/selfservice/methods/code/passwordless_enabled=true";
const SMS_CHANNEL: &str = r#"/courier/channels=[{"id":"sms","type":"http","request_config":{"url":"https://sms.acme.test/send","method":"POST"}}]"#;

/// Regression: the Ory guide's order (passwordless first, then the SMS channel)
/// was refused at its first step, because the missing channel was an error of the
/// config before the patch, not of the patch.
#[test]
fn the_ory_guide_order_was_refused_for_an_error_already_in_the_config() {
    let w = World::new();
    let path = sms_config_without_channel(&w);
    let out = patch(&w, &["--add", PASSWORDLESS]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: [sms-without-channel]")
            && err.contains("already in the config before this patch"),
        "{err}"
    );
    let written = std::fs::read_to_string(&path).expect("read");
    assert!(written.contains("passwordless_enabled: true"), "{written}");

    let out = patch(&w, &["--add", SMS_CHANNEL]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("already in the config"), "{err}");
    let out = w
        .otpctl()
        .args(["validate", "identity-config", "./kratos.yaml"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn strict_refuses_an_error_already_in_the_config() {
    let w = World::new();
    let path = sms_config_without_channel(&w);
    let before = std::fs::read(&path).expect("read");
    let out = patch(&w, &["--strict", "--add", PASSWORDLESS]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(10), "{err}");
    assert!(err.contains("[sms-without-channel]"), "{err}");
    assert!(!err.contains("already in the config"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before, "file changed");
}

#[test]
fn a_patch_that_introduces_an_error_is_still_refused() {
    let w = World::new();
    let path = sms_config_without_channel(&w);
    let before = std::fs::read(&path).expect("read");
    let out = patch(
        &w,
        &[
            "--add",
            PASSWORDLESS,
            "--add",
            "/selfservice/methods/code/mfa_enabled=true",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(10), "{err}");
    assert!(
        err.contains("(1 error)") && err.contains("[passwordless-and-mfa]"),
        "only the new error counts: {err}"
    );
    assert!(
        err.contains("warning: [sms-without-channel]")
            && err.contains("already in the config before this patch"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before, "file changed");
}

#[test]
fn update_is_refused_only_for_errors_it_introduces() {
    let w = World::new();
    let path = sms_config_without_channel(&w);
    let mut new = std::fs::read_to_string(&path).expect("read");
    new.push_str("\n# touched\n");
    w.write("new.yaml", &new);
    let out = w
        .otpctl()
        .args([
            "update",
            "identity-config",
            "./kratos.yaml",
            "--file",
            "new.yaml",
            "--yes",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let strict = w
        .otpctl()
        .args([
            "update",
            "identity-config",
            "./kratos.yaml",
            "--file",
            "new.yaml",
            "--strict",
        ])
        .output()
        .expect("run");
    assert_eq!(strict.status.code(), Some(10), "{}", stderr(&strict));
}
