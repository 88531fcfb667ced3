//! Go template parsing as `validate` does it: the input is a `base64://` override
//! of the login-code email and SMS bodies.
#![no_main]

use std::path::Path;

use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let url = format!(
        "base64://{}",
        base64::engine::general_purpose::STANDARD.encode(text)
    );
    let config = json!({ "courier": { "templates": { "login_code": { "valid": {
        "email": { "subject": url, "body": { "plaintext": url, "html": url } },
        "sms": { "body": { "plaintext": url } },
    } } } } });
    let _ = otpctl::courier::template::check_config(&config, Path::new("/nonexistent"), "fuzz");
});
