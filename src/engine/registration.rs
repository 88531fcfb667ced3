//! Passwordless registration by code (reference B.7): traits → code sent to
//! every code identifier → same traits + code → identity (and a session with
//! the `session` hook).

use serde_json::Value;

use super::codes::{Target, has_code};
use super::entities::{Identity, Session};
use super::flows::Prelude;
use super::identifier::Via;
use super::model::{ContinueWith, Flow, FlowKind, FlowRequest, FlowState, FlowUi, Outcome};
use super::texts;
use super::traits::{Address, Derived, TraitError};
use super::ui::{self, Group, Input, TextKind, UiContainer, UiNode};
use super::{Engine, EngineError};
use crate::courier::template::TemplateType;
use crate::store::{self, CodeOwner, Tx};

/// What a client posts to a registration flow with `method=code`.
#[derive(Debug, Clone, Default)]
pub struct RegistrationSubmission {
    /// The traits (the same values in both steps).
    pub traits: Option<Value>,
    /// The code, in the second step.
    pub code: Option<String>,
    /// `resend=code`.
    pub resend: bool,
    /// Passed through to templates and webhooks.
    pub transient_payload: Option<Value>,
}

/// A completed registration.
#[derive(Debug, Clone)]
pub struct RegistrationSuccess {
    /// The new identity.
    pub identity: Identity,
    /// The session, when the `session` hook is configured for code.
    pub session: Option<Session>,
    /// Its token.
    pub session_token: Option<String>,
    /// Follow-up actions (`show_verification_ui`, `set_ory_session_token`).
    pub continue_with: Vec<ContinueWith>,
    /// The completed flow.
    pub flow: Flow,
}

impl Engine {
    /// Creates a registration flow; Kratos refuses when registration is disabled.
    pub async fn create_registration_flow(
        &self,
        request: &FlowRequest,
    ) -> Result<Flow, EngineError> {
        if !self.settings().registration.enabled {
            return Err(EngineError::Disabled(
                "Registration is not allowed because it was disabled.".into(),
            ));
        }
        let lifespan = self.settings().registration.lifespan;
        let nodes = self.registration_nodes(None);
        let flow = self.new_flow(FlowKind::Registration, request, lifespan, nodes);
        self.store_new_flow(&flow).await?;
        Ok(flow)
    }

    /// One step of a registration flow.
    pub async fn submit_registration(
        &self,
        flow_id: &str,
        submission: &RegistrationSubmission,
    ) -> Result<Outcome<RegistrationSuccess>, EngineError> {
        let (flow_id, submission) = (flow_id.to_string(), submission.clone());
        self.in_tx(move |engine, tx| {
            let (flow_id, submission) = (flow_id.clone(), submission.clone());
            async move { engine.registration_step(&tx, &flow_id, &submission).await }
        })
        .await
    }

    async fn registration_step(
        &self,
        tx: &Tx,
        flow_id: &str,
        submission: &RegistrationSubmission,
    ) -> Result<Outcome<RegistrationSuccess>, EngineError> {
        let counting = has_code(submission.code.as_deref()) && !submission.resend;
        let flow = self
            .load_flow(tx, FlowKind::Registration, flow_id, counting)
            .await?;
        let mut flow = match self
            .login_or_registration_prelude(tx, flow, || self.registration_nodes(None))
            .await?
        {
            Prelude::Answer(outcome) => return Ok(outcome),
            Prelude::Continue(flow) => flow,
        };
        if let Some(payload) = &submission.transient_payload {
            flow.context.transient_payload = Some(payload.clone());
        }
        let Some(traits) = submission.traits.as_ref().filter(|t| !t.is_null()) else {
            return self.refuse(tx, flow, ui::missing("traits"));
        };
        let schema_id = self.default_schema_id().to_string();
        let derived = match self.derive_traits(&schema_id, traits)? {
            Ok(derived) => derived,
            Err(errors) => {
                let container = self.with_trait_errors(&flow, traits, &errors);
                return self.refuse_with_ui(tx, flow, container);
            }
        };
        if submission.resend || flow.state == FlowState::ChooseMethod {
            return self
                .send_registration_code(tx, flow, traits, &derived)
                .await;
        }
        self.check_registration_code(tx, flow, submission, &schema_id, &derived)
            .await
    }

