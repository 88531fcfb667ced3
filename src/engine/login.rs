//! Passwordless login by code (reference B.6): identifier → code sent →
//! code → session, the address the code went to becoming verified.

use serde_json::Value;

use super::codes::{Target, has_code, template_identity};
use super::entities::Session;
use super::flows::Prelude;
use super::identifier::normalize_gracefully;
use super::model::{ContinueWith, Flow, FlowKind, FlowRequest, FlowState, FlowUi, Outcome};
use super::texts;
use super::ui::{self, Group, Input, TextKind, UiNode};
use super::{Engine, EngineError};
use crate::courier::template::TemplateType;
use crate::store;
use crate::store::{Account, AddressRecord, CodeOwner, CredentialRecord, Tx};

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
    pub session: Session,
    /// The session token for native apps.
    pub session_token: String,
    /// Follow-up actions (none for code logins without hooks).
    pub continue_with: Vec<ContinueWith>,
    /// The completed flow.
    pub flow: Flow,
}

impl Engine {
    /// Creates a login flow in state `choose_method`.
    pub async fn create_login_flow(&self, request: &FlowRequest) -> Result<Flow, EngineError> {
        let lifespan = self.settings().login.lifespan;
        let flow = self.new_flow(FlowKind::Login, request, lifespan, self.login_nodes(None));
        self.store_new_flow(&flow).await?;
        Ok(flow)
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
        let flow = self
            .load_flow(tx, FlowKind::Login, flow_id, counting)
            .await?;
        let mut flow = match self
            .login_or_registration_prelude(tx, flow, || self.login_nodes(None))
            .await?
        {
            Prelude::Answer(outcome) => return Ok(outcome),
            Prelude::Continue(flow) => flow,
        };
        if let Some(payload) = &submission.transient_payload {
            flow.context.transient_payload = Some(payload.clone());
        }
        if submission.resend || flow.state == FlowState::ChooseMethod {
            return self.send_login_code(tx, flow, submission).await;
        }
        self.check_login_code(tx, flow, submission).await
    }

