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

/// The SARIF 2.1.0 schema, compiled.
fn sarif_validator() -> jsonschema::Validator {
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
    jsonschema::draft7::new(&schema).expect("compiles")
}

/// The schema's errors for a SARIF log, as readable lines.
fn sarif_errors(validator: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let w = World::new();
    let validator = sarif_validator();
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
        let errors = sarif_errors(&validator, &log);
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

/// The files of a fixture folder (relative to tests/fixtures), sorted, `schema-*`
/// helpers kept or taken alone.
fn fixture_files(folder: &str, helpers: Helpers) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let helper = name.starts_with("schema-");
            let keep = match helpers {
                Helpers::Keep => true,
                Helpers::Skip => !helper,
                Helpers::Only => helper,
            };
            keep.then(|| format!("{folder}/{name}"))
        })
        .collect();
    files.sort();
    files
}

#[derive(Clone, Copy)]
enum Helpers {
    Keep,
    Skip,
    Only,
}

/// Every `.json` / `.yaml` file under tests/fixtures but the SARIF schema itself.
fn all_fixture_documents() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("ls") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
            {
                let relative = path.strip_prefix(fixtures()).expect("under fixtures");
                out.push(relative.display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(&fixtures(), &mut out);
    out.retain(|f| !f.starts_with("sarif/"));
    out.sort();
    out
}

/// Regression (issue 16): serde_json's end-of-input position (line 8 column 0 of a
/// 7-line file) went through unchanged, so SARIF had `"startColumn": 0`, which the
/// schema (and GitHub code scanning) refuses. Every fixture, valid and invalid, JSON
/// and YAML, is validated as what it is; the SARIF must validate and every place
/// reported (JSON and SARIF) must lie inside the file it names.
#[test]
fn every_fixture_gives_valid_sarif_and_places_inside_its_file() {
    let w = World::new();
    let validator = sarif_validator();
    let project = "identity/identity-config.yaml";
    let mut schemas = Vec::new();
    for folder in ["identity-schema/valid", "identity-schema/invalid"] {
        schemas.extend(fixture_files(folder, Helpers::Keep));
    }
    for folder in [
        "identity-config/valid",
        "identity-config/invalid",
        "identity-config/warning",
        "identity",
    ] {
        schemas.extend(fixture_files(folder, Helpers::Only));
    }
    schemas.push("config/customer.schema.json".to_string());
    let mut configs = Vec::new();
    for folder in [
        "identity-config/valid",
        "identity-config/invalid",
        "identity-config/warning",
    ] {
        configs.extend(fixture_files(folder, Helpers::Skip));
    }
    configs.extend(
        [
            "config/planted-errors.yaml",
            "config/kratos-commented.yaml",
            project,
        ]
        .map(String::from),
    );
    let mut identities = fixture_files("identity/valid", Helpers::Keep);
    identities.extend(fixture_files("identity/invalid", Helpers::Keep));

    let mut covered: Vec<String> = [&schemas, &configs, &identities]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    covered.sort();
    covered.dedup();
    assert_eq!(
        covered,
        all_fixture_documents(),
        "a fixture is not validated here; add its folder"
    );

    let mut results = 0;
    for (args, files) in [
        (vec!["validate", "identity-schema"], &schemas),
        (vec!["validate", "identity-config"], &configs),
        (
            vec!["validate", "identity", "--project", project],
            &identities,
        ),
    ] {
        let run = |format: &str| {
            let out = w
                .otpctl()
                .current_dir(fixtures())
                .args(&args)
                .args(files)
                .args(["--format", format])
                .output()
                .expect("run");
            assert!(
                matches!(out.status.code(), Some(0 | 10)),
                "{args:?}: {}",
                stderr(&out)
            );
            serde_json::from_slice::<serde_json::Value>(&out.stdout)
                .unwrap_or_else(|e| panic!("{args:?} --format {format}: {e}"))
        };
        let log = run("sarif");
        let errors = sarif_errors(&validator, &log);
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        for result in log["runs"][0]["results"].as_array().expect("results") {
            let location = &result["locations"][0]["physicalLocation"];
            let file = location["artifactLocation"]["uri"].as_str().expect("uri");
            let region = &location["region"];
            let at = |key: &str| region[key].as_u64().expect(key) as usize;
            assert_inside(
                file,
                (at("startLine"), at("startColumn")),
                (at("endLine"), at("endColumn")),
            );
            results += 1;
        }
        let report: JsonReport = serde_json::from_value(run("json")).expect("JsonReport");
        for d in &report.diagnostics {
            let (Some(line), Some(column), Some(end_line), Some(end_column)) =
                (d.line, d.column, d.end_line, d.end_column)
            else {
                panic!("{}: {} has no place", d.file, d.code);
            };
            assert_inside(&d.file, (line, column), (end_line, end_column));
        }
    }
    // Every invalid and warning fixture gives one result, the planted file five.
    assert!(results >= 100, "{results} results");
}

/// A place lies inside a file: 1-based lines that exist, columns from 1 to just past
/// the line's last character (end columns are exclusive), the end not before the start.
fn assert_inside(file: &str, start: (usize, usize), end: (usize, usize)) {
    let text = std::fs::read_to_string(fixtures().join(file)).expect("fixture");
    let lines: Vec<&str> = text.lines().collect();
    for (what, (line, column)) in [("start", start), ("end", end)] {
        assert!(
            (1..=lines.len()).contains(&line),
            "{file}: {what} line {line} of a {}-line file",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        assert!(
            (1..=width + 1).contains(&column),
            "{file}: {what} column {column} on line {line}, which has {width} characters"
        );
    }
    assert!(start <= end, "{file}: {start:?} after {end:?}");
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
