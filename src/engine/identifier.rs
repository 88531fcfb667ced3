//! Identifier normalisation as Kratos does it (reference B.5): emails trimmed,
//! width-folded, lower-cased and NFKC-normalised, with control and invisible
//! characters refused; phone numbers in E.164 by libphonenumber's rules.

use std::borrow::Cow;

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

/// Characters Kratos' identifier profiles refuse (strict) or strip (graceful),
/// `disallowedIdentifierRunes` in x/normalize.go: controls (Cc), format characters
/// (Cf: zero-width joiners, the soft hyphen, BIDI controls), private use (Co),
/// every Default_Ignorable_Code_Point (Hangul fillers, variation selectors, the
/// combining grapheme joiner, which lie outside Cf), and non-characters. Kratos also
/// refuses unassigned code points (Cn), which need Unicode tables otpctl does not
/// carry: they are let through.
fn forbidden(c: char) -> bool {
    let code = u32::from(c);
    c.is_control()
        || FORMAT_OR_IGNORABLE
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&code))
        || (0xE000..=0xF8FF).contains(&code)
        || (0xF0000..=0x10FFFD).contains(&code)
        || (0xFDD0..=0xFDEF).contains(&code)
        || (code & 0xFFFE) == 0xFFFE
}

/// General category Cf and the Default_Ignorable_Code_Point property (Unicode 15.1,
/// DerivedCoreProperties.txt), as inclusive ranges.
const FORMAT_OR_IGNORABLE: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

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

    /// Kratos' own cases (x/normalize_test.go, `TestNormalizeEmailIdentifier` and
    /// `defaultIgnorableBypassRunes`): an invisible character cannot make a second
    /// account with a look-alike address. Lookups strip it; registration refuses it.
    #[test]
    fn invisible_characters_are_stripped_in_lookups_and_refused_in_addresses_as_in_kratos() {
        let cases = [
            "alice\u{200B}@example.com",
            "alice\u{200C}@example.com",
            "alice\u{200D}@example.com",
            "Alice\u{00AD}@example.com",
            "alice\u{FEFF}@example.com",
            "alice\u{2060}@example.com",
            "alice\u{180E}@example.com",
            "\u{202A}alice@example.com\u{202C}",
            "al\u{200B}ice\u{200C}@ex\u{200D}ample.com",
            "alic\u{3164}e@example.com",
            "alic\u{115F}e@example.com",
            "alic\u{1160}e@example.com",
            "alic\u{17B4}e@example.com",
            "alic\u{17B5}e@example.com",
            "alic\u{034F}e@example.com",
            "alic\u{2065}e@example.com",
            "alic\u{FE0F}e@example.com",
            "alic\u{180B}e@example.com",
            "alic\u{E0100}e@example.com",
            "alic\u{E000}e@example.com",
        ];
        for case in cases {
            assert_eq!(normalize_gracefully(case), "alice@example.com", "{case:?}");
            assert!(
                matches!(
                    normalize(case, Via::Email),
                    Err(IdentifierError::Forbidden(_))
                ),
                "{case:?}"
            );
        }
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
