//! The `otpctl` binary: everything happens in [`otpctl::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    otpctl::cli::run(std::env::args_os())
}
