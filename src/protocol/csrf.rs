//! Kratos' anti-CSRF tokens (nosurf): a random 32-byte token lives in the
//! CSRF cookie (`csrf_token_<sha256 of the public URL>`), and each form
//! carries it masked with a fresh one-time pad, so no two pages repeat it.
//! A browser step passes when the token it posts unmasks to the cookie's.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use super::error::{self, ErrorBody};

const TOKEN_BYTES: usize = 32;

/// The OS random source failed.
#[derive(Debug, thiserror::Error)]
#[error("the OS random source failed: {0}")]
pub struct RandomError(String);

fn random_bytes() -> Result<[u8; TOKEN_BYTES], RandomError> {
    let mut bytes = [0_u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| RandomError(e.to_string()))?;
    Ok(bytes)
}

/// A new cookie token (base64 of 32 random bytes).
pub fn new_cookie_token() -> Result<String, RandomError> {
    Ok(STANDARD.encode(random_bytes()?))
}

/// The cookie's name for a public base URL, as Kratos names it.
pub fn cookie_name(public_base_url: &str) -> String {
    let digest = Sha256::digest(public_base_url.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("csrf_token_{hex}")
}

/// The cookie token's 32 bytes, if it is one.
fn cookie_bytes(cookie_token: &str) -> Option<[u8; TOKEN_BYTES]> {
    STANDARD.decode(cookie_token).ok()?.try_into().ok()
}

/// Whether a cookie value is a well-formed token (a forged or truncated one
/// is replaced rather than trusted).
pub fn is_cookie_token(cookie_token: &str) -> bool {
    cookie_bytes(cookie_token).is_some()
}

/// The token a form carries: pad ‖ (pad XOR token), base64.
pub fn mask(cookie_token: &str) -> Result<String, RandomError> {
    let token = cookie_bytes(cookie_token).ok_or_else(|| RandomError("not a token".into()))?;
    let pad = random_bytes()?;
    let mut masked = Vec::with_capacity(2 * TOKEN_BYTES);
    masked.extend_from_slice(&pad);
    masked.extend(pad.iter().zip(token.iter()).map(|(p, t)| p ^ t));
    Ok(STANDARD.encode(masked))
}

/// The token a form token stands for: unmasked, or as is when unmasked
/// already (nosurf accepts both).
fn unmask(sent: &str) -> Option<[u8; TOKEN_BYTES]> {
    let bytes = STANDARD.decode(sent).ok()?;
    match bytes.len() {
        TOKEN_BYTES => bytes.try_into().ok(),
        n if n == 2 * TOKEN_BYTES => {
            let (pad, masked) = bytes.split_at(TOKEN_BYTES);
            let mut token = [0_u8; TOKEN_BYTES];
            for (i, byte) in token.iter_mut().enumerate() {
                *byte = pad[i] ^ masked[i];
            }
            Some(token)
        }
        _ => None,
    }
}

/// Whether `sent` (from the form or the `X-CSRF-Token` header) stands for
/// the cookie's token; compared in constant time.
pub fn verify(cookie_token: &str, sent: &str) -> bool {
    match (cookie_bytes(cookie_token), unmask(sent)) {
        (Some(expected), Some(actual)) => same_bytes(&expected, &actual),
        _ => false,
    }
}

/// Whether two secrets are equal, in time that does not depend on where
/// they differ.
pub fn same_bytes(expected: &[u8], actual: &[u8]) -> bool {
    expected.len() == actual.len()
        && expected
            .iter()
            .zip(actual)
            .fold(0_u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// What a refused browser step lacked, in nosurf's words (`CSRFErrorReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The request had no cookies.
    NoCookies,
    /// Cookies, but not the CSRF one.
    CookieMissing,
    /// The cookie, but no token in the body or header.
    TokenNotSent,
    /// Both, not matching.
    Mismatch,
}

/// Kratos' `security_csrf_violation` (403) for a rejection; `ajax` when the
/// browser said `Sec-Fetch-Mode: cors` or `same-origin`.
pub fn violation(rejection: Rejection, ajax: bool) -> ErrorBody {
    const NO_COOKIE: &str = "The HTTP Cookie Header is empty or not set.";
    const COOKIE_MISSING: &str =
        "The HTTP Cookie Header was set but did not include the anti-CSRF cookie.";
    const TOKEN_NOT_SENT: &str = "The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).";
    const MISMATCH: &str = "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.";
    const AJAX_HINT: &str = "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded.";
    const SERVER_HINT: &str = "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly.";
    let hint = if ajax { AJAX_HINT } else { SERVER_HINT };
    let (hint, reject_reason) = match rejection {
        Rejection::NoCookies => (hint, Some(NO_COOKIE)),
        Rejection::CookieMissing => (hint, Some(COOKIE_MISSING)),
        Rejection::TokenNotSent => (TOKEN_NOT_SENT, None),
        Rejection::Mismatch => (hint, Some(MISMATCH)),
    };
    error::csrf_violation(hint, reject_reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_token_verifies_and_differs_each_time() {
        let cookie = new_cookie_token().expect("random");
        let (a, b) = (mask(&cookie).expect("mask"), mask(&cookie).expect("mask"));
        assert_ne!(a, b);
        assert!(verify(&cookie, &a) && verify(&cookie, &b));
        assert!(verify(&cookie, &cookie), "nosurf accepts the raw token too");
        let other = new_cookie_token().expect("random");
        assert!(!verify(&other, &a));
        assert!(!verify(&cookie, "") && !verify(&cookie, "not base64!"));
        assert!(!verify("forged", &a));
    }

    /// Kratos' cookie name: `csrf_token_` and the SHA-256 of the public URL.
    #[test]
    fn the_cookie_is_named_by_the_public_url() {
        assert_eq!(
            cookie_name("http://127.0.0.1:4433/"),
            format!("csrf_token_{:x}", Sha256::digest(b"http://127.0.0.1:4433/"))
        );
    }

    #[test]
    fn a_violation_is_kratos_403_with_its_id() {
        let body = serde_json::to_value(violation(Rejection::Mismatch, false)).expect("json");
        assert_eq!(body["error"]["id"], "security_csrf_violation");
        assert_eq!(body["error"]["code"], 403);
        assert!(
            body["error"]["details"]["reject_reason"]
                .as_str()
                .is_some_and(|r| r.contains("do not match"))
        );
    }
}
