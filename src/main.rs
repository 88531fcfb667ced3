//! The `otpctl` binary: everything happens in [`otpctl::cli::run`].

use std::process::ExitCode;

// No custom allocator: every command but `serve` is a short process, and glibc's
// malloc costs it less than mimalloc's set-up (option parsing, huge-page arenas
// that fault in far more memory than a patch uses). See docs/performance.md.

fn main() -> ExitCode {
    otpctl::cli::run(std::env::args_os())
}
