//! The courier end to end with real servers: the login-code email over SMTP
//! (plain and STARTTLS), the SMS through the seed's Jsonnet body to an HTTP
//! receiver, retries, abandonment, and delivery across engines.

use std::time::Duration;

use otpctl::courier::outbox::MessageFilter;
use otpctl::courier::worker::{Courier, WorkerSettings};
use otpctl::engine::{Engine, FlowState, LoginSubmission, Outcome};
use serde_json::{Value, json};

use crate::lab::{Backend, Lab, api, backends, id, messages_of};
use crate::servers::{HttpReceiver, SmtpMode, SmtpServer, closed_port};

fn courier(lab: &Lab, engine: &Engine) -> Courier {
    let settings = WorkerSettings {
        message_retries: 2,
        pull_count: 10,
        pull_wait: Duration::from_millis(50),
        lease: Duration::from_secs(30),
    };
    engine
        .courier(&lab.engine_config(), settings)
        .expect("courier")
}

async fn import(engine: &Engine, email: &str, phone: Option<&str>) {
    let mut traits = json!({ "email": email });
    if let Some(phone) = phone {
        traits["phone"] = phone.into();
    }
    engine
        .import_identity(&json!({ "traits": traits }))
        .await
        .expect("import");
}

async fn request_login(engine: &Engine, identifier: &str) -> String {
    let flow = engine.create_login_flow(&api()).await.expect("flow");
    let submission = LoginSubmission {
        identifier: Some(identifier.into()),
        ..Default::default()
    };
    let sent = engine
        .submit_login(&id(&flow), &submission)
        .await
        .expect("send");
    assert!(
        matches!(&sent, Outcome::Flow(f) if f.state == FlowState::SentEmail),
        "{sent:?}"
    );
    id(&flow)
}

async fn complete_login(engine: &Engine, flow_id: &str, identifier: &str, code: &str) {
    let submission = LoginSubmission {
        identifier: Some(identifier.into()),
        code: Some(code.into()),
        ..Default::default()
    };
    let done = engine
        .submit_login(flow_id, &submission)
        .await
        .expect("submit");
    assert!(
        matches!(done, Outcome::Done(_)),
        "the delivered code completes the flow: {done:?}"
    );
}

/// The six digits after `marker` in a text.
fn code_after(text: &str, marker: &str) -> String {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} not in {text:?}"))
        + marker.len();
    text[start..]
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect()
}

#[tokio::test]
async fn the_login_code_email_reaches_a_real_smtp_server_plain_and_with_starttls() {
    for (mode, query) in [
        (SmtpMode::Plain, "disable_starttls=true"),
        (SmtpMode::StartTls, "skip_ssl_verify=true"),
    ] {
        let server = SmtpServer::start(mode);
        let lab = Lab::new(Backend::Sqlite).await.set(
            "/courier/smtp",
            json!({
                "connection_uri": format!("smtp://127.0.0.1:{}/?{query}", server.port()),
                "from_address": "auth@otpctl.test",
                "from_name": "otpctl"
            }),
        );
        let engine = lab.engine().await;
        import(&engine, "ada@example.com", None).await;
        let flow_id = request_login(&engine, "ada@example.com").await;
        let report = courier(&lab, &engine)
            .drain(Duration::from_secs(20))
            .await
            .expect("drain");
        assert_eq!(report.sent, 1, "{mode:?}: {report:?}");
        let received = server.wait_for(1);
        let mail = &received[0];
        assert_eq!(mail["rcpt_tos"], json!(["ada@example.com"]));
        assert_eq!(mail["tls"], json!(mode == SmtpMode::StartTls));
        let text = mail["text"].as_str().expect("plaintext part");
        let html = mail["html"].as_str().expect("html part");
        let code = code_after(text, "code");
        assert_eq!(code.len(), 6);
        assert!(html.contains(&code));
        complete_login(&engine, &flow_id, "ada@example.com", &code).await;
        let message = &messages_of(&engine, &flow_id).await[0];
        assert_eq!(message.status, "sent");
    }
}

#[tokio::test]
async fn the_sms_body_is_the_seed_jsonnet_of_ctx_and_its_code_completes_the_flow() {
    let receiver = HttpReceiver::start(&[200]);
    let lab = Lab::new(Backend::Sqlite)
        .await
        .with_sms(&receiver.url("/sms"));
    let engine = lab.engine().await;
    import(&engine, "ada@example.com", Some("+4917667111638")).await;
    let flow_id = request_login(&engine, "+4917667111638").await;
    courier(&lab, &engine)
        .drain(Duration::from_secs(20))
        .await
        .expect("drain");
    let requests = receiver.wait_for(1);
    let request = &requests[0];
    assert_eq!(request["method"], "PUT");
    assert_eq!(request["path"], "/sms");
    assert_eq!(request["headers"]["content-type"], "application/json");
    let body: Value =
        serde_json::from_str(request["body"].as_str().expect("body")).expect("JSON body");
    let ctx = &body["ctx"];
    assert_eq!(ctx["recipient"], "+4917667111638");
    assert_eq!(ctx["template_type"], "login_code_valid");
    assert_eq!(ctx["message_type"], "sms");
    let code = ctx["template_data"]["login_code"]
        .as_str()
        .expect("code")
        .to_string();
    assert!(ctx["body"].as_str().expect("sms text").contains(&code));
    complete_login(&engine, &flow_id, "+4917667111638", &code).await;
}

