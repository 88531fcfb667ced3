//! What the engine reads from a Kratos-style config, with Kratos' defaults and
//! its hook-list resolution (reference A.1–A.7).

use std::time::Duration;

use serde_json::Value;

use crate::time::duration::{DurationError, parse_duration};

/// Lifespans Kratos defaults to one hour: codes and every flow.
const ONE_HOUR: Duration = Duration::from_secs(3600);

/// Everything the engine takes from the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `selfservice.methods.code`.
    pub code: CodeMethod,
    /// `selfservice.flows.login`.
    pub login: LoginFlow,
    /// `selfservice.flows.registration`.
    pub registration: RegistrationFlow,
    /// `selfservice.flows.verification`.
    pub verification: VerificationFlow,
    /// `selfservice.default_browser_return_url`, where flows return when nothing
    /// more specific is set; required, as in Kratos.
    pub default_browser_return_url: String,
    /// `session`.
    pub session: SessionSettings,
    /// HMAC keys for codes: `secrets.cookie` if it has entries, else
    /// `secrets.default`. The first signs, all verify; empty when neither is set.
    pub secrets: Vec<Vec<u8>>,
    /// `serve.public.base_url`, the root of `ui.action` and verification links.
    pub public_base_url: String,
    /// The courier worker.
    pub courier: CourierWorker,
    /// `dsn`.
    pub dsn: Option<String>,
    /// `identity.default_schema_id` (default `default`).
    pub default_schema_id: String,
    /// `feature_flags`.
    pub feature_flags: FeatureFlags,
}

/// `selfservice.methods.code` (reference A.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMethod {
    /// `enabled` (default true; forced on by `passwordless_enabled`, as Kratos does).
    pub enabled: bool,
    /// `passwordless_enabled`: login and registration by code (default false).
    pub passwordless_enabled: bool,
    /// `mfa_enabled`: code as a second factor (default false).
    pub mfa_enabled: bool,
    /// `config.lifespan`: how long every code is valid (default 1h).
    pub lifespan: Duration,
    /// `config.max_submissions`: code submissions per flow, 1..=255 (default 5).
    pub max_submissions: u8,
    /// `config.missing_credential_fallback_enabled` (default false).
    pub missing_credential_fallback_enabled: bool,
}

/// `selfservice.flows.login` (reference A.3, A.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginFlow {
    /// `lifespan` (default 1h).
    pub lifespan: Duration,
    /// `ui_url` (default Kratos' fallback page).
    pub ui_url: String,
    /// Whether `require_verified_address` runs after a code login: the
    /// `after.code.hooks` list if it has hooks, else the global `after.hooks`.
    pub require_verified_address: bool,
}

/// `selfservice.flows.registration` (reference A.3, A.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationFlow {
    /// `enabled` (default true).
    pub enabled: bool,
    /// `lifespan` (default 1h).
    pub lifespan: Duration,
    /// `ui_url` (default Kratos' fallback page).
    pub ui_url: String,
    /// `style`, or one-step when `enable_legacy_one_step` is true.
    pub style: RegistrationStyle,
    /// Whether a session is issued after a code registration (a `session` hook
    /// in `after.code.hooks` if it has hooks, else in the global `after.hooks`).
    pub session_hook: bool,
    /// Whether `show_verification_ui` is in the same resolved list.
    pub show_verification_ui: bool,
}

/// How the registration form is staged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStyle {
    /// Traits and credential on one screen.
    Unified,
    /// Traits first, then the credential (Kratos' default).
    ProfileFirst,
}

/// `selfservice.flows.verification` (reference A.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationFlow {
    /// `enabled` (default false).
    pub enabled: bool,
    /// `lifespan` of the flow, not of its code (default 1h).
    pub lifespan: Duration,
    /// `ui_url` (default Kratos' fallback page).
    pub ui_url: String,
    /// `use` (default code).
    pub use_strategy: VerificationStrategy,
    /// `notify_unknown_recipients` (default false).
    pub notify_unknown_recipients: bool,
    /// `after.default_browser_return_url`.
    pub after_return_url: Option<String>,
}

