//! RFC 6902 and RFC 7396 patches applied to the lossless YAML tree: input is
//! `YAML document \0 JSON patch` (an array is RFC 6902, anything else RFC 7396).
//! Whatever otpctl applies must equal what `json-patch` gives on the JSON value, and
//! text it writes in place must parse back to that value.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use otpctl::config::patch::{self, Op};
use otpctl::config::{Document, Format, parse_value, render_edits};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some((yaml, patch_text)) = text.split_once('\0') else {
        return;
    };
    let path = Path::new("fuzz.yaml");
    let Ok(doc) = Document::parse(path, Format::Yaml, yaml.to_string()) else {
        return;
    };
    let Ok(patch_value) = serde_json::from_str::<Value>(patch_text) else {
        return;
    };
    let (operations, expected) = match &patch_value {
        Value::Array(_) => {
            let Ok(ops) = serde_json::from_value::<json_patch::Patch>(patch_value.clone()) else {
                return;
            };
            let mut expected = doc.value.clone();
            let expected = json_patch::patch(&mut expected, &ops).ok().map(|()| expected);
            (ops.0, expected)
        }
        merge => {
            let mut expected = doc.value.clone();
            json_patch::merge(&mut expected, merge);
            (patch::merge_patch_ops(&doc.value, merge, ""), Some(expected))
        }
    };
    let ops: Vec<Op> = operations
        .into_iter()
        .map(|operation| Op {
            operation,
            origin: "fuzz".to_string(),
        })
        .collect();
    let applied = patch::apply(&doc.value, &ops);
    match (&applied, &expected) {
        (Ok(applied), Some(expected)) => assert_eq!(&applied.value, expected),
        (Err(_), None) => return,
        (Ok(_), None) => panic!("otpctl applied a patch json-patch refuses"),
        (Err(e), Some(_)) => panic!("otpctl refused a patch json-patch applies: {e}"),
    }
    let Ok(applied) = applied else { return };
    if let Ok(written) = render_edits(&doc, &applied.edits, &applied.value) {
        let reparsed = parse_value(path, Format::Yaml, &written).expect("written text parses");
        assert_eq!(reparsed, applied.value);
    }
});
