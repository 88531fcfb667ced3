//! Patches: parsed from `--add/--replace/--remove` flags and `--file` documents
//! (RFC 6902 arrays or RFC 7396 merge patches), applied all-or-nothing.

use std::path::Path;

use json_patch::{PatchErrorKind, PatchOperation};
use serde_json::{Value, json};

use super::edit::{Edit, Segment};
use super::{Format, LoadError, kind_name};

/// One operation and where it came from (`--add '/x=1'`, `patch.yaml op #2`), for messages.
#[derive(Debug, Clone)]
pub struct Op {
    /// The RFC 6902 operation.
    pub operation: PatchOperation,
    /// Where the user wrote it.
    pub origin: String,
}

/// A flag or file that could not be turned into operations.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// `--add`/`--replace` without `=`.
    #[error("{flag} '{arg}': patches must be in the form `/some/config/key=<JSON value>`")]
    MissingEquals {
        /// `--add` or `--replace`.
        flag: &'static str,
        /// The whole argument.
        arg: String,
    },
    /// The value after `=` is not strict JSON.
    #[error("{flag} '{arg}': {problem}")]
    InvalidJson {
        /// `--add` or `--replace`.
        flag: &'static str,
        /// The whole argument.
        arg: String,
        /// The value that did not parse, what the parser said, and what to write instead.
        problem: String,
    },
    /// The path is not a JSON pointer.
    #[error("{origin}: `{path}` is not a JSON pointer: it must be empty or start with `/`")]
    BadPointer {
        /// Where it was written.
        origin: String,
        /// The path.
        path: String,
    },
    /// A `--file` could not be read or parsed.
    #[error(transparent)]
    File(#[from] LoadError),
    /// An item of a patch (or a flag) is not an RFC 6902 operation.
    #[error("{origin}: not an RFC 6902 operation: {message}")]
    Operation {
        /// Where it was written (`--add '/x=1'`, `` `p.json` op #1 ``).
        origin: String,
        /// What the parser said.
        message: String,
    },
    /// A `--file` parsed but is neither an RFC 6902 array nor a merge-patch object.
    #[error("`{file}`: {message}")]
    Shape {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// An operation that does not apply to the document; nothing was changed.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct ApplyError {
    /// Where the failing operation was written.
    pub origin: String,
    /// What failed, with a hint where one helps.
    pub message: String,
}

/// Parses `--add` (or `--replace`, per `flag`): `/path=<strict JSON>`, split at the first `=`.
pub fn parse_assignment(flag: &'static str, arg: &str) -> Result<Op, SyntaxError> {
    let (path, raw) = arg
        .split_once('=')
        .ok_or_else(|| SyntaxError::MissingEquals {
            flag,
            arg: arg.to_string(),
        })?;
    let origin = format!("{flag} '{arg}'");
    check_pointer(&origin, path)?;
    let value: Value = serde_json::from_str(raw).map_err(|e| SyntaxError::InvalidJson {
        flag,
        arg: arg.to_string(),
        problem: format!(
            "the value `{raw}` for `{path}` must be valid JSON ({e}); {}",
            json_hint(path, raw)
        ),
    })?;
    let name = flag.trim_start_matches('-');
    Ok(Op {
        operation: operation(json!({"op": name, "path": path, "value": value}), &origin)?,
        origin,
    })
}

/// What to write instead of a value that is not JSON: JSON's literals are
/// lower-case (`True` is Python's, `TRUE` YAML's), anything else is a string.
fn json_hint(path: &str, raw: &str) -> String {
    let literal = ["true", "false", "null"]
        .into_iter()
        .find(|literal| raw.trim().eq_ignore_ascii_case(literal));
    match literal {
        Some(literal) => format!("did you mean `{literal}`? '{path}={literal}'"),
        None => format!("quote strings: '{path}=\"text\"'"),
    }
}

/// Parses `--remove /path`.
pub fn parse_removal(arg: &str) -> Result<Op, SyntaxError> {
    let origin = format!("--remove '{arg}'");
    check_pointer(&origin, arg)?;
    Ok(Op {
        operation: operation(json!({"op": "remove", "path": arg}), &origin)?,
        origin,
    })
}

/// Reads a `--file` patch: an RFC 6902 array, or an RFC 7396 merge-patch object that is
/// turned into the equivalent operations against `target` (the document as patched so far).
pub fn load_file(path: &Path, target: &Value) -> Result<Vec<Op>, SyntaxError> {
    let text = super::read_text(path)?;
    let format = Format::detect(path, &text);
    let value = super::parse_value(path, format, &text)?;
    file_ops(path, value, target)
}

/// The operations of a patch file already read and parsed (`value`), named by
/// `path` in messages; see [`load_file`].
pub fn file_ops(path: &Path, value: Value, target: &Value) -> Result<Vec<Op>, SyntaxError> {
    let file = super::display(path);
    match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let origin = format!("`{file}` op #{}", i + 1);
                Ok(Op {
                    operation: operation(item, &origin)?,
                    origin,
                })
            })
            .collect(),
        Value::Object(_) => Ok(merge_patch_ops(target, &value, "")
            .into_iter()
            .map(|operation| Op {
                origin: format!("`{file}` (merge patch) at `{}`", op_path(&operation)),
                operation,
            })
            .collect()),
        other => Err(SyntaxError::Shape {
            file,
            message: format!(
                "a patch file must hold an RFC 6902 array of operations or a merge-patch mapping, found {}",
                kind_name(&other)
            ),
        }),
    }
}

