//! The UI containers, nodes and messages Kratos returns with its flows
//! (reference B.10, B.11), built as JSON so the HTTP API returns them verbatim.

use serde_json::{Map, Value, json};

use super::json::object;

/// A message (`uiText`): an id, its text, a type and optional context.
pub fn text(id: u32, kind: &str, text: &str, context: Option<Value>) -> Value {
    let mut message = json!({ "id": id, "text": text, "type": kind });
    if let Some(context) = context {
        message["context"] = context;
    }
    message
}

/// An informational message without context.
pub fn info(id: u32, message: &str) -> Value {
    text(id, "info", message, None)
}

/// An error message. Only the generic one (4000001) carries its reason as
/// context; Kratos' other validation messages have none.
pub fn error(id: u32, message: &str) -> Value {
    let context = (id == texts::GENERIC).then(|| json!({ "reason": message }));
    text(id, "error", message, context)
}

/// The texts the code flows use, by id.
pub mod texts {
    /// A login code was sent.
    pub const LOGIN_CODE_SENT: (u32, &str) = (
        1010014,
        "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.",
    );
    /// Button: send a login code.
    pub const SEND_SIGN_IN_CODE: (u32, &str) = (1010015, "Send sign in code");
    /// A registration code was sent.
    pub const REGISTRATION_CODE_SENT: (u32, &str) = (
        1040005,
        "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.",
    );
    /// Button: send a registration code.
    pub const SEND_SIGN_UP_CODE: (u32, &str) = (1040006, "Send sign up code");
    /// Label: the generic identifier.
    pub const ID: (u32, &str) = (1070004, "ID");
    /// Label: email.
    pub const EMAIL: (u32, &str) = (1070007, "Email");
    /// Button: resend a code.
    pub const RESEND_CODE: (u32, &str) = (1070008, "Resend code");
    /// Button: continue.
    pub const CONTINUE: (u32, &str) = (1070009, "Continue");
    /// Label: verification code.
    pub const VERIFICATION_CODE: (u32, &str) = (1070011, "Verification code");
    /// Label: registration code.
    pub const REGISTRATION_CODE: (u32, &str) = (1070012, "Registration code");
    /// Label: login code.
    pub const LOGIN_CODE: (u32, &str) = (1070013, "Login code");
    /// Label: email or phone.
    pub const EMAIL_OR_PHONE: (u32, &str) = (1070018, "Email or phone number");
    /// An email address was verified.
    pub const EMAIL_VERIFIED: (u32, &str) =
        (1080002, "You successfully verified your email address.");
    /// A verification email was sent.
    pub const VERIFICATION_EMAIL_SENT: (u32, &str) = (
        1080003,
        "An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.",
    );
    /// A verification text message was sent.
    pub const VERIFICATION_SMS_SENT: (u32, &str) = (
        1080004,
        "A text message containing a verification code has been sent to the phone number you provided. If you have not received a text message, check the spelling of the number and make sure to use the number you registered with.",
    );
    /// A phone number was verified.
    pub const PHONE_VERIFIED: (u32, &str) =
        (1080005, "You successfully verified your phone number.");
    /// Generic error id; the text is the reason.
    pub const GENERIC: u32 = 4000001;
    /// Too many code submissions.
    pub const TOO_MANY_ATTEMPTS: &str =
        "The request was submitted too often. Please request another code.";
    /// A required property is missing (format `{name}`).
    pub const MISSING: u32 = 4000002;
    /// Duplicate account.
    pub const DUPLICATE: (u32, &str) = (
        4000007,
        "An account with the same identifier (email, phone, username, ...) exists already.",
    );
    /// No code identifiers in the traits.
    pub const NO_IDENTIFIERS: (u32, &str) = (
        4000009,
        "Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.",
    );
    /// Unknown account for code login.
    pub const NO_CODE_ACCOUNT: (u32, &str) = (
        4000035,
        "This account does not exist or has not setup sign in with code.",
    );
    /// Traits changed between the two registration steps.
    pub const TRAITS_MISMATCH: (u32, &str) = (
        4000036,
        "The provided traits do not match the traits previously associated with this flow.",
    );
    /// Login flow expired (format minutes).
    pub const LOGIN_EXPIRED: u32 = 4010001;
    /// No strategy can log in (the code method is off).
    pub const NO_LOGIN_STRATEGY: (u32, &str) = (
        4010002,
        "Could not find a strategy to log you in with. Did you fill out the form correctly?",
    );
    /// Wrong or expired login code.
    pub const LOGIN_CODE_INVALID: (u32, &str) = (
        4010008,
        "The login code is invalid or has already been used. Please try again.",
    );
    /// Registration flow expired (format minutes).
    pub const REGISTRATION_EXPIRED: u32 = 4040001;
    /// No strategy can register (the code method is off, or the flow is done).
    /// Kratos numbers it in the login block (`ErrorValidationRegistrationNoStrategyFound`).
    pub const NO_REGISTRATION_STRATEGY: (u32, &str) = (
        4010003,
        "Could not find a strategy to sign you up with. Did you fill out the form correctly?",
    );
    /// Wrong or expired registration code.
    pub const REGISTRATION_CODE_INVALID: (u32, &str) = (
        4040003,
        "The registration code is invalid or has already been used. Please try again.",
    );
    /// The verification flow was completed already.
    pub const VERIFICATION_DONE: (u32, &str) = (
        4070002,
        "The request was already completed successfully and can not be retried.",
    );
    /// Verification flow expired (format minutes).
    pub const VERIFICATION_EXPIRED: u32 = 4070005;
    /// Wrong or expired verification code.
    pub const VERIFICATION_CODE_INVALID: (u32, &str) = (
        4070006,
        "The verification code is invalid or has already been used. Please try again.",
    );
}