/// `selfservice.flows.verification.use`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerificationStrategy {
    /// Magic links (legacy).
    Link,
    /// One-time codes.
    Code,
}

impl VerificationStrategy {
    /// The name as written in the config (and in Kratos' messages).
    pub fn as_str(self) -> &'static str {
        match self {
            VerificationStrategy::Link => "link",
            VerificationStrategy::Code => "code",
        }
    }
}

impl std::fmt::Display for VerificationStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `session`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSettings {
    /// `lifespan` (default 24h).
    pub lifespan: Duration,
}

/// The courier worker (reference A.5, D.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourierWorker {
    /// `courier.message_retries` (default 5: six attempts, then abandoned).
    pub message_retries: u32,
    /// `courier.worker.pull_count` (default 10), at most 255: Kratos casts it
    /// to `uint8`; larger values are capped here rather than wrapped.
    pub pull_count: u32,
    /// `courier.worker.pull_wait` (default 1s).
    pub pull_wait: Duration,
    /// `courier.delivery_strategy` for email (default smtp).
    pub delivery_strategy: DeliveryStrategy,
}

/// How email leaves the courier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStrategy {
    /// `courier.smtp`.
    Smtp,
    /// `courier.http.request_config`.
    Http,
}

/// `feature_flags`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeatureFlags {
    /// `legacy_require_verified_login_error` (default false; reference F).
    pub legacy_require_verified_login_error: bool,
}

/// A config value the engine cannot use, with the dotted key it sits at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {problem}")]
pub struct SettingsError {
    /// The dotted key, e.g. `selfservice.methods.code.config.lifespan`.
    pub key: String,
    /// What is wrong with its value.
    pub problem: Problem,
}

/// What is wrong with a config value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The value has another JSON type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the key holds in Kratos.
        expected: &'static str,
        /// What was found.
        found: &'static str,
    },
    /// Not a Go duration.
    #[error(transparent)]
    Duration(DurationError),
    /// A number outside the allowed range.
    #[error("{value} is not between {min} and {max}")]
    OutOfRange {
        /// The number as written.
        value: String,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A required key is absent.
    #[error("is required")]
    Missing,
    /// A string outside an enumeration.
    #[error("{value:?} is not one of {allowed}")]
    NotAllowed {
        /// The value.
        value: String,
        /// The allowed values, comma-separated.
        allowed: String,
    },
}

impl Settings {
    /// Reads the settings from a parsed Kratos config, applying Kratos' defaults
    /// to every absent (or null) key.
    pub fn from_config(config: &Value) -> Result<Settings, SettingsError> {
        let c = Reader(config);
        Ok(Settings {
            code: code_method(&c)?,
            login: login_flow(&c)?,
            registration: registration_flow(&c)?,
            verification: verification_flow(&c)?,
            default_browser_return_url: c
                .required_string("selfservice.default_browser_return_url")?,
            session: SessionSettings {
                lifespan: c.duration("session.lifespan", Duration::from_secs(24 * 3600))?,
            },
            secrets: secrets(&c)?,
            public_base_url: c
                .string("serve.public.base_url")?
                .unwrap_or_else(|| "http://127.0.0.1:4433/".to_string()),
            courier: courier_worker(&c)?,
            dsn: c.string("dsn")?,
            default_schema_id: c
                .string("identity.default_schema_id")?
                .unwrap_or_else(|| "default".to_string()),
            feature_flags: FeatureFlags {
                legacy_require_verified_login_error: c
                    .bool("feature_flags.legacy_require_verified_login_error", false)?,
            },
        })
    }
}