fn check_pointer(origin: &str, path: &str) -> Result<(), SyntaxError> {
    if path.is_empty() || path.starts_with('/') {
        Ok(())
    } else {
        Err(SyntaxError::BadPointer {
            origin: origin.to_string(),
            path: path.to_string(),
        })
    }
}

fn operation(value: Value, origin: &str) -> Result<PatchOperation, SyntaxError> {
    serde_json::from_value(value).map_err(|e| SyntaxError::Operation {
        origin: origin.to_string(),
        message: e.to_string(),
    })
}

/// The operations that do what merging `patch` into `target` does (RFC 7396):
/// `null` removes a member, objects merge member by member, anything else replaces.
pub fn merge_patch_ops(target: &Value, patch: &Value, prefix: &str) -> Vec<PatchOperation> {
    let (Some(members), Some(existing)) = (patch.as_object(), target.as_object()) else {
        let mut value = Value::Null;
        json_patch::merge(&mut value, patch);
        return vec![PatchOperation::Replace(json_patch::ReplaceOperation {
            path: pointer_buf(prefix),
            value,
        })];
    };
    let mut ops = Vec::new();
    for (key, value) in members {
        let path = format!("{prefix}/{}", escape(key));
        match (value, existing.get(key)) {
            (Value::Null, Some(_)) => {
                ops.push(PatchOperation::Remove(json_patch::RemoveOperation {
                    path: pointer_buf(&path),
                }))
            }
            (Value::Null, None) => {}
            (Value::Object(_), Some(current @ Value::Object(_))) => {
                ops.extend(merge_patch_ops(current, value, &path));
            }
            _ => {
                let mut merged = Value::Null;
                json_patch::merge(&mut merged, value);
                ops.push(PatchOperation::Add(json_patch::AddOperation {
                    path: pointer_buf(&path),
                    value: merged,
                }));
            }
        }
    }
    ops
}

