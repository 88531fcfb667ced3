//! The committed completions and man pages match the command definition.
//! Regenerate with `OTPCTL_BLESS=1 cargo test --test cli generated`.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("OTPCTL_BLESS").is_some();
    let mut stale = Vec::new();
    for (relative, contents) in otpctl::cli::generated_files() {
        let path = root.join(&relative);
        if std::fs::read(&path).ok().as_deref() == Some(contents.as_slice()) {
            continue;
        }
        if bless {
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, contents).expect("write");
        } else {
            stale.push(relative.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `OTPCTL_BLESS=1 cargo test --test cli generated`): {stale:?}"
    );
}

#[test]
fn every_shell_prints_a_completion_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = assert_cmd::Command::cargo_bin("otpctl")
            .expect("binary")
            .args(["completion", shell])
            .output()
            .expect("run");
        assert!(out.status.success() && out.stdout.len() > 100, "{shell}");
    }
}
