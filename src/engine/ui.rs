//! The UI containers, nodes and messages Kratos returns with its flows
//! (reference B.10, B.11), typed; serde gives Kratos' JSON (field names and
//! `omitempty` as in Kratos' `ui/container` and `ui/node` packages).
//!
//! Texts and names are `Cow<'static, str>`: most are Kratos' constants, and
//! borrowing them keeps a flow's UI from allocating once per string.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::texts;

/// Text that is mostly a constant.
pub type Text = Cow<'static, str>;

/// A message (`uiText`): an id, its text, a type and optional context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UiText {
    /// Kratos' message id.
    pub id: u32,
    /// The English text.
    pub text: Text,
    /// `info`, `error` or `success`.
    #[serde(rename = "type")]
    pub kind: TextKind,
    /// The values the text was made from, where Kratos gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
}

/// The type of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextKind {
    /// Information and labels.
    Info,
    /// Something the user has to fix.
    Error,
    /// A flow completed.
    Success,
}

/// A UI container: where the form posts, its nodes and its messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UiContainer {
    /// Where the form is sent.
    pub action: String,
    /// `POST`, or `GET` for the link after a verification.
    pub method: Text,
    /// The form's nodes.
    pub nodes: Vec<UiNode>,
    /// Messages about the whole form (omitted when empty, as in Kratos).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<UiText>,
}

/// One node of a form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UiNode {
    /// `input` or `a`.
    #[serde(rename = "type")]
    pub node_type: NodeType,
    /// The method the node belongs to.
    pub group: Group,
    /// The node's HTML attributes.
    pub attributes: Attributes,
    /// Messages about this node.
    pub messages: Vec<UiText>,
    /// The label.
    pub meta: Meta,
}

/// The kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeType {
    /// An `<input>`.
    #[serde(rename = "input")]
    Input,
    /// An `<a>`.
    #[serde(rename = "a")]
    Anchor,
}

/// Which UI group a node belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// `default`: identifiers, traits, CSRF.
    Default,
    /// `code`: the code method's inputs and buttons.
    Code,
}

/// A node's label.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The label text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<UiText>,
}

/// The attributes of a node, by its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Attributes {
    /// An input's.
    Input(InputAttributes),
    /// An anchor's.
    Anchor(AnchorAttributes),
}

/// `node_type: "input"`, checked when a stored UI is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputTag {
    /// The only value.
    #[default]
    #[serde(rename = "input")]
    Input,
}

/// `node_type: "a"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnchorTag {
    /// The only value.
    #[default]
    #[serde(rename = "a")]
    Anchor,
}

/// An `<input>`'s attributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputAttributes {
    /// The form field's name.
    pub name: Text,
    /// The HTML input type.
    #[serde(rename = "type")]
    pub input_type: Text,
    /// The value, of any JSON type (traits may be numbers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Whether it must be filled.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The autocomplete hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<Text>,
    /// Always false here.
    #[serde(default)]
    pub disabled: bool,
    /// `input`.
    pub node_type: InputTag,
}

/// An `<a>`'s attributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnchorAttributes {
    /// Where it leads.
    pub href: String,
    /// Its text.
    pub title: UiText,
    /// Its id.
    pub id: Text,
    /// `a`.
    pub node_type: AnchorTag,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl UiNode {
    /// The input's attributes, if it is an input.
    pub fn input(&self) -> Option<&InputAttributes> {
        match &self.attributes {
            Attributes::Input(input) => Some(input),
            Attributes::Anchor(_) => None,
        }
    }

    /// The form field's name (an anchor has none).
    pub fn name(&self) -> Option<&str> {
        self.input().map(|input| input.name.as_ref())
    }
}

impl UiContainer {
    /// A container posting to `action`.
    pub fn new(action: String, method: &'static str, nodes: Vec<UiNode>) -> UiContainer {
        UiContainer {
            action,
            method: Cow::Borrowed(method),
            nodes,
            messages: Vec::new(),
        }
    }

