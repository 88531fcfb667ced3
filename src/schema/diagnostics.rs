//! Diagnostics shared by the schema checks: JSON Schema errors turned into our
//! codes, and files that cannot be loaded.

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::shipped::config_schema;
use crate::config::LoadError;
use crate::diag::{Code, Diagnostic, Location};

/// Which checks a schema error comes from (decides the diagnostic codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// The config schema.
    Config,
    /// An identity schema, checking an identity's traits.
    Identity,
}

/// At most the first line of `text`, cut at 80 characters: all that a diagnostic
/// quotes of a file that is not what it should be (it may be any file a config
/// pointed at, a `.env` with secrets on its later lines).
pub fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let line = line.split("\\n").next().unwrap_or_default();
    match line.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None if line.len() < text.trim_end().len() => format!("{line}…"),
        None => line.to_string(),
    }
}

/// A JSON Schema error's message with the value it quotes cut to an [`excerpt`].
pub fn excerpted_error(error: &jsonschema::ValidationError<'_>) -> String {
    let message = error.to_string();
    let instance = error.instance().to_string();
    let short = excerpt(&instance);
    if short == instance {
        message
    } else {
        message.replace(&instance, &short)
    }
}

/// The diagnostic for a file that could not be loaded: unreadable, or a syntax error
/// (reported as `syntax`) at the parser's line and column.
/// The diagnostics of a file that could not be loaded: one, or for a key given
/// twice one at each place.
pub fn load_diagnostics(error: &LoadError, file: &str, syntax: Code) -> Vec<Diagnostic> {
    let diag = load_diagnostic(error, file, syntax);
    match error {
        LoadError::DuplicateKey { first, key, .. } => {
            let (line, column) = *first;
            let mut earlier = diag.clone();
            earlier.location = Some(Location {
                line,
                column,
                end_line: line,
                end_column: column + key.chars().count().max(1),
            });
            vec![earlier, diag]
        }
        _ => vec![diag],
    }
}

/// The diagnostic of a file that could not be loaded (for a key given twice, at
/// its second place).
pub fn load_diagnostic(error: &LoadError, file: &str, syntax: Code) -> Diagnostic {
    let message = error.to_string();
    // The message names the file already; the diagnostic shows it on its own line.
    // An unreadable file keeps its name in the message: it is the point.
    let message = match error {
        LoadError::Read { .. } | LoadError::TooLarge { .. } | LoadError::NotText { .. } => message,
        _ => message.replacen(&format!("`{file}` "), "", 1),
    };
    match error {
        LoadError::Syntax { line, column, .. } if *line > 0 => {
            Diagnostic::new(syntax, file, "", message).at(Some(Location {
                line: *line,
                column: *column,
                end_line: *line,
                end_column: column + 1,
            }))
        }
        LoadError::DuplicateKey {
            key,
            pointer,
            second,
            ..
        } => {
            let at = |(line, column): (usize, usize)| Location {
                line,
                column,
                end_line: line,
                end_column: column + key.chars().count().max(1),
            };
            Diagnostic::new(Code::DuplicateKey, file, pointer.clone(), message)
                .at(Some(at(*second)))
        }
        LoadError::Syntax { .. }
        | LoadError::Empty { .. }
        | LoadError::NotAMapping { .. }
        | LoadError::TooDeep { .. } => Diagnostic::new(syntax, file, "", message),
        LoadError::Read { .. } | LoadError::TooLarge { .. } | LoadError::NotText { .. } => {
            Diagnostic::new(Code::FileUnreadable, file, "", message)
        }
    }
}

/// Turns one JSON Schema error into diagnostics with our codes; an
/// `additionalProperties` error becomes one diagnostic per unknown key.
pub fn schema_error_diagnostics(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::shipped::ConfigValidator;
    use serde_json::json;

    #[test]
    fn an_excerpt_is_the_first_line_cut_at_80_characters() {
        assert_eq!(excerpt("short"), "short");
        assert_eq!(excerpt("A=1\nSECRET=2\n"), "A=1…");
        assert_eq!(excerpt("\"A=1\\nSECRET=2\""), "\"A=1…");
        let long = "x".repeat(100);
        assert_eq!(excerpt(&long), format!("{}…", "x".repeat(80)));
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
}
