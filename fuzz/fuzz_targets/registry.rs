//! Arbitrary bytes as a registry; see `checks/registry.rs` for what must hold.

#![no_main]

#[path = "../checks/registry.rs"]
mod registry;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| registry::check(bytes));
