//! YAML as Kratos reads it (issue 14, item 10): a key given twice is an error at
//! both places, and strings YAML 1.1 takes for booleans or null are written quoted.

use crate::support::{World, stderr, stdout, yaml};

#[test]
fn a_key_given_twice_is_a_duplicate_key_error_at_both_places() {
    let w = World::new();
    w.fixture("config/customer.schema.json");
    let config = w.fixture("config/kratos-commented.yaml");
    let text = std::fs::read_to_string(&config).expect("read");
    let text = text.replacen("session:\n", "session:\n  lifespan: 1h\n", 1);
    assert!(text.contains("  lifespan: 1h\n  lifespan:"), "{text}");
    std::fs::write(&config, &text).expect("write");
    let out = w
        .otpctl()
        .args([
            "validate",
            "identity-config",
            "kratos-commented.yaml",
            "--format",
            "json",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let places: Vec<(String, u64)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let line = text
        .lines()
        .position(|l| l == "  lifespan: 1h")
        .expect("line") as u64
        + 1;
    assert_eq!(
        places,
        [
            ("duplicate-key".to_string(), line),
            ("duplicate-key".to_string(), line + 1)
        ],
        "{}",
        stdout(&out)
    );

    // Commands that load the file refuse it too, naming both places.
    let before = std::fs::read(&config).expect("read");
    let out = w.run(&[
        "patch",
        "identity-config",
        "kratos-commented.yaml",
        "--add",
        "/session/lifespan=\"2h\"",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "gives the key `lifespan` twice, at line {line} column 3 and at line {} column 3",
            line + 1
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&config).expect("read"), before);
}

#[test]
fn patch_quotes_strings_yaml_1_1_reads_as_booleans_or_null() {
    let w = World::new();
    let config = w.commented_config();
    let out = w.run(&[
        "patch",
        "identity-config",
        "kratos-commented.yaml",
        "-q",
        "--add",
        r#"/courier/smtp/headers={"on":"yes","y":"n","Off":"NO","~":"~","plain":"ok"}"#,
        "--add",
        "/courier/smtp/headers/off=\"true\"",
        "--replace",
        "/courier/smtp/from_name=\"no\"",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&config).expect("read");
    for line in [
        "from_name: 'no'",
        "'on': 'yes'",
        "'y': 'n'",
        "'Off': 'NO'",
        "'~': '~'",
        "plain: ok",
        "'off': 'true'",
    ] {
        assert!(text.contains(line), "no `{line}` in:\n{text}");
    }
    let value = yaml(&text);
    assert_eq!(value["courier"]["smtp"]["headers"]["on"], "yes");
    assert_eq!(value["courier"]["smtp"]["from_name"], "no");
}
