//! CORS for the public API from `serve.public.cors`, as Kratos applies it
//! (the `rs/cors` handler): preflights answered 204 with the allowed method
//! and headers, actual requests given `Access-Control-Allow-Origin` for an
//! allowed origin. Off unless `enabled`.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::model::Cors;

/// The middleware; `cors` is the config's section.
pub(super) async fn apply(State(cors): State<Arc<Cors>>, request: Request, next: Next) -> Response {
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        let headers = preflight_headers(&cors, origin.as_deref(), request.headers());
        let mut response = if cors.options_passthrough {
            next.run(request).await
        } else {
            StatusCode::NO_CONTENT.into_response()
        };
        response.headers_mut().extend(headers);
        return response;
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(origin) = origin.filter(|o| origin_allowed(&cors, o)) {
        insert(
            headers,
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            &allow_origin_value(&cors, &origin),
        );
        if !cors.exposed_headers.is_empty() {
            insert(
                headers,
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                &cors.exposed_headers.join(", "),
            );
        }
        if cors.allow_credentials {
            insert(headers, header::ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }
    response
}

fn preflight_headers(cors: &Cors, origin: Option<&str>, request: &HeaderMap) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.append(
        header::VARY,
        HeaderValue::from_static(
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
        ),
    );
    let Some(origin) = origin.filter(|o| origin_allowed(cors, o)) else {
        return headers;
    };
    let method = request
        .get(header::ACCESS_CONTROL_REQUEST_METHOD)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_uppercase();
    if !cors
        .allowed_methods
        .iter()
        .any(|m| m.eq_ignore_ascii_case(&method))
    {
        return headers;
    }
    let asked: Vec<String> = request
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(',')
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .collect();
    if !asked.iter().all(|h| header_allowed(cors, h)) {
        return headers;
    }
    insert(
        &mut headers,
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        &allow_origin_value(cors, origin),
    );
    insert(&mut headers, header::ACCESS_CONTROL_ALLOW_METHODS, &method);
    if !asked.is_empty() {
        insert(
            &mut headers,
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            &asked.join(", "),
        );
    }
    if cors.allow_credentials {
        insert(
            &mut headers,
            header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
            "true",
        );
    }
    if cors.max_age > 0 {
        insert(
            &mut headers,
            header::ACCESS_CONTROL_MAX_AGE,
            &cors.max_age.to_string(),
        );
    }
    headers
}

/// `*` for any origin unless credentials are allowed (browsers refuse `*`
/// with credentials), else the origin itself.
fn allow_origin_value(cors: &Cors, origin: &str) -> String {
    if cors.allowed_origins.iter().any(|o| o == "*") && !cors.allow_credentials {
        "*".to_string()
    } else {
        origin.to_string()
    }
}

/// `*`, an exact origin, or a pattern with one `*` (`https://*.example.com`).
fn origin_allowed(cors: &Cors, origin: &str) -> bool {
    cors.allowed_origins.iter().any(|allowed| {
        let allowed = allowed.to_ascii_lowercase();
        match allowed.split_once('*') {
            _ if allowed == "*" => true,
            Some((prefix, suffix)) => {
                origin.len() >= prefix.len() + suffix.len()
                    && origin.starts_with(prefix)
                    && origin.ends_with(suffix)
            }
            None => allowed == origin,
        }
    })
}

fn header_allowed(cors: &Cors, name: &str) -> bool {
    name.eq_ignore_ascii_case("origin")
        || cors
            .allowed_headers
            .iter()
            .any(|h| h == "*" || h.eq_ignore_ascii_case(name))
}

fn insert(headers: &mut HeaderMap, name: header::HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        headers.insert(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cors(origins: &[&str]) -> Cors {
        Cors {
            enabled: true,
            allowed_origins: origins.iter().map(|o| o.to_string()).collect(),
            ..Cors::default()
        }
    }

    #[test]
    fn origins_match_exactly_or_by_one_wildcard() {
        let c = cors(&["https://app.example.com", "https://*.shop.test"]);
        assert!(origin_allowed(&c, "https://app.example.com"));
        assert!(origin_allowed(&c, "https://eu.shop.test"));
        assert!(!origin_allowed(&c, "https://shop.test.evil.com"));
        assert!(!origin_allowed(&c, "http://app.example.com"));
        assert!(origin_allowed(&cors(&["*"]), "http://anything"));
    }

    #[test]
    fn a_preflight_names_the_method_and_headers_asked_for() {
        let c = cors(&["https://app.example.com"]);
        let mut request = HeaderMap::new();
        request.insert(
            header::ACCESS_CONTROL_REQUEST_METHOD,
            HeaderValue::from_static("post"),
        );
        request.insert(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            HeaderValue::from_static("content-type, x-session-token"),
        );
        let headers = preflight_headers(&c, Some("https://app.example.com"), &request);
        assert_eq!(
            headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
            "https://app.example.com"
        );
        assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_METHODS], "POST");
        assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");
        request.insert(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            HeaderValue::from_static("x-other"),
        );
        let refused = preflight_headers(&c, Some("https://app.example.com"), &request);
        assert!(!refused.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
        let stranger = preflight_headers(&c, Some("https://evil.test"), &request);
        assert!(!stranger.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    }
}
