//! Self-service errors: what a browser was sent to the error page with, kept
//! by id so the page (or an app's own) can read it (Kratos' `selfservice_errors`).

use serde_json::Value;

use super::row::{Row, json};
use super::{Statement, StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// How many errors are kept, newest first: each is read once, right after it
/// was made, and a flood of refused requests must not fill the disk.
pub(crate) const KEPT_ERRORS: i64 = 10_000;

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

/// Stores an error, and drops the oldest beyond the newest `keep`.
pub(crate) fn insert_error(tx: &Tx, record: &ErrorRecord, keep: i64) {
    Statement::new(
        "INSERT INTO selfservice_errors (id, error, created_at, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&record.id)
    .bind(record.error.to_string())
    .bind(record.created_at)
    .bind(record.updated_at)
    .defer(tx);
    // The subquery is the `keep`-th newest time, NULL (nothing deleted) while
    // there are fewer.
    Statement::new(
        "DELETE FROM selfservice_errors WHERE created_at < (SELECT created_at FROM selfservice_errors \
         ORDER BY created_at DESC LIMIT 1 OFFSET $1)",
    )
    .bind(keep.saturating_sub(1).max(0))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Dsn, Store};

    #[tokio::test]
    async fn only_the_newest_errors_are_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Dsn::Sqlite(dir.path().join("t.db")))
            .await
            .expect("store");
        for n in 0..5_i64 {
            store
                .run(move |tx| async move {
                    let record = ErrorRecord {
                        id: format!("e{n}"),
                        error: serde_json::json!({ "code": 403 }),
                        created_at: n,
                        updated_at: n,
                    };
                    insert_error(&tx, &record, 3);
                    Ok::<_, StoreError>(())
                })
                .await
                .expect("insert");
        }
        let kept = store
            .run(|tx| async move {
                let mut kept = Vec::new();
                for n in 0..5 {
                    if read_error(&tx, &format!("e{n}"), 9).await?.is_some() {
                        kept.push(n);
                    }
                }
                Ok::<_, StoreError>(kept)
            })
            .await
            .expect("read");
        assert_eq!(kept, [2, 3, 4]);
    }
}
