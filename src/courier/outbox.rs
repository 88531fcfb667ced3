//! The courier's outbox, the one way to its rows in the store: composing a
//! message (the template rendered at enqueue time, as Kratos does: subject and
//! plaintext or SMS text; the HTML body is rendered again from `template_data`
//! when an email is sent), queueing it in the caller's transaction, and reading
//! the queue for listings.

use serde_json::Value;

use super::template::{Channel, TemplateError, TemplateType, Templates};
use crate::store::outbox;
use crate::store::{self, StoreError, Tx};
use crate::time::format::serialize_millis;

pub use crate::store::outbox::{DispatchRecord, MessageFilter, MessageRecord};

/// The code a message carries, from its template data (never from its
/// body, whose wording a template decides): what `get code`, `--auto` and
/// the outbox page show.
pub fn code_of(message: &MessageRecord) -> Option<&str> {
    [
        "login_code",
        "registration_code",
        "verification_code",
        "recovery_code",
    ]
    .iter()
    .find_map(|key| message.template_data.get(*key).and_then(Value::as_str))
}

/// Queues a composed message in the caller's transaction: it is sent only if
/// the step that queued it commits.
pub fn enqueue(tx: &Tx, message: MessageRecord) {
    outbox::insert_message(tx, message);
}

/// Messages matching `filter`, newest first, one page.
pub async fn list(
    tx: &Tx,
    filter: &MessageFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<MessageRecord>, StoreError> {
    outbox::list_messages(tx, filter, limit, offset).await
}

/// A message with its dispatch attempts, oldest first; None if there is none.
pub async fn get(
    tx: &Tx,
    id: &str,
) -> Result<Option<(MessageRecord, Vec<DispatchRecord>)>, StoreError> {
    let Some(message) = outbox::get_message(tx, id).await? else {
        return Ok(None);
    };
    Ok(Some((message, outbox::dispatches_of(tx, id).await?)))
}

/// A queued message for `recipient`, rendered from `template_data`.
pub fn compose(
    templates: &Templates,
    template: TemplateType,
    channel: Channel,
    recipient: &str,
    template_data: Value,
    flow_id: Option<&str>,
    now: i64,
) -> Result<MessageRecord, TemplateError> {
    let (subject, body) = match channel {
        Channel::Email => templates.email_text(template, &template_data)?,
        Channel::Sms => (String::new(), templates.sms(template, &template_data)?),
    };
    Ok(MessageRecord {
        id: store::new_row_id(),
        message_type: channel.as_str().to_string(),
        status: "queued".to_string(),
        channel: channel.as_str().to_string(),
        recipient: recipient.to_string(),
        subject,
        body,
        template_type: template.as_str().to_string(),
        template_data,
        flow_id: flow_id.map(str::to_string),
        send_count: 0,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
    })
}

/// A queued message as Kratos' admin API shows it (its `message` model,
/// reference D.1): the template data stays out, as it holds the code in
/// structured form.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CourierMessage {
    /// UUID.
    pub id: String,
    /// `queued`, `processing`, `sent` or `abandoned`.
    pub status: String,
    /// `email` or `sms`.
    #[serde(rename = "type")]
    pub message_type: String,
    /// The channel id.
    pub channel: String,
    /// Where it goes.
    pub recipient: String,
    /// Its subject (emails).
    pub subject: String,
    /// Its text.
    pub body: String,
    /// The template it was rendered from.
    pub template_type: String,
    /// Delivery attempts so far.
    pub send_count: i64,
    /// Created.
    #[serde(serialize_with = "serialize_millis")]
    pub created_at: i64,
    /// Last changed.
    #[serde(serialize_with = "serialize_millis")]
    pub updated_at: i64,
    /// The delivery attempts, where asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dispatches: Option<Vec<Dispatch>>,
}

/// One delivery attempt (Kratos' `messageDispatch`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dispatch {
    /// UUID.
    pub id: String,
    /// The message.
    pub message_id: String,
    /// `success` or `failed`.
    pub status: String,
    /// Why it failed (scrubbed of codes and secrets).
    pub error: Option<DispatchError>,
    /// When.
    #[serde(serialize_with = "serialize_millis")]
    pub created_at: i64,
    /// When (attempts are not changed after).
    #[serde(serialize_with = "serialize_millis")]
    pub updated_at: i64,
}

/// A failed attempt's reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DispatchError {
    /// The scrubbed reason.
    pub message: String,
}

impl CourierMessage {
    /// The message of a record, with its attempts if given.
    pub fn new(message: &MessageRecord, dispatches: Option<&[DispatchRecord]>) -> CourierMessage {
        CourierMessage {
            id: message.id.clone(),
            status: message.status.clone(),
            message_type: message.message_type.clone(),
            channel: message.channel.clone(),
            recipient: message.recipient.clone(),
            subject: message.subject.clone(),
            body: message.body.clone(),
            template_type: message.template_type.clone(),
            send_count: message.send_count,
            created_at: message.created_at,
            updated_at: message.updated_at,
            dispatches: dispatches.map(|list| list.iter().map(Dispatch::from).collect()),
        }
    }
}

impl From<&DispatchRecord> for Dispatch {
    fn from(dispatch: &DispatchRecord) -> Dispatch {
        Dispatch {
            id: dispatch.id.clone(),
            message_id: dispatch.message_id.clone(),
            status: dispatch.status.clone(),
            error: dispatch.error.as_ref().map(|message| DispatchError {
                message: message.clone(),
            }),
            created_at: dispatch.created_at,
            updated_at: dispatch.created_at,
        }
    }
}
