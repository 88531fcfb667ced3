//! The engine's key-value table (a generated code secret).
//! Every function takes the step's [`Tx`]; writes whose result nobody needs
//! are deferred (see [`Tx::defer`]).

use super::{Statement, StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// A value from the engine's key-value table.
pub(crate) async fn get_meta(tx: &Tx, key: &str) -> Result<Option<String>> {
    let row = Statement::new("SELECT value FROM engine_meta WHERE key = $1")
        .bind(key)
        .fetch_optional(tx)
        .await?;
    row.map(|mut r| r.text("value")).transpose()
}

/// Stores a value unless the key exists, and returns the stored value (first
/// writer wins, so concurrent engines agree).
pub(crate) async fn get_or_insert_meta(tx: &Tx, key: &str, value: &str) -> Result<String> {
    Statement::new(
        "INSERT INTO engine_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(value)
    .defer(tx);
    Ok(get_meta(tx, key)
        .await?
        .unwrap_or_else(|| value.to_string()))
}

/// A statement that reads nothing: whether the database answers.
pub(crate) async fn ping(tx: &Tx) -> Result<()> {
    Statement::new("SELECT 1").fetch_all(tx).await?;
    Ok(())
}
