//! What every route shares: the engine and the parts of the config the HTTP
//! layer reads itself.

use std::sync::Arc;

use axum::http::HeaderMap;

use super::request;
use super::response::Failure;
use crate::config::ValidConfig;
use crate::engine::{Engine, EngineError, FlowKind, Session};
use crate::protocol::error;

/// Shared by the routes of both listeners; cheap to clone.
#[derive(Debug, Clone)]
pub(super) struct AppState {
    /// Runs the flows.
    pub engine: Engine,
    /// The config the engine was opened with.
    pub config: Arc<ValidConfig>,
    /// The largest request body read, in bytes.
    pub body_limit: usize,
    /// The CSRF cookie's name (from the public URL, as Kratos names it).
    pub csrf_cookie: String,
    /// Whether cookies are `Secure` (all but plain HTTP on loopback and `--dev`).
    pub secure_cookies: bool,
}

impl AppState {
    /// `serve.public.base_url` joined with `path` (no leading slash).
    pub(super) fn public_url(&self, path: &str) -> String {
        self.engine.public_url(format_args!("{path}"))
    }

    /// The active session of a request's token (`X-Session-Token`, bearer or
    /// the session cookie), if it has one.
    pub(super) async fn session(
        &self,
        headers: &HeaderMap,
    ) -> Result<Option<Session>, EngineError> {
        match request::session_token(headers) {
            Some(token) => self.engine.whoami(&token).await,
            None => Ok(None),
        }
    }

    /// The request's session, else Kratos' 401 `session_inactive`.
    pub(super) async fn require_session(&self, headers: &HeaderMap) -> Result<Session, Failure> {
        self.session(headers)
            .await?
            .ok_or_else(|| error::session_inactive().into())
    }

    /// Whether a request to start a `kind` flow comes from a logged-in client,
    /// which Kratos refuses for login (unless `refresh=true`) and registration.
    pub(super) async fn logged_in_for(
        &self,
        kind: FlowKind,
        headers: &HeaderMap,
        refresh: Option<&str>,
    ) -> Result<bool, EngineError> {
        let refreshing = kind == FlowKind::Login && refresh == Some("true");
        if kind == FlowKind::Verification || refreshing {
            return Ok(false);
        }
        Ok(self.session(headers).await?.is_some())
    }

    /// The public URL of a request, as Kratos records a flow's `request_url`.
    pub(super) fn public_url_of(&self, uri: &axum::http::Uri) -> String {
        let path = uri
            .path_and_query()
            .map_or("", |p| p.as_str())
            .trim_start_matches('/');
        self.public_url(path)
    }
}
