//! JSON pointer → line:column of the key or value in YAML or JSON source text.
//! JSON is YAML flow style, so one lossless YAML tree serves both formats.

use std::str::FromStr;

use yaml_edit::{AsYaml, YamlNode};

/// A place in a source text, 1-based, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// First line.
    pub line: usize,
    /// First column.
    pub column: usize,
    /// Last line.
    pub end_line: usize,
    /// Column just past the end.
    pub end_column: usize,
}

/// What of a member to point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The key (unknown or missing keys).
    Key,
    /// The value (wrong values).
    Value,
}

/// A parsed source, ready to locate any number of pointers in.
#[derive(Debug)]
pub(super) struct Locator<'a> {
    text: &'a str,
    root: Option<YamlNode>,
}

impl<'a> Locator<'a> {
    /// Parses the text once.
    pub(super) fn new(text: &'a str) -> Self {
        let root = yaml_edit::Document::from_str(text).ok().and_then(|doc| {
            doc.as_mapping()
                .and_then(|m| m.as_node().cloned())
                .or_else(|| doc.as_sequence().and_then(|s| s.as_node().cloned()))
                .and_then(YamlNode::from_syntax)
        });
        Locator { text, root }
    }

    /// The location of `pointer`: its key or value, or, when part of the path does
    /// not exist, the deepest part that does.
    pub(super) fn locate(&self, pointer: &str, target: Target) -> Option<Location> {
        let mut node = self.root.clone()?;
        let mut range = None;
        for token in tokens(pointer) {
            let next = match &node {
                YamlNode::Mapping(map) => map.find_entry_by_key(token.as_str()).map(|entry| {
                    let key = entry.key_node().map(|k| k.byte_range());
                    (entry.value_node(), key)
                }),
                YamlNode::Sequence(seq) => token
                    .parse()
                    .ok()
                    .and_then(|i| seq.get(i))
                    .map(|v| (Some(v), None)),
                _ => None,
            };
            match next {
                Some((Some(value), key)) => {
                    range = Some(match (target, key) {
                        (Target::Key, Some(key)) => key,
                        _ => value.byte_range(),
                    });
                    node = value;
                }
                Some((None, key)) => {
                    range = key.or(range);
                    break;
                }
                None => break,
            }
        }
        let range = range.unwrap_or_else(|| node.byte_range());
        Some(self.location(range.start as usize, range.end as usize))
    }

    fn location(&self, start: usize, end: usize) -> Location {
        // A node that runs to the end of the file takes the final newline with it; its
        // end would be column 1 of a line after the last one, outside the file (SARIF
        // consumers reject such regions), so it ends where the last line ends.
        let last = self.text.trim_end_matches(['\n', '\r']).len();
        let start = start.min(last);
        let end = end.max(start).min(last.max(start));
        let (line, column) = line_column(self.text, start);
        let (end_line, end_column) = line_column(self.text, end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// Locates one pointer (parses the text; use a [`Locator`] for many).
pub fn locate(text: &str, pointer: &str, target: Target) -> Option<Location> {
    Locator::new(text).locate(pointer, target)
}

/// The 1-based line and character column of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The decoded tokens of a JSON pointer.
pub fn tokens(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "# c\nselfservice:\n  methods:\n    code:\n      passwordless_enabled: yes please\nlist:\n  - a\n  - b: 1\n";
    const JSON: &str = "{\n  \"selfservice\": {\"methods\": {\"code\": {\"passwordless_enabled\": \"x\"}}},\n  \"list\": [\"a\", {\"b\": 1}]\n}\n";

    #[test]
    fn values_and_keys_in_yaml() {
        let loc = locate(
            YAML,
            "/selfservice/methods/code/passwordless_enabled",
            Target::Value,
        );
        assert_eq!(loc.map(|l| (l.line, l.column)), Some((5, 29)));
        let loc = locate(
            YAML,
            "/selfservice/methods/code/passwordless_enabled",
            Target::Key,
        );
        assert_eq!(loc.map(|l| (l.line, l.column)), Some((5, 7)));
        let loc = locate(YAML, "/list/1/b", Target::Value);
        assert_eq!(loc.map(|l| (l.line, l.column)), Some((8, 8)));
    }

    #[test]
    fn values_and_keys_in_json() {
        let loc = locate(
            JSON,
            "/selfservice/methods/code/passwordless_enabled",
            Target::Value,
        );
        assert_eq!(loc.map(|l| (l.line, l.column)), Some((2, 64)));
        let loc = locate(JSON, "/list/1/b", Target::Key);
        assert_eq!(loc.map(|l| (l.line, l.column)), Some((3, 18)));
    }

    #[test]
    fn a_missing_key_points_at_its_parent() {
        let loc = locate(YAML, "/selfservice/methods/link/enabled", Target::Key);
        assert_eq!(loc.map(|l| l.line), Some(3));
    }
}
