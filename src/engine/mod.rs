//! The local engine's domain: one-time codes and identifiers (pure, no I/O).
//! The store, flows and courier of issue 4 build on these.

pub mod code;
pub mod duration;
pub mod identifier;
pub mod settings;
pub mod traits;
