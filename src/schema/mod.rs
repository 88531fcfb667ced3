//! The JSON Schemas otpctl ships, and checks of documents against them.

pub mod config;
pub mod identity;
pub mod identity_schema;
pub mod phone;
pub mod sms;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use crate::diag::{Code, Diagnostic};
pub use config::SchemaKind;
pub use sms::turns_sms_on;

/// The schema of the identity config keys otpctl understands (types, enums, patterns).
pub const CONFIG_SCHEMA: &str = include_str!("config.schema.json");

/// The config schema as a value (for printing it and for did-you-mean lookups).
pub fn config_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    // Compiled into the binary and checked by a unit test.
    SCHEMA.get_or_init(|| serde_json::from_str(CONFIG_SCHEMA).unwrap_or(Value::Bool(true)))
}

/// The config schema, compiled into Rust at build time: nothing is compiled when a
/// config is checked, which matters for a tool that runs once per edit.
///
/// The schema's four `pattern`s (`^https?://`, `^smtps?://`, durations) are matched
/// against a handful of short strings per run, and building a regex costs far more
/// than matching one here. So they are built without a lazy DFA (`dfa_size_limit =
/// 0`: no DFA set-up, and the NFA engines left are as quick on strings this short),
/// and are written without redundant parts (Kratos' `^smtps?://.*` is `^smtps?://`
/// for an unanchored match, and compiling `.*` is most of that regex's cost).
#[jsonschema::validator(
    path = "src/schema/config.schema.json",
    draft = Draft7,
    validate_formats = true,
    pattern_options = { engine = regex, dfa_size_limit = 0 }
)]
pub(crate) struct ConfigValidator;

pub(crate) fn meta_validator() -> jsonschema::meta::MetaValidator<'static> {
    jsonschema::draft7::meta::validator()
}

/// Turns one JSON Schema error into diagnostics with our codes; an
/// `additionalProperties` error becomes one diagnostic per unknown key.
pub(crate) fn schema_error_diagnostics(
    error: &jsonschema::ValidationError<'_>,
    file: &str,
    kind: SchemaKind,
) -> Vec<Diagnostic> {
    let pointer = error.instance_path().to_string();
    let config = kind == SchemaKind::Config;
    let pick = |config_code: Code| {
        if config {
            config_code
        } else {
            Code::IdentityInvalidTraits
        }
    };
    let diag = |code: Code, message: String| Diagnostic::new(code, file, pointer.clone(), message);
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = if config {
                allowed_keys(&error.schema_path().to_string())
            } else {
                Vec::new()
            };
            unexpected
                .iter()
                .map(|key| {
                    let mut d = Diagnostic::new(
                        pick(Code::ConfigUnknownKey),
                        file,
                        format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1")),
                        format!("unknown key `{key}`"),
                    );
                    d.help = crate::config::patch::closest(key, &allowed)
                        .map(|best| format!("did you mean `{best}`?"))
                        .or_else(|| {
                            (!allowed.is_empty()).then(|| {
                                format!("the keys allowed here are: {}", allowed.join(", "))
                            })
                        });
                    d
                })
                .collect()
        }
        ValidationErrorKind::Required { property } => {
            vec![diag(
                pick(Code::ConfigMissingKey),
                format!("missing required key {property}"),
            )]
        }
        ValidationErrorKind::Type { .. } => {
            vec![diag(pick(Code::ConfigWrongType), error.to_string())]
        }
        ValidationErrorKind::Enum { .. } | ValidationErrorKind::Constant { .. } => {
            vec![diag(pick(Code::ConfigInvalidValue), error.to_string())]
        }
        ValidationErrorKind::Pattern { pattern } if pattern.contains("(ns|us|ms|s|m|h)") => {
            vec![diag(
                pick(Code::ConfigInvalidDuration),
                format!(
                    "{} is not a duration like `1h30m` (whole numbers with ns, us, ms, s, m or h)",
                    error.instance()
                ),
            )]
        }
        ValidationErrorKind::Pattern { pattern } => vec![diag(
            pick(Code::ConfigInvalidUri),
            format!("{} must match `{pattern}`", error.instance()),
        )],
        ValidationErrorKind::Format { format } if !config => {
            let code = match format.as_str() {
                "email" => Code::IdentityInvalidEmail,
                "tel" => Code::IdentityInvalidPhone,
                _ => Code::IdentityInvalidTraits,
            };
            let what = match format.as_str() {
                "tel" => {
                    "an international phone number (E.164, with + and country code)".to_string()
                }
                "email" => "an email address".to_string(),
                other => format!("a valid `{other}`"),
            };
            vec![diag(code, format!("{} is not {what}", error.instance()))]
        }
        ValidationErrorKind::Format { .. } => {
            vec![diag(Code::ConfigInvalidValue, error.to_string())]
        }
        ValidationErrorKind::Minimum { .. }
        | ValidationErrorKind::Maximum { .. }
        | ValidationErrorKind::ExclusiveMinimum { .. }
        | ValidationErrorKind::ExclusiveMaximum { .. }
        | ValidationErrorKind::MinLength { .. }
        | ValidationErrorKind::MaxLength { .. }
        | ValidationErrorKind::MinItems { .. }
        | ValidationErrorKind::MaxItems { .. } => {
            vec![diag(pick(Code::ConfigOutOfRange), error.to_string())]
        }
        _ => vec![diag(pick(Code::ConfigSchemaViolation), error.to_string())],
    }
}

/// The property names the config schema allows where an `additionalProperties`
/// keyword at `schema_path` failed (following `$ref`s).
fn allowed_keys(schema_path: &str) -> Vec<String> {
    let root = config_schema();
    let mut node = root;
    let tokens: Vec<String> = crate::diag::tokens(schema_path).collect();
    for token in tokens.iter().take(tokens.len().saturating_sub(1)) {
        if token == "$ref" {
            let target = node.get("$ref").and_then(Value::as_str).unwrap_or_default();
            node = root
                .pointer(target.trim_start_matches('#'))
                .unwrap_or(&Value::Null);
        } else {
            node = match node {
                Value::Object(map) => map.get(token.as_str()),
                Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            }
            .unwrap_or(&Value::Null);
        }
    }
    node.get("properties")
        .and_then(Value::as_object)
        .map(|props| props.keys().cloned().collect())
        .unwrap_or_default()
}

/// Maps `f` over `items` on every core, keeping the order of the results; `done`
/// is called after each item (for a progress bar).
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    done: impl Fn() + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len())
        .max(1);
    if workers == 1 {
        return items
            .iter()
            .map(|item| {
                let result = f(item);
                done();
                result
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                        done();
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_config_schema_compiles() {
        let schema: Value = serde_json::from_str(CONFIG_SCHEMA).expect("schema is JSON");
        assert!(jsonschema::draft7::new(&schema).is_ok());
    }

    #[test]
    fn unknown_keys_get_a_did_you_mean() {
        let config = json!({"courier": {"smpt": {}}});
        let diags: Vec<Diagnostic> = ConfigValidator::iter_errors(&config)
            .flat_map(|e| schema_error_diagnostics(&e, "k.yml", SchemaKind::Config))
            .collect();
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::ConfigUnknownKey);
        assert_eq!(diags[0].pointer, "/courier/smpt");
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `smtp`?"));
    }

    #[test]
    fn par_map_keeps_order() {
        let items: Vec<usize> = (0..100).collect();
        assert_eq!(
            par_map(&items, |i| i * 2, || {}),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
    }
}
