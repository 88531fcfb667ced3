//! `selfservice`: the code method, the login, registration and verification
//! flows, and their `after` hook lists (reference A.1, A.3, A.4).

use serde::Deserialize;

use super::values::{GoDuration, submissions};

/// Codes and every flow live an hour unless the config says otherwise.
const ONE_HOUR: GoDuration = GoDuration::from_secs(3600);

/// `selfservice`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Selfservice {
    /// `default_browser_return_url`: where flows return when nothing more
    /// specific is set; required, as in Kratos.
    pub default_browser_return_url: String,
    /// `allowed_return_urls`: the allow-list for `?return_to=`.
    #[serde(default)]
    pub allowed_return_urls: Vec<String>,
    /// `methods`.
    #[serde(default)]
    pub methods: Methods,
    /// `flows`.
    #[serde(default)]
    pub flows: Flows,
}

/// `selfservice.methods` (only `code` is read).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Methods {
    /// `code`.
    pub code: CodeMethod,
}

/// `selfservice.methods.code` (reference A.1).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CodeMethod {
    /// `enabled` (default true). See [`CodeMethod::is_enabled`].
    pub enabled: bool,
    /// `passwordless_enabled`: login and registration by code (default false).
    pub passwordless_enabled: bool,
    /// `mfa_enabled`: code as a second factor (default false).
    pub mfa_enabled: bool,
    /// `config`.
    pub config: CodeConfig,
}

impl Default for CodeMethod {
    fn default() -> Self {
        CodeMethod {
            enabled: true,
            passwordless_enabled: false,
            mfa_enabled: false,
            config: CodeConfig::default(),
        }
    }
}

impl CodeMethod {
    /// Whether the method is on: `passwordless_enabled` forces it on, as Kratos
    /// does for configs from before `enabled` existed.
    pub fn is_enabled(&self) -> bool {
        self.enabled || self.passwordless_enabled
    }
}

/// `selfservice.methods.code.config`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CodeConfig {
    /// `lifespan`: how long every code is valid (default 1h).
    pub lifespan: GoDuration,
    /// `max_submissions`: code submissions per flow, 1..=255 (default 5).
    #[serde(deserialize_with = "submissions")]
    pub max_submissions: u8,
    /// `missing_credential_fallback_enabled` (default false).
    pub missing_credential_fallback_enabled: bool,
}

impl Default for CodeConfig {
    fn default() -> Self {
        CodeConfig {
            lifespan: ONE_HOUR,
            max_submissions: 5,
            missing_credential_fallback_enabled: false,
        }
    }
}

/// `selfservice.flows`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Flows {
    /// `login`.
    pub login: LoginFlow,
    /// `registration`.
    pub registration: RegistrationFlow,
    /// `verification`.
    pub verification: VerificationFlow,
    /// `logout`.
    pub logout: LogoutFlow,
    /// `error`.
    pub error: ErrorFlow,
}

/// `selfservice.flows.error`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ErrorFlow {
    /// `ui_url`; without one, `otpctl serve`'s own error page.
    pub ui_url: Option<String>,
}

/// `selfservice.flows.logout`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LogoutFlow {
    /// `after`.
    pub after: LogoutAfter,
}

/// `selfservice.flows.logout.after`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LogoutAfter {
    /// `default_browser_return_url`: where a browser goes once logged out
    /// (default: `selfservice.default_browser_return_url`).
    pub default_browser_return_url: Option<String>,
}

/// `selfservice.flows.login` (reference A.3, A.4).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LoginFlow {
    /// `ui_url`; without one, `otpctl serve`'s own page (Kratos' default is
    /// its hosted fallback page, which cannot show a local flow).
    pub ui_url: Option<String>,
    /// `lifespan` (default 1h).
    pub lifespan: GoDuration,
    /// `style` (default unified).
    pub style: LoginStyle,
    /// `after`.
    pub after: After,
}

impl Default for LoginFlow {
    fn default() -> Self {
        LoginFlow {
            ui_url: None,
            lifespan: ONE_HOUR,
            style: LoginStyle::Unified,
            after: After::default(),
        }
    }
}

