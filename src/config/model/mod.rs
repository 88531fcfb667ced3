//! The typed config model: every section otpctl reads, deserialised once with
//! Kratos' defaults (reference A). Unknown keys are ignored here: the config
//! schema in `schema/` reports them. Absent and `null` keys take the default.

mod courier;
mod selfservice;
#[cfg(test)]
mod tests;
mod values;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use courier::{
    Auth, AuthConfig, ByStatus, Channel, Courier, CourierHttp, DEFAULT_FROM_ADDRESS,
    DEFAULT_LOCAL_NAME, DeliveryStrategy, EmailBody, EmailTemplate, RequestConfig, SmsBody,
    SmsTemplate, Smtp, Template, Templates, Worker,
};
pub use selfservice::{
    After, CodeConfig, CodeMethod, Flows, Hook, LoginFlow, LoginStyle, MethodAfter, Methods,
    RegistrationFlow, RegistrationStyle, Selfservice, VerificationAfter, VerificationFlow,
    VerificationStrategy,
};
pub use values::GoDuration;

/// A Kratos-style config, typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Config {
    /// `dsn`.
    #[serde(default)]
    pub dsn: Option<String>,
    /// `serve`.
    #[serde(default)]
    pub serve: Serve,
    /// `identity`.
    #[serde(default)]
    pub identity: Identity,
    /// `selfservice` (required).
    pub selfservice: Selfservice,
    /// `session`.
    #[serde(default)]
    pub session: Session,
    /// `secrets`.
    #[serde(default)]
    pub secrets: Secrets,
    /// `courier`.
    #[serde(default)]
    pub courier: Courier,
    /// `feature_flags`.
    #[serde(default)]
    pub feature_flags: FeatureFlags,
}

impl Config {
    /// Reads a parsed config; the error names the key it is about.
    pub fn from_value(config: &Value) -> Result<Config, ModelError> {
        deserialize_at(config, "")
    }
}

/// Reads one top-level section alone (`courier` for rendering templates), its
/// default when absent.
pub fn section<T: DeserializeOwned + Default>(config: &Value, key: &str) -> Result<T, ModelError> {
    match config.get(key) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(value) => deserialize_at(value, key),
    }
}

fn deserialize_at<T: DeserializeOwned>(value: &Value, prefix: &str) -> Result<T, ModelError> {
    let mut value = value.clone();
    drop_nulls(&mut value);
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut segments: Vec<String> = Vec::new();
        if !prefix.is_empty() {
            segments.push(prefix.to_string());
        }
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => segments.push(index.to_string()),
                serde_path_to_error::Segment::Map { key } => segments.push(key.clone()),
                serde_path_to_error::Segment::Enum { variant } => segments.push(variant.clone()),
                serde_path_to_error::Segment::Unknown => segments.push("?".to_string()),
            }
        }
        ModelError {
            pointer: segments
                .iter()
                .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                .collect(),
            key: segments.join("."),
            message: e.into_inner().to_string(),
        }
    })
}

/// Object members that are `null` read as absent, as Kratos' loader has them.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// A config value the model cannot take, with the key it sits at.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", if key.is_empty() { "the config" } else { key.as_str() })]
pub struct ModelError {
    /// The dotted key, e.g. `selfservice.methods.code.config.lifespan`; list
    /// items by index (`secrets.cookie.1`). For a missing key, its parent.
    pub key: String,
    /// The same place as a JSON pointer.
    pub pointer: String,
    /// What is wrong with its value.
    pub message: String,
}

/// `serve`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Serve {
    /// `public`.
    pub public: PublicServe,
}

/// `serve.public`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PublicServe {
    /// `base_url`: the root of `ui.action` and verification links; when the
    /// config has none, the address the public API listens on, as in Kratos
    /// ([`PublicServe::base_url`]).
    pub base_url: Option<String>,
    /// `cors`.
    pub cors: Cors,
}

impl PublicServe {
    /// Where the public API listens unless told otherwise (Kratos' port 4433).
    pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:4433/";

    /// `base_url`, or the default public address.
    pub fn base_url(&self) -> &str {
        self.base_url.as_deref().unwrap_or(Self::DEFAULT_BASE_URL)
    }
}

