//! The courier worker: takes due messages off the queue, sends them over their
//! channel and records each attempt (reference D.2), with back-off between
//! retries and leases so that a killed engine loses nothing.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use super::delivery::DeliveryError;
use super::http::{HttpChannel, HttpConfigError};
use super::smtp::{OutgoingEmail, SmtpChannel, SmtpConfigError};
use super::template::{TemplateType, Templates};
use crate::config::ValidConfig;
use crate::jsonnet::{self, JsonnetError};
use crate::store::outbox::{self, DispatchOutcome, MessageRecord};
use crate::store::{self, Store, StoreError};
use crate::time::clock::Clock;

/// How long a claimed message stays with its engine before another may take it:
/// three times the 10 s SMTP and HTTP timeouts.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(30);

/// The longest back-off between two attempts.
const MAX_BACKOFF_MS: i64 = 300_000;

/// The body Kratos sends when a channel configures none: the message fields
/// without the codes of login and registration (reference A.5).
const DEFAULT_BODY: &str = r#"function(ctx) {
  local data = if "template_data" in ctx && ctx.template_data != null then ctx.template_data else {},
  local field(name) = if name in data then data[name] else null,
  recipient: ctx.recipient,
  template_type: ctx.template_type,
  to: field("to"),
  recovery_code: field("recovery_code"),
  recovery_url: field("recovery_url"),
  verification_url: field("verification_url"),
  verification_code: field("verification_code"),
  subject: ctx.subject,
  body: ctx.body,
}
"#;

