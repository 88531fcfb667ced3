//! Issue 14: untrusted configs in CI, bounded reads, file identity kept on write,
//! nothing left behind, private files, messages that cannot forge CI log lines.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::support::{World, stderr, stdout};

/// The secret a hostile config tries to get printed.
const SECRET: &str = "DB_PASSWORD=hunter2-s3cret";

/// A minimal valid config in `dir` whose identity schema is `url`.
fn config_with_schema(w: &World, name: &str, url: &str) -> PathBuf {
    w.write(
        name,
        format!(
            "identity:\n  default_schema_id: default\n  schemas:\n    - id: default\n      url: {url}\n"
        ),
    )
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

fn all_formats(w: &World, config: &Path, extra: &[&str]) -> Vec<(String, std::process::Output)> {
    ["human", "json", "github", "sarif"]
        .into_iter()
        .map(|format| {
            let out = w
                .otpctl()
                .args(["validate", "identity-config"])
                .arg(config)
                .args(["--format", format])
                .args(extra)
                .timeout(Duration::from_secs(60))
                .output()
                .expect("run");
            (format.to_string(), out)
        })
        .collect()
}

// ---- item 1: references stay in the config's tree ---------------------------------

#[test]
fn validate_does_not_quote_a_file_outside_the_config_tree() {
    let w = World::new();
    w.write("secret/.env", format!("{SECRET}\nAPI_KEY=abc123\n"));
    let config = config_with_schema(&w, "repo/kratos.yml", "file://../secret/.env");
    for (format, out) in all_formats(&w, &config, &[]) {
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(10), "{format}: {text}");
        assert!(!text.contains("hunter2"), "{format}: {text}");
        assert!(text.contains("reference-outside-tree"), "{format}: {text}");
        assert!(text.contains("secret/.env"), "{format}: {text}");
    }
    let out = w
        .otpctl()
        .args(["validate", "identity-config"])
        .arg(&config)
        .arg("file:///etc/passwd")
        .output()
        .expect("run");
    assert!(!stdout(&out).contains("root:"));
}

#[test]
fn absolute_and_symlinked_references_outside_the_tree_are_refused() {
    let w = World::new();
    w.write("outside.json", "{\"secret\": \"hunter2\"}");
    std::os::unix::fs::symlink(w.dir.path().join("outside.json"), {
        std::fs::create_dir_all(w.dir.path().join("repo")).expect("mkdir");
        w.dir.path().join("repo/link.json")
    })
    .expect("symlink");
    let absolute = config_with_schema(&w, "repo/abs.yml", "file:///etc/passwd");
    let linked = config_with_schema(&w, "repo/link.yml", "file://link.json");
    for config in [absolute, linked] {
        let out = w
            .otpctl()
            .args(["validate", "identity-config"])
            .arg(&config)
            .output()
            .expect("run");
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(10), "{text}");
        assert!(text.contains("reference-outside-tree"), "{text}");
        assert!(
            !text.contains("root:") && !text.contains("hunter2"),
            "{text}"
        );
    }
}

#[test]
fn allow_outside_widens_the_tree_and_quotes_only_a_first_line() {
    let w = World::new();
    let long_first = format!("{SECRET}{}", "x".repeat(100));
    w.write(
        "secret/.env",
        format!("{long_first}\nAPI_KEY=second-line-secret\n"),
    );
    let config = config_with_schema(&w, "repo/kratos.yml", "file://../secret/.env");
    let allowed = w.dir.path().join("secret");
    let allowed = allowed.to_str().expect("utf-8");
    for (format, out) in all_formats(&w, &config, &["--allow-outside", allowed]) {
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(10), "{format}: {text}");
        assert!(!text.contains("reference-outside-tree"), "{format}: {text}");
        assert!(!text.contains("second-line-secret"), "{format}: {text}");
        assert!(!text.contains(&long_first[..81]), "{format}: {text}");
    }
}

