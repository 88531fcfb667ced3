//! Whether a config sends one-time codes by SMS (for the security warning).

use serde_json::Value;

use super::identity_model::IdentityModel;

/// Whether a change turns SMS codes on: an `sms` courier channel appears, or the
/// identity schemas change so that a trait receives codes by SMS. Schema files are
/// read only when the schema list changed.
pub fn turns_sms_on(before: &Value, after: &Value, base_dir: &std::path::Path) -> bool {
    if has_sms_channel(after) && !has_sms_channel(before) {
        return true;
    }
    let schemas = |config: &Value| config.pointer("/identity/schemas").cloned();
    schemas(before) != schemas(after)
        && schemas_use_sms(after, base_dir)
        && !schemas_use_sms(before, base_dir)
}

/// Whether `courier.channels` has a channel with id `sms`.
pub fn has_sms_channel(config: &Value) -> bool {
    config
        .pointer("/courier/channels")
        .and_then(Value::as_array)
        .is_some_and(|channels| {
            channels
                .iter()
                .any(|c| c.get("id") == Some(&Value::from("sms")))
        })
}

/// Whether a referenced identity schema sends anything by SMS (read from the
/// model validation uses). Schemas that cannot be read are skipped: reporting them is
/// validation's job.
fn schemas_use_sms(config: &Value, base_dir: &std::path::Path) -> bool {
    config
        .pointer("/identity/schemas")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("url")?.as_str())
        .filter_map(|url| crate::config::source::read_source(url, base_dir).ok())
        .filter_map(|text| serde_json::from_str::<Value>(&text).ok())
        .any(|schema| IdentityModel::parse(&schema).uses_sms())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_new_sms_channel_turns_sms_on() {
        let before = json!({"courier": {}});
        let after = json!({"courier": {"channels": [{"id": "sms"}]}});
        let dir = std::path::Path::new(".");
        assert!(turns_sms_on(&before, &after, dir));
        assert!(!turns_sms_on(&after, &after, dir));
        assert!(!turns_sms_on(&after, &before, dir));
    }

    #[test]
    fn an_sms_schema_turns_sms_on() {
        let schema = json!({"properties": {"traits": {"properties": {"phone": {
            "ory.sh/kratos": {"credentials": {"code": {"identifier": true, "via": "sms"}}}
        }}}}});
        let url = crate::config::source::encode_base64(&schema.to_string());
        let before = json!({"identity": {"schemas": []}});
        let after = json!({"identity": {"schemas": [{"id": "p", "url": url}]}});
        assert!(turns_sms_on(&before, &after, std::path::Path::new(".")));
    }
}
