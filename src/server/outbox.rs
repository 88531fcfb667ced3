//! The outbox page on the admin listener (`/outbox`): the courier's messages
//! newest first, each code large and easy to copy, kept current by a small
//! poll of `/outbox/rows` (no build step; without JavaScript the page
//! reloads itself). It shows codes, so it lives on the admin port only.

use std::fmt::Write as _;

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::pages::escape;
use super::response::{self, Reply};
use super::state::AppState;
use crate::courier::outbox::{MessageFilter, MessageRecord, code_of};
use crate::time::format::rfc3339_millis;

/// Messages shown at once.
const SHOWN: i64 = 100;

/// The outbox routes.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/outbox", get(page))
        .route("/outbox/rows", get(rows))
}

async fn messages(app: &AppState) -> Result<Vec<MessageRecord>, response::Failure> {
    Ok(app
        .engine
        .list_messages(&MessageFilter::default(), SHOWN, 0)
        .await?)
}

/// The table body: one row per message.
fn table_rows(messages: &[MessageRecord]) -> String {
    let mut out = String::new();
    if messages.is_empty() {
        out.push_str(r#"<tr><td colspan="5" class="empty">No messages yet.</td></tr>"#);
    }
    for message in messages {
        let code = code_of(message).unwrap_or("—");
        let _ = write!(
            out,
            r#"<tr data-id="{}"><td class="code"><span>{}</span></td><td>{}<br><small>{} · {}</small></td><td>{}</td><td>{}</td><td><small>{}</small></td></tr>"#,
            escape(&message.id),
            escape(code),
            escape(&message.recipient),
            escape(&message.channel),
            escape(&message.template_type),
            escape(&message.subject),
            escape(&message.status),
            escape(&rfc3339_millis(message.created_at)),
        );
    }
    out
}

async fn rows(State(app): State<AppState>) -> Reply {
    let list = messages(&app).await?;
    Ok(html_fragment(table_rows(&list)))
}

async fn page(State(app): State<AppState>) -> Reply {
    let list = messages(&app).await?;
    let body = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>otpctl outbox</title>
<noscript><meta http-equiv="refresh" content="3"></noscript>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1f}}table{{border-collapse:collapse;width:100%}}
td,th{{text-align:left;padding:.5rem .7rem;border-bottom:1px solid #ddd;vertical-align:top}}
td.code span{{font:600 1.8rem ui-monospace,monospace;letter-spacing:.15em;user-select:all}}.empty{{color:#777}}</style></head>
<body><h1>Outbox</h1><p>Newest first; click a code to select it.</p>
<table><thead><tr><th>Code</th><th>To</th><th>Subject</th><th>Status</th><th>Queued</th></tr></thead>
<tbody id="rows">{}</tbody></table>
<script>
let last = document.getElementById("rows").innerHTML;
setInterval(async () => {{
  try {{
    const text = await (await fetch("/outbox/rows", {{cache: "no-store"}})).text();
    if (text !== last) {{ document.getElementById("rows").innerHTML = text; last = text; }}
  }} catch (e) {{}}
}}, 1000);
</script></body></html>"#,
        table_rows(&list)
    );
    Ok(html_fragment(body))
}

fn html_fragment(text: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
        .into_response()
}
