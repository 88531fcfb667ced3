//! The identity-schema model: the traits of an identity schema and what Kratos'
//! `ory.sh/kratos` extension says about each, read once with local `$ref`s followed.
//!
//! Kratos compiles identity schemas with a JSON Schema compiler, so a trait (or the
//! whole `traits` object) behind `"$ref": "#/definitions/…"` is as good as one
//! written in place. Everything that reads the extension (the validator, the
//! engine's trait derivation, the form fields) reads this model, so they cannot
//! disagree about which traits are identifiers. This file imports nothing from its
//! siblings: it is the bottom of `schema/`.

use serde_json::{Map, Value};

/// The key of Kratos' extension in an identity schema.
pub const EXTENSION_KEY: &str = "ory.sh/kratos";

/// How deep the traits may nest, and how many `$ref`s in a row are followed,
/// before the schema is refused: it is untrusted input, and both bound the work.
pub const MAX_DEPTH: usize = 32;

/// The channel an address is reached by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Via {
    /// Email.
    Email,
    /// SMS.
    Sms,
}

impl Via {
    /// `email` or `sms`, as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Email => "email",
            Via::Sms => "sms",
        }
    }

    /// A stored channel name: `sms` is SMS, anything else email (the store only
    /// ever writes these two).
    pub fn parse(text: &str) -> Via {
        if text == "sms" { Via::Sms } else { Via::Email }
    }

    /// The channel a schema's `via` names, if it is one Kratos knows.
    pub fn named(name: &str) -> Option<Via> {
        match name {
            "email" => Some(Via::Email),
            "sms" => Some(Via::Sms),
            _ => None,
        }
    }
}

/// A `via` as the schema writes it: Kratos' messages quote unknown ones, so they
/// are kept as written.
#[derive(Debug, Clone, PartialEq)]
pub enum ViaSpec {
    /// `email` or `sms`.
    Known(Via),
    /// Any other value (another string, a number, `null`, …).
    Other(Value),
}

impl ViaSpec {
    fn from_value(value: &Value) -> ViaSpec {
        match value.as_str().and_then(Via::named) {
            Some(via) => ViaSpec::Known(via),
            None => ViaSpec::Other(value.clone()),
        }
    }

    /// The channel, when it is one Kratos knows.
    pub fn via(&self) -> Option<Via> {
        match self {
            ViaSpec::Known(via) => Some(*via),
            ViaSpec::Other(_) => None,
        }
    }

    /// The value as Go's `%s` prints it in Kratos' messages: strings bare,
    /// anything else as JSON.
    pub fn text(&self) -> String {
        match self {
            ViaSpec::Known(via) => via.as_str().to_string(),
            ViaSpec::Other(value) => value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string),
        }
    }
}

/// What the `ory.sh/kratos` extension of one schema node says. A flag is set
/// only by a literal `true`; values of the wrong type are the validator's to report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extension {
    /// Where the extension is in the schema document, e.g.
    /// `/properties/traits/properties/email/ory.sh~1kratos`.
    pub pointer: String,
    /// The extension as written (the validator checks its shape).
    pub raw: Value,
    /// `credentials.password.identifier`.
    pub password_identifier: bool,
    /// `credentials.webauthn.identifier`.
    pub webauthn_identifier: bool,
    /// `credentials.passkey.display_name`.
    pub passkey_display_name: bool,
    /// `credentials.totp.account_name`.
    pub totp_account_name: bool,
    /// `credentials.code.identifier`.
    pub code_identifier: bool,
    /// `credentials.code.via`; `None` when the key is absent.
    pub code_via: Option<ViaSpec>,
    /// `verification.via`; `None` when the key is absent.
    pub verification_via: Option<ViaSpec>,
    /// `recovery.via`; `None` when the key is absent.
    pub recovery_via: Option<ViaSpec>,
}

