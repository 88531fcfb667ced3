//! Trait derivation pinned against Kratos: identifiers, addresses, formats and
//! the messages of invalid traits.

use std::path::Path;

use super::*;
use crate::project::Preset;
use crate::schema::identity::IdentitySchemas;

/// Compiles `schema` the way the engine does (Kratos' formats) and derives.
fn derive_with(schema: &str, traits: Value) -> Result<Derived, Vec<TraitError>> {
    let config = json!({"identity": {"schemas": [
        {"id": "s", "url": crate::config::source::encode_base64(schema)}
    ]}});
    let schemas = IdentitySchemas::from_config(&config, Path::new(".")).expect("compiles");
    derive(schemas.get("s").expect("schema s"), &traits)
}

fn preset(preset: Preset, traits: Value) -> Result<Derived, Vec<TraitError>> {
    derive_with(preset.identity_schema(), traits)
}

fn custom(traits_schema: Value, traits: Value) -> Result<Derived, Vec<TraitError>> {
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {"traits": traits_schema}
    });
    derive_with(&schema.to_string(), traits)
}

fn email(value: &str) -> Address {
    Address {
        via: Via::Email,
        value: value.into(),
    }
}

fn sms(value: &str) -> Address {
    Address {
        via: Via::Sms,
        value: value.into(),
    }
}

fn one_error(result: Result<Derived, Vec<TraitError>>) -> TraitError {
    let errors = result.expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().expect("one")
}

#[test]
fn phone_traits_are_stored_in_e164() {
    let derived = preset(Preset::Sms, json!({"phone": "+1 (645) 333-1111"})).expect("valid");
    assert_eq!(derived.traits, json!({"phone": "+16453331111"}));
    assert_eq!(derived.code_addresses, [sms("+16453331111")]);
    assert_eq!(derived.verifiable, [sms("+16453331111")]);
    assert_eq!(derived.recovery, [sms("+16453331111")]);
}

#[test]
fn emails_stay_as_typed_but_addresses_are_lower_case() {
    let derived = preset(Preset::Email, json!({"email": "Foo@Example.COM"})).expect("valid");
    assert_eq!(derived.traits, json!({"email": "Foo@Example.COM"}));
    assert_eq!(derived.code_addresses, [email("foo@example.com")]);
    assert_eq!(derived.verifiable, [email("foo@example.com")]);
    assert_eq!(derived.recovery, [email("foo@example.com")]);
}

#[test]
fn code_addresses_are_sorted_by_value_then_via() {
    let derived = preset(
        Preset::EmailSms,
        json!({"email": "zed@example.com", "phone": "+49 151 12345678"}),
    )
    .expect("valid");
    assert_eq!(
        derived.code_addresses,
        [sms("+4915112345678"), email("zed@example.com")]
    );
    assert_eq!(
        derived.verifiable,
        [email("zed@example.com"), sms("+4915112345678")],
        "verifiable addresses keep trait order"
    );
    assert_eq!(derived.recovery, [email("zed@example.com")]);
}

#[test]
fn missing_required_trait() {
    let error = one_error(preset(Preset::Email, json!({})));
    assert_eq!(
        error,
        TraitError {
            pointer: "/traits/email".into(),
            message: "Property email is missing.".into(),
            ui_id: 4_000_002,
            context: json!({"property": "email"}),
        }
    );
}

#[test]
fn bad_email_is_reported_once_by_the_schema() {
    let error = one_error(preset(Preset::Email, json!({"email": "not-an-email"})));
    assert_eq!(error.pointer, "/traits/email");
    assert_eq!(error.ui_id, 4_000_040);
    assert_eq!(error.context, json!({"value": "not-an-email"}));
}

#[test]
fn bad_phone_is_reported_once_by_the_schema() {
    let error = one_error(preset(Preset::Sms, json!({"phone": "0151 12345678"})));
    assert_eq!(error.pointer, "/traits/phone");
    assert_eq!(error.ui_id, 4_000_041);
    assert_eq!(error.message, "Enter a valid phone number");
    assert_eq!(error.context, json!({"value": "0151 12345678"}));
}

#[test]
fn every_problem_is_collected() {
    let errors =
        preset(Preset::EmailSms, json!({"phone": "12345", "extra": 1})).expect_err("refused");
    let mut found: Vec<(&str, u32)> = errors
        .iter()
        .map(|e| (e.pointer.as_str(), e.ui_id))
        .collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            ("/traits", 4_000_001),
            ("/traits/email", 4_000_002),
            ("/traits/phone", 4_000_041)
        ]
    );
}

#[test]
fn code_identifier_without_via() {
    let schema = json!({"type": "object", "properties": {"email": {
        "type": "string", "format": "email",
        "ory.sh/kratos": {"credentials": {"code": {"identifier": true}}}
    }}});
    let error = one_error(custom(schema.clone(), json!({"email": "a@example.com"})));
    assert_eq!(error.pointer, "/traits/email");
    assert_eq!(error.ui_id, 4_000_001);
    assert_eq!(error.message, "channel type \"\" must be one of email, sms");
    assert_eq!(error.context, json!({"reason": error.message}));

    let mut bad_via = schema;
    bad_via["properties"]["email"]["ory.sh/kratos"]["credentials"]["code"]["via"] = json!("pigeon");
    let error = one_error(custom(bad_via, json!({"email": "a@example.com"})));
    assert_eq!(
        error.message,
        "channel type \"pigeon\" must be one of email, sms"
    );
}

