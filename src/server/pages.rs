//! The self-service pages at the default `ui_url`s (`/ui/login`,
//! `/ui/registration`, `/ui/verification`): any flow's `ui.nodes` rendered
//! as a plain HTML form, like Ory's hosted Account Experience, with no
//! JavaScript; an error page; and `/ui/welcome`, where a browser lands
//! logged in.

use std::fmt::Write as _;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use serde_json::Value;

use super::request;
use super::response::redirect;
use super::state::AppState;
pub(super) use crate::courier::template::escape_html as escape;
use crate::engine::FlowKind;
use crate::protocol::error::ErrorBody;

/// The page routes.
pub(super) fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route("/ui/welcome", get(welcome))
        .route("/ui/error", get(error_flow_page));
    for kind in [
        FlowKind::Login,
        FlowKind::Registration,
        FlowKind::Verification,
    ] {
        router = router.route(
            &format!("/ui/{}", kind.as_str()),
            get(move |State(app): State<AppState>, uri: Uri| async move {
                flow_page(&app, kind, &uri).await
            }),
        );
    }
    router
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    flow: Option<String>,
    code: Option<String>,
}

/// A flow's page; without a usable flow, a new one (through the browser
/// endpoint, which sets the CSRF cookie and comes back here).
async fn flow_page(app: &AppState, kind: FlowKind, uri: &Uri) -> Response {
    let start_over = || redirect(&format!("/self-service/{}/browser", kind.as_str()));
    let Ok(query) = request::query::<PageQuery>(uri) else {
        return start_over();
    };
    let Some(id) = query.flow.filter(|id| uuid::Uuid::parse_str(id).is_ok()) else {
        return start_over();
    };
    let flow = match app.engine.get_flow(&id).await {
        Ok(flow) if flow.kind == kind => flow,
        _ => return start_over(),
    };
    if flow.is_expired_at(app.engine.clock().now_ms()) {
        return start_over();
    }
    let ui = serde_json::to_value(flow.ui.container()).unwrap_or(Value::Null);
    let title = match kind {
        FlowKind::Login => "Sign in",
        FlowKind::Registration => "Sign up",
        FlowKind::Verification => "Verify your address",
    };
    let mut body = String::new();
    messages(&mut body, &ui["messages"]);
    form(&mut body, &ui, query.code.as_deref());
    let links = match kind {
        FlowKind::Login => {
            r#"<p class="alt">No account? <a href="/ui/registration">Sign up</a></p>"#
        }
        FlowKind::Registration => {
            r#"<p class="alt">Have an account? <a href="/ui/login">Sign in</a></p>"#
        }
        FlowKind::Verification => "",
    };
    body.push_str(links);
    html(StatusCode::OK, title, &body)
}

/// `ui.messages` (or a node's), coloured by type.
fn messages(out: &mut String, list: &Value) {
    for message in list.as_array().into_iter().flatten() {
        let kind = message["type"].as_str().unwrap_or("info");
        let _ = write!(
            out,
            r#"<p class="msg {}" data-id="{}">{}</p>"#,
            escape(kind),
            message["id"],
            escape(message["text"].as_str().unwrap_or_default())
        );
    }
}

/// The form of a UI container: every node in order, generically.
fn form(out: &mut String, ui: &Value, code: Option<&str>) {
    let _ = write!(
        out,
        r#"<form method="{}" action="{}">"#,
        escape(ui["method"].as_str().unwrap_or("POST")),
        escape(ui["action"].as_str().unwrap_or_default())
    );
    for node in ui["nodes"].as_array().into_iter().flatten() {
        render_node(out, node, code);
    }
    out.push_str("</form>");
}

fn render_node(out: &mut String, node: &Value, code: Option<&str>) {
    let attributes = &node["attributes"];
    let label = node["meta"]["label"]["text"].as_str().unwrap_or_default();
    match attributes["node_type"].as_str() {
        Some("input") => render_input(out, attributes, label, code),
        Some("a") => {
            let _ = write!(
                out,
                r#"<p><a href="{}">{}</a></p>"#,
                escape(attributes["href"].as_str().unwrap_or_default()),
                escape(attributes["title"]["text"].as_str().unwrap_or(label))
            );
        }
        Some("text") => {
            let _ = write!(
                out,
                "<p>{}</p>",
                escape(attributes["text"]["text"].as_str().unwrap_or_default())
            );
        }
        _ => {}
    }
    messages(out, &node["messages"]);
}

