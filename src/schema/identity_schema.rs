//! Validation of identity schemas: draft-07 meta-validation and every rule of the
//! `ory.sh/kratos` extension.

use std::path::Path;

use serde_json::{Map, Value};

use super::meta_validator;
use crate::config::{Format, parse_value, read_text};
use crate::diag::{Code, Diagnostic, Report, file_name};

/// What the config cross-checks need to know about a schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaFacts {
    /// Pointers of the traits that are code identifiers.
    pub code_identifiers: Vec<String>,
    /// Whether any trait gets codes, verification or recovery by SMS.
    pub uses_sms: bool,
}

/// A validated identity schema: its diagnostics and, if it parsed, its facts.
#[derive(Debug, Default)]
pub struct Checked {
    /// What was found (sources and files included).
    pub report: Report,
    /// Present when the schema parsed.
    pub facts: Option<SchemaFacts>,
}

/// Validates an identity schema file (JSON, or YAML by extension or content).
pub fn validate_file(path: &Path) -> Checked {
    let name = file_name(path);
    match read_text(path) {
        Ok(text) => validate_text(&text, path, &name),
        Err(e) => Checked {
            report: Report {
                diagnostics: vec![super::config::load_diagnostic(
                    &e,
                    &name,
                    Code::SchemaSyntax,
                )],
                files: vec![name],
                ..Report::default()
            },
            facts: None,
        },
    }
}

/// Validates identity schema text; `name` is the file name diagnostics carry.
pub fn validate_text(text: &str, path: &Path, name: &str) -> Checked {
    let mut report = Report {
        files: vec![name.to_string()],
        ..Report::default()
    };
    report.sources.add(name, text);
    let format = Format::detect(path, text);
    let facts = match parse_value(path, format, text) {
        Ok(schema) => {
            let (diags, facts) = check(&schema, name);
            report.diagnostics = diags;
            Some(facts)
        }
        Err(e) => {
            report
                .diagnostics
                .push(super::config::load_diagnostic(&e, name, Code::SchemaSyntax));
            None
        }
    };
    report.locate_all();
    Checked { report, facts }
}

/// Every problem of a parsed identity schema, and its facts.
pub fn check(schema: &Value, name: &str) -> (Vec<Diagnostic>, SchemaFacts) {
    let mut diags: Vec<Diagnostic> = meta_validator()
        .iter_errors(schema)
        .map(|e| {
            Diagnostic::new(
                Code::SchemaMetaInvalid,
                name,
                e.instance_path().to_string(),
                format!("not a valid draft-07 schema: {e}"),
            )
        })
        .collect();
    let facts = walk(schema, name, &mut diags);
    (diags, facts)
}

/// What a schema's traits say (code identifiers, SMS), without reporting problems.
pub fn facts(schema: &Value) -> SchemaFacts {
    walk(schema, "", &mut Vec::new())
}

/// Checks the traits and the `ory.sh/kratos` extension, pushing problems to `diags`.
fn walk(schema: &Value, name: &str, diags: &mut Vec<Diagnostic>) -> SchemaFacts {
    let mut walk = Walk {
        name,
        diags,
        facts: SchemaFacts::default(),
        identifiers: 0,
    };
    match schema.pointer("/properties/traits") {
        None => walk.diags.push(Diagnostic::new(
            Code::TraitsMissing,
            name,
            if schema.get("properties").is_some() { "/properties" } else { "" },
            "the schema has no `properties.traits`: Kratos keeps everything about a user in `traits`",
        )),
        Some(traits) => walk.traits(traits),
    }
    walk.facts
}

struct Walk<'a> {
    name: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    facts: SchemaFacts,
    identifiers: usize,
}