/// Why the courier could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum CourierError {
    /// `courier.smtp` is unusable.
    #[error(transparent)]
    Smtp(#[from] SmtpConfigError),
    /// An HTTP channel is unusable.
    #[error(transparent)]
    Http(#[from] HttpConfigError),
    /// A template could not be loaded.
    #[error(transparent)]
    Template(#[from] super::template::TemplateError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How email leaves.
#[derive(Debug)]
enum EmailDelivery {
    /// No SMTP configured: email stays in the local outbox, queued.
    Outbox,
    /// Over SMTP.
    Smtp(SmtpChannel),
    /// Over an HTTP request (`delivery_strategy: http`).
    Http(HttpChannel),
}

/// Settings of the worker loop.
#[derive(Debug, Clone, Copy)]
pub struct WorkerSettings {
    /// Attempts after the first before a message is abandoned.
    pub message_retries: u32,
    /// Messages taken per pass.
    pub pull_count: u32,
    /// Pause between passes, and the first back-off step.
    pub pull_wait: Duration,
    /// How long a claimed message is reserved for this courier; after a crash,
    /// another courier takes it up once this has passed.
    pub lease: Duration,
}

impl WorkerSettings {
    /// The config's `courier.message_retries` and `courier.worker`, with `lease`.
    pub fn from_model(courier: &crate::config::model::Courier, lease: Duration) -> WorkerSettings {
        WorkerSettings {
            message_retries: courier.message_retries,
            pull_count: courier.worker.pull_count,
            pull_wait: courier.worker.pull_wait.get(),
            lease,
        }
    }
}

/// The courier: channels built once, then passes over the queue.
#[derive(Debug, Clone)]
pub struct Courier {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    templates: Arc<Templates>,
    email: EmailDelivery,
    sms: Option<HttpChannel>,
    settings: WorkerSettings,
    clock: Arc<dyn Clock>,
}

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassReport {
    /// Messages delivered.
    pub sent: usize,
    /// Messages that failed and will be tried again.
    pub retrying: usize,
    /// Messages given up on.
    pub abandoned: usize,
    /// Each attempt, for logs.
    pub attempts: Vec<Attempt>,
}

/// One delivery attempt, as logged: never the body, which holds the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The message.
    pub message_id: String,
    /// `email` or `sms`.
    pub channel: String,
    /// The template type.
    pub template_type: String,
    /// `sent`, `queued` (to retry) or `abandoned`.
    pub status: &'static str,
    /// Attempts so far, this one included.
    pub send_count: i64,
    /// Why it failed.
    pub error: Option<String>,
}

impl PassReport {
    /// Messages handled in the pass.
    pub fn handled(&self) -> usize {
        self.sent + self.retrying + self.abandoned
    }
}

impl Courier {
    /// Builds the channels the config's `courier` section describes; `templates`
    /// are the engine's, already parsed.
    pub fn new(
        config: &ValidConfig,
        store: Store,
        templates: Arc<Templates>,
        settings: WorkerSettings,
        clock: Arc<dyn Clock>,
    ) -> Result<Courier, CourierError> {
        super::delivery::install_crypto_provider();
        Ok(Courier {
            inner: Arc::new(Inner {
                email: email_delivery(config)?,
                sms: super::http::sms_channel(&config.model().courier, config.base_dir())?
                    .map(HttpChannel::new)
                    .transpose()?,
                store,
                templates,
                settings,
                clock,
            }),
        })
    }

    /// Whether email is only kept in the local outbox.
    pub fn email_in_outbox(&self) -> bool {
        matches!(self.inner.email, EmailDelivery::Outbox)
    }

    /// The channels this courier takes messages for. Email without SMTP is left
    /// queued in the outbox; SMS is always taken, and fails as in Kratos when no
    /// `sms` channel is configured.
    fn channels(&self) -> Vec<&'static str> {
        let mut channels = vec!["sms"];
        if !self.email_in_outbox() {
            channels.push("email");
        }
        channels
    }

    /// One pass: claims up to `pull_count` due messages and sends each.
    pub async fn dispatch_due(&self) -> Result<PassReport, StoreError> {
        let pull_count = i64::from(self.inner.settings.pull_count);
        let messages = self
            .claim(move |tx, channels, now, lease_until| async move {
                outbox::claim_due_messages(&tx, &channels, now, lease_until, pull_count).await
            })
            .await?;
        let mut report = PassReport::default();
        for message in messages {
            let outcome = self.attempt(&message).await;
            self.record(&message, outcome, &mut report).await?;
        }
        Ok(report)
    }

    /// What the flow verbs run after a step: first the messages `first` (the
    /// ones the step queued, when due), each bounded only by its channel's own
    /// timeouts; then older due messages, one at a time, for at most `budget` in
    /// all. A send the budget cuts short goes back to the queue uncounted, and
    /// what is left stays for `courier watch`, so a silent mail or SMS server
    /// cannot hold the command longer than its timeouts and the budget.
    pub async fn deliver_first(
        &self,
        first: &[String],
        budget: Duration,
    ) -> Result<PassReport, StoreError> {
        let mut report = PassReport::default();
        let first = first.to_vec();
        let messages = self
            .claim(move |tx, channels, now, lease_until| {
                let first = first.clone();
                async move {
                    outbox::claim_due_messages_by_id(&tx, &channels, &first, now, lease_until).await
                }
            })
            .await?;
        for message in messages {
            let outcome = self.attempt(&message).await;
            self.record(&message, outcome, &mut report).await?;
        }
        let deadline = tokio::time::Instant::now() + budget;
        while tokio::time::Instant::now() < deadline {
            let Some(message) = self
                .claim(move |tx, channels, now, lease_until| async move {
                    outbox::claim_due_messages(&tx, &channels, now, lease_until, 1).await
                })
                .await?
                .pop()
            else {
                break;
            };
            match tokio::time::timeout_at(deadline, self.attempt(&message)).await {
                Ok(outcome) => self.record(&message, outcome, &mut report).await?,
                Err(_) => {
                    self.release(&message.id).await?;
                    break;
                }
            }
        }
        Ok(report)
    }

    /// Runs a claim with this courier's channels, the time and the lease's end.
    async fn claim<F, Fut>(&self, claim: F) -> Result<Vec<MessageRecord>, StoreError>
    where
        F: Fn(store::Tx, Vec<&'static str>, i64, i64) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = Result<Vec<MessageRecord>, StoreError>> + Send + 'static,
    {
        let now = self.inner.clock.now_ms();
        let channels = self.channels();
        let lease_until = now.saturating_add(
            i64::try_from(self.inner.settings.lease.as_millis()).unwrap_or(i64::MAX),
        );
        self.inner
            .store
            .run(move |tx| claim(tx, channels.clone(), now, lease_until))
            .await
    }

    /// Stores an attempt's outcome and counts it in `report`.
    async fn record(
        &self,
        message: &MessageRecord,
        outcome: DispatchOutcome,
        report: &mut PassReport,
    ) -> Result<(), StoreError> {
        let (status, error) = match &outcome {
            DispatchOutcome::Sent => {
                report.sent += 1;
                ("sent", None)
            }
            DispatchOutcome::Retry { error, .. } => {
                report.retrying += 1;
                ("queued", Some(error.clone()))
            }
            DispatchOutcome::Abandoned { error } => {
                report.abandoned += 1;
                ("abandoned", Some(error.clone()))
            }
        };
        report.attempts.push(Attempt {
            message_id: message.id.clone(),
            channel: message.channel.clone(),
            template_type: message.template_type.clone(),
            status,
            send_count: message.send_count + 1,
            error,
        });
        let dispatch_id = store::new_row_id();
        let now = self.inner.clock.now_ms();
        let message_id = message.id.clone();
        self.inner
            .store
            .run(move |tx| {
                outbox::finish_dispatch(&tx, &message_id, &dispatch_id, &outcome, now);
                std::future::ready(Ok::<_, StoreError>(()))
            })
            .await
    }

    /// Puts a message whose send was cut short back in the queue.
    async fn release(&self, message_id: &str) -> Result<(), StoreError> {
        let now = self.inner.clock.now_ms();
        let message_id = message_id.to_string();
        self.inner
            .store
            .run(move |tx| {
                outbox::release(&tx, &message_id, now);
                std::future::ready(Ok::<_, StoreError>(()))
            })
            .await
    }

    /// Passes until nothing is due (messages waiting for their back-off stay
    /// queued) or `deadline` passes; what the CLI runs after a flow step.
    pub async fn drain(&self, deadline: Duration) -> Result<PassReport, StoreError> {
        let start = std::time::Instant::now();
        let mut total = PassReport::default();
        loop {
            let pass = self.dispatch_due().await?;
            total.sent += pass.sent;
            total.retrying += pass.retrying;
            total.abandoned += pass.abandoned;
            total.attempts.extend(pass.attempts.iter().cloned());
            if pass.handled() == 0 || start.elapsed() >= deadline {
                return Ok(total);
            }
        }
    }

    /// Works the queue until `shutdown` resolves: a pass, then `pull_wait`;
    /// `on_pass` sees every pass that did something.
    pub async fn watch(
        &self,
        shutdown: impl std::future::Future<Output = ()>,
        mut on_pass: impl FnMut(&PassReport),
    ) -> Result<(), StoreError> {
        tokio::pin!(shutdown);
        loop {
            let pass = self.dispatch_due().await?;
            if pass.handled() > 0 {
                on_pass(&pass);
            }
            if pass.handled() > 0 && pass.handled() == self.inner.settings.pull_count as usize {
                continue; // a full batch: more may be waiting
            }
            tokio::select! {
                () = &mut shutdown => return Ok(()),
                () = tokio::time::sleep(self.inner.settings.pull_wait) => {}
            }
        }
    }

    /// One delivery attempt, turned into the message's next state.
    async fn attempt(&self, message: &MessageRecord) -> DispatchOutcome {
        let result = match message.channel.as_str() {
            "email" => self.send_email(message).await,
            "sms" => self.send_sms(message).await,
            other => Err(DeliveryError::Permanent(format!(
                "unknown courier channel: {other}"
            ))),
        };
        let attempts = message.send_count + 1;
        match result {
            Ok(()) => DispatchOutcome::Sent,
            Err(DeliveryError::Permanent(error)) => DispatchOutcome::Abandoned { error },
            Err(DeliveryError::Transient(error))
                if attempts > i64::from(self.inner.settings.message_retries) =>
            {
                DispatchOutcome::Abandoned { error }
            }
            Err(DeliveryError::Transient(error)) => DispatchOutcome::Retry {
                error,
                retry_at: self.inner.clock.now_ms() + self.backoff_ms(attempts),
            },
        }
    }

    /// `pull_wait` doubled per attempt, at most five minutes.
    fn backoff_ms(&self, attempts: i64) -> i64 {
        let base = i64::try_from(self.inner.settings.pull_wait.as_millis())
            .unwrap_or(1000)
            .max(1);
        let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
        base.saturating_mul(1_i64 << exponent).min(MAX_BACKOFF_MS)
    }

    async fn send_email(&self, message: &MessageRecord) -> Result<(), DeliveryError> {
        let html = self.html_body(message);
        match &self.inner.email {
            EmailDelivery::Outbox => Err(DeliveryError::Transient(
                "Courier tried to deliver an email but courier.smtp.connection_uri is not set!"
                    .into(),
            )),
            EmailDelivery::Smtp(channel) => {
                let email = OutgoingEmail {
                    to: message.recipient.clone(),
                    subject: message.subject.clone(),
                    plaintext: message.body.clone(),
                    html,
                };
                channel.send(&email).await
            }
            EmailDelivery::Http(channel) => {
                let mut ctx = jsonnet_ctx(message);
                if let Some(html) = html {
                    ctx["html_body"] = html.into();
                }
                send_http(channel, &ctx).await
            }
        }
    }

    async fn send_sms(&self, message: &MessageRecord) -> Result<(), DeliveryError> {
        let Some(channel) = &self.inner.sms else {
            return Err(DeliveryError::Transient(
                "no courier channels configured for: sms".into(),
            ));
        };
        send_http(channel, &jsonnet_ctx(message)).await
    }

    /// The HTML body, rendered at dispatch from the template data as Kratos does;
    /// a failure is not fatal, the plaintext still goes out.
    fn html_body(&self, message: &MessageRecord) -> Option<String> {
        let template = TemplateType::parse(&message.template_type)?;
        self.inner
            .templates
            .email_html(template, &message.template_data)
            .ok()
            .filter(|html| !html.trim().is_empty())
    }
}

fn email_delivery(config: &ValidConfig) -> Result<EmailDelivery, CourierError> {
    let courier = &config.model().courier;
    // `email_channel` is Some only with `delivery_strategy: http`.
    if let Some(request) = super::http::email_channel(courier, config.base_dir())? {
        return Ok(EmailDelivery::Http(HttpChannel::new(request)?));
    }
    Ok(match super::smtp::configured(&courier.smtp) {
        Some(settings) => EmailDelivery::Smtp(SmtpChannel::new(settings)?),
        None => EmailDelivery::Outbox,
    })
}

/// The `ctx` a channel's Jsonnet body is called with (reference D.4).
fn jsonnet_ctx(message: &MessageRecord) -> Value {
    json!({
        "recipient": message.recipient,
        "subject": message.subject,
        "body": message.body,
        "template_type": message.template_type,
        "template_data": message.template_data,
        "message_type": message.message_type,
        "request_headers": {},
    })
}

/// Evaluates the channel's body with `ctx` and sends it; `error "cancel"` in
/// the body skips the request and counts as delivered, as in Kratos.
async fn send_http(channel: &HttpChannel, ctx: &Value) -> Result<(), DeliveryError> {
    let source = channel.body_source().unwrap_or(DEFAULT_BODY);
    match jsonnet::evaluate(source, "request body", Some(ctx), &[]) {
        Ok(body) => channel.send(&body).await,
        Err(JsonnetError::Cancelled { .. }) => Ok(()),
        // The error may quote the code or what the body was building: scrubbed.
        Err(error) => Err(DeliveryError::Permanent(format!(
            "the channel's Jsonnet body failed: {}",
            channel.scrub_message_error(&error.to_string(), ctx)
        ))),
    }
}