fn pointer_buf(path: &str) -> jsonptr::PointerBuf {
    jsonptr::PointerBuf::parse(path).unwrap_or_default()
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn op_path(op: &PatchOperation) -> String {
    match op {
        PatchOperation::Add(o) => o.path.to_string(),
        PatchOperation::Remove(o) => o.path.to_string(),
        PatchOperation::Replace(o) => o.path.to_string(),
        PatchOperation::Move(o) => o.path.to_string(),
        PatchOperation::Copy(o) => o.path.to_string(),
        PatchOperation::Test(o) => o.path.to_string(),
    }
}

/// The outcome of a patch: the new value and the edits that turn the old text into it.
#[derive(Debug)]
pub struct Applied {
    /// The patched document.
    pub value: Value,
    /// The same change as primitive edits, for replay on the source text.
    pub edits: Vec<Edit>,
    /// The values that an `add` replaced (an add to an existing key replaces it).
    pub replaced: Vec<Replaced>,
}

/// A value an `add` operation replaced, which a user may not have meant to lose.
#[derive(Debug)]
pub struct Replaced {
    /// Where the operation was written.
    pub origin: String,
    /// The pointer it added at.
    pub path: String,
    /// The value that was there before.
    pub old: Value,
    /// The value there now.
    pub new: Value,
}

/// Applies the operations in order to a copy of `doc`. Each operation is applied by
/// `json-patch`; on the first failure the error names it and nothing is returned.
pub fn apply(doc: &Value, ops: &[Op]) -> Result<Applied, ApplyError> {
    let mut state = doc.clone();
    let mut edits = Vec::new();
    let mut replaced = Vec::new();
    for op in ops {
        let planned = edits_for(&op.operation, &state);
        replaced.extend(replaced_by_add(op, &state));
        let moved = match &op.operation {
            PatchOperation::Move(o) if o.from != o.path => state.pointer(o.from.as_str()).cloned(),
            _ => None,
        };
        if let Err(e) = json_patch::patch(&mut state, std::slice::from_ref(&op.operation)) {
            return Err(ApplyError {
                origin: op.origin.clone(),
                message: explain(&op.operation, &e.kind, &state),
            });
        }
        // Planning reads the state before the op; it succeeds whenever the op did.
        edits.extend(planned.unwrap_or_default());
        if let (PatchOperation::Move(o), Some(value)) = (&op.operation, moved) {
            // The addition half of a move is planned on the state after it, which
            // differs from the state after the removal only by the added value
            // (cloning the document per move made move-heavy patches quadratic).
            edits.extend(add_edit_after(&state, &o.path, value));
        }
    }
    Ok(Applied {
        value: state,
        edits,
        replaced,
    })
}

/// The value an `add` is about to replace: an existing key of an object, or the
/// whole document (an add into an array inserts, replacing nothing).
fn replaced_by_add(op: &Op, state: &Value) -> Option<Replaced> {
    let PatchOperation::Add(add) = &op.operation else {
        return None;
    };
    let old = state.pointer(add.path.as_str())?;
    let parent_is_array = add
        .path
        .parent()
        .and_then(|parent| state.pointer(parent.as_str()))
        .is_some_and(Value::is_array);
    (!parent_is_array && *old != add.value).then(|| Replaced {
        origin: op.origin.clone(),
        path: add.path.to_string(),
        old: old.clone(),
        new: add.value.clone(),
    })
}

/// The primitive edits one operation makes to `state`, or `None` if it cannot apply.
fn edits_for(op: &PatchOperation, state: &Value) -> Option<Vec<Edit>> {
    Some(match op {
        PatchOperation::Add(o) => vec![add_edit(state, &o.path, o.value.clone())?],
        PatchOperation::Replace(o) => {
            let (parent, last) = split(state, &o.path)?;
            vec![match last {
                None => Edit::Root(o.value.clone()),
                Some(last) => Edit::from_parts(parent, last, o.value.clone()),
            }]
        }
        PatchOperation::Remove(o) => vec![remove_edit(state, &o.path)?],
        PatchOperation::Move(o) => {
            if o.from == o.path {
                return Some(Vec::new());
            }
            // The addition follows in `apply`, once the move is done.
            vec![remove_edit(state, &o.from)?]
        }
        PatchOperation::Copy(o) => {
            let value = state.pointer(o.from.as_str())?.clone();
            vec![add_edit(state, &o.path, value)?]
        }
        PatchOperation::Test(_) => Vec::new(),
    })
}

fn add_edit(state: &Value, path: &jsonptr::Pointer, value: Value) -> Option<Edit> {
    let (parent, last) = split(state, path)?;
    Some(match last {
        None => Edit::Root(value),
        Some(Segment::Key(key)) => Edit::SetKey { parent, key, value },
        Some(Segment::Index(index)) => Edit::Insert {
            parent,
            index,
            value,
        },
    })
}

/// The edit that added `value` at `path`, planned on the state after the addition:
/// an array's `-` is then its last index, not its length.
fn add_edit_after(state: &Value, path: &jsonptr::Pointer, value: Value) -> Option<Edit> {
    let appended = path.tokens().last().is_some_and(|t| t.decoded() == "-");
    match add_edit(state, path, value)? {
        Edit::Insert {
            parent,
            index,
            value,
        } if appended => Some(Edit::Insert {
            parent,
            index: index.checked_sub(1)?,
            value,
        }),
        edit => Some(edit),
    }
}

fn remove_edit(state: &Value, path: &jsonptr::Pointer) -> Option<Edit> {
    match split(state, path)? {
        (parent, Some(Segment::Key(key))) => Some(Edit::RemoveKey { parent, key }),
        (parent, Some(Segment::Index(index))) => Some(Edit::RemoveIndex { parent, index }),
        (_, None) => None,
    }
}

/// Resolves a pointer against `state` into the parent's segments and the last one.
/// Array tokens become indices (`-` is the length), so the edit needs no further lookup.
fn split(state: &Value, path: &jsonptr::Pointer) -> Option<(Vec<Segment>, Option<Segment>)> {
    let mut node = state;
    let mut segments = Vec::new();
    for token in path.tokens() {
        let token = token.decoded().into_owned();
        let segment = match node {
            Value::Array(items) if token == "-" => Segment::Index(items.len()),
            Value::Array(_) => Segment::Index(token.parse().ok()?),
            _ => Segment::Key(token),
        };
        if let Some(next) = step(node, &segment) {
            node = next;
        }
        segments.push(segment);
    }
    let last = segments.pop();
    Some((segments, last))
}

fn step<'a>(node: &'a Value, segment: &Segment) -> Option<&'a Value> {
    match segment {
        Segment::Key(key) => node.get(key.as_str()),
        Segment::Index(i) => node.get(*i),
    }
}

