//! What the three flows share: creation, expiry, the public JSON shape, the
//! submission counter and the issuing of codes with their messages.

use serde_json::{Value, json};

use super::json::object;
use super::{Engine, EngineError, code, ui};
use crate::courier::outbox;
use crate::courier::template::{Channel, TemplateType};
use crate::engine::identifier::Via;
use crate::store::{self, CodeOwner, CodeRecord, FlowRecord, StoreError, Tx};
use crate::time::clock::rfc3339_ms;

/// The three self-service flows with codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// Who the flow is for: a native app (`api`) or a browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
}

/// The result of a flow step, shaped after Kratos' responses (reference G.6).
#[derive(Debug, Clone)]
pub enum Outcome<T> {
    /// The flow to show again: a code was sent, or the UI carries an error.
    /// Kratos answers 400 for login and registration, 200 for verification.
    Flow(Value),
    /// The flow is done.
    Done(T),
    /// The flow had expired; `flow` replaces it (Kratos: 410 with `use_flow_id`,
    /// or a redirect for verification).
    Expired {
        /// The new flow.
        flow: Value,
        /// When the old one expired (milliseconds since the epoch).
        expired_at: i64,
    },
    /// Verification only: the flow cannot take more submissions and `flow`
    /// replaces it (Kratos: 410 `self_service_flow_replaced`).
    Replaced {
        /// The new flow.
        flow: Value,
    },
    /// Login only: the `require_verified_address` hook stopped the login; a
    /// verification flow was started (Kratos: 403 `session_verified_address_required`).
    AddressNotVerified {
        /// The `show_verification_ui` item.
        continue_with: Vec<Value>,
    },
}

/// A code to send: where, how, and for which identity.
#[derive(Debug, Clone)]
pub(super) struct Target {
    pub address: String,
    pub via: Via,
    pub identity_id: Option<String>,
}

/// Whether a submission carries a code (an empty one is a missing field, not a try).
pub(super) fn has_code(code: Option<&str>) -> bool {
    code.is_some_and(|c| !c.trim().is_empty())
}

fn channel_of(via: Via) -> Channel {
    match via {
        Via::Email => Channel::Email,
        Via::Sms => Channel::Sms,
    }
}

impl Engine {
    /// A new flow record of `kind` with the given UI, not yet stored.
    pub(super) fn new_flow(
        &self,
        kind: FlowKind,
        request: &FlowRequest,
        lifespan_ms: i64,
        nodes: Vec<Value>,
    ) -> FlowRecord {
        let id = store::new_row_id();
        let now = self.now();
        let request_url = request.request_url.clone().unwrap_or_else(|| {
            self.public_url(&format!(
                "self-service/{}/{}",
                kind.as_str(),
                request.flow_type.as_str()
            ))
        });
        FlowRecord {
            ui: ui::container(self.action_url(kind, &id), "POST", nodes, Vec::new()).into(),
            id,
            kind: kind.as_str().to_string(),
            flow_type: request.flow_type.as_str().to_string(),
            state: "choose_method".to_string(),
            active: None,
            submit_count: 0,
            request_url,
            return_to: request.return_to.clone(),
            context: json!({}),
            issued_at: now,
            expires_at: now.saturating_add(lifespan_ms),
            updated_at: now,
        }
    }

    /// `<public>/self-service/<kind>?flow=<id>`, where the UI posts to.
    pub(super) fn action_url(&self, kind: FlowKind, id: &str) -> String {
        self.public_url(&format!("self-service/{}?flow={id}", kind.as_str()))
    }

    /// Stores a flow just created, in a transaction of its own.
    pub(super) async fn store_new_flow(&self, flow: &FlowRecord) -> Result<(), EngineError> {
        let flow = flow.clone();
        self.in_tx(move |_, tx| {
            store::insert_flow(&tx, &flow);
            std::future::ready(Ok(()))
        })
        .await
    }

    /// A stored flow of `kind`, or an error naming what was found instead.
    /// `counting` counts a code submission (reference B.4) in the same statement.
    pub(super) async fn load_flow(
        &self,
        tx: &Tx,
        kind: FlowKind,
        id: &str,
        counting: bool,
    ) -> Result<FlowRecord, EngineError> {
        let found = if counting {
            store::get_flow_counting_submission(tx, id, kind.as_str()).await?
        } else {
            store::get_flow(tx, id).await?
        };
        let flow = found.ok_or_else(|| EngineError::NotFound {
            kind: "flow",
            id: id.to_string(),
        })?;
        if flow.kind != kind.as_str() {
            return Err(EngineError::WrongFlowKind {
                id: id.to_string(),
                expected: kind.as_str(),
                actual: flow.kind,
            });
        }
        Ok(flow)
    }

