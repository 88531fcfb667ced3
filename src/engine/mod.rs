//! The local engine: Kratos' one-time-code flows (registration, login,
//! verification) over a store, with messages handed to the courier queue.
//! No clap and no HTTP types here: the CLI and the API both drive [`Engine`].

pub mod code;
mod codes;
pub mod entities;
mod errors;
mod flows;
pub mod identifier;
mod identity;
mod json;
mod login;
mod messages;
pub mod model;
pub mod oidc;
mod registration;
mod session;
pub mod settings;
pub mod texts;
pub mod traits;
pub mod ui;
mod verification;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use entities::{Credential, FlowError, Identity, Session, VerifiableAddress};
pub use identity::ImportError;
pub use login::{LoginSubmission, LoginSuccess};
pub use model::{
    ContinueWith, Flow, FlowKind, FlowRequest, FlowState, FlowType, Outcome, VerificationContinue,
};
pub use registration::{RegistrationSubmission, RegistrationSuccess};
pub use verification::VerificationSubmission;

use crate::config::ValidConfig;
use crate::courier::template::{TemplateError, Templates};
use crate::courier::worker::{Courier, CourierError, WorkerSettings};
use crate::schema::identity::{IdentitySchemas, SchemaLoadError};
use crate::store::{self, Dsn, DsnError, Store};

pub use crate::store::StoreError;
use crate::time::clock::{Clock, SystemClock};
use settings::Settings;

