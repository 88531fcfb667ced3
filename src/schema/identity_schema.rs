//! Validation of identity schemas: draft-07 meta-validation and every rule of the
//! `ory.sh/kratos` extension.

use std::path::Path;

use serde_json::Value;

use super::diagnostics::{excerpt, excerpted_error, load_diagnostic};
use super::identity_model::{IdentityModel, ModelProblem, SchemaNode, Via, ViaSpec};
use super::shipped::meta_validator;
use crate::config::{Format, parse_value, read_text};
use crate::diag::{Code, Diagnostic, Report, file_name};

/// What the config cross-checks need to know about a schema, read from its model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaFacts {
    /// The traits that are code identifiers (form names, e.g. `traits.email`) with
    /// their `via` when it is one Kratos knows.
    pub code_identifiers: Vec<(String, Option<Via>)>,
    /// The traits whose addresses are verified, with their `via` when known.
    pub verifiable: Vec<(String, Option<Via>)>,
    /// Whether any trait gets codes, verification or recovery by SMS.
    pub uses_sms: bool,
}

impl SchemaFacts {
    /// The facts of a model.
    pub fn of(model: &IdentityModel) -> SchemaFacts {
        let via_of = |via: &Option<ViaSpec>| via.as_ref().and_then(ViaSpec::via);
        let mut facts = SchemaFacts {
            uses_sms: model.uses_sms(),
            ..SchemaFacts::default()
        };
        for node in model.nodes() {
            let Some(ext) = &node.extension else { continue };
            if ext.code_identifier {
                facts
                    .code_identifiers
                    .push((node.name.clone(), via_of(&ext.code_via)));
            }
            if ext.verification_via.is_some() {
                facts
                    .verifiable
                    .push((node.name.clone(), via_of(&ext.verification_via)));
            }
        }
        facts
    }
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
                diagnostics: vec![load_diagnostic(&e, &name, Code::SchemaSyntax)],
                files: vec![name],
                ..Report::default()
            },
            facts: None,
        },
    }
}

/// Validates an identity schema a config references. The config may come from
/// someone we do not trust and point at any file of its tree (a `.env`): when the
/// file is not a schema, diagnostics quote at most its first line, cut at 80
/// characters.
pub fn validate_referenced(path: &Path) -> Checked {
    let mut checked = validate_file(path);
    let not_a_schema = checked.facts.is_none()
        || checked
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == Code::SchemaMetaInvalid && d.pointer.is_empty());
    if not_a_schema {
        let name = file_name(path);
        if let Some(text) = checked.report.sources.get(&name) {
            let first = excerpt(text);
            checked.report.sources.add(&name, first);
        }
    }
    checked
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
                .push(load_diagnostic(&e, name, Code::SchemaSyntax));
            None
        }
    };
    report.locate_all();
    Checked { report, facts }
}

/// Every problem of a parsed identity schema, and its facts.
pub fn check(schema: &Value, name: &str) -> (Vec<Diagnostic>, SchemaFacts) {
    let mut diags: Vec<Diagnostic> = if schema.is_object() || schema.is_boolean() {
        meta_validator()
            .iter_errors(schema)
            .map(|e| {
                Diagnostic::new(
                    Code::SchemaMetaInvalid,
                    name,
                    e.instance_path().to_string(),
                    format!("not a valid draft-07 schema: {}", excerpted_error(&e)),
                )
            })
            .collect()
    } else {
        // The whole file is the offending value: it is not quoted.
        vec![Diagnostic::new(
            Code::SchemaMetaInvalid,
            name,
            "",
            format!(
                "not a valid draft-07 schema: a schema is a mapping (or a boolean), found {}",
                crate::config::kind_name(schema)
            ),
        )]
    };
    let model = IdentityModel::parse(schema);
    walk(&model, name, &mut diags);
    (diags, SchemaFacts::of(&model))
}

/// Checks the traits and the `ory.sh/kratos` extension, pushing problems to `diags`.
fn walk(model: &IdentityModel, name: &str, diags: &mut Vec<Diagnostic>) {
    let mut walk = Walk {
        name,
        diags,
        identifiers: 0,
    };
    for problem in &model.problems {
        let code = match problem {
            ModelProblem::RefUnresolved { .. } => Code::SchemaRefUnresolved,
            ModelProblem::RefCycle { .. } => Code::SchemaRefCycle,
            ModelProblem::TooDeep { .. } => Code::SchemaTooDeep,
        };
        walk.push(code, problem.pointer(), problem.to_string());
    }
    match &model.traits {
        None => {
            walk.push(
                Code::TraitsMissing,
                model.traits_parent.clone(),
                "the schema has no `properties.traits`: Kratos keeps everything about a user in `traits`",
            );
        }
        Some(traits) => walk.traits(model, traits),
    }
    // A definition that several traits `$ref` is checked once per trait; its
    // problems are one problem each.
    let mut seen = std::collections::HashSet::new();
    walk.diags
        .retain(|d| seen.insert((d.code, d.pointer.clone(), d.message.clone())));
}

struct Walk<'a> {
    name: &'a str,
    diags: &'a mut Vec<Diagnostic>,
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

    fn traits(&mut self, model: &IdentityModel, traits: &SchemaNode) {
        let at = traits.pointer.as_str();
        if let Some(kind) = traits
            .schema_type
            .as_ref()
            .filter(|t| t.as_str() != Some("object"))
        {
            self.push(
                Code::TraitsNotObject,
                format!("{at}/type"),
                format!("`traits` must be of type \"object\", not {kind}"),
            );
            return;
        }
        if traits.properties.as_ref().is_none_or(Vec::is_empty) {
            self.push(
                Code::TraitsWithoutProperties,
                at,
                "`traits` has no properties: there is nothing to identify a user by",
            );
            return;
        }
        for node in model.nodes() {
            self.property(node);
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

    /// Checks one trait's extension.
    fn property(&mut self, node: &SchemaNode) {
        let Some(ext) = &node.extension else {
            return;
        };
        let pointer = node.pointer.as_str();
        let ext_pointer = ext.pointer.as_str();
        if !self.shape(&ext.raw, &EXTENSION, ext_pointer) {
            return;
        }
        let mut vias = Vec::new();
        for (path, field, via) in [
            (
                "/credentials/code/via",
                "credentials.code.via",
                &ext.code_via,
            ),
            (
                "/verification/via",
                "verification.via",
                &ext.verification_via,
            ),
            ("/recovery/via", "recovery.via", &ext.recovery_via),
        ] {
            match via {
                Some(ViaSpec::Known(v)) => vias.push((v.as_str(), format!("{ext_pointer}{path}"))),
                // A via that is not a string was reported by the shape check.
                Some(ViaSpec::Other(other @ Value::String(_))) => {
                    self.push(
                        Code::ExtensionInvalidVia,
                        format!("{ext_pointer}{path}"),
                        format!("`{field}` is {other}; it must be \"email\" or \"sms\""),
                    );
                }
                Some(ViaSpec::Other(_)) | None => {}
            }
        }
        if ext.identifies_credential() {
            self.identifiers += 1;
        }
        if ext.code_identifier && ext.code_via.is_none() {
            self.push(
                Code::CodeIdentifierMissingVia,
                format!("{ext_pointer}/credentials/code"),
                "a code identifier needs `via` (\"email\" or \"sms\"): Kratos fails with `channel type \"\" must be one of email, sms`",
            );
        }
        let format = node.format.as_deref();
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
        if ext.raw.get("verification").is_some()
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
