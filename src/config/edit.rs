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

/// Consecutive edits that add to one block collection at least this often are
/// written as one piece of text: `yaml-edit` rebuilds a collection's child list and
/// looks keys up one by one for each edit, so a 5,000-op patch took 21 s and a
/// 10,000-key merge patch 73 s (issue 14, item 6).
const BULK_MIN: usize = 32;

fn replay_yaml(text: &str, edits: &[Edit]) -> Result<String, PreserveError> {
    let mut doc =
        yaml_edit::Document::from_str(text).map_err(|e| unsupported(&[], e.to_string()))?;
    let mut index = KeyIndex::default();
    let mut i = 0;
    while i < edits.len() {
        if let Some((bulk, taken)) = bulk_addition(&doc, &mut index, &edits[i..]) {
            doc = bulk.apply(&doc)?;
            index = KeyIndex::default();
            i += taken;
            continue;
        }
        match &edits[i] {
            Edit::RemoveKey { parent, key } => {
                doc = remove_yaml_key(doc, parent, key)?;
                index = KeyIndex::default();
            }
            Edit::SetKey { parent, key, value } => {
                set_yaml_key(&doc, &mut index, parent, key, value)?;
            }
            edit => {
                apply_yaml(&doc, edit)?;
                index = KeyIndex::default();
            }
        }
        i += 1;
    }
    let mut out = tree_text(&doc.syntax().green());
    if text.ends_with('\n') && !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// The keys of the block mappings the replay has looked keys up in: whether a key
/// is new is then known without `yaml-edit` comparing it with every entry, which
/// is what lets runs of new keys be written in bulk. A node's identity (rowan's
/// green pointer and offset) changes when it is edited: after an edit only the
/// edited mapping's keys are kept (under its new identity), and the index is
/// dropped whenever the text is parsed anew.
#[derive(Default)]
struct KeyIndex {
    maps: std::collections::HashMap<
        rowan::SyntaxNode<yaml_edit::Lang>,
        std::collections::HashMap<String, Option<yaml_edit::MappingEntry>>,
    >,
}

/// What the index knows of a key of a mapping.
enum Known {
    /// The mapping has no such key.
    Absent,
    /// Its entry.
    Entry(yaml_edit::MappingEntry),
    /// Nothing: a flow mapping, a key that is not a plain string, or an entry
    /// added without a handle (the mapping is asked).
    Ask,
}

impl KeyIndex {
    fn entry(&mut self, map: &yaml_edit::Mapping, key: &str) -> Known {
        if map.is_flow_style() || !plain_key(key) {
            return Known::Ask;
        }
        let keys = self.maps.entry(map.syntax().clone()).or_insert_with(|| {
            let mut keys = std::collections::HashMap::new();
            for entry in map.entries() {
                // Only the key: a live handle on every entry of a large mapping
                // makes rowan slower at each node it creates among them.
                if let Some(YamlNode::Scalar(scalar)) = entry.key_node() {
                    keys.entry(scalar.as_string()).or_insert(None);
                }
            }
            keys
        });
        match keys.get(key) {
            None => Known::Absent,
            Some(Some(entry)) => Known::Entry(entry.clone()),
            Some(None) => Known::Ask,
        }
    }

    /// After `map` was edited (and `added`, when the edit added that key; its
    /// entry is then found by asking the mapping): keeps its keys alone, under its
    /// new identity.
    fn edited(
        &mut self,
        before: &rowan::SyntaxNode<yaml_edit::Lang>,
        map: &yaml_edit::Mapping,
        added: Option<&str>,
    ) {
        let kept = self.maps.remove(before);
        self.maps.clear();
        if let Some(mut keys) = kept {
            if let Some(key) = added {
                keys.insert(key.to_string(), None);
            }
            self.maps.insert(map.syntax().clone(), keys);
        }
    }
}

/// The mapping at `path`, its keys looked up through `index`.
fn indexed_mapping(
    doc: &yaml_edit::Document,
    index: &mut KeyIndex,
    path: &[Segment],
) -> Result<yaml_edit::Mapping, PreserveError> {
    let mut node = yaml_node(doc, &[])?;
    for (depth, segment) in path.iter().enumerate() {
        let here = &path[..=depth];
        node = match (segment, &node) {
            (Segment::Key(key), YamlNode::Mapping(map)) => match index.entry(map, key) {
                Known::Entry(entry) => entry.value_node(),
                Known::Absent => None,
                Known::Ask => map.get(key.as_str()),
            },
            (Segment::Index(i), YamlNode::Sequence(seq)) => seq.get(*i),
            _ => None,
        }
        .ok_or_else(|| unsupported(here, "not found in the YAML tree"))?;
    }
    match node {
        YamlNode::Mapping(map) => Ok(map),
        _ => Err(unsupported(path, "not a plain YAML mapping")),
    }
}

/// Sets `key` of the mapping at `parent`, as `apply_yaml` does, with the lookups
/// going through `index`.
fn set_yaml_key(
    doc: &yaml_edit::Document,
    index: &mut KeyIndex,
    parent: &[Segment],
    key: &str,
    value: &Value,
) -> Result<(), PreserveError> {
    let map = indexed_mapping(doc, index, parent)?;
    let node = yaml_value(value, map.is_flow_style())?;
    let before = map.syntax().clone();
    match index.entry(&map, key) {
        Known::Entry(entry) => {
            entry.set_value(node, false);
            index.edited(&before, &map, None);
        }
        Known::Absent => {
            map.set(yaml_key(key)?, node);
            index.edited(&before, &map, Some(key));
        }
        Known::Ask => {
            map.set(yaml_key(key)?, node);
            index.maps.clear();
        }
    }
    Ok(())
}

/// Many additions to one block mapping (new keys) or block sequence (appends),
/// written out together.
#[derive(Debug)]
enum Bulk<'a> {
    /// New keys of the mapping at `parent`, in order (a key set twice keeps its
    /// first place and its last value, as an edit of a key it added would).
    Keys {
        parent: &'a [Segment],
        members: serde_json::Map<String, Value>,
    },
    /// Elements appended to the sequence at `parent`.
    Items {
        parent: &'a [Segment],
        items: Vec<Value>,
    },
}

