//! Email over SMTP: the `courier.smtp` settings, Kratos' `connection_uri` rules, and sending one message.
//!
//! The URI is parsed here, not by lettre's `from_url`, because the schemes mean
//! different things: in Kratos `smtp://` is *mandatory* STARTTLS unless
//! `disable_starttls=true`, and `skip_ssl_verify=true` turns off both the
//! certificate and the host-name check.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, TlsParameters, TlsVersion,
};
use lettre::transport::smtp::extension::ClientId;
use reqwest::Url;

use super::delivery::{DeliveryError, install_crypto_provider};
use super::scrub::Secrets;
use super::tls_stream::ImplicitTls;

pub use crate::config::model::{DEFAULT_FROM_ADDRESS, DEFAULT_LOCAL_NAME};

/// The `courier.smtp` settings that decide how email leaves over SMTP: the
/// config model's section, read once with Kratos' defaults.
pub type SmtpSettings = crate::config::model::Smtp;

/// Kratos dials with a 10 s timeout; otpctl also bounds the whole conversation by
/// it, so a server that accepts the connection and then stalls cannot hold a worker.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Why the SMTP settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SmtpConfigError {
    /// `connection_uri` does not parse as a URI (the URI itself is not repeated: it may hold a password).
    #[error("`courier.smtp.connection_uri` is not a valid URI: {reason}")]
    InvalidUri {
        /// The parser's complaint.
        reason: String,
    },
    /// The scheme is neither `smtp` nor `smtps`.
    #[error("`courier.smtp.connection_uri` has scheme `{scheme}`; it must be `smtp` or `smtps`")]
    UnsupportedScheme {
        /// The scheme found.
        scheme: String,
    },
    /// The URI names no host.
    #[error("`courier.smtp.connection_uri` names no host")]
    MissingHost,
    /// The URI names no port: Kratos takes the port only from the URI and cannot deliver without one.
    #[error(
        "`courier.smtp.connection_uri` names no port; Kratos takes the port only from the URI, \
         e.g. `smtp://mail.example.com:587` or `smtps://mail.example.com:465`"
    )]
    MissingPort,
    /// The user name or password is not percent-encoded UTF-8.
    #[error(
        "`courier.smtp.connection_uri` has a user name or password that is not percent-encoded UTF-8"
    )]
    InvalidUserinfo,
    /// `from_address` (or `from_name` with it) does not make a mailbox.
    #[error("`courier.smtp.from_address` `{address}` is not a valid email address: {reason}")]
    InvalidFromAddress {
        /// The address as configured.
        address: String,
        /// The parser's complaint.
        reason: String,
    },
    /// A key of `courier.smtp.headers` cannot be a mail header name.
    #[error(
        "`courier.smtp.headers` has `{name}`, which is not a header name \
         (ASCII without spaces or colons, at most 76 characters)"
    )]
    InvalidHeaderName {
        /// The name as configured.
        name: String,
    },
    /// The TLS client could not be set up.
    #[error("cannot set up TLS for `courier.smtp.connection_uri`: {reason}")]
    Tls {
        /// What went wrong.
        reason: String,
    },
}

/// One email ready to go: the rendered subject and bodies for one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    /// The recipient address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The `text/plain` body.
    pub plaintext: String,
    /// The `text/html` alternative, when the HTML template rendered.
    pub html: Option<String>,
}

/// An SMTP connection recipe built once from the settings; every `send` dials anew,
/// as Kratos does.
///
/// It drives lettre's tokio connection itself rather than `AsyncSmtpTransport`,
/// which logs in whenever credentials are set, even to a server that offers no AUTH.
pub struct SmtpChannel {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
    local_name: String,
    from: Mailbox,
    headers: Vec<HeaderValue>,
    /// The password as the conversation carries it (plain and base64), which a
    /// server's reply must not bring back into an error text.
    secrets: Secrets,
}

/// How the connection is protected.
#[derive(Clone)]
enum Security {
    /// `smtp://…?disable_starttls=true`: cleartext.
    Plain,
    /// `smtp://`: cleartext greeting, then STARTTLS or give up.
    StartTls(TlsParameters),
    /// `smtps://`: TLS from the first byte.
    Implicit(TlsParameters),
}

