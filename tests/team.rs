//! A team in git, with the real `git`: one registry and one ledger folder shared through an
//! origin, records from two clones combined by stock git (merge and rebase), a true
//! conflict reported, `due diff` on what a commit changed, and README's "Working as a
//! team" run as written.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The day the clones record on: the 2027 Council report is due on 2027-05-14.
const TODAY: &str = "2027-06-01";

/// A scratch world: its own home, and git set up by the environment alone, as on a clean
/// machine.
struct World {
    tmp: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let w = World {
            tmp: tempfile::tempdir().unwrap(),
        };
        fs::create_dir(w.path("home")).unwrap();
        w
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn command(&self, program: &str, dir: &Path, user: &str) -> Command {
        let bin = Path::new(env!("CARGO_BIN_EXE_due")).parent().unwrap();
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut cmd = Command::new(program);
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("home/config"))
            .env("XDG_DATA_HOME", self.path("home/data"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", user)
            .env("GIT_AUTHOR_EMAIL", format!("{user}@example.org"))
            .env("GIT_COMMITTER_NAME", user)
            .env("GIT_COMMITTER_EMAIL", format!("{user}@example.org"))
            .env("USER", user)
            .env("DUE_TODAY", TODAY)
            .env("NO_COLOR", "1");
        cmd
    }

    /// A shell line in `dir`, with `due` on the clone's registry.
    fn sh(&self, dir: &Path, user: &str, line: &str) -> Output {
        self.command("sh", dir, user)
            .env("DUE_REGISTRY", dir.join("obligations.toml"))
            .args(["-c", line])
            .output()
            .unwrap()
    }

    fn git(&self, dir: &Path, user: &str, args: &[&str]) -> String {
        let out = self.command("git", dir, user).args(args).output().unwrap();
        assert!(out.status.success(), "git {args:?} in {dir:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// `due` in a clone, on the clone's registry.
    fn due(&self, dir: &Path, user: &str, args: &[&str]) -> Output {
        self.command(env!("CARGO_BIN_EXE_due"), dir, user)
            .env("DUE_REGISTRY", dir.join("obligations.toml"))
            .args(args)
            .output()
            .unwrap()
    }

    fn due_ok(&self, dir: &Path, user: &str, args: &[&str]) -> String {
        let out = self.due(dir, user, args);
        assert!(out.status.success(), "due {args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, dir: &Path, args: &[&str]) -> Vec<Value> {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        serde_json::from_str(&self.due_ok(dir, "ana", &args)).unwrap()
    }

    /// A bare origin holding `due init --team`'s repository, and two clones of it.
    fn team(&self) -> (PathBuf, PathBuf) {
        let root = self.tmp.path();
        self.git(root, "ana", &["init", "-q", "--bare", "origin.git"]);
        let seed = self.path("seed");
        let out = self.due(root, "ana", &["init", "--team", "seed"]);
        assert!(out.status.success(), "{out:?}");
        self.git(&seed, "ana", &["init", "-q"]);
        self.git(&seed, "ana", &["add", "."]);
        self.git(&seed, "ana", &["commit", "-qm", "Registry and ledger"]);
        self.git(&seed, "ana", &["push", "-q", "../origin.git", "HEAD"]);
        for clone in ["a", "b"] {
            self.git(root, "ana", &["clone", "-q", "origin.git", clone]);
        }
        (self.path("a"), self.path("b"))
    }

    /// Records the 2027 Council report as delivered on 2027-05-10 in clone `dir`, then
    /// commits and pushes.
    fn deliver_and_push(&self, dir: &Path, user: &str, more: &[&str]) {
        let mut args = vec![
            "done",
            "council-annual-report",
            "2027",
            "--on",
            "2027-05-10",
        ];
        args.extend(more);
        self.due_ok(dir, user, &args);
        self.commit(dir, user, "Council report 2027 delivered");
        self.git(dir, user, &["push", "-q"]);
    }

    fn commit(&self, dir: &Path, user: &str, message: &str) {
        self.git(dir, user, &["add", "ledger"]);
        self.git(dir, user, &["commit", "-qm", message]);
    }

    /// Every record of the clone's history as (id, period, action), sorted.
    fn records(&self, dir: &Path) -> Vec<(String, String, String)> {
        let mut out: Vec<(String, String, String)> = self
            .json(dir, &["history"])
            .iter()
            .map(|r| {
                let field = |k: &str| r[k].as_str().unwrap().to_owned();
                (field("id"), field("period"), field("action"))
            })
            .collect();
        out.sort();
        out
    }

    /// The record files of a clone's ledger.
    fn files(&self, dir: &Path) -> BTreeSet<String> {
        fs::read_dir(dir.join("ledger"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".toml"))
            .collect()
    }
}

fn triple(id: &str, period: &str, action: &str) -> (String, String, String) {
    (id.into(), period.into(), action.into())
}

#[test]
fn init_team_lays_out_a_repository() {
    let w = World::new();
    let out = w.due_ok(w.tmp.path(), "ana", &["init", "--team", "repo"]);
    assert!(
        out.starts_with(
            "wrote repo/obligations.toml\nwrote repo/ledger/.gitignore\nwrote repo/ledger/README.md\nwrote repo/README.md\nnext: cd repo && git init"
        ),
        "{out}"
    );
    assert!(out.contains("export DUE_REGISTRY="), "{out}");
    let repo = w.path("repo");
    let validate = w.due_ok(&repo, "ana", &["validate"]);
    let ledger = format!("ledger: {}/ledger/ (named by the registry)", repo.display());
    assert!(validate.contains(&ledger), "{validate}");
    assert!(validate.ends_with("ok\n"), "{validate}");
    let readme = fs::read_to_string(repo.join("README.md")).unwrap();
    for step in [
        "git clone",
        "due done",
        "git pull",
        "git push",
        "remind --mail",
    ] {
        assert!(readme.contains(step), "the README says nothing of {step}");
    }
    // Again, and it refuses to write over the team's files.
    let again = w.due(w.tmp.path(), "ana", &["init", "--team", "repo"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already exists (pass --force"),
        "{again:?}"
    );
}

#[test]
fn records_from_two_clones_merge_and_rebase_with_stock_git() {
    for pull in ["--no-rebase", "--rebase"] {
        let w = World::new();
        let (a, b) = w.team();
        // Different obligations, and two periods of one obligation.
        w.deliver_and_push(&a, "ana", &["--ref", "C27/12"]);

        w.due_ok(
            &b,
            "ben",
            &[
                "done",
                "council-annual-report",
                "2028",
                "--on",
                "2027-06-01",
            ],
        );
        w.due_ok(
            &b,
            "ben",
            &[
                "waive",
                "hlpf-input",
                "2027",
                "--reason",
                "merged into the CSTD report",
            ],
        );
        w.commit(&b, "ben", "Council report 2028 early; HLPF input waived");
        w.git(&b, "ben", &["pull", "-q", pull]);
        w.git(&b, "ben", &["push", "-q"]);
        w.git(&a, "ana", &["pull", "-q", pull]);

        let expected = vec![
            triple("council-annual-report", "2027", "done"),
            triple("council-annual-report", "2028", "done"),
            triple("hlpf-input", "2027", "waived"),
        ];
        for clone in [&a, &b] {
            assert_eq!(w.records(clone), expected, "{pull} in {clone:?}");
            let status = w.git(clone, "ana", &["status", "--porcelain"]);
            assert_eq!(status, "", "{pull}: the clone is clean");
            let validate = w.due_ok(clone, "ana", &["validate"]);
            assert!(!validate.contains("conflict"), "{validate}");
            assert!(validate.ends_with("ok\n"), "{validate}");
        }
        assert_eq!(w.files(&a), w.files(&b));
        assert_eq!(w.files(&a).len(), 3);
    }
}

#[test]
fn a_true_conflict_is_kept_and_reported_until_settled() {
    let w = World::new();
    let (a, b) = w.team();
    w.deliver_and_push(&a, "ana", &[]);
    // Recorded a second later, so that the rule (the later record stands) has one answer.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    w.due_ok(
        &b,
        "ben",
        &[
            "waive",
            "council-annual-report",
            "2027",
            "--reason",
            "folded into the PP report",
        ],
    );
    w.commit(&b, "ben", "Council report waived");
    w.git(&b, "ben", &["pull", "-q", "--no-rebase"]);
    w.git(&b, "ben", &["push", "-q"]);
    w.git(&a, "ana", &["pull", "-q", "--rebase"]);

    let files: Vec<String> = w.files(&a).into_iter().collect();
    assert_eq!(files.len(), 2);
    for clone in [&a, &b] {
        let out = w.due(clone, "ana", &["validate"]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stdout.contains("conflict: `council-annual-report` 2027 was recorded differently"),
            "{stdout}"
        );
        for file in &files {
            assert!(stdout.contains(file.as_str()), "{file} unnamed:\n{stdout}");
        }
        assert!(
            stdout.contains(": done on 2027-05-10, by ana, recorded "),
            "{stdout}"
        );
        assert!(
            stdout
                .contains(": waived on 2027-06-01 (folded into the PP report), by ben, recorded "),
            "{stdout}"
        );
        assert!(stdout.contains("(stands)"), "{stdout}");
        assert!(!stdout.contains("\nok\n"), "{stdout}");
        assert!(
            stderr.contains("records 1 occurrence differently"),
            "{stderr}"
        );
        // Every listing follows the later record.
        let row = w
            .json(clone, &["status"])
            .into_iter()
            .find(|r| r["id"] == "council-annual-report")
            .unwrap();
        assert_eq!(row["last_period"], "2027", "{row}");
        assert_eq!(row["last_outcome"], "waived", "{row}");
        assert_eq!(w.records(clone).len(), 2);
    }

    // Recording again in a clone that has both settles it.
    w.due_ok(&a, "ana", &["undo", "council-annual-report", "2027"]);
    let validate = w.due_ok(&a, "ana", &["validate"]);
    assert!(validate.ends_with("ok\n"), "{validate}");
    w.commit(&a, "ana", "Council report: open again");
    w.git(&a, "ana", &["push", "-q"]);
    w.git(&b, "ben", &["pull", "-q", "--rebase"]);
    assert!(w.due_ok(&b, "ben", &["validate"]).ends_with("ok\n"));
}

/// The registry's text with Council 2027's dates (the line `2027 = …` under
/// `[meetings.council.dates]`, however its dates are qualified) set to `dates`.
fn move_council_2027(registry: &str, dates: &str) -> String {
    let mut in_council = false;
    let mut moved = 0;
    let lines: Vec<String> = registry
        .lines()
        .map(|line| {
            if line.starts_with('[') {
                in_council = line.trim() == "[meetings.council.dates]";
            }
            let Some(at) = line
                .find("2027-")
                .filter(|_| in_council && line.starts_with("2027"))
            else {
                return line.to_owned();
            };
            moved += 1;
            format!("{}{dates}{}", &line[..at], &line[at + dates.len()..])
        })
        .collect();
    assert_eq!(moved, 1, "Council 2027 is one line of the registry");
    lines.join("\n") + "\n"
}

/// The ids of the shipped registry's obligations that fall due relative to the Council.
fn tied_to_council(registry: &str) -> BTreeSet<String> {
    let doc: toml::Value = toml::from_str(registry).unwrap();
    doc["obligation"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| {
            o.get("due")
                .and_then(|d| d.as_str())
                .is_some_and(|d| d.split_whitespace().next() == Some("council"))
        })
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn diff_of_a_commit_moving_a_meeting_names_exactly_its_deadlines() {
    let w = World::new();
    let (a, _) = w.team();
    let path = a.join("obligations.toml");
    let before = fs::read_to_string(&path).unwrap();
    let after = move_council_2027(&before, "2027-06-01..2027-06-11");
    fs::write(&path, after).unwrap();
    w.git(&a, "ana", &["commit", "-qam", "Council 2027: 1-11 June"]);

    let out = w.sh(
        &a,
        "ana",
        "git show HEAD~1:obligations.toml | due diff - --today 2027-01-01 --format json --exit-code",
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let moved: BTreeSet<String> = rows
        .iter()
        .map(|r| {
            assert_eq!(r["change"], "moved", "{r}");
            assert_eq!(r["period"], "2027", "{r}");
            assert_eq!(r["new_due"], "2027-04-30", "{r}");
            r["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(moved, tied_to_council(&before));
    let report = rows
        .iter()
        .find(|r| r["id"] == "council-annual-report")
        .unwrap();
    assert_eq!(report["old_due"], "2027-05-14");

    // Against itself, nothing changed: status 0.
    let same = w.sh(
        &a,
        "ana",
        "git show HEAD:obligations.toml | due diff - --exit-code",
    );
    assert_eq!(same.status.code(), Some(0), "{same:?}");
    assert!(
        String::from_utf8_lossy(&same.stdout).contains("No deadline added, removed or moved"),
        "{same:?}"
    );
}

const OLD: &str = r#"
schema = 1
title = "Team registry"
timezone = "UTC"
ledger = "ledger/"

[[obligation]]
id = "annual"
title = "Annual report"
to = "Council"
mandate = "Res. 1, 2"
every = "year"
due = "03-31"

[[obligation]]
id = "retired"
title = "Retired report"
every = "year"
due = "09-30"
"#;

/// `due diff` over a registry revision that retitles one obligation, removes one (against
/// which the ledger holds a record) and adds one.
fn revision() -> (World, PathBuf) {
    let w = World::new();
    let dir = w.path("repo");
    fs::create_dir(&dir).unwrap();
    fs::write(w.path("old.toml"), OLD).unwrap();
    let new = OLD
        .replace(
            "title = \"Annual report\"",
            "title = \"Annual activity report\"",
        )
        .replace(
            "to = \"Council\"",
            "to = \"Council, through the working group\"",
        )
        .replace("id = \"retired\"", "id = \"quarterly\"")
        .replace("title = \"Retired report\"", "title = \"Quarterly note\"")
        .replace(
            "every = \"year\"\ndue = \"09-30\"",
            "every = \"quarter\"\ndue = \"end + 30d\"",
        );
    fs::write(dir.join("obligations.toml"), new).unwrap();
    // The retired report's 2026 delivery, recorded under the old registry.
    w.command(env!("CARGO_BIN_EXE_due"), &dir, "ana")
        .args(["--registry", "../old.toml", "--ledger", "ledger/"])
        .args([
            "done",
            "retired",
            "2026",
            "--on",
            "2026-09-28",
            "--today",
            "2026-10-01",
        ])
        .output()
        .map(|o| assert!(o.status.success(), "{o:?}"))
        .unwrap();
    (w, dir)
}

fn diff_output(w: &World, dir: &Path, format: &str) -> String {
    w.due_ok(
        dir,
        "ana",
        &[
            "--registry",
            "obligations.toml",
            "diff",
            "../old.toml",
            "--today",
            "2027-01-01",
            "--until",
            "2027-12-31",
            "--format",
            format,
        ],
    )
}

#[test]
fn diff_names_added_removed_and_changed_obligations_and_orphaned_records() {
    let (w, dir) = revision();
    let rows: Vec<Value> = serde_json::from_str(&diff_output(&w, &dir, "json")).unwrap();
    let summary: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or("-").to_owned();
            (text("change"), text("id"), text("period"))
        })
        .collect();
    let row = |c: &str, id: &str, p: &str| (c.to_owned(), id.to_owned(), p.to_owned());
    assert_eq!(
        summary,
        [
            row("changed", "annual", "-"),
            row("changed", "annual", "-"),
            row("removed", "retired", "2026"),
            row("added", "quarterly", "2026-Q4"),
            row("added", "quarterly", "2027-Q1"),
            row("added", "quarterly", "2027-Q2"),
            row("removed", "retired", "2027"),
            row("added", "quarterly", "2027-Q3"),
        ]
    );
    assert_eq!(rows[0]["field"], "title");
    assert_eq!(rows[0]["old"], "Annual report");
    assert_eq!(rows[0]["new"], "Annual activity report");
    assert_eq!(rows[1]["field"], "to");
    // The record against a period the change removes is named, though it falls before the
    // window.
    assert_eq!(rows[2]["old_due"], "2026-09-30");
    assert_eq!(rows[2]["recorded"], "done");
    assert_eq!(rows[2]["recorded_on"], "2026-09-28");
    assert_eq!(rows[6]["recorded"], Value::Null);
}

#[test]
fn diff_in_every_format() {
    let (w, dir) = revision();
    insta::assert_snapshot!("diff_table", diff_output(&w, &dir, "table"));
    insta::assert_snapshot!("diff_csv", diff_output(&w, &dir, "csv"));
    insta::assert_snapshot!("diff_md", diff_output(&w, &dir, "md"));
}

#[test]
fn diff_reads_the_older_registry_from_standard_input() {
    let (w, dir) = revision();
    let mut cmd = w.command(env!("CARGO_BIN_EXE_due"), &dir, "ana");
    cmd.args([
        "diff",
        "-",
        "--today",
        "2027-01-01",
        "--until",
        "2027-12-31",
    ])
    .args(["--format", "json"]);
    let out = assert_cmd::Command::from_std(cmd)
        .write_stdin(OLD)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        diff_output(&w, &dir, "json")
    );
    // Broken input is named as standard input, with line and column.
    let out = w
        .command("sh", &dir, "ana")
        .args(["-c", "echo 'schema = ' | due diff -"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("(standard input):1:"), "{stderr}");
}

#[test]
fn a_single_file_ledger_moves_to_a_folder_and_means_the_same() {
    let w = World::new();
    let dir = w.path("repo");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("obligations.toml"),
        OLD.replace("ledger = \"ledger/\"", "ledger = \"ledger.toml\""),
    )
    .unwrap();
    w.due_ok(
        &dir,
        "ana",
        &["done", "annual", "2027", "--on", "2027-03-30"],
    );
    w.due_ok(&dir, "ana", &["undo", "annual", "2027"]);
    w.due_ok(
        &dir,
        "ana",
        &["done", "annual", "2027", "--on", "2027-04-02"],
    );
    w.due_ok(
        &dir,
        "ana",
        &["done", "retired", "2026", "--on", "2026-09-28"],
    );
    let before = w.json(&dir, &["status"]);
    let history = w.json(&dir, &["history"]);

    let out = w.due_ok(&dir, "ana", &["ledger", "migrate", "ledger"]);
    assert!(
        out.starts_with(&format!(
            "copied 4 records from {0}/ledger.toml to ledger, one file each; {0}/ledger.toml is left as it is\n",
            dir.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("set `ledger = \"ledger/\"` in the registry"),
        "{out}"
    );
    assert_eq!(w.files(&dir).len(), 4);
    let registry = fs::read_to_string(dir.join("obligations.toml")).unwrap();
    fs::write(
        dir.join("obligations.toml"),
        registry.replace("ledger = \"ledger.toml\"", "ledger = \"ledger/\""),
    )
    .unwrap();
    assert_eq!(w.json(&dir, &["status"]), before);
    assert_eq!(w.json(&dir, &["history"]), history);
    assert!(w.due_ok(&dir, "ana", &["validate"]).ends_with("ok\n"));
}

/// README's "Working as a team" blocks, run as written against a local origin: the first
/// starts the repository, the second runs in two officers' clones, one recording another
/// report, and the review line runs in the second clone.
#[test]
fn working_as_a_team_runs_as_the_readme_says() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("\n## Working as a team\n")
        .nth(1)
        .expect("README has a section on working as a team")
        .split("\n## ")
        .next()
        .unwrap();
    let blocks: Vec<&str> = section
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 3, "start, officer, review");
    let w = World::new();
    let root = w.tmp.path();
    // Named as on the forge, so that a clone is the folder `obligations`.
    w.git(
        root,
        "ana",
        &["init", "-q", "--bare", "forge/obligations.git"],
    );
    let origin = w.path("forge/obligations.git").display().to_string();
    let run = |dir: &Path, user: &str, script: &str| {
        let script = script.replace("git@forge.example.org:secretariat/obligations.git", &origin);
        fs::create_dir_all(dir).unwrap();
        let out = w
            .command("sh", dir, user)
            .env("DUE_TODAY", "2027-01-04")
            .args(["-c", &format!("set -e\n{script}")])
            .output()
            .unwrap();
        assert!(out.status.success(), "{script}\n{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    run(&w.path("start"), "ana", blocks[0]);
    run(&w.path("ana"), "ana", blocks[1]);
    let ben = run(
        &w.path("ben"),
        "ben",
        &blocks[1].replace("council-annual-report", "cstd-annual-report"),
    );
    assert!(ben.ends_with("ok\n"), "{ben}");
    let clone = w.path("ben/obligations");
    let mut ids: Vec<String> = w
        .json(&clone, &["history"])
        .iter()
        .map(|r| format!("{} {} {}", r["id"], r["period"], r["by"]))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "\"council-annual-report\" \"2027\" \"ana\"",
            "\"cstd-annual-report\" \"2027\" \"ben\""
        ]
    );
    let review = format!(
        "cd obligations\nexport DUE_REGISTRY=$PWD/obligations.toml\n{}",
        blocks[2]
    );
    let diff = run(&w.path("ben"), "ben", &review);
    assert!(
        diff.contains("No deadline added, removed or moved"),
        "{diff}"
    );
}
