//! What a client posts to a flow, decoded from a JSON object or an
//! `application/x-www-form-urlencoded` body into the engine's submissions
//! (Kratos' `updateLoginFlowWithCodeMethod`, `…RegistrationFlowWithCodeMethod`,
//! `…VerificationFlowWithCodeMethod`). Form keys with dots (`traits.name.first`)
//! nest, as Kratos' form decoder does.

use serde_json::{Map, Value};

use super::error::{self, ErrorBody};
use crate::engine::{LoginSubmission, RegistrationSubmission, VerificationSubmission};

/// A request body.
#[derive(Debug, Clone)]
pub enum Payload {
    /// `application/json`.
    Json(Value),
    /// `application/x-www-form-urlencoded`, as name-value pairs.
    Form(Vec<(String, String)>),
}

/// A decoded submission with the fields every flow has.
#[derive(Debug, Clone)]
pub struct Decoded<T> {
    /// What the engine takes.
    pub submission: T,
    /// The anti-CSRF token (browser flows).
    pub csrf_token: Option<String>,
}

impl Payload {
    /// The body as one JSON object: form pairs nest at their dots.
    fn into_object(self) -> Result<Map<String, Value>, ErrorBody> {
        match self {
            Payload::Json(Value::Object(object)) => Ok(object),
            Payload::Json(_) => Err(error::bad_request("the request body must be a JSON object")),
            Payload::Form(pairs) => {
                let mut object = Map::new();
                for (name, value) in pairs {
                    insert_dotted(&mut object, &name, Value::String(value))?;
                }
                Ok(object)
            }
        }
    }
}

fn insert_dotted(
    object: &mut Map<String, Value>,
    name: &str,
    value: Value,
) -> Result<(), ErrorBody> {
    let mut parts = name.split('.').peekable();
    let mut current = object;
    while let Some(part) = parts.next() {
        if part.is_empty() {
            return Err(error::bad_request(format!(
                "the form field {name:?} has an empty part"
            )));
        }
        if parts.peek().is_none() {
            current.insert(part.to_string(), value);
            return Ok(());
        }
        let entry = current
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(next) = entry else {
            return Err(error::bad_request(format!(
                "the form field {name:?} clashes with another"
            )));
        };
        current = next;
    }
    Ok(())
}

/// The fields of a code submission, read with their Kratos types.
struct Fields(Map<String, Value>);

impl Fields {
    fn decode(payload: Payload) -> Result<Fields, ErrorBody> {
        let fields = Fields(payload.into_object()?);
        match fields.string("method")?.as_deref() {
            Some("code") | None => Ok(fields),
            Some(other) => Err(error::bad_request(format!(
                "the method {other:?} is not offered here; use \"code\""
            ))),
        }
    }

    fn string(&self, name: &str) -> Result<Option<String>, ErrorBody> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(error::bad_request(format!("`{name}` must be a string"))),
        }
    }

    /// `resend=code` asks for a new code.
    fn resend(&self) -> Result<bool, ErrorBody> {
        Ok(self.string("resend")?.is_some_and(|v| !v.is_empty()))
    }

    fn object(&self, name: &str) -> Result<Option<Value>, ErrorBody> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value @ Value::Object(_)) => Ok(Some(value.clone())),
            Some(_) => Err(error::bad_request(format!("`{name}` must be an object"))),
        }
    }

    fn csrf(&self) -> Result<Option<String>, ErrorBody> {
        self.string("csrf_token")
    }
}

/// A login submission: `identifier` (or its alias `address`), `code`, `resend`.
pub fn login(payload: Payload) -> Result<Decoded<LoginSubmission>, ErrorBody> {
    let fields = Fields::decode(payload)?;
    let identifier = match fields.string("identifier")? {
        Some(identifier) => Some(identifier),
        None => fields.string("address")?,
    };
    Ok(Decoded {
        submission: LoginSubmission {
            identifier,
            code: fields.string("code")?,
            resend: fields.resend()?,
            transient_payload: fields.object("transient_payload")?,
        },
        csrf_token: fields.csrf()?,
    })
}

/// A registration submission: `traits`, `code`, `resend`.
pub fn registration(payload: Payload) -> Result<Decoded<RegistrationSubmission>, ErrorBody> {
    let fields = Fields::decode(payload)?;
    Ok(Decoded {
        submission: RegistrationSubmission {
            traits: fields.object("traits")?,
            code: fields.string("code")?,
            resend: fields.resend()?,
            transient_payload: fields.object("transient_payload")?,
        },
        csrf_token: fields.csrf()?,
    })
}

/// A verification submission: `email` (the address, also a phone number) and
/// `code`.
pub fn verification(payload: Payload) -> Result<Decoded<VerificationSubmission>, ErrorBody> {
    let fields = Fields::decode(payload)?;
    Ok(Decoded {
        submission: VerificationSubmission {
            email: fields.string("email")?,
            code: fields.string("code")?,
            transient_payload: fields.object("transient_payload")?,
        },
        csrf_token: fields.csrf()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form(pairs: &[(&str, &str)]) -> Payload {
        Payload::Form(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_form_registration_nests_its_traits() {
        let decoded = registration(form(&[
            ("method", "code"),
            ("traits.email", "a@b.c"),
            ("traits.name.first", "Ada"),
            ("csrf_token", "t"),
        ]))
        .expect("decodes");
        assert_eq!(
            decoded.submission.traits,
            Some(json!({ "email": "a@b.c", "name": { "first": "Ada" } }))
        );
        assert_eq!(decoded.csrf_token.as_deref(), Some("t"));
    }

    #[test]
    fn a_json_login_takes_address_as_the_identifier_and_resend() {
        let decoded = login(Payload::Json(
            json!({ "method": "code", "address": "a@b.c", "resend": "code" }),
        ))
        .expect("decodes");
        assert_eq!(decoded.submission.identifier.as_deref(), Some("a@b.c"));
        assert!(decoded.submission.resend);
        assert!(decoded.submission.code.is_none());
    }

    #[test]
    fn malformed_bodies_are_kratos_400s() {
        for payload in [
            Payload::Json(json!([1])),
            Payload::Json(json!({ "method": "code", "code": 123456 })),
            Payload::Json(json!({ "method": "password" })),
            Payload::Json(json!({ "method": "code", "traits": "x" })),
            form(&[("traits.email", "a"), ("traits.email.x", "b")]),
            form(&[("traits..email", "a")]),
        ] {
            let refused = registration(payload.clone())
                .err()
                .or_else(|| login(payload).err())
                .expect("refused");
            assert_eq!(refused.status(), 400, "{refused:?}");
        }
    }
}
