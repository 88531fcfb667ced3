//! Composing queued messages: the template rendered at enqueue time, as Kratos
//! does (subject and plaintext or SMS text; the HTML body is rendered again from
//! `template_data` when an email is sent).

use serde_json::Value;

use super::template::{Channel, TemplateError, TemplateType, Templates};
use crate::store::{self, MessageRecord};

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
