//! Writing Kratos' answers: JSON bodies with their status, errors in herodot's
//! envelope.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::engine::EngineError;
use crate::protocol::Answer;
use crate::protocol::error::{ErrorBody, from_engine};
use crate::protocol::steps::StepError;

/// `value` as JSON with `status`.
pub(super) fn json<T: Serialize + ?Sized>(status: u16, value: &T) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            )],
            body,
        )
            .into_response(),
        // Every answer is built from typed values; this would be a bug.
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// An answer of the protocol layer.
pub(super) fn answer(answer: &Answer) -> Response {
    json(answer.status, answer)
}

/// An error in Kratos' envelope.
pub(super) fn error(body: &ErrorBody) -> Response {
    json(body.status(), body)
}

/// 204, no body.
pub(super) fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// Routes answer either way; `?` turns an error into its response.
pub(super) type Reply = Result<Response, Failure>;

/// An error on its way out as a response.
#[derive(Debug)]
pub(super) enum Failure {
    /// The request's fault: Kratos' 4xx.
    Refused(ErrorBody),
    /// The engine's: answered as [`from_engine`] says, its text logged.
    Engine(EngineError),
}

/// The text of an engine failure, handed to the request log in the
/// response's extensions (the client sees only the envelope).
#[derive(Debug, Clone)]
pub(super) struct LoggedFailure(pub String);

impl From<ErrorBody> for Failure {
    fn from(body: ErrorBody) -> Self {
        Failure::Refused(body)
    }
}

impl From<EngineError> for Failure {
    fn from(error: EngineError) -> Self {
        Failure::Engine(error)
    }
}

impl From<StepError> for Failure {
    fn from(error: StepError) -> Self {
        match error {
            StepError::Refused(body) => Failure::Refused(body),
            StepError::Engine(error) => Failure::Engine(error),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self {
            Failure::Refused(body) => error(&body),
            Failure::Engine(engine) => {
                let body = from_engine(&engine);
                let mut response = error(&body);
                if body.status() >= 500 {
                    response
                        .extensions_mut()
                        .insert(LoggedFailure(engine.to_string()));
                }
                response
            }
        }
    }
}

/// A 303 to `location`.
pub(super) fn redirect(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (StatusCode::SEE_OTHER, [(header::LOCATION, value)]).into_response(),
        Err(_) => error(&crate::protocol::error::internal(
            "a redirect URL is not a valid header",
        )),
    }
}

/// A path no route has: herodot's 404.
pub(super) async fn unknown_route() -> Response {
    error(&crate::protocol::error::not_found_because(
        "No route matches this path.",
    ))
}

/// A route asked with a method it does not take: 405 in herodot's shape.
pub(super) async fn method_not_allowed() -> Response {
    error(&crate::protocol::error::method_not_allowed())
}

/// Runs the request, answering 503 if it takes longer than `timeout` (a
/// store that hangs must not hold connections for ever).
pub(super) async fn within(
    timeout: std::time::Duration,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    match tokio::time::timeout(timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => error(&crate::protocol::error::timed_out()),
    }
}
