//! An answer of Kratos as a client reads it: the status, the JSON body as it
//! came, and typed views of the parts a client looks into (a flow's id,
//! state and messages; the error envelope). The views ignore what they do not
//! name, so a newer Kratos' extra fields pass through untouched in `body`.

use serde::Deserialize;
use serde_json::Value;

use crate::engine::ui::{TextKind, UiText};
use crate::protocol::Answer;

/// One answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The body, as Kratos wrote it (`null` for an empty one).
    pub body: Value,
    /// The `Link: <…>; rel="next"` of a listing, if there is a next page.
    pub next_page: Option<String>,
}

impl Reply {
    /// The embedded engine's answer, as it would have come over HTTP.
    pub fn from_answer(answer: &Answer) -> Result<Reply, serde_json::Error> {
        Ok(Reply::ok(answer.status, serde_json::to_value(answer)?))
    }

    /// An answer with `status` and `body` and no next page.
    pub fn ok(status: u16, body: Value) -> Reply {
        Reply {
            status,
            body,
            next_page: None,
        }
    }

    /// Whether the request went through (2xx).
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as a flow, if it is one (it has a `ui`).
    pub fn flow(&self) -> Option<FlowView> {
        self.body.get("ui")?;
        FlowView::deserialize(&self.body).ok()
    }

    /// The body as Kratos' error envelope, if it is one.
    pub fn error(&self) -> Option<ErrorView> {
        self.body.get("error")?;
        ErrorView::deserialize(&self.body).ok()
    }

    /// The member `name` of the body, `null` when absent.
    pub fn field(&self, name: &str) -> Value {
        self.body.get(name).cloned().unwrap_or(Value::Null)
    }

    /// The reason to show for an answer that is not a success: the error's
    /// reason or message, a flow's messages, or the status.
    pub fn reason(&self) -> String {
        if let Some(error) = self.error() {
            return error.reason();
        }
        if let Some(flow) = self.flow() {
            let texts = flow.error_texts();
            if !texts.is_empty() {
                return texts.join(" ");
            }
        }
        format!("HTTP status {}", self.status)
    }
}

/// A flow: what a client reads to drive it.
#[derive(Debug, Clone, Deserialize)]
pub struct FlowView {
    /// UUID.
    pub id: String,
    /// `choose_method`, `sent_email`, `passed_challenge`.
    #[serde(default)]
    pub state: String,
    /// The form.
    pub ui: UiView,
}

/// A flow's form.
#[derive(Debug, Clone, Deserialize)]
pub struct UiView {
    /// Messages about the whole form.
    #[serde(default)]
    pub messages: Vec<UiText>,
    /// Its fields.
    #[serde(default)]
    pub nodes: Vec<NodeView>,
}

/// One field of a form: the attributes a client needs, whatever its type.
#[derive(Debug, Clone, Deserialize)]
pub struct NodeView {
    /// Its attributes.
    #[serde(default)]
    pub attributes: NodeAttributes,
    /// Messages about it.
    #[serde(default)]
    pub messages: Vec<UiText>,
}

/// The attributes of a node that a client reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NodeAttributes {
    /// The input's name (`identifier`, `traits.email`, `code`).
    #[serde(default)]
    pub name: Option<String>,
    /// Its value.
    #[serde(default)]
    pub value: Option<Value>,
}

impl FlowView {
    /// The value of the input `name`.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.ui
            .nodes
            .iter()
            .find(|node| node.attributes.name.as_deref() == Some(name))?
            .attributes
            .value
            .as_ref()
    }

    /// The value of the input `name`, if it is a non-empty string.
    pub fn text(&self, name: &str) -> Option<String> {
        self.value(name)
            .and_then(Value::as_str)
            .filter(|text| !text.is_empty())
            .map(str::to_string)
    }

    /// Every message of the form, the form's first.
    pub fn messages(&self) -> impl Iterator<Item = &UiText> {
        self.ui
            .messages
            .iter()
            .chain(self.ui.nodes.iter().flat_map(|node| &node.messages))
    }

    /// The form's error messages.
    pub fn errors(&self) -> impl Iterator<Item = &UiText> {
        self.messages().filter(|m| m.kind == TextKind::Error)
    }

    /// The texts of the form's error messages.
    pub fn error_texts(&self) -> Vec<String> {
        self.errors().map(|m| m.text.to_string()).collect()
    }

    /// The string values of the inputs whose name starts with `prefix`, with
    /// the rest of the name (`traits.` → `email`).
    pub fn values_under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a Value)> {
        self.ui.nodes.iter().filter_map(move |node| {
            let name = node.attributes.name.as_deref()?.strip_prefix(prefix)?;
            Some((name, node.attributes.value.as_ref()?))
        })
    }
}

/// Kratos' error envelope.
#[derive(Debug, Clone, Deserialize)]
pub struct ErrorView {
    /// The error.
    pub error: ErrorDetail,
    /// The flow that replaces the one asked for.
    #[serde(default)]
    pub use_flow_id: Option<String>,
}

/// herodot's `DefaultError`.
#[derive(Debug, Clone, Deserialize)]
pub struct ErrorDetail {
    /// A stable id (`self_service_flow_expired`).
    #[serde(default)]
    pub id: Option<String>,
    /// The HTTP status.
    #[serde(default)]
    pub code: u16,
    /// The HTTP status text.
    #[serde(default)]
    pub status: String,
    /// What went wrong.
    #[serde(default)]
    pub reason: Option<String>,
    /// The kind of error.
    #[serde(default)]
    pub message: String,
    /// More (`continue_with`).
    #[serde(default)]
    pub details: Option<Value>,
}

impl ErrorView {
    /// The id, or else the status text (`Not Found`).
    pub fn id_or_status(&self) -> &str {
        self.error.id.as_deref().unwrap_or(&self.error.status)
    }

    /// The reason, or else the message.
    pub fn reason(&self) -> String {
        self.error
            .reason
            .clone()
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| self.error.message.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_flow_is_read_with_its_messages_and_values_and_extra_fields_are_ignored() {
        let reply = Reply::ok(
            400,
            json!({
                "id": "f", "state": "sent_email", "organization_id": null,
                "ui": {
                    "messages": [{"id": 1010014, "type": "info", "text": "sent", "context": {}}],
                    "nodes": [
                        {"type": "input", "group": "code", "attributes": {"name": "identifier", "value": "a@b.c", "type": "hidden", "node_type": "input"}, "messages": [], "meta": {}},
                        {"type": "text", "group": "default", "attributes": {"id": "x", "text": {"id": 1, "type": "info", "text": "t"}, "node_type": "text"}, "messages": [{"id": 4010008, "type": "error", "text": "wrong"}], "meta": {}}
                    ]
                }
            }),
        );
        let flow = reply.flow().expect("a flow");
        assert_eq!(flow.text("identifier").as_deref(), Some("a@b.c"));
        assert_eq!(flow.error_texts(), ["wrong"]);
        assert_eq!(flow.messages().count(), 2);
        assert!(reply.error().is_none());
    }

    #[test]
    fn an_error_envelope_gives_its_id_and_reason() {
        let reply = Reply::ok(
            410,
            json!({"error": {"id": "self_service_flow_expired", "code": 410, "status": "Gone", "message": "m", "reason": "r"}, "use_flow_id": "n"}),
        );
        let error = reply.error().expect("an error");
        assert_eq!(error.id_or_status(), "self_service_flow_expired");
        assert_eq!(error.use_flow_id.as_deref(), Some("n"));
        assert_eq!(reply.reason(), "r");
        assert!(reply.flow().is_none());
    }
}
