//! `render template`: built-ins, overrides by file:// and base64://, data files,
//! the JSON contract and the errors.

use base64::Engine as _;
use serde::Deserialize;

use crate::support::{World, stderr, stdout};

/// The `--format json` output, read back strictly: a changed shape fails here.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rendered {
    version: u32,
    template_type: String,
    channel: String,
    subject: Option<String>,
    plaintext: Option<String>,
    html: Option<String>,
    body: Option<String>,
    template_data: serde_json::Value,
}

fn render(w: &World, args: &[&str]) -> std::process::Output {
    w.otpctl()
        .args(["render", "template"])
        .args(args)
        .output()
        .expect("run")
}

fn rendered(w: &World, args: &[&str]) -> Rendered {
    let out = render(w, &[args, &["--format", "json"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

fn base64(text: &str) -> String {
    format!(
        "base64://{}",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Adds `courier.templates` to a project's config with `patch identity-config`.
fn add_templates(w: &World, id: &str, templates: serde_json::Value) {
    let out = w
        .otpctl()
        .args(["patch", "identity-config", id, "-q", "--add"])
        .arg(format!("/courier/templates={templates}"))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn built_in_login_code_email_and_sms() {
    let w = World::new();
    let id = w.project("email-sms");
    let out = render(&w, &["login_code_valid", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Subject: Use code 123456 to log in\n"),
        "{text}"
    );
    assert!(
        text.contains("--- plaintext ---\nHi,\n") && text.contains("--- html ---\n<!DOCTYPE html>")
    );

    let email = rendered(&w, &["login_code_valid", "--project", &id]);
    assert_eq!(
        (
            email.version,
            email.template_type.as_str(),
            email.channel.as_str()
        ),
        (1, "login_code_valid", "email")
    );
    assert_eq!(email.subject.as_deref(), Some("Use code 123456 to log in"));
    assert!(
        email
            .plaintext
            .expect("plaintext")
            .contains("expires in 60 minutes")
    );
    assert!(email.html.expect("html").contains(">123456</p>"));
    assert_eq!(email.body, None);
    assert_eq!(email.template_data["to"], "jane.doe@example.com");

    // The selected project is the default.
    let sms = rendered(&w, &["login_code_valid", "--via", "sms"]);
    assert_eq!(sms.channel, "sms");
    assert_eq!(sms.subject, None);
    assert_eq!(
        sms.body.as_deref(),
        Some(
            "Your login code is: 123456\nIt expires in 60 minutes.\n\n@auth.example.com #123456\n"
        )
    );
    assert_eq!(sms.template_data["to"], "+12025550123");
}

#[test]
fn overrides_by_file_and_base64() {
    let w = World::new();
    let id = w.project("email-sms");
    let dir = w.config_of(&id).parent().expect("dir").to_path_buf();
    std::fs::write(
        dir.join("login-subject.gotmpl"),
        "  Your code: {{ .LoginCode }}  \n",
    )
    .expect("write");
    add_templates(
        &w,
        &id,
        serde_json::json!({ "login_code": { "valid": {
            "email": { "subject": "file://login-subject.gotmpl" },
            "sms": { "body": { "plaintext": base64("{{ .LoginCode }} is your code for {{ .RequestURLDomain }}") } }
        } } }),
    );
    let email = rendered(&w, &["login_code_valid", &id]);
    assert_eq!(email.subject.as_deref(), Some("Your code: 123456"));
    // Parts without an override stay built-in.
    assert!(email.plaintext.expect("plaintext").starts_with("Hi,"));
    let sms = rendered(&w, &["login_code_valid", &id, "--via", "sms"]);
    assert_eq!(
        sms.body.as_deref(),
        Some("123456 is your code for auth.example.com")
    );
}

#[test]
fn data_file_and_html_escaping() {
    let w = World::new();
    let id = w.project("email");
    add_templates(
        &w,
        &id,
        serde_json::json!({ "verification_code": { "valid": { "email": { "body": {
            "plaintext": base64("Hi {{ .Identity.traits.name }}, use {{ .VerificationCode }}"),
            "html": base64("<p>Hi {{ .Identity.traits.name }}, use {{ .VerificationCode }}</p>")
        } } } } }),
    );
    let data = w.write(
        "data.json",
        serde_json::json!({
            "to": "mallory@example.com",
            "verification_code": "987654",
            "identity": { "traits": { "name": "<script>alert(1)</script>" } }
        })
        .to_string(),
    );
    let data = data.to_str().expect("utf-8");
    let email = rendered(&w, &["verification_code_valid", &id, "--data", data]);
    assert_eq!(
        email.plaintext.as_deref(),
        Some("Hi <script>alert(1)</script>, use 987654")
    );
    assert_eq!(
        email.html.as_deref(),
        Some("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;, use 987654</p>")
    );
    assert_eq!(email.template_data["to"], "mallory@example.com");

    let not_json = w.write("bad.json", "{");
    let out = render(
        &w,
        &["stub", &id, "--data", not_json.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not valid JSON"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_type_is_a_usage_error_listing_the_types() {
    let w = World::new();
    let id = w.project("email");
    let out = render(&w, &["login_code", &id]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("possible values")
            && err.contains("login_code_valid")
            && err.contains("authenticator_key_added"),
        "{err}"
    );
    let out = render(&w, &["verification_code_invalid", &id, "--via", "sms"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("verification_code_invalid has no SMS template"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_override_fails_with_one_line() {
    let w = World::new();
    let id = w.project("email");
    add_templates(
        &w,
        &id,
        serde_json::json!({ "login_code": { "valid": { "email": {
            "subject": base64("Code {{ .LoginCode")
        } } } }),
    );
    let out = render(&w, &["login_code_valid", &id]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot parse the login_code_valid email subject template (courier.templates.login_code.valid.email.subject): 1:"),
        "{err}"
    );
    // Every type loads every template, so the broken one fails the others too.
    assert_eq!(render(&w, &["stub", &id]).status.code(), Some(1));
}

#[test]
fn a_render_error_names_the_unknown_field() {
    let w = World::new();
    let id = w.project("email");
    add_templates(
        &w,
        &id,
        serde_json::json!({ "recovery_code": {
            "valid": { "email": { "subject": base64("{{ .LoginCode }}") } },
            "invalid": { "email": {} }
        } }),
    );
    let out = render(&w, &["recovery_code_valid", &id]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "courier.templates.recovery_code.valid.email.subject): 1:4: no field `LoginCode`"
        ),
        "{err}"
    );
}
