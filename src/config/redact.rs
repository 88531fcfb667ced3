//! Masking secrets in a config for display (`get identity-config --redact`).

use serde_json::Value;

use super::edit::{Edit, Segment};

/// What a secret is replaced by.
pub(super) const REDACTED: &str = "REDACTED";

/// Keys whose string values are secrets wherever they appear.
const SECRET_KEYS: &[&str] = &[
    "password",
    "client_secret",
    "apple_private_key",
    "private_key",
];

/// Keys holding a URI whose userinfo password is a secret.
const URI_KEYS: &[&str] = &["connection_uri", "dsn"];

/// The edits that mask every secret in a config: `secrets.*`, passwords, API-key
/// values, OIDC client secrets, and the password inside SMTP and database URIs.
/// Applied through the same replay as a patch, so a redacted YAML keeps its comments.
pub fn redaction_edits(config: &Value) -> Vec<Edit> {
    let mut edits = Vec::new();
    walk(config, &mut Vec::new(), false, &mut edits);
    edits
}

fn walk(node: &Value, path: &mut Vec<Segment>, secret: bool, edits: &mut Vec<Edit>) {
    match node {
        Value::Object(map) => {
            let is_auth_config = matches!(path.as_slice(), [.., Segment::Key(auth), Segment::Key(config)] if auth == "auth" && config == "config");
            for (key, value) in map {
                let inner_secret = secret
                    || (path.is_empty() && key == "secrets")
                    || SECRET_KEYS.contains(&key.as_str())
                    || (is_auth_config && key == "value");
                if let (Some(uri), true) = (value.as_str(), URI_KEYS.contains(&key.as_str())) {
                    if let Some(masked) = mask_uri_password(uri) {
                        edits.push(set(path, Segment::Key(key.clone()), masked));
                    }
                    continue;
                }
                path.push(Segment::Key(key.clone()));
                walk(value, path, inner_secret, edits);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Segment::Index(i));
                walk(item, path, secret, edits);
                path.pop();
            }
        }
        Value::String(s) if secret && s != REDACTED => {
            let mut parent = path.clone();
            if let Some(last) = parent.pop() {
                edits.push(Edit::from_parts(
                    parent,
                    last,
                    Value::String(REDACTED.into()),
                ));
            }
        }
        _ => {}
    }
}

fn set(parent: &[Segment], last: Segment, value: String) -> Edit {
    Edit::from_parts(parent.to_vec(), last, Value::String(value))
}

/// `scheme://user:secret@host/…` → `scheme://user:REDACTED@host/…`; `None` when
/// the URI carries no password.
fn mask_uri_password(uri: &str) -> Option<String> {
    let (scheme, rest) = uri.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let (userinfo, host) = authority.rsplit_once('@')?;
    let (user, password) = userinfo.split_once(':')?;
    (password != REDACTED).then(|| format!("{scheme}://{user}:{REDACTED}@{host}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn uri_passwords_are_masked() {
        assert_eq!(
            mask_uri_password("smtps://me:p%40ss@mail.example.com:465/?x=1").as_deref(),
            Some("smtps://me:REDACTED@mail.example.com:465/?x=1")
        );
        assert_eq!(mask_uri_password("smtp://mail.example.com:25/"), None);
    }

    #[test]
    fn every_kind_of_secret_is_found() {
        let config = json!({
            "dsn": "postgres://u:pw@db/kratos",
            "secrets": {"default": ["0123456789abcdef"], "cookie": ["fedcba9876543210"]},
            "courier": {"channels": [{"id": "sms", "request_config": {"auth": {"type": "api_key", "config": {"name": "k", "value": "tok", "in": "header"}}}}]},
        });
        let mut redacted = config.clone();
        for edit in redaction_edits(&config) {
            assert!(super::super::edit::apply_json(&mut redacted, &edit).is_ok());
        }
        let text = redacted.to_string();
        for secret in ["pw@", "0123456789abcdef", "fedcba9876543210", "tok"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(text.contains("\"name\":\"k\""));
    }
}
