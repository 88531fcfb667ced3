//! Patched YAML keeps every comment, blank line, key order and quoting.

use crate::support::{World, stderr, yaml};

/// `otpctl patch identity-config` of the commented config in a world.
const PATCH_COMMENTED: [&str; 3] = ["patch", "identity-config", "./kratos-commented.yaml"];

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.find('#').map(|i| l[i..].trim_end()))
        .filter(|c| !c.starts_with("#!/"))
        .collect()
}

fn blank_lines(text: &str) -> usize {
    text.lines().filter(|l| l.trim().is_empty()).count()
}

fn patch(args: &[&str]) -> (String, String) {
    let w = World::new();
    let path = w.commented_config();
    let before = std::fs::read_to_string(&path).expect("read");
    let out = w
        .otpctl()
        .args(["patch", "identity-config", "./kratos-commented.yaml"])
        .args(args)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    (before, std::fs::read_to_string(&path).expect("read"))
}

fn assert_layout_kept(before: &str, after: &str) {
    assert_eq!(comments(before), comments(after), "comments changed");
    assert_eq!(
        blank_lines(before),
        blank_lines(after),
        "blank lines changed"
    );
    assert!(
        after.contains("from_name: \"ACME Portal\""),
        "quoting of untouched values changed"
    );
}

#[test]
fn add_keeps_comments_and_blank_lines() {
    let (before, after) = patch(&[
        "--add",
        "/selfservice/methods/code/passwordless_enabled=true",
        "--add",
        "/courier/channels=[{\"id\":\"sms\",\"type\":\"http\",\"request_config\":{\"url\":\"https://sms.acme.test/send\",\"method\":\"POST\"}}]",
        "--add",
        "/selfservice/allowed_return_urls/-=\"https://portal.acme.test/done\"",
    ]);
    assert_layout_kept(&before, &after);
    let config = yaml(&after);
    assert_eq!(
        config["selfservice"]["methods"]["code"]["passwordless_enabled"],
        true
    );
    assert_eq!(config["courier"]["channels"][0]["type"], "http");
    assert_eq!(
        config["selfservice"]["allowed_return_urls"][2],
        "https://portal.acme.test/done"
    );
    insta::assert_snapshot!(after);
}

#[test]
fn replace_keeps_comments_and_blank_lines() {
    let (before, after) = patch(&[
        "--replace",
        "/selfservice/methods/code/config/lifespan=\"30m\"",
        "--replace",
        "/session/lifespan=\"24h\"",
        "--replace",
        "/selfservice/allowed_return_urls/1=\"https://portal.acme.test/hello\"",
    ]);
    assert_layout_kept(&before, &after);
    // A comment beside a replaced value stays beside it.
    assert!(
        after.contains("lifespan: 24h # long sessions on the portal"),
        "{after}"
    );
    assert!(
        after.contains("- https://portal.acme.test/hello # after registration"),
        "{after}"
    );
    insta::assert_snapshot!(after);
}

#[test]
fn remove_keeps_the_comments_of_what_stays() {
    let (before, after) = patch(&[
        "--remove",
        "/selfservice/methods/link",
        "--remove",
        "/serve/public/cors",
    ]);
    let kept: Vec<&str> = comments(&before)
        .into_iter()
        .filter(|c| *c != "# deprecated, kept off")
        .collect();
    assert_eq!(kept, comments(&after));
    let config = yaml(&after);
    assert!(config["selfservice"]["methods"].get("link").is_none());
    assert!(config["serve"]["public"].get("cors").is_none());
    // `link:` stood between two blank lines and takes one of them with it; `cors:` had
    // none. The file reads as if neither had been there: no run of two blank lines.
    assert_eq!(
        blank_lines(&after),
        blank_lines(&before) - 1,
        "blank lines after the removals:\n{after}"
    );
    assert!(!after.contains("\n\n\n"), "a double blank line:\n{after}");
    insta::assert_snapshot!(after);
}

