//! The model's defaults (each checked against Kratos' `driver/config/config.go`
//! and `embedx/config.schema.json`), its hook-list rules, and its errors.

use std::time::Duration;

use serde_json::{Value, json};

use super::*;

const HOUR: Duration = Duration::from_secs(3600);

/// `config` with the one key Kratos requires, unless it sets it itself.
fn minimal(mut config: Value) -> Value {
    let selfservice = &mut config["selfservice"];
    if selfservice.get("default_browser_return_url").is_none() {
        selfservice["default_browser_return_url"] = json!("http://127.0.0.1:3000/");
    }
    config
}

fn model(config: Value) -> Config {
    Config::from_value(&minimal(config)).expect("valid model")
}

fn error(config: Value) -> String {
    Config::from_value(&minimal(config))
        .expect_err("invalid model")
        .to_string()
}

#[test]
fn a_minimal_config_gets_kratos_defaults() {
    let c = model(json!({}));
    let code = &c.selfservice.methods.code;
    assert!(code.enabled && !code.passwordless_enabled && !code.mfa_enabled);
    // SelfServiceCodeMethodLifespan: 1h; SelfServiceCodeMethodMaxSubmissions: 5.
    assert_eq!(code.config.lifespan.get(), HOUR);
    assert_eq!(code.config.max_submissions, 5);
    assert!(!code.config.missing_credential_fallback_enabled);

    let flows = &c.selfservice.flows;
    assert_eq!(flows.login.lifespan.get(), HOUR);
    assert_eq!(flows.login.ui_url, None);
    assert_eq!(flows.login.style, LoginStyle::Unified);
    assert_eq!(flows.login.after, After::default());
    assert!(flows.registration.enabled);
    assert_eq!(flows.registration.lifespan.get(), HOUR);
    assert_eq!(flows.registration.ui_url, None);
    assert_eq!(flows.registration.style, RegistrationStyle::ProfileFirst);
    assert_eq!(
        flows.registration.staging(),
        RegistrationStyle::ProfileFirst
    );
    assert!(!flows.registration.enable_legacy_one_step && !flows.registration.login_hints);
    assert!(!flows.verification.enabled);
    assert_eq!(flows.verification.lifespan.get(), HOUR);
    assert_eq!(flows.verification.ui_url, None);
    assert_eq!(flows.verification.use_strategy, VerificationStrategy::Code);
    assert!(!flows.verification.notify_unknown_recipients);
    assert_eq!(flows.verification.after.default_browser_return_url, None);
    assert!(c.selfservice.allowed_return_urls.is_empty());
    assert_eq!(
        c.selfservice.default_browser_return_url,
        "http://127.0.0.1:3000/"
    );

    // SessionLifespan: 24h; the cookie's name and persistence from the schema.
    assert_eq!(c.session.lifespan.get(), 24 * HOUR);
    assert_eq!(c.session.cookie.name, "ory_kratos_session");
    assert!(c.session.cookie.persistent);
    assert_eq!(c.session.cookie.same_site, None);
    assert_eq!(c.session.cookie.secure, None);

    assert!(c.secrets.code_keys().is_empty());
    assert_eq!(c.serve.public.base_url(), "http://127.0.0.1:4433/");
    assert_eq!(c.dsn, None);
    assert_eq!(c.identity.default_schema_id, "default");
    assert!(c.identity.schemas.is_empty());
    assert_eq!(c.feature_flags, FeatureFlags::default());
    assert!(!c.feature_flags.legacy_require_verified_login_error);
}

#[test]
fn the_courier_gets_kratos_defaults() {
    let courier = model(json!({})).courier;
    // CourierMessageRetries: 5; pull_count 10 and pull_wait 1s are the schema's.
    assert_eq!(courier.message_retries, 5);
    assert_eq!(courier.worker.pull_count, 10);
    assert_eq!(courier.worker.pull_wait.get(), Duration::from_secs(1));
    assert_eq!(courier.delivery_strategy, DeliveryStrategy::Smtp);
    assert_eq!(courier.smtp.connection_uri, "");
    assert_eq!(courier.smtp.from_address, "no-reply@ory.kratos.sh");
    assert_eq!(courier.smtp.local_name, "localhost");
    assert_eq!(courier.smtp.from_name, None);
    assert!(courier.smtp.headers.is_empty());
    assert_eq!(courier.http.request_config, None);
    assert!(courier.channels.is_empty() && courier.sms_channel().is_none());
    assert_eq!(courier.templates, Templates::default());
    assert_eq!(courier.template_override_path, None);
}