    /// Step 1: find the account and send a code to its address(es).
    async fn send_login_code(
        &self,
        tx: &Tx,
        mut flow: Flow,
        submission: &LoginSubmission,
    ) -> Result<Outcome<LoginSuccess>, EngineError> {
        let identifier = submission
            .identifier
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if identifier.is_empty() {
            flow.ui = FlowUi::Built(self.rebuild_ui(&flow, self.login_nodes(None)));
            return self.refuse_field(tx, flow, "identifier", ui::missing("identifier"));
        }
        let Some(account) = self.find_code_account(tx, identifier).await? else {
            // The identifier keeps what was submitted (Kratos re-renders the form
            // from the submission).
            let mut container = self.rebuild_ui(&flow, self.login_nodes(None));
            set_node_value(&mut container.nodes, "identifier", identifier);
            flow.ui = FlowUi::Built(container);
            let (id, text) = texts::NO_CODE_ACCOUNT;
            return self.refuse(tx, flow, ui::error(id, text));
        };
        let identity = &account.identity;
        let targets = code_targets(&account.credential, identifier, &identity.id);
        let shown = self.identity_of(identity, &account.addresses);
        self.issue_codes(
            tx,
            &flow,
            &targets,
            TemplateType::LoginCodeValid,
            |target, code| {
                let mut data = self.base_template_data(&flow, target);
                data["login_code"] = code.into();
                data["identity"] = template_identity(Some(&shown));
                data
            },
        )
        .await?;
        let normalized = normalize_gracefully(&lowercase_email(identifier));
        flow.state = FlowState::SentEmail;
        flow.active = Some("code".to_string());
        flow.context.identifier = Some(identifier.to_string());
        flow.context.identity_id = Some(identity.id.clone());
        let mut container = self.rebuild_ui(&flow, self.login_nodes(Some(&normalized)));
        container.set_messages(vec![ui::label(texts::LOGIN_CODE_SENT)]);
        flow.ui = FlowUi::Built(container);
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Flow(flow))
    }

    /// Step 2: check the code, verify the address, run the hooks, issue the session.
    async fn check_login_code(
        &self,
        tx: &Tx,
        mut flow: Flow,
        submission: &LoginSubmission,
    ) -> Result<Outcome<LoginSuccess>, EngineError> {
        let submitted = submission
            .code
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if submitted.is_empty() {
            return self.refuse_field(tx, flow, "code", ui::missing("code"));
        }
        let identifier = submission
            .identifier
            .clone()
            .or_else(|| flow.context.identifier.clone())
            .unwrap_or_default();
        let Some(mut account) = self.find_code_account(tx, &identifier).await? else {
            // Kratos counts a submission only once the account was found. The
            // count rides on the flow's read (one statement less on every
            // submission); this rare path gives it back.
            store::uncount_submission(tx, &flow.id);
            flow.submit_count -= 1;
            let (id, text) = texts::NO_CODE_ACCOUNT;
            return self.refuse(tx, flow, ui::error(id, text));
        };
        if self.over_submission_limit(&flow) {
            let message = ui::error(texts::GENERIC, texts::TOO_MANY_ATTEMPTS);
            return self.refuse(tx, flow, message);
        }
        let identity = &account.identity;
        let owner = CodeOwner::Identity(&identity.id);
        let claim = self.claim_code(tx, &flow.id, submitted, owner).await?;
        let (id, text) = texts::LOGIN_CODE_INVALID;
        let code = match claim.or_message(ui::error(id, text)) {
            Ok(code) => code,
            Err(message) => return self.refuse(tx, flow, message),
        };
        let now = self.now();
        // Most logins are through an address verified before: no write then.
        if mark_verified(&mut account.addresses, &code.via, &code.address, now) {
            store::mark_address_verified(tx, &identity.id, &code.via, &code.address, now);
        }
        flow.state = FlowState::PassedChallenge;
        flow.ui = FlowUi::Built(self.rebuild_ui(&flow, Vec::new()));
        self.save_flow(tx, &mut flow);
        if let Some(continue_with) = self.require_verified_address(tx, &flow, &account).await? {
            return Ok(Outcome::AddressNotVerified { continue_with });
        }
        let mut session = self.create_session(tx, identity).await?;
        let session_token = std::mem::take(&mut session.token);
        let shown = self.identity_of(identity, &account.addresses);
        Ok(Outcome::Done(LoginSuccess {
            session: Session::new(session, shown, self.now()),
            session_token,
            continue_with: Vec::new(),
            flow,
        }))
    }

    /// The account with a `code` credential for an identifier: the identifier is
    /// lower-cased if it looks like an email, then matched as given and
    /// gracefully normalised (reference B.5).
    pub(super) async fn find_code_account(
        &self,
        tx: &Tx,
        identifier: &str,
    ) -> Result<Option<Account>, EngineError> {
        let submitted = lowercase_email(identifier);
        let normalized = normalize_gracefully(&submitted);
        Ok(store::find_by_identifier(tx, "code", &[&normalized, &submitted]).await?)
    }

    /// The `require_verified_address` hook (reference F): when the identity has no
    /// verified address, start a verification flow for its first address and
    /// return the `continue_with` that points at it instead of a session.
    async fn require_verified_address(
        &self,
        tx: &Tx,
        login: &Flow,
        account: &Account,
    ) -> Result<Option<Vec<ContinueWith>>, EngineError> {
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
            .start_verification_for(tx, address, identity, login)
            .await?;
        Ok(Some(vec![self.show_verification_ui(
            &flow,
            &address.value,
            true,
        )]))
    }

    /// The login nodes: before a code was sent (`identifier` None) or after.
    fn login_nodes(&self, identifier: Option<&str>) -> Vec<UiNode> {
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
            // After a code was sent the identifier stays the node it was, now
            // holding the normalised value (Kratos keeps the submitted node).
            Some(identifier) => vec![
                Input::new(Group::Default, "identifier", "hidden")
                    .value(identifier)
                    .required()
                    .label(ui::label(texts::ID))
                    .build(),
                ui::hidden(Group::Code, "method", "code"),
                ui::code_input(texts::LOGIN_CODE),
                ui::submit(Group::Code, "method", "code", texts::CONTINUE),
                ui::submit(Group::Code, "resend", "code", texts::RESEND_CODE),
            ],
        }
    }

    /// The identifier's label: the schema title when exactly one code identifier
    /// trait has one (1070002), else "ID" (1070004).
    fn identifier_label(&self) -> ui::UiText {
        let label = self
            .inner
            .schemas
            .get(self.default_schema_id())
            .and_then(|schema| super::traits::identifier_label(&schema.model));
        match label {
            Some(label) => ui::text(
                1070002,
                TextKind::Info,
                label.title.clone(),
                Some(serde_json::json!({ "title": label.title, "name": label.name })),
            ),
            None => ui::label(texts::ID),
        }
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

/// Emails are matched lower-cased (Kratos' `maybeNormalizeEmail`).
fn lowercase_email(identifier: &str) -> String {
    if identifier.contains('@') {
        identifier.to_lowercase()
    } else {
        identifier.to_string()
    }
}

/// Sets the value of the input `name` among `nodes`.
fn set_node_value(nodes: &mut [UiNode], name: &str, value: &str) {
    for node in nodes.iter_mut().filter(|n| n.name() == Some(name)) {
        if let ui::Attributes::Input(input) = &mut node.attributes {
            input.value = Some(value.into());
        }
    }
}
