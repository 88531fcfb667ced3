//! SMTP and HTTP delivery against real servers: TLS modes, auth, headers, and
//! which failures are transient or permanent.

use std::collections::BTreeMap;
use std::path::Path;

use otpctl::courier::delivery::DeliveryError;
use otpctl::courier::http::{HttpChannel, RequestConfig};
use otpctl::courier::smtp::{OutgoingEmail, SmtpChannel, SmtpSettings};
use serde_json::{Value, json};

use crate::servers::{HttpReceiver, SmtpMode, SmtpServer, closed_port};

/// The one-time code every test message carries; no error text may contain it.
const CODE: &str = "493817";

fn settings(uri: String) -> SmtpSettings {
    SmtpSettings {
        connection_uri: uri,
        from_address: "no-reply@otpctl.test".into(),
        from_name: None,
        headers: BTreeMap::new(),
        local_name: "otpctl.test".into(),
    }
}

fn email() -> OutgoingEmail {
    OutgoingEmail {
        to: "alice@example.com".into(),
        subject: "Your login code".into(),
        plaintext: format!("Your code is {CODE}"),
        html: None,
    }
}

async fn send_with(uri: String) -> Result<(), DeliveryError> {
    send_email(&settings(uri), &email()).await
}

async fn send_email(settings: &SmtpSettings, email: &OutgoingEmail) -> Result<(), DeliveryError> {
    SmtpChannel::new(settings)
        .expect("valid smtp settings")
        .send(email)
        .await
}

/// The failure, checked to be of the expected kind and free of the code.
fn failure(result: Result<(), DeliveryError>, permanent: bool) -> String {
    let error = result.expect_err("delivery should fail");
    assert_eq!(error.is_permanent(), permanent, "wrong kind: {error:?}");
    let text = error.to_string();
    assert!(!text.contains(CODE), "error text leaks the code: {text}");
    text
}

#[tokio::test]
async fn plain_smtp_with_disable_starttls_delivers_with_sender_name_and_headers() {
    let server = SmtpServer::start(SmtpMode::Plain);
    let mut settings = settings(format!(
        "smtp://127.0.0.1:{}/?disable_starttls=true",
        server.port()
    ));
    settings.from_name = Some("Ory Team".into());
    settings
        .headers
        .insert("X-SES-CONFIGURATION-SET".into(), "otp-codes".into());
    settings
        .headers
        .insert("Cc".into(), "audit@example.com".into());
    send_email(&settings, &email()).await.expect("delivered");

    let message = &server.wait_for(1)[0];
    assert_eq!(message["mail_from"], "no-reply@otpctl.test");
    // A configured Cc joins the envelope, as Kratos' mailer does it.
    assert_eq!(
        message["rcpt_tos"],
        json!(["alice@example.com", "audit@example.com"])
    );
    assert_eq!(message["helo"], "otpctl.test");
    assert_eq!(message["tls"], false);
    let headers = &message["headers"];
    assert_eq!(headers["From"], "Ory Team <no-reply@otpctl.test>");
    assert_eq!(headers["To"], "alice@example.com");
    assert_eq!(headers["Subject"], "Your login code");
    assert_eq!(headers["X-SES-CONFIGURATION-SET"], "otp-codes");
    assert_eq!(
        message["text"].as_str().map(str::trim_end),
        Some(email().plaintext.as_str())
    );
    assert_eq!(message["html"], Value::Null);
}

#[tokio::test]
async fn starttls_with_skip_ssl_verify_delivers_the_html_alternative() {
    let server = SmtpServer::start(SmtpMode::StartTls);
    let mut email = email();
    email.html = Some(format!("<p>Your code is <b>{CODE}</b></p>"));
    send_email(
        &settings(format!(
            "smtp://127.0.0.1:{}/?skip_ssl_verify=true",
            server.port()
        )),
        &email,
    )
    .await
    .expect("delivered");

    let message = &server.wait_for(1)[0];
    assert_eq!(message["tls"], true);
    assert!(
        message["headers"]["Content-Type"]
            .as_str()
            .is_some_and(|t| t.starts_with("multipart/alternative")),
        "{message:#}"
    );
    assert_eq!(
        message["text"].as_str().map(str::trim_end),
        Some(email.plaintext.as_str())
    );
    assert_eq!(
        message["html"].as_str().map(str::trim_end),
        email.html.as_deref()
    );
}

