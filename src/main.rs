//! The `otpctl` binary: everything happens in [`otpctl::cli::run`].

use std::process::ExitCode;

// A patch is a short process that allocates a great deal (schema compilation,
// two YAML parses); mimalloc makes those allocations markedly cheaper than glibc's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    otpctl::cli::run(std::env::args_os())
}
