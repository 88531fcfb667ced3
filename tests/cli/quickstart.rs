//! `quickstart` (the README's run command) and `evaluate oidc-mapper`.

use crate::support::{World, stderr, stdout};

#[test]
fn quickstart_patches_validates_registers_verifies_and_logs_in_by_email_and_sms() {
    let world = World::new();
    let dir = world.dir.path().join("qs");
    let out = world.run(&["quickstart", "--dir", dir.to_str().expect("path")]);
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    let transcript = stdout(&out);
    for line in [
        "==> turn on passwordless login and registration by code",
        "==> validate the config",
        "SMS webhook got PUT /sms (registration_code_valid)",
        "You successfully verified your phone number.",
        "==> log in as ada@example.com by email code",
        "==> log in as +4917667111638 by SMS code",
    ] {
        assert!(
            transcript.contains(line),
            "{line:?} missing from:\n{transcript}"
        );
    }
    assert_eq!(
        transcript.matches("logged in: session").count(),
        2,
        "{transcript}"
    );
    // Why a verification SMS follows the registration, and the notes of every
    // step in the story, in order (issue 17).
    assert!(
        transcript.contains("comes from the post-registration verification hook"),
        "{transcript}"
    );
    let note = transcript
        .find("note: registration_code_valid email to ada@example.com")
        .expect("the delivery note is in the story");
    let registered = transcript
        .find("==> register ada@example.com")
        .expect("register step");
    assert!(registered < note, "{transcript}");
    assert!(!stderr(&out).contains("note:"), "{}", stderr(&out));
    // The project stays, patched with the seed's values.
    let config = std::fs::read_dir(dir.join("projects"))
        .expect("projects")
        .next()
        .expect("one project")
        .expect("entry")
        .path()
        .join("identity-config.yaml");
    let text = std::fs::read_to_string(config).expect("config");
    assert!(text.contains("passwordless_enabled: true"));
    assert!(text.contains("ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0="));
    assert!(
        text.contains("# One-time codes by email or SMS."),
        "comments survive"
    );
}

#[test]
fn an_oidc_mapper_carries_over_only_verifiable_addresses_in_the_traits() {
    let world = World::new();
    let id = world.project("email-sms");
    let mapper = world.write(
        "mapper.jsonnet",
        r#"local claims = std.extVar('claims');
{
  identity: {
    traits: { email: claims.email },
    verified_addresses: std.prune([
      if claims.email_verified then { via: 'email', value: claims.email },
      { via: 'sms', value: '+4917667111638' },
    ]),
  },
}
"#,
    );
    let claims = world.write(
        "claims.json",
        r#"{"email": "Ada@Example.com", "email_verified": true}"#,
    );
    let out = world.run(&[
        "evaluate",
        "oidc-mapper",
        mapper.to_str().expect("path"),
        "--claims",
        claims.to_str().expect("path"),
        "--project",
        &id,
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let carried: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(carried["traits"]["email"], "Ada@Example.com");
    assert_eq!(
        carried["verifiable_addresses"][0]["value"],
        "ada@example.com"
    );
    assert_eq!(carried["verifiable_addresses"][0]["verified"], true);
    assert_eq!(
        carried["ignored_verified_addresses"][0]["entry"]["via"], "sms",
        "the phone is not in the traits"
    );

    let broken = world.write("broken.jsonnet", "{ identity: ");
    let out = world.run(&[
        "evaluate",
        "oidc-mapper",
        broken.to_str().expect("path"),
        "--claims",
        claims.to_str().expect("path"),
        "--project",
        &id,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("broken.jsonnet:1:"),
        "{}",
        stderr(&out)
    );
}
