//! The template data model: the Go field names each template sees, the
//! `template_data` JSON key each one is read from (Kratos' model structs), and
//! sample data for previews.

use std::collections::HashMap;

use gtmpl_ng::{Number, Value as GoValue};
use serde_json::{Map, Value, json};

use super::{Channel, TemplateType};

/// What a Go field holds when `template_data` lacks its key (Go's zero value).
#[derive(Debug, Clone, Copy)]
enum Zero {
    Text,
    Int,
    Map,
    Nil,
}

/// One field of a template model: `.{go}` in a template, `{json}` in `template_data`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Field {
    /// The Go field name (`LoginCode`).
    pub go: &'static str,
    /// The snake_case JSON key (`login_code`).
    pub json: &'static str,
    zero: Zero,
}

const fn field(go: &'static str, json: &'static str, zero: Zero) -> Field {
    Field { go, json, zero }
}

// The one table of Go names and JSON keys.
const TO: Field = field("To", "to", Zero::Text);
const IDENTITY: Field = field("Identity", "identity", Zero::Map);
const TRAITS: Field = field("Traits", "traits", Zero::Map);
const REQUEST_URL: Field = field("RequestURL", "request_url", Zero::Text);
const REQUEST_URL_DOMAIN: Field = field("RequestURLDomain", "request_url_domain", Zero::Text);
const TRANSIENT_PAYLOAD: Field = field("TransientPayload", "transient_payload", Zero::Map);
const EXPIRES_IN_MINUTES: Field = field("ExpiresInMinutes", "expires_in_minutes", Zero::Int);
const OAUTH2_LOGIN_REQUEST: Field = field("OAuth2LoginRequest", "oauth2_login_request", Zero::Nil);
const LOGIN_CODE: Field = field("LoginCode", "login_code", Zero::Text);
const REGISTRATION_CODE: Field = field("RegistrationCode", "registration_code", Zero::Text);
const VERIFICATION_CODE: Field = field("VerificationCode", "verification_code", Zero::Text);
const VERIFICATION_URL: Field = field("VerificationURL", "verification_url", Zero::Text);
const RECOVERY_CODE: Field = field("RecoveryCode", "recovery_code", Zero::Text);
/// Kratos' recovery-code SMS model tags its code `verification_code`.
const RECOVERY_CODE_SMS: Field = field("RecoveryCode", "verification_code", Zero::Text);
const RECOVERY_URL: Field = field("RecoveryURL", "recovery_url", Zero::Text);
const CHANGED_AT: Field = field("ChangedAt", "changed_at", Zero::Text);
const ADDED_AT: Field = field("AddedAt", "added_at", Zero::Text);
const SUBJECT: Field = field("Subject", "subject", Zero::Text);
const BODY: Field = field("Body", "body", Zero::Text);

/// The fields of a template type's model on a channel. A type without SMS answers
/// with its email model.
pub(super) fn fields(ty: TemplateType, channel: Channel) -> &'static [Field] {
    use Channel::{Email, Sms};
    use TemplateType as T;
    match (ty, channel) {
        (T::LoginCodeValid, Email) => &[
            TO,
            LOGIN_CODE,
            IDENTITY,
            REQUEST_URL,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
            OAUTH2_LOGIN_REQUEST,
        ],
        (T::LoginCodeValid, Sms) => &[
            TO,
            LOGIN_CODE,
            IDENTITY,
            REQUEST_URL,
            REQUEST_URL_DOMAIN,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
            OAUTH2_LOGIN_REQUEST,
        ],
        (T::RegistrationCodeValid, Email) => &[
            TO,
            TRAITS,
            REGISTRATION_CODE,
            REQUEST_URL,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
            OAUTH2_LOGIN_REQUEST,
        ],
        // `Identity` holds the traits here (Kratos' registration SMS model).
        (T::RegistrationCodeValid, Sms) => &[
            TO,
            REGISTRATION_CODE,
            IDENTITY,
            REQUEST_URL,
            REQUEST_URL_DOMAIN,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
            OAUTH2_LOGIN_REQUEST,
        ],
        (T::VerificationCodeValid, Email) => &[
            TO,
            VERIFICATION_URL,
            VERIFICATION_CODE,
            IDENTITY,
            REQUEST_URL,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
            OAUTH2_LOGIN_REQUEST,
        ],
        (T::VerificationCodeValid, Sms) => &[
            TO,
            VERIFICATION_CODE,
            IDENTITY,
            REQUEST_URL,
            REQUEST_URL_DOMAIN,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
            OAUTH2_LOGIN_REQUEST,
        ],
        (T::RecoveryCodeValid, Email) => &[
            TO,
            RECOVERY_CODE,
            IDENTITY,
            REQUEST_URL,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
        ],
        (T::RecoveryCodeValid, Sms) => &[
            TO,
            RECOVERY_CODE_SMS,
            IDENTITY,
            REQUEST_URL,
            REQUEST_URL_DOMAIN,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
        ],
        (T::RecoveryValid, _) => &[
            TO,
            RECOVERY_URL,
            IDENTITY,
            REQUEST_URL,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
        ],
        (T::VerificationValid, _) => &[
            TO,
            VERIFICATION_URL,
            IDENTITY,
            REQUEST_URL,
            TRANSIENT_PAYLOAD,
            EXPIRES_IN_MINUTES,
        ],
        (
            T::RecoveryInvalid
            | T::RecoveryCodeInvalid
            | T::VerificationInvalid
            | T::VerificationCodeInvalid,
            _,
        ) => &[TO, REQUEST_URL, TRANSIENT_PAYLOAD],
        (T::VerifiableAddressChanged, _) => &[TO, IDENTITY, CHANGED_AT, TRANSIENT_PAYLOAD],
        (T::AuthenticatorKeyAdded, _) => &[TO, IDENTITY, ADDED_AT, TRANSIENT_PAYLOAD],
        (T::Stub, _) => &[TO, SUBJECT, BODY],
    }
}

