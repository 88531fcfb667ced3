//! Identity config files: the typed config model and [`ValidConfig`]; load (YAML or
//! JSON, source text kept), patch, merge, write atomically.

mod edit;
pub mod kratos_yaml;
mod merge;
pub mod model;
pub mod patch;
mod redact;
pub mod source;
mod valid;
mod write;

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use edit::{Edit, PreserveError, Segment, apply_json as apply_edit, render_edits};
pub use merge::merge_documents;
pub use redact::redaction_edits;
pub use valid::ValidConfig;
pub use write::{DirLock, WriteError, lock_dir, write_atomic, write_target};

/// Files larger than this are refused before parsing: a Kratos config is a few
/// kilobytes, and a size bound keeps a stray multi-gigabyte file from eating memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Nesting deeper than this is refused: no Kratos config comes close, and the
/// bound keeps every recursive walk over the tree far from the stack limit.
pub const MAX_DEPTH: usize = 64;

/// The two syntaxes a config file can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML 1.2 (the usual Kratos format).
    Yaml,
    /// JSON.
    Json,
}

impl Format {
    /// The format named by a file's extension, if it names one.
    pub fn from_extension(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format of a file: its extension, else a look at its first character.
    pub fn detect(path: &Path, text: &str) -> Format {
        Format::from_extension(path).unwrap_or_else(|| Format::sniff(text))
    }

    /// JSON documents start with `{` or `[`; everything else is read as YAML.
    pub fn sniff(text: &str) -> Format {
        match text.trim_start().chars().next() {
            Some('{') | Some('[') => Format::Json,
            _ => Format::Yaml,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Yaml => "YAML",
            Format::Json => "JSON",
        })
    }
}

/// Why a file could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("failed to read `{path}`: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is over [`MAX_FILE_BYTES`] (counted as read: a device or pipe too).
    #[error("`{path}` is over the {limit} byte limit for a config file")]
    TooLarge {
        /// The file.
        path: String,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("`{path}` is not UTF-8 text (binary file?)")]
    NotText {
        /// The file.
        path: String,
    },
    /// The file holds nothing but whitespace or comments.
    #[error("`{path}` is empty")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file does not parse.
    #[error("`{path}` is not valid {format}{at}: {message}", at = location(*line, *column))]
    Syntax {
        /// The file.
        path: String,
        /// The syntax it was read as.
        format: Format,
        /// 1-based line of the error, 0 when unknown.
        line: usize,
        /// 1-based column of the error, 0 when unknown.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The document nests deeper than [`MAX_DEPTH`].
    #[error("`{path}` nests deeper than {limit} levels")]
    TooDeep {
        /// The file.
        path: String,
        /// The limit.
        limit: usize,
    },
    /// A YAML mapping gives the same key twice (Kratos' parser refuses that).
    #[error(
        "`{path}` gives the key `{key}` twice, at line {} column {} and at line {} column {} (Kratos refuses duplicate keys)",
        first.0, first.1, second.0, second.1
    )]
    DuplicateKey {
        /// The file.
        path: String,
        /// The key.
        key: String,
        /// The JSON pointer of the member.
        pointer: String,
        /// Line and column of the first occurrence.
        first: (usize, usize),
        /// Line and column of the second.
        second: (usize, usize),
    },
    /// The top level is not a mapping/object.
    #[error("`{path}` must hold a mapping at the top level, found {found}")]
    NotAMapping {
        /// The file.
        path: String,
        /// What it holds instead.
        found: &'static str,
    },
}

fn location(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line} column {column}")
    }
}

/// A config document as read from disk: its text, its format and its value.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from (a path, or `-` for stdin).
    pub path: PathBuf,
    /// The syntax it is written in.
    pub format: Format,
    /// The text as read, kept so edits can preserve comments and layout.
    pub text: String,
    /// The parsed value (object key order as in the file).
    pub value: Value,
}

impl Document {
    /// Reads and parses a file, with the size, text and depth checks of this module.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        let text = read_text(path)?;
        let format = Format::detect(path, &text);
        Document::parse(path, format, text)
    }

    /// Parses text already read; `path` is used in messages and to pick nothing else.
    pub fn parse(path: &Path, format: Format, text: String) -> Result<Document, LoadError> {
        let value = parse_value(path, format, &text)?;
        if !value.is_object() {
            return Err(LoadError::NotAMapping {
                path: display(path),
                found: kind_name(&value),
            });
        }
        Ok(Document {
            path: path.to_path_buf(),
            format,
            text,
            value,
        })
    }

    /// The directory `file://` references in this document are relative to.
    pub fn base_dir(&self) -> PathBuf {
        parent_dir(&self.path).to_path_buf()
    }
}

/// The directory a file is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Reads a file as UTF-8 text, refusing huge, binary or empty files. The size
/// limit holds for what is read, not for what `stat` says (0 for a device or a
/// pipe): at most [`MAX_FILE_BYTES`] + 1 bytes are ever read.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = display(path);
    let read_err = |source| LoadError::Read {
        path: name.clone(),
        source,
    };
    let bytes = if path == Path::new("-") {
        read_limited(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(read_err)?;
        if file.metadata().map_err(read_err)?.is_dir() {
            return Err(read_err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory",
            )));
        }
        read_limited(file)
    }
    .map_err(read_err)?
    .ok_or_else(|| LoadError::TooLarge {
        path: name.clone(),
        limit: MAX_FILE_BYTES,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotText { path: name.clone() })?;
    if text.contains('\0') {
        return Err(LoadError::NotText { path: name });
    }
    Ok(text)
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes; `None` when there were more than
/// the limit.
pub fn read_limited(reader: impl std::io::Read) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes))
}

