//! What the flows read from the config, resolved once from the typed model
//! (`config::model`, which holds Kratos' defaults and the hook-list rules).

use std::time::Duration;

use crate::config::model::Config;
pub use crate::config::model::{FeatureFlags, RegistrationStyle, VerificationStrategy};

/// Everything the flows take from the config.
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
    /// `selfservice.flows.error.ui_url`: where a browser is sent with an
    /// error's id (default: `otpctl serve`'s own error page).
    pub error_ui_url: String,
    /// `selfservice.default_browser_return_url`.
    pub default_browser_return_url: String,
    /// `session`.
    pub session: SessionSettings,
    /// HMAC keys for codes ([`crate::config::model::Secrets::code_keys`]); empty
    /// when the config has none.
    pub secrets: Vec<Vec<u8>>,
    /// `serve.public.base_url`, the root of `ui.action` and verification links.
    pub public_base_url: String,
    /// `identity.default_schema_id`.
    pub default_schema_id: String,
    /// `feature_flags`.
    pub feature_flags: FeatureFlags,
}

/// `selfservice.methods.code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMethod {
    /// Whether the method is on (`passwordless_enabled` forces it on).
    pub enabled: bool,
    /// `passwordless_enabled`: login and registration by code.
    pub passwordless_enabled: bool,
    /// `mfa_enabled`: code as a second factor.
    pub mfa_enabled: bool,
    /// `config.lifespan`: how long every code is valid.
    pub lifespan: Duration,
    /// `config.max_submissions`: code submissions per flow.
    pub max_submissions: u8,
    /// `config.missing_credential_fallback_enabled`.
    pub missing_credential_fallback_enabled: bool,
}

/// `selfservice.flows.login`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginFlow {
    /// `lifespan`.
    pub lifespan: Duration,
    /// `ui_url`.
    pub ui_url: String,
    /// Whether `require_verified_address` runs after a code login.
    pub require_verified_address: bool,
}

/// `selfservice.flows.registration`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationFlow {
    /// `enabled`.
    pub enabled: bool,
    /// `lifespan`.
    pub lifespan: Duration,
    /// `ui_url`.
    pub ui_url: String,
    /// `style`, or one step when `enable_legacy_one_step`.
    pub style: RegistrationStyle,
    /// Whether a session is issued after a code registration.
    pub session_hook: bool,
    /// Whether `show_verification_ui` runs after a code registration.
    pub show_verification_ui: bool,
}

/// `selfservice.flows.verification`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationFlow {
    /// `enabled`.
    pub enabled: bool,
    /// `lifespan` of the flow, not of its code.
    pub lifespan: Duration,
    /// `ui_url`.
    pub ui_url: String,
    /// `use`.
    pub use_strategy: VerificationStrategy,
    /// `notify_unknown_recipients`.
    pub notify_unknown_recipients: bool,
    /// `after.default_browser_return_url`.
    pub after_return_url: Option<String>,
}

/// `session`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSettings {
    /// `lifespan`.
    pub lifespan: Duration,
}

impl Settings {
    /// The settings of a config, its hook lists resolved for the code method.
    pub fn from_model(config: &Config) -> Settings {
        let selfservice = &config.selfservice;
        let code = &selfservice.methods.code;
        let flows = &selfservice.flows;
        let (login, registration, verification) =
            (&flows.login, &flows.registration, &flows.verification);
        Settings {
            code: CodeMethod {
                enabled: code.is_enabled(),
                passwordless_enabled: code.passwordless_enabled,
                mfa_enabled: code.mfa_enabled,
                lifespan: code.config.lifespan.get(),
                max_submissions: code.config.max_submissions,
                missing_credential_fallback_enabled: code
                    .config
                    .missing_credential_fallback_enabled,
            },
            login: LoginFlow {
                lifespan: login.lifespan.get(),
                ui_url: ui_url(&login.ui_url, config, "login"),
                require_verified_address: login.after.code_runs("require_verified_address"),
            },
            registration: RegistrationFlow {
                enabled: registration.enabled,
                lifespan: registration.lifespan.get(),
                ui_url: ui_url(&registration.ui_url, config, "registration"),
                style: registration.staging(),
                session_hook: registration.after.code_runs("session"),
                show_verification_ui: registration.after.code_runs("show_verification_ui"),
            },
            verification: VerificationFlow {
                enabled: verification.enabled,
                lifespan: verification.lifespan.get(),
                ui_url: ui_url(&verification.ui_url, config, "verification"),
                use_strategy: verification.use_strategy,
                notify_unknown_recipients: verification.notify_unknown_recipients,
                after_return_url: verification.after.default_browser_return_url.clone(),
            },
            error_ui_url: ui_url(&selfservice.flows.error.ui_url, config, "error"),
            default_browser_return_url: selfservice.default_browser_return_url.clone(),
            session: SessionSettings {
                lifespan: config.session.lifespan.get(),
            },
            secrets: config
                .secrets
                .code_keys()
                .iter()
                .map(|s| s.clone().into_bytes())
                .collect(),
            public_base_url: config.serve.public.base_url().to_string(),
            default_schema_id: config.identity.default_schema_id.clone(),
            feature_flags: config.feature_flags.clone(),
        }
    }
}

/// Where the browser shows a flow: the config's `ui_url`, else the page
/// `otpctl serve` renders at `<public base URL>/ui/<flow>`.
fn ui_url(configured: &Option<String>, config: &Config, flow: &str) -> String {
    configured.clone().unwrap_or_else(|| {
        let base = config.serve.public.base_url().trim_end_matches('/');
        format!("{base}/ui/{flow}")
    })
}
