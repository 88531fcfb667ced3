//! Browser flows: the CSRF and session cookies, `GET /self-service/{kind}/browser`,
//! and the answers a browser gets instead of native ones: 303 redirects to
//! the flow's page (`ui_url?flow=`) and to `return_to`, the session cookie
//! on success, and Kratos' CSRF error when the token does not match.

use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::Response;
use serde::Deserialize;

use super::request;
use super::response::{self, Failure, Reply, redirect};
use super::state::AppState;
use crate::engine::{ContinueWith, FlowKind, FlowRequest, FlowType};
use crate::protocol::answer::Body;
use crate::protocol::csrf::{self, Rejection};
use crate::protocol::error::{self, ErrorBody};
use crate::protocol::{Answer, steps};

/// How long the CSRF cookie lives (nosurf's year).
const CSRF_COOKIE_MAX_AGE: u64 = 365 * 24 * 3600;

#[derive(Debug, Deserialize)]
struct BrowserQuery {
    return_to: Option<String>,
    refresh: Option<String>,
}

/// `GET /self-service/{kind}/browser`: a new browser flow with the CSRF
/// cookie, then 303 to its page (200 with the flow for `Accept:
/// application/json`). A logged-in browser asking to log in or register
/// goes to `return_to` instead (JSON: 400 `session_already_available`).
pub(super) async fn create_flow(
    app: &AppState,
    kind: FlowKind,
    uri: &Uri,
    headers: &HeaderMap,
) -> Reply {
    let query: BrowserQuery = request::query(uri)?;
    let json = request::wants_json(headers);
    let return_to = checked_return_to(app, query.return_to)?;
    if app
        .logged_in_for(kind, headers, query.refresh.as_deref())
        .await?
    {
        if json {
            return Err(error::already_logged_in(kind.as_str()).into());
        }
        return Ok(redirect(&return_to.unwrap_or_else(|| default_return(app))));
    }
    let (cookie_token, fresh) = csrf_cookie(app, headers)?;
    let masked = csrf::mask(&cookie_token).map_err(internal)?;
    let request = FlowRequest {
        flow_type: FlowType::Browser,
        return_to,
        request_url: Some(app.public_url_of(uri)),
        csrf_token: Some(masked),
    };
    let flow = steps::create(&app.engine, kind, &request).await?;
    let mut response = if json {
        response::json(200, &flow)
    } else {
        redirect(&flow_page(app, kind, &flow.id))
    };
    if fresh {
        set_cookie(
            &mut response,
            &app.csrf_cookie,
            &cookie_token,
            CSRF_COOKIE_MAX_AGE,
            app,
        );
    }
    Ok(response)
}

fn internal(error: impl std::fmt::Display) -> Failure {
    Failure::Refused(error::internal(error.to_string()))
}

/// The browser's CSRF cookie token, or a new one (true) to set.
fn csrf_cookie(app: &AppState, headers: &HeaderMap) -> Result<(String, bool), Failure> {
    match request::cookie(headers, &app.csrf_cookie) {
        Some(token) if csrf::is_cookie_token(&token) => Ok((token, false)),
        _ => Ok((csrf::new_cookie_token().map_err(internal)?, true)),
    }
}

/// Checks a browser request's token against its CSRF cookie, and names what
/// was missing as nosurf does when it does not match.
pub(super) fn check_csrf(
    app: &AppState,
    headers: &HeaderMap,
    sent: Option<&str>,
) -> Result<(), ErrorBody> {
    let ajax = headers
        .get("sec-fetch-mode")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|mode| mode == "cors" || mode == "same-origin");
    let header_token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
    let sent = sent.filter(|t| !t.is_empty()).or(header_token);
    let rejection = if !headers.contains_key(header::COOKIE) {
        Rejection::NoCookies
    } else {
        match request::cookie(headers, &app.csrf_cookie) {
            None => Rejection::CookieMissing,
            Some(cookie) => match sent {
                None => Rejection::TokenNotSent,
                Some(token) if csrf::verify(&cookie, token) => return Ok(()),
                Some(_) => Rejection::Mismatch,
            },
        }
    };
    Err(csrf::violation(rejection, ajax))
}

/// A `return_to` the config allows (`allowed_return_urls`, the default
/// return URL's origin, or this server's own pages), else Kratos' 400.
pub(super) fn checked_return_to(
    app: &AppState,
    return_to: Option<String>,
) -> Result<Option<String>, Failure> {
    let Some(url) = return_to.filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let selfservice = &app.config.model().selfservice;
    let allowed = selfservice
        .allowed_return_urls
        .iter()
        .map(String::as_str)
        .chain([
            origin_of(&selfservice.default_browser_return_url),
            app.engine.settings().public_base_url.as_str(),
        ])
        .any(|allowed| {
            !allowed.is_empty() && url.starts_with(allowed) && same_origin(allowed, &url)
        });
    if allowed {
        Ok(Some(url))
    } else {
        Err(error::bad_request(format!("Requested return_to URL \"{url}\" is not allowed.")).into())
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => &url[..after_scheme + slash],
        None => url,
    }
}

