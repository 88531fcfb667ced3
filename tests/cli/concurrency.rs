//! Concurrent writers never lose an update.

use std::process::Stdio;

use crate::support::{World, stderr, yaml};

#[test]
fn fifty_concurrent_patches_all_land() {
    let w = World::new();
    let id = w.project("email");
    let setup = w.run(&[
        "patch",
        "identity-config",
        &id,
        "--add",
        r#"/courier/smtp={"headers":{}}"#,
    ]);
    assert!(setup.status.success(), "{}", stderr(&setup));

    let children: Vec<_> = (0..50)
        .map(|i| {
            w.process()
                .args(["patch", "identity-config", &id, "-q", "--add"])
                .arg(format!("/courier/smtp/headers/X-Test-{i}=\"v{i}\""))
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", stderr(&out));
    }

    let text = std::fs::read_to_string(w.config_of(&id)).expect("read");
    let config = yaml(&text);
    let headers = config["courier"]["smtp"]["headers"]
        .as_object()
        .expect("headers");
    assert_eq!(headers.len(), 50, "{text}");
    for i in 0..50 {
        assert_eq!(headers[&format!("X-Test-{i}")], format!("v{i}"));
    }
    // The preset's comments survived fifty rewrites.
    assert!(text.contains("# how long a code stays valid"));
    // No temporary files were left behind.
    let dir = w.config_of(&id).parent().expect("dir").to_path_buf();
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".otpctl-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
