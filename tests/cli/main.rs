//! Integration tests of the `otpctl` binary, run as a user runs it.

mod concurrency;
mod fixtures;
mod generated;
mod get;
mod help;
mod malformed;
mod patch_errors;
mod patch_order;
mod preserve;
mod project;
mod render;
mod seed;
mod support;
mod update;
mod validate;
