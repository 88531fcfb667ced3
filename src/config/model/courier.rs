//! `courier`: SMTP, the HTTP channels, templates and the worker (reference A.5).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use super::values::{GoDuration, pull_count, retries};

/// The sender when `courier.smtp.from_address` is not set (Kratos' default).
pub const DEFAULT_FROM_ADDRESS: &str = "no-reply@ory.kratos.sh";

/// The EHLO name when `courier.smtp.local_name` is not set (Kratos' default).
pub const DEFAULT_LOCAL_NAME: &str = "localhost";

/// `courier`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Courier {
    /// `delivery_strategy`: how email leaves (default smtp).
    pub delivery_strategy: DeliveryStrategy,
    /// `smtp`.
    pub smtp: Smtp,
    /// `http`: email over HTTP when `delivery_strategy` is `http`.
    pub http: CourierHttp,
    /// `channels`: the `sms` channel, by id.
    pub channels: Vec<Channel>,
    /// `templates`: per-template overrides.
    pub templates: Templates,
    /// `template_override_path`: a directory of override templates.
    pub template_override_path: Option<String>,
    /// `message_retries` (default 5: six attempts, then abandoned).
    #[serde(deserialize_with = "retries")]
    pub message_retries: u32,
    /// `worker`.
    pub worker: Worker,
}

impl Default for Courier {
    fn default() -> Self {
        Courier {
            delivery_strategy: DeliveryStrategy::Smtp,
            smtp: Smtp::default(),
            http: CourierHttp::default(),
            channels: Vec::new(),
            templates: Templates::default(),
            template_override_path: None,
            message_retries: 5,
            worker: Worker::default(),
        }
    }
}

impl Courier {
    /// The `channels` entry with id `sms`, if there is one, with its index.
    pub fn sms_channel(&self) -> Option<(usize, &Channel)> {
        self.channels
            .iter()
            .enumerate()
            .find(|(_, c)| c.id == "sms")
    }
}

/// How email leaves the courier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStrategy {
    /// `courier.smtp`.
    Smtp,
    /// `courier.http.request_config`.
    Http,
}

/// `courier.worker` (reference D.2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Worker {
    /// `pull_count` (default 10, the schema's), at most 255: Kratos casts it to
    /// `uint8`; larger values are capped rather than wrapped.
    #[serde(deserialize_with = "pull_count")]
    pub pull_count: u32,
    /// `pull_wait` (default 1s, the schema's).
    pub pull_wait: GoDuration,
}

impl Default for Worker {
    fn default() -> Self {
        Worker {
            pull_count: 10,
            pull_wait: GoDuration::from_secs(1),
        }
    }
}

/// `courier.smtp`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Smtp {
    /// `connection_uri`: `smtp://` or `smtps://` with credentials and options;
    /// empty when unset (email then stays in the local outbox).
    pub connection_uri: String,
    /// `from_address` (default `no-reply@ory.kratos.sh`).
    pub from_address: String,
    /// `from_name`, if any.
    pub from_name: Option<String>,
    /// `headers` added to every message.
    pub headers: BTreeMap<String, String>,
    /// `local_name`, the name given in EHLO (default `localhost`).
    pub local_name: String,
}

impl Default for Smtp {
    fn default() -> Self {
        Smtp {
            connection_uri: String::new(),
            from_address: DEFAULT_FROM_ADDRESS.to_string(),
            from_name: None,
            headers: BTreeMap::new(),
            local_name: DEFAULT_LOCAL_NAME.to_string(),
        }
    }
}

/// Keeps the SMTP password out of logs and panics.
impl fmt::Debug for Smtp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Smtp")
            .field("connection_uri", &without_userinfo(&self.connection_uri))
            .field("from_address", &self.from_address)
            .field("from_name", &self.from_name)
            .field("headers", &self.headers)
            .field("local_name", &self.local_name)
            .finish()
    }
}

/// A URI with its user name and password replaced.
fn without_userinfo(uri: &str) -> String {
    match (uri.find("://"), uri.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://[redacted]{}", &uri[..scheme], &uri[at..])
        }
        _ => uri.to_string(),
    }
}

/// `courier.http`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CourierHttp {
    /// `request_config`.
    pub request_config: Option<RequestConfig>,
}

/// One `courier.channels` entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Channel {
    /// `id` (only `sms` exists).
    pub id: String,
    /// `type`: must be `http`; Kratos has no default.
    #[serde(default, rename = "type")]
    pub channel_type: Option<String>,
    /// `request_config`.
    #[serde(default)]
    pub request_config: RequestConfig,
}

