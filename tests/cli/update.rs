//! `update identity-config`: replace, merge in order, validate, stdin.

use std::io::Write;

use crate::support::{World, stderr, yaml};

#[test]
fn one_yaml_file_is_written_as_is() {
    let w = World::new();
    let id = w.project("email");
    let new = "# replaced wholesale\nsession:\n  lifespan: 2h # two hours\n";
    w.write("new.yaml", new);
    let out = w
        .otpctl()
        .args(["update", "identity-config", &id, "--file", "new.yaml"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(w.config_of(&id)).expect("read"),
        new
    );
}

#[test]
fn several_files_merge_in_order_and_arrays_are_replaced() {
    let w = World::new();
    let id = w.project("email");
    w.write("a.yaml", "selfservice:\n  default_browser_return_url: https://a.test/\n  allowed_return_urls: [https://a.test/]\n  methods:\n    code: {enabled: true}\n");
    w.write("b.json", r#"{"selfservice":{"allowed_return_urls":["https://b.test/"],"methods":{"code":{"passwordless_enabled":true}}}}"#);
    let out = w
        .otpctl()
        .args([
            "update",
            "identity-config",
            &id,
            "-f",
            "a.yaml",
            "-f",
            "b.json",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let config = yaml(&std::fs::read_to_string(w.config_of(&id)).expect("read"));
    assert_eq!(
        config,
        serde_json::json!({"selfservice": {
            "default_browser_return_url": "https://a.test/",
            "allowed_return_urls": ["https://b.test/"],
            "methods": {"code": {"enabled": true, "passwordless_enabled": true}}
        }})
    );
}

#[test]
fn stdin_is_read_as_yaml_or_json() {
    let w = World::new();
    let id = w.project("email");
    let mut child = w
        .process()
        .args(["update", "identity-config", &id, "--file", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"session:\n  lifespan: 3h\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    let config = yaml(&std::fs::read_to_string(w.config_of(&id)).expect("read"));
    assert_eq!(config["session"]["lifespan"], "3h");
}

#[test]
fn an_invalid_result_is_refused() {
    let w = World::new();
    let id = w.project("email");
    let before = std::fs::read(w.config_of(&id)).expect("read");
    w.write(
        "bad.yaml",
        "courier:\n  message_retries: lots\nsession:\n  lifespan: forever\n",
    );
    let out = w
        .otpctl()
        .args(["update", "identity-config", &id, "-f", "bad.yaml"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(10));
    let err = stderr(&out);
    assert!(
        err.contains("2 errors")
            && err.contains("/courier/message_retries")
            && err.contains("/session/lifespan"),
        "{err}"
    );
    assert_eq!(std::fs::read(w.config_of(&id)).expect("read"), before);
}
