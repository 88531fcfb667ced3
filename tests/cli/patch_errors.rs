//! Every failing patch exits non-zero with a one-line error and leaves the file byte-identical.

use crate::support::{World, stderr};

struct Case {
    name: &'static str,
    args: Vec<String>,
    code: i32,
    says: &'static str,
}

fn case(name: &'static str, args: &[&str], code: i32, says: &'static str) -> Case {
    Case {
        name,
        args: args.iter().map(|s| s.to_string()).collect(),
        code,
        says,
    }
}

fn run_case(w: &World, case: &Case) {
    let path = w.dir.path().join("kratos-commented.yaml");
    let before = std::fs::read(&path).expect("read");
    let out = w
        .otpctl()
        .args(["patch", "identity-config", "./kratos-commented.yaml"])
        .args(&case.args)
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(case.code), "{}: {err}", case.name);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{}: not one line: {err}",
        case.name
    );
    assert!(err.starts_with("error: "), "{}: {err}", case.name);
    assert!(
        err.contains(case.says),
        "{}: expected `{}` in: {err}",
        case.name,
        case.says
    );
    assert!(!err.contains("panicked"), "{}: {err}", case.name);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "{}: file changed",
        case.name
    );
    assert!(out.stdout.is_empty(), "{}: wrote to stdout", case.name);
}

#[test]
fn failing_patches_change_nothing() {
    let w = World::new();
    w.commented_config();
    w.write(
        "test-fails.json",
        r#"[{"op":"test","path":"/courier/message_retries","value":7}]"#,
    );
    w.write(
        "partly-ok.yaml",
        "- op: replace\n  path: /session/lifespan\n  value: 1h\n- op: remove\n  path: /selfservice/methods/nope\n",
    );
    w.write("bad-op.json", r#"[{"op":"frobnicate","path":"/x"}]"#);
    w.write("scalar.json", "42");
    w.write("broken.yaml", "- op: add\n  path: [unclosed\n");
    let cases = [
        case(
            "value is not JSON",
            &["--add", "/courier/smtp/from_name=ACME"],
            2,
            "must be valid JSON",
        ),
        case(
            "missing equals",
            &["--add", "/selfservice/methods/code/passwordless_enabled"],
            2,
            "/some/config/key=<JSON value>",
        ),
        case(
            "not a pointer",
            &["--add", "selfservice/x=1"],
            2,
            "not a JSON pointer",
        ),
        case(
            "missing parent",
            &[
                "--add",
                "/selfservice/method/code/passwordless_enabled=true",
            ],
            1,
            "did you mean `/selfservice/methods`",
        ),
        case(
            "test op fails",
            &["--file", "test-fails.json"],
            1,
            "test failed: `/courier/message_retries` is 5, not 7",
        ),
        case(
            "index out of range",
            &[
                "--replace",
                "/selfservice/allowed_return_urls/7=\"https://x.test/\"",
            ],
            1,
            "index 7 is out of range",
        ),
        case(
            "remove what is not there",
            &["--remove", "/courier/smtp/password"],
            1,
            "`/courier/smtp/password` does not exist",
        ),
        case(
            "replace what is not there",
            &["--replace", "/session/lifespn=\"1h\""],
            1,
            "did you mean `/session/lifespan`",
        ),
        case(
            "move from nowhere",
            &["--file", "partly-ok.yaml"],
            1,
            "op #2",
        ),
        case(
            "result has a wrong type",
            &["--replace", "/courier/message_retries=\"five\""],
            10,
            "/courier/message_retries",
        ),
        case(
            "result has a bad duration",
            &["--replace", "/session/lifespan=\"1 day\""],
            10,
            "/session/lifespan",
        ),
        case(
            "unknown op in file",
            &["--file", "bad-op.json"],
            2,
            "not an RFC 6902 operation",
        ),
        case(
            "scalar patch file",
            &["--file", "scalar.json"],
            2,
            "found a number",
        ),
        case(
            "broken patch file",
            &["--file", "broken.yaml"],
            1,
            "broken.yaml",
        ),
        case(
            "missing patch file",
            &["--file", "nope.json"],
            1,
            "nope.json",
        ),
        case("no operation at all", &[], 2, "at least one of"),
        case(
            "bad pointer in a later flag, first is fine",
            &["--add", "/session/x=1", "--replace", "/a=oops"],
            2,
            "must be valid JSON",
        ),
    ];
    for c in &cases {
        run_case(&w, c);
    }
}

#[test]
fn a_missing_config_is_an_operational_error() {
    let w = World::new();
    let out = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            "./missing.yaml",
            "--add",
            "/x=1",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.yaml"));
}

#[test]
fn unknown_project_lists_the_known_ones() {
    let w = World::new();
    let id = w.project("email");
    let out = w
        .otpctl()
        .args(["patch", "identity-config", "nonexistent", "--add", "/x=1"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&id), "{}", stderr(&out));
}
