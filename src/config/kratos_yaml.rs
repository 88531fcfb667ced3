//! YAML as Kratos' Go stack reads it: a key given twice in one mapping is an error
//! (go-yaml refuses the file; serde keeps the last value silently), and strings
//! that YAML 1.1 takes for booleans or null (`yes`, `no`, `on`, `off`, `y`, `n`,
//! `~`) must be written quoted, or Kratos reads `true` where we meant `"on"`.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::Value;

/// A key given twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The key.
    pub key: String,
    /// The JSON pointer of the member.
    pub pointer: String,
    /// 1-based line and column of the first occurrence.
    pub first: (usize, usize),
    /// 1-based line and column of the second.
    pub second: (usize, usize),
}

/// What the scan knows about one open collection.
enum Frame {
    Mapping {
        /// Scalar keys seen so far, with where they were.
        keys: HashMap<String, (usize, usize)>,
        /// The next node is a key.
        want_key: bool,
        /// The key whose value is being read (for pointers), if a scalar.
        current: Option<String>,
        /// This mapping is itself a key of its parent.
        is_key: bool,
    },
    Sequence {
        index: usize,
        is_key: bool,
    },
}

/// More anchors than this are refused before the document is built: no Kratos
/// config needs more than a handful, and 200,000 of them took seconds to resolve.
pub const MAX_ANCHORS: usize = 1000;

/// What the scan found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A key given twice.
    Duplicate(DuplicateKey),
    /// More than [`MAX_ANCHORS`] anchors; the line and column of the one too many.
    TooManyAnchors((usize, usize)),
}

/// The first key given twice in a mapping of `text`, or `None` (also when the text
/// does not parse: the parser that reads it reports that). `<<` merge keys may repeat.
pub fn first_duplicate_key(text: &str) -> Option<DuplicateKey> {
    match scan(text) {
        Some(Problem::Duplicate(dup)) => Some(dup),
        _ => None,
    }
}

/// The first problem of `text` as Kratos' reader sees it: a key given twice, or
/// too many anchors. `None` also when the text does not parse.
pub fn scan(text: &str) -> Option<Problem> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let at = (span.start.line(), span.start.col() + 1);
        let anchor = match &event {
            Event::Scalar(_, _, id, _)
            | Event::SequenceStart(id, _)
            | Event::MappingStart(id, _) => *id,
            _ => 0,
        };
        if anchor > 0 {
            anchors += 1;
            if anchors > MAX_ANCHORS {
                return Some(Problem::TooManyAnchors(at));
            }
        }
        match event {
            Event::DocumentStart(_) => stack.clear(),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_key = matches!(stack.last(), Some(Frame::Mapping { want_key: true, .. }));
                stack.push(match event {
                    Event::MappingStart(..) => Frame::Mapping {
                        keys: HashMap::new(),
                        want_key: true,
                        current: None,
                        is_key,
                    },
                    _ => Frame::Sequence { index: 0, is_key },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let is_key = match stack.pop() {
                    Some(Frame::Mapping { is_key, .. } | Frame::Sequence { is_key, .. }) => is_key,
                    None => false,
                };
                node_done(&mut stack, is_key.then_some(None));
            }
            Event::Scalar(value, style, ..) => {
                if let Some(Frame::Mapping {
                    keys,
                    want_key: true,
                    ..
                }) = stack.last_mut()
                {
                    let plain_merge = style == ScalarStyle::Plain && value == "<<";
                    if !plain_merge {
                        if let Some(&first) = keys.get(value.as_ref()) {
                            let pointer = format!("{}/{}", pointer(&stack), escape(&value));
                            return Some(Problem::Duplicate(DuplicateKey {
                                key: value.into_owned(),
                                pointer,
                                first,
                                second: at,
                            }));
                        }
                        keys.insert(value.to_string(), at);
                    }
                    node_done(&mut stack, Some(Some(value.into_owned())));
                } else {
                    node_done(&mut stack, None);
                }
            }
            Event::Alias(_) => {
                let as_key = matches!(stack.last(), Some(Frame::Mapping { want_key: true, .. }));
                node_done(&mut stack, as_key.then_some(None));
            }
            _ => {}
        }
    }
    None
}

/// A node just ended inside the top frame: `Some(key)` when it was a key (with its
/// text when it is a scalar), `None` when it was a value or an item.
fn node_done(stack: &mut [Frame], key: Option<Option<String>>) {
    match stack.last_mut() {
        Some(Frame::Mapping {
            want_key, current, ..
        }) => match key {
            Some(key) => {
                *want_key = false;
                *current = key;
            }
            None => {
                *want_key = true;
                *current = None;
            }
        },
        Some(Frame::Sequence { index, .. }) => *index += 1,
        None => {}
    }
}