/// The parts of a `connection_uri`, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ConnectionUri {
    implicit_tls: bool,
    host: String,
    port: u16,
    username: String,
    password: String,
    skip_ssl_verify: bool,
    disable_starttls: bool,
    server_name: String,
}

/// The SMTP settings when email goes over SMTP: `None` when there is no (or an
/// empty) `connection_uri`, and email stays in the local outbox.
pub fn configured(smtp: &SmtpSettings) -> Option<&SmtpSettings> {
    (!smtp.connection_uri.is_empty()).then_some(smtp)
}

impl SmtpChannel {
    /// Checks the settings and prepares TLS; no connection is made yet.
    pub fn new(settings: &SmtpSettings) -> Result<SmtpChannel, SmtpConfigError> {
        install_crypto_provider();
        let uri = parse_connection_uri(&settings.connection_uri)?;
        let security = security(&uri)?;
        // Kratos hands the user name to its mailer, which authenticates only when it is set.
        let credentials = (!uri.username.is_empty())
            .then(|| Credentials::new(uri.username.clone(), uri.password.clone()));
        let local_name = Some(settings.local_name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| DEFAULT_LOCAL_NAME.to_string());
        let secrets = credential_secrets(&uri);
        Ok(SmtpChannel {
            secrets,
            host: uri.host,
            port: uri.port,
            security,
            credentials,
            hello: ClientId::Domain(local_name.clone()),
            local_name,
            from: sender(settings)?,
            headers: custom_headers(&settings.headers)?,
        })
    }

    /// Sends one email. Connection failures, timeouts, TLS failures and 4xx replies
    /// are [`DeliveryError::Transient`]; replies of 500 and above and a recipient
    /// that is not an address are [`DeliveryError::Permanent`].
    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError> {
        let message = self.message(email)?;
        match tokio::time::timeout(TIMEOUT, self.converse(&message)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => Err(self.classify(&error, email)),
            Err(_) => Err(DeliveryError::Transient(format!(
                "smtp delivery to {}:{} timed out after {} s",
                self.host,
                self.port,
                TIMEOUT.as_secs()
            ))),
        }
    }

