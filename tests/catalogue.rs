//! The error catalogue: broken registries and ledgers, each with the whole transcript of what
//! `due` says about it. Every case must exit 2 with one message on stderr, nothing on
//! stdout, and no panic.
//!
//! Committed cases live in `tests/catalogue/{registry,ledger}/NAME.toml`, with the transcript
//! in `NAME.out`: the command (`$ due …`, run from the crate's folder), the exit status
//! (`? 2`), then stderr exactly. `BLESS=1 cargo test --test catalogue` rewrites the
//! transcripts from what `due` says now; read the diff before committing it.
//! Files that cannot be committed (binary, huge, unreadable, a directory) are made here.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/secretariat.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn due(args: &[&str]) -> Output {
    Command::cargo_bin("due")
        .expect("the binary is built")
        .current_dir(root())
        .env_remove("DUE_REGISTRY")
        .env_remove("DUE_LEDGER")
        .env_remove("DUE_TODAY")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .expect("due runs")
}

/// Checks the promises every bad input shares, and returns stderr.
fn refused(args: &[&str]) -> String {
    let out = due(args);
    let stderr = String::from_utf8(out.stderr).expect("stderr is text");
    assert_eq!(out.status.code(), Some(2), "{args:?}\n{stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{args:?} panicked:\n{stderr}"
    );
    assert_eq!(stderr.lines().count(), stderr.matches('\n').count());
    stderr
}

fn transcript(args: &[&str], stderr: &str) -> String {
    format!("$ due {}\n? 2\n{stderr}", args.join(" "))
}

fn command_for(kind: &str, case: &str) -> Vec<String> {
    let words = match kind {
        "registry" => format!("validate --registry {case}"),
        "ledger" => format!("--registry {FIXTURE} --ledger {case} --today 2027-01-15"),
        _ => unreachable!("two kinds of input"),
    };
    words.split_whitespace().map(str::to_string).collect()
}

/// Runs every committed case of a kind (`NAME.EXT` in `tests/catalogue/KIND/`) through `run`,
/// which returns its transcript, and compares it with `NAME.out`.
fn run_committed(kind: &str, ext: &str, run: impl Fn(&Path) -> String) -> usize {
    let dir = root().join("tests/catalogue").join(kind);
    let bless = std::env::var_os("BLESS").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the catalogue folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for case in &cases {
        let actual = run(case);
        let expected_path = case.with_extension("out");
        if bless {
            fs::write(&expected_path, &actual).expect("write the transcript");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                expected_path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} transcripts differ (BLESS=1 rewrites them):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    cases.len()
}

/// A broken input file, read by the command its kind calls for.
fn run_input(kind: &str) -> usize {
    run_committed(kind, "toml", |case| {
        let rel = case.strip_prefix(root()).expect("inside the crate");
        let args = command_for(kind, &rel.display().to_string());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        transcript(&args, &refused(&args))
    })
}

#[test]
fn broken_registries_are_refused_with_their_place_and_what_was_expected() {
    let count = run_input("registry");
    assert!(count >= 25, "only {count} registry cases");
    // Every message about a registry's content names the file, line and column.
    for out in fs::read_dir(root().join("tests/catalogue/registry")).expect("the folder") {
        let path = out.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "out") {
            let text = fs::read_to_string(&path).expect("a transcript");
            let message = text.lines().nth(2).expect("a message");
            let place = message
                .strip_prefix("due: tests/catalogue/registry/")
                .and_then(|m| m.split_once(".toml:"))
                .map(|(_, rest)| rest.splitn(3, ':').collect::<Vec<_>>());
            assert!(
                place.as_ref().is_some_and(|p| p.len() == 3
                    && p[0].parse::<usize>().is_ok()
                    && p[1].parse::<usize>().is_ok()
                    && p[2].contains('(')),
                "{}: {message}",
                path.display()
            );
        }
    }
}

#[test]
fn broken_ledgers_are_refused_with_their_place() {
    run_input("ledger");
}

