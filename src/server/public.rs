//! The public API (reference G.2): native (`api`) self-service flows,
//! `whoami`, native logout, identity schemas, health and version.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Uri};
use axum::response::Response;
use axum::routing::{delete, get, post};
use base64::Engine as _;
use serde::Deserialize;
use serde_json::json;

use super::response::{self, Reply};
use super::state::AppState;
use super::{browser, errors, logout, request};
use crate::engine::{FlowKind, FlowRequest, FlowType};
use crate::protocol::error;
use crate::protocol::steps;

/// The public routes.
pub(super) fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for kind in [
        FlowKind::Login,
        FlowKind::Registration,
        FlowKind::Verification,
    ] {
        let name = kind.as_str();
        router = router
            .route(
                &format!("/self-service/{name}/api"),
                get(move |app, uri, headers| create_api_flow(app, kind, uri, headers)),
            )
            .route(
                &format!("/self-service/{name}/browser"),
                get(
                    move |State(app): State<AppState>, uri: Uri, headers: HeaderMap| async move {
                        let reply = browser::create_flow(&app, kind, &uri, &headers).await;
                        errors::for_browser(&app, &headers, reply).await
                    },
                ),
            )
            .route(
                &format!("/self-service/{name}/flows"),
                get(move |app, uri, headers| get_flow(app, kind, uri, headers)),
            )
            .route(
                &format!("/self-service/{name}"),
                post(move |app, query, headers, body| submit(app, kind, query, headers, body)),
            );
        if kind == FlowKind::Verification {
            router = router.route("/self-service/verification", get(verification_link));
        }
    }
    router
        // Kratos answers whoami on every method but DELETE (session/handler.go).
        .route(
            "/sessions/whoami",
            get(whoami)
                .post(whoami)
                .put(whoami)
                .patch(whoami)
                .options(whoami),
        )
        .route("/self-service/logout/api", delete(logout_api))
        .route("/self-service/logout/browser", get(logout::create))
        .route("/self-service/logout", get(logout::complete))
        .merge(shared_routes())
}

/// What both listeners serve: identity schemas, health and version (Kratos'
/// admin port sends `/schemas` on to the public one; here both answer).
pub(super) fn shared_routes() -> Router<AppState> {
    Router::new()
        .route("/schemas", get(list_schemas))
        .route("/self-service/errors", get(errors::fetch))
        .route("/schemas/{id}", get(get_schema))
        .route("/health/alive", get(alive))
        .route("/health/ready", get(ready))
        .route("/version", get(version))
}

#[derive(Debug, Deserialize)]
struct CreateQuery {
    return_to: Option<String>,
    refresh: Option<String>,
}

/// `GET /self-service/{kind}/api`: a new native flow (200). A valid session
/// refuses login (unless `refresh`) and registration, as Kratos does.
async fn create_api_flow(
    State(app): State<AppState>,
    kind: FlowKind,
    uri: Uri,
    headers: HeaderMap,
) -> Reply {
    let query: CreateQuery = request::query(&uri)?;
    if app
        .logged_in_for(kind, &headers, query.refresh.as_deref())
        .await?
    {
        return Err(error::already_logged_in(kind.as_str()).into());
    }
    let request = FlowRequest {
        flow_type: FlowType::Api,
        return_to: query.return_to,
        request_url: Some(app.public_url_of(&uri)),
        csrf_token: None,
    };
    let flow = steps::create(&app.engine, kind, &request).await?;
    Ok(response::json(200, &flow))
}

#[derive(Debug, Deserialize)]
struct IdQuery {
    id: Option<String>,
}

/// `GET /self-service/{kind}/flows?id=`: the flow (200), 404 for an unknown
/// or malformed id or a flow of another kind, 410 when it expired.
async fn get_flow(
    State(app): State<AppState>,
    kind: FlowKind,
    uri: Uri,
    headers: HeaderMap,
) -> Reply {
    let query: IdQuery = request::query(&uri)?;
    let id = query.id.unwrap_or_default();
    let flow = steps::fetch(&app.engine, kind, &id).await?;
    if flow.flow_type == FlowType::Browser {
        let token = flow.context.csrf_token.as_deref().unwrap_or_default();
        browser::check_csrf(&app, &headers, Some(token))?;
    }
    let flow = steps::unexpired(&app.engine, flow)?;
    Ok(response::json(200, &flow))
}

#[derive(Debug, Deserialize)]
struct FlowQuery {
    flow: Option<String>,
}

