//! A flow step from a request body to Kratos' answer: decode the submission
//! for the flow's kind, run it on the engine, and map the outcome (the
//! server's `POST /self-service/{kind}?flow=`).

use super::answer::{self, Answer};
use super::error::{self, ErrorBody};
use super::submission::{self, Payload};
use crate::engine::{Engine, EngineError, Flow, FlowKind, FlowRequest, ImportError};

/// Why a step got no answer of its own: the request was wrong (its answer is
/// Kratos' 4xx) or the engine failed (the caller logs it; the client sees
/// [`error::from_engine`]).
#[derive(Debug)]
pub enum StepError {
    /// The request's fault.
    Refused(ErrorBody),
    /// The engine's.
    Engine(EngineError),
}

impl From<ErrorBody> for StepError {
    fn from(body: ErrorBody) -> Self {
        StepError::Refused(body)
    }
}

/// Why an identity was not written, as Kratos answers it: 400 for the body or
/// the traits, 409 for an identifier another identity has.
impl From<ImportError> for StepError {
    fn from(error: ImportError) -> Self {
        match error {
            ImportError::Shape(reason) => error::bad_request(reason).into(),
            refused @ ImportError::Traits(_) => error::bad_request(refused.to_string()).into(),
            ImportError::Duplicate => error::identity_conflict().into(),
            ImportError::Engine(engine) => engine.into(),
        }
    }
}

impl From<EngineError> for StepError {
    fn from(error: EngineError) -> Self {
        StepError::Engine(error)
    }
}

/// Runs the step `payload` describes on flow `flow_id` of `kind`, once
/// `check_csrf` accepts the anti-CSRF token the body carried (browser flows;
/// API flows pass a check that accepts anything).
pub async fn submit(
    engine: &Engine,
    kind: FlowKind,
    flow_id: &str,
    payload: Payload,
    check_csrf: impl FnOnce(Option<&str>) -> Result<(), ErrorBody>,
) -> Result<Answer, StepError> {
    let now = || engine.clock().now_ms();
    let answer = match kind {
        FlowKind::Login => {
            let decoded = submission::login(payload)?;
            check_csrf(decoded.csrf_token.as_deref())?;
            let outcome = engine.submit_login(flow_id, &decoded.submission).await?;
            answer::unless_done(kind, outcome, now()).map(answer::login_done)
        }
        FlowKind::Registration => {
            let decoded = submission::registration(payload)?;
            check_csrf(decoded.csrf_token.as_deref())?;
            let outcome = engine
                .submit_registration(flow_id, &decoded.submission)
                .await?;
            answer::unless_done(kind, outcome, now()).map(answer::registration_done)
        }
        FlowKind::Verification => {
            let decoded = submission::verification(payload)?;
            check_csrf(decoded.csrf_token.as_deref())?;
            let outcome = engine
                .submit_verification(flow_id, &decoded.submission)
                .await?;
            answer::unless_done(kind, outcome, now()).map(answer::verification_done)
        }
    };
    Ok(answer.unwrap_or_else(|refused| refused))
}

/// Creates a flow of `kind` (`GET /self-service/{kind}/api` and `/browser`).
pub async fn create(
    engine: &Engine,
    kind: FlowKind,
    request: &FlowRequest,
) -> Result<Flow, EngineError> {
    match kind {
        FlowKind::Login => engine.create_login_flow(request).await,
        FlowKind::Registration => engine.create_registration_flow(request).await,
        FlowKind::Verification => engine.create_verification_flow(request).await,
    }
}

/// The flow `id` of `kind`, as `GET /self-service/{kind}/flows?id=` looks it
/// up: a malformed id, an unknown flow and one of another kind are all 404.
pub async fn fetch(engine: &Engine, kind: FlowKind, id: &str) -> Result<Flow, StepError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(error::not_found().into());
    }
    let flow = engine.get_flow(id).await?;
    if flow.kind != kind {
        return Err(error::not_found().into());
    }
    Ok(flow)
}

/// The flow, unless it expired: then Kratos' 410, naming where a new one starts.
pub fn unexpired(engine: &Engine, flow: Flow) -> Result<Flow, ErrorBody> {
    if !flow.is_expired_at(engine.clock().now_ms()) {
        return Ok(flow);
    }
    let init = engine.public_url(format_args!("self-service/{}/api", flow.kind.as_str()));
    Err(error::fetched_flow_expired(flow.kind.as_str(), &init))
}

/// Ends the session of a token (`DELETE /self-service/logout/api`): Kratos'
/// 403 for a token no session has.
pub async fn logout(engine: &Engine, session_token: &str) -> Result<(), StepError> {
    if engine.logout(session_token).await? {
        Ok(())
    } else {
        Err(error::forbidden(
            "The provided Ory Session Token could not be found, is invalid, or otherwise malformed.",
        )
        .into())
    }
}