#[tokio::test]
async fn smtps_is_implicit_tls_and_skip_ssl_verify_accepts_a_foreign_host_name() {
    // The certificate is self-signed and names smtp.test.invalid, not 127.0.0.1.
    let server = SmtpServer::start(SmtpMode::Tls);
    send_with(format!(
        "smtps://127.0.0.1:{}/?skip_ssl_verify=true",
        server.port()
    ))
    .await
    .expect("delivered");
    assert_eq!(server.wait_for(1)[0]["tls"], true);
}

#[tokio::test]
async fn starttls_to_a_self_signed_server_without_skip_ssl_verify_fails_transiently() {
    // Transient, as in Kratos: only SMTP replies of 500 and above abandon a message;
    // a certificate can be renewed or trusted before the retries run out.
    let server = SmtpServer::start(SmtpMode::StartTls);
    let text = failure(
        send_with(format!(
            "smtp://127.0.0.1:{}/?server_name=smtp.test.invalid",
            server.port()
        ))
        .await,
        false,
    );
    assert!(text.contains("invalid peer certificate"), "{text}");
    assert!(server.messages().is_empty());
}

#[tokio::test]
async fn smtp_without_disable_starttls_refuses_a_server_without_starttls() {
    let server = SmtpServer::start(SmtpMode::Plain);
    let text = failure(
        send_with(format!("smtp://127.0.0.1:{}", server.port())).await,
        false,
    );
    assert!(text.contains("STARTTLS is not supported"), "{text}");
    assert!(text.contains("disable_starttls=true"), "{text}");
    assert!(server.messages().is_empty());
}

#[tokio::test]
async fn a_5xx_reply_is_permanent_and_a_4xx_reply_transient() {
    for (code, permanent) in [(550, true), (451, false)] {
        let server = SmtpServer::builder(SmtpMode::Plain)
            .reply_code(code)
            .start();
        let text = failure(
            send_with(format!(
                "smtp://127.0.0.1:{}/?disable_starttls=true",
                server.port()
            ))
            .await,
            permanent,
        );
        assert!(text.contains(&code.to_string()), "{text}");
    }
}

#[tokio::test]
async fn connection_refused_is_transient() {
    let text = failure(
        send_with(format!(
            "smtp://127.0.0.1:{}/?disable_starttls=true",
            closed_port()
        ))
        .await,
        false,
    );
    assert!(text.contains("refused"), "{text}");
}

#[tokio::test]
async fn an_unparsable_recipient_is_permanent_before_any_connection() {
    let mut email = email();
    email.to = "not an address".into();
    // Nothing listens here: a connection attempt would fail transiently instead.
    let uri = format!("smtp://127.0.0.1:{}/?disable_starttls=true", closed_port());
    let text = failure(send_email(&settings(uri), &email).await, true);
    assert!(text.contains("not an address"), "{text}");
}

#[tokio::test]
async fn url_encoded_credentials_authenticate_over_starttls() {
    let server = SmtpServer::builder(SmtpMode::StartTls)
        .auth("otp@example.com", "p@ss:w/rd")
        .start();
    send_with(format!(
        "smtp://otp%40example.com:p%40ss%3Aw%2Frd@127.0.0.1:{}/?skip_ssl_verify=true",
        server.port()
    ))
    .await
    .expect("delivered");
    assert_eq!(server.wait_for(1)[0]["auth_user"], "otp@example.com");
}

#[tokio::test]
async fn a_wrong_password_is_permanent_and_never_shown() {
    let server = SmtpServer::builder(SmtpMode::Tls)
        .auth("otp", "right")
        .start();
    let text = failure(
        send_with(format!(
            "smtps://otp:wrong-secret@127.0.0.1:{}/?skip_ssl_verify=true",
            server.port()
        ))
        .await,
        true,
    );
    assert!(text.contains("535"), "{text}");
    assert!(!text.contains("wrong-secret"), "{text}");
}

#[tokio::test]
async fn credentials_are_not_sent_to_a_server_that_offers_no_auth() {
    // Kratos' dev setups write `smtp://test:test@mailslurper:1025/?disable_starttls=true`.
    let server = SmtpServer::start(SmtpMode::Plain);
    send_with(format!(
        "smtp://test:test@127.0.0.1:{}/?disable_starttls=true",
        server.port()
    ))
    .await
    .expect("delivered");
    assert_eq!(server.wait_for(1)[0]["auth_user"], Value::Null);
}

fn http_channel(config: Value) -> HttpChannel {
    let config: otpctl::config::model::RequestConfig =
        serde_json::from_value(config).expect("a request config");
    let config = RequestConfig::from_model(&config, Path::new("/")).expect("valid request config");
    HttpChannel::new(config).expect("valid channel")
}

fn sms_body() -> Value {
    json!({"To": "+4915112345678", "Body": format!("Your code is {CODE}")})
}