/// A label from an `(id, text)` pair.
pub fn label((id, message): (u32, &str)) -> Value {
    info(id, message)
}

/// Which UI group a node belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// `default`: identifiers, traits, CSRF.
    Default,
    /// `code`: the code method's inputs and buttons.
    Code,
}

impl Group {
    fn as_str(self) -> &'static str {
        match self {
            Group::Default => "default",
            Group::Code => "code",
        }
    }
}

/// An `input` node.
#[derive(Debug, Clone)]
pub struct Input {
    group: Group,
    name: String,
    input_type: &'static str,
    value: Option<Value>,
    required: bool,
    autocomplete: Option<&'static str>,
    label: Option<Value>,
}

impl Input {
    /// A node named `name` of HTML input type `input_type`.
    pub fn new(group: Group, name: impl Into<String>, input_type: &'static str) -> Input {
        Input {
            group,
            name: name.into(),
            input_type,
            value: None,
            required: false,
            autocomplete: None,
            label: None,
        }
    }

    /// Sets the value.
    pub fn value(mut self, value: impl Into<Value>) -> Input {
        self.value = Some(value.into());
        self
    }

    /// Marks it required.
    pub fn required(mut self) -> Input {
        self.required = true;
        self
    }

    /// Sets the autocomplete hint.
    pub fn autocomplete(mut self, hint: &'static str) -> Input {
        self.autocomplete = Some(hint);
        self
    }

    /// Sets the label.
    pub fn label(mut self, label: Value) -> Input {
        self.label = Some(label);
        self
    }

    /// The node as Kratos serialises it.
    pub fn build(self) -> Value {
        let mut attributes = Map::new();
        attributes.insert("name".into(), self.name.into());
        attributes.insert("type".into(), self.input_type.into());
        if let Some(value) = self.value {
            attributes.insert("value".into(), value);
        }
        if self.required {
            attributes.insert("required".into(), true.into());
        }
        if let Some(hint) = self.autocomplete {
            attributes.insert("autocomplete".into(), hint.into());
        }
        attributes.insert("disabled".into(), false.into());
        attributes.insert("node_type".into(), "input".into());
        let meta = match self.label {
            Some(label) => object([("label", label)]),
            None => object([]),
        };
        object([
            ("type", "input".into()),
            ("group", self.group.as_str().into()),
            ("attributes", Value::Object(attributes)),
            ("messages", Value::Array(Vec::new())),
            ("meta", meta),
        ])
    }
}

/// A submit button `name=value`.
pub fn submit(group: Group, name: &str, value: &str, label_text: (u32, &str)) -> Value {
    Input::new(group, name, "submit")
        .value(value)
        .label(label(label_text))
        .build()
}

/// A hidden input.
pub fn hidden(group: Group, name: &str, value: impl Into<Value>) -> Value {
    Input::new(group, name, "hidden").value(value).build()
}

/// The one-time-code text input.
pub fn code_input(label_text: (u32, &str)) -> Value {
    Input::new(Group::Code, "code", "text")
        .required()
        .autocomplete("one-time-code")
        .label(label(label_text))
        .build()
}

/// An anchor node (`continue` after a verification).
pub fn anchor(id: &str, href: &str, title: (u32, &str)) -> Value {
    json!({
        "type": "a",
        "group": "code",
        "attributes": { "href": href, "title": label(title), "id": id, "node_type": "a" },
        "messages": [],
        "meta": {},
    })
}

/// A UI container.
pub fn container(action: String, method: &str, nodes: Vec<Value>, messages: Vec<Value>) -> Value {
    object([
        ("action", action.into()),
        ("method", method.into()),
        ("nodes", nodes.into()),
        ("messages", messages.into()),
    ])
}

/// Attaches a message to the node named `name`; false if there is none.
pub fn add_node_message(ui: &mut Value, name: &str, message: Value) -> bool {
    let Some(nodes) = ui.get_mut("nodes").and_then(Value::as_array_mut) else {
        return false;
    };
    for node in nodes {
        if node.pointer("/attributes/name").and_then(Value::as_str) == Some(name)
            && let Some(messages) = node.get_mut("messages").and_then(Value::as_array_mut)
        {
            messages.push(message);
            return true;
        }
    }
    false
}

/// Replaces the container-level messages.
pub fn set_messages(ui: &mut Value, messages: Vec<Value>) {
    ui["messages"] = Value::Array(messages);
}

/// The "Property {name} is missing." error of a required field.
pub fn missing(property: &str) -> Value {
    text(
        texts::MISSING,
        "error",
        &format!("Property {property} is missing."),
        Some(json!({ "property": property })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_have_the_kratos_shape() {
        let node = code_input(texts::LOGIN_CODE);
        assert_eq!(node["type"], "input");
        assert_eq!(node["group"], "code");
        assert_eq!(node["attributes"]["autocomplete"], "one-time-code");
        assert_eq!(node["attributes"]["node_type"], "input");
        assert_eq!(node["attributes"]["disabled"], false);
        assert_eq!(node["meta"]["label"]["id"], 1070013);
        assert_eq!(node["messages"], json!([]));
    }

    #[test]
    fn node_messages_land_on_the_named_node() {
        let mut ui = container(
            "a".into(),
            "POST",
            vec![code_input(texts::LOGIN_CODE)],
            vec![],
        );
        assert!(add_node_message(&mut ui, "code", missing("code")));
        assert!(!add_node_message(
            &mut ui,
            "identifier",
            missing("identifier")
        ));
        assert_eq!(ui["nodes"][0]["messages"][0]["id"], 4000002);
        assert_eq!(
            ui["nodes"][0]["messages"][0]["text"],
            "Property code is missing."
        );
    }
}
