//! What the three flows share: creating, loading and saving a flow, the
//! prelude every step runs (expiry, a method that is off, a completed flow),
//! and the answers that show a flow again with a message.

use std::time::Duration;

use serde_json::json;

use super::model::{
    Flow, FlowContext, FlowKind, FlowRequest, FlowState, FlowType, FlowUi, Outcome,
};
use super::ui::{self, Group, Input, TextKind, UiContainer, UiNode, UiText};
use super::{Engine, EngineError, texts};
use crate::store::{self, Tx};
use crate::time::clock::rfc3339_ms;

/// What the prelude of a step decided.
pub(super) enum Prelude<T> {
    /// The step answers at once with this.
    Answer(Outcome<T>),
    /// The step goes on with the flow.
    Continue(Flow),
}

impl Engine {
    /// A new flow of `kind` with the given UI, not yet stored.
    pub(super) fn new_flow(
        &self,
        kind: FlowKind,
        request: &FlowRequest,
        lifespan: Duration,
        nodes: Vec<UiNode>,
    ) -> Flow {
        let id = store::new_row_id();
        let now = self.now();
        let request_url = request.request_url.clone().unwrap_or_else(|| {
            self.public_url(format_args!(
                "self-service/{}/{}",
                kind.as_str(),
                request.flow_type.as_str()
            ))
        });
        let mut flow = Flow {
            id,
            kind,
            flow_type: request.flow_type,
            state: FlowState::ChooseMethod,
            active: None,
            submit_count: 0,
            request_url,
            return_to: request.return_to.clone(),
            context: FlowContext {
                csrf_token: request.csrf_token.clone(),
                ..FlowContext::default()
            },
            ui: FlowUi::Built(UiContainer::new(String::new(), "POST", Vec::new())),
            issued_at: now,
            expires_at: now.saturating_add(duration_ms(lifespan)),
            updated_at: now,
        };
        flow.ui = FlowUi::Built(self.rebuild_ui(&flow, nodes));
        flow
    }

    /// `<public>/self-service/<kind>?flow=<id>`, where the UI posts to.
    fn action_url(&self, kind: FlowKind, id: &str) -> String {
        self.public_url(format_args!("self-service/{}?flow={id}", kind.as_str()))
    }

    /// A UI container for the flow with new nodes; browser flows carry the
    /// `csrf_token` node from creation on, as in Kratos.
    pub(super) fn rebuild_ui(&self, flow: &Flow, mut nodes: Vec<UiNode>) -> UiContainer {
        if flow.flow_type == FlowType::Browser {
            nodes.push(
                Input::new(Group::Default, "csrf_token", "hidden")
                    .value(flow.context.csrf_token.as_deref().unwrap_or_default())
                    .required()
                    .build(),
            );
        }
        UiContainer::new(self.action_url(flow.kind, &flow.id), "POST", nodes)
    }

    /// Stores a flow just created, in a transaction of its own.
    pub(super) async fn store_new_flow(&self, flow: &Flow) -> Result<(), EngineError> {
        let record = flow.to_record();
        self.in_tx(move |_, tx| {
            store::insert_flow(&tx, &record);
            std::future::ready(Ok(()))
        })
        .await
    }

    /// Writes a changed flow back, stamping it.
    pub(super) fn save_flow(&self, tx: &Tx, flow: &mut Flow) {
        flow.updated_at = self.now();
        store::update_flow(
            tx,
            store::FlowUpdate {
                id: flow.id.clone(),
                state: flow.state.as_str(),
                active: flow.active.clone(),
                context: flow.context.to_text(),
                ui: flow.ui.to_text(),
                updated_at: flow.updated_at,
            },
        );
    }

    /// A stored flow of `kind`, or an error naming what was found instead.
    /// `counting` counts a code submission (reference B.4) in the same statement.
    pub(super) async fn load_flow(
        &self,
        tx: &Tx,
        kind: FlowKind,
        id: &str,
        counting: bool,
    ) -> Result<Flow, EngineError> {
        let found = if counting {
            store::get_flow_counting_submission(tx, id, kind.as_str()).await?
        } else {
            store::get_flow(tx, id).await?
        };
        let record = found.ok_or_else(|| EngineError::NotFound {
            kind: "flow",
            id: id.to_string(),
        })?;
        let flow = Flow::from_record(record)?;
        if flow.kind != kind {
            return Err(EngineError::WrongFlowKind {
                id: id.to_string(),
                expected: kind.as_str(),
                actual: flow.kind.as_str().to_string(),
            });
        }
        Ok(flow)
    }

    /// A flow by id, whatever its kind (`GET …/flows?id=`), its UI read.
    pub async fn get_flow(&self, id: &str) -> Result<Flow, EngineError> {
        let mut flow = self.peek_flow(id).await?;
        flow.ui.get_mut()?;
        Ok(flow)
    }

    /// A flow by id with its UI left as stored: what a caller needs to check
    /// the flow's kind and type before a step.
    pub async fn peek_flow(&self, id: &str) -> Result<Flow, EngineError> {
        let id = id.to_string();
        self.in_tx(move |_, tx| {
            let id = id.clone();
            async move {
                let record = store::get_flow(&tx, &id)
                    .await?
                    .ok_or_else(|| EngineError::NotFound { kind: "flow", id })?;
                Ok(Flow::from_record(record)?)
            }
        })
        .await
    }

