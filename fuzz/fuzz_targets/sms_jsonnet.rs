//! An SMS channel's Jsonnet body of `ctx`, as the courier evaluates it: every
//! program ends in a value or an error within the bounds (nesting, memory,
//! output, time), never a crash or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Ok(code) = std::str::from_utf8(data) else {
        return;
    };
    let ctx = json!({
        "recipient": "+4917667111638",
        "body": "Your login code is: 123456",
        "template_type": "login_code_valid",
        "template_data": { "login_code": "123456", "to": "+4917667111638" },
        "message_type": "sms",
        "request_headers": {},
    });
    let _ = otpctl::jsonnet::evaluate(code, "fuzz.jsonnet", Some(&ctx), &[]);
});
