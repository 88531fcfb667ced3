//! The JSON Schemas otpctl ships, and checks of documents against them.

mod sms;

use std::sync::OnceLock;

use serde_json::Value;

pub use sms::turns_sms_on;

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

/// Starts compiling the config schema on another thread, so that a command that
/// will check a config pays for the compilation while it reads and patches.
pub fn prepare_config_check() {
    std::thread::spawn(|| {
        config_validator();
    });
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
