//! How identity traits become addresses under the `ory.sh/kratos` extension
//! (reference C.3, C.4, B.5), and which inputs the traits get in forms (B.10).

use jsonschema::error::ValidationErrorKind;
use serde_json::{Value, json};

use super::identifier::{self, Via};
use crate::schema::identity::CompiledSchema;
use crate::schema::identity_model::{Extension, IdentityModel, SchemaNode, ViaSpec, escape};

/// UI message ids of validation errors (reference B.11).
const UI_GENERIC: u32 = 4_000_001;
const UI_REQUIRED: u32 = 4_000_002;
const UI_EMAIL: u32 = 4_000_040;
/// Kratos' message id for a value that is not a valid phone number.
pub const UI_PHONE: u32 = 4_000_041;

/// An address a message can be sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The channel.
    pub via: Via,
    /// The normalised address: lower-case email or E.164 phone number.
    pub value: String,
}

/// What an identity's traits yield once validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The traits as stored: phone numbers that are SMS identifiers rewritten to
    /// E.164, everything else as typed.
    pub traits: Value,
    /// The code credential's addresses, deduplicated on (value, via) and sorted
    /// by value, then via.
    pub code_addresses: Vec<Address>,
    /// Addresses to verify, in trait order, without duplicates.
    pub verifiable: Vec<Address>,
    /// Recovery addresses, in trait order, without duplicates.
    pub recovery: Vec<Address>,
}

/// A problem with one trait, shaped like a Kratos UI node message.
#[derive(Debug, Clone, PartialEq)]
pub struct TraitError {
    /// Where in the identity, e.g. `/traits/email`.
    pub pointer: String,
    /// Kratos' message text.
    pub message: String,
    /// Kratos' message id: 4000002 required, 4000040 email format, 4000041
    /// phone format, 4000001 anything else.
    pub ui_id: u32,
    /// The message's context (`{property}`, `{value}` or `{reason}`).
    pub context: Value,
}

/// A trait that marks a login identifier, for the identifier's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifierField {
    /// The form name, e.g. `traits.email`.
    pub name: String,
    /// The schema's non-empty `title`.
    pub title: Option<String>,
    /// The code channel; `None` when `via` is missing or unknown.
    pub via: Option<Via>,
}

/// The label of the login `identifier` input when the schema names it
/// (message 1070002 with context `{title, name}`); without one Kratos uses
/// 1070004 "ID".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifierLabel {
    /// The trait's title.
    pub title: String,
    /// The trait's form name, e.g. `traits.email`.
    pub name: String,
}

/// A registration form input for one trait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraitField {
    /// The form name, e.g. `traits.email`.
    pub name: String,
    /// The HTML input type: email, tel, text, number, checkbox, date,
    /// datetime-local or url.
    pub input_type: &'static str,
    /// The `autocomplete` hint for email, tel and url inputs.
    pub autocomplete: Option<&'static str>,
    /// Whether the enclosing object lists the trait as required.
    pub required: bool,
    /// The schema's non-empty `title` (the node's generated label).
    pub title: Option<String>,
    /// The schema's `pattern`.
    pub pattern: Option<String>,
}

