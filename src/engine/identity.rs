//! Identities: built from validated traits, shown in Kratos' JSON shape, and
//! administered (list, get, import, delete).

use base64::Engine as _;
use serde_json::{Value, json};

use super::entities::{Credential, Identity};
use super::traits::{Address, Derived, TraitError};
use super::{Engine, EngineError};
use crate::store::{self, AddressRecord, CredentialRecord, IdentityRecord, StoreError, Tx};
use crate::time::clock::rfc3339_ms;

/// An identity ready to be inserted.
#[derive(Debug, Clone)]
pub(super) struct NewIdentity {
    pub record: IdentityRecord,
    pub credentials: Vec<CredentialRecord>,
    pub addresses: Vec<AddressRecord>,
}

/// Why an identity could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The document is not a createIdentityBody.
    #[error("{0}")]
    Shape(String),
    /// The traits do not satisfy the identity schema.
    #[error("{}", describe_trait_errors(.0))]
    Traits(Vec<TraitError>),
    /// An identifier or address belongs to another identity.
    #[error("an identity with the same identifier (email, phone, …) exists already")]
    Duplicate,
    /// The engine failed.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

fn describe_trait_errors(errors: &[TraitError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.pointer, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<StoreError> for ImportError {
    fn from(error: StoreError) -> Self {
        if store::is_unique_violation(&error) {
            ImportError::Duplicate
        } else {
            ImportError::Engine(error.into())
        }
    }
}

impl Engine {
    /// Derives addresses and credentials from traits with the identity schema
    /// `schema_id` (reference C.4).
    pub(super) fn derive_traits(
        &self,
        schema_id: &str,
        traits: &Value,
    ) -> Result<Result<Derived, Vec<TraitError>>, EngineError> {
        let schema = self.inner.schemas.get(schema_id).ok_or_else(|| {
            EngineError::Misconfigured(format!("identity schema `{schema_id}` is not configured"))
        })?;
        Ok(super::traits::derive(schema, traits))
    }

    /// The default identity schema id.
    pub(super) fn default_schema_id(&self) -> &str {
        &self.settings().default_schema_id
    }

    /// The records of a new identity; addresses in `verified` start verified.
    pub(super) fn build_identity(
        &self,
        schema_id: &str,
        derived: &Derived,
        verified: &[Address],
    ) -> NewIdentity {
        let now = self.now();
        let id = store::new_row_id();
        let addresses = derived
            .verifiable
            .iter()
            .map(|a| {
                let is_verified = verified
                    .iter()
                    .any(|v| v.via == a.via && v.value == a.value);
                AddressRecord {
                    id: store::new_row_id(),
                    identity_id: id.clone(),
                    via: a.via.as_str().to_string(),
                    value: a.value.clone(),
                    verified: is_verified,
                    status: if is_verified { "completed" } else { "pending" }.to_string(),
                    verified_at: is_verified.then_some(now),
                    created_at: now,
                    updated_at: now,
                }
            })
            .collect();
        let recovery: Vec<Value> = derived
            .recovery
            .iter()
            .map(|a| {
                json!({
                    "id": store::new_row_id(),
                    "value": a.value,
                    "via": a.via.as_str(),
                    "created_at": rfc3339_ms(now),
                    "updated_at": rfc3339_ms(now),
                })
            })
            .collect();
        let mut credentials = Vec::new();
        if !derived.code_addresses.is_empty() {
            credentials.push(CredentialRecord {
                kind: "code".to_string(),
                config: json!({
                    "addresses": derived.code_addresses.iter().map(|a| json!({
                        "channel": a.via.as_str(),
                        "address": a.value,
                    })).collect::<Vec<_>>()
                }),
                identifiers: derived
                    .code_addresses
                    .iter()
                    .map(|a| a.value.clone())
                    .collect(),
            });
        }
        NewIdentity {
            record: IdentityRecord {
                id,
                schema_id: schema_id.to_string(),
                traits: derived.traits.clone(),
                state: "active".to_string(),
                recovery_addresses: Value::Array(recovery),
                metadata_public: None,
                metadata_admin: None,
                created_at: now,
                updated_at: now,
            },
            credentials,
            addresses,
        }
    }

    /// Inserts a new identity.
    pub(super) async fn insert_identity(
        &self,
        tx: &Tx,
        identity: &NewIdentity,
    ) -> Result<(), StoreError> {
        store::insert_identity(
            tx,
            &identity.record,
            &identity.credentials,
            &identity.addresses,
        )
        .await
    }

    /// An identity without credentials (what templates see as `.Identity` and
    /// what self-service responses carry).
    pub(super) fn identity_of(
        &self,
        identity: &IdentityRecord,
        addresses: &[AddressRecord],
    ) -> Identity {
        let schema_url = self.public_url(format_args!(
            "schemas/{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&identity.schema_id)
        ));
        Identity::new(identity, addresses, schema_url)
    }

    /// An identity with its addresses loaded.
    pub(super) async fn load_identity(
        &self,
        tx: &Tx,
        identity: &IdentityRecord,
    ) -> Result<Identity, EngineError> {
        let addresses = store::addresses_of(tx, &identity.id).await?;
        Ok(self.identity_of(identity, &addresses))
    }

    /// An identity as the admin API shows it: with its credentials' types and
    /// identifiers.
    pub async fn get_identity(&self, id: &str) -> Result<Identity, EngineError> {
        let id = id.to_string();
        self.in_tx(move |engine, tx| {
            let id = id.clone();
            async move {
                let identity =
                    store::get_identity(&tx, &id)
                        .await?
                        .ok_or_else(|| EngineError::NotFound {
                            kind: "identity",
                            id: id.clone(),
                        })?;
                engine.admin_identity(&tx, &identity).await
            }
        })
        .await
    }

    async fn admin_identity(
        &self,
        tx: &Tx,
        identity: &IdentityRecord,
    ) -> Result<Identity, EngineError> {
        let mut out = self.load_identity(tx, identity).await?;
        let credentials = store::credentials_of(tx, &identity.id)
            .await?
            .into_iter()
            .map(|credential| {
                let shown = Credential {
                    kind: credential.kind.clone(),
                    identifiers: credential.identifiers,
                    version: 1,
                    created_at: identity.created_at,
                    updated_at: identity.updated_at,
                };
                (credential.kind, shown)
            })
            .collect();
        out.credentials = Some(credentials);
        out.metadata_admin = identity.metadata_admin.clone();
        Ok(out)
    }

    /// The identity with a code credential for `identifier` (the admin API's
    /// `credentials_identifier` filter), matched as a login matches it.
    pub async fn identity_by_identifier(
        &self,
        identifier: &str,
    ) -> Result<Option<Identity>, EngineError> {
        let identifier = identifier.to_string();
        self.in_tx(move |engine, tx| {
            let identifier = identifier.clone();
            async move {
                match engine.find_code_account(&tx, &identifier).await? {
                    Some(account) => Ok(Some(engine.admin_identity(&tx, &account.identity).await?)),
                    None => Ok(None),
                }
            }
        })
        .await
    }

    /// Identities, oldest first: `limit` of them after skipping `offset`.
    pub async fn list_identities(
        &self,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Identity>, EngineError> {
        self.in_tx(move |engine, tx| async move {
            let records = store::list_identities(&tx, limit, offset).await?;
            let mut out = Vec::with_capacity(records.len());
            for record in &records {
                out.push(engine.admin_identity(&tx, record).await?);
            }
            Ok(out)
        })
        .await
    }

    /// Deletes an identity with its credentials, addresses and sessions.
    pub async fn delete_identity(&self, id: &str) -> Result<(), EngineError> {
        let id = id.to_string();
        self.in_tx(move |_, tx| {
            let id = id.clone();
            async move {
                if store::delete_identity(&tx, &id).await? {
                    Ok(())
                } else {
                    Err(EngineError::NotFound {
                        kind: "identity",
                        id,
                    })
                }
            }
        })
        .await
    }

    /// Imports one identity from a Kratos `createIdentityBody`: `schema_id`
    /// (default schema if absent), `traits`, optional `state`,
    /// `metadata_public`, `metadata_admin`, and `verifiable_addresses` whose `verified: true`
    /// entries are kept verified. Credentials other than code are not imported.
    pub async fn import_identity(&self, body: &Value) -> Result<Identity, ImportError> {
        let identity = self.identity_from_body(body, false)?;
        let engine = self.clone();
        self.store()
            .run(move |tx| {
                let (engine, identity) = (engine.clone(), identity.clone());
                async move {
                    engine.insert_identity(&tx, &identity).await?;
                    Ok(engine.admin_identity(&tx, &identity.record).await?)
                }
            })
            .await
    }

    /// Replaces an identity from a Kratos `updateIdentityBody` (`schema_id`,
    /// `traits` and `state` required, `metadata_public`, `metadata_admin`): its credentials and
    /// addresses are derived again; an address it keeps keeps its id and
    /// verification (`PUT /admin/identities/{id}`).
    pub async fn update_identity(&self, id: &str, body: &Value) -> Result<Identity, ImportError> {
        let identity = self.identity_from_body(body, true)?;
        let id = id.to_string();
        let engine = self.clone();
        self.store()
            .run(move |tx| {
                let (engine, id) = (engine.clone(), id.clone());
                let mut identity = identity.clone();
                async move {
                    let old = store::get_identity(&tx, &id).await?.ok_or_else(|| {
                        ImportError::Engine(EngineError::NotFound {
                            kind: "identity",
                            id: id.clone(),
                        })
                    })?;
                    let kept = store::addresses_of(&tx, &id).await?;
                    adopt(&mut identity, &old, &kept);
                    store::replace_identity(
                        &tx,
                        &identity.record,
                        &identity.credentials,
                        &identity.addresses,
                    )
                    .await?;
                    Ok(engine.admin_identity(&tx, &identity.record).await?)
                }
            })
            .await
    }

    /// Applies an RFC 6902 JSON Patch to an identity as the admin API shows
    /// it, then replaces it with the result (`PATCH /admin/identities/{id}`).
    /// The id and the credentials cannot be patched.
    pub async fn patch_identity(&self, id: &str, patch: &Value) -> Result<Identity, ImportError> {
        let current = self.get_identity(id).await?;
        let mut document = serde_json::to_value(&current)
            .map_err(|e| ImportError::Shape(format!("the identity could not be shown: {e}")))?;
        let operations: json_patch::Patch = serde_json::from_value(patch.clone())
            .map_err(|e| ImportError::Shape(format!("not a JSON Patch document: {e}")))?;
        json_patch::patch(&mut document, &operations)
            .map_err(|e| ImportError::Shape(format!("the patch does not apply: {e}")))?;
        if document.get("id") != Some(&Value::String(current.id.clone())) {
            return Err(ImportError::Shape("`id` cannot be changed".into()));
        }
        self.update_identity(id, &document).await
    }

    /// The records of an identity from a create or update body; `update`
    /// makes `schema_id` and `state` required, as `updateIdentityBody` does.
    fn identity_from_body(&self, body: &Value, update: bool) -> Result<NewIdentity, ImportError> {
        let object = body
            .as_object()
            .ok_or_else(|| ImportError::Shape("an identity must be a JSON object".into()))?;
        let required = |key: &str| ImportError::Shape(format!("`{key}` is required"));
        let schema_id = match object.get("schema_id") {
            None if update => return Err(required("schema_id")),
            None => self.default_schema_id().to_string(),
            Some(Value::String(id)) => id.clone(),
            Some(_) => return Err(ImportError::Shape("`schema_id` must be a string".into())),
        };
        let traits = object.get("traits").ok_or_else(|| required("traits"))?;
        let derived = self
            .derive_traits(&schema_id, traits)?
            .map_err(ImportError::Traits)?;
        let verified = imported_verified_addresses(object.get("verifiable_addresses"));
        let mut identity = self.build_identity(&schema_id, &derived, &verified);
        match object.get("state").map(|s| s.as_str()) {
            None if update => return Err(required("state")),
            None => {}
            Some(Some(state @ ("active" | "inactive"))) => {
                identity.record.state = state.to_string()
            }
            Some(other) => {
                return Err(ImportError::Shape(format!(
                    "`state` must be active or inactive, not {}",
                    other.map_or_else(|| "a non-string".to_string(), |s| format!("{s:?}"))
                )));
            }
        }
        let metadata = |key: &str| object.get(key).filter(|v| !v.is_null()).cloned();
        identity.record.metadata_public = metadata("metadata_public");
        identity.record.metadata_admin = metadata("metadata_admin");
        Ok(identity)
    }
}

/// An updated identity takes the old one's id and creation time, and each
/// address it keeps (same channel and value) keeps its id and verification.
fn adopt(identity: &mut NewIdentity, old: &IdentityRecord, kept: &[AddressRecord]) {
    identity.record.id = old.id.clone();
    identity.record.created_at = old.created_at;
    for address in &mut identity.addresses {
        address.identity_id = old.id.clone();
        if let Some(before) = kept
            .iter()
            .find(|k| k.via == address.via && k.value == address.value)
        {
            address.id = before.id.clone();
            address.verified = before.verified;
            address.status = before.status.clone();
            address.verified_at = before.verified_at;
            address.created_at = before.created_at;
        }
    }
}

/// The `verified: true` entries of an imported `verifiable_addresses` list,
/// normalised like derived addresses so they match.
fn imported_verified_addresses(list: Option<&Value>) -> Vec<Address> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|a| a.get("verified").and_then(Value::as_bool) == Some(true))
        .filter_map(|a| {
            let via = super::identifier::Via::parse(a.get("via")?.as_str()?);
            let value = a.get("value")?.as_str()?;
            let value =
                super::identifier::normalize(value, via).unwrap_or_else(|_| value.to_string());
            Some(Address { via, value })
        })
        .collect()
}
