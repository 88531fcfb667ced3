//! Kratos' error flow: an error a browser step ends with is stored and the
//! browser sent (303) to `selfservice.flows.error.ui_url?id=`, where the page
//! (otpctl's `/ui/error`, or an app's own) reads it from `GET
//! /self-service/errors?id=`. JSON clients get the error itself, as before.

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

use super::response::{self, Failure, Reply, redirect};
use super::state::AppState;
use super::{pages, request};
use crate::protocol::error::{self, ErrorBody};

#[derive(Debug, Deserialize)]
struct ErrorQuery {
    id: Option<String>,
    error: Option<String>,
}

/// `GET /self-service/errors?id=` (`getFlowError`): 200 with the error
/// (`{id, error, created_at, updated_at}`), 404 for an unknown or malformed
/// id. `id=stub:500` is Kratos' stub error, for building an error page.
pub(super) async fn fetch(State(app): State<AppState>, uri: Uri) -> Reply {
    let query: ErrorQuery = request::query(&uri)?;
    let id = query.error.or(query.id).unwrap_or_default();
    if id == "stub:500" {
        let stub = error::internal("This is a stub error.");
        return Ok(response::json(
            200,
            &json!({ "id": uuid::Uuid::now_v7().to_string(), "error": stub.error }),
        ));
    }
    if uuid::Uuid::parse_str(&id).is_err() {
        return Err(error::not_found().into());
    }
    Ok(response::json(200, &app.engine.flow_error(&id).await?))
}

/// A browser request's answer: a refusal is stored and the browser sent to
/// the error page with its id; JSON clients get it as it is.
pub(super) async fn for_browser(app: &AppState, headers: &HeaderMap, reply: Reply) -> Reply {
    match reply {
        Err(Failure::Refused(body)) if !request::wants_json(headers) => {
            Ok(forward(app, &body).await)
        }
        other => other,
    }
}

/// Stores `body`'s error and answers 303 to the error page; if it cannot be
/// stored, the error is shown here instead.
pub(super) async fn forward(app: &AppState, body: &ErrorBody) -> Response {
    let Ok(error) = serde_json::to_value(&*body.error) else {
        return pages::error_page(body);
    };
    match app.engine.record_error(error).await {
        Ok(stored) => {
            let ui_url = &app.engine.settings().error_ui_url;
            let separator = if ui_url.contains('?') { '&' } else { '?' };
            redirect(&format!("{ui_url}{separator}id={}", stored.id))
        }
        Err(_) => pages::error_page(body),
    }
}