#[tokio::test]
async fn a_receiver_answering_500_then_200_gets_the_message_after_a_retry() {
    let receiver = HttpReceiver::start(&[500, 200]);
    let lab = Lab::new(Backend::Sqlite)
        .await
        .with_sms(&receiver.url("/sms"));
    let engine = lab.engine().await;
    import(&engine, "ada@example.com", Some("+4917667111638")).await;
    let flow_id = request_login(&engine, "+4917667111638").await;
    let courier = courier(&lab, &engine);
    let first = courier.dispatch_due().await.expect("pass");
    assert_eq!(first.retrying, 1);
    tokio::time::sleep(Duration::from_millis(120)).await; // past the 50 ms back-off
    let second = courier.drain(Duration::from_secs(10)).await.expect("pass");
    assert_eq!(second.sent, 1);
    assert_eq!(receiver.wait_for(2).len(), 2);
    let message = &messages_of(&engine, &flow_id).await[0];
    assert_eq!(message.status, "sent");
    assert_eq!(message.send_count, 2);
    let (_, dispatches) = engine
        .get_message(&message.id)
        .await
        .expect("message")
        .expect("dispatches");
    let statuses: Vec<&str> = dispatches.iter().map(|d| d.status.as_str()).collect();
    assert_eq!(statuses, ["failed", "success"]);
    assert!(
        dispatches[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("500"))
    );
}

#[tokio::test]
async fn a_receiver_that_is_down_leads_to_abandoned_after_message_retries() {
    let lab = Lab::new(Backend::Sqlite)
        .await
        .with_sms(&format!("http://127.0.0.1:{}/sms", closed_port()));
    let engine = lab.engine().await;
    import(&engine, "ada@example.com", Some("+4917667111638")).await;
    let flow_id = request_login(&engine, "+4917667111638").await;
    let courier = courier(&lab, &engine);
    let mut attempts = 0;
    for _ in 0..50 {
        attempts += courier.dispatch_due().await.expect("pass").handled();
        if messages_of(&engine, &flow_id).await[0].status == "abandoned" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    let message = &messages_of(&engine, &flow_id).await[0];
    assert_eq!(message.status, "abandoned");
    assert_eq!(
        attempts, 3,
        "message_retries 2: the first attempt and two retries"
    );
    assert_eq!(message.send_count, 3);
}

#[tokio::test]
async fn email_without_smtp_stays_in_the_local_outbox() {
    let lab = Lab::new(Backend::Sqlite).await;
    let engine = lab.engine().await;
    import(&engine, "ada@example.com", None).await;
    let flow_id = request_login(&engine, "ada@example.com").await;
    let report = courier(&lab, &engine)
        .drain(Duration::from_secs(5))
        .await
        .expect("drain");
    assert_eq!(report.handled(), 0);
    let message = &messages_of(&engine, &flow_id).await[0];
    assert_eq!((message.status.as_str(), message.send_count), ("queued", 0));
}

#[tokio::test]
async fn two_couriers_on_one_database_send_each_message_once() {
    for backend in backends() {
        let receiver = HttpReceiver::start(&[200]);
        let lab = Lab::new(backend).await.with_sms(&receiver.url("/sms"));
        let engine = lab.engine().await;
        const USERS: usize = 30;
        for i in 0..USERS {
            import(
                &engine,
                &format!("u{i}@example.com"),
                Some(&format!("+49176671116{i:02}")),
            )
            .await;
            request_login(&engine, &format!("+49176671116{i:02}")).await;
        }
        let other = lab.engine().await;
        let (a, b) = (courier(&lab, &engine), courier(&lab, &other));
        let (ra, rb) = tokio::join!(
            a.drain(Duration::from_secs(30)),
            b.drain(Duration::from_secs(30))
        );
        let (ra, rb) = (ra.expect("a"), rb.expect("b"));
        assert_eq!(ra.sent + rb.sent, USERS, "{backend:?}: {ra:?} {rb:?}");
        let requests = receiver.wait_for(USERS);
        assert_eq!(requests.len(), USERS, "each message once on {backend:?}");
        let mut recipients: Vec<String> = requests
            .iter()
            .map(|r| {
                let body: Value =
                    serde_json::from_str(r["body"].as_str().unwrap_or_default()).expect("json");
                body["ctx"]["recipient"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        recipients.sort();
        recipients.dedup();
        assert_eq!(recipients.len(), USERS);
        let queued = engine
            .list_messages(
                &MessageFilter {
                    status: Some("queued".into()),
                    ..MessageFilter::default()
                },
                1000,
                0,
            )
            .await
            .expect("list");
        assert!(queued.is_empty());
    }
}
