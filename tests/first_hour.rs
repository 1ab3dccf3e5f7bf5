//! What a new user meets in the first hour: windows typed as people type them, counts in
//! the right number.

use assert_cmd::Command;

fn due_in(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("due").unwrap();
    cmd.current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .args(["--today", "2026-11-28"]);
    cmd
}

const ONE_OF_EACH: &str = r#"
schema = 1
title = "One of each"
timezone = "UTC"

[meetings.board]
name = "Board"
dates = "2027-03-01..2027-03-02"

[[obligation]]
id = "board-report"
title = "Report to the board"
mandate = "Decision 1"
owner = "Office"
to = "Board"
due = "board - 2w"
"#;

#[test]
fn one_meeting_is_not_one_meetings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.toml"), ONE_OF_EACH).unwrap();
    let out = due_in(dir.path())
        .args([
            "--registry",
            "one.toml",
            "--ledger",
            "none.toml",
            "validate",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("1 obligation, 1 meeting (1 dated instance), time zone UTC\n"),
        "{text}"
    );
}

#[test]
fn windows_take_the_units_people_type() {
    let dir = tempfile::tempdir().unwrap();
    let listing = |window: &str| {
        let out = due_in(dir.path())
            .args(["--next", window, "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "--next {window}: {out:?}");
        out.stdout
    };
    assert_eq!(listing("3months"), listing("3m"));
    assert_eq!(listing("3 months"), listing("3m"));
    assert_eq!(listing("2weeks"), listing("14d"));
    assert_eq!(listing("1y"), listing("12 months"));
    let out = due_in(dir.path())
        .args(["--next", "3 fortnights"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("30 days, 6 weeks, 3 months, 1 year"), "{err}");
}

#[test]
fn every_error_starts_with_one_prefix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "schema = 1\nmandat = 2\n").unwrap();
    for args in [
        &["--bogus"][..],
        &["show"],
        &["--next", "3x"],
        &["show", "no-such-obligation"],
        &["--registry", "bad.toml", "validate"],
        &["--today", "2026-02-30"],
    ] {
        let out = due_in(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("due: "), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
}