    /// Attaches a message to the node named `name`; false if there is none.
    pub fn add_node_message(&mut self, name: &str, message: UiText) -> bool {
        match self.nodes.iter_mut().find(|n| n.name() == Some(name)) {
            Some(node) => {
                node.messages.push(message);
                true
            }
            None => false,
        }
    }

    /// Replaces the container-level messages.
    pub fn set_messages(&mut self, messages: Vec<UiText>) {
        self.messages = messages;
    }

    /// The node named `name`.
    pub fn node(&self, name: &str) -> Option<&UiNode> {
        self.nodes.iter().find(|n| n.name() == Some(name))
    }

    /// Every message, the container's and each node's.
    pub fn all_messages(&self) -> impl Iterator<Item = &UiText> {
        self.messages
            .iter()
            .chain(self.nodes.iter().flat_map(|n| n.messages.iter()))
    }

    /// The error messages, the container's and each node's.
    pub fn errors(&self) -> impl Iterator<Item = &UiText> {
        self.all_messages().filter(|m| m.kind == TextKind::Error)
    }
}

/// A message.
pub fn text(id: u32, kind: TextKind, text: impl Into<Text>, context: Option<Value>) -> UiText {
    UiText {
        id,
        text: text.into(),
        kind,
        context,
    }
}

/// An error message. Only the generic one (4000001) carries its reason as
/// context; Kratos' other validation messages have none.
pub fn error(id: u32, message: &'static str) -> UiText {
    let context = (id == texts::GENERIC).then(|| json!({ "reason": message }));
    text(id, TextKind::Error, message, context)
}

