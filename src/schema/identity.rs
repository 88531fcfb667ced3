//! Validation of identity documents (the Kratos `createIdentityBody`): their shape,
//! and their traits against the identity schema named by `schema_id`.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::diagnostics::{SchemaKind, load_diagnostic, schema_error_diagnostics};
use super::identity_model::IdentityModel;
use crate::config::model::SchemaRef;
use crate::config::{Format, parse_value, read_text};
use crate::diag::{Code, Diagnostic, Report, file_name};

/// Top-level keys of an identity document.
const IDENTITY_KEYS: &[&str] = &[
    "schema_id",
    "traits",
    "state",
    "metadata_public",
    "metadata_admin",
    "verifiable_addresses",
    "recovery_addresses",
    "external_id",
    "credentials",
    "organization_id",
    "id",
];

/// Compiled identity schemas by id, shared by every document.
#[derive(Debug, Default)]
pub struct IdentitySchemas {
    by_id: BTreeMap<String, CompiledSchema>,
    /// Used for every document, whatever its `schema_id` (`--schema FILE`).
    only: Option<CompiledSchema>,
}

/// A schema as written, its validator, and its model: the engine reads the
/// `ory.sh/kratos` extension and the form hints from the model only.
#[derive(Debug)]
pub struct CompiledSchema {
    /// The schema document.
    pub raw: Value,
    /// The traits validator, with Kratos' formats.
    pub validator: jsonschema::Validator,
    /// The traits and their extension, `$ref`s followed.
    pub model: IdentityModel,
}

/// Why a schema could not be compiled for identity validation.
#[derive(Debug, thiserror::Error)]
#[error("identity schema `{id}`: {message}")]
pub struct SchemaLoadError {
    /// The schema id or file.
    pub id: String,
    /// What went wrong.
    pub message: String,
}

impl IdentitySchemas {
    /// The schemas a config lists, read relative to its directory.
    pub fn from_config(config: &Value, base: &Path) -> Result<IdentitySchemas, SchemaLoadError> {
        let entries = config
            .pointer("/identity/schemas")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|entry| {
                let field = |key| entry.get(key).and_then(Value::as_str).unwrap_or_default();
                (field("id"), field("url"))
            });
        IdentitySchemas::from_entries(entries, base)
    }

    /// The schemas of a typed `identity.schemas`, read relative to `base`.
    pub fn from_refs(refs: &[SchemaRef], base: &Path) -> Result<IdentitySchemas, SchemaLoadError> {
        IdentitySchemas::from_entries(refs.iter().map(|r| (r.id.as_str(), r.url.as_str())), base)
    }

    fn from_entries<'a>(
        entries: impl Iterator<Item = (&'a str, &'a str)>,
        base: &Path,
    ) -> Result<IdentitySchemas, SchemaLoadError> {
        let mut schemas = IdentitySchemas::default();
        for (id, url) in entries {
            let id = id.to_string();
            let text =
                crate::config::source::read_source(url, base).map_err(|e| SchemaLoadError {
                    id: id.clone(),
                    message: e.to_string(),
                })?;
            let compiled = compile(&text, Path::new(url)).map_err(|message| SchemaLoadError {
                id: id.clone(),
                message,
            })?;
            schemas.by_id.insert(id, compiled);
        }
        Ok(schemas)
    }

    /// One schema file used for every document.
    pub fn from_file(path: &Path) -> Result<IdentitySchemas, SchemaLoadError> {
        let err = |message: String| SchemaLoadError {
            id: crate::config::display(path),
            message,
        };
        let text = read_text(path).map_err(|e| err(e.to_string()))?;
        Ok(IdentitySchemas {
            only: Some(compile(&text, path).map_err(err)?),
            ..IdentitySchemas::default()
        })
    }

    /// The schema `id`; with `--schema FILE`, that one schema whatever the id.
    pub fn get(&self, id: &str) -> Option<&CompiledSchema> {
        self.only.as_ref().or_else(|| self.by_id.get(id))
    }

    /// Every schema of the config by id, in id order (`GET /schemas`).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &CompiledSchema)> {
        self.by_id.iter().map(|(id, schema)| (id.as_str(), schema))
    }

    /// The ids of the schemas, for messages.
    fn ids(&self) -> Vec<&str> {
        self.by_id.keys().map(String::as_str).collect()
    }
}

/// Compiles an identity schema with Kratos' formats (`tel` by libphonenumber
/// rules, `no-validate` always valid) and reads its model. A `$ref` the model
/// cannot follow refuses the schema, as `validate identity-schema` does.
fn compile(text: &str, path: &Path) -> Result<CompiledSchema, String> {
    let format = Format::from_extension(path).unwrap_or(Format::Json);
    let raw = parse_value(path, format, text).map_err(|e| e.to_string())?;
    CompiledSchema::new(raw)
}

impl CompiledSchema {
    /// Compiles a parsed identity schema; see [`compile`].
    pub fn new(raw: Value) -> Result<CompiledSchema, String> {
        if !raw.is_object() && !raw.is_boolean() {
            // The file may be anything a config pointed at: it is not quoted.
            return Err(format!(
                "not a valid JSON Schema: a schema is a mapping (or a boolean), found {}",
                crate::config::kind_name(&raw)
            ));
        }
        let validator = jsonschema::draft7::options()
            .should_validate_formats(true)
            .with_format("tel", is_phone_number)
            .with_format("no-validate", |_: &str| true)
            .build(&raw)
            .map_err(|e| {
                format!(
                    "not a valid JSON Schema: {}",
                    super::diagnostics::excerpted_error(&e)
                )
            })?;
        let model = IdentityModel::parse(&raw);
        if let Some(problem) = model.problems.first() {
            return Err(problem.to_string());
        }
        Ok(CompiledSchema {
            raw,
            validator,
            model,
        })
    }
}