#[test]
fn cors_gets_the_schema_defaults() {
    let cors = model(json!({})).serve.public.cors;
    assert!(!cors.enabled);
    assert_eq!(cors.allowed_origins, ["*"]);
    assert_eq!(
        cors.allowed_methods,
        ["POST", "GET", "PUT", "PATCH", "DELETE"]
    );
    assert_eq!(
        cors.allowed_headers,
        [
            "Authorization",
            "Content-Type",
            "Max-Age",
            "X-Session-Token",
            "X-XSRF-TOKEN",
            "X-CSRF-TOKEN"
        ]
    );
    assert_eq!(cors.exposed_headers, ["Content-Type"]);
    assert!(cors.allow_credentials && !cors.options_passthrough && !cors.debug);
    assert_eq!(cors.max_age, 0);
}

#[test]
fn null_keys_read_as_absent() {
    let c = model(
        json!({"selfservice": {"methods": {"code": {"config": {"lifespan": null}}}}, "dsn": null}),
    );
    assert_eq!(c.selfservice.methods.code.config.lifespan.get(), HOUR);
    assert_eq!(c.dsn, None);
}

#[test]
fn unknown_keys_are_left_to_the_schema() {
    let c = model(
        json!({"selfservice": {"methods": {"code": {"passwordless_login_fallback_enabled": true}}}, "nonsense": 1}),
    );
    assert!(c.selfservice.methods.code.enabled);
}

#[test]
fn set_values_are_read() {
    let c = model(json!({
        "dsn": "sqlite://otpctl.db",
        "serve": {"public": {"base_url": "https://auth.example.com/", "cors": {"enabled": true, "allowed_origins": ["https://app.example.com"]}}},
        "identity": {"default_schema_id": "customer", "schemas": [{"id": "customer", "url": "file://c.json"}]},
        "session": {"lifespan": "720h", "cookie": {"name": "sid", "same_site": "Lax", "secure": "false"}},
        "feature_flags": {"legacy_require_verified_login_error": true},
        "courier": {
            "message_retries": 0,
            "delivery_strategy": "http",
            "worker": {"pull_count": 3, "pull_wait": "250ms"},
            "http": {"request_config": {"url": "http://mail/", "auth": {"type": "basic_auth", "config": {"user": "u", "password": "p"}}}},
            "channels": [{"id": "sms", "type": "http", "request_config": {"url": "http://sms/", "method": "PUT"}}],
            "templates": {"login_code": {"valid": {"email": {"subject": "base64://e30="}}}}
        },
        "selfservice": {
            "default_browser_return_url": "https://app.example.com/",
            "allowed_return_urls": ["https://app.example.com/welcome"],
            "methods": {"code": {
                "passwordless_enabled": true,
                "config": {"lifespan": "15m", "max_submissions": 255, "missing_credential_fallback_enabled": true}
            }},
            "flows": {
                "login": {"lifespan": "10m", "ui_url": "http://ui/login"},
                "registration": {"enabled": false, "style": "unified", "ui_url": "http://ui/registration"},
                "verification": {
                    "enabled": true, "use": "link", "notify_unknown_recipients": true,
                    "lifespan": "2h", "ui_url": "http://ui/verification",
                    "after": {"default_browser_return_url": "http://ui/verified"}
                }
            }
        }
    }));
    assert_eq!(c.dsn.as_deref(), Some("sqlite://otpctl.db"));
    assert_eq!(c.serve.public.base_url(), "https://auth.example.com/");
    assert!(c.serve.public.cors.enabled);
    assert_eq!(
        c.serve.public.cors.allowed_origins,
        ["https://app.example.com"]
    );
    assert_eq!(c.identity.default_schema_id, "customer");
    assert_eq!(c.identity.schemas[0].url, "file://c.json");
    assert_eq!(c.session.lifespan.get(), 720 * HOUR);
    assert_eq!(c.session.cookie.name, "sid");
    assert_eq!(c.session.cookie.same_site.as_deref(), Some("Lax"));
    assert_eq!(c.session.cookie.secure, Some(false));
    assert!(c.feature_flags.legacy_require_verified_login_error);
    let courier = &c.courier;
    assert_eq!(courier.message_retries, 0);
    assert_eq!(courier.delivery_strategy, DeliveryStrategy::Http);
    assert_eq!(courier.worker.pull_count, 3);
    assert_eq!(courier.worker.pull_wait.get(), Duration::from_millis(250));
    let mail = courier
        .http
        .request_config
        .as_ref()
        .expect("request config");
    let auth = mail.auth.as_ref().expect("auth");
    assert_eq!(auth.auth_type.as_deref(), Some("basic_auth"));
    assert_eq!(auth.config.password.as_deref(), Some("p"));
    let (index, sms) = courier.sms_channel().expect("sms channel");
    assert_eq!(index, 0);
    assert_eq!(sms.channel_type.as_deref(), Some("http"));
    assert_eq!(sms.request_config.method.as_deref(), Some("PUT"));
    let login = courier
        .templates
        .at("login_code/valid")
        .expect("login_code");
    assert_eq!(login.email.subject.as_deref(), Some("base64://e30="));
    assert!(courier.templates.at("login_code").is_none());

    let s = &c.selfservice;
    assert_eq!(s.default_browser_return_url, "https://app.example.com/");
    assert_eq!(s.allowed_return_urls, ["https://app.example.com/welcome"]);
    let code = &s.methods.code;
    assert_eq!(code.config.lifespan.get(), Duration::from_secs(900));
    assert_eq!(code.config.max_submissions, 255);
    assert!(code.config.missing_credential_fallback_enabled);
    assert_eq!(s.flows.login.lifespan.get(), Duration::from_secs(600));
    assert_eq!(s.flows.login.ui_url.as_deref(), Some("http://ui/login"));
    let registration = &s.flows.registration;
    assert!(!registration.enabled);
    assert_eq!(registration.staging(), RegistrationStyle::Unified);
    assert_eq!(
        registration.ui_url.as_deref(),
        Some("http://ui/registration")
    );
    let verification = &s.flows.verification;
    assert!(verification.enabled && verification.notify_unknown_recipients);
    assert_eq!(verification.use_strategy, VerificationStrategy::Link);
    assert_eq!(verification.use_strategy.to_string(), "link");
    assert_eq!(verification.lifespan.get(), 2 * HOUR);
    assert_eq!(
        verification.after.default_browser_return_url.as_deref(),
        Some("http://ui/verified")
    );
}

