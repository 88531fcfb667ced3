//! `validate identity-config|identity-schema|identity` as CI uses them: formats,
//! exit codes, the JSON contract, SARIF that validates, progress only on a terminal.

use otpctl::diag::JsonReport;

use crate::support::{World, fixtures, stderr, stdout};

fn planted(w: &World, format: &str) -> std::process::Output {
    w.fixture("config/customer.schema.json");
    w.fixture("config/planted-errors.yaml");
    w.otpctl()
        .args([
            "validate",
            "identity-config",
            "planted-errors.yaml",
            "--format",
            format,
        ])
        .output()
        .expect("run")
}

/// The five planted errors, each at its line:column.
const PLANTED: [(&str, usize, usize); 5] = [
    ("config-unknown-key", 28, 7),
    ("config-invalid-duration", 31, 19),
    ("config-invalid-value", 59, 12),
    ("default-schema-not-found", 68, 22),
    ("config-wrong-type", 76, 20),
];

#[test]
fn five_planted_errors_in_all_four_formats() {
    let w = World::new();
    for format in ["human", "json", "github", "sarif"] {
        let out = planted(&w, format);
        assert_eq!(out.status.code(), Some(10), "{format}: {}", stderr(&out));
        let text = stdout(&out);
        for (code, line, column) in PLANTED {
            let place = match format {
                "human" => format!("planted-errors.yaml:{line}:{column}"),
                "github" => format!("line={line},col={column},"),
                "json" => format!("\"line\": {line},\n      \"column\": {column},"),
                _ => {
                    format!("\"startLine\": {line},\n                  \"startColumn\": {column},")
                }
            };
            assert!(text.contains(code), "{format}: no {code}");
            assert!(
                text.contains(&place),
                "{format}: {code} not at {place}:\n{text}"
            );
        }
        insta::assert_snapshot!(format!("planted_{format}"), text);
    }
}

#[test]
fn json_output_parses_back_into_the_documented_structs() {
    let w = World::new();
    let report: JsonReport =
        serde_json::from_slice(&planted(&w, "json").stdout).expect("JsonReport");
    assert_eq!(report.version, 1);
    assert_eq!(report.summary.errors, 5);
    assert_eq!(
        report.files,
        ["planted-errors.yaml", "customer.schema.json"]
    );
    let got: Vec<(&str, Option<usize>, Option<usize>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.column))
        .collect();
    let want: Vec<(&str, Option<usize>, Option<usize>)> = PLANTED
        .iter()
        .map(|(c, l, col)| (*c, Some(*l), Some(*col)))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let w = World::new();
    let schema_text =
        std::fs::read_to_string(fixtures().join("sarif/sarif-schema-2.1.0.json")).expect("schema");
    // The official schema's `language` patterns have a stray `]` that the Rust regex
    // engine rejects at compile time; otpctl never writes `language`, so the pattern
    // is replaced by the one it means.
    let schema_text = schema_text.replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("json");
    let validator = jsonschema::draft7::new(&schema).expect("compiles");
    for out in [planted(&w, "sarif"), {
        let clean = w.fixture("config/kratos-commented.yaml");
        w.otpctl()
            .args(["validate", "identity-config"])
            .arg(clean)
            .args(["--format", "sarif"])
            .output()
            .expect("run")
    }] {
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(log["version"], "2.1.0");
        // What GitHub code scanning needs of each result.
        for result in log["runs"][0]["results"].as_array().expect("results") {
            assert!(result["ruleId"].is_string() && result["message"]["text"].is_string());
            let location = &result["locations"][0]["physicalLocation"];
            assert!(location["artifactLocation"]["uri"].is_string());
            assert!(
                location["region"]["startLine"]
                    .as_u64()
                    .is_some_and(|l| l >= 1)
            );
        }
    }
}

#[test]
fn warnings_pass_unless_denied() {
    let w = World::new();
    let dir = fixtures().join("identity-config/warning");
    let file = dir.join("channel-without-http-type.yaml");
    let out = w
        .otpctl()
        .args(["validate", "identity-config"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("warning[channel-without-http-type]"));
    let out = w
        .otpctl()
        .args(["validate", "identity-config", "--deny-warnings"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(10));
}

#[test]
fn many_files_in_one_call_keep_their_order_and_show_no_progress_when_piped() {
    let w = World::new();
    let dir = fixtures().join("identity-schema/invalid");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let out = w
        .otpctl()
        .args(["validate", "identity-schema", "--format", "json"])
        .args(&files)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(10));
    assert!(
        stderr(&out).is_empty(),
        "no progress bar when stderr is not a terminal: {}",
        stderr(&out)
    );
    let report: JsonReport = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report.summary.files, files.len());
    let order: Vec<String> = report.diagnostics.iter().map(|d| d.file.clone()).collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|f| files.iter().position(|p| p.display().to_string() == *f));
    assert_eq!(
        order, sorted,
        "diagnostics follow the order of the files given"
    );
}

#[test]
fn identities_against_the_project_or_a_schema_file() {
    let w = World::new();
    let project = fixtures().join("identity");
    let valid: Vec<_> = std::fs::read_dir(project.join("valid"))
        .expect("ls")
        .map(|e| e.expect("e").path())
        .collect();
    let out = w
        .otpctl()
        .arg("validate")
        .arg("identity")
        .arg("--project")
        .arg(project.join("identity-config.yaml"))
        .args(&valid)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let doc = w.write(
        "bad.json",
        r#"{"traits": {"email": "not-an-email", "phone": "12345"}}"#,
    );
    let out = w
        .otpctl()
        .args(["validate", "identity", "--format", "json", "--schema"])
        .arg(project.join("schema-customer.json"))
        .arg(&doc)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(10));
    let report: JsonReport = serde_json::from_slice(&out.stdout).expect("json");
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"identity-invalid-email"), "{codes:?}");
}

#[test]
fn the_config_schema_can_be_printed() {
    let w = World::new();
    let out = w
        .otpctl()
        .args(["get", "config-schema"])
        .output()
        .expect("run");
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(schema["properties"]["selfservice"].is_object());
}

#[test]
fn a_progress_bar_on_a_terminal() {
    let w = World::new();
    let dir = fixtures().join("identity-schema/valid");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .expect("ls")
        .map(|e| e.expect("entry").path().display().to_string())
        .collect();
    let bin = assert_cmd::cargo::cargo_bin("otpctl");
    let command = format!(
        "{} validate identity-schema {} > /dev/null",
        bin.display(),
        files.join(" ")
    );
    let out = w.on_a_terminal(&command, "");
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("validating"), "{screen}");
}
