//! Jsonnet and templates from an untrusted config (issue 14, item 3): bounded in
//! nesting, memory and time wherever they run, and parsed by `validate`.

use crate::support::{World, stderr, stdout};

/// An `email-sms` project whose config uses `subject`, `sms` and `body` files of
/// its own directory for the login-code templates and the SMS request body.
fn project_with(w: &World, subject: &str, sms: &str, body: &str) -> std::path::PathBuf {
    let id = w.project("email-sms");
    let config = w.config_of(&id);
    let dir = config.parent().expect("dir");
    std::fs::write(dir.join("subject.gotmpl"), subject).expect("write");
    std::fs::write(dir.join("sms.gotmpl"), sms).expect("write");
    std::fs::write(dir.join("body.jsonnet"), body).expect("write");
    let text = std::fs::read_to_string(&config).expect("read");
    let text = text
        .replace(
            "courier:\n  message_retries: 5\n",
            "courier:\n  message_retries: 5\n  templates:\n    login_code:\n      valid:\n        \
             email:\n          subject: file://subject.gotmpl\n        sms:\n          body:\n            \
             plaintext: file://sms.gotmpl\n",
        )
        .replace(
            "base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0=",
            "file://body.jsonnet",
        );
    assert!(text.contains("file://sms.gotmpl") && text.contains("file://body.jsonnet"));
    std::fs::write(&config, text).expect("write");
    config
}

#[test]
fn validate_reports_template_and_jsonnet_errors_that_used_to_fail_only_at_register() {
    let w = World::new();
    let config = project_with(
        &w,
        "{{title \"x\"}}",
        "{{ .Nope }",
        "function(ctx) {\n  to: ctx.recipient,,\n}",
    );
    let out = w
        .otpctl()
        .args(["validate", "identity-config"])
        .arg(&config)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let found: Vec<(String, String, u64)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["pointer"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let has = |code: &str, pointer: &str| {
        found
            .iter()
            .any(|(c, p, line)| c == code && p == pointer && *line > 0)
    };
    assert!(
        has(
            "template-unknown-function",
            "/courier/templates/login_code/valid/email/subject"
        ),
        "{found:?}"
    );
    assert!(
        has(
            "template-syntax",
            "/courier/templates/login_code/valid/sms/body/plaintext"
        ),
        "{found:?}"
    );
    assert!(
        has("jsonnet-syntax", "/courier/channels/0/request_config/body"),
        "{found:?}"
    );

    // The same config with good files is valid.
    let good = project_with(
        &w,
        "Code {{ upper .LoginCode }}",
        "{{ .LoginCode }}",
        "function(ctx) { to: ctx.recipient }",
    );
    let out = w
        .otpctl()
        .args(["validate", "identity-config"])
        .arg(&good)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn a_five_thousand_deep_template_expression_is_an_error_not_a_stack_overflow() {
    let w = World::new();
    let deep = format!("{{{{ {}1{} }}}}", "(".repeat(5000), ")".repeat(5000));
    let calls = format!(
        "{{{{ print {}1{} }}}}",
        "(print ".repeat(5000),
        ")".repeat(5000)
    );
    for template in [deep, calls] {
        let config = project_with(&w, &template, "x", "{}");
        let out = w
            .otpctl()
            .args(["render", "template", "login_code_valid", "--project"])
            .arg(&config)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("parentheses nested deeper than 32 levels"),
            "{}",
            stderr(&out)
        );
        let out = w
            .otpctl()
            .args(["validate", "identity-config"])
            .arg(&config)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
        assert!(stdout(&out).contains("template-syntax"), "{}", stdout(&out));
    }
}

#[test]
fn hostile_mappers_stop_with_a_clear_error() {
    let w = World::new();
    let id = w.project("email");
    w.write("claims.json", r#"{"email": "jane@example.com"}"#);
    let mappers = [
        (
            format!("{}1{}", "{a:".repeat(5000), "}".repeat(5000)),
            "nests deeper than 500 levels",
        ),
        (
            format!(
                "{}1{}",
                "if true then ".repeat(5000),
                " else 0".repeat(5000)
            ),
            "nests deeper than 500 levels",
        ),
        (
            "local d(s, n) = if n == 0 then s else d(s + s, n - 1); d('x', 40)".to_string(),
            "needed more memory than allowed",
        ),
        (
            "local f(n) = if n == 0 then 0 else f(n - 1) tailstrict; f(1e8)".to_string(),
            "did not finish within 300ms",
        ),
    ];
    for (mapper, expected) in mappers {
        w.write("mapper.jsonnet", mapper);
        let out = w
            .otpctl()
            .env("OTPCTL_EVAL_TIMEOUT", "300ms")
            .args([
                "evaluate",
                "oidc-mapper",
                "mapper.jsonnet",
                "--claims",
                "claims.json",
                "--project",
                &id,
            ])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{expected}: {}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
}