/// The value a template renders with: a struct-like object whose fields are the
/// model's, so that an unknown `.Field` is an error (as on a Go struct) while nested
/// maps keep their JSON keys and answer `<no value>` for a missing key (as Go maps do).
/// With `escape`, every string and map key is HTML-escaped, which is how the HTML
/// body escapes what it inserts.
pub(super) fn context(fields: &[Field], data: &Map<String, Value>, escape: bool) -> GoValue {
    let object = fields
        .iter()
        .map(|f| {
            let value = match data.get(f.json) {
                None | Some(Value::Null) => zero(f.zero),
                Some(value) => convert(value, escape),
            };
            (f.go.to_string(), value)
        })
        .collect();
    GoValue::Object(object)
}

fn zero(zero: Zero) -> GoValue {
    match zero {
        Zero::Text => GoValue::String(String::new()),
        Zero::Int => GoValue::Number(Number::signed(0)),
        Zero::Map => GoValue::Map(HashMap::new()),
        Zero::Nil => GoValue::Nil,
    }
}

fn convert(value: &Value, escape: bool) -> GoValue {
    let text = |s: &str| {
        if escape {
            escape_html(s)
        } else {
            s.to_string()
        }
    };
    match value {
        Value::Null => GoValue::Nil,
        Value::Bool(b) => GoValue::Bool(*b),
        Value::Number(n) => GoValue::Number(number(n)),
        Value::String(s) => GoValue::String(text(s)),
        Value::Array(items) => GoValue::Array(items.iter().map(|v| convert(v, escape)).collect()),
        Value::Object(map) => GoValue::Map(
            map.iter()
                .map(|(k, v)| (text(k), convert(v, escape)))
                .collect(),
        ),
    }
}

