//! otpctl: admin, validation and a local engine for one-time-code authentication
//! in the Ory Kratos model.
//!
//! Layers, top to bottom (docs/architecture.md; `tests/cli/architecture.rs` keeps
//! them): `cli` → `client` → `server` → `protocol` → `engine` → `courier` → `store` → the leaves `schema`, `project`,
//! `jsonnet`, `diag`, `config` and `time`. Nothing imports a layer above it.

pub mod cli;
pub mod client;
pub mod config;
pub mod courier;
pub mod diag;
pub mod engine;
pub mod jsonnet;
pub mod project;
pub mod protocol;
pub mod schema;
pub mod server;
mod store;
pub mod time;
