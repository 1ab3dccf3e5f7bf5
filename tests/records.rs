//! Records checked before they are written, who made them, and what `history` and `status`
//! say they produced: the cases of the shipped registry a secretariat officer meets, as
//! whole transcripts.

use std::fs;
use std::path::PathBuf;

use crate::common;

/// A fresh ledger, and the transcript of the commands run on it.
struct Session {
    dir: tempfile::TempDir,
    transcript: String,
}

impl Session {
    fn new() -> Session {
        Session {
            dir: tempfile::tempdir().unwrap(),
            transcript: String::new(),
        }
    }

    fn ledger(&self) -> PathBuf {
        self.dir.path().join("ledger.toml")
    }

    fn registry(&self) -> PathBuf {
        self.dir.path().join("obligations.toml")
    }

    fn command(&self, today: &str, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = common::due();
        cmd.env("DUE_LEDGER", self.ledger())
            .env("DUE_USER", "ana")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .args(["--today", today])
            .args(args);
        if self.registry().exists() {
            cmd.arg("--registry").arg(self.registry());
        }
        cmd
    }

    /// Runs `due --today TODAY ARGS`, adds it to the transcript, and returns stdout.
    fn run(&mut self, today: &str, args: &[&str], code: i32) -> String {
        let out = self.command(today, args).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}\n{stdout}{stderr}");
        let place = self.dir.path().display().to_string();
        self.transcript.push_str(&format!(
            "$ due --today {today} {}\n? {code}\n{stdout}{stderr}",
            args.join(" ")
        ));
        self.transcript = self.transcript.replace(&place, "[TMP]");
        stdout
    }

    /// A refusal: exit 2, one line, and the ledger exactly as it was.
    fn refused(&mut self, today: &str, args: &[&str]) {
        let before = fs::read(self.ledger()).ok();
        let out = self.run(today, args, 2);
        assert!(out.is_empty(), "{args:?} printed {out}");
        assert_eq!(fs::read(self.ledger()).ok(), before, "{args:?} wrote");
        assert!(
            !self.dir.path().join("ledger.toml.lock").exists() || before.is_some(),
            "{args:?} left a lock file behind"
        );
    }

    fn json(&self, today: &str, args: &[&str]) -> Vec<serde_json::Value> {
        let out = self
            .command(today, args)
            .args(["--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }
}

/// The recording time is the clock's: the transcripts show where it stands.
fn snapshot(name: &str, text: &str) {
    insta::with_settings!({filters => vec![
        (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "YYYY-MM-DDThh:mm:ssZ"),
    ]}, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn typos_are_refused_with_suggestions() {
    let mut s = Session::new();
    // 2072 for 2027: a real period, due in December 2071.
    s.refused("2026-12-02", &["done", "cstd-annual-report", "2072"]);
    s.refused("2026-12-02", &["done", "cstd-anual-report"]);
    s.refused(
        "2026-12-02",
        &["waive", "hlpf-inptu", "2027", "--reason", "x"],
    );
    s.refused("2026-12-02", &["done", "cstd-annual-report", "2027-Q1"]);
    s.refused("2026-12-02", &["undo", "cstd-annual-report", "2027"]);
    assert!(!s.ledger().exists());
    // What was meant is recorded, and a second `done` for it is refused until amended.
    s.run("2026-12-02", &["done", "cstd-annual-report", "2027"], 0);
    s.refused("2026-12-02", &["done", "cstd-annual-report", "2027"]);
    s.refused(
        "2026-12-02",
        &["waive", "cstd-annual-report", "2027", "--reason", "x"],
    );
    s.run(
        "2026-12-02",
        &["done", "cstd-annual-report", "2072", "--force"],
        0,
    );
    snapshot("typos", &s.transcript);
}

#[test]
fn a_past_one_off_is_recorded_without_knowing_its_period() {
    let mut s = Session::new();
    s.run("2026-12-02", &["done", "final-report-council-2026"], 0);
    s.refused("2026-12-02", &["done", "final-report-council-2026"]);
    // `once` names it too, whatever its key: here a correction of the delivery day.
    s.run(
        "2026-12-02",
        &[
            "done",
            "final-report-council-2026",
            "once",
            "--on",
            "2026-03-20",
            "--ref",
            "C26/45",
            "--amend",
        ],
        0,
    );
    s.run("2026-12-02", &["history"], 0);
    snapshot("past_one_off", &s.transcript);
    let history = s.json("2026-12-02", &["history"]);
    assert_eq!(history[0]["period"], "council-2026");
    assert_eq!(history[0]["outcome"], "done");
    assert_eq!(history[1]["outcome"], "done-late");
    assert_eq!(history[1]["days_late"], 250);
    assert_eq!(history[1]["superseded"], true);
}

#[test]
fn history_and_status_keep_the_outcome() {
    let mut s = Session::new();
    let today = "2027-01-15";
    s.run(
        today,
        &[
            "done",
            "cstd-annual-report",
            "2027",
            "--on",
            "2026-12-10",
            "--ref",
            "E/CN.16/2027/2",
            "--by",
            "WSIS team",
        ],
        0,
    );
    s.run(
        today,
        &["waive", "hlpf-input-to-cwg", "2027", "--reason", "merged"],
        0,
    );
    s.run(today, &["done", "roadmaps", "--on", "2026-12-20"], 0);
    s.run(today, &["undo", "roadmaps", "2027"], 0);
    s.run(today, &["history"], 0);
    s.run(today, &["history", "--format", "json"], 0);
    s.run(today, &["status"], 0);
    s.run(today, &["status", "--format", "json"], 0);
    snapshot("outcomes", &s.transcript);

    let status = s.json(today, &["status"]);
    let row = |id: &str| status.iter().find(|r| r["id"] == id).unwrap().clone();
    let cstd = row("cstd-annual-report");
    assert_eq!(cstd["last_period"], "2027");
    assert_eq!(cstd["last_outcome"], "done-late");
    assert_eq!(cstd["last_days_late"], 3);
    assert_eq!(cstd["last_ref"], "E/CN.16/2027/2");
    assert_eq!(cstd["period"], "2028");
    assert_eq!(row("hlpf-input-to-cwg")["last_outcome"], "waived");
    assert_eq!(row("roadmaps")["last_outcome"], serde_json::Value::Null);
}

#[test]
fn period_keys_are_read_in_any_case() {
    let mut s = Session::new();
    fs::write(
        s.registry(),
        "schema = 1\ntimezone = \"UTC\"\n\n[[obligation]]\nid = \"quarterly\"\ntitle = \"Quarterly return\"\nevery = \"quarter\"\ndue = \"end + 30d\"\n",
    )
    .unwrap();
    s.run("2026-10-15", &["done", "quarterly", "2026-q3"], 0);
    let text = fs::read_to_string(s.ledger()).unwrap();
    assert!(text.contains("period = \"2026-Q3\"\n"), "{text}");
    s.refused("2026-10-15", &["done", "quarterly", "2026-Q3"]);
    s.refused("2026-10-15", &["done", "quarterly", "2026-q5"]);
    s.run("2026-10-15", &["undo", "quarterly", "2026-q3"], 0);
    snapshot("any_case", &s.transcript);
}

/// Who made a record, as the ledger keeps it.
fn recorded_by(s: &Session, env: &[(&str, &str)], by: Option<&str>) -> String {
    let mut cmd = s.command(
        "2026-12-02",
        &["done", "cstd-annual-report", "2027", "--amend"],
    );
    cmd.env_remove("DUE_USER")
        .env_remove("USER")
        .env_remove("LOGNAME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    if let Some(by) = by {
        cmd.args(["--by", by]);
    }
    cmd.assert().success();
    s.json("2026-12-02", &["history"])[0]["by"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn every_record_says_who_made_it() {
    let s = Session::new();
    let all = [
        ("DUE_USER", "due-user"),
        ("USER", "user"),
        ("LOGNAME", "logname"),
    ];
    assert_eq!(recorded_by(&s, &all, Some("Ana Lima")), "Ana Lima");
    assert_eq!(recorded_by(&s, &all, None), "due-user");
    assert_eq!(recorded_by(&s, &all[1..], None), "user");
    assert_eq!(recorded_by(&s, &all[2..], None), "logname");
    assert_eq!(recorded_by(&s, &[("USER", " ")], None), account());
    assert_eq!(recorded_by(&s, &[], None), account());
    let mut cmd = s.command("2026-12-02", &["undo", "cstd-annual-report", "2027"]);
    cmd.args(["--by", " "]).assert().code(2);
}

/// The operating system's name for the account running the tests.
fn account() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}