#[test]
fn passwordless_forces_the_code_method_on() {
    let code = |code: Value| {
        model(json!({"selfservice": {"methods": {"code": code}}}))
            .selfservice
            .methods
            .code
    };
    assert!(code(json!({"enabled": false, "passwordless_enabled": true})).is_enabled());
    let mfa = code(json!({"enabled": false, "mfa_enabled": true}));
    assert!(!mfa.is_enabled());
    assert!(mfa.mfa_enabled);
}

#[test]
fn legacy_one_step_overrides_the_style() {
    let c = model(
        json!({"selfservice": {"flows": {"registration": {"style": "profile_first", "enable_legacy_one_step": true}}}}),
    );
    assert_eq!(
        c.selfservice.flows.registration.staging(),
        RegistrationStyle::Unified
    );
}

#[test]
fn secrets_prefer_cookie_over_default() {
    let both = model(json!({"secrets": {
        "default": ["default-secret-0123"],
        "cookie": ["cookie-secret-0123", "old-cookie-secret"]
    }}));
    assert_eq!(
        both.secrets.code_keys(),
        ["cookie-secret-0123", "old-cookie-secret"]
    );
    let default_only =
        model(json!({"secrets": {"default": ["default-secret-0123"], "cookie": []}}));
    assert_eq!(default_only.secrets.code_keys(), ["default-secret-0123"]);
}

#[test]
fn pull_count_is_capped_at_255() {
    let c = model(json!({"courier": {"worker": {"pull_count": 1000}}}));
    assert_eq!(c.courier.worker.pull_count, 255);
}

#[test]
fn login_hooks_prefer_the_code_list() {
    let login = |after: Value| {
        model(json!({"selfservice": {"flows": {"login": {"after": after}}}}))
            .selfservice
            .flows
            .login
            .after
            .code_runs("require_verified_address")
    };
    let rva = json!([{"hook": "require_verified_address"}]);
    assert!(login(json!({"hooks": rva})), "global list applies");
    assert!(
        login(json!({"hooks": rva, "code": {"hooks": []}})),
        "an empty code list falls back to the global one"
    );
    assert!(
        !login(json!({"hooks": rva, "code": {"hooks": [{"hook": "web_hook", "config": {}}]}})),
        "a non-empty code list replaces the global one"
    );
    assert!(login(json!({"code": {"hooks": rva}})));
    assert!(
        !login(json!({"password": {"hooks": rva}})),
        "another method's list does not apply to code"
    );
}

#[test]
fn registration_hooks_prefer_the_code_list() {
    let registration = |after: Value| {
        let after = model(json!({"selfservice": {"flows": {"registration": {"after": after}}}}))
            .selfservice
            .flows
            .registration
            .after;
        (
            after.code_runs("session"),
            after.code_runs("show_verification_ui"),
        )
    };
    assert_eq!(
        registration(
            json!({"code": {"hooks": [{"hook": "session"}, {"hook": "show_verification_ui"}]}})
        ),
        (true, true)
    );
    assert_eq!(
        registration(json!({"hooks": [{"hook": "session"}], "code": {"hooks": []}})),
        (true, false),
        "the global list applies when code's is empty"
    );
    assert_eq!(
        registration(json!({
            "hooks": [{"hook": "session"}],
            "code": {"hooks": [{"hook": "show_verification_ui"}]}
        })),
        (false, true),
        "code's own list replaces the global one"
    );
    assert_eq!(
        registration(json!({"password": {"hooks": [{"hook": "session"}]}})),
        (false, false)
    );
}

