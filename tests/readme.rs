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
        // Keep a user's own registry and ledger out of the examples.
        let output = crate::common::without_settings(&mut Command::new(env!("CARGO_BIN_EXE_due")))
            .args(args.split_whitespace())
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

/// The lines of README's ```sh blocks, as written.
fn shell_lines(readme: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        match (inside, line) {
            (false, "```sh") => inside = true,
            (true, "```") => inside = false,
            (true, line) => lines.push(line),
            _ => {}
        }
    }
    lines
}

/// Runs a README shell line with `due` on `PATH` and a fresh home directory, on `today`
/// (else on the clock's day).
fn run_line(line: &str, home: &std::path::Path, today: Option<&str>) -> std::process::Output {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_due"));
    let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    // README names the installed binary by its usual full path.
    let line = line.replace("/home/you/.cargo/bin/due", &bin.display().to_string());
    let mut sh = Command::new("/bin/sh");
    sh.args(["-c", &format!("set -e; {line}")])
        .current_dir(home)
        .env_clear()
        .env("HOME", home)
        .env("PATH", path);
    if let Some(today) = today {
        sh.env("DUE_TODAY", today);
    }
    sh.output().unwrap()
}

#[test]
fn completions_and_manual_install_as_readme_says() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let home = tempfile::tempdir().unwrap();
    let installs: Vec<&str> = shell_lines(&readme)
        .into_iter()
        .filter(|l| l.contains("due completions") || l.contains("due man"))
        .collect();
    assert_eq!(
        installs.len(),
        4,
        "bash, zsh, fish and the manual page: {installs:?}"
    );
    for line in installs {
        // The folders are the user's to make, except the manual's, which the line makes.
        for dir in [
            ".local/share/bash-completion/completions",
            ".zfunc",
            ".config/fish/completions",
        ] {
            std::fs::create_dir_all(home.path().join(dir)).unwrap();
        }
        let out = run_line(line, home.path(), Some("2026-11-28"));
        assert!(out.status.success(), "{line}: {out:?}");
    }
    for file in [
        ".local/share/bash-completion/completions/due",
        ".zfunc/_due",
        ".config/fish/completions/due.fish",
        ".local/share/man/man1/due.1",
    ] {
        let text = std::fs::read_to_string(home.path().join(file)).unwrap();
        assert!(text.contains("remind"), "{file} is not what due wrote");
    }
}

#[test]
fn the_cron_line_tried_by_hand_runs_with_crons_bare_environment() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let line = shell_lines(&readme)
        .into_iter()
        .find(|l| l.starts_with("env -i "))
        .expect("README shows how to try a cron line by hand");
    let home = tempfile::tempdir().unwrap();
    let out = run_line(line, home.path(), Some("2026-11-28"));
    assert!(out.status.success(), "{line}: {out:?}");
    // The crontab lines name due by its full path or set PATH first: never bare under
    // cron's own PATH.
    let crontab: Vec<&str> = readme
        .split("```cron\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .collect();
    for block in crontab {
        let sets_path = block
            .lines()
            .any(|l| l.starts_with("PATH=") && l.contains(".cargo/bin"));
        for line in block
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains("due "))
        {
            let by_path = line.contains("/.cargo/bin/due ");
            assert!(sets_path || by_path, "cron cannot find due: {line}");
        }
    }
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
        // A fresh home: the ledger is the data directory's, made on the first record.
        let home = tempfile::tempdir().unwrap();
        let day = day.map(|d| d.to_string());
        for line in blocks.iter().flatten() {
            let out = run_line(line, home.path(), day.as_deref());
            assert!(out.status.success(), "on {day:?}: {line}: {out:?}");
        }
    }
}
