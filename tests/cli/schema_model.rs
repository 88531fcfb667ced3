//! The identity-schema model: a schema with its traits behind `$ref` works end to
//! end, and the validator and the engine read every fixture schema alike.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use otpctl::engine::identifier::Via;
use otpctl::engine::traits::{self, Derived};
use otpctl::schema::identity::CompiledSchema;
use otpctl::schema::identity_model::{IdentityModel, SchemaNode};
use otpctl::schema::identity_schema;
use serde_json::{Map, Value, json};

use crate::support::{World, fixtures, stderr, stdout};

const BEHIND_REF: &str = "identity-schema/valid/traits-behind-ref.json";

/// Regression: the validator did not follow `$ref`, so a schema whose traits and
/// `ory.sh/kratos` extension sit behind `$ref` was refused with `no-identifier`
/// (exit 10) and the engine would not open with it, though Kratos accepts it.
#[test]
fn traits_behind_ref_were_refused_with_no_identifier() {
    let world = World::new();
    let schema = fixtures().join(BEHIND_REF);
    let schema_path = schema.to_str().expect("utf-8 path");
    let out = world.run(&["validate", "identity-schema", schema_path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let id = world.project("email");
    let project_schema = world.config_of(&id).with_file_name("identity.schema.json");
    std::fs::copy(&schema, &project_schema).expect("copy the schema into the project");
    world.use_passwordless(&id);
    let out = world.run(&["validate", "identity-config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = world.run(&[
        "register",
        "--traits",
        r#"{"email":"Ref@Example.com","name":{"first":"Ada"}}"#,
        "--auto",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("identity: "), "{}", stdout(&out));
    let out = world.run(&[
        "login",
        "--identifier",
        "ref@example.com",
        "--auto",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let login: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        login["session"]["identity"]["traits"],
        json!({"email": "Ref@Example.com", "name": {"first": "Ada"}})
    );
}

/// Every identity schema among the fixtures: the config folders' `schema-*`
/// helpers, `config/*.schema.json` and every file of `identity-schema/`.
fn schema_fixtures() -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![fixtures()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read fixtures") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let in_schema_folder = path
                .components()
                .any(|c| c.as_os_str() == "identity-schema");
            if path.is_dir() {
                dirs.push(path);
            } else if in_schema_folder
                || (name.starts_with("schema-") && name.ends_with(".json"))
                || name.ends_with(".schema.json")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A fixture parsed as `validate` reads it; `None` for the `*-syntax` ones.
fn parse(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    let format = otpctl::config::Format::detect(path, &text);
    otpctl::config::parse_value(path, format, &text).ok()
}

/// A value for every trait the schema describes: addresses unique per trait (so
/// an address tells which trait it came from), everything else plain.
fn sample(raw: &Value, node: &SchemaNode, samples: &mut Vec<(String, String, Via)>) -> Value {
    if let Some(props) = &node.properties {
        let mut map = Map::new();
        for prop in props {
            map.insert(prop.key.clone(), sample(raw, &prop.node, samples));
        }
        return Value::Object(map);
    }
    // Keywords the model does not keep are read from the schema at the node's pointer.
    let keywords = raw.pointer(&node.pointer);
    if let Some(fixed) = keywords.and_then(|k| {
        k.get("const")
            .or_else(|| k.get("enum").and_then(|e| e.get(0)))
            .or_else(|| k.get("default"))
    }) {
        return fixed.clone();
    }
    let types: Vec<&str> = node.types().collect();
    if types.contains(&"array") {
        let item = node.items.as_deref().cloned().unwrap_or_default();
        return json!([sample(raw, &item, samples)]);
    }
    match types.first().copied() {
        Some("boolean") => return json!(true),
        Some("integer" | "number") => return json!(1),
        _ => {}
    }
    let n = samples.len();
    let via = node
        .extension
        .as_ref()
        .and_then(|e| {
            [&e.code_via, &e.verification_via, &e.recovery_via]
                .into_iter()
                .flatten()
                .find_map(|v| v.via())
        })
        .or(match node.format.as_deref() {
            Some("tel") => Some(Via::Sms),
            Some("email" | "email_loose") => Some(Via::Email),
            _ => None,
        });
    let value = match (via, node.format.as_deref()) {
        (Some(Via::Sms), _) => format!("+1645333{:04}", 1000 + n),
        (Some(Via::Email), _) => format!("trait{n}@example.com"),
        (None, Some("date")) => "2024-01-01".into(),
        (None, Some("date-time")) => "2024-01-01T00:00:00Z".into(),
        (None, Some("uri")) => "https://example.com".into(),
        _ => "sample".into(),
    };
    if let Some(via) = via {
        samples.push((node.name.clone(), value.clone(), via));
    }
    json!(value)
}

/// (trait, via) of addresses the engine derived, traced back through the samples.
fn traced(
    addresses: &[traits::Address],
    samples: &[(String, String, Via)],
) -> BTreeSet<(String, Via)> {
    addresses
        .iter()
        .filter_map(|a| {
            samples
                .iter()
                .find(|(_, value, _)| {
                    otpctl::engine::identifier::normalize_gracefully(value) == a.value
                })
                .map(|(name, _, _)| (name.clone(), a.via))
        })
        .collect()
}

/// Agreement: for every fixture schema, the validator's facts and the engine's
/// derivation name the same code identifiers with the same `via`, and, on an
/// identity with every trait filled in, the engine derives code and verifiable
/// addresses from exactly the traits the validator reported.
#[test]
fn validator_and_engine_agree_on_every_identity_schema_fixture() {
    let mut compared = 0;
    let mut derived_ok = Vec::new();
    for path in schema_fixtures() {
        let Some(schema) = parse(&path) else {
            continue; // the *-syntax fixtures
        };
        let label = path.display().to_string();
        let (diags, facts) = identity_schema::check(&schema, "fixture");
        let model = IdentityModel::parse(&schema);
        let engine_ids: Vec<(String, Option<Via>)> = traits::code_identifier_fields(&model)
            .into_iter()
            .map(|f| (f.name, f.via))
            .collect();
        assert_eq!(
            facts.code_identifiers, engine_ids,
            "{label}: code identifiers"
        );
        compared += 1;

        let Ok(compiled) = CompiledSchema::new(schema) else {
            assert!(
                !diags.is_empty(),
                "{label}: the engine refuses a schema the validator passes"
            );
            continue;
        };
        let Some(traits_node) = &compiled.model.traits else {
            continue;
        };
        let mut samples = Vec::new();
        let instance = sample(&compiled.raw, traits_node, &mut samples);
        match traits::derive(&compiled, &instance) {
            Ok(Derived {
                code_addresses,
                verifiable,
                ..
            }) => {
                let want = |list: &[(String, Option<Via>)]| -> BTreeSet<(String, Via)> {
                    list.iter()
                        .filter_map(|(name, via)| Some((name.clone(), (*via)?)))
                        .collect()
                };
                assert_eq!(
                    traced(&code_addresses, &samples),
                    want(&facts.code_identifiers),
                    "{label}: code addresses"
                );
                assert_eq!(
                    traced(&verifiable, &samples),
                    want(&facts.verifiable),
                    "{label}: verifiable addresses"
                );
                derived_ok.push(label);
            }
            Err(errors) => {
                let valid = label.contains("/valid/") || !label.contains("/invalid/");
                assert!(
                    !valid || !diags.is_empty(),
                    "{label}: the validator passes it, but the engine refuses a full identity: {errors:?}"
                );
            }
        }
    }
    assert!(compared >= 60, "only {compared} schemas compared");
    assert!(
        derived_ok
            .iter()
            .any(|l| l.ends_with("traits-behind-ref.json")),
        "{derived_ok:?}"
    );
    assert!(derived_ok.len() >= 15, "{derived_ok:?}");
}

/// The form fields (registration nodes, the login identifier's label) come from
/// the same model, so traits behind `$ref` get their inputs and labels too.
#[test]
fn form_fields_of_traits_behind_ref() {
    let schema = parse(&fixtures().join(BEHIND_REF)).expect("fixture parses");
    let model = IdentityModel::parse(&schema);
    let fields: Vec<(String, &str, bool, Option<String>)> = traits::trait_fields(&model)
        .into_iter()
        .map(|f| (f.name, f.input_type, f.required, f.title))
        .collect();
    assert_eq!(
        fields,
        [
            ("traits.email".into(), "email", true, Some("E-Mail".into())),
            (
                "traits.name.first".into(),
                "text",
                false,
                Some("First name".into())
            ),
            (
                "traits.name.last".into(),
                "text",
                false,
                Some("Last name".into())
            ),
        ]
    );
    let label = traits::identifier_label(&model).expect("one titled identifier");
    assert_eq!(
        (label.title.as_str(), label.name.as_str()),
        ("E-Mail", "traits.email")
    );
}
