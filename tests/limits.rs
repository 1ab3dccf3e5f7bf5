//! Huge input stays cheap: a title of a million characters is shown cut short wherever a
//! table or a calendar would fold it, carried whole in JSON, and a field past the limit is
//! refused where it stands.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::due;

const MIB: usize = 1 << 20;

fn registry(title: &str) -> String {
    format!(
        "schema = 1\ntitle = \"Limits\"\ntimezone = \"UTC\"\ntracking_since = 2027-01-01\n\n\
         [[obligation]]\nid = \"big\"\n\
         title = \"{title}\"\nmandate = \"{title}\"\nevery = \"month\"\ndue = \"20\"\n\
         milestones = [{{ name = \"{title}\", at = \"due - 3d\" }}]\n"
    )
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = due()
        .arg("--registry")
        .arg(dir.join("obligations.toml"))
        .arg("--ledger")
        .arg(dir.join("ledger.toml"))
        .args(["--today", "2027-03-18"])
        .env("COLUMNS", "100")
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_million_character_title_is_cut_short_where_it_would_be_folded() {
    let dir = tempfile::tempdir().unwrap();
    // Words, so that a table has places to wrap, and one character past the cut.
    let title = "word ".repeat(200_000);
    fs::write(dir.path().join("obligations.toml"), registry(&title)).unwrap();
    let commands: &[&[&str]] = &[
        &[],
        &["--next", "30d"],
        &["overdue"],
        &["list"],
        &["show", "big"],
        &["status"],
        &["meetings"],
        &["remind"],
        &["remind", "--mail", "--to", "a@example.org"],
        &["ics"],
        &["--format", "md"],
        &["--format", "json"],
        &["--format", "csv"],
        &["validate"],
        &["done", "big", "2027-03"],
        &["history"],
    ];
    for args in commands {
        let started = Instant::now();
        let (code, out, err) = run(dir.path(), args);
        // Generous for a debug build on a busy machine; folding that grows with the square
        // of the text took minutes.
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{args:?} took {:?}",
            started.elapsed()
        );
        assert!(code == 0 || code == 1, "{args:?}: {code} {err}");
        if matches!(args.first(), None | Some(&"list" | &"status")) {
            assert!(out.contains("word word"), "{args:?}");
            assert!(out.contains('…'), "{args:?}");
            assert!(out.len() < 200_000, "{args:?}: {} bytes", out.len());
        }
    }
    let (_, ics, _) = run(dir.path(), &["ics"]);
    assert!(ics.len() < 1_000_000, "{} bytes", ics.len());
    assert!(ics.contains("SUMMARY:word word"));
    let (_, json, _) = run(dir.path(), &["--format", "json"]);
    assert!(json.contains(&title), "JSON carries the text whole");
}

#[test]
fn a_text_field_past_the_limit_is_refused_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let title = "x".repeat(MIB + 1);
    fs::write(dir.path().join("obligations.toml"), registry(&title)).unwrap();
    let (code, _, err) = run(dir.path(), &["list"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "obligations.toml:8:9: `title` holds 1025 KiB of text (at most 1024 KiB in one field)"
        ),
        "{}",
        &err[..err.len().min(300)]
    );

    fs::write(dir.path().join("obligations.toml"), registry("Small")).unwrap();
    let note = "y".repeat(MIB + 1);
    let ledger = format!(
        "[[record]]\nid = \"big\"\nperiod = \"2027-03\"\naction = \"done\"\non = 2027-03-18\n\
         note = \"{note}\"\nrecorded_at = 2027-03-18T10:00:00Z\n"
    );
    fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    let (code, _, err) = run(dir.path(), &["status"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "ledger.toml:6:8: `note` holds 1025 KiB of text (at most 1024 KiB in one field)"
        ),
        "{}",
        &err[..err.len().min(300)]
    );
}
