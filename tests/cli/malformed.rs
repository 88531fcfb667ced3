//! Malformed input gets a clear one-line error, no panic, no stack overflow, no change.

use crate::support::{World, stderr};

fn assert_refused(w: &World, name: &str, says: &str) {
    let path = w.dir.path().join(name);
    let before = std::fs::read(&path).expect("read");
    let path_arg = format!("./{name}");
    for args in [
        vec!["patch", "identity-config", &path_arg, "--add", "/x=1"],
        vec!["get", "identity-config", &path_arg],
    ] {
        let out = w
            .otpctl()
            .args(&args)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .expect("run");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains(name) && err.contains(says),
            "{name}: expected `{says}`: {err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains("overflow"),
            "{name}: {err}"
        );
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "{name} changed"
    );
}

#[test]
fn broken_yaml() {
    let w = World::new();
    w.write(
        "broken.yaml",
        "selfservice:\n  methods: [code\n  flows: {}\n",
    );
    assert_refused(&w, "broken.yaml", "not valid YAML at line");
}

#[test]
fn json_with_trailing_garbage() {
    let w = World::new();
    w.write("trailing.json", "{\"version\": \"v1\"} }garbage");
    assert_refused(&w, "trailing.json", "trailing characters");
}

#[test]
fn binary_file() {
    let w = World::new();
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    w.write("binary.yaml", bytes);
    assert_refused(&w, "binary.yaml", "not UTF-8 text");
}

#[test]
fn empty_file() {
    let w = World::new();
    w.write("empty.yaml", "");
    assert_refused(&w, "empty.yaml", "is empty");
    w.write("comments-only.yaml", "# nothing here\n\n");
    assert_refused(&w, "comments-only.yaml", "is empty");
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let w = World::new();
    let depth = 10_000;
    w.write(
        "deep.json",
        format!(
            "{}{}",
            "{\"a\":".repeat(depth),
            "1".to_string() + &"}".repeat(depth)
        ),
    );
    assert_refused(&w, "deep.json", "nests deeper than");
    w.write(
        "deep.yaml",
        format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    );
    assert_refused(&w, "deep.yaml", "nests deeper than");
    // Block style: as deep as fits under the size limit.
    let block: String = (0..2_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    w.write("deep-block.yaml", block);
    assert_refused(&w, "deep-block.yaml", "nests deeper than");
}

#[test]
fn fifty_megabyte_file() {
    let w = World::new();
    let line = format!("  - {}\n", "x".repeat(100));
    let mut text = String::from("items:\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&line);
    }
    w.write("huge.yaml", text);
    assert_refused(&w, "huge.yaml", "over the");
}

#[test]
fn a_yaml_stream_and_a_top_level_list() {
    let w = World::new();
    w.write("stream.yaml", "a: 1\n---\nb: 2\n");
    assert_refused(&w, "stream.yaml", "more than one document");
    w.write("list.yaml", "- a\n- b\n");
    assert_refused(&w, "list.yaml", "must hold a mapping");
}
