//! Reading a request: its body within the limit, decoded by content type
//! (JSON or a form, as Kratos' decoder takes them), and the session token it
//! carries.

use axum::body::Body;
use axum::http::{HeaderMap, header};

use crate::protocol::error::{self, ErrorBody};
use crate::protocol::submission::Payload;

/// The session cookie, as Kratos names it.
pub(super) const SESSION_COOKIE: &str = "ory_kratos_session";

/// The body, read up to `limit` bytes: a larger one is refused (413) before
/// it is read when its length is declared, and as soon as it passes the
/// limit when it is streamed.
pub(super) async fn bytes(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<axum::body::Bytes, ErrorBody> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(length) = declared.filter(|length| *length > limit as u64) {
        // Read (and drop) a moderately large body before answering, so the
        // client, still sending, sees the 413 rather than a reset connection.
        if length <= DRAIN_LIMIT {
            drain(body).await;
        }
        return Err(error::payload_too_large(limit));
    }
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        if is_length_limit(&e) {
            error::payload_too_large(limit)
        } else {
            error::bad_request("the request body could not be read")
        }
    })
}

/// The largest refused body still read to its end (see [`bytes`]).
const DRAIN_LIMIT: u64 = 16 << 20;

async fn drain(body: Body) {
    use http_body_util::BodyExt as _;
    let mut body = body;
    while let Some(Ok(_)) = body.frame().await {}
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = source {
        if current.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = current.source();
    }
    false
}

/// The query string decoded into `T` (every value a string); a malformed
/// one is Kratos' 400 rather than axum's plain-text rejection.
pub(super) fn query<T: serde::de::DeserializeOwned>(uri: &axum::http::Uri) -> Result<T, ErrorBody> {
    let pairs = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned())))
        .collect();
    serde_json::from_value(serde_json::Value::Object(pairs))
        .map_err(|e| error::bad_request(format!("The query string is malformed: {e}")))
}

/// Whether the client wants JSON back (Kratos' `x.IsJSONRequest`): a JSON
/// body, or an `Accept` that names JSON before HTML.
pub(super) fn wants_json(headers: &HeaderMap) -> bool {
    if media_type(headers).as_deref() == Some("application/json") {
        return true;
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match (accept.find("application/json"), accept.find("text/html")) {
        (Some(json), Some(html)) => json < html,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The media type of the body, lower-cased, without parameters.
fn media_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value.split(';').next().unwrap_or_default().trim();
    Some(essence.to_ascii_lowercase())
}

/// A flow submission: JSON or `application/x-www-form-urlencoded`, as Kratos'
/// `decoderx` accepts them; anything else is 415.
pub(super) async fn payload(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Payload, ErrorBody> {
    let media = media_type(headers);
    let bytes = bytes(headers, body, limit).await?;
    match media.as_deref() {
        Some("application/json") => json(&bytes).map(Payload::Json),
        Some("application/x-www-form-urlencoded") => Ok(Payload::Form(
            form_urlencoded::parse(&bytes).into_owned().collect(),
        )),
        other => Err(error::unsupported_media_type(other)),
    }
}

/// A JSON body (the admin API's), whatever its declared type, as Kratos'
/// JSON decoder reads it.
pub(super) async fn json_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<serde_json::Value, ErrorBody> {
    if let Some(media) = media_type(headers)
        && media != "application/json"
    {
        return Err(error::unsupported_media_type(Some(&media)));
    }
    json(&bytes(headers, body, limit).await?)
}

fn json(bytes: &[u8]) -> Result<serde_json::Value, ErrorBody> {
    serde_json::from_slice(bytes).map_err(|e| {
        // serde's message names the line and column, never the input.
        error::bad_request(format!("Unable to decode JSON body: {e}"))
    })
}

/// The session token of a request: `X-Session-Token`, then
/// `Authorization: Bearer`, then the session cookie (Kratos' order).
pub(super) fn session_token(headers: &HeaderMap) -> Option<String> {
    let header_value = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(token) = header_value("x-session-token").filter(|t| !t.is_empty()) {
        return Some(token.to_string());
    }
    if let Some(auth) = header_value(header::AUTHORIZATION.as_str()) {
        let mut parts = auth.splitn(2, ' ');
        if let (Some(scheme), Some(token)) = (parts.next(), parts.next())
            && scheme.eq_ignore_ascii_case("bearer")
            && !token.trim().is_empty()
        {
            return Some(token.trim().to_string());
        }
    }
    cookie(headers, SESSION_COOKIE)
}

/// The request's cookies, as name and value.
fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}

/// The value of cookie `name`, if the request sent it.
pub(super) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    cookies(headers)
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// The names of the request's cookies other than Cloudflare's, which Kratos
/// ignores when it checks that an API flow is not driven by a browser.
fn browser_cookies(headers: &HeaderMap) -> Vec<String> {
    cookies(headers)
        .map(|(name, _)| name)
        .filter(|name| !["__cf", "_cf", "cf_"].iter().any(|p| name.starts_with(p)))
        .map(str::to_string)
        .collect()
}

/// An API flow submitted with a browser's `Origin` header or cookies:
/// refused as Kratos refuses it (`flow.EnsureCSRF`), since an API flow has no
/// CSRF protection.
pub(super) fn refuse_browser_on_api_flow(headers: &HeaderMap) -> Result<(), ErrorBody> {
    if headers.contains_key(header::ORIGIN) {
        return Err(error::api_flow_from_browser(
            "Origin",
            "made as part of an AJAX request in a Browser",
            None,
        ));
    }
    let cookies = browser_cookies(headers);
    if !cookies.is_empty() {
        return Err(error::api_flow_from_browser(
            "Cookie",
            "made by a Browser",
            Some(cookies),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).expect("header"));
        }
        map
    }

    #[test]
    fn the_token_comes_from_the_header_then_bearer_then_the_cookie() {
        let all = headers(&[
            ("x-session-token", "a"),
            ("authorization", "Bearer b"),
            ("cookie", "ory_kratos_session=c"),
        ]);
        assert_eq!(session_token(&all).as_deref(), Some("a"));
        let bearer = headers(&[
            ("authorization", "bearer b"),
            ("cookie", "x=1; ory_kratos_session=c"),
        ]);
        assert_eq!(session_token(&bearer).as_deref(), Some("b"));
        let cookie = headers(&[("cookie", "x=1; ory_kratos_session=c")]);
        assert_eq!(session_token(&cookie).as_deref(), Some("c"));
        assert_eq!(
            session_token(&headers(&[("authorization", "Basic x")])),
            None
        );
    }

    #[test]
    fn cloudflare_cookies_do_not_make_a_browser() {
        assert!(
            refuse_browser_on_api_flow(&headers(&[("cookie", "__cf_bm=1; cf_clearance=2")]))
                .is_ok()
        );
        let refused =
            refuse_browser_on_api_flow(&headers(&[("cookie", "a=1")])).expect_err("refused");
        assert_eq!(refused.status(), 400);
        let refused =
            refuse_browser_on_api_flow(&headers(&[("origin", "http://x")])).expect_err("refused");
        assert!(
            refused
                .error
                .reason
                .as_deref()
                .unwrap_or_default()
                .contains("\"Origin\"")
        );
    }
}