#[test]
fn a_schema_inside_the_tree_that_is_not_a_schema_is_quoted_by_its_first_line_only() {
    let w = World::new();
    w.write(
        "repo/.env",
        format!("{SECRET}\nAPI_KEY=second-line-secret\n"),
    );
    let config = config_with_schema(&w, "repo/kratos.yml", "file://.env");
    for (format, out) in all_formats(&w, &config, &[]) {
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(10), "{format}: {text}");
        assert!(!text.contains("second-line-secret"), "{format}: {text}");
    }
}

#[test]
fn devices_fifos_and_proc_are_refused_as_references() {
    let w = World::new();
    std::fs::create_dir_all(w.dir.path().join("repo")).expect("mkdir");
    mkfifo(&w.dir.path().join("repo/fifo.json"));
    let fifo = config_with_schema(&w, "repo/fifo.yml", "file://fifo.json");
    let zero = config_with_schema(&w, "repo/zero.yml", "file:///dev/zero");
    let proc = config_with_schema(&w, "repo/proc.yml", "file:///proc/self/environ");
    for config in [fifo, zero, proc] {
        let out = w
            .otpctl()
            .args(["validate", "identity-config"])
            .arg(&config)
            .args(["--allow-outside", "/dev", "--allow-outside", "/proc"])
            .timeout(Duration::from_secs(30))
            .output()
            .expect("run");
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(10), "{text}{}", stderr(&out));
        assert!(
            text.contains("not a regular file") || text.contains("/proc"),
            "{text}"
        );
        assert!(!text.contains("does not exist"), "{text}");
    }
}

#[test]
fn the_engine_refuses_a_template_outside_the_project_tree() {
    let w = World::new();
    let id = w.project("email");
    w.write("secret.txt", format!("{SECRET}\n"));
    let url = format!("file://{}", w.dir.path().join("secret.txt").display());
    let out = w
        .otpctl()
        .args(["patch", "identity-config", &id, "-q", "--add"])
        .arg(format!(
            "/courier/templates={{\"login_code\":{{\"valid\":{{\"email\":{{\"subject\":\"{url}\"}}}}}}}}"
        ))
        .output()
        .expect("run");
    assert!(!out.status.success(), "patch must refuse: {}", stderr(&out));
    assert!(
        stderr(&out).contains("reference-outside-tree"),
        "{}",
        stderr(&out)
    );
    // Allowed when it was written, the engine still refuses it without the flag.
    let out = w
        .otpctl()
        .args(["patch", "identity-config", &id, "-q", "--allow-outside"])
        .arg(w.dir.path())
        .arg("--add")
        .arg(format!(
            "/courier/templates={{\"login_code\":{{\"valid\":{{\"email\":{{\"subject\":\"{url}\"}}}}}}}}"
        ))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = w
        .otpctl()
        .args(["render", "template", "login_code_valid", &id])
        .output()
        .expect("run");
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!out.status.success(), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    assert!(text.contains("outside"), "{text}");
    let out = w
        .otpctl()
        .args([
            "render",
            "template",
            "login_code_valid",
            &id,
            "--allow-outside",
        ])
        .arg(w.dir.path())
        .output()
        .expect("run");
    assert!(stdout(&out).contains("hunter2"), "{}", stderr(&out));
}

#[test]
fn the_engine_refuses_an_identity_schema_outside_the_project_tree() {
    let w = World::new();
    let id = w.project("email");
    let schema = w.config_of(&id).with_file_name("identity.schema.json");
    let outside = w.dir.path().join("outside.schema.json");
    std::fs::copy(&schema, &outside).expect("copy");
    let url = format!("/identity/schemas/0/url=\"file://{}\"", outside.display());
    let out = w
        .otpctl()
        .args(["patch", "identity-config", &id, "-q", "--allow-outside"])
        .arg(w.dir.path())
        .args(["--replace", &url])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = w
        .otpctl()
        .args(["list", "identities", "--project", &id])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("reference-outside-tree"),
        "{}",
        stderr(&out)
    );
    let out = w
        .otpctl()
        .args(["list", "identities", "--project", &id, "--allow-outside"])
        .arg(w.dir.path())
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
}

// ---- item 2: every read is bounded ------------------------------------------------

