//! The integration tests, gathered into one crate so that `cargo test` links one binary.

mod common;

mod catalogue;
mod cli;
mod differential_remind;
mod filters;
mod first_hour;
mod french;
mod fuzz_replay;
mod handout;
mod history;
mod holidays;
mod hostile;
mod hostile_text;
mod ics;
mod ledger;
mod limits;
mod long_ids;
mod meeting_dates;
mod meta;
mod outputs;
mod readme;
mod records;
mod registry_1332;
mod remind;
mod sharing;
mod smtp;
mod smtp_guard;
mod status_rows;
mod team;
mod terminal;
mod today;
