//! Passwordless login by code (reference B.6): identifier → code sent →
//! code → session, the address the code went to becoming verified.

use serde_json::{Value, json};

use super::flows::{
    FlowKind, FlowRequest, Outcome, Target, duration_ms, flow_json, flow_shown, flow_type_of,
    flow_with_ui, has_code,
};
use super::identifier::normalize_gracefully;
use super::ui::{self, Group, Input, texts};
use super::{Engine, EngineError};
use crate::courier::template::TemplateType;
use crate::store::{self, Account, AddressRecord, CodeOwner, CredentialRecord, FlowRecord, Tx};

/// What a client posts to a login flow with `method=code`.
#[derive(Debug, Clone, Default)]
pub struct LoginSubmission {
    /// The email address or phone number (`address` is accepted as an alias).
    pub identifier: Option<String>,
    /// The code, in the second step.
    pub code: Option<String>,
    /// `resend=code`: send a new code, voiding the old ones.
    pub resend: bool,
    /// Passed through to templates and webhooks.
    pub transient_payload: Option<Value>,
}

/// A completed login.
#[derive(Debug, Clone)]
pub struct LoginSuccess {
    /// The session, identity included.
    pub session: Value,
    /// The session token for native apps.
    pub session_token: String,
    /// Follow-up actions (none for code logins without hooks).
    pub continue_with: Vec<Value>,
    /// The completed flow.
    pub flow: Value,
}

impl Engine {
    /// Creates a login flow in state `choose_method`.
    pub async fn create_login_flow(&self, request: &FlowRequest) -> Result<Value, EngineError> {
        let lifespan = duration_ms(self.settings().login.lifespan);
        let flow = self.new_flow(FlowKind::Login, request, lifespan, self.login_nodes(None));
        self.store_new_flow(&flow).await?;
        Ok(flow_json(flow)?)
    }

    /// One step of a login flow.
    pub async fn submit_login(
        &self,
        flow_id: &str,
        submission: &LoginSubmission,
    ) -> Result<Outcome<LoginSuccess>, EngineError> {
        let (flow_id, submission) = (flow_id.to_string(), submission.clone());
        self.in_tx(move |engine, tx| {
            let (flow_id, submission) = (flow_id.clone(), submission.clone());
            async move { engine.login_step(&tx, &flow_id, &submission).await }
        })
        .await
    }

    async fn login_step(
        &self,
        tx: &Tx,
        flow_id: &str,
        submission: &LoginSubmission,
    ) -> Result<Outcome<LoginSuccess>, EngineError> {
        let counting = has_code(submission.code.as_deref()) && !submission.resend;
        let mut flow = self
            .load_flow(tx, FlowKind::Login, flow_id, counting)
            .await?;
        if self.is_expired(&flow) {
            let lifespan = self.settings().login.lifespan;
            return self
                .replace_expired(tx, &flow, lifespan, self.login_nodes(None))
                .await;
        }
        if !self.settings().code.passwordless_enabled {
            let (id, text) = texts::NO_LOGIN_STRATEGY;
            return self.refuse(&flow, ui::error(id, text));
        }
        // Kratos' code strategy answers a completed flow as if no strategy took it.
        if flow.state == "passed_challenge" {
            let (id, text) = texts::NO_LOGIN_STRATEGY;
            return self.refuse(&flow, ui::error(id, text));
        }
        if let Some(payload) = &submission.transient_payload {
            flow.context["transient_payload"] = payload.clone();
        }
        if submission.resend || flow.state == "choose_method" {
            return self.send_login_code(tx, flow, submission).await;
        }
        self.check_login_code(tx, flow, submission).await
    }

