//! Kratos' wire protocol over the engine: decoding what clients submit (JSON
//! and form bodies), the answer to each outcome (status and body), Kratos'
//! error envelope, and opening a project (engine and courier). The CLI verbs and the HTTP server both speak through it.

pub mod answer;
pub mod csrf;
pub mod error;
pub mod project;
pub mod steps;
pub mod submission;

pub use answer::{Answer, Body, unless_done};
pub use error::{ErrorBody, KratosError};
