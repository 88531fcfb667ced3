//! `--add`/`--replace` `PATH=VALUE` and `--remove PATH`: any text gives operations
//! or a syntax error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otpctl::config::patch::{parse_assignment, parse_removal};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for flag in ["--add", "--replace"] {
        if let Ok(op) = parse_assignment(flag, text) {
            // A parsed operation names where it came from.
            assert!(!op.origin.is_empty());
        }
    }
    let _ = parse_removal(text);
});
