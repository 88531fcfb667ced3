//! Sessions, found by their token.
//! Every function takes the step's [`Tx`]; writes whose result nobody needs
//! are deferred (see [`Tx::defer`]).

use serde_json::Value;

use super::row::{Row, json};
use super::{Statement, StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// A session.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SessionRecord {
    /// UUID.
    pub id: String,
    /// `ory_st_…`.
    pub token: String,
    /// The identity logged in.
    pub identity_id: String,
    /// `aal1` or `aal2`.
    pub aal: String,
    /// JSON array of `{method, aal, completed_at}`.
    pub authentication_methods: Value,
    /// Whether it is usable.
    pub active: bool,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    /// Milliseconds since the epoch.
    pub authenticated_at: i64,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
}

/// Stores a session.
pub(crate) fn insert_session(tx: &Tx, session: &SessionRecord) {
    Statement::new(
        "INSERT INTO sessions (id, token, identity_id, aal, authentication_methods, active, \
         issued_at, authenticated_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&session.id)
    .bind(&session.token)
    .bind(&session.identity_id)
    .bind(&session.aal)
    .bind(session.authentication_methods.to_string())
    .bind(i64::from(session.active))
    .bind(session.issued_at)
    .bind(session.authenticated_at)
    .bind(session.expires_at)
    .defer(tx);
}

fn session_from(mut row: Row) -> Result<SessionRecord> {
    Ok(SessionRecord {
        id: row.text("id")?,
        token: row.text("token")?,
        identity_id: row.text("identity_id")?,
        aal: row.text("aal")?,
        authentication_methods: json(&row, "authentication_methods")?,
        active: row.int("active")? != 0,
        issued_at: row.int("issued_at")?,
        authenticated_at: row.int("authenticated_at")?,
        expires_at: row.int("expires_at")?,
    })
}

const SESSION_COLUMNS: &str = "id, token, identity_id, aal, authentication_methods, active, \
     issued_at, authenticated_at, expires_at";

/// A session by its token.
pub(crate) async fn session_by_token(tx: &Tx, token: &str) -> Result<Option<SessionRecord>> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token = $1");
    let row = Statement::built(sql).bind(token).fetch_optional(tx).await?;
    row.map(session_from).transpose()
}

/// Ends the session of a token (Kratos' `RevokeSessionByToken`); false if no
/// session has it.
pub(crate) async fn revoke_session_by_token(tx: &Tx, token: &str) -> Result<bool> {
    let changed = Statement::new("UPDATE sessions SET active = 0 WHERE token = $1")
        .bind(token)
        .execute(tx)
        .await?;
    Ok(changed > 0)
}

/// Ends one session by id; false if there is none.
pub(crate) async fn revoke_session(tx: &Tx, id: &str) -> Result<bool> {
    let changed = Statement::new("UPDATE sessions SET active = 0 WHERE id = $1")
        .bind(id)
        .execute(tx)
        .await?;
    Ok(changed > 0)
}

/// Ends every session of an identity; how many were active.
pub(crate) async fn revoke_sessions_of(tx: &Tx, identity_id: &str) -> Result<u64> {
    Statement::new("UPDATE sessions SET active = 0 WHERE identity_id = $1 AND active = 1")
        .bind(identity_id)
        .execute(tx)
        .await
}

/// The sessions of an identity, newest first.
pub(crate) async fn sessions_of(tx: &Tx, identity_id: &str) -> Result<Vec<SessionRecord>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM sessions WHERE identity_id = $1 \
         ORDER BY issued_at DESC, id DESC"
    );
    let rows = Statement::built(sql)
        .bind(identity_id)
        .fetch_all(tx)
        .await?;
    rows.into_iter().map(session_from).collect()
}
