//! Opening a project for its flows: a validated config becomes the engine and
//! the courier over one store, as a Kratos process starts its public API and
//! its courier. The CLI opens projects through here, and so will the server.

use std::sync::Arc;
use std::time::Duration;

use crate::config::ValidConfig;
use crate::courier::worker::{Courier, CourierError, WorkerSettings};
use crate::engine::{Engine, EngineError};
use crate::time::clock::{Clock, SystemClock};

/// The engine and its courier.
#[derive(Debug)]
pub struct Project {
    /// Runs the flows.
    pub engine: Engine,
    /// Sends what the flows queue.
    pub courier: Courier,
}

/// Why a project could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The store, a schema or a template.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// A delivery channel.
    #[error(transparent)]
    Courier(#[from] CourierError),
}

/// Opens the project of a validated config; `lease` is how long a message a
/// dead courier took waits before another courier sends it.
pub async fn open(config: &ValidConfig, lease: Duration) -> Result<Project, OpenError> {
    open_with_clock(config, lease, Arc::new(SystemClock)).await
}

/// As [`open`], with a clock of the caller's (tests move it).
pub async fn open_with_clock(
    config: &ValidConfig,
    lease: Duration,
    clock: Arc<dyn Clock>,
) -> Result<Project, OpenError> {
    let engine = Engine::open_with_clock(config, clock).await?;
    let worker = WorkerSettings::from_model(&config.model().courier, lease);
    let courier = engine.courier(config, worker)?;
    Ok(Project { engine, courier })
}