#[tokio::test]
async fn json_post_carries_url_headers_and_api_key_header() {
    let receiver = HttpReceiver::start(&[200]);
    let channel = http_channel(json!({
        "url": receiver.url("/sms/send?tenant=t1"),
        "headers": {"X-Tenant": "t1"},
        "auth": {"type": "api_key", "config": {"name": "X-Api-Key", "value": "key-123", "in": "header"}},
    }));
    channel.send(&sms_body()).await.expect("delivered");

    let request = &receiver.wait_for(1)[0];
    assert_eq!(request["method"], "POST");
    assert_eq!(request["path"], "/sms/send?tenant=t1");
    assert_eq!(request["headers"]["content-type"], "application/json");
    assert_eq!(request["headers"]["x-tenant"], "t1");
    assert_eq!(request["headers"]["x-api-key"], "key-123");
    let body: Value = serde_json::from_str(request["body"].as_str().expect("body")).expect("json");
    assert_eq!(body, sms_body());
}

#[tokio::test]
async fn api_key_cookie_joins_a_configured_cookie() {
    let receiver = HttpReceiver::start(&[204]);
    http_channel(json!({
        "url": receiver.url("/"),
        "headers": {"Cookie": "theme=dark"},
        "auth": {"type": "api_key", "config": {"name": "session", "value": "abc", "in": "cookie"}},
    }))
    .send(&sms_body())
    .await
    .expect("delivered");
    assert_eq!(
        receiver.wait_for(1)[0]["headers"]["cookie"],
        "theme=dark; session=abc"
    );
}

#[tokio::test]
async fn basic_auth_and_the_configured_method_arrive() {
    let receiver = HttpReceiver::start(&[201]);
    http_channel(json!({
        "url": receiver.url("/messages"),
        "method": "PUT",
        "auth": {"type": "basic_auth", "config": {"user": "courier", "password": "pa:ss"}},
    }))
    .send(&sms_body())
    .await
    .expect("delivered");
    let request = &receiver.wait_for(1)[0];
    assert_eq!(request["method"], "PUT");
    // base64("courier:pa:ss")
    assert_eq!(
        request["headers"]["authorization"],
        "Basic Y291cmllcjpwYTpzcw=="
    );
}

#[tokio::test]
async fn trace_is_sent_without_a_body() {
    let receiver = HttpReceiver::start(&[200]);
    let channel = http_channel(json!({"url": receiver.url("/"), "method": "TRACE"}));
    assert!(!channel.sends_body());
    channel.send(&sms_body()).await.expect("delivered");
    let request = &receiver.wait_for(1)[0];
    assert_eq!(request["method"], "TRACE");
    assert_eq!(request["body"], "");
}

#[tokio::test]
async fn form_content_type_sends_a_form_encoded_body() {
    let receiver = HttpReceiver::start(&[200]);
    let channel = http_channel(json!({
        "url": receiver.url("/2010-04-01/Messages.json"),
        "headers": {"Content-Type": "application/x-www-form-urlencoded"},
    }));
    channel.send(&sms_body()).await.expect("delivered");
    let request = &receiver.wait_for(1)[0];
    assert_eq!(
        request["headers"]["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(
        request["body"],
        format!("Body=Your+code+is+{CODE}&To=%2B4915112345678")
    );
    let error = channel
        .send(&json!({"To": ["+49"]}))
        .await
        .expect_err("nested value");
    assert!(error.is_permanent());
}

#[tokio::test]
async fn a_500_is_transient_with_the_status_and_the_next_try_succeeds() {
    let receiver = HttpReceiver::start(&[500, 200]);
    let channel = http_channel(json!({
        "url": receiver.url("/"),
        "auth": {"type": "api_key", "config": {"name": "X-Api-Key", "value": "key-123"}},
    }));
    let text = failure(channel.send(&sms_body()).await, false);
    assert!(
        text.starts_with(
            "unable to dispatch mail delivery because upstream server replied with status code 500"
        ),
        "{text}"
    );
    assert!(
        text.contains("status 500"),
        "response excerpt missing: {text}"
    );
    assert!(!text.contains("key-123"), "{text}");
    channel
        .send(&sms_body())
        .await
        .expect("second try delivered");
    assert_eq!(receiver.wait_for(2).len(), 2);
}

#[tokio::test]
async fn a_receiver_that_is_down_is_transient() {
    let channel = http_channel(json!({"url": format!("http://127.0.0.1:{}/", closed_port())}));
    let text = failure(channel.send(&sms_body()).await, false);
    assert!(text.contains("http request to http://127.0.0.1:"), "{text}");
}
