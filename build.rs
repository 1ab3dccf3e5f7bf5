//! Links the `due` executable at a fixed address on Linux.
//!
//! A position-independent executable has tens of thousands of relocations (clap's and
//! chrono-tz's tables, vtables) that the loader applies on every start, touching pages
//! across the binary: that cost more than the rest of a short run on a small registry.
//! Libraries, the stack and the heap are still placed at random.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