/// Why the engine failed. Flow-level problems a user can fix (a wrong code, a
/// missing field) are not errors: they come back as [`Outcome::Flow`] with UI
/// messages, as in Kratos.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The `dsn` is unusable.
    #[error(transparent)]
    Dsn(#[from] DsnError),
    /// An identity schema could not be loaded.
    #[error(transparent)]
    Schema(#[from] SchemaLoadError),
    /// A template could not be loaded or rendered.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// No flow, identity, session or message with that id.
    #[error("{kind} `{id}` not found")]
    NotFound {
        /// What was looked for.
        kind: &'static str,
        /// The id given.
        id: String,
    },
    /// The flow exists but is of another kind (a login id given to `verify`).
    #[error("flow `{id}` is a {actual} flow, not a {expected} flow")]
    WrongFlowKind {
        /// The id given.
        id: String,
        /// The kind asked for.
        expected: &'static str,
        /// The kind it is.
        actual: String,
    },
    /// The config turns the flow off (Kratos answers 400 with this reason).
    #[error("{0}")]
    Disabled(String),
    /// The config cannot work for this request (Kratos answers 500).
    #[error("misconfiguration: {0}")]
    Misconfigured(String),
    /// The OS random source failed.
    #[error(transparent)]
    Random(#[from] code::RandomError),
}

impl From<sqlx::Error> for EngineError {
    fn from(error: sqlx::Error) -> Self {
        EngineError::Store(StoreError::Database(error))
    }
}

/// The engine: cheap to clone, shareable between tasks.
#[derive(Debug, Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    settings: Settings,
    schemas: IdentitySchemas,
    templates: Arc<Templates>,
    secrets: Vec<Vec<u8>>,
    sms_channel: bool,
    clock: Arc<dyn Clock>,
}

/// The engine_meta key of the code secret generated when the config has none.
const GENERATED_SECRET_KEY: &str = "generated_code_secret";

impl Engine {
    /// Opens the store (running migrations) and loads everything the flows need.
    pub async fn open(config: &ValidConfig) -> Result<Engine, EngineError> {
        Engine::open_with_clock(config, Arc::new(SystemClock)).await
    }

    /// As [`Engine::open`], with a clock of the caller's (tests move it).
    pub async fn open_with_clock(
        config: &ValidConfig,
        clock: Arc<dyn Clock>,
    ) -> Result<Engine, EngineError> {
        let model = config.model();
        let settings = Settings::from_model(model);
        let schemas = IdentitySchemas::from_refs(&model.identity.schemas, config.base_dir())?;
        let templates = Arc::new(Templates::from_config(&model.courier, config.base_dir())?);
        let store = Store::open(&Dsn::resolve(config.dsn(), config.base_dir())?).await?;
        let secrets = code_secrets(&settings, &store).await?;
        Ok(Engine {
            inner: Arc::new(Inner {
                sms_channel: model.courier.sms_channel().is_some(),
                store,
                settings,
                schemas,
                templates,
                secrets,
                clock,
            }),
        })
    }

    /// The store: the engine's alone (the courier reaches it through [`Engine::courier`]).
    pub(crate) fn store(&self) -> &Store {
        &self.inner.store
    }

    /// How many SQLite batches (shared transactions) have started; None on
    /// PostgreSQL. For benchmarks.
    pub fn store_batches(&self) -> Option<u64> {
        self.store().batches()
    }

    /// A courier over the engine's store, templates and clock, sending with the
    /// delivery settings of `config` (the config the engine was opened with).
    pub fn courier(
        &self,
        config: &ValidConfig,
        settings: WorkerSettings,
    ) -> Result<Courier, CourierError> {
        Courier::new(
            config,
            self.store().clone(),
            Arc::clone(self.templates()),
            settings,
            Arc::clone(self.clock()),
        )
    }

    /// The settings read from the config.
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// The templates, parsed once; the courier shares them for HTML bodies.
    pub fn templates(&self) -> &Arc<Templates> {
        &self.inner.templates
    }

    /// Whether the store answers (`/health/ready`).
    pub async fn ping(&self) -> Result<(), EngineError> {
        self.store()
            .run(|tx| async move { store::ping(&tx).await })
            .await?;
        Ok(())
    }

    /// The config's identity schemas, by id.
    pub fn identity_schemas(&self) -> &IdentitySchemas {
        &self.inner.schemas
    }

    /// The clock.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    /// Runs `step` as one transaction of the store (see [`Store::run`]: it may
    /// run more than once, and must not start another).
    async fn in_tx<T, F, Fut>(&self, step: F) -> Result<T, EngineError>
    where
        F: Fn(Engine, store::Tx) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<T, EngineError>> + Send + 'static,
        T: Send + 'static,
    {
        let engine = self.clone();
        self.store().run(move |tx| step(engine.clone(), tx)).await
    }

    fn now(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// `<public base URL>/<path>`: `path` is written straight after the base
    /// URL's slash, into one string (a flow makes several of these).
    pub fn public_url(&self, path: std::fmt::Arguments<'_>) -> String {
        use std::fmt::Write as _;
        let base = self.inner.settings.public_base_url.trim_end_matches('/');
        let mut url = String::with_capacity(base.len() + 64);
        url.push_str(base);
        url.push('/');
        // Writing to a String cannot fail.
        let _ = url.write_fmt(path);
        url
    }
}

/// The HMAC keys for codes: the config's (`secrets.cookie`, else `secrets.default`),
/// or else one generated once and kept in the store. Kratos generates a random
/// secret per process; otpctl runs each step in its own process, so the secret
/// has to outlive it.
async fn code_secrets(settings: &Settings, store: &Store) -> Result<Vec<Vec<u8>>, StoreError> {
    if !settings.secrets.is_empty() {
        return Ok(settings.secrets.clone());
    }
    let fresh = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    let secret = store
        .run(move |tx| {
            let fresh = fresh.clone();
            async move { store::get_or_insert_meta(&tx, GENERATED_SECRET_KEY, &fresh).await }
        })
        .await?;
    Ok(vec![secret.into_bytes()])
}

/// The directory of a config file: its `file://` references and SQLite paths
/// are relative to it.
pub fn base_dir_of(config_path: &Path) -> PathBuf {
    crate::config::parent_dir(config_path).to_path_buf()
}