/// Whether `url` has the same origin as `allowed` (so `http://a.test` does
/// not allow `http://a.test.evil.com`).
fn same_origin(allowed: &str, url: &str) -> bool {
    origin_of(allowed) == origin_of(url)
}

pub(super) fn default_return(app: &AppState) -> String {
    app.engine.settings().default_browser_return_url.clone()
}

/// `ui_url?flow=ID` of a flow kind.
pub(super) fn flow_page(app: &AppState, kind: FlowKind, id: &str) -> String {
    let settings = app.engine.settings();
    let ui_url = match kind {
        FlowKind::Login => &settings.login.ui_url,
        FlowKind::Registration => &settings.registration.ui_url,
        FlowKind::Verification => &settings.verification.ui_url,
    };
    let separator = if ui_url.contains('?') { '&' } else { '?' };
    format!("{ui_url}{separator}flow={id}")
}

/// Appends a cookie: `Path=/`, `HttpOnly`, `SameSite=Lax`, and `Secure`
/// unless served over plain HTTP on loopback or with `--dev`.
pub(super) fn set_cookie(
    response: &mut Response,
    name: &str,
    value: &str,
    max_age: u64,
    app: &AppState,
) {
    let secure = if app.secure_cookies { "; Secure" } else { "" };
    let cookie =
        format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// A browser step's answer: JSON clients (SPAs) get the native answer
/// without the session token, with `redirect_browser_to` and the session
/// cookie; form posts get 303s to the flow's page or to where the flow
/// returns.
pub(super) async fn answer(app: &AppState, kind: FlowKind, answer: Answer, json: bool) -> Response {
    let (token, return_to) = session_of(&answer);
    let mut response = if json {
        json_answer(app, answer, return_to.as_deref())
    } else {
        form_answer(app, kind, &answer, return_to.as_deref()).await
    };
    if let Some(token) = token {
        let max_age = app.engine.settings().session.lifespan.as_secs();
        set_cookie(
            &mut response,
            super::request::SESSION_COOKIE,
            &token,
            max_age,
            app,
        );
    }
    response
}

/// The session token a completed step issued, and where the flow returns.
fn session_of(answer: &Answer) -> (Option<String>, Option<String>) {
    match &answer.body {
        Body::Login(done) => (Some(done.session_token.clone()), done.return_to.clone()),
        Body::Registration(done) => (done.session_token.clone(), done.return_to.clone()),
        _ => (None, None),
    }
}

fn json_answer(app: &AppState, mut answer: Answer, return_to: Option<&str>) -> Response {
    let to = return_to.map_or_else(|| default_return(app), str::to_string);
    let redirect_to = ContinueWith::RedirectBrowserTo {
        redirect_browser_to: to,
    };
    match &mut answer.body {
        Body::Login(done) => {
            done.session_token.clear();
            done.continue_with.push(redirect_to);
        }
        Body::Registration(done) => {
            done.session_token = None;
            done.continue_with.push(redirect_to);
        }
        _ => {}
    }
    response::answer(&answer)
}

async fn form_answer(
    app: &AppState,
    kind: FlowKind,
    answer: &Answer,
    return_to: Option<&str>,
) -> Response {
    match &answer.body {
        Body::Flow(flow) => redirect(&flow_page(app, kind, &flow.id)),
        Body::Error(body) => match (&body.use_flow_id, verification_url(body)) {
            (Some(next), _) => redirect(&flow_page(app, kind, next)),
            (None, Some(url)) => redirect(&url),
            (None, None) => super::errors::forward(app, body).await,
        },
        Body::Login(done) => redirect(&after(app, &done.continue_with, return_to)),
        Body::Registration(done) => redirect(&after(app, &done.continue_with, return_to)),
    }
}

/// Where a completed login or registration sends the browser: the
/// verification page a hook asked for, else `return_to`, else the default.
fn after(app: &AppState, continue_with: &[ContinueWith], return_to: Option<&str>) -> String {
    continue_with
        .iter()
        .find_map(|c| match c {
            ContinueWith::ShowVerificationUi { flow } => flow.url.clone(),
            _ => None,
        })
        .or_else(|| return_to.map(str::to_string))
        .unwrap_or_else(|| default_return(app))
}

/// The verification page a `session_verified_address_required` error names.
fn verification_url(body: &ErrorBody) -> Option<String> {
    body.error
        .details
        .as_ref()?
        .pointer("/continue_with/0/flow/url")?
        .as_str()
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_scheme_host_and_port() {
        assert_eq!(
            origin_of("http://127.0.0.1:3000/app?x"),
            "http://127.0.0.1:3000"
        );
        assert_eq!(origin_of("https://a.test"), "https://a.test");
        assert!(same_origin("http://a.test/", "http://a.test/x"));
        assert!(!same_origin("http://a.test", "http://a.test.evil.com/"));
    }
}
