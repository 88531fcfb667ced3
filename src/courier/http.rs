//! Delivery over HTTP (the `sms` channel, and email with `delivery_strategy: http`):
//! the `httpRequestConfig` settings and sending one request.
//!
//! The request body is a Jsonnet program of `ctx`; this module only keeps its
//! source text ([`HttpChannel::body_source`]) and sends whatever JSON the
//! courier worker evaluated it to.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, COOKIE, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Client, Method, Url};
use serde_json::Value;

use super::delivery::{DeliveryError, install_crypto_provider};
use super::scrub::Secrets;
use crate::config::model::{self, DeliveryStrategy};
use crate::config::source::{SourceError, read_source};

/// The method when `method` is not set (the config schema's default).
pub const DEFAULT_METHOD: &str = "POST";

const CONTENT_TYPE_JSON: &str = "application/json";
const CONTENT_TYPE_FORM: &str = "application/x-www-form-urlencoded";

/// Kratos' HTTP client gives up after 10 s; Go's `http.Client.Timeout`, which it
/// sets, bounds the whole exchange, so otpctl bounds both the connect and the request.
const TIMEOUT: Duration = Duration::from_secs(10);

/// How much of an error response is read to be scrubbed (Kratos logs as much).
const RESPONSE_EXCERPT_BYTES: usize = 1024;

/// An `httpRequestConfig`: where and how a message is sent.
#[derive(Clone, PartialEq, Eq)]
pub struct RequestConfig {
    /// The target; Kratos does not require it in the schema, but nothing is sent without it.
    pub url: Option<String>,
    /// The HTTP method, [`DEFAULT_METHOD`] when unset.
    pub method: String,
    /// Extra request headers, `Content-Type` among them.
    pub headers: BTreeMap<String, String>,
    /// The Jsonnet program that makes the body, read once when the config is read.
    pub body: Option<BodySource>,
    /// Credentials added to every request.
    pub auth: Option<HttpAuth>,
}

/// A request-body Jsonnet program and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodySource {
    /// The `body` URL as configured (`base64://…`, `file://…`).
    pub url: String,
    /// The Jsonnet source text.
    pub text: String,
}

/// The `auth` of an `httpRequestConfig`.
#[derive(Clone, PartialEq, Eq)]
pub enum HttpAuth {
    /// `type: api_key`: a header or cookie `name` = `value`.
    ApiKey {
        /// The header or cookie name.
        name: String,
        /// The key.
        value: String,
        /// Where it goes.
        location: ApiKeyLocation,
    },
    /// `type: basic_auth`: HTTP Basic authentication.
    BasicAuth {
        /// The user name.
        user: String,
        /// The password.
        password: String,
    },
}

/// Where an API key is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// As a request header (the default).
    Header,
    /// As a cookie.
    Cookie,
}