    fn message(&self, email: &OutgoingEmail) -> Result<Message, DeliveryError> {
        let to: Mailbox = email.to.parse().map_err(|e| {
            DeliveryError::Permanent(format!(
                "recipient `{}` is not a valid email address: {e}",
                email.to
            ))
        })?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!(
                "<{}@{}>",
                uuid::Uuid::new_v4(),
                self.local_name
            )));
        // Configured headers come last so that, as in Kratos, they replace a
        // header of the same name (and a `Cc` or `Bcc` joins the envelope).
        for header in &self.headers {
            builder = builder.raw_header(header.clone());
        }
        let built = match &email.html {
            None => builder.singlepart(SinglePart::plain(email.plaintext.clone())),
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                email.plaintext.clone(),
                html.clone(),
            )),
        };
        built.map_err(|e| {
            DeliveryError::Permanent(format!("cannot build the email to `{}`: {e}", email.to))
        })
    }

    async fn converse(&self, message: &Message) -> Result<(), lettre::transport::smtp::Error> {
        let mut connection = self.connect().await?;
        match self.deliver(&mut connection, message).await {
            Ok(()) => {
                // The message is accepted once DATA is answered; a failed QUIT changes nothing.
                let _ = connection.quit().await;
                Ok(())
            }
            Err(error) => {
                connection.abort().await;
                Err(error)
            }
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, lettre::transport::smtp::Error> {
        let implicit = match &self.security {
            Security::Implicit(tls) => Some(tls),
            Security::Plain | Security::StartTls(_) => None,
        };
        let mut connection =
            match tokio::net::TcpStream::connect((self.host.as_str(), self.port)).await {
                // Without Nagle: lettre writes a message's body and its final `.`
                // apart, and the second write would wait for the server's delayed
                // ACK (40 ms per email), over TLS as in the clear.
                Ok(socket) => {
                    let _ = socket.set_nodelay(true);
                    let stream: Box<dyn AsyncTokioStream> = match implicit {
                        Some(tls) => Box::new(ImplicitTls::handshake(socket, tls.clone()).await?),
                        None => Box::new(socket),
                    };
                    AsyncSmtpConnection::connect_with_transport(stream, &self.hello).await?
                }
                // lettre's own dial names the failure in its words.
                Err(_) => self.dial(implicit.cloned()).await?,
            };
        if let Security::StartTls(tls) = &self.security {
            // Fails when the server does not offer STARTTLS: it is mandatory for `smtp://`.
            connection.starttls(tls.clone(), &self.hello).await?;
        }
        Ok(connection)
    }

    async fn dial(
        &self,
        tls: Option<TlsParameters>,
    ) -> Result<AsyncSmtpConnection, lettre::transport::smtp::Error> {
        AsyncSmtpConnection::connect_tokio1(
            (self.host.as_str(), self.port),
            Some(TIMEOUT),
            &self.hello,
            tls,
            None,
        )
        .await
    }

    async fn deliver(
        &self,
        connection: &mut AsyncSmtpConnection,
        message: &Message,
    ) -> Result<(), lettre::transport::smtp::Error> {
        // Like Kratos' mailer, authenticate only when the server offers AUTH: dev
        // servers such as MailSlurper take `smtp://test:test@…` and offer none.
        let offers_auth = connection
            .server_info()
            .get_auth_mechanism(DEFAULT_MECHANISMS)
            .is_some();
        if let Some(credentials) = self.credentials.as_ref().filter(|_| offers_auth) {
            connection.auth(DEFAULT_MECHANISMS, credentials).await?;
        }
        connection
            .send(message.envelope(), &message.formatted())
            .await?;
        Ok(())
    }

    /// lettre's texts carry the server's reply, which may echo what it was sent
    /// (the code, the credentials): it is kept only scrubbed and cut short.
    fn classify(
        &self,
        error: &lettre::transport::smtp::Error,
        email: &OutgoingEmail,
    ) -> DeliveryError {
        let secrets = self.secrets.with_message(
            &[
                &email.plaintext,
                &email.subject,
                email.html.as_deref().unwrap_or(""),
            ],
            None,
        );
        let text = secrets.scrub(&without_repeats(&error.to_string()), false);
        if error.is_permanent() {
            DeliveryError::Permanent(format!(
                "smtp server {}:{} refused the message: {text}",
                self.host, self.port
            ))
        } else {
            // lettre says only that the server lacks STARTTLS; say why that matters.
            let hint = if error.is_client() && text.contains("STARTTLS") {
                " (`smtp://` requires STARTTLS unless the URI sets `disable_starttls=true`)"
            } else {
                ""
            };
            DeliveryError::Transient(format!(
                "smtp delivery to {}:{} failed: {text}{hint}",
                self.host, self.port
            ))
        }
    }
}

/// Shows where mail goes, never the credentials.
impl fmt::Debug for SmtpChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let security = match self.security {
            Security::Plain => "plain",
            Security::StartTls(_) => "starttls",
            Security::Implicit(_) => "implicit tls",
        };
        f.debug_struct("SmtpChannel")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &security)
            .field("authenticates", &self.credentials.is_some())
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

/// The password, and the base64 forms AUTH PLAIN and AUTH LOGIN send it in.
fn credential_secrets(uri: &ConnectionUri) -> Secrets {
    use base64::Engine as _;
    if uri.password.is_empty() {
        return Secrets::default();
    }
    let b64 = |text: String| base64::engine::general_purpose::STANDARD.encode(text);
    Secrets::new([
        uri.password.clone(),
        b64(uri.password.clone()),
        b64(format!("\0{}\0{}", uri.username, uri.password)),
    ])
}

fn parse_connection_uri(text: &str) -> Result<ConnectionUri, SmtpConfigError> {
    let url = Url::parse(text).map_err(|e| SmtpConfigError::InvalidUri {
        reason: e.to_string(),
    })?;
    let implicit_tls = match url.scheme() {
        "smtp" => false,
        "smtps" => true,
        other => {
            return Err(SmtpConfigError::UnsupportedScheme {
                scheme: other.to_string(),
            });
        }
    };
    // Like Go's `Hostname()`: an IPv6 literal loses its brackets.
    let host = url
        .host_str()
        .map(|h| h.trim_start_matches('[').trim_end_matches(']').to_string())
        .filter(|h| !h.is_empty())
        .ok_or(SmtpConfigError::MissingHost)?;
    let port = url.port().ok_or(SmtpConfigError::MissingPort)?;
    let query = |key: &str| {
        url.query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    };
    let server_name = query("server_name")
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| host.clone());
    Ok(ConnectionUri {
        implicit_tls,
        username: percent_decode(url.username()).ok_or(SmtpConfigError::InvalidUserinfo)?,
        password: percent_decode(url.password().unwrap_or(""))
            .ok_or(SmtpConfigError::InvalidUserinfo)?,
        skip_ssl_verify: query("skip_ssl_verify").is_some_and(|v| go_bool(&v)),
        disable_starttls: query("disable_starttls").is_some_and(|v| go_bool(&v)),
        server_name,
        host,
        port,
    })
}

