//! `validate identity-config` on any text: a report, never a panic. References
//! resolve in an empty directory, so the tree rule refuses anything else.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use otpctl::config::{Format, parse_value};
use otpctl::schema::config::validate_value;

fn empty_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("otpctl-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = empty_dir().join("identity-config.yaml");
    if let Ok(value) = parse_value(&path, Format::sniff(text), text) {
        let _ = validate_value(&value, empty_dir(), "identity-config.yaml");
    }
});
