//! Self-service errors (Kratos' error flow): an error a browser is sent to the
//! error page with is stored under a new id, and read back by that id.

use serde_json::Value;

use super::entities::FlowError;
use super::{Engine, EngineError};
use crate::store::{self, ErrorRecord};

impl Engine {
    /// Stores `error` (herodot's error object) and returns it with its id.
    pub async fn record_error(&self, error: Value) -> Result<FlowError, EngineError> {
        let now = self.now();
        let record = ErrorRecord {
            id: store::new_row_id(),
            error,
            created_at: now,
            updated_at: now,
        };
        let stored = record.clone();
        self.in_tx(move |_, tx| {
            let record = record.clone();
            async move {
                store::insert_error(&tx, &record, store::KEPT_ERRORS);
                Ok(())
            }
        })
        .await?;
        Ok(flow_error(stored))
    }

    /// The error stored under `id` (`GET /self-service/errors?id=`).
    pub async fn flow_error(&self, id: &str) -> Result<FlowError, EngineError> {
        let (id, now) = (id.to_string(), self.now());
        self.in_tx(move |_, tx| {
            let id = id.clone();
            async move {
                match store::read_error(&tx, &id, now).await? {
                    Some(record) => Ok(flow_error(record)),
                    None => Err(EngineError::NotFound { kind: "error", id }),
                }
            }
        })
        .await
    }
}

fn flow_error(record: ErrorRecord) -> FlowError {
    FlowError {
        id: record.id,
        error: record.error,
        created_at: record.created_at,
        updated_at: record.updated_at,
    }
}