impl Walk<'_> {
    fn push(
        &mut self,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::new(code, self.name, pointer, message));
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    fn traits(&mut self, traits: &Value) {
        let at = "/properties/traits";
        if let Some(kind) = traits.get("type").filter(|t| *t != "object") {
            self.push(
                Code::TraitsNotObject,
                format!("{at}/type"),
                format!("`traits` must be of type \"object\", not {kind}"),
            );
            return;
        }
        match traits.get("properties").and_then(Value::as_object) {
            Some(props) if !props.is_empty() => self.properties(props, &format!("{at}/properties")),
            _ => {
                self.push(
                    Code::TraitsWithoutProperties,
                    at,
                    "`traits` has no properties: there is nothing to identify a user by",
                );
                return;
            }
        }
        if self.identifiers == 0 {
            self.push(
                Code::NoIdentifier,
                at,
                "no trait is an identifier of any credential, so no one can log in",
            )
            .help = Some("mark a trait with `\"ory.sh/kratos\": {\"credentials\": {\"code\": {\"identifier\": true, \"via\": \"email\"}}}`".into());
        }
    }

    /// Checks each property, and the properties nested in objects and arrays.
    fn properties(&mut self, props: &Map<String, Value>, pointer: &str) {
        for (key, prop) in props {
            let here = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
            self.property(prop, &here);
            if let Some(nested) = prop.get("properties").and_then(Value::as_object) {
                self.properties(nested, &format!("{here}/properties"));
            }
            if let Some(items) = prop.get("items") {
                self.property(items, &format!("{here}/items"));
                if let Some(nested) = items.get("properties").and_then(Value::as_object) {
                    self.properties(nested, &format!("{here}/items/properties"));
                }
            }
        }
    }

    fn property(&mut self, prop: &Value, pointer: &str) {
        let Some(ext) = prop.get("ory.sh/kratos") else {
            return;
        };
        let ext_pointer = format!("{pointer}/ory.sh~1kratos");
        if !self.shape(ext, &EXTENSION, &ext_pointer) {
            return;
        }
        let mut vias = Vec::new();
        for (path, field) in [
            ("/credentials/code/via", "credentials.code.via"),
            ("/verification/via", "verification.via"),
            ("/recovery/via", "recovery.via"),
        ] {
            // A via that is not a string was reported by the shape check.
            if let Some(via) = ext.pointer(path).filter(|v| v.is_string()) {
                match via.as_str() {
                    Some(v @ ("email" | "sms")) => vias.push((v, format!("{ext_pointer}{path}"))),
                    _ => {
                        self.push(
                            Code::ExtensionInvalidVia,
                            format!("{ext_pointer}{path}"),
                            format!("`{field}` is {via}; it must be \"email\" or \"sms\""),
                        );
                    }
                }
            }
        }
        let is_true = |p: &str| ext.pointer(p) == Some(&Value::Bool(true));
        if [
            "/credentials/password/identifier",
            "/credentials/webauthn/identifier",
            "/credentials/code/identifier",
        ]
        .iter()
        .any(|p| is_true(p))
        {
            self.identifiers += 1;
        }
        if is_true("/credentials/code/identifier") {
            self.facts.code_identifiers.push(pointer.to_string());
            if ext.pointer("/credentials/code/via").is_none() {
                self.push(
                    Code::CodeIdentifierMissingVia,
                    format!("{ext_pointer}/credentials/code"),
                    "a code identifier needs `via` (\"email\" or \"sms\"): Kratos fails with `channel type \"\" must be one of email, sms`",
                );
            }
        }
        if vias.iter().any(|(v, _)| *v == "sms") {
            self.facts.uses_sms = true;
        }
        let format = prop.get("format").and_then(Value::as_str);
        for (via, via_pointer) in &vias {
            let expected = if *via == "email" { "email" } else { "tel" };
            if matches!(format, Some("email" | "tel")) && format != Some(expected) {
                self.push(
                    Code::FormatViaMismatch,
                    format!("{pointer}/format"),
                    format!("`format: {}` does not go with `via: {via}` (at {via_pointer}); {via} needs `format: {expected}`", format.unwrap_or_default()),
                );
            }
        }
        if ext.get("verification").is_some()
            && let Some(f) = format.filter(|f| !VERIFIABLE_FORMATS.contains(f))
        {
            self.push(
                Code::VerificationFormatInvalid,
                format!("{pointer}/format"),
                format!(
                    "Kratos cannot verify a trait of `format: {f}`; use one of {}",
                    VERIFIABLE_FORMATS.join(", ")
                ),
            );
        }
    }

    /// Checks an extension object against its shape; false if it is not an object.
    fn shape(&mut self, value: &Value, shape: &Shape, pointer: &str) -> bool {
        match (shape, value) {
            (Shape::Bool, Value::Bool(_)) | (Shape::Str, Value::String(_)) => true,
            (Shape::Object(fields), Value::Object(map)) => {
                for (key, inner) in map {
                    let here = format!("{pointer}/{key}");
                    match fields.iter().find(|(name, _)| name == key) {
                        Some((_, field)) => {
                            self.shape(inner, field, &here);
                        }
                        None => {
                            let names: Vec<String> =
                                fields.iter().map(|(n, _)| n.to_string()).collect();
                            let diag = self.push(
                                Code::ExtensionUnknownKey,
                                here,
                                format!("unknown key `{key}` under `ory.sh/kratos`"),
                            );
                            diag.help = Some(match crate::config::patch::closest(key, &names) {
                                Some(best) => format!("did you mean `{best}`?"),
                                None => format!("the keys allowed here are: {}", names.join(", ")),
                            });
                        }
                    }
                }
                true
            }
            (expected, found) => {
                self.push(
                    Code::ExtensionWrongType,
                    pointer,
                    format!(
                        "expected {}, found {}",
                        expected.name(),
                        crate::config::kind_name(found)
                    ),
                );
                false
            }
        }
    }
}

