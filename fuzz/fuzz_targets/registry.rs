//! Arbitrary bytes as a registry: loading must fail with a message or succeed, and whatever
//! loads must evaluate and render in every format without a panic.

#![no_main]

use std::path::PathBuf;

use chrono::NaiveDate;
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
    // The edges of the calendar and a day near the registry's own dates.
    let days = [
        NaiveDate::from_ymd_opt(1, 1, 1),
        NaiveDate::from_ymd_opt(2026, 6, 15),
        NaiveDate::from_ymd_opt(9999, 12, 31),
    ];
    for today in days.into_iter().flatten() {
        let until = today.checked_add_days(chrono::Days::new(400)).unwrap_or(today);
        let items = engine::agenda(&reg, &completions, today, until);
        export_all(&views::items(&items, Lang::En));
        let rows = engine::status(&reg, &completions, today);
        export_all(&views::status(&rows, Lang::Fr));
        let entries = engine::attention(&reg, &completions, today, until);
        let _ = render::digest(&entries, Lang::En, today);
        for ob in &reg.obligations {
            for (period, _) in &ob.done {
                let _ = engine::resolve_period(&reg, ob, period, today);
            }
        }
    }
});

fn export_all(listing: &Listing) {
    let exporters: [&dyn Export; 4] = [
        &render::Table {
            color: true,
            terminal: false,
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
