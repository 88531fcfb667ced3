//! The stored records and the statements that read and write them. Every
//! function takes the step's [`Tx`]; writes whose result nobody needs are
//! deferred (see [`Tx::defer`]), so they travel with the step's next statement.

use serde_json::Value;

use super::row::Row;
use super::{Statement, StoreError, Tx, json_column};

type Result<T> = std::result::Result<T, StoreError>;

/// An identity.
#[derive(Debug, Clone, PartialEq)]
pub struct IdentityRecord {
    /// UUID.
    pub id: String,
    /// The identity schema id.
    pub schema_id: String,
    /// The traits, phone numbers already in E.164.
    pub traits: Value,
    /// `active` or `inactive`.
    pub state: String,
    /// Recovery addresses (`[{id, value, via, created_at, updated_at}]`).
    pub recovery_addresses: Value,
    /// Public metadata, if any.
    pub metadata_public: Option<Value>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// A verifiable address of an identity.
#[derive(Debug, Clone, PartialEq)]
pub struct AddressRecord {
    /// UUID.
    pub id: String,
    /// Owner.
    pub identity_id: String,
    /// `email` or `sms`.
    pub via: String,
    /// Normalised address.
    pub value: String,
    /// Whether a code proved the address.
    pub verified: bool,
    /// `pending`, `sent` or `completed`.
    pub status: String,
    /// When it was verified.
    pub verified_at: Option<i64>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// A credential of an identity (`code`, or others imported from Kratos).
#[derive(Debug, Clone, PartialEq)]
pub struct CredentialRecord {
    /// `code`, `password`, …
    pub kind: String,
    /// The credential's config (for `code`: `{"addresses": [{channel, address}]}`).
    pub config: Value,
    /// The identifiers it can be found by.
    pub identifiers: Vec<String>,
}

/// A self-service flow.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowRecord {
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
    /// Engine state not shown to clients.
    pub context: Value,
    /// The uiContainer.
    pub ui: FlowUi,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// A flow's uiContainer. Read from the store it stays JSON text until a step
/// looks into it: most steps build a new one, and parsing the old one was
/// about 9% of a code login's CPU.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowUi {
    /// The stored text, until it is parsed into `value`.
    stored: Option<String>,
    value: Value,
}

impl FlowUi {
    /// A container as stored, parsed on first use.
    pub fn stored(text: String) -> FlowUi {
        FlowUi {
            stored: Some(text),
            value: Value::Null,
        }
    }

    /// The container, parsed if it was not yet; an error if the stored text is
    /// not JSON.
    pub fn get_mut(&mut self) -> Result<&mut Value> {
        if let Some(text) = self.stored.take() {
            match json_column("ui", &text) {
                Ok(value) => self.value = value,
                Err(error) => {
                    self.stored = Some(text);
                    return Err(error);
                }
            }
        }
        Ok(&mut self.value)
    }

    /// The container as a value.
    pub fn into_value(mut self) -> Result<Value> {
        self.get_mut()?;
        Ok(self.value)
    }

