//! Self-service flows and their one-time codes (stored as keyed hashes).
//! Every function takes the step's [`Tx`]; writes whose result nobody needs
//! are deferred (see [`Tx::defer`]).

use super::row::{Row, placeholder_list};
use super::{Statement, StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// A self-service flow.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FlowRecord {
    /// UUID.
    pub id: String,
    /// `login`, `registration` or `verification`.
    pub kind: String,
    /// `api` or `browser`.
    pub flow_type: String,
    /// `choose_method`, `sent_email` or `passed_challenge`.
    pub state: String,
    /// The method in use (`code`) once one was chosen.
    pub active: Option<String>,
    /// Code submissions so far.
    pub submit_count: i64,
    /// The URL that created the flow.
    pub request_url: String,
    /// Where to go afterwards.
    pub return_to: Option<String>,
    /// Engine state not shown to clients, as JSON text (the engine types it).
    pub context: String,
    /// The uiContainer as JSON text (the engine types it).
    pub ui: String,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// A one-time code, as its keyed hash.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CodeRecord {
    /// UUID.
    pub id: String,
    /// The flow it belongs to.
    pub flow_id: String,
    /// HMAC-SHA-512/256 hex of the code.
    pub code_hmac: String,
    /// Where it was sent.
    pub address: String,
    /// `email` or `sms`.
    pub via: String,
    /// For login codes, the identity.
    pub identity_id: Option<String>,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
    /// Set once it was used.
    pub used_at: Option<i64>,
}

