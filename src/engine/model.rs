//! The typed flow: what a self-service flow is, the outcome of a step, and the
//! follow-up actions (`continue_with`), serialised as Kratos' JSON (reference
//! G.4, Kratos' `loginFlow`, `registrationFlow` and `verificationFlow` models).

use serde::ser::{Error as _, SerializeMap};
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::ui::UiContainer;
use crate::store::{FlowRecord, StoreError};
use crate::time::format::rfc3339_millis;

/// The three self-service flows with codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowKind {
    /// Passwordless login.
    Login,
    /// Passwordless registration.
    Registration,
    /// Address verification.
    Verification,
}

impl FlowKind {
    /// The name used in URLs and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowKind::Login => "login",
            FlowKind::Registration => "registration",
            FlowKind::Verification => "verification",
        }
    }

    fn parse(text: &str) -> Option<FlowKind> {
        [
            FlowKind::Login,
            FlowKind::Registration,
            FlowKind::Verification,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }
}

/// Who the flow is for: a native app (`api`) or a browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowType {
    /// Native apps and scripts: no CSRF, session tokens.
    #[default]
    Api,
    /// Browsers: CSRF tokens and cookies (the HTTP API's concern).
    Browser,
}

impl FlowType {
    /// `api` or `browser`.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowType::Api => "api",
            FlowType::Browser => "browser",
        }
    }

    fn parse(text: &str) -> Option<FlowType> {
        [FlowType::Api, FlowType::Browser]
            .into_iter()
            .find(|t| t.as_str() == text)
    }
}

/// Where a flow is (Kratos' `flow.State`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowState {
    /// Nothing sent yet.
    ChooseMethod,
    /// A code was sent (also for SMS: Kratos keeps the name).
    SentEmail,
    /// The code was accepted: the flow is done.
    PassedChallenge,
}

impl FlowState {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowState::ChooseMethod => "choose_method",
            FlowState::SentEmail => "sent_email",
            FlowState::PassedChallenge => "passed_challenge",
        }
    }

    fn parse(text: &str) -> Option<FlowState> {
        [
            FlowState::ChooseMethod,
            FlowState::SentEmail,
            FlowState::PassedChallenge,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// How a flow is asked for.
#[derive(Debug, Clone, Default)]
pub struct FlowRequest {
    /// `api` (default) or `browser`.
    pub flow_type: FlowType,
    /// `?return_to=`.
    pub return_to: Option<String>,
    /// The URL of the request, if it came over HTTP.
    pub request_url: Option<String>,
    /// Browser flows: the masked anti-CSRF token the `csrf_token` node
    /// carries (the HTTP layer makes and checks it).
    pub csrf_token: Option<String>,
}

impl FlowRequest {
    /// The request for a flow that takes `old`'s place (expired, replaced,
    /// or started by a hook of it): same type, return URL and CSRF token.
    pub(crate) fn successor_of(old: &Flow) -> FlowRequest {
        FlowRequest {
            flow_type: old.flow_type,
            return_to: old.return_to.clone(),
            request_url: Some(old.request_url.clone()),
            csrf_token: old.context.csrf_token.clone(),
        }
    }
}

/// A flow's UI: read from the store it stays JSON text until a step looks into
/// it (most steps build a new one, and parsing the old one cost about 9% of a
/// code login's CPU).
#[derive(Debug, Clone, PartialEq)]
pub enum FlowUi {
    /// As stored, not parsed yet.
    Stored(String),
    /// Parsed or built.
    Built(UiContainer),
}

impl FlowUi {
    /// The container, parsed if it was not yet; an error if the stored text is
    /// not a UI container (the text is kept as it was).
    pub fn get_mut(&mut self) -> Result<&mut UiContainer, StoreError> {
        if let FlowUi::Stored(text) = self {
            let parsed = serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
                column: "ui",
                message: e.to_string(),
            })?;
            *self = FlowUi::Built(parsed);
        }
        match self {
            FlowUi::Built(container) => Ok(container),
            FlowUi::Stored(_) => Err(StoreError::Corrupt {
                column: "ui",
                message: "not parsed".to_string(),
            }),
        }
    }

    /// The container, if it was parsed or built.
    pub fn container(&self) -> Option<&UiContainer> {
        match self {
            FlowUi::Built(container) => Some(container),
            FlowUi::Stored(_) => None,
        }
    }

    /// The container as JSON text, for the store.
    pub fn to_text(&self) -> String {
        match self {
            FlowUi::Stored(text) => text.clone(),
            FlowUi::Built(container) => {
                let mut text = Vec::with_capacity(UI_TEXT_CAPACITY);
                // A container of strings, numbers and JSON values always
                // serialises, into UTF-8.
                match serde_json::to_writer(&mut text, container) {
                    Ok(()) => String::from_utf8(text).unwrap_or_default(),
                    Err(_) => String::new(),
                }
            }
        }
    }
}

