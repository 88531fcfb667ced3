//! CI in one line: the pre-commit hooks of `.pre-commit-hooks.yaml` and the jobs of
//! docs/ci.md, run as written on the example files of docs/examples/.

use std::path::Path;
use std::process::Command;

use crate::support::fixtures;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs an `otpctl …` command line through `sh` from the repository root, with the
/// built binary first on PATH.
fn sh(line: &str, cwd: &Path) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("otpctl");
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .args(["-c", line])
        .current_dir(cwd)
        .env("PATH", path)
        .env_remove("OTPCTL_PROJECT")
        .env_remove("CI")
        .output()
        .expect("sh runs")
}

/// Every file under `dir`, as paths relative to the repository root.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            let relative = path.strip_prefix(repo()).expect("inside the repo");
            out.push(relative.display().to_string());
        }
    }
    out
}

#[test]
fn each_pre_commit_hook_passes_the_examples_and_fails_an_invalid_file() {
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).expect("hooks");
    let hooks: serde_json::Value = serde_yaml_value(&text);
    let hooks = hooks.as_array().expect("a list of hooks");
    assert_eq!(hooks.len(), 2);
    let examples = files_under(&repo().join("docs/examples"));
    for hook in hooks {
        let entry = hook["entry"].as_str().expect("entry");
        let files = regex::Regex::new(hook["files"].as_str().expect("files")).expect("regex");
        let matched: Vec<&String> = examples.iter().filter(|f| files.is_match(f)).collect();
        assert!(!matched.is_empty(), "{entry}: no example matches");
        let names: Vec<&str> = matched.iter().map(|f| f.as_str()).collect();
        let out = sh(&format!("{entry} {}", names.join(" ")), repo());
        assert!(
            out.status.success(),
            "{entry} {names:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The identity-config hook fails a broken config with exit 10.
    let broken = fixtures().join("config/planted-errors.yaml");
    let out = sh(
        &format!("otpctl validate identity-config {}", broken.display()),
        repo(),
    );
    assert_eq!(out.status.code(), Some(10), "{}", broken.display());
}

fn serde_yaml_value(text: &str) -> serde_json::Value {
    crate::support::yaml(text)
}

/// The `otpctl …` lines of docs/ci.md's job definitions.
fn documented_commands() -> Vec<String> {
    let doc = std::fs::read_to_string(repo().join("docs/ci.md")).expect("docs/ci.md");
    doc.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            l.strip_prefix("- run: otpctl ")
                .or_else(|| l.strip_prefix("- otpctl "))
        })
        .map(|rest| format!("otpctl {rest}"))
        .collect()
}

#[test]
fn the_documented_ci_jobs_run_on_the_examples() {
    let commands = documented_commands();
    assert_eq!(commands.len(), 3, "{commands:?}");
    // The jobs name `deploy/` of the user's repository: here, the examples' copy.
    let work = tempfile::tempdir().expect("temp");
    let deploy = work.path().join("deploy");
    std::fs::create_dir_all(&deploy).expect("mkdir");
    for entry in std::fs::read_dir(repo().join("docs/examples/deploy")).expect("examples") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), deploy.join(entry.file_name())).expect("copy");
    }
    for command in &commands {
        let out = sh(command, work.path());
        assert!(
            out.status.success(),
            "`{command}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(work.path().join("otpctl.sarif")).expect("sarif"),
    )
    .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(work.path().join("gl-code-quality-report.json"))
            .expect("code-quality report"),
    )
    .expect("the code-quality report is JSON");
    assert_eq!(report, serde_json::json!([]), "the examples are valid");
}

#[test]
fn the_gitlab_report_has_a_code_quality_issue_per_problem() {
    let broken = fixtures().join("config/planted-errors.yaml");
    let out = sh(
        &format!(
            "otpctl validate identity-config {} --format gitlab",
            broken.display()
        ),
        repo(),
    );
    assert_eq!(out.status.code(), Some(10));
    let issues: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert!(issues.len() > 3, "{issues:?}");
    let mut fingerprints = std::collections::HashSet::new();
    for issue in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key}: {issue}");
        }
        assert!(
            matches!(issue["severity"].as_str(), Some("major" | "minor")),
            "{issue}"
        );
        assert!(
            issue["location"]["lines"]["begin"].as_u64() > Some(0),
            "{issue}"
        );
        assert!(
            issue["location"]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("planted-errors.yaml")),
            "{issue}"
        );
        assert!(fingerprints.insert(issue["fingerprint"].clone()), "{issue}");
    }
    let unknown = issues
        .iter()
        .find(|i| i["check_name"] == "config-unknown-key")
        .expect("the planted unknown key");
    assert!(
        unknown["description"]
            .as_str()
            .is_some_and(|d| d.contains("passwordles_enabled")),
        "{unknown}"
    );
}