/// Why an HTTP channel's config cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum HttpConfigError {
    /// The body template could not be read (`http(s)://` sources are refused: see docs/courier.md).
    #[error("cannot read the request body template: {0}")]
    Body(#[source] SourceError),
    /// `auth.type` is neither `api_key` nor `basic_auth`.
    #[error("`auth.type` `{found}` is not supported; use `api_key` or `basic_auth`")]
    UnknownAuthType {
        /// The type found.
        found: String,
    },
    /// An `api_key` has no name to send it under.
    #[error("`auth.config.name` is required for `api_key` auth")]
    MissingApiKeyName,
    /// A channel's `type` is missing or not `http` (Kratos' dispatch error text).
    #[error("unknown courier channel type: {found}")]
    UnknownChannelType {
        /// The type found (empty when missing).
        found: String,
    },
    /// There is no `url` to send to.
    #[error("the request config has no `url` to send to")]
    MissingUrl,
    /// `url` does not parse (the URL is not repeated: its query may hold a token).
    #[error("`url` is not a valid http(s) URL: {reason}")]
    InvalidUrl {
        /// The parser's complaint.
        reason: String,
    },
    /// `method` is not an HTTP token.
    #[error("`method` `{method}` is not a valid HTTP method")]
    InvalidMethod {
        /// The method as configured.
        method: String,
    },
    /// A header (or the API key header) has an invalid name or value; the value is not repeated.
    #[error("header `{name}` has an invalid name or value")]
    InvalidHeader {
        /// The header name.
        name: String,
    },
    /// A content type otpctl cannot make a body for (Kratos' error text).
    #[error("invalid config - incorrect Content-Type for request with body")]
    ContentType,
    /// The HTTP client could not be built.
    #[error("cannot build the http client: {0}")]
    Client(#[source] reqwest::Error),
    /// An error inside a named part of the config.
    #[error("in `{place}`: {source}")]
    At {
        /// Where, as a dotted path (`courier.channels[0].request_config`).
        place: String,
        /// The error there.
        source: Box<HttpConfigError>,
    },
}

/// A ready HTTP channel: parsed URL, method, headers with auth, and body encoding.
#[derive(Clone)]
pub struct HttpChannel {
    client: Client,
    url: Url,
    method: Method,
    headers: HeaderMap,
    /// `None` for TRACE, the one method Kratos sends without a body.
    encoding: Option<BodyEncoding>,
    body: Option<BodySource>,
    /// What every request carries that must never come back in an error text:
    /// credentials, header values, secrets in the URL.
    secrets: Secrets,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyEncoding {
    Json,
    Form,
}

impl RequestConfig {
    /// Takes an `httpRequestConfig` of the config model. `file://` body sources
    /// are relative to `base_dir` (the config's directory); the body text is
    /// read here, once.
    pub fn from_model(
        config: &model::RequestConfig,
        base_dir: &Path,
    ) -> Result<RequestConfig, HttpConfigError> {
        let body = match &config.body {
            Some(url) => Some(BodySource {
                text: read_source(url, base_dir).map_err(HttpConfigError::Body)?,
                url: url.clone(),
            }),
            None => None,
        };
        Ok(RequestConfig {
            url: config.url.clone().filter(|u| !u.is_empty()),
            method: config
                .method
                .clone()
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| DEFAULT_METHOD.to_string()),
            headers: config.headers.clone(),
            body,
            auth: config.auth.as_ref().map(auth).transpose()?,
        })
    }
}

/// Keeps the API key and password out of logs and panics.
impl fmt::Debug for RequestConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestConfig")
            .field("url", &self.url)
            .field("method", &self.method)
            .field("headers", &self.headers)
            .field("body", &self.body.as_ref().map(|b| &b.url))
            .field("auth", &self.auth)
            .finish()
    }
}

/// Shows the kind of auth and the key's name, never a secret.
impl fmt::Debug for HttpAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpAuth::ApiKey { name, location, .. } => f
                .debug_struct("ApiKey")
                .field("name", name)
                .field("location", location)
                .finish_non_exhaustive(),
            HttpAuth::BasicAuth { user, .. } => f
                .debug_struct("BasicAuth")
                .field("user", user)
                .finish_non_exhaustive(),
        }
    }
}

/// The request config of the `courier.channels[]` entry with id `sms`, if there is one.
/// Its `type` must be `http`: Kratos has no default and fails every dispatch without it.
pub fn sms_channel(
    courier: &model::Courier,
    base_dir: &Path,
) -> Result<Option<RequestConfig>, HttpConfigError> {
    let Some((index, channel)) = courier.sms_channel() else {
        return Ok(None);
    };
    let found = channel.channel_type.as_deref().unwrap_or("");
    if found != "http" {
        return Err(at(
            format!("courier.channels[{index}].type"),
            HttpConfigError::UnknownChannelType {
                found: found.to_string(),
            },
        ));
    }
    RequestConfig::from_model(&channel.request_config, base_dir)
        .map(Some)
        .map_err(|e| at(format!("courier.channels[{index}].request_config"), e))
}

/// The request config for email, `courier.http.request_config`, when
/// `courier.delivery_strategy` is `http`; `None` for the default `smtp` strategy.
pub fn email_channel(
    courier: &model::Courier,
    base_dir: &Path,
) -> Result<Option<RequestConfig>, HttpConfigError> {
    if courier.delivery_strategy != DeliveryStrategy::Http {
        return Ok(None);
    }
    // A missing request config reads as an empty one, which then has no URL to send to.
    let empty = model::RequestConfig::default();
    let config = courier.http.request_config.as_ref().unwrap_or(&empty);
    RequestConfig::from_model(config, base_dir)
        .map(Some)
        .map_err(|e| at("courier.http.request_config".to_string(), e))
}

