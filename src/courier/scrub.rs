//! Takes secrets out of the error texts of a delivery before they are stored as
//! a dispatch record or logged: what an SMTP server or webhook replied (many
//! echo the request), and what a channel's Jsonnet body failed with. One scrubber
//! serves both channels.

use serde_json::Value;

/// What stands in for a removed secret.
pub(crate) const REDACTED: &str = "[redacted]";

/// How much of a scrubbed text is kept: enough to recognise the upstream's
/// complaint, too little to carry a payload back.
pub(crate) const EXCERPT_CHARS: usize = 200;

/// The secrets of one delivery, longest first, ready for [`Secrets::scrub`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Secrets {
    texts: Vec<String>,
}

impl Secrets {
    /// The secrets `texts` (credentials, header values), each also as a JSON
    /// string shows it.
    pub(crate) fn new(texts: impl IntoIterator<Item = String>) -> Secrets {
        let mut secrets = Secrets::default();
        secrets.texts.extend(texts);
        secrets.finish()
    }

    /// These secrets and everything a message carries: each of `texts` (the
    /// body, subject, recipient), every string in `data` (the template data with
    /// the code), and each run of six or more letters and digits with a digit in
    /// it (a code inside a text, which an echo may show escaped around it).
    pub(crate) fn with_message(&self, texts: &[&str], data: Option<&Value>) -> Secrets {
        let mut found: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        if let Some(data) = data {
            string_leaves(data, &mut found);
        }
        let words: Vec<String> = found.iter().flat_map(|s| code_words(s)).collect();
        let mut secrets = self.clone();
        secrets.texts.extend(found);
        secrets.texts.extend(words);
        secrets.finish()
    }

    /// `text` with every secret replaced by [`REDACTED`], on one line, cut to
    /// [`EXCERPT_CHARS`]. `truncated` says that `text` is the start of something
    /// longer: a tail of three or more characters that starts a secret is
    /// dropped, as the cut may have gone through one.
    pub(crate) fn scrub(&self, text: &str, truncated: bool) -> String {
        let mut text = text.to_string();
        for secret in &self.texts {
            text = text.replace(secret.as_str(), REDACTED);
        }
        if truncated {
            for secret in &self.texts {
                if let Some(prefix) = cut_secret(&text, secret) {
                    text.truncate(text.len() - prefix);
                    text.push_str(REDACTED);
                }
            }
        }
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut short: String = one_line.chars().take(EXCERPT_CHARS).collect();
        if short.len() < one_line.len() {
            short.push('…');
        }
        short
    }

    /// Each secret also as a JSON string shows it (an echo in JSON escapes quotes
    /// and line breaks), none shorter than four characters (those would take
    /// ordinary words out), the longest first so that a secret goes whole before
    /// any part of it.
    fn finish(mut self) -> Secrets {
        let mut all: Vec<String> = self
            .texts
            .iter()
            .flat_map(|s| [s.clone(), json_escaped(s)])
            .filter(|s| s.chars().count() >= 4)
            .collect();
        all.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        all.dedup();
        self.texts = all;
        self
    }
}

/// The length in bytes of the longest start of `secret` (three characters or
/// more) that `text` ends with.
fn cut_secret(text: &str, secret: &str) -> Option<usize> {
    secret
        .char_indices()
        .map(|(i, _)| i)
        .rev()
        .map(|i| &secret[..i])
        .find(|prefix| prefix.chars().count() >= 3 && text.ends_with(prefix))
        .map(str::len)
}

fn json_escaped(text: &str) -> String {
    let escaped = serde_json::to_string(text).unwrap_or_default();
    escaped
        .strip_prefix('"')
        .and_then(|e| e.strip_suffix('"'))
        .unwrap_or_default()
        .to_string()
}

/// Runs of six or more letters and digits with a digit in them: codes and tokens.
fn code_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 6 && w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// Every string in a JSON value.
pub(crate) fn string_leaves(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| string_leaves(v, out)),
        Value::Object(map) => map.values().for_each(|v| string_leaves(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_message_s_code_body_and_data_are_removed() {
        let secrets = Secrets::new(["sk-live-0123".to_string()]).with_message(
            &["Your code is 493817"],
            Some(&json!({ "login_code": "493817", "to": "ann@example.com" })),
        );
        let text = secrets.scrub(
            "550 rejected \"Your code is 493817\" for ann@example.com key=sk-live-0123 (493817)",
            false,
        );
        for secret in ["493817", "ann@example.com", "sk-live-0123"] {
            assert!(!text.contains(secret), "{text}");
        }
        assert!(text.starts_with("550 rejected"), "{text}");
    }

    #[test]
    fn a_secret_cut_by_the_read_limit_is_dropped_and_short_texts_are_kept() {
        let secrets = Secrets::new(["493817".to_string()]);
        assert_eq!(secrets.scrub("echo: 4938", true), "echo: [redacted]");
        assert_eq!(secrets.scrub("echo: 4938", false), "echo: 4938");
        assert_eq!(secrets.scrub("status 500", true), "status 500");
    }

    #[test]
    fn texts_are_put_on_one_line_and_cut() {
        let secrets = Secrets::default();
        let long = "x".repeat(500);
        let text = secrets.scrub(&format!("a\nb\r\n{long}"), false);
        assert!(text.starts_with("a b x"), "{text}");
        assert_eq!(text.chars().count(), EXCERPT_CHARS + 1);
    }
}
