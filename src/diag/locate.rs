//! JSON pointer → line:column of the key or value in YAML or JSON source text.
//! JSON is YAML flow style, so one lossless YAML tree serves both formats.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::str::FromStr;

use yaml_edit::{AsYaml, TextPosition, YamlNode};

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
///
/// Each mapping and sequence on a located path is indexed the first time a
/// pointer goes through it, and line starts are found by binary search, so
/// locating n diagnostics in a file costs O(n + size), not O(n × size): 10,000
/// unknown keys once took 54 s (issue 14, item 6).
#[derive(Debug)]
pub(super) struct Locator<'a> {
    text: &'a str,
    root: Option<YamlNode>,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// The entries of each mapping already walked, by the node's byte range.
    mappings: RefCell<HashMap<(u32, u32), Rc<MappingIndex>>>,
    /// The items of each sequence already walked, by the node's byte range.
    /// `None` for a sequence with an item that is no node (indices would shift).
    sequences: RefCell<HashMap<(u32, u32), Option<SequenceIndex>>>,
}

/// A sequence's items, in order.
type SequenceIndex = Rc<Vec<YamlNode>>;

/// A mapping's scalar keys (the first of duplicates), with their key's byte range
/// and their value.
type MappingIndex = HashMap<String, (Option<TextPosition>, Option<YamlNode>)>;

impl<'a> Locator<'a> {
    /// Parses the text once.
    pub(super) fn new(text: &'a str) -> Self {
        let root = yaml_edit::Document::from_str(text).ok().and_then(|doc| {
            doc.as_mapping()
                .and_then(|m| m.as_node().cloned())
                .or_else(|| doc.as_sequence().and_then(|s| s.as_node().cloned()))
                .and_then(YamlNode::from_syntax)
        });
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            text,
            root,
            line_starts,
            mappings: RefCell::default(),
            sequences: RefCell::default(),
        }
    }

    /// The location of `pointer`: its key or value, or, when part of the path does
    /// not exist, the deepest part that does.
    pub(super) fn locate(&self, pointer: &str, target: Target) -> Option<Location> {
        let mut node = self.root.clone()?;
        let mut range = None;
        for token in tokens(pointer) {
            let next = match &node {
                YamlNode::Mapping(map) => self.entry(map, &token),
                YamlNode::Sequence(seq) => token
                    .parse()
                    .ok()
                    .and_then(|i| self.item(seq, i))
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

    /// The value and key range of `key` in `map`, from its index.
    fn entry(
        &self,
        map: &yaml_edit::Mapping,
        key: &str,
    ) -> Option<(Option<YamlNode>, Option<TextPosition>)> {
        let at = node_key(map.byte_range());
        let index = self
            .mappings
            .borrow_mut()
            .entry(at)
            .or_insert_with(|| {
                let mut index = MappingIndex::new();
                for entry in map.entries() {
                    let Some(YamlNode::Scalar(scalar)) = entry.key_node() else {
                        continue;
                    };
                    let key_range = entry.key_node().map(|k| k.byte_range());
                    index
                        .entry(scalar.as_string())
                        .or_insert((key_range, entry.value_node()));
                }
                Rc::new(index)
            })
            .clone();
        if let Some((key_range, value)) = index.get(key) {
            return Some((value.clone(), *key_range));
        }
        // A key that is not a plain scalar string (quoted oddly, tagged): the
        // mapping's own semantic lookup.
        map.find_entry_by_key(key).map(|entry| {
            let key = entry.key_node().map(|k| k.byte_range());
            (entry.value_node(), key)
        })
    }

    /// Item `i` of `seq`, from its index.
    fn item(&self, seq: &yaml_edit::Sequence, i: usize) -> Option<YamlNode> {
        let at = node_key(seq.byte_range());
        let items = self
            .sequences
            .borrow_mut()
            .entry(at)
            .or_insert_with(|| {
                let items: Vec<YamlNode> = seq.values().collect();
                (items.len() == seq.len()).then(|| Rc::new(items))
            })
            .clone();
        match items {
            Some(items) => items.get(i).cloned(),
            None => seq.get(i),
        }
    }

    fn location(&self, start: usize, end: usize) -> Location {
        // A node that runs to the end of the file takes the final newline with it; its
        // end would be column 1 of a line after the last one, outside the file (SARIF
        // consumers reject such regions), so it ends where the last line ends.
        let last = self.text.trim_end_matches(['\n', '\r']).len();
        let start = start.min(last);
        let end = end.max(start).min(last.max(start));
        let (line, column) = self.line_column(start);
        let (end_line, end_column) = self.line_column(end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The 1-based line and character column of a byte offset, by binary search
    /// over the line starts.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line.saturating_sub(1)];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

/// What identifies a node in the index: its byte range.
fn node_key(range: TextPosition) -> (u32, u32) {
    (range.start, range.end)
}

/// Locates one pointer (parses the text; use a [`Locator`] for many).
pub fn locate(text: &str, pointer: &str, target: Target) -> Option<Location> {
    Locator::new(text).locate(pointer, target)
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
