//! The paths that were quadratic (issue 14, item 6) give the same results on large
//! inputs: many diagnostics each at its own line, thousands of patch operations
//! written as one piece of text that parses to what json-patch gives. The timings
//! are in `scripts/bench-hostile`, not here.

use crate::support::{World, stderr, yaml};

#[test]
fn ten_thousand_unknown_keys_each_at_its_line() {
    let w = World::new();
    let config = w.commented_config();
    let mut text = std::fs::read_to_string(&config).expect("read");
    let first = text.lines().count() + 1;
    for i in 0..10_000 {
        text.push_str(&format!("unknown_key_{i}: {i}\n"));
    }
    std::fs::write(&config, text).expect("write");
    let out = w.run(&[
        "validate",
        "identity-config",
        "kratos-commented.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let diags = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 10_000);
    for (i, d) in diags.iter().enumerate() {
        assert_eq!(d["code"], "config-unknown-key");
        assert_eq!(d["line"].as_u64(), Some((first + i) as u64), "{d}");
        assert_eq!(d["column"].as_u64(), Some(1), "{d}");
    }
}

#[test]
fn thousands_of_additions_keep_the_comments_and_give_the_json_patch_result() {
    let w = World::new();
    let config = w.commented_config();
    let before = std::fs::read_to_string(&config).expect("read");
    let ops: Vec<serde_json::Value> = (0..5000)
        .map(|i| {
            serde_json::json!({"op": "add", "path": "/selfservice/allowed_return_urls/-",
                "value": format!("https://e{i}.example.com/")})
        })
        .chain(std::iter::once(
            serde_json::json!({"op": "add", "path": "/courier/smtp/headers", "value": {"X-H-0": "on"}}),
        ))
        .chain((1..2000).map(|i| {
            serde_json::json!({"op": "add", "path": format!("/courier/smtp/headers/X-H-{i}"),
                "value": if i % 2 == 0 { "on" } else { "v" }})
        }))
        .collect();
    w.write("ops.json", serde_json::to_string(&ops).expect("json"));
    let out = w.run(&[
        "patch",
        "identity-config",
        "kratos-commented.yaml",
        "--file",
        "ops.json",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(&config).expect("read");
    let mut expected = yaml(&before);
    let patch: json_patch::Patch =
        serde_json::from_value(serde_json::Value::Array(ops)).expect("patch");
    json_patch::patch(&mut expected, &patch).expect("applies");
    assert_eq!(yaml(&after), expected);
    // Every comment of the file is still there.
    for comment in before.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(after.contains(comment), "lost `{comment}`");
    }
    assert!(after.contains("https://portal.acme.test/welcome # after registration"));
    assert!(after.contains("      X-H-2: 'on'\n"), "{after}");
}
