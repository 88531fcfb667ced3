//! Address verification by code (reference B.8): address → code (the same
//! answer for unknown addresses) → code → address verified.

use serde_json::Value;

use super::codes::{Target, has_code, template_identity};
use super::identifier::{Via, normalize_gracefully};
use super::model::{
    ContinueWith, Flow, FlowKind, FlowRequest, FlowState, FlowType, FlowUi, Outcome,
    VerificationContinue,
};
use super::settings::VerificationStrategy;
use super::texts;
use super::ui::{self, Group, Input, TextKind, UiContainer, UiNode, UiText};
use super::{Engine, EngineError};
use crate::courier::template::TemplateType;
use crate::store::{self, AddressRecord, CodeOwner, IdentityRecord, Tx};

/// Who started a verification flow: its resend node is named `email` when a
/// person did (also for phone numbers, as in Kratos), and after the channel
/// when a hook did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StartedBy {
    Person,
    Hook,
}

/// What a client posts to a verification flow.
#[derive(Debug, Clone, Default)]
pub struct VerificationSubmission {
    /// The address (email or phone number) to send a code to.
    pub email: Option<String>,
    /// The code; when present it wins over `email`.
    pub code: Option<String>,
    /// Passed through to templates and webhooks.
    pub transient_payload: Option<Value>,
}

impl Engine {
    /// Creates a verification flow; refused when verification is off or its
    /// strategy is not `code`.
    pub async fn create_verification_flow(
        &self,
        request: &FlowRequest,
    ) -> Result<Flow, EngineError> {
        self.check_verification_enabled()?;
        let flow = self.fresh_verification_flow(request);
        self.store_new_flow(&flow).await?;
        Ok(flow)
    }

    fn check_verification_enabled(&self) -> Result<(), EngineError> {
        let verification = &self.settings().verification;
        if !verification.enabled {
            return Err(EngineError::Disabled(
                "Verification is not allowed because it was disabled.".into(),
            ));
        }
        if verification.use_strategy != VerificationStrategy::Code || !self.settings().code.enabled
        {
            return Err(EngineError::Disabled(format!(
                "The active verification strategy {} is not enabled. Please enable it in the configuration.",
                verification.use_strategy
            )));
        }
        Ok(())
    }

    fn fresh_verification_flow(&self, request: &FlowRequest) -> Flow {
        let lifespan = self.settings().verification.lifespan;
        let nodes = self.verification_nodes(None);
        let mut flow = self.new_flow(FlowKind::Verification, request, lifespan, nodes);
        flow.active = Some("code".to_string());
        flow
    }

    /// One step of a verification flow.
    pub async fn submit_verification(
        &self,
        flow_id: &str,
        submission: &VerificationSubmission,
    ) -> Result<Outcome<Flow>, EngineError> {
        let (flow_id, submission) = (flow_id.to_string(), submission.clone());
        self.in_tx(move |engine, tx| {
            let (flow_id, submission) = (flow_id.clone(), submission.clone());
            async move { engine.verification_step(&tx, &flow_id, &submission).await }
        })
        .await
    }