/// A label (an informational message) from an `(id, text)` pair.
pub fn label((id, message): (u32, &'static str)) -> UiText {
    text(id, TextKind::Info, message, None)
}

/// The "Property {name} is missing." error of a required field.
pub fn missing(property: &str) -> UiText {
    text(
        texts::MISSING,
        TextKind::Error,
        format!("Property {property} is missing."),
        Some(json!({ "property": property })),
    )
}

/// An `input` node, built up.
#[derive(Debug, Clone)]
pub struct Input {
    group: Group,
    attributes: InputAttributes,
    label: Option<UiText>,
}

impl Input {
    /// A node named `name` of HTML input type `input_type`.
    pub fn new(group: Group, name: impl Into<Text>, input_type: &'static str) -> Input {
        Input {
            group,
            attributes: InputAttributes {
                name: name.into(),
                input_type: Cow::Borrowed(input_type),
                value: None,
                required: false,
                autocomplete: None,
                disabled: false,
                node_type: InputTag::Input,
            },
            label: None,
        }
    }

    /// Sets the value.
    pub fn value(mut self, value: impl Into<Value>) -> Input {
        self.attributes.value = Some(value.into());
        self
    }

    /// Marks it required.
    pub fn required(mut self) -> Input {
        self.attributes.required = true;
        self
    }

    /// Sets the autocomplete hint.
    pub fn autocomplete(mut self, hint: &'static str) -> Input {
        self.attributes.autocomplete = Some(Cow::Borrowed(hint));
        self
    }

    /// Sets the label.
    pub fn label(mut self, label: UiText) -> Input {
        self.label = Some(label);
        self
    }

    /// The node.
    pub fn build(self) -> UiNode {
        UiNode {
            node_type: NodeType::Input,
            group: self.group,
            attributes: Attributes::Input(self.attributes),
            messages: Vec::new(),
            meta: Meta { label: self.label },
        }
    }
}

/// A submit button `name=value`.
pub fn submit(
    group: Group,
    name: &'static str,
    value: impl Into<Value>,
    label_text: (u32, &'static str),
) -> UiNode {
    Input::new(group, name, "submit")
        .value(value)
        .label(label(label_text))
        .build()
}

/// A hidden input.
pub fn hidden(group: Group, name: &'static str, value: impl Into<Value>) -> UiNode {
    Input::new(group, name, "hidden").value(value).build()
}

/// The one-time-code text input.
pub fn code_input(label_text: (u32, &'static str)) -> UiNode {
    Input::new(Group::Code, "code", "text")
        .required()
        .autocomplete("one-time-code")
        .label(label(label_text))
        .build()
}

/// An anchor node (`continue` after a verification); Kratos labels it too.
pub fn anchor(id: &'static str, href: &str, title: (u32, &'static str)) -> UiNode {
    UiNode {
        node_type: NodeType::Anchor,
        group: Group::Code,
        attributes: Attributes::Anchor(AnchorAttributes {
            href: href.to_string(),
            title: label(title),
            id: Cow::Borrowed(id),
            node_type: AnchorTag::Anchor,
        }),
        messages: Vec::new(),
        meta: Meta {
            label: Some(label(title)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_have_the_kratos_shape() {
        let node = serde_json::to_value(code_input(texts::LOGIN_CODE)).expect("json");
        assert_eq!(node["type"], "input");
        assert_eq!(node["group"], "code");
        assert_eq!(node["attributes"]["autocomplete"], "one-time-code");
        assert_eq!(node["attributes"]["node_type"], "input");
        assert_eq!(node["attributes"]["disabled"], false);
        assert_eq!(node["attributes"]["required"], true);
        assert!(node["attributes"].get("value").is_none());
        assert_eq!(node["meta"]["label"]["id"], 1070013);
        assert!(node["meta"]["label"].get("context").is_none());
        assert_eq!(node["messages"], json!([]));
    }

    #[test]
    fn node_messages_land_on_the_named_node() {
        let mut ui = UiContainer::new("a".into(), "POST", vec![code_input(texts::LOGIN_CODE)]);
        assert!(ui.add_node_message("code", missing("code")));
        assert!(!ui.add_node_message("identifier", missing("identifier")));
        let json = serde_json::to_value(&ui).expect("json");
        assert_eq!(json["nodes"][0]["messages"][0]["id"], 4000002);
        assert_eq!(
            json["nodes"][0]["messages"][0]["text"],
            "Property code is missing."
        );
        assert_eq!(
            json["nodes"][0]["messages"][0]["context"]["property"],
            "code"
        );
        assert!(json.get("messages").is_none(), "omitted when empty: {json}");
    }

    /// Kratos' verification "continue" anchor carries the label 1070009 in meta
    /// (`node.NewAnchorField` with `text.NewInfoNodeLabelContinue()`).
    #[test]
    fn the_continue_anchor_is_labelled() {
        let json =
            serde_json::to_value(anchor("continue", "http://x/", texts::CONTINUE)).expect("json");
        assert_eq!(json["type"], "a");
        assert_eq!(json["attributes"]["node_type"], "a");
        assert_eq!(json["attributes"]["title"]["id"], 1070009);
        assert_eq!(json["meta"]["label"]["id"], 1070009);
    }

    #[test]
    fn a_stored_ui_reads_back_as_it_was_written() {
        let mut ui = UiContainer::new(
            "http://x/self-service/login?flow=1".into(),
            "POST",
            vec![
                Input::new(Group::Default, "traits.age", "number")
                    .value(36)
                    .build(),
                code_input(texts::LOGIN_CODE),
                anchor("continue", "http://x/", texts::CONTINUE),
            ],
        );
        ui.set_messages(vec![error(texts::GENERIC, texts::TOO_MANY_ATTEMPTS)]);
        let text = serde_json::to_string(&ui).expect("json");
        let back: UiContainer = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, ui);
    }

    #[test]
    fn a_stored_ui_of_the_wrong_shape_is_refused() {
        let wrong = r#"{"action":"a","method":"POST","nodes":[{"type":"input","group":"x"}]}"#;
        assert!(serde_json::from_str::<UiContainer>(wrong).is_err());
    }
}