impl Extension {
    fn parse(raw: &Value, pointer: String) -> Extension {
        let flag = |p: &str| raw.pointer(p) == Some(&Value::Bool(true));
        let via = |p: &str| raw.pointer(p).map(ViaSpec::from_value);
        Extension {
            password_identifier: flag("/credentials/password/identifier"),
            webauthn_identifier: flag("/credentials/webauthn/identifier"),
            passkey_display_name: flag("/credentials/passkey/display_name"),
            totp_account_name: flag("/credentials/totp/account_name"),
            code_identifier: flag("/credentials/code/identifier"),
            code_via: via("/credentials/code/via"),
            verification_via: via("/verification/via"),
            recovery_via: via("/recovery/via"),
            raw: raw.clone(),
            pointer,
        }
    }

    /// Whether the trait identifies a credential someone can log in with
    /// (password, WebAuthn or code).
    pub fn identifies_credential(&self) -> bool {
        self.password_identifier || self.webauthn_identifier || self.code_identifier
    }

    /// Whether Kratos counts the trait when it names the login identifier input
    /// (`extension_identifier_label.go`: every credential's identifier flag).
    pub fn labels_identifier(&self) -> bool {
        self.identifies_credential() || self.passkey_display_name || self.totp_account_name
    }

    /// Whether the trait gets codes, verification or recovery messages by SMS.
    pub fn sends_sms(&self) -> bool {
        [&self.code_via, &self.verification_via, &self.recovery_via]
            .iter()
            .any(|via| matches!(via, Some(ViaSpec::Known(Via::Sms))))
    }
}

/// One schema node under `traits`, with its `$ref` (if any) followed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchemaNode {
    /// Where the node's keywords are in the schema document: after a `$ref`, the
    /// target's pointer (so diagnostics point at the text that says it).
    pub pointer: String,
    /// The form name: `traits.email`, `traits.name.first`; an array's items carry
    /// the array's name.
    pub name: String,
    /// `type` as written (a string or a list).
    pub schema_type: Option<Value>,
    /// A non-empty `title`.
    pub title: Option<String>,
    /// `format`.
    pub format: Option<String>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// The `ory.sh/kratos` extension.
    pub extension: Option<Extension>,
    /// `properties`, in schema order; `None` when the node has no `properties` mapping.
    pub properties: Option<Vec<Property>>,
    /// `items`, when it is a single schema (a mapping).
    pub items: Option<Box<SchemaNode>>,
}

/// A property of an object node.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// The key under `properties`.
    pub key: String,
    /// Whether the object's `required` lists it.
    pub required: bool,
    /// Its schema.
    pub node: SchemaNode,
}

impl SchemaNode {
    /// The node's types: `type` as a string or the strings of a list.
    pub fn types(&self) -> impl Iterator<Item = &str> {
        let (one, many) = match &self.schema_type {
            Some(Value::String(t)) => (Some(t.as_str()), None),
            Some(Value::Array(types)) => (None, Some(types.iter().filter_map(Value::as_str))),
            _ => (None, None),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }

    /// The node's `format`, or else its items' (an array of emails).
    pub fn format_or_items(&self) -> Option<&str> {
        self.format
            .as_deref()
            .or_else(|| self.items.as_ref().and_then(|i| i.format.as_deref()))
    }

    /// The node's extension, or else its items' (an array of addresses).
    pub fn extension_or_items(&self) -> Option<&Extension> {
        self.extension
            .as_ref()
            .or_else(|| self.items.as_ref().and_then(|i| i.extension.as_ref()))
    }

    /// Whether the node is an object with properties of its own (not a form field).
    fn is_object(&self) -> bool {
        self.properties.is_some()
    }
}

/// A trait as a form field: a property that is not itself an object with
/// properties (an array is one field).
#[derive(Debug, Clone, Copy)]
pub struct TraitField<'m> {
    /// Its schema node; `node.name` is the form name.
    pub node: &'m SchemaNode,
    /// Whether the enclosing object lists it as required.
    pub required: bool,
}

impl<'m> TraitField<'m> {
    /// The extension that applies: the field's own, or its items'.
    pub fn extension(&self) -> Option<&'m Extension> {
        self.node.extension_or_items()
    }
}

/// Why part of a schema could not be read into the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelProblem {
    /// A local `$ref` whose target is not in the document.
    RefUnresolved {
        /// The pointer of the `$ref` key.
        pointer: String,
        /// The reference as written.
        reference: String,
    },
    /// A `$ref` that leads back to a node it is inside of.
    RefCycle {
        /// The pointer of the `$ref` key.
        pointer: String,
        /// The reference as written.
        reference: String,
    },
    /// Traits nested (or `$ref`s chained) deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The pointer of the node where the bound was reached.
        pointer: String,
    },
}