/// Every file under `dir`, with its bytes: what a refused record must leave as it was.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(contents(&path));
        } else {
            let bytes = fs::read(&path).expect("a file");
            out.push((path, bytes));
        }
    }
    out.sort();
    out
}

/// A record `due` must refuse before writing: the case's lines are arguments to `due` on
/// the fixture registry, a fixed day and a fresh ledger; every line but the last records
/// something, and the last is refused with the ledger's folder left byte for byte as it was.
fn record_case(case: &Path) -> String {
    let text = fs::read_to_string(case).expect("a case");
    let lines: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect();
    let (last, setup) = lines.split_last().expect("a command to refuse");
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let ledger = tmp.path().join("ledger.toml");
    let run = |words: &[&str]| {
        let mut args = vec!["--registry", FIXTURE, "--today", "2027-01-15"];
        args.extend_from_slice(words);
        Command::cargo_bin("due")
            .expect("the binary is built")
            .current_dir(root())
            .env_remove("DUE_REGISTRY")
            .env_remove("DUE_TODAY")
            .env("DUE_LEDGER", &ledger)
            .env("DUE_USER", "ana")
            .env("DUE_CACHE_DIR", "")
            .env("NO_COLOR", "1")
            .env("LC_ALL", "C")
            .args(args)
            .output()
            .expect("due runs")
    };
    for words in setup {
        let out = run(words);
        assert!(
            out.status.success(),
            "{}: setup {words:?} failed: {}",
            case.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let before = contents(tmp.path());
    let out = run(last);
    let stderr = String::from_utf8(out.stderr).expect("stderr is text");
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", case.display());
    assert!(
        out.stdout.is_empty(),
        "{} printed to stdout",
        case.display()
    );
    assert_eq!(stderr.lines().count(), 1, "{}: {stderr}", case.display());
    assert!(!stderr.contains("panicked"), "{}: {stderr}", case.display());
    assert!(
        contents(tmp.path()) == before,
        "{}: the refusal changed the ledger",
        case.display()
    );
    let mut words = vec!["--registry", FIXTURE, "--today", "2027-01-15"];
    words.extend_from_slice(last);
    transcript(
        &words,
        &stderr.replace(&tmp.path().display().to_string(), "[TMP]"),
    )
}

#[test]
fn mistaken_records_are_refused_and_leave_the_ledger_alone() {
    let count = run_committed("record", "cmd", record_case);
    assert!(count >= 10, "only {count} record cases");
}

/// Runs with a registry or ledger made at run time, and shows the temporary folder as `[TMP]`.
fn refused_in(dir: &Path, args: &[&str]) -> String {
    refused(args).replace(&dir.display().to_string(), "[TMP]")
}

#[test]
fn a_binary_file_is_not_text_and_says_where() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let elf = tmp.path().join("due.toml");
    fs::write(
        &elf,
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
    )
    .expect("write");
    let path = elf.display().to_string();
    assert_eq!(
        refused_in(tmp.path(), &["validate", "--registry", &path]),
        "due: [TMP]/due.toml:1:8: not a text file: a NUL byte (expected UTF-8 TOML text: is this the right file?)\n"
    );
    let latin1 = tmp.path().join("latin1.toml");
    fs::write(&latin1, b"schema = 1\ntitle = \"R\xe9solution\"\n").expect("write");
    let path = latin1.display().to_string();
    assert_eq!(
        refused_in(tmp.path(), &["validate", "--registry", &path]),
        "due: [TMP]/latin1.toml:2:11: not a text file: byte 0xE9, which is not UTF-8 (expected UTF-8 TOML text: is this the right file?)\n"
    );
}

#[test]
fn a_50_mb_registry_is_read_to_its_mistake() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let big = tmp.path().join("big.toml");
    let mut text =
        String::from("schema = 1\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nnotes = '''\n");
    let line = "A long note, as a registry keeper might paste from a meeting report.\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    text.push_str("'''\nlead = \"3y\"\n");
    let lines = text.lines().count();
    fs::write(&big, &text).expect("write");
    let path = big.display().to_string();
    assert_eq!(
        refused_in(tmp.path(), &["validate", "--registry", &path]),
        format!(
            "due: [TMP]/big.toml:{lines}:8: `lead`: `3y` is too long (offsets reach at most two years)\n"
        )
    );
}

#[test]
fn a_file_larger_than_any_registry_is_not_read() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let huge = tmp.path().join("huge.toml");
    // Sparse: the size is there without the disk space.
    fs::File::create(&huge)
        .and_then(|f| f.set_len(300 * 1024 * 1024))
        .expect("a sparse file");
    let path = huge.display().to_string();
    assert_eq!(
        refused_in(tmp.path(), &["validate", "--registry", &path]),
        "due: registry [TMP]/huge.toml is 314572800 bytes, more than a registry can be (expected at most 256 MiB of TOML: is this the right file?)\n"
    );
}

#[test]
fn a_directory_or_a_missing_file_is_named() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().display().to_string();
    assert_eq!(
        refused_in(tmp.path(), &["validate", "--registry", &dir]),
        "due: registry [TMP] is a directory (pass the registry file inside it)\n"
    );
    let missing = tmp.path().join("obligations.toml").display().to_string();
    assert_eq!(
        refused_in(tmp.path(), &["validate", "--registry", &missing]),
        "due: registry [TMP]/obligations.toml does not exist (check the path, or write the default one there with `due init PATH`)\n"
    );
    // A folder is a ledger of one file per record: a broken record is named by its file.
    let folder = tmp.path().join("ledger");
    fs::create_dir(&folder).expect("a ledger folder");
    fs::write(folder.join("r.toml"), "id = \n").expect("a record");
    let stderr = refused_in(
        tmp.path(),
        &[
            "--registry",
            FIXTURE,
            "--ledger",
            &folder.display().to_string(),
            "--today",
            "2027-01-15",
        ],
    );
    assert!(
        stderr.starts_with("due: [TMP]/ledger/r.toml:1:6: "),
        "{stderr}"
    );
}

#[test]
fn a_binary_ledger_is_refused() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let ledger = tmp.path().join("ledger.toml");
    fs::write(&ledger, b"[[record]]\nid = \"\xff\xfe\"\n").expect("write");
    let path = ledger.display().to_string();
    assert_eq!(
        refused_in(
            tmp.path(),
            &[
                "--registry",
                FIXTURE,
                "--ledger",
                &path,
                "--today",
                "2027-01-15"
            ]
        ),
        "due: [TMP]/ledger.toml:2:7: byte 0xFF is not UTF-8 text (the ledger is a text file)\n(the ledger was left as it is: correct it, or restore it from version control, and run the command again)\n"
    );
}

#[cfg(unix)]
#[test]
fn a_registry_without_read_permission_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let locked = tmp.path().join("locked.toml");
    fs::write(&locked, "schema = 1\n").expect("write");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if fs::read(&locked).is_ok() {
        // Root (as in CI) reads files whatever their mode, so `due` would too.
        eprintln!(
            "note: skipped the mode-000 registry: this user reads any file; the read error is \
             checked with /proc/self/mem below"
        );
    } else {
        let path = locked.display().to_string();
        assert_eq!(
            refused_in(tmp.path(), &["validate", "--registry", &path]),
            "due: cannot read registry [TMP]/locked.toml: Permission denied (os error 13) (check that the file is readable by this user)\n"
        );
    }
}

/// A file that exists and cannot be read, whoever runs the test: reading a process's memory
/// from offset 0 fails with an I/O error, as it is never mapped.
#[cfg(target_os = "linux")]
#[test]
fn a_registry_that_fails_to_read_is_named() {
    assert_eq!(
        refused(&["validate", "--registry", "/proc/self/mem"]),
        "due: cannot read registry /proc/self/mem: Input/output error (os error 5) (check that the file is readable by this user)\n"
    );
}
