//! Sessions: issued after a code login (or registration with the `session`
//! hook), looked up by token.

use serde_json::json;

use super::entities::Session;
use super::flows::duration_ms;
use super::{Engine, EngineError, code};
use crate::store::{self, IdentityRecord, SessionRecord, Tx};
use crate::time::clock::rfc3339_ms;

/// Session token prefix, as Kratos.
const SESSION_TOKEN_PREFIX: &str = "ory_st_";

/// Logout token prefix, as Kratos.
const LOGOUT_TOKEN_PREFIX: &str = "ory_lo_";

impl Engine {
    /// Creates a session for an identity that just completed the code method.
    pub(super) async fn create_session(
        &self,
        tx: &Tx,
        identity: &IdentityRecord,
    ) -> Result<SessionRecord, EngineError> {
        let now = self.now();
        let aal = if self.settings().code.mfa_enabled {
            "aal2"
        } else {
            "aal1"
        };
        let session = SessionRecord {
            id: store::new_row_id(),
            token: code::token(SESSION_TOKEN_PREFIX)?,
            identity_id: identity.id.clone(),
            aal: aal.to_string(),
            authentication_methods: json!([{
                "method": "code",
                "aal": aal,
                "completed_at": rfc3339_ms(now),
            }]),
            active: true,
            issued_at: now,
            authenticated_at: now,
            expires_at: now.saturating_add(duration_ms(self.settings().session.lifespan)),
        };
        store::insert_session(tx, &session);
        Ok(session)
    }

    /// The token that logs a browser session out (`logout_url`'s `token`).
    /// Kratos stores a random one on the session; this one is derived from the
    /// session id with the code-signing key, so it is as unguessable, never
    /// stored, and ends with the session.
    pub fn logout_token(&self, session: &Session) -> String {
        let digest = code::hash(&format!("logout\0{}", session.id), self.signing_secret());
        format!("{LOGOUT_TOKEN_PREFIX}{}", &digest[..32])
    }

    /// The active session of a token (`/sessions/whoami`), or None.
    pub async fn whoami(&self, token: &str) -> Result<Option<Session>, EngineError> {
        let token = token.to_string();
        self.in_tx(move |engine, tx| {
            let token = token.clone();
            async move { engine.whoami_step(&tx, &token).await }
        })
        .await
    }

    async fn whoami_step(&self, tx: &Tx, token: &str) -> Result<Option<Session>, EngineError> {
        let Some(session) = store::session_by_token(tx, token).await? else {
            return Ok(None);
        };
        if !session.active || session.expires_at <= self.now() {
            return Ok(None);
        }
        let Some(identity) = store::get_identity(tx, &session.identity_id).await? else {
            return Ok(None);
        };
        if identity.state != "active" {
            return Ok(None);
        }
        let identity = self.load_identity(tx, &identity).await?;
        Ok(Some(Session::new(session, identity, self.now())))
    }
}

impl Engine {
    /// Ends the session of `token` (`DELETE /self-service/logout/api`); false
    /// if no session has that token.
    pub async fn logout(&self, token: &str) -> Result<bool, EngineError> {
        let token = token.to_string();
        self.in_tx(move |_, tx| {
            let token = token.clone();
            async move { Ok(store::revoke_session_by_token(&tx, &token).await?) }
        })
        .await
    }

    /// The sessions of an identity, newest first, with the identity
    /// (`GET /admin/identities/{id}/sessions`).
    pub async fn sessions_of_identity(
        &self,
        identity_id: &str,
    ) -> Result<Vec<Session>, EngineError> {
        let identity_id = identity_id.to_string();
        self.in_tx(move |engine, tx| {
            let identity_id = identity_id.clone();
            async move {
                let record = store::get_identity(&tx, &identity_id)
                    .await?
                    .ok_or_else(|| EngineError::NotFound {
                        kind: "identity",
                        id: identity_id.clone(),
                    })?;
                let mut identity = engine.load_identity(&tx, &record).await?;
                // An admin answer: Kratos' `AdminSession` shows the admin metadata.
                identity.metadata_admin = record.metadata_admin.clone();
                let now = engine.now();
                let sessions = store::sessions_of(&tx, &identity_id).await?;
                Ok(sessions
                    .into_iter()
                    .map(|session| Session::new(session, identity.clone(), now))
                    .collect())
            }
        })
        .await
    }

    /// Ends every session of an identity (`DELETE /admin/identities/{id}/sessions`).
    pub async fn revoke_sessions_of_identity(&self, identity_id: &str) -> Result<u64, EngineError> {
        let identity_id = identity_id.to_string();
        self.in_tx(move |_, tx| {
            let identity_id = identity_id.clone();
            async move {
                if store::get_identity(&tx, &identity_id).await?.is_none() {
                    return Err(EngineError::NotFound {
                        kind: "identity",
                        id: identity_id,
                    });
                }
                Ok(store::revoke_sessions_of(&tx, &identity_id).await?)
            }
        })
        .await
    }

    /// Ends one session (`DELETE /admin/sessions/{id}`).
    pub async fn revoke_session(&self, session_id: &str) -> Result<(), EngineError> {
        let session_id = session_id.to_string();
        self.in_tx(move |_, tx| {
            let session_id = session_id.clone();
            async move {
                if store::revoke_session(&tx, &session_id).await? {
                    Ok(())
                } else {
                    Err(EngineError::NotFound {
                        kind: "session",
                        id: session_id,
                    })
                }
            }
        })
        .await
    }
}
