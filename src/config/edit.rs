//! Primitive edits, and their replay on a document's own text so that comments,
//! key order, blank lines and quoting survive.
//!
//! A patch is first applied to a plain value by `json-patch` (the truth). The same
//! patch, as a list of [`Edit`]s, is then replayed on the source: on the lossless YAML
//! tree of `yaml-edit`, or on the order-keeping JSON value. The replayed text is parsed
//! again and must equal the truth, or nothing is written.

use std::str::FromStr;

use rowan::ast::AstNode;
use serde_json::Value;
use yaml_edit::{AsYaml, YamlNode};

use super::{Document, Format, to_json_indented};

/// One step of a JSON pointer: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// A change to one place of a document, with the parent's path resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set object member `key` under `parent` (added at the end if new).
    SetKey {
        /// The object's path.
        parent: Vec<Segment>,
        /// The member.
        key: String,
        /// The new value.
        value: Value,
    },
    /// Insert an element into the array at `parent`, before `index`.
    Insert {
        /// The array's path.
        parent: Vec<Segment>,
        /// Where it goes (`len` appends).
        index: usize,
        /// The new element.
        value: Value,
    },
    /// Replace array element `index` under `parent`.
    SetIndex {
        /// The array's path.
        parent: Vec<Segment>,
        /// The element.
        index: usize,
        /// The new value.
        value: Value,
    },
    /// Remove object member `key` under `parent`.
    RemoveKey {
        /// The object's path.
        parent: Vec<Segment>,
        /// The member.
        key: String,
    },
    /// Remove array element `index` under `parent`.
    RemoveIndex {
        /// The array's path.
        parent: Vec<Segment>,
        /// The element.
        index: usize,
    },
    /// Replace the whole document.
    Root(Value),
}

impl Edit {
    /// Sets the member or element `last` of `parent` to `value`.
    pub fn from_parts(parent: Vec<Segment>, last: Segment, value: Value) -> Edit {
        match last {
            Segment::Key(key) => Edit::SetKey { parent, key, value },
            Segment::Index(index) => Edit::SetIndex {
                parent,
                index,
                value,
            },
        }
    }
}

/// Why the edits could not be replayed on the source text.
#[derive(Debug, thiserror::Error)]
pub enum PreserveError {
    /// A step of the replay did not find the node it expected.
    #[error("cannot edit `{path}` in place: {reason}")]
    Unsupported {
        /// The pointer of the node.
        path: String,
        /// What stood in the way.
        reason: String,
    },
    /// The replayed text parses to something else than the patch result.
    #[error(
        "editing `{file}` in place would not give the patched config (YAML anchors, tags or flow style in the way?)"
    )]
    Diverged {
        /// The file.
        file: String,
    },
}

/// Applies `edits` to a document's text so that everything untouched stays as it
/// was, and returns the new text. `expected` is the result the text must parse to.
pub fn render_edits(
    doc: &Document,
    edits: &[Edit],
    expected: &Value,
) -> Result<String, PreserveError> {
    let text = match doc.format {
        Format::Yaml => replay_yaml(&doc.text, edits)?,
        Format::Json => replay_json(&doc.text, &doc.value, edits)?,
    };
    let reparsed = super::parse_value(&doc.path, doc.format, &text).ok();
    if reparsed.as_ref() != Some(expected) {
        return Err(PreserveError::Diverged {
            file: super::display(&doc.path),
        });
    }
    Ok(text)
}

fn pointer(path: &[Segment]) -> String {
    path.iter()
        .map(|s| match s {
            Segment::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Segment::Index(i) => format!("/{i}"),
        })
        .collect()
}

fn unsupported(path: &[Segment], reason: impl Into<String>) -> PreserveError {
    PreserveError::Unsupported {
        path: pointer(path),
        reason: reason.into(),
    }
}

// ---- YAML -------------------------------------------------------------------------

