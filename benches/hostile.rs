//! In-process timings of the inputs a hostile or careless file brings: `status` over as many
//! completions as obligations, a large ledger, and a title of a million characters through
//! the table and the calendar feed. `cargo bench --bench hostile`; BENCHMARKS.md gives the
//! figures and the whole-process runs.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use due::engine;
use due::ledger::Ledger;
use due::model::{Completions, Lang, Origin, Registry};
use due::render::{self, Export};
use due::{record, registry, views};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[20_000, 100_000];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
}

/// `n` yearly obligations, the first titled `title`.
fn registry_text(n: usize, title: &str) -> String {
    let mut t = String::from("schema = 1\ntimezone = \"UTC\"\ntracking_since = 2026-01-01\n");
    for i in 0..n {
        let title = if i == 0 { title } else { "Report" };
        let _ = write!(
            t,
            "\n[[obligation]]\nid = \"o{i}\"\ntitle = \"{title} {i}\"\nevery = \"year\"\ndue = \"{:02}-{:02}\"\n",
            1 + i % 12,
            1 + i % 28
        );
    }
    t
}

/// One `done` record for each of `n` obligations, as `due done` writes them.
fn ledger_text(n: usize) -> String {
    let mut t = String::new();
    for i in 0..n {
        let _ = write!(
            t,
            "\n[[record]]\nid = \"o{i}\"\nperiod = \"2026\"\naction = \"done\"\non = 2026-{:02}-{:02}\n\
             recorded_at = 2026-12-01T10:00:00Z\nby = \"ana\"\n",
            1 + i % 12,
            1 + i % 28
        );
    }
    t
}

fn load(n: usize, title: &str) -> Registry {
    registry::parse(&registry_text(n, title), Origin::Embedded).unwrap()
}

/// `status` with one completion per obligation: the ledger's overlay and the judging.
#[divan::bench(args = SIZES, sample_count = 5)]
fn status_with_completions(bencher: divan::Bencher, n: usize) {
    let reg = load(n, "Report");
    let book = Ledger::parse(&ledger_text(n), Path::new("ledger.toml")).unwrap();
    let completions = record::completions(&reg, &book);
    bencher.bench(|| engine::status(&reg, &completions, today()).len());
}

/// Reading a ledger of `n` records from its text.
#[divan::bench(args = SIZES, sample_count = 5)]
fn ledger_load(bencher: divan::Bencher, n: usize) {
    let text = ledger_text(n);
    bencher.bench(|| {
        Ledger::parse(divan::black_box(&text), Path::new("ledger.toml"))
            .unwrap()
            .records
            .len()
    });
}

fn huge_title() -> String {
    "word ".repeat(200_000)
}

/// The status table at 100 columns with a title of a million characters.
#[divan::bench(sample_count = 5)]
fn table_with_a_huge_title(bencher: divan::Bencher) {
    let reg = load(3, &huge_title());
    let none = Completions::new();
    let table = render::Table {
        color: false,
        width: Some(100),
        lang: Lang::En,
    };
    bencher.bench(|| {
        let rows = engine::status(&reg, &none, today());
        let closed = record::last_closed(&reg, &none, today());
        let mut out = Vec::new();
        table
            .export(&views::status(&rows, &closed, Lang::En), &mut out)
            .unwrap();
        out.len()
    });
}

/// A year of the calendar feed with a title of a million characters.
#[divan::bench(sample_count = 5)]
fn ics_with_a_huge_title(bencher: divan::Bencher) {
    let reg = load(3, &huge_title());
    let none = Completions::new();
    let until = today() + chrono::Days::new(366);
    bencher.bench(|| {
        let items = engine::agenda(&reg, &none, today(), until);
        let entries: Vec<render::Entry<'_>> = items
            .iter()
            .map(|i| (i.clone(), engine::milestones(&reg, &i.occurrence)))
            .collect();
        let feed = render::Feed {
            name: "Hostile",
            lang: Lang::En,
            stamp: chrono::DateTime::UNIX_EPOCH,
        };
        render::ics(&feed, &entries).len()
    });
}
