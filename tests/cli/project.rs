//! `create|list|use|get|delete project`.

use crate::support::{World, stderr, stdout};

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn create_list_use_get_delete() {
    let w = World::new();
    let a = w.project("email");
    let out = w
        .otpctl()
        .args([
            "create", "project", "--name", "second", "--preset", "sms", "--use", "--format", "json",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("SIM swapping"), "an SMS preset warns");
    let b = json(&out)["project"]["id"]
        .as_str()
        .expect("id")
        .to_string();

    let list = json(
        &w.otpctl()
            .args(["list", "projects", "--format", "json"])
            .output()
            .expect("run"),
    );
    assert_eq!(list["version"], 1);
    let projects = list["projects"].as_array().expect("array");
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[1]["id"], b.as_str());
    assert_eq!(projects[1]["selected"], true, "--use selected it");
    assert_eq!(projects[1]["preset"], "sms");

    let table = stdout(&w.otpctl().args(["list", "projects"]).output().expect("run"));
    assert!(table.starts_with("ID "), "{table}");
    assert!(table.contains("second"));

    let out = w
        .otpctl()
        .args(["use", "project", &a[..8]])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let current = json(
        &w.otpctl()
            .args(["use", "project", "--format", "json"])
            .output()
            .expect("run"),
    );
    assert_eq!(current["project"]["id"], a.as_str());

    let got = json(
        &w.otpctl()
            .args(["get", "project", "sec", "--format", "json"])
            .output()
            .expect("run"),
    );
    assert_eq!(got["project"]["name"], "second");

    // Without a terminal, delete refuses unless --yes.
    let out = w
        .otpctl()
        .args(["delete", "project", &b])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(w.config_of(&b).exists());
    let out = w
        .otpctl()
        .args(["delete", "project", &b, "--yes"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!w.config_of(&b).exists());
    let list = json(
        &w.otpctl()
            .args(["list", "projects", "--format", "json"])
            .output()
            .expect("run"),
    );
    assert_eq!(list["projects"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_preset_project_is_a_complete_commented_config() {
    let w = World::new();
    let id = w.project("email-sms");
    let text = std::fs::read_to_string(w.config_of(&id)).expect("read");
    let config = crate::support::yaml(&text);
    assert_eq!(config["selfservice"]["methods"]["code"]["enabled"], true);
    assert_eq!(
        config["selfservice"]["methods"]["code"]["passwordless_enabled"],
        false
    );
    assert_eq!(
        config["selfservice"]["flows"]["verification"]["use"],
        "code"
    );
    assert_eq!(
        config["identity"]["schemas"][0]["url"],
        "file://identity.schema.json"
    );
    assert!(
        config["courier"].get("smtp").is_none(),
        "no SMTP: the local outbox"
    );
    assert!(
        text.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
            > 10
    );
    let schema = w.config_of(&id).with_file_name("identity.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema).expect("read")).expect("json");
    assert_eq!(
        schema["properties"]["traits"]["properties"]["phone"]["ory.sh/kratos"]["credentials"]["code"]
            ["via"],
        "sms"
    );
    // Each project gets its own secrets.
    let other = w.project("email-sms");
    let secret = |id: &str| {
        crate::support::yaml(&std::fs::read_to_string(w.config_of(id)).expect("read"))["secrets"]["default"][0].clone()
    };
    assert_ne!(secret(&id), secret(&other));
}

#[test]
fn no_project_at_all_is_a_usage_error() {
    let w = World::new();
    let out = w
        .otpctl()
        .args(["get", "identity-config"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("there are no projects yet: create one with `otpctl create project")
    );
}

#[test]
fn a_directory_path_finds_its_config() {
    let w = World::new();
    w.write("repo/kratos.yml", "version: v1\n");
    let out = w
        .otpctl()
        .args(["get", "identity-config", "./repo", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), r#"{"version":"v1"}"#);
}
