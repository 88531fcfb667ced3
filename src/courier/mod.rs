//! The courier: message templates, the Jsonnet request bodies of HTTP channels,
//! delivery over SMTP and HTTP, and the persistent queue the engine works.

pub mod delivery;
pub mod http;
pub mod outbox;
mod scrub;
pub mod smtp;
pub mod template;
mod tls_stream;
pub mod worker;