fn security(uri: &ConnectionUri) -> Result<Security, SmtpConfigError> {
    if uri.implicit_tls {
        return Ok(Security::Implicit(tls_parameters(uri)?));
    }
    // `disable_starttls` means something only for `smtp://`.
    if uri.disable_starttls {
        return Ok(Security::Plain);
    }
    Ok(Security::StartTls(tls_parameters(uri)?))
}

fn tls_parameters(uri: &ConnectionUri) -> Result<TlsParameters, SmtpConfigError> {
    // Go's InsecureSkipVerify skips the chain and the name check alike.
    TlsParameters::builder(uri.server_name.clone())
        .dangerous_accept_invalid_certs(uri.skip_ssl_verify)
        .dangerous_accept_invalid_hostnames(uri.skip_ssl_verify)
        .set_min_tls_version(TlsVersion::Tlsv12)
        .build_rustls()
        .map_err(|e| SmtpConfigError::Tls {
            reason: e.to_string(),
        })
}

fn sender(settings: &SmtpSettings) -> Result<Mailbox, SmtpConfigError> {
    let address =
        settings
            .from_address
            .parse()
            .map_err(|e| SmtpConfigError::InvalidFromAddress {
                address: settings.from_address.clone(),
                reason: format!("{e}"),
            })?;
    let name = settings.from_name.clone().filter(|n| !n.is_empty());
    Ok(Mailbox::new(name, address))
}

fn custom_headers(headers: &BTreeMap<String, String>) -> Result<Vec<HeaderValue>, SmtpConfigError> {
    headers
        .iter()
        .map(|(name, value)| {
            let header_name = HeaderName::new_from_ascii(name.clone())
                .map_err(|_| SmtpConfigError::InvalidHeaderName { name: name.clone() })?;
            Ok(HeaderValue::new(header_name, value.clone()))
        })
        .collect()
}

