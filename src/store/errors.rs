//! Self-service errors: what a browser was sent to the error page with, kept
//! by id so the page (or an app's own) can read it (Kratos' `selfservice_errors`).

use serde_json::Value;

use super::row::{Row, json};
use super::{Statement, StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// A stored error.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ErrorRecord {
    /// UUID.
    pub id: String,
    /// herodot's error object (`{code, status, reason, message, …}`).
    pub error: Value,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// Stores an error.
pub(crate) fn insert_error(tx: &Tx, record: &ErrorRecord) {
    Statement::new(
        "INSERT INTO selfservice_errors (id, error, created_at, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&record.id)
    .bind(record.error.to_string())
    .bind(record.created_at)
    .bind(record.updated_at)
    .defer(tx);
}

/// An error by id, marked seen at `now` (as Kratos marks it), or None.
pub(crate) async fn read_error(tx: &Tx, id: &str, now: i64) -> Result<Option<ErrorRecord>> {
    let row = Statement::new(
        "SELECT id, error, created_at, updated_at FROM selfservice_errors WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Statement::new("UPDATE selfservice_errors SET seen_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .defer(tx);
    error_from(row).map(Some)
}

fn error_from(mut row: Row) -> Result<ErrorRecord> {
    Ok(ErrorRecord {
        id: row.text("id")?,
        error: json(&row, "error")?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}
