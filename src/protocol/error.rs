//! Kratos' error envelope (`{"error": {id, code, status, reason, message,
//! details}}`, herodot's `DefaultError`), with the extra top-level fields of
//! the self-service errors (`use_flow_id`, `expired_at`, `since`).

use serde::Serialize;
use serde_json::Value;

use crate::engine::{ContinueWith, EngineError};
use crate::time::format::rfc3339_millis;

/// herodot's `DefaultError` as Kratos writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KratosError {
    /// A stable id (`self_service_flow_expired`), where Kratos gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'static str>,
    /// The HTTP status code.
    pub code: u16,
    /// The HTTP status text.
    pub status: &'static str,
    /// What went wrong in this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// More, such as `continue_with`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Value>,
    /// The kind of error (always present, as herodot's `message`).
    pub message: String,
}

/// The envelope: the error, and for self-service errors the flow to use next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorBody {
    /// The error.
    pub error: Box<KratosError>,
    /// The flow that replaces the one the request named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_flow_id: Option<String>,
    /// When the flow expired (`self_service_flow_expired`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<String>,
    /// How long ago, in nanoseconds (Kratos' deprecated `since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<i64>,
}

impl ErrorBody {
    fn plain(error: KratosError) -> ErrorBody {
        ErrorBody {
            error: Box::new(error),
            use_flow_id: None,
            expired_at: None,
            since: None,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.error.code
    }
}

fn herodot(code: u16, status: &'static str, message: &str) -> KratosError {
    KratosError {
        id: None,
        code,
        status,
        reason: None,
        details: None,
        message: message.to_string(),
    }
}

/// herodot's `ErrBadRequest` with a reason.
pub fn bad_request(reason: impl Into<String>) -> ErrorBody {
    let mut error = herodot(
        400,
        "Bad Request",
        "The request was malformed or contained invalid parameters",
    );
    error.reason = Some(reason.into());
    ErrorBody::plain(error)
}

/// An unknown flow, identity or message: sqlcon's `ErrNoRows` as Kratos
/// returns it for a missing row.
pub fn not_found() -> ErrorBody {
    ErrorBody::plain(herodot(404, "Not Found", "Unable to locate the resource"))
}

/// herodot's `ErrInternalServerError` with a reason.
pub fn internal(reason: impl Into<String>) -> ErrorBody {
    let mut error = herodot(
        500,
        "Internal Server Error",
        "An internal server error occurred, please contact the system administrator",
    );
    error.reason = Some(reason.into());
    ErrorBody::plain(error)
}

/// `self_service_flow_expired` (flow/error.go `NewFlowExpiredError`): 410, the
/// replacement's id in `use_flow_id`.
pub fn flow_expired(expired_at_ms: i64, now_ms: i64, use_flow_id: &str) -> ErrorBody {
    let ago_ms = now_ms.saturating_sub(expired_at_ms);
    let mut error = gone("self-service flow expired");
    error.id = Some("self_service_flow_expired");
    error.reason = Some(format!(
        "The self-service flow expired {:.2} minutes ago, initialize a new one.",
        ago_ms as f64 / 60_000.0
    ));
    ErrorBody {
        error: Box::new(error),
        use_flow_id: Some(use_flow_id.to_string()),
        expired_at: Some(rfc3339_millis(expired_at_ms)),
        since: Some(ago_ms.saturating_mul(1_000_000)),
    }
}

/// `self_service_flow_replaced` (flow/error.go `NewFlowReplacedError`): 410,
/// the message that replaced it as the reason.
pub fn flow_replaced(reason: &str, use_flow_id: &str) -> ErrorBody {
    let mut error = gone("self-service flow replaced");
    error.id = Some("self_service_flow_replaced");
    error.reason = Some(reason.to_string());
    ErrorBody {
        error: Box::new(error),
        use_flow_id: Some(use_flow_id.to_string()),
        expired_at: None,
        since: None,
    }
}

/// `session_verified_address_required` (login/error.go), answered 403 with the
/// verification flow in `details.continue_with` to JSON clients
/// (hook/require_verified_address.go).
pub fn address_not_verified(continue_with: &[ContinueWith]) -> ErrorBody {
    let mut error = herodot(
        403,
        "Forbidden",
        "your email or phone address is not yet verified",
    );
    error.id = Some("session_verified_address_required");
    error.reason = Some("Your account's email or phone address are not verified yet. Please check your email or phone inbox or re-request verification.".to_string());
    error.details = serde_json::to_value(continue_with)
        .ok()
        .map(|list| serde_json::json!({ "continue_with": list }));
    ErrorBody::plain(error)
}

/// A body over the server's limit: 413 in herodot's shape (Kratos itself
/// sets no limit; Go's `MaxBytesReader` answers 413).
pub fn payload_too_large(limit: usize) -> ErrorBody {
    let mut error = herodot(
        413,
        "Request Entity Too Large",
        "The request body is too large",
    );
    error.reason = Some(format!("The request body is larger than {limit} bytes."));
    ErrorBody::plain(error)
}

/// herodot's `ErrUnsupportedMediaType`: a body that is neither JSON nor a form.
pub fn unsupported_media_type(media: Option<&str>) -> ErrorBody {
    let mut error = herodot(
        415,
        "Unsupported Media Type",
        "The request is using an unknown content type",
    );
    let media = media.map_or_else(|| "none".to_string(), |m| format!("{m:?}"));
    error.reason = Some(format!(
        "The content type {media} is not supported; send application/json or application/x-www-form-urlencoded."
    ));
    ErrorBody::plain(error)
}

/// An API flow submitted by a browser (`flow.EnsureCSRF`): 400 naming the
/// `header` that gave the browser away, with the cookies' names in
/// `details["found cookies"]`.
pub fn api_flow_from_browser(header: &str, by: &str, cookies: Option<Vec<String>>) -> ErrorBody {
    let mut body = bad_request(format!(
        "The HTTP Request Header included the \"{header}\" key, indicating that this request was {by}. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation."
    ));
    body.error.details = cookies.map(|names| serde_json::json!({ "found cookies": names }));
    body
}

/// `session_inactive` (session/manager.go `NewErrNoActiveSessionFound`): 401.
pub fn session_inactive() -> ErrorBody {
    let mut error = herodot(
        401,
        "Unauthorized",
        "request does not have a valid authentication session",
    );
    error.id = Some("session_inactive");
    error.reason = Some("No active session was found in this request.".to_string());
    ErrorBody::plain(error)
}

/// `session_already_available` (login/error.go, registration/error.go
/// `ErrAlreadyLoggedIn`): 400 for a flow started with a valid session.
pub fn already_logged_in(kind: &str) -> ErrorBody {
    let mut body = bad_request(if kind == "login" {
        "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?"
    } else {
        "A valid session was detected and thus registration is not possible."
    });
    body.error.id = Some("session_already_available");
    body.error.message = "you are already logged in".to_string();
    body
}

/// A method the route does not take: 405.
pub fn method_not_allowed() -> ErrorBody {
    let mut error = herodot(
        405,
        "Method Not Allowed",
        "The request method is not allowed for this resource",
    );
    error.reason = Some("This path does not take this HTTP method.".to_string());
    ErrorBody::plain(error)
}

/// A request that ran past the server's time limit: 503.
pub fn timed_out() -> ErrorBody {
    let mut error = herodot(
        503,
        "Service Unavailable",
        "The request took too long to process",
    );
    error.reason = Some("The server did not finish the request in time; try again.".to_string());
    ErrorBody::plain(error)
}

/// `security_csrf_violation` (nosurfx `ErrInvalidCSRFToken`): 403 with the
/// docs link, a hint and, where nosurf names one, the reject reason.
pub fn csrf_violation(hint: &str, reject_reason: Option<&str>) -> ErrorBody {
    let mut body = forbidden(
        "Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.",
    );
    body.error.id = Some("security_csrf_violation");
    body.error.message =
        "the request was rejected to protect you from Cross-Site-Request-Forgery".to_string();
    let mut details = serde_json::json!({
        "docs": "https://www.ory.com/docs/troubleshooting/csrf",
        "hint": hint,
    });
    if let Some(reason) = reject_reason {
        details["reject_reason"] = serde_json::Value::String(reason.to_string());
    }
    body.error.details = Some(details);
    body
}

/// herodot's `ErrForbidden` with a reason.
pub fn forbidden(reason: impl Into<String>) -> ErrorBody {
    let mut error = herodot(403, "Forbidden", "The requested action was forbidden");
    error.reason = Some(reason.into());
    ErrorBody::plain(error)
}

/// herodot's `ErrConflict` as the identity persister words a duplicate.
pub fn identity_conflict() -> ErrorBody {
    let mut error = herodot(
        409,
        "Conflict",
        "The resource could not be created due to a conflict",
    );
    error.reason =
        Some("This identity conflicts with another identity that already exists.".to_string());
    ErrorBody::plain(error)
}

/// herodot's `ErrNotFound` with a reason (schemas, unknown routes).
pub fn not_found_because(reason: impl Into<String>) -> ErrorBody {
    let mut error = herodot(
        404,
        "Not Found",
        "The requested resource could not be found",
    );
    error.reason = Some(reason.into());
    ErrorBody::plain(error)
}

/// `GET …/flows?id=` of an expired API flow (the flow handlers): 410 with the
/// init endpoint in `details.api`.
pub fn fetched_flow_expired(kind: &str, init_api_url: &str) -> ErrorBody {
    let mut error = gone(
        "The requested resource is no longer available because it has expired or is otherwise invalid.",
    );
    if kind != "verification" {
        error.id = Some("self_service_flow_expired");
    }
    error.reason = Some(format!(
        "The {kind} flow has expired. Call the {kind} flow init API endpoint to initialize a new {kind} flow."
    ));
    error.details = Some(serde_json::json!({ "api": init_api_url }));
    ErrorBody::plain(error)
}

/// nosurf's `ErrGone` with Kratos' message.
fn gone(message: &str) -> KratosError {
    herodot(410, "Gone", message)
}

/// The answer for an engine failure: a missing flow is 404, a flow the config
/// turns off 400, everything else 500 (the details stay in the server's log).
pub fn from_engine(error: &EngineError) -> ErrorBody {
    match error {
        EngineError::NotFound { .. } | EngineError::WrongFlowKind { .. } => not_found(),
        EngineError::Disabled(reason) => bad_request(reason.clone()),
        EngineError::Misconfigured(reason) => internal(reason.clone()),
        _ => internal("the engine failed; see the server's log"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_expired_flow_answers_410_with_the_flow_to_use() {
        let body = serde_json::to_value(flow_expired(0, 90_000, "f2")).expect("json");
        assert_eq!(body["error"]["id"], "self_service_flow_expired");
        assert_eq!(body["error"]["code"], 410);
        assert_eq!(body["error"]["status"], "Gone");
        assert_eq!(body["error"]["message"], "self-service flow expired");
        assert_eq!(
            body["error"]["reason"],
            "The self-service flow expired 1.50 minutes ago, initialize a new one."
        );
        assert_eq!(body["use_flow_id"], "f2");
        assert_eq!(body["expired_at"], "1970-01-01T00:00:00.000Z");
        assert_eq!(body["since"], 90_000_000_000_i64);
    }

    #[test]
    fn a_replaced_flow_answers_410_with_the_message_as_reason() {
        let body = serde_json::to_value(flow_replaced("too often", "f3")).expect("json");
        assert_eq!(body["error"]["id"], "self_service_flow_replaced");
        assert_eq!(body["error"]["code"], 410);
        assert_eq!(body["error"]["message"], "self-service flow replaced");
        assert_eq!(body["error"]["reason"], "too often");
        assert_eq!(body["use_flow_id"], "f3");
        assert!(body.get("expired_at").is_none());
    }

    #[test]
    fn plain_errors_have_herodot_fields_only() {
        let body = serde_json::to_value(not_found()).expect("json");
        assert_eq!(
            body,
            json!({ "error": { "code": 404, "status": "Not Found", "message": "Unable to locate the resource" } })
        );
        let body = serde_json::to_value(bad_request("no")).expect("json");
        assert_eq!(body["error"]["reason"], "no");
        assert_eq!(
            body["error"]["message"],
            "The request was malformed or contained invalid parameters"
        );
    }

    /// Kratos' texts, from session/manager.go, login/error.go,
    /// registration/error.go and the flow handlers' `getFlow`.
    #[test]
    fn session_and_fetch_errors_carry_kratos_ids_and_texts() {
        let inactive = serde_json::to_value(session_inactive()).expect("json");
        assert_eq!(
            inactive,
            json!({ "error": { "id": "session_inactive", "code": 401, "status": "Unauthorized",
                "reason": "No active session was found in this request.",
                "message": "request does not have a valid authentication session" } })
        );
        let login = serde_json::to_value(already_logged_in("login")).expect("json");
        assert_eq!(login["error"]["id"], "session_already_available");
        assert_eq!(login["error"]["message"], "you are already logged in");
        assert_eq!(
            login["error"]["reason"],
            "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?"
        );
        let registration = serde_json::to_value(already_logged_in("registration")).expect("json");
        assert_eq!(
            registration["error"]["reason"],
            "A valid session was detected and thus registration is not possible."
        );
        let expired = serde_json::to_value(fetched_flow_expired(
            "login",
            "http://x/self-service/login/api",
        ))
        .expect("json");
        assert_eq!(expired["error"]["id"], "self_service_flow_expired");
        assert_eq!(expired["error"]["code"], 410);
        assert_eq!(
            expired["error"]["message"],
            "The requested resource is no longer available because it has expired or is otherwise invalid."
        );
        assert_eq!(
            expired["error"]["details"]["api"],
            "http://x/self-service/login/api"
        );
        let verification =
            serde_json::to_value(fetched_flow_expired("verification", "v")).expect("json");
        assert!(
            verification["error"].get("id").is_none(),
            "Kratos gives verification no id"
        );
        let logout = serde_json::to_value(forbidden("x")).expect("json");
        assert_eq!(
            logout["error"]["message"],
            "The requested action was forbidden"
        );
    }

    #[test]
    fn an_unverified_address_answers_403_with_the_verification_flow() {
        let continue_with = [ContinueWith::SetOrySessionToken {
            ory_session_token: "t".into(),
        }];
        let body = address_not_verified(&continue_with);
        assert_eq!(body.status(), 403);
        let body = serde_json::to_value(body).expect("json");
        assert_eq!(body["error"]["id"], "session_verified_address_required");
        assert_eq!(
            body["error"]["details"]["continue_with"][0]["ory_session_token"],
            "t"
        );
    }
}
