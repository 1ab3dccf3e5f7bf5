//! What the integration tests share: a `due` command that sees no settings of the machine
//! it runs on, and the fixture registries.
#![allow(dead_code)] // each test crate uses its own part of this module

use std::path::PathBuf;

use assert_cmd::Command;

/// The day the fixture `feeds.toml` is judged on: one item overdue, one due soon with a
/// milestone reached, one upcoming.
pub const TODAY: &str = "2027-03-01";

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `due` with no environment of its own: no registry, ledger, day, sender or credentials
/// from the variables, and a home of its own so no user's config or data is read.
pub fn due() -> Command {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("home");
    let mut cmd = Command::cargo_bin("due").expect("the due binary is built");
    for var in [
        "DUE_REGISTRY",
        "DUE_LEDGER",
        "DUE_TODAY",
        "DUE_MAIL_FROM",
        "DUE_SMTP_USER",
        "DUE_SMTP_PASSWORD",
        "NO_COLOR",
        // The locale: English unless a test asks for French.
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
    cmd
}

/// A command that sees no `due` settings of the machine: no registry, ledger or day from the
/// variables, no config or data directory, no colour, and English.
pub fn without_settings(cmd: &mut std::process::Command) -> &mut std::process::Command {
    cmd.env_remove("DUE_REGISTRY")
        .env_remove("DUE_LEDGER")
        .env_remove("DUE_TODAY")
        .env("HOME", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_DATA_HOME", "/nonexistent")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
}

/// `due --registry tests/fixtures/NAME --today TODAY`.
pub fn due_on(registry: &str, today: &str) -> Command {
    let mut cmd = due();
    cmd.arg("--registry")
        .arg(fixture(registry))
        .arg("--today")
        .arg(today);
    cmd
}

/// Runs and returns stdout, asserting the exit status.
pub fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

/// Whether an external program the test relies on is there. In CI its absence is a
/// failure, since `.ci/run` installs it; elsewhere the test is skipped with a note.
pub fn have_tool(name: &str, probe: &mut std::process::Command) -> bool {
    let ok = probe
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is needed by this test and is missing (.ci/run installs it)"
        );
        eprintln!("note: {name} is missing, skipping this test (CI installs it)");
    }
    ok
}

/// The generator binary, built (or brought up to date) with the test's own cargo, so that
/// a test never runs a stale generator.
pub fn synth_binary() -> PathBuf {
    let due = PathBuf::from(env!("CARGO_BIN_EXE_due"));
    let dir = due.parent().expect("the binary has a directory");
    let exe = format!("synth{}", std::env::consts::EXE_SUFFIX);
    let built = dir.join("examples").join(&exe);
    let profile_release = dir.file_name().is_some_and(|p| p == "release");
    let mut cargo = std::process::Command::new(env!("CARGO"));
    cargo
        .args(["build", "--quiet", "--example", "synth"])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if profile_release {
        cargo.arg("--release");
    }
    let status = cargo.status().expect("cargo runs");
    assert!(status.success(), "cargo build --example synth failed");
    assert!(
        built.exists(),
        "{} not found after building",
        built.display()
    );
    built
}
