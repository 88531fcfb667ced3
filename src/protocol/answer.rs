//! From an engine outcome to Kratos' answer to a JSON client (native apps, and
//! browsers asking for JSON): the status and the body, as Kratos' handlers
//! write them (reference G.6).

use serde::Serialize;

use super::error::{self, ErrorBody};
use crate::engine::{
    ContinueWith, Flow, FlowKind, Identity, LoginSuccess, Outcome, RegistrationSuccess, Session,
};

/// An answer: the HTTP status and what goes in the body.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The HTTP status.
    #[serde(skip)]
    pub status: u16,
    /// The body.
    #[serde(flatten)]
    pub body: Body,
}

/// The body of an answer.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Body {
    /// A flow (the form to show again).
    Flow(Box<Flow>),
    /// Kratos' error envelope.
    Error(Box<ErrorBody>),
    /// A completed login (`successfulNativeLogin`).
    Login(Box<LoginBody>),
    /// A completed registration (`successfulNativeRegistration`).
    Registration(Box<RegistrationBody>),
}

/// `successfulNativeLogin`.
#[derive(Debug, Clone, Serialize)]
pub struct LoginBody {
    /// The session, identity included.
    pub session: Session,
    /// The token for native apps (browsers get a cookie instead).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub session_token: String,
    /// Follow-up actions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continue_with: Vec<ContinueWith>,
    /// Where a browser goes next (the flow's `return_to`); not in the body.
    #[serde(skip)]
    pub return_to: Option<String>,
}

/// `successfulNativeRegistration`.
#[derive(Debug, Clone, Serialize)]
pub struct RegistrationBody {
    /// The new identity.
    pub identity: Identity,
    /// The session, with the `session` hook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// Its token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_token: Option<String>,
    /// Follow-up actions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continue_with: Vec<ContinueWith>,
    /// Where a browser goes next (the flow's `return_to`); not in the body.
    #[serde(skip)]
    pub return_to: Option<String>,
}

impl Answer {
    /// An error answer with the envelope's status.
    pub fn error(body: ErrorBody) -> Answer {
        Answer {
            status: body.status(),
            body: Body::Error(Box::new(body)),
        }
    }

    /// A flow shown with `status`.
    pub fn flow(status: u16, flow: Flow) -> Answer {
        Answer {
            status,
            body: Body::Flow(Box::new(flow)),
        }
    }