impl ModelProblem {
    /// Where in the schema document.
    pub fn pointer(&self) -> &str {
        match self {
            ModelProblem::RefUnresolved { pointer, .. }
            | ModelProblem::RefCycle { pointer, .. }
            | ModelProblem::TooDeep { pointer } => pointer,
        }
    }
}

impl std::fmt::Display for ModelProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelProblem::RefUnresolved { pointer, reference } => write!(
                f,
                "`$ref: {reference}` at `{pointer}` points at nothing in the schema"
            ),
            ModelProblem::RefCycle { pointer, reference } => write!(
                f,
                "`$ref: {reference}` at `{pointer}` leads back into itself; Kratos refuses recursive traits"
            ),
            ModelProblem::TooDeep { pointer } => write!(
                f,
                "the traits nest (or their `$ref`s chain) deeper than {MAX_DEPTH} levels at `{pointer}`"
            ),
        }
    }
}

/// An identity schema's traits as Kratos reads them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdentityModel {
    /// `properties.traits`, with `$ref`s followed; `None` when there is none.
    pub traits: Option<SchemaNode>,
    /// Where `traits` was looked for when it is missing: the root's `properties`,
    /// or the root when it has none.
    pub traits_parent: String,
    /// `$ref`s that could not be followed and depth bounds reached, in document order.
    pub problems: Vec<ModelProblem>,
}

impl IdentityModel {
    /// Reads a parsed identity schema. Never fails: what cannot be followed is
    /// left out of the model and listed in `problems`.
    pub fn parse(schema: &Value) -> IdentityModel {
        let mut builder = Builder {
            root: schema,
            problems: Vec::new(),
        };
        let mut stack = Vec::new();
        let root = builder.resolve(schema, String::new(), &stack);
        let mut model = IdentityModel::default();
        if let Some((root, root_pointer)) = root {
            let properties = root.get("properties");
            model.traits_parent = if properties.is_some() {
                format!("{root_pointer}/properties")
            } else {
                root_pointer.clone()
            };
            stack.push(root_pointer.clone());
            model.traits = properties.and_then(|p| p.get("traits")).map(|traits| {
                builder.node(
                    traits,
                    format!("{root_pointer}/properties/traits"),
                    "traits".to_string(),
                    &mut stack,
                    0,
                )
            });
        }
        model.problems = builder.problems;
        model
    }

    /// Every node under `traits` (not `traits` itself), depth first in schema
    /// order: properties, then an array's items.
    pub fn nodes(&self) -> Vec<&SchemaNode> {
        fn collect<'m>(node: &'m SchemaNode, out: &mut Vec<&'m SchemaNode>) {
            for prop in node.properties.iter().flatten() {
                out.push(&prop.node);
                collect(&prop.node, out);
            }
            if let Some(items) = &node.items {
                out.push(items);
                collect(items, out);
            }
        }
        let mut out = Vec::new();
        if let Some(traits) = &self.traits {
            collect(traits, &mut out);
        }
        out
    }

    /// The traits as form fields, in schema order: nested objects are walked
    /// into, everything else (arrays included) is one field.
    pub fn fields(&self) -> Vec<TraitField<'_>> {
        fn collect<'m>(node: &'m SchemaNode, out: &mut Vec<TraitField<'m>>) {
            for prop in node.properties.iter().flatten() {
                if prop.node.is_object() {
                    collect(&prop.node, out);
                } else {
                    out.push(TraitField {
                        node: &prop.node,
                        required: prop.required,
                    });
                }
            }
        }
        let mut out = Vec::new();
        if let Some(traits) = &self.traits {
            collect(traits, &mut out);
        }
        out
    }

    /// The fields that are code identifiers, in schema order.
    pub fn code_identifiers(&self) -> Vec<TraitField<'_>> {
        self.fields()
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e.code_identifier))
            .collect()
    }

    /// Whether any trait gets codes, verification or recovery by SMS.
    pub fn uses_sms(&self) -> bool {
        self.nodes()
            .iter()
            .any(|n| n.extension.as_ref().is_some_and(Extension::sends_sms))
    }
}