/// `POST /self-service/{kind}?flow=`: one step, answered as Kratos answers
/// it (reference G.6).
async fn submit(
    State(app): State<AppState>,
    kind: FlowKind,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Reply {
    let query: FlowQuery = request::query(&uri)?;
    let id = query
        .flow
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .ok_or_else(|| error::bad_request("The flow query parameter is missing or malformed."))?;
    let flow = app.engine.peek_flow(&id).await?;
    if flow.kind != kind {
        return Err(error::not_found().into());
    }
    let payload = request::payload(&headers, body, app.body_limit).await?;
    if flow.flow_type == FlowType::Api {
        request::refuse_browser_on_api_flow(&headers)?;
        let answer = steps::submit(&app.engine, kind, &id, payload, |_| Ok(())).await?;
        return Ok(response::answer(&answer));
    }
    let check = |sent: Option<&str>| browser::check_csrf(&app, &headers, sent);
    let reply = match steps::submit(&app.engine, kind, &id, payload, check).await {
        Ok(answer) => {
            let json = request::wants_json(&headers);
            Ok(browser::answer(&app, kind, answer, json).await)
        }
        Err(refused) => Err(refused.into()),
    };
    errors::for_browser(&app, &headers, reply).await
}

#[derive(Debug, Deserialize)]
struct LinkQuery {
    flow: Option<String>,
    code: Option<String>,
}

/// `GET /self-service/verification?flow=&code=`, the link in a verification
/// message: the flow's page with the code filled in.
async fn verification_link(State(app): State<AppState>, uri: Uri) -> Reply {
    let query: LinkQuery = request::query(&uri)?;
    let id = query
        .flow
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .ok_or_else(|| error::bad_request("The flow query parameter is missing or malformed."))?;
    let mut page = browser::flow_page(&app, FlowKind::Verification, &id);
    if let Some(code) = query
        .code
        .filter(|c| c.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        page.push_str(&format!("&code={code}"));
    }
    Ok(response::redirect(&page))
}

/// `GET /sessions/whoami`: the session of the token or cookie (200, with
/// `X-Kratos-Authenticated-Identity-Id`), else 401 `session_inactive`.
async fn whoami(State(app): State<AppState>, headers: HeaderMap) -> Reply {
    let session = app.require_session(&headers).await?;
    let mut response = response::json(200, &session);
    if let Ok(id) = HeaderValue::from_str(&session.identity.id) {
        response
            .headers_mut()
            .insert("x-kratos-authenticated-identity-id", id);
    }
    Ok(response)
}

#[derive(Debug, Deserialize)]
struct LogoutBody {
    session_token: String,
}

/// `DELETE /self-service/logout/api` with `{"session_token"}`: 204, or 403
/// for a token no session has.
async fn logout_api(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Reply {
    let value = request::json_body(&headers, body, app.body_limit).await?;
    let body: LogoutBody = serde_json::from_value(value)
        .map_err(|e| error::bad_request(format!("Unable to decode JSON body: {e}")))?;
    steps::logout(&app.engine, &body.session_token).await?;
    Ok(response::no_content())
}

/// `GET /schemas`: `[{id, schema}]`.
async fn list_schemas(State(app): State<AppState>) -> Response {
    let list: Vec<_> = app
        .engine
        .identity_schemas()
        .iter()
        .map(|(id, schema)| json!({ "id": id, "schema": schema.raw }))
        .collect();
    response::json(200, &list)
}

/// `GET /schemas/{id}`: the schema document; the id may be given as is or
/// in base64url, as in an identity's `schema_url`.
async fn get_schema(State(app): State<AppState>, Path(id): Path<String>) -> Reply {
    let schemas = app.engine.identity_schemas();
    let decoded = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id.as_bytes())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok());
    let schema = schemas
        .iter()
        .find(|(known, _)| *known == id || Some(*known) == decoded.as_deref())
        .map(|(_, schema)| schema)
        .ok_or_else(|| {
            error::not_found_because(format!("Identity schema `{id}` could not be found."))
        })?;
    Ok(response::json(200, &schema.raw))
}

async fn alive() -> Response {
    response::json(200, &json!({ "status": "ok" }))
}

/// Ready when the store answers.
async fn ready(State(app): State<AppState>) -> Response {
    match app.engine.ping().await {
        Ok(()) => response::json(200, &json!({ "status": "ok" })),
        Err(_) => response::json(
            503,
            &json!({ "errors": { "database": "the store does not answer" } }),
        ),
    }
}

async fn version() -> Response {
    response::json(200, &json!({ "version": env!("CARGO_PKG_VERSION") }))
}