/// `selfservice.flows.login.style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoginStyle {
    /// Identifier and credential on one screen (Kratos' default).
    Unified,
    /// The identifier first, then the credential.
    IdentifierFirst,
}

/// `selfservice.flows.registration` (reference A.3, A.4).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RegistrationFlow {
    /// `enabled` (default true).
    pub enabled: bool,
    /// `ui_url`; without one, `otpctl serve`'s own page (Kratos' default is
    /// its hosted fallback page, which cannot show a local flow).
    pub ui_url: Option<String>,
    /// `lifespan` (default 1h).
    pub lifespan: GoDuration,
    /// `style` (default profile_first); see [`RegistrationFlow::staging`].
    pub style: RegistrationStyle,
    /// `enable_legacy_one_step` (default false): forces one step.
    pub enable_legacy_one_step: bool,
    /// `login_hints` (default false).
    pub login_hints: bool,
    /// `after`.
    pub after: After,
}

impl Default for RegistrationFlow {
    fn default() -> Self {
        RegistrationFlow {
            enabled: true,
            ui_url: None,
            lifespan: ONE_HOUR,
            style: RegistrationStyle::ProfileFirst,
            enable_legacy_one_step: false,
            login_hints: false,
            after: After::default(),
        }
    }
}

impl RegistrationFlow {
    /// How the form is staged: one step when `enable_legacy_one_step`, else `style`.
    pub fn staging(&self) -> RegistrationStyle {
        if self.enable_legacy_one_step {
            RegistrationStyle::Unified
        } else {
            self.style
        }
    }
}

/// How the registration form is staged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStyle {
    /// Traits and credential on one screen.
    Unified,
    /// Traits first, then the credential (Kratos' default).
    ProfileFirst,
}

/// `selfservice.flows.verification` (reference A.3).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct VerificationFlow {
    /// `enabled` (default false).
    pub enabled: bool,
    /// `ui_url`; without one, `otpctl serve`'s own page (Kratos' default is
    /// its hosted fallback page, which cannot show a local flow).
    pub ui_url: Option<String>,
    /// `lifespan` of the flow, not of its code (default 1h).
    pub lifespan: GoDuration,
    /// `use` (default code).
    #[serde(rename = "use")]
    pub use_strategy: VerificationStrategy,
    /// `notify_unknown_recipients` (default false).
    pub notify_unknown_recipients: bool,
    /// `after`: only the global list and return URL exist here.
    pub after: VerificationAfter,
}

impl Default for VerificationFlow {
    fn default() -> Self {
        VerificationFlow {
            enabled: false,
            ui_url: None,
            lifespan: ONE_HOUR,
            use_strategy: VerificationStrategy::Code,
            notify_unknown_recipients: false,
            after: VerificationAfter::default(),
        }
    }
}

/// `selfservice.flows.verification.use`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// `selfservice.flows.{login,registration}.after`: a global hook list and one per
/// method (only `code`'s is read).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct After {
    /// `default_browser_return_url`.
    pub default_browser_return_url: Option<String>,
    /// `hooks`: the global list.
    pub hooks: Vec<Hook>,
    /// `code`.
    pub code: MethodAfter,
}

impl After {
    /// The hooks that run after a code login or registration: `code.hooks` when
    /// it has any, otherwise the global `hooks` (reference A.4).
    pub fn code_hooks(&self) -> &[Hook] {
        if self.code.hooks.is_empty() {
            &self.hooks
        } else {
            &self.code.hooks
        }
    }

    /// Whether the hook `name` runs after a code login or registration.
    pub fn code_runs(&self, name: &str) -> bool {
        self.code_hooks().iter().any(|h| h.hook == name)
    }
}

/// `after.<method>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct MethodAfter {
    /// `default_browser_return_url`.
    pub default_browser_return_url: Option<String>,
    /// `hooks`.
    pub hooks: Vec<Hook>,
}

/// `selfservice.flows.verification.after`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct VerificationAfter {
    /// `default_browser_return_url`.
    pub default_browser_return_url: Option<String>,
    /// `hooks`.
    pub hooks: Vec<Hook>,
}

/// One entry of a hook list; its `config` is not read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Hook {
    /// `hook`: `session`, `require_verified_address`, `show_verification_ui`, …
    pub hook: String,
}