/// Room for most containers' text (a code login's are 0.5–1 KiB): from the
/// 128 bytes `serde_json::to_string` starts with, the text was copied three
/// or four times as it grew.
const UI_TEXT_CAPACITY: usize = 1024;

/// What the engine keeps on a flow between steps; stored as JSON, typed so a
/// step reads it without building a map.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, Serialize)]
pub struct FlowContext {
    /// Login: the identifier a code was sent for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// Login: the identity it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_id: Option<String>,
    /// Registration: the traits a code was sent for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traits: Option<Value>,
    /// Verification: the address a code was sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Passed through to templates and webhooks, and shown on the flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transient_payload: Option<Value>,
    /// Browser flows: the masked anti-CSRF token of the `csrf_token` node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csrf_token: Option<String>,
}

impl FlowContext {
    /// The context as JSON text, for the store.
    pub fn to_text(&self) -> String {
        // Strings and JSON values always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A self-service flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// UUID.
    pub id: String,
    /// Login, registration or verification.
    pub kind: FlowKind,
    /// `api` or `browser`.
    pub flow_type: FlowType,
    /// Where the flow is.
    pub state: FlowState,
    /// The method in use (`code`) once one was chosen.
    pub active: Option<String>,
    /// Code submissions so far (not shown).
    pub submit_count: i64,
    /// The URL that created the flow.
    pub request_url: String,
    /// Where to go afterwards.
    pub return_to: Option<String>,
    /// Engine state not shown to clients, but `transient_payload`.
    pub context: FlowContext,
    /// The form.
    pub ui: FlowUi,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

impl Flow {
    /// The flow a stored row holds; a row the engine did not write is an error.
    pub(crate) fn from_record(record: FlowRecord) -> Result<Flow, StoreError> {
        let corrupt = |column: &'static str, value: &str| StoreError::Corrupt {
            column,
            message: format!("unknown value {value:?}"),
        };
        Ok(Flow {
            kind: FlowKind::parse(&record.kind).ok_or_else(|| corrupt("kind", &record.kind))?,
            flow_type: FlowType::parse(&record.flow_type)
                .ok_or_else(|| corrupt("type", &record.flow_type))?,
            state: FlowState::parse(&record.state)
                .ok_or_else(|| corrupt("state", &record.state))?,
            id: record.id,
            active: record.active,
            submit_count: record.submit_count,
            request_url: record.request_url,
            return_to: record.return_to,
            context: serde_json::from_str(&record.context).map_err(|e| StoreError::Corrupt {
                column: "context",
                message: e.to_string(),
            })?,
            ui: FlowUi::Stored(record.ui),
            issued_at: record.issued_at,
            expires_at: record.expires_at,
            updated_at: record.updated_at,
        })
    }

    /// The row to store.
    pub(crate) fn to_record(&self) -> FlowRecord {
        FlowRecord {
            id: self.id.clone(),
            kind: self.kind.as_str().to_string(),
            flow_type: self.flow_type.as_str().to_string(),
            state: self.state.as_str().to_string(),
            active: self.active.clone(),
            submit_count: self.submit_count,
            request_url: self.request_url.clone(),
            return_to: self.return_to.clone(),
            context: self.context.to_text(),
            ui: self.ui.to_text(),
            issued_at: self.issued_at,
            expires_at: self.expires_at,
            updated_at: self.updated_at,
        }
    }

    /// The form, once a step has parsed or built it (every flow the engine
    /// hands out has).
    pub fn container(&self) -> Option<&UiContainer> {
        self.ui.container()
    }

    /// The value of the node `name` (a hidden identifier, trait or address).
    pub fn node_value(&self, name: &str) -> Option<&Value> {
        self.container()?.node(name)?.input()?.value.as_ref()
    }

    /// Whether the flow has expired at `now_ms` (its expiry instant included).
    pub fn is_expired_at(&self, now_ms: i64) -> bool {
        now_ms >= self.expires_at
    }

    /// The texts of the UI's error messages, the container's and each node's.
    pub fn error_texts(&self) -> Vec<String> {
        self.container()
            .into_iter()
            .flat_map(UiContainer::errors)
            .map(|m| m.text.to_string())
            .collect()
    }
}

/// Kratos' JSON: the fields every flow has, then those of its kind. Login flows
/// carry `refresh`, `requested_aal` and `organization_id`; only login flows
/// carry `created_at` and `updated_at` (Kratos' registration and verification
/// models have neither).
impl Serialize for Flow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(ui) = self.container() else {
            return Err(S::Error::custom("the flow's UI was not read"));
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("type", &self.flow_type)?;
        map.serialize_entry("expires_at", &rfc3339_millis(self.expires_at))?;
        map.serialize_entry("issued_at", &rfc3339_millis(self.issued_at))?;
        map.serialize_entry("request_url", &self.request_url)?;
        map.serialize_entry("ui", ui)?;
        map.serialize_entry("state", &self.state)?;
        if let Some(active) = &self.active {
            map.serialize_entry("active", active)?;
        }
        if let Some(return_to) = &self.return_to {
            map.serialize_entry("return_to", return_to)?;
        }
        if self.kind == FlowKind::Login {
            map.serialize_entry("created_at", &rfc3339_millis(self.issued_at))?;
            map.serialize_entry("updated_at", &rfc3339_millis(self.updated_at))?;
            map.serialize_entry("refresh", &false)?;
            map.serialize_entry("requested_aal", "aal1")?;
            map.serialize_entry("organization_id", &Value::Null)?;
        }
        if let Some(payload) = &self.context.transient_payload {
            map.serialize_entry("transient_payload", payload)?;
        }
        map.end()
    }
}

