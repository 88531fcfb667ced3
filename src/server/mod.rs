//! `otpctl serve`: Kratos' public and admin HTTP APIs as a thin adapter over
//! the protocol layer. A route decodes the request (`request`), calls the
//! engine, and writes Kratos' answer (`response`); `listen` owns sockets,
//! connection limits and the graceful shutdown; `log` writes one line per
//! request that never holds a code, a token or a cookie.

mod admin;
mod browser;
mod cors;
mod errors;
mod listen;
mod log;
mod logout;
mod outbox;
mod pages;
mod public;
mod request;
mod response;
mod state;

pub use listen::{Listeners, ServeError, ServeOptions, serve};
pub use log::LogFormat;
