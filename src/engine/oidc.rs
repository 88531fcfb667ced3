//! What an OIDC Jsonnet mapper would carry over at social sign-in (reference E):
//! the traits, and which verifiable addresses start verified. Only addresses
//! that are in the traits and marked `verification.via` in the schema count.

use serde_json::{Value, json};

use super::identifier::Via;
use super::traits::{self, Address, TraitError};
use crate::jsonnet::{self, JsonnetError};
use crate::schema::identity::CompiledSchema;

/// Why a mapper could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum MapperError {
    /// The Jsonnet failed.
    #[error(transparent)]
    Jsonnet(#[from] JsonnetError),
    /// The output is not `{identity: {traits: {…}}}`.
    #[error("the mapper must return an object with identity.traits, got {0}")]
    Shape(String),
    /// `identity.verified_addresses` is not an array (Kratos' words).
    #[error(
        "OpenID Connect Jsonnet mapper did not return an array for key identity.verified_addresses. Please check your Jsonnet code!"
    )]
    NotAnArray,
    /// An entry of `identity.verified_addresses` is not `{value, via}`.
    #[error(
        "Failed to unmarshal value for key identity.verified_addresses: entry {0} is not {{\"value\": string, \"via\": string}}"
    )]
    BadEntry(usize),
    /// The traits do not satisfy the identity schema.
    #[error("the traits do not satisfy the identity schema: {}", describe(.0))]
    Traits(Vec<TraitError>),
}

