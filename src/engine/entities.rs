//! Identities and sessions as Kratos returns them (its `identity`,
//! `verifiableIdentityAddress` and `session` models), typed; timestamps are
//! kept as milliseconds and written as RFC 3339 only when serialised.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::store::{AddressRecord, IdentityRecord, SessionRecord};
use crate::time::format::serialize_millis as rfc3339;

fn rfc3339_opt<S: Serializer>(ms: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
    match ms {
        Some(ms) => rfc3339(ms, serializer),
        None => serializer.serialize_none(),
    }
}

/// An identity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identity {
    /// UUID.
    pub id: String,
    /// Its identity schema.
    pub schema_id: String,
    /// Where the schema is served.
    pub schema_url: String,
    /// `active` or `inactive`.
    pub state: String,
    /// Free-form, as the schema allows.
    pub traits: Value,
    /// The addresses that can be verified.
    pub verifiable_addresses: Vec<VerifiableAddress>,
    /// Recovery addresses (none are made by the code method).
    pub recovery_addresses: Value,
    /// Public metadata, or null.
    pub metadata_public: Option<Value>,
    /// Admin metadata: with the admin API only (as credentials), omitted
    /// when empty, as Kratos' `omitempty`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata_admin: Option<Value>,
    /// Created.
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
    /// Last changed.
    #[serde(serialize_with = "rfc3339")]
    pub updated_at: i64,
    /// Always null: organizations are an Ory Network notion.
    pub organization_id: Option<String>,
    /// With the admin API only: each credential's type and identifiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<BTreeMap<String, Credential>>,
}

/// A verifiable address.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerifiableAddress {
    /// UUID.
    pub id: String,
    /// The address.
    pub value: String,
    /// Whether it was verified.
    pub verified: bool,
    /// `email` or `sms`.
    pub via: String,
    /// `pending`, `sent` or `completed`.
    pub status: String,
    /// When it was verified.
    #[serde(
        serialize_with = "rfc3339_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub verified_at: Option<i64>,
    /// Created.
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
    /// Last changed.
    #[serde(serialize_with = "rfc3339")]
    pub updated_at: i64,
}

impl From<&AddressRecord> for VerifiableAddress {
    fn from(address: &AddressRecord) -> VerifiableAddress {
        VerifiableAddress {
            id: address.id.clone(),
            value: address.value.clone(),
            verified: address.verified,
            via: address.via.clone(),
            status: address.status.clone(),
            verified_at: address.verified_at,
            created_at: address.created_at,
            updated_at: address.updated_at,
        }
    }
}

/// A credential as the admin API lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Credential {
    /// `code`, `password`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// What it is found by.
    pub identifiers: Vec<String>,
    /// Kratos' credential config version.
    pub version: u32,
    /// Created.
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
    /// Last changed.
    #[serde(serialize_with = "rfc3339")]
    pub updated_at: i64,
}

impl Identity {
    /// The identity of a record with its addresses, shown at `schema_url`.
    pub(crate) fn new(
        record: &IdentityRecord,
        addresses: &[AddressRecord],
        schema_url: String,
    ) -> Identity {
        Identity {
            id: record.id.clone(),
            schema_id: record.schema_id.clone(),
            schema_url,
            state: record.state.clone(),
            traits: record.traits.clone(),
            verifiable_addresses: addresses.iter().map(VerifiableAddress::from).collect(),
            recovery_addresses: record.recovery_addresses.clone(),
            metadata_public: record.metadata_public.clone(),
            metadata_admin: None,
            created_at: record.created_at,
            updated_at: record.updated_at,
            organization_id: None,
            credentials: None,
        }
    }
}

/// A session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    /// UUID.
    pub id: String,
    /// Active and not expired when it was read.
    pub active: bool,
    /// When it ends.
    #[serde(serialize_with = "rfc3339")]
    pub expires_at: i64,
    /// When its identity authenticated.
    #[serde(serialize_with = "rfc3339")]
    pub authenticated_at: i64,
    /// When it was issued.
    #[serde(serialize_with = "rfc3339")]
    pub issued_at: i64,
    /// `aal1` or `aal2`.
    pub authenticator_assurance_level: String,
    /// How it was authenticated.
    pub authentication_methods: Value,
    /// Whose it is.
    pub identity: Identity,
    /// Devices (none recorded locally).
    pub devices: Vec<Value>,
}

impl Session {
    /// A session record with its identity, as of `now` (milliseconds); the
    /// token stays out of it.
    pub(crate) fn new(record: SessionRecord, identity: Identity, now: i64) -> Session {
        Session {
            id: record.id,
            active: record.active && record.expires_at > now,
            expires_at: record.expires_at,
            authenticated_at: record.authenticated_at,
            issued_at: record.issued_at,
            authenticator_assurance_level: record.aal,
            authentication_methods: record.authentication_methods,
            identity,
            devices: Vec::new(),
        }
    }
}

/// A self-service error (Kratos' `flowError`): what a browser was sent to the
/// error page with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowError {
    /// UUID, the page's `?id=`.
    pub id: String,
    /// herodot's error object.
    pub error: Value,
    /// Milliseconds since the epoch.
    #[serde(serialize_with = "rfc3339")]
    pub created_at: i64,
    /// Milliseconds since the epoch.
    #[serde(serialize_with = "rfc3339")]
    pub updated_at: i64,
}