/// The run of at least [`BULK_MIN`] edits at the start of `edits` that add new keys
/// to one block mapping or append to one block sequence, and how many edits it
/// takes; `None` when the next edit is to be replayed on its own.
fn bulk_addition<'a>(
    doc: &yaml_edit::Document,
    index: &mut KeyIndex,
    edits: &'a [Edit],
) -> Option<(Bulk<'a>, usize)> {
    let run_parent = |edit: &'a Edit| match edit {
        Edit::SetKey { parent, .. } | Edit::Insert { parent, .. } => Some(parent.as_slice()),
        _ => None,
    };
    let parent = run_parent(edits.first()?)?;
    let same = edits
        .iter()
        .take_while(|e| {
            run_parent(e) == Some(parent)
                && std::mem::discriminant(*e) == std::mem::discriminant(&edits[0])
        })
        .count();
    if same < BULK_MIN {
        return None;
    }
    match (yaml_node(doc, parent).ok()?, &edits[0]) {
        (YamlNode::Mapping(map), Edit::SetKey { .. })
            if !map.is_flow_style() && map.entries().next().is_some() =>
        {
            let mut members = serde_json::Map::new();
            let mut taken = 0;
            for edit in &edits[..same] {
                let Edit::SetKey { key, value, .. } = edit else {
                    break;
                };
                // Only keys the mapping does not have yet (and can be asked about).
                if !matches!(index.entry(&map, key), Known::Absent) {
                    break;
                }
                members.insert(key.clone(), value.clone());
                taken += 1;
            }
            (taken >= BULK_MIN).then_some((Bulk::Keys { parent, members }, taken))
        }
        (YamlNode::Sequence(seq), Edit::Insert { .. }) if !seq.is_flow_style() => {
            let mut len = seq.len();
            if len == 0 {
                return None;
            }
            let mut items = Vec::new();
            for edit in &edits[..same] {
                match edit {
                    Edit::Insert { index, value, .. } if *index == len => {
                        items.push(value.clone());
                        len += 1;
                    }
                    _ => break,
                }
            }
            let taken = items.len();
            (taken >= BULK_MIN).then_some((Bulk::Items { parent, items }, taken))
        }
        _ => None,
    }
}

/// A key that a plain YAML scalar spells as itself, so that the set of existing
/// keys (compared as strings) decides whether it is new.
fn plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

impl Bulk<'_> {
    /// Writes the additions after the collection's last entry, at its indentation,
    /// and parses the text again.
    fn apply(&self, doc: &yaml_edit::Document) -> Result<yaml_edit::Document, PreserveError> {
        let (parent, range, block) = match self {
            Bulk::Keys { parent, members } => {
                let map = yaml_mapping(doc, parent)?;
                (
                    parent,
                    map.byte_range(),
                    yaml_text(&Value::Object(members.clone()))?,
                )
            }
            Bulk::Items { parent, items } => {
                let seq = yaml_sequence(doc, parent)?;
                (
                    parent,
                    seq.byte_range(),
                    yaml_text(&Value::Array(items.clone()))?,
                )
            }
        };
        let text = tree_text(&doc.syntax().green());
        let (start, end) = (range.start as usize, range.end as usize);
        let line_start = text
            .get(..start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let indent = text.get(line_start..start).unwrap_or_default();
        if !indent.chars().all(|c| c == ' ') {
            return Err(unsupported(
                parent,
                "the collection does not start its own line",
            ));
        }
        let mut added = String::with_capacity(block.len() * 2);
        for line in block.lines() {
            added.push_str(indent);
            added.push_str(line);
            added.push('\n');
        }
        let mut out = String::with_capacity(text.len() + added.len() + 1);
        let head = text.get(..end).unwrap_or(&text);
        out.push_str(head);
        if head.ends_with('\n') {
            out.push_str(&added);
        } else {
            out.push('\n');
            out.push_str(added.trim_end_matches('\n'));
        }
        out.push_str(text.get(end..).unwrap_or_default());
        yaml_edit::Document::from_str(&out).map_err(|e| unsupported(parent, e.to_string()))
    }
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
            map.set(yaml_key(key)?, node);
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
        yaml_text(value)?
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

/// A value as block YAML text.
fn yaml_text(value: &Value) -> Result<String, PreserveError> {
    Ok(super::kratos_yaml::to_block_yaml(value))
}

/// A key as `yaml-edit` should write it: quoted where a YAML 1.1 reader would
/// take it for a boolean or null (`on:` is `true:` to Kratos).
fn yaml_key(key: &str) -> Result<YamlNode, PreserveError> {
    let text = super::kratos_yaml::string_scalar(key);
    let doc = yaml_edit::Document::from_str(&text).map_err(|e| unsupported(&[], e.to_string()))?;
    doc.as_scalar()
        .and_then(|s| s.as_node().cloned())
        .and_then(YamlNode::from_syntax)
        .ok_or_else(|| unsupported(&[], format!("cannot write the key `{key}` as YAML")))
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