    /// Step 1: find the account and send a code to its address(es).
    async fn send_login_code(
        &self,
        tx: &Tx,
        mut flow: FlowRecord,
        submission: &LoginSubmission,
    ) -> Result<Outcome<LoginSuccess>, EngineError> {
        let identifier = submission
            .identifier
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if identifier.is_empty() {
            let mut container = self.rebuild_ui(&flow, self.login_nodes(None));
            ui::add_node_message(&mut container, "identifier", ui::missing("identifier"));
            return Ok(Outcome::Flow(flow_with_ui(&flow, container)?));
        }
        let Some(account) = self.find_code_account(tx, identifier).await? else {
            let (id, text) = texts::NO_CODE_ACCOUNT;
            return self.refuse(&flow, ui::error(id, text));
        };
        let identity = &account.identity;
        let targets = code_targets(&account.credential, identifier, &identity.id);
        let identity_json = self.identity_json(identity, &account.addresses);
        self.issue_codes(
            tx,
            &flow,
            &targets,
            TemplateType::LoginCodeValid,
            |target, code| {
                let mut data = self.base_template_data(&flow, target);
                data["login_code"] = code.into();
                data["identity"] = identity_json.clone();
                data
            },
        )
        .await?;
        flow.state = "sent_email".to_string();
        flow.active = Some("code".to_string());
        flow.context["identifier"] = identifier.into();
        flow.context["identity_id"] = identity.id.clone().into();
        let mut container = self.rebuild_ui(&flow, self.login_nodes(Some(identifier)));
        ui::set_messages(&mut container, vec![ui::label(texts::LOGIN_CODE_SENT)]);
        flow.ui = container.into();
        flow.updated_at = self.now();
        store::update_flow(tx, &flow);
        Ok(Outcome::Flow(flow_json(flow)?))
    }

    /// Step 2: check the code, verify the address, run the hooks, issue the session.
    async fn check_login_code(
        &self,
        tx: &Tx,
        mut flow: FlowRecord,
        submission: &LoginSubmission,
    ) -> Result<Outcome<LoginSuccess>, EngineError> {
        let submitted = submission
            .code
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if submitted.is_empty() {
            let shown = flow_shown(&flow, |container| {
                ui::add_node_message(container, "code", ui::missing("code"));
            })?;
            return Ok(Outcome::Flow(shown));
        }
        if self.over_submission_limit(&flow) {
            return self.refuse(&flow, ui::error(texts::GENERIC, texts::TOO_MANY_ATTEMPTS));
        }
        let identifier = submission
            .identifier
            .clone()
            .or_else(|| flow.context["identifier"].as_str().map(str::to_string))
            .unwrap_or_default();
        let Some(mut account) = self.find_code_account(tx, &identifier).await? else {
            let (id, text) = texts::NO_CODE_ACCOUNT;
            return self.refuse(&flow, ui::error(id, text));
        };
        let identity = account.identity.clone();
        let owner = CodeOwner::Identity(&identity.id);
        let Some(code) = self.claim_code(tx, &flow.id, submitted, owner).await? else {
            let (id, text) = texts::LOGIN_CODE_INVALID;
            return self.refuse(&flow, ui::error(id, text));
        };
        let now = self.now();
        // Most logins are through an address verified before: no write then.
        if mark_verified(&mut account.addresses, &code.via, &code.address, now) {
            store::mark_address_verified(tx, &identity.id, &code.via, &code.address, now);
        }
        flow.state = "passed_challenge".to_string();
        flow.updated_at = now;
        flow.ui = self.rebuild_ui(&flow, Vec::new()).into();
        store::update_flow(tx, &flow);
        if let Some(continue_with) = self.require_verified_address(tx, &flow, &account).await? {
            return Ok(Outcome::AddressNotVerified { continue_with });
        }
        let session = self.create_session(tx, &identity).await?;
        let identity_json = self.identity_json(&identity, &account.addresses);
        Ok(Outcome::Done(LoginSuccess {
            session: self.session_json(&session, identity_json),
            session_token: session.token,
            continue_with: Vec::new(),
            flow: flow_json(flow)?,
        }))
    }

    /// Keeps the counted submission, and shows the flow with `message`.
    pub(super) fn refuse<T>(
        &self,
        flow: &FlowRecord,
        message: Value,
    ) -> Result<Outcome<T>, EngineError> {
        let shown = flow_shown(flow, |container| ui::set_messages(container, vec![message]))?;
        Ok(Outcome::Flow(shown))
    }

    /// The account with a `code` credential for an identifier: the identifier is
    /// lower-cased if it looks like an email, then matched as given and
    /// gracefully normalised (reference B.5).
    async fn find_code_account(
        &self,
        tx: &Tx,
        identifier: &str,
    ) -> Result<Option<Account>, EngineError> {
        let submitted = if identifier.contains('@') {
            identifier.to_lowercase()
        } else {
            identifier.to_string()
        };
        let normalized = normalize_gracefully(&submitted);
        Ok(store::find_by_identifier(tx, "code", &[&normalized, &submitted]).await?)
    }