fn code_method(c: &Reader) -> Result<CodeMethod, SettingsError> {
    let base = "selfservice.methods.code";
    let passwordless_enabled = c.bool(&format!("{base}.passwordless_enabled"), false)?;
    Ok(CodeMethod {
        // Kratos keeps configs from before `enabled` existed working this way.
        enabled: c.bool(&format!("{base}.enabled"), true)? || passwordless_enabled,
        passwordless_enabled,
        mfa_enabled: c.bool(&format!("{base}.mfa_enabled"), false)?,
        lifespan: c.duration(&format!("{base}.config.lifespan"), ONE_HOUR)?,
        max_submissions: c.integer(&format!("{base}.config.max_submissions"), 5, 1, 255)?,
        missing_credential_fallback_enabled: c.bool(
            &format!("{base}.config.missing_credential_fallback_enabled"),
            false,
        )?,
    })
}

fn login_flow(c: &Reader) -> Result<LoginFlow, SettingsError> {
    let base = "selfservice.flows.login";
    let hooks = c.method_hooks(&format!("{base}.after"), "code")?;
    Ok(LoginFlow {
        lifespan: c.duration(&format!("{base}.lifespan"), ONE_HOUR)?,
        ui_url: c.ui_url(base, "login")?,
        require_verified_address: hooks.iter().any(|h| h == "require_verified_address"),
    })
}

fn registration_flow(c: &Reader) -> Result<RegistrationFlow, SettingsError> {
    let base = "selfservice.flows.registration";
    let hooks = c.method_hooks(&format!("{base}.after"), "code")?;
    let style = c.choice(
        &format!("{base}.style"),
        RegistrationStyle::ProfileFirst,
        &[
            ("unified", RegistrationStyle::Unified),
            ("profile_first", RegistrationStyle::ProfileFirst),
        ],
    )?;
    let one_step = c.bool(&format!("{base}.enable_legacy_one_step"), false)?;
    Ok(RegistrationFlow {
        enabled: c.bool(&format!("{base}.enabled"), true)?,
        lifespan: c.duration(&format!("{base}.lifespan"), ONE_HOUR)?,
        ui_url: c.ui_url(base, "registration")?,
        style: if one_step {
            RegistrationStyle::Unified
        } else {
            style
        },
        session_hook: hooks.iter().any(|h| h == "session"),
        show_verification_ui: hooks.iter().any(|h| h == "show_verification_ui"),
    })
}

fn verification_flow(c: &Reader) -> Result<VerificationFlow, SettingsError> {
    let base = "selfservice.flows.verification";
    Ok(VerificationFlow {
        enabled: c.bool(&format!("{base}.enabled"), false)?,
        lifespan: c.duration(&format!("{base}.lifespan"), ONE_HOUR)?,
        ui_url: c.ui_url(base, "verification")?,
        use_strategy: c.choice(
            &format!("{base}.use"),
            VerificationStrategy::Code,
            &[
                ("link", VerificationStrategy::Link),
                ("code", VerificationStrategy::Code),
            ],
        )?,
        notify_unknown_recipients: c.bool(&format!("{base}.notify_unknown_recipients"), false)?,
        after_return_url: c.string(&format!("{base}.after.default_browser_return_url"))?,
    })
}

fn courier_worker(c: &Reader) -> Result<CourierWorker, SettingsError> {
    Ok(CourierWorker {
        message_retries: c.integer("courier.message_retries", 5, 0, i64::from(u32::MAX))?,
        pull_count: c.capped("courier.worker.pull_count", 10, u8::MAX.into())?,
        pull_wait: c.duration("courier.worker.pull_wait", Duration::from_secs(1))?,
        delivery_strategy: c.choice(
            "courier.delivery_strategy",
            DeliveryStrategy::Smtp,
            &[
                ("smtp", DeliveryStrategy::Smtp),
                ("http", DeliveryStrategy::Http),
            ],
        )?,
    })
}