#[test]
fn nested_objects_and_arrays() {
    let code_email = json!({"credentials": {"code": {"identifier": true, "via": "email"}}});
    let code_sms = json!({"credentials": {"code": {"identifier": true, "via": "sms"}}, "verification": {"via": "sms"}});
    let schema = json!({"type": "object", "properties": {
        "contact": {"type": "object", "properties": {
            "emails": {"type": "array", "items": {
                "type": "string", "format": "email", "ory.sh/kratos": code_email
            }},
            "phones": {"type": "array", "items": {"type": "string", "format": "tel"},
                "ory.sh/kratos": code_sms}
        }}
    }});
    let derived = custom(
        schema,
        json!({"contact": {
            "emails": ["B@example.com", "a@example.com", "b@EXAMPLE.com"],
            "phones": ["+1 645 333 1111"]
        }}),
    )
    .expect("valid");
    assert_eq!(
        derived.traits["contact"]["phones"],
        json!(["+16453331111"]),
        "array elements of an SMS identifier are rewritten too"
    );
    assert_eq!(
        derived.traits["contact"]["emails"][0], "B@example.com",
        "emails stay as typed"
    );
    assert_eq!(
        derived.code_addresses,
        [
            sms("+16453331111"),
            email("a@example.com"),
            email("b@example.com")
        ]
    );
    assert_eq!(derived.verifiable, [sms("+16453331111")]);
}

#[test]
fn errors_in_arrays_point_at_the_element() {
    let schema = json!({"type": "object", "properties": {"emails": {
        "type": "array",
        "items": {"type": "string", "format": "no-validate",
            "ory.sh/kratos": {"recovery": {"via": "sms"}}}
    }}});
    let error = one_error(custom(schema, json!({"emails": ["+16453331111", "nope"]})));
    assert_eq!(error.pointer, "/traits/emails/1");
    assert_eq!(error.message, "\"nope\" is not valid \"tel\" for \"sms\"");
}

#[test]
fn no_validate_normalises_gracefully_and_trims_verification() {
    let schema = json!({"type": "object", "properties": {"username": {
        "type": "string", "format": "no-validate",
        "ory.sh/kratos": {
            "credentials": {"code": {"identifier": true, "via": "email"}},
            "verification": {"via": "email"},
            "recovery": {"via": "email"}
        }
    }}});
    let derived = custom(schema, json!({"username": "  Bob "})).expect("valid");
    assert_eq!(derived.traits, json!({"username": "  Bob "}));
    assert_eq!(derived.code_addresses, [email("bob")]);
    assert_eq!(derived.verifiable, [email("Bob")]);
    assert_eq!(derived.recovery, [email("bob")]);
}

#[test]
fn verification_rules() {
    let trait_with = |format: Option<&str>, via: &str| {
        let mut prop = json!({"type": "string", "ory.sh/kratos": {"verification": {"via": via}}});
        if let Some(f) = format {
            prop["format"] = json!(f);
        }
        json!({"type": "object", "properties": {"a": prop}})
    };
    let message = |format: Option<&str>, via: &str, value: &str| {
        one_error(custom(trait_with(format, via), json!({"a": value}))).message
    };
    assert_eq!(
        message(None, "sms", "+16453331111"),
        "no format specified. A format is required if verification is enabled. If this was intentional, please set \"format\" to \"no-validate\""
    );
    assert_eq!(message(None, "email", "x"), "\"x\" is not valid \"email\"");
    assert_eq!(
        message(None, "carrier-pigeon", "x"),
        "verification.via has unknown value \"carrier-pigeon\""
    );
    // A number passes `format: tel` but is no email address.
    assert_eq!(
        message(Some("tel"), "email", "+16453331111"),
        "\"+16453331111\" can not be normalized for format \"tel\""
    );
    let trimmed = custom(
        trait_with(Some("date"), "email"),
        json!({"a": "2024-01-01"}),
    )
    .expect("valid");
    assert_eq!(trimmed.verifiable, [email("2024-01-01")]);
}

#[test]
fn recovery_with_unknown_via() {
    let schema = json!({"type": "object", "properties": {"a": {
        "type": "string", "ory.sh/kratos": {"recovery": {"via": "fax"}}
    }}});
    let error = one_error(custom(schema, json!({"a": "x"})));
    assert_eq!(error.message, "recovery.via has unknown value \"fax\"");
}