    /// Step 1: a code to every code identifier of the traits. No duplicate check
    /// here, as in Kratos: existence is revealed only after a correct code.
    async fn send_registration_code(
        &self,
        tx: &Tx,
        mut flow: Flow,
        traits: &Value,
        derived: &Derived,
    ) -> Result<Outcome<RegistrationSuccess>, EngineError> {
        if derived.code_addresses.is_empty() {
            let (id, text) = texts::NO_IDENTIFIERS;
            return self.refuse(tx, flow, ui::error(id, text));
        }
        let targets: Vec<Target> = derived
            .code_addresses
            .iter()
            .map(|a| Target {
                address: a.value.clone(),
                via: a.via,
                identity_id: None,
            })
            .collect();
        self.issue_codes(
            tx,
            &flow,
            &targets,
            TemplateType::RegistrationCodeValid,
            |target, code| {
                let mut data = self.base_template_data(&flow, target);
                data["registration_code"] = code.into();
                // Kratos' SMS model calls the traits `Identity`; its email model `Traits`.
                let key = if target.via == Via::Sms {
                    "identity"
                } else {
                    "traits"
                };
                data[key] = derived.traits.clone();
                data
            },
        )
        .await?;
        flow.state = FlowState::SentEmail;
        flow.active = Some("code".to_string());
        flow.context.traits = Some(derived.traits.clone());
        let mut container = self.rebuild_ui(&flow, self.registration_nodes(Some(traits)));
        container.set_messages(vec![ui::label(texts::REGISTRATION_CODE_SENT)]);
        flow.ui = FlowUi::Built(container);
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Flow(flow))
    }

    /// Step 2: same traits, right code → the identity, hooks, maybe a session.
    async fn check_registration_code(
        &self,
        tx: &Tx,
        mut flow: Flow,
        submission: &RegistrationSubmission,
        schema_id: &str,
        derived: &Derived,
    ) -> Result<Outcome<RegistrationSuccess>, EngineError> {
        let submitted = submission
            .code
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if submitted.is_empty() {
            return self.refuse_field(tx, flow, "code", ui::missing("code"));
        }
        if self.over_submission_limit(&flow) {
            let message = ui::error(texts::GENERIC, texts::TOO_MANY_ATTEMPTS);
            return self.refuse(tx, flow, message);
        }
        if flow.context.traits.as_ref() != Some(&derived.traits) {
            let (id, text) = texts::TRAITS_MISMATCH;
            return self.refuse(tx, flow, ui::error(id, text));
        }
        let addresses: Vec<String> = derived
            .code_addresses
            .iter()
            .map(|a| a.value.clone())
            .collect();
        let owner = CodeOwner::Addresses(&addresses);
        let claim = self.claim_code(tx, &flow.id, submitted, owner).await?;
        let (id, text) = texts::REGISTRATION_CODE_INVALID;
        let code = match claim.or_message(ui::error(id, text)) {
            Ok(code) => code,
            Err(message) => return self.refuse(tx, flow, message),
        };
        let proven = Address {
            via: Via::parse(&code.via),
            value: code.address.clone(),
        };
        let identity = self.build_identity(schema_id, derived, &[proven]);
        if let Err(error) = self.insert_identity(tx, &identity).await {
            if !store::is_unique_violation(&error) {
                return Err(error.into());
            }
            // The insert left nothing behind (it runs as one savepoint); the
            // counted submission and the used code stay.
            let (id, text) = texts::DUPLICATE;
            return self.refuse(tx, flow, ui::error(id, text));
        }
        flow.state = FlowState::PassedChallenge;
        flow.ui = FlowUi::Built(self.rebuild_ui(&flow, Vec::new()));
        self.save_flow(tx, &mut flow);
        let continue_with = self.after_registration(tx, &flow, &identity.record).await?;
        let mut continue_with = continue_with;
        // Read after the hooks, which may have changed the addresses' status.
        let shown = self.load_identity(tx, &identity.record).await?;
        let (session, token) = if self.settings().registration.session_hook {
            let mut record = self.create_session(tx, &identity.record).await?;
            let token = std::mem::take(&mut record.token);
            continue_with.push(ContinueWith::SetOrySessionToken {
                ory_session_token: token.clone(),
            });
            let session = Session::new(record, shown.clone(), self.now());
            (Some(session), Some(token))
        } else {
            (None, None)
        };
        Ok(Outcome::Done(RegistrationSuccess {
            identity: shown,
            session,
            session_token: token,
            continue_with,
            flow,
        }))
    }

    /// Post-persist hooks: with verification enabled, a verification flow and
    /// code for each address still unverified (the code-proven one is skipped);
    /// `show_verification_ui` adds the first of them to `continue_with`.
    async fn after_registration(
        &self,
        tx: &Tx,
        registration: &Flow,
        identity: &store::IdentityRecord,
    ) -> Result<Vec<ContinueWith>, EngineError> {
        let mut continue_with = Vec::new();
        if !self.settings().verification.enabled {
            return Ok(continue_with);
        }
        // Kratos' verification hook stops after the first unverified address
        // (unless `legacy_continue_with_verification_ui`).
        let unverified = store::addresses_of(tx, &identity.id)
            .await?
            .into_iter()
            .find(|address| !address.verified);
        if let Some(address) = unverified {
            let flow = self
                .start_verification_for(tx, &address, identity, registration)
                .await?;
            if self.settings().registration.show_verification_ui {
                continue_with.push(self.show_verification_ui(&flow, &address.value, false));
            }
        }
        Ok(continue_with)
    }

    /// The flow shown again with the traits as submitted and each error on its
    /// node (or on the container when no node matches).
    fn with_trait_errors(&self, flow: &Flow, traits: &Value, errors: &[TraitError]) -> UiContainer {
        let mut container =
            self.rebuild_ui(flow, self.registration_nodes_with_values(traits, false));
        let mut global = Vec::new();
        for error in errors {
            let name = error.pointer.trim_start_matches('/').replace('/', ".");
            let message = ui::text(
                error.ui_id,
                TextKind::Error,
                error.message.clone(),
                Some(error.context.clone()),
            );
            if !container.add_node_message(&name, message.clone()) {
                global.push(message);
            }
        }
        container.set_messages(global);
        container
    }

    /// Registration nodes: trait inputs and "Send sign up code" before a code was
    /// sent; hidden traits, the code input, Continue and Resend after.
    fn registration_nodes(&self, sent_traits: Option<&Value>) -> Vec<UiNode> {
        match sent_traits {
            None => self.registration_nodes_with_values(&Value::Null, false),
            Some(traits) => self.registration_nodes_with_values(traits, true),
        }
    }

    fn registration_nodes_with_values(&self, traits: &Value, sent: bool) -> Vec<UiNode> {
        let fields = self
            .inner
            .schemas
            .get(self.default_schema_id())
            .map(|schema| super::traits::trait_fields(&schema.model))
            .unwrap_or_default();
        let mut nodes: Vec<UiNode> = fields
            .iter()
            .map(|field| {
                let pointer = format!(
                    "/{}",
                    field.name.trim_start_matches("traits.").replace('.', "/")
                );
                let value = traits.pointer(&pointer).cloned();
                let input_type = if sent { "hidden" } else { field.input_type };
                let mut input = Input::new(Group::Default, field.name.clone(), input_type);
                if let Some(value) = value {
                    input = input.value(value);
                }
                if field.required && !sent {
                    input = input.required();
                }
                if let (Some(hint), false) = (field.autocomplete, sent) {
                    input = input.autocomplete(hint);
                }
                if let Some(title) = &field.title {
                    input = input.label(ui::text(
                        1070002,
                        TextKind::Info,
                        title.clone(),
                        Some(serde_json::json!({ "title": title, "name": field.name })),
                    ));
                }
                input.build()
            })
            .collect();
        if sent {
            nodes.push(ui::hidden(Group::Code, "method", "code"));
            nodes.push(ui::code_input(texts::REGISTRATION_CODE));
            nodes.push(ui::submit(Group::Code, "method", "code", texts::CONTINUE));
            nodes.push(ui::submit(
                Group::Code,
                "resend",
                "code",
                texts::RESEND_CODE,
            ));
        } else if self.settings().code.passwordless_enabled {
            nodes.push(ui::submit(
                Group::Code,
                "method",
                "code",
                texts::SEND_SIGN_UP_CODE,
            ));
        }
        nodes
    }
}