/// An `httpRequestConfig`.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RequestConfig {
    /// `url`; not required by the schema, but nothing is sent without it.
    pub url: Option<String>,
    /// `method` (POST when unset or empty).
    pub method: Option<String>,
    /// `headers`.
    pub headers: BTreeMap<String, String>,
    /// `body`: the Jsonnet program's URL (`base64://`, `file://`).
    pub body: Option<String>,
    /// `auth`.
    pub auth: Option<Auth>,
}

/// Shows where a request goes, never its credentials.
impl fmt::Debug for RequestConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestConfig")
            .field("url", &self.url)
            .field("method", &self.method)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("body", &self.body)
            .field("auth", &self.auth.as_ref().map(|a| &a.auth_type))
            .finish()
    }
}

/// `auth` of an `httpRequestConfig`: `type` and its `config`.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Auth {
    /// `type`: `api_key` or `basic_auth`.
    #[serde(rename = "type")]
    pub auth_type: Option<String>,
    /// `config`.
    pub config: AuthConfig,
}

/// `auth.config`: the keys of both kinds of auth.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct AuthConfig {
    /// `name` of the API key's header or cookie.
    pub name: Option<String>,
    /// `value` of the API key.
    pub value: Option<String>,
    /// `in`: `header` or `cookie`.
    #[serde(rename = "in")]
    pub location: Option<String>,
    /// `user` of basic auth.
    pub user: Option<String>,
    /// `password` of basic auth.
    pub password: Option<String>,
}

/// Shows the kind of auth, never a secret.
impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("type", &self.auth_type)
            .finish_non_exhaustive()
    }
}

/// Shows the names, never a secret.
impl fmt::Debug for AuthConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthConfig")
            .field("name", &self.name)
            .field("in", &self.location)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// `courier.templates`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Templates {
    /// `recovery`.
    pub recovery: ByStatus,
    /// `recovery_code`.
    pub recovery_code: ByStatus,
    /// `verification`.
    pub verification: ByStatus,
    /// `verification_code`.
    pub verification_code: ByStatus,
    /// `login_code` (only `valid`).
    pub login_code: ByStatus,
    /// `registration_code` (only `valid`).
    pub registration_code: ByStatus,
    /// `verifiable_address_changed`.
    pub verifiable_address_changed: Template,
    /// `authenticator_key_added` (read by Kratos, absent from its schema).
    pub authenticator_key_added: Template,
}

impl Templates {
    /// The overrides at `key`, `<type>` or `<type>/<valid|invalid>`
    /// (`login_code/valid`).
    pub fn at(&self, key: &str) -> Option<&Template> {
        let (ty, status) = match key.split_once('/') {
            Some((ty, status)) => (ty, Some(status)),
            None => (key, None),
        };
        let by_status = match ty {
            "recovery" => &self.recovery,
            "recovery_code" => &self.recovery_code,
            "verification" => &self.verification,
            "verification_code" => &self.verification_code,
            "login_code" => &self.login_code,
            "registration_code" => &self.registration_code,
            "verifiable_address_changed" if status.is_none() => {
                return Some(&self.verifiable_address_changed);
            }
            "authenticator_key_added" if status.is_none() => {
                return Some(&self.authenticator_key_added);
            }
            _ => return None,
        };
        match status {
            Some("valid") => Some(&by_status.valid),
            Some("invalid") => Some(&by_status.invalid),
            _ => None,
        }
    }
}

/// The `valid` and `invalid` templates of a type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ByStatus {
    /// `valid`.
    pub valid: Template,
    /// `invalid`.
    pub invalid: Template,
}

/// One template's `email` and `sms` overrides: each a URL (`file://`,
/// `base64://`); empty or absent means no override.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Template {
    /// `email`.
    pub email: EmailTemplate,
    /// `sms`.
    pub sms: SmsTemplate,
}

/// `email`: `subject` and `body.{plaintext,html}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EmailTemplate {
    /// `subject`.
    pub subject: Option<String>,
    /// `body`.
    pub body: EmailBody,
}

/// `email.body`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EmailBody {
    /// `plaintext`.
    pub plaintext: Option<String>,
    /// `html`.
    pub html: Option<String>,
}

/// `sms`: `body.plaintext`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SmsTemplate {
    /// `body`.
    pub body: SmsBody,
}

/// `sms.body`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SmsBody {
    /// `plaintext`.
    pub plaintext: Option<String>,
}
