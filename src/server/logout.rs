//! Browser logout, as Kratos' `selfservice/flow/logout` handler does it:
//! `GET /self-service/logout/browser` gives the session's logout URL, and
//! `GET /self-service/logout?token=` ends the session, clears its cookie and
//! sends the browser on (`return_to`, else the logout or default return URL).

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use serde::Deserialize;
use serde_json::json;

use super::response::{self, Failure, Reply, redirect};
use super::state::AppState;
use super::{browser, errors, request};
use crate::protocol::csrf::same_bytes;
use crate::protocol::error;

#[derive(Debug, Deserialize)]
struct CreateQuery {
    return_to: Option<String>,
}

#[derive(Debug, Deserialize)]
struct LogoutQuery {
    token: Option<String>,
    return_to: Option<String>,
}

/// `GET /self-service/logout/browser` (`createBrowserLogoutFlow`): 200 with
/// `logout_url` and `logout_token` for the session of the request, 401
/// `session_inactive` without one, 400 for a `return_to` not allowed.
pub(super) async fn create(State(app): State<AppState>, uri: Uri, headers: HeaderMap) -> Reply {
    let query: CreateQuery = request::query(&uri)?;
    let session = app.require_session(&headers).await?;
    let return_to = browser::checked_return_to(&app, query.return_to)?;
    let token = app.engine.logout_token(&session);
    let mut url = format!("{}?token={token}", app.public_url("self-service/logout"));
    if let Some(return_to) = return_to {
        url.push_str("&return_to=");
        url.extend(form_urlencoded::byte_serialize(return_to.as_bytes()));
    }
    Ok(response::json(
        200,
        &json!({ "logout_url": url, "logout_token": token }),
    ))
}

/// `GET /self-service/logout?token=` (`updateLogoutFlow`): revokes the
/// session the token belongs to and clears its cookie, then 303 to where the
/// browser goes next (204 for JSON clients). 400 without a token, 401 without
/// a session, 403 for another session's token; a browser gets those as a page.
pub(super) async fn complete(State(app): State<AppState>, uri: Uri, headers: HeaderMap) -> Reply {
    let reply = log_out(&app, &uri, &headers).await.map(|next| {
        let mut response = if request::wants_json(&headers) {
            response::no_content()
        } else {
            redirect(&next)
        };
        browser::set_cookie(&mut response, request::SESSION_COOKIE, "", 0, &app);
        response
    });
    errors::for_browser(&app, &headers, reply).await
}

/// Ends the session whose logout token the query carries; where to go next.
async fn log_out(app: &AppState, uri: &Uri, headers: &HeaderMap) -> Result<String, Failure> {
    let query: LogoutQuery = request::query(uri)?;
    let expected = query
        .token
        .filter(|token| !token.is_empty())
        .ok_or_else(|| error::bad_request("Please include a token in the URL query."))?;
    let session = app.require_session(headers).await?;
    let token = app.engine.logout_token(&session);
    if !same_bytes(token.as_bytes(), expected.as_bytes()) {
        return Err(error::forbidden(
            "Unable to log out because the logout token in the URL query does not match the session cookie.",
        )
        .into());
    }
    let next = browser::checked_return_to(app, query.return_to)?;
    app.engine.revoke_session(&session.id).await?;
    Ok(next.unwrap_or_else(|| after_logout(app)))
}

/// `selfservice.flows.logout.after.default_browser_return_url`, else the
/// default return URL.
fn after_logout(app: &AppState) -> String {
    app.config
        .model()
        .selfservice
        .flows
        .logout
        .after
        .default_browser_return_url
        .clone()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| browser::default_return(app))
}