fn render_input(out: &mut String, attributes: &Value, label: &str, code: Option<&str>) {
    let name = attributes["name"].as_str().unwrap_or_default();
    let input_type = attributes["type"].as_str().unwrap_or("text");
    let value = match (name, code) {
        ("code", Some(code)) => Value::String(code.to_string()),
        _ => attributes["value"].clone(),
    };
    let value = match &value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    if input_type == "submit" || input_type == "button" {
        let _ = write!(
            out,
            r#"<button type="submit" name="{}" value="{}">{}</button>"#,
            escape(name),
            escape(&value),
            escape(if label.is_empty() { "Continue" } else { label })
        );
        return;
    }
    let flag = |key: &str, html: &str| {
        if attributes[key].as_bool() == Some(true) {
            html.to_string()
        } else {
            String::new()
        }
    };
    let text_attribute = |key: &str| {
        attributes[key]
            .as_str()
            .map(|v| format!(r#" {key}="{}""#, escape(v)))
            .unwrap_or_default()
    };
    let input = format!(
        r#"<input name="{}" type="{}" value="{}"{}{}{}{}>"#,
        escape(name),
        escape(input_type),
        escape(&value),
        flag("required", " required"),
        flag("disabled", " disabled"),
        text_attribute("autocomplete"),
        text_attribute("pattern"),
    );
    if input_type == "hidden" {
        out.push_str(&input);
    } else {
        let _ = write!(out, "<label><span>{}</span>{input}</label>", escape(label));
    }
}

/// An error a browser step ended with, as a page with its status (where it
/// could not be stored for the error page).
pub(super) fn error_page(body: &ErrorBody) -> Response {
    let status = StatusCode::from_u16(body.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let error = serde_json::to_value(&*body.error).unwrap_or(Value::Null);
    error_html(status, &error)
}

/// `/ui/error?id=`, the default `selfservice.flows.error.ui_url`: the error a
/// browser was sent here with, read as any error page reads it.
async fn error_flow_page(State(app): State<AppState>, uri: Uri) -> Response {
    let id = request::query::<IdQuery>(&uri)
        .ok()
        .and_then(|q| q.id)
        .filter(|id| uuid::Uuid::parse_str(id).is_ok());
    let stored = match id {
        Some(id) => app.engine.flow_error(&id).await.ok(),
        None => None,
    };
    match stored {
        Some(stored) => error_html(StatusCode::OK, &stored.error),
        None => html(
            StatusCode::NOT_FOUND,
            "Something went wrong",
            r#"<p class="msg error">This error is not known, or the link to it is incomplete.</p><p class="alt"><a href="/ui/login">Start again</a></p>"#,
        ),
    }
}

#[derive(Debug, Deserialize)]
struct IdQuery {
    id: Option<String>,
}

/// herodot's error object as a page: its id (or code), message and reason.
fn error_html(status: StatusCode, error: &Value) -> Response {
    let text_of = |name: &str| error[name].as_str().unwrap_or_default();
    let id = match &error["id"] {
        Value::String(id) => id.clone(),
        _ => error["code"].to_string(),
    };
    let mut text = String::new();
    let _ = write!(
        text,
        r#"<p class="msg error" data-id="{}">{}</p>"#,
        escape(&id),
        escape(text_of("message"))
    );
    if !text_of("reason").is_empty() {
        let _ = write!(text, "<p>{}</p>", escape(text_of("reason")));
    }
    text.push_str(r#"<p class="alt"><a href="/ui/login">Start again</a></p>"#);
    html(status, "Something went wrong", &text)
}

/// Where a browser lands logged in: who it is, from the session cookie.
async fn welcome(State(app): State<AppState>, headers: HeaderMap) -> Response {
    match app.session(&headers).await.ok().flatten() {
        Some(session) => {
            let traits = serde_json::to_string_pretty(&session.identity.traits).unwrap_or_default();
            // A plain link logs out, as Kratos' `logout_url` does; it comes back here.
            let back: String =
                form_urlencoded::byte_serialize(app.public_url("ui/welcome").as_bytes()).collect();
            let logout = format!(
                "/self-service/logout?token={}&return_to={back}",
                app.engine.logout_token(&session)
            );
            let body = format!(
                r#"<p class="msg success">You are logged in.</p><p>Identity <code>{}</code></p><pre>{}</pre><p class="alt"><a id="logout" href="{}">Log out</a></p>"#,
                escape(&session.identity.id),
                escape(&traits),
                escape(&logout)
            );
            html(StatusCode::OK, "Welcome", &body)
        }
        None => html(
            StatusCode::OK,
            "Welcome",
            r#"<p>You are not logged in.</p><p><a href="/ui/login">Sign in</a> or <a href="/ui/registration">sign up</a>.</p>"#,
        ),
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}\
h1{font-size:1.4rem}label{display:block;margin:.8rem 0}label span{display:block;font-size:.9rem;margin-bottom:.2rem}\
input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}\
button{margin:.4rem .4rem .4rem 0;padding:.5rem 1rem;font-size:1rem;cursor:pointer}\
.msg{padding:.5rem .7rem;border-radius:4px;background:#eef}.msg.error{background:#fde8e8}.msg.success{background:#e6f6ea}\
.alt{margin-top:1.5rem;font-size:.9rem}pre{background:#f4f4f6;padding:.6rem;overflow:auto}";

fn html(status: StatusCode, title: &str, body: &str) -> Response {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{0}</title><style>{STYLE}</style></head><body><h1>{0}</h1>{body}</body></html>",
        escape(title)
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        page,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_crafted_value_cannot_break_out_of_its_attribute() {
        let mut out = String::new();
        let attributes = json!({"name": "identifier", "type": "text", "value": "\"><script>x</script>", "node_type": "input"});
        render_input(&mut out, &attributes, "Email", None);
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&#34;&gt;&lt;script&gt;"), "{out}");
    }

    #[test]
    fn the_code_from_the_link_fills_the_code_field_only() {
        let mut out = String::new();
        render_input(
            &mut out,
            &json!({"name": "code", "type": "text", "node_type": "input"}),
            "Code",
            Some("123456"),
        );
        assert!(out.contains(r#"value="123456""#), "{out}");
        let mut other = String::new();
        render_input(
            &mut other,
            &json!({"name": "email", "type": "email", "node_type": "input"}),
            "Email",
            Some("123456"),
        );
        assert!(!other.contains("123456"), "{other}");
    }
}