/// The pointer of the mapping at the top of the stack.
fn pointer(stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in &stack[..stack.len().saturating_sub(1)] {
        out.push('/');
        match frame {
            Frame::Mapping { current, .. } => {
                out.push_str(&escape(current.as_deref().unwrap_or("")))
            }
            Frame::Sequence { index, .. } => out.push_str(&index.to_string()),
        }
    }
    out
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Whether a plain scalar with this text means a boolean or null to a YAML 1.1
/// reader (go-yaml v2, which Kratos' config loader goes through) but a string
/// under YAML 1.2: such a string must be quoted.
pub fn yaml11_special(text: &str) -> bool {
    matches!(
        text,
        "y" | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "~"
            | "null"
            | "Null"
            | "NULL"
            | ""
    )
}

/// A string as a YAML scalar both YAML 1.1 and 1.2 read back as that string:
/// plain where that is safe, single-quoted where a 1.1 reader would take it for a
/// boolean or null, double-quoted (JSON) when it spans lines.
pub fn string_scalar(s: &str) -> String {
    let text = serde_yaml::to_string(s).unwrap_or_default();
    let text = text.strip_suffix('\n').unwrap_or(&text);
    if text.contains('\n') || text.is_empty() {
        return serde_json::to_string(s).unwrap_or_default();
    }
    if !text.starts_with(['\'', '"']) && yaml11_special(text) {
        return format!("'{}'", text.replace('\'', "''"));
    }
    text.to_string()
}

/// A value as block YAML, each line ending in a newline, with every string written
/// by [`string_scalar`] (keys included).
pub fn to_block_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => block_mapping(map, 0, &mut out),
        Value::Array(items) if !items.is_empty() => block_sequence(items, 0, &mut out),
        other => {
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
    out
}

/// A scalar or an empty collection on one line.
fn inline(value: &Value) -> String {
    match value {
        Value::String(s) => string_scalar(s),
        Value::Object(_) => "{}".to_string(),
        Value::Array(_) => "[]".to_string(),
        other => other.to_string(),
    }
}

fn is_block(value: &Value) -> bool {
    matches!(value, Value::Object(m) if !m.is_empty())
        || matches!(value, Value::Array(a) if !a.is_empty())
}

fn block_mapping(map: &serde_json::Map<String, Value>, indent: usize, out: &mut String) {
    for (i, (key, value)) in map.iter().enumerate() {
        // The first member of a mapping inside a sequence item shares the `- ` line.
        if i > 0 || !out.ends_with("- ") {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&string_scalar(key));
        out.push(':');
        match value {
            Value::Object(inner) if !inner.is_empty() => {
                out.push('\n');
                block_mapping(inner, indent + 2, out);
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                block_sequence(items, indent, out);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

fn block_sequence(items: &[Value], indent: usize, out: &mut String) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            Value::Object(map) if is_block(item) => block_mapping(map, indent + 2, out),
            Value::Array(inner) if is_block(item) => {
                out.push('\n');
                block_sequence(inner, indent + 2, out);
            }
            other => {
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_key_given_twice_is_found_at_both_places() {
        let text = "version: v1\nsession:\n  lifespan: 1h\n  cookie: {}\n  lifespan: 2h\n";
        let dup = first_duplicate_key(text).expect("duplicate");
        assert_eq!(dup.key, "lifespan");
        assert_eq!(dup.pointer, "/session/lifespan");
        assert_eq!((dup.first, dup.second), ((3, 3), (5, 3)));
        let flow = "a: [{x: 1, y: 2, x: 3}]\n";
        let dup = first_duplicate_key(flow).expect("duplicate");
        assert_eq!(dup.pointer, "/a/0/x");
        assert_eq!(
            first_duplicate_key("a: {x: 1}\nb: {x: 1}\nc: [x, x]\n"),
            None
        );
        assert_eq!(
            first_duplicate_key("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n"),
            None
        );
        // Quoting does not make another key.
        assert!(first_duplicate_key("'a': 1\na: 2\n").is_some());
    }

    #[test]
    fn more_anchors_than_any_config_needs_are_refused() {
        let many: String = (0..=MAX_ANCHORS)
            .map(|i| format!("- &a{i} {i}\n"))
            .collect();
        assert_eq!(
            scan(&format!("x:\n{many}")),
            Some(Problem::TooManyAnchors((MAX_ANCHORS + 2, 3)))
        );
        let few: String = (0..10).map(|i| format!("k{i}: &a{i} {i}\n")).collect();
        assert_eq!(scan(&few), None);
    }

    #[test]
    fn yaml_1_1_booleans_and_null_are_quoted() {
        for word in ["yes", "No", "on", "OFF", "y", "n", "~", "true", "null", ""] {
            let text = string_scalar(word);
            assert!(text.starts_with(['\'', '"']), "{word}: {text}");
            let back: Value = serde_yaml::from_str(&text).expect("parses");
            assert_eq!(back, json!(word));
        }
        assert_eq!(string_scalar("plain"), "plain");
        assert_eq!(string_scalar("it's"), "it's");
        let value =
            json!({"on": "yes", "list": ["n", {"y": "off", "k": [1, "~"]}], "e": {}, "m": "a\nb"});
        let text = to_block_yaml(&value);
        assert!(text.contains("'on': 'yes'"), "{text}");
        let back: Value = serde_yaml::from_str(&text).expect("parses");
        assert_eq!(back, value, "{text}");
    }
}

/// Whether the text may hold more than [`MAX_ANCHORS`] anchors: every anchor is
/// written with `&`, so fewer `&`s rule it out without parsing.
pub fn may_have_too_many_anchors(text: &str) -> bool {
    text.bytes().filter(|&b| b == b'&').count() > MAX_ANCHORS
}

/// A JSON value read from YAML that refuses a key given twice in one mapping,
/// so the one parse that builds the value also finds duplicates; [`scan`] is
/// run only after such a refusal, to name both places.
#[derive(Debug)]
pub struct StrictValue(pub Value);

/// The marker of the refusal, recognised in the parser's error message.
pub const DUPLICATE_MARKER: &str = "duplicate mapping key";

impl<'de> serde::Deserialize<'de> for StrictValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

/// A map key as `serde_json::Value` reads one: a string.
struct Key(String);

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Key)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        <StrictValue as serde::Deserialize>::deserialize(d).map(|v| v.0)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(Key(key)) = map.next_key()? {
            let StrictValue(value) = map.next_value()?;
            if object.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "{DUPLICATE_MARKER} `{key}`"
                )));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}