/// Parses YAML or JSON text into a value, with errors that carry line and column.
pub fn parse_value(path: &Path, format: Format, text: &str) -> Result<Value, LoadError> {
    let name = display(path);
    if is_blank(text, format) {
        return Err(LoadError::Empty { path: name });
    }
    // A cheap bracket count refuses pathological nesting before any recursive parser sees it.
    if nesting_depth(text) > MAX_DEPTH * 2 {
        return Err(LoadError::TooDeep {
            path: name,
            limit: MAX_DEPTH,
        });
    }
    let syntax = |(line, column): (usize, usize), message: String| LoadError::Syntax {
        path: name.clone(),
        format,
        line,
        column,
        message: strip_location(&message),
    };
    // Anchors are counted before the document is built, so that a file of many
    // thousands is refused at once (issue 14, item 6); the event scan runs only
    // when the text has that many `&`s.
    if format == Format::Yaml
        && kratos_yaml::may_have_too_many_anchors(text)
        && let Some(kratos_yaml::Problem::TooManyAnchors(place)) = kratos_yaml::scan(text)
    {
        return Err(syntax(
            place,
            format!(
                "more than {} YAML anchors (no Kratos config needs that many)",
                kratos_yaml::MAX_ANCHORS
            ),
        ));
    }
    let value = match format {
        Format::Json => serde_json::from_str::<Value>(text)
            .map_err(|e| syntax(clamp_position(text, e.line(), e.column()), e.to_string()))?,
        Format::Yaml => match serde_yaml::from_str::<kratos_yaml::StrictValue>(text) {
            Ok(kratos_yaml::StrictValue(value)) => value,
            Err(e) => {
                // A key given twice: the scan names both places.
                if e.to_string().contains(kratos_yaml::DUPLICATE_MARKER)
                    && let Some(kratos_yaml::Problem::Duplicate(dup)) = kratos_yaml::scan(text)
                {
                    return Err(LoadError::DuplicateKey {
                        path: name,
                        key: dup.key,
                        pointer: dup.pointer,
                        first: dup.first,
                        second: dup.second,
                    });
                }
                let place = e
                    .location()
                    .map_or((0, 0), |l| clamp_position(text, l.line(), l.column()));
                return Err(syntax(place, e.to_string()));
            }
        },
    };
    if depth(&value) > MAX_DEPTH {
        return Err(LoadError::TooDeep {
            path: name,
            limit: MAX_DEPTH,
        });
    }
    Ok(value)
}

/// A parser's 1-based line and column, moved inside the text. At the end of input
/// serde_json reports the line after a final newline with column 0, and YAML column 1
/// of that line: a place that does not exist, which SARIF consumers refuse. Such a
/// place becomes the last character that is not whitespace (where the document stops
/// short); a column 0 becomes 1 and a column past its line's end the column just past
/// it. Line 0 stays 0: the place is unknown.
fn clamp_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    if line == 0 {
        return (0, 0);
    }
    match text.lines().nth(line - 1) {
        Some(real) if !(line == text.lines().count() && real.trim().is_empty()) => {
            (line, column.clamp(1, real.chars().count() + 1))
        }
        _ => last_character(text),
    }
}

/// The 1-based line and column of the last character that is not whitespace.
fn last_character(text: &str) -> (usize, usize) {
    let end = text.trim_end().len();
    match text[..end].char_indices().next_back() {
        Some((offset, _)) => {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[line_start..].chars().count() + 1)
        }
        None => (1, 1),
    }
}

/// Parser messages end in "at line X column Y"; we report the place ourselves.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn is_blank(text: &str, format: Format) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || (format == Format::Yaml && (line.starts_with('#') || line == "---"))
    })
}

/// The deepest bracket nesting and block indentation in a text, as an upper bound
/// on how deep its document can nest.
fn nesting_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for b in text.bytes() {
        match b {
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let indent = text
        .lines()
        .map(|l| l.len() - l.trim_start_matches([' ', '-']).len())
        .max()
        .unwrap_or(0);
    deepest.max(indent / 2)
}

/// How deeply a value nests (a scalar is 0).
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A short name for a JSON value's type, for messages.
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "a mapping",
    }
}

/// A path as shown in messages.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Serialises a value in a format: YAML block style, or JSON with `indent`.
pub fn serialize(value: &Value, format: Format, indent: &str) -> String {
    match format {
        Format::Yaml => serde_yaml::to_string(value).unwrap_or_else(|_| value.to_string()),
        Format::Json => to_json_indented(value, indent),
    }
}

/// Pretty JSON with a chosen indent and a final newline.
pub fn to_json_indented(value: &Value, indent: &str) -> String {
    use serde::Serialize;
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Serialising a `Value` into memory cannot fail.
    let _ = value.serialize(&mut ser);
    let mut text = String::from_utf8(out).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_of_input_is_clamped_to_the_last_character() {
        let text = "{\n  \"a\": {\n    \"b\": 1\n  }\n\n";
        let err = parse_value(Path::new("x.json"), Format::Json, text).expect_err("unclosed");
        let LoadError::Syntax { line, column, .. } = err else {
            panic!("{err:?}");
        };
        assert_eq!((line, column), (4, 3));
        assert_eq!(clamp_position("a: 1\n", 2, 1), (1, 4));
        assert_eq!(clamp_position("a: 1\nb: 2\n", 2, 0), (2, 1));
        assert_eq!(clamp_position("a: 1\n", 1, 99), (1, 5));
        assert_eq!(clamp_position("a: 1\n", 0, 0), (0, 0));
    }
}