/// Validates traits the way Kratos does and derives their addresses: phone
/// numbers that are SMS identifiers are rewritten to E.164 first, then
/// `{"traits": …}` is validated against the identity schema (which describes
/// the whole identity) and the extension rules run. Every problem is returned.
pub fn derive(schema: &CompiledSchema, traits: &Value) -> Result<Derived, Vec<TraitError>> {
    let model = &schema.model;
    let subject = normalize_phone_traits(model, traits);
    let mut errors: Vec<TraitError> = schema
        .validator
        .iter_errors(&subject)
        .map(|e| schema_error(&e))
        .collect();
    let mut rules = Rules::default();
    for leaf in leaves(model, &subject) {
        rules.apply(&leaf);
    }
    // A value the schema refused is reported once, with the schema's message.
    let extension_errors: Vec<TraitError> = rules
        .errors
        .into_iter()
        .filter(|e| !errors.iter().any(|s| s.pointer == e.pointer))
        .collect();
    errors.extend(extension_errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut code_addresses = rules.code;
    code_addresses.sort_by(|a, b| (&a.value, channel(a.via)).cmp(&(&b.value, channel(b.via))));
    code_addresses.dedup();
    Ok(Derived {
        traits: subject.get("traits").cloned().unwrap_or(Value::Null),
        code_addresses,
        verifiable: rules.verifiable,
        recovery: rules.recovery,
    })
}

/// The traits that are code identifiers, in schema order.
pub fn code_identifier_fields(model: &IdentityModel) -> Vec<IdentifierField> {
    model
        .code_identifiers()
        .into_iter()
        .map(|field| IdentifierField {
            name: field.node.name.clone(),
            title: field.node.title.clone(),
            via: field
                .extension()
                .and_then(|e| e.code_via.as_ref())
                .and_then(ViaSpec::via),
        })
        .collect()
}

/// The login identifier's label: Kratos names the input after the schema only
/// when exactly one trait identifies a credential (password, webauthn, passkey
/// display name, TOTP account name or code) and that trait has a title.
pub fn identifier_label(model: &IdentityModel) -> Option<IdentifierLabel> {
    let mut candidates = model
        .fields()
        .into_iter()
        .filter(|field| field.extension().is_some_and(Extension::labels_identifier));
    let only = candidates.next()?;
    if candidates.next().is_some() {
        return None;
    }
    Some(IdentifierLabel {
        title: only.node.title.clone()?,
        name: only.node.name.clone(),
    })
}

/// The registration form's trait inputs, in schema order, as Kratos derives
/// them from the schema (type, format, `required`, title, pattern). Nested
/// objects become dotted names; an array is one text input.
pub fn trait_fields(model: &IdentityModel) -> Vec<TraitField> {
    model
        .fields()
        .into_iter()
        .map(|field| {
            let (input_type, autocomplete) = input_kind(field.node);
            TraitField {
                input_type,
                autocomplete,
                required: field.required,
                title: field.node.title.clone(),
                pattern: field.node.pattern.clone(),
                name: field.node.name.clone(),
            }
        })
        .collect()
}

/// `{"traits": …}` with every SMS-identifier phone number that parses rewritten
/// to E.164, so that `format: tel` and the stored traits see the canonical form.
fn normalize_phone_traits(model: &IdentityModel, traits: &Value) -> Value {
    let mut subject = json!({ "traits": traits });
    let rewrites: Vec<(String, String)> = leaves(model, &subject)
        .into_iter()
        .filter(|leaf| leaf.extension.is_some_and(Extension::sends_sms))
        .filter_map(|leaf| {
            Some((
                leaf.pointer,
                identifier::normalize(&leaf.value, Via::Sms).ok()?,
            ))
        })
        .collect();
    for (pointer, e164) in rewrites {
        if let Some(slot) = subject.pointer_mut(&pointer) {
            *slot = Value::String(e164);
        }
    }
    subject
}

/// Turns a JSON Schema error into Kratos' message for it.
fn schema_error(error: &jsonschema::ValidationError<'_>) -> TraitError {
    let pointer = error.instance_path().to_string();
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_string);
            TraitError {
                pointer: format!("{pointer}/{}", escape(&name)),
                message: format!("Property {name} is missing."),
                ui_id: UI_REQUIRED,
                context: json!({ "property": name }),
            }
        }
        ValidationErrorKind::Format { format } if format == "email" => {
            TraitError::format(pointer, UI_EMAIL, error.instance().as_ref().clone())
        }
        ValidationErrorKind::Format { format } if format == "tel" => {
            TraitError::format(pointer, UI_PHONE, error.instance().as_ref().clone())
        }
        _ => TraitError::reason(pointer, error.to_string()),
    }
}

impl TraitError {
    /// A generic 4000001 message carrying its reason.
    fn reason(pointer: String, message: String) -> TraitError {
        TraitError {
            pointer,
            context: json!({ "reason": message }),
            message,
            ui_id: UI_GENERIC,
        }
    }

