//! otpctl: admin, validation and a local engine for one-time-code authentication
//! in the Ory Kratos model.
//!
//! `cli` is the only module that knows about the command line; `config`, `schema`
//! and `project` are plain libraries it drives.

pub mod cli;
pub mod config;
pub mod courier;
pub mod diag;
pub mod engine;
pub mod jsonnet;
pub mod project;
pub mod schema;
mod store;
pub mod time;
