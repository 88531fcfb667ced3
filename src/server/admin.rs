//! The admin API: identities, their sessions, and the courier's messages, as
//! Kratos serves them under `/admin` (reference G.2). It listens on loopback
//! unless told otherwise: it needs no credentials, as Kratos' admin port.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::Response;
use axum::routing::{delete, get};
use base64::Engine as _;
use serde::Deserialize;

use super::request;
use super::response::{self, Failure, Reply};
use super::state::AppState;
use crate::courier::outbox::{CourierMessage, MessageFilter};
use crate::protocol::error::{self, ErrorBody};
use crate::protocol::steps::StepError;

/// Kratos' default and largest page sizes for identities and messages.
const DEFAULT_PAGE_SIZE: i64 = 250;
const MAX_IDENTITY_PAGE_SIZE: i64 = 500;
const MAX_MESSAGE_PAGE_SIZE: i64 = 1000;

/// The admin routes (health and version come from the public module).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/identities",
            get(list_identities).post(create_identity),
        )
        .route(
            "/admin/identities/{id}",
            get(get_identity)
                .put(update_identity)
                .patch(patch_identity)
                .delete(delete_identity),
        )
        .route(
            "/admin/identities/{id}/sessions",
            get(list_sessions).delete(revoke_sessions),
        )
        .route("/admin/sessions/{id}", delete(revoke_session))
        .route("/admin/courier/messages", get(list_messages))
        .route("/admin/courier/messages/{id}", get(get_message))
}

/// `page_size` and `page_token`: the page token is opaque to clients (it
/// names an offset), as Kratos' keyset tokens are.
#[derive(Debug, Deserialize)]
struct PageQuery {
    page_size: Option<String>,
    page_token: Option<String>,
}

/// A page: how many, and how many to skip.
#[derive(Debug, Clone, Copy)]
struct Page {
    size: i64,
    offset: i64,
}

impl PageQuery {
    fn page(&self, max: i64) -> Result<Page, ErrorBody> {
        let size = match &self.page_size {
            None => DEFAULT_PAGE_SIZE,
            Some(text) => text
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| {
                    error::bad_request(format!("page_size must be between 1 and {max}"))
                })?,
        };
        let offset = match &self.page_token {
            None => 0,
            Some(token) => decode_token(token)
                .ok_or_else(|| error::bad_request("The page token is invalid."))?,
        };
        Ok(Page { size, offset })
    }
}

fn encode_token(offset: i64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("o{offset}"))
}

fn decode_token(token: &str) -> Option<i64> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    text.strip_prefix('o')?
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
}

/// A page of `items` as JSON, with Kratos' `Link` header naming the next
/// page when this one is full.
fn page_response<T: serde::Serialize>(uri: &Uri, page: Page, items: &[T]) -> Response {
    let mut response = response::json(200, items);
    if items.len() as i64 == page.size {
        let next = encode_token(page.offset.saturating_add(page.size));
        let link = format!(
            "<{}?page_size={}&page_token={next}>; rel=\"next\"",
            uri.path(),
            page.size
        );
        if let Ok(value) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, value);
        }
    }
    response
}

#[derive(Debug, Deserialize)]
struct IdentityQuery {
    #[serde(flatten)]
    page: PageQuery,
    credentials_identifier: Option<String>,
}

/// `GET /admin/identities`, or the one identity `credentials_identifier` names.
async fn list_identities(State(app): State<AppState>, uri: Uri) -> Reply {
    let query: IdentityQuery = request::query(&uri)?;
    let page = query.page.page(MAX_IDENTITY_PAGE_SIZE)?;
    if let Some(identifier) = query.credentials_identifier {
        let found = app.engine.identity_by_identifier(&identifier).await?;
        return Ok(response::json(200, &found.into_iter().collect::<Vec<_>>()));
    }
    let identities = app.engine.list_identities(page.size, page.offset).await?;
    Ok(page_response(&uri, page, &identities))
}

