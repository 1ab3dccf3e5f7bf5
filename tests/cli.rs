//! The `due` command on a small secretariat registry, on a fixed day.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use assert_cmd::Command;

const REGISTRY: &str = "tests/fixtures/secretariat.toml";
const TODAY: &str = "2026-11-28";

/// `due` on the fixture registry, judged on 28 November 2026.
fn due(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("due").unwrap();
    cmd.env_remove("DUE_REGISTRY")
        .env("LC_ALL", "C")
        // A ledger that does not exist: the user's own never leaks into the results.
        .env("DUE_LEDGER", "tests/fixtures/absent.ledger.toml")
        .env_remove("DUE_TODAY")
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(["--registry", REGISTRY, "--today", TODAY])
        .args(args);
    cmd
}

/// `due` on a registry with nothing due for years, on the same day.
fn quiet(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("due").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .env("DUE_LEDGER", "tests/fixtures/absent.ledger.toml")
        .args(["--registry", "tests/fixtures/quiet.toml", "--today", TODAY])
        .args(args);
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = due(args).assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn next_90_days_lists_overdue_first_then_by_date() {
    insta::assert_snapshot!("agenda_90d_table", stdout_of(&["--next", "90d"]));
}

#[test]
fn the_default_window_is_30_days() {
    let default = stdout_of(&[]);
    assert_eq!(default, stdout_of(&["--next", "30d"]));
    assert_eq!(default, stdout_of(&["--until", "2026-12-28"]));
    assert!(default.contains("cstd-report"), "{default}");
    assert!(!default.contains("2026-12-31"), "{default}");
}

#[test]
fn windows_include_both_ends() {
    let until_day = stdout_of(&["--until", "2026-12-31", "--format", "csv"]);
    assert!(
        until_day.contains("monthly-note,2026-12,2026-12-31"),
        "{until_day}"
    );
    let day_before = stdout_of(&["--until", "2026-12-30", "--format", "csv"]);
    assert!(!day_before.contains("monthly-note"), "{day_before}");
}

#[test]
fn json_rows_carry_the_contract_fields() {
    let text = stdout_of(&["--next", "90d", "--format", "json"]);
    insta::assert_snapshot!("agenda_90d_json", text);
    let rows: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &rows[0];
    for key in [
        "id",
        "period",
        "due",
        "days",
        "state",
        "title",
        "mandate",
        "owner",
        "meeting",
        "tentative",
        "to",
        "lead",
        "completed_on",
        "ref",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    let cstd = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "cstd-report")
        .unwrap();
    assert_eq!(cstd["due"], "2026-12-22");
    assert_eq!(cstd["days"], 24);
    assert_eq!(cstd["state"], "due-soon");
    assert_eq!(cstd["meeting"], "cstd-2027");
    assert_eq!(cstd["tentative"], true);
    assert_eq!(rows[0]["days"], -302);
    assert_eq!(rows[0]["state"], "overdue");
}

#[test]
fn csv_and_markdown_hold_the_same_rows() {
    insta::assert_snapshot!(
        "agenda_90d_csv",
        stdout_of(&["--next", "90d", "--format", "csv"])
    );
    insta::assert_snapshot!(
        "agenda_90d_md",
        stdout_of(&["--next", "90d", "--format", "md"])
    );
}

#[test]
fn french_titles_on_request() {
    let text = stdout_of(&["--lang", "fr", "--format", "csv"]);
    assert!(text.contains("Rapport annuel à la CTSD"), "{text}");
    // Without a French title the English one stands.
    assert!(text.contains("Statement on 30 November"), "{text}");
}

#[test]
fn status_as_of_a_meeting_uses_its_opening_day() {
    insta::assert_snapshot!("status_at_pp26", stdout_of(&["status", "--at", "pp-26"]));
    let json = stdout_of(&["status", "--at", "council-2027", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let council = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "council-report")
        .unwrap();
    // 30 days before the tentative 8 June 2027 opening is Sunday 9 May, rolled to Friday 7 May.
    assert_eq!(council["due"], "2027-05-07");
    assert_eq!(council["state"], "overdue");
    assert_eq!(council["last_done"], "2026-03-25");
    assert_eq!(council["last_ref"], "C26/10");
}

#[test]
fn status_at_rejects_what_is_neither_date_nor_meeting() {
    due(&["status", "--at", "councl-2027"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "not a date (YYYY-MM-DD) nor a meeting",
        ));
}

#[test]
fn list_show_and_meetings() {
    insta::assert_snapshot!("list", stdout_of(&["list"]));
    insta::assert_snapshot!(
        "show_cstd",
        stdout_of(&["show", "cstd-report", "--count", "2"])
    );
    insta::assert_snapshot!("meetings", stdout_of(&["meetings"]));
    due(&["show", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no obligation `nope`"));
}

#[test]
fn exit_code_reports_a_non_empty_listing() {
    due(&["overdue", "--exit-code"]).assert().code(1);
    due(&["overdue"]).assert().code(0);
    due(&["--exit-code"]).assert().code(1);
    quiet(&["overdue", "--exit-code"])
        .assert()
        .code(0)
        .stdout("Nothing overdue on 2026-11-28.\n");
}

#[test]
fn remind_is_silent_when_nothing_needs_attention() {
    quiet(&["remind", "--exit-code"])
        .assert()
        .code(0)
        .stdout("");
    insta::assert_snapshot!("remind_digest", stdout_of(&["remind"]));
}

#[test]
fn today_comes_from_the_environment_too() {
    let mut cmd = Command::cargo_bin("due").unwrap();
    let out = cmd
        .env("DUE_TODAY", "2026-12-01")
        .env("LC_ALL", "C")
        .args(["--registry", REGISTRY, "overdue", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    // One day after its due date, the 30 November statement is overdue.
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("fixed-day,2026,2026-11-30,-1,overdue,Statement on 30 November,")
    );
}

#[test]
fn colour_marks_overdue_rows_only_when_asked() {
    let plain = stdout_of(&["--color", "never"]);
    assert!(!plain.contains('\u{1b}'));
    let coloured = stdout_of(&["--color", "always"]);
    let red_rows = coloured
        .lines()
        .filter(|l| l.contains("\u{1b}[38;5;9m"))
        .count();
    assert_eq!(red_rows, 5, "{coloured:?}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_due"))
        .args(["--registry", REGISTRY, "--today", TODAY, "--next", "100y"])
        .env("LC_ALL", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // Reader dropped: the pipe is closed with most of the output unwritten.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('┌'), "{first}");
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn validate_says_which_registry_it_read() {
    let text = stdout_of(&["validate"]);
    assert_eq!(
        text,
        "registry: tests/fixtures/secretariat.toml (from --registry or DUE_REGISTRY)\n\
         ledger: tests/fixtures/absent.ledger.toml (from --ledger or DUE_LEDGER)\n\
         warning: [calendar] lists holidays as dates, none in 2028, 2029, 2030, 2031, where \
         deadlines fall: a deadline on a holiday there is not rolled (list those years' \
         holidays, or write them as `holiday_rules`)\n\
         title: Test secretariat\n\
         7 obligations, 3 meetings (4 dated instances), time zone Europe/Zurich\nok\n"
    );
    // Away from the repository, whose own obligations.toml would be read first.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut embedded = Command::cargo_bin("due").unwrap();
    embedded
        .current_dir(elsewhere.path())
        .env_remove("DUE_REGISTRY")
        .env("HOME", "/nonexistent")
        .env("LC_ALL", "C")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .arg("validate")
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "registry: (embedded) obligations.toml\n",
        ));
}

#[test]
fn init_writes_the_embedded_registry_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team/obligations.toml");
    let p = path.to_str().unwrap();
    let mut cmd = Command::cargo_bin("due").unwrap();
    cmd.args(["init", p]).assert().success();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        include_str!("../obligations.toml")
    );
    let mut again = Command::cargo_bin("due").unwrap();
    again
        .args(["init", p])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists (pass --force"));
    let mut check = Command::cargo_bin("due").unwrap();
    check.args(["--registry", p, "validate"]).assert().success();
}
