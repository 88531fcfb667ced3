//! What a delivery attempt can end in, shared by the SMTP and HTTP channels.

/// Why a message could not be delivered, and whether trying again can help.
///
/// The texts never hold a message body (it carries the one-time code) nor a
/// credential, so they can be stored as dispatch records and logged as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// The attempt failed for a reason that may pass (connection refused, timeout,
    /// a 4xx SMTP reply, a non-2xx HTTP status): the queue tries again later.
    #[error("{0}")]
    Transient(String),
    /// Trying again cannot help (an SMTP reply of 500 or above, a recipient that
    /// is not an address): the queue abandons the message at once.
    #[error("{0}")]
    Permanent(String),
}

impl DeliveryError {
    /// Whether the queue should abandon the message instead of retrying it.
    pub fn is_permanent(&self) -> bool {
        matches!(self, DeliveryError::Permanent(_))
    }

    /// The text of the failure, without its kind.
    pub fn message(&self) -> &str {
        match self {
            DeliveryError::Transient(text) | DeliveryError::Permanent(text) => text,
        }
    }
}

/// Installs rustls' `ring` crypto provider as the process default.
///
/// reqwest is built without a provider of its own (so that one provider serves
/// every crate), and refuses to build a TLS client until a default exists. Call
/// this before building any client; calling it again, or after another provider
/// was installed, does nothing.
pub fn install_crypto_provider() {
    // An error only means some provider is already the default, which is all we need.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_apart_and_texts_kept() {
        let transient = DeliveryError::Transient("connection refused".into());
        let permanent = DeliveryError::Permanent("550 no such user".into());
        assert!(!transient.is_permanent());
        assert!(permanent.is_permanent());
        assert_eq!(transient.to_string(), "connection refused");
        assert_eq!(permanent.message(), "550 no such user");
    }

    #[test]
    fn installing_the_provider_twice_is_harmless() {
        install_crypto_provider();
        install_crypto_provider();
        assert!(rustls::crypto::CryptoProvider::get_default().is_some());
    }
}
