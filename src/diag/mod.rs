//! Diagnostics: what validation found, where, and how bad; rendered for people
//! (like a compiler) or machines (JSON, GitHub annotations, SARIF).

mod code;
mod locate;
mod render;

use std::collections::BTreeMap;
use std::path::Path;

pub use code::Code;
pub use locate::{Location, Target, locate, tokens};
pub use render::{JsonDiagnostic, JsonReport, JsonSummary, OutputFormat, json_report, render};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document is wrong: validation fails (exit 10).
    Error,
    /// Probably a mistake, or deprecated; fails only with `--deny-warnings`.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable kebab-case code, listed in `docs/diagnostics.md`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file, as given on the command line.
    pub file: String,
    /// JSON pointer of the offending key or value (`""` for the document).
    pub pointer: String,
    /// Line and column of the key or value, when the source could be read.
    pub location: Option<Location>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity, not yet located.
    pub fn new(
        code: Code,
        file: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            file: file.into(),
            pointer: pointer.into(),
            location: None,
            help: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the location directly (for syntax errors, which have no pointer).
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }
}

/// The source texts diagnostics point into, by file name, for rendering the
/// offending line.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    texts: BTreeMap<String, String>,
}

impl Sources {
    /// Remembers a file's text.
    pub fn add(&mut self, file: impl Into<String>, text: impl Into<String>) {
        self.texts.insert(file.into(), text.into());
    }

    /// A file's text, if it was read.
    pub fn get(&self, file: &str) -> Option<&str> {
        self.texts.get(file).map(String::as_str)
    }

    /// Merges another set of sources into this one.
    pub fn extend(&mut self, other: Sources) {
        self.texts.extend(other.texts);
    }
}

/// Everything validation found across files, with the texts it points into.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// The diagnostics, in file order and then document order.
    pub diagnostics: Vec<Diagnostic>,
    /// The sources they point into.
    pub sources: Sources,
    /// The files that were checked (also the clean ones).
    pub files: Vec<String>,
}

impl Report {
    /// Adds another report's findings after this one's.
    pub fn extend(&mut self, other: Report) {
        self.diagnostics.extend(other.diagnostics);
        self.sources.extend(other.sources);
        self.files.extend(other.files);
    }

    /// Locates every unlocated diagnostic from its pointer, in its file's source
    /// (each file parsed once), then puts each file's diagnostics in document order.
    pub fn locate_all(&mut self) {
        let mut locators: BTreeMap<String, locate::Locator<'_>> = BTreeMap::new();
        for diag in self.diagnostics.iter_mut().filter(|d| d.location.is_none()) {
            let Some(text) = self.sources.get(&diag.file) else {
                continue;
            };
            let locator = locators
                .entry(diag.file.clone())
                .or_insert_with(|| locate::Locator::new(text));
            diag.location = locator.locate(&diag.pointer, diag.code.target());
        }
        let order: Vec<String> = self.files.clone();
        let rank = |file: &str| order.iter().position(|f| f == file).unwrap_or(usize::MAX);
        self.diagnostics.sort_by_key(|d| {
            (
                rank(&d.file),
                d.location.map(|l| (l.line, l.column)).unwrap_or((0, 0)),
            )
        });
    }

    /// How many errors and warnings there are.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }
}

/// A file name as shown in diagnostics: the path as given, `./` dropped.
pub fn file_name(path: &Path) -> String {
    let shown = crate::config::display(path);
    shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown)
}