    /// What login and registration steps check first, in Kratos' order: an
    /// expired flow is replaced by a new one (410), a code method that is off
    /// and a completed flow are refused with the "no strategy" message.
    pub(super) async fn login_or_registration_prelude<T>(
        &self,
        tx: &Tx,
        flow: Flow,
        fresh_nodes: impl FnOnce() -> Vec<UiNode>,
    ) -> Result<Prelude<T>, EngineError> {
        let (lifespan, no_strategy) = match flow.kind {
            FlowKind::Registration => (
                self.settings().registration.lifespan,
                texts::NO_REGISTRATION_STRATEGY,
            ),
            _ => (self.settings().login.lifespan, texts::NO_LOGIN_STRATEGY),
        };
        if self.is_expired(&flow) {
            let outcome = self.replace_expired(tx, &flow, lifespan, fresh_nodes())?;
            return Ok(Prelude::Answer(outcome));
        }
        // Kratos' code strategy answers a completed flow as if no strategy took it.
        if !self.settings().code.passwordless_enabled || flow.state == FlowState::PassedChallenge {
            let (id, text) = no_strategy;
            return Ok(Prelude::Answer(self.refuse(
                tx,
                flow,
                ui::error(id, text),
            )?));
        }
        Ok(Prelude::Continue(flow))
    }

    /// Replaces an expired flow with a new one of the same kind and type that
    /// carries the "expired N.NN minutes ago" message.
    pub(super) fn replace_expired<T>(
        &self,
        tx: &Tx,
        old: &Flow,
        lifespan: Duration,
        nodes: Vec<UiNode>,
    ) -> Result<Outcome<T>, EngineError> {
        let request = FlowRequest::successor_of(old);
        let mut flow = self.new_flow(old.kind, &request, lifespan, nodes);
        flow.ui
            .get_mut()?
            .set_messages(vec![self.expired_message(old)]);
        store::insert_flow(tx, &flow.to_record());
        Ok(Outcome::Expired {
            flow,
            expired_at: old.expires_at,
        })
    }

    /// Whether a flow has expired.
    pub(super) fn is_expired(&self, flow: &Flow) -> bool {
        flow.is_expired_at(self.now())
    }

    /// The message a replacement flow carries after expiry: "The … flow expired
    /// N.NN minutes ago, please try again.", with Kratos' context.
    pub(super) fn expired_message(&self, flow: &Flow) -> UiText {
        let minutes = (self.now() - flow.expires_at) as f64 / 60_000.0;
        let id = match flow.kind {
            FlowKind::Login => texts::LOGIN_EXPIRED,
            FlowKind::Registration => texts::REGISTRATION_EXPIRED,
            FlowKind::Verification => texts::VERIFICATION_EXPIRED,
        };
        let text = format!(
            "The {} flow expired {minutes:.2} minutes ago, please try again.",
            flow.kind.as_str()
        );
        let expired_at = flow.expires_at;
        ui::text(
            id,
            TextKind::Error,
            text,
            Some(json!({
                "expired_at": rfc3339_ms(expired_at),
                "expired_at_unix": expired_at.div_euclid(1000),
            })),
        )
    }

    /// Whether the code submission just counted is over `max_submissions` and
    /// must be refused even with the right code (reference B.4).
    pub(super) fn over_submission_limit(&self, flow: &Flow) -> bool {
        flow.submit_count > i64::from(self.settings().code.max_submissions)
    }

    /// Shows the flow with `message` on its container, as Kratos' flow error
    /// handler does: earlier messages are cleared and the flow is saved, so
    /// reading it again shows what this answer showed.
    pub(super) fn refuse<T>(
        &self,
        tx: &Tx,
        mut flow: Flow,
        message: UiText,
    ) -> Result<Outcome<T>, EngineError> {
        let container = flow.ui.get_mut()?;
        clear_messages(container);
        container.set_messages(vec![message]);
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Flow(flow))
    }

    /// Shows the flow with `message` on the node `name` (a missing field), the
    /// earlier messages cleared; saved as [`Engine::refuse`] does.
    pub(super) fn refuse_field<T>(
        &self,
        tx: &Tx,
        mut flow: Flow,
        name: &str,
        message: UiText,
    ) -> Result<Outcome<T>, EngineError> {
        let container = flow.ui.get_mut()?;
        clear_messages(container);
        if !container.add_node_message(name, message.clone()) {
            container.set_messages(vec![message]);
        }
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Flow(flow))
    }

    /// Shows the flow with a UI of its own (trait errors on their nodes), saved.
    pub(super) fn refuse_with_ui<T>(
        &self,
        tx: &Tx,
        mut flow: Flow,
        container: UiContainer,
    ) -> Result<Outcome<T>, EngineError> {
        flow.ui = FlowUi::Built(container);
        self.save_flow(tx, &mut flow);
        Ok(Outcome::Flow(flow))
    }
}

/// Kratos resets a container's messages, its own and its nodes', before it
/// adds an error (`container.ResetMessages`).
fn clear_messages(container: &mut UiContainer) {
    container.messages.clear();
    for node in &mut container.nodes {
        node.messages.clear();
    }
}

/// A duration as milliseconds, saturating.
pub(super) fn duration_ms(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}