/// `serve.public.cors`, with the schema's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Cors {
    /// `enabled` (default false).
    pub enabled: bool,
    /// `allowed_origins` (default `*`).
    pub allowed_origins: Vec<String>,
    /// `allowed_methods` (default POST, GET, PUT, PATCH, DELETE).
    pub allowed_methods: Vec<String>,
    /// `allowed_headers`.
    pub allowed_headers: Vec<String>,
    /// `exposed_headers` (default Content-Type).
    pub exposed_headers: Vec<String>,
    /// `allow_credentials` (default true).
    pub allow_credentials: bool,
    /// `options_passthrough` (default false).
    pub options_passthrough: bool,
    /// `max_age` in seconds (default 0: the browser's own).
    pub max_age: u64,
    /// `debug` (default false).
    pub debug: bool,
}

impl Default for Cors {
    fn default() -> Self {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        Cors {
            enabled: false,
            allowed_origins: strings(&["*"]),
            allowed_methods: strings(&["POST", "GET", "PUT", "PATCH", "DELETE"]),
            allowed_headers: strings(&[
                "Authorization",
                "Content-Type",
                "Max-Age",
                "X-Session-Token",
                "X-XSRF-TOKEN",
                "X-CSRF-TOKEN",
            ]),
            exposed_headers: strings(&["Content-Type"]),
            allow_credentials: true,
            options_passthrough: false,
            max_age: 0,
            debug: false,
        }
    }
}

/// `identity`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// `default_schema_id` (default `default`).
    pub default_schema_id: String,
    /// `schemas`.
    pub schemas: Vec<SchemaRef>,
}

impl Default for Identity {
    fn default() -> Self {
        Identity {
            default_schema_id: "default".to_string(),
            schemas: Vec::new(),
        }
    }
}

/// One `identity.schemas` entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SchemaRef {
    /// `id`.
    #[serde(default)]
    pub id: String,
    /// `url`: `file://`, `base64://` or `http(s)://`.
    #[serde(default)]
    pub url: String,
    /// `selfservice_selectable` (default false).
    #[serde(default)]
    pub selfservice_selectable: bool,
}

/// `session`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Session {
    /// `lifespan` (default 24h).
    pub lifespan: GoDuration,
    /// `cookie`.
    pub cookie: SessionCookie,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            lifespan: GoDuration::from_secs(24 * 3600),
            cookie: SessionCookie::default(),
        }
    }
}

/// `session.cookie`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SessionCookie {
    /// `name` (default `ory_kratos_session`).
    pub name: String,
    /// `persistent` (default true): `max-age` is the session's lifespan.
    pub persistent: bool,
    /// `domain`.
    pub domain: Option<String>,
    /// `path`.
    pub path: Option<String>,
    /// `same_site`: `Strict`, `Lax` or `None`.
    pub same_site: Option<String>,
    /// `secure`; when unset Kratos sets it outside dev mode.
    #[serde(deserialize_with = "values::loose_bool")]
    pub secure: Option<bool>,
}

impl Default for SessionCookie {
    fn default() -> Self {
        SessionCookie {
            name: "ory_kratos_session".to_string(),
            persistent: true,
            domain: None,
            path: None,
            same_site: None,
            secure: None,
        }
    }
}

/// `secrets`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Secrets {
    /// `default`.
    pub default: Vec<String>,
    /// `cookie`.
    pub cookie: Vec<String>,
    /// `cipher`.
    pub cipher: Vec<String>,
}

impl Secrets {
    /// The HMAC keys of codes: `cookie` if it has entries, else `default`; the
    /// first signs, all verify; empty when neither is set (reference A.6, B.2).
    pub fn code_keys(&self) -> &[String] {
        if self.cookie.is_empty() {
            &self.default
        } else {
            &self.cookie
        }
    }
}

/// `feature_flags`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct FeatureFlags {
    /// `legacy_require_verified_login_error` (default false; reference F).
    pub legacy_require_verified_login_error: bool,
    /// `legacy_continue_with_verification_ui` (default false).
    pub legacy_continue_with_verification_ui: bool,
}
