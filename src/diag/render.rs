//! Rendering a [`Report`]: human (like rustc), versioned JSON, GitHub workflow
//! annotations, and SARIF 2.1.0 for code scanning.

use std::collections::HashMap;

use anstyle::{AnsiColor, Style};
use serde::{Deserialize, Serialize};

use super::{Code, Diagnostic, Report, Severity};

/// `--format` of the validate commands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style messages with the offending line.
    #[default]
    Human,
    /// Versioned JSON (`{"version":1,…}`).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitLab's code-quality report (a CodeClimate JSON array), for merge requests.
    Gitlab,
}

/// Renders a report in a format.
pub fn render(report: &Report, format: OutputFormat) -> String {
    match format {
        OutputFormat::Human => human(report),
        OutputFormat::Json => json(report),
        OutputFormat::Github => github(report),
        OutputFormat::Sarif => sarif(report),
        OutputFormat::Gitlab => gitlab(report),
    }
}

// ---- GitLab code quality --------------------------------------------------------

/// GitLab's code-quality report: a JSON array of CodeClimate issues, each with a
/// fingerprint that stays the same while the problem does (GitLab compares the
/// reports of two pipelines by it), so no line number goes into it.
fn gitlab(report: &Report) -> String {
    use sha2::{Digest, Sha256};
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issues: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let identity = format!(
                "{}\0{}\0{}\0{}",
                d.code.as_str(),
                d.file,
                d.pointer,
                d.message
            );
            let count = seen.entry(identity.clone()).or_default();
            *count += 1;
            let digest = Sha256::digest(format!("{identity}\0{count}").as_bytes());
            let fingerprint: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            let mut description = d.message.clone();
            if let Some(help) = &d.help {
                description.push_str(&format!(" (help: {help})"));
            }
            serde_json::json!({
                "description": description,
                "check_name": d.code.as_str(),
                "fingerprint": fingerprint,
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                "location": {
                    "path": d.file,
                    "lines": {"begin": d.location.map_or(1, |loc| loc.line)},
                },
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

// ---- human ----------------------------------------------------------------------

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const BOLD: Style = Style::new().bold();
const GOOD: Style = AnsiColor::Green.on_default().bold();

fn human(report: &Report) -> String {
    let mut out = String::new();
    // Each file's lines, split once: finding a line per diagnostic from the start
    // of the text made many diagnostics quadratic (issue 14, item 6).
    let mut lines: HashMap<&str, Vec<&str>> = HashMap::new();
    for diag in &report.diagnostics {
        let file_lines = match report.sources.get(&diag.file) {
            Some(text) => lines
                .entry(diag.file.as_str())
                .or_insert_with(|| text.lines().collect())
                .as_slice(),
            None => &[],
        };
        human_one(file_lines, diag, &mut out);
        out.push('\n');
    }
    let (errors, warnings) = report.counts();
    let files = report.files.len();
    let files = format!("{files} file{}", plural(files));
    if errors + warnings == 0 {
        out.push_str(&format!("{GOOD}ok{GOOD:#}: {files} valid\n"));
    } else {
        let style = if errors > 0 { ERROR } else { WARNING };
        let word = if errors > 0 {
            "invalid"
        } else {
            "valid with warnings"
        };
        out.push_str(&format!(
            "{style}{word}{style:#}: {errors} error{}, {warnings} warning{} in {files}\n",
            plural(errors),
            plural(warnings)
        ));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A text shown on one line, whatever it holds: a newline, carriage return or other
/// control character (a key or file name from an untrusted config can hold any) is
/// written as an escape, so it can neither start a line of its own (a `::error`
/// workflow command in a CI log) nor send a terminal escape sequence.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One diagnostic; `lines` are the lines of its file (empty when not at hand).
fn human_one(lines: &[&str], diag: &Diagnostic, out: &mut String) {
    let (style, word) = match diag.severity {
        Severity::Error => (ERROR, "error"),
        Severity::Warning => (WARNING, "warning"),
    };
    let file = one_line(&diag.file);
    let help = diag.help.as_deref().map(one_line);
    out.push_str(&format!(
        "{style}{word}[{}]{style:#}{BOLD}: {}{BOLD:#}\n",
        diag.code,
        one_line(&diag.message)
    ));
    let Some(loc) = diag.location else {
        let at = if diag.pointer.is_empty() {
            String::new()
        } else {
            format!(" at {}", one_line(&diag.pointer))
        };
        out.push_str(&format!("  {GUTTER}-->{GUTTER:#} {file}{at}\n"));
        if let Some(help) = &help {
            out.push_str(&format!(
                "   {GUTTER}={GUTTER:#} {BOLD}help{BOLD:#}: {help}\n"
            ));
        }
        return;
    };
    let number = loc.line.to_string();
    let pad = " ".repeat(number.len());
    out.push_str(&format!(
        "{pad}{GUTTER}-->{GUTTER:#} {file}:{}:{}\n",
        loc.line, loc.column
    ));
    if let Some(line) = lines.get(loc.line.wrapping_sub(1)) {
        let width = if loc.end_line == loc.line {
            loc.end_column.saturating_sub(loc.column).max(1)
        } else {
            line.chars().count().saturating_sub(loc.column - 1).max(1)
        };
        let shown: String = line.chars().take(200).collect();
        let shown = one_line(&shown);
        out.push_str(&format!("{pad} {GUTTER}|{GUTTER:#}\n"));
        out.push_str(&format!("{GUTTER}{number} |{GUTTER:#} {shown}\n"));
        out.push_str(&format!(
            "{pad} {GUTTER}|{GUTTER:#} {}{style}{}{style:#}\n",
            " ".repeat(loc.column - 1),
            "^".repeat(width.min(200))
        ));
    }
    if let Some(help) = &help {
        out.push_str(&format!(
            "{pad} {GUTTER}={GUTTER:#} {BOLD}help{BOLD:#}: {help}\n"
        ));
    }
}

// ---- JSON -----------------------------------------------------------------------

/// The JSON output of the validate commands, version 1. Fields are only ever added.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct JsonReport {
    /// Always 1 for this shape.
    pub version: u32,
    /// Counts.
    pub summary: JsonSummary,
    /// Every file that was checked.
    pub files: Vec<String>,
    /// The problems found.
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// Counts of a [`JsonReport`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct JsonSummary {
    /// Files checked.
    pub files: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
}

/// One diagnostic of a [`JsonReport`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct JsonDiagnostic {
    /// Stable code.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// What is wrong.
    pub message: String,
    /// The file.
    pub file: String,
    /// JSON pointer of the key or value.
    pub pointer: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// End line, when known.
    pub end_line: Option<usize>,
    /// End column (exclusive), when known.
    pub end_column: Option<usize>,
    /// How to fix it.
    pub help: Option<String>,
}

/// The report as its versioned JSON structs.
pub fn json_report(report: &Report) -> JsonReport {
    let (errors, warnings) = report.counts();
    JsonReport {
        version: 1,
        summary: JsonSummary {
            files: report.files.len(),
            errors,
            warnings,
        },
        files: report.files.clone(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                code: d.code.as_str().to_string(),
                severity: severity_name(d.severity).to_string(),
                message: d.message.clone(),
                file: d.file.clone(),
                pointer: d.pointer.clone(),
                line: d.location.map(|l| l.line),
                column: d.location.map(|l| l.column),
                end_line: d.location.map(|l| l.end_line),
                end_column: d.location.map(|l| l.end_column),
                help: d.help.clone(),
            })
            .collect(),
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(&json_report(report)).unwrap_or_default();
    text.push('\n');
    text
}

// ---- GitHub ---------------------------------------------------------------------

fn github(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let mut props = vec![format!("file={}", escape_property(&d.file))];
        if let Some(loc) = d.location {
            props.push(format!("line={}", loc.line));
            props.push(format!("col={}", loc.column));
            props.push(format!("endLine={}", loc.end_line));
            props.push(format!("endColumn={}", loc.end_column));
        }
        props.push(format!("title={}", d.code));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            severity_name(d.severity),
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

/// Workflow-command data escaping (the runner's `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command property escaping (the runner's `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

// ---- SARIF ----------------------------------------------------------------------

fn sarif(report: &Report) -> String {
    let mut rules: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
    rules.sort();
    rules.dedup();
    let rule_index = |code: Code| rules.iter().position(|c| *c == code).unwrap_or(0);
    let results: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(&format!(" (help: {help})"));
            }
            let mut physical = serde_json::json!({
                "artifactLocation": {"uri": sarif_uri(&d.file)}
            });
            if let Some(loc) = d.location {
                // An empty region on one line is widened to one character; a region over
                // several lines ends where it ends, whatever its start column.
                let end_column = if loc.end_line == loc.line {
                    loc.end_column.max(loc.column + 1)
                } else {
                    loc.end_column
                };
                physical["region"] = serde_json::json!({
                    "startLine": loc.line,
                    "startColumn": loc.column,
                    "endLine": loc.end_line,
                    "endColumn": end_column,
                });
            }
            let mut result = serde_json::json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": rule_index(d.code),
                "level": severity_name(d.severity),
                "message": {"text": message},
                "locations": [{"physicalLocation": physical}],
            });
            if !d.pointer.is_empty() {
                result["properties"] = serde_json::json!({"pointer": d.pointer});
            }
            result
        })
        .collect();
    let rules: Vec<serde_json::Value> = rules
        .iter()
        .map(|code| {
            serde_json::json!({
                "id": code.as_str(),
                "name": rule_name(*code),
                "shortDescription": {"text": code.summary()},
                "fullDescription": {"text": code.summary()},
                "defaultConfiguration": {"level": severity_name(code.severity())},
                "help": {"text": format!("See `{}` in docs/diagnostics.md of otpctl.", code.as_str())},
            })
        })
        .collect();
    let log = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "otpctl",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// `config-unknown-key` → `ConfigUnknownKey` (SARIF rule names are identifiers).
fn rule_name(code: Code) -> String {
    code.as_str()
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative path as a URI reference (code scanning wants paths relative to the repository).
fn sarif_uri(file: &str) -> String {
    let prefix = if file.starts_with('/') { "file://" } else { "" };
    let encoded = file
        .split('/')
        .map(|segment| {
            segment
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/");
    format!("{prefix}{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("C:\\x,y"), "C%3A\\x%2Cy");
    }

    #[test]
    fn rule_names_are_camel_case() {
        assert_eq!(rule_name(Code::ConfigUnknownKey), "ConfigUnknownKey");
    }
}
