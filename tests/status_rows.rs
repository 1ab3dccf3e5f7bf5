//! `due status` shows the same rows in the same order in every format: what needs the
//! session's attention first (overdue on top), then what is on track or delivered, then
//! standing duties; history only with `--all`. The terminal table, Markdown, CSV, JSON and
//! the handout cannot disagree about which obligations a session is shown.

use std::path::Path;

use crate::common::{due, stdout};
use crate::handout::scratch;

const TODAY: &str = "2026-12-02";

/// `due --ledger DIR/ledger.toml --today TODAY ARGS` on the shipped registry.
fn run(dir: &Path, args: &[&str]) -> String {
    stdout(
        due()
            .env_remove("COLUMNS")
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["--today", TODAY])
            .args(args),
        0,
    )
}

/// The ids of a status in each format, in the order printed.
fn ids(dir: &Path, args: &[&str], format: &str) -> Vec<String> {
    let out = run(dir, &[args, &["--format", format]].concat());
    let cell = |line: &str, sep: char| line.split(sep).nth(1).unwrap().trim().to_string();
    match format {
        "json" => {
            let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
            rows.iter()
                .map(|r| r["id"].as_str().unwrap().into())
                .collect()
        }
        "csv" => out
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().into())
            .collect(),
        "md" => out
            .lines()
            .filter(|l| {
                l.starts_with("| ") && !l.starts_with("| Obligation") && !l.starts_with("| ---")
            })
            .map(|l| cell(l, '|'))
            .collect(),
        "table" => out
            .lines()
            .filter(|l| l.starts_with('│') && !l.starts_with("│ Obligation"))
            .map(|l| cell(l, '│').split('┆').next().unwrap().trim().into())
            .collect(),
        "html" => out
            .split("<tbody class=\"ob ")
            .skip(1)
            .map(|t| {
                let id = t.split("data-id=\"").nth(1).unwrap();
                id[..id.find('"').unwrap()].into()
            })
            .collect(),
        _ => unreachable!(),
    }
}

/// One row of the JSON status: id, state, due date.
fn json_rows(dir: &Path, args: &[&str]) -> Vec<(String, String, Option<String>)> {
    let out = run(dir, &[args, &["--format", "json"]].concat());
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    rows.iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().into(),
                r["state"].as_str().unwrap().into(),
                r["due"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn every_format_lists_the_handouts_rows_in_its_order() {
    let dir = scratch("status-rows-formats");
    for args in [
        &["status", "--at", "council-2027"][..],
        &["status", "--at", "council-2027", "--all"],
        &["status", "--at", "pp-26"],
        &["status"],
        &["status", "--at", "council-2027", "--owner", "secretary"],
    ] {
        let html = ids(&dir, args, "html");
        assert!(html.len() > 5, "{args:?}: {html:?}");
        for format in ["json", "csv", "md", "table"] {
            assert_eq!(ids(&dir, args, format), html, "{args:?} --format {format}");
        }
    }
}

#[test]
fn history_is_left_out_unless_asked_for_and_the_note_says_so() {
    let dir = scratch("status-rows-history");
    let at = ["status", "--at", "council-2027"];
    let shown = json_rows(&dir, &at);
    assert!(shown.iter().all(|(_, state, _)| state != "untracked"));
    let all = json_rows(&dir, &[&at[..], &["--all"]].concat());
    let history: Vec<_> = all.iter().filter(|(_, s, _)| s == "untracked").collect();
    assert_eq!(shown.len() + history.len(), all.len());
    // With history, it comes last.
    assert!(all.ends_with(&history.into_iter().cloned().collect::<Vec<_>>()));
    let table = run(&dir, &at);
    let note = format!(
        "History left out: {} (due before 2026-11-28, nothing recorded); --all lists it.",
        all.len() - shown.len()
    );
    assert!(table.ends_with(&format!("{note}\n")), "{table}");
    let md = run(&dir, &[&at[..], &["--format", "md"]].concat());
    assert!(md.contains(&note), "{md}");
    let html = run(&dir, &[&at[..], &["--format", "html"]].concat());
    assert!(
        html.contains(&format!("<p class=\"note\">{note}</p>")),
        "{html}"
    );
    assert!(!run(&dir, &[&at[..], &["--all"]].concat()).contains("History left out"));
}

#[test]
fn what_needs_attention_comes_first_overdue_on_top_then_by_date() {
    let dir = scratch("status-rows-order");
    let mut seen = Vec::new();
    // Council 2027 (estimated 2027-06-15..25): judged on its opening day, much is overdue;
    // PP-26 (2026-11-09..27): everything is ahead.
    for (at, last_day) in [("council-2027", "2027-06-25"), ("pp-26", "2026-11-27")] {
        let rows = json_rows(&dir, &["status", "--at", at]);
        let rank = |(_, state, due): &(String, String, Option<String>)| {
            let open = ["overdue", "due-soon", "upcoming"].contains(&state.as_str());
            let attention = open && due.as_deref().is_some_and(|d| d <= last_day);
            match (attention, state.as_str()) {
                (true, "overdue") => 0,
                (true, _) => 1,
                (false, "ongoing") => 3,
                (false, _) => 2,
            }
        };
        let ranks: Vec<u8> = rows.iter().map(rank).collect();
        assert!(ranks.is_sorted(), "{at}: {rows:?}");
        for group in rows.chunk_by(|a, b| rank(a) == rank(b)) {
            let dues: Vec<_> = group.iter().map(|(_, _, d)| d.clone()).collect();
            assert!(dues.is_sorted(), "{at}: {group:?}");
        }
        seen.extend(ranks);
    }
    for rank in [0, 2, 3] {
        assert!(seen.contains(&rank), "{seen:?}");
    }
}

/// A one-off that fell due before `tracking_since` and was then recorded is news for the
/// session: it is listed among what was delivered, in the handout as in the table.
#[test]
fn a_delivery_recorded_for_history_is_listed() {
    let dir = scratch("status-rows-recorded-history");
    let id = "final-report-council-2026";
    let before = json_rows(&dir, &["status", "--at", "council-2027"]);
    assert!(!before.iter().any(|(i, _, _)| i == id), "{before:?}");
    stdout(
        due().arg("--ledger").arg(dir.join("ledger.toml")).args([
            "--today",
            TODAY,
            "done",
            id,
            "--on",
            "2026-03-30",
            "--by",
            "t",
        ]),
        0,
    );
    let after = json_rows(&dir, &["status", "--at", "council-2027"]);
    assert!(
        after.iter().any(|(i, s, _)| i == id && s == "done-late"),
        "{after:?}"
    );
    let html = run(
        &dir,
        &["status", "--at", "council-2027", "--format", "html"],
    );
    let on_track = html
        .split("<section class=\"group on-track\">")
        .nth(1)
        .unwrap();
    let on_track = &on_track[..on_track.find("</section>").unwrap()];
    assert!(on_track.contains(&format!("data-id=\"{id}\"")), "{html}");
}

/// A handout whose filters leave nothing says so, as the table does, rather than only
/// that nothing needs attention.
#[test]
fn a_handout_emptied_by_filters_says_so() {
    let dir = scratch("status-rows-nothing");
    let args = ["status", "--at", "council-2027", "--owner", "nobody"];
    let table = run(&dir, &args);
    assert!(
        table.contains("No obligation passes the filters."),
        "{table}"
    );
    let html = run(&dir, &[&args[..], &["--format", "html"]].concat());
    assert!(
        html.contains("<p class=\"note\">No obligation passes the filters.</p>"),
        "{html}"
    );
}
