//! Differential test against remind(1).
//!
//! The synthetic registry generator (`examples/synth.rs`) writes a registry and the same
//! deadlines as a remind file. For a handful of days D, `due --today D --until D+400d
//! --format json` and remind must agree on when every obligation next falls due on or after
//! D, and on every later date it falls due up to D+400 days.
//!
//! remind is asked once per registry for its simple calendar (`-s`) of 2024–2030, and each
//! window is cut from it. (`remind -n`, the next occurrence of each reminder, is not used:
//! remind 04.02 ignores `UNTIL` there, and finds nothing for `REM 1 --11 OMIT Sat Sun
//! AFTER`, while its calendar is right.)
//!
//! The test is skipped, with a note, when `remind` is not on PATH (Debian: `apt-get install
//! remind`). It runs once per roll rule (`none`, `previous`, `next`) on the meeting profile,
//! and once on the plain profile (`synth --plain`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use chrono::{Duration, NaiveDate};

use crate::common::synth_binary;

/// remind's calendar walks every day and every reminder: keep the registry small
/// (`DUE_DIFFERENTIAL_OBLIGATIONS` sets another size).
const OBLIGATIONS: &str = "500";
const WINDOW_DAYS: i64 = 400;
/// remind's calendar: 84 months from 2024-01-01, through 2030.
const CALENDAR: (&str, &str) = ("-s84", "2024-01-01");
/// The days D asked about (the last window ends before 2031).
const DAYS: [&str; 10] = [
    "2024-06-15",
    "2024-12-30",
    "2025-02-27",
    "2025-12-31",
    "2026-11-28",
    "2027-06-01",
    "2028-02-28",
    "2028-12-24",
    "2029-03-31",
    "2029-10-01",
];

type Dates = BTreeMap<String, BTreeSet<NaiveDate>>;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a YYYY-MM-DD date")
}

fn remind_available() -> bool {
    Command::new("remind")
        .arg("-h")
        .output()
        .is_ok_and(|o| !o.stdout.is_empty() || !o.stderr.is_empty())
}

