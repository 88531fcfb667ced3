//! The README's tour, run as written: its commands are read from README.md itself
//! (so the two cannot drift), in order, by `sh` on a fresh home directory, from a
//! directory holding a copy of `docs/examples/` as the repository's root does.
//! `<ID>` and `<CODE>` are filled in from what the commands before them printed,
//! as a reader does; the one command that runs until Ctrl-C gets a SIGINT.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// A command of the tour and the comment after it.
struct Step {
    command: String,
    comment: String,
}

/// The tour's command lines, comment lines and blank lines dropped, `\`-continued
/// lines joined, each split from its trailing comment.
fn tour_commands() -> Vec<Step> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let tour = readme
        .split_once("## A 60-second tour")
        .expect("the README has a tour")
        .1;
    let block = tour
        .split_once("```sh\n")
        .expect("the tour has a sh block")
        .1
        .split_once("```")
        .expect("the block ends")
        .0;
    let mut commands = Vec::new();
    let mut pending = String::new();
    for line in block.lines() {
        let line = line.trim_end();
        if pending.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(head) => pending.push_str(head),
            None => {
                pending.push_str(line);
                let whole = std::mem::take(&mut pending);
                let (command, comment) = whole.split_once(" # ").unwrap_or((&whole, ""));
                commands.push(Step {
                    command: command.trim_end().to_string(),
                    comment: comment.to_string(),
                });
            }
        }
    }
    commands
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A fresh user: an empty HOME, otpctl on PATH, nothing of otpctl's in the environment.
struct Reader {
    root: tempfile::TempDir,
}

impl Reader {
    fn new() -> Reader {
        let root = tempfile::tempdir().expect("temp dir");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(
            &repo.join("docs/examples"),
            &root.path().join("work/docs/examples"),
        );
        std::fs::create_dir_all(root.path().join("home")).expect("home");
        Reader { root }
    }

    fn shell(&self, line: &str) -> Command {
        let bin = assert_cmd::cargo::cargo_bin("otpctl");
        let bin_dir: PathBuf = bin.parent().expect("bin dir").to_path_buf();
        let path = format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut cmd = Command::new("sh");
        cmd.args(["-c", line])
            .current_dir(self.root.path().join("work"))
            .env("HOME", self.root.path().join("home"))
            .env("PATH", path);
        for var in [
            "OTPCTL_HOME",
            "OTPCTL_PROJECT",
            "OTPCTL_DSN",
            "XDG_DATA_HOME",
            "NO_COLOR",
            "CI",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }

    fn run(&self, line: &str) -> Output {
        self.shell(line).output().expect("sh runs")
    }

    /// Runs a command that serves until Ctrl-C: lets it start, then interrupts it.
    fn run_until_interrupted(&self, line: &str) -> Output {
        let child = self
            .shell(&format!("exec {line}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_secs(2));
        let killed = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        child.wait_with_output().expect("wait")
    }
}

/// The value after `flow: ` in a command's output.
fn flow_id(stdout: &str) -> Option<String> {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("flow: "))
        .map(str::to_string)
}

/// The newest message's CODE column of `list courier-messages`.
fn newest_code(table: &str) -> Option<String> {
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next()?.split_whitespace().collect();
    let column = header.iter().position(|h| *h == "CODE")?;
    // Columns are aligned: the CODE cell starts where its header does.
    let start = table.lines().next()?.find(" CODE ")? + 1;
    let row = lines.next()?;
    let code = row.get(start..)?.split_whitespace().next()?;
    (column > 0 && code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| code.to_string())
}

#[test]
fn the_readme_tour_works_as_written() {
    let commands = tour_commands();
    assert!(commands.len() > 15, "{} commands", commands.len());
    let reader = Reader::new();
    let mut flow: Option<String> = None;
    let mut code: Option<String> = None;
    for step in &commands {
        let command = &step.command;
        let mut line = command.clone();
        if line.contains("<ID>") {
            let id = flow.as_deref().expect("a flow id printed before `<ID>`");
            line = line.replace("<ID>", id);
        }
        if line.contains("<CODE>") {
            let c = code.as_deref().expect("a code listed before `<CODE>`");
            line = line.replace("<CODE>", c);
        }
        let out = if step.comment.contains("until Ctrl-C") {
            reader.run_until_interrupted(&line)
        } else {
            reader.run(&line)
        };
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "`{line}` failed ({:?}):\n{stdout}\n{stderr}",
            out.status
        );
        assert!(
            !stderr.contains("error"),
            "`{line}` reported an error:\n{stderr}"
        );
        if command.contains("list courier-messages") {
            code = newest_code(&stdout);
            assert!(code.is_some(), "no code in the listing:\n{stdout}");
        } else if let Some(id) = flow_id(&stdout) {
            flow = Some(id);
        }
        if command.contains("--code <CODE>") {
            assert!(stdout.contains("session_token: ory_st_"), "{stdout}");
        }
    }
    // The tour's redirections wrote their files where the reader stands.
    let work = reader.root.path().join("work");
    for written in ["otpctl.sarif", "kratos-config.schema.json"] {
        let text = std::fs::read_to_string(work.join(written)).expect(written);
        assert!(text.starts_with('{'), "{written}: {text}");
    }
}

#[test]
fn the_install_lines_work_on_a_fresh_home() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let install = readme
        .split_once("## Install")
        .expect("an install section")
        .1
        .split_once("```sh\n")
        .expect("a sh block")
        .1
        .split_once("```")
        .expect("the block ends")
        .0;
    assert!(
        install.contains("cargo install --path . --locked"),
        "{install}"
    );
    // The lines after `cargo install`, run as written on a fresh HOME: the
    // completion script lands in a directory that did not exist.
    let reader = Reader::new();
    let lines: Vec<&str> = install
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("cargo "))
        .collect();
    assert_eq!(lines.len(), 2, "{install}");
    for line in lines {
        let out = reader.run(line);
        assert!(
            out.status.success(),
            "`{line}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let script = reader
        .root
        .path()
        .join("home/.local/share/bash-completion/completions/otpctl");
    let text = std::fs::read_to_string(&script).expect("the completion script");
    assert!(text.contains("_otpctl"), "{text}");
}