    async fn verification_step(
        &self,
        tx: &Tx,
        flow_id: &str,
        submission: &VerificationSubmission,
    ) -> Result<Outcome<Flow>, EngineError> {
        let counting = has_code(submission.code.as_deref());
        let mut flow = self
            .load_flow(tx, FlowKind::Verification, flow_id, counting)
            .await?;
        if let Some(payload) = &submission.transient_payload {
            flow.context.transient_payload = Some(payload.clone());
        }
        if self.is_expired(&flow) {
            let message = self.expired_message(&flow);
            let expired_at = flow.expires_at;
            let replacement = self.replace_verification(tx, &flow, message).await?;
            return Ok(Outcome::Expired {
                flow: replacement,
                expired_at,
            });
        }
        match submission
            .code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(code) => self.check_verification_code(tx, flow, code).await,
            None => self.send_verification_code(tx, flow, submission).await,
        }
    }

    /// A new flow carrying `message` replaces `old` (Kratos turns the replacement
    /// of an API flow into a browser flow; otpctl keeps the type, since its
    /// clients are native).
    async fn replace_verification(
        &self,
        tx: &Tx,
        old: &Flow,
        message: UiText,
    ) -> Result<Flow, EngineError> {
        let request = FlowRequest::successor_of(old);
        let mut flow = self.fresh_verification_flow(&request);
        flow.ui.get_mut()?.set_messages(vec![message]);
        store::insert_flow(tx, &flow.to_record());
        Ok(flow)
    }

    /// Sends a code to a known address; an unknown one gets the same answer (and
    /// the "invalid" email if `notify_unknown_recipients`).
    async fn send_verification_code(
        &self,
        tx: &Tx,
        mut flow: Flow,
        submission: &VerificationSubmission,
    ) -> Result<Outcome<Flow>, EngineError> {
        let submitted = submission
            .email
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if submitted.is_empty() {
            return self.refuse_field(tx, flow, "email", ui::missing("email"));
        }
        // Kratos infers the channel from an `@`.
        let via = if submitted.contains('@') {
            Via::Email
        } else {
            Via::Sms
        };
        let normalized = normalize_gracefully(submitted);
        let found = store::find_address(tx, via.as_str(), &[submitted, &normalized]).await?;
        match found {
            Some(address) => self.send_valid_verification(tx, &flow, &address).await?,
            None => {
                self.notify_unknown_recipient(tx, &flow, submitted, via)
                    .await?
            }
        }
        flow.state = FlowState::SentEmail;
        flow.context.address = Some(submitted.to_string());
        let sent_ui = self.verification_sent_ui(&flow, submitted, via, StartedBy::Person);
        flow.ui = FlowUi::Built(sent_ui);
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Flow(flow))
    }

    async fn send_valid_verification(
        &self,
        tx: &Tx,
        flow: &Flow,
        address: &AddressRecord,
    ) -> Result<(), EngineError> {
        let identity = store::get_identity(tx, &address.identity_id).await?;
        let shown = match &identity {
            Some(identity) => Some(self.load_identity(tx, identity).await?),
            None => None,
        };
        let target = Target {
            address: address.value.clone(),
            via: Via::parse(&address.via),
            identity_id: Some(address.identity_id.clone()),
        };
        self.issue_codes(
            tx,
            flow,
            std::slice::from_ref(&target),
            TemplateType::VerificationCodeValid,
            |target, code| {
                let mut data = self.base_template_data(flow, target);
                data["verification_code"] = code.into();
                data["identity"] = template_identity(shown.as_ref());
                if target.via == Via::Email {
                    data["verification_url"] = self.verification_link(&flow.id, code).into();
                }
                data
            },
        )
        .await?;
        store::set_address_status(tx, &address.id, "sent", self.now());
        Ok(())
    }

    async fn notify_unknown_recipient(
        &self,
        tx: &Tx,
        flow: &Flow,
        submitted: &str,
        via: Via,
    ) -> Result<(), EngineError> {
        store::delete_codes_of_flow(tx, &flow.id);
        // SMS is never sent to unknown numbers (reference B.9).
        if !self.settings().verification.notify_unknown_recipients || via != Via::Email {
            return Ok(());
        }
        let target = Target {
            address: submitted.to_lowercase(),
            via,
            identity_id: None,
        };
        let mut data = self.base_template_data(flow, &target);
        if let Some(object) = data.as_object_mut() {
            object.remove("expires_in_minutes");
        }
        self.send(
            tx,
            TemplateType::VerificationCodeInvalid,
            &target,
            data,
            Some(&flow.id),
        )
        .await
    }

    /// Checks a code: right ⇒ the address is verified; wrong ⇒ the same flow with
    /// 4070006; over the limit or already done ⇒ a replacement flow.
    async fn check_verification_code(
        &self,
        tx: &Tx,
        mut flow: Flow,
        submitted: &str,
    ) -> Result<Outcome<Flow>, EngineError> {
        if flow.state == FlowState::PassedChallenge {
            let (id, text) = texts::VERIFICATION_DONE;
            let replacement = self
                .replace_verification(tx, &flow, ui::error(id, text))
                .await?;
            return Ok(Outcome::Replaced { flow: replacement });
        }
        if self.over_submission_limit(&flow) {
            let message = ui::error(texts::GENERIC, texts::TOO_MANY_ATTEMPTS);
            let replacement = self.replace_verification(tx, &flow, message).await?;
            return Ok(Outcome::Replaced { flow: replacement });
        }
        let claim = self
            .claim_code(tx, &flow.id, submitted, CodeOwner::Any)
            .await?;
        let (id, text) = texts::VERIFICATION_CODE_INVALID;
        let code = match claim.or_message(ui::error(id, text)) {
            Ok(code) => code,
            Err(message) => return self.refuse(tx, flow, message),
        };
        let now = self.now();
        if let Some(identity_id) = &code.identity_id {
            store::mark_address_verified(tx, identity_id, &code.via, &code.address, now);
        }
        let return_to = self.verification_return_to(&flow);
        let verified = if code.via == "sms" {
            texts::PHONE_VERIFIED
        } else {
            texts::EMAIL_VERIFIED
        };
        flow.state = FlowState::PassedChallenge;
        let anchor = ui::anchor("continue", &return_to, texts::CONTINUE);
        let mut container = UiContainer::new(return_to, "GET", vec![anchor]);
        container.set_messages(vec![ui::text(
            verified.0,
            TextKind::Success,
            verified.1,
            None,
        )]);
        flow.ui = FlowUi::Built(container);
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Done(flow))
    }

    /// A verification flow started by a hook (after registration, or
    /// `require_verified_address`): already in `sent_email`, code sent.
    pub(super) async fn start_verification_for(
        &self,
        tx: &Tx,
        address: &AddressRecord,
        _identity: &IdentityRecord,
        origin: &Flow,
    ) -> Result<Flow, EngineError> {
        let request = FlowRequest {
            flow_type: origin.flow_type,
            csrf_token: origin.context.csrf_token.clone(),
            ..FlowRequest::default()
        };
        let mut flow = self.fresh_verification_flow(&request);
        let via = Via::parse(&address.via);
        flow.state = FlowState::SentEmail;
        flow.context.address = Some(address.value.clone());
        let sent_ui = self.verification_sent_ui(&flow, &address.value, via, StartedBy::Hook);
        flow.ui = FlowUi::Built(sent_ui);
        store::insert_flow(tx, &flow.to_record());
        self.send_valid_verification(tx, &flow, address).await?;
        Ok(flow)
    }

    fn verification_sent_ui(
        &self,
        flow: &Flow,
        address: &str,
        via: Via,
        started_by: StartedBy,
    ) -> UiContainer {
        let nodes = self.verification_nodes(Some((address, via, started_by)));
        let mut ui = self.rebuild_ui(flow, nodes);
        let sent = if via == Via::Sms {
            texts::VERIFICATION_SMS_SENT
        } else {
            texts::VERIFICATION_EMAIL_SENT
        };
        ui.set_messages(vec![ui::label(sent)]);
        ui
    }

    /// The `show_verification_ui` action pointing at a verification flow. The
    /// registration hook gives the page URL only for browser flows
    /// (hook/verification.go); `require_verified_address` always gives it
    /// (hook/require_verified_address.go): `always_url`.
    pub(super) fn show_verification_ui(
        &self,
        flow: &Flow,
        address: &str,
        always_url: bool,
    ) -> ContinueWith {
        let url = (always_url || flow.flow_type == FlowType::Browser)
            .then(|| format!("{}?flow={}", self.settings().verification.ui_url, flow.id));
        ContinueWith::ShowVerificationUi {
            flow: VerificationContinue {
                id: flow.id.clone(),
                verifiable_address: address.to_string(),
                url,
            },
        }
    }

    /// Nodes before a code was sent (`None`) and after (address, channel).
    fn verification_nodes(&self, sent: Option<(&str, Via, StartedBy)>) -> Vec<UiNode> {
        match sent {
            None => {
                let (input_type, label) = if self.inner.sms_channel {
                    ("text", texts::EMAIL_OR_PHONE)
                } else {
                    ("email", texts::EMAIL)
                };
                vec![
                    Input::new(Group::Code, "email", input_type)
                        .required()
                        .label(ui::label(label))
                        .build(),
                    ui::submit(Group::Code, "method", "code", texts::CONTINUE),
                ]
            }
            Some((address, via, started_by)) => {
                let resend_name = match (started_by, via) {
                    (StartedBy::Hook, Via::Sms) => "sms",
                    _ => "email",
                };
                vec![
                    ui::hidden(Group::Code, "method", "code"),
                    ui::code_input(texts::VERIFICATION_CODE),
                    ui::submit(Group::Code, "method", "code", texts::CONTINUE),
                    ui::submit(Group::Code, resend_name, address, texts::RESEND_CODE),
                ]
            }
        }
    }

    /// The link in verification emails.
    fn verification_link(&self, flow_id: &str, code: &str) -> String {
        self.public_url(format_args!(
            "self-service/verification?code={code}&flow={flow_id}"
        ))
    }

    /// Where the "Continue" anchor of a verified flow points.
    fn verification_return_to(&self, flow: &Flow) -> String {
        let settings = self.settings();
        flow.return_to
            .clone()
            .or_else(|| settings.verification.after_return_url.clone())
            .unwrap_or_else(|| settings.default_browser_return_url.clone())
    }
}
