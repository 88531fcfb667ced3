//! What every route shares: the engine and the parts of the config the HTTP
//! layer reads itself.

use std::sync::Arc;

use crate::config::ValidConfig;
use crate::engine::Engine;

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
        let base = self.engine.settings().public_base_url.trim_end_matches('/');
        format!("{base}/{path}")
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
