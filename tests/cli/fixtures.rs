//! Every fixture under tests/fixtures/{identity-schema,identity-config,identity}:
//! valid files give no diagnostic; each invalid (or warning) file gives exactly the
//! one code its name starts with. The codes and line:column of all of them are
//! snapshotted, so a change in what is reported or where is a visible diff.

use std::path::{Path, PathBuf};

use otpctl::diag::{Report, Severity};
use otpctl::schema::identity::IdentitySchemas;
use otpctl::schema::{config, identity, identity_schema};

use crate::support::fixtures;

/// The files of a fixture folder, sorted; `schema-*` helpers skipped where asked.
fn files(folder: &str, skip_helpers: bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            !(skip_helpers && name.starts_with("schema-"))
        })
        .collect();
    files.sort();
    files
}

/// `config-unknown-key-3.yaml` → `config-unknown-key`.
fn expected_code(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match stem.rsplit_once('-') {
        Some((code, n)) if n.chars().all(|c| c.is_ascii_digit()) => code.to_string(),
        _ => stem.to_string(),
    }
}

/// One line per diagnostic: `file: code at line:column (pointer)`.
fn listing(path: &Path, report: &Report) -> Vec<String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let at = d
                .location
                .map_or("?".to_string(), |l| format!("{}:{}", l.line, l.column));
            let file = Path::new(&d.file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let via = if file == name {
                String::new()
            } else {
                format!(" in {file}")
            };
            format!("{name}: {} {at}{via} ({})", d.code, d.pointer)
        })
        .collect()
}

fn check_folder(
    folder: &str,
    skip_helpers: bool,
    severity: Option<Severity>,
    validate: impl Fn(&Path) -> Report,
) -> String {
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    for path in files(folder, skip_helpers) {
        let report = validate(&path);
        let codes: Vec<(String, Severity)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str().to_string(), d.severity))
            .collect();
        let ok = match severity {
            None => codes.is_empty(),
            Some(severity) => codes == [(expected_code(&path), severity)],
        };
        if !ok {
            failures.push(format!("{}: got {codes:?}", path.display()));
        }
        if report.diagnostics.iter().any(|d| d.location.is_none()) {
            failures.push(format!(
                "{}: a diagnostic has no line:column",
                path.display()
            ));
        }
        lines.extend(listing(&path, &report));
    }
    assert!(failures.is_empty(), "{folder}:\n{}", failures.join("\n"));
    lines.join("\n")
}

#[test]
fn identity_schemas() {
    let validate = |p: &Path| identity_schema::validate_file(p).report;
    check_folder("identity-schema/valid", false, None, validate);
    let listing = check_folder(
        "identity-schema/invalid",
        false,
        Some(Severity::Error),
        validate,
    );
    assert!(listing.lines().count() >= 40);
    insta::assert_snapshot!(listing);
}

#[test]
fn identity_configs() {
    check_folder("identity-config/valid", true, None, config::validate_file);
    let invalid = check_folder(
        "identity-config/invalid",
        true,
        Some(Severity::Error),
        config::validate_file,
    );
    assert!(invalid.lines().count() >= 40);
    insta::assert_snapshot!("identity_configs_invalid", invalid);
    let warnings = check_folder(
        "identity-config/warning",
        true,
        Some(Severity::Warning),
        config::validate_file,
    );
    insta::assert_snapshot!("identity_configs_warning", warnings);
}

#[test]
fn identities() {
    let project = fixtures().join("identity");
    let doc =
        otpctl::config::Document::load(&project.join("identity-config.yaml")).expect("config");
    let schemas = IdentitySchemas::from_config(&doc.value, &project).expect("schemas");
    let validate = |p: &Path| identity::validate_file(p, &schemas);
    check_folder("identity/valid", false, None, validate);
    let listing = check_folder("identity/invalid", false, Some(Severity::Error), validate);
    insta::assert_snapshot!(listing);
}

#[test]
fn the_identity_fixture_project_is_valid() {
    let report = config::validate_file(&fixtures().join("identity/identity-config.yaml"));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}
