//! The day after a due date, through the command line: `due-soon` on the day, `overdue` the
//! next day, and `done-late` once recorded as delivered that next day.

use std::path::Path;

use assert_cmd::Command;
use chrono::{Days, NaiveDate};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/secretariat.toml";

fn due(ledger: &Path, today: NaiveDate, args: &[&str]) -> Value {
    let out = Command::cargo_bin("due")
        .expect("the binary is built")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DUE_REGISTRY")
        .env("LC_ALL", "C")
        .args(["--registry", FIXTURE, "--ledger"])
        .arg(ledger)
        .args(["--today", &today.to_string()])
        .args(args)
        .output()
        .expect("due runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if out.stdout.starts_with(b"[") {
        serde_json::from_slice(&out.stdout).expect("JSON")
    } else {
        Value::Null
    }
}

/// The state of one occurrence as `due show` judges it on `today`.
fn state(ledger: &Path, today: NaiveDate, id: &str, period: &str) -> String {
    let rows = due(ledger, today, &["show", id, "--format", "json"]);
    let row = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["period"] == period)
        .unwrap_or_else(|| panic!("{id} {period} not shown on {today}"));
    row["state"].as_str().expect("a state").to_string()
}

#[test]
fn the_day_after_is_overdue_and_a_delivery_then_is_late() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let ledger = tmp.path().join("ledger.toml");
    let start: NaiveDate = "2027-01-15".parse().expect("a day");
    // Every open occurrence of the coming year, judged around its own date.
    let agenda = due(
        &ledger,
        start,
        &["--until", "2027-12-31", "--format", "json"],
    );
    let mut checked = 0;
    for row in agenda.as_array().expect("rows") {
        if row["state"] == "overdue" {
            continue;
        }
        let id = row["id"].as_str().expect("an id");
        let period = row["period"].as_str().expect("a period");
        let day: NaiveDate = row["due"].as_str().expect("a date").parse().expect("a day");
        let next = day.checked_add_days(Days::new(1)).expect("a day");
        assert_eq!(state(&ledger, day, id, period), "due-soon", "{id} {period}");
        assert_eq!(state(&ledger, next, id, period), "overdue", "{id} {period}");
        let on = next.to_string();
        due(&ledger, next, &["done", id, period, "--on", &on]);
        assert_eq!(
            state(&ledger, next, id, period),
            "done-late",
            "{id} {period}"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} occurrences judged");
}

/// The day `due status` says it is, from the clock, for a registry in `zone`.
fn clock_day(zone: &str) -> NaiveDate {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let registry = tmp.path().join("r.toml");
    std::fs::write(
        &registry,
        format!(
            "schema = 1\ntitle = \"Zone\"\ntimezone = \"{zone}\"\n\n[[obligation]]\n\
             id = \"a\"\ntitle = \"A\"\ndue = \"2030-01-01\"\n"
        ),
    )
    .expect("the registry is written");
    let out = Command::cargo_bin("due")
        .expect("the binary is built")
        .env_remove("DUE_REGISTRY")
        .env_remove("DUE_TODAY")
        .env("LC_ALL", "C")
        .arg("--registry")
        .arg(&registry)
        .arg("--ledger")
        .arg(tmp.path().join("ledger.toml"))
        .args(["status", "--format", "md"])
        .output()
        .expect("due runs");
    let text = String::from_utf8(out.stdout).expect("text");
    let day = text
        .split("as of ")
        .nth(1)
        .and_then(|rest| rest.get(..10))
        .unwrap_or_else(|| panic!("no day in {text:?}"));
    day.parse().expect("a day")
}

/// Without `--today`, the day is the registry's: UTC+14 and UTC-12 are always a day or two
/// apart, and each is within a day of UTC. Zone names are matched in any case.
#[test]
fn today_is_the_registry_zones_day() {
    let before = chrono::Utc::now().date_naive();
    let east = clock_day("Pacific/Kiritimati");
    let west = clock_day("etc/gmt+12");
    let utc = clock_day("UTC");
    let after = chrono::Utc::now().date_naive();
    let gap = (east - west).num_days();
    assert!((1..=2).contains(&gap), "{east} and {west}");
    assert!(utc == before || utc == after, "{utc}");
    assert!(east >= before && east <= after + Days::new(1), "{east}");
    assert!(west + Days::new(1) >= before && west <= after, "{west}");
}