/// lettre nests errors of one kind ("Connection error: Connection error: …"); one is enough.
fn without_repeats(text: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in text.split(": ") {
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts.join(": ")
}

/// Go's `strconv.ParseBool`; Kratos ignores the error, so anything else is false.
fn go_bool(value: &str) -> bool {
    matches!(value, "1" | "t" | "T" | "true" | "TRUE" | "True")
}

/// Decodes `%XX` escapes (userinfo is given percent-encoded, as in Go's `url.User`).
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' {
            let hex = tail.get(..2)?;
            let hex = std::str::from_utf8(hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parsed(uri: &str) -> ConnectionUri {
        parse_connection_uri(uri).expect("uri parses")
    }

    #[test]
    fn smtp_scheme_means_mandatory_starttls() {
        let uri = parsed("smtp://mail.example.com:587");
        assert!(!uri.implicit_tls && !uri.disable_starttls && !uri.skip_ssl_verify);
        assert!(matches!(security(&uri), Ok(Security::StartTls(_))));
        let plain = parsed("smtp://mail.example.com:25/?disable_starttls=true");
        assert!(matches!(security(&plain), Ok(Security::Plain)));
    }

    #[test]
    fn smtps_is_implicit_tls_even_with_disable_starttls() {
        let uri = parsed("smtps://mail.example.com:465/?disable_starttls=true");
        assert!(matches!(security(&uri), Ok(Security::Implicit(_))));
    }

    #[test]
    fn userinfo_and_options_are_decoded() {
        let uri = parsed(
            "smtps://otp%40example.com:p%40ss%3Aw%2Frd@[::1]:465/?skip_ssl_verify=1&server_name=mx.example.com",
        );
        assert_eq!(uri.username, "otp@example.com");
        assert_eq!(uri.password, "p@ss:w/rd");
        assert_eq!(uri.host, "::1");
        assert_eq!(uri.port, 465);
        assert!(uri.skip_ssl_verify);
        assert_eq!(uri.server_name, "mx.example.com");
    }

    #[test]
    fn server_name_defaults_to_the_host_and_unknown_booleans_are_false() {
        let uri = parsed("smtp://Mail.Example.com:587/?skip_ssl_verify=yes");
        assert_eq!(uri.server_name, uri.host);
        assert!(!uri.skip_ssl_verify);
    }

    #[test]
    fn a_missing_port_is_refused_with_an_example() {
        let error =
            parse_connection_uri("smtp://user:secret@mail.example.com").expect_err("no port");
        assert!(matches!(error, SmtpConfigError::MissingPort));
        assert!(error.to_string().contains("smtp://mail.example.com:587"));
    }

    #[test]
    fn other_schemes_and_hostless_uris_are_refused() {
        assert!(matches!(
            parse_connection_uri("http://mail.example.com:25"),
            Err(SmtpConfigError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            parse_connection_uri("smtp://:25"),
            Err(SmtpConfigError::InvalidUri { .. } | SmtpConfigError::MissingHost)
        ));
    }

    fn smtp(config: serde_json::Value) -> SmtpSettings {
        crate::config::model::section::<crate::config::model::Courier>(&config, "courier")
            .expect("valid")
            .smtp
    }

    #[test]
    fn settings_take_kratos_defaults() {
        let settings =
            smtp(json!({"courier": {"smtp": {"connection_uri": "smtp://localhost:25"}}}));
        let settings = configured(&settings).expect("present");
        assert_eq!(settings.from_address, DEFAULT_FROM_ADDRESS);
        assert_eq!(settings.local_name, DEFAULT_LOCAL_NAME);
        assert_eq!(settings.from_name, None);
        assert!(settings.headers.is_empty());
    }

    #[test]
    fn no_connection_uri_means_no_smtp() {
        for config in [
            json!({}),
            json!({"courier": {}}),
            json!({"courier": {"smtp": {"from_address": "a@example.com"}}}),
            json!({"courier": {"smtp": {"connection_uri": ""}}}),
        ] {
            assert!(configured(&smtp(config)).is_none());
        }
    }

    #[test]
    fn debug_output_hides_the_password() {
        let settings =
            smtp(json!({"courier": {"smtp": {"connection_uri": "smtps://me:hunter2@h:465"}}}));
        let channel = SmtpChannel::new(&settings).expect("channel");
        for text in [format!("{settings:?}"), format!("{channel:?}")] {
            assert!(!text.contains("hunter2"), "{text}");
        }
    }

    #[test]
    fn bad_from_address_and_header_names_are_refused() {
        let mut settings = SmtpSettings {
            connection_uri: "smtp://h:25".into(),
            from_address: "not an address".into(),
            from_name: None,
            headers: BTreeMap::new(),
            local_name: "localhost".into(),
        };
        assert!(matches!(
            SmtpChannel::new(&settings),
            Err(SmtpConfigError::InvalidFromAddress { .. })
        ));
        settings.from_address = "a@example.com".into();
        settings.headers.insert("X Bad: name".into(), "v".into());
        assert!(matches!(
            SmtpChannel::new(&settings),
            Err(SmtpConfigError::InvalidHeaderName { .. })
        ));
    }

    #[test]
    fn channels_and_send_futures_can_cross_threads() {
        // Compile-time: the worker shares one channel and spawns its sends.
        fn assert_send_sync<T: Send + Sync>(_: &T) {}
        fn assert_send<T: Send>(_: &T) {}
        let settings = smtp(json!({"courier": {"smtp": {"connection_uri": "smtp://h:25"}}}));
        let channel = SmtpChannel::new(&settings).expect("channel");
        assert_send_sync(&channel);
        let email = OutgoingEmail {
            to: "a@example.com".into(),
            subject: String::new(),
            plaintext: String::new(),
            html: None,
        };
        assert_send(&channel.send(&email));
    }

    #[test]
    fn repeated_error_prefixes_are_collapsed() {
        assert_eq!(
            without_repeats(
                "Connection error: Connection error: invalid peer certificate: UnknownIssuer"
            ),
            "Connection error: invalid peer certificate: UnknownIssuer"
        );
    }

    #[test]
    fn percent_decoding_rejects_broken_escapes() {
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%ff"), None);
    }
}
