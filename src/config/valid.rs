//! [`ValidConfig`]: a config that passed validation, typed, with what the
//! engine and the courier need besides (its directory, the DSN override).

use std::path::{Path, PathBuf};

use super::model::Config;

/// A validated config: the typed model, the directory `file://` references and
/// SQLite paths are relative to, and the DSN override (`OTPCTL_DSN`).
///
/// Only validation makes one: `ValidConfig::from_value` (in `schema::config`,
/// which owns the validation) or `schema::config::validate_into`.
#[derive(Debug, Clone)]
pub struct ValidConfig {
    model: Config,
    base_dir: PathBuf,
    dsn_override: Option<String>,
}

impl ValidConfig {
    /// Wraps a model that validation accepted.
    pub(crate) fn validated(model: Config, base_dir: PathBuf) -> ValidConfig {
        ValidConfig {
            model,
            base_dir,
            dsn_override: None,
        }
    }

    /// The same config with `dsn` in place of the config's `dsn` (when `Some`).
    pub fn with_dsn_override(mut self, dsn: Option<String>) -> ValidConfig {
        self.dsn_override = dsn;
        self
    }

    /// The same config serving its public API on `addr`: without a
    /// `serve.public.base_url` of its own, links and `ui.action` point there,
    /// as Kratos derives its base URL from the port it listens on.
    pub fn with_public_address(mut self, addr: std::net::SocketAddr) -> ValidConfig {
        if self.model.serve.public.base_url.is_none() {
            let host = if addr.ip().is_unspecified() {
                "127.0.0.1".to_string()
            } else {
                addr.ip().to_string()
            };
            let host = if addr.is_ipv6() && !addr.ip().is_unspecified() {
                format!("[{host}]")
            } else {
                host
            };
            self.model.serve.public.base_url = Some(format!("http://{host}:{}/", addr.port()));
        }
        self
    }

    /// The same config with `serve.public.base_url` set to `url` (a flag or
    /// `SERVE_PUBLIC_BASE_URL`, as Kratos reads its environment).
    pub fn with_public_base_url(mut self, url: String) -> ValidConfig {
        self.model.serve.public.base_url = Some(url);
        self
    }

    /// The typed config.
    pub fn model(&self) -> &Config {
        &self.model
    }

    /// The config's directory.
    pub fn base_dir(&self) -> &Path {
        &self.base_dir
    }

    /// The store location as written: the override, else the config's `dsn`.
    pub fn dsn(&self) -> Option<&str> {
        self.dsn_override.as_deref().or(self.model.dsn.as_deref())
    }
}