/// A one-line explanation of a failed operation, naming the nearest existing key.
fn explain(op: &PatchOperation, kind: &PatchErrorKind, state: &Value) -> String {
    match (op, kind) {
        (PatchOperation::Test(t), PatchErrorKind::TestFailed) => {
            match state.pointer(t.path.as_str()) {
                Some(actual) => format!("test failed: `{}` is {actual}, not {}", t.path, t.value),
                None => format!("test failed: `{}` does not exist", t.path),
            }
        }
        (PatchOperation::Move(o), PatchErrorKind::CannotMoveInsideItself) => {
            format!("cannot move `{}` into itself (`{}`)", o.from, o.path)
        }
        (PatchOperation::Move(o), PatchErrorKind::InvalidFromPointer) => {
            format!(
                "cannot move from `{}`: {}",
                o.from,
                missing(state, &o.from, Intent::Read)
            )
        }
        (PatchOperation::Copy(o), PatchErrorKind::InvalidFromPointer) => {
            format!(
                "cannot copy from `{}`: {}",
                o.from,
                missing(state, &o.from, Intent::Read)
            )
        }
        _ => {
            let path = jsonptr::PointerBuf::parse(op_path(op)).unwrap_or_default();
            let intent = match op {
                PatchOperation::Add(_) | PatchOperation::Move(_) | PatchOperation::Copy(_) => {
                    Intent::Add
                }
                PatchOperation::Replace(_) => Intent::Replace,
                _ => Intent::Read,
            };
            format!(
                "cannot {} `{path}`: {}",
                op_name(op),
                missing(state, &path, intent)
            )
        }
    }
}

fn op_name(op: &PatchOperation) -> &'static str {
    match op {
        PatchOperation::Add(_) => "add",
        PatchOperation::Remove(_) => "remove",
        PatchOperation::Replace(_) => "replace",
        PatchOperation::Move(_) => "move to",
        PatchOperation::Copy(_) => "copy to",
        PatchOperation::Test(_) => "test",
    }
}

/// Why a pointer does not resolve in `state`, naming the nearest existing key.
pub fn describe_missing(state: &Value, pointer: &str) -> String {
    match jsonptr::PointerBuf::parse(pointer) {
        Ok(path) => missing(state, &path, Intent::Read),
        Err(e) => format!("not a JSON pointer: {e}"),
    }
}

/// What an operation wanted of the path that did not resolve.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Intent {
    /// To read it (remove, test, the source of a move or copy, `get`).
    Read,
    /// To add it: the last step may be missing.
    Add,
    /// To replace it: a missing last key is what `--add` is for.
    Replace,
}

