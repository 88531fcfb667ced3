//! One-time codes as Kratos makes them: 6 digits from the OS CSPRNG, stored only
//! as a keyed hash (HMAC-SHA-512/256, lowercase hex), checked in constant time
//! against every configured secret.

use hmac::{Hmac, Mac};
use sha2::Sha512_256;

/// Digits in a code.
pub const CODE_LENGTH: usize = 6;

/// A freshly generated code. Its `Debug` hides the digits, so a code never ends up
/// in a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Code(String);

impl Code {
    /// The digits, for the message that carries them and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Code(******)")
    }
}

/// The OS random source failed; no code can be made safely.
#[derive(Debug, thiserror::Error)]
#[error("the operating system's random number generator failed: {0}")]
pub struct RandomError(getrandom::Error);

/// Generates a code: each digit uniform over 0–9 (leading zeros included), by
/// rejection sampling of random bytes so no digit is more likely than another.
pub fn generate() -> Result<Code, RandomError> {
    random_string(CODE_LENGTH, uniform_digit).map(Code)
}

/// Characters of session tokens.
const ALPHANUMERIC: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A Kratos-style token: `prefix` and 32 alphanumerics from the OS CSPRNG
/// (`ory_st_` for sessions), uniform by the same rejection sampling as codes.
pub fn token(prefix: &str) -> Result<String, RandomError> {
    Ok(format!(
        "{prefix}{}",
        random_string(32, uniform_alphanumeric)?
    ))
}

/// `length` characters, each from one random byte that `uniform` accepts.
fn random_string(length: usize, uniform: fn(u8) -> Option<char>) -> Result<String, RandomError> {
    let mut out = String::with_capacity(length);
    let mut buffer = [0u8; 32];
    while out.len() < length {
        getrandom::fill(&mut buffer).map_err(RandomError)?;
        out.extend(
            buffer
                .iter()
                .filter_map(|b| uniform(*b))
                .take(length - out.len()),
        );
    }
    Ok(out)
}

/// An alphanumeric from a random byte: 248 = 4 × 62, so bytes from 248 up are dropped.
fn uniform_alphanumeric(byte: u8) -> Option<char> {
    (byte < 248).then(|| char::from(ALPHANUMERIC[usize::from(byte % 62)]))
}

/// A digit from a random byte, each equally likely: bytes from 250 up are dropped,
/// since 250 = 25 × 10 and the last six byte values would favour 0–5.
fn uniform_digit(byte: u8) -> Option<char> {
    (byte < 250).then(|| char::from(b'0' + byte % 10))
}

/// The stored form of a code: lowercase hex HMAC-SHA-512/256 keyed with `secret`
/// (Kratos uses the first of `secrets.cookie`, else of `secrets.default`).
pub fn hash(code: &str, secret: &[u8]) -> String {
    let mut mac = keyed(secret);
    mac.update(code.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn keyed(secret: &[u8]) -> Hmac<Sha512_256> {
    Hmac::<Sha512_256>::new_from_slice(secret).expect("HMAC accepts keys of any length")
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_alphanumerics() {
        let t = token("ory_st_").expect("random");
        let rest = t.strip_prefix("ory_st_").expect("prefix");
        assert_eq!(rest.len(), 32);
        assert!(rest.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(t, token("ory_st_").expect("random"));
    }

    #[test]
    fn codes_are_six_digits_and_vary() {
        let codes: Vec<Code> = (0..200).map(|_| generate().expect("random")).collect();
        assert!(
            codes
                .iter()
                .all(|c| c.expose().len() == 6 && c.expose().bytes().all(|b| b.is_ascii_digit()))
        );
        let distinct: std::collections::HashSet<&str> = codes.iter().map(Code::expose).collect();
        assert!(
            distinct.len() > 190,
            "200 codes from a 10^6 space repeat rarely"
        );
        assert_eq!(format!("{:?}", codes[0]), "Code(******)");
    }

    #[test]
    fn every_digit_comes_from_the_same_number_of_byte_values() {
        let all: Vec<u8> = (0..=255).collect();
        let mut counts = [0usize; 10];
        for digit in all.iter().filter_map(|b| uniform_digit(*b)) {
            counts[usize::from(digit as u8 - b'0')] += 1;
        }
        assert_eq!(counts, [25; 10]);
    }

    #[test]
    fn hashes_are_keyed_hex() {
        let stored = hash("123456", b"first-secret-0123456");
        assert_eq!(stored.len(), 64);
        assert!(
            stored
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert!(!stored.contains("123456"));
        assert_ne!(stored, hash("123456", b"other-secret-0123456"));
        assert_ne!(stored, hash("123457", b"first-secret-0123456"));
    }

    #[test]
    fn the_hash_is_hmac_sha512_256() {
        // Computed independently: Python `hmac.new(b"key", b"123456", "sha512_256").hexdigest()`.
        assert_eq!(
            hash("123456", b"key"),
            "edbdf80b458cb1dfe3fce4c3790c75a02382394da33fd7cd0a66e7bc564c553c"
        );
    }
}
