//! README's examples are produced by the binary: this test fails when they go stale, and
//! `UPDATE_README=1 cargo test --test readme` rewrites them.

use std::process::Command;

const MARK: &str = "<!-- example: due ";

/// The README with every example block replaced by what its command prints now.
fn regenerate(readme: &str) -> String {
    let mut out = String::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let Some(args) = line.strip_prefix(MARK).and_then(|r| r.strip_suffix(" -->")) else {
            continue;
        };
        let fence = lines.next().expect("a code block after the example mark");
        assert_eq!(fence, "```text", "example blocks are ```text fences");
        for inner in lines.by_ref() {
            if inner == "```" {
                break;
            }
        }
        let output = Command::new(env!("CARGO_BIN_EXE_due"))
            .args(args.split_whitespace())
            .env_remove("DUE_REGISTRY")
            .env_remove("DUE_LEDGER")
            .env_remove("DUE_TODAY")
            // Keep a user's own registry and ledger out of the examples.
            .env("HOME", "/nonexistent")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .env("XDG_DATA_HOME", "/nonexistent")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "130")
            .output()
            .unwrap();
        assert!(output.status.success(), "due {args}: {output:?}");
        out.push_str(fence);
        out.push('\n');
        out.push_str(&String::from_utf8(output.stdout).unwrap());
        out.push_str("```\n");
    }
    out
}

#[test]
fn readme_examples_match_the_binary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let fresh = regenerate(&readme);
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(path, &fresh).unwrap();
        return;
    }
    assert!(
        fresh.contains("Status as of 2026-11-09"),
        "the status example is missing"
    );
    assert_eq!(
        readme, fresh,
        "README examples are stale: run UPDATE_README=1 cargo test --test readme"
    );
}

const RUN: &str = "<!-- run in order:";

/// The lines of every `sh` block marked to be run in order, block by block.
fn runnable(readme: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if !line.starts_with(RUN) {
            continue;
        }
        assert_eq!(
            lines.next(),
            Some("```sh"),
            "a run mark precedes a ```sh fence"
        );
        blocks.push(
            lines
                .by_ref()
                .take_while(|l| *l != "```")
                .map(str::to_owned)
                .collect(),
        );
    }
    blocks
}

/// Runs one README line as a reader would paste it into a shell, with `due` on the path.
fn paste(line: &str, ledger: &std::path::Path, today: Option<chrono::NaiveDate>) {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_due"))
        .parent()
        .unwrap()
        .to_owned();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut sh = Command::new("sh");
    sh.arg("-c")
        .arg(line)
        .env("PATH", path)
        .env_remove("DUE_REGISTRY")
        .env_remove("DUE_TODAY")
        .env("DUE_LEDGER", ledger)
        .env("HOME", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_DATA_HOME", "/nonexistent");
    if let Some(day) = today {
        sh.env("DUE_TODAY", day.to_string());
    }
    let out = sh.output().unwrap();
    assert!(
        out.status.success(),
        "on {}: {line}\n{}",
        today.map_or("today".to_owned(), |d| d.to_string()),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The examples that record work use no day that a later reader's calendar would refuse:
/// they run as written today, in a year and in ten years, each on a fresh ledger.
#[test]
fn readme_recording_examples_work_on_any_day() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let blocks = runnable(&readme);
    let all: Vec<&String> = blocks.iter().flatten().collect();
    for command in ["due done ", "due waive ", "due undo ", "--amend", "--by "] {
        assert!(
            all.iter().any(|l| l.contains(command)),
            "no run example with `{command}`"
        );
    }
    let now = chrono::Utc::now().date_naive();
    let days = [None, now.checked_add_days(chrono::Days::new(400)), {
        now.checked_add_days(chrono::Days::new(3653))
    }];
    for day in days {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("ledger.toml");
        for block in &blocks {
            for line in block {
                paste(line, &ledger, day);
            }
        }
    }
}