/// A follow-up action of a completed step (Kratos' `continueWith`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ContinueWith {
    /// A verification flow was started for an address.
    ShowVerificationUi {
        /// The flow.
        flow: VerificationContinue,
    },
    /// The session token of a native registration.
    SetOrySessionToken {
        /// The token.
        ory_session_token: String,
    },
    /// Where a browser (SPA) goes after the step.
    RedirectBrowserTo {
        /// The URL.
        redirect_browser_to: String,
    },
}

/// The verification flow a `show_verification_ui` points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerificationContinue {
    /// The flow's id.
    pub id: String,
    /// The address it verifies.
    pub verifiable_address: String,
    /// The verification page; only for browser flows, as in Kratos.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The result of a flow step, shaped after Kratos' responses (reference G.6).
#[derive(Debug, Clone)]
pub enum Outcome<T> {
    /// The flow to show again: a code was sent, or the UI carries an error.
    /// Kratos answers 400 for login and registration, 200 for verification.
    Flow(Flow),
    /// The flow is done.
    Done(T),
    /// The flow had expired; `flow` replaces it (Kratos: 410 with `use_flow_id`,
    /// or a redirect for verification).
    Expired {
        /// The new flow.
        flow: Flow,
        /// When the old one expired (milliseconds since the epoch).
        expired_at: i64,
    },
    /// Verification only: the flow cannot take more submissions and `flow`
    /// replaces it (Kratos: 410 `self_service_flow_replaced`).
    Replaced {
        /// The new flow.
        flow: Flow,
    },
    /// Login only: the `require_verified_address` hook stopped the login; a
    /// verification flow was started (Kratos: 403 `session_verified_address_required`).
    AddressNotVerified {
        /// The `show_verification_ui` item.
        continue_with: Vec<ContinueWith>,
    },
}

impl<T> Outcome<T> {
    /// The same outcome with the completion mapped.
    pub fn map<U>(self, done: impl FnOnce(T) -> U) -> Outcome<U> {
        match self {
            Outcome::Flow(flow) => Outcome::Flow(flow),
            Outcome::Done(value) => Outcome::Done(done(value)),
            Outcome::Expired { flow, expired_at } => Outcome::Expired { flow, expired_at },
            Outcome::Replaced { flow } => Outcome::Replaced { flow },
            Outcome::AddressNotVerified { continue_with } => {
                Outcome::AddressNotVerified { continue_with }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_ui_is_written_back_as_it_was_until_it_is_changed() {
        let text = r#"{"action":"x", "method":"POST","nodes":[]}"#.to_string();
        let mut ui = FlowUi::Stored(text.clone());
        assert_eq!(ui.to_text(), text, "not parsed, not reformatted");
        ui.get_mut().expect("parses").action = "y".into();
        assert_eq!(ui.to_text(), r#"{"action":"y","method":"POST","nodes":[]}"#);
    }

    #[test]
    fn a_corrupt_stored_ui_is_an_error_each_time_it_is_read() {
        let mut ui = FlowUi::Stored("{not json".to_string());
        for _ in 0..2 {
            match ui.get_mut() {
                Err(StoreError::Corrupt { column, .. }) => assert_eq!(column, "ui"),
                other => panic!("expected a corrupt column, got {other:?}"),
            }
        }
        assert_eq!(ui.to_text(), "{not json", "the text is kept as it was");
    }
}