/// Formats Kratos accepts on a verifiable trait.
const VERIFIABLE_FORMATS: &[&str] = &["email", "tel", "date", "time", "date-time", "no-validate"];

/// The shape of the `ory.sh/kratos` extension (`embedx/identity_extension.schema.json`).
enum Shape {
    Bool,
    Str,
    Object(&'static [(&'static str, Shape)]),
}

impl Shape {
    fn name(&self) -> &'static str {
        match self {
            Shape::Bool => "a boolean",
            Shape::Str => "a string",
            Shape::Object(_) => "a mapping",
        }
    }
}

const IDENTIFIER: Shape = Shape::Object(&[("identifier", Shape::Bool)]);
const EXTENSION: Shape = Shape::Object(&[
    (
        "credentials",
        Shape::Object(&[
            ("password", IDENTIFIER),
            ("webauthn", IDENTIFIER),
            ("passkey", Shape::Object(&[("display_name", Shape::Bool)])),
            ("totp", Shape::Object(&[("account_name", Shape::Bool)])),
            (
                "code",
                Shape::Object(&[("identifier", Shape::Bool), ("via", Shape::Str)]),
            ),
        ]),
    ),
    ("verification", Shape::Object(&[("via", Shape::Str)])),
    ("recovery", Shape::Object(&[("via", Shape::Str)])),
    ("organizations", Shape::Object(&[("matcher", Shape::Str)])),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(schema: Value) -> Vec<&'static str> {
        check(&schema, "s.json")
            .0
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    }

    fn with_trait(ext: Value, format: &str) -> Value {
        json!({"properties": {"traits": {"type": "object", "properties": {
            "email": {"type": "string", "format": format, "ory.sh/kratos": ext}
        }}}})
    }

    #[test]
    fn the_presets_are_clean() {
        for preset in [
            crate::project::Preset::Email,
            crate::project::Preset::Sms,
            crate::project::Preset::EmailSms,
        ] {
            let schema: Value = serde_json::from_str(preset.identity_schema()).unwrap_or_default();
            assert!(codes(schema).is_empty(), "{preset}");
        }
    }

    #[test]
    fn extension_rules() {
        let id = |via: Value| json!({"credentials": {"code": {"identifier": true, "via": via}}});
        assert_eq!(
            codes(with_trait(
                json!({"credentials": {"code": {"identifier": true}}}),
                "email"
            )),
            ["code-identifier-missing-via"]
        );
        assert_eq!(
            codes(with_trait(id(json!("phone")), "email")),
            ["extension-invalid-via"]
        );
        assert_eq!(
            codes(with_trait(id(json!("sms")), "email")),
            ["format-via-mismatch"]
        );
        assert_eq!(
            codes(with_trait(id(json!(1)), "email")),
            ["extension-wrong-type"]
        );
        let typo = json!({"credentials": {"code": {"identifer": true, "via": "email"}}});
        let (diags, _) = check(&with_trait(typo, "email"), "s.json");
        assert_eq!(diags[0].code, Code::ExtensionUnknownKey);
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `identifier`?"));
    }
}
