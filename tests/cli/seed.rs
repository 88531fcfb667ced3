//! The commands of the Ory one-time-code guide, verbatim but for the program name.

use crate::support::{World, stderr, yaml};

const SMS_CHANNEL: &str = r#"/courier/channels=[{"id":"sms","request_config":{"method":"PUT","body":"base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0=","url":"https://webhook.site/#!/view/859c1c2c-c4d5-4058-aec4-53f37929c5c1"}}]"#;

#[test]
fn enabling_passwordless_with_the_project_id_as_argument() {
    let w = World::new();
    let id = w.project("email");
    let out = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            &id,
            "--add",
            "/selfservice/methods/code/passwordless_enabled=true",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let config = yaml(&std::fs::read_to_string(w.config_of(&id)).expect("read"));
    assert_eq!(
        config["selfservice"]["methods"]["code"]["passwordless_enabled"],
        true
    );
}

#[test]
fn adding_the_sms_channel_with_project_flag() {
    let w = World::new();
    let id = w.project("sms");
    let before = std::fs::read_to_string(w.config_of(&id)).expect("read");
    let out = w.run(&[
        "patch",
        "identity-config",
        "--project",
        &id,
        "--add",
        SMS_CHANNEL,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(w.config_of(&id)).expect("read");
    let config = yaml(&after);
    let channel = &config["courier"]["channels"][0];
    assert_eq!(channel["id"], "sms");
    assert_eq!(channel["request_config"]["method"], "PUT");
    assert_eq!(
        channel["request_config"]["body"],
        "base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0="
    );
    assert_eq!(
        channel["request_config"]["url"],
        "https://webhook.site/#!/view/859c1c2c-c4d5-4058-aec4-53f37929c5c1"
    );
    // Every comment of the preset is still there.
    for line in before.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(after.contains(line), "lost comment: {line}");
    }
}

#[test]
fn turning_sms_on_prints_the_security_warning() {
    let w = World::new();
    let id = w.project("email");
    let out = w.run(&[
        "patch",
        "identity-config",
        "--project",
        &id,
        "--add",
        SMS_CHANNEL,
    ]);
    assert!(out.status.success());
    let err = stderr(&out);
    for risk in ["SIM swapping", "SS7", "phishing"] {
        assert!(err.contains(risk), "{err}");
    }
    // Patching again changes nothing about SMS: no second warning.
    let again = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            &id,
            "--replace",
            "/courier/message_retries=3",
        ])
        .output()
        .expect("run");
    // The check below means something only if this patch ran and wrote.
    assert!(again.status.success(), "{}", stderr(&again));
    let config = yaml(&std::fs::read_to_string(w.config_of(&id)).expect("read"));
    assert_eq!(config["courier"]["message_retries"], 3);
    assert!(!stderr(&again).contains("SIM swapping"));
}

#[test]
fn the_project_comes_from_the_environment_then_the_selection() {
    let w = World::new();
    let first = w.project("email");
    let second = w.project("email");
    // The first project created is the selected one.
    let out = w
        .otpctl()
        .args([
            "patch",
            "identity-config",
            "--add",
            "/selfservice/methods/code/passwordless_enabled=true",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |id: &str| yaml(&std::fs::read_to_string(w.config_of(id)).expect("read"));
    assert_eq!(
        read(&first)["selfservice"]["methods"]["code"]["passwordless_enabled"],
        true
    );
    // $OTPCTL_PROJECT beats the selection.
    let out = w
        .otpctl()
        .env("OTPCTL_PROJECT", &second)
        .args([
            "patch",
            "identity-config",
            "--add",
            "/selfservice/methods/code/passwordless_enabled=true",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        read(&second)["selfservice"]["methods"]["code"]["passwordless_enabled"],
        true
    );
    // The positional argument beats $OTPCTL_PROJECT.
    let out = w
        .otpctl()
        .env("OTPCTL_PROJECT", &second)
        .args([
            "patch",
            "identity-config",
            &first[..8],
            "--replace",
            "/session/lifespan=\"1h\"",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(&first)["session"]["lifespan"], "1h");
    assert_eq!(read(&second)["session"]["lifespan"], "24h");
}

#[test]
fn on_a_terminal_turning_sms_on_asks_first() {
    let w = World::new();
    let config = w.write("c.yaml", "courier:\n  message_retries: 1\n");
    let before = std::fs::read(&config).expect("read");
    let bin = assert_cmd::cargo::cargo_bin("otpctl");
    let command = format!(
        "{} patch identity-config ./c.yaml --add '/courier/channels=[{{\"id\":\"sms\",\"type\":\"http\",\"request_config\":{{\"url\":\"https://sms.test/\"}}}}]'",
        bin.display()
    );
    let refused = w.on_a_terminal(&command, "n\n");
    let screen = String::from_utf8_lossy(&refused.stdout);
    assert!(
        screen.contains("Enable SMS one-time codes anyway? [y/N]"),
        "{screen}"
    );
    assert!(!refused.status.success(), "{screen}");
    assert_eq!(std::fs::read(&config).expect("read"), before);
    // The prompt never hides the cursor, so Ctrl-C at it cannot leave the
    // terminal without one.
    assert!(
        !screen.contains("\x1b[?25l"),
        "the cursor was hidden: {screen:?}"
    );

    let accepted = w.on_a_terminal(&command, "y\n");
    assert!(
        accepted.status.success(),
        "{}",
        String::from_utf8_lossy(&accepted.stdout)
    );
    assert!(
        std::fs::read_to_string(&config)
            .expect("read")
            .contains("id: sms")
    );

    // --yes skips the question even on a terminal.
    let config = w.write("c.yaml", "courier:\n  message_retries: 1\n");
    let quiet = w.on_a_terminal(&format!("{command} --yes"), "");
    assert!(quiet.status.success());
    assert!(!String::from_utf8_lossy(&quiet.stdout).contains("[y/N]"));
    assert!(
        std::fs::read_to_string(&config)
            .expect("read")
            .contains("id: sms")
    );
}