fn replay_yaml(text: &str, edits: &[Edit]) -> Result<String, PreserveError> {
    let mut doc =
        yaml_edit::Document::from_str(text).map_err(|e| unsupported(&[], e.to_string()))?;
    for edit in edits {
        match edit {
            Edit::RemoveKey { parent, key } => doc = remove_yaml_key(doc, parent, key)?,
            _ => apply_yaml(&doc, edit)?,
        }
    }
    let mut out = tree_text(&doc.syntax().green());
    if text.ends_with('\n') && !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// The text of a lossless tree, read from its green nodes (the immutable tree
/// that edits rebuild up to the root). The same text as the node's `Display`, which
/// goes through rowan's cursors and costs an offset computation per token.
fn tree_text(root: &rowan::GreenNodeData) -> String {
    let mut out = String::with_capacity(u32::from(root.text_len()) as usize);
    // Depth-first with an explicit stack: no recursion, however deep the tree.
    let mut stack = vec![root.children()];
    while let Some(children) = stack.last_mut() {
        match children.next() {
            Some(rowan::NodeOrToken::Node(node)) => stack.push(node.children()),
            Some(rowan::NodeOrToken::Token(token)) => out.push_str(token.text()),
            None => {
                stack.pop();
            }
        }
    }
    out
}

fn apply_yaml(doc: &yaml_edit::Document, edit: &Edit) -> Result<(), PreserveError> {
    match edit {
        Edit::Root(_) => Err(unsupported(&[], "the whole document is replaced")),
        Edit::SetKey { parent, key, value } => {
            let map = yaml_mapping(doc, parent)?;
            let node = yaml_value(value, map.is_flow_style())?;
            map.set(key.as_str(), node);
            Ok(())
        }
        Edit::RemoveKey { parent, key } => {
            let map = yaml_mapping(doc, parent)?;
            map.remove(key.as_str())
                .map(|_| ())
                .ok_or_else(|| unsupported(parent, format!("no key `{key}`")))
        }
        Edit::Insert {
            parent,
            index,
            value,
        } => {
            let seq = yaml_sequence(doc, parent)?;
            let node = yaml_value(value, seq.is_flow_style())?;
            if *index >= seq.len() {
                seq.push(node);
            } else {
                seq.insert(*index, node);
            }
            Ok(())
        }
        Edit::SetIndex {
            parent,
            index,
            value,
        } => {
            let seq = yaml_sequence(doc, parent)?;
            let node = yaml_value(value, seq.is_flow_style())?;
            if seq.set(*index, node) {
                Ok(())
            } else {
                Err(unsupported(parent, format!("no element {index}")))
            }
        }
        Edit::RemoveIndex { parent, index } => {
            let seq = yaml_sequence(doc, parent)?;
            seq.remove(*index)
                .map(|_| ())
                .ok_or_else(|| unsupported(parent, format!("no element {index}")))
        }
    }
}

/// Removes a key so that the text reads as if it had never been there, blank lines
/// included. `yaml-edit` takes the blank lines before an entry only when more of its
/// mapping follows; the last entry of a nested mapping leaves them, and the blank
/// line after it (which belongs to the parent) then makes a double one. So the blank
/// run where the entry was is cut back to what the file had without it: none under
/// a parent key or at the end of the file, else the longer of the runs that stood
/// before and after the entry. Only blank lines go; comments stay where they were.
fn remove_yaml_key(
    doc: yaml_edit::Document,
    parent: &[Segment],
    key: &str,
) -> Result<yaml_edit::Document, PreserveError> {
    let map = yaml_mapping(&doc, parent)?;
    let entry = map
        .find_entry_by_key(key)
        .ok_or_else(|| unsupported(parent, format!("no key `{key}`")))?;
    let range = entry.syntax().text_range();
    let first = map
        .entries()
        .next()
        .is_some_and(|e| e.syntax().text_range() == range);
    let before = tree_text(&doc.syntax().green());
    let (start, end) = (usize::from(range.start()), usize::from(range.end()));
    let runs = BlankRuns::around(&before, start, end);
    apply_yaml(
        &doc,
        &Edit::RemoveKey {
            parent: parent.to_vec(),
            key: key.to_string(),
        },
    )?;
    let after = tree_text(&doc.syntax().green());
    let keep = if first {
        runs.before
    } else if runs.at_end {
        runs.after
    } else {
        runs.before.max(runs.after)
    };
    match cut_blank_run(&before, &after, keep) {
        Some(text) => {
            yaml_edit::Document::from_str(&text).map_err(|e| unsupported(parent, e.to_string()))
        }
        None => Ok(doc),
    }
}

/// The blank lines right before and right after a byte range of a text.
struct BlankRuns {
    before: usize,
    after: usize,
    /// Nothing but blank lines follows the range.
    at_end: bool,
}

impl BlankRuns {
    fn around(text: &str, start: usize, end: usize) -> BlankRuns {
        let head = text.get(..start).unwrap_or_default();
        // The entry's own line (its indentation) is not a blank line before it.
        let head = &head[..head.rfind('\n').map_or(0, |i| i + 1)];
        let before = head
            .lines()
            .rev()
            .take_while(|l| l.trim().is_empty())
            .count();
        let tail = text.get(end..).unwrap_or_default();
        // An entry ends with its line break; one that does not ends mid-line.
        let tail = if text.get(..end).is_some_and(|t| t.ends_with('\n')) {
            tail
        } else {
            tail.find('\n').map_or("", |i| &tail[i + 1..])
        };
        let after = tail.lines().take_while(|l| l.trim().is_empty()).count();
        BlankRuns {
            before,
            after,
            at_end: tail.trim().is_empty(),
        }
    }
}

/// Cuts the blank-line run where `after` departs from `before` down to `keep`
/// lines, or `None` when it is no longer than that.
fn cut_blank_run(before: &str, after: &str, keep: usize) -> Option<String> {
    let common = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    // The line the texts part on, and the run of blank lines around it.
    let lines: Vec<&str> = after.split_inclusive('\n').collect();
    let mut offset = 0;
    let mut here = lines.len();
    for (i, line) in lines.iter().enumerate() {
        if offset + line.len() > common {
            here = i;
            break;
        }
        offset += line.len();
    }
    let blank = |i: usize| lines.get(i).is_some_and(|l| l.trim().is_empty());
    let mut first = here;
    while first > 0 && blank(first - 1) {
        first -= 1;
    }
    let mut last = here;
    while blank(last) {
        last += 1;
    }
    let run = last - first;
    if run <= keep {
        return None;
    }
    let mut out = String::with_capacity(after.len());
    for (i, line) in lines.iter().enumerate() {
        if !(first..first + run - keep).contains(&i) {
            out.push_str(line);
        }
    }
    Some(out)
}

/// The YAML node at `path`, walking from the document root.
fn yaml_node(doc: &yaml_edit::Document, path: &[Segment]) -> Result<YamlNode, PreserveError> {
    let root = doc
        .as_mapping()
        .and_then(|m| m.as_node().cloned())
        .or_else(|| doc.as_sequence().and_then(|s| s.as_node().cloned()))
        .and_then(YamlNode::from_syntax)
        .ok_or_else(|| unsupported(&[], "the document root is not a collection"))?;
    let mut node = root;
    for (depth, segment) in path.iter().enumerate() {
        let here = &path[..=depth];
        node = match (segment, &node) {
            (Segment::Key(key), YamlNode::Mapping(map)) => map.get(key.as_str()),
            (Segment::Index(i), YamlNode::Sequence(seq)) => seq.get(*i),
            _ => None,
        }
        .ok_or_else(|| unsupported(here, "not found in the YAML tree"))?;
    }
    Ok(node)
}

fn yaml_mapping(
    doc: &yaml_edit::Document,
    path: &[Segment],
) -> Result<yaml_edit::Mapping, PreserveError> {
    match yaml_node(doc, path)? {
        YamlNode::Mapping(map) => Ok(map),
        _ => Err(unsupported(path, "not a plain YAML mapping")),
    }
}

fn yaml_sequence(
    doc: &yaml_edit::Document,
    path: &[Segment],
) -> Result<yaml_edit::Sequence, PreserveError> {
    match yaml_node(doc, path)? {
        YamlNode::Sequence(seq) => Ok(seq),
        _ => Err(unsupported(path, "not a plain YAML sequence")),
    }
}

/// A new YAML node for a value: block style, or JSON (which is YAML flow style)
/// where the parent is written in flow style.
fn yaml_value(value: &Value, flow: bool) -> Result<YamlNode, PreserveError> {
    let text = if flow || is_empty_collection(value) {
        value.to_string()
    } else {
        serde_yaml::to_string(value).map_err(|e| unsupported(&[], e.to_string()))?
    };
    let doc = yaml_edit::Document::from_str(&text).map_err(|e| unsupported(&[], e.to_string()))?;
    let node = doc
        .as_mapping()
        .and_then(|m| m.as_node().cloned())
        .or_else(|| doc.as_sequence().and_then(|s| s.as_node().cloned()))
        .or_else(|| doc.as_scalar().and_then(|s| s.as_node().cloned()))
        .and_then(YamlNode::from_syntax);
    node.ok_or_else(|| unsupported(&[], format!("cannot write {value} as YAML")))
}

fn is_empty_collection(value: &Value) -> bool {
    matches!(value, Value::Array(a) if a.is_empty())
        || matches!(value, Value::Object(o) if o.is_empty())
}

// ---- JSON -------------------------------------------------------------------------

fn replay_json(text: &str, original: &Value, edits: &[Edit]) -> Result<String, PreserveError> {
    let mut value = original.clone();
    for edit in edits {
        apply_json(&mut value, edit)?;
    }
    let mut out = to_json_indented(&value, &json_indent(text));
    if !text.ends_with('\n') {
        out.pop();
    }
    Ok(out)
}

/// Applies one edit to an order-keeping value: new keys go last, removed keys leave
/// the others where they were (`shift_remove`, where `json-patch` swaps).
pub fn apply_json(root: &mut Value, edit: &Edit) -> Result<(), PreserveError> {
    let (parent, result) = match edit {
        Edit::Root(value) => {
            *root = value.clone();
            return Ok(());
        }
        Edit::SetKey { parent, key, value } => (
            parent,
            json_node(root, parent)?
                .as_object_mut()
                .map(|map| {
                    map.insert(key.clone(), value.clone());
                })
                .ok_or("not an object"),
        ),
        Edit::RemoveKey { parent, key } => (
            parent,
            json_node(root, parent)?
                .as_object_mut()
                .and_then(|map| map.shift_remove(key))
                .map(drop)
                .ok_or("no such key"),
        ),
        Edit::Insert {
            parent,
            index,
            value,
        } => (
            parent,
            json_node(root, parent)?
                .as_array_mut()
                .filter(|items| *index <= items.len())
                .map(|items| items.insert(*index, value.clone()))
                .ok_or("index out of range"),
        ),
        Edit::SetIndex {
            parent,
            index,
            value,
        } => (
            parent,
            json_node(root, parent)?
                .as_array_mut()
                .and_then(|items| items.get_mut(*index))
                .map(|slot| *slot = value.clone())
                .ok_or("index out of range"),
        ),
        Edit::RemoveIndex { parent, index } => (
            parent,
            json_node(root, parent)?
                .as_array_mut()
                .filter(|items| *index < items.len())
                .map(|items| drop(items.remove(*index)))
                .ok_or("index out of range"),
        ),
    };
    result.map_err(|reason| unsupported(parent, reason))
}

fn json_node<'a>(root: &'a mut Value, path: &[Segment]) -> Result<&'a mut Value, PreserveError> {
    let mut node = root;
    for (depth, segment) in path.iter().enumerate() {
        node = match segment {
            Segment::Key(key) => node.get_mut(key.as_str()),
            Segment::Index(i) => node.get_mut(*i),
        }
        .ok_or_else(|| unsupported(&path[..=depth], "not found"))?;
    }
    Ok(node)
}

