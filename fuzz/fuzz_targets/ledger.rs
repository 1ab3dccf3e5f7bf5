//! Arbitrary bytes as a ledger; see `checks/ledger.rs` for what must hold.

#![no_main]

#[path = "../checks/ledger.rs"]
mod ledger;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| ledger::check(bytes));
