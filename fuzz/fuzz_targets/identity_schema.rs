//! The identity-schema rules (`validate identity-schema`) on any text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use otpctl::schema::identity_schema::validate_text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = validate_text(text, Path::new("identity.schema.json"), "identity.schema.json");
});