    /// The `require_verified_address` hook (reference F): when the identity has no
    /// verified address, start a verification flow for its first address and
    /// return the `continue_with` that points at it instead of a session.
    async fn require_verified_address(
        &self,
        tx: &Tx,
        login: &FlowRecord,
        account: &Account,
    ) -> Result<Option<Vec<Value>>, EngineError> {
        if !self.settings().login.require_verified_address {
            return Ok(None);
        }
        let (identity, addresses) = (&account.identity, &account.addresses);
        if addresses.is_empty() {
            return Err(EngineError::Misconfigured(
                "A misconfiguration prevents login. Expected to find a verification address but this identity does not have one assigned.".into(),
            ));
        }
        if addresses.iter().any(|a| a.verified) {
            return Ok(None);
        }
        let Some(address) = addresses.iter().find(|a| !a.value.is_empty()) else {
            return Ok(None);
        };
        let flow = self
            .start_verification_for(tx, address, identity, flow_type_of(login))
            .await?;
        Ok(Some(vec![json!({
            "action": "show_verification_ui",
            "flow": {
                "id": flow.id,
                "verifiable_address": address.value,
                "url": format!("{}?flow={}", self.settings().verification.ui_url, flow.id),
            }
        })]))
    }

    /// The login nodes: before a code was sent (`identifier` None) or after.
    fn login_nodes(&self, identifier: Option<&str>) -> Vec<Value> {
        if !self.settings().code.passwordless_enabled {
            return Vec::new();
        }
        match identifier {
            None => vec![
                Input::new(Group::Default, "identifier", "text")
                    .value("")
                    .required()
                    .label(self.identifier_label())
                    .build(),
                ui::submit(Group::Code, "method", "code", texts::SEND_SIGN_IN_CODE),
            ],
            Some(identifier) => vec![
                ui::hidden(Group::Default, "identifier", identifier),
                ui::hidden(Group::Code, "method", "code"),
                ui::code_input(texts::LOGIN_CODE),
                ui::submit(Group::Code, "method", "code", texts::CONTINUE),
                ui::submit(Group::Code, "resend", "code", texts::RESEND_CODE),
            ],
        }
    }

    /// The identifier's label: the schema title when exactly one code identifier
    /// trait has one (1070002), else "ID" (1070004).
    fn identifier_label(&self) -> Value {
        let label = self
            .inner
            .schemas
            .get(self.default_schema_id())
            .and_then(|schema| super::traits::identifier_label(&schema.model));
        match label {
            Some(label) => ui::text(
                1070002,
                "info",
                &label.title,
                Some(json!({ "title": label.title, "name": label.name })),
            ),
            None => ui::label(texts::ID),
        }
    }

    /// The flow's UI container with new nodes, CSRF node included for browsers.
    pub(super) fn rebuild_ui(&self, flow: &FlowRecord, mut nodes: Vec<Value>) -> Value {
        if flow.flow_type == "browser" {
            nodes.push(
                Input::new(Group::Default, "csrf_token", "hidden")
                    .value("")
                    .required()
                    .build(),
            );
        }
        let kind = match flow.kind.as_str() {
            "registration" => FlowKind::Registration,
            "verification" => FlowKind::Verification,
            _ => FlowKind::Login,
        };
        ui::container(self.action_url(kind, &flow.id), "POST", nodes, Vec::new())
    }
}

/// Marks an address verified in memory; true if it was not verified before
/// (and the store must be told).
fn mark_verified(addresses: &mut [AddressRecord], via: &str, value: &str, now: i64) -> bool {
    let mut changed = false;
    for address in addresses
        .iter_mut()
        .filter(|a| a.via == via && a.value == value && !a.verified)
    {
        changed = true;
        address.verified = true;
        address.status = "completed".to_string();
        address.verified_at = address.verified_at.or(Some(now));
        address.updated_at = now;
    }
    changed
}

/// Where login codes go: the credential's address matching the identifier, or
/// all of its addresses if none matches (reference B.6.1).
fn code_targets(credential: &CredentialRecord, identifier: &str, identity_id: &str) -> Vec<Target> {
    let normalized = normalize_gracefully(identifier);
    let all: Vec<Target> = credential.config["addresses"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| {
            Some(Target {
                address: a.get("address")?.as_str()?.to_string(),
                via: super::identifier::Via::parse(a.get("channel")?.as_str()?),
                identity_id: Some(identity_id.to_string()),
            })
        })
        .collect();
    let matching: Vec<Target> = all
        .iter()
        .filter(|t| t.address == normalized)
        .cloned()
        .collect();
    if matching.is_empty() { all } else { matching }
}