    /// An email (4000040) or phone (4000041) format message.
    fn format(pointer: String, ui_id: u32, value: Value) -> TraitError {
        let message = if ui_id == UI_EMAIL {
            "Enter a valid email address"
        } else {
            "Enter a valid phone number"
        };
        TraitError {
            pointer,
            message: message.to_string(),
            ui_id,
            context: json!({ "value": value }),
        }
    }
}

/// One string value of the identity that the extension (or `email_loose`,
/// which the compiled validator does not know) has something to say about.
#[derive(Debug)]
struct Leaf<'m> {
    /// Where the value is, e.g. `/traits/emails/0`.
    pointer: String,
    extension: Option<&'m Extension>,
    format: Option<&'m str>,
    value: String,
}

/// The annotated string values of `{"traits": …}`, in schema order.
fn leaves<'m>(model: &'m IdentityModel, subject: &Value) -> Vec<Leaf<'m>> {
    let mut out = Vec::new();
    if let (Some(node), Some(traits)) = (&model.traits, subject.get("traits")) {
        visit(node, traits, "/traits", &mut out);
    }
    out
}

/// Follows the instance and the schema model together, as Kratos' extension
/// runners see them during validation. The model is finite (its depth is
/// bounded), so the walk is too.
fn visit<'m>(node: &'m SchemaNode, instance: &Value, pointer: &str, out: &mut Vec<Leaf<'m>>) {
    annotate(node, instance, pointer, out);
    match instance {
        Value::Object(map) => {
            for prop in node.properties.iter().flatten() {
                if let Some(value) = map.get(&prop.key) {
                    let here = format!("{pointer}/{}", escape(&prop.key));
                    visit(&prop.node, value, &here, out);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_node) = &node.items {
                for (i, value) in items.iter().enumerate() {
                    visit(item_node, value, &format!("{pointer}/{i}"), out);
                }
            }
        }
        _ => {}
    }
}

/// Records the string values an extension (or `email_loose`) applies to: the
/// value itself, or each string of an array whose schema carries it.
fn annotate<'m>(node: &'m SchemaNode, instance: &Value, pointer: &str, out: &mut Vec<Leaf<'m>>) {
    let extension = node.extension.as_ref();
    let format = node.format_or_items();
    if extension.is_none() && format != Some("email_loose") {
        return;
    }
    let mut push = |pointer: String, value: &str| {
        out.push(Leaf {
            pointer,
            extension,
            format,
            value: value.to_string(),
        });
    };
    match instance {
        Value::String(value) => push(pointer.to_string(), value),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if let Value::String(value) = item {
                    push(format!("{pointer}/{i}"), value);
                }
            }
        }
        _ => {}
    }
}

/// The extension rules' results (reference C.3, C.4).
#[derive(Debug, Default)]
struct Rules {
    code: Vec<Address>,
    verifiable: Vec<Address>,
    recovery: Vec<Address>,
    errors: Vec<TraitError>,
}

impl Rules {
    fn apply(&mut self, leaf: &Leaf<'_>) {
        if leaf.format == Some("email_loose") && !is_loose_email(&leaf.value) {
            self.errors.push(TraitError::format(
                leaf.pointer.clone(),
                UI_EMAIL,
                Value::String(leaf.value.clone()),
            ));
        }
        let Some(ext) = leaf.extension else {
            return;
        };
        if ext.code_identifier {
            let result = code_address(leaf, ext.code_via.as_ref());
            self.record(leaf, result, |r| &mut r.code);
        }
        if let Some(via) = &ext.verification_via {
            let result = verifiable_address(leaf, via);
            self.record(leaf, result, |r| &mut r.verifiable);
        }
        if let Some(via) = &ext.recovery_via {
            let result = recovery_address(leaf, via);
            self.record(leaf, result, |r| &mut r.recovery);
        }
    }

    fn record(
        &mut self,
        leaf: &Leaf<'_>,
        result: Result<Address, String>,
        list: fn(&mut Rules) -> &mut Vec<Address>,
    ) {
        match result {
            Ok(address) => {
                let list = list(self);
                if !list.contains(&address) {
                    list.push(address);
                }
            }
            Err(message) => self
                .errors
                .push(TraitError::reason(leaf.pointer.clone(), message)),
        }
    }
}

