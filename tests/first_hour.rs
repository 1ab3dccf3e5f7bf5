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

fn stdout_in(dir: &std::path::Path, args: &[&str]) -> String {
    let out = due_in(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_registry_written_by_init_is_the_one_read_next() {
    let dir = tempfile::tempdir().unwrap();
    let said = stdout_in(dir.path(), &["init", "./obligations.toml"]);
    assert_eq!(
        said,
        "wrote ./obligations.toml\n\
         `due` run in this directory reads it; `due validate` says which registry is read\n"
    );
    let validate = stdout_in(dir.path(), &["validate"]);
    assert!(
        validate.starts_with("registry: obligations.toml (found in the working directory)\n"),
        "{validate}"
    );
    let help = stdout_in(dir.path(), &["--help"]);
    assert!(
        help.contains("Registry in use: obligations.toml (found in the working directory)"),
        "{help}"
    );
    // A registry named on the command line wins over the working directory's.
    std::fs::write(dir.path().join("one.toml"), ONE_OF_EACH).unwrap();
    let named = stdout_in(dir.path(), &["--registry", "one.toml", "validate"]);
    assert!(
        named.starts_with("registry: one.toml (from --registry or DUE_REGISTRY)\n"),
        "{named}"
    );
}

#[test]
fn init_elsewhere_says_how_to_use_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let said = stdout_in(dir.path(), &["init", "drafts/mine.toml"]);
    assert_eq!(
        said,
        "wrote drafts/mine.toml\n\
         to use it, pass `--registry drafts/mine.toml` or set DUE_REGISTRY=drafts/mine.toml\n"
    );
    // Without a path, the user's default in the config directory, read from anywhere else.
    let said = stdout_in(dir.path(), &["init"]);
    assert!(said.contains("`due` reads it by default"), "{said}");
    let out = due_in(dir.path())
        .current_dir(dir.path().join("drafts"))
        .arg("validate")
        .output()
        .unwrap();
    let validate = String::from_utf8(out.stdout).unwrap();
    assert!(
        validate.contains("(the user's default, in the config directory)"),
        "{validate}"
    );
}

#[test]
fn registries_without_a_ledger_key_keep_their_records_apart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.toml"), ONE_OF_EACH).unwrap();
    let other = ONE_OF_EACH.replace("board-report", "board-minutes");
    std::fs::write(dir.path().join("other.toml"), other).unwrap();
    stdout_in(
        dir.path(),
        &[
            "--registry",
            "one.toml",
            "done",
            "board-report",
            "--on",
            "2026-11-20",
        ],
    );
    // The other registry does not see, nor warn about, the first one's record.
    let validate = stdout_in(dir.path(), &["--registry", "other.toml", "validate"]);
    assert!(!validate.contains("warning"), "{validate}");
    assert!(validate.contains("/ledgers/other-"), "{validate}");
    let history = stdout_in(
        dir.path(),
        &["--registry", "one.toml", "history", "--format", "json"],
    );
    assert!(history.contains("board-report"), "{history}");
    // A record that no longer matches its registry is named with the ledger it sits in.
    std::fs::write(
        dir.path().join("one.toml"),
        ONE_OF_EACH.replace("board-report", "board-paper"),
    )
    .unwrap();
    let validate = stdout_in(dir.path(), &["--registry", "one.toml", "validate"]);
    let warning = validate
        .lines()
        .find(|l| l.starts_with("warning:"))
        .expect("a warning");
    assert!(
        warning.starts_with("warning: ledger ")
            && warning.contains("/ledgers/one-")
            && warning.contains("(the default for this registry)")
            && warning.contains("board-report"),
        "{warning}"
    );
}

#[test]
fn the_status_heading_names_the_day_once_and_says_when_it_is_an_estimate() {
    let dir = tempfile::tempdir().unwrap();
    let heading = |at: &str| {
        let text = stdout_in(dir.path(), &["status", "--at", at]);
        text.lines().next().unwrap().to_string()
    };
    let title = "ITU Council Resolution 1332: instructions to the Secretary-General";
    assert_eq!(
        heading("2027-06-15"),
        format!("Status as of 2027-06-15: {title}")
    );
    assert_eq!(
        heading("pp-26"),
        format!("Status as of 2026-11-09 (pp-26 opens): {title}")
    );
    assert_eq!(
        heading("council-2072"),
        format!(
            "Status as of 2072-06-15 (council-2072, dates estimated from the meeting's typical \
             dates): {title}"
        )
    );
}

#[test]
fn show_folds_its_text_at_the_width_and_marks_estimated_milestones() {
    let dir = tempfile::tempdir().unwrap();
    for width in [80, 120] {
        let out = due_in(dir.path())
            .env("COLUMNS", width.to_string())
            .args(["show", "cstd-annual-report"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
            // A date is never split over two lines.
            let tail = line.rsplit(' ').next().unwrap();
            assert!(
                !(tail.len() < 10 && tail.starts_with("20") && tail.contains('-')),
                "split date at {width}: {line}"
            );
        }
        // Words are kept whole: the clause reads the same once its lines are joined.
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            joined.contains("sur les progrès accomplis dans la mise en œuvre"),
            "{text}"
        );
    }
    let text = stdout_in(dir.path(), &["show", "cstd-annual-report"]);
    // Piped with no COLUMNS: one line per line, for scripts.
    assert!(text.lines().any(|l| l.chars().count() > 120));
    // The 2027 report hangs on CSTD 2027's estimated dates, and so does its milestone.
    let period_2027: Vec<&str> = text.lines().filter(|l| l.contains("  2027  ")).collect();
    assert_eq!(period_2027.len(), 2, "{text}");
    assert!(
        period_2027.iter().all(|l| l.starts_with(" ~20")),
        "{period_2027:?}"
    );
}

#[test]
fn each_command_shows_and_takes_only_its_own_options() {
    let dir = tempfile::tempdir().unwrap();
    let help = |command: &str| stdout_in(dir.path(), &[command, "--help"]);
    let done = help("done");
    for foreign in ["--format", "--color", "--exit-code"] {
        assert!(
            !done.contains(foreign),
            "done --help shows {foreign}:\n{done}"
        );
    }
    assert!(
        done.contains("--lock-timeout") && done.contains("--by"),
        "{done}"
    );
    assert!(
        done.contains("Exit status: 0 success; 2 usage errors"),
        "{done}"
    );
    let overdue = help("overdue");
    assert!(
        overdue.contains("--format") && overdue.contains("--exit-code"),
        "{overdue}"
    );
    assert!(!overdue.contains("--lock-timeout"), "{overdue}");
    assert!(overdue.contains("1 with --exit-code"), "{overdue}");
    // What a command does not take is refused, before or after its name.
    for args in [
        &["done", "x", "--format", "json"][..],
        &["--format", "json", "done", "x"],
    ] {
        let out = due_in(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8(out.stderr).unwrap().contains("--format"),
            "{args:?}"
        );
    }
    // What it takes works in either place.
    let after = stdout_in(dir.path(), &["overdue", "--format", "json", "--lang", "fr"]);
    let before = stdout_in(dir.path(), &["--format", "json", "--lang", "fr", "overdue"]);
    assert_eq!(after, before);
    assert!(after.starts_with('['), "{after}");
}
