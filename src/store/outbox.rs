//! The courier's outbox: queued messages, their dispatch attempts, and the
//! leases that let several couriers share one queue. Only the courier uses it.
//! Every function takes the step's [`Tx`]; writes whose result nobody needs
//! are deferred (see [`Tx::defer`]).

use serde_json::Value;

use super::row::{Row, json, placeholder_list};
use super::{Statement, StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// A courier message.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageRecord {
    /// UUID.
    pub id: String,
    /// `email` or `sms`.
    pub message_type: String,
    /// `queued`, `processing`, `sent` or `abandoned`.
    pub status: String,
    /// The channel id (`email`, `sms`).
    pub channel: String,
    /// Address or number.
    pub recipient: String,
    /// Email subject; empty for SMS.
    pub subject: String,
    /// Plaintext body or SMS text.
    pub body: String,
    /// e.g. `login_code_valid`.
    pub template_type: String,
    /// The template model (snake_case keys).
    pub template_data: Value,
    /// The flow that sent it.
    pub flow_id: Option<String>,
    /// Dispatch attempts.
    pub send_count: i64,
    /// Not before this time (back-off).
    pub next_attempt_at: i64,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// One dispatch attempt of a message.
#[derive(Debug, Clone, PartialEq)]
pub struct DispatchRecord {
    /// UUID.
    pub id: String,
    /// The message.
    pub message_id: String,
    /// `success` or `failed`.
    pub status: String,
    /// Why it failed.
    pub error: Option<String>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
}

/// Filters for listing messages.
#[derive(Debug, Clone, Default)]
pub struct MessageFilter {
    /// Only this status.
    pub status: Option<String>,
    /// Only to this recipient.
    pub recipient: Option<String>,
    /// Only from this flow.
    pub flow_id: Option<String>,
}

const MESSAGE_COLUMNS: &str = "id, type, status, channel, recipient, subject, body, template_type, \
     template_data, flow_id, send_count, next_attempt_at, created_at, updated_at";

fn message_from(mut row: Row) -> Result<MessageRecord> {
    Ok(MessageRecord {
        id: row.text("id")?,
        message_type: row.text("type")?,
        status: row.text("status")?,
        channel: row.text("channel")?,
        recipient: row.text("recipient")?,
        subject: row.text("subject")?,
        body: row.text("body")?,
        template_type: row.text("template_type")?,
        template_data: json(&row, "template_data")?,
        flow_id: row.opt_text("flow_id")?,
        send_count: row.int("send_count")?,
        next_attempt_at: row.int("next_attempt_at")?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// Queues a message, moved into the statement.
pub(crate) fn insert_message(tx: &Tx, message: MessageRecord) {
    Statement::new(
        "INSERT INTO courier_messages (id, type, status, channel, recipient, subject, body, \
         template_type, template_data, flow_id, send_count, next_attempt_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(message.id)
    .bind(message.message_type)
    .bind(message.status)
    .bind(message.channel)
    .bind(message.recipient)
    .bind(message.subject)
    .bind(message.body)
    .bind(message.template_type)
    .bind(message.template_data.to_string())
    .bind(message.flow_id)
    .bind(message.send_count)
    .bind(message.next_attempt_at)
    .bind(message.created_at)
    .bind(message.updated_at)
    .defer(tx);
}

/// A message by id.
pub(crate) async fn get_message(tx: &Tx, id: &str) -> Result<Option<MessageRecord>> {
    let sql = format!("SELECT {MESSAGE_COLUMNS} FROM courier_messages WHERE id = $1");
    let row = Statement::built(sql).bind(id).fetch_optional(tx).await?;
    row.map(message_from).transpose()
}

/// Messages matching a filter, newest first.
pub(crate) async fn list_messages(
    tx: &Tx,
    filter: &MessageFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<MessageRecord>> {
    // Only the filters given become conditions, so each can use its index.
    let given = [
        ("status", &filter.status),
        ("recipient", &filter.recipient),
        ("flow_id", &filter.flow_id),
    ];
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    for (column, value) in given {
        if let Some(value) = value {
            values.push(value.clone());
            conditions.push(format!("{column} = ${}", values.len()));
        }
    }
    let filter_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM courier_messages {filter_sql} \
         ORDER BY created_at DESC, id DESC LIMIT ${} OFFSET ${}",
        values.len() + 1,
        values.len() + 2
    );
    let mut statement = Statement::built(sql);
    for value in values {
        statement = statement.bind(value);
    }
    let rows = statement.bind(limit).bind(offset).fetch_all(tx).await?;
    rows.into_iter().map(message_from).collect()
}

/// The dispatch attempts of a message, oldest first.
pub(crate) async fn dispatches_of(tx: &Tx, message_id: &str) -> Result<Vec<DispatchRecord>> {
    let rows = Statement::new(
        "SELECT id, message_id, status, error, created_at FROM courier_message_dispatches \
         WHERE message_id = $1 ORDER BY created_at, id",
    )
    .bind(message_id)
    .fetch_all(tx)
    .await?;
    rows.into_iter()
        .map(|mut row| {
            Ok(DispatchRecord {
                id: row.text("id")?,
                message_id: row.text("message_id")?,
                status: row.text("status")?,
                error: row.opt_text("error")?,
                created_at: row.int("created_at")?,
            })
        })
        .collect()
}

/// Takes up to `limit` due messages of the given channels for sending: queued
/// ones whose back-off has passed, and processing ones whose lease expired (their
/// engine died). The status re-check in the outer `WHERE` makes two engines on one
/// PostgreSQL claim disjoint sets: the second one's update finds the rows changed
/// and skips them.
pub(crate) async fn claim_due_messages(
    tx: &Tx,
    channels: &[&str],
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<MessageRecord>> {
    if channels.is_empty() {
        return Ok(Vec::new());
    }
    claim(tx, channels, &[], now, lease_until, limit).await
}

/// Takes those of the messages `ids` that are due, of the given channels: the
/// messages a flow step just queued, which the CLI sends before older ones.
pub(crate) async fn claim_due_messages_by_id(
    tx: &Tx,
    channels: &[&str],
    ids: &[String],
    now: i64,
    lease_until: i64,
) -> Result<Vec<MessageRecord>> {
    if channels.is_empty() || ids.is_empty() {
        return Ok(Vec::new());
    }
    let limit = i64::try_from(ids.len()).unwrap_or(i64::MAX);
    claim(tx, channels, ids, now, lease_until, limit).await
}

/// The claim both entries share; `ids`, when not empty, narrows it to those messages.
async fn claim(
    tx: &Tx,
    channels: &[&str],
    ids: &[String],
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<MessageRecord>> {
    let channel_list = placeholder_list(4, channels.len());
    let only_ids = if ids.is_empty() {
        String::new()
    } else {
        format!(
            " AND id IN ({})",
            placeholder_list(4 + channels.len(), ids.len())
        )
    };
    let due = format!(
        "((status = 'queued' AND next_attempt_at <= $1) OR (status = 'processing' AND lease_until < $1)) \
         AND channel IN ({channel_list}){only_ids}"
    );
    let sql = format!(
        "UPDATE courier_messages SET status = 'processing', lease_until = $2, updated_at = $1 \
         WHERE {due} AND id IN (SELECT id FROM courier_messages WHERE {due} ORDER BY created_at, id LIMIT $3) \
         RETURNING {MESSAGE_COLUMNS}"
    );
    let mut query = Statement::built(sql)
        .bind(now)
        .bind(lease_until)
        .bind(limit);
    for channel in channels {
        query = query.bind(*channel);
    }
    for id in ids {
        query = query.bind(id.as_str());
    }
    let rows = query.fetch_all(tx).await?;
    let mut messages = rows
        .into_iter()
        .map(message_from)
        .collect::<Result<Vec<_>>>()?;
    messages.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(messages)
}

/// How a dispatch attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DispatchOutcome {
    /// Delivered.
    Sent,
    /// Failed; try again at `retry_at`.
    Retry {
        /// Why.
        error: String,
        /// Next attempt not before.
        retry_at: i64,
    },
    /// Failed for good (permanent error, or retries used up).
    Abandoned {
        /// Why.
        error: String,
    },
}

/// Hands a claimed message back to the queue without counting an attempt: the
/// CLI's courier budget ran out while it was being sent. Whether it arrived is
/// unknown, so delivery stays at least once.
pub(crate) fn release(tx: &Tx, message_id: &str, now: i64) {
    Statement::new(
        "UPDATE courier_messages SET status = 'queued', lease_until = NULL, updated_at = $1 \
         WHERE id = $2 AND status = 'processing'",
    )
    .bind(now)
    .bind(message_id)
    .defer(tx);
}

/// Records an attempt and moves the message to its next status.
pub(crate) fn finish_dispatch(
    tx: &Tx,
    message_id: &str,
    dispatch_id: &str,
    outcome: &DispatchOutcome,
    now: i64,
) {
    let (status, dispatch_status, error, next) = match outcome {
        DispatchOutcome::Sent => ("sent", "success", None, None),
        DispatchOutcome::Retry { error, retry_at } => {
            ("queued", "failed", Some(error.as_str()), Some(*retry_at))
        }
        DispatchOutcome::Abandoned { error } => ("abandoned", "failed", Some(error.as_str()), None),
    };
    Statement::new(
        "UPDATE courier_messages SET status = $1, send_count = send_count + 1, lease_until = NULL, \
         next_attempt_at = COALESCE($2, next_attempt_at), updated_at = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(next)
    .bind(now)
    .bind(message_id)
    .defer(tx);
    Statement::new(
        "INSERT INTO courier_message_dispatches (id, message_id, status, error, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(dispatch_id)
    .bind(message_id)
    .bind(dispatch_status)
    .bind(error)
    .bind(now)
    .defer(tx);
}