/// The HTTP client the channels share: 10 s timeouts, no retries, no proxy from
/// the environment (reqwest is built without it).
pub fn http_client() -> Result<Client, HttpConfigError> {
    install_crypto_provider();
    Client::builder()
        .connect_timeout(TIMEOUT)
        .timeout(TIMEOUT)
        .retry(reqwest::retry::never())
        .build()
        .map_err(HttpConfigError::Client)
}

impl HttpChannel {
    /// A channel with a client of its own; see [`HttpChannel::with_client`] to share one.
    pub fn new(config: RequestConfig) -> Result<HttpChannel, HttpConfigError> {
        HttpChannel::with_client(config, http_client()?)
    }

    /// Checks the URL, method, headers and content type once, so that `send` can
    /// only fail on what the server or the body does.
    pub fn with_client(
        config: RequestConfig,
        client: Client,
    ) -> Result<HttpChannel, HttpConfigError> {
        let url = parse_url(config.url.as_deref().ok_or(HttpConfigError::MissingUrl)?)?;
        let method = Method::from_bytes(config.method.as_bytes()).map_err(|_| {
            HttpConfigError::InvalidMethod {
                method: config.method.clone(),
            }
        })?;
        let mut headers = header_map(&config.headers)?;
        if let Some(auth) = &config.auth {
            apply_auth(&mut headers, auth)?;
        }
        // Kratos compares the method case-sensitively with "TRACE".
        let encoding = if config.method == "TRACE" {
            None
        } else {
            Some(body_encoding(&headers)?)
        };
        let secrets = channel_secrets(&url, &headers, config.auth.as_ref());
        Ok(HttpChannel {
            client,
            url,
            method,
            headers,
            encoding,
            body: config.body,
            secrets,
        })
    }

    /// The Jsonnet program (a function of `ctx`) whose result [`HttpChannel::send`]
    /// sends; `None` when the config names no `body`.
    pub fn body_source(&self) -> Option<&str> {
        self.body.as_ref().map(|b| b.text.as_str())
    }

    /// Where the body program came from, for naming it in Jsonnet errors.
    pub fn body_url(&self) -> Option<&str> {
        self.body.as_ref().map(|b| b.url.as_str())
    }

    /// Whether a body is sent at all (every method but TRACE); when not, the
    /// worker need not evaluate the program.
    pub fn sends_body(&self) -> bool {
        self.encoding.is_some()
    }

    /// Sends one request with `body`, the evaluated Jsonnet result. 2xx is success;
    /// any other status and any transport failure is [`DeliveryError::Transient`];
    /// a body the content type cannot carry is [`DeliveryError::Permanent`].
    pub async fn send(&self, body: &Value) -> Result<(), DeliveryError> {
        let mut request = self
            .client
            .request(self.method.clone(), self.url.clone())
            .headers(self.headers.clone());
        let encoded = self
            .encoding
            .map(|encoding| encode_body(encoding, body))
            .transpose()?;
        if let Some(bytes) = &encoded {
            request = request.body(bytes.clone());
        }
        let mut response = request.send().await.map_err(|e| self.transport_error(e))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        // Many upstreams echo the request in an error (a 500 with the body, a 401 with
        // the headers): the excerpt loses all the request carried before it is kept.
        let excerpt = response_excerpt(&mut response).await;
        let truncated = excerpt.len() >= RESPONSE_EXCERPT_BYTES;
        let excerpt = self
            .request_secrets(body, encoded.as_deref())
            .scrub(&excerpt, truncated);
        let reason = status
            .canonical_reason()
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        let detail = if excerpt.is_empty() {
            String::new()
        } else {
            format!(" (response body, scrubbed: {excerpt:?})")
        };
        Err(DeliveryError::Transient(format!(
            "unable to dispatch mail delivery because upstream server replied with status code {}{reason}{detail}",
            status.as_u16()
        )))
    }