fn generate(synth: &Path, dir: &Path, roll: &str, seed: u64, plain: bool) {
    let n = std::env::var("DUE_DIFFERENTIAL_OBLIGATIONS").unwrap_or(OBLIGATIONS.to_string());
    let out = Command::new(synth)
        .args(["--obligations", &n, "--seed", &seed.to_string()])
        .args(plain.then_some("--plain"))
        .args(["--roll", roll, "--tracking-since", "2024-01-01", "--out"])
        .arg(dir)
        .output()
        .expect("the generator runs");
    assert!(
        out.status.success(),
        "synth failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every date `due` lists in `[today, today + WINDOW_DAYS]`, by obligation id.
fn due_dates(registry: &Path, today: NaiveDate) -> Dates {
    let until = today + Duration::days(WINDOW_DAYS);
    let out = Command::new(env!("CARGO_BIN_EXE_due"))
        .env_remove("DUE_REGISTRY")
        .env_remove("DUE_LEDGER")
        .env_remove("DUE_TODAY")
        .arg("--registry")
        .arg(registry)
        .args(["--today", &today.to_string(), "--until", &until.to_string()])
        .args(["--format", "json"])
        .output()
        .expect("due runs");
    assert!(
        out.status.success(),
        "due failed on {}: {}",
        registry.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("due --format json prints a JSON array");
    let mut dates = Dates::new();
    for row in rows {
        let id = row["id"].as_str().expect("every row has an id");
        let Some(due) = row["due"].as_str() else {
            continue; // ongoing: no deadline
        };
        let due = date(due);
        if due < today || due > until {
            continue; // overdue history, not the question asked
        }
        dates.entry(id.to_string()).or_default().insert(due);
    }
    dates
}

/// remind's simple calendar (`YYYY/MM/DD * * * * ID …`) of 2024–2030, as dates by id.
fn remind_calendar(file: &Path) -> Dates {
    let out = Command::new("remind")
        .arg(CALENDAR.0)
        .arg(file)
        .arg(CALENDAR.1)
        .output()
        .expect("remind runs");
    assert!(
        out.status.success(),
        "remind failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut dates = Dates::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(day) = words.next() else { continue };
        let Ok(day) = NaiveDate::parse_from_str(day, "%Y/%m/%d") else {
            continue;
        };
        let id = words.find(|w| *w != "*").expect("a reminder names its id");
        dates.entry(id.to_string()).or_default().insert(day);
    }
    dates
}

/// The dates in `[today, today + WINDOW_DAYS]`.
fn window(all: &Dates, today: NaiveDate) -> Dates {
    let until = today + Duration::days(WINDOW_DAYS);
    all.iter()
        .filter_map(|(id, s)| {
            let s: BTreeSet<NaiveDate> = s.range(today..=until).copied().collect();
            (!s.is_empty()).then(|| (id.clone(), s))
        })
        .collect()
}

fn first(d: &Dates) -> BTreeMap<&str, NaiveDate> {
    d.iter()
        .filter_map(|(id, s)| Some((id.as_str(), *s.first()?)))
        .collect()
}

fn describe(
    id: &str,
    due: Option<&BTreeSet<NaiveDate>>,
    rem: Option<&BTreeSet<NaiveDate>>,
) -> String {
    let show = |s: Option<&BTreeSet<NaiveDate>>| match s {
        None => "nothing".to_string(),
        Some(s) => s
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(" "),
    };
    format!("{id}: due says {}; remind says {}", show(due), show(rem))
}

fn compare(what: &str, due: &Dates, rem: &Dates) -> Vec<String> {
    let ids: BTreeSet<&String> = due.keys().chain(rem.keys()).collect();
    let (due_first, rem_first) = (first(due), first(rem));
    let mut bad = Vec::new();
    for id in ids {
        let (d, r) = (due.get(id), rem.get(id));
        if due_first.get(id.as_str()) != rem_first.get(id.as_str()) {
            bad.push(format!("{what}, next due: {}", describe(id, d, r)));
        } else if d != r {
            bad.push(format!("{what}, later dates: {}", describe(id, d, r)));
        }
    }
    bad
}

fn check_roll(synth: &Path, roll: &str, seed: u64, plain: bool) -> Vec<String> {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    generate(synth, tmp.path(), roll, seed, plain);
    let roll = if plain {
        format!("{roll}, plain")
    } else {
        roll.to_string()
    };
    let registry = tmp.path().join("registry.toml");
    let reminders = tmp.path().join("reminders.rem");
    let calendar = remind_calendar(&reminders);
    assert!(!calendar.is_empty(), "remind's calendar is empty");
    let mut bad = Vec::new();
    for day in DAYS {
        let today = date(day);
        let due = due_dates(&registry, today);
        assert!(!due.is_empty(), "due lists nothing for {day}");
        bad.extend(compare(
            &format!("roll {roll}, from {day}"),
            &due,
            &window(&calendar, today),
        ));
    }
    if !bad.is_empty() {
        // Keep the data that disagreed, for a minimal example.
        let keep =
            std::env::temp_dir().join(format!("due-differential-{}", roll.replace(", ", "-")));
        let _ = std::fs::create_dir_all(&keep);
        let _ = std::fs::copy(&registry, keep.join("registry.toml"));
        let _ = std::fs::copy(&reminders, keep.join("reminders.rem"));
        let _ = std::fs::write(keep.join("disagreements.txt"), bad.join("\n") + "\n");
        bad.insert(0, format!("roll {roll}: data kept in {}", keep.display()));
    }
    bad
}

#[test]
fn due_agrees_with_remind() {
    if !remind_available() {
        eprintln!("note: remind is not on PATH; skipping (Debian: apt-get install remind)");
        return;
    }
    let synth = synth_binary();
    let synth = synth.as_path();
    let rolls = [
        ("none", 11, false),
        ("previous", 12, false),
        ("next", 13, false),
        ("next", 14, true),
    ];
    let bad: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = rolls
            .iter()
            .map(|&(roll, seed, plain)| s.spawn(move || check_roll(synth, roll, seed, plain)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no panic"))
            .collect()
    });
    if !bad.is_empty() {
        let shown: Vec<&String> = bad.iter().take(40).collect();
        panic!(
            "due and remind disagree ({} lines):\n{}",
            bad.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