/// `POST /admin/identities`: 201 with the identity; 400 for traits the
/// schema refuses, 409 for an identifier another identity has.
async fn create_identity(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Reply {
    let body = request::json_body(&headers, body, app.body_limit).await?;
    let identity = app
        .engine
        .import_identity(&body)
        .await
        .map_err(StepError::from)?;
    Ok(response::json(201, &identity))
}

/// `PUT /admin/identities/{id}` with an `updateIdentityBody`: 200 with the
/// identity; 400, 404, 409 as for creating.
async fn update_identity(
    State(app): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Reply {
    rewrite(&app, &id, &headers, body, Rewrite::Replace).await
}

/// `PATCH /admin/identities/{id}` with an RFC 6902 JSON Patch: 200 with the
/// patched identity; 400 for a patch that does not apply or changes the id.
async fn patch_identity(
    State(app): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Reply {
    rewrite(&app, &id, &headers, body, Rewrite::Patch).await
}

/// How an identity is rewritten.
#[derive(Debug, Clone, Copy)]
enum Rewrite {
    /// With a whole `updateIdentityBody`.
    Replace,
    /// With a JSON Patch.
    Patch,
}

async fn rewrite(app: &AppState, id: &str, headers: &HeaderMap, body: Body, how: Rewrite) -> Reply {
    let body = request::json_body(headers, body, app.body_limit).await?;
    let written = match how {
        Rewrite::Replace => app.engine.update_identity(id, &body).await,
        Rewrite::Patch => app.engine.patch_identity(id, &body).await,
    };
    Ok(response::json(200, &written.map_err(StepError::from)?))
}

/// `GET /admin/identities/{id}`, with credentials.
async fn get_identity(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    let identity = app.engine.get_identity(&id).await?;
    Ok(response::json(200, &identity))
}

/// `DELETE /admin/identities/{id}`: 204, 404 if there is none.
async fn delete_identity(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    app.engine.delete_identity(&id).await?;
    Ok(response::no_content())
}

/// `GET /admin/identities/{id}/sessions`.
async fn list_sessions(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    let sessions = app.engine.sessions_of_identity(&id).await?;
    Ok(response::json(200, &sessions))
}

/// `DELETE /admin/identities/{id}/sessions`: 204.
async fn revoke_sessions(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    app.engine.revoke_sessions_of_identity(&id).await?;
    Ok(response::no_content())
}

/// `DELETE /admin/sessions/{id}`: 204.
async fn revoke_session(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    app.engine.revoke_session(&id).await?;
    Ok(response::no_content())
}

#[derive(Debug, Deserialize)]
struct MessageQuery {
    #[serde(flatten)]
    page: PageQuery,
    status: Option<String>,
    recipient: Option<String>,
}

const MESSAGE_STATUSES: [&str; 4] = ["queued", "sent", "processing", "abandoned"];

/// `GET /admin/courier/messages?status=&recipient=`: newest first.
async fn list_messages(State(app): State<AppState>, uri: Uri) -> Reply {
    let query: MessageQuery = request::query(&uri)?;
    let page = query.page.page(MAX_MESSAGE_PAGE_SIZE)?;
    if let Some(status) = &query.status
        && !MESSAGE_STATUSES.contains(&status.as_str())
    {
        return Err(error::bad_request(format!(
            "status must be one of {}",
            MESSAGE_STATUSES.join(", ")
        ))
        .into());
    }
    let filter = MessageFilter {
        status: query.status,
        recipient: query.recipient,
        flow_id: None,
    };
    let records = app
        .engine
        .list_messages(&filter, page.size, page.offset)
        .await?;
    let messages: Vec<_> = records
        .iter()
        .map(|m| CourierMessage::new(m, None))
        .collect();
    Ok(page_response(&uri, page, &messages))
}

/// `GET /admin/courier/messages/{id}`, with its dispatches.
async fn get_message(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    let (message, dispatches) = app
        .engine
        .get_message(&id)
        .await?
        .ok_or_else(|| Failure::from(error::not_found()))?;
    Ok(response::json(
        200,
        &CourierMessage::new(&message, Some(&dispatches)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_token_round_trips_and_a_forged_one_is_refused() {
        assert_eq!(decode_token(&encode_token(500)), Some(500));
        assert_eq!(decode_token("bm9wZQ"), None);
        assert_eq!(decode_token(&encode_token(-1)), None);
        let query = PageQuery {
            page_size: Some("0".into()),
            page_token: None,
        };
        assert_eq!(query.page(500).expect_err("refused").status(), 400);
    }
}
