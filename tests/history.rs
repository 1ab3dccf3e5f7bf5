//! Nothing slips: an overdue occurrence stays overdue in every listing until it is recorded,
//! `tracking_since` only decides what is history, and `due show` tells an obligation's
//! whole story, explaining each date.

use std::path::Path;

use serde_json::Value;

use crate::common::{due, fixture};

/// `due` on a fixture registry, judged on `today`, with `ledger` (which may not exist).
fn run(registry: &str, ledger: &Path, today: &str, args: &[&str]) -> String {
    let out = due()
        .env("NO_COLOR", "1")
        .arg("--registry")
        .arg(registry_path(registry))
        .arg("--ledger")
        .arg(ledger)
        .args(["--today", today])
        .args(args)
        .output()
        .expect("due runs");
    assert!(
        out.status.success(),
        "due {args:?} on {today}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn registry_path(name: &str) -> std::path::PathBuf {
    if name == "obligations.toml" {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
    } else {
        fixture(name)
    }
}

fn json(registry: &str, ledger: &Path, today: &str, args: &[&str]) -> Vec<Value> {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let text = run(registry, ledger, today, &args);
    if text.is_empty() {
        return Vec::new();
    }
    serde_json::from_str::<Value>(&text)
        .expect("JSON")
        .as_array()
        .expect("rows")
        .clone()
}

/// `(id, period)` of the overdue rows of a JSON listing.
fn overdue_rows(rows: &[Value]) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r["state"] == "overdue")
        .map(|r| {
            (
                r["id"].as_str().expect("id").to_owned(),
                r["period"].as_str().expect("period").to_owned(),
            )
        })
        .collect();
    keys.sort();
    keys
}

fn absent_ledger() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let ledger = tmp.path().join("ledger.toml");
    (tmp, ledger)
}

#[test]
fn a_report_never_sent_stays_overdue_in_every_listing() {
    let (_tmp, ledger) = absent_ledger();
    let reg = "no-tracking.toml";
    let missing = ("year-end-return".to_owned(), "once".to_owned());
    // From the day after it was due, through the day a look-back of a year would have
    // dropped it, to years later.
    for today in ["2025-12-31", "2026-12-31", "2027-01-01", "2029-06-30"] {
        let agenda = overdue_rows(&json(reg, &ledger, today, &[]));
        let overdue = overdue_rows(&json(reg, &ledger, today, &["overdue"]));
        let remind = overdue_rows(&json(reg, &ledger, today, &["remind"]));
        assert!(agenda.contains(&missing), "due on {today}: {agenda:?}");
        assert_eq!(agenda, overdue, "due and overdue on {today}");
        assert_eq!(agenda, remind, "due and remind on {today}");
        let status = json(reg, &ledger, today, &["status"]);
        let row = status
            .iter()
            .find(|r| r["id"] == "year-end-return")
            .expect("a status row");
        assert_eq!(row["state"], "overdue", "status on {today}");
        assert_eq!(row["due"], "2025-12-30");
        let shown = json(reg, &ledger, today, &["show", "year-end-return"]);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0]["state"], "overdue", "show on {today}");
        // Every other format still carries it.
        for format in ["csv", "md", "ics"] {
            let text = run(reg, &ledger, today, &["overdue", "--format", format]);
            assert!(text.contains("year-end-return"), "{format} on {today}");
        }
        let text = run(reg, &ledger, today, &["remind"]);
        assert!(text.contains("year-end-return [once]"), "remind on {today}");
    }
    // Recorded, it leaves every listing.
    run(
        reg,
        &ledger,
        "2027-01-01",
        &["done", "year-end-return", "once", "--on", "2027-01-01"],
    );
    let agenda = overdue_rows(&json(reg, &ledger, "2027-01-01", &[]));
    assert!(!agenda.contains(&missing), "{agenda:?}");
}

#[test]
fn listings_without_tracking_since_on_new_year_2027() {
    let (_tmp, ledger) = absent_ledger();
    let reg = "no-tracking.toml";
    let day = "2027-01-01";
    insta::assert_snapshot!("no_tracking_due", run(reg, &ledger, day, &[]));
    insta::assert_snapshot!(
        "no_tracking_due_json",
        run(reg, &ledger, day, &["--format", "json"])
    );
    insta::assert_snapshot!("no_tracking_remind", run(reg, &ledger, day, &["remind"]));
    insta::assert_snapshot!("no_tracking_status", run(reg, &ledger, day, &["status"]));
    insta::assert_snapshot!(
        "no_tracking_show_annual",
        run(
            reg,
            &ledger,
            day,
            &["show", "annual-return", "--count", "2"]
        )
    );
}