const LIMIT: &str = "8388608";

#[test]
fn get_identity_config_of_dev_zero_is_refused_at_the_limit() {
    let w = World::new();
    let out = w
        .otpctl()
        .args(["get", "identity-config", "/dev/zero"])
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(LIMIT), "{}", stderr(&out));
}

#[test]
fn a_fifo_fed_forever_is_refused_at_the_limit() {
    let w = World::new();
    let fifo = w.dir.path().join("kratos.yaml");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&fifo) {
                let chunk = "a: b\n".repeat(4096);
                while f.write_all(chunk.as_bytes()).is_ok() {}
            }
        })
    };
    let out = w
        .otpctl()
        .args(["get", "identity-config"])
        .arg(&fifo)
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(LIMIT), "{}", stderr(&out));
    writer.join().expect("writer");
}

fn huge_stdin(mut cmd: std::process::Command) -> std::process::Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let chunk = " ".repeat(1 << 16);
        for _ in 0..200 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().expect("wait");
    feeder.join().expect("feeder");
    out
}

#[test]
fn render_data_and_import_from_stdin_are_bounded() {
    let w = World::new();
    let id = w.project("email");
    let mut render = w.process();
    render.args(["render", "template", "login_code_valid", &id, "--data", "-"]);
    let mut import = w.process();
    import.args(["import", "identities", "--project", &id, "-"]);
    for cmd in [render, import] {
        let out = huge_stdin(cmd);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains(LIMIT), "{}", stderr(&out));
    }
}

#[test]
fn a_huge_template_file_is_refused_at_the_limit() {
    let w = World::new();
    let id = w.project("email");
    let dir = w.config_of(&id).parent().expect("dir").to_path_buf();
    std::fs::write(dir.join("big.gotmpl"), " ".repeat(9 << 20)).expect("write");
    let config = w.config_of(&id);
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        text.replacen(
            "courier:\n",
            "courier:\n  templates:\n    login_code:\n      valid:\n        email:\n          subject: file://big.gotmpl\n",
            1,
        ),
    )
    .expect("write");
    let out = w
        .otpctl()
        .args(["render", "template", "login_code_valid", &id])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(stderr(&out).contains(LIMIT), "{}", stderr(&out));
}

#[test]
fn patch_refuses_to_write_a_config_over_the_read_limit() {
    let w = World::new();
    let config = w.write("kratos.yaml", "serve: {}\n");
    // A 3 MB value, copied twice: a 9 MB result from a 3 MB patch.
    let value = "a".repeat(3_000_000);
    let patch = w.write(
        "big.json",
        format!(
            r#"[{{"op":"add","path":"/x","value":"{value}"}},{{"op":"copy","from":"/x","path":"/y"}},{{"op":"copy","from":"/x","path":"/z"}}]"#
        ),
    );
    let out = w
        .otpctl()
        .args(["patch", "identity-config"])
        .arg(&config)
        .arg("--file")
        .arg(&patch)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(LIMIT), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&config).expect("read"),
        "serve: {}\n"
    );
}

// ---- item 7: writes keep the file's identity ---------------------------------------

const ADD: &str = "/courier/message_retries=7";
const BASE: &str = "courier: {}\nserve: {}\n";

fn patch(w: &World, config: &Path, extra: &[&str]) -> std::process::Output {
    w.otpctl()
        .args(["patch", "identity-config"])
        .arg(config)
        .args(["--add", ADD])
        .args(extra)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run")
}