/// Builds the model, following `$ref`s.
struct Builder<'s> {
    root: &'s Value,
    problems: Vec<ModelProblem>,
}

impl<'s> Builder<'s> {
    /// Follows `node`'s `$ref`s to the schema that holds its keywords, with that
    /// schema's pointer. `None` (a problem recorded) when a reference points at
    /// nothing, at a node on `stack` (the nodes this one is inside of), or chains
    /// too long. A `$ref` that is not local (another document) is not followed.
    fn resolve(
        &mut self,
        mut node: &'s Value,
        mut pointer: String,
        stack: &[String],
    ) -> Option<(&'s Value, String)> {
        let mut hops: Vec<String> = Vec::new();
        while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let Some(fragment) = reference.strip_prefix('#') else {
                break;
            };
            let at = format!("{pointer}/$ref");
            if hops.len() >= MAX_DEPTH {
                self.problems.push(ModelProblem::TooDeep { pointer: at });
                return None;
            }
            let target_pointer = percent_decode(fragment);
            let Some(target) = self.root.pointer(&target_pointer) else {
                self.problems.push(ModelProblem::RefUnresolved {
                    pointer: at,
                    reference: reference.to_string(),
                });
                return None;
            };
            if stack.contains(&target_pointer) || hops.contains(&target_pointer) {
                self.problems.push(ModelProblem::RefCycle {
                    pointer: at,
                    reference: reference.to_string(),
                });
                return None;
            }
            hops.push(target_pointer.clone());
            node = target;
            pointer = target_pointer;
        }
        Some((node, pointer))
    }

    /// The model of `node` (at `pointer`, named `name`); `stack` holds the
    /// pointers of the nodes it is inside of.
    fn node(
        &mut self,
        node: &'s Value,
        pointer: String,
        name: String,
        stack: &mut Vec<String>,
        depth: usize,
    ) -> SchemaNode {
        let Some((node, pointer)) = self.resolve(node, pointer.clone(), stack) else {
            return SchemaNode {
                pointer,
                name,
                ..SchemaNode::default()
            };
        };
        if depth > MAX_DEPTH {
            self.problems.push(ModelProblem::TooDeep {
                pointer: pointer.clone(),
            });
            return SchemaNode {
                pointer,
                name,
                ..SchemaNode::default()
            };
        }
        let Some(map) = node.as_object() else {
            // A boolean schema: a field with nothing to say about it.
            return SchemaNode {
                pointer,
                name,
                ..SchemaNode::default()
            };
        };
        stack.push(pointer.clone());
        let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
        let extension = map
            .get(EXTENSION_KEY)
            .map(|raw| Extension::parse(raw, format!("{pointer}/ory.sh~1kratos")));
        let properties = map
            .get("properties")
            .and_then(Value::as_object)
            .map(|props| self.properties(map, props, &pointer, &name, stack, depth));
        let items = map.get("items").filter(|i| i.is_object()).map(|items| {
            Box::new(self.node(
                items,
                format!("{pointer}/items"),
                name.clone(),
                stack,
                depth + 1,
            ))
        });
        stack.pop();
        SchemaNode {
            schema_type: map.get("type").cloned(),
            title: text("title").filter(|t| !t.is_empty()),
            format: text("format"),
            pattern: text("pattern"),
            extension,
            properties,
            items,
            pointer,
            name,
        }
    }

    fn properties(
        &mut self,
        object: &'s Map<String, Value>,
        props: &'s Map<String, Value>,
        pointer: &str,
        name: &str,
        stack: &mut Vec<String>,
        depth: usize,
    ) -> Vec<Property> {
        let required: Vec<&str> = object
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        props
            .iter()
            .map(|(key, prop)| Property {
                required: required.contains(&key.as_str()),
                node: self.node(
                    prop,
                    format!("{pointer}/properties/{}", escape(key)),
                    format!("{name}.{key}"),
                    stack,
                    depth + 1,
                ),
                key: key.clone(),
            })
            .collect()
    }
}