    /// The container as JSON text, for the store.
    pub fn to_text(&self) -> String {
        match &self.stored {
            Some(text) => text.clone(),
            None => self.value.to_string(),
        }
    }
}

impl From<Value> for FlowUi {
    fn from(value: Value) -> FlowUi {
        FlowUi {
            stored: None,
            value,
        }
    }
}

/// A one-time code, as its keyed hash.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeRecord {
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

/// A session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
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

fn json(row: &Row, column: &'static str) -> Result<Value> {
    json_column(column, row.str(column)?)
}

/// Whether an error is a uniqueness violation (a duplicate identifier).
pub fn is_unique_violation(error: &StoreError) -> bool {
    match error {
        StoreError::Database(sqlx::Error::Database(e)) => e.is_unique_violation(),
        StoreError::Sqlite(e) => super::sqlite::is_unique_violation(e),
        _ => false,
    }
}

// ----- identities -----

/// Inserts an identity with its credentials and addresses, all or nothing. A
/// credential identifier or address that already exists fails with a unique
/// violation, and the transaction goes on without any of them.
pub async fn insert_identity(
    tx: &Tx,
    identity: &IdentityRecord,
    credentials: &[CredentialRecord],
    addresses: &[AddressRecord],
) -> Result<()> {
    let mut statements = vec![
        Statement::new(
            "INSERT INTO identities (id, schema_id, traits, state, recovery_addresses, metadata_public, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&identity.id)
        .bind(&identity.schema_id)
        .bind(identity.traits.to_string())
        .bind(&identity.state)
        .bind(identity.recovery_addresses.to_string())
        .bind(identity.metadata_public.as_ref().map(Value::to_string))
        .bind(identity.created_at)
        .bind(identity.updated_at),
    ];
    for credential in credentials {
        statements.push(
            Statement::new(
                "INSERT INTO identity_credentials (identity_id, type, config) VALUES ($1, $2, $3)",
            )
            .bind(&identity.id)
            .bind(&credential.kind)
            .bind(credential.config.to_string()),
        );
        for identifier in &credential.identifiers {
            statements.push(
                Statement::new(
                    "INSERT INTO identity_credential_identifiers (type, identifier, identity_id) \
                     VALUES ($1, $2, $3)",
                )
                .bind(&credential.kind)
                .bind(identifier)
                .bind(&identity.id),
            );
        }
    }
    statements.extend(addresses.iter().map(insert_address));
    tx.run_all(statements).await?;
    Ok(())
}

fn insert_address(address: &AddressRecord) -> Statement {
    Statement::new(
        "INSERT INTO identity_verifiable_addresses \
         (id, identity_id, via, value, verified, status, verified_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&address.id)
    .bind(&address.identity_id)
    .bind(&address.via)
    .bind(&address.value)
    .bind(i64::from(address.verified))
    .bind(&address.status)
    .bind(address.verified_at)
    .bind(address.created_at)
    .bind(address.updated_at)
}

const IDENTITY_COLUMNS: &str = "i.id, i.schema_id, i.traits, i.state, i.recovery_addresses, i.metadata_public, i.created_at, i.updated_at";

fn identity_from(row: &Row) -> Result<IdentityRecord> {
    Ok(IdentityRecord {
        id: row.text("id")?,
        schema_id: row.text("schema_id")?,
        traits: json(row, "traits")?,
        state: row.text("state")?,
        recovery_addresses: json(row, "recovery_addresses")?,
        metadata_public: row
            .opt_text("metadata_public")?
            .map(|t| json_column("identities.metadata_public", &t))
            .transpose()?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// An identity by id.
pub async fn get_identity(tx: &Tx, id: &str) -> Result<Option<IdentityRecord>> {
    let sql = format!("SELECT {IDENTITY_COLUMNS} FROM identities i WHERE i.id = $1");
    let row = Statement::built(sql).bind(id).fetch_optional(tx).await?;
    row.as_ref().map(identity_from).transpose()
}

/// Identities, oldest first.
pub async fn list_identities(tx: &Tx, limit: i64, offset: i64) -> Result<Vec<IdentityRecord>> {
    let sql = format!(
        "SELECT {IDENTITY_COLUMNS} FROM identities i ORDER BY i.created_at, i.id LIMIT $1 OFFSET $2"
    );
    let rows = Statement::built(sql)
        .bind(limit)
        .bind(offset)
        .fetch_all(tx)
        .await?;
    rows.iter().map(identity_from).collect()
}

/// Deletes an identity and everything hanging off it; false if there was none.
pub async fn delete_identity(tx: &Tx, id: &str) -> Result<bool> {
    let deleted = Statement::new("DELETE FROM identities WHERE id = $1")
        .bind(id)
        .execute(tx)
        .await?;
    Ok(deleted > 0)
}

/// An identity with one of its credentials and its verifiable addresses.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// The identity.
    pub identity: IdentityRecord,
    /// The credential it was found by (without its identifier list).
    pub credential: CredentialRecord,
    /// Its verifiable addresses, in creation order.
    pub addresses: Vec<AddressRecord>,
}

/// The account found by any of `identifiers` for a credential type (the
/// submitted value and its normalised form): one query, the addresses joined in.
pub async fn find_by_identifier(
    tx: &Tx,
    kind: &str,
    identifiers: &[&str],
) -> Result<Option<Account>> {
    let (first, second) = match identifiers {
        [] => return Ok(None),
        [one] => (*one, *one),
        [one, two, ..] => (*one, *two),
    };
    let sql = format!(
        "SELECT {IDENTITY_COLUMNS}, c.config AS credential_config, \
         a.id AS a_id, a.via AS a_via, a.value AS a_value, a.verified AS a_verified, \
         a.status AS a_status, a.verified_at AS a_verified_at, a.created_at AS a_created_at, \
         a.updated_at AS a_updated_at \
         FROM identity_credential_identifiers ci \
         JOIN identities i ON i.id = ci.identity_id \
         JOIN identity_credentials c ON c.identity_id = ci.identity_id AND c.type = ci.type \
         LEFT JOIN identity_verifiable_addresses a ON a.identity_id = i.id \
         WHERE ci.type = $1 AND ci.identifier = (SELECT identifier FROM identity_credential_identifiers \
             WHERE type = $1 AND identifier IN ($2, $3) LIMIT 1) \
         ORDER BY a.created_at, a.value"
    );
    let rows = Statement::built(sql)
        .bind(kind)
        .bind(first)
        .bind(second)
        .fetch_all(tx)
        .await?;
    let Some(first_row) = rows.first() else {
        return Ok(None);
    };
    let identity = identity_from(first_row)?;
    let credential = CredentialRecord {
        kind: kind.to_string(),
        config: json(first_row, "credential_config")?,
        identifiers: Vec::new(),
    };
    let mut addresses = Vec::new();
    for row in &rows {
        let Some(id) = row.opt_text("a_id")? else {
            continue;
        };
        addresses.push(AddressRecord {
            id,
            identity_id: identity.id.clone(),
            via: row.text("a_via")?,
            value: row.text("a_value")?,
            verified: row.int("a_verified")? != 0,
            status: row.text("a_status")?,
            verified_at: row.opt_int("a_verified_at")?,
            created_at: row.int("a_created_at")?,
            updated_at: row.int("a_updated_at")?,
        });
    }
    Ok(Some(Account {
        identity,
        credential,
        addresses,
    }))
}

/// The credentials of an identity, with their identifiers.
pub async fn credentials_of(tx: &Tx, identity_id: &str) -> Result<Vec<CredentialRecord>> {
    let rows = Statement::new(
        "SELECT type, config FROM identity_credentials WHERE identity_id = $1 ORDER BY type",
    )
    .bind(identity_id)
    .fetch_all(tx)
    .await?;
    let mut credentials = Vec::with_capacity(rows.len());
    for row in &rows {
        let kind = row.text("type")?;
        let identifiers = Statement::new(
            "SELECT identifier FROM identity_credential_identifiers \
             WHERE identity_id = $1 AND type = $2 ORDER BY identifier",
        )
        .bind(identity_id)
        .bind(&kind)
        .fetch_all(tx)
        .await?
        .iter()
        .map(|r| r.text("identifier"))
        .collect::<Result<Vec<_>>>()?;
        credentials.push(CredentialRecord {
            kind,
            config: json(row, "config")?,
            identifiers,
        });
    }
    Ok(credentials)
}

const ADDRESS_COLUMNS: &str =
    "id, identity_id, via, value, verified, status, verified_at, created_at, updated_at";

fn address_from(row: &Row) -> Result<AddressRecord> {
    Ok(AddressRecord {
        id: row.text("id")?,
        identity_id: row.text("identity_id")?,
        via: row.text("via")?,
        value: row.text("value")?,
        verified: row.int("verified")? != 0,
        status: row.text("status")?,
        verified_at: row.opt_int("verified_at")?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// The verifiable addresses of an identity, in creation order.
pub async fn addresses_of(tx: &Tx, identity_id: &str) -> Result<Vec<AddressRecord>> {
    let sql = format!(
        "SELECT {ADDRESS_COLUMNS} FROM identity_verifiable_addresses \
         WHERE identity_id = $1 ORDER BY created_at, value"
    );
    let rows = Statement::built(sql)
        .bind(identity_id)
        .fetch_all(tx)
        .await?;
    rows.iter().map(address_from).collect()
}

/// The verifiable address with one of `values` for `via`.
pub async fn find_address(tx: &Tx, via: &str, values: &[&str]) -> Result<Option<AddressRecord>> {
    let (first, second) = match values {
        [] => return Ok(None),
        [one] => (*one, *one),
        [one, two, ..] => (*one, *two),
    };
    let sql = format!(
        "SELECT {ADDRESS_COLUMNS} FROM identity_verifiable_addresses \
         WHERE via = $1 AND value IN ($2, $3) LIMIT 1"
    );
    let row = Statement::built(sql)
        .bind(via)
        .bind(first)
        .bind(second)
        .fetch_optional(tx)
        .await?;
    row.as_ref().map(address_from).transpose()
}

/// Marks an address verified (status `completed`); the verification time is kept
/// if it already was.
pub fn mark_address_verified(tx: &Tx, identity_id: &str, via: &str, value: &str, now: i64) {
    Statement::new(
        "UPDATE identity_verifiable_addresses \
         SET verified = 1, status = 'completed', verified_at = COALESCE(verified_at, $1), updated_at = $1 \
         WHERE identity_id = $2 AND via = $3 AND value = $4",
    )
    .bind(now)
    .bind(identity_id)
    .bind(via)
    .bind(value)
    .defer(tx);
}

/// Sets the status of an unverified address (`sent` once a code went out).
pub fn set_address_status(tx: &Tx, address_id: &str, status: &str, now: i64) {
    Statement::new(
        "UPDATE identity_verifiable_addresses SET status = $1, updated_at = $2 \
         WHERE id = $3 AND verified = 0",
    )
    .bind(status)
    .bind(now)
    .bind(address_id)
    .defer(tx);
}

// ----- flows -----

/// Stores a new flow.
pub fn insert_flow(tx: &Tx, flow: &FlowRecord) {
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
    .bind(flow.context.to_string())
    .bind(flow.ui.to_text())
    .bind(flow.issued_at)
    .bind(flow.expires_at)
    .bind(flow.updated_at)
    .defer(tx);
}

const FLOW_COLUMNS: &str = "id, kind, type, state, active, submit_count, request_url, return_to, \
     context, ui, issued_at, expires_at, updated_at";

fn flow_from(row: &Row) -> Result<FlowRecord> {
    Ok(FlowRecord {
        id: row.text("id")?,
        kind: row.text("kind")?,
        flow_type: row.text("type")?,
        state: row.text("state")?,
        active: row.opt_text("active")?,
        submit_count: row.int("submit_count")?,
        request_url: row.text("request_url")?,
        return_to: row.opt_text("return_to")?,
        context: json(row, "context")?,
        ui: FlowUi::stored(row.text("ui")?),
        issued_at: row.int("issued_at")?,
        expires_at: row.int("expires_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// A flow by id.
pub async fn get_flow(tx: &Tx, id: &str) -> Result<Option<FlowRecord>> {
    let sql = format!("SELECT {FLOW_COLUMNS} FROM flows WHERE id = $1");
    let row = Statement::built(sql).bind(id).fetch_optional(tx).await?;
    row.as_ref().map(flow_from).transpose()
}

/// A flow by id, counting a code submission when it is a `kind` flow waiting for
/// a code (`sent_email`): one atomic statement, so concurrent submissions each
/// see their own count, and on PostgreSQL the row stays locked until commit.
pub async fn get_flow_counting_submission(
    tx: &Tx,
    id: &str,
    kind: &str,
) -> Result<Option<FlowRecord>> {
    let sql = format!(
        "UPDATE flows SET submit_count = submit_count + \
         CASE WHEN state = 'sent_email' AND kind = $2 THEN 1 ELSE 0 END \
         WHERE id = $1 RETURNING {FLOW_COLUMNS}"
    );
    let row = Statement::built(sql)
        .bind(id)
        .bind(kind)
        .fetch_optional(tx)
        .await?;
    row.as_ref().map(flow_from).transpose()
}

/// Writes a flow's state, method, context and UI.
pub fn update_flow(tx: &Tx, flow: &FlowRecord) {
    Statement::new(
        "UPDATE flows SET state = $1, active = $2, context = $3, ui = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(&flow.state)
    .bind(flow.active.as_deref())
    .bind(flow.context.to_string())
    .bind(flow.ui.to_text())
    .bind(flow.updated_at)
    .bind(&flow.id)
    .defer(tx);
}

// ----- codes -----

/// Removes every code of a flow (a resend voids the older ones).
pub fn delete_codes_of_flow(tx: &Tx, flow_id: &str) {
    Statement::new("DELETE FROM codes WHERE flow_id = $1")
        .bind(flow_id)
        .defer(tx);
}

/// Stores a code's hash.
pub fn insert_code(tx: &Tx, code: &CodeRecord) {
    Statement::new(
        "INSERT INTO codes (id, flow_id, code_hmac, address, via, identity_id, issued_at, expires_at, used_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&code.id)
    .bind(&code.flow_id)
    .bind(&code.code_hmac)
    .bind(&code.address)
    .bind(&code.via)
    .bind(code.identity_id.as_deref())
    .bind(code.issued_at)
    .bind(code.expires_at)
    .bind(code.used_at)
    .defer(tx);
}

/// Which codes of a flow a submission may use.
#[derive(Debug, Clone, Copy)]
pub enum CodeOwner<'a> {
    /// Any code of the flow.
    Any,
    /// A code sent for this identity (login).
    Identity(&'a str),
    /// A code sent to one of these addresses (registration).
    Addresses(&'a [String]),
}

const CODE_COLUMNS: &str =
    "id, flow_id, code_hmac, address, via, identity_id, issued_at, expires_at, used_at";

fn code_from(row: &Row) -> Result<CodeRecord> {
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

/// The codes of a flow.
pub async fn codes_of_flow(tx: &Tx, flow_id: &str) -> Result<Vec<CodeRecord>> {
    let sql = format!("SELECT {CODE_COLUMNS} FROM codes WHERE flow_id = $1");
    let rows = Statement::built(sql).bind(flow_id).fetch_all(tx).await?;
    rows.iter().map(code_from).collect()
}

/// Uses the unexpired, unused code of a flow whose keyed hash is one of
/// `hashes` (the submitted code under each secret) and that `owner` allows,
/// and returns it; None if there is none. Finding and using it is one
/// conditional statement, so of concurrent submissions of one code exactly one
/// gets it (on PostgreSQL the others wait for its row lock, then find it used).
pub async fn claim_code(
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
    rows.first().map(code_from).transpose()
}

/// `$first, $first+1, …`: `count` placeholders for an `IN (…)` list.
fn placeholder_list(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

// ----- sessions -----

/// Stores a session.
pub fn insert_session(tx: &Tx, session: &SessionRecord) {
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

fn session_from(row: &Row) -> Result<SessionRecord> {
    Ok(SessionRecord {
        id: row.text("id")?,
        token: row.text("token")?,
        identity_id: row.text("identity_id")?,
        aal: row.text("aal")?,
        authentication_methods: json(row, "authentication_methods")?,
        active: row.int("active")? != 0,
        issued_at: row.int("issued_at")?,
        authenticated_at: row.int("authenticated_at")?,
        expires_at: row.int("expires_at")?,
    })
}

const SESSION_COLUMNS: &str = "id, token, identity_id, aal, authentication_methods, active, \
     issued_at, authenticated_at, expires_at";

/// A session by its token.
pub async fn session_by_token(tx: &Tx, token: &str) -> Result<Option<SessionRecord>> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token = $1");
    let row = Statement::built(sql).bind(token).fetch_optional(tx).await?;
    row.as_ref().map(session_from).transpose()
}

/// The sessions of an identity.
pub async fn sessions_of(tx: &Tx, identity_id: &str) -> Result<Vec<SessionRecord>> {
    let sql =
        format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE identity_id = $1 ORDER BY issued_at");
    let rows = Statement::built(sql)
        .bind(identity_id)
        .fetch_all(tx)
        .await?;
    rows.iter().map(session_from).collect()
}

// ----- courier messages -----

const MESSAGE_COLUMNS: &str = "id, type, status, channel, recipient, subject, body, template_type, \
     template_data, flow_id, send_count, next_attempt_at, created_at, updated_at";

fn message_from(row: &Row) -> Result<MessageRecord> {
    Ok(MessageRecord {
        id: row.text("id")?,
        message_type: row.text("type")?,
        status: row.text("status")?,
        channel: row.text("channel")?,
        recipient: row.text("recipient")?,
        subject: row.text("subject")?,
        body: row.text("body")?,
        template_type: row.text("template_type")?,
        template_data: json(row, "template_data")?,
        flow_id: row.opt_text("flow_id")?,
        send_count: row.int("send_count")?,
        next_attempt_at: row.int("next_attempt_at")?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// Queues a message.
pub fn insert_message(tx: &Tx, message: &MessageRecord) {
    Statement::new(
        "INSERT INTO courier_messages (id, type, status, channel, recipient, subject, body, \
         template_type, template_data, flow_id, send_count, next_attempt_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&message.id)
    .bind(&message.message_type)
    .bind(&message.status)
    .bind(&message.channel)
    .bind(&message.recipient)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(&message.template_type)
    .bind(message.template_data.to_string())
    .bind(message.flow_id.as_deref())
    .bind(message.send_count)
    .bind(message.next_attempt_at)
    .bind(message.created_at)
    .bind(message.updated_at)
    .defer(tx);
}

/// A message by id.
pub async fn get_message(tx: &Tx, id: &str) -> Result<Option<MessageRecord>> {
    let sql = format!("SELECT {MESSAGE_COLUMNS} FROM courier_messages WHERE id = $1");
    let row = Statement::built(sql).bind(id).fetch_optional(tx).await?;
    row.as_ref().map(message_from).transpose()
}

/// Messages matching a filter, newest first.
pub async fn list_messages(
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
    rows.iter().map(message_from).collect()
}

/// The dispatch attempts of a message, oldest first.
pub async fn dispatches_of(tx: &Tx, message_id: &str) -> Result<Vec<DispatchRecord>> {
    let rows = Statement::new(
        "SELECT id, message_id, status, error, created_at FROM courier_message_dispatches \
         WHERE message_id = $1 ORDER BY created_at, id",
    )
    .bind(message_id)
    .fetch_all(tx)
    .await?;
    rows.iter()
        .map(|row| {
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
pub async fn claim_due_messages(
    tx: &Tx,
    channels: &[&str],
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<MessageRecord>> {
    if channels.is_empty() {
        return Ok(Vec::new());
    }
    let channel_list = placeholder_list(4, channels.len());
    let due = format!(
        "((status = 'queued' AND next_attempt_at <= $1) OR (status = 'processing' AND lease_until < $1)) \
         AND channel IN ({channel_list})"
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
    let rows = query.fetch_all(tx).await?;
    let mut messages = rows.iter().map(message_from).collect::<Result<Vec<_>>>()?;
    messages.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(messages)
}

/// How a dispatch attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DispatchOutcome {
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

/// Records an attempt and moves the message to its next status.
pub fn finish_dispatch(
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

/// Abandons a message without an attempt (its retries were used up).
pub fn abandon_message(tx: &Tx, message_id: &str, now: i64) {
    Statement::new(
        "UPDATE courier_messages SET status = 'abandoned', lease_until = NULL, updated_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(message_id)
    .defer(tx);
}

// ----- engine meta -----

/// A value from the engine's key-value table.
pub async fn get_meta(tx: &Tx, key: &str) -> Result<Option<String>> {
    let row = Statement::new("SELECT value FROM engine_meta WHERE key = $1")
        .bind(key)
        .fetch_optional(tx)
        .await?;
    row.as_ref().map(|r| r.text("value")).transpose()
}

/// Stores a value unless the key exists, and returns the stored value (first
/// writer wins, so concurrent engines agree).
pub async fn get_or_insert_meta(tx: &Tx, key: &str, value: &str) -> Result<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_stored_ui_is_written_back_as_it_was_until_it_is_changed() {
        let text = r#"{"nodes": [], "action":"x"}"#.to_string();
        let mut ui = FlowUi::stored(text.clone());
        assert_eq!(ui.to_text(), text, "not parsed, not reformatted");
        let value = ui.get_mut().expect("parses");
        value["method"] = "POST".into();
        assert_eq!(
            ui.into_value().expect("parsed"),
            json!({ "nodes": [], "action": "x", "method": "POST" })
        );
    }

    #[test]
    fn a_corrupt_stored_ui_is_an_error_each_time_it_is_read() {
        let mut ui = FlowUi::stored("{not json".to_string());
        for _ in 0..2 {
            match ui.get_mut() {
                Err(StoreError::Corrupt { column, .. }) => assert_eq!(column, "ui"),
                other => panic!("expected a corrupt column, got {other:?}"),
            }
        }
        assert_eq!(ui.to_text(), "{not json", "the text is kept as it was");
    }
}