/// Stores a new flow.
pub(crate) fn insert_flow(tx: &Tx, flow: &FlowRecord) {
    Statement::new(
        "INSERT INTO flows (id, kind, type, state, active, submit_count, request_url, return_to, \
         context, ui, issued_at, expires_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&flow.id)
    .bind(&flow.kind)
    .bind(&flow.flow_type)
    .bind(&flow.state)
    .bind(flow.active.as_deref())
    .bind(flow.submit_count)
    .bind(&flow.request_url)
    .bind(flow.return_to.as_deref())
    .bind(flow.context.clone())
    .bind(flow.ui.clone())
    .bind(flow.issued_at)
    .bind(flow.expires_at)
    .bind(flow.updated_at)
    .defer(tx);
}

const FLOW_COLUMNS: &str = "id, kind, type, state, active, submit_count, request_url, return_to, \
     context, ui, issued_at, expires_at, updated_at";

fn flow_from(mut row: Row) -> Result<FlowRecord> {
    Ok(FlowRecord {
        id: row.text("id")?,
        kind: row.text("kind")?,
        flow_type: row.text("type")?,
        state: row.text("state")?,
        active: row.opt_text("active")?,
        submit_count: row.int("submit_count")?,
        request_url: row.text("request_url")?,
        return_to: row.opt_text("return_to")?,
        context: row.text("context")?,
        ui: row.text("ui")?,
        issued_at: row.int("issued_at")?,
        expires_at: row.int("expires_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// A flow by id.
pub(crate) async fn get_flow(tx: &Tx, id: &str) -> Result<Option<FlowRecord>> {
    let sql = format!("SELECT {FLOW_COLUMNS} FROM flows WHERE id = $1");
    let row = Statement::built(sql).bind(id).fetch_optional(tx).await?;
    row.map(flow_from).transpose()
}

/// A flow by id, counting a code submission when it is a `kind` flow waiting for
/// a code (`sent_email`): one atomic statement, so concurrent submissions each
/// see their own count, and on PostgreSQL the row stays locked until commit.
pub(crate) async fn get_flow_counting_submission(
    tx: &Tx,
    id: &str,
    kind: &'static str,
) -> Result<Option<FlowRecord>> {
    let sql = format!(
        "UPDATE flows SET submit_count = submit_count + \
         CASE WHEN state = 'sent_email' AND kind = $2 THEN 1 ELSE 0 END \
         WHERE id = $1 RETURNING {FLOW_COLUMNS}"
    );
    let row = Statement::built(sql)
        .bind(id)
        .bind_const(kind)
        .fetch_optional(tx)
        .await?;
    row.map(flow_from).transpose()
}

/// Writes a flow's state, method, context and UI.
pub(crate) fn update_flow(tx: &Tx, flow: FlowUpdate) {
    Statement::new(
        "UPDATE flows SET state = $1, active = $2, context = $3, ui = $4, updated_at = $5 WHERE id = $6",
    )
    .bind_const(flow.state)
    .bind(flow.active)
    .bind(flow.context)
    .bind(flow.ui)
    .bind(flow.updated_at)
    .bind(flow.id)
    .defer(tx);
}

/// The columns a step changes, moved into the statement that writes them.
#[derive(Debug)]
pub(crate) struct FlowUpdate {
    /// The flow.
    pub id: String,
    /// Its state.
    pub state: &'static str,
    /// Its method.
    pub active: Option<String>,
    /// Its context as JSON text.
    pub context: String,
    /// Its UI as JSON text.
    pub ui: String,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// Removes every code of a flow (a resend voids the older ones).
pub(crate) fn delete_codes_of_flow(tx: &Tx, flow_id: &str) {
    Statement::new("DELETE FROM codes WHERE flow_id = $1")
        .bind(flow_id)
        .defer(tx);
}

/// Stores a code's hash, moved into the statement.
pub(crate) fn insert_code(tx: &Tx, code: CodeRecord) {
    Statement::new(
        "INSERT INTO codes (id, flow_id, code_hmac, address, via, identity_id, issued_at, expires_at, used_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(code.id)
    .bind(code.flow_id)
    .bind(code.code_hmac)
    .bind(code.address)
    .bind(code.via)
    .bind(code.identity_id)
    .bind(code.issued_at)
    .bind(code.expires_at)
    .bind(code.used_at)
    .defer(tx);
}

/// Which codes of a flow a submission may use.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CodeOwner<'a> {
    /// Any code of the flow.
    Any,
    /// A code sent for this identity (login).
    Identity(&'a str),
    /// A code sent to one of these addresses (registration).
    Addresses(&'a [String]),
}

const CODE_COLUMNS: &str =
    "id, flow_id, code_hmac, address, via, identity_id, issued_at, expires_at, used_at";

fn code_from(mut row: Row) -> Result<CodeRecord> {
    Ok(CodeRecord {
        id: row.text("id")?,
        flow_id: row.text("flow_id")?,
        code_hmac: row.text("code_hmac")?,
        address: row.text("address")?,
        via: row.text("via")?,
        identity_id: row.opt_text("identity_id")?,
        issued_at: row.int("issued_at")?,
        expires_at: row.int("expires_at")?,
        used_at: row.opt_int("used_at")?,
    })
}

/// Uses the unexpired, unused code of a flow whose keyed hash is one of
/// `hashes` (the submitted code under each secret) and that `owner` allows,
/// and returns it; None if there is none. Finding and using it is one
/// conditional statement, so of concurrent submissions of one code exactly one
/// gets it (on PostgreSQL the others wait for its row lock, then find it used).
pub(crate) async fn claim_code(
    tx: &Tx,
    flow_id: &str,
    hashes: &[String],
    owner: CodeOwner<'_>,
    now: i64,
) -> Result<Option<CodeRecord>> {
    if hashes.is_empty() {
        return Ok(None);
    }
    // $1 is the time, $2 the flow, then the hashes, then the owner's values.
    let (owned, owner_args): (String, Vec<&str>) = match owner {
        CodeOwner::Any => (String::new(), Vec::new()),
        CodeOwner::Identity(id) => (
            format!(" AND identity_id = ${}", 3 + hashes.len()),
            vec![id],
        ),
        CodeOwner::Addresses([]) => return Ok(None),
        CodeOwner::Addresses(addresses) => (
            format!(
                " AND address IN ({})",
                placeholder_list(3 + hashes.len(), addresses.len())
            ),
            addresses.iter().map(String::as_str).collect(),
        ),
    };
    let sql = format!(
        "UPDATE codes SET used_at = $1 WHERE flow_id = $2 AND used_at IS NULL AND expires_at > $1 \
         AND code_hmac IN ({}){owned} RETURNING {CODE_COLUMNS}",
        placeholder_list(3, hashes.len())
    );
    let mut statement = Statement::built(sql).bind(now).bind(flow_id);
    for arg in hashes.iter().map(String::as_str).chain(owner_args) {
        statement = statement.bind(arg);
    }
    let rows = statement.fetch_all(tx).await?;
    rows.into_iter().next().map(code_from).transpose()
}

/// Whether one of `hashes` is a code of the flow that was used already (and
/// has not expired): asked only after [`claim_code`] found nothing, so that a
/// code a concurrent submission consumed gets Kratos' "already used" answer.
pub(crate) async fn code_was_used(
    tx: &Tx,
    flow_id: &str,
    hashes: &[String],
    now: i64,
) -> Result<bool> {
    if hashes.is_empty() {
        return Ok(false);
    }
    let sql = format!(
        "SELECT 1 FROM codes WHERE flow_id = $1 AND used_at IS NOT NULL AND expires_at > $2 \
         AND code_hmac IN ({})",
        placeholder_list(3, hashes.len())
    );
    let mut statement = Statement::built(sql).bind(flow_id).bind(now);
    for hash in hashes {
        statement = statement.bind(hash.as_str());
    }
    Ok(statement.fetch_optional(tx).await?.is_some())
}

/// Takes back a counted code submission (Kratos counts only after the
/// account was found).
pub(crate) fn uncount_submission(tx: &Tx, flow_id: &str) {
    Statement::new(
        "UPDATE flows SET submit_count = submit_count - 1 WHERE id = $1 AND submit_count > 0",
    )
    .bind(flow_id)
    .defer(tx);
}