#[test]
fn email_loose_is_checked_here() {
    let schema = json!({"type": "object", "properties": {"email": {
        "type": "string", "format": "email_loose",
        "ory.sh/kratos": {"credentials": {"code": {"identifier": true, "via": "email"}}}
    }}});
    let derived =
        custom(schema.clone(), json!({"email": "Odd.Name+tag@Example.com"})).expect("valid");
    assert_eq!(derived.code_addresses, [email("odd.name+tag@example.com")]);
    let error = one_error(custom(schema, json!({"email": "not an email"})));
    assert_eq!(
        (error.pointer.as_str(), error.ui_id),
        ("/traits/email", 4_000_040)
    );
    assert!(!is_loose_email(&format!("{}@example.com", "a".repeat(320))));
    assert!(!is_loose_email("a<b>@example.com"));
    assert!(is_loose_email("a@b"));
}

#[test]
fn local_refs_are_followed() {
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"phone": {
            "type": "string", "format": "tel", "title": "Mobile",
            "ory.sh/kratos": {"credentials": {"code": {"identifier": true, "via": "sms"}}}
        }},
        "type": "object",
        "properties": {"traits": {"type": "object", "properties": {
            "phone": {"$ref": "#/definitions/phone"}
        }}}
    });
    let derived =
        derive_with(&schema.to_string(), json!({"phone": "+1 645 333 1111"})).expect("valid");
    assert_eq!(derived.code_addresses, [sms("+16453331111")]);
    assert_eq!(
        identifier_label(&IdentityModel::parse(&schema)),
        Some(IdentifierLabel {
            title: "Mobile".into(),
            name: "traits.phone".into()
        })
    );
}

#[test]
fn identifier_fields_and_label() {
    let schema: Value =
        serde_json::from_str(Preset::EmailSms.identity_schema()).expect("preset parses");
    assert_eq!(
        code_identifier_fields(&IdentityModel::parse(&schema)),
        [
            IdentifierField {
                name: "traits.email".into(),
                title: Some("Email address".into()),
                via: Some(Via::Email),
            },
            IdentifierField {
                name: "traits.phone".into(),
                title: Some("Phone number".into()),
                via: Some(Via::Sms),
            }
        ]
    );
    assert_eq!(
        identifier_label(&IdentityModel::parse(&schema)),
        None,
        "two identifiers: label ID"
    );
    let schema: Value =
        serde_json::from_str(Preset::Email.identity_schema()).expect("preset parses");
    assert_eq!(
        identifier_label(&IdentityModel::parse(&schema)),
        Some(IdentifierLabel {
            title: "Email address".into(),
            name: "traits.email".into()
        })
    );
    let untitled = json!({"properties": {"traits": {"properties": {"email": {
        "type": "string",
        "ory.sh/kratos": {"credentials": {"password": {"identifier": true}}}
    }}}}});
    assert_eq!(identifier_label(&IdentityModel::parse(&untitled)), None);
    assert!(code_identifier_fields(&IdentityModel::parse(&untitled)).is_empty());
}

#[test]
fn trait_fields_follow_the_schema() {
    let schema: Value =
        serde_json::from_str(Preset::EmailSms.identity_schema()).expect("preset parses");
    assert_eq!(
        trait_fields(&IdentityModel::parse(&schema)),
        [
            TraitField {
                name: "traits.email".into(),
                input_type: "email",
                autocomplete: Some("email"),
                required: true,
                title: Some("Email address".into()),
                pattern: None,
            },
            TraitField {
                name: "traits.phone".into(),
                input_type: "tel",
                autocomplete: Some("tel"),
                required: false,
                title: Some("Phone number".into()),
                pattern: None,
            }
        ]
    );
    let custom = json!({"properties": {"traits": {"type": "object", "required": ["tos"], "properties": {
        "name": {"type": "object", "required": ["first"], "properties": {
            "first": {"type": "string", "title": "First name", "pattern": "^[A-Z]"},
            "last": {"type": "string", "title": ""}
        }},
        "age": {"type": "integer"},
        "height": {"type": ["number", "null"]},
        "tos": {"type": "boolean"},
        "born": {"type": "string", "format": "date"},
        "seen": {"type": "string", "format": "date-time"},
        "site": {"type": "string", "format": "uri"},
        "tags": {"type": "array", "items": {"type": "string"}}
    }}}});
    let fields = trait_fields(&IdentityModel::parse(&custom));
    let summary: Vec<(&str, &str, Option<&str>, bool)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.input_type, f.autocomplete, f.required))
        .collect();
    assert_eq!(
        summary,
        [
            ("traits.name.first", "text", None, true),
            ("traits.name.last", "text", None, false),
            ("traits.age", "number", None, false),
            ("traits.height", "number", None, false),
            ("traits.tos", "checkbox", None, true),
            ("traits.born", "date", None, false),
            ("traits.seen", "datetime-local", None, false),
            ("traits.site", "url", Some("url"), false),
            ("traits.tags", "text", None, false),
        ]
    );
    assert_eq!(fields[0].title.as_deref(), Some("First name"));
    assert_eq!(fields[0].pattern.as_deref(), Some("^[A-Z]"));
    assert_eq!(fields[1].title, None, "an empty title is no label");
}
