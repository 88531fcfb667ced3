//! Links the `otpctl` executable as a non-PIE on Linux with glibc.
//!
//! A position-independent executable of this size carries about 43,000 relative
//! relocations: at every start the dynamic loader applies them, and each page of
//! `.data.rel.ro` they touch is faulted in and copied. A non-PIE is linked at a fixed
//! address, so it has none. The price is that the executable image itself is not
//! placed at a random address (ASLR still moves the stack, heap, mmaps and shared
//! libraries); see docs/performance.md. The code stays position-independent
//! (rustc's default relocation model): only the link changes, so the proc-macro
//! and the library crates are built as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bin=otpctl=-no-pie");
    }
}