#[test]
fn patch_through_a_symlink_writes_the_target_and_keeps_the_link() {
    let w = World::new();
    let real = w.write("real/kratos.yaml", BASE);
    let link = w.dir.path().join("kratos.yaml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let out = patch(&w, &link, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(link.symlink_metadata().expect("meta").is_symlink());
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("message_retries: 7")
    );
    let leftovers: Vec<_> = std::fs::read_dir(w.dir.path())
        .expect("ls")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".otpctl-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn patch_keeps_owner_group_and_mode() {
    let w = World::new();
    let config = w.write("kratos.yaml", BASE);
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Only root can give a file away (`scripts/test` also runs as a user): a user's
    // file keeps its owner, and the owner is checked all the same.
    let mine = std::fs::metadata(&config).expect("meta");
    let owner = if mine.uid() == 0 {
        (65534, 65534)
    } else {
        (mine.uid(), mine.gid())
    };
    std::os::unix::fs::chown(&config, Some(owner.0), Some(owner.1)).expect("chown");
    let out = patch(&w, &config, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(&config).expect("meta");
    assert_eq!(meta.mode() & 0o7777, 0o640);
    assert_eq!((meta.uid(), meta.gid()), owner);
}

#[test]
fn patch_refuses_a_read_only_file_unless_forced() {
    let w = World::new();
    let config = w.write("kratos.yaml", BASE);
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = patch(&w, &config, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&config).expect("read"), BASE);
    let out = patch(&w, &config, &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&config)
            .expect("read")
            .contains("message_retries: 7")
    );
    let meta = std::fs::metadata(&config).expect("meta");
    assert_eq!(meta.mode() & 0o7777, 0o444);
}

#[test]
fn patch_refuses_to_break_a_hard_link_unless_forced() {
    let w = World::new();
    let config = w.write("kratos.yaml", BASE);
    let other = w.dir.path().join("other-name.yaml");
    std::fs::hard_link(&config, &other).expect("link");
    let out = patch(&w, &config, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("hard link"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&config).expect("read"), BASE);
    let out = patch(&w, &config, &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&config)
            .expect("read")
            .contains("message_retries: 7")
    );
}

// ---- item 8: nothing left behind ---------------------------------------------------

