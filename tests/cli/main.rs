//! Integration tests of the `otpctl` binary, run as a user runs it.

// Helpers are shared between the test modules of this one crate by `pub`.
#![allow(unreachable_pub)]

mod architecture;
mod browser;
mod ci;
mod concurrency;
mod conformance;
mod contract;
mod courier;
mod db;
mod delivery;
mod endpoint;
mod engine;
mod fixtures;
mod flows;
mod generated;
mod get;
mod get_code;
mod hardening;
mod help;
mod kratos_yaml;
mod lab;
mod large_inputs;
mod malformed;
mod next_steps;
mod patch_errors;
mod patch_existing;
mod patch_order;
mod postgres;
mod preserve;
mod project;
mod quickstart;
mod render;
mod schema_model;
mod sdk;
mod seed;
mod serve_ops;
mod served;
mod server_input;
mod servers;
mod support;
mod tour;
mod untrusted_eval;
mod update;
mod validate;
