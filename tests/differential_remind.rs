//! Differential test against remind(1).
//!
//! The synthetic registry generator (`examples/synth.rs`) writes a registry and the same
//! deadlines as a remind file. For a handful of days D, `due --today D --until D+400d
//! --format json` and remind must agree on when every obligation next falls due on or after
//! D, and, for a full-window check, on every date it falls due up to D+400 days.
//!
//! The test is skipped, with a note, when `remind` is not on PATH (Debian: `apt-get install
//! remind`). It runs once per roll rule (`none`, `previous`, `next`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Duration, NaiveDate};

const OBLIGATIONS: &str = "1000";
const WINDOW_DAYS: i64 = 400;
/// Days for the next-due check (`remind -n`, cheap).
const NEXT_DAYS: [&str; 8] = [
    "2024-06-15",
    "2025-02-27",
    "2025-12-31",
    "2026-11-28",
    "2027-06-01",
    "2028-02-28",
    "2028-12-24",
    "2029-10-01",
];
/// Days for the full-window check (`remind -s15`, slow: remind walks every day).
const FULL_DAYS: [&str; 2] = ["2026-11-28", "2027-12-15"];

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

/// The generator binary: `cargo test` builds examples next to the package's binaries;
/// otherwise build it.
fn synth_binary() -> PathBuf {
    let due = PathBuf::from(env!("CARGO_BIN_EXE_due"));
    let dir = due.parent().expect("the binary has a directory");
    let exe = format!("synth{}", std::env::consts::EXE_SUFFIX);
    let built = dir.join("examples").join(&exe);
    if built.exists() {
        return built;
    }
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--example", "synth"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --example synth failed");
    assert!(
        built.exists(),
        "{} not found after building",
        built.display()
    );
    built
}

fn generate(dir: &Path, roll: &str, seed: u64) {
    let out = Command::new(synth_binary())
        .args(["--obligations", OBLIGATIONS, "--seed", &seed.to_string()])
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

/// Parse remind's simple-calendar lines (`YYYY/MM/DD * * * * ID …` for `-s`,
/// `YYYY/MM/DD ID …` for `-n`) into dates by id, keeping `[today, today + WINDOW_DAYS]`.
fn remind_dates(args: &[&str], file: &Path, today: NaiveDate) -> Dates {
    let until = today + Duration::days(WINDOW_DAYS);
    let out = Command::new("remind")
        .args(args)
        .arg(file)
        .arg(today.to_string())
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
        if day < today || day > until {
            continue;
        }
        dates.entry(id.to_string()).or_default().insert(day);
    }
    dates
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

fn compare(what: &str, due: &Dates, rem: &Dates, full: bool) -> Vec<String> {
    let ids: BTreeSet<&String> = due.keys().chain(rem.keys()).collect();
    let (due_first, rem_first) = (first(due), first(rem));
    let mut bad = Vec::new();
    for id in ids {
        let agree = if full {
            due.get(id) == rem.get(id)
        } else {
            due_first.get(id.as_str()) == rem_first.get(id.as_str())
        };
        if !agree {
            bad.push(format!(
                "{what}: {}",
                describe(id, due.get(id), rem.get(id))
            ));
        }
    }
    bad
}

fn check_roll(roll: &str, seed: u64) -> Vec<String> {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    generate(tmp.path(), roll, seed);
    let registry = tmp.path().join("registry.toml");
    let reminders = tmp.path().join("reminders.rem");
    let mut bad = Vec::new();
    for day in NEXT_DAYS {
        let today = date(day);
        let due = due_dates(&registry, today);
        let rem = remind_dates(&["-n"], &reminders, today);
        assert!(!due.is_empty(), "due lists nothing for {day}");
        bad.extend(compare(
            &format!("roll {roll}, next due on or after {day}"),
            &due,
            &rem,
            false,
        ));
    }
    for day in FULL_DAYS {
        let today = date(day);
        let due = due_dates(&registry, today);
        let rem = remind_dates(&["-s15"], &reminders, today);
        bad.extend(compare(
            &format!("roll {roll}, every date from {day} to +{WINDOW_DAYS}d"),
            &due,
            &rem,
            true,
        ));
    }
    if !bad.is_empty() {
        // Keep the data that disagreed, for a minimal example.
        let keep = std::env::temp_dir().join(format!("due-differential-{roll}"));
        let _ = std::fs::create_dir_all(&keep);
        let _ = std::fs::copy(&registry, keep.join("registry.toml"));
        let _ = std::fs::copy(&reminders, keep.join("reminders.rem"));
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
    let rolls = [("none", 11), ("previous", 12), ("next", 13)];
    let bad: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = rolls
            .iter()
            .map(|&(roll, seed)| s.spawn(move || check_roll(roll, seed)))
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
