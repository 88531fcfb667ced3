//! Codes and their messages: making, storing (as keyed hashes) and queueing a
//! code per target, and claiming a submitted one.

use serde_json::Value;

use super::entities::Identity;
use super::json::object;
use super::model::{Flow, FlowState};
use super::ui::{self, UiText};
use super::{Engine, EngineError, code, texts};
use crate::courier::outbox;
use crate::courier::template::{Channel, TemplateType};
use crate::engine::identifier::Via;
use crate::store::{self, CodeOwner, CodeRecord, Tx};

/// A code to send: where, how, and for which identity.
#[derive(Debug, Clone)]
pub(super) struct Target {
    pub address: String,
    pub via: Via,
    pub identity_id: Option<String>,
}

/// What became of a submitted code.
#[derive(Debug)]
pub(super) enum Claim {
    /// It was the flow's, unused and unexpired: it is used now.
    Claimed(CodeRecord),
    /// Wrong, expired, or not this owner's.
    Invalid,
    /// Right, but used by another submission first.
    AlreadyUsed,
}

impl Claim {
    /// The claimed code, or the message the flow shows instead: `invalid` for
    /// a wrong code, Kratos' generic "already used" (`ErrCodeAlreadyUsed`,
    /// 4000001) for one consumed concurrently.
    pub(super) fn or_message(self, invalid: UiText) -> Result<CodeRecord, UiText> {
        match self {
            Claim::Claimed(code) => Ok(code),
            Claim::Invalid => Err(invalid),
            Claim::AlreadyUsed => Err(ui::error(texts::GENERIC, texts::CODE_ALREADY_USED)),
        }
    }
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
    /// Deletes the flow's older codes, then makes, stores and queues one code per
    /// target. `data` builds each message's template data from the target and
    /// the plain code, which exists only there and in the message.
    pub(super) async fn issue_codes(
        &self,
        tx: &Tx,
        flow: &Flow,
        targets: &[Target],
        template: TemplateType,
        data: impl Fn(&Target, &str) -> Value,
    ) -> Result<(), EngineError> {
        // A flow still choosing its method has no codes yet.
        if flow.state != FlowState::ChooseMethod {
            store::delete_codes_of_flow(tx, &flow.id);
        }
        let now = self.now();
        let lifespan = super::flows::duration_ms(self.settings().code.lifespan);
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
            store::insert_code(tx, record);
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
        outbox::enqueue(tx, message);
        Ok(())
    }

    /// Uses the code of a flow that `submitted` is, if `owner` may use it and it
    /// is unexpired and unused: checked under every secret, so rotating secrets
    /// does not void codes in flight. A wrong or expired code is `Invalid`
    /// (Kratos gives one answer for both); a right code that a concurrent
    /// submission consumed first is `AlreadyUsed`.
    pub(super) async fn claim_code(
        &self,
        tx: &Tx,
        flow_id: &str,
        submitted: &str,
        owner: CodeOwner<'_>,
    ) -> Result<Claim, EngineError> {
        let hashes: Vec<String> = self
            .inner
            .secrets
            .iter()
            .map(|secret| code::hash(submitted, secret))
            .collect();
        let now = self.now();
        if let Some(code) = store::claim_code(tx, flow_id, &hashes, owner, now).await? {
            return Ok(Claim::Claimed(code));
        }
        if store::code_was_used(tx, flow_id, &hashes, now).await? {
            return Ok(Claim::AlreadyUsed);
        }
        Ok(Claim::Invalid)
    }

    pub(super) fn signing_secret(&self) -> &[u8] {
        self.inner
            .secrets
            .first()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Template data common to every code message (D.6): the recipient, the
    /// request URL and its host, the payload, the code lifetime.
    pub(super) fn base_template_data(&self, flow: &Flow, target: &Target) -> Value {
        let minutes = self.settings().code.lifespan.as_secs() / 60;
        let payload = flow.context.transient_payload.clone();
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

/// An identity as template data (`.Identity`; null without one). Serialised
/// for each message rather than once and copied: one target is the rule, and
/// copying a `Value` allocates as much as serialising it again.
pub(super) fn template_identity(identity: Option<&Identity>) -> Value {
    identity
        .and_then(|identity| serde_json::to_value(identity).ok())
        .unwrap_or_default()
}

/// The host of a URL, or "" (Kratos' `RequestURLDomain`).
fn host_of(url: &str) -> String {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .map(|authority| authority.rsplit('@').next().unwrap_or_default())
        .map(|host| host.split(':').next().unwrap_or_default().to_string())
        .unwrap_or_default()
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
