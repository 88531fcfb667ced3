//! Identities with their credentials and verifiable addresses: the records
//! and the statements that read and write them.
//! Every function takes the step's [`Tx`]; writes whose result nobody needs
//! are deferred (see [`Tx::defer`]).

use serde_json::Value;

use super::row::{Row, json};
use super::{Statement, StoreError, Tx, json_column};

type Result<T> = std::result::Result<T, StoreError>;

/// An identity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IdentityRecord {
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
    /// Admin metadata, if any.
    pub metadata_admin: Option<Value>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// A verifiable address of an identity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AddressRecord {
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
pub(crate) struct CredentialRecord {
    /// `code`, `password`, …
    pub kind: String,
    /// The credential's config (for `code`: `{"addresses": [{channel, address}]}`).
    pub config: Value,
    /// The identifiers it can be found by.
    pub identifiers: Vec<String>,
}

/// Inserts an identity with its credentials and addresses, all or nothing. A
/// credential identifier or address that already exists fails with a unique
/// violation, and the transaction goes on without any of them.
pub(crate) async fn insert_identity(
    tx: &Tx,
    identity: &IdentityRecord,
    credentials: &[CredentialRecord],
    addresses: &[AddressRecord],
) -> Result<()> {
    let insert = Statement::new(
        "INSERT INTO identities (id, schema_id, traits, state, recovery_addresses, metadata_public, \
         metadata_admin, updated_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    );
    let mut statements = vec![bind_identity(insert, identity).bind(identity.created_at)];
    statements.extend(derived_rows(&identity.id, credentials, addresses));
    tx.run_all(statements).await?;
    Ok(())
}

/// Binds an identity's columns as `$1`–`$8`, in the order its INSERT and
/// UPDATE name them: id, schema, traits, state, recovery addresses, public
/// and admin metadata, `updated_at`.
fn bind_identity(statement: Statement, identity: &IdentityRecord) -> Statement {
    statement
        .bind(&identity.id)
        .bind(&identity.schema_id)
        .bind(identity.traits.to_string())
        .bind(&identity.state)
        .bind(identity.recovery_addresses.to_string())
        .bind(identity.metadata_public.as_ref().map(Value::to_string))
        .bind(identity.metadata_admin.as_ref().map(Value::to_string))
        .bind(identity.updated_at)
}

/// Replaces an identity's schema, traits, state and metadata and everything
/// derived from its traits (credentials, their identifiers, addresses), all
/// or nothing; an identifier another identity has fails with a unique
/// violation. False if there is no such identity.
pub(crate) async fn replace_identity(
    tx: &Tx,
    identity: &IdentityRecord,
    credentials: &[CredentialRecord],
    addresses: &[AddressRecord],
) -> Result<bool> {
    let update = Statement::new(
        "UPDATE identities SET schema_id = $2, traits = $3, state = $4, recovery_addresses = $5, \
         metadata_public = $6, metadata_admin = $7, updated_at = $8 WHERE id = $1",
    );
    let changed = bind_identity(update, identity).execute(tx).await?;
    if changed == 0 {
        return Ok(false);
    }
    let mut statements: Vec<Statement> = [
        "DELETE FROM identity_credential_identifiers WHERE identity_id = $1",
        "DELETE FROM identity_credentials WHERE identity_id = $1",
        "DELETE FROM identity_verifiable_addresses WHERE identity_id = $1",
    ]
    .into_iter()
    .map(|sql| Statement::new(sql).bind(&identity.id))
    .collect();
    statements.extend(derived_rows(&identity.id, credentials, addresses));
    tx.run_all(statements).await?;
    Ok(true)
}

/// The rows an identity's traits derive: credentials, their identifiers,
/// verifiable addresses.
fn derived_rows(
    identity_id: &str,
    credentials: &[CredentialRecord],
    addresses: &[AddressRecord],
) -> Vec<Statement> {
    let mut statements = Vec::new();
    for credential in credentials {
        statements.push(
            Statement::new(
                "INSERT INTO identity_credentials (identity_id, type, config) VALUES ($1, $2, $3)",
            )
            .bind(identity_id)
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
                .bind(identity_id),
            );
        }
    }
    statements.extend(addresses.iter().map(insert_address));
    statements
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

const IDENTITY_COLUMNS: &str = "i.id, i.schema_id, i.traits, i.state, i.recovery_addresses, i.metadata_public, i.metadata_admin, i.created_at, i.updated_at";

fn identity_from(mut row: Row) -> Result<IdentityRecord> {
    identity_columns(&mut row)
}

/// The identity columns of a row (other columns, as joined addresses, stay).
fn identity_columns(row: &mut Row) -> Result<IdentityRecord> {
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
        metadata_admin: row
            .opt_text("metadata_admin")?
            .map(|t| json_column("identities.metadata_admin", &t))
            .transpose()?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// An identity by id.
pub(crate) async fn get_identity(tx: &Tx, id: &str) -> Result<Option<IdentityRecord>> {
    let sql = format!("SELECT {IDENTITY_COLUMNS} FROM identities i WHERE i.id = $1");
    let row = Statement::built(sql).bind(id).fetch_optional(tx).await?;
    row.map(identity_from).transpose()
}

/// Identities, oldest first.
pub(crate) async fn list_identities(
    tx: &Tx,
    limit: i64,
    offset: i64,
) -> Result<Vec<IdentityRecord>> {
    let sql = format!(
        "SELECT {IDENTITY_COLUMNS} FROM identities i ORDER BY i.created_at, i.id LIMIT $1 OFFSET $2"
    );
    let rows = Statement::built(sql)
        .bind(limit)
        .bind(offset)
        .fetch_all(tx)
        .await?;
    rows.into_iter().map(identity_from).collect()
}

/// Deletes an identity and everything hanging off it; false if there was none.
pub(crate) async fn delete_identity(tx: &Tx, id: &str) -> Result<bool> {
    let deleted = Statement::new("DELETE FROM identities WHERE id = $1")
        .bind(id)
        .execute(tx)
        .await?;
    Ok(deleted > 0)
}

/// An identity with one of its credentials and its verifiable addresses.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Account {
    /// The identity.
    pub identity: IdentityRecord,
    /// The credential it was found by (without its identifier list).
    pub credential: CredentialRecord,
    /// Its verifiable addresses, in creation order.
    pub addresses: Vec<AddressRecord>,
}

/// The account found by any of `identifiers` for a credential type (the
/// submitted value and its normalised form): one query, the addresses joined in.
pub(crate) async fn find_by_identifier(
    tx: &Tx,
    kind: &'static str,
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
    let mut rows = Statement::built(sql)
        .bind_const(kind)
        .bind(first)
        .bind(second)
        .fetch_all(tx)
        .await?;
    let Some(first_row) = rows.first_mut() else {
        return Ok(None);
    };
    let credential = CredentialRecord {
        kind: kind.to_string(),
        config: json(first_row, "credential_config")?,
        identifiers: Vec::new(),
    };
    let identity = identity_columns(first_row)?;
    let mut addresses = Vec::new();
    for row in &mut rows {
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
pub(crate) async fn credentials_of(tx: &Tx, identity_id: &str) -> Result<Vec<CredentialRecord>> {
    let rows = Statement::new(
        "SELECT type, config FROM identity_credentials WHERE identity_id = $1 ORDER BY type",
    )
    .bind(identity_id)
    .fetch_all(tx)
    .await?;
    let mut credentials = Vec::with_capacity(rows.len());
    for mut row in rows {
        let kind = row.text("type")?;
        let identifiers = Statement::new(
            "SELECT identifier FROM identity_credential_identifiers \
             WHERE identity_id = $1 AND type = $2 ORDER BY identifier",
        )
        .bind(identity_id)
        .bind(&kind)
        .fetch_all(tx)
        .await?
        .into_iter()
        .map(|mut r| r.text("identifier"))
        .collect::<Result<Vec<_>>>()?;
        credentials.push(CredentialRecord {
            kind,
            config: json(&row, "config")?,
            identifiers,
        });
    }
    Ok(credentials)
}

const ADDRESS_COLUMNS: &str =
    "id, identity_id, via, value, verified, status, verified_at, created_at, updated_at";

fn address_from(mut row: Row) -> Result<AddressRecord> {
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
pub(crate) async fn addresses_of(tx: &Tx, identity_id: &str) -> Result<Vec<AddressRecord>> {
    let sql = format!(
        "SELECT {ADDRESS_COLUMNS} FROM identity_verifiable_addresses \
         WHERE identity_id = $1 ORDER BY created_at, value"
    );
    let rows = Statement::built(sql)
        .bind(identity_id)
        .fetch_all(tx)
        .await?;
    rows.into_iter().map(address_from).collect()
}

/// The verifiable address with one of `values` for `via`.
pub(crate) async fn find_address(
    tx: &Tx,
    via: &str,
    values: &[&str],
) -> Result<Option<AddressRecord>> {
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
    row.map(address_from).transpose()
}

/// Marks an address verified (status `completed`); the verification time is kept
/// if it already was.
pub(crate) fn mark_address_verified(tx: &Tx, identity_id: &str, via: &str, value: &str, now: i64) {
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
pub(crate) fn set_address_status(tx: &Tx, address_id: &str, status: &str, now: i64) {
    Statement::new(
        "UPDATE identity_verifiable_addresses SET status = $1, updated_at = $2 \
         WHERE id = $3 AND verified = 0",
    )
    .bind(status)
    .bind(now)
    .bind(address_id)
    .defer(tx);
}
