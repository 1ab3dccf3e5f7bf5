//! A ledger shared by a team: its mode and group survive every write, whoever makes it; a
//! link to it is written through; the lock can be neither hijacked by a link nor waited for
//! forever; files that are not regular files are refused at once; folders `due` makes are
//! private.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

use assert_cmd::Command;

const REGISTRY: &str = r#"
schema = 1
title = "Shared registry"
timezone = "UTC"

[[obligation]]
id = "annual"
title = "Annual report"
every = "year"
due = "03-31"
"#;

struct Team {
    dir: tempfile::TempDir,
}

impl Team {
    fn new() -> Team {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("obligations.toml"), REGISTRY).unwrap();
        Team { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn env(&self, cmd: &mut Process) {
        cmd.env_clear()
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("home/data"))
            .env("XDG_CONFIG_HOME", self.path("home/config"))
            .env("USER", "ana")
            .env("DUE_TODAY", "2027-03-01")
            .env("DUE_REGISTRY", self.path("obligations.toml"));
    }

    fn due(&self) -> Command {
        let mut cmd = Process::new(env!("CARGO_BIN_EXE_due"));
        self.env(&mut cmd);
        Command::from_std(cmd)
    }

    /// `due` as run by a teammate whose umask keeps everything private.
    fn due_private_umask(&self, args: &[&str]) -> Command {
        let mut cmd = Process::new("sh");
        self.env(&mut cmd);
        cmd.args([
            "-c",
            "umask 077 && exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_due"),
        ])
        .args(args);
        Command::from_std(cmd)
    }

    fn done(&self, ledger: &Path, period: &str) -> Command {
        let mut cmd = self.due();
        cmd.args(["done", "annual", period, "--ledger"]).arg(ledger);
        cmd
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn stderr(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_teammate_with_a_private_umask_keeps_the_ledgers_mode_and_group() {
    let team = Team::new();
    let ledger = team.path("ledger.toml");
    fs::write(&ledger, "").unwrap();
    fs::set_permissions(&ledger, fs::Permissions::from_mode(0o664)).unwrap();
    // A group other than the user's own, where the user may set it (root may).
    let group = 4242;
    let grouped = std::os::unix::fs::chown(&ledger, None, Some(group)).is_ok();
    let l = ledger.to_str().unwrap();
    team.due_private_umask(&["done", "annual", "2026", "--ledger", l])
        .assert()
        .code(0);
    assert_eq!(mode(&ledger), 0o664);
    if grouped {
        assert_eq!(fs::metadata(&ledger).unwrap().gid(), group);
    }
    let text = fs::read_to_string(&ledger).unwrap();
    assert!(text.contains("period = \"2026\""), "{text}");
}

#[test]
fn a_new_ledger_in_a_group_writable_folder_is_group_writable() {
    let team = Team::new();
    let shared = team.path("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o2775)).unwrap();
    let ledger = shared.join("ledger.toml");
    let l = ledger.to_str().unwrap();
    team.due_private_umask(&["done", "annual", "2026", "--ledger", l])
        .assert()
        .code(0);
    assert_eq!(mode(&ledger) & 0o060, 0o060, "{:o}", mode(&ledger));
    let lock = shared.join("ledger.toml.lock");
    assert_eq!(mode(&lock) & 0o060, 0o060, "{:o}", mode(&lock));
}

#[test]
fn a_linked_ledger_is_written_through_and_locked_beside_its_target() {
    let team = Team::new();
    fs::create_dir(team.path("repo")).unwrap();
    let target = team.path("repo/ledger.toml");
    let link = team.path("ledger.toml");
    symlink("repo/ledger.toml", &link).unwrap();
    // The target does not exist yet: the first write creates it, through the link.
    team.done(&link, "2026").assert().code(0);
    team.done(&link, "2027").assert().code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("period = \"2026\"") && text.contains("period = \"2027\""),
        "{text}"
    );
    assert!(team.path("repo/ledger.toml.lock").exists());
    assert!(!team.path("ledger.toml.lock").exists());
}

#[test]
fn a_link_at_the_lock_path_is_refused_and_not_followed() {
    let team = Team::new();
    let ledger = team.path("ledger.toml");
    let planted = team.path("planted");
    symlink(&planted, team.path("ledger.toml.lock")).unwrap();
    let err = stderr(&mut team.done(&ledger, "2026"), 2);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(!planted.exists(), "the link's target was created");
    assert!(!ledger.exists(), "nothing was recorded");
}

#[test]
fn a_held_lock_is_waited_for_then_given_up() {
    let team = Team::new();
    let ledger = team.path("ledger.toml");
    team.done(&ledger, "2026").assert().code(0);
    let before = fs::read(&ledger).unwrap();
    // Another process holds the lock: the `flock` utility, for as long as the test needs.
    let lock = team.path("ledger.toml.lock");
    let mut holder = Process::new("flock")
        .arg(&lock)
        .args(["sleep", "30"])
        .spawn()
        .unwrap();
    // Until the holder has it, `due` would get it first.
    let held = Instant::now();
    while fs::File::open(&lock).unwrap().try_lock().is_ok() {
        assert!(
            held.elapsed() < Duration::from_secs(10),
            "flock never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let started = Instant::now();
    let err = stderr(team.done(&ledger, "2027").args(["--lock-timeout", "1"]), 2);
    let took = started.elapsed();
    // Said in the language asked for.
    let fr = stderr(
        team.done(&ledger, "2027")
            .args(["--lock-timeout", "1", "--lang", "fr"]),
        2,
    );
    let _ = holder.kill();
    let _ = holder.wait();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(err.matches("waiting for the lock").count(), 1, "{err}");
    assert!(err.contains(&*ledger.display().to_string()), "{err}");
    assert!(err.contains("gave up after 1 s"), "{err}");
    assert_eq!(
        fr.matches("attente du verrou du journal").count(),
        1,
        "{fr}"
    );
    assert!(
        fr.contains("abandon au bout de 1 s (--lock-timeout)"),
        "{fr}"
    );
    assert_eq!(
        fs::read(&ledger).unwrap(),
        before,
        "the ledger is unchanged"
    );
}

fn mkfifo(path: &Path) {
    assert!(Process::new("mkfifo").arg(path).status().unwrap().success());
}

#[test]
fn a_fifo_as_registry_or_ledger_is_refused_at_once() {
    let team = Team::new();
    let fifo = team.path("fifo");
    mkfifo(&fifo);
    for args in [
        vec!["--registry", fifo.to_str().unwrap(), "list"],
        vec!["--ledger", fifo.to_str().unwrap(), "status"],
        vec!["--ledger", fifo.to_str().unwrap(), "done", "annual", "2026"],
    ] {
        let started = Instant::now();
        let err = stderr(team.due().args(&args).timeout(Duration::from_secs(10)), 2);
        assert!(started.elapsed() < Duration::from_secs(5), "{args:?}");
        assert!(err.contains("FIFO"), "{args:?}: {err}");
    }
    let err = stderr(team.due().args(["--ledger", "/dev/null", "status"]), 2);
    assert!(err.contains("a device, not a regular file"), "{err}");
    // A folder is a ledger of one file per record: a record file that is a FIFO is refused
    // at once too.
    let records = team.path("records");
    fs::create_dir(&records).unwrap();
    mkfifo(&records.join("r.toml"));
    let started = Instant::now();
    let err = stderr(
        team.due()
            .arg("--ledger")
            .arg(&records)
            .arg("status")
            .timeout(Duration::from_secs(10)),
        2,
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(err.contains("r.toml: it is a FIFO"), "{err}");
}

#[test]
fn folders_due_makes_are_private() {
    let team = Team::new();
    // The default ledger's folder, made on the first record.
    team.due().args(["done", "annual", "2026"]).assert().code(0);
    let data = team.path("home/data/due");
    let ledgers = data.join("ledgers");
    let files = fs::read_dir(&ledgers).unwrap().map(|e| e.unwrap().path());
    assert_eq!(
        files
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .count(),
        1
    );
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&ledgers), 0o700);
    // The config folder `due init` writes the registry to.
    team.due().arg("init").assert().code(0);
    let config = team.path("home/config/due");
    assert!(config.join("obligations.toml").exists());
    assert_eq!(mode(&config), 0o700);
}