    /// The channel's secrets and everything in this request's body: the encoded
    /// body, every string in it (the code, the recipient, the message) and the
    /// codes inside those.
    fn request_secrets(&self, body: &Value, encoded: Option<&[u8]>) -> Secrets {
        let encoded = encoded.map(String::from_utf8_lossy);
        let texts: Vec<&str> = encoded.as_deref().into_iter().collect();
        self.secrets.with_message(&texts, Some(body))
    }

    /// `text` (why the channel's Jsonnet body failed) without the channel's
    /// secrets nor anything of the message `ctx` describes, on one line, cut short.
    pub fn scrub_message_error(&self, text: &str, ctx: &Value) -> String {
        self.secrets.with_message(&[], Some(ctx)).scrub(text, false)
    }

    fn transport_error(&self, error: reqwest::Error) -> DeliveryError {
        // The URL may carry tokens in its path or query: name only its origin.
        let error = error.without_url();
        let mut text = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        DeliveryError::Transient(format!(
            "http request to {} failed: {text}",
            self.url.origin().ascii_serialization()
        ))
    }
}

/// Shows the target and method; header values (auth among them) stay hidden.
impl fmt::Debug for HttpChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpChannel")
            .field("origin", &self.url.origin().ascii_serialization())
            .field("method", &self.method)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("encoding", &self.encoding)
            .field("body", &self.body_url())
            .finish_non_exhaustive()
    }
}

fn parse_url(text: &str) -> Result<Url, HttpConfigError> {
    let url = Url::parse(text).map_err(|e| HttpConfigError::InvalidUrl {
        reason: e.to_string(),
    })?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(HttpConfigError::InvalidUrl {
            reason: format!("scheme `{other}` is not http or https"),
        }),
    }
}

fn header_map(headers: &BTreeMap<String, String>) -> Result<HeaderMap, HttpConfigError> {
    let mut map = HeaderMap::new();
    // Go sets `Content-Type: application/json` unless the config names one.
    map.insert(CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE_JSON));
    for (name, value) in headers {
        let invalid = || HttpConfigError::InvalidHeader { name: name.clone() };
        let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
        let header_value = HeaderValue::from_str(value).map_err(|_| invalid())?;
        map.insert(header_name, header_value);
    }
    Ok(map)
}

/// Auth is applied after the configured headers, so it wins, as in Kratos.
fn apply_auth(headers: &mut HeaderMap, auth: &HttpAuth) -> Result<(), HttpConfigError> {
    match auth {
        HttpAuth::ApiKey {
            name,
            value,
            location: ApiKeyLocation::Header,
        } => {
            let invalid = || HttpConfigError::InvalidHeader { name: name.clone() };
            let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
            headers.insert(header_name, sensitive(value).ok_or_else(invalid)?);
        }
        HttpAuth::ApiKey {
            name,
            value,
            location: ApiKeyLocation::Cookie,
        } => {
            // Go's AddCookie joins an existing Cookie header with "; ".
            let pair = format!("{name}={value}");
            let cookie = match headers.get(COOKIE).and_then(|v| v.to_str().ok()) {
                Some(existing) => format!("{existing}; {pair}"),
                None => pair,
            };
            let invalid = || HttpConfigError::InvalidHeader {
                name: "Cookie".to_string(),
            };
            headers.insert(COOKIE, sensitive(&cookie).ok_or_else(invalid)?);
        }
        HttpAuth::BasicAuth { user, password } => {
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            let invalid = || HttpConfigError::InvalidHeader {
                name: "Authorization".to_string(),
            };
            headers.insert(
                AUTHORIZATION,
                sensitive(&format!("Basic {token}")).ok_or_else(invalid)?,
            );
        }
    }
    Ok(())
}

/// A header value marked sensitive, so hyper and `Debug` never show it.
fn sensitive(text: &str) -> Option<HeaderValue> {
    let mut value = HeaderValue::from_str(text).ok()?;
    value.set_sensitive(true);
    Some(value)
}

/// Kratos compares the Content-Type value exactly: parameters such as
/// `; charset=utf-8` make it unknown there, and so here.
fn body_encoding(headers: &HeaderMap) -> Result<BodyEncoding, HttpConfigError> {
    match headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes) {
        Some(b"application/json") => Ok(BodyEncoding::Json),
        Some(b"application/x-www-form-urlencoded") => Ok(BodyEncoding::Form),
        _ => Err(HttpConfigError::ContentType),
    }
}