/// Regression (issue 16): removing the last key of a nested mapping left its blank
/// line and the one after it, a double blank line. Each removal here must give the
/// text the file would have had without the key.
#[test]
fn a_removal_takes_its_own_blank_lines() {
    let original = "\
# head

version: v1

selfservice:
  default_browser_return_url: https://x.test/
  methods:
    code:
      enabled: true

    link:
      enabled: false # deprecated

  flows:
    login:
      lifespan: 10m

    error:
      ui_url: https://x.test/error

courier:
  message_retries: 5

session:
  lifespan: 72h
";
    // What each removal cuts out of the text: the key's lines and one blank-line run.
    let cases = [
        // The last entry of a nested mapping, a blank line on both sides (the
        // `link:` of issue 16): the blank line before it goes.
        (
            "/selfservice/methods/link",
            "\n    link:\n      enabled: false # deprecated\n",
        ),
        // An entry between siblings of its own mapping.
        ("/courier", "courier:\n  message_retries: 5\n\n"),
        // The first entry of a mapping: the blank line after it goes, none is left
        // under the parent key.
        (
            "/selfservice/flows/login",
            "    login:\n      lifespan: 10m\n\n",
        ),
        // The last entry of the file: no blank line is left at the end.
        ("/session", "\nsession:\n  lifespan: 72h\n"),
    ];
    for (pointer, cut) in cases {
        assert_eq!(original.matches(cut).count(), 1, "{cut:?}");
        let want = original.replace(cut, "");
        let w = World::new();
        let path = w.write("kratos.yaml", original);
        let out = w
            .otpctl()
            .args([
                "patch",
                "identity-config",
                "./kratos.yaml",
                "--remove",
                pointer,
            ])
            .output()
            .expect("run");
        assert!(out.status.success(), "{pointer}: {}", stderr(&out));
        let after = std::fs::read_to_string(&path).expect("read");
        assert_eq!(after, want, "--remove {pointer}");
    }
}

#[test]
fn json_configs_keep_key_order_and_indentation() {
    let w = World::new();
    let path = w.write(
        "kratos.json",
        "{\n    \"version\": \"v1\",\n    \"selfservice\": {\n        \"default_browser_return_url\": \"https://x.test/\",\n        \"methods\": {\n            \"code\": {\"enabled\": true}\n        }\n    },\n    \"dsn\": \"memory\",\n    \"serve\": {}\n}\n",
    );
    let out = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            "./kratos.json",
            "--remove",
            "/version",
        ])
        .args([
            "--add",
            "/selfservice/methods/code/passwordless_enabled=true",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(&path).expect("read");
    insta::assert_snapshot!(after);
    assert!(after.starts_with("{\n    \"selfservice\""), "{after}");
    assert!(after.find("\"dsn\"") < after.find("\"serve\""));
}

#[test]
fn dry_run_prints_the_result_and_writes_nothing() {
    let w = World::new();
    let path = w.commented_config();
    let before = std::fs::read(&path).expect("read");
    let out = w.run(
        &[
            &PATCH_COMMENTED[..],
            &["--dry-run", "--replace", "/courier/message_retries=9"],
        ]
        .concat(),
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("message_retries: 9"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn diff_shows_a_unified_diff() {
    let w = World::new();
    w.commented_config();
    let out = w.run(
        &[
            &PATCH_COMMENTED[..],
            &[
                "--dry-run",
                "--diff",
                "--replace",
                "/courier/message_retries=9",
            ],
        ]
        .concat(),
    );
    assert!(out.status.success());
    insta::assert_snapshot!(w.scrub(&String::from_utf8_lossy(&out.stdout)));
}

#[test]
fn a_yaml_file_that_cannot_be_edited_in_place_is_refused_unless_reformat() {
    let w = World::new();
    // An alias shares one node between two keys: editing through one changes both.
    let path = w.write(
        "anchors.yaml",
        "# keep me\nsession: &b {lifespan: 1h}\nselfservice:\n  default_browser_return_url: https://x.test/\n  flows:\n    settings: *b\n",
    );
    let before = std::fs::read(&path).expect("read");
    let out = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            "./anchors.yaml",
            "--replace",
            "/selfservice/flows/settings/lifespan=\"2h\"",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--reformat"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let out = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            "./anchors.yaml",
            "--reformat",
            "--replace",
            "/selfservice/flows/settings/lifespan=\"2h\"",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let config = yaml(&std::fs::read_to_string(&path).expect("read"));
    assert_eq!(config["selfservice"]["flows"]["settings"]["lifespan"], "2h");
    assert_eq!(config["session"]["lifespan"], "1h");
}