#[test]
fn before_tracking_since_what_falls_due_is_listed() {
    let (_tmp, ledger) = absent_ledger();
    let reg = "tracking-later.toml";
    let listed = json(reg, &ledger, "2027-02-20", &[]);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["period"], "2027");
    assert_eq!(listed[0]["due"], "2027-02-28");
    assert_eq!(listed[0]["state"], "due-soon");
    insta::assert_snapshot!(
        "tracking_later_show",
        run(
            reg,
            &ledger,
            "2027-02-20",
            &["show", "return", "--count", "2"]
        )
    );
    insta::assert_snapshot!(
        "tracking_later_show_json",
        run(
            reg,
            &ledger,
            "2027-02-20",
            &["show", "return", "--count", "2", "--format", "json"]
        )
    );
    // On its day it is still due; once the day has passed it is history, never overdue.
    let on_the_day = json(reg, &ledger, "2027-02-28", &[]);
    assert_eq!(on_the_day[0]["state"], "due-soon");
    for day in ["2027-03-01", "2028-01-01"] {
        let agenda = json(reg, &ledger, day, &["overdue"]);
        assert!(agenda.is_empty(), "{day}: {agenda:?}");
        let shown = json(reg, &ledger, day, &["show", "return"]);
        assert_eq!(shown[0]["period"], "2027");
        assert_eq!(shown[0]["state"], "untracked", "{day}");
    }
}

#[test]
fn a_past_one_off_shows_its_date_period_and_state() {
    let (_tmp, ledger) = absent_ledger();
    let reg = "obligations.toml";
    insta::assert_snapshot!(
        "past_one_off_show",
        run(
            reg,
            &ledger,
            "2026-12-02",
            &["show", "final-report-council-2026"]
        )
    );
    insta::assert_snapshot!(
        "past_one_off_show_json",
        run(
            reg,
            &ledger,
            "2026-12-02",
            &["show", "final-report-council-2026", "--format", "json"]
        )
    );
}

#[test]
fn show_tells_each_occurrence_with_its_record() {
    let (_tmp, ledger) = absent_ledger();
    let reg = "no-tracking.toml";
    let view = |args: &[&str]| run(reg, &ledger, "2027-01-10", args);
    let record = |args: &[&str]| view(&[args, &["--by", "M. Dupont"]].concat());
    record(&[
        "done",
        "annual-return",
        "2025",
        "--on",
        "2026-01-05",
        "--ref",
        "R/25",
    ]);
    record(&[
        "done",
        "council-report",
        "council-2026",
        "--on",
        "2026-05-08",
    ]);
    record(&[
        "waive",
        "annual-return",
        "2026",
        "--reason",
        "merged into the 2027 return",
    ]);
    insta::assert_snapshot!(
        "recorded_show_annual",
        view(&["show", "annual-return", "--count", "1"])
    );
    insta::assert_snapshot!(
        "recorded_show_annual_json",
        view(&["show", "annual-return", "--count", "1", "--format", "json"])
    );
    insta::assert_snapshot!(
        "recorded_show_council",
        view(&["show", "council-report", "--count", "1"])
    );
}

/// The lines docs/registry.md gives as examples are what `due show` prints.
#[test]
fn every_kind_of_date_is_explained_as_documented() {
    let (_tmp, ledger) = absent_ledger();
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/registry.md"))
            .expect("docs/registry.md");
    let mut all = String::new();
    for id in [
        "council-report",
        "leap-day",
        "quarterly",
        "monthly",
        "christmas-eve",
        "after-council",
    ] {
        all.push_str(&run(
            "explained.toml",
            &ledger,
            "2027-01-10",
            &["show", id, "--count", "2"],
        ));
    }
    for line in [
        "~2027-05-14  2027  council-2027 opens ~2027-06-15 (estimate) − 30d = Sun 2027-05-16 → previous working day",
        " 2027-02-26  2027  02-29 of 2027 → month end Sun 2027-02-28 → previous working day",
        " 2027-04-30  2027-Q1  2027-Q1 ends 2027-03-31 + 30d = 2027-04-30",
    ] {
        assert!(
            docs.contains(&format!("{line}\n")),
            "docs/registry.md lacks {line}"
        );
        assert!(
            all.contains(&format!(" {line}\n")),
            "show lacks {line}\n{all}"
        );
    }
    insta::assert_snapshot!("explained_dates", all);
}

#[test]
fn status_on_a_past_day_gives_each_obligation_the_occurrence_current_then() {
    let (_tmp, ledger) = absent_ledger();
    let rows = json(
        "obligations.toml",
        &ledger,
        "2026-12-02",
        &["status", "--at", "2024-01-01"],
    );
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).expect("a row").clone();
    // Both are the first occurrence due from that day on (the CSTD's of 2024 fell on
    // 2023-12-11, before it).
    let cstd = row("cstd-annual-report");
    assert_eq!(
        (&cstd["period"], &cstd["due"]),
        (&"2025".into(), &"2024-12-02".into())
    );
    let hlpf = row("hlpf-input");
    assert_eq!(
        (&hlpf["period"], &hlpf["due"]),
        (&"2024".into(), &"2024-04-15".into())
    );
    for r in &rows {
        if let Some(due) = r["due"].as_str() {
            assert!(
                due >= "2024-01-01" && r["state"] != "overdue",
                "{r}: on a day before tracking_since nothing is overdue and nothing past is current"
            );
        }
    }
}