fn encode_body(encoding: BodyEncoding, body: &Value) -> Result<Vec<u8>, DeliveryError> {
    match encoding {
        BodyEncoding::Json => serde_json::to_vec(body)
            .map_err(|e| DeliveryError::Permanent(format!("cannot encode the request body: {e}"))),
        BodyEncoding::Form => form_encode(body).map(String::into_bytes),
    }
}

/// `application/x-www-form-urlencoded` from a flat object of strings, keys sorted
/// as Go's `url.Values.Encode` sorts them. Anything else is refused for good: the
/// same program and message would give the same body on every retry.
fn form_encode(body: &Value) -> Result<String, DeliveryError> {
    let refuse = || {
        DeliveryError::Permanent(format!(
            "the request body for {CONTENT_TYPE_FORM} must be a flat JSON object of strings"
        ))
    };
    let object = body.as_object().ok_or_else(refuse)?;
    let mut pairs = object
        .iter()
        .map(|(key, value)| value.as_str().map(|v| (key.as_str(), v)).ok_or_else(refuse))
        .collect::<Result<Vec<_>, _>>()?;
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    Ok(pairs
        .iter()
        .map(|(key, value)| format!("{}={}", query_escape(key), query_escape(value)))
        .collect::<Vec<_>>()
        .join("&"))
}

/// Go's `url.QueryEscape`: unreserved bytes stay, space becomes `+`, the rest `%XX`.
fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The secrets of a channel, known once it is built: the auth values (also as the
/// header carries them), every header value but the content type, and the password
/// and query values of the URL.
fn channel_secrets(url: &Url, headers: &HeaderMap, auth: Option<&HttpAuth>) -> Secrets {
    let mut secrets = Vec::new();
    match auth {
        Some(HttpAuth::ApiKey { value, .. }) => secrets.push(value.clone()),
        Some(HttpAuth::BasicAuth { user, password }) => {
            secrets.push(password.clone());
            secrets.push(format!("{user}:{password}"));
        }
        None => {}
    }
    for (name, value) in headers {
        if name == CONTENT_TYPE {
            continue;
        }
        if let Ok(value) = value.to_str() {
            secrets.push(value.to_string());
            secrets.extend(
                value
                    .split([';', ',', ' ', '='])
                    .map(str::trim)
                    .filter(|part| part.len() >= 8)
                    .map(str::to_string),
            );
        }
    }
    secrets.extend(url.password().map(str::to_string));
    secrets.extend(url.query_pairs().map(|(_, value)| value.into_owned()));
    Secrets::new(secrets)
}

/// The start of an error response, read no further than needed.
async fn response_excerpt(response: &mut reqwest::Response) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < RESPONSE_EXCERPT_BYTES {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            Ok(None) | Err(_) => break,
        }
    }
    bytes.truncate(RESPONSE_EXCERPT_BYTES);
    String::from_utf8_lossy(&bytes).into_owned()
}

fn auth(auth: &model::Auth) -> Result<HttpAuth, HttpConfigError> {
    let field = |value: &Option<String>| value.clone().unwrap_or_default();
    let config = &auth.config;
    match auth.auth_type.as_deref() {
        Some("api_key") => {
            let name = field(&config.name);
            if name.is_empty() {
                return Err(HttpConfigError::MissingApiKeyName);
            }
            let location = match config.location.as_deref() {
                Some("cookie") => ApiKeyLocation::Cookie,
                // Go's default branch: anything but "cookie" is a header.
                _ => ApiKeyLocation::Header,
            };
            Ok(HttpAuth::ApiKey {
                name,
                value: field(&config.value),
                location,
            })
        }
        Some("basic_auth") => Ok(HttpAuth::BasicAuth {
            user: field(&config.user),
            password: field(&config.password),
        }),
        other => Err(HttpConfigError::UnknownAuthType {
            found: other.unwrap_or("").to_string(),
        }),
    }
}