fn number(n: &serde_json::Number) -> Number {
    if let Some(i) = n.as_i64() {
        Number::signed(i)
    } else if let Some(u) = n.as_u64() {
        Number::unsigned(u)
    } else {
        Number::float(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// Escapes text for HTML element content and quoted attributes, with the
/// entities Go's `html/template` writes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const SAMPLE_EMAIL: &str = "jane.doe@example.com";
const SAMPLE_PHONE: &str = "+12025550123";
const SAMPLE_CODE: &str = "123456";
const SAMPLE_HOST: &str = "auth.example.com";
const SAMPLE_FLOW: &str = "5e2d1a4c-8b7f-4c3e-9d6a-0f1b2c3d4e5f";

/// Realistic `template_data` for previews: a sample identity (email and phone
/// traits), code `123456`, a 60-minute lifespan, and URLs of a sample host. Only the
/// keys of the type's model on that channel are present; a type without SMS gets
/// its email data.
pub fn sample_data(ty: TemplateType, channel: Channel) -> Value {
    let pool = sample_pool(ty, channel);
    let data: Map<String, Value> = fields(ty, channel)
        .iter()
        .filter_map(|f| pool.get(f.json).map(|v| (f.json.to_string(), v.clone())))
        .collect();
    Value::Object(data)
}

fn sample_pool(ty: TemplateType, channel: Channel) -> Value {
    let identity = sample_identity();
    let sms = channel == Channel::Sms && ty.has_sms();
    let flow = flow_of(ty);
    json!({
        "to": if sms { SAMPLE_PHONE } else { SAMPLE_EMAIL },
        "login_code": SAMPLE_CODE,
        "registration_code": SAMPLE_CODE,
        "verification_code": SAMPLE_CODE,
        "recovery_code": SAMPLE_CODE,
        "expires_in_minutes": 60,
        "request_url": format!("https://{SAMPLE_HOST}/self-service/{flow}/browser"),
        "request_url_domain": SAMPLE_HOST,
        "verification_url": format!(
            "https://{SAMPLE_HOST}/self-service/verification?flow={SAMPLE_FLOW}&code={SAMPLE_CODE}"
        ),
        "recovery_url": format!(
            "https://{SAMPLE_HOST}/self-service/recovery?flow={SAMPLE_FLOW}&token=8cKZGxaJ4Q2mNfRv"
        ),
        // Kratos' registration SMS model puts the traits where the identity goes.
        "identity": if sms && ty == TemplateType::RegistrationCodeValid {
            identity["traits"].clone()
        } else {
            identity.clone()
        },
        "traits": identity["traits"].clone(),
        "transient_payload": {},
        "changed_at": "2026-01-15T09:30:00Z",
        "added_at": "2026-01-15T09:30:00Z",
        "subject": "A test message",
        "body": "This is a test message from otpctl.",
    })
}

fn flow_of(ty: TemplateType) -> &'static str {
    use TemplateType as T;
    match ty {
        T::LoginCodeValid => "login",
        T::RegistrationCodeValid => "registration",
        T::RecoveryInvalid | T::RecoveryValid | T::RecoveryCodeInvalid | T::RecoveryCodeValid => {
            "recovery"
        }
        T::VerificationInvalid
        | T::VerificationValid
        | T::VerificationCodeInvalid
        | T::VerificationCodeValid => "verification",
        T::VerifiableAddressChanged | T::AuthenticatorKeyAdded | T::Stub => "settings",
    }
}

/// An identity as Kratos passes it to templates: without credentials and admin metadata.
fn sample_identity() -> Value {
    let at = "2026-01-15T09:00:00Z";
    json!({
        "id": "7f3c1a2e-5b8d-4e6f-9a0b-1c2d3e4f5a6b",
        "schema_id": "email-sms",
        "schema_url": "http://127.0.0.1:4433/schemas/ZW1haWwtc21z",
        "state": "active",
        "state_changed_at": at,
        "traits": { "email": SAMPLE_EMAIL, "phone": SAMPLE_PHONE },
        "verifiable_addresses": [
            {
                "id": "0b6f5c1d-2e3a-4b5c-8d7e-9f0a1b2c3d4e",
                "value": SAMPLE_EMAIL,
                "verified": true,
                "via": "email",
                "status": "completed",
                "verified_at": at,
                "created_at": at,
                "updated_at": at
            },
            {
                "id": "1c7a6d2e-3f4b-4c6d-9e8f-0a1b2c3d4e5f",
                "value": SAMPLE_PHONE,
                "verified": false,
                "via": "sms",
                "status": "pending",
                "created_at": at,
                "updated_at": at
            }
        ],
        "recovery_addresses": [
            {
                "id": "2d8b7e3f-4a5c-4d7e-8f9a-1b2c3d4e5f6a",
                "value": SAMPLE_EMAIL,
                "via": "email",
                "created_at": at,
                "updated_at": at
            }
        ],
        "metadata_public": null,
        "created_at": at,
        "updated_at": at
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_uses_go_entities() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn missing_keys_take_go_zero_values() {
        let data = Map::new();
        let GoValue::Object(object) = context(
            fields(TemplateType::LoginCodeValid, Channel::Sms),
            &data,
            false,
        ) else {
            panic!("an object");
        };
        assert_eq!(object["LoginCode"], GoValue::String(String::new()));
        assert_eq!(
            object["ExpiresInMinutes"],
            GoValue::Number(Number::signed(0))
        );
        assert_eq!(object["OAuth2LoginRequest"], GoValue::Nil);
        assert!(matches!(&object["Identity"], GoValue::Map(m) if m.is_empty()));
    }

    #[test]
    fn sample_data_follows_the_model_and_its_quirks() {
        let recovery = sample_data(TemplateType::RecoveryCodeValid, Channel::Sms);
        assert_eq!(recovery["verification_code"], SAMPLE_CODE);
        assert!(recovery.get("recovery_code").is_none());
        assert_eq!(recovery["to"], SAMPLE_PHONE);
        let registration = sample_data(TemplateType::RegistrationCodeValid, Channel::Sms);
        assert_eq!(registration["identity"]["email"], SAMPLE_EMAIL);
        let login = sample_data(TemplateType::LoginCodeValid, Channel::Email);
        assert_eq!(login["identity"]["traits"]["email"], SAMPLE_EMAIL);
        assert!(login.get("request_url_domain").is_none());
        // A type without SMS answers with its email data.
        let invalid = sample_data(TemplateType::VerificationCodeInvalid, Channel::Sms);
        assert_eq!(invalid["to"], SAMPLE_EMAIL);
    }
}