    /// A flow as JSON, by id, whatever its kind (`GET …/flows?id=`).
    pub async fn get_flow(&self, id: &str) -> Result<Value, EngineError> {
        let id = id.to_string();
        self.in_tx(move |_, tx| {
            let id = id.clone();
            async move {
                let flow = store::get_flow(&tx, &id)
                    .await?
                    .ok_or_else(|| EngineError::NotFound { kind: "flow", id })?;
                Ok(flow_json(flow)?)
            }
        })
        .await
    }

    /// Replaces an expired login or registration flow with a new one of the same
    /// kind and type that carries the "expired N.NN minutes ago" message.
    pub(super) async fn replace_expired<T>(
        &self,
        tx: &crate::store::Tx,
        old: &FlowRecord,
        lifespan: std::time::Duration,
        nodes: Vec<Value>,
    ) -> Result<Outcome<T>, EngineError> {
        let kind = if old.kind == FlowKind::Registration.as_str() {
            FlowKind::Registration
        } else {
            FlowKind::Login
        };
        let request = FlowRequest {
            flow_type: flow_type_of(old),
            return_to: old.return_to.clone(),
            request_url: Some(old.request_url.clone()),
        };
        let mut flow = self.new_flow(kind, &request, duration_ms(lifespan), nodes);
        ui::set_messages(flow.ui.get_mut()?, vec![self.expired_message(kind, old)]);
        store::insert_flow(tx, &flow);
        Ok(Outcome::Expired {
            flow: flow_json(flow)?,
            expired_at: old.expires_at,
        })
    }

    /// Whether a flow has expired.
    pub(super) fn is_expired(&self, flow: &FlowRecord) -> bool {
        self.now() >= flow.expires_at
    }

    /// The message a replacement flow carries after expiry: "The … flow expired
    /// N.NN minutes ago, please try again."
    pub(super) fn expired_message(&self, kind: FlowKind, flow: &FlowRecord) -> Value {
        let minutes = (self.now() - flow.expires_at) as f64 / 60_000.0;
        let id = match kind {
            FlowKind::Login => ui::texts::LOGIN_EXPIRED,
            FlowKind::Registration => ui::texts::REGISTRATION_EXPIRED,
            FlowKind::Verification => ui::texts::VERIFICATION_EXPIRED,
        };
        let text = format!(
            "The {} flow expired {minutes:.2} minutes ago, please try again.",
            kind.as_str()
        );
        ui::text(
            id,
            "error",
            &text,
            Some(json!({ "expired_at": rfc3339_ms(flow.expires_at) })),
        )
    }

    /// Whether the code submission just counted is over `max_submissions` and
    /// must be refused even with the right code (reference B.4).
    pub(super) fn over_submission_limit(&self, flow: &FlowRecord) -> bool {
        flow.submit_count > i64::from(self.settings().code.max_submissions)
    }

    /// Deletes the flow's older codes, then makes, stores and queues one code per
    /// target. `data` builds each message's template data from the target and
    /// the plain code, which exists only there and in the message.
    pub(super) async fn issue_codes(
        &self,
        tx: &Tx,
        flow: &FlowRecord,
        targets: &[Target],
        template: TemplateType,
        data: impl Fn(&Target, &str) -> Value,
    ) -> Result<(), EngineError> {
        // A flow still choosing its method has no codes yet.
        if flow.state != "choose_method" {
            store::delete_codes_of_flow(tx, &flow.id);
        }
        let now = self.now();
        let lifespan = duration_ms(self.settings().code.lifespan);
        for target in targets {
            let code = code::generate()?;
            let record = CodeRecord {
                id: store::new_row_id(),
                flow_id: flow.id.clone(),
                code_hmac: code::hash(code.expose(), self.signing_secret()),
                address: target.address.clone(),
                via: target.via.as_str().to_string(),
                identity_id: target.identity_id.clone(),
                issued_at: now,
                expires_at: now.saturating_add(lifespan),
                used_at: None,
            };
            store::insert_code(tx, &record);
            let template_data = data(target, code.expose());
            self.send(tx, template, target, template_data, Some(&flow.id))
                .await?;
        }
        Ok(())
    }

    /// Renders and queues one message.
    pub(super) async fn send(
        &self,
        tx: &Tx,
        template: TemplateType,
        target: &Target,
        template_data: Value,
        flow_id: Option<&str>,
    ) -> Result<(), EngineError> {
        let message = outbox::compose(
            self.templates(),
            template,
            channel_of(target.via),
            &target.address,
            template_data,
            flow_id,
            self.now(),
        )?;
        outbox::enqueue(tx, &message);
        Ok(())
    }

