//! In-process timings of the two halves of a run: reading a registry, and judging it.
//! `cargo bench --bench engine`. Whole-process comparisons with remind are in compare.sh.

use chrono::NaiveDate;
use due::engine;
use due::model::{Completions, Origin, Registry};
use due::registry;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

/// A registry of `n` obligations: a quarter each yearly, quarterly, monthly and tied to a
/// meeting series that meets twice a year.
fn text(n: usize) -> String {
    let mut t = String::from(
        "schema = 1\ntracking_since = 2026-11-01\n[meetings.council]\ntypical = \"06-15..06-25\"\n\
         [meetings.council.dates]\n2026 = [\"2026-04-28..2026-05-08\", \"2026-11-07\"]\n",
    );
    for i in 0..n {
        let rule = match i % 4 {
            0 => format!(
                "every = \"year\"\ndue = \"{:02}-{:02}\"",
                1 + i % 12,
                1 + i % 28
            ),
            1 => format!("every = \"quarter\"\ndue = \"end + {}d\"", i % 45),
            2 => format!("every = \"month\"\ndue = \"{}\"", 1 + i % 31),
            _ => format!("every = \"meeting\"\ndue = \"council - {}w\"", i % 12),
        };
        t.push_str(&format!(
            "\n[[obligation]]\nid = \"o{i}\"\ntitle.en = \"Report number {i}\"\n\
             title.fr = \"Rapport numéro {i}\"\nmandate = \"Res. {}, instructs {}\"\n{rule}\n",
            1000 + i % 400,
            i % 15
        ));
    }
    t
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn load(bencher: divan::Bencher, n: usize) {
    let t = text(n);
    bencher.bench(|| registry::parse(divan::black_box(&t), Origin::Embedded).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn agenda_90_days(bencher: divan::Bencher, n: usize) {
    let reg: Registry = registry::parse(&text(n), Origin::Embedded).unwrap();
    let none = Completions::new();
    let until = today() + chrono::Days::new(90);
    // Every item made, as a listing makes them.
    bencher.bench(|| engine::agenda(&reg, &none, today(), until).iter().count());
}

/// Evaluation follows the occurrences produced, not the days in the window: ten years of
/// yearly deadlines cost about ten times one year.
#[divan::bench(args = [365, 3650], sample_count = 10)]
fn yearly_window(bencher: divan::Bencher, days: u64) {
    let mut t = String::from("schema = 1\ntracking_since = 2026-11-28\n");
    for i in 0..10_000 {
        t.push_str(&format!(
            "[[obligation]]\nid = \"y{i}\"\ntitle = \"Y\"\nevery = \"year\"\ndue = \"{:02}-15\"\n",
            1 + i % 12
        ));
    }
    let reg = registry::parse(&t, Origin::Embedded).unwrap();
    let none = Completions::new();
    let until = today() + chrono::Days::new(days);
    bencher.bench(|| engine::agenda(&reg, &none, today(), until).iter().count());
}
