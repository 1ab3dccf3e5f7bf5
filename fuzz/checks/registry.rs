//! What must hold for any bytes read as a registry: loading fails with a message or
//! succeeds; `[[obligation]]` and `[[ obligation ]]` (the same TOML) give the same schedule; and
//! whatever loads evaluates and renders in every format without a panic. Shared by the fuzz
//! target and by the test that replays the corpus and every crash found.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use due::engine;
use due::model::{Completions, Lang, Origin, Registry};
use due::record;
use due::registry::{self, RegistryError};
use due::render::{self, Export, Listing};
use due::views;

pub fn check(bytes: &[u8]) {
    let origin = Origin::File(PathBuf::from("fuzz.toml"));
    let loaded = registry::parse_bytes(bytes, origin.clone());
    if let Ok(text) = std::str::from_utf8(bytes) {
        same_as_whole_document(text, &loaded, origin);
    }
    let reg = match loaded {
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
    let closed = record::last_closed(&reg, &completions, near);
    export_all(&views::status(&rows, &closed, Lang::Fr));
    let entries = engine::attention(&reg, &completions, near, until);
    let _ = render::digest(&entries, Lang::En, near);
    for ob in &reg.obligations {
        for (period, _) in ob.done() {
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
}

/// `[[ obligation ]]` is the same TOML as `[[obligation]]`: a loader that looks for the usual
/// spelling to go faster must give the same schedule for both.
fn same_as_whole_document(text: &str, loaded: &Result<Registry, RegistryError>, origin: Origin) {
    let whole: String = text
        .split_inclusive('\n')
        .map(|line| {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            match trimmed.strip_prefix("[[obligation]]") {
                Some(rest) => format!("{indent}[[ obligation ]]{rest}"),
                None => line.to_string(),
            }
        })
        .collect();
    let other = registry::parse(&whole, origin);
    // Free text may differ (a header line inside a multi-line string is rewritten too), so
    // what is compared is what the schedule depends on.
    let schedule = |reg: &Registry| {
        let obligations: Vec<String> = reg
            .obligations
            .iter()
            .map(|o| {
                format!(
                    "{} {:?} {} {:?} {:?}",
                    o.id, o.rule, o.lead, o.active_from, o.active_until
                )
            })
            .collect();
        let meetings: Vec<String> = reg
            .meetings
            .iter()
            .map(|m| format!("{} {:?} {:?}", m.key, m.instances, m.typical))
            .collect();
        (obligations, meetings)
    };
    match (loaded, &other) {
        (Ok(a), Ok(b)) => assert_eq!(schedule(a), schedule(b), "read apart and whole differ"),
        (Err(_), Err(_)) => {}
        (a, b) => panic!(
            "read apart: {:?}\nwhole: {:?}",
            a.as_ref().map(&schedule).map_err(ToString::to_string),
            b.as_ref().map(&schedule).map_err(ToString::to_string)
        ),
    }
}

fn export_all(listing: &Listing) {
    let exporters: [&dyn Export; 5] = [
        &render::Table {
            color: true,
            width: None,
            lang: Lang::En,
        },
        &render::Table {
            color: false,
            width: Some(40),
            lang: Lang::Fr,
        },
        &render::Json,
        &render::Csv,
        &render::Markdown,
    ];
    for exporter in exporters {
        let mut out = Vec::new();
        exporter
            .export(listing, &mut out)
            .expect("writing to memory");
    }
}