#[test]
fn the_project_template_issues_a_session_after_code_registration() {
    let template = include_str!("../../project/presets/identity-config.yaml")
        .replace("{{sms_channel}}", "")
        .replace("{{", "")
        .replace("}}", "");
    let config: Value = serde_yaml::from_str(&template).expect("template parses");
    let c = model(config);
    assert!(c.selfservice.flows.registration.after.code_runs("session"));
    assert!(c.selfservice.flows.verification.enabled);
    assert_eq!(c.secrets.code_keys(), ["secret_cookie"]);
    assert_eq!(
        c.dsn.as_deref(),
        Some("sqlite://otpctl.db?_fk=true&mode=rwc")
    );
}

#[test]
fn a_section_alone_reads_with_its_prefix() {
    let courier: Courier = section(&json!({}), "courier").expect("absent is default");
    assert_eq!(courier, Courier::default());
    let error = section::<Courier>(
        &json!({"courier": {"smtp": {"connection_uri": "smtp://h:25", "headers": {"X-A": 1}}}}),
        "courier",
    )
    .expect_err("wrong type");
    assert_eq!(error.key, "courier.smtp.headers.X-A");
    assert_eq!(error.pointer, "/courier/smtp/headers/X-A");
    assert_eq!(
        error.to_string(),
        "courier.smtp.headers.X-A: invalid type: integer `1`, expected a string"
    );
}

#[test]
fn errors_name_the_key() {
    let missing = Config::from_value(&json!({"selfservice": {}})).expect_err("no return url");
    assert_eq!(
        missing.to_string(),
        "selfservice: missing field `default_browser_return_url`"
    );
    assert_eq!(
        Config::from_value(&json!({}))
            .expect_err("no selfservice")
            .to_string(),
        "the config: missing field `selfservice`"
    );
    let cases = [
        (
            json!({"selfservice": {"methods": {"code": {"config": {"lifespan": "1d"}}}}}),
            "selfservice.methods.code.config.lifespan: unknown unit \"d\" in duration \"1d\"",
        ),
        (
            json!({"selfservice": {"methods": {"code": {"config": {"lifespan": 60}}}}}),
            "selfservice.methods.code.config.lifespan: invalid type: integer `60`, expected a Go duration string such as \"1h30m\"",
        ),
        (
            json!({"session": {"lifespan": "-1h"}}),
            "session.lifespan: duration \"-1h\" is negative",
        ),
        (
            json!({"selfservice": {"methods": {"code": {"config": {"max_submissions": 0}}}}}),
            "selfservice.methods.code.config.max_submissions: 0 is not between 1 and 255",
        ),
        (
            json!({"selfservice": {"methods": {"code": {"config": {"max_submissions": 256}}}}}),
            "selfservice.methods.code.config.max_submissions: 256 is not between 1 and 255",
        ),
        (
            json!({"selfservice": {"methods": {"code": {"config": {"max_submissions": 2.5}}}}}),
            "selfservice.methods.code.config.max_submissions: invalid type: floating point `2.5`, expected an integer",
        ),
        (
            json!({"selfservice": {"flows": {"verification": {"use": "sms"}}}}),
            "selfservice.flows.verification.use: unknown variant `sms`, expected `link` or `code`",
        ),
        (
            json!({"courier": {"delivery_strategy": 1}}),
            "courier.delivery_strategy: invalid type: integer `1`, expected string or map",
        ),
        (
            json!({"selfservice": {"methods": {"code": {"enabled": "yes"}}}}),
            "selfservice.methods.code.enabled: invalid type: string \"yes\", expected a boolean",
        ),
        (
            json!({"secrets": {"cookie": ["a-long-enough-secret", 7]}}),
            "secrets.cookie.1: invalid type: integer `7`, expected a string",
        ),
        (
            json!({"selfservice": {"flows": {"login": {"after": {"code": {"hooks": [{"config": {}}]}}}}}}),
            "selfservice.flows.login.after.code.hooks.0: missing field `hook`",
        ),
        (
            json!({"courier": {"worker": {"pull_count": -1}}}),
            &format!(
                "courier.worker.pull_count: -1 is not between 0 and {}",
                i64::MAX
            ),
        ),
        (
            json!({"courier": {"worker": {"pull_wait": "soon"}}}),
            "courier.worker.pull_wait: invalid duration \"soon\"",
        ),
    ];
    for (config, expected) in cases {
        assert_eq!(error(config), expected);
    }
}
