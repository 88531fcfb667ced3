//! Messages that say what to do next, and the Ory CLI's habits that work here
//! (issue 17): each message pinned by the command that prints it.

use crate::support::{World, stderr, stdout, yaml};

fn config(w: &World) -> std::path::PathBuf {
    w.write(
        "kratos.yml",
        "# keep me\ncourier:\n  message_retries: 5 # retries\nsession:\n  lifespan: 24h\n",
    )
}

#[test]
fn replacing_a_missing_key_says_to_use_add_and_names_a_near_key() {
    let w = World::new();
    let path = config(&w);
    let before = std::fs::read(&path).expect("read");
    let out = w.run(&[
        "patch",
        "ic",
        "./kratos.yml",
        "--replace",
        "/courier/smtp=1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("key `/courier/smtp` does not exist; use --add to create it;"),
        "{}",
        stderr(&out)
    );
    let near = w.run(&[
        "patch",
        "ic",
        "./kratos.yml",
        "--replace",
        "/courier/message_retrie=1",
    ]);
    assert!(
        stderr(&near).contains(
            "does not exist; use --add to create it, or did you mean `/courier/message_retries`?"
        ),
        "{}",
        stderr(&near)
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_capitalised_literal_is_echoed_and_its_json_spelling_suggested() {
    let w = World::new();
    config(&w);
    let out = w.run(&["patch", "ic", "./kratos.yml", "--add", "/x=True"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("the value `True` for `/x`"), "{err}");
    assert!(err.contains("did you mean `true`? '/x=true'"), "{err}");
    // Anything else is told to quote strings.
    let word = w.run(&["patch", "ic", "./kratos.yml", "--add", "/x=hello"]);
    assert!(
        stderr(&word).contains("quote strings: '/x=\"text\"'"),
        "{}",
        stderr(&word)
    );
}

#[test]
fn an_add_that_replaces_a_value_says_so_with_both_values() {
    let w = World::new();
    config(&w);
    let out = w.run(&[
        "patch",
        "ic",
        "./kratos.yml",
        "--add",
        "/courier/message_retries=9",
        "--add",
        "/session/earliest_possible_extend=\"1h\"",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("replaced the existing value at `/courier/message_retries`"),
        "{err}"
    );
    assert!(err.contains("  - 5\n  + 9"), "{err}");
    // A new key replaces nothing and is not mentioned.
    assert!(!err.contains("earliest_possible_extend"), "{err}");
}

#[test]
fn patch_and_update_print_the_result_in_a_format_after_writing() {
    let w = World::new();
    let path = config(&w);
    let out = w.run(&[
        "patch",
        "ic",
        "./kratos.yml",
        "--replace",
        "/courier/message_retries=7",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(printed["courier"]["message_retries"], 7);
    let written = std::fs::read_to_string(&path).expect("read");
    assert!(
        written.contains("message_retries: 7 # retries"),
        "{written}"
    );

    // yaml is the file's own text, comments kept.
    let out = w.run(&[
        "patch",
        "ic",
        "./kratos.yml",
        "--replace",
        "/courier/message_retries=8",
        "--format",
        "yaml",
    ]);
    assert_eq!(
        stdout(&out),
        std::fs::read_to_string(&path).expect("read"),
        "{}",
        stderr(&out)
    );

    w.write("new.yaml", "session:\n  lifespan: 1h\n");
    let out = w.run(&[
        "update",
        "ic",
        "./kratos.yml",
        "-f",
        "new.yaml",
        "--format",
        "jsonpointer=/session",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).expect("json"),
        serde_json::json!({"lifespan": "1h"})
    );
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("lifespan: 1h")
    );
}

#[test]
fn workspace_is_accepted_and_said_to_be_ignored() {
    let w = World::new();
    config(&w);
    for args in [
        vec!["get", "ic", "./kratos.yml", "--workspace", "w1"],
        vec![
            "patch",
            "ic",
            "./kratos.yml",
            "--workspace",
            "w1",
            "--replace",
            "/courier/message_retries=2",
        ],
    ] {
        let out = w.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(
                "--workspace is ignored: workspaces are an Ory Network notion, and otpctl works on local projects"
            ),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn an_unknown_flag_is_never_pointed_at_a_flag_that_loses_data() {
    let w = World::new();
    config(&w);
    let out = w.run(&["patch", "ic", "./kratos.yml", "--reform", "--add", "/x=1"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unexpected argument '--reform'"), "{err}");
    assert!(!err.contains("--reformat"), "{err}");
    // Tips towards harmless flags stay.
    let typo = w.run(&["patch", "ic", "./kratos.yml", "--dryrun", "--add", "/x=1"]);
    assert!(stderr(&typo).contains("--dry-run"), "{}", stderr(&typo));
}

#[test]
fn code_without_flow_says_where_the_flow_id_comes_from() {
    let w = World::new();
    let id = w.project("email");
    for (verb, extra) in [
        ("login", vec![]),
        ("verify", vec![]),
        ("register", vec!["--trait", "email=a@example.com"]),
    ] {
        let mut args = vec![verb, "--project", &id, "--code", "123456"];
        args.extend(extra);
        let out = w.run(&args);
        assert_eq!(out.status.code(), Some(2), "{verb}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!(
                "--code needs --flow ID (printed by the {verb} that sent the code"
            )),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn with_no_project_at_all_the_error_points_at_create_project() {
    let w = World::new();
    let out = w.run(&["get", "identity-config"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("there are no projects yet: create one with `otpctl create project"),
        "{}",
        stderr(&out)
    );
    // Once one exists but none is selected, the old advice stands.
    w.run(&["create", "project", "--name", "a", "-q"]);
    std::fs::remove_file(w.home().join("state.json")).expect("unselect");
    let out = w.run(&["get", "identity-config"]);
    assert!(
        stderr(&out).contains("no project was specified"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_taken_project_name_is_refused_unless_duplicates_are_allowed() {
    let w = World::new();
    let create = |extra: &[&str]| {
        let mut args = vec!["create", "project", "--name", "shop", "-q"];
        args.extend_from_slice(extra);
        w.run(&args)
    };
    assert!(create(&[]).status.success());
    let again = create(&[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("a project named `shop` exists already"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("--allow-duplicate"));
    assert!(create(&["--allow-duplicate"]).status.success());
    let list = w.run(&["list", "projects", "--format", "json"]);
    let projects: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    assert_eq!(projects["projects"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_phone_number_without_country_code_or_invalid_for_its_country_is_explained() {
    let w = World::new();
    let id = w.project("email-sms");
    w.use_passwordless(&id);
    let register = |phone: &str| {
        w.run(&[
            "register",
            "--trait",
            "email=ada@example.com",
            "--trait",
            &format!("phone={phone}"),
            "--auto",
        ])
    };
    let national = register("017667111638");
    assert_eq!(national.status.code(), Some(1));
    assert!(
        stderr(&national).contains(
            "`017667111638` has no country code: phone numbers need + and the country code (E.164)"
        ),
        "{}",
        stderr(&national)
    );
    let invalid = register("+4901234");
    assert!(
        stderr(&invalid).contains("`+4901234` is not a valid number for that country"),
        "{}",
        stderr(&invalid)
    );
    assert!(!stderr(&invalid).contains("E.164"), "{}", stderr(&invalid));
}

#[test]
fn list_courier_messages_shows_the_subject_and_the_code() {
    let w = World::new();
    let id = w.project("email");
    w.use_passwordless(&id);
    let out = w.run(&["register", "--trait", "email=ada@example.com"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let code = w.code_sent_to("ada@example.com");
    let table = stdout(&w.run(&["list", "courier-messages"]));
    let header = table.lines().next().expect("header");
    assert!(
        header.contains(" SUBJECT ") && header.contains(" CODE "),
        "{table}"
    );
    let row = table.lines().nth(1).expect("a row");
    assert!(row.contains(&format!(" {code} ")), "{table}");
    assert!(
        row.contains(&code) && row.contains("registration"),
        "{table}"
    );
}

#[test]
fn update_keeps_the_first_files_comments_and_warns_about_dropped_keys() {
    let w = World::new();
    let id = w.project("email");
    w.write(
        "base.yaml",
        "# base comment\ncourier:\n  message_retries: 5 # base retries\nsession:\n  lifespan: 24h # a day\n",
    );
    w.write("prod.yaml", "courier:\n  message_retries: 10\n");
    let out = w.run(&[
        "update",
        "ic",
        &id,
        "-f",
        "base.yaml",
        "-f",
        "prod.yaml",
        "--dry-run",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# base comment\n"), "{text}");
    assert!(
        text.contains("message_retries: 10 # base retries"),
        "{text}"
    );
    assert!(text.contains("lifespan: 24h # a day"), "{text}");
    assert_eq!(
        yaml(&text),
        serde_json::json!({"courier": {"message_retries": 10}, "session": {"lifespan": "24h"}})
    );
    // The project's config had identity, selfservice, secrets…: the update drops them.
    let err = stderr(&out);
    assert!(
        err.contains("the new config no longer has these top-level keys of the old one:"),
        "{err}"
    );
    for key in ["identity", "selfservice", "secrets"] {
        assert!(err.contains(key), "{key}: {err}");
    }
    assert!(!err.contains("courier,"), "{err}");

    // A JSON first file cannot be edited into YAML: the comments of nothing are
    // lost, but a YAML first file into a JSON target says so.
    let target = w.write("kratos.json", r#"{"courier": {"message_retries": 1}}"#);
    let out = w.run(&[
        "update",
        "ic",
        target.to_str().expect("path"),
        "-f",
        "base.yaml",
        "-f",
        "prod.yaml",
        "--dry-run",
    ]);
    assert!(
        stderr(&out).contains("the comments and layout of `base.yaml` are not kept"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn on_a_terminal_a_wrong_code_is_asked_for_again_and_its_place_named() {
    let w = World::new();
    let id = w.project("email");
    w.use_passwordless(&id);
    let registered = w.run(&["register", "--trait", "email=eve@example.com", "--auto"]);
    assert!(registered.status.success(), "{}", stderr(&registered));
    let bin = assert_cmd::cargo::cargo_bin("otpctl");
    // The preset allows 5 submissions: five wrong codes are asked for again,
    // the sixth is refused by the engine and ends the command.
    let codes: String = (0..6).map(|i| format!("00000{i}\n")).collect();
    let out = w.on_a_terminal(
        &format!("{} login --identifier eve@example.com", bin.display()),
        &codes,
    );
    let screen = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        screen.matches("The login code is invalid").count(),
        5,
        "{screen}"
    );
    assert!(
        screen.contains("The request was submitted too often"),
        "{screen}"
    );
    assert!(
        screen.contains("otpctl list courier-messages --recipient eve@example.com"),
        "{screen}"
    );
    assert_eq!(out.status.code(), Some(1), "{screen}");
}
