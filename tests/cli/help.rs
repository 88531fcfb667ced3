//! `--help` of every command, snapshotted so interface changes show up as diffs.

fn all_paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut path = prefix.clone();
        path.push(sub.get_name().to_string());
        all_paths(sub, path, out);
    }
}

#[test]
fn help_of_every_command() {
    let mut paths = Vec::new();
    all_paths(&otpctl::cli::command(), Vec::new(), &mut paths);
    for path in paths {
        let out = assert_cmd::Command::cargo_bin("otpctl")
            .expect("binary")
            .args(&path)
            .arg("--help")
            .env("COLUMNS", "100")
            .env_remove("OTPCTL_PROJECT")
            .output()
            .expect("run");
        assert!(out.status.success(), "{path:?}");
        let name = if path.is_empty() {
            "otpctl".to_string()
        } else {
            format!("otpctl-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, String::from_utf8_lossy(&out.stdout));
    }
}