/// A JSON pointer token for `key` (RFC 6901).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A `$ref` fragment is a URI fragment: `%XX` escapes stand for bytes.
fn percent_decode(fragment: &str) -> String {
    if !fragment.contains('%') {
        return fragment.to_string();
    }
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn traits_behind_refs() -> Value {
        json!({
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$defs": {"email": {
                "type": "string", "format": "email", "title": "E-Mail",
                "ory.sh/kratos": {
                    "credentials": {"code": {"identifier": true, "via": "email"}},
                    "verification": {"via": "email"}
                }
            }},
            "definitions": {
                "traits": {"type": "object", "required": ["email"], "properties": {
                    "email": {"$ref": "#/$defs/email"},
                    "phone": {"$ref": "#/definitions/phone"}
                }},
                "phone": {"type": "string", "format": "tel",
                    "ory.sh/kratos": {"credentials": {"code": {"identifier": true, "via": "sms"}}}}
            },
            "type": "object",
            "properties": {"traits": {"$ref": "#/definitions/traits"}}
        })
    }

    #[test]
    fn refs_to_definitions_and_defs_are_followed() {
        let model = IdentityModel::parse(&traits_behind_refs());
        assert!(model.problems.is_empty(), "{:?}", model.problems);
        let ids: Vec<(&str, Option<Via>, &str)> = model
            .code_identifiers()
            .iter()
            .map(|f| {
                let ext = f.extension().expect("extension");
                (
                    f.node.name.as_str(),
                    ext.code_via.as_ref().and_then(ViaSpec::via),
                    ext.pointer.as_str(),
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                (
                    "traits.email",
                    Some(Via::Email),
                    "/$defs/email/ory.sh~1kratos"
                ),
                (
                    "traits.phone",
                    Some(Via::Sms),
                    "/definitions/phone/ory.sh~1kratos"
                )
            ]
        );
        assert!(model.fields()[0].required);
        assert_eq!(model.fields()[0].node.title.as_deref(), Some("E-Mail"));
        assert!(model.uses_sms());
    }

    #[test]
    fn a_ref_to_nowhere_is_a_problem_not_a_panic() {
        let schema = json!({"properties": {"traits": {"properties": {
            "email": {"$ref": "#/definitions/missing"}
        }}}});
        let model = IdentityModel::parse(&schema);
        assert_eq!(
            model.problems,
            [ModelProblem::RefUnresolved {
                pointer: "/properties/traits/properties/email/$ref".into(),
                reference: "#/definitions/missing".into()
            }]
        );
        assert_eq!(model.fields().len(), 1, "the field stays, without keywords");
    }

    #[test]
    fn ref_cycles_are_a_problem_not_a_hang() {
        let schema = json!({
            "definitions": {
                "node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}}},
                "a": {"$ref": "#/definitions/b"},
                "b": {"$ref": "#/definitions/a"}
            },
            "properties": {"traits": {"properties": {
                "tree": {"$ref": "#/definitions/node"},
                "loop": {"$ref": "#/definitions/a"},
                "self": {"$ref": "#"}
            }}}
        });
        let model = IdentityModel::parse(&schema);
        let cycles: Vec<&str> = model
            .problems
            .iter()
            .filter(|p| matches!(p, ModelProblem::RefCycle { .. }))
            .map(ModelProblem::pointer)
            .collect();
        assert_eq!(
            cycles,
            [
                "/definitions/node/properties/child/$ref",
                "/definitions/b/$ref",
                "/properties/traits/properties/self/$ref"
            ]
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut traits = json!({"type": "string"});
        for _ in 0..(MAX_DEPTH + 5) {
            traits = json!({"type": "object", "properties": {"a": traits}});
        }
        let schema = json!({"properties": {"traits": traits}});
        let model = IdentityModel::parse(&schema);
        assert!(
            matches!(model.problems.as_slice(), [ModelProblem::TooDeep { .. }]),
            "{:?}",
            model.problems
        );
    }

    #[test]
    fn percent_escapes_in_refs_are_decoded() {
        assert_eq!(percent_decode("/definitions/a%20b"), "/definitions/a b");
        assert_eq!(percent_decode("/x%2"), "/x%2");
        assert_eq!(percent_decode("/x%zz"), "/x%zz");
    }
}
