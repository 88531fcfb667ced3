//! Operations apply in command-line order, flags and files interleaved.

use crate::support::{World, stderr, yaml};

fn run(w: &World, args: &[&str]) -> serde_json::Value {
    let out = w
        .otpctl()
        .args(["patch", "identity-config", "./c.yaml"])
        .args(args)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    yaml(&std::fs::read_to_string(w.dir.path().join("c.yaml")).expect("read"))
}

#[test]
fn remove_then_add_leaves_the_value() {
    let w = World::new();
    w.write("c.yaml", "session:\n  lifespan: 1h\n");
    let config = run(
        &w,
        &[
            "--remove",
            "/session/lifespan",
            "--add",
            "/session/lifespan=\"2h\"",
        ],
    );
    assert_eq!(config["session"]["lifespan"], "2h");
}

#[test]
fn add_then_remove_leaves_nothing() {
    // The Ory CLI sends all adds before all removes, so this would keep the key there.
    let w = World::new();
    w.write("c.yaml", "session:\n  lifespan: 1h\n");
    let config = run(
        &w,
        &[
            "--add",
            "/session/cookie={\"name\":\"x\"}",
            "--remove",
            "/session/cookie",
        ],
    );
    assert!(config["session"].get("cookie").is_none());
}

#[test]
fn files_and_flags_interleave() {
    let w = World::new();
    w.write("c.yaml", "courier:\n  message_retries: 1\n");
    w.write(
        "set-3.json",
        r#"[{"op":"replace","path":"/courier/message_retries","value":3}]"#,
    );
    w.write(
        "merge.yaml",
        "courier:\n  message_retries: 4\n  smtp:\n    from_name: merged\n",
    );
    let config = run(
        &w,
        &[
            "--replace",
            "/courier/message_retries=2",
            "--file",
            "set-3.json",
        ],
    );
    assert_eq!(config["courier"]["message_retries"], 3);
    let config = run(
        &w,
        &[
            "--file",
            "set-3.json",
            "--replace",
            "/courier/message_retries=2",
        ],
    );
    assert_eq!(config["courier"]["message_retries"], 2);
    let config = run(
        &w,
        &[
            "--replace",
            "/courier/message_retries=9",
            "-f",
            "merge.yaml",
        ],
    );
    assert_eq!(config["courier"]["message_retries"], 4);
    assert_eq!(config["courier"]["smtp"]["from_name"], "merged");
}

#[test]
fn all_six_operations_work_from_a_file() {
    let w = World::new();
    w.write("c.yaml", "# top\ncourier:\n  message_retries: 1 # retries\n  smtp:\n    from_name: a\nsession:\n  lifespan: 1h\n");
    w.write(
        "ops.yaml",
        "- {op: test, path: /courier/message_retries, value: 1}\n\
         - {op: add, path: /courier/smtp/from_address, value: a@b.test}\n\
         - {op: replace, path: /courier/message_retries, value: 2}\n\
         - {op: copy, from: /courier/smtp/from_name, path: /courier/smtp/local_name}\n\
         - {op: move, from: /session/lifespan, path: /session/earlier}\n\
         - {op: remove, path: /session/earlier}\n",
    );
    let config = run(&w, &["--file", "ops.yaml"]);
    assert_eq!(
        config,
        serde_json::json!({
            "courier": {"message_retries": 2, "smtp": {"from_name": "a", "from_address": "a@b.test", "local_name": "a"}},
            "session": {}
        })
    );
    let text = std::fs::read_to_string(w.dir.path().join("c.yaml")).expect("read");
    assert!(
        text.contains("# top") && text.contains("message_retries: 2 # retries"),
        "{text}"
    );
}

#[test]
fn merge_patch_null_removes() {
    let w = World::new();
    w.write(
        "c.yaml",
        "courier:\n  message_retries: 1\n  smtp:\n    from_name: a\n",
    );
    w.write("m.json", r#"{"courier":{"smtp":null,"message_retries":5}}"#);
    let config = run(&w, &["--file", "m.json"]);
    assert_eq!(
        config,
        serde_json::json!({"courier": {"message_retries": 5}})
    );
}