/// A code credential address: strict normalisation, except that an email trait
/// with another `format` than `email` (`no-validate`, `email_loose`) is
/// normalised gracefully.
fn code_address(leaf: &Leaf<'_>, via: Option<&ViaSpec>) -> Result<Address, String> {
    let via = via.and_then(ViaSpec::via).ok_or_else(|| {
        format!(
            "channel type \"{}\" must be one of email, sms",
            via.map_or_else(String::new, ViaSpec::text)
        )
    })?;
    let value = match (via, leaf.format) {
        (Via::Email, Some(format)) if format != "email" => {
            identifier::normalize_gracefully(&leaf.value)
        }
        _ => identifier::normalize(&leaf.value, via).map_err(|e| e.to_string())?,
    };
    Ok(Address { via, value })
}

/// A verifiable address: email and tel formats are normalised for their
/// channel, other formats only trimmed; without a format an email must be
/// valid and an SMS address is refused.
fn verifiable_address(leaf: &Leaf<'_>, via: &ViaSpec) -> Result<Address, String> {
    let value = &leaf.value;
    let via = via
        .via()
        .ok_or_else(|| format!("verification.via has unknown value \"{}\"", via.text()))?;
    let normalized = match (leaf.format, via) {
        (None, Via::Email) => identifier::normalize(value, via)
            .map_err(|_| format!("{} is not valid \"email\"", identifier::echo(value)))?,
        (None, Via::Sms) => {
            return Err("no format specified. A format is required if verification is enabled. If this was intentional, please set \"format\" to \"no-validate\"".to_string());
        }
        (Some(format @ ("email" | "tel")), _) => {
            identifier::normalize(value, via).map_err(|_| {
                format!(
                    "{} can not be normalized for format {format:?}",
                    identifier::echo(value)
                )
            })?
        }
        (Some(_), _) => value.trim().to_string(),
    };
    Ok(Address {
        via,
        value: normalized,
    })
}

/// A recovery address: SMS numbers must parse, emails (format absent or
/// `email`) must be valid; other formats are normalised gracefully.
fn recovery_address(leaf: &Leaf<'_>, via: &ViaSpec) -> Result<Address, String> {
    let value = &leaf.value;
    let via = via
        .via()
        .ok_or_else(|| format!("recovery.via has unknown value \"{}\"", via.text()))?;
    let normalized = match (via, leaf.format) {
        (Via::Sms, _) => identifier::normalize(value, via).map_err(|_| {
            format!(
                "{} is not valid \"tel\" for \"sms\"",
                identifier::echo(value)
            )
        })?,
        (Via::Email, None | Some("email")) => identifier::normalize(value, via)
            .map_err(|_| format!("{} is not valid \"email\"", identifier::echo(value)))?,
        (Via::Email, Some(_)) => identifier::normalize_gracefully(value),
    };
    Ok(Address {
        via,
        value: normalized,
    })
}

/// Kratos' `email_loose`: at most 320 bytes, one `@` between a non-empty local
/// part and domain, and none of RFC 5322's specials or whitespace.
fn is_loose_email(value: &str) -> bool {
    value.len() <= 320
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.is_empty()
                && !value
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "()<>[]:;\\,\"".contains(c))
                && !domain.contains('@')
        })
}

/// The channel's name, which is also the sort order of addresses (Kratos sorts
/// by the channel string).
fn channel(via: Via) -> &'static str {
    match via {
        Via::Email => "email",
        Via::Sms => "sms",
    }
}

/// The input type and autocomplete hint Kratos gives a trait: from `format`
/// when it has a matching input, else from `type` (`NewInputFieldFromSchema`).
fn input_kind(node: &SchemaNode) -> (&'static str, Option<&'static str>) {
    let kind = node.types().find(|t| *t != "null");
    let by_type = match kind {
        Some("number" | "integer") => "number",
        Some("boolean") => "checkbox",
        _ => "text",
    };
    match node.format.as_deref() {
        Some("date-time") => ("datetime-local", None),
        Some("email") => ("email", Some("email")),
        Some("tel") => ("tel", Some("tel")),
        Some("date") => ("date", None),
        Some("uri") => ("url", Some("url")),
        _ => (by_type, None),
    }
}

#[cfg(test)]
mod tests;