    /// Uses the code of a flow that `submitted` is, if `owner` may use it and it
    /// is unexpired and unused: checked under every secret, so rotating secrets
    /// does not void codes in flight. None for a wrong, expired or used code
    /// (Kratos gives one answer for all three).
    pub(super) async fn claim_code(
        &self,
        tx: &Tx,
        flow_id: &str,
        submitted: &str,
        owner: CodeOwner<'_>,
    ) -> Result<Option<CodeRecord>, EngineError> {
        let hashes: Vec<String> = self
            .inner
            .secrets
            .iter()
            .map(|secret| code::hash(submitted, secret))
            .collect();
        Ok(store::claim_code(tx, flow_id, &hashes, owner, self.now()).await?)
    }

    fn signing_secret(&self) -> &[u8] {
        self.inner
            .secrets
            .first()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Template data common to every code message (D.6): the recipient, the
    /// request URL and its host, the payload, the code lifetime.
    pub(super) fn base_template_data(&self, flow: &FlowRecord, target: &Target) -> Value {
        let minutes = self.settings().code.lifespan.as_secs() / 60;
        let payload = flow.context.get("transient_payload").cloned();
        let mut data = object([
            ("to", target.address.clone().into()),
            ("request_url", flow.request_url.clone().into()),
            ("transient_payload", payload.unwrap_or_else(|| object([]))),
            ("expires_in_minutes", minutes.into()),
        ]);
        if target.via == Via::Sms {
            data["request_url_domain"] = host_of(&flow.request_url).into();
        }
        data
    }
}

/// The host of a URL, or "" (Kratos' `RequestURLDomain`).
fn host_of(url: &str) -> String {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .map(|authority| authority.rsplit('@').next().unwrap_or_default())
        .map(|host| host.split(':').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Whether a stored flow is a browser or an api flow.
pub(super) fn flow_type_of(flow: &FlowRecord) -> FlowType {
    if flow.flow_type == "browser" {
        FlowType::Browser
    } else {
        FlowType::Api
    }
}

/// A duration as milliseconds, saturating.
pub(super) fn duration_ms(duration: std::time::Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// The flow as answered now, `mark` having changed a copy of its UI (messages
/// on the container or a node); what is stored keeps its own UI.
pub(super) fn flow_shown(
    flow: &FlowRecord,
    mark: impl FnOnce(&mut Value),
) -> Result<Value, StoreError> {
    let mut shown = flow.clone();
    mark(shown.ui.get_mut()?);
    flow_json(shown)
}

/// The flow as answered now with `container` as its UI, not stored.
pub(super) fn flow_with_ui(flow: &FlowRecord, container: Value) -> Result<Value, StoreError> {
    let mut shown = flow.clone();
    shown.ui = container.into();
    flow_json(shown)
}

/// A flow as Kratos returns it (reference G.4). It takes the flow, whose UI
/// moves into the answer; an error if the stored UI is not JSON.
pub fn flow_json(flow: FlowRecord) -> Result<Value, StoreError> {
    let is_login = flow.kind == FlowKind::Login.as_str();
    let transient_payload = flow.context.get("transient_payload").cloned();
    let mut out = object([
        ("id", flow.id.into()),
        ("type", flow.flow_type.into()),
        ("expires_at", rfc3339_ms(flow.expires_at).into()),
        ("issued_at", rfc3339_ms(flow.issued_at).into()),
        ("request_url", flow.request_url.into()),
        ("ui", flow.ui.into_value()?),
        ("state", flow.state.into()),
        ("updated_at", rfc3339_ms(flow.updated_at).into()),
        ("created_at", rfc3339_ms(flow.issued_at).into()),
    ]);
    if let Some(active) = flow.active {
        out["active"] = active.into();
    }
    if let Some(return_to) = flow.return_to {
        out["return_to"] = return_to.into();
    }
    if is_login {
        out["refresh"] = false.into();
        out["requested_aal"] = "aal1".into();
    }
    if let Some(payload) = transient_payload {
        out["transient_payload"] = payload;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_url_domain_is_the_bare_host() {
        assert_eq!(
            host_of("http://127.0.0.1:4433/self-service/login/api"),
            "127.0.0.1"
        );
        assert_eq!(
            host_of("https://user@auth.example.com/x?y"),
            "auth.example.com"
        );
        assert_eq!(host_of("not a url"), "");
    }
}