#[test]
fn stale_temp_files_of_a_killed_write_are_cleaned_at_the_next_write() {
    let w = World::new();
    let config = w.write("kratos.yaml", BASE);
    let stale = w.write(".otpctl-Ab12Cd.tmp", "half a config");
    let foreign = w.write(".otpctl-notes.txt", "not ours");
    // A failing command changes nothing on disk, stale files included.
    let out = w
        .otpctl()
        .args(["patch", "identity-config"])
        .arg(&config)
        .args(["--add", "/no/such/parent=1"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stale.exists());
    let out = patch(&w, &config, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stale.exists());
    assert!(foreign.exists());
}

#[test]
fn a_slow_stdin_patch_does_not_hold_the_lock() {
    let w = World::new();
    let config = w.write("kratos.yaml", BASE);
    let mut slow = w
        .process()
        .args(["patch", "identity-config"])
        .arg(&config)
        .args(["--file", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(500));
    let out = patch(&w, &config, &["-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut stdin = slow.stdin.take().expect("stdin");
    stdin
        .write_all(br#"[{"op":"add","path":"/serve/public","value":{"base_url":"http://127.0.0.1:4433/"}}]"#)
        .expect("write");
    drop(stdin);
    let out = slow.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&config).expect("read");
    assert!(
        text.contains("message_retries: 7") && text.contains("base_url"),
        "{text}"
    );
}

// ---- item 9: private by default -----------------------------------------------------

#[test]
fn project_files_are_private_to_their_owner() {
    let w = World::new();
    let id = w.project("email");
    let config = w.config_of(&id);
    let dir = config.parent().expect("dir").to_path_buf();
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").mode() & 0o777;
    assert_eq!(mode(&w.home()), 0o700);
    assert_eq!(mode(&w.home().join("projects")), 0o700);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&config), 0o600);
    let out = w
        .otpctl()
        .args(["list", "identities", "--project", &id])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    for name in ["otpctl.db", "otpctl.db-wal", "otpctl.db-shm"] {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
    }
}

// ---- item 12: messages --------------------------------------------------------------

#[test]
fn file_unreadable_names_the_file() {
    let w = World::new();
    let binary = w.write("repo/binary.yml", [0xff_u8, 0xfe, 0x00, 0x01]);
    let huge = w.write("repo/huge.yml", " ".repeat(9 << 20));
    let missing = w.dir.path().join("repo/missing.yml");
    for file in [binary, huge, missing] {
        let out = w
            .otpctl()
            .args(["validate", "identity-config", "--format", "json"])
            .arg(&file)
            .output()
            .expect("run");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let message = report["diagnostics"][0]["message"]
            .as_str()
            .expect("message");
        assert_eq!(report["diagnostics"][0]["code"], "file-unreadable");
        let name = file.file_name().expect("name").to_string_lossy();
        assert!(message.contains(&*name), "{message}");
    }
}

#[test]
fn a_patch_file_op_is_named_without_a_stray_backtick() {
    let w = World::new();
    let config = w.write("kratos.yaml", "courier: {}\n");
    let patch = w.write("p.json", r#"[{"op": "frobnicate", "path": "/x"}]"#);
    let out = w
        .otpctl()
        .args(["patch", "identity-config"])
        .arg(&config)
        .arg("--file")
        .arg(&patch)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("p.json` op #1: "), "{text}");
    assert!(!text.contains("op #1`"), "{text}");
}

#[test]
fn a_device_reference_is_not_said_to_be_missing() {
    let w = World::new();
    let config = config_with_schema(&w, "repo/zero.yml", "file:///dev/zero");
    let out = w
        .otpctl()
        .args(["validate", "identity-config", "--allow-outside", "/dev"])
        .arg(&config)
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run");
    let text = stdout(&out);
    assert!(text.contains("is not a regular file"), "{text}");
    assert!(!text.contains("does not exist"), "{text}");
}

#[test]
fn a_crafted_key_cannot_start_a_workflow_command_line() {
    let w = World::new();
    let config = w.write(
        "kratos.json",
        r#"{"serve": {}, "x\n::error file=pwned.yml::forged": 1}"#,
    );
    for format in ["human", "github"] {
        let out = w
            .otpctl()
            .args(["validate", "identity-config", "--format", format])
            .arg(&config)
            .output()
            .expect("run");
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(10), "{text}");
        assert!(text.contains("forged"), "{text}");
        assert!(
            !text.lines().any(|l| l.starts_with("::error file=pwned")),
            "{format}: {text}"
        );
    }
}

#[test]
fn a_crafted_file_name_cannot_start_a_workflow_command_line() {
    let w = World::new();
    let config = w.write(
        "x\n::error file=pwned.yml::forged.yml",
        "{serve: {}, bad: 1}\n",
    );
    let out = w
        .otpctl()
        .args(["validate", "identity-config"])
        .arg(&config)
        .output()
        .expect("run");
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("forged"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("::error")), "{text}");
    // Errors on stderr name the file too.
    let binary = w.write("y\n::error file=pwned.yml::forged.yml", [0xff_u8, 0x00]);
    let out = w
        .otpctl()
        .args(["get", "identity-config"])
        .arg(&binary)
        .output()
        .expect("run");
    let text = stderr(&out);
    assert!(text.contains("forged"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("::error")), "{text}");
}

// ---- the engine's `dsn` --------------------------------------------------------------

/// A `dsn` naming a file that is not an SQLite database (or a device, or a FIFO)
/// is refused at once with what it is, and the file is left as it was; before,
/// `login` waited 30 s for a connection pool and said only that it timed out.
#[test]
fn a_dsn_naming_a_file_that_is_not_a_database_is_refused_at_once_and_left_alone() {
    let w = World::new();
    let id = w.project("email-sms");
    let notes = w.write("notes.txt", "precious text\n");
    for target in [notes.clone(), PathBuf::from("/dev/zero")] {
        let dsn = format!("/dsn=\"sqlite://{}\"", target.display());
        let out = w.run(&["patch", "identity-config", &id, "--yes", "--add", &dsn]);
        assert!(out.status.success(), "{}", stderr(&out));
        let started = std::time::Instant::now();
        let out = w
            .otpctl()
            .args(["login", "--project", &id, "--identifier", "a@example.com"])
            .timeout(Duration::from_secs(60))
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        assert!(
            stderr(&out).contains("not an SQLite database"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&notes).expect("read"),
        "precious text\n"
    );
}
