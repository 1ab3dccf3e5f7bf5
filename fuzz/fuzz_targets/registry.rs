//! Arbitrary bytes as a registry: loading must fail with a message or succeed, and whatever
//! loads must evaluate and render in every format without a panic.

#![no_main]

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use due::engine;
use due::model::{Completions, Lang, Origin};
use due::registry;
use due::render::{self, Export, Listing};
use due::views;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let origin = Origin::File(PathBuf::from("fuzz.toml"));
    let reg = match registry::parse_bytes(bytes, origin) {
        Ok(reg) => reg,
        Err(err) => {
            let message = err.to_string();
            assert!(!message.is_empty());
            return;
        }
    };
    let completions: Completions = reg
        .obligations
        .iter()
        .flat_map(|o| o.known_completions())
        .collect();
    let near = NaiveDate::from_ymd_opt(2026, 6, 15).expect("a real day");
    let until = NaiveDate::from_ymd_opt(2027, 7, 20).expect("a real day");
    let items = engine::agenda(&reg, &completions, near, until);
    export_all(&views::items(&items, Lang::En));
    let rows = engine::status(&reg, &completions, near);
    export_all(&views::status(&rows, Lang::Fr));
    let entries = engine::attention(&reg, &completions, near, until);
    let _ = render::digest(&entries, Lang::En, near);
    for ob in &reg.obligations {
        for (period, _) in &ob.done {
            let _ = engine::resolve_period(&reg, ob, period, near);
        }
    }
    // At the edges of the calendar only bounded windows are asked for: the agenda from
    // `tracking_since` to the year 9999 is thousands of rows, which is right but slow.
    let edges = [
        NaiveDate::from_ymd_opt(1, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
    ];
    for today in edges.into_iter().flatten() {
        let _ = engine::status(&reg, &completions, today);
        let from = today.checked_sub_days(Days::new(400)).unwrap_or(today);
        let to = today.checked_add_days(Days::new(400)).unwrap_or(today);
        for ob in &reg.obligations {
            for occ in engine::occurrences(&reg, ob, from, to) {
                let _ = engine::milestones(&reg, &occ);
                let _ = engine::judge(&reg, occ, &completions, today);
            }
        }
    }
});

fn export_all(listing: &Listing) {
    let exporters: [&dyn Export; 5] = [
        &render::Table {
            color: true,
            terminal: false,
            width: None,
        },
        &render::Table {
            color: false,
            terminal: false,
            width: Some(40),
        },
        &render::Json,
        &render::Csv,
        &render::Markdown,
    ];
    for exporter in exporters {
        let mut out = Vec::new();
        exporter.export(listing, &mut out).expect("writing to memory");
    }
}
