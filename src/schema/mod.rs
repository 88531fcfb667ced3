//! The JSON Schemas otpctl ships, and checks of documents against them.

use std::sync::OnceLock;

use serde_json::Value;

/// The schema of the identity config keys otpctl understands (types, enums, patterns).
pub const CONFIG_SCHEMA: &str = include_str!("config.schema.json");

/// One place where a document breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON pointer of the offending value (`""` for the root).
    pub pointer: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "`{at}`: {}", self.message)
    }
}

fn config_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(CONFIG_SCHEMA).unwrap_or_default();
        // The schema is compiled into the binary and a unit test compiles it, so
        // this cannot fail at run time; the fallback accepts everything.
        jsonschema::draft7::new(&schema).unwrap_or_else(|_| {
            jsonschema::draft7::new(&Value::Bool(true)).expect("`true` is a valid schema")
        })
    })
}

/// Checks a config's structure and the types of the keys otpctl knows; every
/// problem is returned, in document order.
pub fn check_config(config: &Value) -> Vec<Problem> {
    config_validator()
        .iter_errors(config)
        .map(|e| Problem {
            pointer: e.instance_path().to_string(),
            message: e.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_config_schema_compiles() {
        let schema: Value = serde_json::from_str(CONFIG_SCHEMA).expect("schema is JSON");
        assert!(jsonschema::draft7::new(&schema).is_ok());
    }

    #[test]
    fn wrong_types_are_reported_at_their_pointer() {
        let problems = check_config(&json!({
            "selfservice": {"methods": {"code": {"passwordless_enabled": "yes"}}},
            "courier": {"message_retries": "five"}
        }));
        let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
        assert!(
            pointers.contains(&"/selfservice/methods/code/passwordless_enabled"),
            "{problems:?}"
        );
        assert!(
            pointers.contains(&"/courier/message_retries"),
            "{problems:?}"
        );
    }
}

/// Where a config uses SMS for one-time codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SmsUse {
    /// `courier.channels` has an entry with id `sms`.
    pub channel: bool,
    /// A referenced identity schema has a trait with code `via: sms`.
    pub schema_trait: bool,
}

/// Finds where a config sends codes by SMS. Schemas that cannot be read are skipped:
/// reporting them is validation's job, not this check's.
pub fn sms_use(config: &Value, base_dir: &std::path::Path) -> SmsUse {
    let channel = config
        .pointer("/courier/channels")
        .and_then(Value::as_array)
        .is_some_and(|channels| {
            channels
                .iter()
                .any(|c| c.get("id") == Some(&Value::from("sms")))
        });
    let schema_trait = config
        .pointer("/identity/schemas")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("url")?.as_str())
        .filter_map(|url| crate::config::source::read_source(url, base_dir).ok())
        .filter_map(|text| serde_json::from_str::<Value>(&text).ok())
        .any(|schema| has_sms_code_trait(&schema));
    SmsUse {
        channel,
        schema_trait,
    }
}

fn has_sms_code_trait(node: &Value) -> bool {
    match node {
        Value::Object(map) => {
            let via = map
                .get("ory.sh/kratos")
                .and_then(|ext| ext.pointer("/credentials/code/via"));
            via == Some(&Value::from("sms")) || map.values().any(has_sms_code_trait)
        }
        Value::Array(items) => items.iter().any(has_sms_code_trait),
        _ => false,
    }
}