/// The indentation a JSON text uses: the leading white space of its first indented line.
fn json_indent(text: &str) -> String {
    text.lines()
        .map(|line| &line[..line.len() - line.trim_start().len()])
        .find(|indent| !indent.is_empty())
        .unwrap_or("  ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_text_is_the_edited_text() {
        let text = "# head\na: 1 # one\nb:\n  - x # item\n\nc: {d: 2}\n";
        let doc = yaml_edit::Document::from_str(text).expect("parses");
        let edit = Edit::SetKey {
            parent: vec![],
            key: "a".into(),
            value: serde_json::json!(2),
        };
        assert!(apply_yaml(&doc, &edit).is_ok());
        let got = tree_text(&doc.syntax().green());
        assert_eq!(got, doc.to_string());
        assert!(got.contains("a: 2 # one"), "{got}");
    }

    #[test]
    fn json_indent_is_detected() {
        assert_eq!(json_indent("{\n    \"a\": 1\n}"), "    ");
        assert_eq!(json_indent("{\n\t\"a\": 1\n}"), "\t");
        assert_eq!(json_indent("{\"a\": 1}"), "  ");
    }

    #[test]
    fn removing_a_json_key_keeps_the_order_of_the_others() {
        let mut value: Value = serde_json::from_str(r#"{"a":1,"b":2,"c":3}"#).unwrap_or_default();
        let edit = Edit::RemoveKey {
            parent: vec![],
            key: "a".into(),
        };
        assert!(apply_json(&mut value, &edit).is_ok());
        assert_eq!(value.to_string(), r#"{"b":2,"c":3}"#);
    }
}