/// Why `path` does not resolve in `state`: the first step that fails, what exists
/// there instead, and the closest key by edit distance. An add may create the
/// last step; a replace of a missing last key is told to use `--add`.
fn missing(state: &Value, path: &jsonptr::Pointer, intent: Intent) -> String {
    let tokens: Vec<String> = path.tokens().map(|t| t.decoded().into_owned()).collect();
    let mut node = state;
    let mut here = String::new();
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        let shown = if here.is_empty() {
            "the document root".to_string()
        } else {
            format!("`{here}`")
        };
        match node {
            Value::Object(map) => match map.get(token) {
                Some(next) => node = next,
                None if intent == Intent::Add && last => {
                    return format!("{shown} exists but this key cannot be added");
                }
                None => {
                    let noun = if last { "key" } else { "parent" };
                    let mut message = format!("{noun} `{here}/{token}` does not exist");
                    let creatable = intent == Intent::Replace && last;
                    if creatable {
                        message.push_str("; use --add to create it");
                    }
                    if let Some(best) = closest(token, map.keys()) {
                        let or = if creatable { ", or" } else { ";" };
                        message.push_str(&format!("{or} did you mean `{here}/{best}`?"));
                    } else if map.is_empty() {
                        message.push_str(&format!("; {shown} is empty"));
                    } else {
                        let keys: Vec<&str> = map.keys().map(String::as_str).take(8).collect();
                        message.push_str(&format!("; {shown} has keys: {}", keys.join(", ")));
                    }
                    return message;
                }
            },
            Value::Array(items) => {
                let index = match token.parse::<usize>() {
                    Ok(index) => index,
                    Err(_) if token == "-" => {
                        return format!("`-` (past the end of {shown}) can only be added to");
                    }
                    Err(_) => return format!("{shown} is an array and `{token}` is not an index"),
                };
                match items.get(index) {
                    Some(next) => node = next,
                    None => {
                        let count = items.len();
                        let plural = if count == 1 { "" } else { "s" };
                        return format!(
                            "index {index} is out of range: {shown} has {count} item{plural}"
                        );
                    }
                }
            }
            other => return format!("{shown} is {}, which has no `{token}`", kind_name(other)),
        }
        here.push('/');
        here.push_str(&escape(token));
    }
    "the path does not resolve".to_string()
}

/// The key most like `wanted`, if one is close enough to be a likely typo.
pub fn closest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a String>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        json!({"selfservice": {"methods": {"code": {"enabled": true}}}, "list": [1, 2]})
    }

    #[test]
    fn a_bad_file_operation_names_its_file_and_index_without_a_stray_backtick() {
        let error = file_ops(
            Path::new("p.json"),
            json!([{"op": "frobnicate", "path": "/x"}]),
            &doc(),
        )
        .expect_err("not an operation");
        let text = error.to_string();
        assert!(
            text.starts_with("`p.json` op #1: not an RFC 6902 operation"),
            "{text}"
        );
        assert!(!text.contains("op #1`"), "{text}");
    }

    #[test]
    fn value_is_split_at_the_first_equals_sign() {
        let op = parse_assignment("--add", "/x=\"a=b\"").map(|o| o.operation);
        assert!(matches!(op, Ok(PatchOperation::Add(a)) if a.value == json!("a=b")));
    }

    #[test]
    fn bare_words_are_not_json() {
        let err = parse_assignment("--add", "/x=text")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("must be valid JSON"), "{err}");
    }

    #[test]
    fn missing_parent_names_the_nearest_key() {
        let ops = vec![parse_assignment("--add", "/selfservice/method/code/x=1").expect("parses")];
        let err = apply(&doc(), &ops)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("did you mean `/selfservice/methods`"), "{err}");
    }

    #[test]
    fn index_out_of_range_says_how_many_items_there_are() {
        let ops = vec![parse_assignment("--replace", "/list/5=0").expect("parses")];
        let err = apply(&doc(), &ops)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("index 5 is out of range: `/list` has 2 items"),
            "{err}"
        );
    }

    #[test]
    fn merge_patch_becomes_operations() {
        let patch = json!({"selfservice": {"methods": {"code": {"enabled": null, "x": 1}}}, "new": {"a": null, "b": 2}});
        let ops = merge_patch_ops(&doc(), &patch, "");
        let mut expected = doc();
        json_patch::merge(&mut expected, &patch);
        let mut got = doc();
        assert!(json_patch::patch(&mut got, &ops).is_ok());
        assert_eq!(got, expected);
    }
}
