//! A scrubbed `otpctl` command builder and fixture helpers.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A scratch world: its own data dir and a work dir for config files.
pub struct World {
    pub dir: TempDir,
}

impl World {
    pub fn new() -> World {
        World {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// `otpctl` with a clean environment: no colour, no CI, no inherited OTPCTL_*.
    pub fn otpctl(&self) -> Command {
        Command::from_std(self.process())
    }

    /// Runs `otpctl` with these arguments and returns what it did.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.otpctl().args(args).output().expect("otpctl runs")
    }

    /// The same, as a plain `std::process::Command` (for spawning and pipes).
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("otpctl"));
        for var in [
            "NO_COLOR",
            "CLICOLOR",
            "CLICOLOR_FORCE",
            "CI",
            "OTPCTL_PROJECT",
            "OTPCTL_DSN",
            "OTPCTL_COURIER_LEASE",
            "OTPCTL_COURIER_BUDGET",
            "XDG_DATA_HOME",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("OTPCTL_HOME", self.home())
            .current_dir(self.dir.path());
        cmd
    }

    /// Copies a fixture (relative to tests/fixtures) into the world and returns its path.
    pub fn fixture(&self, name: &str) -> PathBuf {
        let from = fixtures().join(name);
        let to = self
            .dir
            .path()
            .join(Path::new(name).file_name().expect("file name"));
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
        to
    }

    /// The realistic commented Kratos config and the identity schema it references.
    pub fn commented_config(&self) -> PathBuf {
        self.fixture("config/customer.schema.json");
        self.fixture("config/kratos-commented.yaml")
    }

    /// Writes a file into the world.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, contents).expect("write");
        path
    }

    /// Creates a project and returns its ID.
    pub fn project(&self, preset: &str) -> String {
        let out = self
            .otpctl()
            .args([
                "create", "project", "--preset", preset, "--format", "json", "-q",
            ])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        json["project"]["id"].as_str().expect("id").to_string()
    }

    /// Selects the project and turns passwordless login on, as the Ory guide's
    /// first step does.
    pub fn use_passwordless(&self, id: &str) {
        for args in [
            vec!["use", "project", id],
            vec![
                "patch",
                "identity-config",
                "--yes",
                "--add",
                "/selfservice/methods/code/passwordless_enabled=true",
            ],
        ] {
            let out = self.run(&args);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// The code in the newest outbox message to `recipient`, read the way a
    /// script reads it: `list courier-messages --format json`.
    pub fn code_sent_to(&self, recipient: &str) -> String {
        let out = self.run(&[
            "list",
            "courier-messages",
            "--recipient",
            recipient,
            "--format",
            "json",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let body = list["messages"][0]["body"].as_str().expect("body");
        body.split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 6)
            .expect("a six-digit code in the body")
            .to_string()
    }

    /// The config file of a project.
    pub fn config_of(&self, id: &str) -> PathBuf {
        self.home()
            .join("projects")
            .join(id)
            .join("identity-config.yaml")
    }

    /// Runs a command under `script`, which gives it a pseudo-terminal, feeding `input`.
    /// A prompt reads keys in raw mode, where the end of `input` is no end of file:
    /// a command still asking after it is stopped after a minute, and fails.
    pub fn on_a_terminal(&self, command: &str, input: &str) -> std::process::Output {
        use std::io::Write;
        // `--foreground` keeps the command in the terminal's foreground process
        // group: a shell that forks instead of exec'ing its last command (dash, the
        // `/bin/sh` that `script` runs when $SHELL is unset, as in CI) would otherwise
        // leave it in `timeout`'s own group, stopped by SIGTTIN at its first read.
        let bounded = format!("timeout --foreground 60 {command}");
        let mut child = std::process::Command::new("script")
            .args(["-qec", &bounded, "/dev/null"])
            .env("SHELL", "/bin/sh")
            .env("OTPCTL_HOME", self.home())
            .env_remove("OTPCTL_PROJECT")
            .current_dir(self.dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("`script` (util-linux) runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write");
        child.wait_with_output().expect("wait")
    }

    /// Replaces the world's temp path with a placeholder, for snapshots.
    pub fn scrub(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "[WORLD]")
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Parses YAML into JSON for comparisons.
pub fn yaml(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).expect("yaml")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}
