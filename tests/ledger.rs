//! The completion ledger end to end: recording, listing, locating, and surviving concurrent
//! and killed writers.

use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const REGISTRY: &str = r#"
schema = 1
title = "Test registry"
timezone = "UTC"
tracking_since = 2026-01-01
ledger = "team.ledger.toml"

[meetings.council]
name = "Council"
[meetings.council.dates]
2026 = "2026-06-10..2026-06-20"
2027 = "2027-06-15..2027-06-25"

[[obligation]]
id = "annual"
title = "Annual report"
every = "year"
due = "03-31"

[[obligation]]
id = "council-report"
title = "Report to Council"
every = "meeting"
due = "council - 30d"

[[obligation]]
id = "final"
title = "Final report"
due = "2026-09-30"

[[obligation]]
id = "monthly"
title = "Monthly note"
every = "month"
due = "15"

[[obligation]]
id = "known"
title = "Already delivered"
every = "year"
due = "02-28"
done = [{ period = "2026", on = 2026-02-20, ref = "DOC/26" }]

[[obligation]]
id = "standing"
title = "Standing duty"
"#;

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::with(REGISTRY)
    }

    fn with(registry: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("obligations.toml"), registry).unwrap();
        Fixture { dir }
    }

    fn registry(&self) -> PathBuf {
        self.dir.path().join("obligations.toml")
    }

    /// The registry's own `ledger` key names this one.
    fn ledger(&self) -> PathBuf {
        self.dir.path().join("team.ledger.toml")
    }

    fn due(&self, today: &str) -> Command {
        let mut cmd = Command::cargo_bin("due").unwrap();
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("USER", "ana")
            .arg("--registry")
            .arg(self.registry())
            .args(["--today", today]);
        cmd
    }

    fn json(&self, today: &str, args: &[&str]) -> Vec<Value> {
        let out = self
            .due(today)
            .args(args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        match serde_json::from_slice(&out.stdout).unwrap() {
            Value::Array(rows) => rows,
            other => panic!("expected an array, got {other}"),
        }
    }

    /// The state of one occurrence as `due show` would judge it, through the status of a
    /// day on which it is the obligation's current item.
    fn state(&self, at: &str, id: &str) -> String {
        let rows = self.json(at, &["status"]);
        let row = rows.iter().find(|r| r["id"] == id).unwrap();
        row["state"].as_str().unwrap().to_owned()
    }

    fn periods(&self, today: &str, args: &[&str]) -> Vec<(String, String)> {
        self.json(today, args)
            .iter()
            .map(|r| {
                (
                    r["id"].as_str().unwrap().to_owned(),
                    r["period"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn done_undo_waive_and_history_round_trip() {
    let f = Fixture::new();
    let line = stdout(f.due("2026-04-10").args([
        "done",
        "annual",
        "2026",
        "--on",
        "2026-03-20",
        "--ref",
        "C26/5",
        "--note",
        "on time",
    ]));
    assert!(
        line.starts_with("annual 2026: done on 2026-03-20 (due 2026-03-31), ref C26/5"),
        "{line}"
    );
    assert_eq!(line.lines().count(), 1);
    assert!(f.ledger().exists());
    assert!(
        !f.periods("2026-04-10", &["overdue"])
            .contains(&("annual".into(), "2026".into()))
    );

    let line = stdout(f.due("2026-04-11").args(["undo", "annual", "2026"]));
    assert!(line.contains("done record withdrawn, open again"), "{line}");
    assert!(
        f.periods("2026-04-11", &["overdue"])
            .contains(&("annual".into(), "2026".into()))
    );

    let line = stdout(
        f.due("2026-04-12")
            .args(["waive", "annual", "2026", "--reason", "merged"]),
    );
    assert!(
        line.starts_with("annual 2026: waived on 2026-04-12"),
        "{line}"
    );
    assert!(
        !f.periods("2026-04-12", &["overdue"])
            .contains(&("annual".into(), "2026".into()))
    );

    let history = f.json("2026-04-12", &["history"]);
    let actions: Vec<_> = history
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["waived", "undone", "done"]);
    assert_eq!(history[2]["ref"], "C26/5");
    assert_eq!(history[2]["note"], "on time");
    assert_eq!(history[2]["on"], "2026-03-20");
    assert_eq!(history[0]["reason"], "merged");
    assert!(history.iter().all(|r| r["by"] == "ana"));

    let table = stdout(f.due("2026-04-12").arg("history"));
    assert!(table.contains("waived") && table.contains("ana"), "{table}");
    assert!(f.json("2026-04-12", &["history", "final"]).is_empty());
}

#[test]
fn late_delivery_is_done_late() {
    let f = Fixture::new();
    let line = stdout(
        f.due("2026-10-10")
            .args(["done", "final", "--on", "2026-10-02"]),
    );
    assert!(
        line.starts_with("final once: done-late on 2026-10-02 (due 2026-09-30, 2 days late)"),
        "{line}"
    );
    assert_eq!(f.state("2026-10-10", "final"), "done-late");

    // A corrected delivery date is an amendment: it stands, and history keeps both.
    stdout(
        f.due("2026-10-10")
            .args(["done", "final", "once", "--on", "2026-09-30", "--amend"]),
    );
    assert_eq!(f.state("2026-10-10", "final"), "done");
    assert_eq!(f.json("2026-10-10", &["history", "final"]).len(), 2);
}

#[test]
fn done_defaults_to_the_oldest_open_occurrence() {
    let f = Fixture::new();
    // On 10 April 2027 the 2026 and 2027 annual reports are both overdue.
    let first = stdout(f.due("2027-04-10").args(["done", "annual"]));
    assert!(
        first.starts_with("annual 2026: done-late on 2027-04-10"),
        "{first}"
    );
    let second = stdout(f.due("2027-04-10").args(["done", "annual"]));
    assert!(second.starts_with("annual 2027: done-late"), "{second}");
    // Nothing overdue any more: the next one to fall due.
    let third = stdout(f.due("2027-04-10").args(["done", "annual"]));
    assert!(
        third.starts_with("annual 2028: done on 2027-04-10 (due 2028-03-31)"),
        "{third}"
    );

    let line = stdout(f.due("2026-01-10").args(["done", "monthly"]));
    assert!(line.starts_with("monthly 2026-01: done"), "{line}");
}

#[test]
fn a_meeting_year_names_its_instance() {
    let f = Fixture::new();
    let line = stdout(f.due("2027-04-10").args(["done", "council-report", "2027"]));
    assert!(
        line.starts_with("council-report council-2027: done on 2027-04-10 (due 2027-05-16)"),
        "{line}"
    );
}

#[test]
fn a_record_follows_its_meeting_when_the_date_moves() {
    let f = Fixture::new();
    stdout(
        f.due("2027-05-10")
            .args(["done", "council-report", "council-2026"]),
    );
    stdout(f.due("2027-05-10").args([
        "done",
        "council-report",
        "council-2027",
        "--on",
        "2027-05-10",
    ]));
    assert_eq!(f.state("2027-05-20", "council-report"), "done");

    // Council 2027 is brought forward a month: the same record now counts as late.
    fs::write(
        f.registry(),
        REGISTRY.replace("2027-06-15..2027-06-25", "2027-05-15..2027-05-25"),
    )
    .unwrap();
    assert_eq!(f.state("2027-05-20", "council-report"), "done-late");
    let history = f.json("2027-05-20", &["history", "council-report"]);
    assert_eq!(history.len(), 2);
    f.due("2027-05-20")
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("no such period").not());

    // Council 2027 is struck out: the record is kept, and reported.
    fs::write(
        f.registry(),
        REGISTRY.replace("2027 = \"2027-06-15..2027-06-25\"\n", ""),
    )
    .unwrap();
    f.due("2027-05-20")
        .arg("validate")
        .assert()
        .stdout(
            predicate::str::contains("council-report")
                .and(predicate::str::contains("council-2027")),
        )
        .stdout(predicate::str::contains("no such period"));
    assert_eq!(f.json("2027-05-20", &["history"]).len(), 2);
    // And it can still be withdrawn.
    stdout(
        f.due("2027-05-20")
            .args(["undo", "council-report", "council-2027"]),
    );
}

#[test]
fn registry_completions_count_and_undo_points_to_the_registry() {
    let f = Fixture::new();
    assert!(
        !f.periods("2026-04-10", &["overdue"])
            .contains(&("known".into(), "2026".into()))
    );
    f.due("2026-04-10")
        .args(["undo", "known", "2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("edit it there"));
}

#[test]
fn mistakes_are_exit_2() {
    let f = Fixture::new();
    for args in [
        &["undo", "annual", "2026"][..],
        &["done", "nosuch"],
        &["done", "annual", "2019-Q1"],
        &["done", "annual", "2026", "--on", "2026-05-01"],
        &["done", "standing"],
        &["waive", "annual", "2026", "--reason", " "],
        &["history", "nosuch"],
    ] {
        f.due("2026-04-10")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::is_empty().not());
    }
    assert!(
        !f.ledger().exists(),
        "a failed command must not create the ledger"
    );
}

#[test]
fn the_ledger_is_found_as_documented() {
    let f = Fixture::new();
    f.due("2026-04-10")
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains(f.ledger().display().to_string()));

    let env_ledger = f.dir.path().join("env.toml");
    f.due("2026-04-10")
        .env("DUE_LEDGER", &env_ledger)
        .args(["done", "annual", "2026"])
        .assert()
        .success();
    assert!(env_ledger.exists() && !f.ledger().exists());

    let flag_ledger = f.dir.path().join("flag.toml");
    f.due("2026-04-10")
        .env("DUE_LEDGER", &env_ledger)
        .arg("--ledger")
        .arg(&flag_ledger)
        .args(["done", "final", "once"])
        .assert()
        .success();
    assert!(flag_ledger.exists());
    assert!(!fs::read_to_string(&env_ledger).unwrap().contains("final"));

    // Without a registry key, the registry's own default in the user's data directory.
    let bare = Fixture::with(&REGISTRY.replace("ledger = \"team.ledger.toml\"\n", ""));
    bare.due("2026-04-10")
        .args(["done", "annual", "2026"])
        .assert()
        .success();
    let ledgers: Vec<_> = fs::read_dir(bare.dir.path().join("data/due/ledgers"))
        .expect("the registry's default ledger's folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert_eq!(ledgers.len(), 1, "beside its lock: {ledgers:?}");
    let data = &ledgers[0];
    bare.due("2026-04-10")
        .arg("validate")
        .assert()
        .stdout(predicate::str::contains(data.display().to_string()));
}

#[test]
fn a_broken_ledger_is_reported_and_kept() {
    let f = Fixture::new();
    let broken =
        "[[record]]\nid = \"annual\"\nperiod = \"2026\"\naction = \"done\"\non = 2026-13-01\n";
    fs::write(f.ledger(), broken).unwrap();
    let at = format!("{}:5:", f.ledger().display());
    for args in [
        &["done", "annual", "2026"][..],
        &["status"],
        &["overdue"],
        &["history"],
        &["validate"],
    ] {
        f.due("2026-04-10")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(&at));
    }
    assert_eq!(fs::read_to_string(f.ledger()).unwrap(), broken);
}

#[test]
fn a_read_only_ledger_is_exit_2() {
    let f = Fixture::new();
    fs::write(f.ledger(), "").unwrap();
    let mut perms = fs::metadata(f.ledger()).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(f.ledger(), perms).unwrap();
    f.due("2026-04-10")
        .args(["done", "annual", "2026"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("cannot write the ledger")
                .and(predicate::str::contains("--ledger")),
        );

    // A folder that cannot be written to (root writes anyway, so only checked for others).
    let dir = f.dir.path().join("locked");
    fs::create_dir(&dir).unwrap();
    let mut perms = fs::metadata(&dir).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&dir, perms).unwrap();
    if fs::write(dir.join("probe"), "").is_err() {
        f.due("2026-04-10")
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["done", "annual", "2026"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot write the ledger"));
    }
}

/// Periods up to years ahead, so `--force`: what is checked is that every write lands.
fn spawn_done(f: &Fixture, ledger: &Path, period: &str) -> Child {
    spawn(
        f,
        ledger,
        "2026-04-10",
        &["done", "monthly", period, "--force"],
    )
}

fn spawn(f: &Fixture, ledger: &Path, today: &str, args: &[&str]) -> Child {
    Process::new(assert_cmd::cargo::cargo_bin("due"))
        .env_clear()
        .env("USER", "ana")
        .arg("--registry")
        .arg(f.registry())
        .arg("--ledger")
        .arg(ledger)
        .args(["--today", today])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The ledger's text: the file, or every record file of a folder ledger.
fn ledger_text(ledger: &Path) -> String {
    if !ledger.is_dir() {
        return fs::read_to_string(ledger).unwrap_or_default();
    }
    let mut names: Vec<PathBuf> = fs::read_dir(ledger)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}

/// Both layouts: a single file, and a folder of one file per record.
const LAYOUTS: [&str; 2] = ["busy.toml", "busy/"];

#[test]
fn concurrent_writers_all_land() {
    for layout in LAYOUTS {
        let f = Fixture::new();
        let ledger = f.dir.path().join(layout);
        let periods: Vec<String> = (0..24)
            .map(|n| format!("{}-{:02}", 2026 + n / 12, n % 12 + 1))
            .collect();
        let children: Vec<Child> = periods.iter().map(|p| spawn_done(&f, &ledger, p)).collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let text = ledger_text(&ledger);
        for p in &periods {
            assert!(
                text.contains(&format!("period = \"{p}\"\n")),
                "{layout}: {p} missing"
            );
        }
        let history = f.json(
            "2026-04-10",
            &["--ledger", ledger.to_str().unwrap(), "history"],
        );
        assert_eq!(history.len(), periods.len(), "{layout}");
    }
}

/// Each writer picks the oldest open occurrence under the lock, so none takes one another
/// has just taken.
#[test]
fn concurrent_defaults_take_distinct_occurrences() {
    for layout in LAYOUTS {
        let f = Fixture::new();
        let ledger = f.dir.path().join(layout);
        // On 1 September 2027 the months from January 2026 to August 2027 are overdue.
        let children: Vec<Child> = (0..20)
            .map(|_| spawn(&f, &ledger, "2027-09-01", &["done", "monthly"]))
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let mut periods: Vec<String> = f
            .json(
                "2027-09-01",
                &["--ledger", ledger.to_str().unwrap(), "history"],
            )
            .iter()
            .map(|r| r["period"].as_str().unwrap().to_owned())
            .collect();
        periods.sort();
        let expected: Vec<String> = (0..20)
            .map(|n| format!("{}-{:02}", 2026 + n / 12, n % 12 + 1))
            .collect();
        assert_eq!(periods, expected, "{layout}");
    }
}

/// Writers killed at random moments leave a ledger that parses and holds every record
/// whose writer said it was written.
#[test]
fn killed_writers_never_corrupt_the_ledger() {
    for layout in ["crash.toml", "crash/"] {
        killed_writers_never_corrupt(layout);
    }
}

fn killed_writers_never_corrupt(layout: &str) {
    const ROUNDS: usize = 50;
    const WRITERS: usize = 3;
    let f = Fixture::new();
    let ledger = f.dir.path().join(layout);
    let random = RandomState::new();
    let mut landed: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        let mut children: Vec<(String, Child)> = (0..WRITERS)
            .map(|w| {
                let period = format!("{}-{:02}", 2030 + round, w + 1);
                let child = spawn_done(&f, &ledger, &period);
                (period, child)
            })
            .collect();
        let delay = random.hash_one(round) % 40;
        std::thread::sleep(Duration::from_millis(delay));
        for (period, child) in &mut children {
            let _ = child.kill();
            if child.wait().unwrap().success() {
                landed.push(period.clone());
            }
        }
        f.due("2026-04-10")
            .arg("--ledger")
            .arg(&ledger)
            .arg("history")
            .assert()
            .success();
        let text = ledger_text(&ledger);
        for p in &landed {
            assert!(
                text.contains(&format!("period = \"{p}\"\n")),
                "{layout} round {round}: {p} was lost"
            );
        }
    }
    eprintln!(
        "{layout}: {} of {} writers finished before the kill",
        landed.len(),
        ROUNDS * WRITERS
    );
}
