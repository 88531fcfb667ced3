//! Identifier normalisation as Kratos does it (reference B.5): emails trimmed,
//! width-folded, lower-cased and NFKC-normalised, with control and invisible
//! characters refused; phone numbers in E.164 by libphonenumber's rules.

use unicode_normalization::UnicodeNormalization;

/// Why an identifier was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentifierError {
    /// Not an email address (the value as [`echo`] quotes it).
    #[error("{0} is not a valid email address")]
    Email(String),
    /// Not a valid international phone number.
    #[error("the provided number is not a valid phone number")]
    Phone,
    /// Contains characters an identifier may not hold (the value as [`echo`] quotes it).
    #[error("{0} contains invisible or control characters")]
    Forbidden(String),
}

/// How many characters of an identifier an error text repeats.
pub const ECHO_CHARS: usize = 64;

/// An identifier as error texts quote it: escaped as a Rust string literal (no
/// control character reaches a terminal or log), cut to [`ECHO_CHARS`]
/// characters so that a crafted value cannot flood the output.
pub fn echo(value: &str) -> String {
    let cut: String = value.chars().take(ECHO_CHARS).collect();
    let ellipsis = if cut.len() < value.len() { "…" } else { "" };
    format!("{cut:?}{ellipsis}")
}

/// The channel an address is reached by (defined with the identity-schema model,
/// whose `via`s name it).
pub use crate::schema::identity_model::Via;

/// Strict normalisation of an address for `via` (registration, code credentials).
pub fn normalize(value: &str, via: Via) -> Result<String, IdentifierError> {
    match via {
        Via::Email => normalize_email(value),
        Via::Sms => crate::schema::phone::to_e164(&fold(value)).ok_or(IdentifierError::Phone),
    }
}

/// Kratos' graceful normalisation for lookups: a valid phone number becomes
/// E.164, anything with `@` is an email, anything else is trimmed and lower-cased.
pub fn normalize_gracefully(value: &str) -> String {
    let folded = fold(value);
    if let Some(phone) = crate::schema::phone::to_e164(&folded) {
        return phone;
    }
    let cleaned: String = folded.chars().filter(|c| !forbidden(*c)).collect();
    cleaned.trim().to_lowercase().nfkc().collect()
}

fn normalize_email(value: &str) -> Result<String, IdentifierError> {
    let folded = fold(value);
    if folded.chars().any(forbidden) {
        return Err(IdentifierError::Forbidden(echo(value)));
    }
    let email: String = folded.trim().to_lowercase().nfkc().collect();
    let valid = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.is_empty()
            && !domain.contains('@')
            && !email.chars().any(char::is_whitespace)
            && domain.split('.').all(|label| !label.is_empty())
    });
    if valid {
        Ok(email)
    } else {
        Err(IdentifierError::Email(echo(value)))
    }
}

/// Width folding: full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space.
fn fold(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Characters PRECIS refuses in an identifier: controls, format characters such as
/// zero-width joiners and BIDI marks, and non-characters.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
        || matches!(u32::from(c), 0xFDD0..=0xFDEF)
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_lower_cased_and_trimmed() {
        assert_eq!(
            normalize(" Alice@Example.COM ", Via::Email).as_deref(),
            Ok("alice@example.com")
        );
        assert_eq!(
            normalize("ＡＬＩＣＥ@example.com", Via::Email).as_deref(),
            Ok("alice@example.com")
        );
        assert!(normalize("not-an-email", Via::Email).is_err());
        assert!(normalize("a@b@c", Via::Email).is_err());
        assert!(matches!(
            normalize("al\u{200D}ice@example.com", Via::Email),
            Err(IdentifierError::Forbidden(_))
        ));
    }

    #[test]
    fn echoed_identifiers_are_escaped_and_cut_to_64_characters() {
        let long = format!("{}@example.com", "x".repeat(300));
        let Err(error) = normalize(&format!("{long} x"), Via::Email) else {
            panic!("a space makes it invalid");
        };
        let text = error.to_string();
        assert!(
            text.starts_with(&format!("\"{}\"…", "x".repeat(64))),
            "{text}"
        );
        assert!(text.chars().count() < 64 + 40, "{text}");
        assert_eq!(echo("a\u{7}b"), "\"a\\u{7}b\"");
        assert_eq!(echo("short@example.com"), "\"short@example.com\"");
    }

    /// Kratos' lookups (`x.GracefulNormalization`, x/normalize.go) strip control
    /// and invisible characters and format a valid phone number as E.164, which
    /// drops an extension: both match the account they name, and the code goes to
    /// the address stored for it, never to the text submitted.
    #[test]
    fn lookups_strip_controls_and_extensions_as_kratos_does() {
        assert_eq!(
            normalize_gracefully("Ada\u{7}@example.com"),
            "ada@example.com"
        );
        assert_eq!(
            normalize_gracefully("+49 176 67111638 ext. 123"),
            "+4917667111638"
        );
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(
            normalize("+1 (645) 333-1111", Via::Sms).as_deref(),
            Ok("+16453331111")
        );
        assert_eq!(
            normalize("＋49 151 12345678", Via::Sms).as_deref(),
            Ok("+4915112345678")
        );
        assert_eq!(
            normalize("0151 12345678", Via::Sms),
            Err(IdentifierError::Phone)
        );
    }

    #[test]
    fn graceful_normalisation_picks_the_kind() {
        assert_eq!(normalize_gracefully("+1 645 333 1111"), "+16453331111");
        assert_eq!(normalize_gracefully("Bob@Example.com"), "bob@example.com");
        assert_eq!(normalize_gracefully("  UserName "), "username");
    }
}