fn at(place: String, source: HttpConfigError) -> HttpConfigError {
    HttpConfigError::At {
        place,
        source: Box::new(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An `httpRequestConfig` read as the config model reads it.
    fn from_json(value: &Value, base_dir: &Path) -> Result<RequestConfig, HttpConfigError> {
        let model: model::RequestConfig =
            serde_json::from_value(value.clone()).expect("a request config");
        RequestConfig::from_model(&model, base_dir)
    }

    fn courier(config: &Value) -> model::Courier {
        model::section(config, "courier").expect("a courier section")
    }

    fn config(value: Value) -> RequestConfig {
        from_json(&value, Path::new("/nonexistent")).expect("valid request config")
    }

    #[test]
    fn defaults_are_post_and_json() {
        let parsed = config(json!({"url": "https://sms.example.com/send"}));
        assert_eq!(parsed.method, "POST");
        assert!(parsed.body.is_none() && parsed.auth.is_none());
        let channel = HttpChannel::new(parsed).expect("channel");
        assert_eq!(channel.encoding, Some(BodyEncoding::Json));
        assert!(channel.sends_body());
    }

    #[test]
    fn channels_and_send_futures_can_cross_threads() {
        // Compile-time: the worker shares one channel and spawns its sends.
        fn assert_send_sync<T: Send + Sync>(_: &T) {}
        fn assert_send<T: Send>(_: &T) {}
        let channel = HttpChannel::new(config(json!({"url": "http://h/"}))).expect("channel");
        assert_send_sync(&channel);
        assert_send(&channel.send(&Value::Null));
    }

    #[test]
    fn base64_body_is_read_once_as_jsonnet_text() {
        let parsed = config(json!({
            "url": "https://sms.example.com/send",
            "body": crate::config::source::encode_base64("function(ctx) { to: ctx.recipient }"),
        }));
        let channel = HttpChannel::new(parsed).expect("channel");
        assert_eq!(
            channel.body_source(),
            Some("function(ctx) { to: ctx.recipient }")
        );
    }

    #[test]
    fn file_body_is_relative_to_the_config_dir() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("sms.jsonnet"), "function(ctx) ctx").expect("write");
        let parsed = from_json(
            &json!({"url": "http://h/", "body": "file://sms.jsonnet"}),
            dir.path(),
        )
        .expect("valid");
        assert_eq!(
            parsed.body.map(|b| b.text).as_deref(),
            Some("function(ctx) ctx")
        );
    }

    #[test]
    fn remote_body_sources_are_refused_clearly() {
        let error = from_json(
            &json!({"url": "http://h/", "body": "https://example.com/body.jsonnet"}),
            Path::new("/"),
        )
        .expect_err("remote");
        assert!(error.to_string().contains("remote source"), "{error}");
    }

    #[test]
    fn other_content_types_get_the_kratos_error_except_for_trace() {
        let mut parsed = config(json!({
            "url": "http://h/",
            "headers": {"Content-Type": "application/json; charset=utf-8"},
        }));
        let error = HttpChannel::new(parsed.clone()).expect_err("content type");
        assert_eq!(
            error.to_string(),
            "invalid config - incorrect Content-Type for request with body"
        );
        parsed.method = "TRACE".into();
        assert!(!HttpChannel::new(parsed).expect("trace").sends_body());
    }

    #[test]
    fn content_type_header_name_is_case_insensitive() {
        let parsed = config(json!({
            "url": "http://h/",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        }));
        let channel = HttpChannel::new(parsed).expect("channel");
        assert_eq!(channel.encoding, Some(BodyEncoding::Form));
    }

    #[test]
    fn form_bodies_are_sorted_and_escaped_like_go() {
        let body = json!({"To": "+49 151 0000", "Body": "Code: 123456 & more~"});
        assert_eq!(
            form_encode(&body).expect("flat"),
            "Body=Code%3A+123456+%26+more~&To=%2B49+151+0000"
        );
        for bad in [json!({"n": 1}), json!({"o": {"x": "y"}}), json!(["a"])] {
            let error = form_encode(&bad).expect_err("not flat");
            assert!(error.is_permanent());
        }
    }

    #[test]
    fn auth_is_parsed_and_hidden_from_debug() {
        let parsed = config(json!({
            "url": "http://h/",
            "auth": {"type": "api_key", "config": {"name": "X-Key", "value": "s3cr3t", "in": "cookie"}},
        }));
        assert_eq!(
            parsed.auth,
            Some(HttpAuth::ApiKey {
                name: "X-Key".into(),
                value: "s3cr3t".into(),
                location: ApiKeyLocation::Cookie
            })
        );
        let channel = HttpChannel::new(parsed.clone()).expect("channel");
        for text in [format!("{parsed:?}"), format!("{channel:?}")] {
            assert!(!text.contains("s3cr3t"), "{text}");
        }
        let basic = config(json!({
            "url": "http://h/",
            "auth": {"type": "basic_auth", "config": {"user": "u", "password": "pw"}},
        }));
        assert!(!format!("{basic:?}").contains("pw\""));
    }

    #[test]
    fn unknown_auth_types_and_nameless_keys_are_refused() {
        let parse =
            |auth: Value| from_json(&json!({"url": "http://h/", "auth": auth}), Path::new("/"));
        assert!(matches!(
            parse(json!({"type": "oauth2"})),
            Err(HttpConfigError::UnknownAuthType { .. })
        ));
        assert!(matches!(
            parse(json!({"type": "api_key", "config": {"value": "v"}})),
            Err(HttpConfigError::MissingApiKeyName)
        ));
    }

    #[test]
    fn missing_or_bad_urls_and_methods_are_refused() {
        assert!(matches!(
            HttpChannel::new(config(json!({}))),
            Err(HttpConfigError::MissingUrl)
        ));
        assert!(matches!(
            HttpChannel::new(config(json!({"url": "ftp://h/"}))),
            Err(HttpConfigError::InvalidUrl { .. })
        ));
        assert!(matches!(
            HttpChannel::new(config(json!({"url": "http://h/", "method": "PO ST"}))),
            Err(HttpConfigError::InvalidMethod { .. })
        ));
    }

    #[test]
    fn sms_channel_is_found_by_id_and_needs_type_http() {
        let base = Path::new("/");
        let with = |channel: Value| json!({"courier": {"channels": [channel]}});
        let found = sms_channel(
            &courier(&with(
                json!({"id": "sms", "type": "http", "request_config": {"url": "http://h/"}}),
            )),
            base,
        )
        .expect("valid")
        .expect("present");
        assert_eq!(found.url.as_deref(), Some("http://h/"));
        let error = sms_channel(
            &courier(&with(json!({"id": "sms", "request_config": {}}))),
            base,
        )
        .expect_err("no type");
        assert_eq!(
            error.to_string(),
            "in `courier.channels[0].type`: unknown courier channel type: "
        );
        assert!(
            sms_channel(&courier(&json!({})), base)
                .expect("valid")
                .is_none()
        );
    }

    #[test]
    fn email_channel_only_for_the_http_strategy() {
        let base = Path::new("/");
        let config = json!({"courier": {"http": {"request_config": {"url": "http://h/"}}}});
        assert!(
            email_channel(&courier(&config), base)
                .expect("valid")
                .is_none()
        );
        let config = json!({"courier": {"delivery_strategy": "http",
            "http": {"request_config": {"url": "http://h/", "method": "PUT"}}}});
        let found = email_channel(&courier(&config), base)
            .expect("valid")
            .expect("present");
        assert_eq!(found.method, "PUT");
    }

    #[test]
    fn an_echo_of_the_request_loses_the_code_and_the_credentials() {
        let channel = HttpChannel::new(config(json!({
            "url": "http://h/sms?token=tok-5d1e9c2b7a",
            "auth": {"type": "api_key", "config": {"name": "x-api-key", "value": "sk-abcdef123"}},
        })))
        .expect("channel");
        let body = json!({"To": "+4915112345678", "Body": "Your code is 493817\nbye"});
        let encoded = serde_json::to_vec(&body).expect("json");
        let echo = json!({
            "path": "/sms?token=tok-5d1e9c2b7a",
            "headers": {"x-api-key": "sk-abcdef123", "content-type": "application/json"},
            "body": String::from_utf8_lossy(&encoded),
        })
        .to_string();
        let text = channel
            .request_secrets(&body, Some(&encoded))
            .scrub(&echo, false);
        for secret in ["493817", "sk-abcdef123", "tok-5d1e9c2b7a", "+4915112345678"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert!(
            text.contains("x-api-key") && text.contains("[redacted]"),
            "{text}"
        );
        assert!(text.chars().count() <= 201, "{text}");
    }
}
