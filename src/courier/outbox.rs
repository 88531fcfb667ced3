//! The courier's outbox, the one way to its rows in the store: composing a
//! message (the template rendered at enqueue time, as Kratos does: subject and
//! plaintext or SMS text; the HTML body is rendered again from `template_data`
//! when an email is sent), queueing it in the caller's transaction, and reading
//! the queue for listings.

use serde_json::Value;

use super::template::{Channel, TemplateError, TemplateType, Templates};
use crate::store::outbox;
use crate::store::{self, StoreError, Tx};

pub use crate::store::outbox::{DispatchRecord, MessageFilter, MessageRecord};

/// Queues a composed message in the caller's transaction: it is sent only if
/// the step that queued it commits.
pub fn enqueue(tx: &Tx, message: &MessageRecord) {
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