fn describe(errors: &[TraitError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.pointer, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What would be carried over.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    /// The traits as the identity would store them.
    pub traits: Value,
    /// Every verifiable address of the traits, verified or not.
    pub verifiable_addresses: Vec<(Address, bool)>,
    /// `verified_addresses` entries that marked nothing, with why.
    pub ignored: Vec<(Value, &'static str)>,
    /// `metadata_public` / `metadata_admin`, if the mapper set them.
    pub metadata_public: Option<Value>,
    /// Admin metadata.
    pub metadata_admin: Option<Value>,
}

/// Evaluates `mapper` with `std.extVar('claims')` and applies its
/// `verified_addresses` to the addresses the schema derives from its traits.
pub fn evaluate(
    mapper: &str,
    name: &str,
    claims: &Value,
    schema: &CompiledSchema,
) -> Result<Carried, MapperError> {
    let output = jsonnet::evaluate(mapper, name, None, &[("claims", claims)])?;
    let identity = output
        .get("identity")
        .filter(|i| i.get("traits").is_some_and(Value::is_object))
        .ok_or_else(|| MapperError::Shape(shape_of(&output)))?;
    let claimed = claimed_addresses(identity.get("verified_addresses"))?;
    let derived = traits::derive(schema, &identity["traits"]).map_err(MapperError::Traits)?;
    let verifiable_addresses = derived
        .verifiable
        .iter()
        .map(|a| {
            let verified = claimed.iter().any(|(c, _)| c.as_ref() == Some(a));
            (a.clone(), verified)
        })
        .collect::<Vec<_>>();
    let ignored = claimed
        .into_iter()
        .filter(|(c, _)| !c.as_ref().is_some_and(|c| derived.verifiable.contains(c)))
        .map(|(_, raw)| (raw, "not a verifiable address of the traits"))
        .collect();
    Ok(Carried {
        traits: derived.traits,
        verifiable_addresses,
        ignored,
        metadata_public: identity.get("metadata_public").cloned(),
        metadata_admin: identity.get("metadata_admin").cloned(),
    })
}

/// The mapper's `verified_addresses`: email values trimmed and lower-cased,
/// other channels as given (so SMS values must already be E.164), as Kratos.
/// An entry with a channel other than email or sms matches nothing (None).
fn claimed_addresses(list: Option<&Value>) -> Result<Vec<(Option<Address>, Value)>, MapperError> {
    let items = match list {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(MapperError::NotAnArray),
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let value = item
                .get("value")
                .and_then(Value::as_str)
                .ok_or(MapperError::BadEntry(i))?;
            let via = item
                .get("via")
                .and_then(Value::as_str)
                .ok_or(MapperError::BadEntry(i))?;
            let address = match via {
                "email" => Some(Address {
                    via: Via::Email,
                    value: value.trim().to_lowercase(),
                }),
                "sms" => Some(Address {
                    via: Via::Sms,
                    value: value.to_string(),
                }),
                _ => None,
            };
            Ok((address, item.clone()))
        })
        .collect()
}

fn shape_of(output: &Value) -> String {
    let text = output.to_string();
    if text.len() > 200 {
        format!("{}…", &text[..text.floor_char_boundary(200)])
    } else {
        text
    }
}

impl Carried {
    /// As JSON: traits, verifiable_addresses (Kratos' shape), ignored entries.
    pub fn to_json(&self) -> Value {
        json!({
            "traits": self.traits,
            "verifiable_addresses": self.verifiable_addresses.iter().map(|(a, verified)| json!({
                "value": a.value,
                "via": a.via.as_str(),
                "verified": verified,
                "status": if *verified { "completed" } else { "pending" },
            })).collect::<Vec<_>>(),
            "ignored_verified_addresses": self.ignored.iter().map(|(raw, why)| json!({
                "entry": raw,
                "reason": why,
            })).collect::<Vec<_>>(),
            "metadata_public": self.metadata_public,
            "metadata_admin": self.metadata_admin,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = include_str!("../project/presets/email-sms.schema.json");

    fn run(mapper: &str, claims: Value) -> Result<Carried, MapperError> {
        let schema: Value = serde_json::from_str(SCHEMA).expect("schema");
        let schema = CompiledSchema::new(schema).expect("compiles");
        evaluate(mapper, "mapper.jsonnet", &claims, &schema)
    }

    const MAPPER: &str = r#"
local claims = std.extVar('claims');
{
  identity: {
    traits: { email: claims.email, [if 'phone_number' in claims then 'phone']: claims.phone_number },
    verified_addresses: std.prune([
      if claims.email_verified then { via: 'email', value: claims.email },
      if 'phone_number' in claims then { via: 'sms', value: claims.phone_number },
      { via: 'email', value: 'someone-else@example.com' },
    ]),
  },
}
"#;

    #[test]
    fn only_verifiable_addresses_in_the_traits_carry_over() {
        let carried = run(
            MAPPER,
            json!({ "email": "Ada@Example.com", "email_verified": true, "phone_number": "+4917667111638" }),
        )
        .expect("evaluates");
        let email = carried
            .verifiable_addresses
            .iter()
            .find(|(a, _)| a.via == Via::Email)
            .expect("email");
        assert_eq!(email.0.value, "ada@example.com");
        assert!(
            email.1,
            "a verified email claim carries over, trimmed and lower-cased"
        );
        let phone = carried
            .verifiable_addresses
            .iter()
            .find(|(a, _)| a.via == Via::Sms)
            .expect("phone");
        assert!(phone.1);
        assert_eq!(
            carried.ignored.len(),
            1,
            "an address not in the traits is ignored"
        );
    }

    #[test]
    fn unverified_claims_carry_nothing() {
        let carried = run(
            MAPPER,
            json!({ "email": "ada@example.com", "email_verified": false }),
        )
        .expect("evaluates");
        assert!(
            carried
                .verifiable_addresses
                .iter()
                .all(|(_, verified)| !verified)
        );
    }

    #[test]
    fn a_non_array_is_refused_with_kratos_words() {
        let mapper = "{ identity: { traits: { email: 'a@b.co' }, verified_addresses: 'a@b.co' } }";
        let error = run(mapper, json!({})).expect_err("refused");
        assert!(matches!(error, MapperError::NotAnArray));
        assert!(error.to_string().contains("did not return an array"));
    }

    #[test]
    fn traits_are_validated() {
        let error =
            run("{ identity: { traits: { email: 'nope' } } }", json!({})).expect_err("invalid");
        assert!(matches!(error, MapperError::Traits(_)), "{error}");
    }
}
