//! The JSON Schemas otpctl ships: the config schema, compiled into Rust at build
//! time, and draft-07's meta-schema for identity schemas.

use std::sync::OnceLock;

use serde_json::Value;

/// The schema of the identity config keys otpctl understands (types, enums, patterns).
pub const CONFIG_SCHEMA: &str = include_str!("config.schema.json");

/// The config schema as a value (for printing it and for did-you-mean lookups).
pub fn config_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    // Compiled into the binary and checked by a unit test.
    SCHEMA.get_or_init(|| serde_json::from_str(CONFIG_SCHEMA).unwrap_or(Value::Bool(true)))
}

/// The config schema, compiled into Rust at build time: nothing is compiled when a
/// config is checked, which matters for a tool that runs once per edit.
///
/// The schema's four `pattern`s (`^https?://`, `^smtps?://`, durations) are matched
/// against a handful of short strings per run, and building a regex costs far more
/// than matching one here. So they are built without a lazy DFA (`dfa_size_limit =
/// 0`: no DFA set-up, and the NFA engines left are as quick on strings this short),
/// and are written without redundant parts (Kratos' `^smtps?://.*` is `^smtps?://`
/// for an unanchored match, and compiling `.*` is most of that regex's cost).
#[jsonschema::validator(
    path = "src/schema/config.schema.json",
    draft = Draft7,
    validate_formats = true,
    pattern_options = { engine = regex, dfa_size_limit = 0 }
)]
pub(crate) struct ConfigValidator;

/// The draft-07 meta-schema validator identity schemas are checked against.
pub fn meta_validator() -> jsonschema::meta::MetaValidator<'static> {
    jsonschema::draft7::meta::validator()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_schema_compiles() {
        let schema: Value = serde_json::from_str(CONFIG_SCHEMA).expect("schema is JSON");
        assert!(jsonschema::draft7::new(&schema).is_ok());
    }
}