/// Kratos' `tel` format: an international number (with `+` and country code) that
/// libphonenumber considers valid.
pub fn is_phone_number(value: &str) -> bool {
    super::phone::is_valid(value)
}

/// Validates one identity document file.
pub fn validate_file(path: &Path, schemas: &IdentitySchemas) -> Report {
    let name = file_name(path);
    let mut report = Report {
        files: vec![name.clone()],
        ..Report::default()
    };
    let text = match read_text(path) {
        Ok(text) => text,
        Err(e) => {
            report
                .diagnostics
                .push(load_diagnostic(&e, &name, Code::IdentitySyntax));
            return report;
        }
    };
    let format = Format::detect(path, &text);
    match parse_value(path, format, &text) {
        Ok(doc) => report.diagnostics = check(doc, &name, schemas),
        Err(e) => report
            .diagnostics
            .push(load_diagnostic(&e, &name, Code::IdentitySyntax)),
    }
    // The text is kept only to point diagnostics at their lines: a batch of valid
    // documents would otherwise hold every file in memory until the end.
    if !report.diagnostics.is_empty() {
        report.sources.add(&name, text);
        report.locate_all();
    }
    report
}

/// Every problem of a parsed identity document. The document is taken by value so
/// that its traits move into the checked subject instead of being copied.
pub fn check(doc: Value, name: &str, schemas: &IdentitySchemas) -> Vec<Diagnostic> {
    let mut map = match doc {
        Value::Object(map) => map,
        other => {
            return vec![Diagnostic::new(
                Code::IdentitySyntax,
                name,
                "",
                format!(
                    "an identity must be a mapping, found {}",
                    crate::config::kind_name(&other)
                ),
            )];
        }
    };
    let mut diags = Vec::new();
    for key in map.keys().filter(|k| !IDENTITY_KEYS.contains(&k.as_str())) {
        let names: Vec<String> = IDENTITY_KEYS.iter().map(|k| k.to_string()).collect();
        let mut diag = Diagnostic::new(
            Code::IdentityUnknownKey,
            name,
            format!("/{key}"),
            format!("`{key}` is not a key of an identity"),
        );
        if let Some(best) = crate::config::patch::closest(key, &names) {
            diag.help = Some(format!("did you mean `{best}`?"));
        }
        diags.push(diag);
    }
    let validator = match (&schemas.only, map.get("schema_id")) {
        (Some(only), _) => &only.validator,
        (None, None) => {
            diags.push(Diagnostic::new(
                Code::IdentityMissingSchemaId,
                name,
                "",
                "the identity has no `schema_id`",
            ));
            return diags;
        }
        (None, Some(id)) => match id.as_str().and_then(|id| schemas.by_id.get(id)) {
            Some(compiled) => &compiled.validator,
            None => {
                diags.push(
                    Diagnostic::new(
                        Code::IdentityUnknownSchema,
                        name,
                        "/schema_id",
                        format!("there is no identity schema {id}"),
                    )
                    .with_help(format!(
                        "the config's schemas are: {}",
                        schemas.ids().join(", ")
                    )),
                );
                return diags;
            }
        },
    };
    // The identity schema describes `{"traits": …}`; other keys of the document are
    // not part of it.
    let mut subject = serde_json::Map::new();
    subject.insert(
        "traits".to_string(),
        map.remove("traits").unwrap_or(Value::Null),
    );
    let subject = Value::Object(subject);
    // Most documents are valid: the allocation-free check first, the errors only if any.
    if !validator.is_valid(&subject) {
        diags.extend(
            validator
                .iter_errors(&subject)
                .flat_map(|e| schema_error_diagnostics(&e, name, SchemaKind::Identity)),
        );
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_follow_libphonenumber() {
        assert!(is_phone_number("+4915112345678"));
        assert!(is_phone_number("+16453331111"));
        assert!(!is_phone_number("12345"));
        assert!(!is_phone_number("0151 1234567"));
        assert!(!is_phone_number("+1 555"));
        assert!(!is_phone_number("call me"));
    }

    #[test]
    fn schemas_are_kept_raw_beside_their_validators() {
        let text = crate::project::Preset::Email.identity_schema();
        let config = serde_json::json!({"identity": {"schemas": [
            {"id": "email", "url": crate::config::source::encode_base64(text)}
        ]}});
        let schemas = IdentitySchemas::from_config(&config, Path::new(".")).expect("compiles");
        let compiled = schemas.get("email").expect("known id");
        let (raw, validator) = (&compiled.raw, &compiled.validator);
        assert_eq!(raw, &serde_json::from_str::<Value>(text).expect("json"));
        assert!(validator.is_valid(&serde_json::json!({"traits": {"email": "a@example.com"}})));
        assert!(!validator.is_valid(&serde_json::json!({"traits": {"email": "nope"}})));
        assert!(schemas.get("other").is_none());
    }
}