/// Kratos signs codes with the session secrets when there are any, and falls
/// back to the default secrets otherwise (reference A.6, B.2).
fn secrets(c: &Reader) -> Result<Vec<Vec<u8>>, SettingsError> {
    let cookie = c.strings("secrets.cookie")?;
    let chosen = if cookie.is_empty() {
        c.strings("secrets.default")?
    } else {
        cookie
    };
    Ok(chosen.into_iter().map(String::into_bytes).collect())
}

/// Typed access to a config by dotted key; absent and null keys read as unset.
struct Reader<'a>(&'a Value);

impl<'a> Reader<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        key.split('.')
            .try_fold(self.0, |node, part| node.get(part))
            .filter(|v| !v.is_null())
    }

    fn wrong_type(key: &str, expected: &'static str, found: &Value) -> SettingsError {
        SettingsError {
            key: key.to_string(),
            problem: Problem::WrongType {
                expected,
                found: crate::config::kind_name(found),
            },
        }
    }

    fn bool(&self, key: &str, default: bool) -> Result<bool, SettingsError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| Self::wrong_type(key, "a boolean", v)),
        }
    }

    fn string(&self, key: &str) -> Result<Option<String>, SettingsError> {
        self.get(key)
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| Self::wrong_type(key, "a string", v))
            })
            .transpose()
    }

    fn required_string(&self, key: &str) -> Result<String, SettingsError> {
        self.string(key)?.ok_or_else(|| SettingsError {
            key: key.to_string(),
            problem: Problem::Missing,
        })
    }

    fn strings(&self, key: &str) -> Result<Vec<String>, SettingsError> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let items = value
            .as_array()
            .ok_or_else(|| Self::wrong_type(key, "a list of strings", value))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| Self::wrong_type(&format!("{key}.{i}"), "a string", item))
            })
            .collect()
    }

    fn duration(&self, key: &str, default: Duration) -> Result<Duration, SettingsError> {
        match self.string(key)? {
            None => Ok(default),
            Some(text) => parse_duration(&text).map_err(|e| SettingsError {
                key: key.to_string(),
                problem: Problem::Duration(e),
            }),
        }
    }

    /// An integer in `min..=max`, converted to the field's type.
    fn integer<T: TryFrom<i64>>(
        &self,
        key: &str,
        default: T,
        min: i64,
        max: i64,
    ) -> Result<T, SettingsError> {
        let Some(value) = self.get(key) else {
            return Ok(default);
        };
        let out_of_range = || SettingsError {
            key: key.to_string(),
            problem: Problem::OutOfRange {
                value: value.to_string(),
                min,
                max,
            },
        };
        let number = match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => n.as_i64().ok_or_else(out_of_range)?,
            _ => return Err(Self::wrong_type(key, "an integer", value)),
        };
        if !(min..=max).contains(&number) {
            return Err(out_of_range());
        }
        T::try_from(number).map_err(|_| out_of_range())
    }

    /// A non-negative integer, values above `cap` lowered to it.
    fn capped(&self, key: &str, default: u32, cap: u32) -> Result<u32, SettingsError> {
        let number = self.integer(key, i64::from(default), 0, i64::MAX)?;
        Ok(u32::try_from(number).unwrap_or(cap).min(cap))
    }

    fn choice<T: Copy>(
        &self,
        key: &str,
        default: T,
        options: &[(&str, T)],
    ) -> Result<T, SettingsError> {
        let Some(text) = self.string(key)? else {
            return Ok(default);
        };
        options
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, value)| *value)
            .ok_or_else(|| SettingsError {
                key: key.to_string(),
                problem: Problem::NotAllowed {
                    value: text,
                    allowed: options
                        .iter()
                        .map(|(name, _)| *name)
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            })
    }

    /// `<flows>.ui_url`, defaulting to Kratos' hosted fallback page for the flow.
    fn ui_url(&self, base: &str, flow: &str) -> Result<String, SettingsError> {
        Ok(self
            .string(&format!("{base}.ui_url"))?
            .unwrap_or_else(|| format!("https://www.ory.com/kratos/docs/fallback/{flow}")))
    }

    /// The hook names that run after `method`: the method's own list when it has
    /// any hooks, otherwise the global list (reference A.4).
    fn method_hooks(&self, after: &str, method: &str) -> Result<Vec<String>, SettingsError> {
        let own = self.hook_names(&format!("{after}.{method}.hooks"))?;
        if own.is_empty() {
            self.hook_names(&format!("{after}.hooks"))
        } else {
            Ok(own)
        }
    }

    fn hook_names(&self, key: &str) -> Result<Vec<String>, SettingsError> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let items = value
            .as_array()
            .ok_or_else(|| Self::wrong_type(key, "a list of hooks", value))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let at = format!("{key}.{i}.hook");
                match item.get("hook") {
                    Some(Value::String(name)) => Ok(name.clone()),
                    Some(other) => Err(Self::wrong_type(&at, "a string", other)),
                    None => Err(Self::wrong_type(&format!("{key}.{i}"), "a hook", item)),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `config` with the one key Kratos requires, unless it sets it itself.
    fn minimal(mut config: Value) -> Value {
        let selfservice = &mut config["selfservice"];
        if selfservice.get("default_browser_return_url").is_none() {
            selfservice["default_browser_return_url"] = json!("http://127.0.0.1:3000/");
        }
        config
    }

    fn settings(config: Value) -> Settings {
        Settings::from_config(&minimal(config)).expect("valid settings")
    }

    fn error(config: Value) -> String {
        Settings::from_config(&minimal(config))
            .expect_err("invalid settings")
            .to_string()
    }

    #[test]
    fn a_minimal_config_gets_kratos_defaults() {
        let s = settings(json!({}));
        assert_eq!(
            s.code,
            CodeMethod {
                enabled: true,
                passwordless_enabled: false,
                mfa_enabled: false,
                lifespan: ONE_HOUR,
                max_submissions: 5,
                missing_credential_fallback_enabled: false,
            }
        );
        assert_eq!(
            s.login,
            LoginFlow {
                lifespan: ONE_HOUR,
                ui_url: "https://www.ory.com/kratos/docs/fallback/login".into(),
                require_verified_address: false,
            }
        );
        assert_eq!(
            s.registration,
            RegistrationFlow {
                enabled: true,
                lifespan: ONE_HOUR,
                ui_url: "https://www.ory.com/kratos/docs/fallback/registration".into(),
                style: RegistrationStyle::ProfileFirst,
                session_hook: false,
                show_verification_ui: false,
            }
        );
        assert_eq!(
            s.verification,
            VerificationFlow {
                enabled: false,
                lifespan: ONE_HOUR,
                ui_url: "https://www.ory.com/kratos/docs/fallback/verification".into(),
                use_strategy: VerificationStrategy::Code,
                notify_unknown_recipients: false,
                after_return_url: None,
            }
        );
        assert_eq!(s.default_browser_return_url, "http://127.0.0.1:3000/");
        assert_eq!(s.session.lifespan, Duration::from_secs(86_400));
        assert!(s.secrets.is_empty());
        assert_eq!(s.public_base_url, "http://127.0.0.1:4433/");
        assert_eq!(
            s.courier,
            CourierWorker {
                message_retries: 5,
                pull_count: 10,
                pull_wait: Duration::from_secs(1),
                delivery_strategy: DeliveryStrategy::Smtp,
            }
        );
        assert_eq!(s.dsn, None);
        assert_eq!(s.default_schema_id, "default");
        assert!(!s.feature_flags.legacy_require_verified_login_error);
    }

    #[test]
    fn null_keys_read_as_absent() {
        let s = settings(
            json!({"selfservice": {"methods": {"code": {"config": {"lifespan": null}}}}, "dsn": null}),
        );
        assert_eq!(s.code.lifespan, ONE_HOUR);
        assert_eq!(s.dsn, None);
    }

    #[test]
    fn set_values_are_read() {
        let s = settings(json!({
            "dsn": "sqlite://otpctl.db",
            "serve": {"public": {"base_url": "https://auth.example.com/"}},
            "identity": {"default_schema_id": "customer"},
            "session": {"lifespan": "720h"},
            "feature_flags": {"legacy_require_verified_login_error": true},
            "courier": {
                "message_retries": 0,
                "delivery_strategy": "http",
                "worker": {"pull_count": 3, "pull_wait": "250ms"}
            },
            "selfservice": {
                "default_browser_return_url": "https://app.example.com/",
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
        assert_eq!(s.dsn.as_deref(), Some("sqlite://otpctl.db"));
        assert_eq!(s.public_base_url, "https://auth.example.com/");
        assert_eq!(s.default_schema_id, "customer");
        assert_eq!(s.session.lifespan, Duration::from_secs(720 * 3600));
        assert!(s.feature_flags.legacy_require_verified_login_error);
        assert_eq!(
            s.courier,
            CourierWorker {
                message_retries: 0,
                pull_count: 3,
                pull_wait: Duration::from_millis(250),
                delivery_strategy: DeliveryStrategy::Http,
            }
        );
        assert_eq!(s.code.lifespan, Duration::from_secs(900));
        assert_eq!(s.code.max_submissions, 255);
        assert!(s.code.missing_credential_fallback_enabled);
        assert_eq!(s.login.lifespan, Duration::from_secs(600));
        assert_eq!(s.login.ui_url, "http://ui/login");
        assert!(!s.registration.enabled);
        assert_eq!(s.registration.style, RegistrationStyle::Unified);
        assert_eq!(s.registration.ui_url, "http://ui/registration");
        assert!(s.verification.enabled);
        assert_eq!(s.default_browser_return_url, "https://app.example.com/");
        assert_eq!(s.verification.use_strategy, VerificationStrategy::Link);
        assert_eq!(s.verification.use_strategy.to_string(), "link");
        assert!(s.verification.notify_unknown_recipients);
        assert_eq!(s.verification.lifespan, Duration::from_secs(7200));
        assert_eq!(
            s.verification.after_return_url.as_deref(),
            Some("http://ui/verified")
        );
    }

    #[test]
    fn passwordless_forces_the_code_method_on() {
        let s = settings(
            json!({"selfservice": {"methods": {"code": {"enabled": false, "passwordless_enabled": true}}}}),
        );
        assert!(s.code.enabled);
        let s = settings(
            json!({"selfservice": {"methods": {"code": {"enabled": false, "mfa_enabled": true}}}}),
        );
        assert!(!s.code.enabled);
        assert!(s.code.mfa_enabled);
    }

    #[test]
    fn legacy_one_step_overrides_the_style() {
        let s = settings(
            json!({"selfservice": {"flows": {"registration": {"style": "profile_first", "enable_legacy_one_step": true}}}}),
        );
        assert_eq!(s.registration.style, RegistrationStyle::Unified);
    }

    #[test]
    fn secrets_prefer_cookie_over_default() {
        let both = settings(json!({"secrets": {
            "default": ["default-secret-0123"],
            "cookie": ["cookie-secret-0123", "old-cookie-secret"]
        }}));
        assert_eq!(
            both.secrets,
            vec![
                b"cookie-secret-0123".to_vec(),
                b"old-cookie-secret".to_vec()
            ]
        );
        let default_only =
            settings(json!({"secrets": {"default": ["default-secret-0123"], "cookie": []}}));
        assert_eq!(default_only.secrets, vec![b"default-secret-0123".to_vec()]);
    }

    #[test]
    fn pull_count_is_capped_at_255() {
        let s = settings(json!({"courier": {"worker": {"pull_count": 1000}}}));
        assert_eq!(s.courier.pull_count, 255);
    }

    #[test]
    fn login_hooks_prefer_the_code_list() {
        let login = |after: Value| {
            settings(json!({"selfservice": {"flows": {"login": {"after": after}}}}))
                .login
                .require_verified_address
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
            settings(json!({"selfservice": {"flows": {"registration": {"after": after}}}}))
                .registration
        };
        let r = registration(
            json!({"code": {"hooks": [{"hook": "session"}, {"hook": "show_verification_ui"}]}}),
        );
        assert!(r.session_hook && r.show_verification_ui);
        let r = registration(json!({"hooks": [{"hook": "session"}], "code": {"hooks": []}}));
        assert!(
            r.session_hook,
            "the global list applies when code's is empty"
        );
        assert!(!r.show_verification_ui);
        let r = registration(json!({
            "hooks": [{"hook": "session"}],
            "code": {"hooks": [{"hook": "show_verification_ui"}]}
        }));
        assert!(!r.session_hook, "code's own list replaces the global one");
        assert!(r.show_verification_ui);
        let r = registration(json!({"password": {"hooks": [{"hook": "session"}]}}));
        assert!(!r.session_hook);
    }

    #[test]
    fn the_project_template_issues_a_session_after_code_registration() {
        let template = include_str!("../project/presets/identity-config.yaml")
            .replace("{{sms_channel}}", "")
            .replace("{{", "")
            .replace("}}", "");
        let config: Value = serde_yaml::from_str(&template).expect("template parses");
        let s = settings(config);
        assert!(s.registration.session_hook);
        assert!(s.verification.enabled);
        assert_eq!(s.secrets, vec![b"secret_cookie".to_vec()]);
        assert_eq!(
            s.dsn.as_deref(),
            Some("sqlite://otpctl.db?_fk=true&mode=rwc")
        );
    }

    #[test]
    fn errors_name_the_key() {
        assert_eq!(
            Settings::from_config(&json!({}))
                .expect_err("no return url")
                .to_string(),
            "selfservice.default_browser_return_url: is required"
        );
        assert_eq!(
            error(json!({"selfservice": {"methods": {"code": {"config": {"lifespan": "1d"}}}}})),
            "selfservice.methods.code.config.lifespan: unknown unit \"d\" in duration \"1d\""
        );
        assert_eq!(
            error(
                json!({"selfservice": {"methods": {"code": {"config": {"max_submissions": 0}}}}})
            ),
            "selfservice.methods.code.config.max_submissions: 0 is not between 1 and 255"
        );
        assert_eq!(
            error(
                json!({"selfservice": {"methods": {"code": {"config": {"max_submissions": 256}}}}})
            ),
            "selfservice.methods.code.config.max_submissions: 256 is not between 1 and 255"
        );
        assert_eq!(
            error(
                json!({"selfservice": {"methods": {"code": {"config": {"max_submissions": 2.5}}}}})
            ),
            "selfservice.methods.code.config.max_submissions: expected an integer, found a number"
        );
        assert_eq!(
            error(json!({"selfservice": {"flows": {"verification": {"use": "sms"}}}})),
            "selfservice.flows.verification.use: \"sms\" is not one of link, code"
        );
        assert_eq!(
            error(json!({"courier": {"delivery_strategy": 1}})),
            "courier.delivery_strategy: expected a string, found a number"
        );
        assert_eq!(
            error(json!({"selfservice": {"methods": {"code": {"enabled": "yes"}}}})),
            "selfservice.methods.code.enabled: expected a boolean, found a string"
        );
        assert_eq!(
            error(json!({"secrets": {"cookie": ["a-long-enough-secret", 7]}})),
            "secrets.cookie.1: expected a string, found a number"
        );
        assert_eq!(
            error(
                json!({"selfservice": {"flows": {"login": {"after": {"code": {"hooks": [{"config": {}}]}}}}}})
            ),
            "selfservice.flows.login.after.code.hooks.0: expected a hook, found a mapping"
        );
        assert_eq!(
            error(json!({"courier": {"worker": {"pull_count": -1}}})),
            format!(
                "courier.worker.pull_count: -1 is not between 0 and {}",
                i64::MAX
            )
        );
    }
}