    /// Whether the step went through (2xx).
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// The completion of a step, or Kratos' answer for every other outcome: a flow
/// shown again is 400 for login and registration (the "code sent" answer too)
/// and 200 for verification; an expired flow 410 `self_service_flow_expired`,
/// a replaced one 410 `self_service_flow_replaced`, both naming the new flow;
/// an unverified address 403 `session_verified_address_required`.
pub fn unless_done<T>(kind: FlowKind, outcome: Outcome<T>, now_ms: i64) -> Result<T, Answer> {
    match outcome {
        Outcome::Done(done) => Ok(done),
        Outcome::Flow(flow) => {
            let status = if kind == FlowKind::Verification {
                200
            } else {
                400
            };
            Err(Answer::flow(status, flow))
        }
        Outcome::Expired { flow, expired_at } => Err(Answer::error(error::flow_expired(
            expired_at, now_ms, &flow.id,
        ))),
        Outcome::Replaced { flow } => {
            let reason = flow.error_texts().join(" ");
            Err(Answer::error(error::flow_replaced(&reason, &flow.id)))
        }
        Outcome::AddressNotVerified { continue_with } => {
            Err(Answer::error(error::address_not_verified(&continue_with)))
        }
    }
}

/// A completed login: 200 with the session and its token.
pub fn login_done(done: LoginSuccess) -> Answer {
    Answer {
        status: 200,
        body: Body::Login(Box::new(LoginBody {
            session: done.session,
            session_token: done.session_token,
            continue_with: done.continue_with,
            return_to: done.flow.return_to,
        })),
    }
}

/// A completed registration: 200 with the identity (and session).
pub fn registration_done(done: RegistrationSuccess) -> Answer {
    Answer {
        status: 200,
        body: Body::Registration(Box::new(RegistrationBody {
            identity: done.identity,
            session: done.session,
            session_token: done.session_token,
            continue_with: done.continue_with,
            return_to: done.flow.return_to,
        })),
    }
}

/// A completed verification: 200 with the flow in `passed_challenge`.
pub fn verification_done(flow: Flow) -> Answer {
    Answer::flow(200, flow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{FlowState, FlowType, FlowUi, VerificationContinue};
    use crate::engine::ui::UiContainer;
    use serde_json::Value;

    fn flow(id: &str, kind: FlowKind) -> Flow {
        Flow {
            id: id.into(),
            kind,
            flow_type: FlowType::Api,
            state: FlowState::SentEmail,
            active: None,
            submit_count: 0,
            request_url: "http://x/".into(),
            return_to: None,
            context: Default::default(),
            ui: FlowUi::Built(UiContainer::new("http://x/".into(), "POST", Vec::new())),
            issued_at: 0,
            expires_at: 0,
            updated_at: 0,
        }
    }

    /// Kratos shows login and registration forms again with 400 (also "code
    /// sent"), verification forms with 200.
    #[test]
    fn a_flow_shown_again_is_400_except_for_verification() {
        for (kind, status) in [
            (FlowKind::Login, 400),
            (FlowKind::Registration, 400),
            (FlowKind::Verification, 200),
        ] {
            let outcome: Outcome<()> = Outcome::Flow(flow("f", kind));
            let answer = unless_done(kind, outcome, 0).expect_err("an answer");
            assert_eq!(answer.status, status, "{kind:?}");
            assert!(matches!(answer.body, Body::Flow(_)));
        }
    }

    #[test]
    fn expired_replaced_and_unverified_are_kratos_errors() {
        let expired: Outcome<()> = Outcome::Expired {
            flow: flow("new", FlowKind::Login),
            expired_at: 0,
        };
        let answer = unless_done(FlowKind::Login, expired, 60_000).expect_err("answer");
        assert_eq!(answer.status, 410);
        let json = serde_json::to_value(&answer).expect("json");
        assert_eq!(json["error"]["id"], "self_service_flow_expired");
        assert_eq!(json["use_flow_id"], "new");

        let replaced: Outcome<()> = Outcome::Replaced {
            flow: flow("next", FlowKind::Verification),
        };
        let answer = unless_done(FlowKind::Verification, replaced, 0).expect_err("answer");
        assert_eq!(answer.status, 410);
        let json = serde_json::to_value(&answer).expect("json");
        assert_eq!(json["error"]["id"], "self_service_flow_replaced");
        assert_eq!(json["use_flow_id"], "next");

        let unverified: Outcome<()> = Outcome::AddressNotVerified {
            continue_with: vec![ContinueWith::ShowVerificationUi {
                flow: VerificationContinue {
                    id: "v".into(),
                    verifiable_address: "a@b.c".into(),
                    url: Some("http://ui/verification?flow=v".into()),
                },
            }],
        };
        let answer = unless_done(FlowKind::Login, unverified, 0).expect_err("answer");
        assert_eq!(answer.status, 403);
        let json = serde_json::to_value(&answer).expect("json");
        assert_eq!(
            json["error"]["details"]["continue_with"][0]["flow"]["id"],
            "v"
        );
    }

    #[test]
    fn a_completed_login_is_200_with_the_session_and_token() {
        let identity = Identity {
            id: "i".into(),
            schema_id: "default".into(),
            schema_url: "http://x/schemas/ZGVmYXVsdA".into(),
            state: "active".into(),
            traits: serde_json::json!({}),
            verifiable_addresses: Vec::new(),
            recovery_addresses: serde_json::json!([]),
            metadata_public: None,
            metadata_admin: None,
            created_at: 0,
            updated_at: 0,
            organization_id: None,
            credentials: None,
        };
        let session = Session {
            id: "s".into(),
            active: true,
            expires_at: 0,
            authenticated_at: 0,
            issued_at: 0,
            authenticator_assurance_level: "aal1".into(),
            authentication_methods: serde_json::json!([]),
            identity,
            devices: Vec::new(),
        };
        let done = LoginSuccess {
            session,
            session_token: "ory_st_x".into(),
            continue_with: Vec::new(),
            flow: flow("f", FlowKind::Login),
        };
        let answer = login_done(done);
        assert_eq!(answer.status, 200);
        let json = serde_json::to_value(&answer).expect("json");
        assert_eq!(json["session_token"], "ory_st_x");
        assert_eq!(json["session"]["id"], "s");
        assert_eq!(json["session"]["identity"]["organization_id"], Value::Null);
        assert!(json["session"]["identity"].get("organization_id").is_some());
        assert_eq!(json["session"]["expires_at"], "1970-01-01T00:00:00.000Z");
        assert!(json.get("flow").is_none());
    }
}
