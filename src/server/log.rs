//! The server's log on stderr: one line per request (method, path, status,
//! time) and one per event. Query strings, bodies, headers and cookies are
//! never written: they carry codes, flow ids with codes (`?code=`), session
//! tokens and CSRF tokens.

use std::io::Write as _;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::json;

use super::response::LoggedFailure;
use crate::time::format::rfc3339_millis;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// `time level msg key=value …`, for people.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Writes the server's log lines.
#[derive(Debug, Clone, Copy)]
pub(super) struct Logger {
    format: LogFormat,
}

impl Logger {
    pub(super) fn new(format: LogFormat) -> Logger {
        Logger { format }
    }

    /// One line: `msg` with `fields`, whose values are already safe to show.
    pub(super) fn line(&self, level: &str, msg: &str, fields: &[(&str, serde_json::Value)]) {
        let time = rfc3339_millis(now_ms());
        let text = match self.format {
            LogFormat::Json => {
                let mut object = serde_json::Map::new();
                object.insert("time".into(), json!(time));
                object.insert("level".into(), json!(level));
                object.insert("msg".into(), json!(msg));
                for (key, value) in fields {
                    object.insert((*key).to_string(), value.clone());
                }
                serde_json::Value::Object(object).to_string()
            }
            LogFormat::Text => {
                let mut line = format!("{time} {level:<5} {}", escape(msg));
                for (key, value) in fields {
                    let shown = match value {
                        serde_json::Value::String(text) => escape(text),
                        other => other.to_string(),
                    };
                    line.push_str(&format!(" {key}={shown}"));
                }
                line
            }
        };
        // A closed stderr must not take requests down with it.
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    /// A failure outside a request (the courier, a connection): its text.
    pub(super) fn failure(&self, what: &str, error: &dyn std::fmt::Display) {
        self.line("error", what, &[("error", json!(error.to_string()))]);
    }
}

fn now_ms() -> i64 {
    crate::time::clock::Clock::now_ms(&crate::time::clock::SystemClock)
}

/// Control characters and spaces escaped, so a crafted path cannot forge a
/// line or a field.
fn escape(text: &str) -> String {
    if text
        .chars()
        .all(|c| !c.is_control() && c != ' ' && c != '"')
    {
        text.to_string()
    } else {
        format!("{text:?}")
    }
}

/// The request-log middleware: one line per request, after it is answered.
pub(super) async fn requests(
    State(logger): State<Logger>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    // The path only: the query can hold a code (`/self-service/verification?code=`).
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let mut fields = vec![
        ("method", json!(method)),
        ("path", json!(path)),
        ("status", json!(response.status().as_u16())),
        ("duration_ms", json!((millis * 1000.0).round() / 1000.0)),
    ];
    let level = match response.extensions().get::<LoggedFailure>() {
        Some(LoggedFailure(error)) => {
            fields.push(("error", json!(error)));
            "error"
        }
        None => "info",
    };
    logger.line(level, "request", &fields);
    response
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn crafted_text_cannot_start_a_new_line_or_field() {
        assert_eq!(escape("/health/alive"), "/health/alive");
        assert_eq!(escape("/a\nlevel=error"), "\"/a\\nlevel=error\"");
        assert_eq!(escape("/a b=c"), "\"/a b=c\"");
    }
}
