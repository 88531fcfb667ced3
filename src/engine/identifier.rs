//! Identifier normalisation as Kratos does it (reference B.5): emails trimmed,
//! width-folded, lower-cased and NFKC-normalised, with control and invisible
//! characters refused; phone numbers in E.164 by libphonenumber's rules.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Why an identifier was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentifierError {
    /// Not an email address.
    #[error("{0:?} is not a valid email address")]
    Email(String),
    /// Not a valid international phone number.
    #[error("the provided number is not a valid phone number")]
    Phone,
    /// Contains characters an identifier may not hold.
    #[error("{0:?} contains invisible or control characters")]
    Forbidden(String),
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
    if folded.is_ascii() {
        return lookup_form_of_ascii(&folded);
    }
    lookup_form(&folded)
}

/// Forbidden characters dropped, trimmed, lower-cased, NFKC-normalised.
fn lookup_form(value: &str) -> String {
    let cleaned: String = value.chars().filter(|c| !forbidden(*c)).collect();
    cleaned.trim().to_lowercase().nfkc().collect()
}

/// [`lookup_form`] of ASCII text in one pass (the usual identifier): ASCII is
/// its own NFKC form, and its only forbidden characters are the controls.
fn lookup_form_of_ascii(value: &str) -> String {
    let mut cleaned = String::with_capacity(value.len());
    cleaned.extend(
        value
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| c.to_ascii_lowercase()),
    );
    cleaned.trim().to_string()
}

fn normalize_email(value: &str) -> Result<String, IdentifierError> {
    let folded = fold(value);
    if folded.chars().any(forbidden) {
        return Err(IdentifierError::Forbidden(value.to_string()));
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
        Err(IdentifierError::Email(value.to_string()))
    }
}

/// Width folding: full-width ASCII forms (U+FF01–U+FF5E) and the ideographic
/// space; borrowed when there is nothing to fold.
fn fold(value: &str) -> Cow<'_, str> {
    let wide = |c: char| matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FF5E}');
    if !value.chars().any(wide) {
        return Cow::Borrowed(value);
    }
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

    #[test]
    fn ascii_takes_the_short_way_to_the_same_lookup_form() {
        for value in [
            " Bob@Example.COM\t",
            "\u{7}a\u{0}B c\n",
            "\u{1b}[31mX@y.z \u{7f}",
            "  ",
            "",
        ] {
            assert!(value.is_ascii());
            assert_eq!(lookup_form_of_ascii(value), lookup_form(value), "{value:?}");
        }
        assert_eq!(normalize_gracefully(" a\u{0}B@x.io\n"), "ab@x.io");
        assert_eq!(normalize_gracefully("ＢＯＢ@x.io"), "bob@x.io", "folded");
        assert_eq!(
            normalize_gracefully("Bö\u{200D}B@X.io"),
            "böb@x.io",
            "not ASCII"
        );
    }
}
